import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIn, tempHome } from '../helpers.js';

// `team` over 50 reps x 12 weeks (issue 16's benchmark size), every format compared in full with
// golden files made before `team` was made faster: the speed-ups must not change a byte. The
// reports vary more than the benchmark's (bench/data.js repeats each rep's week): reps missing
// weeks, long and non-ASCII names (cut to the column), a rep with no name, a rep without targets,
// custom activities, funnels, beliefs, a byte-order mark and one rep's trend report.

/** mulberry32: the same reports on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const FIRST = ['Ava', 'Ben', 'Chloe', 'Dana', 'Eli', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jade'];
const LAST = ['Abbott', 'Baker', 'Castillo', 'Dubois', 'Eriksen'];
const ODD_NAMES = [
  'Maximilian Alexander Featherstonehaugh',
  'Émile Zoë Ångström-Lindqvist',
  'émile zoe',
  '東京 太郎 営業部長',
  'Ørjan Ødegård',
  'Rene Dubois',
  'René Dubois',
  '  Padded Name  ',
  '',
];
const WEEKS = Array.from({ length: 12 }, (_, i) => `2026-W${String(36 + i).padStart(2, '0')}`);
/** Monday of 2026-W36 is 2026-08-31. */
const monday = (i: number) => new Date(Date.UTC(2026, 7, 31 + 7 * i)).toISOString().slice(0, 10);
const sunday = (i: number) => new Date(Date.UTC(2026, 8, 6 + 7 * i)).toISOString().slice(0, 10);

function repNames(): string[] {
  const names = [...ODD_NAMES];
  for (const last of LAST) for (const first of FIRST) names.push(`${first} ${last}`);
  return names.slice(0, 50);
}

function weekly(r: ReturnType<typeof rng>, rep: string, repIndex: number, week: number) {
  const skill = 0.2 + ((repIndex * 37) % 100) / 80 + (r.next() - 0.5) * 0.3 + week * 0.01;
  const targets: Record<string, number> =
    repIndex === 12
      ? {}
      : {
          call: 150,
          email: 75,
          meeting: 4,
          'referral-ask': 3,
          ...(repIndex % 7 === 0 ? { social: 40 } : {}),
        };
  const totals: Record<string, number> = {};
  for (const a of ['call', 'email', 'meeting', 'referral-ask', 'referral', 'rejection']) {
    const base = targets[a] ?? 5;
    totals[a] = Math.max(0, Math.round(base * skill + (r.next() - 0.5) * base * 0.4));
  }
  if (repIndex % 9 === 0) totals['cold-walk-in visits to the industrial park'] = r.int(0, 12);
  if (repIndex % 11 === 0) totals.webinar = r.int(0, 3);
  const current = r.int(0, 40);
  const report: Record<string, unknown> = {
    schema: 'prospect.weekly-report/1',
    rep,
    week: WEEKS[week],
    start: monday(week),
    end: sunday(week),
    days: [],
    totals,
    targets,
    streak: {
      daily: { current, longest: current + r.int(0, 30) },
      weekly: repIndex % 5 === 0 ? null : { current: Math.floor(current / 5) },
    },
    referrals: { asked: totals['referral-ask'], intros: totals.referral, due: r.int(0, 9) },
  };
  if (repIndex % 3 !== 0) {
    report.funnel = {
      callsPerConversation: r.int(0, 4) === 0 ? null : Math.round(r.next() * 300) / 10,
      conversationsPerMeeting: Math.round(r.next() * 80) / 10,
      showRate: r.int(0, 5) === 0 ? null : Math.round(r.next() * 100) / 100,
      repSourcedShare: Math.round(r.next() * 100) / 100,
    };
  }
  if (repIndex % 8 === 1) {
    report.beliefs = [
      { belief: 'Cold calling is pushy.', affirmation: 'I call to find out whether I can help.' },
    ];
  }
  return report;
}

/** The folder of 50 reps x 12 weeks, less the weeks some reps missed; returns it and week 47's files. */
function teamFolder(): { dir: string; latest: string[] } {
  const dir = join(tempHome(), 'team-12-weeks');
  mkdirSync(dir);
  const r = rng(16);
  const latest: string[] = [];
  repNames().forEach((rep, i) => {
    const slug = `rep-${String(i).padStart(2, '0')}`;
    if (i === 20) {
      // One rep sends one trend report of all their weeks instead of weekly files.
      const weeks = WEEKS.map((_, w) => weekly(r, rep, i, w));
      const file = join(dir, `${slug}-trend.json`);
      writeFileSync(file, JSON.stringify({ schema: 'prospect.trend-report/1', weeks }));
      latest.push(file);
      return;
    }
    WEEKS.forEach((week, w) => {
      const report = weekly(r, rep, i, w);
      // Some reps miss weeks: every fourth rep the odd weeks, two more the first four.
      if ((i % 4 === 3 && w % 2 === 1 && w !== 11) || ((i === 30 || i === 31) && w < 4)) return;
      // The latest week alone also stands as a one-week roll-up; rep 44 did not send it.
      if (i === 44 && w === 11) return;
      const file = join(dir, `${slug}-${week}.json`);
      const bom = i === 17 && w === 5 ? '\uFEFF' : '';
      writeFileSync(file, `${bom}${JSON.stringify(report, null, i % 2 ? 2 : 0)}\n`);
      if (w === 11) latest.push(file);
    });
  });
  return { dir, latest };
}

const FORMATS = [
  ['text', 'txt'],
  ['md', 'md'],
  ['csv', 'csv'],
  ['json', 'json'],
  ['html', 'html'],
] as const;

describe('prospect team over 50 reps x 12 weeks: the whole output, unchanged', () => {
  for (const [format, ext] of FORMATS) {
    it(`trend of 50 reps x 12 weeks as ${format} (golden file)`, async () => {
      const { dir } = teamFolder();
      const r = await runIn(tempHome(), ['team', dir, '--format', format]);
      expect(r.code).toBe(0);
      await expect(r.stdout.replaceAll(dir, '<dir>')).toMatchFileSnapshot(
        `../fixtures/reports/team-50x12.${ext}`,
      );
      // The rep with no name is named by each file, and told how to set a name.
      expect(r.stderr.replaceAll(dir, '<dir>')).toBe(
        WEEKS.map(
          (w) =>
            `<dir>/rep-08-${w}.json names no rep: shown as 'rep-08-${w}'; the rep sets a name with prospect config set name "Their Name"\n`,
        ).join(''),
      );
    });

    it(`one week of 49 reps as ${format} (golden file)`, async () => {
      const { dir, latest } = teamFolder();
      const r = await runIn(tempHome(), ['team', ...latest, '--format', format]);
      expect(r.code).toBe(0);
      await expect(r.stdout.replaceAll(dir, '<dir>')).toMatchFileSnapshot(
        `../fixtures/reports/team-50x12-latest.${ext}`,
      );
    });
  }

  it('in colour, as a terminal shows it (golden file)', async () => {
    const { dir } = teamFolder();
    const r = await runIn(tempHome(), ['team', dir], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[');
    await expect(r.stdout.replaceAll(dir, '<dir>')).toMatchFileSnapshot(
      '../fixtures/reports/team-50x12-colour.txt',
    );
  });
});
