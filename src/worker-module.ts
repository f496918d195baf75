// **worker-module** finds a worker thread's module: the compiled `.js` in dist, or the `.ts` source
// beside it run through tsx (the tests run the sources).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The file and `execArgv` of a worker module given as the URL of its compiled `.js`. */
export function workerModule(js: URL): { filename: string; execArgv: string[] } {
  const compiled = fileURLToPath(js);
  if (existsSync(compiled)) return { filename: compiled, execArgv: [] };
  return { filename: compiled.replace(/\.js$/, '.ts'), execArgv: ['--import', 'tsx'] };
}
