import { writeFileSync } from 'node:fs';
import type { Entry, Lead, StoreData } from '../src/domain/types.js';
import { emptyStore } from '../src/store/schema.js';
import { storeFile, tempHome } from './helpers.js';

/**
 * A week of leads, seen on Fri 27 Nov 2026. The report figures in test/domain/lead-report.test.ts
 * are worked out by hand from this: change one and the other must follow.
 */
export const AS_OF = '2026-11-27';

export function leadsFixture(): StoreData {
  const m = (over: Partial<Lead> & Pick<Lead, 'id' | 'name' | 'received'>): Lead => ({
    source: 'marketing',
    campaign: 'nov-webinar',
    events: [],
    ...over,
  });
  const leads: Lead[] = [
    m({
      id: 'ana001',
      name: 'Ana <b>Ruiz</b>',
      company: 'Bright | Smiles',
      email: 'ana@bright.example',
      received: '2026-11-23',
      time: '09:00',
      events: [
        { stage: 'contacted', date: '2026-11-23', time: '09:30' },
        { stage: 'accepted', date: '2026-11-24' },
        { stage: 'meeting', date: '2026-11-25', entry: 'mtg001' },
      ],
    }),
    m({
      id: 'ben002',
      name: 'Ben Ode',
      company: '=HYPERLINK("x")',
      received: '2026-11-23',
      time: '09:00',
      events: [
        { stage: 'contacted', date: '2026-11-23', time: '11:00' },
        { stage: 'rejected', date: '2026-11-24', reason: 'bad-data' },
      ],
    }),
    m({
      id: 'cle003',
      name: 'Cleo Park',
      received: '2026-11-23',
      events: [
        { stage: 'contacted', date: '2026-11-24' },
        { stage: 'lost', date: '2026-11-26', reason: 'no-budget' },
      ],
    }),
    m({
      id: 'dev004',
      name: 'Dev Shah',
      email: 'dev@shah.example',
      received: '2026-11-23',
      time: '09:00',
      // After the as-of day: not counted.
      events: [{ stage: 'contacted', date: '2026-11-30' }],
    }),
    m({
      id: 'eve005',
      name: 'Eve Moss',
      campaign: 'ebook',
      received: '2026-11-24',
      time: '10:00',
      events: [
        { stage: 'meeting', date: '2026-11-24', time: '10:45', entry: 'mtg002' },
        { stage: 'won', date: '2026-11-26' },
      ],
    }),
    {
      id: 'sam006',
      name: 'Sam Self',
      source: 'self',
      received: '2026-11-25',
      events: [{ stage: 'contacted', date: '2026-11-25' }],
    },
    m({ id: 'old007', name: 'Old Lead', received: '2026-10-01' }),
  ];
  const e = (id: string, date: string, source?: string, lead?: string): Entry => {
    const entry: Entry = { id, date, activity: 'meeting', count: 1 };
    if (source) entry.source = source as Entry['source'];
    if (lead) entry.lead = lead;
    return entry;
  };
  const entries: Entry[] = [
    e('old001', '2026-10-01', 'self'),
    { ...e('slf001', '2026-11-20', 'self'), count: 2 },
    e('mtg002', '2026-11-24', 'marketing', 'eve005'),
    e('mtg001', '2026-11-25', 'marketing', 'ana001'),
    e('ref001', '2026-11-26', 'referral'),
    e('uns001', '2026-11-26'),
  ];
  const data = emptyStore();
  data.settings.name = 'Sam Rivera';
  return { ...data, leads, entries };
}

/** A PROSPECT_HOME holding the fixture. */
export function leadsHome(): string {
  const home = tempHome();
  writeFileSync(storeFile(home), JSON.stringify(leadsFixture()));
  return home;
}
