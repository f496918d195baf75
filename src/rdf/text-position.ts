// **text-position** turns offsets in a text into 1-based line/column and short excerpts.

/** Counts the line breaks (`\n`) in a text. */
export function countLines(text: string): number {
  let count = 0;
  let at = text.indexOf('\n');
  while (at !== -1) {
    count++;
    at = text.indexOf('\n', at + 1);
  }
  return count;
}

/** The offset where 1-based line `line` starts, or -1 if the text has fewer lines. */
export function lineStart(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return -1;
    at = next + 1;
  }
  return at;
}

/** The 1-based line and column of an offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = countLines(before) + 1;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** The line containing `offset`, shortened around it to at most `width` characters. */
export function excerptAt(text: string, offset: number, width = 60): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  const from = Math.max(start, Math.min(offset - 20, end - width));
  const line = text.slice(from, Math.min(end, from + width)).replace(/\r$/, '');
  return (from > start ? '…' : '') + line.trim() + (from + width < end ? '…' : '');
}
