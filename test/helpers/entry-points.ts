// **entry-points** each entry point of package.json's `exports` with its module in src/.
import * as root from '../../src/index.js';
import * as audit from '../../src/audit/index.js';
import * as catalogs from '../../src/catalogs/index.js';
import * as diff from '../../src/diff/index.js';
import * as fetch from '../../src/fetch/index.js';
import * as queue from '../../src/queue/index.js';
import * as rdf from '../../src/rdf/index.js';
import * as report from '../../src/report/index.js';
import * as run from '../../src/run/index.js';
import * as samplePortal from '../../src/sample-portal/index.js';
import * as serve from '../../src/serve/index.js';
import * as shacl from '../../src/shacl/index.js';
import * as udata from '../../src/udata/index.js';

/** Each entry point of package.json's `exports` (but `./package.json`) with its module in src/. */
export const ENTRY_POINTS: Record<string, object> = {
  'dcat-harvest': root,
  'dcat-harvest/rdf': rdf,
  'dcat-harvest/fetch': fetch,
  'dcat-harvest/udata': udata,
  'dcat-harvest/shacl': shacl,
  'dcat-harvest/audit': audit,
  'dcat-harvest/report': report,
  'dcat-harvest/run': run,
  'dcat-harvest/diff': diff,
  'dcat-harvest/sample-portal': samplePortal,
  'dcat-harvest/serve': serve,
  'dcat-harvest/catalogs': catalogs,
  'dcat-harvest/queue': queue,
};
