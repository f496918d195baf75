// **progress** shows a harvest's progress: a cli-progress bar on a TTY, periodic lines otherwise.
import cliProgress from 'cli-progress';
import type { HarvestEvent } from './harvest.js';

/** Where progress goes. */
export interface ProgressOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Plain lines (non-TTY): at most one per this many ms (default 5000). */
  intervalMs?: number;
  /** No output at all (--quiet). */
  quiet?: boolean;
}

/** A progress sink: feed it harvest events, `stop` it at the end. */
export interface ProgressReporter {
  onEvent(event: HarvestEvent): void;
  stop(): void;
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** Creates the reporter suited to the stream. */
export function createProgress(options: ProgressOptions): ProgressReporter {
  const started = Date.now();
  let pages = 0;
  let total: number | undefined;
  let records = 0;
  let bytes = 0;
  let retries = 0;
  const rate = () => pages / Math.max(0.001, (Date.now() - started) / 1000);
  if (options.quiet) return { onEvent: () => {}, stop: () => {} };
  const tty = options.stream.isTTY === true;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          stream: options.stream,
          format:
            'pages {bar} {value}/{total} | {records} records | {mb} MB | {rate} p/s | ETA {eta_formatted} | retries {retries}',
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let lastLine = 0;
  const payload = () => ({ records, mb: mb(bytes), rate: rate().toFixed(1), retries });
  bar?.start(1, 0, payload());
  return {
    onEvent(event) {
      if (event.type === 'plan') {
        total = event.pagesExpected;
        bar?.setTotal(total ?? Math.max(1, pages));
        return;
      }
      if (event.type === 'retry') retries++;
      if (event.type === 'warning') {
        if (bar) bar.stop();
        options.stream.write(`warning: ${event.message}\n`);
        return;
      }
      if (event.type === 'page') {
        pages++;
        records += event.entry.records ?? 0;
        bytes += event.entry.bytes ?? 0;
        if (bar && total === undefined) bar.setTotal(pages + 1);
      }
      if (bar) bar.update(pages, payload());
      else if (Date.now() - lastLine >= (options.intervalMs ?? 5000)) {
        lastLine = Date.now();
        options.stream.write(
          `harvest: ${pages}${total ? `/${total}` : ''} pages, ${records} records, ${mb(bytes)} MB, ${rate().toFixed(1)} pages/s, ${retries} retries\n`,
        );
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
