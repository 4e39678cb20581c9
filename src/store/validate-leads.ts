import { findLeadProblem } from '../domain/lead-check.js';
import { LIMITS } from '../domain/limits.js';
import { isDay, optTextProblem, type Rec, textProblem } from './validate-fields.js';

/**
 * The leads (schema 4 on): their shape, stages and reasons as src/domain/leads.ts rules them, and
 * their text as `lead add` and `lead import` check it.
 */
export function leadsProblem(d: Rec): string | undefined {
  if (typeof d.schemaVersion === 'number' && d.schemaVersion < 4 && d.leads === undefined)
    return undefined;
  if (!Array.isArray(d.leads)) return 'leads is not a list';
  const leads = d.leads as unknown[];
  const shape = findLeadProblem(leads, isDay);
  if (shape) return shape;
  for (let i = 0; i < leads.length; i++) {
    const l = leads[i] as Rec;
    const at = `leads[${i}]`;
    const p =
      textProblem(l.name, `${at}.name`, LIMITS.leadName) ??
      optTextProblem(l.company, `${at}.company`, LIMITS.leadField) ??
      optTextProblem(l.email, `${at}.email`, LIMITS.email) ??
      optTextProblem(l.campaign, `${at}.campaign`, LIMITS.leadField) ??
      optTextProblem(l.note, `${at}.note`, LIMITS.text);
    if (p) return p;
    const events = l.events as Rec[];
    for (let j = 0; j < events.length; j++) {
      const e = events[j] as Rec;
      const q = optTextProblem(e.note, `${at}.events[${j}].note`, LIMITS.text);
      if (q) return q;
    }
  }
  return undefined;
}
