// **sarif** renders SARIF 2.1.0: a rule per shape constraint, a result per finding (one pass).
import { runRecords, type Finding, type Severity, type ValidationRun } from '../shacl/findings.js';
import { componentName, shortPath } from './names.js';
import { jsonWithArray } from './json-chunks.js';
import type { RenderOptions, Renderer } from './renderer.js';

export const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  violation: 'error',
  warning: 'warning',
  info: 'note',
};

interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { sourceShape: string; component: string; path?: string };
}

/**
 * Gives each (shape, component, severity) its rule, with a readable, unique id, as findings come:
 * the rules are numbered in order of first use, and written after the results (one pass over the
 * findings, which at data.gouv.fr's size are millions read back from a file).
 */
export class RuleTable {
  readonly rules: Rule[] = [];
  private readonly index = new Map<string, number>();
  private readonly ids = new Set<string>();

  /** The finding's rule's index, the rule made on first use. */
  indexOf(f: Pick<Finding, 'sourceShape' | 'component' | 'severity' | 'path'>): number {
    const key = `${f.sourceShape}\u0000${f.component}\u0000${f.severity}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const base = `${componentName(f.component)}:${shortPath(f.path) || 'node'}`;
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}#${n}`;
    this.ids.add(id);
    this.index.set(key, this.rules.length);
    const rule: Rule = {
      id,
      name: id.replace(/[^A-Za-z0-9]+/g, '_'),
      shortDescription: {
        text: `${componentName(f.component)} constraint on ${shortPath(f.path) || 'the node'}`,
      },
      defaultConfiguration: { level: LEVEL[f.severity] },
      properties: { sourceShape: f.sourceShape, component: f.component },
    };
    if (f.path !== undefined) rule.properties.path = f.path;
    this.rules.push(rule);
    return this.rules.length - 1;
  }
}

function location(f: Finding): Record<string, unknown> {
  const logical: Record<string, unknown> = { fullyQualifiedName: f.record.id, kind: 'object' };
  if (f.record.title !== undefined) logical.name = f.record.title;
  const out: Record<string, unknown> = { logicalLocations: [logical] };
  if (f.source) {
    const physical: Record<string, unknown> = {
      artifactLocation: { uri: f.source.file.replace(/\\/g, '/') },
    };
    if (f.source.line !== undefined) physical.region = { startLine: f.source.line };
    out.physicalLocation = physical;
  }
  return out;
}

/**
 * The SARIF document around its results (`results` is where they go), its driver naming the
 * table's rules as they are when it is called.
 */
export function sarifSkeleton(
  table: RuleTable,
  run: Pick<ValidationRun, 'notices' | 'shapes'>,
  options: RenderOptions = {},
): (results: unknown) => unknown {
  return (results) => {
    const driver: Record<string, unknown> = {
      name: 'dcat-harvest',
      informationUri: 'https://github.com/dcat-harvest/dcat-harvest',
      rules: table.rules,
    };
    if (options.version) driver.semanticVersion = options.version;
    return {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          results,
          tool: { driver },
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: run.notices.map((text) => ({
                level: 'warning',
                message: { text },
              })),
            },
          ],
          properties: { shapes: run.shapes },
        },
      ],
    };
  };
}

export const sarifRenderer: Renderer = {
  id: 'sarif',
  description: 'SARIF 2.1.0 for code-scanning dashboards',
  extension: 'sarif',
  render(run, options = {}) {
    return [...(this.chunks?.(run, options) ?? [])].join('');
  },
  *chunks(run, options = {}) {
    const table = new RuleTable();
    const results = (function* () {
      for (const r of runRecords(run)) {
        for (const f of r.findings) {
          const ruleIndex = table.indexOf(f);
          yield {
            ruleId: table.rules[ruleIndex]?.id,
            ruleIndex,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [location(f)],
            properties: {
              focusNode: f.focusNode,
              ...(f.value === undefined ? {} : { value: f.value }),
            },
          };
        }
      }
    })();
    // The results first, one per line; the rules they named after them (SARIF's objects are
    // unordered), so the findings are read once.
    yield* jsonWithArray(sarifSkeleton(table, run, options), results, 2, 'compact', true);
    yield '\n';
  },
};
