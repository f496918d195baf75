// writeDatasetIndex: pages a validation named are not parsed again, and give the index a parse gives.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PageDatasets,
  readDatasetIndex,
  writeDatasetIndex,
} from '../../src/catalogs/dataset-index.js';
import { runValidation } from '../../src/shacl/run.js';

const HEAD = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dct: <http://purl.org/dc/terms/>
`;

/** A page of `n` datasets from `from`, each with a distribution (a blank node) and a publisher. */
function page(from: number, n: number): string {
  let text = HEAD;
  for (let i = from; i < from + n; i++)
    text += `<https://example.org/d${i}> a dcat:Dataset ; dct:title "D${i}" ; dct:identifier "id-${i}" ;
  dcat:landingPage <https://example.org/page/${i}> ; dct:publisher <https://example.org/org> ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://example.org/d${i}.csv> ] .
`;
  return text + `<https://example.org/org> a <http://xmlns.com/foaf/0.1/Agent> .\n`;
}

let dir: string;
let data: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dh-index-'));
  data = path.join(dir, 'data');
  await mkdir(data);
  await writeFile(path.join(data, 'p1.ttl'), page(1, 3));
  await writeFile(path.join(data, 'p2.ttl'), page(4, 2));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeDatasetIndex', () => {
  it('parses every page when nothing named them', async () => {
    const file = path.join(dir, 'parsed.jsonl');
    const { pages, parsedPages, reusedPages } = await writeDatasetIndex({ files: data }, file);
    expect([parsedPages, reusedPages]).toEqual([2, 0]);
    expect(pages.map((p) => p.datasets.map((d) => [d.iri, d.identifier, d.landingPage]))).toEqual([
      [1, 2, 3].map((i) => [
        `https://example.org/d${i}`,
        `id-${i}`,
        `https://example.org/page/${i}`,
      ]),
      [4, 5].map((i) => [`https://example.org/d${i}`, `id-${i}`, `https://example.org/page/${i}`]),
    ]);
    expect(await readDatasetIndex(file)).toEqual(pages);
  });

  for (const workers of [0, 1])
    it(`takes what the validation named (${workers} worker threads), parsing nothing, and writes the same file`, async () => {
      const named = new PageDatasets();
      await runValidation([data], { workers, onPageDatasets: named.add });
      expect(named.size).toBe(2);
      const file = path.join(dir, `named-${workers}.jsonl`);
      const { parsedPages } = await writeDatasetIndex({ files: data }, file, [], named);
      expect(parsedPages).toBe(0);
      const parsed = path.join(dir, 'parsed.jsonl');
      await writeDatasetIndex({ files: data }, parsed);
      expect(await readFile(file, 'utf8')).toBe(await readFile(parsed, 'utf8'));
    });

  it('reuses the previous entries of unchanged pages and parses only a page nothing names', async () => {
    const previous = await readDatasetIndex(path.join(dir, 'parsed.jsonl'));
    await writeFile(path.join(data, 'p2.ttl'), page(4, 3));
    const { pages, parsedPages, reusedPages } = await writeDatasetIndex(
      { files: data },
      path.join(dir, 'again.jsonl'),
      previous,
      new PageDatasets(),
    );
    expect([reusedPages, parsedPages]).toEqual([1, 1]);
    expect(pages[1]?.datasets.map((d) => d.iri)).toEqual(
      [4, 5, 6].map((i) => `https://example.org/d${i}`),
    );
  });
});
