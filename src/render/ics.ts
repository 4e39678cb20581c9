import { createHash } from 'node:crypto';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDay } from '../domain/dates.js';
import type { ReferralState, ReferralsView } from '../domain/referrals.js';
import type { Day } from '../domain/types.js';
import { safeText } from '../safe-text.js';
import { plural } from './format.js';
import { dayText, reasonText } from './referrals.js';
import { askCommand, OTHER_OUTCOMES } from './words.js';

const dateArray = (day: Day): DateArray => [
  Number(day.slice(0, 4)),
  Number(day.slice(5, 7)),
  Number(day.slice(8, 10)),
];

/**
 * One UID per client and due date: exporting again the next day gives the same event the same UID
 * (so a calendar updates it instead of adding a copy), and the next ask after it is a new event.
 */
function askUid(client: string, dueDate: Day): string {
  const hash = createHash('sha256')
    .update(client.normalize('NFC').toLocaleLowerCase())
    .digest('hex');
  return `referral-ask-${hash.slice(0, 16)}-${dueDate.replaceAll('-', '')}@prospect`;
}

/** `timestamp` (DTSTAMP) is supported by the library but missing from its type declarations. */
type IcsEvent = EventAttributes & { timestamp: number };

function event(s: ReferralState, on: Day, asOf: Day, now: Date): IcsEvent {
  const why = reasonText(s, asOf);
  const status =
    s.daysOverdue > 0
      ? `Due since ${dayText(s.dueDate, asOf)} (${plural(s.daysOverdue, 'day')} overdue).`
      : s.daysOverdue === 0
        ? 'Due today.'
        : `Due on ${dayText(s.dueDate, asOf)}.`;
  return {
    uid: askUid(s.client, s.dueDate),
    // Cleaned before the library escapes the text, so a visible `\u001b` stays valid iCalendar.
    title: safeText(`Ask ${s.client} for a referral`),
    start: dateArray(on),
    end: dateArray(addDay(on, 1)),
    timestamp: now.getTime(),
    description: safeText(
      `${status} Why: ${why}. Afterwards: ${askCommand(s.client)}${OTHER_OUTCOMES}`,
    ),
    categories: ['referral ask'],
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
  };
}

/**
 * The due and upcoming asks as an iCalendar document (RFC 5545), one all-day event each. An ask
 * already due is put on the as-of day, where a calendar shows it, rather than on its due date in
 * the past; its description says since when it is due.
 */
export function referralsIcs(v: ReferralsView, now: Date): string {
  const events = [
    ...v.due.map((s) => event(s, v.asOf, v.asOf, now)),
    ...v.upcoming.map((s) => event(s, s.dueDate, v.asOf, now)),
  ];
  const { error, value } = createEvents(events, {
    productId: '-//prospect//referral asks//EN',
    calName: 'Referral asks',
  });
  if (error || value == null) throw error ?? new Error('the ics library returned nothing');
  return refold(value);
}

const encoder = new TextEncoder();

/**
 * RFC 5545 3.1 limits content lines to 75 octets, not characters. The ics library folds at 75
 * characters, so a line with accents or emoji can run past 75 octets; this unfolds its output and
 * folds it again by octets, never inside a character.
 */
export function refold(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    if (size + octets > limit) {
      parts.push(current);
      current = '';
      size = 0;
      // A continuation line starts with one space, which counts towards its 75 octets.
      limit = 74;
    }
    current += char;
    size += octets;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
