// **compact** packs a run report's datasets and publishers into the small arrays the HTML page embeds.
import type { DatasetRow, Rating, RunReport } from '../../run/report-model.js';
import { RATINGS } from '../../run/report-model.js';

const SEVERITY_INDEX = { violation: 0, warning: 1, info: 2 } as const;

/** Placeholders that stand for the dataset's own title and IRI inside shared strings. */
const TITLE_MARK = '\u0001T';
const ID_MARK = '\u0001I';
/** Stands for the example's focus node and value, which the page does not embed. */
const FOCUS_MARK = '\u0001F';
const VALUE_MARK = '\u0001V';
/** Reasons longer than this are cut in the page (report.json keeps them whole). */
const WHY_MAX = 160;

/** Shortens a reason for the page, never leaving half a placeholder at the cut. */
function cut(why: string): string {
  let out = why.slice(0, WHY_MAX - 1);
  if (out.endsWith(ID_MARK[0] as string)) out = out.slice(0, -1);
  return out + '…';
}

/** Interns strings: each distinct string is stored once and referenced by index. */
class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  add(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}

/**
 * Replaces the dataset's own title and IRI, and the example's focus node and value, by
 * placeholders so the same message repeats across datasets and is stored once.
 */
function generalize(text: string, row: DatasetRow, focus?: string, value?: string): string {
  let out = text.split(ID_MARK[0] as string).join('');
  const swap = (what: string | undefined, mark: string, min = 0) => {
    if (what !== undefined && what.length > min) out = out.split(what).join(mark);
  };
  if (focus !== row.id) swap(focus, FOCUS_MARK);
  swap(value, VALUE_MARK);
  swap(row.id, ID_MARK);
  swap(row.title, TITLE_MARK, 2);
  return out;
}

/**
 * One dataset as an array (see the `cols` legend of {@link CompactData}):
 * [id, title, publisher index or -1, score, rating index, distributions, violations, warnings,
 *  infos, broken links, outcome index per indicator, kinds of findings as [severity, message
 *  string, count, value string or -1]].
 */
export type CompactDataset = [
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
  number[],
  [number, number, number, number][],
];

/** What the page's script reads. */
export interface CompactData {
  ratings: readonly Rating[];
  indicators: { id: string; label: string; dimension: string; max: number }[];
  /** Distinct (points, why string index) pairs per indicator position. */
  outcomes: [number, number][];
  strings: string[];
  publishers: { name: string; id: string }[];
  /** [name, datasets, score, rating index, violations, broken links, publisher index]. */
  publisherRows: [string, number, number, number, number, number, number][];
  datasets: CompactDataset[];
}

/** Packs the datasets of a report; identical messages and reasons are stored once. */
export function compactReport(report: RunReport): CompactData {
  const strings = new StringTable();
  const outcomes: [number, number][] = [];
  const outcomeIndex = new Map<string, number>();
  const indicators = report.audit.indicators.map((i) => ({
    id: i.id,
    label: i.label,
    dimension: i.dimension,
    max: i.max,
  }));
  const position = new Map(indicators.map((i, n) => [i.id, n]));
  const publishers: { name: string; id: string }[] = [];
  const publisherIndex = new Map<string, number>();
  for (const p of report.publishers) {
    publisherIndex.set(p.id, publishers.length);
    publishers.push({ name: p.name, id: p.id });
  }
  const outcome = (points: number, why: string): number => {
    const w = strings.add(why);
    const key = `${points}|${w}`;
    let i = outcomeIndex.get(key);
    if (i === undefined) {
      i = outcomes.length;
      outcomes.push([points, w]);
      outcomeIndex.set(key, i);
    }
    return i;
  };
  const datasets = report.datasets.map((row): CompactDataset => {
    const perIndicator = indicators.map(() => -1);
    for (const ind of row.indicators) {
      const at = position.get(ind.id);
      if (at === undefined) continue;
      const why = generalize(ind.why, row);
      perIndicator[at] = outcome(ind.points, why.length > WHY_MAX ? cut(why) : why);
    }
    // Interim (issue 15): a dataset's groups of findings, shown with the group's example message.
    const findings = row.groups.map(([g, count]): [number, number, number, number] => {
      const group = report.validation.groups[g];
      return [
        SEVERITY_INDEX[group?.severity ?? 'info'],
        strings.add(group ? generalize(group.message, row) : ''),
        count,
        -1,
      ];
    });
    return [
      row.id,
      row.title ?? '',
      row.publisher === undefined ? -1 : (publisherIndex.get(row.publisher) ?? -1),
      row.score,
      RATINGS.indexOf(row.rating),
      row.distributions,
      row.counts.violation,
      row.counts.warning,
      row.counts.info,
      row.brokenLinks,
      perIndicator,
      findings,
    ];
  });
  return {
    ratings: RATINGS,
    indicators,
    outcomes,
    strings: strings.strings,
    publishers,
    publisherRows: report.publishers.map((p, i) => [
      p.name,
      p.datasets,
      p.score,
      RATINGS.indexOf(p.rating),
      p.counts.violation,
      p.brokenLinks,
      i,
    ]),
    datasets,
  };
}
