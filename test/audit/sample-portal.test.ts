import { Store } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRecords, type AuditReport } from '../../src/audit/audit.js';
import { parseText } from '../../src/rdf/parse.js';
import { extractRecords, type RecordGraph } from '../../src/rdf/records.js';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import type { GroundTruth } from '../../src/sample-portal/ground-truth.js';

let portal: SamplePortal;
let report: AuditReport;
let truth: GroundTruth;

async function* pages(base: string, count: number): AsyncGenerator<RecordGraph[]> {
  for (let page = 1; page <= count; page++) {
    const response = await fetch(`${base}/api/1/site/catalog.ttl?page=${page}&page_size=100`);
    const { quads } = await parseText(await response.text(), { format: 'turtle', lenient: true });
    yield extractRecords(new Store(quads));
  }
}

beforeAll(async () => {
  portal = await startSamplePortal({ datasets: 300, seed: 7 });
  truth = portal.groundTruth();
  report = await auditRecords(pages(portal.url, 3));
}, 60_000);

afterAll(async () => {
  await portal.close();
});

function failing(indicator: string): string[] {
  return [...report.datasets]
    .filter((d) => d.indicators.find((i) => i.id === indicator)?.pass === false)
    .map((d) => d.id)
    .sort();
}

function planted(defect: string): string[] {
  return truth.records
    .filter((r) => r.defects.includes(defect as never))
    .map((r) => r.iri)
    .sort();
}

describe('an audit of the sample portal', () => {
  it('scores every dataset once and recognises a udata export', () => {
    expect(report.datasets).toHaveLength(300);
    expect(report.portal?.id).toBe('udata');
    expect(report.catalog.portalLosses.map((l) => l.indicator).sort()).toEqual([
      'categoryAvailability',
      'spatialAvailability',
    ]);
  });

  it('finds exactly the datasets planted without keywords', () => {
    expect(failing('keywordAvailability')).toEqual(planted('missing-keywords'));
  });

  it('finds exactly the datasets planted without a contact point', () => {
    expect(failing('contactPointAvailability')).toEqual(planted('missing-contact-point'));
  });

  it('finds the datasets planted without a licence, where they have distributions', () => {
    const withDistributions = new Set(
      [...report.datasets].filter((d) => d.distributions > 0).map((d) => d.id),
    );
    expect(failing('licenceAvailability').filter((id) => withDistributions.has(id))).toEqual(
      planted('missing-licence').filter((id) => withDistributions.has(id)),
    );
  });
});
