/**
 * IP and CIDR parsing as k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy do (Go 1.16 net
 * rules: IPv4 octets may carry leading zeros, zones are rejected), and Go's net.SplitHostPort.
 */
export type IPFamily = 4 | 6;

function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]+$/.test(part) || part.length > 7) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIPv6(s: string): boolean {
  if (s.includes('%')) return false;
  let groups = 0;
  let ellipsis = false;
  let rest = s;
  if (rest.startsWith('::')) {
    ellipsis = true;
    rest = rest.slice(2);
    if (rest === '') return true;
  }
  while (rest !== '') {
    const m = /^[0-9a-fA-F]{1,4}/.exec(rest);
    // An embedded IPv4 address may close the address.
    const v4 = /^[0-9.]+$/.exec(rest);
    if (v4 && rest.includes('.')) {
      if (!parseIPv4(rest) || groups > 6) return false;
      groups += 2;
      break;
    }
    if (!m) return false;
    groups++;
    rest = rest.slice(m[0].length);
    if (rest === '') break;
    if (!rest.startsWith(':')) return false;
    if (rest.startsWith('::')) {
      if (ellipsis) return false;
      ellipsis = true;
      rest = rest.slice(2);
      continue;
    }
    rest = rest.slice(1);
    if (rest === '') return false;
  }
  return ellipsis ? groups < 8 : groups === 8;
}

/** The address family of a valid IP, or undefined. IPv4-mapped IPv6 counts as IPv4, as in Go. */
export function ipFamily(s: string): IPFamily | undefined {
  if (parseIPv4(s)) return 4;
  if (!s.includes(':') || !parseIPv6(s)) return undefined;
  return /^::ffff:[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/i.test(s) ? 4 : 6;
}

export function isValidIP(s: string): boolean {
  return ipFamily(s) !== undefined;
}

/** The family of a valid CIDR ("10.0.0.0/8"), or undefined. */
export function cidrFamily(s: string): IPFamily | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const address = s.slice(0, slash);
  const mask = s.slice(slash + 1);
  if (!/^[0-9]+$/.test(mask)) return undefined;
  const isV4 = parseIPv4(address) !== undefined;
  if (!isV4 && !(address.includes(':') && parseIPv6(address))) return undefined;
  // Go sizes the mask by the textual form: 32 bits for dotted IPv4, 128 otherwise.
  if (Number(mask) > (isV4 ? 32 : 128)) return undefined;
  return isV4 ? 4 : 6;
}

export function isValidCIDR(s: string): boolean {
  return cidrFamily(s) !== undefined;
}

/** Go's net.SplitHostPort; returns an error text like Go's on failure. */
export function splitHostPort(hostport: string): { host: string; port: string } | { error: string } {
  const missingPort = { error: `address ${hostport}: missing port in address` };
  const lastColon = hostport.lastIndexOf(':');
  if (lastColon < 0) return missingPort;
  let host: string;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return { error: `address ${hostport}: missing ']' in address` };
    if (end + 1 === hostport.length) return missingPort;
    if (end + 1 !== lastColon) return { error: `address ${hostport}: too many colons in address` };
    host = hostport.slice(1, end);
    if (host.includes('[') || host.includes(']')) return { error: `address ${hostport}: unexpected '[' in address` };
  } else {
    host = hostport.slice(0, lastColon);
    if (host.includes(':')) return { error: `address ${hostport}: too many colons in address` };
    if (host.includes('[') || host.includes(']')) return { error: `address ${hostport}: unexpected '[' in address` };
  }
  const port = hostport.slice(lastColon + 1);
  if (port.includes('[') || port.includes(']')) return { error: `address ${hostport}: unexpected ']' in address` };
  return { host, port };
}

/** Go's strconv.Atoi for the values that matter here (optional sign, decimal digits, int64 range). */
export function goAtoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}
