// `npm run demo`: a short tour in a throw-away store, so a newcomer sees the tool working without
// touching their own data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lightFormat } from 'date-fns/lightFormat';
import { subDays } from 'date-fns/subDays';

const home = mkdtempSync(join(tmpdir(), 'prospect-demo-'));
const bin = new URL('../bin/prospect.js', import.meta.url).pathname;
const daysAgo = (n) => lightFormat(subDays(new Date(), n), 'yyyy-MM-dd');

function prospect(args, show = true) {
  if (show)
    process.stdout.write(
      `\n$ prospect ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}\n`,
    );
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, PROSPECT_HOME: home },
    stdio: show ? 'inherit' : 'ignore',
  });
  if (r.status !== 0 && show) process.exitCode = r.status ?? 1;
}

try {
  prospect(['config', 'set', 'name', 'Demo Rep'], false);
  prospect(['quota', 'set', 'call', '20', '--per', 'day', '--from', daysAgo(30)]);
  prospect(['quota', 'set', 'email', '50', '--per', 'week', '--from', daysAgo(30)]);
  prospect(['quota', 'set', 'meeting', '8', '--per', 'month', '--from', daysAgo(30)]);
  for (let n = 14; n >= 1; n--) {
    prospect(['log', 'call', String(18 + (n % 5)), '--date', daysAgo(n)], false);
    prospect(['log', 'email', String(8 + (n % 4)), '--date', daysAgo(n)], false);
  }
  prospect(['log', 'meeting', '2', '--date', daysAgo(3), '--source', 'marketing'], false);
  prospect(['log', 'calls', '12', '--note', 'two callbacks for Thursday']);
  prospect(['log', 'meeting', '--contact', 'Dana Lee', '--source', 'referral']);
  prospect(['status']);
  prospect(['history', '--from', daysAgo(0)]);
  process.stdout.write(`\nThat was a throw-away store in ${home} (now removed).\n`);
  process.stdout.write(
    'Your own store: prospect where. Start with: prospect quota set call 20 --per day\n',
  );
} finally {
  rmSync(home, { recursive: true, force: true });
}
