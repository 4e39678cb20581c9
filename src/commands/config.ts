import type { Ctx } from '../context.js';
import { addDay } from '../domain/dates.js';
import { DEFAULT_FOLLOW_UP_DAYS } from '../domain/leads.js';
import { LIMITS } from '../domain/limits.js';
import { prospectFirstBefore } from '../domain/prospect-first.js';
import { nearest } from '../domain/suggest.js';
import {
  type Day,
  type Settings,
  WEEKDAYS,
  type Weekday,
  type WorkdaysChange,
} from '../domain/types.js';
import { setWorkdays, workdaysOn } from '../domain/workdays.js';
import { usage } from '../errors.js';
import { dateOrToday, textOption, timeOption, wholeNumber } from '../options.js';
import { json } from '../render/format.js';
import { readStore, storePath, updateStore } from '../store/store.js';

const KEYS = [
  'name',
  'workdays',
  'referral.cadenceDays',
  'referral.firstAskAfterDays',
  'prospectFirstBefore',
  'lead.followUpDays',
] as const;
type Key = (typeof KEYS)[number];

function key(input: string): Key {
  const found = KEYS.find((k) => k.toLowerCase() === input.toLowerCase());
  if (found) return found;
  const guess = nearest(input, KEYS);
  usage(
    `unknown setting '${input}': ${guess ? `did you mean '${guess}'? ` : ''}settings are ${KEYS.join(', ')}`,
  );
}

/** A setting's value; workdays are dated, so those in force on `asOf`. */
function read(settings: Settings, k: Key, asOf: Day): string | number | string[] {
  switch (k) {
    case 'name':
      return settings.name;
    case 'workdays':
      return workdaysOn(settings.workdays, asOf);
    case 'referral.cadenceDays':
      return settings.referral.cadenceDays;
    case 'referral.firstAskAfterDays':
      return settings.referral.firstAskAfterDays;
    case 'prospectFirstBefore':
      return prospectFirstBefore(settings);
    case 'lead.followUpDays':
      return settings.lead?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS;
  }
}

const show = (value: string | number | string[]) =>
  Array.isArray(value) ? value.join(',') : String(value);

const FULL_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** `mon,tue,wed` (or full names) to workdays in week order. */
function parseWorkdays(value: string): Weekday[] {
  const parts = value
    .toLowerCase()
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const days = new Set<Weekday>();
  for (const part of parts) {
    const day = WEEKDAYS.find((w, i) => part === w || part === FULL_NAMES[i]);
    if (!day)
      usage(
        `workday '${part}' is not one of ${WEEKDAYS.join(', ')}: give a comma-separated list, like mon,tue,wed,thu,fri`,
      );
    days.add(day);
  }
  if (days.size === 0)
    usage(`workdays '${value}' is empty: give a comma-separated list, like mon,tue,wed,thu,fri`);
  return WEEKDAYS.filter((w) => days.has(w));
}

/** The dated workdays in words, when they ever changed: `mon,...,fri until 2026-11-22, then ...`. */
function workdaysStory(history: readonly WorkdaysChange[]): string {
  if (history.length < 2) return '';
  const steps = history.map((c) =>
    c.from === null ? c.days.join(',') : `from ${c.from} ${c.days.join(',')}`,
  );
  return ` (dated: ${steps.join('; ')})`;
}

export async function configGet(
  ctx: Ctx,
  keyArg: string | undefined,
  opts: { json?: boolean; date?: string },
): Promise<void> {
  const k = keyArg === undefined ? undefined : key(keyArg);
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const { settings } = readStore(ctx.store).data;
  if (k !== undefined) {
    const value = read(settings, k, asOf);
    ctx.io.stdout(opts.json ? json(value) : `${show(value)}\n`);
    return;
  }
  if (opts.json) {
    const all: Record<string, unknown> = Object.fromEntries(
      KEYS.map((each) => [each, read(settings, each, asOf)]),
    );
    // The whole dated history besides what is in force: the first change's from is null.
    all.workdaysHistory = settings.workdays;
    ctx.io.stdout(json(all));
    return;
  }
  ctx.io.stdout(
    KEYS.map(
      (each) =>
        `${each} = ${show(read(settings, each, asOf))}${each === 'workdays' ? workdaysStory(settings.workdays) : ''}\n`,
    ).join(''),
  );
}

export async function configSet(
  ctx: Ctx,
  keyArg: string,
  value: string,
  opts: { from?: string } = {},
): Promise<void> {
  const k = key(keyArg);
  if (opts.from !== undefined && k !== 'workdays') {
    usage(`--from applies to workdays only (they are dated); ${k} has one value: leave --from out`);
  }
  // Like a quota, workdays may change from a future day on; days before keep theirs.
  const from = dateOrToday(opts.from, ctx.today, '--from', { write: false });
  const saved = await updateStore(ctx.store, (data) => {
    const s = data.settings;
    switch (k) {
      case 'name':
        s.name = textOption(value, 'name', LIMITS.repName);
        break;
      case 'workdays': {
        const days = parseWorkdays(value);
        const before = workdaysOn(s.workdays, addDay(from, -1));
        s.workdays = setWorkdays(s.workdays, days, from);
        const when = from === ctx.today ? 'from today' : `from ${from}`;
        return `${days.join(',')} ${when} (days before keep ${before.join(',')})`;
      }
      case 'referral.cadenceDays':
        s.referral.cadenceDays = wholeNumber(value, 'referral.cadenceDays', 1, LIMITS.cadenceDays);
        break;
      case 'referral.firstAskAfterDays':
        s.referral.firstAskAfterDays = wholeNumber(
          value,
          'referral.firstAskAfterDays',
          0,
          LIMITS.cadenceDays,
        );
        break;
      case 'prospectFirstBefore':
        s.prospectFirstBefore = timeOption(value, 'prospectFirstBefore');
        break;
      case 'lead.followUpDays':
        s.lead = { followUpDays: wholeNumber(value, 'lead.followUpDays', 1, LIMITS.followUpDays) };
        break;
    }
    return show(read(s, k, from));
  });
  ctx.io.stdout(`${k} = ${saved}\n`);
}

export async function where(ctx: Ctx): Promise<void> {
  ctx.io.stdout(`${storePath(ctx.store.home)}\n`);
}
