import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { extractRecords } from '../../src/rdf/records.js';
import { auditRecords, sample } from '../../src/audit/audit.js';
import { looksLikeUdata } from '../../src/audit/portal.js';
import type { LinkChecking, LinkCheckResult } from '../../src/audit/link-types.js';
import {
  AGENCY,
  FULL_DATASET,
  FULL_DISTRIBUTION,
  PREFIXES,
  dataset,
  records,
  replacing,
  without,
} from './fixtures.js';

const noLicence = without(FULL_DISTRIBUTION, 'dct:license');
const otherPublisher = replacing(FULL_DATASET, 'dct:publisher', 'dct:publisher ex:city');
const CITY = 'ex:city a foaf:Organization ; foaf:name "City" .';

const catalog = [
  dataset('a', FULL_DATASET, [FULL_DISTRIBUTION]),
  dataset('b', FULL_DATASET, [noLicence, noLicence]),
  dataset('c', otherPublisher, [noLicence]),
  AGENCY,
  CITY,
].join('\n');

describe('auditRecords', () => {
  it('averages dataset scores per catalog and publisher, and ranks fixes', async () => {
    const report = await auditRecords([records(catalog)], { compliance: () => true });
    // no link checks: 80 points not measured; b and c also lack licences (30)
    expect([...report.datasets].map((d) => d.score)).toEqual([325, 295, 295]);
    expect(report.catalog.score).toBe(305);
    expect(report.catalog.rating).toBe('good');
    expect(report.publishers.map((p) => [p.name, p.datasets, p.score])).toEqual([
      ['Agency', 2, 310],
      ['City', 1, 295],
    ]);
    const licence = report.catalog.indicators.find((i) => i.id === 'licenceAvailability');
    expect(licence?.passRate).toBeCloseTo(1 / 3, 3);
    expect(licence?.distributionPassRate).toBe(0.25);
    const fix = report.catalog.fixFirst[0];
    expect(fix?.indicator).toBe('licenceAvailability');
    // one fix worth both licence indicators (20 + 10) in the two datasets without a licence
    expect(fix?.action).toBe(
      'add a known dct:license (EU licence vocabulary) to 3 distributions (in 2 datasets)',
    );
    expect(fix?.gain).toBe(20);
    expect(report.catalog.fixFirst.map((f) => f.indicator)).not.toContain('knownLicence');
    expect(report.notes.join(' ')).toContain('--check-links');
    expect(report.method).toBe('mqa');
    expect(report.methodLabel).toContain('best distribution');
  });

  it('says when a fix is enough to reach the next rating', async () => {
    const weak = without(without(FULL_DATASET, 'dcat:keyword'), 'dct:temporal');
    const page = records([dataset('w', weak, [noLicence]), AGENCY].join('\n'));
    const report = await auditRecords([page], { compliance: () => true });
    expect(report.catalog.score).toBe(245);
    const { fixFirst } = (await auditRecords([page], { compliance: () => false })).catalog;
    expect(fixFirst.map((f) => f.indicator)).toContain('dcatApCompliance');
    const withoutTheme = await auditRecords(
      [records([dataset('x', without(weak, 'dcat:theme'), [noLicence]), AGENCY].join('\n'))],
      { compliance: () => true },
    );
    expect(withoutTheme.catalog.score).toBe(215);
    expect(withoutTheme.catalog.rating).toBe('sufficient');
    const keyword = withoutTheme.catalog.fixFirst.find(
      (f) => f.indicator === 'keywordAvailability',
    );
    expect(keyword?.reaches).toBe('good');
  });

  it('scores a page given as a store or as quads exactly as its records', async () => {
    const quads = new Parser().parse(PREFIXES + catalog);
    const fromRecords = await auditRecords([extractRecords(new Store(quads))]);
    const fromStore = await auditRecords([new Store(quads)]);
    expect([...fromStore.datasets]).toEqual([...fromRecords.datasets]);
    const fromQuads = await auditRecords([{ quads }]);
    expect([...fromQuads.datasets]).toEqual([...fromRecords.datasets]);
    const withCompliance = await auditRecords([new Store(quads)], { compliance: () => false });
    expect(withCompliance.compliance.checked).toBe(true);
    expect(
      [...withCompliance.datasets][0]?.indicators.find((i) => i.id === 'dcatApCompliance')
        ?.measured,
    ).toBe(true);
  });

  it('counts a dataset repeated on two pages once', async () => {
    const page = records([dataset('a', FULL_DATASET, [FULL_DISTRIBUTION]), AGENCY].join('\n'));
    const report = await auditRecords([page, page]);
    expect(report.datasets).toHaveLength(1);
    expect(report.duplicates).toBe(1);
  });

  it('separates what a udata export never emits from what publishers can fix', async () => {
    const udata = [
      'a dcat:Dataset',
      'dct:title "Udata"',
      'dcat:keyword "x"',
      'dct:publisher ex:agency',
    ];
    const dist = [
      'a dcat:Distribution',
      'dcat:accessURL <https://www.data.gouv.fr/api/1/datasets/r/0b3c1a36-7c44-4a2b-9e0e-2f7f1c4b9a11>',
      'dct:format "csv"',
    ];
    const page = records(
      `<https://www.data.gouv.fr/datasets/5de8f397634f4164071119c5> ${udata.join(' ; ')} ; dcat:distribution ex:r1 .\nex:r1 ${dist.join(' ; ')} .\n${AGENCY}`,
    );
    const report = await auditRecords([page]);
    expect(report.portal?.id).toBe('udata');
    expect(report.catalog.portalLosses.map((l) => l.indicator).sort()).toEqual([
      'categoryAvailability',
      'spatialAvailability',
    ]);
    expect(report.catalog.fixFirst.map((f) => f.indicator)).not.toContain('categoryAvailability');
    const none = await auditRecords([page], { portal: 'none' });
    expect(none.portal).toBeUndefined();
    expect(none.catalog.fixFirst.map((f) => f.indicator)).toContain('categoryAvailability');
  });

  it('checks each distinct URL once and scores with the results', async () => {
    const asked: string[] = [];
    const links: LinkChecking = {
      check(urls) {
        asked.push(...urls);
        const out = new Map<string, LinkCheckResult>();
        for (const url of urls) {
          out.set(
            url,
            url.endsWith('.csv')
              ? { url, status: 404, outcome: 'broken' }
              : { url, status: 200, outcome: 'ok' },
          );
        }
        return Promise.resolve(out);
      },
    };
    const page = records(catalog);
    const report = await auditRecords([page], { links, compliance: () => true });
    expect(asked.sort()).toEqual([
      'http://files.example.org/access',
      'http://files.example.org/data.csv',
    ]);
    expect([...report.datasets][0]?.score).toBe(375);
    expect(report.links).toMatchObject({ mode: 'all', urls: 2, checked: 2, ok: 1, broken: 1 });
    expect(report.links.problems[0]).toMatchObject({
      url: 'http://files.example.org/data.csv',
      datasets: 3,
    });
  });

  it('samples URLs deterministically', () => {
    const urls = Array.from({ length: 50 }, (_, i) => `http://h/${i}`);
    expect(sample(urls, 5, 's')).toEqual(sample([...urls].reverse(), 5, 's'));
    expect(sample(urls, 5, 's')).toHaveLength(5);
    expect(sample(urls, 80, 's')).toHaveLength(50);
  });
});

describe('looksLikeUdata', () => {
  const m = (id: string, dist: string, access: string) => ({
    id,
    dataset: {},
    distributions: [{ id: dist, checks: {}, accessUrls: [access], downloadUrls: [] }],
  });

  it('recognises the IRI shapes udata exports, old and new', () => {
    expect(
      looksLikeUdata(
        m(
          'https://upstream.example.org/ds/1',
          'https://www.data.gouv.fr/datasets/61892c9d076a4d62434a1318/#resource-5dd4e0b2-4d96-4f36-b73e-b78ec993703c',
          'https://www.data.gouv.fr/datasets/r/5dd4e0b2-4d96-4f36-b73e-b78ec993703c',
        ),
      ),
    ).toBe(true);
    expect(
      looksLikeUdata(
        m('http://example.org/ds', 'http://example.org/ds/csv', 'http://example.org/f.csv'),
      ),
    ).toBe(false);
  });
});
