import { Chalk, type ChalkInstance } from 'chalk';

/**
 * A chalk with colour on or off (colorEnabled in src/io.ts decides). A module of its own, imported
 * by what colours its output: chalk sets itself up when it loads (~0.45 ms), which --help,
 * --version and every command that prints no colour then skip.
 */
export function paint(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
