// Tests for the bundled vocabularies: versions and sizes pinned, lookups, nearest codes, typing.
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import {
  loadVocabularies,
  tableHint,
  vocabulariesOf,
  withVocabularyTypes,
} from '../../src/shacl/vocabularies.js';

const AUTH = 'http://publications.europa.eu/resource/authority/';
const IANA = 'http://www.iana.org/assignments/media-types/';
const DCT = 'http://purl.org/dc/terms/';
const { namedNode, quad, literal } = DataFactory;

describe('the bundled vocabularies', () => {
  const vocabularies = loadVocabularies();

  it('pins each table: its version and its number of codes', () => {
    const pinned = Object.fromEntries(
      vocabularies.tables.map((t) => [t.id, `${t.codes.length} @ ${t.version}`]),
    );
    expect(pinned).toEqual({
      language: '7935 @ iso-639-3@3.0.1, iso-639-2@3.0.2',
      country: '251 @ iso-3166@4.4.0',
      frequency: '37 @ 20220601-0',
      'file-type': '140 @ 20171213-0 with later additions',
      licence: '34 @ 20210922-0',
      'access-right': '7 @ 20220316-0',
      'data-theme': '14 @ 20220715-0',
      'dataset-type': '25 @ 20231214-0',
      'planned-availability': '5 @ 20220316-0',
      'distribution-status': '5 @ 20220316-0',
      'dataset-status': '5 @ 20220316-0',
      continent: '10 @ 20220316-0',
      'hvd-category': '96 @ 2023-09-27',
      'media-type': '2136 @ mime-db@1.54.0',
    });
  });

  it('types a listed concept with the classes DCAT-AP expects of its properties', () => {
    expect(vocabularies.classesOf(AUTH + 'language/FRA')).toEqual([DCT + 'LinguisticSystem']);
    expect(vocabularies.classesOf(AUTH + 'frequency/DAILY')).toContain(DCT + 'Frequency');
    expect(vocabularies.classesOf(AUTH + 'file-type/CSV')).toContain(DCT + 'MediaTypeOrExtent');
    expect(vocabularies.classesOf(AUTH + 'licence/CC_BY_4_0')).toContain(DCT + 'LicenseDocument');
    expect(vocabularies.classesOf(AUTH + 'country/FRA')).toEqual([DCT + 'Location']);
    expect(vocabularies.classesOf(IANA + 'text/csv')).toEqual([DCT + 'MediaType']);
  });

  it('reads media types without regard to case, over http and https', () => {
    expect(vocabularies.classesOf(IANA + 'text/CSV')).toEqual([DCT + 'MediaType']);
    expect(vocabularies.classesOf(IANA.replace('http:', 'https:') + 'application/json')).toEqual([
      DCT + 'MediaType',
    ]);
  });

  it('does not list a mistyped, retired or foreign code, nor a bare namespace', () => {
    expect(vocabularies.classesOf(AUTH + 'language/FRX')).toBeUndefined();
    expect(vocabularies.classesOf(AUTH + 'language/fra')).toBeUndefined(); // EU codes are upper case
    expect(vocabularies.classesOf(AUTH + 'country/YUG')).toBeUndefined(); // retired in 2003
    expect(vocabularies.classesOf(AUTH + 'language/')).toBeUndefined();
    expect(vocabularies.classesOf('https://example.org/language/FRA')).toBeUndefined();
    expect(vocabularies.classesOf(IANA + 'text/x-not-registered')).toBeUndefined();
  });

  it('says which table a value is missing from, and the nearest code', () => {
    expect(tableHint(vocabularies, AUTH + 'language/FRX')).toBe(
      '…/language/FRX is not in the EU language table; did you mean FRA?',
    );
    expect(tableHint(vocabularies, AUTH + 'frequency/DAYLY')).toBe(
      '…/frequency/DAYLY is not in the EU frequency table; did you mean DAILY?',
    );
    expect(tableHint(vocabularies, IANA + 'text/csvv')).toBe(
      '…/media-types/text/csvv is not in the IANA media types registry; did you mean text/csv?',
    );
    expect(tableHint(vocabularies, AUTH + 'licence/MY_OWN_LICENCE_OF_2019')).toBe(
      '…/licence/MY_OWN_LICENCE_OF_2019 is not in the EU licence table',
    );
    expect(tableHint(vocabularies, AUTH + 'language/FRA')).toBeUndefined();
    expect(tableHint(vocabularies, 'https://example.org/x')).toBeUndefined();
  });
});

describe('withVocabularyTypes', () => {
  const vocabularies = vocabulariesOf([
    {
      id: 't',
      label: 'test table',
      namespaces: ['https://t.example/'],
      classes: ['https://c.example/A', 'https://c.example/B'],
      version: '1',
      source: 'test',
      caseInsensitive: false,
      codes: ['X', 'Y'],
    },
  ]);
  const p = namedNode('https://p.example/p');

  it('adds the types of each listed concept once, whether subject or object', () => {
    const data = [
      quad(namedNode('https://d.example/1'), p, namedNode('https://t.example/X')),
      quad(namedNode('https://d.example/2'), p, namedNode('https://t.example/X')),
      quad(namedNode('https://t.example/Y'), p, literal('y')),
      quad(namedNode('https://d.example/3'), p, namedNode('https://t.example/Z')),
    ];
    const added = withVocabularyTypes(data, vocabularies)
      .slice(data.length)
      .map((q) => `${q.subject.value} ${q.object.value}`);
    expect(added).toEqual([
      'https://t.example/X https://c.example/A',
      'https://t.example/X https://c.example/B',
      'https://t.example/Y https://c.example/A',
      'https://t.example/Y https://c.example/B',
    ]);
  });

  it('returns the same array when nothing is listed', () => {
    const data = [quad(namedNode('https://d.example/1'), p, literal('x'))];
    expect(withVocabularyTypes(data, vocabularies)).toBe(data);
  });
});
