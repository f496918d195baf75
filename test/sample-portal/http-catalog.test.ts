// The catalog endpoints over real HTTP: formats, content types, paging, negotiation, filters, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import { organizationAt, organizationCount } from '../../src/sample-portal/owners.js';
import { datasetHeader } from '../../src/sample-portal/catalog.js';
import { defectRates } from '../../src/sample-portal/defects.js';
import { get, objects, parse } from './helpers.js';

const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const DCAT = 'http://www.w3.org/ns/dcat#';
let portal: SamplePortal;
beforeAll(async () => {
  portal = await startSamplePortal({ datasets: 250, seed: 3 });
});
afterAll(() => portal.close());

describe('GET /api/1/site/catalog.<ext>', () => {
  it.each([
    ['xml', 'application/rdf+xml'],
    ['rdf', 'application/rdf+xml'],
    ['owl', 'application/rdf+xml'],
    ['ttl', 'application/x-turtle'],
    ['n3', 'text/n3'],
    ['nt', 'application/n-triples'],
    ['json', 'application/ld+json'],
    ['jsonld', 'application/ld+json'],
    ['json-ld', 'application/ld+json'],
    ['trig', 'application/trig'],
  ])('serves .%s as exactly %s', async (ext, type) => {
    const reply = await get(`${portal.url}/api/1/site/catalog.${ext}?page_size=5`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
  });

  it.each(['nq', 'nquads', 'trix', 'html'])('answers .%s with udata’s 500', async (ext) => {
    expect((await get(`${portal.url}/api/1/site/catalog.${ext}`)).status).toBe(500);
  });

  it('answers an unknown extension with 404', async () => {
    expect((await get(`${portal.url}/api/1/site/catalog.csv`)).status).toBe(404);
  });

  it.each(['0', '-1', '1.5', 'x'])(
    'answers page=%s with 400, and the same for page_size',
    async (value) => {
      expect((await get(`${portal.url}/api/1/site/catalog.ttl?page=${value}`)).status).toBe(400);
      expect((await get(`${portal.url}/api/1/site/catalog.ttl?page_size=${value}`)).status).toBe(
        400,
      );
    },
  );

  it('answers page_size ≥ 2000 with 502 as data.gouv.fr does', async () => {
    expect((await get(`${portal.url}/api/1/site/catalog.ttl?page_size=2000`)).status).toBe(502);
    expect((await get(`${portal.url}/api/1/site/catalog.ttl?page_size=1999`)).status).toBe(200);
  });

  it('answers a page past the end with 404 and the last page with 200', async () => {
    expect((await get(`${portal.url}/api/1/site/catalog.ttl?page=4`)).status).toBe(404);
    expect((await get(`${portal.url}/api/1/site/catalog.ttl?page=3`)).status).toBe(200);
  });

  it('describes the page with hydra first/last/next/previous and totalItems', async () => {
    const page = `${portal.url}/api/1/site/catalog.ttl?page=2&page_size=100`;
    const quads = await parse((await get(page)).text, 'turtle');
    const catalog = `${portal.url}/api/1/site/catalog`;
    expect(objects(quads, catalog, HYDRA + 'totalItems')).toEqual(['250']);
    expect(objects(quads, catalog, HYDRA + 'view')).toEqual([page]);
    expect(objects(quads, page, HYDRA + 'first')).toEqual([
      `${portal.url}/api/1/site/catalog.ttl?page=1&page_size=100`,
    ]);
    expect(objects(quads, page, HYDRA + 'last')).toEqual([
      `${portal.url}/api/1/site/catalog.ttl?page=3&page_size=100`,
    ]);
    expect(objects(quads, page, HYDRA + 'next')).toEqual([
      `${portal.url}/api/1/site/catalog.ttl?page=3&page_size=100`,
    ]);
    expect(objects(quads, page, HYDRA + 'previous')).toEqual([
      `${portal.url}/api/1/site/catalog.ttl?page=1&page_size=100`,
    ]);
    expect(objects(quads, catalog, DCAT + 'dataset')).toHaveLength(100);
  });

  it('has no next on the last page and no previous on the first', async () => {
    const last = `${portal.url}/api/1/site/catalog.nt?page=3&page_size=100`;
    const quads = await parse((await get(last)).text, 'ntriples');
    expect(objects(quads, last, HYDRA + 'next')).toEqual([]);
    const first = `${portal.url}/api/1/site/catalog.nt?page=1&page_size=100`;
    expect(
      objects(await parse((await get(first)).text, 'ntriples'), first, HYDRA + 'previous'),
    ).toEqual([]);
  });

  it('puts TriG triples in a graph named by a blank node', async () => {
    const quads = await parse(
      (await get(`${portal.url}/api/1/site/catalog.trig?page_size=3`)).text,
      'trig',
    );
    expect(new Set(quads.map((q) => q.graph.termType))).toEqual(new Set(['BlankNode']));
  });

  it('uses rdflib prefixes (ns1: for hydra) in Turtle', async () => {
    const text = (await get(`${portal.url}/api/1/site/catalog.ttl?page_size=3`)).text;
    expect(text).toContain('@prefix ns1: <http://www.w3.org/ns/hydra/core#> .');
    expect(text).toContain('@prefix dcterms: <http://purl.org/dc/terms/> .');
  });

  it('serves the same bytes for the same seed, other bytes for another seed', async () => {
    const other = await startSamplePortal({ datasets: 250, seed: 3 });
    const third = await startSamplePortal({ datasets: 250, seed: 4 });
    try {
      for (const ext of ['ttl', 'xml', 'jsonld']) {
        const path = `/api/1/site/catalog.${ext}?page=2&page_size=20`;
        const a = (await get(portal.url + path)).text.replaceAll(portal.url, 'BASE');
        const b = (await get(other.url + path)).text.replaceAll(other.url, 'BASE');
        const c = (await get(third.url + path)).text.replaceAll(third.url, 'BASE');
        expect(a).toBe(b);
        expect(a).not.toBe(c);
      }
    } finally {
      await other.close();
      await third.close();
    }
  });
});

describe('negotiation and aliases', () => {
  it.each([
    [undefined, 'jsonld'],
    ['*/*', 'xml'],
    ['text/turtle', 'ttl'],
    ['application/n-triples', 'nt'],
    ['application/ld+json;q=0.5, text/turtle;q=0.9', 'ttl'],
    ['image/png', 'jsonld'],
  ])('redirects Accept %s to a relative catalog.%s', async (accept, ext) => {
    const reply = await get(`${portal.url}/api/1/site/catalog?page=2&tag=x`, {
      headers: accept ? { accept } : {},
    });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(`/api/1/site/catalog.${ext}?page=2&page_size=100&tag=x`);
  });

  it('redirects data.<ext> to catalog.<ext>, dropping the query', async () => {
    const reply = await get(`${portal.url}/api/1/site/data.ttl?page=3`);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/api/1/site/catalog.ttl');
  });

  it('serves the bare JSON-LD context', async () => {
    const reply = await get(`${portal.url}/api/1/site/context.jsonld`);
    const body = JSON.parse(reply.text) as Record<string, unknown>;
    expect(body['@context']).toBeUndefined();
    expect(body['@vocab']).toBe(DCAT);
    expect(body.startDate).toBe('schema:startDate');
  });

  it('answers 401 to an invalid API key even on a public GET', async () => {
    expect(
      (await get(`${portal.url}/api/1/site/catalog.ttl`, { headers: { 'x-api-key': 'nope' } }))
        .status,
    ).toBe(401);
  });
});

describe('filters', () => {
  const config = { datasets: 250, seed: 3, giants: 0, defectRates: defectRates({}) };
  const headers = Array.from({ length: 250 }, (_, i) => datasetHeader(config, i));

  it('filters by tag, keeping the filter in the hydra links after page and page_size', async () => {
    const url = `${portal.url}/api/1/site/catalog.ttl?page=1&page_size=100&tag=transport`;
    const quads = await parse((await get(url)).text, 'turtle');
    const expected = headers.filter((h) => h.tags.includes('transport')).length;
    expect(objects(quads, `${portal.url}/api/1/site/catalog`, HYDRA + 'totalItems')).toEqual([
      String(expected),
    ]);
    expect(objects(quads, url, HYDRA + 'first')).toEqual([url]);
  });

  it('filters HVD datasets with badge=hvd and by organization', async () => {
    const hvd = headers.filter((h) => h.hvd).length;
    const q1 = await parse(
      (await get(`${portal.url}/api/1/site/catalog.nt?badge=hvd`)).text,
      'ntriples',
    );
    expect(objects(q1, `${portal.url}/api/1/site/catalog`, HYDRA + 'totalItems')).toEqual([
      String(hvd),
    ]);
    const org = organizationAt(3, 0);
    const owned = headers.filter(
      (h) => h.owner.kind === 'organization' && h.owner.index === 0,
    ).length;
    const q2 = await parse(
      (await get(`${portal.url}/api/1/site/catalog.nt?organization=${org.id}`)).text,
      'ntriples',
    );
    expect(objects(q2, `${portal.url}/api/1/site/catalog`, HYDRA + 'totalItems')).toEqual([
      String(owned),
    ]);
  });

  it('gives hydra:last page=0 when nothing matches', async () => {
    const url = `${portal.url}/api/1/site/catalog.ttl?page=1&page_size=100&q=zzzzzz`;
    const reply = await get(url);
    expect(reply.status).toBe(200);
    const quads = await parse(reply.text, 'turtle');
    expect(objects(quads, url, HYDRA + 'last')).toEqual([
      `${portal.url}/api/1/site/catalog.ttl?page=0&page_size=100&q=zzzzzz`,
    ]);
  });

  it('matches q against accent-folded title words', async () => {
    const title = headers[10]?.title as string;
    const word = title.split(' ')[0] as string;
    const quads = await parse(
      (await get(`${portal.url}/api/1/site/catalog.ttl?q=${encodeURIComponent(word)}`)).text,
      'turtle',
    );
    const total = Number(
      objects(quads, `${portal.url}/api/1/site/catalog`, HYDRA + 'totalItems')[0],
    );
    expect(total).toBeGreaterThanOrEqual(1);
  });
});

describe('organization catalogs and dataset graphs', () => {
  it('serves an organization catalog with the organization as publisher, and 410 for a deleted one', async () => {
    const org = organizationAt(3, 0);
    const url = `${portal.url}/api/1/organizations/${org.id}/catalog.ttl?page=1&page_size=100`;
    const quads = await parse((await get(url)).text, 'turtle');
    const catalog = `${portal.url}/api/1/organizations/${org.id}/catalog`;
    expect(objects(quads, catalog, 'http://purl.org/dc/terms/publisher')).toEqual([
      `${portal.url}/organizations/${org.id}`,
    ]);
    const big = await startSamplePortal({ datasets: 5000, seed: 3 });
    try {
      const deleted = Array.from({ length: organizationCount(5000) }, (_, k) =>
        organizationAt(3, k),
      ).find((o) => o.deleted);
      expect(deleted).toBeDefined();
      expect(
        (await get(`${big.url}/api/1/organizations/${deleted?.id ?? ''}/catalog.ttl`)).status,
      ).toBe(410);
    } finally {
      await big.close();
    }
    expect((await get(`${portal.url}/api/1/organizations/nope/catalog.ttl`)).status).toBe(404);
  });

  it('serves one dataset graph without catalog or paging', async () => {
    const config = { datasets: 250, seed: 3, giants: 0, defectRates: defectRates({}) };
    const header = datasetHeader(config, 42);
    const reply = await get(`${portal.url}/api/1/datasets/${header.id}/rdf.ttl`);
    expect(reply.status).toBe(200);
    const quads = await parse(reply.text, 'turtle');
    expect(quads.some((q) => q.object.value === DCAT + 'Catalog')).toBe(false);
    expect(quads.some((q) => q.predicate.value === HYDRA + 'next')).toBe(false);
    expect(quads.some((q) => q.object.value === DCAT + 'Dataset')).toBe(true);
    expect((await get(`${portal.url}/api/1/datasets/${header.id}/rdf`)).headers.location).toBe(
      `/api/1/datasets/${header.id}/rdf.jsonld`,
    );
    expect(
      (await get(`${portal.url}/api/1/datasets/000000000000000000000000/rdf.ttl`)).status,
    ).toBe(404);
  });
});

describe('data services', () => {
  it('repeat on every page that holds a dataset they serve, and only there', async () => {
    const big = await startSamplePortal({ datasets: 600, seed: 3 });
    try {
      let seen = 0;
      for (let page = 1; page <= 12; page += 1) {
        const url = `${big.url}/api/1/site/catalog.nt?page=${page}&page_size=50`;
        const quads = await parse((await get(url)).text, 'ntriples');
        const onPage = new Set(objects(quads, `${big.url}/api/1/site/catalog`, DCAT + 'dataset'));
        const services = objects(quads, `${big.url}/api/1/site/catalog`, DCAT + 'service');
        const served = new Set(
          quads
            .filter((q) => q.predicate.value === DCAT + 'servesDataset')
            .map((q) => q.object.value),
        );
        for (const service of services) {
          expect(objects(quads, service, DCAT + 'servesDataset').some((d) => onPage.has(d))).toBe(
            true,
          );
        }
        seen += services.length;
        const config = { datasets: 600, seed: 3, giants: 0, defectRates: defectRates({}) };
        const { isServed } = await import('../../src/sample-portal/owners.js');
        for (let i = (page - 1) * 50; i < page * 50; i += 1) {
          if (!isServed(3, i)) continue;
          const h = datasetHeader(config, i);
          expect(served.has(h.upstream ?? `${big.url}/datasets/${h.id}`)).toBe(true);
        }
      }
      expect(seen).toBeGreaterThan(3);
    } finally {
      await big.close();
    }
  });
});
