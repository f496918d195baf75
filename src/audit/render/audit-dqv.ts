// **audit-dqv** renders an audit as W3C Data Quality Vocabulary (Turtle or JSON-LD) with the MQA metric IRIs.
import { DataFactory, type Quad } from 'n3';
import { createTextSink, serializeQuads } from '../../rdf/serialize.js';
import { CHUNK } from '../../rdf/text-sink.js';
import { PREFIXES, RDF, XSD } from '../../vocab.js';
import type { AuditReport } from '../audit.js';
import { PV } from '../dimensions.js';

const { namedNode, blankNode, literal, quad } = DataFactory;
const DQV = PREFIXES.dqv;

/** Dimension id → piveau's dimension scoring metric (`pv:findabilityScoring`). */
function scoringMetric(dimension: string): string {
  return `${PV}${dimension}Scoring`;
}

/**
 * The audit as DQV quads, as piveau publishes them: per dataset a `dqv:QualityMeasurement` per
 * measured indicator (`dqv:isMeasurementOf` the MQA metric, `dqv:computedOn` the dataset or the
 * chosen distribution, `dqv:value` true/false or the HTTP status), the dimension scorings and
 * `pv:scoring`. Unmeasured indicators get no measurement, as in piveau.
 *
 * @example
 * ```ts
 * import { auditDqvQuads, auditRecords } from 'dcat-harvest/audit';
 * import { parseText, serializeQuads } from 'dcat-harvest/rdf';
 *
 * const turtle = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
 * PREFIX dct: <http://purl.org/dc/terms/>
 * <https://example.org/d1> a dcat:Dataset ; dct:title "Schools" .`;
 * const { quads } = await parseText(turtle, { format: 'turtle' });
 * const report = await auditRecords([{ quads }]);
 * console.log(await serializeQuads(auditDqvQuads(report), 'turtle'));
 * ```
 */
export function auditDqvQuads(report: AuditReport): Quad[] {
  return [...auditDqvQuadStream(report)];
}

/** {@link auditDqvQuads} one dataset at a time, for reports too large to hold as quads. */
export function* auditDqvQuadStream(report: AuditReport): Generator<Quad> {
  let quads: Quad[] = [];
  const metric = new Map(report.indicators.map((i) => [i.id, i]));
  const node = (id: string) => (id.startsWith('_:') ? blankNode(id.slice(2)) : namedNode(id));
  const activity = blankNode('audit');
  quads.push(
    quad(activity, namedNode(RDF.type), namedNode(PREFIXES.prov + 'Activity')),
    quad(
      activity,
      namedNode(PREFIXES.rdfs + 'label'),
      literal(`MQA audit, method: ${report.methodLabel}`),
    ),
  );
  let n = 0;
  const measurement = (
    on: string,
    computedOn: string,
    metricIri: string,
    value: ReturnType<typeof literal>,
  ) => {
    const m = blankNode(`m${n++}`);
    quads.push(
      quad(node(on), namedNode(DQV + 'hasQualityMeasurement'), m),
      quad(m, namedNode(RDF.type), namedNode(DQV + 'QualityMeasurement')),
      quad(m, namedNode(DQV + 'isMeasurementOf'), namedNode(metricIri)),
      quad(m, namedNode(DQV + 'computedOn'), node(computedOn)),
      quad(m, namedNode(DQV + 'value'), value),
      quad(m, namedNode(PREFIXES.prov + 'wasGeneratedBy'), activity),
    );
  };
  const bool = (b: boolean) => literal(String(b), namedNode(XSD.boolean));
  const int = (x: number) => literal(String(Math.round(x)), namedNode(XSD.integer));
  const dec = (x: number) => literal(String(x), namedNode(XSD.decimal));
  for (const d of report.datasets) {
    for (const o of d.indicators) {
      const info = metric.get(o.id);
      if (!info || !o.measured) continue;
      const onDistribution =
        info.level !== 'dataset' && d.chosen !== undefined && o.passing !== undefined;
      const value =
        o.value !== undefined
          ? int(o.value)
          : report.method === 'proportional' && o.passing !== undefined && d.distributions > 0
            ? dec(Math.round((o.passing / d.distributions) * 1000) / 1000)
            : bool(o.pass);
      measurement(d.id, onDistribution ? (d.chosen as string) : d.id, info.metric, value);
    }
    for (const dim of report.dimensions) {
      measurement(
        d.id,
        d.id,
        scoringMetric(dim.id),
        int(d.dimensions[dim.id as keyof typeof d.dimensions]),
      );
    }
    measurement(d.id, d.id, PV + 'scoring', int(d.score));
    yield* quads;
    quads = [];
  }
  yield* quads;
}

const DQV_PREFIXES = {
  dqv: DQV,
  pv: PV,
  prov: PREFIXES.prov,
  xsd: PREFIXES.xsd,
  rdfs: PREFIXES.rdfs,
};

/** The DQV as Turtle. */
export async function renderAuditDqvTurtle(report: AuditReport): Promise<string> {
  return serializeQuads(auditDqvQuadStream(report), 'turtle', { prefixes: DQV_PREFIXES });
}

/** The DQV as Turtle in pieces (the same text as {@link renderAuditDqvTurtle}), for large audits. */
export function* auditDqvTurtleChunks(report: AuditReport): Generator<string> {
  const sink = createTextSink('turtle', { prefixes: DQV_PREFIXES });
  for (const q of auditDqvQuadStream(report)) {
    sink.add(q);
    if (sink.size >= CHUNK) yield sink.take();
  }
  yield sink.end();
}

/** The DQV as JSON-LD, compacted with the dqv/pv/prov prefixes. */
export async function renderAuditDqvJsonLd(report: AuditReport): Promise<string> {
  return serializeQuads(auditDqvQuads(report), 'jsonld', {
    context: { dqv: DQV, pv: PV, prov: PREFIXES.prov, xsd: PREFIXES.xsd, rdfs: PREFIXES.rdfs },
  });
}
