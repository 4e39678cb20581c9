// Every `$ prospect ...` example in every command's --help must work as printed: each one runs
// against a fresh copy of a fixture store (with the clients, entries and files the examples name).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandUnknownOpts as Command } from '@commander-js/extra-typings';
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/io.js';
import { answers } from '../checkin-fake-prompts.js';
import { noon, runIn, storeFile, tempHome } from '../helpers.js';

vi.mock('../../src/prompts.js', () => import('../checkin-fake-prompts.js'));

const NOW = noon('2026-11-27');
/** The id the `prospect rm` example names; the fixture gives it to one entry. */
const RM_ID = 'k3x9a2';

const silentIo: Io = {
  stdout: () => {},
  stderr: () => {},
  stdoutIsTTY: false,
  stdinIsTTY: false,
  env: {},
  now: () => NOW,
};

function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands
    .filter((sub) => sub.name() !== 'help')
    .flatMap((sub) => {
      const path = [...prefix, sub.name()];
      return [path, ...commandPaths(sub, path)];
    });
}

/** A command line as a POSIX shell splits it: quotes, `VAR=value` before the command, `> file`, `# ...`. */
function shellWords(line: string): { env: Record<string, string>; args: string[] } {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let current: string | undefined;
  let lastEnd = -1;
  for (const m of line.matchAll(re)) {
    const part = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3] ?? '');
    // Adjacent pieces (no space between) are one word: --note="a b".
    if (current !== undefined && m.index === lastEnd) current += part;
    else {
      if (current !== undefined) words.push(current);
      if (m[3]?.startsWith('#')) {
        current = undefined;
        break;
      }
      current = part;
    }
    lastEnd = m.index + m[0].length;
  }
  if (current !== undefined) words.push(current);
  const env: Record<string, string> = {};
  while (words[0] !== undefined && /^[A-Z_]+=/.test(words[0])) {
    const [k = '', ...v] = (words.shift() as string).split('=');
    env[k] = v.join('=');
  }
  const redirect = words.indexOf('>');
  return { env, args: redirect === -1 ? words : words.slice(0, redirect) };
}

/** The --help text of a command, as `prospect <path> --help` prints it. */
function helpOf(path: string[]): string {
  let out = '';
  let cmd = buildProgram({
    ...silentIo,
    stdout: (t) => {
      out += t;
    },
  });
  for (const name of path) cmd = cmd.commands.find((c) => c.name() === name) as Command;
  cmd.outputHelp();
  return out;
}

let fixtureHome = '';
let fixtureCwd = '';

/** runIn's twin for a beforeAll hook (runIn registers a per-test cleanup). */
async function runOutsideTest(home: string, args: string[]) {
  vi.stubEnv('PROSPECT_HOME', home);
  let stderr = '';
  const code = await run(args, {
    ...silentIo,
    env: { PROSPECT_HOME: home },
    stderr: (t) => {
      stderr += t;
    },
  });
  vi.unstubAllEnvs();
  return { code, stderr };
}

async function must(home: string, args: string[]) {
  const r = await runOutsideTest(home, args);
  if (r.code !== 0) throw new Error(`fixture: prospect ${args.join(' ')}: ${r.stderr}`);
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'prospect-examples-'));
  fixtureHome = join(root, 'home');
  fixtureCwd = join(root, 'cwd');
  mkdirSync(fixtureHome);
  mkdirSync(join(fixtureCwd, 'reports', '2026-W47'), { recursive: true });
  await must(fixtureHome, ['config', 'set', 'name', 'Sam Rivera']);
  await must(fixtureHome, ['quota', 'set', 'call', '30', '--per', 'day', '--from', '2026-11-02']);
  await must(fixtureHome, [
    'quota',
    'set',
    'social',
    '10',
    '--per',
    'week',
    '--from',
    '2026-11-02',
  ]);
  await must(fixtureHome, ['client', 'add', 'Acme Dental', '--since', '2026-06-02']);
  await must(fixtureHome, ['log', 'call', '8', '--date', '2026-11-20']);
  await must(fixtureHome, ['log', 'call', '12', '--date', '2026-11-24']);
  await must(fixtureHome, [
    'lead',
    'add',
    'Dana Lee',
    '--company',
    'Bright Smiles',
    '--date',
    '2026-11-23',
  ]);
  await must(fixtureHome, [
    'lead',
    'add',
    'Lee Park',
    '--source',
    'marketing',
    '--date',
    '2026-11-23',
  ]);
  await must(fixtureHome, [
    'lead',
    'lost',
    'Lee Park',
    '--reason',
    'timing',
    '--date',
    '2026-11-24',
  ]);
  const store = JSON.parse(readFileSync(storeFile(fixtureHome), 'utf8'));
  store.entries[1].id = RM_ID;
  writeFileSync(storeFile(fixtureHome), JSON.stringify(store));
  const cwdFile = (name: string) => join(fixtureCwd, name);
  writeFileSync(
    cwdFile('webinar.csv'),
    'name,company,email\nAri Cole,Cole Dental,ari@example.com\n',
  );
  for (const [args] of [
    [['report', '--week', '2026-W47', '--format', 'json', '--out', cwdFile('sam.json')]],
    [['report', '--week', '2026-W47', '--format', 'json', '--out', cwdFile('alex.json')]],
    [
      [
        'report',
        '--week',
        '2026-W47',
        '--format',
        'json',
        '--out',
        cwdFile('reports/2026-W47/sam.json'),
      ],
    ],
    [['export', '--out', join(root, 'prospect-backup.json')]],
    [['off', '2026-12-24', '--to', '2027-01-01', '--reason', 'holidays']],
  ] as string[][][]) {
    await must(fixtureHome, args as string[]);
  }
  // alex's report is a second rep: same week, another name.
  const alex = JSON.parse(readFileSync(cwdFile('alex.json'), 'utf8'));
  alex.rep = 'Alex Kim';
  writeFileSync(cwdFile('alex.json'), JSON.stringify(alex));
  return () => rmSync(root, { recursive: true, force: true });
});

describe('every --help example works as printed', () => {
  const paths = [[], ...commandPaths(buildProgram(silentIo))];
  const examples: { path: string; line: string }[] = [];
  for (const path of paths) {
    const help = helpOf(path);
    for (const m of help.matchAll(/^\s*\$ (.+)$/gm)) {
      examples.push({ path: ['prospect', ...path].join(' '), line: (m[1] as string).trim() });
    }
  }

  it('finds examples in every command', () => {
    expect(examples.length).toBeGreaterThan(50);
  });

  it.each(examples)('$path: $ $line', async ({ line }) => {
    const { env, args } = shellWords(line);
    expect(args[0]).toBe('prospect');
    const home = tempHome();
    cpSync(fixtureHome, home, { recursive: true });
    const cwd = mkdtempSync(join(tmpdir(), 'prospect-examples-cwd-'));
    cpSync(fixtureCwd, cwd, { recursive: true });
    const before = process.cwd();
    process.chdir(cwd);
    onTestFinished(() => {
      process.chdir(before);
      rmSync(cwd, { recursive: true, force: true });
    });
    const envHome = env.PROSPECT_HOME?.replace(/^~/, cwd);
    // The examples of `import` read the export they name.
    if (args[1] === 'import')
      cpSync(join(fixtureCwd, '..', 'prospect-backup.json'), join(cwd, 'prospect-backup.json'));
    answers({ reframe: 'Every event is a room of people I can help' });
    const r = await runIn(envHome ?? home, args.slice(1), { now: NOW, tty: true });
    // Success notes ("Wrote ... to ...") may go to stderr; an error starts with "prospect:".
    expect(r.stderr).not.toMatch(/^prospect:/m);
    expect(r.code).toBe(0);
  });
});
