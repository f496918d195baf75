// **cases** writes, for every constraint, a record that passes it and one that fails it.
import type { Term } from '@rdfjs/types';
import type { Constraint, PathSpec } from './constraints.js';
import { pathText } from './constraints.js';

const SH = 'http://www.w3.org/ns/shacl#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** An expected validation result. */
export interface Expected {
  focus: string;
  path: string;
  component: string;
  severity: string;
}

/** A manifest entry: validate `data` with the level's shapes, compare results of `shape` on `focus`. */
export interface Entry {
  id: string;
  type: 'pass' | 'fail';
  profile: string;
  level: string;
  shape: string;
  data: string;
  focus: string;
  expect: Expected[];
}

/** A case that cannot be run, with the reason. */
export interface Skip {
  id: string;
  reason: string;
}

/** A valid lexical form per datatype (for the passing records). */
const SAMPLES: Record<string, string> = {
  [`${XSD}date`]: '2024-05-01',
  [`${XSD}dateTime`]: '2024-05-01T12:00:00Z',
  [`${XSD}gYear`]: '2024',
  [`${XSD}gYearMonth`]: '2024-05',
  [`${XSD}decimal`]: '12.5',
  [`${XSD}nonNegativeInteger`]: '42',
  [`${XSD}duration`]: 'P1D',
  [`${XSD}hexBinary`]: 'ab12',
};

type Value = string; // a Turtle term

function literal(text: string, datatype?: string): Value {
  return datatype ? `${JSON.stringify(text)}^^<${datatype}>` : JSON.stringify(text);
}

function endsInverse(path: PathSpec): boolean {
  if (path.kind === 'inverse') return true;
  if (path.kind === 'sequence') return endsInverse(path.steps[path.steps.length - 1] as PathSpec);
  if (path.kind === 'alternative') return path.options.every(endsInverse);
  return false;
}

/** Why a constraint has no failing record, or undefined when it has one. */
export function unfailable(c: Constraint): string | undefined {
  const literalExcluded =
    c.component === `${SH}NodeKindConstraintComponent` &&
    (c.param as Term).value !== `${SH}Literal`;
  if (literalExcluded && c.path && endsInverse(c.path)) {
    return 'a value reached through an inverse path is a subject, so it is never a literal: this node-kind constraint cannot fail';
  }
  return undefined;
}

/** Triples linking `focus` to `value` along `path` (blank nodes named from `key`). */
function link(focus: string, path: PathSpec, value: Value, key: string): string[] {
  switch (path.kind) {
    case 'predicate':
      return [`<${focus}> <${path.iri}> ${value} .`];
    case 'inverse':
      return [`${value} <${path.iri}> <${focus}> .`];
    case 'alternative': {
      // a literal cannot be the subject of an inverse step: use the first forward option
      const usable = value.startsWith('<')
        ? path.options
        : path.options.filter((o) => !endsInverse(o));
      return link(focus, (usable[0] ?? path.options[0]) as PathSpec, value, key);
    }
    case 'sequence': {
      const [first, ...rest] = path.steps;
      if (!first) return [];
      if (rest.length === 0) return link(focus, first, value, key);
      const middle = `${focus}/step-${key}`;
      return [
        ...link(focus, first, `<${middle}>`, key),
        ...link(middle, { kind: 'sequence', steps: rest }, value, `${key}x`),
      ];
    }
  }
}

function values(focus: string, path: PathSpec, list: Value[]): string[] {
  return list.flatMap((value, i) => link(focus, path, value, String(i)));
}

/** Records (Turtle lines) that pass and fail one constraint on the given focus nodes. */
function records(c: Constraint, pass: string, fail: string): { pass: string[]; fail: string[] } {
  const path = c.path ?? { kind: 'predicate', iri: 'urn:none' };
  const local = c.component.replace(SH, '');
  const param = c.param as Term;
  const iri = (name: string) => `<${pass}/${name}>`;
  const iriF = (name: string) => `<${fail}/${name}>`;
  switch (local) {
    case 'MinCountConstraintComponent': {
      const n = Number(param.value);
      return {
        pass: values(
          pass,
          path,
          Array.from({ length: n }, (_, i) => iri(`v${i}`)),
        ),
        fail: values(
          fail,
          path,
          Array.from({ length: n - 1 }, (_, i) => iriF(`v${i}`)),
        ),
      };
    }
    case 'MaxCountConstraintComponent': {
      const n = Number(param.value);
      return {
        pass: values(
          pass,
          path,
          Array.from({ length: n }, (_, i) => iri(`v${i}`)),
        ),
        fail: values(
          fail,
          path,
          Array.from({ length: n + 1 }, (_, i) => iriF(`v${i}`)),
        ),
      };
    }
    case 'NodeKindConstraintComponent': {
      const wantsLiteral = param.value === `${SH}Literal`;
      return {
        pass: values(pass, path, [wantsLiteral ? literal('a value') : iri('v')]),
        fail: values(fail, path, [wantsLiteral ? iriF('v') : literal('a literal')]),
      };
    }
    case 'DatatypeConstraintComponent':
      return {
        pass: values(pass, path, [literal(SAMPLES[param.value] ?? 'x', param.value)]),
        fail: values(fail, path, [literal('not typed')]),
      };
    case 'ClassConstraintComponent':
      return {
        pass: [...values(pass, path, [iri('v')]), `${iri('v')} <${RDF_TYPE}> <${param.value}> .`],
        fail: values(fail, path, [iriF('v')]),
      };
    case 'HasValueConstraintComponent':
      return {
        pass: values(pass, path, [`<${param.value}>`]),
        fail: values(fail, path, [iriF('other')]),
      };
    case 'NodeConstraintComponent': {
      const inner = c.members?.[0] ?? {};
      const p = inner[`${SH}path`]?.value ?? '';
      const v = inner[`${SH}hasValue`]?.value ?? '';
      return {
        pass: [...values(pass, path, [iri('v')]), `${iri('v')} <${p}> <${v}> .`],
        fail: values(fail, path, [iriF('v')]),
      };
    }
    case 'OrConstraintComponent':
      return orRecords(c, path, pass, fail);
  }
  throw new Error(`no fixture recipe for ${c.component} (${c.shape})`);
}

function orRecords(c: Constraint, path: PathSpec, pass: string, fail: string) {
  const first = c.members?.[0] ?? {};
  if (!c.path) {
    // node-level disjunction of property shapes: give the first alternative a value
    const alt = first[`${SH}path`]?.value ?? '';
    return { pass: [`<${pass}> <${alt}> <${pass}/v> .`], fail: [] };
  }
  const datatype = first[`${SH}datatype`]?.value;
  if (datatype) {
    return {
      pass: values(pass, path, [literal(SAMPLES[datatype] ?? 'x', datatype)]),
      fail: values(fail, path, [literal('last spring')]),
    };
  }
  const cls = first[`${SH}class`]?.value ?? '';
  return {
    pass: [...values(pass, path, [`<${pass}/v>`]), `<${pass}/v> <${RDF_TYPE}> <${cls}> .`],
    fail: values(fail, path, [`<${fail}/v>`]),
  };
}

/** Builds the fixture text and manifest entries for one profile level. */
export function buildCases(
  profile: string,
  level: string,
  data: string,
  constraints: Constraint[],
): { turtle: string; entries: Entry[]; skips: Skip[] } {
  const lines = [
    `# Fixtures for ${profile} ${level}: for each constraint a passing and a failing record.`,
  ];
  const entries: Entry[] = [];
  const skips: Skip[] = [];
  for (const c of constraints) {
    const name = c.shape.replace(/^.*#/, '');
    const base = `urn:test:${profile}:${level}:${name}`;
    const pass = `${base}:pass`;
    const fail = `${base}:fail`;
    const skip = unfailable(c);
    const r = skip ? { pass: records(c, pass, fail).pass, fail: [] } : records(c, pass, fail);
    lines.push('', `# ${name}: ${c.message}`);
    lines.push(`<${pass}> <${RDF_TYPE}> <${c.targetClass}> .`, ...r.pass);
    const common = { profile, level, shape: c.shape, data };
    entries.push({
      id: `${profile}/${level}/${name}/pass`,
      type: 'pass',
      ...common,
      focus: pass,
      expect: [],
    });
    if (skip) {
      skips.push({ id: `${profile}/${level}/${name}/fail`, reason: skip });
      continue;
    }
    lines.push(`<${fail}> <${RDF_TYPE}> <${c.targetClass}> .`, ...r.fail);
    entries.push({
      id: `${profile}/${level}/${name}/fail`,
      type: 'fail',
      ...common,
      focus: fail,
      expect: [
        { focus: fail, path: pathText(c.path), component: c.component, severity: c.severity },
      ],
    });
  }
  return { turtle: `${lines.join('\n')}\n`, entries, skips };
}
