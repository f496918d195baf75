// A tiny udata-like portal for harvest tests: N datasets in Turtle pages with hydra links.
import type http from 'node:http';
import { startServer, type TestServer } from './server.js';

export interface TinyPortalOptions {
  datasets: number;
  /** Per-request hook: return true when it answered (fault injection). */
  fault?: (url: URL, res: http.ServerResponse, count: number) => boolean;
  /** Overrides a page's next link. */
  next?: (page: number, base: string) => string | undefined;
  /** Serve `last` (default true). */
  last?: boolean;
  delayMs?: number;
}

export function pageTurtle(
  base: string,
  page: number,
  size: number,
  total: number,
  options: TinyPortalOptions,
  path = '/api/1/site/catalog.ttl',
): string {
  const lastPage = Math.max(1, Math.ceil(total / size));
  const url = (n: number) =>
    `${base}${path}?page=${n}&amp;page_size=${size}`.replace(/&amp;/g, '&');
  const lines = [
    '@prefix dcat: <http://www.w3.org/ns/dcat#> .',
    '@prefix dct: <http://purl.org/dc/terms/> .',
    '@prefix ns1: <http://www.w3.org/ns/hydra/core#> .',
    `<${base}/api/1/site/catalog> a dcat:Catalog, ns1:Collection ; ns1:totalItems ${total} ; ns1:view <${url(page)}> .`,
  ];
  for (let i = (page - 1) * size; i < Math.min(total, page * size); i++) {
    lines.push(
      `<${base}/datasets/${i}> a dcat:Dataset ; dct:identifier "id-${i}" ; dct:title "Dataset ${i}" .`,
    );
  }
  const next = options.next
    ? options.next(page, base)
    : page < lastPage
      ? url(page + 1)
      : undefined;
  lines.push(
    `<${url(page)}> a ns1:PartialCollectionView ; ns1:first <${url(1)}>` +
      (options.last === false ? '' : ` ; ns1:last <${url(lastPage)}>`) +
      (next ? ` ; ns1:next <${next}>` : '') +
      ' .',
  );
  return lines.join('\n') + '\n';
}

export async function startTinyPortal(options: TinyPortalOptions): Promise<TestServer> {
  const server: TestServer = await startServer((req, res, count) => {
    const url = new URL(req.url ?? '/', server.url);
    const answer = () => {
      if (options.fault?.(url, res, count)) return;
      if (url.pathname === '/api/1/site/context.jsonld') {
        res
          .writeHead(200, { 'content-type': 'application/ld+json' })
          .end('{"dcat": "http://www.w3.org/ns/dcat#"}');
        return;
      }
      if (url.pathname !== '/api/1/site/catalog.ttl') {
        res.writeHead(404).end('not found');
        return;
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const size = Number(url.searchParams.get('page_size') ?? 100);
      if (page > Math.max(1, Math.ceil(options.datasets / size))) {
        res.writeHead(404).end('page not found');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/x-turtle' })
        .end(pageTurtle(server.url, page, size, options.datasets, options));
    };
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  return server;
}
