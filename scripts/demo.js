// `npm run demo`: the README's tour, run for real in a throw-away store, so a newcomer sees the tool
// working without touching their own data. The README's console blocks are this script's output:
//   node scripts/demo.js            prints the tour
//   node scripts/demo.js --readme   rewrites each README block marked <!-- demo: NAME -->
//   node scripts/demo.js --json     prints { blocks: { NAME: text }, ids: [...] } (for the test)
// Every command has a fixed --date, --from or day, so the output is the same on any day; entry
// and belief ids are random, so a command that needs one (rm) takes it from an earlier output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quote } from 'shell-quote';

const bin = new URL('../bin/prospect.js', import.meta.url).pathname;
const readmePath = new URL('../README.md', import.meta.url).pathname;
const ID = /\b(?:id|belief) ([2-9a-hjkmnp-z]{6})\b/g;

/** One throw-away store; `run` returns what a reader would see in a terminal after `$ prospect ...`. */
function store() {
  const home = mkdtempSync(join(tmpdir(), 'prospect-demo-'));
  const ids = [];
  const run = (args, opts = {}) => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      env: { ...process.env, PROSPECT_HOME: home, FORCE_COLOR: undefined, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    const output = r.stdout + r.stderr;
    for (const [, id] of output.matchAll(ID)) if (!ids.includes(id)) ids.push(id);
    if (r.status !== 0 && !opts.fails) {
      throw new Error(`demo: prospect ${args.join(' ')} exited ${r.status}: ${output}`);
    }
    const shown = opts.head
      ? [...output.split('\n').slice(0, opts.head), '...\n'].join('\n')
      : output;
    return { text: `$ ${opts.display ?? `prospect ${quote(args)}`}\n${shown}`, output };
  };
  return { home, ids, run, remove: () => rmSync(home, { recursive: true, force: true }) };
}

/** The blocks, by name, in README order. */
function tour() {
  const blocks = {};
  const ids = [];
  const block = (name, steps) => {
    blocks[name] = steps.map((s) => s.text).join('');
  };

  const t = store();
  try {
    block('quotas', [
      t.run(['config', 'set', 'name', 'Sam Rivera']),
      t.run(['quota', 'set', 'call', '40', '--per', 'day', '--from', '2026-11-02']),
      t.run(['quota', 'set', 'email', '60', '--per', 'week', '--from', '2026-11-02']),
      t.run(['quota', 'set', 'meeting', '12', '--per', 'month', '--from', '2026-11-02']),
      t.run(['quota', 'list', '--date', '2026-11-23']),
    ]);
    const week = [
      ['2026-11-16', 38, 15],
      ['2026-11-17', 42, 12],
      ['2026-11-18', 40, 9],
      ['2026-11-19', 44, 11],
      ['2026-11-20', 41, 13],
    ];
    const backfill = [];
    let fridayCalls = '';
    for (const [day, calls, emails] of week) {
      const logged = t.run(['log', 'call', String(calls), '--date', day]);
      if (day === '2026-11-20') fridayCalls = logged.output.match(/id ([2-9a-z]{6})/)?.[1] ?? '';
      backfill.push(logged, t.run(['log', 'email', String(emails), '--date', day]));
    }
    backfill.push(
      t.run(['log', 'meeting', '4', '--date', '2026-11-05', '--source', 'referral']),
      t.run(['log', 'meeting', '3', '--date', '2026-11-18', '--source', 'marketing']),
    );
    block('backfill', backfill);
    block('log', [
      t.run(['log', 'calls', '23', '--note', 'two callbacks Thursday', '--date', '2026-11-23']),
      t.run(['off', '2026-11-26', '--to', '2026-11-27', '--reason', 'Thanksgiving']),
      t.run(['log', 'email', '12', '--date', '2026-11-23']),
    ]);
    block('status', [
      t.run(['status', '--date', '2026-11-23']),
      t.run(['status', '--short', '--date', '2026-11-23']),
    ]);
    block('mistakes', [
      t.run(['history', '--from', '2026-11-20', '--date', '2026-11-23']),
      t.run(['undo', '--date', '2026-11-23']),
      t.run(['rm', fridayCalls]),
      t.run(['log', 'cals', '3', '--date', '2026-11-23'], { fails: true }),
    ]);
    block('beliefs', [
      t.run([
        'belief',
        'add',
        'Nobody answers the phone',
        '--reframe',
        'Every dial is practice',
        '--tag',
        'calls',
      ]),
      t.run(['belief', 'list'], { head: 3 }),
      t.run(['belief', 'rm', 'gatekeepers']),
      t.run(['affirm', '--date', '2026-11-23']),
    ]);
    ids.push(...t.ids);
  } finally {
    t.remove();
  }

  const c = store();
  try {
    c.run(['config', 'set', 'name', 'Sam Rivera']);
    for (const [activity, n] of [
      ['call', '40'],
      ['email', '20'],
      ['social', '10'],
    ]) {
      c.run(['quota', 'set', activity, n, '--per', 'day', '--from', '2026-11-02']);
    }
    c.run(['client', 'add', 'Acme', '--since', '2026-09-01']);
    c.run(['client', 'add', 'Dana Lee', '--since', '2026-10-01']);
    block('checkin-no-terminal', [
      c.run(['checkin', '--date', '2026-11-20'], {
        fails: true,
        display: 'prospect checkin --date 2026-11-20 < /dev/null',
      }),
    ]);
  } finally {
    c.remove();
  }
  return { blocks, ids };
}

const MARKER = /^<!-- demo: ([\w-]+) -->\n```console\n[\s\S]*?^```$/gm;

/** README.md with each marked console block replaced by the demo's. */
export function rewriteReadme(readme, blocks) {
  return readme.replace(MARKER, (_whole, name) => {
    if (!(name in blocks))
      throw new Error(`README.md marks a block the demo has no output for: ${name}`);
    return `<!-- demo: ${name} -->\n\`\`\`console\n${blocks[name]}\`\`\``;
  });
}

const mode = process.argv[2];
const { blocks, ids } = tour();
if (mode === '--json') {
  process.stdout.write(`${JSON.stringify({ blocks, ids }, null, 2)}\n`);
} else if (mode === '--readme') {
  writeFileSync(readmePath, rewriteReadme(readFileSync(readmePath, 'utf8'), blocks));
  process.stdout.write(`README.md: ${Object.keys(blocks).length} console blocks rewritten\n`);
} else {
  for (const text of Object.values(blocks)) process.stdout.write(`\n${text}`);
  process.stdout.write(
    '\nThat was a throw-away store (now removed). Your own store: prospect where.\nStart with: prospect quota set call 20 --per day\n',
  );
}
