// **page-fetches** are the files of a catalog's harvest in parts in its folder: the plan page 1 gave, and what each page's fetch gave, written once, atomically.
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../fetch/harvest-folder.js';
import type { HarvestPlan, PlannedOutcome } from '../fetch/harvest-plan.js';
import { REPORT_FILES } from '../run/run.js';
import { PAGE_RESULTS_DIR } from './page-results.js';

/** The plan of a catalog whose pages page jobs fetch (`page-results/plan.json`). */
export const PLAN_FILE = 'plan.json';

/** The folder of the pages' outcomes (`page-results/fetched/000002.json`). */
export const FETCHED_DIR = 'fetched';

const planFile = (dir: string) => path.join(dir, PAGE_RESULTS_DIR, PLAN_FILE);
const fetchedFile = (dir: string, n: number) =>
  path.join(dir, PAGE_RESULTS_DIR, FETCHED_DIR, `${String(n).padStart(6, '0')}.json`);

async function readJson<T>(file: string): Promise<T | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined; // not written by this tool: fetched again
  }
}

/** Writes the catalog's plan (in catalog folder `dir`). */
export async function writePlan(dir: string, plan: HarvestPlan): Promise<void> {
  await writeAtomic(planFile(dir), JSON.stringify(plan) + '\n');
}

/** The catalog's plan, or undefined when its harvest was not planned. */
export async function readPlan(dir: string): Promise<HarvestPlan | undefined> {
  const plan = await readJson<HarvestPlan>(planFile(dir));
  return plan?.schema === 'dcat-harvest/plan/1' ? plan : undefined;
}

/** Writes what fetching page `n` gave (after its body was stored). */
export async function writeFetched(dir: string, n: number, outcome: PlannedOutcome): Promise<void> {
  await writeAtomic(fetchedFile(dir, n), JSON.stringify(outcome) + '\n');
}

/**
 * What fetching page `n` gave, or undefined when it has not been fetched or a body it stored is
 * gone from the harvest folder (page 1: the plan's).
 */
export async function readFetched(
  dir: string,
  plan: HarvestPlan,
  n: number,
): Promise<PlannedOutcome | undefined> {
  if (n === 1) return plan.first;
  const outcome = await readJson<PlannedOutcome>(fetchedFile(dir, n));
  if (!Array.isArray(outcome?.entries)) return undefined;
  for (const { file } of outcome.entries) {
    if (file && !(await stat(path.join(dir, REPORT_FILES.harvest, file)).catch(() => undefined)))
      return undefined;
  }
  return outcome;
}

/** Removes the pages' outcomes once the harvest is finished (its manifest holds them). */
export async function removeFetched(dir: string): Promise<void> {
  await rm(path.join(dir, PAGE_RESULTS_DIR, FETCHED_DIR), { recursive: true, force: true });
}

/** Page result files past the `pages` the harvest gave (a page job validated a page that failed). */
export async function removeResultsFrom(dir: string, pages: number): Promise<void> {
  const names = await readdir(path.join(dir, PAGE_RESULTS_DIR)).catch(() => [] as string[]);
  for (const name of names) {
    const match = /^(\d{6})\.v8$/.exec(name);
    if (match && Number(match[1]) >= pages)
      await rm(path.join(dir, PAGE_RESULTS_DIR, name), { force: true });
  }
}
