// **group-message** turns a group's example message into one that fits any dataset of the group:
// the example's record becomes a placeholder, its focus node and value an ellipsis.
import type { FindingGroupRow } from '../../run/report-model.js';

/** Stands for the chosen dataset, described as messages describe records: `dataset «Title» (IRI)`. */
export const RECORD_MARK = '\u0001R';
const ELIDED = '…';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the value sits in a message: after `: <path> `, before what is wrong with it. */
const VALUE_END = / (?:is not |does not match |fails sh:)/;

/**
 * The group's message with the example's record replaced by {@link RECORD_MARK} (for groups of
 * dataset records; other records by `<kind> …`), a focus node other than the record, and the
 * value, replaced by `…`: messages follow the sentences of `describeFinding`, and a message in
 * another form is kept as it is.
 */
export function generalizeGroupMessage(group: FindingGroupRow): string {
  let text = group.message.split('\u0001').join('');
  const kind = escapeRegExp(group.recordKind);
  // `dataset «Title» (IRI)`, `dataset «Title» (a blank node)`, `dataset IRI`; a title may hold
  // `» (`, as in `Jeu «Adresses» (BAN) 2020`, hence the IRI's scheme.
  const record = new RegExp(
    `(^|of )${kind} (?:«[\\s\\S]*?» \\((?:a blank node|[A-Za-z][\\w+.-]*:\\S*?)\\)|a blank node|\\S+?)(?=:? |:?$)`,
  );
  const mark = group.recordKind === 'dataset' ? RECORD_MARK : `${group.recordKind} ${ELIDED}`;
  const found = record.exec(text);
  if (!found) return text;
  const at = found.index;
  text = text.slice(0, at) + found[1] + mark + text.slice(at + found[0].length);
  const markAt = at + (found[1] as string).length;
  if (found[1] === 'of ') {
    // `dcat:Distribution <IRI> of …`: the focus node differs from one finding to the next.
    const focus = /^(\S+) (?!\(blank node\) of)\S+ of $/.exec(text.slice(0, markAt));
    if (focus) text = `${focus[1]} ${ELIDED} of ${text.slice(markAt)}`;
  }
  if (group.path !== undefined) {
    const lead = `: ${group.path} `;
    const from = text.indexOf(lead);
    if (from >= 0) {
      const start = from + lead.length;
      const end = VALUE_END.exec(text.slice(start));
      if (end && end.index > 0)
        text = text.slice(0, start) + ELIDED + text.slice(start + end.index);
    }
  }
  return text;
}
