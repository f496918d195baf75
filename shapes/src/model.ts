// **model** describes a profile level as tables of constraints and writes it as SHACL Turtle.

/** The namespaces our profiles use (prefixed names in the tables resolve against these). */
export const NS: Record<string, string> = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  sh: 'http://www.w3.org/ns/shacl#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  adms: 'http://www.w3.org/ns/adms#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  schema: 'http://schema.org/',
  locn: 'http://www.w3.org/ns/locn#',
  prov: 'http://www.w3.org/ns/prov#',
  time: 'http://www.w3.org/2006/time#',
  odrl: 'http://www.w3.org/ns/odrl/2/',
  eli: 'http://data.europa.eu/eli/ontology#',
  dqv: 'http://www.w3.org/ns/dqv#',
  geodcat: 'http://data.europa.eu/930/',
};

/** The base of every shape IRI: `<SHAPES_BASE><profile>#<Class>-<prefix>-<local>-<constraint>`. */
export const SHAPES_BASE = 'https://w3id.org/dcat-harvest/shapes/';

export type Severity = 'Violation' | 'Warning' | 'Info';
export type NodeKind = 'IRI' | 'Literal' | 'BlankNodeOrIRI';

/** Datatypes a date property accepts (DCAT-AP "Temporal Literal"). */
export const DATE_TYPES = ['xsd:date', 'xsd:dateTime', 'xsd:gYear', 'xsd:gYearMonth'];

/** Classes a catalogued resource may have (DCAT-AP "dcat:Resource" union). */
export const RESOURCE_CLASSES = [
  'dcat:Catalog',
  'dcat:Dataset',
  'dcat:DataService',
  'dcat:DatasetSeries',
];

/** The constraints one path carries on one class at one level. */
export interface Prop {
  /** A prefixed name, `^prefixed` for an inverse path, or a Turtle path when `slug` is set. */
  path: string;
  /** Identifier part for paths written as Turtle. */
  slug?: string;
  /** How the path reads in messages (default: the path). */
  label?: string;
  min?: number;
  max?: number;
  kind?: NodeKind;
  datatype?: string;
  /** Value must be a temporal literal (sh:or of DATE_TYPES). */
  date?: boolean;
  /** Value must be an instance of this class. */
  cls?: string;
  /** Value must be an instance of one of these classes (sh:or of sh:class). */
  anyClass?: string[];
  hasValue?: string;
  /** Value must be in this SKOS concept scheme (sh:node on skos:inScheme). */
  inScheme?: string;
  /** Overrides the generated message of every constraint of this entry. */
  message?: string;
  severity?: Severity;
}

/** A node-level disjunction: at least one of the paths has a value. */
export interface OneOf {
  slug: string;
  paths: string[];
  message: string;
  severity?: Severity;
}

/** The constraints on one class. */
export interface ClassRule {
  /** The class's name in shape IRIs (`Dataset`). */
  name: string;
  target: string;
  props: Prop[];
  oneOf?: OneOf[];
}

/** One level of one profile (one Turtle file). */
export interface LevelSpec {
  profile: string;
  level: string;
  title: string;
  comment: string;
  severity: Severity;
  classes: ClassRule[];
}

/** A constraint kind → the suffix of its shape IRI. */
export type ConstraintKind =
  | 'minCount'
  | 'maxCount'
  | 'nodeKind'
  | 'datatype'
  | 'date'
  | 'class'
  | 'anyClass'
  | 'hasValue'
  | 'inScheme';

const KIND_TEXT: Record<NodeKind, string> = {
  IRI: 'an IRI',
  Literal: 'a literal',
  BlankNodeOrIRI: 'an IRI or a blank node, not a literal',
};

/** The identifier part of a path (`dct-description`, `dcat-inSeries-inverse`). */
export function pathSlug(prop: Prop): string {
  if (prop.slug) return prop.slug;
  const inverse = prop.path.startsWith('^');
  const name = prop.path.replace(/^\^/, '').replace(':', '-');
  return inverse ? `${name}-inverse` : name;
}

function label(prop: Prop): string {
  if (prop.label) return prop.label;
  return prop.path.startsWith('^') ? `incoming ${prop.path.slice(1)}` : prop.path;
}

function turtlePath(prop: Prop): string {
  if (prop.slug) return prop.path;
  return prop.path.startsWith('^') ? `[ sh:inversePath ${prop.path.slice(1)} ]` : prop.path;
}

function message(spec: LevelSpec, prop: Prop, kind: ConstraintKind): string {
  if (prop.message) return prop.message;
  const p = label(prop);
  const need = (prop.severity ?? spec.severity) === 'Violation' ? 'required' : 'recommended';
  switch (kind) {
    case 'minCount':
      if (prop.min === 1) return `has no ${p} (${need}, at least 1)`;
      return `has fewer than ${prop.min} ${p} (${need}, at least ${prop.min})`;
    case 'maxCount':
      if (prop.max === 0) return `uses ${p}, which is not allowed here`;
      return `has more than ${prop.max} ${p} (at most ${prop.max} allowed)`;
    case 'nodeKind':
      return `${p} must be ${KIND_TEXT[prop.kind as NodeKind]}`;
    case 'datatype':
      return `${p} must be a literal of datatype ${prop.datatype}`;
    case 'date':
      return `${p} must be a date or time literal (${DATE_TYPES.join(', ')})`;
    case 'class':
      return `${p} must be a ${prop.cls} (typed ${prop.cls} or a subclass)`;
    case 'anyClass': {
      const classes = prop.anyClass ?? [];
      return `${p} must be a ${classes.slice(0, -1).join(', ')} or ${classes[classes.length - 1]}`;
    }
    case 'hasValue':
      return `${p} must include <${prop.hasValue}>`;
    case 'inScheme':
      return `${p} must be a concept of the scheme <${prop.inScheme}> (skos:inScheme)`;
  }
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function iriOrName(value: string): string {
  return value.includes('://') ? `<${value}>` : value;
}

/** The constraint triples of one kind, as Turtle predicate-object pairs. */
function constraintBody(prop: Prop, kind: ConstraintKind): string {
  switch (kind) {
    case 'minCount':
      return `sh:minCount ${prop.min}`;
    case 'maxCount':
      return `sh:maxCount ${prop.max}`;
    case 'nodeKind':
      return `sh:nodeKind sh:${prop.kind}`;
    case 'datatype':
      return `sh:datatype ${prop.datatype}`;
    case 'date':
      return `sh:or ( ${DATE_TYPES.map((t) => `[ sh:datatype ${t} ]`).join(' ')} )`;
    case 'class':
      return `sh:class ${prop.cls}`;
    case 'anyClass':
      return `sh:or ( ${(prop.anyClass ?? []).map((c) => `[ sh:class ${c} ]`).join(' ')} )`;
    case 'hasValue':
      return `sh:hasValue ${iriOrName(prop.hasValue as string)}`;
    case 'inScheme':
      return `sh:node [ a sh:NodeShape ; sh:property [ sh:path skos:inScheme ; sh:hasValue ${iriOrName(prop.inScheme as string)} ] ]`;
  }
}

/** The constraint kinds an entry carries, in a stable order. */
export function kindsOf(prop: Prop): ConstraintKind[] {
  const kinds: ConstraintKind[] = [];
  if (prop.min !== undefined) kinds.push('minCount');
  if (prop.max !== undefined) kinds.push('maxCount');
  if (prop.kind) kinds.push('nodeKind');
  if (prop.datatype) kinds.push('datatype');
  if (prop.date) kinds.push('date');
  if (prop.cls) kinds.push('class');
  if (prop.anyClass) kinds.push('anyClass');
  if (prop.hasValue) kinds.push('hasValue');
  if (prop.inScheme) kinds.push('inScheme');
  return kinds;
}

/** Writes one level as a Turtle document. */
export function toTurtle(spec: LevelSpec): string {
  const base = `${SHAPES_BASE}${spec.profile}#`;
  const lines: string[] = [
    `# ${spec.title}: ${spec.level} level. Generated by shapes/src/build.ts; edit the tables there.`,
    `@prefix : <${base}> .`,
    ...Object.entries(NS).map(([p, iri]) => `@prefix ${p}: <${iri}> .`),
    '',
    `<${SHAPES_BASE}${spec.profile}/${spec.level}> a owl:Ontology ;`,
    `  rdfs:label ${quote(`${spec.title} (${spec.level})`)}@en ;`,
    `  rdfs:comment ${quote(spec.comment)}@en .`,
  ];
  for (const rule of spec.classes) {
    const shapes: string[] = [];
    const body: string[] = [];
    for (const prop of rule.props) {
      const severity = prop.severity ?? spec.severity;
      for (const kind of kindsOf(prop)) {
        const id = `${rule.name}-${pathSlug(prop)}-${kind}`;
        shapes.push(`:${id}`);
        body.push(
          '',
          `:${id} a sh:PropertyShape ;`,
          `  sh:path ${turtlePath(prop)} ;`,
          `  ${constraintBody(prop, kind)} ;`,
          `  sh:severity sh:${severity} ;`,
          `  sh:message ${quote(message(spec, prop, kind))}@en .`,
        );
      }
    }
    lines.push('', `:${rule.name} a sh:NodeShape ;`, `  rdfs:label ${quote(rule.name)}@en ;`);
    lines.push(`  sh:targetClass ${rule.target}${shapes.length ? ' ;' : ' .'}`);
    if (shapes.length) lines.push(`  sh:property ${shapes.join(',\n    ')} .`);
    lines.push(...body);
    for (const one of rule.oneOf ?? []) {
      const alternatives = one.paths.map((p) => `[ sh:path ${p} ; sh:minCount 1 ]`).join(' ');
      lines.push(
        '',
        `:${rule.name}-${one.slug}-or a sh:NodeShape ;`,
        `  sh:targetClass ${rule.target} ;`,
        `  sh:or ( ${alternatives} ) ;`,
        `  sh:severity sh:${one.severity ?? spec.severity} ;`,
        `  sh:message ${quote(one.message)}@en .`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
