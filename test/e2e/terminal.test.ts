import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, cli, frozenClock, noon, runIn, tempHome } from '../helpers.js';

const ESC = '\u001b[';
const at = { now: noon('2026-11-23') };

async function withQuota(): Promise<string> {
  const home = tempHome();
  await runIn(home, ['quota', 'set', 'call', '40', '--per', 'day'], at);
  await runIn(home, ['log', 'call', '12'], at);
  return home;
}

describe('colour', () => {
  it('is on for a terminal', async () => {
    const home = await withQuota();
    expect((await runIn(home, ['status'], { ...at, tty: true })).stdout).toContain(ESC);
    expect((await runIn(home, ['status', '--short'], { ...at, tty: true })).stdout).toContain(ESC);
  });
  it('is off under NO_COLOR', async () => {
    const home = await withQuota();
    expect(
      (await runIn(home, ['status'], { ...at, tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain(ESC);
  });
  it('is off with --no-color, before or after the command', async () => {
    const home = await withQuota();
    expect(
      (await runIn(home, ['status', '--no-color'], { ...at, tty: true })).stdout,
    ).not.toContain(ESC);
    expect(
      (await runIn(home, ['--no-color', 'status'], { ...at, tty: true })).stdout,
    ).not.toContain(ESC);
  });
  it('is off under TERM=dumb', async () => {
    const home = await withQuota();
    expect(
      (await runIn(home, ['status'], { ...at, tty: true, env: { TERM: 'dumb' } })).stdout,
    ).not.toContain(ESC);
  });
  it('is off when stdout is not a terminal (a real pipe)', () => {
    const home = tempHome();
    cli(home, ['quota', 'set', 'call', '40', '--per', 'day']);
    const r = cli(home, ['status']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(cli(home, ['status', '--short']).stdout).toMatch(/^call 0\/40 streak 0d\n$/);
  });
  it('is on in a real pseudo-terminal (util-linux script)', () => {
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (probe.error) {
      throw new Error("this test needs util-linux 'script' (Debian: apt-get install -y bsdutils)");
    }
    const home = tempHome();
    cli(home, ['quota', 'set', 'call', '40', '--per', 'day']);
    const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} status`, '/dev/null'], {
      env: {
        ...process.env,
        PROSPECT_HOME: home,
        NO_COLOR: undefined,
        FORCE_COLOR: undefined,
        TERM: 'xterm',
      },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(ESC);
    expect(r.stdout).toContain('0/40');
  });
});

/** The calendar date a wall clock in `timeZone` shows at `instant`, computed without the CLI's code. */
function wallDate(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

describe("today is the user's local date", () => {
  // Kiritimati is UTC+14 and Pago Pago UTC-11: for most of every UTC day they are on different dates.
  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago'])('in %s', (tz) => {
    const home = tempHome();
    const before = new Date();
    const logged = cli(home, ['log', 'call'], { TZ: tz });
    const status = JSON.parse(cli(home, ['status', '--json'], { TZ: tz }).stdout);
    const after = new Date();
    expect(logged.code).toBe(0);
    const expected = [wallDate(tz, before), wallDate(tz, after)];
    expect(expected).toContain(status.date);
    const history = JSON.parse(cli(home, ['history', '--json'], { TZ: tz }).stdout);
    expect(expected).toContain(history[0].date);
  });
  // At 10:30 UTC on 23 Nov it is already the 24th in Kiritimati and still the 22nd in Pago Pago:
  // one instant, three dates, so a CLI that took UTC's date or the other zone's would fail here.
  const INSTANT = '2026-11-23T10:30:00Z';
  it.each([
    ['Pacific/Kiritimati', '2026-11-24', '2026-11-23', '2026-11-23'],
    ['Pacific/Pago_Pago', '2026-11-22', '2026-11-21', '2026-11-16'],
    ['UTC', '2026-11-23', '2026-11-22', '2026-11-16'],
  ])('at %s on one instant, today is %s (yesterday %s, mon %s)', (tz, day, yesterday, mon) => {
    expect(wallDate(tz, new Date(INSTANT))).toBe(day);
    const home = tempHome();
    const env = { TZ: tz, NODE_OPTIONS: frozenClock(INSTANT) };
    expect(JSON.parse(cli(home, ['status', '--json'], env).stdout).date).toBe(day);
    expect(cli(home, ['log', 'call', '--date', 'yesterday'], env).code).toBe(0);
    expect(cli(home, ['log', 'email', '--date', 'Mon'], env).code).toBe(0);
    const history = JSON.parse(
      cli(home, ['history', '--from', '2026-11-01', '--json'], env).stdout,
    );
    const dates = Object.fromEntries(
      history.map((e: { date: string; activity: string }) => [e.activity, e.date]),
    );
    expect(dates).toEqual({ call: yesterday, email: mon });
  });
});
