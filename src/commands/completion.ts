// `prospect completion bash|zsh|fish` prints a script; the script asks `prospect __complete` (hidden)
// for the candidates, so commands and options come from the commander program itself, never from a
// hand-kept copy, and names come from the store at the moment of completing.
import type { CommandUnknownOpts as Command, Option } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { BUILT_IN_ACTIVITIES } from '../domain/activities.js';
import { LEAD_REASONS } from '../domain/leads.js';
import { ASK_OUTCOMES, LEAD_SOURCES, PERIODS, type StoreData } from '../domain/types.js';
import { usage } from '../errors.js';
import { REPORT_FORMATS } from '../render/report-common.js';
import type { StoreAt } from '../store/place.js';
import { readStore } from '../store/store.js';

/** What a source of candidates may read: the store, loaded at most once and only when needed. */
type Source = (store: () => StoreData | null) => readonly string[];

const DATE_WORDS = ['today', 'yesterday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Where candidates come from, by the name of what is being completed: an argument's name
 * (`<activity>`), an option's value name (`--tag <activity>`), or either prefixed with its command's
 * path (`client rm name`) when a bare name means different things in different commands. The first
 * row that matches wins. New sources (lead names, ...) are one row here.
 */
export const CANDIDATES: ReadonlyArray<{ names: readonly string[]; list: Source }> = [
  {
    names: ['activity'],
    list: (store) => [...BUILT_IN_ACTIVITIES, ...(store()?.activities ?? [])],
  },
  {
    names: ['client', 'client rm name', 'client win name'],
    list: (store) => (store()?.clients ?? []).map((c) => c.name),
  },
  {
    names: ['contacted', 'accepted', 'rejected', 'meeting', 'won', 'lost', 'reopen', 'rm'].map(
      (stage) => `lead ${stage} name`,
    ),
    list: (store) => [...new Set((store()?.leads ?? []).map((l) => l.name))],
  },
  { names: ['reason'], list: () => LEAD_REASONS },
  { names: ['period'], list: () => PERIODS },
  { names: ['source'], list: () => LEAD_SOURCES },
  { names: ['outcome'], list: () => ASK_OUTCOMES },
  { names: ['format'], list: () => REPORT_FORMATS },
  { names: ['week'], list: () => ['this', 'last'] },
  { names: ['YYYY-MM-DD'], list: () => DATE_WORDS },
];

/** A candidate the shell can take as one word: one line, no control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: keeping control characters out is the point
const SAFE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/;

const valueName = (option: Option) => /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? '';
const takesValue = (option: Option) => option.required || option.optional;

function findOption(command: Command, word: string): Option | undefined {
  const flag = word.split('=')[0];
  for (let c: Command | null = command; c !== null; c = c.parent) {
    const found = c.options.find((o) => o.long === flag || o.short === flag);
    if (found) return found;
  }
  return undefined;
}

function fromTable(path: readonly string[], name: string, store: () => StoreData | null): string[] {
  const keys = [`${path.join(' ')} ${name}`.trim(), name];
  const row = CANDIDATES.find((r) => keys.some((k) => r.names.includes(k)));
  return row ? [...row.list(store)] : [];
}

/**
 * The candidates for the last of `words` (the word being completed, maybe empty), given the words
 * before it (without the program's own name). Exported for tests.
 */
export function candidates(
  program: Command,
  words: readonly string[],
  store: () => StoreData | null,
): string[] {
  let command = program;
  const path: string[] = [];
  let positional = 0;
  let pendingValue: Option | undefined;
  let onlyArguments = false;
  for (const word of words.slice(0, -1)) {
    if (pendingValue) {
      pendingValue = undefined;
    } else if (!onlyArguments && word === '--') {
      onlyArguments = true;
    } else if (!onlyArguments && word.startsWith('-') && word.length > 1) {
      const option = findOption(command, word);
      if (option && takesValue(option) && !word.includes('=')) pendingValue = option;
    } else if (command === program && positional === 0 && path.length === 0 && word === 'help') {
      // `prospect help quota set`: complete the command it asks about.
    } else {
      const sub =
        positional === 0
          ? command.commands.find((c) => c.name() === word || c.aliases().includes(word))
          : undefined;
      if (sub) {
        command = sub;
        path.push(sub.name());
      } else positional++;
    }
  }
  const current = words.at(-1) ?? '';
  let found: string[];
  if (pendingValue) {
    found = fromTable(path, valueName(pendingValue), store);
  } else if (current.startsWith('-') && !onlyArguments) {
    found = [];
    for (let c: Command | null = command; c !== null; c = c.parent)
      for (const o of c.options) if (!o.hidden && o.long) found.push(o.long);
    found.push('--help');
  } else if (command.commands.length > 0 && positional === 0) {
    found = command.commands
      .filter((c) => !(c as Command & { _hidden?: boolean })._hidden)
      .map((c) => c.name());
    if (command === program) found.push('help');
  } else {
    const args = command.registeredArguments;
    const arg = args[positional] ?? (args.at(-1)?.variadic ? args.at(-1) : undefined);
    found = arg ? fromTable(path, arg.name(), store) : [];
  }
  return [...new Set(found)].filter((c) => c.startsWith(current) && SAFE.test(c));
}

/** The store for completing names, or null when there is none or it cannot be read: never an error. */
function quietStore(at: StoreAt): () => StoreData | null {
  let store: StoreData | null | undefined;
  return () => {
    if (store === undefined) {
      try {
        const loaded = readStore(at);
        store = loaded.exists ? loaded.data : null;
      } catch {
        store = null;
      }
    }
    return store;
  };
}

export function complete(ctx: Ctx, program: Command, words: readonly string[]): void {
  const found = candidates(program, words.length === 0 ? [''] : words, quietStore(ctx.store));
  if (found.length > 0) ctx.io.stdout(`${found.join('\n')}\n`);
}

const SHELLS = ['bash', 'zsh', 'fish'] as const;

export function completionScript(ctx: Ctx, shell: string): void {
  const script = SCRIPTS[shell as (typeof SHELLS)[number]];
  if (script === undefined || !Object.hasOwn(SCRIPTS, shell))
    usage(`completion for '${shell}' is not available: use one of ${SHELLS.join(', ')}`);
  ctx.io.stdout(script);
}

const SCRIPTS: Record<(typeof SHELLS)[number], string> = {
  bash: `# prospect completion for bash: add to ~/.bashrc
#   source <(prospect completion bash)
_prospect_complete() {
  local cur=\${COMP_WORDS[COMP_CWORD]} quoted='' c
  # A word begun with a quote: complete inside the quotes, as typed.
  if [[ $cur == \\"* || $cur == \\'* ]]; then quoted=\${cur:0:1}; fi
  local -a words=("\${COMP_WORDS[@]:1:COMP_CWORD-1}" "\${cur#"$quoted"}")
  local IFS=$'\\n'
  COMPREPLY=()
  for c in $(prospect __complete -- "\${words[@]}" 2>/dev/null); do
    if [[ -n $quoted ]]; then COMPREPLY+=("$quoted$c$quoted"); else COMPREPLY+=("$(printf '%q' "$c")"); fi
  done
}
complete -o default -F _prospect_complete prospect
`,
  zsh: `#compdef prospect
# prospect completion for zsh: add to ~/.zshrc (after compinit)
#   source <(prospect completion zsh)
_prospect_complete() {
  local -a found
  found=("\${(@f)$(prospect __complete -- "\${(@)words[2,CURRENT-1]}" "\${(Q)words[CURRENT]}" 2>/dev/null)}")
  (( \${#found} )) && [[ -n $found[1] ]] && compadd -- "\${found[@]}"
}
compdef _prospect_complete prospect
`,
  fish: `# prospect completion for fish: save as ~/.config/fish/completions/prospect.fish, or
#   prospect completion fish | source
function __prospect_complete
    set -l words (commandline -opc) (commandline -ct)
    prospect __complete -- $words[2..-1] 2>/dev/null
end
complete -c prospect -f -a '(__prospect_complete)'
`,
};
