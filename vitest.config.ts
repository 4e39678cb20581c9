import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// The V8 code cache and the store verdicts of this run go to a folder of its own, never to the
// developer's ~/.cache or the checkout's node_modules/.cache (tests that test the cache set theirs).
const cacheDir = mkdtempSync(join(tmpdir(), 'prospect-test-cache-'));

export default defineConfig({
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts'],
    // `require` as the bundle has it: src/render/format.ts loads string-width with it, lazily.
    setupFiles: ['test/setup-require.ts'],
    // A developer's own store must never leak into a test: every test that needs one makes its own.
    env: {
      PROSPECT_HOME: '/nonexistent/prospect-tests-must-set-PROSPECT_HOME',
      PROSPECT_CACHE_DIR: cacheDir,
      NO_COLOR: '',
    },
    testTimeout: 20_000,
  },
});
