// **read-report** reads a run's `report.json` and `findings.jsonl` as streams: the head first, then
// one dataset row or one record's findings at a time (docs/reports.md).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, ParseError } from '../errors.js';
import { readLines, type TextLine } from '../input/lines.js';
import type { RecordResult } from '../shacl/findings.js';
import {
  FINDINGS_FILE,
  REPORT_SCHEMA,
  type DatasetRow,
  type RunReport,
  type RunReportHead,
} from './report-model.js';

/** The report file in a report folder. */
const REPORT_FILE = 'report.json';
/** The line that opens the dataset rows: `"datasets":[` (or `"datasets": [`) at its end. */
const ROWS_OPEN = /(?:^|[^\\])"datasets"\s*:\s*\[\s*$/;
/** Where a report's schema id is looked for before anything is parsed. */
const SCHEMA_PEEK = /"schema"\s*:\s*"([^"\\]{0,200})"/;
/** How many first lines are looked at for the schema id. */
const SCHEMA_LINES = 4;
const RERUN = 'it was made by an older version: rerun `dcat-harvest run` to write it anew';

/** A `report.json` opened for streaming. */
export interface RunReportReader {
  /** The file read. */
  file: string;
  /** Everything but the dataset rows. */
  head: RunReportHead;
  /** The dataset rows in file order (sorted by id), read anew from the file at each call. */
  datasets(): AsyncIterable<DatasetRow>;
  /** The findings file the report points to (`findings.jsonl` beside it). */
  findingsFile: string;
}

/**
 * Opens a run's `report.json` (or the report folder holding it): parses everything before the
 * dataset rows and checks the schema id; `datasets()` then streams the rows, one a line as the
 * writer puts them. A file laid out otherwise (reformatted by hand or by a tool) is parsed whole.
 *
 * @example
 * ```ts
 * import { readRunReport } from 'dcat-harvest/run';
 *
 * const report = await readRunReport('report-gouv');
 * console.log(report.head.audit.score, report.head.audit.rating);
 * for await (const row of report.datasets())
 *   if (row.rating === 'bad') console.log(row.id, row.score);
 * ```
 */
export async function readRunReport(folderOrFile: string): Promise<RunReportReader> {
  const file = await reportFile(folderOrFile);
  const headLines: string[] = [];
  let rowsFrom = 0;
  let complete = true;
  const lines = readLines(file);
  try {
    for await (const { text, line } of lines) {
      if (headLines.length < SCHEMA_LINES) checkSchemaText(file, text);
      headLines.push(text);
      if (ROWS_OPEN.test(text)) {
        complete = false;
        const next = await lines.next();
        if (!next.done && opensRows(next.value.text)) rowsFrom = line + 1;
        break;
      }
    }
  } finally {
    await lines.return(undefined);
  }
  if (rowsFrom > 0) {
    const head = parseHead(headLines.join('\n') + ']}');
    if (head !== undefined) {
      checkSchema(file, head);
      return reader(file, head, () => streamRows(file, rowsFrom));
    }
  }
  const whole = await parseWhole(file, complete ? headLines : undefined);
  const { datasets, ...head } = whole;
  return reader(file, head, async function* () {
    yield* datasets;
  });
}

function reader(
  file: string,
  head: RunReportHead,
  datasets: () => AsyncIterable<DatasetRow>,
): RunReportReader {
  const name = head.validation.findings?.file;
  const findings = typeof name === 'string' && path.basename(name) === name ? name : FINDINGS_FILE;
  return { file, head, datasets, findingsFile: path.join(path.dirname(file), findings) };
}

async function reportFile(folderOrFile: string): Promise<string> {
  const info = await stat(folderOrFile).catch(() => undefined);
  if (!info) {
    throw new InputError(`${folderOrFile}: no such file or folder`, {
      hint: 'give a report folder written by `dcat-harvest run`, or its report.json',
    });
  }
  if (!info.isDirectory()) return folderOrFile;
  const file = path.join(folderOrFile, REPORT_FILE);
  if (!(await stat(file).catch(() => undefined))) {
    throw new InputError(`${folderOrFile}: no ${REPORT_FILE} in this folder`, {
      hint: 'give a report folder written by `dcat-harvest run`',
    });
  }
  return file;
}

/** Whether the line after `"datasets":[` is a row on one line or the end of the rows. */
function opensRows(text: string): boolean {
  const t = text.trim();
  return t === '' || t.startsWith(']') || rowLine(t) !== undefined;
}

/**
 * A row line's row (a trailing comma dropped), and whether it also closes the rows (`{…}]}`);
 * undefined when the line is not a row.
 */
function rowLine(text: string): { row: DatasetRow; last: boolean } | undefined {
  const t = text.trim();
  if (!t.startsWith('{')) return undefined;
  const row = parseRow(t.endsWith(',') ? t.slice(0, -1) : t);
  if (row !== undefined) return { row, last: false };
  const close = /\]\s*\}$/.exec(t);
  const before = close ? parseRow(t.slice(0, close.index)) : undefined;
  return before === undefined ? undefined : { row: before, last: true };
}

function parseRow(text: string): DatasetRow | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRow(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRow(value: unknown): value is DatasetRow {
  const row = value as Partial<DatasetRow> | null;
  return (
    typeof row === 'object' &&
    row !== null &&
    typeof row.id === 'string' &&
    typeof row.score === 'number'
  );
}

function parseHead(text: string): RunReportHead | undefined {
  try {
    const value = JSON.parse(text) as Partial<RunReport> | null;
    if (typeof value !== 'object' || value === null || !Array.isArray(value.datasets))
      return undefined;
    const { datasets: _rows, ...head } = value;
    return head as RunReportHead;
  } catch {
    return undefined;
  }
}

async function* streamRows(file: string, from: number): AsyncGenerator<DatasetRow> {
  let closed = false;
  for await (const { text, line } of readLines(file)) {
    const t = text.trim();
    if (line < from || t === '') continue;
    if (closed || t.startsWith(']')) {
      closed = true;
      if (/^[\]}\s]*$/.test(t)) continue;
      throw badLine(file, { text, line }, 'unexpected text after the dataset rows');
    }
    const row = rowLine(t);
    if (row === undefined) throw badLine(file, { text, line }, 'not a dataset row on one line');
    closed = row.last;
    yield row.row;
  }
}

function badLine(file: string, { text, line }: TextLine, reason: string): ParseError {
  return new ParseError(
    reason,
    { source: file, line, excerpt: text.trim().slice(0, 60) },
    { format: 'report.json', hint: 'the file is damaged; rerun `dcat-harvest run`' },
  );
}

/** Parses the whole file; `lines` are all its lines when they were read already. */
async function parseWhole(file: string, lines: string[] | undefined): Promise<RunReport> {
  let all = lines;
  if (all === undefined) {
    all = [];
    for await (const { text: line } of readLines(file)) all.push(line);
  }
  const text = all.join('\n');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON: ${(error as Error).message}`, {
      hint: 'give the report.json written by `dcat-harvest run`, unchanged',
    });
  }
  checkSchema(file, value);
  const datasets = (value as { datasets?: unknown }).datasets;
  if (!Array.isArray(datasets) || !datasets.every(isRow)) {
    throw new InputError(`${file}: "datasets" is not a list of dataset rows`, {
      hint: 'the file is damaged; rerun `dcat-harvest run`',
    });
  }
  return value as RunReport;
}

/** Fails early, before any parsing, when the first line names another schema. */
function checkSchemaText(file: string, firstLine: string): void {
  const found = SCHEMA_PEEK.exec(firstLine.slice(0, 4096))?.[1];
  if (found !== undefined) checkSchema(file, { schema: found });
}

/** Throws an error saying what was found and what to do when `value` is not a report@2. */
function checkSchema(file: string, value: unknown): void {
  const found = (value as { schema?: unknown } | null)?.schema;
  if (found === REPORT_SCHEMA) return;
  if (typeof found !== 'string') {
    throw new InputError(`${file}: not a dcat-harvest run report (no "schema" member)`, {
      hint: 'give a report folder written by `dcat-harvest run`, or its report.json',
    });
  }
  const version = /^dcat-harvest\/report@(\d+)$/.exec(found)?.[1];
  if (version === undefined) {
    throw new InputError(`${file}: a ${found} file, not a run report (${REPORT_SCHEMA})`, {
      hint: 'give a report folder written by `dcat-harvest run`, or its report.json',
    });
  }
  const older = Number(version) < Number(REPORT_SCHEMA.split('@')[1]);
  throw new InputError(`${file}: a ${found} report; this version reads ${REPORT_SCHEMA}`, {
    hint: older ? RERUN : 'it was made by a newer version: update dcat-harvest to read it',
  });
}

/**
 * Streams a run's `findings.jsonl` (or the report folder holding it): one record's result a line.
 * A line may be tens of MB (a record with 60,000 findings); only one is in memory at a time. A
 * line that is not a record's result fails with the file and line number.
 *
 * @example
 * ```ts
 * import { readFindings } from 'dcat-harvest/run';
 *
 * for await (const result of readFindings('report-gouv'))
 *   for (const finding of result.findings)
 *     if (finding.severity === 'violation') console.log(result.record.id, finding.message);
 * ```
 */
export async function* readFindings(folderOrFile: string): AsyncGenerator<RecordResult> {
  const info = await stat(folderOrFile).catch(() => undefined);
  const file = info?.isDirectory() ? path.join(folderOrFile, FINDINGS_FILE) : folderOrFile;
  if (!(await stat(file).catch(() => undefined))) {
    throw new InputError(`${file}: no such file`, {
      hint: 'give the findings.jsonl written by `dcat-harvest run` (beside report.json)',
    });
  }
  for await (const line of readLines(file)) {
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      throw badFindingsLine(file, line, (error as Error).message);
    }
    if (!isRecordResult(value))
      throw badFindingsLine(file, line, 'not a record result (record, findings, counts)');
    yield value;
  }
}

function isRecordResult(value: unknown): value is RecordResult {
  const result = value as Partial<RecordResult> | null;
  return (
    typeof result === 'object' &&
    result !== null &&
    typeof result.record?.id === 'string' &&
    Array.isArray(result.findings)
  );
}

function badFindingsLine(file: string, { text, line }: TextLine, reason: string): ParseError {
  return new ParseError(
    reason,
    { source: file, line, excerpt: text.trim().slice(0, 60) },
    { format: 'findings.jsonl', hint: 'the file is damaged; rerun `dcat-harvest run`' },
  );
}
