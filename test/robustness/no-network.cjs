// Preload (node --require / NODE_OPTIONS) that makes any network attempt fail loudly and records it.
// Every outgoing connection goes through net.Socket.prototype.connect (http, https, tls, fetch's
// undici all end there) and name lookups through dns; both are patched to append a line to
// $KPT_NETWORK_LOG and throw. Pipes for stdio/IPC are created from file descriptors, not connect().
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');

const log = process.env.KPT_NETWORK_LOG;
function record(what) {
  if (log) fs.appendFileSync(log, `${process.pid} ${what}\n`);
  throw new Error(`network access attempted: ${what}`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(...args) {
  const target = args[0];
  // A Unix domain socket or pipe path is local IPC (vscode-languageserver --pipe), not network.
  const path = typeof target === 'string' ? target : target && typeof target === 'object' ? target.path : undefined;
  if (path !== undefined) return connect.apply(this, args);
  record(
    `net.Socket.connect ${JSON.stringify(target && typeof target === 'object' ? { host: target.host, port: target.port } : args.slice(0, 2))}`,
  );
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = (host) => record(`dns.${name} ${host}`);
  if (dns.promises) dns.promises[name] = async (host) => record(`dns.promises.${name} ${host}`);
}
if (typeof globalThis.fetch === 'function') globalThis.fetch = async (url) => record(`fetch ${url}`);
