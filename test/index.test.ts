// Pins the public API: any change to the export list shows up here in review.
import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual(
    [
      'DCAT_PREFIXES',
      'DcatHarvestError',
      'ExitCode',
      'FORMATS',
      'FORMAT_IDS',
      'InputError',
      'LimitError',
      'NetworkError',
      'PREFIXES',
      'ParseError',
      'USER_AGENT',
      'UsageError',
      'VERSION',
      'detectFormat',
      'exitCodeOf',
      'findFormat',
      'formatFromExtension',
      'formatFromMediaType',
      'formatFromPath',
      'formatPosition',
      'resolveFormat',
      'runCli',
      'extractRecords',
      'createValidator',
      'listProfiles',
      'loadShapes',
      'loadBackground',
      'closurePlan',
      'runValidation',
      'validateDocuments',
      'countSeverities',
      'failsAt',
      'summarize',
      'RENDERERS',
      'sniffFormat',
    ].sort(),
  );
});
