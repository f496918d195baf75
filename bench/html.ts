// Bench: the streamed HTML report at data.gouv.fr's size — file size, the writer's time and peak
// memory (in a child process), and in Debian's headless Chromium the time until interactive, a
// search, a filter and a sort over all datasets.
// Run: npx tsx bench/html.ts [--datasets 74200] [--publishers N] [--loads 3] (--loads 0: the writer only)
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { writeHtmlReport } from '../src/report/html/write.js';
import { launchChromium } from '../test/report/html-browser.js';
import { syntheticParts } from '../test/report/html-synthetic.js';

const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: '74200' },
    publishers: { type: 'string' },
    loads: { type: 'string', default: '3' },
    write: { type: 'string' }, // internal: the child process that writes the file
  },
});
const datasets = Number(values.datasets);
const synthetic = {
  datasets,
  ...(values.publishers === undefined ? {} : { publishers: Number(values.publishers) }),
};
const kB = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

if (values.write !== undefined) {
  // The writer alone: the synthetic rows come one at a time from a generator.
  let t = performance.now();
  const { head, rows } = syntheticParts(synthetic); // one pass over every row, for the head's sums
  const generate = performance.now() - t;
  const before = kB('VmHWM');
  let heapPeak = 0;
  const sample = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 10);
  t = performance.now();
  await writeHtmlReport(values.write, head, rows());
  const ms = performance.now() - t;
  clearInterval(sample);
  console.log(
    JSON.stringify({
      ms,
      generate,
      before: before * 1024,
      peak: kB('VmHWM') * 1024,
      heapPeak,
      publishers: head.publishers.length,
      groups: head.validation.groups.length,
    }),
  );
  process.exit(0);
}

const out = path.resolve('bench/output');
await mkdir(out, { recursive: true });
const file = path.join(out, `report-${datasets}.html`);
const child = execFileSync(
  process.execPath,
  [
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    '--datasets',
    String(datasets),
    ...(values.publishers ? ['--publishers', values.publishers] : []),
    '--write',
    file,
  ],
  { encoding: 'utf8', maxBuffer: 1 << 20 },
);
const writer = JSON.parse(child.trim().split('\n').pop()!) as {
  ms: number;
  generate: number;
  before: number;
  peak: number;
  heapPeak: number;
  publishers: number;
  groups: number;
};
const size = statSync(file).size;
const gz = gzipSync(readFileSync(file)).length;

interface Timing {
  wall: number;
  /** Until the titles are ranked for sorting, after the page is interactive. */
  ranked: number;
  ready: number;
  search: number;
  filter: number;
  sortTitle: number;
  sortScore: number;
  /** Opening a dataset's detail: the first reads the details block. */
  openFirst: number;
  openNext: number;
  heap: number;
}
const timings: Timing[] = [];
const browser = Number(values.loads) > 0 ? await launchChromium() : undefined;
try {
  for (let i = 0; i < Number(values.loads); i++) {
    const page = await browser!.newPage();
    const t = performance.now();
    await page.goto(pathToFileURL(file).href, { timeout: 300_000 });
    await page.waitForSelector('body[data-ready=true]', { timeout: 300_000 });
    const wall = performance.now() - t;
    await page.waitForSelector('body[data-titles-ranked=true]', { timeout: 300_000 });
    const ranked = performance.now() - t;
    // Each action runs its handler synchronously (a search's `change`, not the typing debounce).
    const measured = await page.evaluate(`(() => {
      const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
      const q = document.getElementById('ds-search');
      const search = time(() => { q.value = 'eau'; q.dispatchEvent(new Event('change')); });
      const searched = Number(document.getElementById('ds-status').getAttribute('data-count'));
      q.value = ''; q.dispatchEvent(new Event('change'));
      const r = document.getElementById('ds-rating');
      const filter = time(() => { r.value = 'bad'; r.dispatchEvent(new Event('change')); });
      r.value = ''; r.dispatchEvent(new Event('change'));
      const header = (key) => document.querySelector('#datasets th[data-key=' + key + '] button');
      const sortTitle = time(() => header('title').click());
      const sortScore = time(() => header('score').click());
      const toggle = (k) => document.querySelectorAll('#datasets > tbody > tr[data-row] > th button')[k].click();
      const openFirst = time(() => toggle(0));
      const openNext = time(() => toggle(2));
      const mark = performance.getEntriesByName('report-ready')[0];
      return { ready: mark ? mark.startTime : -1, openFirst, openNext, search, searched, filter, sortTitle, sortScore,
        heap: performance.memory ? performance.memory.usedJSHeapSize : 0,
        rows: document.querySelectorAll('#datasets > tbody > tr').length };
    })()`);
    const m = measured as Timing & { searched: number; rows: number };
    if (m.rows !== 52 || m.searched === 0 || m.searched === datasets) {
      throw new Error(`unexpected page state: ${JSON.stringify(m)}`);
    }
    timings.push({ ...m, wall, ranked });
    await page.close();
  }
} finally {
  await browser?.close();
}
const median = (key: keyof Timing) => {
  const v = timings.map((x) => x[key]).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)]!;
};
const range = (key: keyof Timing) => {
  const v = timings.map((x) => x[key]);
  return `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}`;
};
console.log(`datasets ${datasets}, publishers ${writer.publishers}, groups ${writer.groups}`);
console.log(`index.html ${mb(size)} (gzip ${mb(gz)})`);
console.log(
  `writer: ${(writer.ms / 1000).toFixed(1)} s (generating the rows alone: ${(writer.generate / 1000).toFixed(1)} s); peak RSS ${mb(writer.peak)} (${mb(writer.before)} before writing); peak heap used ${mb(writer.heapPeak)}`,
);
if (timings.length > 0)
  console.log(
    `Chromium, median of ${timings.length} loads: load to interactive ${median('wall').toFixed(0)} ms wall (${range('wall')}), ready mark ${median('ready').toFixed(0)} ms, titles ranked ${median('ranked').toFixed(0)} ms wall; first search ${median('search').toFixed(0)} ms; rating filter ${median('filter').toFixed(0)} ms; first title sort ${median('sortTitle').toFixed(0)} ms (${range('sortTitle')}); score sort ${median('sortScore').toFixed(0)} ms; first detail opened ${median('openFirst').toFixed(0)} ms, next ${median('openNext').toFixed(0)} ms; JS heap ${mb(median('heap'))}`,
  );
