// **screenshot** regenerates docs/img/report.png: runs the demo (the sample portal on 127.0.0.1,
// nothing leaves the machine) and shoots its index.html in Debian's headless Chromium.
// Run: npm run build && npm run screenshot [-- --datasets N] (CHROMIUM_PATH overrides /usr/bin/chromium).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const OUT = path.join(ROOT, 'docs/img/report.png');

const { values } = parseArgs({
  options: { datasets: { type: 'string', default: '500' }, seed: { type: 'string', default: '1' } },
});
const cli = path.join(ROOT, 'dist/cli/main.js');
if (!existsSync(cli)) throw new Error(`${cli} not found: run npm run build first`);
if (!existsSync(CHROMIUM))
  throw new Error(`${CHROMIUM} not found: install Debian's chromium or set CHROMIUM_PATH`);

const dir = await mkdtemp(path.join(tmpdir(), 'dh-screenshot-'));
try {
  const report = path.join(dir, 'demo');
  const demo = ['demo', '-o', report, '--datasets', values.datasets, '--seed', values.seed];
  await promisify(execFile)(process.execPath, [cli, '--quiet', ...demo]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
    await page.goto(pathToFileURL(path.join(report, 'index.html')).href);
    await page.waitForSelector('body[data-ready=true]');
    await mkdir(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
  } finally {
    await browser.close();
  }
  console.log(
    `wrote ${path.relative(ROOT, OUT)} (demo of ${values.datasets} datasets, seed ${values.seed})`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
