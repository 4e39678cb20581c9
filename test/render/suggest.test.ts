import { describe, expect, it } from 'vitest';
import type { SuggestReport } from '../../src/domain/targets.js';
import { renderSuggestText } from '../../src/render/suggest.js';

const report = (suggested: number, current: number | null): SuggestReport => ({
  asOf: '2026-11-27',
  weeks: 12,
  from: '2026-08-31',
  to: '2026-11-22',
  scoringDaysPerWeek: 5,
  suggestions: [
    {
      activity: 'call',
      median: 0,
      p80: suggested,
      suggested,
      per: 'week',
      current,
      currentPer: current === null ? null : 'week',
      weekly: [0, 0, 0, suggested],
    },
  ],
});

describe('quota suggest, for people', () => {
  it('says when nothing could be suggested, not that the targets already match', () => {
    const text = renderSuggestText(report(0, 40));
    expect(text).not.toContain('already match');
    expect(text).toContain('too rare');
    expect(text).toMatch(/no activity was logged often enough/i);
  });

  it('says the targets match only when a suggestion equals the target in force', () => {
    expect(renderSuggestText(report(40, 40))).toContain(
      'Your targets already match the suggestions.',
    );
    expect(renderSuggestText(report(45, 40))).toContain('prospect quota set call 45 --per week');
  });
});
