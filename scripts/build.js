// Bundles the CLI for bin/prospect.js. Start-up time is the product here (issue 7, README
// "Performance"), so:
// - Dependencies are bundled in: resolving and reading dozens of files under node_modules cost more
//   than running them (commander + chalk + date-fns subpaths took ~40 ms of resolving alone).
// - Commands stay in their own chunks (code splitting), so a command loads only the code it runs;
//   the store's writer (atomically) is imported only when a command writes, so it lands in a
//   chunk of its own.
// - Two dependencies get stubs for parts prospect never uses (see STUBS).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, relative } from 'node:path';
import { build, transformSync } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const STUBS = {
  // chalk detects colour support when it loads (tty.isatty(1) and (2): node:tty, which loads
  // net, ~2-3 ms of every run) for its default instances; prospect makes its own with an explicit
  // level (src/io.ts paint()), after its own rules, so the detection's result is never used.
  'supports-color': 'export default { stdout: false, stderr: false };',
  // @inquirer/prompts re-exports every prompt; prospect asks with number, input, confirm and
  // checkbox (src/prompts.ts), never editor, which brings iconv-lite and chardet: ~680 KB, 45% of
  // the one-file script that bin/prospect.js reads on every command, and of the check-in's chunk.
  '@inquirer/editor': `export default () => {
  throw new Error('prospect bundles @inquirer/prompts without its editor prompt: see scripts/build.js');
};`,
};

/** @type {import('esbuild').Plugin} */
const unusedParts = {
  name: 'unused-parts',
  setup(b) {
    b.onResolve({ filter: /^@inquirer\/editor$/ }, (args) =>
      args.importer.includes('/node_modules/@inquirer/prompts/')
        ? { path: '@inquirer/editor', namespace: 'stub' }
        : undefined,
    );
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      args.importer.includes('/node_modules/chalk/')
        ? { path: 'supports-color', namespace: 'stub' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({
      contents: STUBS[args.path],
      loader: 'js',
    }));
  },
};

// Node's built-in modules, without going through the ESM loader or createRequire:
// - An ESM `import ... from 'node:fs'` makes Node build a module facade over every export of the
//   built-in (node:fs has ~100) before the chunk runs; the status path imported eight of them, for
//   several ms. process.getBuiltinModule (Node >= 20.16; engines says >= 20.19) hands over the same
//   object directly, and esbuild reads the names off it where they are used.
// - The CommonJS code bundled in (commander, ics) calls require('node:...'); with this, no chunk
//   needs a `require` of its own, so no chunk pays for createRequire(import.meta.url) at load.
// - A few built-ins are costly to load and needed only on some paths: node:crypto (~4 ms: ids and
//   the lock's token, i.e. writes), node:child_process (~2 ms: commander requires it at load for
//   subcommands run as separate programs, which prospect has none of), node:os and node:tty. They
//   load on the first use of one of their exports instead of when a chunk that mentions them loads.
const BUILTINS = new Set(builtinModules);
const LAZY = new Set(['node:crypto', 'node:child_process', 'node:os', 'node:tty']);
const builtinName = (path) => {
  const bare = path.startsWith('node:') ? path.slice(5) : path;
  return BUILTINS.has(bare) ? `node:${bare}` : undefined;
};
/** A stand-in whose getters load the built-in on first use; only for built-ins that are plain objects. */
function lazyBuiltin(name) {
  const real = process.getBuiltinModule(name);
  if (typeof real !== 'object') throw new Error(`${name} is not a plain object; it cannot be lazy`);
  const getters = Object.keys(real)
    .filter((key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key))
    .map((key) => `  get ${key}() { return load().${key}; },`);
  return `let real;
const load = () => (real ??= process.getBuiltinModule(${JSON.stringify(name)}));
module.exports = {
${getters.join('\n')}
};`;
}
/**
 * The names a source file imports from a built-in, when every import of it there is of the form
 * `import { a, b as c } from 'node:x'`; otherwise undefined.
 */
function namedImports(file, name) {
  if (!/\.[cm]?ts$/.test(file)) return undefined;
  const bare = name.slice(5);
  const names = new Set();
  const imports = /\bimport\s+([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const [, clause, spec] of readFileSync(file, 'utf8').matchAll(imports)) {
    if (spec !== name && spec !== bare) continue;
    const braces = /^(?:type\s+)?\{([^}]*)\}$/.exec(clause);
    if (!braces) return undefined;
    for (const part of braces[1].split(',')) {
      const imported = /^\s*(?:type\s+)?([A-Za-z_$][\w$]*)/.exec(part);
      if (imported && !/^\s*type\s/.test(part)) names.add(imported[1]);
    }
  }
  return names.size > 0 ? [...names] : undefined;
}
/**
 * A built-in as an ES module exporting the names its importer uses, read once when the chunk
 * loads. As a CommonJS module (module.exports = the built-in), an ES module importer gets it through
 * esbuild's __toESM, which defines a getter for every export (node:fs has ~100) in every importer:
 * ~0.1 ms each, paid by every command (commit message).
 */
function esmBuiltin(name, names) {
  const exports = names.map((n) => `export const ${n} = builtin.${n};`);
  return `const builtin = process.getBuiltinModule(${JSON.stringify(name)});\n${exports.join('\n')}`;
}
/** @type {import('esbuild').Plugin} */
const builtinsWithoutLoader = {
  name: 'builtins-without-loader',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z0-9_/]+$/ }, (args) => {
      const name = builtinName(args.path);
      if (name === undefined) return undefined;
      // One tiny module per importer, so it is bundled into the importer's chunk rather than a
      // shared chunk of its own (one more file to load).
      return {
        path: name,
        namespace: 'builtin',
        suffix: `?${relative('.', args.importer)}`,
        pluginData: { importer: args.importer, kind: args.kind },
      };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      if (LAZY.has(args.path)) return { contents: lazyBuiltin(args.path), loader: 'js' };
      const { importer, kind } = args.pluginData;
      const names = kind === 'import-statement' ? namedImports(importer, args.path) : undefined;
      return {
        contents: names
          ? esmBuiltin(args.path, names)
          : `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
        loader: 'js',
      };
    });
  },
};

// PROSPECT_BUILD, a hash of the sources and the package version: the code knows it runs bundled
// (src/render/format.ts), and the store's verdict file is keyed on it (src/store/snapshot.ts), so
// a verdict from a build with other rules is never trusted.
const sourceHash = createHash('sha256').update(pkg.version);
for (const file of readdirSync('src', { recursive: true }).sort()) {
  if (String(file).endsWith('.ts'))
    sourceHash.update(`${file}\n`).update(readFileSync(`src/${file}`));
}
const PROSPECT_BUILD = JSON.stringify(sourceHash.digest('hex').slice(0, 16));

// Chunk names carry content hashes: clear out the last build's so dist/ holds one build only.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const shared = {
  entryPoints: { cli: 'src/cli/main.ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [unusedParts, builtinsWithoutLoader],
  logLevel: 'warning',
};
const result = await build({
  ...shared,
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version), PROSPECT_BUILD },
  metafile: process.env.BUILD_META === '1',
});

// The same program as classic scripts, for bin/prospect.js to run through vm.Script with a V8
// code cache (README "Performance", "The code cache"). V8 caches a script's code after it ran,
// lazily compiled functions included, which it cannot do for ES modules on Node 20
// (module.enableCompileCache, 22.1+, caches only what is compiled before a module runs).
// The scripts hold the same chunks as the ES module build, each turned into CommonJS (its import()
// into a require) inside a function of its own that runs on the first require of the chunk. (A
// one-file CommonJS bundle hoisted every module's functions to the script's top level, and V8 put
// all of them into each command's cache: 318 KB to deserialise for --version.)
// - dist/script/cli.js: every chunk, for a command line that names a command.
// - dist/script/help.js: cli.js and the chunks it imports statically (commander, the command
//   registrations, io): all that a line of flags alone runs (--help, --version, an unknown option),
//   which never reaches a command's handler. 0.2 of the 1.2 MB to read, and a smaller cache.
// Each is a function expression taking the URL import.meta.url stands for (dist/cli.js, so paths
// relative to it resolve as in the ES module build). Both first lines name the build: a hash of
// both texts, which keys the cache, so a cache from another build is never used.
const split = await build({
  ...shared,
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  write: false,
  metafile: true,
  define: {
    PACKAGE_VERSION: JSON.stringify(pkg.version),
    PROSPECT_BUILD,
    'import.meta.url': 'PROSPECT_BUNDLE_URL',
  },
});
/**
 * The reads a rep runs many times a day (issue 16's <= 2.0 x row), each with a script of its own:
 * only the chunks its handler (src/commands/<name>.ts) can load, not the 1.2 MB of every command.
 */
const READS = ['status', 'streak', 'referrals', 'leads', 'funnel', 'log', 'ask', 'lead', 'report'];
/** A command's handler module: src/commands/<name>.ts, or the index of a folder of variants. */
const handlerOf = (name) =>
  existsSync(`src/commands/${name}.ts`)
    ? `src/commands/${name}.ts`
    : `src/commands/${name}/index.ts`;
/** cli.js and the chunks it imports statically, transitively. */
const core = new Set();
const visit = (file) => {
  if (core.has(basename(file))) return;
  core.add(basename(file));
  for (const i of split.metafile.outputs[file].imports) {
    if (i.kind === 'import-statement' && !i.external) visit(i.path);
  }
};
visit('dist/cli.js');
/** Every chunk a chunk can load, statically or with import(), transitively. */
const reach = (file, seen = new Set()) => {
  if (seen.has(basename(file))) return seen;
  seen.add(basename(file));
  for (const i of split.metafile.outputs[file].imports) if (!i.external) reach(i.path, seen);
  return seen;
};
/** The output chunk of a module that is imported with import() (a chunk of its own). */
const chunkOf = (source) => {
  const out = Object.entries(split.metafile.outputs).find(([, o]) => o.entryPoint === source);
  if (!out) throw new Error(`no chunk of its own for ${source}`);
  return out[0];
};
const OWN = Object.fromEntries(
  READS.map((name) => [name, new Set([...core, ...reach(chunkOf(handlerOf(name)))])]),
);
const chunks = split.outputFiles.map((file) => {
  const name = basename(file.path);
  const { code } = transformSync(file.text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    charset: 'ascii',
    // import('./x.js') becomes Promise.resolve().then(() => require('./x.js')): the loader below.
    supported: { 'dynamic-import': false },
  });
  return {
    name,
    text: `${JSON.stringify(name)}: function (module, exports, require) {\n${code}},\n`,
  };
});
// Chunks require each other as './name.js' (all sit in dist/); each runs once, like a module. A
// script without a chunk the run asks for (help.js, a command's own script: not meant to happen)
// takes the chunks it lacks from cli.js through \`more\` (bin/prospect.js); called with more ===
// null, a script only hands over its chunks.
const script = (list) => `(function (PROSPECT_BUNDLE_URL, more) {
var chunks = {
${list.map((c) => c.text).join('')}};
if (more === null) return chunks;
var loaded = {};
function load(specifier) {
  var name = specifier.slice(2);
  var chunk = loaded[name];
  if (chunk === undefined) {
    if (!Object.hasOwn(chunks, name)) {
      var all = more();
      for (var key in all) if (!Object.hasOwn(chunks, key)) chunks[key] = all[key];
    }
    chunk = loaded[name] = { exports: {} };
    chunks[name](chunk, chunk.exports, load);
  }
  return chunk.exports;
}
load('./cli.js');
})`;
// ASCII only, so bin/prospect.js reads it as latin1 straight into a one-byte string: decoding
// UTF-8 into a two-byte string of 1.5 M characters cost 4-20 ms. esbuild's charset: 'ascii' leaves
// regular expression literals and comments as they are; \uXXXX means the same character there
// (and in strings and identifiers); only a tagged template's raw text would differ.
const ascii = (text) =>
  text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const bodies = {
  'cli.js': ascii(script(chunks)),
  'help.js': ascii(script(chunks.filter((c) => core.has(c.name)))),
};
for (const [name, set] of Object.entries(OWN)) {
  bodies[`cmd-${name}.js`] = ascii(script(chunks.filter((c) => set.has(c.name))));
}
const idHash = createHash('sha256');
for (const body of Object.values(bodies)) idHash.update(body).update('\0');
const buildId = idHash.digest('hex').slice(0, 16);
mkdirSync(new URL('../dist/script', import.meta.url), { recursive: true });
for (const [name, body] of Object.entries(bodies)) {
  writeFileSync(
    new URL(`../dist/script/${name}`, import.meta.url),
    `// prospect-build ${buildId}\n${body}`,
  );
}
if (result.metafile) {
  // BUILD_META=1 node scripts/build.js: which sources went into which chunk, biggest first.
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    const inputs = Object.entries(out.inputs)
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
      .map(([name, i]) => `    ${i.bytesInOutput}\t${name}`);
    const imports = out.imports.map((i) => `${i.kind === 'dynamic-import' ? '~' : ''}${i.path}`);
    console.log(`${file} ${out.bytes} bytes; imports ${imports.join(' ')}\n${inputs.join('\n')}`);
  }
}
