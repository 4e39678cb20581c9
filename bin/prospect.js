#!/usr/bin/env node
// Starts prospect with a V8 code cache when it can (README "Performance", "The code cache").
//
// - dist/script/cli.js is the whole program as one classic script (scripts/build.js). A line of
//   flags alone (--help, --version), which never runs a command's handler, runs the smaller
//   dist/script/help.js instead: what cli.js imports statically. The reads run many times a day
//   have scripts of their own, dist/script/cmd-<command>.js: help.js and all their handler can
//   load (a chunk such a script lacked would be taken from cli.js). The script runs through
//   vm.Script with the code V8 compiled for the same command in an earlier run: a cache made after
//   a run holds every function the run compiled. Node cannot do that for ES modules: Node 20 has
//   no cache for them, and module.enableCompileCache (22.1+) caches only what is compiled before a
//   module runs; on Node 24 this cache saved more (README "Performance").
// - A cache file is keyed on the script's build id (its first line, the same in every script),
//   Node's version, the architecture and the command, so a cache from another build or Node is
//   never read; a command (a key) always runs the same script.
// - The cache lives in the first usable folder of: $PROSPECT_CACHE_DIR (only that one, when set),
//   the package's node_modules/.cache/prospect (if node_modules exists), $XDG_CACHE_HOME/prospect
//   (or ~/.cache/prospect), $TMPDIR/prospect-<uid>. Usable: a real folder (not a link) owned by
//   this user, writable by no one else (its contents become code this process runs), and not
//   PROSPECT_HOME.
// - A cache file is written at the exit of a command that worked when there was none or V8
//   rejected it (stale or damaged), to a temporary name then renamed; then other builds' cache
//   files there are removed.
// - Nothing about the cache ever fails or changes a command: any error finding, reading or
//   writing it is ignored, and with no usable folder the ES module build runs as before.
//   PROSPECT_NO_CODE_CACHE=1 turns it off.
// - The store's verdict (src/store/verdict.ts) lives in the same folder: this file chooses it and
//   hands it over as PROSPECT_CACHE_DIR.
// This file is CommonJS (bin/package.json): Node 20 runs an ES module entry through its ES module
// loader, which cost ~3.5 ms of every run before any of this ran (README "Performance"); Node 22+
// start both alike. Built-ins come from process.getBuiltinModule, as in the bundle
// (scripts/build.js).
const fs = process.getBuiltinModule('node:fs');
const path = process.getBuiltinModule('node:path');

const DIST = path.join(__dirname, '..', 'dist');

/** A folder the cache may use, or undefined: created if missing, owned by us, private. */
function usableDir(dir, create) {
  let stat;
  try {
    stat = fs.lstatSync(dir);
  } catch {
    if (!create) return undefined;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      stat = fs.lstatSync(dir);
    } catch {
      return undefined;
    }
  }
  const uid = process.getuid?.();
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || stat.mode & 0o022) {
    return undefined;
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return dir;
  } catch {
    return undefined;
  }
}

function cacheDir(env) {
  const home = env.HOME;
  const data = env.PROSPECT_HOME ? path.resolve(env.PROSPECT_HOME) : undefined;
  const dir = env.PROSPECT_CACHE_DIR
    ? usableDir(path.resolve(env.PROSPECT_CACHE_DIR), true)
    : defaultCacheDir(env, home);
  return dir === data ? undefined : dir;
}

function defaultCacheDir(env, home) {
  const uid = process.getuid?.() ?? 'user';
  const pkg = path.join(__dirname, '..', 'node_modules');
  const xdg = env.XDG_CACHE_HOME;
  const tmp = env.TMPDIR || '/tmp';
  // [a folder that must exist already, the cache folder made in it if missing]
  const candidates = [
    [pkg, path.join(pkg, '.cache', 'prospect')], // never creates node_modules
    xdg ? [xdg, path.join(xdg, 'prospect')] : [home, path.join(home ?? '', '.cache', 'prospect')],
    [tmp, path.join(tmp, `prospect-${uid}`)],
  ];
  for (const [parent, dir] of candidates) {
    if (!parent || !path.isAbsolute(parent) || !fs.existsSync(parent)) continue;
    const usable = usableDir(dir, true);
    if (usable) return usable;
  }
  return undefined;
}

/** The cache file's bytes, or undefined. */
function readCache(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file, code) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, code, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {}
  }
}

/**
 * The cache key's command: the first argument besides --no-color when it is a command's name (each
 * command runs different functions), `status` for a bare `prospect`; for a line of flags alone,
 * which help.js runs, `_version` for a version request (which registers no command:
 * src/cli/program.ts areasFor) and `_` for the rest (`--help`); `__` for any other line.
 */
function commandOf(args) {
  const first = args.find((a) => a !== '--no-color');
  if (first === undefined) return 'status';
  if (args.every((a) => a.startsWith('-'))) {
    const version = (a) => a === '--version' || a === '-V';
    return args.every((a) => version(a) || a === '--no-color') ? '_version' : '_';
  }
  return /^[a-z][a-z-]{0,23}$/.test(first) ? first : '__';
}

/**
 * The script for a command's cache key: help.js for a line of flags alone, where commander shows
 * the help or the version or a usage error and no command's handler runs; cli.js for the rest.
 */
function scriptOf(command) {
  if (command === '_' || command === '_version') return 'help.js';
  const own = `cmd-${command}.js`;
  return fs.existsSync(path.join(DIST, 'script', own)) ? own : 'cli.js';
}

/** Old builds' caches, removed when a new one is written (files named as this file names them). */
function removeOtherBuilds(dir, id) {
  try {
    for (const name of fs.readdirSync(dir)) {
      if (/^v[\d.]+-\w+-[0-9a-f]+-[a-z_-]+\.cache$/.test(name) && !name.includes(`-${id}-`)) {
        fs.rmSync(path.join(dir, name), { force: true });
      }
    }
  } catch {}
}

/**
 * dist/cli.js as a file: URL, what import.meta.url is in the ES module build. pathToFileURL costs
 * ~0.2 ms; for a path of characters a URL keeps as they are, the URL is file:// and the path.
 */
function distUrl() {
  const file = path.join(DIST, 'cli.js');
  return /^\/[\w/.+,=@-]*$/.test(file)
    ? `file://${file}`
    : process.getBuiltinModule('node:url').pathToFileURL(file).href;
}

/**
 * Every chunk, from cli.js, for a script that lacks one a run asks for (help.js, a command's own
 * script): compiled without a cache, and refused if it is of another build than `scriptName`.
 */
function allChunks(url, scriptName) {
  const full = fs.readFileSync(path.join(DIST, 'script', 'cli.js'), 'latin1');
  const own = fs.readFileSync(path.join(DIST, 'script', scriptName), 'latin1').slice(0, 64);
  if (buildIdOf(full) !== buildIdOf(own))
    throw new Error(`dist/script/${scriptName} and cli.js differ`);
  const vm = process.getBuiltinModule('node:vm');
  return new vm.Script(full, { filename: path.join(DIST, 'script', 'cli.js') }).runInThisContext()(
    url,
    null,
  );
}

/** The build id a script's first line names, or undefined. */
const buildIdOf = (source) => /^\/\/ prospect-build ([0-9a-f]+)\n/.exec(source.slice(0, 64))?.[1];

/** Runs the program from the script build with a code cache; false if it cannot (nothing ran). */
function runScript(dir, command, scriptName) {
  let program;
  let save;
  try {
    const scriptFile = path.join(DIST, 'script', scriptName);
    // ASCII only (scripts/build.js): latin1 is the cheapest decode.
    const source = fs.readFileSync(scriptFile, 'latin1');
    const id = buildIdOf(source);
    if (!id) return false;
    const file = path.join(dir, `${process.version}-${process.arch}-${id}-${command}.cache`);
    const cachedData = readCache(file);
    // The bundle runs with --no-opt (src/main.ts); V8 accepts a cache only under the flags it was
    // made with, so it is set before compiling. --verify-snapshot-checksum makes V8 checksum the
    // cache it makes and check it before use (release builds do neither, and a damaged cache
    // could crash): a damaged file is then rejected like a stale one. It is on only while V8
    // reads or makes this cache: Node's own built-ins carry caches made without a checksum.
    const v8 = process.getBuiltinModule('node:v8');
    v8.setFlagsFromString('--no-opt');
    const vm = process.getBuiltinModule('node:vm');
    v8.setFlagsFromString('--verify-snapshot-checksum');
    let script;
    try {
      script = new vm.Script(source, { filename: scriptFile, cachedData });
    } finally {
      v8.setFlagsFromString('--no-verify-snapshot-checksum');
    }
    program = script.runInThisContext();
    if (cachedData === undefined || script.cachedDataRejected) {
      save = () => {
        // Only after a command that worked: a mistyped one would leave a file per typo.
        if (process.exitCode) return;
        try {
          v8.setFlagsFromString('--verify-snapshot-checksum');
          writeCache(file, script.createCachedData());
          removeOtherBuilds(dir, id);
        } catch {}
      };
    }
  } catch {
    return false;
  }
  if (save) process.once('exit', save);
  const url = distUrl();
  program(url, () => allChunks(url, scriptName));
  return true;
}

function start() {
  const env = process.env;
  const dir = cacheDir(env);
  // The folder chosen here is the one the store's verdict uses too (src/store/verdict.ts reads
  // PROSPECT_CACHE_DIR only): these rules have one home.
  if (dir !== undefined) env.PROSPECT_CACHE_DIR = dir;
  if (env.PROSPECT_NO_CODE_CACHE === '1') return false;
  const command = commandOf(process.argv.slice(2));
  return dir !== undefined && runScript(dir, command, scriptOf(command));
}

if (!start()) import('../dist/cli.js');
