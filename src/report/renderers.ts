// **renderers** is the table of validation report formats, keyed by id.
import { UsageError } from '../errors.js';
import { csvRenderer } from './csv.js';
import { jsonRenderer } from './json.js';
import { jsonldRenderer } from './jsonld.js';
import { junitRenderer } from './junit.js';
import { markdownRenderer } from './markdown.js';
import type { Renderer } from './renderer.js';
import { sarifRenderer } from './sarif.js';
import { textRenderer } from './text.js';
import { turtleRenderer } from './turtle.js';

/** Every validation report format, keyed by id. */
export const RENDERERS: Readonly<Record<string, Renderer>> = Object.fromEntries(
  [
    textRenderer,
    jsonRenderer,
    turtleRenderer,
    jsonldRenderer,
    csvRenderer,
    junitRenderer,
    sarifRenderer,
    markdownRenderer,
  ].map((r) => [r.id, r]),
);

/** A `--report FORMAT[:FILE]` request. */
export interface ReportTarget {
  renderer: Renderer;
  /** Where to write; stdout when absent. */
  file?: string;
}

/** Parses `FORMAT[:FILE]` (FILE may itself contain colons, e.g. a Windows drive). */
export function parseReportTarget(spec: string): ReportTarget {
  const at = spec.indexOf(':');
  const id = (at < 0 ? spec : spec.slice(0, at)).toLowerCase();
  const renderer = RENDERERS[id === 'ttl' ? 'turtle' : id === 'md' ? 'markdown' : id];
  if (!renderer) {
    throw new UsageError(`unknown report format "${id}" in --report ${spec}`, {
      hint: `use one of: ${Object.keys(RENDERERS).join(', ')}`,
    });
  }
  const file = at < 0 ? undefined : spec.slice(at + 1);
  if (file === '') throw new UsageError(`--report ${spec}: the file name after ":" is empty`);
  return file === undefined ? { renderer } : { renderer, file };
}
