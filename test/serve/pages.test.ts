// The validator's pages without a browser: the form, a result, its downloads, errors, hostile input.
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Started } from './serve-helper.js';

const CATALOG = path.resolve(import.meta.dirname, '../fixtures/audit/catalog.ttl');
let s: Started;
let catalog: Buffer;

beforeAll(async () => {
  catalog = await readFile(CATALOG);
  s = await startServer();
});
afterAll(async () => {
  expect(s.api.problems).toEqual([]);
  await s.server.close();
});

function form(fields: Record<string, string>, file?: { name: string; bytes: Buffer }): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (file) data.append('file', new Blob([file.bytes]), file.name);
  return data;
}

describe('the validator page', () => {
  it('labels every field and loads nothing but its stylesheet', async () => {
    const r = await s.api.call('GET', '/');
    expect(r.status).toBe(200);
    const ids = [...r.text.matchAll(/<(?:input|select|textarea)[^>]* id="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(ids).toEqual(['text', 'file', 'url', 'format', 'profile', 'level', 'shapes']);
    for (const id of ids) expect(r.text).toContain(`<label for="${id}"`);
    expect(r.text).not.toMatch(/<script|https?:\/\/(?!example\.org)[^"]*\.(js|css)/);
    expect(r.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    const css = await s.api.call('GET', '/assets/style.css');
    expect(css.text).toContain(':focus-visible');
  });
});

describe('a posted form', () => {
  it('shows the validation grouped worst first, the MQA score with why, and every download', async () => {
    const r = await s.api.call('POST', '/validator', {
      body: form({ profile: 'dcat-ap-3' }, { name: 'catalog.ttl', bytes: catalog }),
    });
    expect(r.status).toBe(200);
    expect(r.text).toContain('Validation against dcat-ap-3 (full)');
    const severities = [...r.text.matchAll(/<td><span class="sev sev-(\w+)">/g)].map((m) => m[1]);
    expect(severities.length).toBeGreaterThan(1);
    const rank = (sev: string | undefined) => ['violation', 'warning', 'info'].indexOf(sev ?? '');
    expect(severities).toEqual([...severities].sort((a, b) => rank(a) - rank(b)));
    expect(severities[0]).toBe('violation');
    expect(r.text).toContain('Quality score (MQA)');
    expect(r.text).toMatch(/«Roads»: \d+\/405/);
    expect(r.text).toContain('Indicators: points earned and why');
    const links = [...r.text.matchAll(/href="(\/results\/[^"]+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(16);
    for (const link of links) {
      const d = await s.api.call('GET', link);
      expect(d.status, link).toBe(200);
      expect(d.headers.get('content-disposition')).toMatch(
        /^attachment; filename="(validation|audit)-catalog\./,
      );
    }
    const json = await s.api.call(
      'GET',
      links.find((l) => l.endsWith('validation.json'))!,
    );
    expect((json.json() as { shapes: string }).shapes).toBe('dcat-ap-3 (full)');
  });

  it('takes pasted text and a chosen format', async () => {
    const r = await s.api.call('POST', '/validator', {
      body: form({
        text: catalog.toString('utf8'),
        format: 'turtle',
        profile: 'dcat-ap-2',
        level: 'base',
      }),
    });
    expect(r.status).toBe(200);
    expect(r.text).toContain('Validation against dcat-ap-2 (base)');
  });

  it('shows broken Turtle with its line and column, keeping what was pasted', async () => {
    const broken = '@prefix ex: <http://example.org/> .\nex:a ex:b "x" .\nex:c ex:d ex:e ex:f .\n';
    const r = await s.api.call('POST', '/validator', { body: form({ text: broken }) });
    expect(r.status).toBe(422);
    expect(r.text).toMatch(/<p class="where">Line 3, column \d+<\/p>/);
    expect(r.text).toMatch(/ex:c ex:d ex:e ex:f \.\r?\n<\/textarea>/); // forms send CRLF
  });

  it('says what to give when nothing is given', async () => {
    const r = await s.api.call('POST', '/validator', { body: form({ profile: 'dcat-ap-3' }) });
    expect(r.status).toBe(400);
    expect(r.text).toContain('Paste RDF, choose a file or give a URL.');
  });

  it('answers 404 for an unknown or expired result', async () => {
    const r = await s.api.call(
      'GET',
      '/results/00000000-0000-4000-8000-000000000000/validation.json',
    );
    expect(r.status).toBe(404);
  });
});

describe('shapes of ones own', () => {
  it('validates against them instead of the profile, and never fetches their imports', async () => {
    const hits: string[] = [];
    const site = createHttpServer((req, res) => {
      hits.push(req.url ?? '');
      res.end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const port = (site.address() as AddressInfo).port;
    const shapes = `@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<http://example.org/shapes> owl:imports <http://127.0.0.1:${port}/more-shapes.ttl> .
<http://example.org/shapes#Dataset> a sh:NodeShape ; sh:targetClass dcat:Dataset ;
  sh:property [ sh:path dct:creator ; sh:minCount 1 ; sh:message "A dataset needs a creator" ] .
`;
    const data = form({ profile: 'dcat-ap-3' }, { name: 'catalog.ttl', bytes: catalog });
    data.append('shapes', new Blob([shapes]), 'my shapes.ttl');
    try {
      const r = await s.api.call('POST', '/validator', { body: data });
      expect(r.status).toBe(200);
      expect(r.text).toContain('Validation against shapes-my_shapes.ttl');
      expect(r.text).toContain('A dataset needs a creator');
      expect(r.text).toContain('is not in the import map: ignored');
      expect(hits).toEqual([]);
      const link = /href="(\/results\/[^"]+\/validation\.json)"/.exec(r.text)![1]!;
      const json = (await s.api.call('GET', link)).json() as {
        summary: { counts: { violation: number; warning: number } };
        groups: { message: string }[];
      };
      expect(json.summary.counts.violation).toBeGreaterThan(0);
      expect(json.summary.counts.warning).toBe(0); // none of the profile's
      expect(json.groups.length).toBeGreaterThan(0);
      for (const g of json.groups) expect(g.message).toMatch(/— A dataset needs a creator$/);
    } finally {
      site.close();
    }
  });

  it("shows where its shapes are broken, without the server's folders", async () => {
    const data = form({}, { name: 'catalog.ttl', bytes: catalog });
    data.append(
      'shapes',
      new Blob(['@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:a sh:b .\nsh:c sh:d']),
      'bad.ttl',
    );
    const r = await s.api.call('POST', '/validator', { body: data });
    expect(r.status).toBe(422);
    expect(r.text).toMatch(/<p class="where">Line 2<\/p><p>shapes-bad\.ttl:2: invalid Turtle/);
    expect(r.text).not.toContain('submissions');
  });
});

describe('hostile documents', () => {
  const EVIL = `<script>window.pwned=1</script><img src=x onerror="alert(1)">`;
  const turtle = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<http://evil.example/d'onmouseover='alert(1)&x=1> a dcat:Dataset ;
  dct:title "${EVIL.replace(/"/g, '\\"')}" ;
  dct:description "\\"><svg onload=alert(2)>" ;
  dcat:keyword "</textarea><script>alert(3)</script>" .
`;

  it("never renders a literal or an IRI unescaped, on the page or in the API's HTML", async () => {
    const page = await s.api.call('POST', '/validator', { body: form({ text: turtle }) });
    const api = await s.api.call('POST', '/api/validate', {
      headers: { 'content-type': 'text/turtle', accept: 'text/html' },
      body: turtle,
    });
    const audit = await s.api.call('POST', '/api/audit', {
      headers: { 'content-type': 'text/turtle', accept: 'text/html' },
      body: turtle,
    });
    for (const r of [page, api, audit]) {
      expect(r.status).toBe(200);
      expect(r.text).not.toMatch(/<script|<img|<svg|onmouseover='|<\/textarea><script/i);
    }
    expect(page.text).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(page.text).toContain('d&#39;onmouseover=&#39;alert(1)&amp;x=1');
  });

  it('keeps a hostile pasted document escaped when it is shown again', async () => {
    const r = await s.api.call('POST', '/validator', {
      body: form({ text: `</textarea><script>alert(4)</script> broken` }),
    });
    expect(r.status).toBe(422);
    expect(r.text).not.toContain('<script>');
    expect(r.text).toContain(
      '&lt;/textarea&gt;&lt;script&gt;alert(4)&lt;/script&gt; broken</textarea>',
    );
  });
});
