// **iri-repair** measures what IRI repair costs the parsers: sample-portal catalog pages (Turtle, N-Triples, RDF/XML) parsed with and without `repair`.
// Usage: npx tsx bench/iri-repair.ts [--pages 20] [--page-size 100] [--repeat 5]
import { parseArgs } from 'node:util';
import { analyzePage } from '../src/fetch/page-analysis.js';
import type { FormatId } from '../src/rdf/formats.js';
import { startSamplePortal } from '../src/sample-portal/server.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '20' },
    'page-size': { type: 'string', default: '100' },
    repeat: { type: 'string', default: '5' },
  },
});
const pages = Number(values.pages);
const pageSize = Number(values['page-size']);
const repeat = Number(values.repeat);

// No IRI with a space planted: a strict parse would stop at the first one and look faster.
const portal = await startSamplePortal({
  datasets: pages * pageSize,
  seed: 1,
  defects: { 'iri-space': 0 },
});
const formats: [string, FormatId][] = [
  ['ttl', 'turtle'],
  ['nt', 'ntriples'],
  ['xml', 'rdfxml'],
];
console.log(
  '| format | pages | MB | triples | page analysis, strict (ms) | with repair (ms) | overhead |',
);
console.log('|---|---|---|---|---|---|---|');
const fetched = new Map<string, Buffer[]>();
for (const [ext] of formats) {
  const bodies: Buffer[] = [];
  for (let page = 1; page <= pages; page++) {
    const response = await fetch(
      `${portal.url}/api/1/site/catalog.${ext}?page=${page}&page_size=${pageSize}`,
    );
    bodies.push(Buffer.from(await response.arrayBuffer()));
  }
  fetched.set(ext, bodies);
}
await portal.close();
for (const [ext, format] of formats) {
  const bodies = fetched.get(ext) ?? [];
  const mb = bodies.reduce((n, b) => n + b.length, 0) / 1024 / 1024;
  let triples = 0;
  const once = async (repair: boolean): Promise<number> => {
    const started = process.hrtime.bigint();
    triples = 0;
    for (const body of bodies) {
      const analysis = await analyzePage(body, format, 'http://bench/', undefined, repair);
      if (analysis.error) throw new Error(`page not parsed: ${analysis.error.message}`);
      triples += analysis.triples;
    }
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  // Alternated, medians: the machine is shared, its load moves between runs.
  await once(false);
  await once(true);
  const runs: { strict: number[]; repair: number[] } = { strict: [], repair: [] };
  for (let r = 0; r < repeat; r++) {
    runs.strict.push(await once(false));
    runs.repair.push(await once(true));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const strict = median(runs.strict);
  const repaired = median(runs.repair);
  console.log(
    `| ${format} | ${pages} | ${mb.toFixed(1)} | ${triples} | ${strict.toFixed(0)} | ${repaired.toFixed(0)} | ${(((repaired - strict) / strict) * 100).toFixed(0)} % |`,
  );
}
