import type { Ctx } from '../context.js';
import { LIMITS } from '../domain/limits.js';
import { QuotaBook } from '../domain/quotas.js';
import { PERIODS, type Period } from '../domain/types.js';
import { usage } from '../errors.js';
import { activityOption, choice, dateOrToday, wholeNumber } from '../options.js';
import { plural, table, json as toJson } from '../render/format.js';
import { readStore, updateStore } from '../store/store.js';

const PER_WORD: Record<Period, string> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
  quarter: 'a quarter',
};

export async function quotaSet(
  ctx: Ctx,
  activityArg: string,
  n: string,
  opts: { per: string; from?: string },
): Promise<void> {
  const message = await updateStore(ctx.store, (data) => {
    const activity = activityOption(activityArg, data.activities);
    const target = wholeNumber(n, 'target', 1, LIMITS.count);
    const per = choice(opts.per, PERIODS, '--per');
    // A quota may start in the future (next quarter's target), unlike logged activity.
    const from = dateOrToday(opts.from, ctx.today, '--from', { write: false });
    data.quotas = data.quotas.filter((q) => !(q.activity === activity && q.from === from));
    data.quotas.push({ activity, per, target, from });
    const when = from === ctx.today ? 'from today' : `from ${from}`;
    return `Quota set: ${plural(target, activity)} ${PER_WORD[per]}, ${when}. Earlier days keep their old target.`;
  });
  ctx.io.stdout(`${message}\n`);
}

export async function quotaRm(
  ctx: Ctx,
  activityArg: string,
  opts: { from?: string },
): Promise<void> {
  const message = await updateStore(ctx.store, (data) => {
    const activity = activityOption(activityArg, data.activities);
    const from = dateOrToday(opts.from, ctx.today, '--from', { write: false });
    const current = new QuotaBook(data.quotas).inForce(activity, from);
    if (!current)
      usage(`there is no quota on ${activity} on ${from} to end: see 'prospect quota list'`);
    data.quotas = data.quotas.filter((q) => !(q.activity === activity && q.from === from));
    data.quotas.push({ activity, per: current.per, target: null, from });
    return `Quota on ${activity} ended from ${from === ctx.today ? 'today' : from}. Days before keep it.`;
  });
  ctx.io.stdout(`${message}\n`);
}

export async function quotaList(ctx: Ctx, opts: { date?: string; json?: boolean }): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const { data } = readStore(ctx.store);
  const quotas = new QuotaBook(data.quotas).allInForce(asOf);
  if (opts.json) {
    ctx.io.stdout(
      toJson(quotas.map(({ activity, per, target, from }) => ({ activity, per, target, from }))),
    );
    return;
  }
  if (quotas.length === 0) {
    ctx.io.stdout(`No quotas in force on ${asOf}. Set one: prospect quota set call 40 --per day\n`);
    return;
  }
  const rows = [
    ['activity', 'target', 'per', 'since'],
    ...quotas.map((q) => [q.activity, String(q.target), q.per, q.from]),
  ];
  ctx.io.stdout(`${table(rows, [1]).join('\n')}\n`);
}

/** `quota suggest`: a target per activity from the rep's own last N complete weeks (SPEC). */
export async function quotaSuggest(
  ctx: Ctx,
  opts: { weeks?: string; date?: string; json?: boolean },
): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const weeks = opts.weeks === undefined ? 12 : wholeNumber(opts.weeks, '--weeks', 1, 52);
  const { data } = readStore(ctx.store);
  const { suggestTargets } = await import('../domain/targets.js');
  const s = suggestTargets(data, { asOf, weeks });
  if (opts.json) {
    ctx.io.stdout(toJson(s));
    return;
  }
  const { renderSuggestText } = await import('../render/suggest.js');
  ctx.io.stdout(renderSuggestText(s));
}
