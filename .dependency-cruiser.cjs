// The dependency rule (README "Development"): arrows point down, from the CLI to the handlers to
// the rules. `npm run deps` checks it; test/scripts/deps.test.ts shows it failing on a wrong arrow.
//
//   cli -> commands -> app -> files, store, render -> domain
//
// The base modules src/{errors,io,paint,safe-text,interrupt}.ts are the shared kernel: the
// exit-code errors, the Io seam and its colours, the one sanitising step and the Ctrl-C guard.
// They import only domain and each other; each layer names the ones it may use.
const BASE = '^src/(errors|io|paint|safe-text|interrupt)\\.ts$';

/** A rule forbidding `from` any project module outside `allowed` (regexes on paths). */
const only = (name, comment, from, allowed) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^src/', pathNot: allowed },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycles, type-only and lazy imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    only('domain-is-pure', 'domain imports nothing of the project but domain', '^src/domain/', [
      '^src/domain/',
    ]),
    {
      name: 'domain-no-node',
      comment: 'domain is pure: no fs, no clock, no process (no Node built-ins at all)',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    only(
      'render-imports-domain',
      'render imports domain, its own helpers, and the sanitising step',
      '^src/render/',
      ['^src/domain/', '^src/render/', '^src/safe-text\\.ts$'],
    ),
    only(
      'store-imports-domain',
      'store imports domain, its own modules, the errors and the Ctrl-C guard',
      '^src/store/',
      ['^src/domain/', '^src/store/', '^src/(errors|interrupt)\\.ts$'],
    ),
    only(
      'files-imports-domain',
      "the user's files: domain, errors, the Io seam and the sanitising step",
      '^src/files/',
      ['^src/domain/', '^src/files/', '^src/(errors|io|safe-text)\\.ts$'],
    ),
    only('base-is-a-leaf', 'the base modules import only domain and each other', BASE, [
      '^src/domain/',
      BASE,
    ]),
    only('options-parse-only', 'option parsing: domain and errors', '^src/options\\.ts$', [
      '^src/domain/',
      '^src/errors\\.ts$',
    ]),
    only(
      'context-is-small',
      "the Ctx: domain, the store's place, the base modules",
      '^src/context\\.ts$',
      ['^src/domain/', '^src/store/place\\.ts$', BASE],
    ),
    only('prompts-wrapper', 'the prompts wrapper: the base modules only', '^src/prompts\\.ts$', [
      BASE,
    ]),
    only('app-shared-by-handlers', 'what handlers share: no handler, no CLI', '^src/app/', [
      '^src/(app|domain|render|store|files)/',
      BASE,
      '^src/(context|options)\\.ts$',
    ]),
    only(
      'commands-import-down',
      'handlers: app, domain, render, store, files, context, options, prompts, base',
      '^src/commands/',
      [
        '^src/(app|domain|render|store|files)/',
        '^src/commands/',
        BASE,
        '^src/(context|options|prompts)\\.ts$',
      ],
    ),
    {
      name: 'handler-not-a-library',
      comment: 'a handler is never imported by another handler (share it through src/app/)',
      severity: 'error',
      from: { path: '^src/commands/[^/]+\\.ts$' },
      to: { path: '^src/commands/' },
    },
    {
      name: 'command-folder-stays-home',
      comment: "a command's folder (commands/report/) imports only its own modules of commands/",
      severity: 'error',
      from: { path: '^src/commands/([^/]+)/' },
      to: { path: '^src/commands/', pathNot: '^src/commands/$1/' },
    },
    {
      name: 'nothing-imports-cli',
      comment: 'only the CLI itself (and bin/, through the build) imports src/cli/',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
