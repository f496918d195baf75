// What a queued run's page jobs did, read from the queue (their return values) and from the run folder (their files).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Queue } from 'bullmq';
import { connectQueue, parseQueueUrl } from '../../src/queue/connection.js';
import { QUEUE_NAME, type PageJobData, type PageJobResult } from '../../src/queue/job-types.js';

/** Per catalog: page jobs completed (those that fetched too), and their pages by outcome. */
export interface PageJobCounts {
  jobs: number;
  pages: number[];
  validated: number;
  reused: number;
  kept: number;
  /** Pages fetched by the jobs that fetch (a planned harvest). */
  fetched: number;
  /** Jobs that fetched their pages first. */
  fetchJobs: number;
}

/** The completed page jobs of the queue, by catalog id. */
export async function pageJobsByCatalog(url: string): Promise<Map<string, PageJobCounts>> {
  const connection = await connectQueue(parseQueueUrl(url));
  const queue = new Queue(QUEUE_NAME, { connection });
  try {
    const out = new Map<string, PageJobCounts>();
    for (const job of await queue.getJobs(['completed'], 0, -1)) {
      if (job.name !== 'pages') continue;
      const data = job.data as PageJobData;
      const result = job.returnvalue as PageJobResult;
      const counts = out.get(data.entry.id) ?? {
        jobs: 0,
        pages: [],
        validated: 0,
        reused: 0,
        kept: 0,
        fetched: 0,
        fetchJobs: 0,
      };
      counts.jobs++;
      for (let p = data.from; p < data.to; p++) counts.pages.push(p);
      counts.validated += result.validated;
      counts.reused += result.reused;
      counts.kept += result.kept;
      counts.fetched += result.fetched ?? 0;
      if (data.fetch) counts.fetchJobs++;
      out.set(data.entry.id, counts);
    }
    for (const counts of out.values()) counts.pages.sort((a, b) => a - b);
    return out;
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/** The page result files of a catalog folder, and the pages its harvest recorded. */
export async function pageResultFiles(
  dir: string,
): Promise<{ files: string[]; pages: number | undefined }> {
  const names = await readdir(path.join(dir, 'page-results')).catch(() => [] as string[]);
  const text = await readFile(path.join(dir, 'page-results', 'pages.json'), 'utf8').catch(
    () => undefined,
  );
  return {
    files: names.filter((n) => /^\d{6}\.v8$/.test(n)).sort(),
    pages: text === undefined ? undefined : (JSON.parse(text) as { pages: number }).pages,
  };
}
