// The per-publisher files name each publisher's own dataset in its findings, not the catalog's example.
import { describe, expect, it } from 'vitest';
import { messageFor, publisherCsv } from '../../src/run/by-publisher.js';
import type { DatasetRow, FindingGroupRow } from '../../src/run/report-model.js';

const group: FindingGroupRow = {
  severity: 'violation',
  component: 'sh:MinCountConstraintComponent',
  shape: 'dcatap:Dataset_Shape',
  path: 'dct:description',
  recordKind: 'dataset',
  count: 2,
  records: 2,
  // The example comes from the catalog's smallest IRI: another publisher's dataset.
  message:
    'dataset «Alpha» (https://a.example/ds/1) has no dct:description (required, at least 1); fix: add dct:description',
};
const distributionGroup: FindingGroupRow = {
  ...group,
  shape: 'dcatap:Distribution_Shape',
  path: 'dcat:accessURL',
  component: 'sh:NodeKindConstraintComponent',
  message:
    'dcat:Distribution https://a.example/dist/9 of dataset «Alpha» (https://a.example/ds/1): dcat:accessURL "not an IRI" is not an IRI; fix: use an IRI',
};

const row = (id: string, title: string): DatasetRow =>
  ({
    id,
    title,
    publisher: 'https://b.example/org',
    score: 120,
    rating: 'sufficient',
    distributions: 1,
    counts: { violation: 2, warning: 0, info: 0 },
    brokenLinks: 0,
    indicators: [],
    groups: [
      [0, 1],
      [1, 1],
    ],
  }) as unknown as DatasetRow;

describe('by-publisher messages', () => {
  const beta = row('https://b.example/ds/2', 'Beta');

  it("name the publisher's dataset, not the example's", () => {
    const text = messageFor(group, beta);
    expect(text).toBe(
      'dataset «Beta» (https://b.example/ds/2) has no dct:description (required, at least 1); fix: add dct:description',
    );
    expect(text).not.toContain('Alpha');
  });

  it("elide the other dataset's focus node and value", () => {
    const text = messageFor(distributionGroup, beta);
    expect(text).toContain('of dataset «Beta» (https://b.example/ds/2)');
    expect(text).not.toContain('a.example');
    expect(text).toContain('…');
  });

  it("give datasets.csv's first finding in the dataset's own words", () => {
    const csv = publisherCsv([beta], [group, distributionGroup]);
    expect(csv).toContain('dataset «Beta» (https://b.example/ds/2) has no dct:description');
    expect(csv).not.toContain('Alpha');
  });
});
