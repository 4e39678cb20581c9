// Shell completion, driven in real shells against the built CLI: the script is what
// `prospect completion <shell>` prints, and it runs `prospect` from PATH as a user's would.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, tempHome } from '../helpers.js';

let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'prospect-completion-'));
  const shim = join(home, 'bin');
  spawnSync('mkdir', [shim]);
  writeFileSync(join(shim, 'prospect'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(shim, 'prospect'), 0o755);
  env = { ...process.env, PATH: `${shim}:${process.env.PATH}`, PROSPECT_HOME: join(home, 'store') };
  for (const args of [
    ['client', 'add', 'Acme Co'],
    ['client', 'add', "O'Brien & Sons"],
    ['activity', 'add', 'demo-day'],
  ])
    expect(cli(join(home, 'store'), args).code, args.join(' ')).toBe(0);
  return () => rmSync(home, { recursive: true, force: true });
});

/** Sources the bash script, finds its function through `complete -p`, and runs it on each line. */
function bash(lines: readonly (readonly string[])[]): string[][] {
  const drive = lines
    .map(
      (words) =>
        `drive ${['prospect', ...words].map((w) => `'${w.replaceAll("'", `'\\''`)}'`).join(' ')}`,
    )
    .join('\n');
  const script = `set -u
source <(prospect completion bash)
spec=$(complete -p prospect) || exit 3
fn=$(sed -E 's/.*-F ([^ ]+).*/\\1/' <<<"$spec")
drive() {
  COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"; COMP_POINT=\${#COMP_LINE}; COMPREPLY=()
  "$fn" prospect "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\\n' "\${COMPREPLY[@]}"; echo '=='
}
${drive}
`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout
    .split('==\n')
    .slice(0, -1)
    .map((block) => block.split('\n').filter((l) => l !== ''));
}

describe('bash completion', () => {
  it('registers a function for prospect', () => {
    const r = spawnSync(
      'bash',
      ['-c', 'source <(prospect completion bash); complete -p prospect'],
      {
        env,
        encoding: 'utf8',
      },
    );
    expect(r.stdout).toMatch(/^complete .*-F \S+ prospect$/m);
  });

  it('completes commands, subcommands, options, activities, clients and date words', () => {
    const [commands, st, client, options, activity, clients, spaced, quote, quoted, date, per] =
      bash([
        [''],
        ['st'],
        ['client', ''],
        ['log', '--'],
        ['log', 'de'],
        ['ask', ''],
        ['ask', 'Ac'],
        ['client', 'win', 'O'],
        ['ask', '"Acme'],
        ['log', 'call', '--date', 'y'],
        ['quota', 'set', 'call', '3', '--per', ''],
      ]);
    expect(commands).toEqual(expect.arrayContaining(['log', 'status', 'client', 'completion']));
    expect(commands).not.toContain('__complete');
    expect(st).toEqual(['status', 'streak']);
    expect(client).toEqual(['add', 'list', 'rm', 'win']);
    expect(options).toEqual(expect.arrayContaining(['--date', '--note', '--source', '--help']));
    expect(activity).toEqual(['demo-day']);
    expect(clients).toEqual(['Acme\\ Co', "O\\'Brien\\ \\&\\ Sons"]);
    // What bash puts on the line reads back as the one name.
    expect(spaced).toEqual(['Acme\\ Co']);
    expect(quote).toEqual(["O\\'Brien\\ \\&\\ Sons"]);
    expect(quoted).toEqual(['"Acme Co"']);
    expect(date).toEqual(['yesterday']);
    expect(per).toEqual(['day', 'week', 'month', 'quarter']);
  });

  it('completes lead names after a lead stage, and the reasons after --reason', () => {
    expect(
      cli(join(home, 'store'), ['lead', 'add', 'Rosa Garcia', '--date', '2026-01-05']).code,
    ).toBe(0);
    expect(cli(join(home, 'store'), ['lead', 'add', 'Ron Day', '--date', '2026-01-05']).code).toBe(
      0,
    );
    const [contacted, rm, reason, noStage] = bash([
      ['lead', 'contacted', 'Ro'],
      ['lead', 'rm', 'Ros'],
      ['lead', 'rejected', 'Rosa', '--reason', 'no-'],
      ['lead', 'add', 'Ro'],
    ]);
    expect(contacted).toEqual(['Rosa\\ Garcia', 'Ron\\ Day']);
    expect(rm).toEqual(['Rosa\\ Garcia']);
    expect(reason).toEqual(['no-budget', 'no-need', 'no-response']);
    // A new lead's name is the rep's to type.
    expect(noStage).toEqual([]);
  });

  it('reads names from the store when completing, not when the script was made', () => {
    const before = bash([['ask', 'Ze']]);
    expect(before).toEqual([[]]);
    expect(cli(join(home, 'store'), ['client', 'add', 'Zed Inc']).code).toBe(0);
    expect(bash([['ask', 'Ze']])).toEqual([['Zed\\ Inc']]);
  });

  it('without a store, still completes activities and stays quiet', () => {
    const r = spawnSync(process.execPath, [BIN, '__complete', '--', 'log', 'e'], {
      env: { ...env, PROSPECT_HOME: tempHome() },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual(['email', 'event', '']);
  });
});

describe('completion scripts', () => {
  it('refuses an unknown shell, naming it and the accepted ones', () => {
    const r = cli(tempHome(), ['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "prospect: completion for 'tcsh' is not available: use one of bash, zsh, fish\n",
    );
  });

  const has = (shell: string) => spawnSync(shell, ['--version']).status === 0;

  it.skipIf(!has('zsh'))(
    'zsh: the script is valid zsh (zsh -n); skipped when zsh is not installed',
    () => {
      const script = cli(tempHome(), ['completion', 'zsh']);
      expect(script.code).toBe(0);
      expect(script.stdout).toContain('compdef');
      const r = spawnSync('zsh', ['-n'], { input: script.stdout, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
  );

  it.skipIf(!has('fish'))(
    'fish: completes a client name with a space; skipped without fish',
    () => {
      const r = spawnSync(
        'fish',
        ['--no-config', '-c', 'prospect completion fish | source; complete -C "prospect ask Ac"'],
        { env, encoding: 'utf8' },
      );
      expect(r.stderr).toBe('');
      expect(r.stdout.trim().split('\n')).toEqual(['Acme Co']);
    },
  );
});
