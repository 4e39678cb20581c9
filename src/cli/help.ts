import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { nearest } from '../domain/suggest.js';
import { usage } from '../errors.js';
import { type Area, example } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  completion: () => import('../commands/completion.js'),
};

/** help, completion and the hidden __complete. */
export function register(program: CommandUnknownOpts, { act, ctx }: Area): void {
  // Commander's own help command shows `quota` for `help quota set`: this one follows the path.
  program.helpCommand(false);
  program
    .command('help')
    .description('show the help of a command, nested ones too: prospect help quota set')
    .argument('[command...]', 'the command, for example: quota set')
    .action((names) => helpFor(program, names).help());

  // shell completion: the script asks the hidden __complete, which reads this program's commands
  example(
    program
      .command('completion')
      .description(
        'print a completion script for bash, zsh or fish (commands, options, activities, clients)',
      )
      .argument('<shell>', 'bash, zsh or fish')
      .addHelpText(
        'after',
        '\nbash: source <(prospect completion bash)   in ~/.bashrc\nzsh:  source <(prospect completion zsh)    in ~/.zshrc, after compinit\nfish: prospect completion fish > ~/.config/fish/completions/prospect.fish',
      )
      .action(act(load.completion, 'completionScript')),
    '  $ prospect completion bash\n  $ prospect completion zsh',
  );
  example(
    program
      .command('__complete', { hidden: true })
      .description(
        'the candidates for the last word of a command line, one a line (for the scripts)',
      )
      .argument('[words...]', 'the words after prospect, the one being completed last')
      .action(async (words) => (await load.completion()).complete(ctx(), program, words)),
    '  $ prospect __complete -- log ca',
  );
}

/** The command a path of names leads to (`['quota', 'set']`), or exit 2 naming the near miss. */
function helpFor(program: CommandUnknownOpts, names: readonly string[]): CommandUnknownOpts {
  let cmd = program;
  for (const [i, name] of names.entries()) {
    const sub = cmd.commands.find((c) => c.name() === name || c.aliases().includes(name));
    if (sub === undefined) {
      const guess = nearest(
        name,
        cmd.commands.map((c) => c.name()),
      );
      const path = ['prospect', ...names.slice(0, i)].join(' ');
      usage(
        `unknown command '${names.slice(0, i + 1).join(' ')}'${guess ? `: did you mean '${guess}'?` : ''} see '${path} --help'`,
      );
    }
    cmd = sub;
  }
  return cmd;
}
