// **imports** resolves the shapes' owl:imports from local files; unknown imports become notices.
import type { DatasetCore, NamedNode, Quad } from '@rdfjs/types';
import { Store } from 'n3';
import { loadRdf } from './rdf-file.js';

/** An `importGraph` function for rdf-validate-shacl plus the notices it collected. */
export interface ImportResolver {
  importGraph(iri: NamedNode): Promise<DatasetCore>;
  /** Human-readable warnings (unknown or unreadable imports). */
  notices: string[];
  /** The quads of every resolved import, for use as background knowledge. */
  imported: Quad[];
}

/** Variants an import IRI may be listed under (with or without `#` or `/` at the end). */
function variants(iri: string): string[] {
  const bare = iri.replace(/[#/]$/, '');
  return [iri, bare, `${bare}#`, `${bare}/`];
}

/** Builds a resolver over an IRI → file map; an unknown import resolves to an empty graph. */
export function createImportResolver(map: Record<string, string>): ImportResolver {
  const notices: string[] = [];
  const imported: Quad[] = [];
  return {
    notices,
    imported,
    async importGraph(iri) {
      const file = variants(iri.value)
        .map((v) => map[v])
        .find((f) => f !== undefined);
      if (file === undefined) {
        notices.push(
          `owl:imports <${iri.value}> is not in the import map: ignored (add --import-map ${iri.value}=FILE)`,
        );
        return new Store();
      }
      try {
        const quads = await loadRdf(file);
        imported.push(...quads);
        return new Store(quads);
      } catch (error) {
        notices.push(
          `owl:imports <${iri.value}>: cannot load ${file}: ${(error as Error).message}`,
        );
        return new Store();
      }
    },
  };
}
