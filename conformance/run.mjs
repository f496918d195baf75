#!/usr/bin/env node
// Runs the conformance suite against a folder of reference data: npm run conformance -- <data dir> [vitest args]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const [dir, ...rest] = process.argv.slice(2);
if (!dir) {
  process.stderr.write(
    'usage: npm run conformance -- <path to the shared data folder> [vitest args]\n',
  );
  process.exit(2);
}
const data = resolve(dir);
if (!existsSync(data)) {
  process.stderr.write(
    `conformance: ${data} does not exist; pass the folder holding dcat-ap/ and udata/\n`,
  );
  process.exit(2);
}
const vitest = resolve('node_modules/vitest/vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', 'vitest.conformance.config.ts', ...rest],
  { stdio: 'inherit', env: { ...process.env, DCAT_HARVEST_SHARED_DATA: data } },
);
process.exit(result.status ?? 1);
