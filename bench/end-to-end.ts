// Benchmark: harvest + validate end to end with the built CLI (issue 6, part b).
//   npm run build && npx tsx bench/end-to-end.ts [--datasets 74200] [--concurrency 4]
//     [--workers 2] [--limit-mb 12000] [--limit-min 40] [--out bench/output/e2e-74200]
//     [--skip-harvest] [--max-old-space MB] [--background vocabularies|classes|none]
//     [--report json:/dev/null] [--dist DIR]
// 1. `node dist/cli/main.js sample-portal --datasets N` in a child process (seed 1);
// 2. `/usr/bin/time -v node dist/cli/main.js harvest <url> -o <out> --concurrency C`;
// 3. the portal is stopped (validation gets both cores);
// 4. `/usr/bin/time -v node dist/cli/main.js validate <out> --workers W --report json:/dev/null`,
//    under `script` so the CLI sees a TTY and prints its progress line.
// Each step's wall time and peak RSS (all threads, from /usr/bin/time) are printed; a watchdog
// samples the RSS of the step's processes every second, logs a timeline every 15 s and kills the
// step past --limit-mb MB or --limit-min minutes.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { kB, log, startPortal, status, step as measured, type Step } from './measure.js';

const args = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const datasets = Number(value('datasets', '74200'));
const concurrency = Number(value('concurrency', '4'));
const workers = Number(value('workers', '2'));
const limitMB = Number(value('limit-mb', '12000'));
const limitMs = Number(value('limit-min', '40')) * 60_000;
const out = path.resolve(value('out', `bench/output/e2e-${datasets}`));
// The validate process's main-thread heap (--max-old-space-size); workers have their own bound.
const maxOldSpace = value('max-old-space', '');
// `--dist DIR`: a copy of dist/ to run (so a rebuild during a long benchmark changes nothing).
const cli = path.resolve(value('dist', 'dist'), 'cli/main.js');
if (!existsSync(cli)) throw new Error('build first: npm run build');

const step = (name: string, command: string[]): Promise<Step> =>
  measured(name, command, { limitMB, limitMs });

let harvestStep: Step | undefined;
if (!args.includes('--skip-harvest')) {
  await rm(out, { recursive: true, force: true });
  const { portal, url } = await startPortal(cli, datasets);
  try {
    harvestStep = await step('harvest', [
      process.execPath,
      cli,
      'harvest',
      url,
      '-o',
      out,
      '--concurrency',
      String(concurrency),
      '--no-progress',
    ]);
    process.stdout.write(harvestStep.tail.split('\n').slice(0, 12).join('\n') + '\n');
  } finally {
    log(`portal peak RSS ${Math.round(kB(status(portal.pid as number), 'VmHWM') / 1024)} MB`);
    portal.kill('SIGTERM');
  }
}
const validateStep = await step('validate', [
  'script',
  '-qfec',
  [
    process.execPath,
    ...(maxOldSpace ? [`--max-old-space-size=${maxOldSpace}`] : []),
    cli,
    'validate',
    out,
    '--workers',
    String(workers),
    '--report',
    value('report', 'json:/dev/null'),
    ...(value('background', '') ? ['--background', value('background', '')] : []),
  ].join(' '),
  '/dev/null',
]);
process.stdout.write(
  validateStep.tail
    .split(/[\r\n]/)
    .filter((l) => l.trim() !== '')
    .slice(-40)
    .join('\n') + '\n',
);
if (harvestStep) {
  const total = harvestStep.wallS + validateStep.wallS;
  log(
    `end to end: ${total.toFixed(1)} s (harvest ${harvestStep.wallS.toFixed(1)} s + validate ${validateStep.wallS.toFixed(1)} s); peak RSS harvest ${harvestStep.maxRssMB} MB, validate ${validateStep.maxRssMB} MB`,
  );
}
