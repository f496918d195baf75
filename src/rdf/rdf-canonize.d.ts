// Types for the parts of rdf-canonize (RDFC-1.0) that dcat-harvest uses; the package ships none.
declare module 'rdf-canonize' {
  import type { Quad } from '@rdfjs/types';
  interface CanonizeOptions {
    algorithm: 'RDFC-1.0';
    /** Milliseconds before giving up on a pathological graph; 0 disables. */
    timeout?: number;
    maxWorkFactor?: number;
  }
  const canonize: {
    canonize(input: Quad[], options: CanonizeOptions): Promise<string>;
    _canonizeSync(input: Quad[], options: CanonizeOptions): string;
  };
  export default canonize;
}
