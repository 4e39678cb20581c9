import { beliefOfDay } from './affirm.js';
import { Calendar } from './calendar.js';
import { type Forecast, forecast } from './forecast.js';
import { defaultWindow, ratio } from './funnel.js';
import { type LeadView, leadViews } from './leads.js';
import { progress, QuotaBook, type QuotaProgress, Tally } from './quotas.js';
import { AskLog, type DueReason, dueAsks, referralStates } from './referrals.js';
import { type Streak, streaks } from './streak.js';
import { sweepOf } from './sweep-state.js';
import type { Day, StoreData } from './types.js';

export interface Status {
  date: Day;
  name: string;
  scoringDay: boolean;
  dayOff: boolean;
  quotas: (QuotaProgress & Forecast)[];
  streak: Streak;
  /** The noes of the as-of day, and noes per meeting over the funnel's default window. */
  noes: { today: number; perMeeting: number | null };
  referralsDue: number;
  /** The referral asks due, most overdue first. */
  referrals: { client: string; reason: DueReason; dueDate: Day; daysOverdue: number }[];
  affirmation: { belief: string; affirmation: string } | null;
  /** Open leads due (never contacted, or waiting for a follow-up), oldest first. */
  leadsDue: LeadView[];
}

/** Everything the dashboard shows, as of `asOf`: pure, so every number is testable without disk. */
export function buildStatus(data: StoreData, asOf: Day): Status {
  // Both leave out what is dated after `asOf`, without a filtered copy of the whole log.
  const tally = Tally.of(data, asOf);
  const quotas = new QuotaBook(data.quotas);
  const calendar = new Calendar(data.settings.workdays, data.daysOff);
  const due = dueAsks(referralStates(data.clients, AskLog.of(data), data.settings, asOf));
  const belief = beliefOfDay(data.beliefs, asOf);
  return {
    date: asOf,
    name: data.settings.name,
    scoringDay: calendar.isScoring(asOf),
    dayOff: calendar.isDayOff(asOf),
    quotas: quotas.allInForce(asOf).map((q) => {
      const p = progress(q, asOf, tally, calendar);
      return { ...p, ...forecast(p, calendar) };
    }),
    noes: noesOn(tally, asOf),
    streak: streaks({ asOf, quotas, tally, calendar, resume: sweepOf(data) }),
    referralsDue: due.length,
    referrals: due.map(({ client, reason, dueDate, daysOverdue }) => ({
      client,
      reason,
      dueDate,
      daysOverdue,
    })),
    affirmation: belief ? { belief: belief.belief, affirmation: belief.affirmation } : null,
    leadsDue: leadViews(data, asOf).filter((v) => v.due),
  };
}

/** The day's noes and what they are worth: rejection / meeting over the default window. */
function noesOn(tally: Tally, asOf: Day): Status['noes'] {
  const { from, to } = defaultWindow(asOf);
  return {
    today: tally.count(asOf, 'rejection'),
    perMeeting: ratio(tally.sum('rejection', from, to), tally.sum('meeting', from, to)),
  };
}
