// **compact** packs a run's dataset rows, one at a time, into the small arrays the HTML page
// embeds, and the shared tables (reasons per indicator, groups, publishers) they point into.
import type { DatasetRow, Rating, RunReportHead } from '../../run/report-model.js';
import { RATINGS } from '../../run/report-model.js';
import { generalizeGroupMessage } from './group-message.js';

const SEVERITY_INDEX = { violation: 0, warning: 1, info: 2 } as const;

/** Placeholders that stand for the dataset's own title and IRI inside shared strings. */
export const TITLE_MARK = '\u0001T';
export const ID_MARK = '\u0001I';
/** Reasons longer than this are cut in the page (report.json keeps them whole). */
const WHY_MAX = 160;
/**
 * Distinct outcomes kept per indicator: past this, a dataset's outcome is embedded in its row
 * (reasons unique to a dataset, like dates, gain nothing from a table), so the writer's memory
 * does not grow with the datasets.
 */
export const OUTCOMES_PER_INDICATOR = 1000;
/** Distinct IRI prefixes kept; past this, ids are embedded whole. */
const PREFIXES_MAX = 1000;

/** Shortens a reason for the page, never leaving half a placeholder at the cut. */
function cut(why: string): string {
  let out = why.slice(0, WHY_MAX - 1);
  if (out.endsWith('\u0001')) out = out.slice(0, -1);
  return out + '…';
}

/** Puts placeholders for the dataset's own IRI and title, so one reason serves many datasets. */
function generalize(text: string, row: DatasetRow): string {
  let out = text.includes('\u0001') ? text.split('\u0001').join('') : text;
  if (row.id.length > 0 && out.includes(row.id)) out = out.split(row.id).join(ID_MARK);
  const title = row.title;
  if (title !== undefined && title.length > 2 && out.includes(title)) {
    out = out.split(title).join(TITLE_MARK);
  }
  return out;
}

/** An indicator outcome: an index into the indicator's table, inline, or -1 when absent. */
export type CompactOutcome = number | [number, string];

/**
 * One dataset's columns of the dataset table, as an array: [IRI prefix index or -1, rest of the
 * IRI, title, publisher index or -1, score, rating index, distributions, violations, warnings,
 * infos, broken links].
 */
export type CompactDataset = [
  number,
  string,
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/**
 * One dataset's detail, read when the dataset is opened: [outcome per indicator position,
 * finding counts per group flattened as group index, count, group index, count…].
 */
export type CompactDetail = [CompactOutcome[], number[]];

/** The tables the rows point into: what the page's second JSON block holds. */
export interface CompactTables {
  ratings: readonly Rating[];
  indicators: { id: string; label: string; dimension: string; max: number }[];
  /** Per indicator position: its distinct [points, reason] outcomes. */
  outcomes: [number, string][][];
  /** Every group of findings: [severity index, component, path, record kind, message]. */
  groups: [number, string, string, string, string][];
  prefixes: string[];
  publishers: { name: string; id: string }[];
  /** [name, datasets, score, rating index, violations, broken links, publisher index]. */
  publisherRows: [string, number, number, number, number, number, number][];
  /** Rows embedded. */
  datasets: number;
  /** The findings file beside the report, for people. */
  findingsFile: string;
}

/** Splits an IRI before its last segment (a trailing slash stays with the segment). */
function splitIri(id: string): [string, string] {
  const at = id.lastIndexOf('/', id.length - 2);
  return at < 0 ? ['', id] : [id.slice(0, at + 1), id.slice(at + 1)];
}

/**
 * Packs rows one at a time. Keeps only the shared tables, each bounded: memory does not grow
 * with the datasets.
 */
export class CompactPacker {
  private readonly position: Map<string, number>;
  private readonly publisherIndex = new Map<string, number>();
  private readonly outcomes: [number, string][][];
  private readonly outcomeIndex: Map<string, number>[];
  private readonly prefixes: string[] = [];
  private readonly prefixIndex = new Map<string, number>();
  private count = 0;

  constructor(private readonly head: RunReportHead) {
    const indicators = head.audit.indicators;
    this.position = new Map(indicators.map((i, n) => [i.id, n]));
    this.outcomes = indicators.map(() => []);
    this.outcomeIndex = indicators.map(() => new Map());
    head.publishers.forEach((p, i) => {
      if (!this.publisherIndex.has(p.id)) this.publisherIndex.set(p.id, i);
    });
  }

  private outcome(at: number, points: number, why: string): CompactOutcome {
    const index = this.outcomeIndex[at] as Map<string, number>;
    const table = this.outcomes[at] as [number, string][];
    const key = `${points}|${why}`;
    let i = index.get(key);
    if (i !== undefined) return i;
    if (table.length >= OUTCOMES_PER_INDICATOR) return [points, why];
    i = table.length;
    table.push([points, why]);
    index.set(key, i);
    return i;
  }

  private prefix(id: string): [number, string] {
    const [prefix, rest] = splitIri(id);
    if (prefix === '') return [-1, rest];
    let i = this.prefixIndex.get(prefix);
    if (i === undefined) {
      if (this.prefixes.length >= PREFIXES_MAX) return [-1, id];
      i = this.prefixes.length;
      this.prefixes.push(prefix);
      this.prefixIndex.set(prefix, i);
    }
    return [i, rest];
  }

  /** One dataset's table columns and detail. */
  row(row: DatasetRow): { table: CompactDataset; detail: CompactDetail } {
    this.count++;
    const perIndicator: CompactOutcome[] = this.outcomes.map(() => -1);
    for (const ind of row.indicators) {
      const at = this.position.get(ind.id);
      if (at === undefined) continue;
      const why = generalize(ind.why, row);
      perIndicator[at] = this.outcome(at, ind.points, why.length > WHY_MAX ? cut(why) : why);
    }
    const groups: number[] = [];
    for (const [g, n] of row.groups) groups.push(g, n);
    const [prefix, rest] = this.prefix(row.id);
    const table: CompactDataset = [
      prefix,
      rest,
      row.title ?? '',
      row.publisher === undefined ? -1 : (this.publisherIndex.get(row.publisher) ?? -1),
      row.score,
      RATINGS.indexOf(row.rating),
      row.distributions,
      row.counts.violation,
      row.counts.warning,
      row.counts.info,
      row.brokenLinks,
    ];
    return { table, detail: [perIndicator, groups] };
  }

  /** The shared tables, once every row is packed. */
  tables(): CompactTables {
    const { head } = this;
    return {
      ratings: RATINGS,
      indicators: head.audit.indicators.map((i) => ({
        id: i.id,
        label: i.label,
        dimension: i.dimension,
        max: i.max,
      })),
      outcomes: this.outcomes,
      groups: head.validation.groups.map((g) => [
        SEVERITY_INDEX[g.severity],
        g.component,
        g.path ?? '',
        g.recordKind,
        generalizeGroupMessage(g),
      ]),
      prefixes: this.prefixes,
      publishers: head.publishers.map((p) => ({ name: p.name, id: p.id })),
      publisherRows: head.publishers.map((p, i) => [
        p.name,
        p.datasets,
        p.score,
        RATINGS.indexOf(p.rating),
        p.counts.violation,
        p.brokenLinks,
        i,
      ]),
      datasets: this.count,
      findingsFile: head.validation.findings.file,
    };
  }
}
