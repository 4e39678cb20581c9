// Loaded with `node --import` before the CLI: any attempt to open a network connection or to look
// up a host name ends the process at once with exit 97 and a line on stderr, so a test cannot miss it.
import dgram from 'node:dgram';
import dns from 'node:dns';
import { writeSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';

const refuse = (what) => () => {
  writeSync(2, `NETWORK USED: ${what}\n`);
  process.exit(97);
};

net.Socket.prototype.connect = refuse('net.Socket.connect');
tls.connect = refuse('tls.connect');
dgram.createSocket = refuse('dgram.createSocket');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = refuse(`dns.${name}`);
  dns.promises[name] = refuse(`dns.promises.${name}`);
}
globalThis.fetch = refuse('fetch');
