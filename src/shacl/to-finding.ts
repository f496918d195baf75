// **to-finding** turns the engine's results into findings: record, severity, path, value and message.
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import type { Store } from 'n3';
import { termId } from '../rdf/records.js';
import { PREFIXES, RDF } from '../vocab.js';
import type { EngineResult } from './engine.js';
import type { Finding, RecordRef, Severity } from './findings.js';
import { compactIri, describeDocumentFinding, describeFinding } from './messages.js';
import { pathString } from './path.js';
import { tableHint, type Vocabularies } from './vocabularies.js';

const CLASS_COMPONENT = PREFIXES.sh + 'ClassConstraintComponent';
const SH_CLASS = PREFIXES.sh + 'class';
/** Classes of web documents and standards: their findings are the `documents` kind. */
const DOCUMENT_CLASSES = new Set([PREFIXES.foaf + 'Document', PREFIXES.dct + 'Standard']);

const SEVERITY: Record<string, Severity> = {
  [PREFIXES.sh + 'Violation']: 'violation',
  [PREFIXES.sh + 'Warning']: 'warning',
  [PREFIXES.sh + 'Info']: 'info',
};

/** Makes findings of one shapes graph's results: what a shape says is read once per shape. */
export interface FindingMaker {
  /** A class check on a web document or a standard (`--relax documents` drops them). */
  onDocument(r: EngineResult): boolean;
  /** The finding of a result, filed under `record`; `types` are the focus nodes' types. */
  toFinding(
    r: EngineResult,
    record: RecordRef,
    types: Map<string, string>,
    source?: { file: string; line?: number },
  ): Finding;
}

/** The finding maker of a shapes graph (its store, and the dataset its paths are read from). */
export function findingMaker(
  shapesStore: Store,
  shapes: DatasetCore,
  vocabularies: Vocabularies | undefined,
): FindingMaker {
  const onDocument = (r: EngineResult) =>
    r.sourceConstraintComponent.value === CLASS_COMPONENT &&
    DOCUMENT_CLASSES.has(classOf(r.sourceShape) ?? '');
  const classes = new Map<string, string | undefined>();
  const classOf = (shape: Term): string | undefined => {
    const key = termId(shape);
    if (!classes.has(key))
      classes.set(key, shapesStore.getObjects(shape, SH_CLASS, null)[0]?.value);
    return classes.get(key);
  };

  // Per shape and per path, once: they recur in every finding.
  const shapeMessages = new Map<string, string | undefined>();
  /** The shape's own message: the engine makes one up ("Less than 1 values") when it has none. */
  const shapeMessageOf = (shape: Term): string | undefined => {
    const key = termId(shape);
    if (shapeMessages.has(key)) return shapeMessages.get(key);
    const messages = shapesStore.getObjects(shape, PREFIXES.sh + 'message', null);
    const message = (
      messages.find((m) => m.termType === 'Literal' && m.language === 'en') ?? messages[0]
    )?.value;
    shapeMessages.set(key, message);
    return message;
  };
  const paths = new Map<string, string>();
  const pathOf = (path: Term): string => {
    const key = termId(path);
    let text = paths.get(key);
    if (text === undefined) {
      text = pathString(shapes, path);
      paths.set(key, text);
    }
    return text;
  };

  const toFinding = (
    r: EngineResult,
    record: RecordRef,
    types: Map<string, string>,
    source?: { file: string; line?: number },
  ): Finding => {
    const focusNode = termId(r.focusNode);
    const severity = SEVERITY[r.severity.value] ?? 'violation';
    const shapeMessage = shapeMessageOf(r.sourceShape);
    const finding: Finding = {
      focusNode,
      record,
      component: r.sourceConstraintComponent.value,
      severity,
      message: '',
      sourceShape: termId(r.sourceShape),
    };
    if (r.path) finding.path = pathOf(r.path);
    if (r.value) finding.value = termId(r.value);
    const focusType = types.get(focusNode);
    const unlisted =
      vocabularies && finding.value && finding.component === CLASS_COMPONENT
        ? tableHint(vocabularies, finding.value)
        : undefined;
    const input = {
      ...finding,
      ...(focusType === undefined ? {} : { focusType }),
      ...(shapeMessage === undefined ? {} : { shapeMessage }),
      ...(unlisted === undefined ? {} : { unlisted }),
    };
    finding.message = onDocument(r)
      ? describeDocumentFinding(input, classOf(r.sourceShape) ?? '')
      : describeFinding(shapesStore, input);
    if (source) finding.source = source;
    return finding;
  };

  return { onDocument, toFinding };
}

/** The first `rdf:type` of each subject, compacted (`dcat:Dataset`): the focus types messages name. */
export function typesOf(quads: readonly Quad[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const q of quads) {
    if (q.predicate.value === RDF.type && !types.has(termId(q.subject))) {
      types.set(termId(q.subject), compactIri(q.object.value));
    }
  }
  return types;
}
