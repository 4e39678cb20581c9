import type { CommandUnknownOpts as Command } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import type { Io } from '../../src/io.js';
import { cli, runIn, tempHome } from '../helpers.js';

const silentIo: Io = {
  stdout: () => {},
  stderr: () => {},
  stdoutIsTTY: false,
  stdinIsTTY: false,
  env: {},
  now: () => new Date(),
};

/** Every command path in the program, e.g. ['quota', 'set']. */
function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...commandPaths(sub, path)];
  });
}

describe('--help', () => {
  const paths = commandPaths(buildProgram(silentIo)).filter((p) => p.at(-1) !== 'help');

  it('covers the commands SPEC names', () => {
    const names = paths.map((p) => p.join(' '));
    for (const spec of [
      'quota set',
      'quota rm',
      'quota list',
      'log',
      'history',
      'undo',
      'rm',
      'status',
      'streak',
      'off',
      'off list',
      'off rm',
      'activity add',
      'activity list',
      'config get',
      'config set',
      'where',
    ]) {
      expect(names).toContain(spec);
    }
  });

  it.each(paths.map((p) => [p.join(' '), p]))(
    '`%s --help` shows an example and exits 0',
    async (_name, path) => {
      const r = await runIn(tempHome(), [...(path as string[]), '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples?:\n\s+\$ prospect /);
    },
  );

  it('the top-level help works from the real binary, and --version prints the version', () => {
    const home = tempHome();
    const help = cli(home, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: prospect');
    expect(cli(home, ['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('a command group without its subcommand', () => {
  it('is a usage error: help on stderr, exit 2', async () => {
    const r = await runIn(tempHome(), ['quota']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: prospect quota');
  });
});
