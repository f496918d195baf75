import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

let server: Server;
let dir: string;
let catalog: string;
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    res.writeHead(req.url === '/ok' ? 200 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(path.join(os.tmpdir(), 'audit-links-'));
  catalog = path.join(dir, 'catalog.ttl');
  await writeFile(
    catalog,
    `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<http://example.org/d> a dcat:Dataset ; dct:title "D" ; dct:description "d" ;
  dcat:distribution <http://example.org/d1> .
<http://example.org/d1> a dcat:Distribution ;
  dcat:accessURL <${base}/ok> ; dcat:downloadURL <${base}/missing> .
`,
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('dcat-harvest audit --check-links', () => {
  it('checks the URLs, scores with them and caches the results', async () => {
    const cache = path.join(dir, 'links.json');
    const args = ['audit', catalog, '--check-links', '--link-cache', cache, '--report', 'json'];
    const first = await cli(args);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.links).toMatchObject({ mode: 'all', urls: 2, checked: 2, ok: 1, broken: 1 });
    const access = report.datasets[0].indicators.find(
      (i: { id: string }) => i.id === 'accessUrlStatusCode',
    );
    expect(access).toMatchObject({ points: 50, value: 200 });
    expect(Object.keys(JSON.parse(await readFile(cache, 'utf8')).entries)).toHaveLength(2);
    const before = requests;
    expect((await cli(args)).code).toBe(0);
    expect(requests).toBe(before);
  });

  it('checks only a sample with sample:N', async () => {
    const { stdout } = await cli([
      'audit',
      catalog,
      '--check-links',
      'sample:1',
      '--report',
      'json',
    ]);
    expect(JSON.parse(stdout).links).toMatchObject({ mode: 'sample', urls: 2, checked: 1 });
  });
});
