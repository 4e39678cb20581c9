import { DEFAULT_FOLLOW_UP_DAYS } from '../domain/leads.js';
import { nearest } from '../domain/suggest.js';
import { type Settings, WEEKDAYS, type Weekday } from '../domain/types.js';
import { usage } from '../errors.js';
import { textOption, wholeNumber } from '../options.js';
import type { Ctx } from '../program.js';
import { json } from '../render/format.js';
import { readStore, storePath, updateStore } from '../store/store.js';

const KEYS = [
  'name',
  'workdays',
  'referral.cadenceDays',
  'referral.firstAskAfterDays',
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

function read(settings: Settings, k: Key): string | number | string[] {
  switch (k) {
    case 'name':
      return settings.name;
    case 'workdays':
      return settings.workdays;
    case 'referral.cadenceDays':
      return settings.referral.cadenceDays;
    case 'referral.firstAskAfterDays':
      return settings.referral.firstAskAfterDays;
    case 'lead.followUpDays':
      return settings.lead?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS;
  }
}

const show = (value: string | number | string[]) =>
  Array.isArray(value) ? value.join(',') : String(value);

const FULL_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** `mon,tue,wed` (or full names) to workdays in week order. */
export function parseWorkdays(value: string): Weekday[] {
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

export async function configGet(
  ctx: Ctx,
  keyArg: string | undefined,
  opts: { json?: boolean },
): Promise<void> {
  const k = keyArg === undefined ? undefined : key(keyArg);
  const { settings } = readStore().data;
  if (k !== undefined) {
    ctx.io.stdout(opts.json ? json(read(settings, k)) : `${show(read(settings, k))}\n`);
    return;
  }
  if (opts.json) {
    ctx.io.stdout(json(Object.fromEntries(KEYS.map((each) => [each, read(settings, each)]))));
    return;
  }
  ctx.io.stdout(KEYS.map((each) => `${each} = ${show(read(settings, each))}\n`).join(''));
}

export async function configSet(ctx: Ctx, keyArg: string, value: string): Promise<void> {
  const k = key(keyArg);
  const saved = await updateStore((data) => {
    const s = data.settings;
    switch (k) {
      case 'name':
        s.name = textOption(value, 'name', 100);
        break;
      case 'workdays':
        s.workdays = parseWorkdays(value);
        break;
      case 'referral.cadenceDays':
        s.referral.cadenceDays = wholeNumber(value, 'referral.cadenceDays', 1, 3650);
        break;
      case 'referral.firstAskAfterDays':
        s.referral.firstAskAfterDays = wholeNumber(value, 'referral.firstAskAfterDays', 0, 3650);
        break;
      case 'lead.followUpDays':
        s.lead = { followUpDays: wholeNumber(value, 'lead.followUpDays', 1, 365) };
        break;
    }
    return read(s, k);
  });
  ctx.io.stdout(`${k} = ${show(saved)}\n`);
}

export async function where(ctx: Ctx): Promise<void> {
  ctx.io.stdout(`${storePath()}\n`);
}
