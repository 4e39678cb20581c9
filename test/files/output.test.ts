import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitError } from '../../src/errors.js';
import { writeOutput } from '../../src/files/output.js';
import { tempHome } from '../helpers.js';

describe('writeOutput', () => {
  it('writes the whole file and leaves no temp file behind', () => {
    const dir = tempHome();
    const file = join(dir, 'r.txt');
    writeOutput(file, 'hello\n');
    expect(readFileSync(file, 'utf8')).toBe('hello\n');
    expect(readdirSync(dir)).toEqual(['r.txt']);
  });

  it('refuses to overwrite without force (exit 2) and overwrites with it', () => {
    const dir = tempHome();
    const file = join(dir, 'r.txt');
    writeFileSync(file, 'old');
    let caught: unknown;
    try {
      writeOutput(file, 'new');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExitError);
    expect((caught as ExitError).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('old');
    writeOutput(file, 'new', { force: true });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['r.txt']);
  });

  it('refuses a folder that does not exist as bad input (exit 2), naming the option', () => {
    const dir = tempHome();
    let thrown: unknown;
    try {
      writeOutput(join(dir, 'no', 'r.txt'), 'x');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExitError);
    expect((thrown as ExitError).code).toBe(2);
    expect((thrown as ExitError).message).toMatch(/^--out .*r\.txt: the folder .* does not exist/);
  });
});
