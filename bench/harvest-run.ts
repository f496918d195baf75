// **harvest-run** runs one harvest in its own process and prints its figures as JSON (for bench/harvest.ts).
import { harvest } from '../src/fetch/harvest.js';

const [url, concurrency, out] = process.argv.slice(2);
if (!url || !concurrency || !out)
  throw new Error('usage: harvest-run.ts <url> <concurrency> <out>');
let peak = process.memoryUsage().rss;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const started = performance.now();
const summary = await harvest(url, { out, concurrency: Number(concurrency) });
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
const pages = summary.manifest.pages.filter((p) => p.file);
const bytes = pages.reduce((sum, p) => sum + (p.bytes ?? 0), 0);
const triples = pages.reduce((sum, p) => sum + (p.triples ?? 0), 0);
process.stdout.write(
  JSON.stringify({
    concurrency: Number(concurrency),
    exitCode: summary.exitCode,
    pages: pages.length,
    datasets: summary.manifest.completeness?.uniqueDatasets,
    seconds,
    bytes,
    triples,
    peakRssMb: Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1e6,
  }) + '\n',
);
