import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unnamedRep } from '../../src/commands/report/index.js';
import { noon, runIn, tempHome } from '../helpers.js';

const at = { now: noon('2026-11-27') };

describe('a report without config set name', () => {
  it('names the rep after the store folder and says on stderr how to set a name', async () => {
    const home = join(tempHome(), 'sam-rivera');
    mkdirSync(home);
    await runIn(home, ['log', 'call', '5'], at);
    const r = await runIn(home, ['report', '--format', 'json'], at);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rep).toBe('sam-rivera');
    expect(r.stderr).toBe(
      `no name set (prospect config set name "Your Name"): this report calls you 'sam-rivera'\n`,
    );
    const text = await runIn(home, ['report'], at);
    expect(text.stdout).toContain('sam-rivera');
  });

  it('says nothing once a name is set', async () => {
    const home = tempHome();
    await runIn(home, ['config', 'set', 'name', 'Sam Rivera'], at);
    const r = await runIn(home, ['report', '--format', 'json'], at);
    expect(JSON.parse(r.stdout).rep).toBe('Sam Rivera');
    expect(r.stderr).toBe('');
  });

  it('is "unnamed rep" without a PROSPECT_HOME folder to name it after', () => {
    expect(unnamedRep(undefined)).toBe('unnamed rep');
    expect(unnamedRep('/')).toBe('unnamed rep');
    expect(unnamedRep('/home/x/alex\u001b[31m')).toBe('alex\\u001b[31m');
  });

  it('team input without a rep is named after its file, with a note on stderr', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '5'], at);
    const report = JSON.parse((await runIn(home, ['report', '--format', 'json'], at)).stdout);
    report.rep = '';
    const file = join(home, 'alex.json');
    writeFileSync(file, JSON.stringify(report));
    const r = await runIn(home, ['team', file, '--format', 'json'], at);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).reps[0].rep).toBe('alex');
    expect(r.stderr).toBe(
      `${file} names no rep: shown as 'alex'; the rep sets a name with prospect config set name "Their Name"\n`,
    );
    expect(readFileSync(file, 'utf8')).toContain('"rep":""');
  });
});
