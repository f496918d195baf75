// What changed between two dataset indexes: added, changed, removed, and identifier drift both ways.
import { describe, expect, it } from 'vitest';
import { compareIndexes, listedChanges, CHANGES_LISTED } from '../../src/catalogs/changes.js';
import type { IndexedDataset, IndexedPage } from '../../src/catalogs/dataset-index.js';

const page = (...datasets: IndexedDataset[]): IndexedPage => ({
  url: 'http://x/p',
  sha256: 'h',
  datasets,
});
const d = (iri: string, hash: string, identifier?: string): IndexedDataset =>
  identifier === undefined ? { iri, hash } : { iri, hash, identifier };

describe('compareIndexes', () => {
  it('sorts datasets into added, changed, removed and unchanged by IRI and content hash', () => {
    const before = [
      page(d('http://x/a', '1', 'A'), d('http://x/b', '2', 'B')),
      page(d('http://x/c', '3')),
    ];
    const after = [
      page(d('http://x/c', '3'), d('http://x/b', '9', 'B')),
      page(d('http://x/d', '4', 'D')),
    ];
    const changes = compareIndexes(before, after, '/prev/cat');
    expect(changes.since).toBe('/prev/cat');
    expect(changes.added).toEqual([{ iri: 'http://x/d', identifier: 'D' }]);
    expect(changes.changed).toEqual([{ iri: 'http://x/b', identifier: 'B' }]);
    expect(changes.removed).toEqual([{ iri: 'http://x/a', identifier: 'A' }]);
    expect(changes.counts).toEqual({
      added: 1,
      changed: 1,
      removed: 1,
      unchanged: 1,
      identifierDrift: 0,
      iriDrift: 0,
    });
  });

  it('reports the same IRI under a new identifier, and the same identifier under a new IRI', () => {
    const before = [
      page(d('http://x/a', '1', 'A'), d('http://x/old', '2', 'K'), d('http://x/e', '5')),
    ];
    const after = [
      page(d('http://x/a', '1', 'A2'), d('http://x/new', '2', 'K'), d('http://x/e', '5', 'E')),
    ];
    const { drift, counts } = compareIndexes(before, after, '/prev');
    expect(drift).toEqual([
      { kind: 'identifier', key: 'http://x/a', before: 'A', after: 'A2' },
      { kind: 'identifier', key: 'http://x/e', before: null, after: 'E' },
      { kind: 'iri', key: 'K', before: 'http://x/old', after: 'http://x/new' },
    ]);
    expect(counts).toMatchObject({
      identifierDrift: 2,
      iriDrift: 1,
      added: 1,
      removed: 1,
      unchanged: 2,
    });
  });

  it('cuts the lists in report.json, never the counts', () => {
    const many = Array.from({ length: CHANGES_LISTED + 5 }, (_, i) =>
      d(`http://x/${i}`, String(i)),
    );
    const listed = listedChanges(compareIndexes([], [page(...many)], '/p'));
    expect(listed.added).toHaveLength(CHANGES_LISTED);
    expect(listed.counts.added).toBe(CHANGES_LISTED + 5);
  });
});
