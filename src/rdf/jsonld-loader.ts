// **jsonld-loader** is the offline JSON-LD document loader: contexts come from a local map; remote ones are refused unless allowed.
import { InputError } from '../errors.js';
import { knownContext } from './known-contexts.js';

/** What `jsonld` expects a document loader to return. */
export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
}

/** A JSON-LD document loader: the remote document of a context URL. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Options of {@link createDocumentLoader}. */
export interface LoaderOptions {
  /** Context URL → the context document (an object, with or without an `@context` wrapper). */
  contexts?: Record<string, unknown>;
  /** Fetch contexts that are not in the map (off by default: parsing stays offline). */
  allowRemoteContexts?: boolean;
}

/** Wraps a bare term map (as udata serves its context) in `{"@context": …}`. */
export function asContextDocument(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && '@context' in value)
    return value;
  return { '@context': value };
}

/**
 * Builds a document loader that answers from `contexts`, then from the contexts dcat-harvest ships
 * (DCAT-US, schema.org: see `KNOWN_CONTEXTS`), and refuses anything else unless allowed.
 *
 * @example
 * ```ts
 * import { createDocumentLoader } from 'dcat-harvest/rdf';
 *
 * const loader = createDocumentLoader({
 *   contexts: { 'https://example.org/context.jsonld': { '@context': { title: 'http://purl.org/dc/terms/title' } } },
 * });
 * const { document } = await loader('https://example.org/context.jsonld');
 * ```
 */
export function createDocumentLoader(options: LoaderOptions = {}): DocumentLoader {
  const contexts = options.contexts ?? {};
  return async (url: string) => {
    const known = contexts[url] ?? knownContext(url);
    if (known !== undefined) {
      return { contextUrl: null, documentUrl: url, document: asContextDocument(known) };
    }
    if (options.allowRemoteContexts) {
      const { default: jsonld } = await import('jsonld');
      const node = (jsonld as unknown as { documentLoaders: { node(): DocumentLoader } })
        .documentLoaders;
      return node.node()(url);
    }
    throw new InputError(`JSON-LD remote context ${url} refused: contexts are not fetched`, {
      code: 'DH_REMOTE_CONTEXT',
      hint: `Map it to a local file with --context-map ${url}=FILE, or allow fetching with --allow-remote-contexts.`,
    });
  };
}
