// **ids** makes udata-style ObjectIds, slugs and timestamps, decodable back to an index.
import { hash } from './prng.js';

/** The newest instant of the generated catalog (fixed, so output never depends on the clock). */
export const LATEST = Date.UTC(2026, 9, 31, 12, 0, 0) / 1000;

/** An ObjectId: 8 hex of seconds, 10 hex naming the kind (from the seed), 6 hex counter. */
export function objectId(seed: number, kind: string, counter: number, seconds: number): string {
  const ts = Math.max(0, Math.floor(seconds)).toString(16).padStart(8, '0').slice(-8);
  const machine =
    hash(seed, 'oid', kind).toString(16).padStart(8, '0') +
    kind.length.toString(16).padStart(2, '0');
  return ts + machine.slice(0, 10) + (counter & 0xffffff).toString(16).padStart(6, '0');
}

/** The counter of an ObjectId of `kind`, or undefined when it is not one of ours. */
export function counterOf(seed: number, kind: string, id: string): number | undefined {
  if (!/^[0-9a-f]{24}$/.test(id)) return undefined;
  const machine =
    hash(seed, 'oid', kind).toString(16).padStart(8, '0') +
    kind.length.toString(16).padStart(2, '0');
  if (id.slice(8, 18) !== machine.slice(0, 10)) return undefined;
  return parseInt(id.slice(18), 16);
}

/** True for a 24-hex ObjectId (udata answers 400 to other `related_to` values). */
export function isObjectId(value: string): boolean {
  return /^[0-9a-fA-F]{24}$/.test(value);
}

/** An xsd:dateTime without time zone, as udata writes it (microseconds when `micro`). */
export function dateTime(seconds: number, micro?: number): string {
  const s = Math.floor(seconds);
  const day = Math.floor(s / 86400);
  const rest = s - day * 86400;
  const two = (n: number): string => (n < 10 ? '0' + n : String(n));
  const time = `${two(Math.floor(rest / 3600))}:${two(Math.floor(rest / 60) % 60)}:${two(rest % 60)}`;
  const iso = `${date(day * 86400)}T${time}`;
  return micro === undefined ? iso : `${iso}.${String(micro).padStart(6, '0')}`;
}

const DAYS = new Map<number, string>();

/** An xsd:date. */
export function date(seconds: number): string {
  const day = Math.floor(seconds / 86400);
  let text = DAYS.get(day);
  if (text === undefined) {
    text = new Date(day * 86400000).toISOString().slice(0, 10);
    if (DAYS.size < 20000) DAYS.set(day, text);
  }
  return text;
}

/** A lowercase ASCII slug. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
