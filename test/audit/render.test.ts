import { describe, expect, it } from 'vitest';
import { auditRecords } from '../../src/audit/audit.js';
import {
  auditDqvQuads,
  auditDqvTurtleChunks,
  renderAuditDqvTurtle,
} from '../../src/audit/render/audit-dqv.js';
import { parseText } from '../../src/rdf/parse.js';
import { renderAuditCsv } from '../../src/audit/render/audit-csv.js';
import { renderAuditMarkdown } from '../../src/audit/render/audit-markdown.js';
import { renderAuditText } from '../../src/audit/render/audit-text.js';
import { AGENCY, FULL_DATASET, FULL_DISTRIBUTION, dataset, records, without } from './fixtures.js';

const PV = 'https://piveau.eu/ns/voc#';
const DQV = 'http://www.w3.org/ns/dqv#';
const page = records(
  [
    dataset('a', FULL_DATASET, [FULL_DISTRIBUTION, without(FULL_DISTRIBUTION, 'dct:license')]),
    dataset('b', without(FULL_DATASET, 'dcat:keyword'), []),
    AGENCY,
  ].join('\n'),
);

describe('the audit renderers', () => {
  it('writes DQV measurements on the chosen distribution with MQA metric IRIs', async () => {
    const report = await auditRecords([page], { compliance: () => true });
    const quads = auditDqvQuads(report);
    const metricOf = new Map(
      quads
        .filter((q) => q.predicate.value === DQV + 'isMeasurementOf')
        .map((q) => [q.subject.value, q.object.value]),
    );
    const computedOn = quads.filter((q) => q.predicate.value === DQV + 'computedOn');
    const licence = computedOn.find(
      (q) => metricOf.get(q.subject.value) === PV + 'licenceAvailability',
    );
    expect(licence?.object.value).toBe('http://example.org/a-d0');
    const scoring = [...metricOf.values()].filter((m) => m === PV + 'scoring');
    expect(scoring).toHaveLength(2);
    // unmeasured indicators (links not checked) get no measurement
    expect([...metricOf.values()]).not.toContain(PV + 'accessUrlStatusCode');
  });

  it('writes the same DQV Turtle in pieces as whole, and it parses back to the same quads', async () => {
    const report = await auditRecords([page], { compliance: () => true });
    const whole = await renderAuditDqvTurtle(report);
    expect([...auditDqvTurtleChunks(report)].join('')).toBe(whole);
    const back = await parseText(whole, { format: 'turtle' });
    expect(back.quads.length).toBe(auditDqvQuads(report).length);
    expect(back.quads.length).toBeGreaterThan(50);
  });

  it('writes proportional shares as decimals in DQV', async () => {
    const report = await auditRecords([page], { method: 'proportional' });
    const quads = auditDqvQuads(report);
    const values = quads.filter(
      (q) => q.predicate.value === DQV + 'value' && q.object.value === '0.5',
    );
    expect(values.length).toBeGreaterThan(0);
  });

  it('names the method in text, Markdown and CSV', async () => {
    const report = await auditRecords([page], { method: 'proportional' });
    expect(renderAuditText(report)).toContain('method: proportional');
    expect(renderAuditMarkdown(report)).toContain('Method: **proportional');
    expect(renderAuditCsv(report).split('\r\n')[1]).toContain(',proportional,');
  });

  it('explains datasets without distributions', async () => {
    const report = await auditRecords([page]);
    const text = renderAuditText(report, { explain: 'all' });
    expect(text).toContain('0 distributions');
    expect(text).toMatch(/· Format\s+0\/20 {2}no distributions/);
  });
});

describe('audit reports in pieces', () => {
  it('json and dqv-turtle chunks equal their whole renderers', async () => {
    const { AUDIT_CHUNKS, AUDIT_RENDERERS } = await import('../../src/audit/render/index.js');
    const report = await auditRecords([page], { compliance: () => true });
    for (const format of ['json', 'dqv-turtle']) {
      const pieces = [...AUDIT_CHUNKS[format]!(report)];
      if (format === 'json') expect(pieces.length).toBeGreaterThan(3); // one per dataset and more
      expect(pieces.join('')).toBe(await AUDIT_RENDERERS[format]!(report, {}));
    }
  });
});
