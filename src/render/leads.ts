import type { ChalkInstance } from 'chalk';
import type { LeadView } from '../domain/leads.js';
import type { Day, LeadEvent } from '../domain/types.js';
import { longDay, plural, shortDay, table } from './format.js';
import { clean } from './report-common.js';
import { prospectCommand } from './words.js';

const eventJson = (e: LeadEvent) => ({
  date: e.date,
  time: e.time ?? null,
  stage: e.stage,
  reason: e.reason ?? null,
  note: e.note ?? null,
});

/** `leads --json`: SPEC's keys, plus the received time and the ages. Emails stay out. */
export function leadsJson(views: readonly LeadView[], asOf: Day): unknown {
  return {
    asOf,
    leads: views.map((v) => ({
      id: v.lead.id,
      name: v.lead.name,
      company: v.lead.company ?? null,
      source: v.lead.source,
      campaign: v.lead.campaign ?? null,
      received: v.lead.received,
      receivedTime: v.lead.time ?? null,
      stage: v.stage,
      due: v.due,
      dueReason: v.dueReason,
      age: v.age,
      lastEvent: v.lastEvent ? eventJson(v.lastEvent) : null,
      events: v.events.map(eventJson),
    })),
  };
}

/** `first touch` / `follow-up`: what a due lead is waiting for, or its stage. */
const dueText = (v: LeadView) =>
  v.dueReason === 'first-touch' ? 'first touch' : v.dueReason === 'follow-up' ? 'follow up' : '';

/** The leads as a table, due first, with a headline of how many are due. */
export function renderLeads(
  views: readonly LeadView[],
  asOf: Day,
  c: ChalkInstance,
  all: boolean,
): string {
  if (views.length === 0) {
    return all
      ? 'No leads yet. Add one: prospect lead add "Dana Lee" --company "Bright Smiles", or import a list: prospect lead import list.csv --source marketing\n'
      : 'No open leads. Add one: prospect lead add "Dana Lee", or see closed ones: prospect leads --all\n';
  }
  const due = views.filter((v) => v.due);
  const firstTouch = due.filter((v) => v.dueReason === 'first-touch').length;
  const head =
    due.length === 0
      ? `${longDay(asOf)}: no leads due, ${plural(views.length, 'lead')} listed (age in scoring days).`
      : `${longDay(asOf)}: ${plural(due.length, 'lead')} due (${firstTouch} first touch, ${due.length - firstTouch} follow up), ${views.length} listed (age in scoring days).`;
  const rows = [
    ['due', 'name', 'company', 'source', 'received', 'age', 'stage', 'last event'],
    ...views.map((v) => [
      dueText(v),
      clean(v.lead.name),
      clean(v.lead.company ?? ''),
      `${v.lead.source}${v.lead.campaign ? `/${clean(v.lead.campaign)}` : ''}`,
      `${shortDay(v.lead.received)}${v.lead.time ? ` ${v.lead.time}` : ''}`,
      `${v.age}d`,
      v.stage,
      v.lastEvent
        ? `${v.lastEvent.stage} ${shortDay(v.lastEvent.date)}${v.lastEvent.reason ? ` (${v.lastEvent.reason})` : ''}`
        : '',
    ]),
  ];
  const lines = table(rows, [5]);
  const body = lines.map((line, i) =>
    i === 0 ? c.dim(line) : views[i - 1]?.due ? c.yellow(line) : line,
  );
  const next = due[0]
    ? `\nNext: ${prospectCommand('lead', 'contacted', clean(due[0].lead.name))}`
    : '';
  return `${c.bold(head)}\n${body.join('\n')}${next}\n`;
}

/** For `status`: "3 leads due, oldest received Mon 23 Nov from marketing". */
export function leadsDueLine(views: readonly LeadView[]): string | null {
  const due = views.filter((v) => v.due);
  const oldest = due[0];
  if (!oldest) return null;
  return `${plural(due.length, 'lead')} due, oldest received ${longDay(oldest.lead.received, false)} from ${oldest.lead.source} (prospect leads)`;
}
