// Bundles the CLI for bin/prospect.js. Commands stay in their own chunks (code splitting), so a
// command loads only the code it runs.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: { cli: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
