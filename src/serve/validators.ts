// **validators** builds one validator per profile and level and reuses it for every request.
import path from 'node:path';
import { ParseError } from '../errors.js';
import { validatorFor } from '../shacl/run.js';
import type { Validator } from '../shacl/validate.js';

/** The error with the server's folder taken out of its message and position (no path leaks). */
function withoutFolder(error: unknown, folder: string): unknown {
  if (!(error instanceof Error)) return error;
  error.message = error.message.replaceAll(folder, '');
  if (error instanceof ParseError)
    (error.position as { source: string }).source = error.position.source.replace(folder, '');
  return error;
}

/** The validate command's defaults: the background knowledge and relaxations the CLI uses. */
const CLI_DEFAULTS = { background: 'vocabularies', relax: [] } as const;

/**
 * Validators keyed by profile and level, built on first use. Each request gets a view of its own
 * notices, so what one request's data causes is never shown to another user.
 */
export class ValidatorCache {
  private readonly built = new Map<string, Promise<{ validator: Validator; notices: string[] }>>();

  /**
   * A validator of a user's own shapes file, built for this request only. Its `owl:imports` are
   * read from the bundled import map alone: shapes cannot make the server read files or fetch.
   */
  async forShapes(file: string): Promise<Validator> {
    try {
      return await validatorFor({ shapes: [file], ...CLI_DEFAULTS });
    } catch (error) {
      throw withoutFolder(error, path.dirname(file) + path.sep);
    }
  }

  /** A validator for the profile (default dcat-ap-3) and level (default: the profile's). */
  async get(profile?: string, level?: string): Promise<Validator> {
    const key = `${profile ?? ''}\u0000${level ?? ''}`;
    let entry = this.built.get(key);
    if (!entry) {
      entry = validatorFor({
        ...(profile === undefined ? {} : { profile }),
        ...(level === undefined ? {} : { level }),
        ...CLI_DEFAULTS,
      }).then((validator) => ({ validator, notices: [...validator.notices] }));
      this.built.set(key, entry);
      // An unknown profile or level is a user's mistake, not a validator to remember.
      entry.catch(() => this.built.delete(key));
    }
    const { validator, notices } = await entry;
    return {
      label: validator.label,
      plan: validator.plan,
      notices: [...notices],
      validateRecord: (record, source) => validator.validateRecord(record, source),
      validateGraph: (quads, records) => validator.validateGraph(quads, records),
    };
  }
}
