// Benchmark: the merged catalog record of a portal (one catalog naming every dataset, 742 pages'
// worth at data.gouv.fr's size), validated as `validate` and `run` validate it at the end.
//   npx tsx bench/merged-catalog.ts [--datasets 74200]
// Builds the held catalogs of pages of 100 datasets (what the workers send), the type table the
// pages gave (every dataset a dcat:Dataset), then times `CatalogMerger.validate` with the
// dcat-ap-3 full validator and reports the main thread's heap before, at the end and at its peak
// (sampled after each young-generation collection, through a PerformanceObserver on `gc`).
import { PerformanceObserver } from 'node:perf_hooks';
import { CatalogMerger } from '../src/shacl/merge-catalogs.js';
import { validatorFor } from '../src/shacl/run.js';
import { TypeTable } from '../src/shacl/type-table.js';

const args = process.argv.slice(2);
const at = args.indexOf('--datasets');
const datasets = at >= 0 ? Number(args[at + 1]) : 74_200;
const DCAT = 'http://www.w3.org/ns/dcat#';
const catalog = 'https://www.data.gouv.fr/api/1/site/catalog';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const validator = await validatorFor({ profile: 'dcat-ap-3', level: 'full' });
const merger = new CatalogMerger();
const types = new TypeTable();
for (let page = 0; page * 100 < datasets; page++) {
  const linked: string[] = [];
  for (let i = page * 100; i < Math.min(datasets, page * 100 + 100); i++) {
    const id = `https://www.data.gouv.fr/datasets/${i.toString(16).padStart(24, '0')}/`;
    linked.push(id);
    types.add(id, `${DCAT}Dataset`);
  }
  const own = [
    `<${catalog}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${DCAT}Catalog> .`,
    `<${catalog}> <http://purl.org/dc/terms/title> "data.gouv.fr" .`,
    `<${catalog}> <http://purl.org/dc/terms/description> "Les données publiques" .`,
  ];
  const ntriples = own
    .concat(linked.map((id) => `<${catalog}> <${DCAT}dataset> <${id}> .`))
    .join('\n');
  merger.add([{ id: catalog, kind: 'catalog', title: 'data.gouv.fr', linked, ntriples }], {
    file: `pages/${page}.ttl`,
  });
}
let peak = 0;
const observer = new PerformanceObserver(() => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
});
observer.observe({ entryTypes: ['gc'] });
globalThis.gc?.();
const before = process.memoryUsage();
const t0 = performance.now();
let findings = 0;
for (const merged of merger.validate(validator, types)) findings += merged.findings.length;
const ms = performance.now() - t0;
const after = process.memoryUsage();
await new Promise((resolve) => setTimeout(resolve, 50)); // the last gc entries
observer.disconnect();
console.log(
  `${datasets} datasets: ${(ms / 1000).toFixed(1)} s, ${findings} findings; heap used ${mb(before.heapUsed)} before, ${mb(after.heapUsed)} after, peak seen ${mb(Math.max(peak, after.heapUsed))}; rss ${mb(before.rss)} before, ${mb(after.rss)} after`,
);
