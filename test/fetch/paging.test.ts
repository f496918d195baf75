import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../src/fetch/page-analysis.js';
import { regularLastPage, splitPage, withPage } from '../../src/fetch/paging.js';

const HEAD = `@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
`;
const P1 = 'https://portal.test/api/1/site/catalog.ttl?page=1&page_size=2';

async function paging(ttl: string, url = P1) {
  return (await analyzePage(Buffer.from(HEAD + ttl), 'turtle', url)).paging;
}

describe('readPaging', () => {
  it('reads a PartialCollectionView with IRI links and a numeric totalItems', async () => {
    const links = await paging(`
<https://portal.test/api/1/site/catalog> a dcat:Catalog, hydra:Collection ; hydra:totalItems 5 ;
  hydra:view <${P1}> .
<${P1}> a hydra:PartialCollectionView ;
  hydra:first <${P1}> ; hydra:next <${withPage(P1, 2)}> ; hydra:last <${withPage(P1, 3)}> .`);
    expect(links).toEqual({
      first: P1,
      next: withPage(P1, 2),
      last: withPage(P1, 3),
      totalItems: 5,
    });
  });

  it('reads literal links and a string totalItems', async () => {
    const links = await paging(`
<http://ex.test/cat> hydra:totalItems "4" .
<http://ex.test/cat.json?page1> a hydra:PartialCollectionView ;
  hydra:next "http://ex.test/cat.json?page=2" ; hydra:last "http://ex.test/cat.json?page=2" .`);
    expect(links.next).toBe('http://ex.test/cat.json?page=2');
    expect(links.totalItems).toBe(4);
  });

  it('reads the legacy PagedCollection with nextPage, lastPage and itemsPerPage', async () => {
    const links = await paging(
      `
<http://ex.test/cat.json?page=1> a hydra:PagedCollection ; hydra:itemsPerPage 3 ;
  hydra:nextPage "cat.json?page=2" ; hydra:lastPage "cat.json?page=2" ; hydra:totalItems 4 .`,
      'http://ex.test/cat.json?page=1',
    );
    expect(links).toMatchObject({
      next: 'http://ex.test/cat.json?page=2',
      last: 'http://ex.test/cat.json?page=2',
      itemsPerPage: 3,
      totalItems: 4,
    });
  });
});

describe('analyzePage', () => {
  it('counts triples, records and dataset keys', async () => {
    const result = await analyzePage(
      Buffer.from(
        HEAD +
          `<http://d/1> a dcat:Dataset ; dct:identifier "one" .
<http://s/1> a dcat:DataService .`,
      ),
      'turtle',
      P1,
    );
    expect(result.triples).toBe(3);
    expect(result.records).toBe(2);
    expect(result.datasets).toEqual([{ iri: 'http://d/1', identifier: 'one' }]);
  });

  it('reports a parse error with its line and column instead of throwing', async () => {
    const result = await analyzePage(
      Buffer.from(HEAD + '<http://d/1> a dcat:Dataset\n<oops'),
      'turtle',
      P1,
    );
    expect(result.error?.line).toBe(5);
    expect(result.error?.column).toBeGreaterThan(0);
  });

  // 2,000 datasets of 3 lines with accented and curly-quoted titles: ≈ 290 KB, many slices.
  const bigPage = (error?: number): string => {
    let text = HEAD;
    for (let i = 0; i < 2000; i++) {
      text += `<http://d/${i}> a dcat:Dataset ; dct:identifier "id-${i}" ;\n`;
      text += `  dct:title "Données de l’année n° ${i} — éàü" ;\n`;
      text += i === error ? `  dct:description "open\n` : `  dct:description "x" .\n`;
    }
    return text;
  };

  it('counts every triple and key of a page larger than its parse slices', async () => {
    const body = Buffer.from(bigPage());
    expect(body.length).toBeGreaterThan(200_000);
    const result = await analyzePage(body, 'turtle', P1);
    expect(result.error).toBeUndefined();
    expect(result.triples).toBe(8000);
    expect(result.records).toBe(2000);
    expect(result.datasets).toHaveLength(2000);
    expect(result.datasets[1999]).toEqual({ iri: 'http://d/1999', identifier: 'id-1999' });
  });

  it('places an error deep in a large page on its line', async () => {
    const result = await analyzePage(Buffer.from(bigPage(1500)), 'turtle', P1);
    // HEAD is 3 lines; dataset 1500's description is on line 3 + 1500 × 3 + 3.
    expect(result.error?.line).toBe(3 + 1500 * 3 + 3);
    expect(result.triples).toBe(0);
  });

  it('slices a page without line breaks (one-line Turtle over 32 KB)', async () => {
    const line = Array.from(
      { length: 1500 },
      (_, i) => `<http://d/${i}> <http://purl.org/dc/terms/title> "é’${i}" .`,
    ).join(' ');
    const result = await analyzePage(Buffer.from(line), 'turtle', P1);
    expect(result.error).toBeUndefined();
    expect(result.triples).toBe(1500);
  });
});

describe('regularLastPage', () => {
  it('accepts udata’s page=N pattern', () => {
    expect(regularLastPage(P1, { next: withPage(P1, 2), last: withPage(P1, 742) })).toBe(742);
  });
  it('refuses a last link that changes more than the page', () => {
    expect(
      regularLastPage(P1, { last: 'https://portal.test/other?page=3&page_size=2' }),
    ).toBeUndefined();
  });
  it('refuses when the page is not page 1', () => {
    expect(regularLastPage(withPage(P1, 2), { last: withPage(P1, 3) })).toBeUndefined();
  });
});

describe('splitPage', () => {
  it('covers page N of size S with pages 2N-1 and 2N of size S/2', () => {
    expect(splitPage(withPage(P1, 3).replace('page_size=2', 'page_size=100'))).toEqual([
      'https://portal.test/api/1/site/catalog.ttl?page=5&page_size=50',
      'https://portal.test/api/1/site/catalog.ttl?page=6&page_size=50',
    ]);
  });
  it('cannot split an odd size or a URL without page_size', () => {
    expect(splitPage('https://x.test/c?page=1&page_size=3')).toBeUndefined();
    expect(splitPage('https://x.test/c?page=1')).toBeUndefined();
  });
});
