// Tests for --background vocabularies|classes|none and --relax documents, on DCAT-AP 3 and HVD.
import { Parser, Store } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractRecords } from '../../src/rdf/records.js';
import { backgroundFor, backgroundOf, loadBackground } from '../../src/shacl/background.js';
import type { Finding } from '../../src/shacl/findings.js';
import { loadShapes } from '../../src/shacl/profiles.js';
import { validatorFor } from '../../src/shacl/run.js';
import { createValidator, type Validator } from '../../src/shacl/validate.js';
import { loadVocabularies } from '../../src/shacl/vocabularies.js';
import { RDF } from '../../src/vocab.js';

const AUTH = 'http://publications.europa.eu/resource/authority/';
const PREFIXES = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix adms: <http://www.w3.org/ns/adms#> . @prefix dcatap: <http://data.europa.eu/r5r/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
`;
/** The example: a dataset that does all DCAT-AP asks, with a landing page. */
const EXAMPLE = `${PREFIXES}
<https://example.org/ds> a dcat:Dataset ; dct:title "Example"@en ; dct:description "An example."@en ;
  dct:language <${AUTH}language/FRA> ; dct:accrualPeriodicity <${AUTH}frequency/DAILY> ;
  dcat:landingPage <https://example.org/page> ; dcat:distribution <https://example.org/dist> .
<https://example.org/dist> a dcat:Distribution ; dcat:accessURL <https://example.org/file.csv> ;
  dct:format <${AUTH}file-type/CSV> ;
  dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> .`;

const CLASS = 'http://www.w3.org/ns/shacl#ClassConstraintComponent';
const validators = new Map<string, Validator>();

async function findings(turtle: string, key: string, profile = 'dcat-ap-3'): Promise<Finding[]> {
  const [mode, relax] = key.split('+') as ['vocabularies' | 'classes' | 'none', string?];
  const id = `${profile} ${key}`;
  let validator = validators.get(id);
  if (!validator) {
    validator = await validatorFor({
      profile,
      level: profile === 'dcat-ap-3' ? 'full' : 'ranges',
      background: mode,
      relax: relax === 'documents' ? ['documents'] : [],
    });
    validators.set(id, validator);
  }
  const records = extractRecords(new Store(new Parser().parse(turtle)));
  return records.flatMap((r) => validator.validateRecord(r));
}

const classChecks = (fs: Finding[]) =>
  fs
    .filter((f) => f.component === CLASS)
    .map((f) => f.path?.replace(/^.*[#/]/, ''))
    .sort();

describe('background modes on the issue example (dcat-ap-3, full)', () => {
  it('vocabularies (the default): only the landing page is left, as a document check', async () => {
    const fs = await findings(EXAMPLE, 'vocabularies');
    expect(classChecks(fs)).toEqual(['landingPage']);
    expect(fs.find((f) => f.component === CLASS)?.message).toMatch(
      /dcat:landingPage <https:\/\/example.org\/page> is a web document not typed foaf:Document \(document check\).*--relax documents/,
    );
  });

  it('classes: the four vocabulary values fail as well', async () => {
    expect(classChecks(await findings(EXAMPLE, 'classes'))).toEqual([
      'accrualPeriodicity',
      'format',
      'landingPage',
      'language',
      'mediaType',
    ]);
  });

  it('none: the same five (the hierarchy is not needed for these)', async () => {
    expect(classChecks(await findings(EXAMPLE, 'none'))).toHaveLength(5);
  });

  it('--relax documents drops the landing page, and nothing else', async () => {
    const all = await findings(EXAMPLE, 'vocabularies');
    const relaxed = await findings(EXAMPLE, 'vocabularies+documents');
    expect(classChecks(relaxed)).toEqual([]);
    expect(relaxed.length).toBe(all.length - 1);
  });

  it('a code not in its table fails, naming the table and the nearest code', async () => {
    const fs = await findings(EXAMPLE.replace('language/FRA', 'language/FRX'), 'vocabularies');
    const language = fs.find((f) => f.component === CLASS && f.path?.endsWith('language'));
    expect(language?.severity).toBe('violation');
    expect(language?.message).toContain(
      'dct:language …/language/FRX is not in the EU language table; did you mean FRA?',
    );
  });

  it('backgroundFor refuses an unknown mode with the ones it takes', async () => {
    await expect(backgroundFor('everything' as never)).rejects.toThrow(
      /unknown background "everything"/,
    );
  });
});

/** One listed code per vocabulary, on a property whose range it satisfies. */
const PER_VOCABULARY: [string, string, string][] = [
  ['language', 'dataset', `dct:language <${AUTH}language/DEU>`],
  ['country', 'dataset', `dct:spatial <${AUTH}country/BEL>`],
  ['continent', 'dataset', `dct:spatial <${AUTH}continent/EUROPE>`],
  ['frequency', 'dataset', `dct:accrualPeriodicity <${AUTH}frequency/MONTHLY>`],
  ['access-right', 'dataset', `dct:accessRights <${AUTH}access-right/PUBLIC>`],
  ['data-theme', 'dataset', `dcat:theme <${AUTH}data-theme/ENVI>`],
  ['dataset-type', 'dataset', `dct:type <${AUTH}dataset-type/STATISTICAL>`],
  ['file-type', 'distribution', `dct:format <${AUTH}file-type/GEOJSON>`],
  ['licence', 'distribution', `dct:license <${AUTH}licence/CC_BY_4_0>`],
  [
    'planned-availability',
    'distribution',
    `dcatap:availability <${AUTH}planned-availability/STABLE>`,
  ],
  ['distribution-status', 'distribution', `adms:status <${AUTH}distribution-status/COMPLETED>`],
  ['dataset-status', 'distribution', `adms:status <${AUTH}dataset-status/DEVELOP>`],
  [
    'media-type',
    'distribution',
    `dcat:mediaType <http://www.iana.org/assignments/media-types/application/geo+json>`,
  ],
];

function withValue(where: string, statement: string): string {
  const ds = where === 'dataset' ? `; ${statement}` : '';
  const dist = where === 'distribution' ? `; ${statement}` : '';
  return `${PREFIXES}
<https://example.org/ds> a dcat:Dataset ; dct:title "T"@en ; dct:description "D"@en ;
  dcat:distribution <https://example.org/dist> ${ds} .
<https://example.org/dist> a dcat:Distribution ; dcat:accessURL <https://example.org/f> ${dist} .`;
}

describe('one value per vocabulary passes with vocabularies and fails with classes', () => {
  for (const [table, where, statement] of PER_VOCABULARY) {
    it(table, async () => {
      const turtle = withValue(where, statement);
      expect(classChecks(await findings(turtle, 'vocabularies'))).toEqual([]);
      expect(classChecks(await findings(turtle, 'classes'))).toHaveLength(1);
    });
  }

  it('hvd-category (dcat-ap-hvd, ranges)', async () => {
    const turtle = `${PREFIXES}
<https://example.org/ds> a dcat:Dataset ; dcatap:hvdCategory <http://data.europa.eu/bna/c_164e0bf5> .`;
    expect(classChecks(await findings(turtle, 'vocabularies', 'dcat-ap-hvd'))).toEqual([]);
    expect(classChecks(await findings(turtle, 'classes', 'dcat-ap-hvd'))).toEqual(['hvdCategory']);
  });
});

describe('record by record with the lookup equals a whole graph with the tables added', () => {
  let lookup: Validator;
  let whole: Validator;
  beforeAll(async () => {
    const shapes = await loadShapes({ profile: 'dcat-ap-3', level: 'full' });
    lookup = await createValidator(shapes, { background: await backgroundFor('vocabularies') });
    // Every concept of every table as rdf:type triples, plus the class hierarchy: ≈ 12,000 quads.
    const { DataFactory } = await import('n3');
    const { quad, namedNode } = DataFactory;
    const typeQuads = loadVocabularies().tables.flatMap((t) =>
      t.codes.flatMap((code) =>
        t.classes.map((c) =>
          quad(namedNode(t.namespaces[0] + code), namedNode(RDF.type), namedNode(c)),
        ),
      ),
    );
    const hierarchy = (await loadBackground()).quads;
    whole = await createValidator(shapes, {
      background: backgroundOf([...hierarchy, ...typeQuads]),
    });
  }, 120_000);

  it('gives the same findings, a concept described by the data included', async () => {
    const turtle = `${EXAMPLE}
<${AUTH}language/FRA> skos:prefLabel "French"@en .
<https://example.org/ds> dct:language <${AUTH}language/FRX> ; dcat:theme <${AUTH}data-theme/ENVI> ;
  dct:spatial <${AUTH}country/FRA> .
<${AUTH}data-theme/ENVI> a skos:Concept .`;
    const records = extractRecords(new Store(new Parser().parse(turtle)));
    const key = (f: Finding) => `${f.focusNode} ${f.path} ${f.component} ${f.value} ${f.severity}`;
    const a = records
      .flatMap((r) => lookup.validateRecord(r))
      .map(key)
      .sort();
    const b = records
      .flatMap((r) => whole.validateRecord(r))
      .map(key)
      .sort();
    expect(a).toEqual(b);
    expect(a.some((k) => k.includes('data-theme/ENVI') && k.includes('MinCount'))).toBe(true);
  });
});
