// Pins the public API: each entry point's export list; any change shows up here in review.
import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';
import { ENTRY_POINTS } from './helpers/entry-points.js';

const PINNED: Record<string, string[]> = {
  'dcat-harvest': [
    'DcatHarvestError',
    'ExitCode',
    'InputError',
    'LimitError',
    'NetworkError',
    'ParseError',
    'USER_AGENT',
    'UsageError',
    'VERSION',
    'auditRecords',
    'convert',
    'exitCodeOf',
    'formatPosition',
    'harvest',
    'runCli',
    'runPipeline',
    'runValidation',
    'validateDocuments',
  ],
  'dcat-harvest/rdf': [
    'DCAT_PREFIXES',
    'FORMATS',
    'FORMAT_IDS',
    'PREFIXES',
    'convert',
    'convertDocuments',
    'createDocumentLoader',
    'createSerializer',
    'datasetKeysOf',
    'detectFormat',
    'extractRecords',
    'findFormat',
    'formatFromExtension',
    'formatFromMediaType',
    'formatFromPath',
    'lostStatements',
    'openInputs',
    'openSink',
    'openSource',
    'parseStream',
    'parseText',
    'repairIri',
    'resolveFormat',
    'serializeQuads',
    'sniffFormat',
  ],
  'dcat-harvest/fetch': [
    'createHttpClient',
    'ensureOk',
    'harvest',
    'isRetryableStatus',
    'readHarvestFolder',
    'readPaging',
    'resolveSource',
  ],
  'dcat-harvest/udata': [
    'createSiteApi',
    'getActivity',
    'getHome',
    'getHomeDatasets',
    'getHomeReuses',
    'getSiteContext',
    'setHome',
    'setHomeDatasets',
    'setHomeReuses',
    'walkActivity',
  ],
  'dcat-harvest/shacl': [
    'backgroundFor',
    'closurePlan',
    'countSeverities',
    'createValidator',
    'failsAt',
    'listProfiles',
    'loadBackground',
    'loadShapes',
    'runRecords',
    'runValidation',
    'summarize',
    'validateDocuments',
    'ValidationThreads',
  ],
  'dcat-harvest/audit': [
    'AUDIT_FORMATS',
    'AUDIT_RENDERERS',
    'AUDIT_SCHEMA',
    'AuditBuilder',
    'DIMENSIONS',
    'INDICATORS',
    'INDICATOR_BY_ID',
    'KNOWN_LICENCES',
    'MAX_POINTS',
    'METHOD_LABELS',
    'PORTAL_PROFILES',
    'RATING_BANDS',
    'accessRightCode',
    'auditDqvQuads',
    'auditRecords',
    'createLinkChecker',
    'findLicence',
    'measureDataset',
    'openLinkCache',
    'rateScore',
    'resolveFileType',
    'scoreDataset',
  ],
  'dcat-harvest/report': ['RENDERERS', 'renderHtmlReport', 'writeHtmlReport'],
  'dcat-harvest/run': [
    'ATTRIBUTION_RULE',
    'COMPLIANCE_DEFAULTS',
    'FINDINGS_FILE',
    'FINDINGS_SCHEMA',
    'REPORT_FILES',
    'REPORT_SCHEMA',
    'assess',
    'auditInputs',
    'buildRunReport',
    'isRunReport',
    'ratingOf',
    'readFindings',
    'readRunReport',
    'reportJsonChunks',
    'runPipeline',
    'writeByPublisher',
  ],
  'dcat-harvest/diff': [
    'DIFF_FORMATS',
    'diffRuns',
    'diffSides',
    'findingIdentity',
    'fingerprintRecord',
    'readFingerprints',
    'renderDiff',
  ],
  'dcat-harvest/sample-portal': ['DEFECT_IDS', 'groundTruth', 'parseFaults', 'startSamplePortal'],
  'dcat-harvest/serve': ['createServer', 'openApiDocument'],
  'dcat-harvest/catalogs': [
    'CATALOGS_SCHEMA_FILE',
    'CATALOG_OPTION_NAMES',
    'CATALOG_ROW_FILE',
    'CHANGES_FILE',
    'DATASET_INDEX_FILE',
    'DUPLICATES_FILE',
    'DuplicateFinder',
    'OVERVIEW_FILES',
    'OVERVIEW_SCHEMA',
    'compareIndexes',
    'idForSource',
    'idsForSources',
    'mergeOptions',
    'overviewFiles',
    'readCatalogsFile',
    'readDatasetIndex',
    'runCatalog',
    'runCatalogs',
    'writeDatasetIndex',
    'writeOverview',
  ],
  'dcat-harvest/queue': [
    'DEFAULT_LOCK_MS',
    'HOST_KEY_PREFIX',
    'JOB_STATES',
    'QUEUE_ENV',
    'QUEUE_NAME',
    'QUEUE_RUN_FILE',
    'cleanQueue',
    'connectQueue',
    'createRedisHostLimits',
    'parseQueueUrl',
    'queueStatus',
    'readRunRecord',
    'runQueued',
    'startWorker',
  ],
};

describe('The public API', () => {
  it('has one pinned list per entry point', () => {
    expect(Object.keys(PINNED).sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
  });

  for (const [name, module] of Object.entries(ENTRY_POINTS)) {
    it(`${name} exports exactly its pinned list`, () => {
      expect(Object.keys(module).sort()).toEqual([...PINNED[name]!].sort());
    });
  }

  it('exports from the root only values its layers export too (but errors, version and the CLI)', () => {
    const layered = new Set(
      Object.entries(ENTRY_POINTS)
        .filter(([name]) => name !== 'dcat-harvest')
        .flatMap(([, module]) => Object.entries(module).map(([, value]) => value)),
    );
    const rootOnly = Object.entries(root)
      .filter(([, value]) => !layered.has(value))
      .map(([key]) => key)
      .sort();
    expect(rootOnly).toEqual([
      'DcatHarvestError',
      'ExitCode',
      'InputError',
      'LimitError',
      'NetworkError',
      'ParseError',
      'USER_AGENT',
      'UsageError',
      'VERSION',
      'exitCodeOf',
      'formatPosition',
      'runCli',
    ]);
  });

  it('gives a name the same value at every entry point that exports it', () => {
    const seen = new Map<string, unknown>();
    for (const module of Object.values(ENTRY_POINTS)) {
      for (const [key, value] of Object.entries(module)) {
        if (seen.has(key)) expect(seen.get(key), key).toBe(value);
        else seen.set(key, value);
      }
    }
  });

  it('lists every entry point in package.json’s exports map, with types and import', async () => {
    const { default: pkg } = await import('../package.json', { with: { type: 'json' } });
    const exports = pkg.exports as Record<string, unknown>;
    const subpaths = Object.keys(ENTRY_POINTS).map((n) => n.replace(/^dcat-harvest/, '.'));
    // Beside the code: the package's metadata and its JSON Schemas (docs/reference/json-outputs.md).
    expect(Object.keys(exports).sort()).toEqual(
      [...subpaths, './package.json', './schemas/*.json'].sort(),
    );
    expect(exports['./schemas/*.json']).toBe('./schemas/*.json');
    for (const subpath of subpaths) {
      const dist = subpath === '.' ? './dist' : `./dist/${subpath.slice(2)}`;
      expect(exports[subpath]).toEqual({
        types: `${dist}/index.d.ts`,
        import: `${dist}/index.js`,
      });
    }
  });
});
