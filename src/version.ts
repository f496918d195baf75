// **version** reads the package's name and version once, for --version and the User-Agent.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  homepage?: string;
};

/** The package version, e.g. `0.1.0`. */
export const VERSION: string = pkg.version;

/** `dcat-harvest/0.1.0 (+https://…)`, sent as User-Agent. */
export const USER_AGENT = `${pkg.name}/${pkg.version} (Node.js ${process.versions.node}; +https://www.npmjs.com/package/${pkg.name})`;
