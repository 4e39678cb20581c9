import { describe, expect, it } from 'vitest';
import { runIn, tempHome } from '../helpers.js';

describe('prospect help <command...>', () => {
  it('shows the help of a nested command, the same as --help does', async () => {
    const home = tempHome();
    for (const path of [
      ['quota', 'set'],
      ['off', 'rm'],
      ['referrals', 'snooze'],
      ['client', 'win'],
    ]) {
      const viaHelp = await runIn(home, ['help', ...path]);
      const viaFlag = await runIn(home, [...path, '--help']);
      expect(viaHelp.code).toBe(0);
      expect(viaHelp.stdout).toContain(`Usage: prospect ${path.join(' ')} `);
      expect(viaHelp.stdout).toBe(viaFlag.stdout);
    }
  });

  it('shows the top-level help, and one command', async () => {
    const home = tempHome();
    expect((await runIn(home, ['help'])).stdout).toContain('Usage: prospect [options] [command]');
    expect((await runIn(home, ['help', 'log'])).stdout).toContain('Usage: prospect log ');
  });

  it('refuses an unknown command with a suggestion, exit 2', async () => {
    const home = tempHome();
    const r = await runIn(home, ['help', 'quota', 'sett']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^prospect: .*'quota sett'.*did you mean 'set'/);
  });
});
