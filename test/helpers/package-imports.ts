// **package-imports** points a program's `dcat-harvest` and `dcat-harvest/<layer>` imports at src/.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The program with each import of the package or one of its subpaths turned into src/'s file URL. */
export function toSourceImports(program: string): string {
  return program.replace(/from '(dcat-harvest(?:\/([a-z-]+))?)'/g, (_all, _name, layer) => {
    const file = layer ? `src/${layer}/index.ts` : 'src/index.ts';
    return `from '${pathToFileURL(path.resolve(file)).href}'`;
  });
}
