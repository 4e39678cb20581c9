import { LIMITS } from '../domain/limits.js';
import { WEEKDAYS } from '../domain/types.js';
import { shown } from '../errors.js';
import {
  isDay,
  isObject,
  TIME,
  textProblem,
  unknownProblem,
  wholeProblem,
} from './validate-fields.js';

const SETTINGS_FIELDS = new Set(['name', 'workdays', 'referral', 'prospectFirstBefore', 'lead']);

/** The first thing wrong with a store's settings, or undefined. */
export function settingsProblem(s: unknown): string | undefined {
  if (!isObject(s)) return 'settings is missing';
  if (typeof s.name !== 'string') return `settings.name ${shown(s.name)} is not text`;
  if (s.name !== '') {
    const p = textProblem(s.name, 'settings.name', LIMITS.repName);
    if (p) return p;
  }
  const workdays = workdaysProblem(s.workdays);
  if (workdays) return workdays;
  const r = s.referral;
  if (!isObject(r)) return 'settings.referral is not two whole numbers';
  const referral =
    wholeProblem(r.cadenceDays, 'settings.referral.cadenceDays', 1, LIMITS.cadenceDays) ??
    wholeProblem(r.firstAskAfterDays, 'settings.referral.firstAskAfterDays', 0, LIMITS.cadenceDays);
  if (referral) return referral;
  if (
    s.prospectFirstBefore !== undefined &&
    (typeof s.prospectFirstBefore !== 'string' || !TIME.test(s.prospectFirstBefore))
  ) {
    return `settings.prospectFirstBefore ${shown(s.prospectFirstBefore)} is not a time: use HH:MM, 24-hour local time`;
  }
  if (s.lead !== undefined) {
    if (!isObject(s.lead)) return `settings.lead ${shown(s.lead)} is not { "followUpDays": n }`;
    const p = wholeProblem(
      s.lead.followUpDays,
      'settings.lead.followUpDays',
      0,
      LIMITS.cadenceDays,
    );
    if (p) return p;
  }
  return unknownProblem(s, SETTINGS_FIELDS, 'settings');
}

/**
 * What is wrong with a workdays history, or undefined: a list of `{ from, days }`, the first from
 * the beginning (`from: null`), the rest on real days in increasing order, each with at least one
 * of mon..sun, none twice.
 */
function workdaysProblem(history: unknown): string | undefined {
  if (!Array.isArray(history) || history.length === 0) {
    return 'settings.workdays is not a list of workdays changes ({ "from": null, "days": ["mon", ...] } first)';
  }
  let last = '';
  for (let i = 0; i < history.length; i++) {
    const c = history[i];
    const at = `settings.workdays[${i}]`;
    if (!isObject(c)) return `${at} is not a workdays change ({ "from": ..., "days": [...] })`;
    if (i === 0 && c.from !== null)
      return `${at}.from is not null: the first workdays hold from the beginning`;
    if (i > 0) {
      if (!isDay(c.from)) return `${at}.from ${shown(c.from)} is not a date: use YYYY-MM-DD`;
      if (c.from <= last) return `${at}.from ${c.from} is not after the change before it`;
      last = c.from;
    }
    const days = c.days;
    if (
      !Array.isArray(days) ||
      days.length === 0 ||
      !days.every((w) => WEEKDAYS.includes(w)) ||
      new Set(days).size !== days.length
    ) {
      return `${at}.days is not a list of mon..sun (at least one, none twice)`;
    }
    const p = unknownProblem(c, new Set(['from', 'days']), at);
    if (p) return p;
  }
  return undefined;
}
