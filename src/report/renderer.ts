// **renderer** defines what a validation report renderer is and the options it receives.
import type { FailOn, ValidationRun } from '../shacl/findings.js';

/** Styles a renderer may ask for; the CLI maps them to ANSI colours on a TTY. */
export type PaintStyle = 'red' | 'yellow' | 'green' | 'cyan' | 'dim' | 'bold';

/** Options of a {@link Renderer}. */
export interface RenderOptions {
  /** Colours text; identity when absent (files, pipes). */
  paint?: (style: PaintStyle, text: string) => string;
  /** The `--fail-on` threshold, for renderers that show pass/fail (text, junit, markdown). */
  failOn?: FailOn;
  /** The tool version written into reports. */
  version?: string;
}

/** One report format. */
export interface Renderer {
  id: string;
  /** What it is for, shown in `--help`. */
  description: string;
  /** Usual file extension, without the dot. */
  extension: string;
  /** The whole report as one string. */
  render(run: ValidationRun, options?: RenderOptions): string;
  /**
   * The same text in pieces, for reports too large for one string (a data.gouv.fr-sized run);
   * renderers without it are written whole.
   */
  chunks?(run: ValidationRun, options?: RenderOptions): Iterable<string>;
}

/** A renderer's output in pieces: its `chunks`, or its whole `render` as one piece. */
export function renderChunks(
  renderer: Renderer,
  run: ValidationRun,
  options?: RenderOptions,
): Iterable<string> {
  return renderer.chunks ? renderer.chunks(run, options) : [renderer.render(run, options)];
}
