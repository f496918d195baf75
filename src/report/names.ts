// **names** shortens IRIs for reports with the well-known prefixes.
import { PREFIXES } from '../vocab.js';

/** `dct:description` for a known namespace, else the IRI itself (or `_:label`). */
export function shortName(iri: string): string {
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(ns.length))) {
      return `${prefix}:${iri.slice(ns.length)}`;
    }
  }
  return iri;
}

/** A path as people read it: prefixed names inside complex paths too. */
export function shortPath(path: string | undefined): string {
  if (path === undefined) return '';
  if (!path.includes('<')) return shortName(path);
  return path.replace(/<([^>]+)>/g, (_m, iri: string) => shortName(iri));
}

/** `MinCount` for `sh:MinCountConstraintComponent`; `dh:InvalidIri` for the others. */
export function componentName(component: string): string {
  if (!component.startsWith(PREFIXES.sh)) return shortName(component);
  return component.replace(PREFIXES.sh, '').replace(/ConstraintComponent$/, '');
}

/** True when a finding value is an IRI or blank node rather than a literal. */
export function isNodeValue(value: string): boolean {
  return value.startsWith('_:') || /^[a-z][\w+.-]*:[^\s"<>]*$/i.test(value);
}
