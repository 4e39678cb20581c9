// Bundles the CLI for bin/prospect.js. Start-up time is the product here (issue 7, README
// "Performance"), so:
// - Dependencies are bundled in: resolving and reading dozens of files under node_modules cost more
//   than running them (commander + chalk + date-fns subpaths took ~40 ms of resolving alone).
// - Commands stay in their own chunks (code splitting), so a command loads only the code it runs;
//   conf is imported only when a command writes, so it lands in a chunk of its own.
// - conf imports ajv, ajv-formats and semver at the top of its module, but uses ajv only when given
//   a schema and semver only when given `migrations`, and prospect passes neither
//   (src/store/schema.ts validates and migrates the store itself). Loading them cost ~100 ms on
//   every write unbundled (~10 ms bundled), so the bundle gets stubs that fail loudly if either
//   option is ever passed.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const unused = (what) =>
  `() => { throw new Error('prospect bundles conf without ${what}: see scripts/build.js'); }`;
const STUBS = {
  ajv: `const unused = ${unused('ajv (no schema option)')};
export class Ajv2020 { constructor() { unused(); } }
export default { default: unused };`,
  semver: `const unused = ${unused('semver (no migrations option)')};
export default new Proxy({}, { get: () => unused });`,
};

/** @type {import('esbuild').Plugin} */
const confWithoutUnusedDeps = {
  name: 'conf-without-unused-deps',
  setup(b) {
    b.onResolve({ filter: /^(ajv(\/dist\/2020\.js|-formats)?|semver)$/ }, (args) =>
      args.importer.includes('/node_modules/conf/')
        ? { path: args.path === 'semver' ? 'semver' : 'ajv', namespace: 'stub' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({
      contents: STUBS[args.path],
      loader: 'js',
    }));
  },
};

// Chunk names carry content hashes: clear out the last build's so dist/ holds one build only.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const result = await build({
  entryPoints: { cli: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS code may call require(); ESM output has none of its own.
  banner: {
    js: "import { createRequire as __prospectRequire } from 'node:module'; const require = __prospectRequire(import.meta.url);",
  },
  plugins: [confWithoutUnusedDeps],
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  metafile: process.env.BUILD_META === '1',
});
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
