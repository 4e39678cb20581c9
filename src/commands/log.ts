import { idMaker } from '../app/ids.js';
import type { Ctx } from '../context.js';
import { activityPlural } from '../domain/activities.js';
import { removeEntryGroup } from '../domain/asks.js';
import { addDay } from '../domain/dates.js';
import { defaultWindow, funnel, soWhatNext } from '../domain/funnel.js';
import { recentFrom } from '../domain/history.js';
import { LIMITS } from '../domain/limits.js';
import { QuotaBook, Tally } from '../domain/quotas.js';
import { nearest } from '../domain/suggest.js';
import { type Entry, LEAD_SOURCES } from '../domain/types.js';
import { usage } from '../errors.js';
import {
  activityOption,
  choice,
  dateOption,
  dateOrToday,
  entryTime,
  MAX_COUNT,
  textOption,
  wholeNumber,
} from '../options.js';
import { longDay, plural, table, json as toJson } from '../render/format.js';
import { readStore, updateRecent, updateStore } from '../store/store.js';

interface LogOptions {
  date?: string;
  time?: string;
  note?: string;
  contact?: string;
  source?: string;
}

export async function log(
  ctx: Ctx,
  activityArg: string,
  countArg: string,
  opts: LogOptions,
): Promise<void> {
  const date = dateOrToday(opts.date, ctx.today, '--date', { write: true });
  const count = wholeNumber(countArg, 'count', 1, MAX_COUNT);
  const time = entryTime(opts.time, date, ctx.today, ctx.io.now());
  const note = opts.note === undefined ? undefined : textOption(opts.note, '--note');
  const contact =
    opts.contact === undefined ? undefined : textOption(opts.contact, '--contact', LIMITS.contact);
  const source =
    opts.source === undefined ? undefined : choice(opts.source, LEAD_SOURCES, '--source');
  const message = await updateRecent(ctx.store, recentFrom(date), (data) => {
    const activity = activityOption(activityArg, data.activities);
    const entry: Entry = {
      id: idMaker(data)(),
      date,
      activity,
      count,
    };
    if (time !== undefined) entry.time = time;
    if (note !== undefined) entry.note = note;
    if (contact !== undefined) entry.contact = contact;
    if (source !== undefined) entry.source = source;
    data.entries.push(entry);
    const dayTotal = Tally.of(data).count(date, activity);
    const quota = new QuotaBook(data.quotas).inForce(activity, date);
    const when = date === ctx.today ? 'today' : 'that day';
    const progress =
      quota?.per === 'day' ? `${dayTotal}/${quota.target} ${when}` : `${dayTotal} ${when}`;
    const logged = `Logged ${plural(count, activity, activityPlural(activity))} on ${longDay(date)} (${progress}; id ${entry.id}). Undo: prospect undo`;
    if (activity !== 'rejection') return logged;
    // So what, next: what a no is worth at the rep's own ratio, as of the day logged.
    const { from, to } = defaultWindow(date);
    const next = soWhatNext(funnel(data.entries, from, to).ratios.noesPerMeeting);
    return next === undefined ? logged : `${logged}\n${next}`;
  });
  ctx.io.stdout(`${message}\n`);
}

export function describe(entry: Entry): string {
  const extras = [
    entry.contact && `with ${entry.contact}`,
    entry.source && `source ${entry.source}`,
    entry.client && `client ${entry.client}`,
    entry.note && `"${entry.note}"`,
  ].filter(Boolean);
  return `${plural(entry.count, entry.activity)} on ${longDay(entry.date)}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

/** Without --from or --last, the text listing shows this many days, ending on the as-of day. */
const HISTORY_DAYS = 30;
const MAX_LAST = 1_000_000;

/**
 * The log, oldest first. `--date` is as of that day (nothing dated later is listed), `--from` and
 * `--to` bound the days, `--last N` keeps the N most recent entries. With none of `--from` and
 * `--last`, the listing for people shows the last 30 days and says on stderr how to see more;
 * `--json` lists every entry up to the as-of day unless an option narrows it (scripts get all).
 */
export async function history(
  ctx: Ctx,
  opts: { from?: string; to?: string; date?: string; last?: string; json?: boolean },
): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const last = opts.last === undefined ? undefined : wholeNumber(opts.last, '--last', 1, MAX_LAST);
  const explicitFrom =
    opts.from === undefined
      ? undefined
      : dateOption(opts.from, ctx.today, '--from', { write: false });
  let to = opts.to === undefined ? asOf : dateOption(opts.to, ctx.today, '--to', { write: false });
  if (to > asOf) to = asOf;
  if (explicitFrom !== undefined && explicitFrom > to)
    usage(`--from ${explicitFrom} is after --to ${to}: give --from on or before --to`);
  const windowed = explicitFrom === undefined && last === undefined && !opts.json;
  const from = windowed ? addDay(to, -(HISTORY_DAYS - 1)) : explicitFrom;
  const { data } = readStore(ctx.store);
  const upTo = data.entries
    .filter((e) => e.date <= to)
    // Oldest day first; within a day, timed entries by time, then the untimed ones in the order
    // they were added (Array#sort is stable): a time is never guessed for them.
    .sort((a, b) => {
      if (a.date !== b.date) return a.date < b.date ? -1 : 1;
      if (a.time === undefined || b.time === undefined)
        return a.time === b.time ? 0 : a.time === undefined ? 1 : -1;
      return a.time < b.time ? -1 : a.time > b.time ? 1 : 0;
    });
  let entries = from === undefined ? upTo : upTo.filter((e) => e.date >= from);
  if (last !== undefined) entries = entries.slice(-last);
  if (opts.json) {
    ctx.io.stdout(toJson(entries));
    return;
  }
  const older = windowed ? upTo.length - entries.length : 0;
  if (older > 0) {
    ctx.io.stderr(
      `Showing the last ${HISTORY_DAYS} days (${from} to ${to}); ${plural(older, 'older entry', 'older entries')} not shown: prospect history --last ${upTo.length}, or --from ${upTo[0]?.date}\n`,
    );
  }
  if (entries.length === 0) {
    ctx.io.stdout(
      older > 0
        ? `Nothing logged from ${from} to ${to}.\n`
        : 'Nothing logged in that range. Log something: prospect log call 5\n',
    );
    return;
  }
  const rows = [
    ['id', 'date', 'time', 'activity', 'count', 'details'],
    ...entries.map((e) => [
      e.id,
      e.date,
      e.time ?? '',
      e.activity,
      String(e.count),
      [
        e.contact && `with ${e.contact}`,
        e.source && `source ${e.source}`,
        e.client && `client ${e.client}`,
        e.outcome,
        e.note,
      ]
        .filter(Boolean)
        .join(' · '),
    ]),
  ];
  ctx.io.stdout(`${table(rows, [4]).join('\n')}\n`);
}

export async function undo(ctx: Ctx, opts: { date?: string } = {}): Promise<void> {
  const day =
    opts.date === undefined
      ? undefined
      : dateOption(opts.date, ctx.today, '--date', { write: true });
  const removed = await updateStore(ctx.store, (data) => {
    const last =
      day === undefined ? data.entries.at(-1) : data.entries.findLast((e) => e.date === day);
    if (!last) {
      usage(
        day === undefined
          ? 'there is nothing to undo: the log is empty'
          : `there is nothing to undo on ${day}: see 'prospect history --from ${day} --to ${day}'`,
      );
    }
    return removeEntryGroup(data, last.id);
  });
  ctx.io.stdout(removedText(removed));
}

export async function rm(ctx: Ctx, id: string): Promise<void> {
  const wanted = id.trim().toLowerCase();
  const removed = await updateStore(ctx.store, (data) => {
    const found = removeEntryGroup(data, wanted);
    if (found.length === 0) {
      const guess = nearest(
        wanted,
        data.entries.map((e) => e.id),
      );
      usage(
        `no entry has the id '${id}': ${guess ? `did you mean '${guess}'? ` : ''}see the ids with 'prospect history'`,
      );
    }
    return found;
  });
  ctx.io.stdout(removedText(removed));
}

function removedText(removed: readonly Entry[]): string {
  return `${removed.map((e) => `Removed ${describe(e)}, id ${e.id}.`).join('\n')}\n`;
}
