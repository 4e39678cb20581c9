import type { Ctx } from '../context.js';
import { doctorJson, renderDoctor, renderRestore } from '../render/doctor.js';
import { json } from '../render/format.js';
import { inspect, restoreNewestGood } from '../store/health.js';

export async function doctor(ctx: Ctx, opts: { restore?: boolean; json?: boolean }): Promise<void> {
  if (opts.restore) {
    const result = await restoreNewestGood(ctx.store);
    ctx.io.stdout(opts.json ? json(result) : renderRestore(result));
    return;
  }
  const h = inspect(ctx.store);
  ctx.io.stdout(opts.json ? json(doctorJson(h)) : renderDoctor(h, Date.now()));
}
