// **csw** is the portal's GeoNetwork-like CSW 2.0.2 endpoint: GetCapabilities, GetRecords (DCAT or GeoDCAT-AP, GET or POST, paged), exception reports.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveFaulted, type CatalogContext } from './catalog-route.js';
import { addDataset } from './dataset-graph.js';
import { RdfXmlWriter } from './emit-rdfxml.js';
import { words, type DatasetFilter } from './filters.js';
import { PageGraph } from './graph.js';

/** Where the portal serves CSW (GeoNetwork's path). */
export const CSW_PATH = '/geonetwork/srv/eng/csw';
const CSW = 'http://www.opengis.net/cat/csw/2.0.2';
const DCAT_SCHEMA = 'http://www.w3.org/ns/dcat#';
const GEODCAT_SCHEMA = 'http://data.europa.eu/930/';
/** Most records a GetRecords page gives (GeoNetwork caps maxRecords too). */
export const CSW_MAX_RECORDS = 1000;

/** A GetRecords request, from the query (GET) or the XML body (POST). */
interface CswRequest {
  service?: string;
  request?: string;
  outputSchema?: string;
  startPosition?: string;
  maxRecords?: string;
  constraint?: string;
}

function xml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An OWS exception report, as GeoNetwork answers a bad request (HTTP 400). */
function sendException(res: ServerResponse, code: string, locator: string, text: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">
  <ows:Exception exceptionCode="${code}" locator="${locator}">
    <ows:ExceptionText>${xml(text)}</ows:ExceptionText>
  </ows:Exception>
</ows:ExceptionReport>
`;
  res.writeHead(400, { 'Content-Type': 'application/xml; charset=UTF-8' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/** The request's parameters: query names are case-insensitive; a POST body is a csw:GetRecords. */
async function requestOf(req: IncomingMessage, url: URL): Promise<CswRequest> {
  if (req.method === 'POST') {
    const body = await readBody(req);
    const root = /<(?:[\w.-]+:)?(GetRecords|GetCapabilities)\b([^>]*)>/.exec(body);
    const attribute = (name: string) =>
      new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(root?.[2] ?? '')?.[1];
    const cql = /<(?:[\w.-]+:)?CqlText>([\s\S]*?)<\/(?:[\w.-]+:)?CqlText>/.exec(body)?.[1];
    return {
      service: attribute('service') ?? 'CSW',
      request: root?.[1],
      outputSchema: attribute('outputSchema'),
      startPosition: attribute('startPosition'),
      maxRecords: attribute('maxRecords'),
      ...(cql === undefined
        ? {}
        : { constraint: cql.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') }),
    };
  }
  const get = (name: string) => {
    for (const [k, v] of url.searchParams) if (k.toLowerCase() === name.toLowerCase()) return v;
    return undefined;
  };
  const found: CswRequest = {};
  for (const name of [
    'service',
    'request',
    'outputSchema',
    'startPosition',
    'maxRecords',
    'constraint',
  ] as const) {
    const value = get(name);
    if (value !== undefined) found[name] = value;
  }
  return found;
}

/** The capabilities: GetRecords by GET and POST at `base`, both output schemas. */
function capabilities(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<csw:Capabilities xmlns:csw="${CSW}" xmlns:ows="http://www.opengis.net/ows" xmlns:xlink="http://www.w3.org/1999/xlink" version="2.0.2">
  <ows:ServiceIdentification>
    <ows:Title>Sample GeoNetwork catalogue</ows:Title>
    <ows:ServiceType>CSW</ows:ServiceType>
    <ows:ServiceTypeVersion>2.0.2</ows:ServiceTypeVersion>
  </ows:ServiceIdentification>
  <ows:OperationsMetadata>
    <ows:Operation name="GetCapabilities">
      <ows:DCP><ows:HTTP><ows:Get xlink:href="${xml(base)}"/><ows:Post xlink:href="${xml(base)}"/></ows:HTTP></ows:DCP>
    </ows:Operation>
    <ows:Operation name="GetRecords">
      <ows:DCP><ows:HTTP><ows:Get xlink:href="${xml(base)}"/><ows:Post xlink:href="${xml(base)}"/></ows:HTTP></ows:DCP>
      <ows:Parameter name="resultType"><ows:Value>hits</ows:Value><ows:Value>results</ows:Value></ows:Parameter>
      <ows:Parameter name="outputSchema">
        <ows:Value>${CSW}</ows:Value>
        <ows:Value>${DCAT_SCHEMA}</ows:Value>
        <ows:Value>${GEODCAT_SCHEMA}</ows:Value>
      </ows:Parameter>
    </ows:Operation>
  </ows:OperationsMetadata>
</csw:Capabilities>
`;
}

/** `AnyText like '%word%'` (the CQL the portal understands), or undefined for anything else. */
function filterOf(constraint: string | undefined): DatasetFilter | undefined {
  if (constraint === undefined) return { tags: [] };
  const m = /^\s*AnyText\s+(?:I?LIKE)\s+'%?([^'%]*)%?'\s*$/i.exec(constraint);
  return m ? { tags: [], q: words(m[1] ?? '') } : undefined;
}

function positive(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : NaN;
}

/** Serves the CSW endpoint. */
export async function serveCsw(
  ctx: CatalogContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const q = await requestOf(req, url);
  const base = `${ctx.site.base}${url.pathname}`;
  if (q.service !== undefined && q.service.toUpperCase() !== 'CSW')
    return sendException(res, 'InvalidParameterValue', 'service', `service ${q.service}: only CSW`);
  // Asked nothing (a bare GET of the endpoint): the capabilities, as many services answer.
  const request = q.request ?? (req.method === 'GET' && url.search === '' ? 'GetCapabilities' : '');
  if (/^GetCapabilities$/i.test(request)) {
    res.writeHead(200, { 'Content-Type': 'application/xml; charset=UTF-8' });
    return void res.end(capabilities(base));
  }
  if (!/^GetRecords$/i.test(request))
    return sendException(
      res,
      request ? 'OperationNotSupported' : 'MissingParameterValue',
      'request',
      request ? `Operation ${request} not supported` : 'request is missing',
    );
  const schema = q.outputSchema ?? CSW;
  if (schema !== DCAT_SCHEMA && schema !== GEODCAT_SCHEMA)
    return sendException(
      res,
      'InvalidParameterValue',
      'outputSchema',
      `outputSchema ${schema} not supported here: use ${DCAT_SCHEMA} or ${GEODCAT_SCHEMA}`,
    );
  const start = positive(q.startPosition, 1);
  const max = positive(q.maxRecords, 10);
  if (Number.isNaN(start) || Number.isNaN(max) || max > CSW_MAX_RECORDS)
    return sendException(
      res,
      'InvalidParameterValue',
      Number.isNaN(start) ? 'startPosition' : 'maxRecords',
      `startPosition and maxRecords must be positive integers, maxRecords at most ${CSW_MAX_RECORDS}`,
    );
  const filter = filterOf(q.constraint);
  if (!filter)
    return sendException(
      res,
      'InvalidParameterValue',
      'constraint',
      `CQL not understood: ${q.constraint ?? ''} (this catalogue knows AnyText like '%word%')`,
    );
  const selection = ctx.selections.select(filter);
  const total = selection ? selection.length : ctx.config.datasets;
  const from = Math.min(start - 1, total);
  const to = Math.min(from + max, total);
  const page = Math.floor((start - 1) / max) + 1;
  const key = `csw?${schema}&${start}&${max}&${q.constraint ?? ''}`;
  const attempt = ctx.attempt(key);
  await serveFaulted(
    ctx,
    req,
    res,
    { page, attempt, format: 'rdfxml', contentType: 'application/xml; charset=UTF-8' },
    () => {
      const indices: number[] = [];
      for (let i = from; i < to; i++) indices.push(selection ? (selection[i] as number) : i);
      return Buffer.from(response(ctx, schema, indices, total, to < total ? to + 1 : 0));
    },
  );
}

/**
 * A GetRecordsResponse: with the DCAT schema, one rdf:RDF holding the page's records; with
 * GeoDCAT-AP, one rdf:RDF per record (both shapes GeoNetwork versions give).
 */
function response(
  ctx: CatalogContext,
  schema: string,
  indices: number[],
  total: number,
  nextRecord: number,
): string {
  const documents: string[] = [];
  const groups = schema === DCAT_SCHEMA ? [indices] : indices.map((i) => [i]);
  for (const group of groups) {
    if (group.length === 0) continue;
    const writer = new RdfXmlWriter();
    const graph = new PageGraph(writer);
    for (const i of group) addDataset(ctx.config, ctx.site, i, graph);
    documents.push(
      writer
        .finish()
        .toString('utf8')
        .replace(/^<\?xml[^>]*\?>\n/, ''),
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<csw:GetRecordsResponse xmlns:csw="${CSW}" version="2.0.2">
  <csw:SearchStatus timestamp="2024-01-01T00:00:00"/>
  <csw:SearchResults numberOfRecordsMatched="${total}" numberOfRecordsReturned="${indices.length}" elementSet="full" nextRecord="${nextRecord}" recordSchema="${schema}">
${documents.join('')}  </csw:SearchResults>
</csw:GetRecordsResponse>
`;
}
