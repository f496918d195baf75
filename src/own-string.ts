// **own-string** copies a string out of the larger one it may be a slice of, one byte a character
// when it can be.

/** A character that Latin-1 cannot hold. */
const WIDE = /[\u0100-\uffff]/;

/**
 * The same text as a string of its own, in V8's one-byte form when every character fits.
 *
 * V8 keeps a substring (a `split` line, a record id read from a page) as a slice that holds its
 * whole parent alive; and a string cut from a page with a single character past Latin-1 (a `’`, a
 * `€`) takes two bytes a character, however plain it is itself. At data.gouv.fr's size the record
 * ids, the types' keys and the merged catalog's 137,586 lines were two-byte copies: ≈ 89 MB of
 * the 299 MB a main thread held at page 640 (bench/README.md, issue 15). For what a run keeps to
 * its end.
 */
export function ownString(text: string): string {
  if (!WIDE.test(text)) return Buffer.from(text, 'latin1').toString('latin1');
  return (text + ' ').slice(0, -1);
}
