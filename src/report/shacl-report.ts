// **shacl-report** builds a standard sh:ValidationReport graph from a run (Turtle and JSON-LD use it).
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { runRecords, type ValidationRun } from '../shacl/findings.js';
import { PREFIXES, RDF, SH } from '../vocab.js';
import { isNodeValue } from './names.js';

const { blankNode, literal, namedNode, quad } = DataFactory;
const XSD_BOOLEAN = PREFIXES.xsd + 'boolean';

const SEVERITY = { violation: SH.Violation, warning: SH.Warning, info: SH.Info } as const;

function node(id: string) {
  return id.startsWith('_:') ? blankNode(`n-${id.slice(2)}`) : namedNode(id);
}

/**
 * The report as quads: `sh:conforms` derived from severities (no violation), one `sh:result`
 * per finding. Simple and inverse paths are written as SHACL paths; longer paths (alternative,
 * sequence) are left out, their rendering stays in the message.
 */
export function reportQuads(run: ValidationRun): Quad[] {
  const report = blankNode('report');
  const quads: Quad[] = [
    quad(report, namedNode(RDF.type), namedNode(SH.ValidationReport)),
    quad(
      report,
      namedNode(SH.conforms),
      literal(String(run.summary.conforms), namedNode(XSD_BOOLEAN)),
    ),
  ];
  let n = 0;
  for (const result of runRecords(run)) {
    for (const f of result.findings) {
      const r = blankNode(`r${++n}`);
      quads.push(quad(report, namedNode(SH.result), r));
      quads.push(quad(r, namedNode(RDF.type), namedNode(SH.ValidationResult)));
      quads.push(quad(r, namedNode(SH.focusNode), node(f.focusNode)));
      const inverse = f.path === undefined ? null : /^\^<([^<>]+)>$/.exec(f.path);
      if (f.path !== undefined && !/^[(^]/.test(f.path) && !f.path.includes('<')) {
        quads.push(quad(r, namedNode(SH.resultPath), namedNode(f.path)));
      } else if (inverse?.[1]) {
        const p = blankNode(`p${n}`);
        quads.push(quad(r, namedNode(SH.resultPath), p));
        quads.push(quad(p, namedNode(PREFIXES.sh + 'inversePath'), namedNode(inverse[1])));
      }
      quads.push(quad(r, namedNode(SH.resultSeverity), namedNode(SEVERITY[f.severity])));
      quads.push(quad(r, namedNode(SH.sourceConstraintComponent), namedNode(f.component)));
      quads.push(quad(r, namedNode(SH.sourceShape), node(f.sourceShape)));
      if (f.value !== undefined) {
        quads.push(
          quad(r, namedNode(SH.value), isNodeValue(f.value) ? node(f.value) : literal(f.value)),
        );
      }
      quads.push(quad(r, namedNode(SH.resultMessage), literal(f.message)));
    }
  }
  return quads;
}
