// The ground truth matches what is served: every planted defect is on the wire, and nothing else.
import type { Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  groundTruth,
  startSamplePortal,
  type SamplePortal,
} from '../../src/sample-portal/server.js';
import { DEFECT_IDS } from '../../src/sample-portal/defects.js';
import type { GroundTruth } from '../../src/sample-portal/ground-truth.js';
import { get, indexQuads, parse } from './helpers.js';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const rates = Object.fromEntries(DEFECT_IDS.map((id) => [id, 0.12]));
let portal: SamplePortal;
let quads: Quad[] = [];
let order: string[] = [];
let objects: (subject: string, predicate: string) => string[] = () => [];
beforeAll(async () => {
  portal = await startSamplePortal({ datasets: 400, seed: 8, defects: rates });
  for (let page = 1; page <= 4; page += 1) {
    const text = (await get(`${portal.url}/api/1/site/catalog.ttl?page=${page}&page_size=100`))
      .text;
    const pageQuads = await parse(text, 'turtle');
    quads = quads.concat(pageQuads);
  }
  const byOrder = await parse(
    (await get(`${portal.url}/api/1/site/catalog.nt?page_size=400`)).text,
    'ntriples',
  );
  objects = indexQuads(quads);
  order = byOrder.filter((q) => q.predicate.value === DCAT + 'dataset').map((q) => q.object.value);
});
afterAll(() => portal.close());

/** The defects visible in the served RDF, per dataset IRI. */
function observed(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const titles = new Map<string, string>();
  for (const iri of order) {
    const found: string[] = [];
    const one = (p: string) => objects(iri, p);
    const dists = one(DCAT + 'distribution').filter(
      (d) => !d.startsWith('_:') && !/^n3-|^b\d/.test(d),
    );
    const real = dists.filter((d) =>
      objects(d, DCAT + 'accessURL').some((u) => u.includes('/api/1/datasets/r/')),
    );
    if (
      real.length > 0 &&
      real.every(
        (d) => objects(d, DCT + 'license').length === 0 && objects(d, DCT + 'rights').length > 0,
      )
    )
      found.push('missing-licence');
    if (one(DCT + 'description')[0] === '') found.push('empty-description');
    if (real.some((d) => objects(d, DCT + 'description').includes('None')))
      found.push('none-literal');
    const periods = one(DCT + 'temporal');
    const dates = periods.flatMap((p) => [
      ...objects(p, DCAT + 'startDate'),
      ...objects(p, DCAT + 'endDate'),
    ]);
    if (dates.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))) found.push('invalid-date');
    if (real.some((d) => objects(d, DCAT + 'downloadURL').some((u) => u.includes('%20'))))
      found.push('iri-space');
    if (one(DCAT + 'contactPoint').length === 0) found.push('missing-contact-point');
    if (one(DCAT + 'keyword').length === 0) found.push('missing-keywords');
    const title = one(DCT + 'title')[0] as string;
    if (titles.has(title)) found.push('duplicate-title');
    else titles.set(title, iri);
    if (found.length > 0) out.set(iri, found.sort());
  }
  return out;
}

describe('the ground truth', () => {
  it('lists exactly the defects a reader of the served pages finds', () => {
    const truth = portal.groundTruth();
    expect(order).toHaveLength(400);
    expect(
      quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === DCAT + 'Dataset'),
    ).toHaveLength(400);
    const expected = new Map(truth.records.map((r) => [r.iri, [...r.defects].sort()]));
    expect(observed()).toEqual(expected);
    for (const id of DEFECT_IDS) expect(truth.counts[id], id).toBeGreaterThan(10);
  });

  it('points duplicates at the earlier dataset and distribution-level defects at a served distribution', () => {
    const truth = portal.groundTruth();
    for (const record of truth.records) {
      if (record.duplicateOf) {
        expect(objects(record.duplicateOf, DCT + 'title')).toEqual([record.title]);
        expect(order.indexOf(record.duplicateOf)).toBeLessThan(order.indexOf(record.iri));
      }
      if (record.distribution)
        expect(objects(record.iri, DCAT + 'distribution')).toContain(record.distribution);
    }
  });

  it('is served at /_sample/ground-truth.json and computable without a server', async () => {
    const served = JSON.parse(
      (await get(`${portal.url}/_sample/ground-truth.json`)).text,
    ) as GroundTruth;
    expect(served).toEqual(portal.groundTruth());
    expect(groundTruth({ datasets: 400, seed: 8, defects: rates, baseUrl: portal.url })).toEqual(
      served,
    );
  });

  it('plants nothing when every rate is 0', () => {
    const none = groundTruth({
      datasets: 500,
      defects: Object.fromEntries(DEFECT_IDS.map((id) => [id, 0])),
    });
    expect(none.records).toEqual([]);
  });
});
