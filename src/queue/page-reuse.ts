// **page-reuse** moves a page result stored by a previous run to this run's folder: the same findings, naming this run's page file.
import { packFindings, unpack, type PackedFindings } from '../shacl/packed.js';
import type { PageResult } from '../shacl/worker.js';

/** Packed findings with every `from` in their sources' file names replaced by `to`. */
function movedFindings(packed: PackedFindings, from: string, to: string): PackedFindings {
  const bytes = Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset, packed.bytes.byteLength);
  if (!bytes.includes(JSON.stringify(from).slice(1, -1))) return packed;
  const findings = unpack(packed).map((f) =>
    f.source ? { ...f, source: { ...f.source, file: f.source.file.replaceAll(from, to) } } : f,
  );
  return packFindings(findings);
}

/**
 * A previous run's result of a page whose text is unchanged, for this run: the page files it
 * names (its source, its findings' sources, its notices) moved from the previous harvest folder `from` to this one's
 * `to` (both ending with a path separator). Everything else is the page's own: its records,
 * findings, types, compliance and measures do not depend on where it was read.
 */
export function movedPageResult(result: PageResult, from: string, to: string): PageResult {
  if (from === to) return result;
  return {
    ...result,
    source: result.source.replaceAll(from, to),
    notices: result.notices.map((notice) => notice.replaceAll(from, to)),
    results: result.results.map((r) => ({ ...r, findings: movedFindings(r.findings, from, to) })),
  };
}
