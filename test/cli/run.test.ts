import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { VERSION } from '../../src/version.js';
import { cli } from '../helpers/cli.js';

describe('The command line', () => {
  it('prints the version on stdout and exits 0', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it('prints help with the exit codes and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: dcat-harvest');
    expect(r.stdout).toMatch(/2 {2}usage error/);
    expect(r.stdout).toMatch(/3 {2}input or network failure/);
  });

  it('lists every command in --help, though a command loads alone', async () => {
    const r = await cli(['--help']);
    for (const { name } of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    for (const args of [
      ['convert', '--help'],
      ['-q', 'help', 'convert'],
    ]) {
      const help = await cli(args);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: dcat-harvest convert [options] <input>');
      expect(help.stdout).toContain('--lenient');
    }
  });

  it('exits 2 with a message on stderr for an unknown option', async () => {
    const r = await cli(['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
    expect(r.stdout).toBe('');
  });

  it('exits 2 for an unknown command', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command|too many arguments/);
  });
});
