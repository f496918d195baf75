// **csw-request** writes the CSW 2.0.2 requests of a harvest: GetCapabilities, and GetRecords pages by GET (KVP) or POST (XML).
import { UsageError } from '../errors.js';
import { CSW_NS } from '../rdf/csw-unwrap.js';

/** Output schemas by the names `--csw-schema` accepts. */
export const CSW_SCHEMAS: Readonly<Record<string, string>> = {
  dcat: 'http://www.w3.org/ns/dcat#',
  geodcat: 'http://data.europa.eu/930/',
  'geodcat-ap': 'http://data.europa.eu/930/',
};

/** `--csw-schema`: a name of {@link CSW_SCHEMAS} or an outputSchema URI. */
export function resolveCswSchema(value: string | undefined): string {
  if (value === undefined) return CSW_SCHEMAS.dcat as string;
  const named = CSW_SCHEMAS[value.toLowerCase()];
  if (named) return named;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  throw new UsageError(`--csw-schema ${value}: not an output schema`, {
    hint: `Use ${Object.keys(CSW_SCHEMAS).join(', ')} or an outputSchema URI from the service's capabilities.`,
  });
}

/** What every GetRecords page of a harvest asks. */
export interface GetRecordsSpec {
  outputSchema: string;
  maxRecords: number;
  /** A CQL filter (`AnyText like '%eau%'`). */
  constraint?: string;
}

/** Parameters that name a CSW request rather than the endpoint. */
const CSW_PARAMETERS = new Set([
  'service',
  'request',
  'version',
  'acceptversions',
  'acceptformats',
  'sections',
]);

/** The endpoint of a CSW URL: its own request parameters removed. */
export function cswEndpoint(url: string): string {
  const u = new URL(url);
  for (const key of [...u.searchParams.keys()])
    if (CSW_PARAMETERS.has(key.toLowerCase())) u.searchParams.delete(key);
  return u.href;
}

/** The GetCapabilities URL of an endpoint. */
export function capabilitiesUrl(endpoint: string): string {
  const u = new URL(endpoint);
  u.searchParams.set('service', 'CSW');
  u.searchParams.set('request', 'GetCapabilities');
  u.searchParams.set('acceptVersions', '2.0.2');
  return u.href;
}

/** A GetRecords page by GET: every parameter in the query. */
export function getRecordsUrl(
  endpoint: string,
  spec: GetRecordsSpec,
  startPosition: number,
): string {
  const u = new URL(endpoint);
  const q = u.searchParams;
  q.set('service', 'CSW');
  q.set('version', '2.0.2');
  q.set('request', 'GetRecords');
  q.set('typeNames', 'csw:Record');
  q.set('namespace', `xmlns(csw=${CSW_NS})`);
  q.set('resultType', 'results');
  q.set('elementSetName', 'full');
  q.set('outputSchema', spec.outputSchema);
  q.set('startPosition', String(startPosition));
  q.set('maxRecords', String(spec.maxRecords));
  if (spec.constraint !== undefined) {
    q.set('constraintLanguage', 'CQL_TEXT');
    q.set('constraint_language_version', '1.1.0');
    q.set('constraint', spec.constraint);
  }
  return u.href;
}

function xml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A GetRecords page by POST: the XML body. */
export function getRecordsBody(spec: GetRecordsSpec, startPosition: number): string {
  const constraint =
    spec.constraint === undefined
      ? ''
      : `\n    <csw:Constraint version="1.1.0">\n      <csw:CqlText>${xml(spec.constraint)}</csw:CqlText>\n    </csw:Constraint>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<csw:GetRecords xmlns:csw="${CSW_NS}" service="CSW" version="2.0.2" resultType="results" startPosition="${startPosition}" maxRecords="${spec.maxRecords}" outputSchema="${xml(spec.outputSchema)}">
  <csw:Query typeNames="csw:Record">
    <csw:ElementSetName>full</csw:ElementSetName>${constraint}
  </csw:Query>
</csw:GetRecords>
`;
}
