// **rdfxml-writer** streams quads out as RDF/XML: one rdf:Description per run of same-subject triples.
import type { Quad, Term } from 'n3';
import { InputError } from '../errors.js';
import type { TextSink } from './text-sink.js';

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = `${RDF_NS}langString`;

/* eslint-disable no-control-regex, no-misleading-character-class -- XML 1.0 character classes */
/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const NAME_START =
  /[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
const NAME_CHAR = /[-.0-9\u00B7\u0300-\u036F\u203F\u2040]/;
/* eslint-enable no-control-regex, no-misleading-character-class */

/** Escapes text for XML element content or (with `attribute`) a double-quoted attribute. */
export function escapeXml(text: string, attribute = false): string {
  if (NOT_XML.test(text))
    throw new InputError(`RDF/XML cannot carry the control character in "${text.slice(0, 40)}"`, {
      code: 'DH_UNWRITABLE',
      hint: 'Write N-Triples, Turtle or JSON-LD instead, which escape any character.',
    });
  let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  out = out.replace(/\r/g, '&#xD;');
  if (attribute) out = out.replace(/"/g, '&quot;').replace(/\n/g, '&#xA;').replace(/\t/g, '&#x9;');
  return out;
}

/** Splits an IRI into a namespace and an XML local name; undefined when no split is possible. */
export function splitQName(iri: string): { namespace: string; local: string } | undefined {
  let start = iri.length;
  while (start > 0) {
    const c = iri[start - 1] ?? '';
    if (NAME_START.test(c) || NAME_CHAR.test(c)) start--;
    else break;
  }
  while (start < iri.length && !NAME_START.test(iri[start] ?? '')) start++;
  if (start >= iri.length || start === 0) return undefined;
  return { namespace: iri.slice(0, start), local: iri.slice(start) };
}

/** An XML-safe, injective rdf:nodeID for a blank node label. */
export function nodeId(label: string): string {
  return 'b' + label.replace(/[^A-Za-z0-9]/g, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`);
}

export interface RdfXmlWriterOptions {
  /** Prefixes declared on the root element; other namespaces are declared where used. */
  prefixes?: Record<string, string>;
}

/**
 * A TextSink writing RDF/XML with bounded memory: consecutive triples with the same subject share
 * one `rdf:Description`. Graph names are dropped (RDF/XML holds one graph).
 */
export class RdfXmlSink implements TextSink {
  private readonly namespaces = new Map<string, string>();
  private subject: Term | undefined;
  private buffer = '';
  private started = false;

  constructor(private readonly options: RdfXmlWriterOptions = {}) {}

  get size(): number {
    return this.buffer.length;
  }

  take(): string {
    const text = this.buffer;
    this.buffer = '';
    return text;
  }

  private start(): void {
    this.started = true;
    this.namespaces.set(RDF_NS, 'rdf');
    for (const [prefix, iri] of Object.entries(this.options.prefixes ?? {})) {
      if (/^[A-Za-z_][\w.-]*$/.test(prefix) && !/^xml/i.test(prefix) && prefix !== 'rdf')
        if (!this.namespaces.has(iri)) this.namespaces.set(iri, prefix);
    }
    const declarations = [...this.namespaces]
      .map(([iri, prefix]) => `\n    xmlns:${prefix}="${escapeXml(iri, true)}"`)
      .join('');
    this.buffer += `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${declarations}>\n`;
  }

  private node(term: Term): string {
    if (term.termType === 'BlankNode') return `rdf:nodeID="${nodeId(term.value)}"`;
    if (term.termType === 'NamedNode') return `rdf:about="${escapeXml(term.value, true)}"`;
    throw new InputError(`RDF/XML cannot write a ${term.termType} as a subject`, {
      code: 'DH_UNWRITABLE',
    });
  }

  private property(quad: Quad): string {
    const predicate = quad.predicate.value;
    const split = splitQName(predicate);
    if (!split)
      throw new InputError(`RDF/XML cannot write the predicate <${predicate}> as an XML name`, {
        code: 'DH_UNWRITABLE',
        hint: 'Write N-Triples, Turtle or JSON-LD instead.',
      });
    const known = this.namespaces.get(split.namespace);
    const name = `${known ?? 'ns0'}:${split.local}`;
    const declare = known ? '' : ` xmlns:ns0="${escapeXml(split.namespace, true)}"`;
    const object = quad.object;
    if (object.termType === 'NamedNode')
      return `<${name}${declare} rdf:resource="${escapeXml(object.value, true)}"/>`;
    if (object.termType === 'BlankNode')
      return `<${name}${declare} rdf:nodeID="${nodeId(object.value)}"/>`;
    if (object.termType !== 'Literal')
      throw new InputError(`RDF/XML cannot write a ${object.termType} object`, {
        code: 'DH_UNWRITABLE',
      });
    let attributes = declare;
    const datatype = object.datatype.value;
    if (object.language) attributes += ` xml:lang="${escapeXml(object.language, true)}"`;
    else if (datatype !== XSD_STRING && datatype !== LANG_STRING)
      attributes += ` rdf:datatype="${escapeXml(datatype, true)}"`;
    return `<${name}${attributes}>${escapeXml(object.value)}</${name}>`;
  }

  add(quad: Quad): void {
    if (!this.started) this.start();
    if (!this.subject || !this.subject.equals(quad.subject)) {
      if (this.subject) this.buffer += '  </rdf:Description>\n';
      this.buffer += `  <rdf:Description ${this.node(quad.subject)}>\n`;
      this.subject = quad.subject;
    }
    this.buffer += `    ${this.property(quad)}\n`;
  }

  end(): string {
    if (!this.started) this.start();
    if (this.subject) this.buffer += '  </rdf:Description>\n';
    this.subject = undefined;
    this.buffer += '</rdf:RDF>\n';
    return this.take();
  }
}
