// **scores** compares the scores of two runs: the catalog's, each publisher's and each dataset's,
// the dataset rows streamed with only one side's id → score kept.
import type { RunReportReader } from '../run/read-report.js';

/** A dataset or publisher whose score changed between the two sides. */
export interface ScoreChange {
  id: string;
  name: string;
  before: number;
  after: number;
  delta: number;
}

/** Score changes between two runs; datasets and publishers with a change only. */
export interface ScoresDiff {
  catalog: { before: number; after: number; delta: number };
  /** Worst fall first, then by id. */
  datasets: ScoreChange[];
  publishers: ScoreChange[];
}

const byDelta = (p: ScoreChange, q: ScoreChange) =>
  p.delta - q.delta || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0);

function change(id: string, name: string, before: number, after: number): ScoreChange {
  return { id, name, before, after, delta: after - before };
}

/** Datasets whose score changed, reading each side's rows once. */
async function datasetChanges(a: RunReportReader, b: RunReportReader): Promise<ScoreChange[]> {
  const before = new Map<string, number>();
  for await (const row of a.datasets()) before.set(row.id, row.score);
  const out: ScoreChange[] = [];
  for await (const row of b.datasets()) {
    const old = before.get(row.id);
    if (old !== undefined && old !== row.score)
      out.push(change(row.id, row.title ?? row.id, old, row.score));
  }
  return out.sort(byDelta);
}

/** Compares the catalog's, the publishers' and the datasets' scores of two run reports. */
export async function compareScores(a: RunReportReader, b: RunReportReader): Promise<ScoresDiff> {
  const ca = a.head.audit.score;
  const cb = b.head.audit.score;
  const old = new Map(a.head.publishers.map((p) => [p.id, p.score]));
  const publishers: ScoreChange[] = [];
  for (const p of b.head.publishers) {
    const prev = old.get(p.id);
    if (prev !== undefined && prev !== p.score)
      publishers.push(change(p.id, p.name, prev, p.score));
  }
  return {
    catalog: { before: ca, after: cb, delta: cb - ca },
    datasets: await datasetChanges(a, b),
    publishers: publishers.sort(byDelta),
  };
}
