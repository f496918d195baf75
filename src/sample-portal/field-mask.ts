// **field-mask** applies a flask-restx `X-Fields` mask such as `{data{key,created_at},total}`.

export type Mask = Map<string, Mask | true>;

/** Parses a mask; throws RangeError on unbalanced braces. */
export function parseMask(text: string): Mask {
  let pos = 0;
  const source = text.trim();
  const parse = (): Mask => {
    const out: Mask = new Map();
    let name = '';
    const flush = (value: Mask | true) => {
      if (name.trim()) out.set(name.trim(), value);
      name = '';
    };
    while (pos < source.length) {
      const c = source[pos++] as string;
      if (c === '{') {
        if (!name.trim()) continue;
        flush(parse());
      } else if (c === '}') {
        flush(true);
        return out;
      } else if (c === ',') flush(true);
      else name += c;
    }
    flush(true);
    return out;
  };
  const mask = parse();
  if (pos < source.length) throw new RangeError(`X-Fields: unbalanced braces in "${text}"`);
  return mask;
}

/** Keeps only the masked fields (a mask applies to each element of an array). */
export function applyMask(value: unknown, mask: Mask): unknown {
  if (Array.isArray(value)) return value.map((item) => applyMask(item, mask));
  if (value === null || typeof value !== 'object') return value;
  if (mask.has('*')) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    const field = (value as Record<string, unknown>)[key];
    out[key] = field === undefined ? null : sub === true ? field : applyMask(field, sub);
  }
  return out;
}
