import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachDay, weekdayIndex } from '../../src/domain/dates.js';
import { listBackups } from '../../src/store/backup.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { noon, ROOT, readStoreJson, runIn, storeBytes, storeFile, tempHome } from '../helpers.js';

const json = (text: string) => JSON.parse(text);

/** 10 calls on every Monday..Friday from 2026-10-26 to 2026-11-18 (18 days), a quota of 10 a day. */
async function eighteenDays(home: string) {
  const at = { now: noon('2026-11-19') };
  expect(
    (await runIn(home, ['quota', 'set', 'call', '10', '--per', 'day', '--from', '2026-10-01'], at))
      .code,
  ).toBe(0);
  for (const day of eachDay('2026-10-26', '2026-11-18')) {
    const weekday = weekdayIndex(day);
    if (weekday === 0 || weekday === 6) continue;
    expect((await runIn(home, ['log', 'call', '10', '--date', day], at)).code).toBe(0);
  }
}

describe('dated workdays (config set workdays --from D)', () => {
  it('adding Saturday from a day on leaves an earlier 18-day streak and last week unchanged', async () => {
    const home = tempHome();
    await eighteenDays(home);
    const thu = { now: noon('2026-11-19') };
    const streakBefore = json((await runIn(home, ['streak', '--json'], thu)).stdout);
    expect(streakBefore.daily.current).toBe(18);
    const lastWeek = ['report', '--week', '2026-W46', '--json'];
    const reportBefore = json((await runIn(home, lastWeek, thu)).stdout);
    expect(reportBefore).toMatchObject({ scoringDays: 5, percent: 100 });

    const set = await runIn(home, ['config', 'set', 'workdays', 'mon,tue,wed,thu,fri,sat'], thu);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe(
      'workdays = mon,tue,wed,thu,fri,sat from today (days before keep mon,tue,wed,thu,fri)\n',
    );

    const streakAfter = json((await runIn(home, ['streak', '--json'], thu)).stdout);
    expect(streakAfter.daily).toEqual(streakBefore.daily);
    expect(json((await runIn(home, lastWeek, thu)).stdout)).toMatchObject({
      scoringDays: 5,
      percent: 100,
      days: reportBefore.days,
    });
    // From today on Saturday counts: this week has 6 scoring days, and Saturday 21 is one.
    const thisWeek = json((await runIn(home, ['report', '--json'], thu)).stdout);
    expect(thisWeek.scoringDays).toBe(6);
    const sat = { now: noon('2026-11-21') };
    expect(json((await runIn(home, ['status', '--json'], sat)).stdout).scoringDay).toBe(true);
    // A Saturday before the change is still not a workday.
    const oldSat = json(
      (await runIn(home, ['status', '--json', '--date', '2026-11-14'], sat)).stdout,
    );
    expect(oldSat.scoringDay).toBe(false);
  });

  it('a change from a future day: today keeps the workdays in force, that day on uses the new ones', async () => {
    const home = tempHome();
    const at = { now: noon('2026-11-23') };
    const set = await runIn(
      home,
      ['config', 'set', 'workdays', 'mon,tue,wed,thu', '--from', '2026-12-07'],
      at,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe(
      'workdays = mon,tue,wed,thu from 2026-12-07 (days before keep mon,tue,wed,thu,fri)\n',
    );
    expect((await runIn(home, ['config', 'get', 'workdays'], at)).stdout).toBe(
      'mon,tue,wed,thu,fri\n',
    );
    expect(
      (await runIn(home, ['config', 'get', 'workdays', '--date', '2026-12-07'], at)).stdout,
    ).toBe('mon,tue,wed,thu\n');
    expect(json((await runIn(home, ['config', 'get', '--json'], at)).stdout)).toMatchObject({
      workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      workdaysHistory: [
        { from: null, days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
        { from: '2026-12-07', days: ['mon', 'tue', 'wed', 'thu'] },
      ],
    });
    expect((await runIn(home, ['config', 'get'], at)).stdout).toContain(
      'workdays = mon,tue,wed,thu,fri (dated: mon,tue,wed,thu,fri; from 2026-12-07 mon,tue,wed,thu)\n',
    );
    // Fridays: this one scores, the one after the change does not.
    const friNow = { now: noon('2026-11-27') };
    expect(json((await runIn(home, ['status', '--json'], friNow)).stdout).scoringDay).toBe(true);
    const friLater = { now: noon('2026-12-11') };
    expect(json((await runIn(home, ['status', '--json'], friLater)).stdout).scoringDay).toBe(false);
    // Setting the same day again replaces that change; the others stay.
    await runIn(home, ['config', 'set', 'workdays', 'mon,tue', '--from', '2026-12-07'], at);
    expect(readStoreJson(home).settings).toMatchObject({
      workdays: [
        { from: null, days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
        { from: '2026-12-07', days: ['mon', 'tue'] },
      ],
    });
  });

  it('--from is refused on other settings and when it is not a date, the store untouched', async () => {
    const home = tempHome();
    const at = { now: noon('2026-11-23') };
    await runIn(home, ['config', 'set', 'name', 'Sam'], at);
    const before = storeBytes(home);
    const other = await runIn(home, ['config', 'set', 'name', 'Kim', '--from', '2026-12-01'], at);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--from applies to workdays only');
    const bad = await runIn(home, ['config', 'set', 'workdays', 'mon', '--from', '2026-13-01'], at);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--from '2026-13-01' is not a date");
    expect(storeBytes(home)).toEqual(before);
  });

  it('a schema-1 store keeps its workdays from the beginning, and is backed up before the change', async () => {
    const home = tempHome();
    copyFileSync(join(ROOT, 'test', 'fixtures', 'store-v1.json'), storeFile(home));
    const before = readFileSync(storeFile(home), 'utf8');
    const at = { now: noon('2026-11-23') };
    const r = await runIn(home, ['config', 'set', 'workdays', 'mon,tue,wed,thu,fri,sat'], at);
    expect(r.code, r.stderr).toBe(0);
    const after = readStoreJson(home);
    expect(after.schemaVersion).toBe(SCHEMA_VERSION);
    expect(after.settings).toMatchObject({
      workdays: [
        { from: null, days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
        { from: '2026-11-23', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
      ],
    });
    // Last week (the fixture's) reads as it did: 5 scoring days but for the day off.
    const sat = await runIn(home, ['status', '--json', '--date', '2026-11-21'], at);
    expect(json(sat.stdout).scoringDay).toBe(false);
    const copy = listBackups(storeFile(home)).find((b) =>
      b.endsWith(`-before-schema-${SCHEMA_VERSION}.json`),
    );
    expect(readFileSync(copy as string, 'utf8')).toBe(before);
  });
});
