// A run in a child process, for tests that bound its heap or kill it: `node --import tsx
// test/run/run-child.ts <source> <out> [--resume]`; prints one line per stage on stderr.
import { runPipeline } from '../../src/run/run.js';

const [source, out, ...rest] = process.argv.slice(2);
await runPipeline(source as string, {
  out: out as string,
  workers: 2,
  resume: rest.includes('--resume'),
  onProgress: (stage, message) => process.stderr.write(`[${stage}] ${message}\n`),
});
