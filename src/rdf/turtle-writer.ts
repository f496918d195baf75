// **turtle-writer** streams Turtle: prefixed names, `a`, and `;`/`,` for consecutive triples that share a subject or predicate.
import type { Quad, Term } from 'n3';
import { isBlankLabel } from './ntriples-syntax.js';
import { fromBytes, toBytes } from './ntriples-terms.js';
import type { TextSink } from './text-sink.js';

export interface TurtleSinkOptions {
  /**
   * Prefixes to declare and abbreviate with. Read when the first triple arrives (or at the end),
   * so a caller may fill the object from a parser's `prefix` events until then.
   */
  prefixes?: Record<string, string>;
}

const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
/** A prefix name we declare (PN_PREFIX, ASCII subset), or the empty prefix. */
const PREFIX_NAME = /^(?:[A-Za-z](?:[\w.-]*[\w-])?)?$/;
/** Characters of the local names we abbreviate to (PN_LOCAL, ASCII subset, no escapes). */
const LOCAL_CHARS = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.')
  LOCAL_CHARS[c.charCodeAt(0)] = 1;

/* eslint-disable-next-line no-control-regex -- characters Turtle forbids in an IRI */
const IRI_ESCAPES = /[\x00-\x20<>"{}|^`\\]/g;
/* eslint-disable-next-line no-control-regex -- control characters are written escaped */
const STRING_ESCAPES = /["\\\x00-\x1f]/g;
const NAMED: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\b': '\\b',
  '\f': '\\f',
};
const uchar = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** An IRI as an IRIREF: characters Turtle forbids in one are written as \u escapes. */
export function iriText(iri: string): string {
  return `<${iri.replace(IRI_ESCAPES, uchar)}>`;
}

/** A string as a Turtle/N-Triples quoted string. */
export function stringText(value: string): string {
  return `"${value.replace(STRING_ESCAPES, (c) => NAMED[c] ?? uchar(c))}"`;
}

/**
 * A TextSink writing Turtle. Triples are written in arrival order; runs with the same subject are
 * joined with `;` and runs with the same predicate with `,`. IRIs are abbreviated with a prefix
 * when their namespace ends at their last `/` or `#` and the rest is a plain local name. Named
 * graphs are dropped (Turtle has none): their triples go to the default graph.
 */
export class TurtleSink implements TextSink {
  private buffer = '';
  private started = false;
  private bytes = false;
  private subject = '';
  private predicate = '';
  /** Namespace → prefix name, and the namespaces' lengths (a quick first test). */
  private readonly namespaces = new Map<string, string>();
  private readonly namespaceLengths = new Set<number>();
  private readonly verbs = new Map<string, string>();
  private readonly blankLabels = new Map<string, string>();

  constructor(private readonly options: TurtleSinkOptions = {}) {}

  get size(): number {
    return this.buffer.length;
  }

  /** Whether the text is UTF-8 bytes, one per character: since `addTerms` came first. */
  get binary(): boolean {
    return this.bytes;
  }

  private start(bytes: boolean): void {
    this.started = true;
    this.bytes = bytes;
    const as = bytes ? toBytes : (text: string) => text;
    let header = '';
    for (const [name, iri] of Object.entries(this.options.prefixes ?? {})) {
      if (!PREFIX_NAME.test(name)) continue;
      header += `@prefix ${name}: ${iriText(iri)}.\n`;
      const last = iri.at(-1);
      const key = as(iri);
      if ((last === '/' || last === '#') && !this.namespaces.has(key)) {
        this.namespaces.set(key, name);
        this.namespaceLengths.add(key.length);
      }
    }
    this.buffer += header ? `${as(header)}\n` : '';
  }

  addTerms(subject: string, predicate: string, object: string): void {
    if (!this.started) this.start(true);
    if (this.bytes) this.write(subject, predicate, object);
    else this.write(fromBytes(subject), fromBytes(predicate), fromBytes(object));
  }

  add(quad: Quad): void {
    if (!this.started) this.start(false);
    const s = this.term(quad.subject);
    const p = this.term(quad.predicate);
    const o = this.term(quad.object);
    if (this.bytes) this.write(toBytes(s), toBytes(p), toBytes(o));
    else this.write(s, p, o);
  }

  private write(subject: string, predicate: string, object: string): void {
    if (subject === this.subject) {
      if (predicate === this.predicate) this.buffer += `, ${this.object(object)}`;
      else {
        this.predicate = predicate;
        this.buffer += `;\n    ${this.verb(predicate)} ${this.object(object)}`;
      }
      return;
    }
    const end = this.subject ? '.\n' : '';
    this.subject = subject;
    this.predicate = predicate;
    this.buffer += `${end}${this.name(subject)} ${this.verb(predicate)} ${this.object(object)}`;
  }

  take(): string {
    const text = this.buffer;
    this.buffer = '';
    return text;
  }

  end(): string {
    if (!this.started) this.start(false);
    if (this.subject) this.buffer += '.\n';
    this.subject = '';
    return this.take();
  }

  /** An IRI's text as a prefixed name when one fits, else as it is. */
  private name(text: string): string {
    if (text.charCodeAt(0) !== 60) return text;
    // Back from the end over the local name, to the last '/' or '#' (no copy until it fits).
    let cut = text.length - 2;
    for (; cut > 0; cut--) {
      const c = text.charCodeAt(cut);
      if (c === 47 || c === 35) break;
      if (c > 127 || LOCAL_CHARS[c] !== 1) return text;
    }
    if (!this.namespaceLengths.has(cut)) return text;
    const prefix = this.namespaces.get(text.slice(1, cut + 1));
    if (prefix === undefined) return text;
    const first = text.charCodeAt(cut + 1);
    const last = text.charCodeAt(text.length - 2);
    if (cut + 2 < text.length && (first === 45 || first === 46 || last === 46)) return text;
    return `${prefix}:${text.slice(cut + 1, -1)}`;
  }

  /** A predicate's text: `a`, a prefixed name or as it is (remembered: predicates repeat). */
  private verb(predicate: string): string {
    let verb = this.verbs.get(predicate);
    if (verb === undefined) {
      verb = predicate === RDF_TYPE ? 'a' : this.name(predicate);
      if (this.verbs.size >= 4096) this.verbs.clear();
      this.verbs.set(predicate, verb);
    }
    return verb;
  }

  /** An object's text: an IRI abbreviated, or a literal with its datatype abbreviated. */
  private object(text: string): string {
    const c = text.charCodeAt(0);
    if (c === 60) return this.name(text);
    if (c !== 34 || text.charCodeAt(text.length - 1) !== 62) return text;
    const close = text.lastIndexOf('"');
    return `${text.slice(0, close + 3)}${this.name(text.slice(close + 3))}`;
  }

  /** The Turtle text of an RDF/JS term. */
  private term(term: Term | Quad): string {
    switch (term.termType) {
      case 'NamedNode':
        return iriText(term.value);
      case 'BlankNode':
        return `_:${this.blankLabel(term.value)}`;
      case 'Literal': {
        const value = stringText(term.value);
        if (term.language) return `${value}@${term.language}`;
        const type = term.datatype.value;
        return type === XSD_STRING || type === LANG_STRING ? value : `${value}^^${iriText(type)}`;
      }
      case 'Quad':
        return `<< ${this.term(term.subject)} ${this.term(term.predicate)} ${this.term(term.object)} >>`;
      default:
        throw new TypeError(`Turtle cannot write a ${term.termType} term`);
    }
  }

  /** A label as Turtle allows one: kept when it is plain, else replaced by a fresh one. */
  private blankLabel(label: string): string {
    if (isBlankLabel(label)) return label;
    let mapped = this.blankLabels.get(label);
    if (mapped === undefined) {
      mapped = `x${this.blankLabels.size}_${label.replace(/[^\w-]/g, '_')}`;
      this.blankLabels.set(label, mapped);
    }
    return mapped;
  }
}
