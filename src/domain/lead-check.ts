import {
  folded,
  isClosed,
  LEAD_ORIGINS,
  LEAD_REASONS,
  LEAD_STAGES,
  type LeadState,
  moveProblemAfter,
  stageOf,
} from './leads.js';
import type { Lead, LeadEvent, LeadStage } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const optTime = (v: unknown) => v === undefined || (typeof v === 'string' && TIME.test(v));

/** The first thing wrong with a store's leads, in words (schema.ts calls this), or undefined. */
export function findLeadProblem(
  leads: unknown[],
  isDay: (v: unknown) => boolean,
): string | undefined {
  const ids = new Set<string>();
  const open = new Map<string, number>();
  for (let i = 0; i < leads.length; i++) {
    const l = leads[i];
    const at = (what: string) => `leads[${i}] ${what}`;
    if (
      !isObject(l) ||
      typeof l.id !== 'string' ||
      typeof l.name !== 'string' ||
      l.name.trim() === '' ||
      !isDay(l.received) ||
      !Array.isArray(l.events)
    ) {
      return at('is not a lead');
    }
    if (ids.has(l.id)) return at(`repeats the id '${l.id}'`);
    ids.add(l.id);
    if (!(LEAD_ORIGINS as readonly unknown[]).includes(l.source))
      return at(
        `has the source ${JSON.stringify(l.source)}: not one of ${LEAD_ORIGINS.join(', ')}`,
      );
    if (
      !optString(l.company) ||
      !optString(l.email) ||
      !optString(l.campaign) ||
      !optString(l.note) ||
      !optTime(l.time)
    ) {
      return at('has a field of the wrong type');
    }
    const lead = l as unknown as Lead;
    let stage: LeadState = 'new';
    for (let j = 0; j < l.events.length; j++) {
      const e = l.events[j];
      if (
        !isObject(e) ||
        !(e.stage === 'reopened' || LEAD_STAGES.includes(e.stage as LeadStage)) ||
        !isDay(e.date) ||
        !optTime(e.time) ||
        !optString(e.note) ||
        !optString(e.entry) ||
        !(e.reason === undefined || (LEAD_REASONS as readonly unknown[]).includes(e.reason))
      ) {
        return `leads[${i}].events[${j}] is not a lead event`;
      }
      const event = e as unknown as LeadEvent;
      const problem = moveProblemAfter(lead, stage, lead.events[j - 1], event);
      if (problem) return `leads[${i}].events[${j}]: ${problem}`;
      stage = event.stage === 'reopened' ? stageOf(lead.events.slice(0, j + 1)) : event.stage;
    }
    if (!isClosed(stage)) {
      const key = `${folded(lead.name)}\u0000${folded(lead.company ?? '')}`;
      const twin = open.get(key);
      if (twin !== undefined) return at(`is open with the same name and company as leads[${twin}]`);
      open.set(key, i);
    }
  }
  return undefined;
}
