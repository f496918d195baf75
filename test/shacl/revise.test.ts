// A record whose class check names a node typed only on a later page is yielded at once, then
// validated again at the end and its result revised in place: from files read again, from pages
// that cannot be read again (URLs), on workers too; a page gone by then keeps its findings.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Finding, type RecordResult } from '../../src/shacl/findings.js';
import { summarize } from '../../src/shacl/summary.js';
import { runValidation, validateDocuments, validatorFor } from '../../src/shacl/run.js';

const PAGES = path.resolve(import.meta.dirname, '../fixtures/shacl/pages');
const FILES = ['page1.ttl', 'page2.ttl'].map((f) => path.join(PAGES, f));
const API = 'http://example.org/p/api';
const SERVES = 'http://www.w3.org/ns/dcat#servesDataset';
const key = (f: Finding) =>
  [f.focusNode, f.path ?? '', f.component, f.severity, f.value ?? '', f.sourceShape]
    .join(' | ')
    .replace(/_:[\w.-]+/g, '_:');
const keys = (results: RecordResult[]) => results.flatMap((r) => r.findings.map(key)).sort();

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const name = path.basename(req.url ?? '');
    readFile(path.join(PAGES, name)).then(
      (body) => res.writeHead(200, { 'content-type': 'text/turtle' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('revised results', () => {
  it('yields the service at once, then a revision without the class finding page 2 settles', async () => {
    const validator = await validatorFor({ profile: 'dcat-ap-3' });
    const yielded: RecordResult[] = [];
    for await (const result of validateDocuments(FILES, { validator })) yielded.push(result);
    const first = yielded.findIndex((r) => r.record.id === API);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(yielded[first]?.revises).toBeUndefined();
    expect(yielded[first]?.findings.some((f) => f.path === SERVES)).toBe(true);
    // At the end: only the merged catalogs come after it (validated once the workers are gone).
    const at = yielded.findIndex((r) => r.revises !== undefined);
    const revision = yielded[at];
    expect(at).toBeGreaterThan(first);
    expect(yielded.slice(at + 1).map((r) => r.record.kind)).toEqual(['catalog']);
    expect(revision?.record.id).toBe(API);
    expect(revision?.revises).toBe(first);
    expect(revision?.findings.some((f) => f.path === SERVES)).toBe(false);
    expect(yielded.filter((r) => r.revises !== undefined)).toHaveLength(1);
  });

  it.each([
    ['files', 0],
    ['files', 2],
    ['URLs', 0],
    ['URLs', 2],
  ] as const)(
    'equals the whole graph, in place, summary recounted (%s, %i workers)',
    async (kind, workers) => {
      const inputs =
        kind === 'files' ? FILES : ['page1.ttl', 'page2.ttl'].map((f) => `${base}/${f}`);
      const whole = await runValidation(inputs, { profile: 'dcat-ap-3', wholeGraph: true });
      for (const spool of [false, true]) {
        const run = await runValidation(inputs, {
          profile: 'dcat-ap-3',
          workers,
          spool,
          spoolAfter: 0,
        });
        const results = [...(run.records ?? run.results)];
        expect(keys(results)).toEqual(keys(whole.results));
        expect(results.some((r) => r.revises !== undefined)).toBe(false);
        // In place: the service keeps its page-1 position, before page 2's dataset.
        const ids = results.map((r) => r.record.id);
        expect(ids.indexOf(API)).toBeLessThan(ids.indexOf('http://example.org/p/d2'));
        expect(run.summary).toEqual(summarize(results));
        expect(run.summary.counts.violation).toBe(whole.summary.counts.violation);
        run.dispose?.();
      }
    },
  );

  it('keeps the page-1 findings, with a notice, when page 1 is gone by the end', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dh-revise-'));
    try {
      const copies = await Promise.all(
        FILES.map(async (f) => {
          const copy = path.join(dir, path.basename(f));
          await copyFile(f, copy);
          return copy;
        }),
      );
      const validator = await validatorFor({ profile: 'dcat-ap-3' });
      const yielded: RecordResult[] = [];
      for await (const result of validateDocuments(copies, { validator })) {
        if (yielded.length === 0) await rm(copies[0] as string);
        yielded.push(result);
      }
      expect(yielded.some((r) => r.revises !== undefined)).toBe(false);
      const api = yielded.find((r) => r.record.id === API);
      expect(api?.findings.some((f) => f.path === SERVES)).toBe(true);
      expect(validator.notices.join('\n')).toMatch(
        /page1\.ttl: could not be read again to check its records against types given on later pages \(.*ENOENT/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
