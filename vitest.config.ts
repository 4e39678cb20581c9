import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts'],
    // `require` as the bundle has it: src/render/format.ts loads string-width with it, lazily.
    setupFiles: ['test/setup-require.ts'],
    // A developer's own store must never leak into a test: every test that needs one makes its own.
    env: { PROSPECT_HOME: '/nonexistent/prospect-tests-must-set-PROSPECT_HOME', NO_COLOR: '' },
    testTimeout: 20_000,
  },
});
