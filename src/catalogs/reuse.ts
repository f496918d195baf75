// **reuse** carries a catalog's results over from a previous run when every page's bytes are the same: no validation or audit runs again.
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, cp, open, rename, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { writeHtmlReport } from '../report/html/write.js';
import { readRunReport } from '../run/read-report.js';
import type { HarvestSection, RunReportHead } from '../run/report-model.js';
import { REPORT_FILES } from '../run/run.js';
import { VERSION } from '../version.js';
import type { IndexedPage } from './dataset-index.js';

/** The first line of `report.json` as `run` writes it ends so: the head, then the rows. */
const ROWS_OPEN = ',"datasets":[';

/** Files of a report folder carried over as they are (nothing in them depends on the time). */
const CARRIED = [REPORT_FILES.findings, REPORT_FILES.sarif, REPORT_FILES.csv, REPORT_FILES.dqv];

/** The head of a `report.json` written by `run` (its first line), or undefined. */
async function headOf(file: string): Promise<RunReportHead | undefined> {
  if (!(await stat(file).catch(() => undefined))) return undefined;
  const line = await firstLine(file);
  if (!line.endsWith(ROWS_OPEN)) return undefined;
  return JSON.parse(line.slice(0, -ROWS_OPEN.length) + '}') as RunReportHead;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Why the previous results cannot be reused, or undefined when they can. */
export async function reuseProblem(
  previousDir: string,
  previousPages: readonly IndexedPage[] | undefined,
  currentPages: readonly string[],
  recordedOptions: RunReportHead['run']['options'],
): Promise<string | undefined> {
  const head = await headOf(path.join(previousDir, REPORT_FILES.json));
  if (!head) return 'no report.json written by run there';
  if (head.run.tool.version !== VERSION) return `made by version ${head.run.tool.version}`;
  if (!same(head.run.options, recordedOptions)) return 'made with other options';
  if (!head.harvest.complete) return 'its harvest was incomplete';
  if (!previousPages) return 'no dataset index there';
  if (
    !same(
      previousPages.map((p) => p.sha256),
      currentPages,
    )
  )
    return 'pages changed';
  for (const file of CARRIED) {
    if (!(await stat(path.join(previousDir, file)).catch(() => undefined)))
      return `${file} is missing`;
  }
  return undefined;
}

/**
 * Writes `dir`'s report from `previousDir`'s: the findings, SARIF, CSV and DQV files copied,
 * `index.html` rendered again and `report.json` written with the run's new times and harvest
 * section and the previous rows, streamed (and `publishers/` copied when the previous run wrote it).
 */
export async function reuseReport(
  previousDir: string,
  dir: string,
  update: { startedAt: Date; harvest?: HarvestSection; harvestMs: number },
): Promise<RunReportHead> {
  const t0 = performance.now();
  // The findings and SARIF files name each page by its path: the previous run's become this one's.
  const from = JSON.stringify(path.join(previousDir, REPORT_FILES.harvest) + path.sep).slice(1, -1);
  const to = JSON.stringify(path.join(dir, REPORT_FILES.harvest) + path.sep).slice(1, -1);
  for (const file of CARRIED) {
    if (file === REPORT_FILES.findings || file === REPORT_FILES.sarif)
      await copyReplacing(path.join(previousDir, file), path.join(dir, file), from, to);
    else await copyFile(path.join(previousDir, file), path.join(dir, file));
  }
  const publishers = path.join(previousDir, 'publishers');
  if (await stat(publishers).catch(() => undefined))
    await cp(publishers, path.join(dir, 'publishers'), { recursive: true });
  const source = path.join(previousDir, REPORT_FILES.json);
  const first = await firstLine(source);
  const head = JSON.parse(first.slice(0, -ROWS_OPEN.length) + '}') as RunReportHead;
  if (update.harvest) head.harvest = update.harvest;
  head.run.startedAt = update.startedAt.toISOString();
  head.run.finishedAt = head.run.startedAt;
  head.run.durations = { harvest: update.harvestMs, validate: 0, audit: 0, report: 0, total: 0 };
  const previous = await readRunReport(source);
  await writeHtmlReport(path.join(dir, REPORT_FILES.html), head, previous.datasets());
  head.run.finishedAt = new Date().toISOString();
  head.run.durations.report = Math.round(performance.now() - t0);
  head.run.durations.total = update.harvestMs + head.run.durations.report;
  const json = path.join(dir, REPORT_FILES.json);
  const part = `${json}.part`;
  const out = createWriteStream(part);
  out.write(JSON.stringify(head).slice(0, -1) + ROWS_OPEN);
  await pipeline(createReadStream(source, { start: Buffer.byteLength(first) }), out);
  await rename(part, json);
  return head;
}

/** The first line of a file, without its line end. */
async function firstLine(file: string): Promise<string> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
  } finally {
    lines.close();
  }
  return '';
}

/** Copies a text file line by line with every `from` replaced by `to`. */
async function copyReplacing(source: string, target: string, from: string, to: string) {
  const lines = createInterface({ input: createReadStream(source), crlfDelay: Infinity });
  const part = `${target}.part`;
  const out = createWriteStream(part);
  let first = true;
  for await (const line of lines) {
    const text = (first ? '' : '\n') + line.replaceAll(from, to);
    first = false;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end((await endsWithNewline(source)) ? '\n' : '');
  await once(out, 'finish');
  await rename(part, target);
}

async function endsWithNewline(file: string): Promise<boolean> {
  const { size } = await stat(file);
  if (size === 0) return false;
  const handle = await open(file, 'r');
  try {
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
