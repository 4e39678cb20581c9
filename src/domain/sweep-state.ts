import type { Day, Period, StoreData } from './types.js';

/** A run counter's state: run, its start, longest, its start and end (src/domain/streak.ts). */
export type CounterState = [number, Day | null, number, Day | null, Day | null];

/**
 * The streak sweep's state at the start of the Monday `at`, every day before it swept as a past
 * one: what analyse carries across a Monday (the week's own sums start afresh there). It depends
 * on the day totals, quota changes, workdays and days off before `at`; whoever keeps it keys it
 * on them. Plain JSON, so the store layer can keep it in its cache folder.
 */
export interface SweepState {
  at: Day;
  /** How many changes of the quota timeline came into force before `at`. */
  next: number;
  /** The quotas in force, in the order the sweep's map holds them (sums are added in it). */
  inForce: [string, Period, number][];
  daily: CounterState;
  /** Kept whether or not there is a weekly quota yet: a later one may need it. */
  weekly: CounterState;
  /** A counter for every activity with a daily quota anywhere in the timeline swept. */
  activities: [string, CounterState][];
}

/**
 * A saved state offered to analyse, and where a new one goes: the store layer makes it (the
 * domain never touches the disk). `load` is asked only when resuming would pay; `save` gets the
 * state at `at` from a sweep that passed it from the start because there was no usable one.
 */
export interface SweepResume {
  /** A Monday: no entry of the store file is dated before it. */
  at: Day;
  load(): SweepState | undefined;
  save(state: SweepState): void;
}

const offered = new WeakMap<StoreData, SweepResume>();

/** Offers a saved sweep state with the store data read (the fast read path does). */
export function offerSweep(data: StoreData, resume: SweepResume): void {
  offered.set(data, resume);
}

/** The saved sweep state offered with `data`, if any. */
export function sweepOf(data: StoreData): SweepResume | undefined {
  return offered.get(data);
}

const isDay = (x: unknown): x is Day => typeof x === 'string' && /^\d{4}-\d\d-\d\d$/.test(x);
const isCount = (x: unknown): boolean => Number.isSafeInteger(x) && (x as number) >= 0;

function isCounter(x: unknown): x is CounterState {
  return (
    Array.isArray(x) &&
    x.length === 5 &&
    isCount(x[0]) &&
    (x[1] === null || isDay(x[1])) &&
    isCount(x[2]) &&
    (x[3] === null || isDay(x[3])) &&
    (x[4] === null || isDay(x[4]))
  );
}

/** Whether `x` has a SweepState's shape (a state read back from a file). */
export function isSweepState(x: unknown): x is SweepState {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  return (
    isDay(s.at) &&
    isCount(s.next) &&
    Array.isArray(s.inForce) &&
    s.inForce.every(
      (q) =>
        Array.isArray(q) &&
        q.length === 3 &&
        typeof q[0] === 'string' &&
        typeof q[1] === 'string' &&
        typeof q[2] === 'number',
    ) &&
    isCounter(s.daily) &&
    isCounter(s.weekly) &&
    Array.isArray(s.activities) &&
    s.activities.every(
      (a) => Array.isArray(a) && a.length === 2 && typeof a[0] === 'string' && isCounter(a[1]),
    )
  );
}
