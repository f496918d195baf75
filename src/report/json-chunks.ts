// **json-chunks** writes JSON holding one very large array piece by piece: the same text as
// JSON.stringify, without ever building it whole (a data.gouv.fr-sized report would pass V8's
// largest string).

const MARK = '\u0000dcat-harvest:array\u0000';

/** The text around a document's one array, for writing the array's items one by one. */
export interface ArrayFrame {
  /** What precedes the array. */
  head: string;
  /** The indent of the items' lines (empty when `space` is 0). */
  itemIndent: string;
  /** What precedes an item: `[` or `,`, then the line break and indent of the items. */
  before(first: boolean): string;
  /** What closes the array: `[]` when it had no item. */
  close(empty: boolean): string;
  /**
   * What follows the array; `late`: from a second call of `skeleton`, made now (the document may
   * hold what reading the items gathered). What precedes the array must not have changed.
   */
  tail(late?: boolean): string;
}

/**
 * The frame of `JSON.stringify(skeleton(items), null, space)`, where `skeleton(mark)` is the
 * document with `mark` where the array goes (see {@link jsonWithArray}).
 */
export function arrayFrame(skeleton: (mark: string) => unknown, space = 2): ArrayFrame {
  const text = JSON.stringify(skeleton(MARK), null, space);
  const quoted = JSON.stringify(MARK);
  const at = text.indexOf(quoted);
  if (at < 0) throw new Error('jsonWithArray: the skeleton does not hold the mark');
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = space > 0 ? (/^ */.exec(text.slice(lineStart, at))?.[0] ?? '') : '';
  const inner = space > 0 ? indent + ' '.repeat(space) : '';
  const newline = space > 0 ? '\n' : '';
  return {
    head: text.slice(0, at),
    itemIndent: inner,
    before: (first) => `${first ? '[' : ','}${newline}${inner}`,
    close: (empty) => (empty ? '[]' : `${newline}${indent}]`),
    tail(late = false) {
      if (!late) return text.slice(at + quoted.length);
      const again = JSON.stringify(skeleton(MARK), null, space);
      const againAt = again.indexOf(quoted);
      if (again.slice(0, againAt) !== text.slice(0, at))
        throw new Error('jsonWithArray: what precedes the array changed while the items were read');
      return again.slice(againAt + quoted.length);
    },
  };
}

/**
 * Yields `JSON.stringify(skeleton(items), null, space)` in pieces, where `skeleton(mark)` is the
 * document with `mark` where the array goes. Byte for byte the same as the whole-string form.
 */
export function* jsonWithArray(
  skeleton: (mark: string) => unknown,
  items: Iterable<unknown>,
  space = 2,
  /**
   * `compact`: each item on one line (`JSON.stringify(item)`); `texts`: the items are that JSON
   * text already (a spool's lines), written as they are. Default: items indented like the rest.
   */
  itemStyle: 'indented' | 'compact' | 'texts' = 'indented',
  /**
   * Take what follows the array from a second call of `skeleton`, made once the items are read:
   * the document may then hold what reading them gathered (SARIF's rules). What precedes the array
   * must not change between the calls.
   */
  lateTail = false,
): Generator<string> {
  const frame = arrayFrame(skeleton, space);
  const inner = frame.itemIndent;
  yield frame.head;
  let first = true;
  for (const item of items) {
    let shifted: string;
    if (itemStyle === 'texts') shifted = item as string;
    else if (itemStyle === 'compact') shifted = JSON.stringify(item) ?? 'null';
    else {
      const body = JSON.stringify(item, null, space) ?? 'null';
      shifted = space > 0 ? body.replace(/\n/g, `\n${inner}`) : body;
    }
    yield `${frame.before(first)}${shifted}`;
    first = false;
  }
  yield frame.close(first);
  yield frame.tail(lateTail);
}
