// Bench: the HTML report's size, render time and load time in headless Chromium at 74,200 datasets.
// Run: npx tsx bench/report.ts [datasets]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { renderHtmlReport } from '../src/report/html/render.js';
import { launchChromium } from '../test/report/html-browser.js';
import { syntheticReport } from '../test/report/html-synthetic.js';

const datasets = Number(process.argv[2] ?? 74_200);
const out = path.resolve('bench/output');
await mkdir(out, { recursive: true });

let t = performance.now();
const report = syntheticReport({ datasets, publishers: Math.round(datasets / 37) });
const built = performance.now() - t;
t = performance.now();
const html = renderHtmlReport(report);
const rendered = performance.now() - t;
const file = path.join(out, `report-${datasets}.html`);
await writeFile(file, html);
const json = JSON.stringify(report);
const mb = (n: number) => (n / 1e6).toFixed(1) + ' MB';

const browser = await launchChromium();
const loads: number[] = [];
let searchMs = 0;
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage();
  t = performance.now();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready=true]', { timeout: 120_000 });
  loads.push(performance.now() - t);
  if (i === 2) {
    t = performance.now();
    await page.evaluate(
      `(() => { const q = document.getElementById('ds-search'); q.value = 'water'; q.dispatchEvent(new Event('input')); })()`,
    );
    while ((await page.locator('#ds-status').getAttribute('data-count')) === String(datasets)) {
      await new Promise((r) => setTimeout(r, 5));
    }
    searchMs = performance.now() - t - 150; // minus the input debounce
  }
  await page.close();
}
await browser.close();
loads.sort((a, b) => a - b);
console.log(`datasets ${datasets}, publishers ${report.publishers.length}`);
console.log(
  `report.json ${mb(json.length)}; index.html ${mb(html.length)} (gzip ${mb(gzipSync(html).length)})`,
);
console.log(`synthetic report ${built.toFixed(0)} ms; HTML render ${rendered.toFixed(0)} ms`);
console.log(
  `load to interactive in Chromium (median of 3): ${loads[1]!.toFixed(0)} ms (min ${loads[0]!.toFixed(0)}, max ${loads[2]!.toFixed(0)})`,
);
console.log(`search over all datasets: ${searchMs.toFixed(0)} ms`);
