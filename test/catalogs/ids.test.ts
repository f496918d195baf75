// Catalog ids for plain sources: folder-safe, readable, unique.
import { describe, expect, it } from 'vitest';
import { idForSource, idsForSources } from '../../src/catalogs/ids.js';

describe('catalog ids', () => {
  it('names a URL by host, port and path, and a file by its name', () => {
    expect(idForSource('https://www.data.gouv.fr')).toBe('www.data.gouv.fr');
    expect(idForSource('http://127.0.0.1:8080/api/1/site/catalog.ttl')).toBe(
      '127.0.0.1-8080-api-1-site-catalog.ttl',
    );
    expect(idForSource('/data/dumps/région île.ttl.gz')).toBe('region-ile');
    expect(idForSource('harvest-folder/')).toBe('harvest-folder');
    expect(idForSource('/.ttl')).toBe('catalog');
  });

  it('makes repeated ids unique in order', () => {
    expect(idsForSources(['a.ttl', 'dir/a.ttl', 'b.ttl', 'x/a.ttl'])).toEqual([
      'a',
      'a-2',
      'b',
      'a-3',
    ]);
  });
});
