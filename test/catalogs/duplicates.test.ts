// Cross-catalog duplicates: the same IRI, or the same identifier and landing page under other IRIs.
import { describe, expect, it } from 'vitest';
import type { IndexedDataset } from '../../src/catalogs/dataset-index.js';
import {
  DuplicateFinder,
  duplicatesSection,
  DUPLICATES_LISTED,
} from '../../src/catalogs/duplicates.js';

const pages = (...datasets: IndexedDataset[]) => [{ url: 'u', sha256: 's', datasets }];

describe('DuplicateFinder', () => {
  it('groups datasets two catalogs share by IRI, then by identifier and landing page', () => {
    const finder = new DuplicateFinder();
    finder.add(
      'gouv',
      pages(
        { iri: 'http://a/1', hash: 'x' },
        { iri: 'http://gouv/2', identifier: 'ID-2', landingPage: 'http://land/2', hash: 'x' },
        { iri: 'http://gouv/3', identifier: 'ID-3', landingPage: 'http://land/3', hash: 'x' },
        { iri: 'http://gouv/4', identifier: 'ID-4', landingPage: 'http://land/4', hash: 'x' },
      ),
    );
    finder.add(
      'region',
      pages(
        { iri: 'http://a/1', hash: 'y' },
        { iri: 'http://region/2', identifier: 'ID-2', landingPage: 'http://land/2', hash: 'y' },
        // Same identifier, another landing page: not the same dataset.
        {
          iri: 'http://region/3',
          identifier: 'ID-3',
          landingPage: 'http://elsewhere/3',
          hash: 'y',
        },
      ),
    );
    // A repeat inside one catalog is not a cross-catalog duplicate.
    finder.add(
      'solo',
      pages({ iri: 'http://solo/1', hash: 'z' }, { iri: 'http://solo/1', hash: 'z' }),
    );
    const groups = finder.groups();
    expect(groups).toEqual([
      {
        by: 'identifier',
        key: 'ID-2',
        landingPage: 'http://land/2',
        members: [
          { catalog: 'gouv', iri: 'http://gouv/2' },
          { catalog: 'region', iri: 'http://region/2' },
        ],
      },
      {
        by: 'iri',
        key: 'http://a/1',
        members: [
          { catalog: 'gouv', iri: 'http://a/1' },
          { catalog: 'region', iri: 'http://a/1' },
        ],
      },
    ]);
    expect(duplicatesSection(groups)).toMatchObject({ groups: 2, byIri: 1, byIdentifier: 1 });
  });

  it('does not list an identifier group whose IRIs are all one (the IRI group has it)', () => {
    const finder = new DuplicateFinder();
    const same = { iri: 'http://a/1', identifier: 'I', landingPage: 'http://l', hash: 'h' };
    finder.add('a', pages(same));
    finder.add('b', pages(same));
    expect(finder.groups().map((g) => g.by)).toEqual(['iri']);
  });

  it('lists the first groups in the section and counts them all', () => {
    const finder = new DuplicateFinder();
    const many = Array.from({ length: DUPLICATES_LISTED + 3 }, (_, i) => ({
      iri: `http://d/${i}`,
      hash: 'h',
    }));
    finder.add('a', pages(...many));
    finder.add('b', pages(...many));
    const section = duplicatesSection(finder.groups());
    expect(section.groups).toBe(DUPLICATES_LISTED + 3);
    expect(section.listed).toHaveLength(DUPLICATES_LISTED);
  });
});
