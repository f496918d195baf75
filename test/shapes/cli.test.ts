// The bundled profiles through the CLI: listed by `profiles`, loaded by `validate --profile`.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/shapes/realistic/${name}`, import.meta.url));

interface JsonReport {
  records: {
    record: { id: string };
    findings: { focusNode: string; severity: string; sourceShape: string; message: string }[];
  }[];
}

/** `record focus severity shape` lines for a validate run (IRIs shortened). */
async function findings(file: string, ...options: string[]): Promise<string[]> {
  const result = await cli([
    'validate',
    fixture(file),
    ...options,
    '--fail-on',
    'never',
    '--report',
    'json',
  ]);
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as JsonReport;
  const short = (iri: string) => iri.replace(/^https:\/\/data\.example\.org\//, '');
  return report.records
    .flatMap((r) =>
      r.findings.map(
        (f) =>
          `${short(r.record.id)} ${short(f.focusNode)} ${f.severity} ${f.sourceShape.replace(/^.*#/, '')}`,
      ),
    )
    .sort();
}

describe('the bundled profiles in the CLI', () => {
  it('are listed by the profiles command', async () => {
    const result = await cli(['profiles', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const ids = JSON.parse(result.stdout) as { id: string }[] | { profiles: { id: string }[] };
    const list = Array.isArray(ids) ? ids : ids.profiles;
    expect(list.map((p) => p.id)).toEqual(['dcat-ap-3', 'dcat-ap-2', 'dcat-ap-hvd', 'geodcat-ap']);
  });

  it('report the base violations of a defective DCAT-AP 3 dataset and none for a complete one', async () => {
    const lines = await findings(
      'dcat-ap-3-catalog.ttl',
      '--profile',
      'dcat-ap-3',
      '--level',
      'base',
    );
    expect(lines).toEqual([
      'dataset/wasps dataset/wasps violation Dataset-dct-description-minCount',
      'dataset/wasps dataset/wasps violation Dataset-dct-modified-date',
      'dataset/wasps dataset/wasps violation Dataset-dct-publisher-maxCount',
      'dataset/wasps dataset/wasps/json violation Distribution-dcat-accessURL-minCount',
      'dataset/wasps dataset/wasps/json violation Distribution-dcat-byteSize-datatype',
    ]);
  });

  it('accept a foaf:Organization publisher and a vcard:Organization contact with background knowledge', async () => {
    const lines = await findings(
      'dcat-ap-3-catalog.ttl',
      '--profile',
      'dcat-ap-3',
      '--level',
      'ranges',
    );
    expect(lines).toEqual(['dataset/wasps dataset/wasps violation Dataset-dct-publisher-class']);
  });

  it('reject them without background knowledge, as the EU validator range0 type does', async () => {
    const lines = await findings(
      'dcat-ap-3-catalog.ttl',
      '--profile',
      'dcat-ap-3',
      '--level',
      'ranges',
      '--no-background',
    );
    expect(lines).toEqual([
      'catalog catalog violation Catalog-dct-publisher-class',
      'dataset/bees dataset/bees violation Dataset-dcat-contactPoint-class',
      'dataset/bees dataset/bees violation Dataset-dct-publisher-class',
      'dataset/wasps dataset/wasps violation Dataset-dct-publisher-class',
      'dataset/wasps dataset/wasps violation Dataset-dct-publisher-class',
    ]);
  });

  it('flag a deprecated term as a warning', async () => {
    const lines = await findings(
      'dcat-ap-3-catalog.ttl',
      '--profile',
      'dcat-ap-3',
      '--level',
      'deprecated',
    );
    expect(lines).toEqual(['dataset/wasps dataset/wasps warning Dataset-dct-hasVersion-maxCount']);
  });

  it('check the HVD usage notes: regulation, category scheme, API and legal information', async () => {
    const lines = await findings(
      'hvd-dataset.ttl',
      '--profile',
      'dcat-ap-hvd',
      '--level',
      'usagenotes',
    );
    expect(lines).toEqual([
      'hvd/noise hvd/noise violation Dataset-api-minCount',
      'hvd/noise hvd/noise violation Dataset-dcatap-applicableLegislation-hasValue',
      'hvd/noise hvd/noise violation Dataset-dcatap-hvdCategory-inScheme',
      'hvd/noise hvd/noise/zip violation Distribution-legal-information-or',
    ]);
  });

  it('give messages people understand', async () => {
    const result = await cli([
      'validate',
      fixture('dcat-ap-3-catalog.ttl'),
      '--profile',
      'dcat-ap-3',
      '--level',
      'base',
      '--report',
      'json',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    const messages = report.records.flatMap((r) => r.findings.map((f) => f.message));
    expect(messages.some((m) => m.includes('has no dct:description (required, at least 1)'))).toBe(
      true,
    );
  });
});

describe('the geodcat-ap profile', () => {
  it('validates a GeoNetwork record with DCAT-AP 2 and GeoDCAT-AP constraints together', async () => {
    const record = new URL('../fixtures/iri-repair/geonetwork-record.rdf', import.meta.url)
      .pathname;
    const result = await cli([
      'validate',
      record,
      '--profile',
      'geodcat-ap',
      '--level',
      'recommended',
      '--report',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const shapes = (JSON.parse(result.stdout) as { groups: { sourceShape: string }[] }).groups.map(
      (g) => g.sourceShape,
    );
    expect(shapes).toContain(
      'https://w3id.org/dcat-harvest/shapes/geodcat-ap#Dataset-dct-provenance-minCount',
    );
    expect(shapes).toContain(
      'https://w3id.org/dcat-harvest/shapes/geodcat-ap#Location-dcat-bbox-minCount',
    );
    expect(
      shapes.some((s) => s.startsWith('https://w3id.org/dcat-harvest/shapes/dcat-ap-2#')),
    ).toBe(true);
  });
});
