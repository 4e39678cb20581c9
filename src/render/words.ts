import { quote } from 'shell-quote';

/**
 * One argument of a command line the tool prints as advice, quoted so that it reaches prospect
 * intact when pasted into bash or zsh: `Zed, Inc.` -> `'Zed, Inc.'`, `O'Brien $x` -> `"O'Brien \$x"`.
 * Every printed command quotes user values through here, never by hand.
 */
export function shellArg(value: string): string {
  return quote([value]);
}

/**
 * Where a quota stands against the share of its target expected by now: "on pace", "ahead by 3",
 * "behind by 5" (never "behind by 0": a fraction behind is 1). The one pace wording of the
 * dashboard, the check-in and the reports.
 */
export function paceGap(onPace: boolean, ahead: number): string {
  const gap = Math.round(Math.abs(ahead));
  if (onPace) return gap === 0 ? 'on pace' : `ahead by ${gap}`;
  return `behind by ${Math.max(1, gap)}`;
}

/** The advice after a referral ask is due: the command that records it, the client quoted. */
export function askCommand(client: string, outcome = 'intro'): string {
  return `prospect ask ${shellArg(client)} --outcome ${outcome}`;
}

/** Said after askCommand at the end of a sentence: the other outcomes, outside the command. */
export const OTHER_OUTCOMES = ' (or --outcome later, declined)';

/** `prospect` and its arguments, each quoted as needed: a command to copy and run. */
export function prospectCommand(...args: readonly string[]): string {
  return ['prospect', ...args.map(shellArg)].join(' ');
}

/**
 * Ends a sentence with a full stop unless its last word already brings one ("Zed, Inc."), or a
 * question or exclamation mark: never "Removed client Zed, Inc..".
 */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
