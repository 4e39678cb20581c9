import { readFileSync } from 'node:fs';
import { bounded, usage } from '../errors.js';

/**
 * A JSON file the user named (an export to import, a rep's report for `team`), parsed; a file
 * that cannot be read or is not JSON is bad input (exit 2) and the message says what was wanted.
 * A leading byte-order mark, as some Windows editors write, is allowed.
 */
export function readJsonInput(file: string, wanted: string): unknown {
  const text = readTextInput(file);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // JSON.parse may run out of stack on input nested thousands deep: bad input all the same.
    if (error instanceof RangeError)
      usage(`${file} nests too deep to read (JSON nested thousands of levels): ${wanted}`);
    usage(`${file} is not JSON (${bounded((error as Error).message)}): ${wanted}`);
  }
}

/** A text file the user named (an import, a lead list), or exit 2 saying why it cannot be read. */
export function readTextInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    usage(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}
