import type { Ctx } from '../context.js';
import { Calendar } from '../domain/calendar.js';
import { plan as buildPlan, PLAN_ACTIVITIES, PLAN_PERIODS } from '../domain/plan.js';
import { choice, dateOrToday, MAX_COUNT, wholeNumber } from '../options.js';
import { json } from '../render/format.js';
import { renderPlan } from '../render/outcomes.js';
import { readStore } from '../store/store.js';

export async function plan(
  ctx: Ctx,
  activityArg: string,
  nArg: string,
  opts: { per: string; date?: string; json?: boolean },
): Promise<void> {
  const activity = choice(
    activityArg === 'meetings'
      ? 'meeting'
      : activityArg === 'meetings-held'
        ? 'meeting-held'
        : activityArg,
    PLAN_ACTIVITIES,
    'activity',
  );
  const target = wholeNumber(nArg, 'n', 1, MAX_COUNT);
  const per = choice(opts.per, PLAN_PERIODS, '--per');
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const { data } = readStore(ctx.store);
  const calendar = new Calendar(data.settings.workdays, data.daysOff);
  const p = buildPlan({ entries: data.entries, calendar, asOf, activity, target, per });
  ctx.io.stdout(opts.json ? json(p) : renderPlan(p));
}
