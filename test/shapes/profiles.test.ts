// Checks the bundled profiles: index, generated files, severities and messages, background, imports.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { renderProfiles } from '../../shapes/src/build.js';
import { listConstraints } from './constraints.js';
import { renderCases } from './generate.js';
import type { Result } from './run-shacl.js';
import { createRunner, parseFile } from './run-shacl.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SH = 'http://www.w3.org/ns/shacl#';
const BASE = 'https://w3id.org/dcat-harvest/shapes/';
const index = JSON.parse(readFileSync(`${root}shapes/index.json`, 'utf8')) as {
  profiles: {
    id: string;
    title: string;
    specVersion: string;
    description: string;
    defaultLevel: string;
    levels: Record<string, string[]>;
  }[];
};
const levelFiles = index.profiles.flatMap((p) =>
  Object.entries(p.levels)
    .filter(([level]) => level !== 'full')
    .flatMap(([, files]) => files),
);

describe('the profile index', () => {
  it('lists dcat-ap-3, dcat-ap-2, dcat-ap-hvd and geodcat-ap with their levels', () => {
    expect(index.profiles.map((p) => [p.id, p.specVersion, Object.keys(p.levels)])).toEqual([
      ['dcat-ap-3', '3.0.1', ['base', 'ranges', 'recommended', 'deprecated', 'full']],
      ['dcat-ap-2', '2.1.1', ['base', 'ranges', 'recommended', 'deprecated', 'full']],
      ['dcat-ap-hvd', '3.0.0', ['base', 'ranges', 'usagenotes', 'full']],
      ['geodcat-ap', '2.0.0', ['base', 'ranges', 'recommended', 'deprecated', 'full']],
    ]);
  });

  it('builds each geodcat-ap level on the same level of dcat-ap-2', () => {
    const geo = index.profiles.find((p) => p.id === 'geodcat-ap')!;
    const dcat2 = index.profiles.find((p) => p.id === 'dcat-ap-2')!;
    for (const level of ['base', 'ranges', 'recommended'])
      expect(geo.levels[level]).toEqual([...dcat2.levels[level]!, `geodcat-ap/${level}.ttl`]);
    expect(geo.levels.deprecated).toEqual(dcat2.levels.deprecated);
  });

  it('makes full the union of the other levels and the default', () => {
    for (const profile of index.profiles) {
      const others = Object.entries(profile.levels).filter(([level]) => level !== 'full');
      expect(profile.levels.full).toEqual(others.flatMap(([, files]) => files));
      expect(profile.defaultLevel).toBe('full');
      expect(profile.description.length).toBeGreaterThan(40);
    }
  });

  it('points at files that exist and parse', () => {
    for (const file of levelFiles) {
      expect(parseFile(`${root}shapes/${file}`).length, file).toBeGreaterThan(10);
    }
  });
});

describe('the generated files', () => {
  it('match the tables in shapes/src (run npx tsx shapes/src/build.ts after editing them)', () => {
    for (const [file, text] of renderProfiles()) {
      const onDisk = readFileSync(`${root}shapes/${file}`, 'utf8');
      if (file.endsWith('.json')) expect(JSON.parse(onDisk), file).toEqual(JSON.parse(text));
      else expect(onDisk, file).toBe(text);
    }
  });

  it('match the fixtures and manifest (run npx tsx test/shapes/generate.ts after changing shapes)', () => {
    const { manifest, fixtures } = renderCases();
    for (const [file, text] of fixtures) {
      expect(readFileSync(`${root}test/fixtures/shapes/${file}`, 'utf8'), file).toBe(text);
    }
    const onDisk = readFileSync(`${root}test/shapes/manifest.json`, 'utf8');
    expect(JSON.parse(onDisk)).toEqual(manifest);
  });
});

describe('every constraint', () => {
  // Each file once, under the profile that owns it (geodcat-ap's levels list dcat-ap-2's files too).
  const owned = index.profiles.flatMap((p) =>
    Object.entries(p.levels)
      .filter(([level]) => level !== 'full')
      .flatMap(([level, files]) =>
        files.filter((f) => f.startsWith(`${p.id}/`)).map((f) => ({ f, level, profile: p.id })),
      ),
  );
  const all = owned.flatMap(({ f, level, profile }) =>
    listConstraints(parseFile(`${root}shapes/${f}`)).map((c) => ({ ...c, profile, level })),
  );

  it('has a stable IRI under the profile base', () => {
    for (const c of all) expect(c.shape.startsWith(`${BASE}${c.profile}#`), c.shape).toBe(true);
    expect(new Set(all.map((c) => c.shape)).size).toBe(all.length);
  });

  it('carries an explicit severity and a message that names the property', () => {
    for (const c of all) {
      expect([`${SH}Violation`, `${SH}Warning`], c.shape).toContain(c.severity);
      expect(c.message, c.shape).toMatch(/[a-z]+:[A-Za-z]/);
    }
  });

  it('is a Violation in base and ranges and a Warning in recommended and deprecated', () => {
    const severity = (level: string) =>
      new Set(
        all.filter((c) => c.level === level && c.profile !== 'dcat-ap-hvd').map((c) => c.severity),
      );
    expect(severity('recommended')).toEqual(new Set([`${SH}Warning`]));
    expect(severity('deprecated')).toEqual(new Set([`${SH}Warning`]));
    expect([...severity('ranges')].sort()).toEqual([`${SH}Violation`, `${SH}Warning`]);
  });

  it('uses only SHACL Core terms', () => {
    const allowed = new Set(
      [
        'NodeShape',
        'PropertyShape',
        'targetClass',
        'property',
        'path',
        'inversePath',
        'alternativePath',
        'minCount',
        'maxCount',
        'nodeKind',
        'datatype',
        'class',
        'hasValue',
        'node',
        'or',
        'severity',
        'message',
        'Violation',
        'Warning',
        'IRI',
        'Literal',
        'BlankNodeOrIRI',
      ].map((l) => SH + l),
    );
    for (const file of levelFiles) {
      for (const q of parseFile(`${root}shapes/${file}`)) {
        for (const term of [q.predicate, q.object]) {
          if (term.value.startsWith(SH))
            expect(allowed.has(term.value), `${file}: ${term.value}`).toBe(true);
        }
      }
    }
  });
});

describe('the background knowledge', () => {
  const background = parseFile(`${root}vocab/background.ttl`);
  const data = new Parser().parse(`
    @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
    @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
    <urn:d> a dcat:Dataset ; dct:publisher <urn:org> ; dcat:contactPoint <urn:cp> ; dcat:inSeries <urn:s> .
    <urn:org> a foaf:Organization . <urn:cp> a vcard:Organization . <urn:s> a dcat:DatasetSeries .
    <urn:c> a dcat:Catalog ; dct:publisher <urn:person> ; dcat:catalog <urn:c2> ; dcat:dataset <urn:s> .
    <urn:person> a foaf:Person . <urn:c2> a dcat:Catalog .
    <urn:dist> a dcat:Distribution ; <http://spdx.org/rdf/terms#checksum> <urn:sum> .
    <urn:sum> a <http://spdx.org/rdf/terms#Checksum> ;
      <http://spdx.org/rdf/terms#algorithm> <http://spdx.org/rdf/terms#checksumAlgorithm_sha256> .`);
  const ranges = parseFile(`${root}shapes/dcat-ap-3/ranges.ttl`);
  const violations = (results: Result[]) => results.filter((r) => r.severity === 'sh:Violation');

  it('lets subclass-typed values pass the range checks', async () => {
    const results = await createRunner(ranges, { background })(data);
    expect(violations(results)).toEqual([]);
  });

  it('is what the range checks need: without it they fire on subclass-typed values', async () => {
    const results = await createRunner(ranges)(data);
    expect(
      violations(results)
        .map((r) => `${r.focus} ${r.path}`)
        .sort(),
    ).toEqual([
      'urn:c http://purl.org/dc/terms/publisher',
      'urn:c http://www.w3.org/ns/dcat#dataset',
      'urn:d http://purl.org/dc/terms/publisher',
      'urn:d http://www.w3.org/ns/dcat#contactPoint',
      'urn:sum http://spdx.org/rdf/terms#algorithm',
    ]);
  });

  it('has no subClassOf cycle', () => {
    const store = new Store(background);
    const up = (cls: string, seen: Set<string>): void => {
      for (const parent of store.getObjects(
        cls,
        'http://www.w3.org/2000/01/rdf-schema#subClassOf',
        null,
      )) {
        expect(seen.has(parent.value), `${cls} → ${parent.value}`).toBe(false);
        up(parent.value, new Set([...seen, parent.value]));
      }
    };
    for (const q of background) up(q.subject.value, new Set([q.subject.value]));
  });
});

describe('the import map', () => {
  const map = JSON.parse(readFileSync(`${root}vocab/imports.json`, 'utf8')) as {
    imports: Record<string, string | { file: string; package: string }>;
  };

  it('maps every import IRI to a bundled file that exists', () => {
    for (const [iri, target] of Object.entries(map.imports)) {
      const file = typeof target === 'string' ? target : target.file;
      expect(existsSync(path.resolve(`${root}vocab`, file)), `${iri} → ${file}`).toBe(true);
      if (file.endsWith('.ttl'))
        expect(() => parseFile(path.resolve(`${root}vocab`, file))).not.toThrow();
    }
  });

  it('names the package file of every vocabulary so it resolves when installed as a dependency', () => {
    const require = createRequire(import.meta.url);
    for (const [iri, target] of Object.entries(map.imports)) {
      if (typeof target === 'string') continue;
      expect(require.resolve(target.package), iri).toBe(path.resolve(`${root}vocab`, target.file));
    }
  });

  it('covers the vocabularies the official DCAT-AP shapes import', () => {
    for (const iri of [
      'https://www.w3.org/ns/dcat2.ttl',
      'http://dublincore.org/2020/01/20/dublin_core_terms.ttl',
      'http://xmlns.com/foaf/spec/index.rdf',
      'http://www.w3.org/2006/vcard/ns.ttl',
      'http://www.w3.org/ns/prov-o.ttl',
      'http://www.w3.org/2006/time.ttl',
      'https://www.w3.org/ns/locn.ttl',
      'https://schema.org/version/latest/schema.ttl',
      'http://www.w3.org/ns/adms.ttl',
      'https://spdx.org/rdf/terms/spdx-ontology.owl.xml',
    ]) {
      expect(map.imports[iri], iri).toBeDefined();
    }
  });
});

describe('bundled import map', () => {
  it('resolves every import through its package, to a readable file', async () => {
    const { bundledImportMap } = await import('../../src/shacl/profiles.js');
    const map = bundledImportMap();
    expect(Object.keys(map).length).toBeGreaterThan(20);
    for (const [iri, file] of Object.entries(map)) {
      expect(existsSync(file), `${iri} → ${file}`).toBe(true);
    }
    // Package entries resolve with Node's resolution (not a path relative to vocab/).
    expect(map['http://www.w3.org/ns/dcat']).toBe(
      createRequire(import.meta.url).resolve('@vocabulary/dcat/dcat.nq'),
    );
  });
});
