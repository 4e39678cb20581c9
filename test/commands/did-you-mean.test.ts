import { describe, expect, it } from 'vitest';
import { noon, readStoreJson, runIn, storeBytes, tempHome } from '../helpers.js';

const at = { now: noon('2026-11-27') };

describe('did you mean, for ids', () => {
  it('rm with a near miss of an entry id names it; exit 2, store untouched', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '3'], at);
    const id = (readStoreJson(home).entries[0] as unknown as { id: string }).id;
    const typo = `${id.slice(0, 5)}${id[5] === 'z' ? 'y' : 'z'}`;
    const before = storeBytes(home);
    const r = await runIn(home, ['rm', typo], at);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `prospect: no entry has the id '${typo}': did you mean '${id}'? see the ids with 'prospect history'\n`,
    );
    expect(storeBytes(home)).toEqual(before);
    const far = await runIn(home, ['rm', 'qqqqqqqqqqqq'], at);
    expect(far.stderr).not.toContain('did you mean');
  });

  it('belief rm gatekeeper suggests gatekeepers', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '1'], at);
    const r = await runIn(home, ['belief', 'rm', 'gatekeeper'], at);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean 'gatekeepers'?");
  });
});
