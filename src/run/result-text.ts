// **result-text** reads a record result's JSON text without parsing it whole: its shell (record,
// counts, source) and where each finding's text is, to parse them one at a time.
import type { RecordResult } from '../shacl/findings.js';

const FINDINGS = Buffer.from('"findings":[');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** A result's text, cut: its shell (findings empty) and each finding's byte span. */
export interface ResultText {
  shell: RecordResult & { findings: [] };
  /** `[start, end)` of each finding's JSON text, in order. */
  findings: [number, number][];
}

/**
 * Cuts the `JSON.stringify` text of a record result (as a run's spool holds it) into its shell
 * and its findings' spans, in one pass over the bytes: a 60,000-finding record (60 MB of text)
 * is never a string nor 60,000 objects at once.
 */
export function cutResultText(text: Buffer): ResultText {
  // A string value cannot hold this text unescaped: the first one is the key's.
  const key = text.indexOf(FINDINGS);
  if (key < 0) throw new Error('not a record result: no "findings" array');
  const findings: [number, number][] = [];
  let at = key + FINDINGS.length;
  let depth = 0;
  let start = at;
  let inString = false;
  for (; at < text.length; at++) {
    const byte = text[at] as number;
    if (inString) {
      if (byte === BACKSLASH) at++;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
    else if (byte === CLOSE_BRACE || (byte === CLOSE_BRACKET && depth > 0)) depth--;
    else if (depth === 0 && (byte === COMMA || byte === CLOSE_BRACKET)) {
      if (at > start) findings.push([start, at]);
      if (byte === CLOSE_BRACKET) break;
      start = at + 1;
    }
  }
  if (at >= text.length) throw new Error('not a record result: its "findings" array does not end');
  const shellText = Buffer.concat([text.subarray(0, key + FINDINGS.length), text.subarray(at)]);
  return { shell: JSON.parse(shellText.toString('utf8')) as ResultText['shell'], findings };
}
