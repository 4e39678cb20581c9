import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { usage } from '../errors.js';
import { STDOUT } from './output.js';

/** The file `--ics` writes: `-` for stdout; an existing file only with `--force`. */
export function icsTarget(value: string, force: boolean): string {
  if (value === STDOUT) return value;
  if (value.trim() === '') usage(`--ics '' is not a file name: give a path such as asks.ics`);
  const path = resolve(value);
  if (existsSync(path)) {
    if (statSync(path).isDirectory())
      usage(`--ics ${value} is a folder: give a file name such as ${join(value, 'asks.ics')}`);
    if (!force) usage(`--ics ${value} already exists: add --force to replace it`);
  }
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    usage(`--ics ${value}: the folder ${dir} does not exist`);
  return path;
}
