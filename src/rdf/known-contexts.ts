// **known-contexts** is the table of JSON-LD contexts shipped with dcat-harvest (vocab/contexts/), keyed by the URLs documents cite.
import { readFileSync } from 'node:fs';

/** One bundled context. */
export interface KnownContext {
  id: string;
  /** What cites it. */
  title: string;
  /** The file under `vocab/contexts/`. */
  file: string;
  /** The URLs documents put in `@context` for it. */
  urls: readonly string[];
  /** The specification it was written from. */
  spec: string;
}

/** Every bundled context, by id. */
export const KNOWN_CONTEXTS: readonly KnownContext[] = [
  {
    id: 'dcat-us-1.1',
    title: 'DCAT-US / Project Open Data metadata schema v1.1 (data.json)',
    file: 'dcat-us-1.1.jsonld',
    urls: [
      'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
      'http://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    ],
    spec: 'https://resources.data.gov/resources/dcat-us/',
  },
  {
    id: 'schema-org',
    title: 'schema.org (Dataset markup: CKAN, Socrata, dataset search feeds)',
    file: 'schema-org.jsonld',
    urls: [
      'https://schema.org',
      'https://schema.org/',
      'http://schema.org',
      'http://schema.org/',
      'https://schema.org/docs/jsonldcontext.json',
      'http://schema.org/docs/jsonldcontext.json',
    ],
    spec: 'https://schema.org/docs/developers.html',
  },
];

const DIR = new URL('../../vocab/contexts/', import.meta.url);
const loaded = new Map<string, unknown>();

/** The bundled context document cited by `url`, or undefined when none is bundled for it. */
export function knownContext(url: string): unknown {
  const entry = KNOWN_CONTEXTS.find((c) => c.urls.includes(url));
  if (!entry) return undefined;
  let document = loaded.get(entry.id);
  if (document === undefined) {
    document = JSON.parse(readFileSync(new URL(entry.file, DIR), 'utf8')) as unknown;
    loaded.set(entry.id, document);
  }
  return document;
}
