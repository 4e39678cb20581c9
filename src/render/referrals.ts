import type { ChalkInstance } from 'chalk';
import type { ReferralState, ReferralsView } from '../domain/referrals.js';
import type { Client, Day } from '../domain/types.js';
import { longDay, plural, shortDay, table } from './format.js';
import { askCommand, OTHER_OUTCOMES } from './words.js';

/** `2 Jun`, with the year when it is not the as-of day's year. */
export function dayText(day: Day, asOf: Day): string {
  return day.slice(0, 4) === asOf.slice(0, 4)
    ? shortDay(day)
    : `${shortDay(day)} ${day.slice(0, 4)}`;
}

/** Why the ask is due, in words: "first ask, client since 2 Jun", "90 days since last ask on 2 Aug", "won on 10 Nov". */
export function reasonText(s: ReferralState, asOf: Day): string {
  switch (s.reason) {
    case 'first-ask':
      return `first ask, client since ${dayText(s.since, asOf)}`;
    case 'cadence':
      return `${plural(s.cadenceDays, 'day')} since last ask on ${dayText(s.lastAsk ?? s.dueDate, asOf)}`;
    case 'after-win':
      return `won on ${dayText(s.win ?? s.dueDate, asOf)}`;
  }
}

function lastOutcomeText(s: ReferralState, asOf: Day): string {
  if (s.lastAsk === null) return 'never asked';
  return `${s.lastOutcome ?? 'no outcome noted'}, ${dayText(s.lastAsk, asOf)}`;
}

const overdueText = (days: number) => (days === 0 ? 'due today' : plural(days, 'day'));

export function renderReferrals(v: ReferralsView, c: ChalkInstance): string {
  const lines: string[] = [c.bold(`Referral asks · ${longDay(v.asOf)}`)];
  if (v.clients === 0) {
    lines.push(
      'No clients yet. Add the ones who got results from you, then ask them for introductions:',
      '  prospect client add "Acme Dental" --since 2026-06-02',
    );
    return `${lines.join('\n')}\n`;
  }
  if (v.due.length === 0) {
    lines.push('No asks due today.');
  } else {
    const rows = [
      ['client', 'why now', 'overdue', 'last outcome'],
      ...v.due.map((s) => [
        s.client,
        reasonText(s, v.asOf),
        overdueText(s.daysOverdue),
        lastOutcomeText(s, v.asOf),
      ]),
    ];
    const [head, ...body] = table(rows, [2]);
    lines.push(
      c.dim(head ?? ''),
      ...body.map((line, i) => (v.due[i]?.daysOverdue ? c.yellow(line) : line)),
    );
    const first = v.due[0] as ReferralState;
    lines.push('', `Ask, then record it: ${askCommand(first.client)}${OTHER_OUTCOMES}`);
  }
  if (v.snoozed.length > 0) {
    lines.push(
      `Snoozed: ${v.snoozed.map((s) => `${s.client} until ${dayText(s.snoozedUntil ?? s.dueDate, v.asOf)}`).join(', ')}`,
    );
  }
  lines.push('', c.bold(`Coming up in the next 14 days`));
  if (v.upcoming.length === 0) {
    lines.push('Nothing else comes due.');
  } else {
    const rows = v.upcoming.map((s) => [
      longDay(s.dueDate, false),
      s.client,
      s.snoozedUntil === s.dueDate
        ? `snooze ends (${reasonText(s, v.asOf)})`
        : reasonText(s, v.asOf),
    ]);
    lines.push(...table(rows));
  }
  return `${lines.join('\n')}\n`;
}

function stateJson(s: ReferralState, asOf: Day) {
  return {
    client: s.client,
    reason: s.reason,
    dueDate: s.dueDate,
    daysOverdue: s.daysOverdue,
    why: reasonText(s, asOf),
    since: s.since,
    cadenceDays: s.cadenceDays,
    lastAsk: s.lastAsk,
    lastOutcome: s.lastOutcome,
    win: s.win,
    snoozedUntil: s.snoozedUntil,
  };
}

/** The document of `referrals --json`: SPEC's keys plus the details the table shows. */
export function referralsJson(v: ReferralsView): unknown {
  return {
    asOf: v.asOf,
    due: v.due.map((s) => stateJson(s, v.asOf)),
    upcoming: v.upcoming.map((s) => ({ ...stateJson(s, v.asOf), daysUntil: -s.daysOverdue })),
    snoozed: v.snoozed.map((s) => stateJson(s, v.asOf)),
  };
}

export interface ClientRow {
  client: Client;
  state: ReferralState | undefined;
}

function nextAskText(s: ReferralState | undefined, asOf: Day): string {
  if (s === undefined) return 'not a client yet on this day';
  if (s.snoozedUntil !== null && s.snoozedUntil >= s.dueDate)
    return `snoozed until ${dayText(s.snoozedUntil, asOf)}`;
  if (s.daysOverdue >= 0)
    return s.daysOverdue === 0 ? 'due today' : `due, ${plural(s.daysOverdue, 'day')} overdue`;
  return `${dayText(s.dueDate, asOf)} (${reasonText(s, asOf)})`;
}

export function renderClients(
  rows: readonly ClientRow[],
  asOf: Day,
  defaultCadence: number,
): string {
  if (rows.length === 0) {
    return 'No clients yet. Add one: prospect client add "Acme Dental" --since 2026-06-02\n';
  }
  const cells = [
    ['client', 'since', 'cadence', 'wins', 'last ask', 'next ask'],
    ...rows.map(({ client, state }) => [
      client.name,
      client.since,
      client.every === undefined ? `${defaultCadence}d (default)` : `${client.every}d`,
      String(client.wins.length),
      state ? lastOutcomeText(state, asOf) : '',
      nextAskText(state, asOf),
    ]),
  ];
  return `${table(cells, [3]).join('\n')}\n`;
}

export function clientsJson(rows: readonly ClientRow[], asOf: Day): unknown {
  return rows.map(({ client, state }) => ({
    name: client.name,
    since: client.since,
    every: client.every ?? null,
    wins: client.wins,
    snoozeUntil: client.snoozeUntil ?? null,
    next: state ? stateJson(state, asOf) : null,
  }));
}
