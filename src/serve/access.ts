// **access** checks the admin and read keys: Bearer or Basic (password), compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

/** The keys the server was started with; absent keys open nothing. */
export interface AccessKeys {
  /** `DCAT_HARVEST_ADMIN_KEY`: writes (and reads). */
  admin?: string;
  /** `DCAT_HARVEST_READ_KEY` with `--read-key`: reads and the validator. */
  read?: string;
}

/** What a request may do. */
export type Access = 'write' | 'read' | 'none';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time equality of two secrets (their SHA-256 digests, so lengths do not leak). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The key an `Authorization` header carries: `Bearer KEY`, or Basic with KEY as the password. */
export function keyOf(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? '')) return value;
  if (/^basic$/i.test(scheme ?? '')) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : decoded.slice(colon + 1);
  }
  return undefined;
}

/** What the request's key opens. */
export function accessOf(authorization: string | undefined, keys: AccessKeys): Access {
  const key = keyOf(authorization);
  if (key === undefined || key === '') return 'none';
  if (keys.admin && sameSecret(key, keys.admin)) return 'write';
  if (keys.read && sameSecret(key, keys.read)) return 'read';
  return 'none';
}
