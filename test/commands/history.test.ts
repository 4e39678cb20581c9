import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { noon, runIn, storeBytes, tempHome } from '../helpers.js';

const at = { now: noon('2026-11-27') };

async function seeded(): Promise<string> {
  const home = tempHome();
  for (const d of ['2025-06-02', '2026-10-01', '2026-10-29', '2026-11-20', '2026-11-27'])
    await runIn(home, ['log', 'call', '1', '--date', d], at);
  await runIn(home, ['log', 'email', '2', '--date', '2026-11-20'], at);
  return home;
}

const datesIn = (stdout: string) => [...stdout.matchAll(/\d{4}-\d\d-\d\d/g)].map((m) => m[0]);

describe('history', () => {
  it('without --from or --last lists the last 30 days and says on stderr how to see more', async () => {
    const home = await seeded();
    const r = await runIn(home, ['history'], at);
    expect(r.code).toBe(0);
    expect(datesIn(r.stdout)).toEqual(['2026-10-29', '2026-11-20', '2026-11-20', '2026-11-27']);
    expect(r.stderr).toBe(
      'Showing the last 30 days (2026-10-29 to 2026-11-27); 2 older entries not shown: prospect history --last 6, or --from 2025-06-02\n',
    );
    // The --last it suggests shows every entry, the hidden ones too.
    const all = await runIn(home, ['history', '--last', '6'], at);
    expect(datesIn(all.stdout)).toHaveLength(6);
    expect(all.stderr).toBe('');
  });

  it('the hint covers more than 100 hidden entries', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '1', '--date', '2026-11-27'], at);
    for (let i = 0; i < 120; i++)
      await runIn(home, ['log', 'call', '1', '--date', '2026-01-05'], at);
    const r = await runIn(home, ['history'], at);
    expect(r.stderr).toContain('120 older entries not shown: prospect history --last 121,');
  }, 30_000);

  it('within a day: timed entries by time, then the untimed ones in the order they were added', async () => {
    const home = tempHome();
    const day = ['--date', '2026-11-20'];
    await runIn(home, ['log', 'call', '5', ...day, '--time', '15:00'], at);
    await runIn(home, ['log', 'meeting', '1', ...day], at);
    await runIn(home, ['log', 'email', '2', ...day, '--time', '09:00'], at);
    await runIn(home, ['log', 'conversation', '1', ...day], at);
    await runIn(home, ['log', 'social', '1', ...day, '--time', '11:30'], at);
    const order = ['email', 'social', 'call', 'meeting', 'conversation'];
    const text = (await runIn(home, ['history'], at)).stdout;
    expect([...text.matchAll(/2026-11-20 +(?:\d\d:\d\d +)?(\S+)/g)].map((m) => m[1])).toEqual(
      order,
    );
    const json = JSON.parse((await runIn(home, ['history', '--json'], at)).stdout);
    expect(json.map((e: { activity: string }) => e.activity)).toEqual(order);
  });

  it('the 30 days end on --date (as of), and nothing dated later is listed', async () => {
    const home = await seeded();
    const r = await runIn(home, ['history', '--date', '2026-11-19'], at);
    expect(datesIn(r.stdout)).toEqual(['2026-10-29']);
    expect(r.stderr).toContain('(2026-10-21 to 2026-11-19); 2 older entries');
  });

  it('says nothing extra when nothing older is hidden', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '1', '--date', '2026-11-20'], at);
    expect((await runIn(home, ['history'], at)).stderr).toBe('');
  });

  it('--last N lists the N most recent entries, oldest first, from any time', async () => {
    const home = await seeded();
    const r = await runIn(home, ['history', '--last', '3'], at);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /2026-11-20 +call[\s\S]*2026-11-20 +email[\s\S]*2026-11-27 +(\d\d:\d\d +)?call/,
    );
    expect(datesIn(r.stdout)).toEqual(['2026-11-20', '2026-11-20', '2026-11-27']);
    const all = await runIn(home, ['history', '--last', '50'], at);
    expect(datesIn(all.stdout)).toHaveLength(6);
    const asOf = await runIn(
      home,
      ['history', '--last', '2', '--date', '2026-11-19', '--json'],
      at,
    );
    expect(JSON.parse(asOf.stdout).map((e: { date: string }) => e.date)).toEqual([
      '2026-10-01',
      '2026-10-29',
    ]);
  });

  it('--from lists from that day, with no 30-day limit', async () => {
    const home = await seeded();
    const r = await runIn(home, ['history', '--from', '2025-01-01'], at);
    expect(datesIn(r.stdout)).toHaveLength(6);
    expect(r.stderr).toBe('');
  });

  it('--json is an array of every entry up to the as-of day unless an option narrows it', async () => {
    const home = await seeded();
    const json = JSON.parse((await runIn(home, ['history', '--json'], at)).stdout);
    expect(json).toHaveLength(6);
    expect(json[0]).toMatchObject({ date: '2025-06-02', activity: 'call', count: 1 });
    expect(typeof json[0].id).toBe('string');
  });

  it('refuses a bad --last with exit 2, store untouched', async () => {
    const home = await seeded();
    const before = storeBytes(home);
    for (const bad of ['0', '-3', 'ten', '2.5']) {
      const r = await runIn(home, ['history', '--last', bad], at);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--last '${bad}' is not a whole number from 1 to`);
    }
    expect(storeBytes(home)).toEqual(before);
  });

  it('help says --date is as of, and what --json gives', () => {
    const help = buildProgram({
      stdout: () => {},
      stderr: () => {},
      stdoutIsTTY: false,
      stdinIsTTY: false,
      env: {},
      now: () => new Date(),
    })
      .commands.find((c) => c.name() === 'history')
      ?.helpInformation();
    expect(help).toMatch(/--date <YYYY-MM-DD> +as of this day: nothing dated later is listed/);
    expect(help).toMatch(/--last <n>/);
    expect(help).toMatch(/--json +print one JSON array of the entries \(all up to --date/);
  });
});
