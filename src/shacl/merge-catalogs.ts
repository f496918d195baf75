// **merge-catalogs** merges a catalog repeated on every page into one record and validates it
// once at the end, its linked records typed as the whole graph types them.
import type { IriRepair } from '../rdf/iri-repair.js';
import { termId, type RecordGraph, type RecordKind } from '../rdf/records.js';

import { refOf, type RecordRef, type Finding } from './findings.js';
import type { HeldCatalog } from './page.js';
import { repairFindings } from './repair-findings.js';
import { ownString } from '../own-string.js';
import { parseNTriples } from './settle.js';
import type { TypeTable } from './type-table.js';
import type { Validator } from './validate.js';

interface Merged {
  record: RecordRef;
  /** N-Triples lines (a quad is one line): 74,200 `dcat:dataset` lines at data.gouv.fr's size. */
  lines: Set<string>;
  linked: Set<string>;
  source: { file: string };
  repairs: Map<string, IriRepair>;
}

/** Catalogs held by the pages, merged by record id. */
export class CatalogMerger {
  private readonly catalogs = new Map<string, Merged>();

  /** Adds a page's held catalogs (the first page that names one is its source). */
  add(held: readonly HeldCatalog[], source: { file: string }): void {
    for (const record of held) {
      let merged = this.catalogs.get(record.id);
      if (!merged) {
        merged = {
          record: refOf(record),
          lines: new Set(),
          linked: new Set(),
          source,
          repairs: new Map(),
        };
        this.catalogs.set(record.id, merged);
      }
      if (merged.record.title === undefined && record.title !== undefined)
        merged.record = refOf(record);
      // A new line is copied: a slice keeps its page's whole text alive (16.7 MB at 250 pages).
      for (const line of record.ntriples.split('\n'))
        if (line && !merged.lines.has(line)) merged.lines.add(ownString(line));
      for (const id of record.linked) if (!merged.linked.has(id)) merged.linked.add(ownString(id));
      for (const repair of record.repairs ?? [])
        if (!merged.repairs.has(repair.original)) merged.repairs.set(repair.original, repair);
    }
  }

  /**
   * Validates each merged catalog, the values it names that other pages typed given their types
   * beside the store (not as 74,200 more triples in it); each catalog's lines go as it is parsed.
   */
  *validate(
    validator: Validator,
    types: TypeTable,
  ): Generator<{ record: RecordGraph; findings: Finding[]; source: { file: string } }> {
    for (const { record, lines, linked, source, repairs } of this.catalogs.values()) {
      const quads = parseNTriples([...lines].join('\n'));
      lines.clear();
      const subjects = new Set(quads.map((q) => termId(q.subject)));
      const typed = new Map<string, string[]>();
      for (const q of quads) {
        const id = q.object.value;
        if (q.object.termType !== 'NamedNode' || subjects.has(id) || typed.has(id)) continue;
        const of = [...types.of(id)];
        if (of.length > 0) typed.set(id, of);
      }
      const whole = { ...record, kind: record.kind as RecordKind, quads, linked: [...linked] };
      const findings = validator.validateRecord(whole, source, typed);
      findings.push(...repairFindings(whole, [...repairs.values()]));
      yield { record: whole, findings, source };
    }
  }
}
