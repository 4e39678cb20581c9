import { idMaker } from '../app/ids.js';
import type { Ctx } from '../context.js';
import { historyOf, recentFrom } from '../domain/history.js';
import { LeadFileProblem, MAX_LEAD_NAME, newRows, parseLeadCsv } from '../domain/lead-import.js';
import {
  folded,
  isClosed,
  LEAD_ORIGINS,
  LEAD_REASONS,
  type LeadOrigin,
  leadKey,
  matchLead,
  moveProblem,
  openTwin,
  stageOf,
} from '../domain/leads.js';
import { LIMITS } from '../domain/limits.js';
import type {
  Day,
  Entry,
  Lead,
  LeadEvent,
  LeadSource,
  LeadStage,
  StoreData,
} from '../domain/types.js';
import { usage } from '../errors.js';
import { readTextInput } from '../files/input.js';
import { choice, dateOrToday, entryTime, textOption } from '../options.js';
import { longDay, plural } from '../render/format.js';
import { clean } from '../render/report-common.js';
import { prospectCommand } from '../render/words.js';
import { newId } from '../store/ids.js';
import { NeedsWholeStore, updateRecent, updateStore } from '../store/store.js';

/**
 * `--time`, else the wall clock for an entry of today, else none: times are never invented.
 * A `--time` later than now on today is refused: the one rule of `log` and `ask` (entryTime).
 */
function timeFor(ctx: Ctx, date: Day, value: string | undefined): string | undefined {
  return entryTime(value, date, ctx.today, ctx.io.now());
}

const optText = (v: string | undefined, what: string, max?: number) =>
  v === undefined ? undefined : textOption(v, what, max);

/** Builds a lead, leaving out the fields that were not given. */
function makeLead(fields: Omit<Lead, 'events'>): Lead {
  const lead = { events: [] } as unknown as Lead;
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) (lead as never)[k] = v as never;
  return { ...lead, events: [] };
}

/** The lead a typed name or id means, or exit 2 naming the candidates or the near miss. */
function requireLead(
  data: StoreData,
  typed: string,
  prefer: (lead: Lead) => boolean = () => true,
): Lead {
  const history = historyOf(data);
  // The store file alone (updateRecent): a name its history's closed leads share, or no match at
  // all (the message names near misses from every lead), needs the whole store.
  if (history && !data.leads.some((l) => l.id === leadKey(typed))) {
    const names = history.leadNames;
    if (history.hasLeadId(leadKey(typed)) || names.has(leadKey(typed)) || names.has(folded(typed)))
      throw new NeedsWholeStore();
  }
  const found = matchLead(data.leads, typed, prefer);
  if (found.ok) return found.lead;
  if (history) throw new NeedsWholeStore();
  if (found.candidates.length > 0) {
    const list = found.candidates
      .map((l) => `${l.name}${l.company ? ` (${l.company})` : ''} id ${l.id}`)
      .join('; ');
    usage(
      `'${typed.slice(0, 60)}' names ${found.candidates.length} leads: ${list}: give the id instead`,
    );
  }
  const hint = found.suggestion ? `did you mean '${found.suggestion}'? ` : '';
  usage(
    `unknown lead '${typed.slice(0, 60)}': ${hint}${data.leads.length === 0 ? "there are no leads yet: add one with 'prospect lead add'" : "see 'prospect leads --all'"}`,
  );
}

/** A lead for a message: a hand-edited store may hold control characters, so they are cleaned. */
const describeLead = (l: Lead) => clean(`${l.name}${l.company ? ` (${l.company})` : ''}`);

export async function leadAdd(
  ctx: Ctx,
  nameArg: string,
  opts: {
    company?: string;
    email?: string;
    source?: string;
    campaign?: string;
    date?: string;
    time?: string;
    note?: string;
  },
): Promise<void> {
  const name = textOption(nameArg, 'lead name', MAX_LEAD_NAME);
  const company = optText(opts.company, '--company', LIMITS.leadOption);
  const email = optText(opts.email, '--email', LIMITS.email);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    usage(`--email '${email.slice(0, 40)}' is not an email address: use name@example.com`);
  const source: LeadOrigin =
    opts.source === undefined ? 'self' : choice(opts.source, LEAD_ORIGINS, '--source');
  const campaign = optText(opts.campaign, '--campaign', LIMITS.leadOption);
  const received = dateOrToday(opts.date, ctx.today, '--date', { write: true });
  const time = timeFor(ctx, received, opts.time);
  const note = optText(opts.note, '--note');
  const lead = await updateStore(ctx.store, (data) => {
    const twin = openTwin(data.leads, name, company);
    if (twin) {
      usage(
        `lead '${describeLead(twin)}' is already open (id ${twin.id}, received ${twin.received}): work that one, or close it first`,
      );
    }
    const id = newId(new Set(data.leads.map((l) => l.id)));
    const made = makeLead({ id, name, company, email, source, campaign, received, time, note });
    data.leads.push(made);
    return made;
  });
  ctx.io.stdout(
    `Added lead ${describeLead(lead)} from ${lead.source}${lead.campaign ? ` (${lead.campaign})` : ''}, received ${longDay(received)}${time ? ` ${time}` : ''} (id ${lead.id}). Next: ${prospectCommand('lead', 'contacted', lead.name)}\n`,
  );
}

export async function leadImport(
  ctx: Ctx,
  file: string,
  opts: { source?: string; campaign?: string; date?: string; time?: string },
): Promise<void> {
  if (opts.source === undefined)
    usage(`lead import needs --source: one of ${LEAD_ORIGINS.join(', ')}`);
  const source = choice(opts.source, LEAD_ORIGINS, '--source');
  const campaign = optText(opts.campaign, '--campaign', LIMITS.leadOption);
  const received = dateOrToday(opts.date, ctx.today, '--date', { write: true });
  const time = timeFor(ctx, received, opts.time);
  const text = readTextInput(file);
  let parsed: ReturnType<typeof parseLeadCsv>;
  try {
    parsed = parseLeadCsv(text);
  } catch (error) {
    if (error instanceof LeadFileProblem) usage(`${file}: ${error.message}; nothing was imported`);
    throw error;
  }
  const { added, known } = await updateStore(ctx.store, (data) => {
    const { fresh, known } = newRows(data.leads, parsed.rows);
    if (fresh.length === 0) return { added: 0, known };
    const taken = new Set(data.leads.map((l) => l.id));
    for (const row of fresh) {
      const id = newId(taken);
      taken.add(id);
      data.leads.push(
        makeLead({
          id,
          name: row.name,
          company: row.company,
          email: row.email,
          source,
          campaign: row.campaign ?? campaign,
          received,
          time,
          note: row.note,
        }),
      );
    }
    return { added: fresh.length, known };
  });
  const skipped = known > 0 ? `; ${plural(known, 'lead')} already in your leads, skipped` : '';
  const ignored =
    parsed.ignored.length > 0
      ? ` (columns ignored: ${parsed.ignored.join(', ').slice(0, 80)})`
      : '';
  const head =
    added === 0
      ? `Nothing added: all ${plural(known, 'lead')} in ${file} are already in your leads.`
      : `Imported ${plural(added, 'lead')} from ${source}${campaign ? ` (${campaign})` : ''}, received ${longDay(received)}${time ? ` ${time}` : ''}${skipped}.`;
  ctx.io.stdout(`${head}${ignored}${added > 0 ? ' See them: prospect leads' : ''}\n`);
}

interface MoveOptions {
  date?: string;
  time?: string;
  reason?: string;
  note?: string;
}

/** `lead contacted|accepted|rejected|meeting|won|lost <name>`. */
export async function leadMove(
  ctx: Ctx,
  stage: LeadStage,
  nameArg: string,
  opts: MoveOptions,
): Promise<void> {
  const date = dateOrToday(opts.date, ctx.today, '--date', { write: true });
  const time = timeFor(ctx, date, opts.time);
  const reason =
    opts.reason === undefined ? undefined : choice(opts.reason, LEAD_REASONS, '--reason');
  if (reason !== undefined && stage !== 'rejected' && stage !== 'lost')
    usage(`--reason is for lead rejected and lead lost, not lead ${stage}`);
  const note = optText(opts.note, '--note');
  const message = await updateRecent(ctx.store, recentFrom(date), (data) => {
    const lead = requireLead(data, nameArg, (l) => !isClosed(stageOf(l.events)));
    const event: LeadEvent = { stage, date };
    if (time !== undefined) event.time = time;
    if (reason !== undefined) event.reason = reason;
    if (note !== undefined) event.note = note;
    const problem = moveProblem(lead, event);
    if (problem) usage(problem);
    let logged = '';
    if (stage === 'meeting') {
      const entry: Entry = {
        id: idMaker(data)(),
        date,
        activity: 'meeting',
        count: 1,
        // The lead's source: `event` joins LEAD_SOURCES at merge.
        source: lead.source as LeadSource,
        contact: lead.name,
        lead: lead.id,
      };
      if (time !== undefined) entry.time = time;
      data.entries.push(entry);
      event.entry = entry.id;
      logged = ` Logged 1 meeting (source ${lead.source}; id ${entry.id}; undo: prospect undo).`;
    }
    lead.events.push(event);
    return `${describeLead(lead)}: ${stage}${reason ? ` (${reason})` : ''} on ${longDay(date)}${time ? ` ${time}` : ''}.${logged}`;
  });
  ctx.io.stdout(`${message}\n`);
}

export async function leadReopen(ctx: Ctx, nameArg: string, opts: MoveOptions): Promise<void> {
  const date = dateOrToday(opts.date, ctx.today, '--date', { write: true });
  const time = timeFor(ctx, date, opts.time);
  const note = optText(opts.note, '--note');
  const message = await updateStore(ctx.store, (data) => {
    const lead = requireLead(data, nameArg, (l) => isClosed(stageOf(l.events)));
    const twin = openTwin(
      data.leads.filter((l) => l !== lead),
      lead.name,
      lead.company,
    );
    if (twin) usage(`lead '${describeLead(twin)}' is already open (id ${twin.id}): work that one`);
    const event: LeadEvent = { stage: 'reopened', date };
    if (time !== undefined) event.time = time;
    if (note !== undefined) event.note = note;
    const problem = moveProblem(lead, event);
    if (problem) usage(problem);
    lead.events.push(event);
    return `Reopened ${describeLead(lead)}: back to ${stageOf(lead.events)}.`;
  });
  ctx.io.stdout(`${message}\n`);
}

export async function leadRm(ctx: Ctx, nameArg: string): Promise<void> {
  const removed = await updateStore(ctx.store, (data) => {
    const lead = requireLead(data, nameArg);
    data.leads = data.leads.filter((l) => l !== lead);
    return lead;
  });
  ctx.io.stdout(
    `Removed lead ${describeLead(removed)} (id ${removed.id}). Meetings it logged stay in your activity log.\n`,
  );
}
