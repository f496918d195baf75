// TypeDoc configuration for `npm run docs`: the API reference of every entry point of
// package.json's `exports`, written to docs/api/ (generated, not committed); any warning fails.
import { readFileSync } from 'node:fs';

/** src/index.ts and src/<layer>/index.ts for each subpath of package.json's `exports`. */
const entryPoints = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).exports)
  .filter((subpath) => subpath !== './package.json' && !subpath.endsWith('.json'))
  .map((subpath) => (subpath === '.' ? 'src/index.ts' : `src/${subpath.slice(2)}/index.ts`));

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'dcat-harvest',
  entryPoints,
  tsconfig: 'tsconfig.build.json',
  out: 'docs/api',
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  disableSources: true,
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  // Every declaration but properties: 400 of them are still undocumented (options mostly say it
  // in their names); the API's functions, classes, interfaces, types and variables all are.
  requiredToBeDocumented: [
    'Enum',
    'EnumMember',
    'Variable',
    'Function',
    'Class',
    'Interface',
    'Method',
    'Accessor',
    'TypeAlias',
  ],
};
