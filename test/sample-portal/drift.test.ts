// The drift fault: pages served after a dataset was published at the head repeat one item, and lose none.
import { afterEach, describe, expect, it } from 'vitest';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import type { GroundTruth } from '../../src/sample-portal/ground-truth.js';
import type { FormatId } from '../../src/rdf/formats.js';
import { get, parse } from './helpers.js';

const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const DCAT = 'http://www.w3.org/ns/dcat#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const FORMATS: Record<string, FormatId> = {
  ttl: 'turtle',
  nt: 'ntriples',
  xml: 'rdfxml',
  jsonld: 'jsonld',
  trig: 'trig',
};

const portals: SamplePortal[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((p) => p.close()));
});
const start = async (faults: string, datasets = 300) => {
  const portal = await startSamplePortal({ datasets, seed: 11, faults });
  portals.push(portal);
  return portal;
};

/** What one page serves: its datasets in catalog order, hydra:totalItems and the hydra:last page. */
async function servedPage(p: SamplePortal, n: number, size = 50, ext = 'nt', query = '') {
  const url = `${p.url}/api/1/site/catalog.${ext}?page=${n}&page_size=${size}${query}`;
  const reply = await get(url);
  if (reply.status !== 200) return { status: reply.status, datasets: [] as string[] };
  const quads = await parse(reply.text, FORMATS[ext]!);
  const value = (p: string) => quads.find((q) => q.predicate.value === HYDRA + p)?.object.value;
  // Catalog order from dcat:dataset (N-Triples keeps it); the typed nodes for the other formats.
  const datasets =
    ext === 'nt'
      ? quads.filter((q) => q.predicate.value === DCAT + 'dataset').map((q) => q.object.value)
      : quads
          .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === DCAT + 'Dataset')
          .map((q) => q.subject.value)
          .sort();
  return {
    status: reply.status,
    datasets,
    totalItems: Number(value('totalItems')),
    last: Number(new URL(value('last') ?? url).searchParams.get('page')),
  };
}

/** Walks pages from 1 up to the last one announced so far, as a harvester does. */
async function walk(p: SamplePortal, size = 50, query = '') {
  const pages = [await servedPage(p, 1, size, 'nt', query)];
  for (let n = 2, last = pages[0]!.last!; n <= last; n += 1) {
    const page = await servedPage(p, n, size, 'nt', query);
    pages.push(page);
    last = Math.max(last, page.last!);
  }
  return pages;
}

describe('the drift fault', () => {
  it('starts page K one item earlier, so it repeats the last item of page K−1 and no other', async () => {
    const p = await start('drift=p3');
    const [one, two, three, four] = await Promise.all([1, 2, 3, 4].map((n) => servedPage(p, n)));
    expect(three!.datasets[0]).toBe(two!.datasets.at(-1));
    expect(three!.datasets.filter((d) => two!.datasets.includes(d))).toHaveLength(1);
    expect(two!.datasets.filter((d) => one!.datasets.includes(d))).toEqual([]);
    expect(four!.datasets.filter((d) => three!.datasets.includes(d))).toEqual([]);
    expect([one, two, three, four].map((page) => page!.totalItems)).toEqual([300, 300, 301, 301]);
  });

  it('announces one more item from page K on and serves the final one on an added page when N is a multiple of the page size', async () => {
    const p = await start('drift', 300);
    const clean = await start('', 300);
    // The two portals mint IRIs with their own ports.
    const local = (iri: string, portal: SamplePortal) => iri.replace(portal.url, '');
    const pages = (await walk(p)).map((page) => ({
      ...page,
      datasets: page.datasets.map((d) => local(d, p)),
    }));
    const reference = (await walk(clean)).map((page) => page.datasets.map((d) => local(d, clean)));
    expect(pages.map((page) => [page.totalItems, page.last])).toEqual([
      [300, 6],
      ...Array.from({ length: 6 }, () => [301, 7]),
    ]);
    expect(pages.at(-1)!.datasets).toEqual([reference.at(-1)!.at(-1)]);
    expect((await servedPage(p, 8)).status).toBe(404);
    const all = pages.flatMap((page) => page.datasets);
    expect(all).toHaveLength(301);
    expect(new Set(all)).toEqual(new Set(reference.flat()));
  });

  it('keeps the final item on the last page when N is not a multiple of the page size', async () => {
    const p = await start('drift', 310);
    const pages = await walk(p);
    expect(pages).toHaveLength(7);
    expect(pages.at(-1)!.datasets).toHaveLength(11);
    expect(new Set(pages.flatMap((page) => page.datasets)).size).toBe(310);
  });

  it('serves the same datasets in every format', async () => {
    const p = await start('drift=p2');
    for (const n of [2, 3]) {
      const reference = (await servedPage(p, n, 50, 'nt')).datasets.slice().sort();
      for (const ext of ['ttl', 'xml', 'jsonld', 'trig'])
        expect((await servedPage(p, n, 50, ext)).datasets, `${ext} page ${n}`).toEqual(reference);
    }
  });

  it('shifts filtered catalogs the same way', async () => {
    const p = await start('drift=p2');
    const pages = await walk(p, 5, '&tag=transport');
    expect(pages[1]!.datasets[0]).toBe(pages[0]!.datasets.at(-1));
    expect(pages[1]!.totalItems).toBe(pages[0]!.totalItems! + 1);
    expect(new Set(pages.flatMap((page) => page.datasets)).size).toBe(pages[0]!.totalItems);
  });

  it('adds one repeat per drift page: p2+p4 shifts pages 2–3 by one and 4 on by two', async () => {
    const p = await start('drift=p2+p4');
    const pages = await walk(p);
    expect(pages.map((page) => page.totalItems)).toEqual([300, 301, 301, 302, 302, 302, 302]);
    const all = pages.flatMap((page) => page.datasets);
    expect(all.length - new Set(all).size).toBe(2);
    expect(new Set(all).size).toBe(300);
  });
});

describe('the drift ground truth', () => {
  it.each([['drift=p3'], ['drift'], ['drift=p2+p4']])(
    'says what a walk of %s meets: repeated datasets, counts, totalItems',
    async (faults) => {
      const p = await start(faults);
      const truth = (await get(`${p.url}/_sample/ground-truth.json?page_size=50`)).text;
      const drift = (JSON.parse(truth) as GroundTruth).drift!;
      const pages = await walk(p);
      const all = pages.flatMap((page) => page.datasets);
      const repeats = pages.flatMap((page, k) =>
        k === 0 ? [] : page.datasets.filter((d) => pages[k - 1]!.datasets.includes(d)),
      );
      expect(drift).toMatchObject({
        pageSize: 50,
        totalItems: { first: pages[0]!.totalItems, last: pages.at(-1)!.totalItems },
        lastPage: { first: pages[0]!.last, last: pages.length },
        datasetsSeen: all.length,
        uniqueDatasets: new Set(all).size,
        duplicates: repeats.length,
      });
      expect(drift.uniqueDatasets).toBe(300);
      expect(drift.pages.flatMap((page) => page.repeats.map((r) => r.iri))).toEqual(repeats);
      for (const page of drift.pages) {
        expect(pages[page.page - 1]!.totalItems).toBe(page.totalItems);
        expect(pages[page.page - 1]!.datasets.slice(0, page.inserted)).toEqual(
          page.repeats.map((r) => r.iri),
        );
      }
      expect(p.groundTruth({ pageSize: 50 })).toEqual(JSON.parse(truth));
    },
  );

  it('is absent without the fault, and page_size must be a positive integer', async () => {
    const p = await start('');
    expect(p.groundTruth().drift).toBeUndefined();
    expect((await get(`${p.url}/_sample/ground-truth.json?page_size=0`)).status).toBe(400);
  });
});
