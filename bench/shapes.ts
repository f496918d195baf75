// **shapes** bench: validator build time per bundled profile level and validation time of the
// per-constraint fixtures (npx tsx bench/shapes.ts).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRunner, parseFile } from '../test/shapes/run-shacl.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const index = JSON.parse(readFileSync(`${root}shapes/index.json`, 'utf8')) as {
  profiles: { id: string; levels: Record<string, string[]> }[];
};
const background = parseFile(`${root}vocab/background.ttl`);
const ROUNDS = 5;

console.log('profile level shapes-quads build-ms(median) validate-ms(median) results');
for (const profile of index.profiles) {
  for (const [level, files] of Object.entries(profile.levels)) {
    const shapes = files.flatMap((f) => parseFile(`${root}shapes/${f}`));
    const data = (level === 'full' ? Object.entries(profile.levels) : [[level, files] as const])
      .filter(([l]) => l !== 'full')
      .flatMap(([l]) => parseFile(`${root}test/fixtures/shapes/${profile.id}/${l}.ttl`));
    const builds: number[] = [];
    const runs: number[] = [];
    let results = 0;
    for (let i = 0; i < ROUNDS; i += 1) {
      const t0 = performance.now();
      const run = createRunner(shapes, { background });
      builds.push(performance.now() - t0);
      const t1 = performance.now();
      results = (await run(data)).length;
      runs.push(performance.now() - t1);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.log(
      `${profile.id} ${level} ${shapes.length} ${median(builds).toFixed(1)} ${median(runs).toFixed(1)} ${results} (${data.length} data quads)`,
    );
  }
}
