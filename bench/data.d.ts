// Types for bench/data.js, which stays plain JavaScript so `npm run bench:data` needs no loader.
import type { StoreData } from '../src/domain/types.js';

export const DEFAULT_END: string;
export const DEFAULT_SEED: number;
export const YEARS: number;
export const CLIENTS: number;
export const BELIEFS: number;
export const DAYS_OFF: number;
export const TEAM_REPS: number;
export const LEADS: number;
export const STORE_LIMIT_BYTES: number;

export interface BenchOptions {
  seed?: number;
  /** The last day of the five years, `YYYY-MM-DD`. */
  end?: string;
}

export interface WeeklyReport {
  schema: 'prospect.weekly-report/1';
  rep: string;
  week: string;
  start: string;
  end: string;
  days: { date: string; counts: Record<string, number> }[];
  totals: Record<string, number>;
  targets: Record<string, number>;
  streak: {
    asOf: string;
    daily: { current: number; longest: number };
    weekly: { current: number; longest: number } | null;
  };
  referrals: { asked: number; intros: number; due: number };
}

export function generateStore(opts?: BenchOptions): StoreData;
export function generateTeam(opts?: BenchOptions): WeeklyReport[];
export function generateTeamWeeks(opts?: BenchOptions & { weeks?: number }): WeeklyReport[];
export function writeBenchData(
  dir: string,
  opts?: BenchOptions,
): {
  home: string;
  storePath: string;
  /** 50 reps x 12 weeks of weekly reports, for `team` over several weeks. */
  trendDir: string;
  storeBytes: number;
  entries: number;
  firstDay: string | undefined;
  lastDay: string | undefined;
  teamFiles: string[];
};
