// Small HTTP helpers for the sample-portal tests (a real undici client against 127.0.0.1).
import { request } from 'undici';
import { parseText } from '../../src/rdf/parse.js';
import type { FormatId } from '../../src/rdf/formats.js';
import type { Quad } from 'n3';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: Buffer;
}

/** GETs (or sends) a URL without following redirects and reads the whole body. */
export async function get(
  url: string,
  options: {
    headers?: Record<string, string>;
    method?: 'GET' | 'PUT' | 'HEAD';
    body?: string;
  } = {},
): Promise<Reply> {
  const res = await request(url, {
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, text: body.toString('utf8'), body };
}

/** Parses a page body with the project's parsers (lenient: udata's IRIs with spaces). */
export async function parse(text: string, format: FormatId): Promise<Quad[]> {
  return (await parseText(text, { format, lenient: true })).quads;
}

/** Objects of `subject predicate ?` in a quad list. */
export function objects(quads: readonly Quad[], subject: string, predicate: string): string[] {
  return quads
    .filter((q) => q.subject.value === subject && q.predicate.value === predicate)
    .map((q) => q.object.value);
}

/** An index subject → predicate → object values, for fast lookups in big pages. */
export function indexQuads(
  quads: readonly Quad[],
): (subject: string, predicate: string) => string[] {
  const index = new Map<string, Map<string, string[]>>();
  for (const q of quads) {
    let bySubject = index.get(q.subject.value);
    if (!bySubject) index.set(q.subject.value, (bySubject = new Map()));
    const list = bySubject.get(q.predicate.value);
    if (list) list.push(q.object.value);
    else bySubject.set(q.predicate.value, [q.object.value]);
  }
  return (subject, predicate) => index.get(subject)?.get(predicate) ?? [];
}
