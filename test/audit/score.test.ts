import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/audit/indicators/index.js';
import { measureDataset } from '../../src/audit/measure.js';
import { scoreDataset, type ScoringMethod } from '../../src/audit/score.js';
import type { MeasureContext } from '../../src/audit/types.js';
import {
  AGENCY,
  FULL_DATASET,
  FULL_DISTRIBUTION,
  dataset,
  records,
  replacing,
  without,
} from './fixtures.js';

const OK: MeasureContext = {
  compliance: true,
  status: () => ({ status: 200 }),
  statusRange: [200, 399],
};

function score(turtle: string, method: ScoringMethod = 'mqa', context = OK) {
  const record = records(turtle + '\n' + AGENCY).find((r) => r.kind === 'dataset');
  if (!record) throw new Error('no dataset');
  return scoreDataset(measureDataset(record, context), method);
}

function outcome(result: ReturnType<typeof score>, id: string) {
  const found = result.indicators.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe('the indicator table', () => {
  it('has 23 indicators worth 405 points in five dimensions', () => {
    expect(INDICATORS).toHaveLength(23);
    expect(INDICATORS.reduce((s, i) => s + i.points, 0)).toBe(405);
    const byDimension: Record<string, number> = {};
    for (const i of INDICATORS)
      byDimension[i.dimension] = (byDimension[i.dimension] ?? 0) + i.points;
    expect(byDimension).toEqual({
      findability: 100,
      accessibility: 100,
      interoperability: 110,
      reusability: 75,
      contextuality: 20,
    });
    expect(new Set(INDICATORS.map((i) => i.metric)).size).toBe(23);
    expect(INDICATORS[0]?.metric).toBe('https://piveau.eu/ns/voc#keywordAvailability');
  });
});

describe('scoreDataset', () => {
  const full = dataset('full', FULL_DATASET, [FULL_DISTRIBUTION]);

  for (const method of ['mqa', 'proportional'] as const) {
    it(`gives a complete dataset 405 points (${method})`, () => {
      const result = score(full, method);
      expect(result.score).toBe(405);
      expect(result.rating).toBe('excellent');
      expect(result.dimensions).toEqual({
        findability: 100,
        accessibility: 100,
        interoperability: 110,
        reusability: 75,
        contextuality: 20,
      });
    });
  }

  // Each case: the indicator, a way to break it, and the points lost.
  const cases: [string, string[], string[], number][] = [
    ['keywordAvailability', without(FULL_DATASET, 'dcat:keyword'), FULL_DISTRIBUTION, 30],
    ['categoryAvailability', without(FULL_DATASET, 'dcat:theme'), FULL_DISTRIBUTION, 30],
    ['spatialAvailability', without(FULL_DATASET, 'dct:spatial'), FULL_DISTRIBUTION, 20],
    ['temporalAvailability', without(FULL_DATASET, 'dct:temporal'), FULL_DISTRIBUTION, 20],
    // no download URL: 20 for the URL, its status is then not measured (30)
    ['downloadUrlAvailability', FULL_DATASET, without(FULL_DISTRIBUTION, 'dcat:downloadURL'), 50],
    // no format: 20, and the format lists fall back to the media type (text/csv)
    ['formatAvailability', FULL_DATASET, without(FULL_DISTRIBUTION, 'dct:format'), 20],
    ['mediaTypeAvailability', FULL_DATASET, without(FULL_DISTRIBUTION, 'dcat:mediaType'), 10],
    [
      'formatMediaTypeVocabularyAlignment',
      FULL_DATASET,
      replacing(FULL_DISTRIBUTION, 'dct:format', 'dct:format "Fichier tableur"'),
      10,
    ],
    [
      'formatMediaTypeNonProprietary',
      FULL_DATASET,
      replacing(
        replacing(FULL_DISTRIBUTION, 'dct:format', 'dct:format "xlsx"'),
        'dcat:mediaType',
        'dcat:mediaType "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"',
      ),
      20,
    ],
    [
      'formatMediaTypeMachineInterpretable',
      FULL_DATASET,
      replacing(
        replacing(FULL_DISTRIBUTION, 'dct:format', 'dct:format "pdf"'),
        'dcat:mediaType',
        'dcat:mediaType "application/pdf"',
      ),
      40, // PDF is neither machine-readable nor non-proprietary
    ],
    ['licenceAvailability', FULL_DATASET, without(FULL_DISTRIBUTION, 'dct:license'), 30],
    [
      'knownLicence',
      FULL_DATASET,
      replacing(FULL_DISTRIBUTION, 'dct:license', 'dct:license <http://example.org/my-licence>'),
      10,
    ],
    ['accessRightsAvailability', without(FULL_DATASET, 'dct:accessRights'), FULL_DISTRIBUTION, 15],
    [
      'accessRightsVocabularyAlignment',
      replacing(FULL_DATASET, 'dct:accessRights', 'dct:accessRights ex:open'),
      FULL_DISTRIBUTION,
      5,
    ],
    ['contactPointAvailability', without(FULL_DATASET, 'dcat:contactPoint'), FULL_DISTRIBUTION, 20],
    ['publisherAvailability', without(FULL_DATASET, 'dct:publisher'), FULL_DISTRIBUTION, 10],
    ['rightsAvailability', FULL_DATASET, without(FULL_DISTRIBUTION, 'dct:rights'), 5],
    ['byteSizeAvailability', FULL_DATASET, without(FULL_DISTRIBUTION, 'dcat:byteSize'), 5],
    ['dateIssuedAvailability', FULL_DATASET, without(FULL_DISTRIBUTION, 'dct:issued'), 5],
    ['dateModifiedAvailability', FULL_DATASET, without(FULL_DISTRIBUTION, 'dct:modified'), 5],
  ];
  for (const [id, datasetLines, distLines, lost] of cases) {
    for (const method of ['mqa', 'proportional'] as const) {
      it(`takes ${lost} points when ${id} fails (${method})`, () => {
        const result = score(dataset('d', datasetLines, [distLines]), method);
        expect(result.score).toBe(405 - lost);
        expect(outcome(result, id).pass).toBe(false);
        expect(outcome(result, id).why).not.toBe('');
      });
    }
  }

  it('takes 50 points for a broken access URL and 30 for a broken download URL', () => {
    const broken: MeasureContext = { ...OK, status: () => ({ status: 404 }) };
    const result = score(full, 'mqa', broken);
    expect(result.score).toBe(325);
    expect(outcome(result, 'accessUrlStatusCode').why).toContain('HTTP 404');
  });

  it('counts pseudo-codes 1100 and 1300 as failures', () => {
    const failed: MeasureContext = {
      ...OK,
      status: (url) => ({ status: url.endsWith('.csv') ? 1300 : 1100 }),
    };
    const result = score(full, 'mqa', failed);
    expect(outcome(result, 'accessUrlStatusCode').why).toContain('connection failed (1100)');
    expect(outcome(result, 'downloadUrlStatusCode').why).toContain('invalid URL (1300)');
  });

  it('applies the status range option (piveau 200–299 makes a 302 fail)', () => {
    const redirect: MeasureContext = { ...OK, status: () => ({ status: 302 }) };
    expect(score(full, 'mqa', redirect).score).toBe(405);
    expect(score(full, 'mqa', { ...redirect, statusRange: [200, 299] }).score).toBe(325);
  });

  it('treats unchecked and inconclusive URLs as not measured', () => {
    const none: MeasureContext = { ...OK, status: () => undefined };
    const result = score(full, 'mqa', none);
    expect(result.score).toBe(325);
    expect(outcome(result, 'accessUrlStatusCode').measured).toBe(false);
    const limited: MeasureContext = { ...OK, status: () => ({ status: 429, inconclusive: true }) };
    expect(outcome(score(full, 'mqa', limited), 'accessUrlStatusCode').why).toContain('429');
  });

  it('does not measure DCAT-AP compliance without a check, and fails it on violations', () => {
    const { compliance: _, ...unchecked } = OK;
    expect(outcome(score(full, 'mqa', unchecked), 'dcatApCompliance').measured).toBe(false);
    expect(score(full, 'mqa', { ...OK, compliance: false }).score).toBe(375);
  });

  it('maps the plain literals udata emits to EU file types', () => {
    const udata = replacing(
      replacing(FULL_DISTRIBUTION, 'dct:format', 'dct:format "csv"'),
      'dcat:mediaType',
      'dcat:mediaType "text/csv"',
    );
    const result = score(dataset('u', FULL_DATASET, [udata]));
    expect(result.score).toBe(405);
    expect(outcome(result, 'formatMediaTypeMachineInterpretable').why).toContain('CSV');
  });

  it('knows French portal licences and licences matched via skos:exactMatch', () => {
    const etalab = replacing(
      FULL_DISTRIBUTION,
      'dct:license',
      'dct:license <https://www.etalab.gouv.fr/licence-ouverte-open-licence/>',
    );
    expect(outcome(score(dataset('e', FULL_DATASET, [etalab])), 'knownLicence').pass).toBe(true);
    const matched =
      dataset('m', FULL_DATASET, [
        replacing(FULL_DISTRIBUTION, 'dct:license', 'dct:license ex:lic'),
      ]) +
      '\nex:lic skos:exactMatch <http://publications.europa.eu/resource/authority/licence/ODC_BL> .';
    const result = score(matched);
    expect(outcome(result, 'knownLicence').pass).toBe(true);
    expect(outcome(result, 'knownLicence').why).toContain('skos:exactMatch');
  });
});

describe('the best-distribution rule', () => {
  const poor = ['a dcat:Distribution', 'dcat:accessURL <http://files.example.org/x>'];
  const mixed = dataset('mix', FULL_DATASET, [poor, FULL_DISTRIBUTION]);

  it('counts only the best distribution under the MQA method', () => {
    const result = score(mixed, 'mqa');
    expect(result.score).toBe(405);
    expect(result.chosen).toBe('http://example.org/mix-d1');
    expect(outcome(result, 'licenceAvailability').passing).toBe(1);
  });

  it('averages distributions under the proportional method', () => {
    const result = score(mixed, 'proportional');
    // The poor distribution passes only the access URL (50 of 230 distribution points).
    expect(outcome(result, 'licenceAvailability').points).toBe(10);
    expect(outcome(result, 'licenceAvailability').why).toContain('1 of 2 distributions');
    expect(result.score).toBe(405 - (230 - 50) / 2);
  });

  it('keeps the first distribution on a tie', () => {
    const result = score(dataset('tie', FULL_DATASET, [poor, poor]), 'mqa');
    expect(result.chosen).toBe('http://example.org/tie-d0');
  });

  it('scores only dataset-level indicators without distributions', () => {
    const result = score(dataset('none', FULL_DATASET), 'mqa');
    // keyword 30 + theme 30 + spatial 20 + temporal 20 + compliance 30 + access rights 15 +
    // contact 20 + publisher 10 = 175
    expect(result.score).toBe(175);
    expect(result.distributions).toBe(0);
    expect(outcome(result, 'formatAvailability').why).toBe('no distributions');
  });
});

describe('the date fallback', () => {
  const noDates = without(without(FULL_DISTRIBUTION, 'dct:issued'), 'dct:modified');
  const datedDataset = [
    ...FULL_DATASET,
    'dct:issued "2019-01-01"^^xsd:date',
    'dct:modified "2019-02-01"^^xsd:date',
  ];

  it('skips the dataset dates when the chosen distribution was measured for them', () => {
    const result = score(dataset('f', datedDataset, [noDates]), 'mqa');
    expect(result.score).toBe(395);
    expect(outcome(result, 'dateIssuedAvailability').why).toContain(
      'piveau skips the dataset value',
    );
  });

  it('uses the dataset dates when there are no distributions', () => {
    const result = score(dataset('g', datedDataset), 'mqa');
    expect(result.score).toBe(185);
    expect(outcome(result, 'dateModifiedAvailability').pass).toBe(true);
  });
});
