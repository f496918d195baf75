// The reference udata pages are recognised by extension and by content alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, sniffFormat } from '../src/rdf/formats.js';
import { dataPath } from './data.js';

const page = 'udata/synthetic-page/synthetic-udata-site-catalog-page2';

describe('Format detection on the udata synthetic page', () => {
  it.each([
    ['rdf.xml', 'rdfxml'],
    ['ttl', 'turtle'],
    ['nt', 'ntriples'],
    ['trig', 'trig'],
    ['jsonld', 'jsonld'],
  ])('sniffs the .%s page as %s', (ext, id) => {
    const head = readFileSync(dataPath(`${page}.${ext}`), 'utf8').slice(0, 4096);
    expect(sniffFormat(head)).toBe(id);
    expect(detectFormat({ path: `${page}.${ext}`, head })?.format).toBe(id);
  });

  it('takes the .n3 page as N3 by its extension', () => {
    const head = readFileSync(dataPath(`${page}.n3`), 'utf8').slice(0, 4096);
    expect(detectFormat({ path: `${page}.n3`, head })?.format).toBe('n3');
  });
});
