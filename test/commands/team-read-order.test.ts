import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIn, tempHome } from '../helpers.js';

// `team` reads every file before it checks any (issue 16 made it check each file as it is read):
// which message a user gets when several files are wrong must not change.

const weekly = (rep: string) =>
  JSON.stringify({
    schema: 'prospect.weekly-report/1',
    rep,
    week: '2026-W47',
    totals: { call: 10 },
    targets: { call: 20 },
    streak: { daily: { current: 1, longest: 1 } },
    referrals: { asked: 0, intros: 0, due: 0 },
  });
const lead = JSON.stringify({ schema: 'prospect.lead-report/1', rep: 'Lee' });

function folder(files: Record<string, string>): string {
  const dir = tempHome();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('team: the message when several files are wrong', () => {
  it('names a file that is not JSON before an earlier file that is no weekly report', async () => {
    const dir = folder({ 'a.json': '{"schema":"nope"}', 'b.json': weekly('Bo'), 'c.json': 'x' });
    const r = await runIn(tempHome(), ['team', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^prospect: \S*c\.json is not JSON \(.*\): give reports made with/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('names the first file that is no weekly report, once every file reads', async () => {
    const dir = folder({ 'a.json': weekly('Al'), 'b.json': '[]', 'c.json': '{"schema":"nope"}' });
    const r = await runIn(tempHome(), ['team', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `prospect: ${join(dir, 'b.json')} is not a weekly report: it is not a JSON object\n`,
    );
  });

  it('among lead reports, names the first other file as no lead report, broken or not', async () => {
    const dir = folder({ 'a.json': '{"schema":"nope"}', 'b.json': lead, 'c.json': weekly('Cy') });
    const r = await runIn(tempHome(), ['team', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^prospect: ${join(dir, 'a.json')} is not a lead report: give only`),
    );
    const ok = folder({ 'a.json': weekly('Al'), 'b.json': lead });
    const mixed = await runIn(tempHome(), ['team', ok]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(
      new RegExp(`^prospect: ${join(ok, 'a.json')} is not a lead report: give only`),
    );
  });
});

describe('team: the files of a folder', () => {
  it('are named as path.join names them, however the folder is written', async () => {
    const dir = folder({ 'a.json': weekly('Al'), 'b.JSON': weekly('Bo'), 'notes.txt': 'x' });
    for (const arg of [dir, `${dir}/`, `${dir}//./`, `${dir}/../${dir.split('/').pop()}`]) {
      const r = await runIn(tempHome(), ['team', arg, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const files = JSON.parse(r.stdout).reps.map((x: { file: string }) => x.file);
      expect(files.sort()).toEqual([join(arg, 'a.json'), join(arg, 'b.JSON')]);
    }
  });
});
