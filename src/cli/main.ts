#!/usr/bin/env node
// **main** is the executable: runs the CLI on process.argv, aborts on SIGINT/SIGTERM, sets the exit code.
import v8 from 'node:v8';
import { processIo, runCli } from './run.js';

// V8 lets a busy heap grow to four times what it keeps alive before collecting it: at
// data.gouv.fr's size that made the main thread's 150–300 MB of live data a 1.3 GB heap. One and a
// half times keeps the whole validation near 1 GB (970–1,038 MB) for ≈ 5% more time; a
// `--heap-growing-percent` given to node wins.
if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) {
  v8.setFlagsFromString('--heap-growing-percent=50');
}

const controller = new AbortController();
let interrupted = 0;
const onSignal = (signal: NodeJS.Signals) => {
  interrupted += 1;
  if (interrupted > 1) process.exit(130);
  process.stderr.write(`\n${signal}: finishing in-flight work (press again to force)\n`);
  controller.abort(new Error(`interrupted by ${signal}`));
};
// A reader that stops early (`| head`) closes the pipe: stop quietly, as command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE')
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw error;
});
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await runCli(process.argv.slice(2), processIo(), controller.signal);
