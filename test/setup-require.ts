import { createRequire } from 'node:module';

// The bundle has `require` (esbuild's, for the modules it bundled); the sources run by vitest as ES
// modules have none. src/render/format.ts loads string-width and wrap-ansi with it only when a
// string is not plain ASCII: Node's require loads those ES modules from node_modules.
(globalThis as { require?: NodeJS.Require }).require ??= createRequire(import.meta.url);
