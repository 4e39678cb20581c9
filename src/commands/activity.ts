import type { Ctx } from '../context.js';
import { ACTIVITY_NAME, allActivities, BUILT_IN_ACTIVITIES } from '../domain/activities.js';
import { LIMITS } from '../domain/limits.js';
import { usage } from '../errors.js';
import { json } from '../render/format.js';
import { prospectCommand } from '../render/words.js';
import { readStore, updateStore } from '../store/store.js';

const DESCRIPTIONS: Record<string, string> = {
  call: 'a prospecting call',
  email: 'a prospecting email',
  social: 'a social-media touch',
  meeting: 'a meeting booked',
  'referral-ask': 'a client asked for a referral',
  referral: 'an introduction received',
  networking: 'a networking conversation',
  event: 'a trade show or conference',
  upsell: 'an upsell to an existing customer',
  rejection: 'a "no": some will, some won\'t, so what, next',
  conversation: 'a live conversation with a prospect (a call that connected, a real talk)',
  'meeting-held': 'a booked meeting that took place',
  'no-show': 'a booked meeting the prospect missed',
};

export async function activityAdd(ctx: Ctx, nameArg: string): Promise<void> {
  const name = nameArg.trim();
  if (!ACTIVITY_NAME.test(name) || name.length > LIMITS.activityName) {
    usage(
      `activity name '${nameArg}' is not accepted: use lower-case letters, digits and hyphens, starting with a letter (up to 40)`,
    );
  }
  await updateStore(ctx.store, (data) => {
    const known = allActivities(data.activities);
    const clash = known.find((a) => a === name || `${a}s` === name || a === `${name}s`);
    if (clash) usage(`activity '${name}' exists already as '${clash}'`);
    data.activities.push(name);
  });
  ctx.io.stdout(`Added activity ${name}. Log it: ${prospectCommand('log', name, '1')}\n`);
}

export async function activityList(ctx: Ctx, opts: { json?: boolean }): Promise<void> {
  const { data } = readStore(ctx.store);
  if (opts.json) {
    ctx.io.stdout(
      json([
        ...BUILT_IN_ACTIVITIES.map((name) => ({ name, builtIn: true })),
        ...data.activities.map((name) => ({ name, builtIn: false })),
      ]),
    );
    return;
  }
  const width = Math.max(...allActivities(data.activities).map((a) => a.length));
  const lines = BUILT_IN_ACTIVITIES.map((a) => `${a.padEnd(width)}  ${DESCRIPTIONS[a]}`);
  for (const a of data.activities) lines.push(`${a.padEnd(width)}  (yours)`);
  ctx.io.stdout(`${lines.join('\n')}\nPlurals work too: prospect log calls 3\n`);
}
