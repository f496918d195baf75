// examples/queue: the Compose file, the Kubernetes manifest and the Dockerfile parse, every dcat-harvest command line in them exists, and they run against a real redis-server.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { Overview } from '../../src/catalogs/overview-model.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';
import { cliProblems } from '../helpers/cli-options.js';
import { freePort, REDIS_SERVER } from '../helpers/redis.js';

const DIR = path.resolve('examples/queue');
const MAIN = path.resolve('src/cli/main.ts');
const IMAGE = /^dcat-harvest:/;
const QUEUE = 'redis://redis:6379/0';

interface Container {
  where: string;
  image: string;
  argv: string[];
}

/** Services of the Compose file as containers (their `command`). */
async function composeContainers(): Promise<Container[]> {
  const doc = parse(await readFile(path.join(DIR, 'compose.yaml'), 'utf8')) as {
    services: Record<string, { image: string; command: string[] }>;
  };
  return Object.entries(doc.services).map(([name, s]) => ({
    where: `compose.yaml services.${name}`,
    image: s.image,
    argv: s.command,
  }));
}

/** Containers of the manifest's Deployments and Jobs (their `args`). */
async function kubernetesContainers(): Promise<Container[]> {
  const text = await readFile(path.join(DIR, 'kubernetes.yaml'), 'utf8');
  const docs = parseAllDocuments(text).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as {
      kind: string;
      metadata: { name: string };
      spec: {
        template: { spec: { containers: { name: string; image: string; args: string[] }[] } };
      };
    };
  });
  expect(docs.map((d) => d.kind)).toEqual([
    'PersistentVolumeClaim',
    'Deployment',
    'Service',
    'Deployment',
    'Job',
  ]);
  return docs
    .filter((d) => d.kind === 'Deployment' || d.kind === 'Job')
    .flatMap((d) =>
      d.spec.template.spec.containers.map((c) => ({
        where: `kubernetes.yaml ${d.metadata.name}/${c.name}`,
        image: c.image,
        argv: c.args,
      })),
    );
}

/** redis-server with the example's arguments, on a free loopback port, in `dir`. */
async function redisWith(
  args: string[],
  dir: string,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const local = args.slice(1).map((a) => (a === '/data' ? dir : a));
  const child = spawn(
    REDIS_SERVER,
    [...local, '--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
  });
  return { url: `redis://127.0.0.1:${port}/0`, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('examples/queue', () => {
  let containers: Container[];

  beforeAll(async () => {
    containers = [...(await composeContainers()), ...(await kubernetesContainers())];
  });

  it('uses only commands and options the CLI has', async () => {
    const ours = containers.filter((c) => IMAGE.test(c.image));
    expect(ours.map((c) => `${c.where}: ${c.argv[0]}`)).toEqual([
      'compose.yaml services.worker: worker',
      'compose.yaml services.run: run',
      'kubernetes.yaml dcat-harvest-worker/worker: worker',
      'kubernetes.yaml dcat-harvest-run/run: run',
    ]);
    for (const c of ours) expect(await cliProblems(c.argv), c.where).toEqual([]);
    // The check can fail.
    expect(await cliProblems(['worker', '--queue', QUEUE, '--replicas', '2'])).toEqual([
      'worker: no option --replicas',
    ]);
    expect(await cliProblems(['workers'])).toEqual(['no command "workers"']);
  });

  it('builds its image with the CLI as entrypoint, from files the repository has', async () => {
    const text = await readFile(path.join(DIR, 'Dockerfile'), 'utf8');
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
      bin: Record<string, string>;
    };
    const entry = /^ENTRYPOINT (.*)$/m.exec(text)?.[1] as string;
    expect(JSON.parse(entry)).toEqual(['node', `/app/${pkg.bin['dcat-harvest']}`]);
    for (const [, from] of text.matchAll(/^COPY (.+) \S+$/gm))
      for (const file of (from as string).split(' ')) {
        if (file !== '.') expect(existsSync(file), `Dockerfile COPY ${file}`).toBe(true);
      }
    const compose = parse(await readFile(path.join(DIR, 'compose.yaml'), 'utf8')) as {
      services: { worker: { build: { context: string; dockerfile: string } } };
    };
    const build = compose.services.worker.build;
    expect(path.resolve(DIR, build.context, build.dockerfile)).toBe(path.join(DIR, 'Dockerfile'));
  });

  it('is shown in docs/queue.md with docker commands that name its files, image and services', async () => {
    const doc = await readFile('docs/queue.md', 'utf8');
    const block = [...doc.matchAll(/```console\n([\s\S]*?)```/g)]
      .map((m) => m[1] as string)
      .find((b) => b.includes('$ docker '));
    const lines = (block ?? '').split('\n').filter((l) => l.startsWith('$ docker '));
    expect(lines).toHaveLength(3);
    const compose = parse(await readFile(path.join(DIR, 'compose.yaml'), 'utf8')) as {
      services: Record<string, { image: string; profiles?: string[] }>;
    };
    for (const line of lines) {
      for (const [, file] of line.matchAll(/ -f (\S+)/g))
        expect(existsSync(file as string), line).toBe(true);
      const tag = / -t (\S+)/.exec(line)?.[1];
      if (tag) expect(tag).toBe(compose.services.worker?.image);
      const scaled = /--scale (\w+)=\d+/.exec(line)?.[1];
      if (scaled) expect(Object.keys(compose.services)).toContain(scaled);
      const ran = / run --rm (\w+)$/.exec(line)?.[1];
      if (ran) expect(compose.services[ran]?.profiles).toEqual(['run']);
    }
  });

  describe('run against a real redis-server', () => {
    let tmp: string;
    let portal: Awaited<ReturnType<typeof startSamplePortal>>;

    beforeAll(async () => {
      tmp = await mkdtemp(path.join(tmpdir(), 'dh-examples-'));
      portal = await startSamplePortal({ datasets: 20, seed: 81 });
    });

    afterAll(async () => {
      await portal.close();
      await rm(tmp, { recursive: true, force: true });
    });

    for (const file of ['compose.yaml', 'kubernetes.yaml']) {
      it(`runs the Redis, worker and run command lines of ${file}`, async () => {
        const mine = containers.filter((c) => c.where.startsWith(file));
        const runs = path.join(tmp, file, 'runs');
        const data = path.join(tmp, file, 'data');
        await mkdir(runs, { recursive: true });
        await mkdir(data, { recursive: true });
        await writeFile(
          path.join(runs, 'catalogs.yaml'),
          `defaults:\n  page-size: 10\ncatalogs:\n  - id: all\n    source: ${portal.url}\n  - id: hvd\n    source: ${portal.url}\n    badge: hvd\n`,
        );
        const redis = await redisWith(mine.find((c) => /^redis:/.test(c.image))!.argv, data);
        const local = (argv: string[]) =>
          argv.map((a) => a.replace(QUEUE, redis.url).replace(/^\/runs(?=\/|$)/, runs));
        const workers = mine
          .filter((c) => IMAGE.test(c.image) && c.argv[0] === 'worker')
          .map((c) =>
            spawn(process.execPath, ['--import', 'tsx', MAIN, ...local(c.argv)], {
              stdio: ['ignore', 'ignore', 'ignore'],
            }),
          );
        try {
          expect(workers).toHaveLength(1);
          const run = mine.find((c) => IMAGE.test(c.image) && c.argv[0] === 'run')!;
          const result = await cli(local(run.argv), { cwd: runs });
          expect(result.code, result.stderr).toBe(0);
          const overview = JSON.parse(
            await readFile(path.join(runs, 'latest', 'report.json'), 'utf8'),
          ) as Overview;
          expect(overview.counts).toMatchObject({ catalogs: 2, ok: 2, failed: 0 });
          expect(overview.catalogs.find((c) => c.id === 'all')?.datasets).toBe(20);
          expect(overview.run.queue).toBe(redis.url);
        } finally {
          await Promise.all(workers.map(stop));
          await stop(redis.child);
        }
      }, 180_000);
    }
  });
});
