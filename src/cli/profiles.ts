// **profiles** wires `dcat-harvest profiles`: lists the bundled SHACL profiles and their levels.
import { listProfiles } from '../shacl/profiles.js';
import type { Command } from 'commander';
import type { CliContext } from './context.js';

/** Registers the command (a `RegisterCommand`; typed locally so commands.ts imports us without a cycle). */
export const registerProfiles = (program: Command, context: () => CliContext): void => {
  program
    .command('profiles')
    .description('list the bundled SHACL profiles (DCAT-AP 3, DCAT-AP 2, HVD) and their levels')
    .option('--json', 'print the profile index as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ dcat-harvest profiles
  $ dcat-harvest profiles --json | jq '.[].id'
  $ dcat-harvest validate catalog.ttl --profile dcat-ap-hvd --level usagenotes`,
    )
    .action((flags: { json?: boolean }) => {
      const ctx = context();
      const profiles = listProfiles();
      if (flags.json) {
        ctx.stdout.write(JSON.stringify(profiles, null, 2) + '\n');
        return;
      }
      if (profiles.length === 0) {
        ctx.log.warn('no bundled profiles found (shapes/index.json is missing)');
        return;
      }
      for (const p of profiles) {
        ctx.stdout.write(`${p.id}  ${p.title} (spec ${p.specVersion})\n`);
        ctx.stdout.write(`  ${p.description}\n`);
        const levels = Object.keys(p.levels)
          .map((l) => (l === p.defaultLevel ? `${l} (default)` : l))
          .join(', ');
        ctx.stdout.write(`  levels: ${levels}\n`);
      }
    });
};
