import { describe, expect, it } from 'vitest';
import {
  firstTouch,
  leadViews,
  matchLead,
  moveProblem,
  openTwin,
  stageOf,
} from '../../src/domain/leads.js';
import type { Lead, LeadEvent, StoreData } from '../../src/domain/types.js';
import {
  addLeads,
  emptyStore,
  findProblem,
  migrate,
  SCHEMA_VERSION,
} from '../../src/store/schema.js';

const lead = (over: Partial<Lead> = {}): Lead => ({
  id: 'l1',
  name: 'Dana Lee',
  source: 'marketing',
  received: '2026-11-23',
  events: [],
  ...over,
});
const ev = (stage: LeadEvent['stage'], date: string, more: Partial<LeadEvent> = {}): LeadEvent => ({
  stage,
  date,
  ...more,
});

function store(leads: Lead[], change: (d: StoreData) => void = () => {}): StoreData {
  const d = { ...emptyStore(), leads };
  change(d);
  return d;
}

describe('stages', () => {
  it('the stage is the last event; won, lost and rejected close; reopened goes back', () => {
    expect(stageOf([])).toBe('new');
    expect(stageOf([ev('contacted', '2026-11-23'), ev('accepted', '2026-11-24')])).toBe('accepted');
    const closed = [ev('contacted', '2026-11-23'), ev('lost', '2026-11-24', { reason: 'timing' })];
    expect(stageOf(closed)).toBe('lost');
    expect(stageOf([...closed, ev('reopened', '2026-11-25')])).toBe('contacted');
  });

  it('a closed lead refuses new stages; only a closed one reopens', () => {
    const won = lead({ events: [ev('won', '2026-11-24')] });
    expect(moveProblem(won, ev('contacted', '2026-11-25'))).toContain('is closed (won)');
    expect(moveProblem(won, ev('reopened', '2026-11-25'))).toBeUndefined();
    expect(moveProblem(lead(), ev('reopened', '2026-11-25'))).toContain('is open');
  });

  it('rejected and lost need a reason', () => {
    expect(moveProblem(lead(), ev('rejected', '2026-11-24'))).toContain('needs --reason');
    expect(moveProblem(lead(), ev('lost', '2026-11-24'))).toContain('needs --reason');
    expect(moveProblem(lead(), ev('lost', '2026-11-24', { reason: 'no-budget' }))).toBeUndefined();
  });

  it('events go in order: not before received, not before the last event, nor earlier that day', () => {
    expect(moveProblem(lead(), ev('contacted', '2026-11-22'))).toContain(
      'before the lead was received',
    );
    const l = lead({ time: '10:00', events: [ev('contacted', '2026-11-24', { time: '09:00' })] });
    expect(moveProblem(l, ev('accepted', '2026-11-23'))).toContain("before the lead's last event");
    expect(moveProblem(l, ev('accepted', '2026-11-24', { time: '08:59' }))).toContain(
      '--time 08:59',
    );
    expect(
      moveProblem(lead({ time: '10:00' }), ev('contacted', '2026-11-23', { time: '09:59' })),
    ).toContain('before the lead was received');
  });
});

describe('names', () => {
  const leads = [
    lead({ id: 'a', name: 'José Núñez', company: 'Acme' }),
    lead({ id: 'b', name: 'Dana Lee', company: 'Bolt' }),
    lead({ id: 'c', name: 'Dana Lee', company: 'Crane', events: [ev('won', '2026-11-24')] }),
    lead({ id: 'd', name: 'René Roy' }),
    lead({ id: 'e', name: 'Rene Roy' }),
  ];
  it('case and Unicode form never matter; accents only when unambiguous', () => {
    expect(matchLead(leads, 'JOSÉ NÚÑEZ')).toMatchObject({ ok: true, lead: { id: 'a' } });
    expect(matchLead(leads, 'Jose\u0301 Nu\u0301n\u0303ez')).toMatchObject({
      ok: true,
      lead: { id: 'a' },
    });
    expect(matchLead(leads, 'jose nunez')).toMatchObject({ ok: true, lead: { id: 'a' } });
    // René and Rene are two leads: the exact spelling picks one.
    expect(matchLead(leads, 'rené roy')).toMatchObject({ ok: true, lead: { id: 'd' } });
    expect(matchLead(leads, 'rene roy')).toMatchObject({ ok: true, lead: { id: 'e' } });
  });
  it('the same name twice: the preferred (open) one, else all candidates; an id always works', () => {
    const open = (l: Lead) => stageOf(l.events) !== 'won';
    expect(matchLead(leads, 'dana lee', open)).toMatchObject({ ok: true, lead: { id: 'b' } });
    const both = matchLead(leads, 'dana lee');
    expect(both.ok).toBe(false);
    expect(both.ok ? [] : both.candidates.map((l) => l.id)).toEqual(['b', 'c']);
    expect(matchLead(leads, 'C')).toMatchObject({ ok: true, lead: { id: 'c' } });
  });
  it('a near miss suggests the name', () => {
    expect(matchLead(leads, 'Dana Le')).toEqual({
      ok: false,
      candidates: [],
      suggestion: 'Dana Lee',
    });
  });
  it('an open twin: same name and company, case and accents aside; closed ones do not count', () => {
    expect(openTwin(leads, 'dana lee', 'BOLT')?.id).toBe('b');
    expect(openTwin(leads, 'Dana Lee', 'Crane')).toBeUndefined();
    expect(openTwin(leads, 'Jose Nunez', 'acme')?.id).toBe('a');
  });
});

describe('due leads', () => {
  // Mon 23 Nov 2026 .. ; Sat 28 and Sun 29 are not workdays.
  it('never contacted: due from the day received (first touch)', () => {
    const [v] = leadViews(store([lead()]), '2026-11-23');
    expect(v).toMatchObject({ due: true, dueReason: 'first-touch', age: 0 });
  });

  it('follow-up after lead.followUpDays scoring days, skipping weekends and days off', () => {
    // Contacted Thu 26: Fri 27, Mon 30, Tue 1 Dec are the three scoring days.
    const l = lead({ events: [ev('contacted', '2026-11-26')] });
    const due = (asOf: string, change?: (d: StoreData) => void) =>
      leadViews(store([l], change), asOf)[0]?.dueReason ?? null;
    expect(due('2026-11-30')).toBeNull();
    expect(due('2026-12-01')).toBe('follow-up');
    // Mon 30 off: one scoring day fewer by Tue.
    expect(due('2026-12-01', (d) => d.daysOff.push({ date: '2026-11-30' }))).toBeNull();
    expect(due('2026-12-02', (d) => d.daysOff.push({ date: '2026-11-30' }))).toBe('follow-up');
    expect(
      due('2026-11-30', (d) => {
        d.settings.lead = { followUpDays: 2 };
      }),
    ).toBe('follow-up');
  });

  it('closed leads are never due; as of an earlier day, later events do not count', () => {
    const l = lead({ events: [ev('contacted', '2026-11-23'), ev('won', '2026-11-30')] });
    expect(leadViews(store([l]), '2026-11-30')[0]?.due).toBe(false);
    expect(leadViews(store([l]), '2026-11-26')[0]).toMatchObject({
      stage: 'contacted',
      dueReason: 'follow-up',
    });
    expect(leadViews(store([l]), '2026-11-22')).toEqual([]);
  });

  it('never contacted first, then follow-ups, then the rest, each oldest first; age in scoring days', () => {
    const leads = [
      lead({ id: 'new-late', received: '2026-11-25' }),
      lead({ id: 'fresh-touch', received: '2026-11-20', events: [ev('contacted', '2026-11-30')] }),
      lead({ id: 'new-early', received: '2026-11-24', time: '15:00' }),
      lead({ id: 'new-early-am', received: '2026-11-24', time: '09:00' }),
      lead({ id: 'follow-up', received: '2026-11-19', events: [ev('contacted', '2026-11-20')] }),
    ];
    const views = leadViews(store(leads), '2026-11-30');
    expect(views.map((v) => v.lead.id)).toEqual([
      'new-early-am',
      'new-early',
      'new-late',
      'follow-up',
      'fresh-touch',
    ]);
    // Received Fri 20: Mon 23 .. Fri 27 and Mon 30 are six scoring days.
    expect(views[4]?.age).toBe(6);
  });
});

describe('speed to first touch', () => {
  it('in hours where both ends have a time, else in calendar days; skipped contacted counts', () => {
    const timed = lead({
      time: '09:15',
      events: [ev('contacted', '2026-11-23', { time: '10:00' })],
    });
    expect(firstTouch(timed, timed.events)).toEqual({ hours: 0.75, days: 0 });
    const overnight = lead({
      time: '16:00',
      events: [ev('meeting', '2026-11-24', { time: '10:00' })],
    });
    expect(firstTouch(overnight, overnight.events)).toEqual({ hours: 18, days: 1 });
    const untimed = lead({ events: [ev('accepted', '2026-11-26', { time: '10:00' })] });
    expect(firstTouch(untimed, untimed.events)).toEqual({ hours: null, days: 3 });
    expect(firstTouch(lead(), [])).toBeNull();
  });
});

describe('the store', () => {
  it('migration 3->4 adds an empty list of leads', () => {
    const v3 = { ...emptyStore(), schemaVersion: 3 } as Record<string, unknown>;
    delete v3.leads;
    expect(addLeads(v3).leads).toEqual([]);
    const { data } = migrate(v3);
    expect(data.leads).toEqual([]);
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('findProblem: a hand-edited lead obeys the same rules as the commands', () => {
    const check = (l: unknown) =>
      findProblem({ ...emptyStore(), leads: [l] } as unknown as Record<string, unknown>);
    expect(check(lead())).toBeUndefined();
    expect(check({ ...lead(), source: 'magic' })).toContain('source "magic"');
    expect(check({ ...lead(), received: '2026-02-30' })).toContain('is not a lead');
    expect(check({ ...lead(), time: '25:00' })).toContain('wrong type');
    expect(check(lead({ events: [ev('lost', '2026-11-24')] }))).toContain('needs --reason');
    expect(check(lead({ events: [ev('lost', '2026-11-24', { reason: 'broke' })] }))).toContain(
      'not a lead event',
    );
    expect(
      check(lead({ events: [ev('won', '2026-11-24'), ev('contacted', '2026-11-25')] })),
    ).toContain('is closed');
    expect(
      findProblem({ ...emptyStore(), leads: [lead(), lead()] } as unknown as Record<
        string,
        unknown
      >),
    ).toContain("repeats the id 'l1'");
    expect(
      findProblem({ ...emptyStore(), leads: undefined } as unknown as Record<string, unknown>),
    ).toBe('leads is not a list');
  });
});
