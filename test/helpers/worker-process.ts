// `dcat-harvest worker` in a child process (through tsx), with its log and a promise of its first job.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const MAIN = path.resolve('src/cli/main.ts');

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves with the id of the first catalog job it takes. */
  firstJob: Promise<string>;
  log: () => string;
  /** SIGTERM, then waits for the exit. */
  stop: () => Promise<void>;
}

/** Starts `dcat-harvest worker --queue url …args`. */
export function workerProcess(url: string, args: string[] = []): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, 'worker', '--queue', url, '--workers', '1', ...args],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let text = '';
  const firstJob = new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = /\[worker\] catalog (\S+) active/.exec(text);
      if (m) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${text}`)));
  });
  firstJob.catch(() => {});
  return {
    child,
    firstJob,
    log: () => text,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
