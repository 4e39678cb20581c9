// The heavy store the benchmark runs against: five years of one rep's daily prospecting, 300
// clients, 40 beliefs, and 50 reps' weekly reports for a coach's roll-up. Seeded, so every run (and
// every machine) gets the same bytes for the same seed and end date.
//
// Plain JavaScript on purpose: `npm run bench:data` runs it with node from a fresh clone, with no
// TypeScript loader. The test in test/bench/data.test.ts checks the store it writes against the
// store's own validation (src/store/schema.ts migrate()), so a schema change cannot leave it behind.
//
// Usage: node bench/data.js <dir> [--end YYYY-MM-DD] [--seed N]

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_END = '2026-11-20';
export const DEFAULT_SEED = 7;
export const YEARS = 5;
export const CLIENTS = 300;
export const BELIEFS = 40;
export const DAYS_OFF = 60;
export const TEAM_REPS = 50;
/** Leads in the store: mostly from marketing, with campaigns and the reasons they closed. */
export const LEADS = 5_000;
/** The ceiling for five years of data: 5 MB. */
export const STORE_LIMIT_BYTES = 5_000_000;

const BUILT_IN = [
  'call',
  'email',
  'social',
  'meeting',
  'referral-ask',
  'referral',
  'networking',
  'event',
  'upsell',
  'rejection',
  'conversation',
  'meeting-held',
  'no-show',
];
const WEEKDAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const ID_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** mulberry32: small, fast and good enough to make data look varied; never used for secrets. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// Calendar arithmetic in UTC: the generator only deals in calendar dates, and UTC has no DST gaps.
const toUtc = (day) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms) => new Date(ms).toISOString().slice(0, 10);
const dayNumber = (day) => toUtc(day) / 86_400_000;
const addDays = (day, n) => fromUtc(toUtc(day) + n * 86_400_000);
const weekdayOf = (day) => WEEKDAY[new Date(toUtc(day)).getUTCDay()];
const isWeekend = (day) => {
  const w = weekdayOf(day);
  return w === 'sat' || w === 'sun';
};

/** Monday of the ISO week holding `day`, and its `YYYY-Www` label. */
function isoWeek(day) {
  const dow = (new Date(toUtc(day)).getUTCDay() + 6) % 7;
  const monday = addDays(day, -dow);
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toUtc(thursday) - toUtc(`${year}-01-01`)) / 86_400_000 / 7) + 1;
  return { monday, label: `${year}-W${String(week).padStart(2, '0')}` };
}

const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Dana',
  'Eli',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'Jade',
  'Kofi',
  'Lena',
  'Marco',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
];
const LAST = [
  'Abbott',
  'Baker',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lee',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quispe',
  'Rossi',
  'Schmidt',
  'Tanaka',
];
const COMPANY_A = [
  'Acme',
  'Blue Harbor',
  'Cedar',
  'Delta',
  'Evergreen',
  'Fjord',
  'Granite',
  'Harbor',
  'Ironwood',
  'Juniper',
  'Keystone',
  'Lakeside',
  'Meridian',
  'Northwind',
  'Oakridge',
  'Pinnacle',
  'Quarry',
  'Redwood',
  'Summit',
  'Trailhead',
];
const COMPANY_B = [
  'Dental',
  'Logistics',
  'Foods',
  'Realty',
  'Builders',
  'Insurance',
  'Labs',
  'Clinic',
  'Studios',
  'Partners',
  'Outfitters',
  'Motors',
  'Analytics',
  'Bakery',
  'Print',
  'Fitness',
  'Law',
  'Hotels',
];
const NOTES = [
  'left a voicemail, try again Thursday',
  'asked for a proposal by end of month',
  'gatekeeper: send the one-pager first',
  'warm lead from the chamber breakfast',
  'wants a demo with their ops lead',
  'budget frozen until next quarter',
  'follow up after their board meeting',
  'met at the expo booth, very interested',
  'referred by an existing customer',
  'not the decision maker: get an intro to the CFO',
  'said no for now: check back in 90 days',
  'booked a discovery call',
  'great conversation about their hiring plans',
  'send the case study on onboarding time',
];
const WIN_NOTES = [
  'cut onboarding from 3 weeks to 5 days',
  'saved 12% on freight this quarter',
  'first month of the new plan paid for itself',
  'doubled inbound leads',
  'went live on time and under budget',
  'renewed for two more years',
];
const OFF_REASONS = ['vacation', 'holidays', 'sick', 'family', 'conference travel'];
const BELIEF_PAIRS = [
  ['Cold calling is pushy.', 'I call to find out whether I can help; a question is not a push.'],
  ["I'll prospect when things slow down.", 'Prospecting is the job, so it comes first, every day.'],
  [
    'Asking for referrals makes me look needy.',
    'Happy clients like to help; I give them the chance.',
  ],
  ['A no is a rejection of me.', "Some will, some won't, so what, next."],
  ['I have no time to prospect.', 'The first hour of the day is for prospecting, before email.'],
  ['People hate being called.', 'People hate being wasted; I bring something worth their minute.'],
  ['My numbers are bad this week.', 'Activity is what I control; the results follow the activity.'],
  ['I am not a natural salesperson.', 'Prospecting is a skill; skills grow with reps.'],
];

/** Unique, typeable ids in the store's own alphabet, drawn from the seeded generator. */
function idMaker(rng) {
  const taken = new Set();
  return () => {
    for (;;) {
      let id = '';
      for (let i = 0; i < 6; i++) id += ID_ALPHABET[Math.floor(rng.next() * ID_ALPHABET.length)];
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };
}

function personNames(rng, n) {
  const names = new Set();
  while (names.size < n) {
    const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    names.add(names.has(name) ? `${name} ${names.size}` : name);
  }
  return [...names];
}

function clientNames(rng, n) {
  const names = new Set();
  let i = 0;
  while (names.size < n) {
    const name = `${rng.pick(COMPANY_A)} ${rng.pick(COMPANY_B)}`;
    names.add(names.has(name) ? `${name} ${++i}` : name);
  }
  return [...names];
}

/** The quotas in force at the start, then a change or three at the start of every quarter. */
function quotaHistory(rng, start, end) {
  const current = {
    call: { per: 'day', target: 30 },
    email: { per: 'day', target: 15 },
    social: { per: 'day', target: 8 },
    meeting: { per: 'week', target: 4 },
    'referral-ask': { per: 'week', target: 3 },
    networking: { per: 'week', target: 2 },
    event: { per: 'month', target: 1 },
    upsell: { per: 'month', target: 6 },
    referral: { per: 'quarter', target: 8 },
  };
  const changes = Object.entries(current).map(([activity, q]) => ({ activity, ...q, from: start }));
  const adjustable = ['call', 'email', 'social', 'meeting', 'referral-ask', 'upsell', 'networking'];
  const year = Number(start.slice(0, 4));
  for (let y = year; y <= Number(end.slice(0, 4)); y++) {
    for (const month of ['01', '04', '07', '10']) {
      const from = `${y}-${month}-01`;
      if (from <= start || from > end) continue;
      // One to three different quotas change each quarter.
      const pool = [...adjustable];
      const count = rng.int(1, 3);
      for (let k = 0; k < count; k++) {
        const activity = pool.splice(Math.floor(rng.next() * pool.length), 1)[0];
        const q = current[activity];
        if (activity === 'social' && q.target !== null && rng.chance(0.15)) {
          q.target = null; // a quarter without a social quota, then it comes back
        } else {
          const base = q.target ?? 6;
          const step = q.per === 'day' ? rng.int(-3, 5) : rng.int(-1, 2);
          q.target = Math.max(1, base + step);
        }
        changes.push({ activity, per: q.per, target: q.target, from });
      }
    }
  }
  return { changes, current };
}

/** Quotas as they stood on `day` (changes are in `from` order). */
function targetsOn(changes, day) {
  const now = {};
  for (const c of changes) if (c.from <= day) now[c.activity] = c;
  return now;
}

/** 60 workdays off: a summer week and year-end days every year, plus sick days. */
function daysOff(rng, start, end) {
  const off = new Map();
  const add = (day, reason) => {
    if (off.size < DAYS_OFF && day >= start && day <= end && !isWeekend(day) && !off.has(day)) {
      off.set(day, reason);
    }
  };
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    let day = `${y}-07-${String(rng.int(6, 20)).padStart(2, '0')}`;
    for (let k = 0; k < 7; k++, day = addDays(day, 1)) add(day, 'vacation');
    for (const d of ['12-24', '12-25', '12-26', '12-31', '01-01']) add(`${y}-${d}`, 'holidays');
  }
  const span = (toUtc(end) - toUtc(start)) / 86_400_000;
  while (off.size < DAYS_OFF) add(addDays(start, rng.int(0, span)), rng.pick(OFF_REASONS));
  return [...off.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, reason]) => ({ date, reason }));
}

/** How much of one activity a rep logs on a workday, around its quota (met most days). */
function dailyCount(rng, activity, quotas) {
  const q = quotas[activity];
  const target = q?.target ?? null;
  if (target !== null && q.per === 'day') {
    return rng.chance(0.88) ? target + rng.int(0, 6) : Math.max(1, target - rng.int(1, 8));
  }
  if (target !== null && q.per === 'week')
    return Math.max(1, Math.round(target / 5 + rng.int(0, 1)));
  if (target !== null && q.per === 'month') return rng.int(1, 2);
  switch (activity) {
    case 'social':
      return rng.int(3, 10);
    case 'rejection':
      return rng.int(2, 15);
    case 'conversation':
      return rng.int(2, 6);
    default:
      return 1;
  }
}

const REJECT_REASONS = [
  'not-decision-maker',
  'no-budget',
  'no-need',
  'bad-data',
  'existing-customer',
];
const LOST_REASONS = ['no-budget', 'competitor', 'no-response', 'timing', 'no-need', 'other'];
const CAMPAIGNS = ['webinar', 'ebook', 'trade-show', 'paid-search', 'newsletter'];
const hhmm = (minutes) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * LEADS leads received on workdays over the years ending on `end`: 70% from marketing (each in a
 * quarter's campaign), the rest self-sourced, referred, from events or other. Older leads have
 * run their course (contacted, then accepted, a meeting, won or lost, or rejected with a reason);
 * the last weeks' are still open, some never contacted. Events obey the store's rules: in order,
 * on or after the day received, with a reason where one is needed, none after `end`.
 */
function generateLeads(rng, newId, start, end, offSet) {
  const workdays = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (!isWeekend(day) && !offSet.has(day)) workdays.push(day);
  }
  const taken = new Set();
  const leads = [];
  for (let i = 0; i < LEADS; i++) {
    // More leads in recent years: the square root skews the pick towards the end.
    const index = Math.min(
      workdays.length - 1,
      Math.floor(Math.sqrt(rng.next()) * workdays.length),
    );
    const received = workdays[index];
    let name;
    let company;
    do {
      name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
      company = `${rng.pick(COMPANY_A)} ${rng.pick(COMPANY_B)}`;
    } while (taken.has(`${name}|${company}`));
    taken.add(`${name}|${company}`);
    const r = rng.next();
    const source =
      r < 0.7
        ? 'marketing'
        : r < 0.85
          ? 'self'
          : r < 0.93
            ? 'referral'
            : r < 0.98
              ? 'event'
              : 'other';
    const lead = { id: newId(), name, company, source };
    if (source === 'marketing') {
      const quarter = Math.floor((Number(received.slice(5, 7)) - 1) / 3) + 1;
      lead.campaign = `${received.slice(0, 4)}-q${quarter}-${rng.pick(CAMPAIGNS)}`;
      if (rng.chance(0.7)) lead.email = `${name.toLowerCase().replace(' ', '.')}@example.com`;
    }
    lead.received = received;
    const timed = rng.chance(0.8);
    let minute = rng.int(8 * 60, 17 * 60);
    if (timed) lead.time = hhmm(minute);
    lead.events = [];
    let day = received;
    const step = (stage, maxDays, extra = {}) => {
      const next = rng.chance(0.5) ? day : addDays(day, rng.int(1, maxDays));
      if (next > end) return false;
      if (next !== day) minute = rng.int(8 * 60, 17 * 60);
      else minute = Math.min(23 * 60 + 59, minute + rng.int(5, 180));
      day = next;
      const event = { stage, date: day };
      if (timed) event.time = hhmm(minute);
      lead.events.push({ ...event, ...extra });
      return true;
    };
    // A lead older than two months has run its course; a recent one may still be open, and a
    // few of the last two weeks' were never contacted: the due list.
    const settled = received < addDays(end, -60);
    if ((received >= addDays(end, -14) && rng.chance(0.2)) || !step('contacted', 4)) {
      leads.push(lead);
      continue;
    }
    const o = rng.next();
    if (o < 0.25) step('rejected', 5, { reason: rng.pick(REJECT_REASONS) });
    else if (o < 0.45 || (settled && o >= 0.85)) step('lost', 20, { reason: 'no-response' });
    else if (o < 0.85 && step('accepted', 7)) {
      if ((settled || rng.chance(0.6)) && step('meeting', 14)) {
        if (rng.chance(0.45)) step('won', 30);
        else if (settled || rng.chance(0.6)) step('lost', 30, { reason: rng.pick(LOST_REASONS) });
      } else if (settled) step('lost', 30, { reason: rng.pick(LOST_REASONS) });
    }
    leads.push(lead);
  }
  return leads.sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : 0));
}

/**
 * The store: settings, quota history, 5 years of entries ending on `end`, days off, clients with
 * their wins, beliefs. Entries are in the order a rep would have logged them.
 */
export function generateStore({ seed = DEFAULT_SEED, end = DEFAULT_END } = {}) {
  const rng = prng(seed);
  const newId = idMaker(rng);
  const start = addDays(`${Number(end.slice(0, 4)) - YEARS}${end.slice(4)}`, 1);
  const { changes } = quotaHistory(rng, start, end);
  const off = daysOff(rng, start, end);
  const offSet = new Set(off.map((o) => o.date));

  // Clients join over the years (a few were clients before the log starts).
  const names = clientNames(rng, CLIENTS);
  const span = (toUtc(end) - toUtc(start)) / 86_400_000;
  const clients = names.map((name, i) => {
    const since = addDays(start, Math.floor((i / CLIENTS) * (span - 45)) - (i < 20 ? 200 : 0));
    const client = { name, since, wins: [] };
    if (rng.chance(0.2)) client.every = rng.pick([45, 60, 120, 180]);
    return client;
  });
  for (const c of clients) {
    const from = toUtc(c.since > start ? c.since : start);
    const wins = rng.int(0, 4);
    for (let k = 0; k < wins; k++) {
      const date = fromUtc(
        from + rng.int(20, Math.max(21, (toUtc(end) - from) / 86_400_000)) * 86_400_000,
      );
      if (date > end) continue;
      const win = { date };
      if (rng.chance(0.6)) win.note = rng.pick(WIN_NOTES);
      c.wins.push(win);
    }
    c.wins.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (rng.chance(0.05)) c.snoozeUntil = addDays(end, rng.int(3, 40));
  }

  const people = personNames(rng, 400);
  const entries = [];
  const note = (entry) => {
    // A fifth of the entries carry a note.
    if (rng.chance(0.2)) entry.note = rng.pick(NOTES);
    return entry;
  };
  // Asks rotate through the clients who have been clients for a month, least recently asked first.
  const lastAsked = new Map();
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (isWeekend(day) || offSet.has(day)) continue;
    const quotas = targetsOn(changes, day);
    let introToday = false;
    // Half the entries carry the time they were logged, as `prospect log` stamps them today;
    // the rep starts between 07:30 and 12:30, so some days are prospected first and some not.
    let clock = rng.int(7 * 60 + 30, 12 * 60 + 30);
    const stamp = (entry) => {
      if (rng.chance(0.5)) {
        const t = Math.min(clock, 23 * 60 + 59);
        entry.time = `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
      }
      clock += rng.int(5, 40);
      return entry;
    };
    for (const activity of BUILT_IN) {
      // About one booked meeting in five is missed.
      if (activity === 'no-show' && !rng.chance(0.2)) continue;
      if (activity === 'referral-ask') {
        // The rep works down the clients due for an ask (most overdue first), up to four a day,
        // and asks at least one client every workday.
        const today = dayNumber(day);
        const queue = [];
        for (const c of clients) {
          const since = dayNumber(c.since);
          if (since + 30 > today) continue;
          const last = lastAsked.get(c.name);
          queue.push({ c, due: last === undefined ? since + 30 : last + (c.every ?? 90) });
        }
        queue.sort((a, b) => a.due - b.due);
        const dueNow = queue.filter((q) => q.due <= today).length;
        for (const { c } of queue.slice(0, Math.max(1, Math.min(4, dueNow)))) {
          lastAsked.set(c.name, today);
          const outcome = rng.chance(0.25) ? 'intro' : rng.pick(['later', 'later', 'declined']);
          const ask = note({ id: newId(), date: day, activity, count: 1, client: c.name, outcome });
          entries.push(ask);
          if (outcome === 'intro') {
            introToday = true;
            entries.push({
              id: newId(),
              date: day,
              activity: 'referral',
              count: 1,
              client: c.name,
              group: ask.id,
            });
          }
        }
        continue;
      }
      // The introduction an ask brought in already counts as that day's referral.
      if (activity === 'referral' && introToday) continue;
      const entry = stamp({
        id: newId(),
        date: day,
        activity,
        count: dailyCount(rng, activity, quotas),
      });
      if (activity === 'meeting' || activity === 'referral') {
        entry.contact = rng.pick(people);
        entry.source =
          activity === 'referral'
            ? 'referral'
            : rng.pick(['self', 'referral', 'marketing', 'event', 'other']);
      }
      entries.push(note(entry));
    }
  }

  const beliefs = [];
  for (let i = 0; i < BELIEFS; i++) {
    const [belief, affirmation] = BELIEF_PAIRS[i % BELIEF_PAIRS.length];
    const round = Math.floor(i / BELIEF_PAIRS.length);
    const b = {
      id: newId(),
      belief: round === 0 ? belief : `${belief} (${round + 1})`,
      affirmation,
    };
    if (rng.chance(0.5)) b.tag = rng.pick(BUILT_IN);
    beliefs.push(b);
  }

  const leads = generateLeads(rng, newId, start, end, offSet);

  return {
    // The current store schema (src/store/schema.ts SCHEMA_VERSION): entries may carry `time`; leads.
    schemaVersion: 5,
    settings: {
      name: 'Sam Rivera',
      workdays: [{ from: null, days: ['mon', 'tue', 'wed', 'thu', 'fri'] }],
      referral: { cadenceDays: 90, firstAskAfterDays: 30 },
    },
    activities: [],
    quotas: changes.map(({ activity, per, target, from }) => ({ activity, per, target, from })),
    entries,
    daysOff: off,
    clients,
    beliefs,
    removedTemplates: [],
    leads,
  };
}

/** 50 reps' `prospect.weekly-report/1` documents for the ISO week holding `end`. */
export function generateTeam({ seed = DEFAULT_SEED, end = DEFAULT_END } = {}) {
  const rng = prng(seed + 1);
  const { monday, label } = isoWeek(end);
  const reps = personNames(rng, TEAM_REPS);
  const weekTargets = {
    call: 150,
    email: 75,
    social: 40,
    meeting: 4,
    'referral-ask': 3,
    networking: 2,
  };
  return reps.map((rep) => {
    const skill = 0.6 + rng.next() * 0.7;
    const days = [];
    const totals = Object.fromEntries(BUILT_IN.map((a) => [a, 0]));
    for (let d = 0; d < 7; d++) {
      const date = addDays(monday, d);
      const counts = {};
      if (!isWeekend(date) && !rng.chance(0.04)) {
        for (const a of BUILT_IN) {
          const base =
            weekTargets[a] !== undefined ? weekTargets[a] / 5 : a === 'rejection' ? 8 : 0.4;
          const n = Math.max(0, Math.round(base * skill + (rng.next() - 0.5) * base * 0.6));
          if (n > 0) {
            counts[a] = n;
            totals[a] += n;
          }
        }
      }
      days.push({ date, counts });
    }
    const current = rng.int(0, 40);
    return {
      schema: 'prospect.weekly-report/1',
      rep,
      week: label,
      start: monday,
      end: addDays(monday, 6),
      days,
      totals,
      targets: { ...weekTargets },
      streak: {
        asOf: addDays(monday, 6),
        daily: { current, longest: current + rng.int(0, 60) },
        weekly: {
          current: Math.floor(current / 5),
          longest: Math.floor(current / 5) + rng.int(0, 8),
        },
      },
      referrals: { asked: totals['referral-ask'], intros: totals.referral, due: rng.int(0, 12) },
    };
  });
}

/**
 * The same 50 reps' weekly reports for each of the `weeks` ISO weeks ending with the one holding
 * `end`: a folder of twelve Fridays, for `team` over several weeks.
 */
export function generateTeamWeeks({ seed = DEFAULT_SEED, end = DEFAULT_END, weeks = 12 } = {}) {
  const all = [];
  for (let i = weeks - 1; i >= 0; i--)
    all.push(...generateTeam({ seed, end: addDays(end, -7 * i) }));
  return all;
}

const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Writes the store into `<dir>/prospect.json` compact, as the store itself writes it, and the team
 * reports into `<dir>/team/`. Returns what it wrote.
 */
export function writeBenchData(dir, opts = {}) {
  const home = resolve(dir);
  mkdirSync(home, { recursive: true });
  const store = generateStore(opts);
  const storeText = JSON.stringify(store);
  const storePath = join(home, 'prospect.json');
  writeFileSync(storePath, storeText);
  const teamDir = join(home, 'team');
  rmSync(teamDir, { recursive: true, force: true });
  mkdirSync(teamDir);
  const teamFiles = generateTeam(opts).map((report) => {
    const file = join(teamDir, `${slug(report.rep)}-${report.week}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    return file;
  });
  const trendDir = join(home, 'team-12-weeks');
  rmSync(trendDir, { recursive: true, force: true });
  mkdirSync(trendDir);
  for (const report of generateTeamWeeks(opts)) {
    const file = join(trendDir, `${slug(report.rep)}-${report.week}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  }
  return {
    home,
    storePath,
    trendDir,
    storeBytes: Buffer.byteLength(storeText),
    entries: store.entries.length,
    firstDay: store.entries[0]?.date,
    lastDay: store.entries.at(-1)?.date,
    teamFiles,
  };
}

function main(argv) {
  const args = [...argv];
  const opts = {};
  const dirs = [];
  while (args.length) {
    const a = args.shift();
    if (a === '--end') opts.end = args.shift();
    else if (a === '--seed') opts.seed = Number(args.shift());
    else dirs.push(a);
  }
  if (dirs.length !== 1 || (opts.end !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.end))) {
    process.stderr.write('usage: npm run bench:data -- <dir> [--end YYYY-MM-DD] [--seed N]\n');
    return 2;
  }
  const out = writeBenchData(dirs[0], opts);
  const mb = (out.storeBytes / 1e6).toFixed(2);
  process.stdout.write(
    `store  ${out.storePath}  ${out.storeBytes} bytes (${mb} MB; limit 5 MB), ${out.entries} entries ${out.firstDay}..${out.lastDay}\n` +
      `team   ${join(out.home, 'team')}  ${out.teamFiles.length} weekly reports\n` +
      `try    PROSPECT_HOME=${out.home} node bin/prospect.js status --date ${opts.end ?? DEFAULT_END}\n`,
  );
  return out.storeBytes > STORE_LIMIT_BYTES ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
