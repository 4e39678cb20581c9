import { describe, expect, it } from 'vitest';
import { buildLeadReport, median } from '../../src/domain/lead-report.js';
import { AS_OF, leadsFixture } from '../leads-fixture.js';

const report = (over: { from?: string; to?: string; asOf?: string; source?: string } = {}) =>
  buildLeadReport(leadsFixture(), { to: over.asOf ?? AS_OF, asOf: AS_OF, ...over });

describe('leads report, worked out by hand (test/leads-fixture.ts)', () => {
  it('the window is the 30 days ending on the as-of day; the old lead is outside', () => {
    const r = report();
    expect(r).toMatchObject({
      schema: 'prospect.lead-report/1',
      rep: 'Sam Rivera',
      from: '2026-10-29',
      to: AS_OF,
    });
    expect(r.total.received).toBe(6);
  });

  it('rows per source and campaign, self first as SPEC lists the sources', () => {
    const r = report();
    expect(r.rows.map((x) => [x.source, x.campaign])).toEqual([
      ['self', null],
      ['marketing', 'ebook'],
      ['marketing', 'nov-webinar'],
    ]);
    // nov-webinar: Ana (0.5 h, then a meeting), Ben (2 h, rejected bad-data), Cleo (untimed, next
    // day, lost no-budget), Dev (contacted only after the as-of day: open, untouched).
    expect(r.rows[2]).toEqual({
      source: 'marketing',
      campaign: 'nov-webinar',
      received: 4,
      contacted: 3,
      accepted: 1,
      rejected: 1,
      meetings: 1,
      won: 0,
      lost: 1,
      open: 2,
      rejectReasons: { 'bad-data': 1 },
      lostReasons: { 'no-budget': 1 },
      medianHoursToFirstTouch: 1.25,
      withinHourShare: 0.5,
      sameDayShare: 0.5,
      timed: 2,
      sameDay: 2,
      firstTouchHours: [0.5, 2],
    });
    // ebook: Eve went straight to a meeting 45 minutes in (contacted skipped), then won.
    expect(r.rows[1]).toMatchObject({
      received: 1,
      contacted: 1,
      accepted: 1,
      meetings: 1,
      won: 1,
      open: 0,
      medianHoursToFirstTouch: 0.75,
      withinHourShare: 1,
      sameDayShare: 1,
    });
    // self: untimed, same day: no hours, a same-day share.
    expect(r.rows[0]).toMatchObject({
      received: 1,
      contacted: 1,
      open: 1,
      medianHoursToFirstTouch: null,
      withinHourShare: null,
      sameDayShare: 1,
    });
  });

  it('the total: median of 0.5, 2 and 0.75 hours; within an hour 2 of 3 timed; same day 4 of 6', () => {
    expect(report().total).toMatchObject({
      received: 6,
      contacted: 5,
      accepted: 2,
      rejected: 1,
      meetings: 2,
      won: 1,
      lost: 1,
      open: 3,
      medianHoursToFirstTouch: 0.75,
      withinHourShare: 0.667,
      sameDayShare: 0.667,
    });
  });

  it('meetings of the window by source, and the rep-sourced share (self 2 + referral 1 of 5 known)', () => {
    const r = report();
    expect(r.meetingsBySource).toEqual({
      self: 2,
      referral: 1,
      marketing: 2,
      event: 0,
      other: 0,
      unspecified: 1,
    });
    expect(r.repSourcedShare).toBe(0.6);
  });

  it('one row per marketing lead, oldest first, with stage, reason and time to first touch; no email', () => {
    const r = report();
    expect(
      r.leads.map((l) => [l.name, l.stage, l.reason, l.hoursToFirstTouch, l.daysToFirstTouch]),
    ).toEqual([
      ['Ana <b>Ruiz</b>', 'meeting', null, 0.5, 0],
      ['Ben Ode', 'rejected', 'bad-data', 2, 0],
      ['Dev Shah', 'new', null, null, null],
      ['Cleo Park', 'lost', 'no-budget', null, 1],
      ['Eve Moss', 'won', null, 0.75, 0],
    ]);
    expect(JSON.stringify(r)).not.toContain('@');
  });

  it('counts each lead at its stage as of the as-of day; --from/--to and --source narrow it', () => {
    const asOf = buildLeadReport(leadsFixture(), { to: '2026-11-24', asOf: '2026-11-24' });
    expect(asOf.total).toMatchObject({ received: 5, lost: 0, won: 0, rejected: 1, open: 4 });
    const narrow = buildLeadReport(leadsFixture(), {
      from: '2026-11-24',
      to: '2026-11-25',
      asOf: AS_OF,
    });
    expect(narrow.total.received).toBe(2);
    expect(narrow.meetingsBySource.self).toBe(0);
    const self = buildLeadReport(leadsFixture(), { to: AS_OF, asOf: AS_OF, source: 'self' });
    expect(self.rows.map((x) => x.source)).toEqual(['self']);
    expect(self.leads).toEqual([]);
  });

  it('median: the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
