/**
 * The limits the commands put on what they write, in one place: the store and import check
 * (src/store/validate.ts) holds every record to the same ones.
 */
export const LIMITS = {
  /** A logged count, a quota target, a check-in total. */
  count: 10_000,
  /** A note (log, ask, win) and any free text without a limit of its own. */
  text: 500,
  /** `config set name`. */
  repName: 100,
  /** `log --contact`, `off --reason`, a client's name. */
  contact: 200,
  reason: 200,
  clientName: 200,
  /** A belief and its affirmation. */
  belief: 300,
  /** An activity's name. */
  activityName: 40,
  /** A lead's name; its company and campaign; its email. */
  leadName: 200,
  leadField: 500,
  /** `lead add --company/--campaign`, `lead import --campaign`: typed, so shorter than leadField. */
  leadOption: 200,
  email: 254,
  /** Days: a client's `--every`, the referral settings. */
  cadenceDays: 3650,
  /** `config set lead.followUpDays` (the store allows up to cadenceDays). */
  followUpDays: 365,
} as const;
