// **packed-steps** are the steps of `validatePacked`: results taken once per node, records waiting
// for the end and their settle groups, and the whole-graph fallback.
import type { Quad } from '@rdfjs/types';
import { Store } from 'n3';
import type { InputDocument } from '../input/open.js';
import { KeySet } from '../key-set.js';
import type { IriRepair } from '../rdf/iri-repair.js';
import { extractRecords, type RecordGraph } from '../rdf/records.js';
import { FindingDeduper } from './dedupe.js';
import { readDocuments, type DocumentOptions } from './documents.js';
import { refOf, type Finding, type RecordRef } from './findings.js';
import { groupByRecord } from './group-by-record.js';
import { ownString } from '../own-string.js';
import { PackedResult, unpack, type PackedFindings } from './packed.js';
import { repairFindings } from './repair-findings.js';
import type { Settle, Waiting } from './settle.js';
import type { TypeTable } from './type-table.js';
import type { Validator } from './validate.js';
import type { WorkerRecordResult } from './worker.js';

/** A record that another page could still change, as it waits for the end. */
export function waitingEntry(
  r: WorkerRecordResult,
  at: { ordinal: number; page: number; source: { file: string }; deferred: boolean },
): Waiting {
  const entry: Waiting = {
    ordinal: at.ordinal,
    page: at.page,
    source: at.source,
    record: r.linked ? { ...refOf(r.record), linked: r.linked } : refOf(r.record),
    unresolved: r.unresolved ?? [],
  };
  if (at.deferred) entry.findings = unpack(r.findings); // rare; the list may go to disk
  if (r.ntriples !== undefined) entry.ntriples = r.ntriples;
  return entry;
}

/**
 * Turns records' packed findings into results: each node's findings reported once (see
 * `FindingDeduper`), a repeated record only for what it brings new; counts what is yielded.
 */
export class Taker {
  /** Results yielded so far (the next one's position): the caller counts each it yields. */
  yielded = 0;
  records = 0;
  /** The record id of each result yielded (for attribution), when asked. */
  private readonly ids: string[] = [];
  readonly dedupe: FindingDeduper;
  private readonly seenRecords = new KeySet(); // 64-bit digests: 78,000 record IRIs in ≈ 4 MB

  constructor(private readonly attributing: boolean) {
    this.dedupe = new FindingDeduper(attributing ? (at) => this.ids[at] as string : undefined);
  }

  seen(id: string): boolean {
    return this.seenRecords.has(id);
  }

  /** The result of a record's findings, or nothing when a repeated record brings nothing new. */
  take(record: RecordRef, findings: PackedFindings, source?: { file: string }) {
    const repeated = !this.seenRecords.add(record.id);
    const fresh = this.dedupe.fresh(findings, this.yielded, repeated ? undefined : record.id);
    if (repeated && fresh.length === 0) return undefined;
    this.records++;
    // The result's id is the one kept here: a caller that keeps ids per result shares it.
    const id = ownString(record.id);
    if (this.attributing) this.ids[this.yielded] = id;
    return new PackedResult({ ...refOf(record), id }, findings, fresh, source);
  }
}

/** The input validated as one graph: each record with its findings (see `validateGraph`). */
export async function* wholeGraphResults(
  inputs: readonly string[],
  options: DocumentOptions & { validator: Validator },
): AsyncGenerator<{ record: RecordGraph; findings: Finding[]; source?: { file: string } }> {
  const quads: Quad[] = [];
  const files: string[] = [];
  const repairs: IriRepair[] = [];
  for await (const document of readDocuments(inputs, options)) {
    for (const q of document.quads) quads.push(q);
    files.push(document.source);
    repairs.push(...document.repairs);
  }
  const records = extractRecords(new Store(quads), options.validator.plan.rule);
  const source = files.length === 1 ? { file: files[0] as string } : undefined;
  for (const { record, findings } of groupByRecord(
    options.validator.validateGraph(quads, records),
    records,
    source,
  )) {
    findings.push(...repairFindings(record, repairs));
    yield source ? { record, findings, source } : { record, findings };
  }
}

/**
 * The waiting records to validate again (those another page typed a value of, and the deferred
 * ones), grouped by the page to read again for them.
 */
export function* settleGroups(
  waiting: Iterable<Waiting>,
  types: TypeTable,
  documentsToReread: ReadonlyMap<number, InputDocument>,
): Generator<Settle> {
  let group: Settle | undefined;
  let groupPage = -1;
  for (const entry of waiting) {
    const typed: [string, string][] = [];
    for (const id of entry.unresolved) for (const type of types.of(id)) typed.push([id, type]);
    if (typed.length === 0 && entry.ordinal >= 0) continue;
    const document = entry.ntriples === undefined ? documentsToReread.get(entry.page) : undefined;
    if (group && (groupPage !== entry.page || !document)) {
      yield group;
      group = undefined;
    }
    group ??= document ? { entries: [], document } : { entries: [] };
    groupPage = entry.page;
    group.entries.push({ entry, types: typed });
  }
  if (group) yield group;
}
