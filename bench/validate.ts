// Benchmark: whole-graph rdf-validate-shacl vs our record-by-record validation (1 and 2 workers)
// on a harvested sample-portal catalog, DCAT-AP 3 full, same run, results compared.
//   npx tsx bench/validate.ts [--datasets 10000] [--skip-whole]
// Each mode runs in its own child process so its peak RSS (all threads) is measured alone.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};

async function child(): Promise<void> {
  const [, mode, folder] = args;
  const { runValidation } = await import('../src/shacl/run.js');
  const started = performance.now();
  const run = await runValidation([folder as string], {
    profile: 'dcat-ap-3',
    level: 'full',
    wholeGraph: mode === 'whole',
    workers: mode === 'whole' ? 0 : Number(mode),
  });
  const ms = performance.now() - started;
  const keys = run.results
    .flatMap((r) => r.findings)
    .map((f) =>
      [f.focusNode, f.path ?? '', f.component, f.severity, f.value ?? '', f.sourceShape]
        .join('|')
        .replace(/_:[\w.-]+/g, '_:'),
    )
    .sort();
  const hash = createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
  const rssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    JSON.stringify({
      mode,
      ms: Math.round(ms),
      rssMB,
      records: run.summary.records,
      findings: keys.length,
      hash,
    }) + '\n',
  );
}

async function main(): Promise<void> {
  const datasets = Number(value('--datasets', '10000'));
  const folder = path.join(here, 'output', `validate-${datasets}`);
  if (!existsSync(path.join(folder, 'manifest.json'))) {
    await mkdir(path.dirname(folder), { recursive: true });
    const { startSamplePortal } = await import('../src/sample-portal/server.js');
    const { harvest } = await import('../src/fetch/harvest.js');
    const portal = await startSamplePortal({ datasets, seed: 1 });
    const t = performance.now();
    try {
      await harvest(portal.url, { out: folder });
    } finally {
      await portal.close();
    }
    process.stdout.write(
      `harvested ${datasets} datasets in ${Math.round(performance.now() - t)} ms\n`,
    );
  }
  const pages = (await readdir(path.join(folder, 'pages')).catch(() => [])).length;
  process.stdout.write(`folder ${folder} (${pages} pages)\n`);
  const modes = [...(flag('--skip-whole') ? [] : ['whole']), '1', '2'];
  const rows: Record<string, unknown>[] = [];
  for (const mode of modes) {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--max-old-space-size=16384',
        fileURLToPath(import.meta.url),
        '--child',
        mode,
        folder,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const line = result.stdout.trim().split('\n').pop() ?? '';
    if (result.status !== 0 || !line.startsWith('{')) {
      process.stdout.write(`mode ${mode} failed: ${result.stderr.slice(-2000)}\n`);
      continue;
    }
    const row = JSON.parse(line) as Record<string, unknown>;
    rows.push(row);
    process.stdout.write(`${JSON.stringify(row)}\n`);
  }
  const hashes = new Set(rows.map((r) => r.hash));
  process.stdout.write(`results identical across modes: ${hashes.size === 1 ? 'yes' : 'NO'}\n`);
}

if (args[0] === '--child') {
  args.shift();
  args.unshift('');
  await child();
} else {
  await main();
}
