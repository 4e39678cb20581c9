// `npm run test:nodes` runs the end-to-end tests on other Node majors: the CLI they spawn must
// really run on the Node under test, not on the machine's own.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempHome } from '../helpers.js';

const major = (version: string) => version.replace(/^v/, '').split('.')[0];
const expected = process.env.PROSPECT_TEST_NODE_MAJOR ?? major(process.version);

describe('the Node the CLI runs on', () => {
  it(`is Node ${expected}, in the built CLI, a plain node spawn and a node found on PATH`, () => {
    const hook = `data:text/javascript,${encodeURIComponent(
      "process.on('exit',()=>process.stderr.write('node='+process.version))",
    )}`;
    const r = cli(tempHome(), ['--version'], { NODE_OPTIONS: `--import=${hook}` });
    expect(r.code).toBe(0);
    expect(major(/node=(v[\d.]+)/.exec(r.stderr)?.[1] ?? '?')).toBe(expected);
    const byPath = spawnSync('node', ['-p', 'process.version'], { encoding: 'utf8' });
    expect(major(byPath.stdout.trim())).toBe(expected);
  });

  it("is one that package.json's engines names", () => {
    const engines: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines
      .node;
    const majors = [...engines.matchAll(/\^(\d+)/g)].map((m) => m[1]);
    expect(majors).toContain(expected);
  });
});
