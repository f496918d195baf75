// **access-rights** lists the EU access-right codes the "access restrictions vocabulary" indicator accepts.
//
// Source (written by us): the EU Publications Office authority table "access-right",
// http://publications.europa.eu/resource/authority/access-right (PUBLIC, RESTRICTED, NON_PUBLIC,
// plus the later SENSITIVE, CONFIDENTIAL, NORMAL, OP_DATPRO entries).

/** The namespace of the EU access-right authority table. */
export const ACCESS_RIGHT_NS = 'http://publications.europa.eu/resource/authority/access-right/';

/** The access-right codes of the EU table. */
export const ACCESS_RIGHT_CODES: readonly string[] = [
  'PUBLIC',
  'RESTRICTED',
  'NON_PUBLIC',
  'SENSITIVE',
  'CONFIDENTIAL',
  'NORMAL',
  'OP_DATPRO',
];

/**
 * Returns the EU access-right code an IRI names, or undefined when it is not in the table.
 *
 * @example
 * ```ts
 * import { accessRightCode } from 'dcat-harvest/audit';
 *
 * accessRightCode('http://publications.europa.eu/resource/authority/access-right/PUBLIC'); // 'PUBLIC'
 * accessRightCode('https://example.org/open'); // undefined
 * ```
 */
export function accessRightCode(iri: string): string | undefined {
  for (const ns of [ACCESS_RIGHT_NS, ACCESS_RIGHT_NS.replace('http:', 'https:')]) {
    if (iri.startsWith(ns)) {
      const code = iri.slice(ns.length);
      return ACCESS_RIGHT_CODES.includes(code) ? code : undefined;
    }
  }
  return undefined;
}
