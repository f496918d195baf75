// **settle** validates again, at the end of a run, the records whose class checks named nodes a
// later page typed: on the workers from their page read again, or here from their triples.
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import type { InputDocument } from '../input/open.js';
import type { RecordGraph, RecordKind } from '../rdf/records.js';
import { parseDocument } from './documents.js';
import { refOf, type Finding, type RecordRef } from './findings.js';
import { packFindings, type PackedFindings } from './packed.js';
import { labelBlankNodes, reviseRecords, withTypes, type Revision } from './page.js';
import type { PagePool } from './pool.js';
import type { Validator } from './validate.js';

/** Parses N-Triples, keeping the pages' blank node labels (findings on shared ones deduplicate). */
export function parseNTriples(text: string): Quad[] {
  return new Parser({ format: 'N-Triples', blankNodePrefix: '' }).parse(text);
}

/**
 * A record whose class findings name IRIs its page does not describe, waiting for the end: if
 * another page typed one of them, it is validated again and its result revised.
 */
export interface Waiting {
  /**
   * Position of its result among those yielded; -1 when it was not yielded but deferred (a record
   * met on an earlier page), and then its findings wait here.
   */
  ordinal: number;
  findings?: Finding[];
  page: number;
  source: { file: string };
  record: RecordRef & { linked?: string[] };
  unresolved: string[];
  /** Its triples, when its page cannot be read again. */
  ntriples?: string;
}

/** Waiting records of one page to settle at the end, with what other pages typed. */
export interface Settle {
  entries: { entry: Waiting; types: [string, string][] }[];
  document?: InputDocument;
}

/**
 * Validates the waiting records again, group by group, in order: on the workers when there are,
 * else in this thread; a record whose page cannot be read again keeps its first findings
 * (`findings` undefined), with a notice.
 */
export async function* settled(
  groups: Iterable<Settle>,
  validator: Validator,
  pool: PagePool | undefined,
): AsyncGenerator<{ entry: Waiting; findings?: PackedFindings }> {
  const solve = async (group: Settle): Promise<{ entry: Waiting; findings?: PackedFindings }[]> => {
    const first = group.entries[0]?.entry as Waiting;
    const needed = group.entries.filter((e) => e.types.length > 0 || e.entry.ordinal < 0);
    let revisions: Revision[] = [];
    if (!group.document) {
      // Its triples came along (stdin, URLs): one record, validated here.
      const { entry, types } = group.entries[0] as Settle['entries'][number];
      if (entry.ntriples !== undefined && types.length > 0) {
        const record: RecordGraph = {
          ...refOf(entry.record),
          kind: entry.record.kind as RecordKind,
          quads: parseNTriples(entry.ntriples),
          linked: entry.record.linked ?? [],
        };
        const whole = withTypes(record, types);
        revisions = [
          {
            id: entry.record.id,
            findings: packFindings(validator.validateRecord(whole, entry.source)),
          },
        ];
      }
    } else if (needed.some((e) => e.types.length > 0)) {
      const requests = needed
        .filter((e) => e.types.length > 0)
        .map((e) => ({ id: e.entry.record.id, types: e.types }));
      try {
        const document = group.document;
        if (pool) {
          const result = await pool.revise({
            source: document.source,
            format: document.format,
            text: await document.text(),
            page: first.page,
            records: requests,
          });
          for (const n of result.notices)
            if (!validator.notices.includes(n)) validator.notices.push(n);
          revisions = result.revisions;
        } else {
          const parsed = await parseDocument(document);
          const quads = labelBlankNodes(parsed.quads, first.page);
          revisions = reviseRecords(quads, validator, requests, first.source, parsed.repairs);
        }
      } catch (error) {
        validator.notices.push(
          `${first.source.file}: could not be read again to check its records against types given on later pages (${(error as Error).message}); their class findings are as that page alone gives them`,
        );
      }
    }
    const byId = new Map(revisions.map((r) => [r.id, r.findings]));
    return group.entries.map(({ entry }) => {
      const findings = byId.get(entry.record.id);
      return findings === undefined ? { entry } : { entry, findings };
    });
  };
  const limit = pool?.capacity ?? 1;
  const inFlight: Promise<{ entry: Waiting; findings?: PackedFindings }[]>[] = [];
  for (const group of groups) {
    const pending = solve(group);
    pending.catch(() => undefined); // awaited in order below
    inFlight.push(pending);
    while (inFlight.length >= limit) yield* await (inFlight.shift() as (typeof inFlight)[number]);
  }
  while (inFlight.length > 0) yield* await (inFlight.shift() as (typeof inFlight)[number]);
}
