import type { Calendar } from './calendar.js';
import { addDay, eachDay, periodOf } from './dates.js';
import { dict } from './dict.js';
import type { QuotaBook, Tally } from './quotas.js';
import type { CounterState, SweepResume, SweepState } from './sweep-state.js';
import type { Day, Period } from './types.js';

export interface Run {
  current: number;
  longest: number;
  /** First day (daily) or Monday (weekly) of the current run; null when `current` is 0. */
  currentStart: Day | null;
  /** First day (daily) or Monday (weekly) of the longest run; null when there is none. */
  longestStart: Day | null;
  /**
   * Last met day (daily) or the Sunday of the last met week (the as-of day if that week is still
   * going) of the longest run; the most recent one when two runs tie. Null when there is none.
   */
  longestEnd: Day | null;
}

export interface ActivityRun extends Run {
  /** The daily target in force on the as-of day; null when the activity has none that day. */
  target: number | null;
}

export interface Streak {
  asOf: Day;
  daily: Run;
  weekly: Run | null;
  /** One daily streak per activity that had a daily quota on any day up to the as-of date. */
  activities: Record<string, ActivityRun>;
}

/** How one day scored, for the heatmap. */
export interface DayScore {
  date: Day;
  workday: boolean;
  dayOff: boolean;
  /** A scoring day: a workday that is not a day off. */
  scoring: boolean;
  /** Every daily quota in force met (with none: anything logged). */
  met: boolean;
  /** 0..1: the mean of each daily quota's done/target, capped at 1 (with none: met ? 1 : 0). */
  share: number;
  logged: boolean;
  /** How many daily quotas were in force. */
  quotas: number;
  /** Before the history starts (first entry or first quota): no data, rather than a miss. */
  untracked: boolean;
  /** After the as-of date (the rest of the as-of week). */
  future: boolean;
}

export interface Inputs {
  asOf: Day;
  quotas: QuotaBook;
  tally: Tally;
  calendar: Calendar;
  /** A saved state to start the sweep from, when that gives the same answer (sweep-state.ts). */
  resume?: SweepResume;
}

/** Counts runs of met units; a unit not met while still in progress (the as-of one) breaks nothing. */
class RunCounter {
  private run = 0;
  private runStart: Day | null = null;
  private longest = 0;
  private longestStart: Day | null = null;
  private longestEnd: Day | null = null;

  add(start: Day, end: Day, met: boolean, inProgress: boolean): void {
    if (met) {
      if (this.run === 0) this.runStart = start;
      this.run++;
      // `>=`: on a tie the most recent run is the one a rep remembers (and is still on).
      if (this.run >= this.longest) {
        this.longest = this.run;
        this.longestStart = this.runStart;
        this.longestEnd = end;
      }
    } else if (!inProgress) {
      this.run = 0;
      this.runStart = null;
    }
  }

  /**
   * What result() would be if the unit (start..end) were the in-progress one: a met unit counts,
   * an unmet one breaks nothing. Leaves the counter as it is.
   */
  peek(start: Day, end: Day, met: boolean): Run {
    if (!met) return this.result();
    const copy = new RunCounter();
    Object.assign(copy, this);
    copy.add(start, end, true, true);
    return copy.result();
  }

  state(): CounterState {
    return [this.run, this.runStart, this.longest, this.longestStart, this.longestEnd];
  }

  static from(state: CounterState): RunCounter {
    const counter = new RunCounter();
    [counter.run, counter.runStart, counter.longest, counter.longestStart, counter.longestEnd] =
      state;
    return counter;
  }

  result(): Run {
    return {
      current: this.run,
      longest: this.longest,
      currentStart: this.run > 0 ? this.runStart : null,
      longestStart: this.longestStart,
      longestEnd: this.longestEnd,
    };
  }
}

function earliest(...days: (Day | undefined)[]): Day | undefined {
  let first: Day | undefined;
  for (const day of days)
    if (day !== undefined && (first === undefined || day < first)) first = day;
  return first;
}

interface Analysis {
  streak: Streak;
  /** Every day from the Monday of `heatFrom`'s week to the Sunday of the as-of week. */
  days: DayScore[];
  /** The streaks as of each earlier day asked for (`checkpoints`), as `streaks` would give them. */
  at: Map<Day, Streak>;
}

/**
 * Daily, weekly and per-activity streaks in ONE sweep over the days: quota changes are applied as
 * the sweep reaches them (never "which quota was in force on D?" per day), counts are looked up
 * once per day, and week sums are carried along rather than summed again per week.
 * With `heatFrom`, also scores each day from that day's week on, for the heatmap.
 * With `checkpoints` (days up to the as-of day), also the streaks as of each of them, from the
 * same sweep: what `streaks` gives with that as-of day, the log and quotas being the same up to it.
 */
export function analyse(input: Inputs, heatFrom?: Day, checkpoints?: readonly Day[]): Analysis {
  const { asOf, quotas, tally, calendar } = input;
  const timeline = quotas.timeline();
  const at = new Map<Day, Streak>();
  const wanted = new Set<Day>();
  for (const day of checkpoints ?? []) {
    if (day > asOf) throw new Error(`streak checkpoint ${day} is after the as-of day ${asOf}`);
    if (day < asOf) wanted.add(day);
  }

  // Which activities get a streak of their own, and whether there is a weekly streak at all,
  // depend on the whole history up to the as-of date, so they are known before the sweep.
  const dailyActivities: string[] = [];
  let hasWeekly = false;
  for (const change of timeline) {
    if (change.from > asOf || change.target === null) continue;
    if (change.per === 'day' && !dailyActivities.includes(change.activity)) {
      dailyActivities.push(change.activity);
    }
    if (change.per === 'week') hasWeekly = true;
  }

  let daily = new RunCounter();
  let weekly = new RunCounter();
  let perActivity = dailyActivities.map((activity) => ({ activity, run: new RunCounter() }));
  const days: DayScore[] = [];

  const historyStart = earliest(tally.firstDay(), timeline[0]?.from);
  const first = earliest(historyStart, heatFrom);
  if (first === undefined || first > asOf) return { streak: finish(), days, at: unvisited() };

  // The quotas in force on the day being swept: activity -> its latest change.
  let inForce = new Map<string, { per: Period; target: number }>();
  let dailyTargets: [string, number][] = [];
  let weeklyTargets: [string, number][] = [];
  let next = 0;

  // Starting on a Monday keeps weeks aligned with the sweep: day i of the sweep is weekday i % 7.
  let start = periodOf('week', first).start;
  const lastDay = periodOf('week', asOf).end;
  const heatStart = heatFrom === undefined ? undefined : periodOf('week', heatFrom).start;

  // A saved state at the Monday `resume.at` stands for every day before it, when nothing asked
  // lies before it (the heatmap, a checkpoint) and it has a counter for every activity needed.
  // With none usable, the sweep keeps the state it reaches there (with a counter for every
  // activity that has a daily quota anywhere in the timeline) for the caller to save.
  const resume = input.resume;
  let saveAt: Day | undefined;
  let pending = false;
  if (
    resume !== undefined &&
    start < resume.at &&
    resume.at <= asOf &&
    (heatStart === undefined || heatStart >= resume.at) &&
    [...wanted].every((day) => day >= resume.at)
  ) {
    const saved = resume.load();
    const usable =
      saved !== undefined && saved.at === resume.at && resumable(saved, resume.at, timeline);
    if (usable) {
      const counters = new Map(saved.activities);
      if (dailyActivities.every((a) => counters.has(a))) {
        daily = RunCounter.from(saved.daily);
        weekly = RunCounter.from(saved.weekly);
        perActivity = dailyActivities.map((activity) => ({
          activity,
          run: RunCounter.from(counters.get(activity) as CounterState),
        }));
        inForce = new Map(saved.inForce.map(([a, per, target]) => [a, { per, target }]));
        next = saved.next;
        start = resume.at;
        pending = true;
      }
    }
    if (!pending) {
      saveAt = resume.at;
      for (const change of timeline) {
        if (change.per === 'day' && change.target !== null) {
          if (!perActivity.some((p) => p.activity === change.activity)) {
            perActivity.push({ activity: change.activity, run: new RunCounter() });
          }
        }
      }
    }
  }
  let weekStart = start;
  // Each day's counts of the week so far: summed per weekly target when the week closes, rather
  // than every activity summed every day.
  let weekCounts: ReadonlyMap<string, number>[] = [];
  // The daily target of each per-activity streak in force on the day (null: none that day).
  const activityTargets: (number | null)[] = perActivity.map(() => null);
  let weekLogged = false;
  let weekScoring = false;
  let index = 0;

  for (const day of eachDay(start, lastDay)) {
    const weekday = index % 7;
    index++;
    // The same weekday as a JavaScript day index (0 Sunday), for the calendar.
    const jsWeekday = (weekday + 1) % 7;
    if (weekday === 0) weekStart = day;
    const scoring = calendar.isScoringOn(day, jsWeekday);
    weekScoring ||= scoring;
    if (day > asOf) {
      // Only the rest of the as-of week: it can make that week a scoring one, nothing else.
      if (heatStart !== undefined) days.push(futureDay(day, jsWeekday, calendar));
      if (weekday === 6) closeWeek(asOf);
      continue;
    }

    if (day === saveAt) (resume as SweepResume).save(saveState(day));
    let changed = pending;
    pending = false;
    for (; next < timeline.length; next++) {
      const change = timeline[next] as (typeof timeline)[number];
      if (change.from > day) break;
      if (change.target === null) inForce.delete(change.activity);
      else inForce.set(change.activity, { per: change.per, target: change.target });
      changed = true;
    }
    if (changed) {
      dailyTargets = [];
      weeklyTargets = [];
      for (const [activity, q] of inForce) {
        if (q.per === 'day') dailyTargets.push([activity, q.target]);
        else if (q.per === 'week') weeklyTargets.push([activity, q.target]);
      }
      for (let i = 0; i < perActivity.length; i++) {
        const quota = inForce.get((perActivity[i] as (typeof perActivity)[number]).activity);
        activityTargets[i] = quota?.per === 'day' ? quota.target : null;
      }
    }

    const counts = tally.onDay(day);
    let logged = false;
    for (const n of counts.values()) {
      if (n > 0) {
        logged = true;
        break;
      }
    }
    weekCounts.push(counts);
    weekLogged ||= logged;

    let met = logged;
    let share = logged ? 1 : 0;
    if (dailyTargets.length > 0) {
      met = true;
      share = 0;
      for (const [activity, target] of dailyTargets) {
        const done = counts.get(activity) ?? 0;
        if (done < target) met = false;
        share += Math.min(1, done / target);
      }
      share /= dailyTargets.length;
    }

    // Before the day counts as a past one: as of a checkpoint, it is the one in progress.
    if (wanted.has(day)) at.set(day, snapshot(day, met, scoring, weekday));

    if (scoring) {
      const inProgress = day === asOf;
      daily.add(day, day, met, inProgress);
      for (let i = 0; i < perActivity.length; i++) {
        const { activity, run } = perActivity[i] as (typeof perActivity)[number];
        const done = counts.get(activity) ?? 0;
        const target = activityTargets[i] as number | null;
        // The SPEC's daily rule for one activity: its daily quota, or with none that day, any of it.
        const activityMet = target !== null ? done >= target : done > 0;
        run.add(day, day, activityMet, inProgress);
      }
    }

    if (heatStart !== undefined && day >= heatStart) {
      days.push({
        date: day,
        workday: calendar.isWorkdayOn(day, jsWeekday),
        dayOff: calendar.isDayOff(day),
        scoring,
        met,
        share,
        logged,
        quotas: dailyTargets.length,
        untracked: historyStart === undefined || day < historyStart,
        future: false,
      });
    }
    if (weekday === 6) closeWeek(day);
  }
  return { streak: finish(), days, at: unvisited() };

  function saveState(day: Day): SweepState {
    return {
      at: day,
      next,
      inForce: [...inForce].map(([a, q]) => [a, q.per, q.target]),
      daily: daily.state(),
      weekly: weekly.state(),
      activities: perActivity.map(({ activity, run }) => [activity, run.state()]),
    };
  }

  /** Checkpoints before the sweep's first day: nothing had happened by then. */
  function unvisited(): Map<Day, Streak> {
    for (const day of wanted) {
      if (at.has(day)) continue;
      const zero = new RunCounter().result();
      at.set(day, { asOf: day, daily: zero, weekly: null, activities: dict<ActivityRun>() });
    }
    return at;
  }

  /**
   * The streaks as of `day`, taken during the sweep before `day` is counted as a past day: as
   * `streaks` with that as-of day, `day` (and its week) is the one still in progress.
   */
  function snapshot(day: Day, met: boolean, scoring: boolean, weekday: number): Streak {
    let everWeekly = false;
    const activityNames: string[] = [];
    for (const change of timeline) {
      if (change.from > day || change.target === null) continue;
      if (change.per === 'day' && !activityNames.includes(change.activity)) {
        activityNames.push(change.activity);
      }
      if (change.per === 'week') everWeekly = true;
    }
    const activities = dict<ActivityRun>();
    for (const activity of activityNames) {
      const i = perActivity.findIndex((p) => p.activity === activity);
      const { run } = perActivity[i] as (typeof perActivity)[number];
      const target = activityTargets[i] as number | null;
      const done = tally.onDay(day).get(activity) ?? 0;
      const activityMet = target !== null ? done >= target : done > 0;
      activities[activity] = {
        ...(scoring ? run.peek(day, day, activityMet) : run.result()),
        target,
      };
    }
    let weeklyRun: Run | null = null;
    if (everWeekly) {
      // The rest of the week has not happened yet: it can only make the week a scoring one.
      let scoringWeek = weekScoring;
      for (let d = addDay(day, 1), w = weekday + 1; w < 7 && !scoringWeek; d = addDay(d, 1), w++) {
        scoringWeek = calendar.isScoringOn(d, (w + 1) % 7);
      }
      weeklyRun = scoringWeek ? weekly.peek(weekStart, day, weekMet()) : weekly.result();
    }
    return {
      asOf: day,
      daily: scoring ? daily.peek(day, day, met) : daily.result(),
      weekly: weeklyRun,
      activities,
    };
  }

  function weekMet(): boolean {
    return weeklyTargets.length === 0
      ? weekLogged
      : weeklyTargets.every(([activity, target]) => weekSum(activity) >= target);
  }

  function weekSum(activity: string): number {
    let sum = 0;
    for (const counts of weekCounts) sum += counts.get(activity) ?? 0;
    return sum;
  }

  function closeWeek(sunday: Day): void {
    // A week with no scoring days neither counts nor breaks, like a weekend day. Counted even
    // with no weekly quota up to the as-of day (then unused): a saved state may need it later.
    if (weekScoring) {
      const end = sunday < asOf ? sunday : asOf;
      weekly.add(weekStart, end, weekMet(), sunday >= asOf);
    }
    weekCounts = [];
    weekLogged = false;
    weekScoring = false;
  }

  function finish(): Streak {
    const activities = dict<ActivityRun>();
    // Only those with a daily quota up to the as-of day (a saving sweep counts more of them).
    for (let i = 0; i < dailyActivities.length; i++) {
      const { activity, run } = perActivity[i] as (typeof perActivity)[number];
      const quota = inForce.get(activity);
      activities[activity] = {
        ...run.result(),
        target: quota?.per === 'day' ? quota.target : null,
      };
    }
    return {
      asOf,
      daily: daily.result(),
      weekly: hasWeekly ? weekly.result() : null,
      activities,
    };
  }
}

/** Whether a saved state's timeline position fits this timeline at the Monday `at`. */
function resumable(saved: SweepState, at: Day, timeline: readonly { from: Day }[]): boolean {
  if (saved.next > timeline.length) return false;
  const before = timeline[saved.next - 1];
  const after = timeline[saved.next];
  return (before === undefined || before.from < at) && (after === undefined || after.from >= at);
}

function futureDay(date: Day, jsWeekday: number, calendar: Calendar): DayScore {
  const workday = calendar.isWorkdayOn(date, jsWeekday);
  const dayOff = calendar.isDayOff(date);
  return {
    date,
    workday,
    dayOff,
    scoring: workday && !dayOff,
    met: false,
    share: 0,
    logged: false,
    quotas: 0,
    untracked: false,
    future: true,
  };
}

/** The streaks as of `input.asOf`: what `streak --json` and `status --json` print. */
export function streaks(input: Inputs): Streak {
  return analyse(input).streak;
}

/**
 * The streaks as of each of `days` (none after `input.asOf`) from one sweep, each the same as
 * `streaks` with that as-of day: what a trend of many weeks needs, without a sweep per week.
 */
export function streaksAt(input: Inputs, days: readonly Day[]): Map<Day, Streak> {
  const { streak, at } = analyse(input, undefined, days);
  if (days.includes(input.asOf)) at.set(input.asOf, streak);
  return at;
}

/** The Monday that starts the heatmap: up to 26 weeks back, never fewer than 12 weeks shown. */
export function heatmapStart(input: Inputs, maxWeeks = 26, minWeeks = 12): Day {
  const monday = periodOf('week', input.asOf).start;
  const first = earliest(input.tally.firstDay(), input.quotas.firstDay()) ?? input.asOf;
  const oldest = addDay(monday, -7 * (maxWeeks - 1));
  const newest = addDay(monday, -7 * (minWeeks - 1));
  const firstMonday = periodOf('week', first).start;
  if (firstMonday < oldest) return oldest;
  if (firstMonday > newest) return newest;
  return firstMonday;
}
