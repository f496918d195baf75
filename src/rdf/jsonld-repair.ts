// **jsonld-repair** percent-encodes the repairable IRIs of an expanded JSON-LD document and finds where the text wrote them.
import { repairIri } from './iri-repair.js';
import { positionAt } from './text-position.js';

/** Called with each IRI to repair; returns the IRI to keep. */
export type IriFix = (iri: string) => string;

/** `fix` applied to an IRI when `repairIri` can repair it. */
function repairWith(iri: string, fix: IriFix): string {
  return repairIri(iri) === undefined ? iri : fix(iri);
}

/**
 * A copy of an expanded JSON-LD document whose node ids, types, datatypes and property IRIs are
 * repaired through `fix` (what `jsonld` would otherwise drop as relative references).
 */
export function repairExpanded(value: unknown, fix: IriFix): unknown {
  if (Array.isArray(value)) return value.map((v) => repairExpanded(v, fix));
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const isValue = '@value' in object;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(object)) {
    if (key === '@id' && typeof v === 'string') out[key] = repairWith(v, fix);
    else if (key === '@type') {
      if (typeof v === 'string') out[key] = isValue ? repairWith(v, fix) : v;
      else if (Array.isArray(v))
        out[key] = v.map((t) => (typeof t === 'string' ? repairWith(t, fix) : t));
      else out[key] = v;
    } else if (key === '@value' || key === '@language' || key === '@index') out[key] = v;
    else if (key.startsWith('@')) out[key] = repairExpanded(v, fix);
    else out[repairWith(key, fix)] = repairExpanded(v, fix);
  }
  return out;
}

/**
 * Where the JSON text wrote an IRI: the IRI itself, else (a compact IRI, a relative reference)
 * its last segment from the one holding the first bad character.
 */
export function locateIri(text: string, iri: string): { line?: number; column?: number } {
  const escaped = JSON.stringify(iri).slice(1, -1);
  let offset = text.indexOf(`"${escaped}"`);
  if (offset >= 0) return positionAt(text, offset + 1);
  const bad = escaped.search(/[\s<>{}|^`]|\\/);
  const from =
    bad < 0 ? 0 : Math.max(...['/', '#', ':'].map((c) => escaped.lastIndexOf(c, bad))) + 1;
  const tail = escaped.slice(from);
  offset = tail ? text.indexOf(tail) : -1;
  return offset >= 0 ? positionAt(text, offset) : {};
}
