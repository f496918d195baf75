// **messages** writes a finding as a sentence for people: what is wrong, where, and the fix.
import { DataFactory, type Store } from 'n3';
import { PREFIXES } from '../vocab.js';
import type { RecordRef, Severity } from './findings.js';

const SH = PREFIXES.sh;
const { blankNode, namedNode } = DataFactory;

const compacted = new Map<string, string>(); // a few hundred IRIs recur across millions of findings

/** Shortens an IRI with the well-known prefixes (`dct:description`), else `<iri>`. */
export function compactIri(iri: string): string {
  if (iri.startsWith('_:')) return iri;
  let short = compacted.get(iri);
  if (short !== undefined) return short;
  short = `<${iri}>`;
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(ns.length))) {
      short = `${prefix}:${iri.slice(ns.length)}`;
      break;
    }
  }
  if (compacted.size >= 10_000) compacted.clear(); // data IRIs pass through too: stay bounded
  compacted.set(iri, short);
  return short;
}

/** Shortens every IRI of a SPARQL-like path string. */
export function compactPath(path: string): string {
  if (/^[a-z][\w+.-]*:[^<>]*$/i.test(path)) return compactIri(path);
  return path.replace(/<([^>]+)>/g, (_m, iri: string) => compactIri(iri));
}

/** What a message needs to know about one result. */
export interface MessageInput {
  record: RecordRef;
  focusNode: string;
  /** The focus node's type, compacted (`dcat:Distribution`), when known. */
  focusType?: string;
  path?: string;
  component: string;
  severity: Severity;
  value?: string;
  sourceShape: string;
  /** The shape's own `sh:message`, if any. */
  shapeMessage?: string;
  /** A value in a bundled table's namespace that the table does not list (see `tableHint`). */
  unlisted?: string;
}

/** Names the record: `dataset «Title» (IRI)` or `dataset <IRI>`. */
export function describeRecord(record: RecordRef): string {
  const id = record.id.startsWith('_:') ? 'a blank node' : record.id;
  return record.title === undefined
    ? `${record.kind} ${id}`
    : `${record.kind} «${record.title}» (${id})`;
}

function describeFocus(input: MessageInput): string {
  if (input.focusNode === input.record.id) {
    if (input.record.kind !== 'other') return describeRecord(input.record);
    return `${input.focusType ?? 'node'} ${input.focusNode} (linked from no dataset)`;
  }
  const what = input.focusType ?? 'node';
  const id = input.focusNode.startsWith('_:') ? '(blank node)' : input.focusNode;
  return `${what} ${id} of ${describeRecord(input.record)}`;
}

const params = new WeakMap<Store, Map<string, string | undefined>>();

/** A parameter of a shape (`sh:minCount`, …), read once per shapes graph. */
function param(shapes: Store, shape: string, name: string): string | undefined {
  let known = params.get(shapes);
  if (!known) {
    known = new Map();
    params.set(shapes, known);
  }
  const key = `${shape}\u0000${name}`;
  if (known.has(key)) return known.get(key);
  const node = shape.startsWith('_:') ? blankNode(shape.slice(2)) : namedNode(shape);
  const value = shapes.getObjects(node, SH + name, null)[0]?.value;
  known.set(key, value);
  return value;
}

function showValue(value: string | undefined): string {
  if (value === undefined) return 'a value';
  if (value.startsWith('_:')) return 'a blank node';
  return /^[a-z][\w+.-]*:/i.test(value) ? compactIri(value) : `"${value}"`;
}

/** `an xsd:date`, `a foaf:Agent`, `an IRI`. */
function article(word: string): string {
  return `${/^(xsd:|[aeiouAEIOU])/.test(word) ? 'an' : 'a'} ${word}`;
}

/** Writes the sentence: the problem, its weight, and the fix. */
export function describeFinding(shapes: Store, input: MessageInput): string {
  const who = describeFocus(input);
  const p = input.path === undefined ? 'the property' : compactPath(input.path);
  const need =
    input.severity === 'violation'
      ? 'required'
      : input.severity === 'warning'
        ? 'recommended'
        : 'suggested';
  const get = (name: string) => param(shapes, input.sourceShape, name);
  const local = input.component.replace(SH, '').replace(/ConstraintComponent$/, '');
  const v = showValue(input.value);
  let text: string;
  switch (local) {
    case 'MinCount': {
      const n = get('minCount') ?? '1';
      text = `${who} has ${n === '1' ? 'no' : 'too few'} ${p} (${need}, at least ${n}); fix: add ${p}`;
      break;
    }
    case 'MaxCount': {
      const n = get('maxCount') ?? '1';
      text = `${who} has more than ${n} ${p} (at most ${n}); fix: keep ${n === '1' ? 'one' : n}`;
      break;
    }
    case 'Class': {
      const cls = compactIri(get('class') ?? '');
      if (input.unlisted !== undefined) {
        const fix = input.unlisted.endsWith('?') ? '' : '; fix: use a code the table lists';
        text = `${who}: ${p} ${input.unlisted}${fix}`;
        break;
      }
      text = `${who}: ${p} ${v} is not ${article(cls)}; fix: type it \`a ${cls}\` (or a subclass)`;
      break;
    }
    case 'Datatype': {
      const dt = compactIri(get('datatype') ?? '');
      text = `${who}: ${p} ${v} is not ${article(dt)}; fix: write it as ${article(dt)} literal`;
      break;
    }
    case 'NodeKind': {
      const kind = compactIri(get('nodeKind') ?? '').replace('sh:', '');
      text = `${who}: ${p} ${v} is not ${article(kind)}; fix: use ${article(kind)}`;
      break;
    }
    case 'Pattern':
      text = `${who}: ${p} ${v} does not match ${get('pattern') ?? 'the pattern'}`;
      break;
    case 'HasValue':
      text = `${who}: ${p} lacks the value ${showValue(get('hasValue'))}; fix: add it`;
      break;
    case 'In':
      text = `${who}: ${p} ${v} is not one of the allowed values`;
      break;
    case 'Closed':
      text = `${who} uses ${p}, which the shape does not allow`;
      break;
    default:
      text = `${who}: ${input.path === undefined ? '' : `${p} `}${input.value === undefined ? '' : `${v} `}fails sh:${local}`;
  }
  if (input.shapeMessage && !text.includes(input.shapeMessage)) text += ` — ${input.shapeMessage}`;
  return text;
}

/**
 * The sentence for a web document or a standard not typed as one (a landing page not typed
 * foaf:Document): real per DCAT-AP, but different in kind from a wrong value.
 */
export function describeDocumentFinding(input: MessageInput, cls: string): string {
  const who = describeFocus(input);
  const p = input.path === undefined ? 'the property' : compactPath(input.path);
  const c = compactIri(cls);
  const v = showValue(input.value);
  const what = c === 'dct:Standard' ? 'a standard' : 'a web document';
  return `${who}: ${p} ${v} is ${what} not typed ${c} (document check); DCAT-AP gives ${p} the range ${c}, and only the type tells a validator the IRI names ${what}, not a dataset or an agent; fix: add \`${v} a ${c}\` to the export, or pass --relax documents to leave these checks out`;
}
