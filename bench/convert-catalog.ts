// **convert-catalog** writes a synthetic udata-like DCAT catalog as N-Triples (~71 triples per dataset) for benchmarks.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};
const PORTAL = 'https://www.data.gouv.fr';
const CATALOG = `<${PORTAL}/api/1/site/catalog>`;

const iri = (ns: keyof typeof NS, local: string) => `<${NS[ns]}${local}>`;
const lit = (text: string, lang = 'fr') => `${JSON.stringify(text)}@${lang}`;
const typed = (value: string, type: string) => `"${value}"^^${iri('xsd', type)}`;
const hex = (n: number, width = 24) => n.toString(16).padStart(width, '0');

/** The triples of dataset number `i` (datasets, 4 distributions, blank nodes, literals). */
function datasetLines(i: number): string[] {
  const id = hex(i * 7919 + 1);
  const ds = `<${PORTAL}/datasets/${id}>`;
  const date = `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}T08:3${i % 10}:00`;
  const t = (s: string, p: string, o: string) => `${s} ${p} ${o} .`;
  const contact = `_:c${i}`;
  const period = `_:p${i}`;
  const lines = [
    t(CATALOG, iri('dcat', 'dataset'), ds),
    t(ds, iri('rdf', 'type'), iri('dcat', 'Dataset')),
    t(ds, iri('dct', 'title'), lit(`Qualité de l'air n°${i} — données « brutes »`)),
    t(
      ds,
      iri('dct', 'description'),
      lit(
        `Mesures horaires de la station ${i}.\nSource : réseau régional, mise à jour quotidienne.`,
      ),
    ),
    t(ds, iri('dct', 'identifier'), JSON.stringify(id)),
    t(ds, iri('dct', 'created'), typed(date, 'dateTime')),
    t(ds, iri('dct', 'issued'), typed(date, 'dateTime')),
    t(ds, iri('dct', 'modified'), typed(date, 'dateTime')),
    t(ds, iri('dcat', 'landingPage'), `<${PORTAL}/fr/datasets/qualite-air-${i}/>`),
    t(ds, iri('dct', 'publisher'), `<${PORTAL}/organizations/${hex(i % 997)}>`),
    t(ds, iri('dct', 'accrualPeriodicity'), '<http://purl.org/cld/freq/daily>'),
    ...['air', 'pollution', `station-${i % 50}`, 'environnement'].map((k) =>
      t(ds, iri('dcat', 'keyword'), JSON.stringify(k)),
    ),
    t(ds, iri('dcat', 'contactPoint'), contact),
    t(contact, iri('rdf', 'type'), iri('vcard', 'Kind')),
    t(contact, iri('vcard', 'fn'), JSON.stringify(`Service données ${i % 300}`)),
    t(contact, iri('vcard', 'hasEmail'), `<mailto:contact${i % 300}@example.org>`),
    t(ds, iri('dct', 'temporal'), period),
    t(period, iri('rdf', 'type'), iri('dct', 'PeriodOfTime')),
    t(period, iri('dcat', 'startDate'), typed('2020-01-01', 'date')),
    t(period, iri('dcat', 'endDate'), typed('2024-12-31', 'date')),
  ];
  for (let d = 0; d < 4; d++) {
    const uuid = `${hex(i, 8)}-${hex(d, 4)}-4000-8000-${hex(i * 4 + d, 12)}`;
    const dist = `<${PORTAL}/datasets/${id}?resource_id=${uuid}>`;
    const checksum = `_:k${i}x${d}`;
    lines.push(
      t(ds, iri('dcat', 'distribution'), dist),
      t(dist, iri('rdf', 'type'), iri('dcat', 'Distribution')),
      t(dist, iri('dct', 'title'), JSON.stringify(`mesures-${i}-${d}.csv`)),
      t(dist, iri('dct', 'description'), JSON.stringify('None')),
      t(
        dist,
        iri('dcat', 'downloadURL'),
        `<https://static.data.gouv.fr/resources/${id}/${uuid}.csv>`,
      ),
      t(dist, iri('dcat', 'accessURL'), `<${PORTAL}/api/1/datasets/r/${uuid}>`),
      t(dist, iri('dct', 'license'), '<https://www.etalab.gouv.fr/licence-ouverte-open-licence>'),
      t(dist, iri('dct', 'format'), JSON.stringify('csv')),
      t(dist, iri('dcat', 'mediaType'), JSON.stringify('text/csv')),
      t(dist, iri('dcat', 'byteSize'), typed(String(1000 + i * 13 + d), 'decimal')),
      t(dist, iri('spdx', 'checksum'), checksum),
      t(checksum, iri('spdx', 'algorithm'), iri('spdx', 'checksumAlgorithm_sha1')),
      t(checksum, iri('spdx', 'checksumValue'), typed(hex(i * 31 + d, 40), 'hexBinary')),
    );
  }
  return lines;
}

/** Writes `datasets` datasets as N-Triples to `file`; resolves with the number of triples. */
export async function writeCatalog(file: string, datasets: number, from = 0): Promise<number> {
  const out = createWriteStream(file);
  let triples = 0;
  let buffer = '';
  if (from === 0) {
    buffer += `${CATALOG} ${iri('rdf', 'type')} ${iri('dcat', 'Catalog')} .\n`;
    triples++;
  }
  for (let i = from; i < from + datasets; i++) {
    const lines = datasetLines(i);
    triples += lines.length;
    buffer += lines.join('\n') + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'close');
  return triples;
}

/** Triples per dataset written by `writeCatalog`. */
export const TRIPLES_PER_DATASET = datasetLines(0).length;
