/**
 * Go's time.ParseDuration and Duration.String, ported so that the product accepts and rejects
 * exactly the duration strings kube-proxy does (metav1.Duration), with Go's own error texts.
 * Nanoseconds are BigInt: Go durations reach 2^63 ns, beyond a double's exact range.
 */
const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX = (1n << 63n) - 1n;

export type DurationResult = { ok: true; nanos: bigint } | { ok: false; error: string };

/** Go's strconv.Quote for the ASCII-printable case, which is all a YAML scalar usually holds. */
export function goQuote(value: string): string {
  return JSON.stringify(value);
}

export function parseGoDuration(input: string): DurationResult {
  const invalid = (): DurationResult => ({ ok: false, error: `time: invalid duration ${goQuote(input)}` });
  let s = input;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanos: 0n };
  if (s === '') return invalid();
  let total = 0n;
  while (s !== '') {
    if (!/^[0-9.]/.test(s)) return invalid();
    const intMatch = /^[0-9]*/.exec(s)![0];
    s = s.slice(intMatch.length);
    let fraction = '';
    let hadFraction = false;
    if (s.startsWith('.')) {
      s = s.slice(1);
      fraction = /^[0-9]*/.exec(s)![0];
      s = s.slice(fraction.length);
      hadFraction = fraction.length > 0;
    }
    if (intMatch === '' && !hadFraction) return invalid();
    const unitMatch = /^[^0-9.]*/.exec(s)![0];
    if (unitMatch === '') return { ok: false, error: `time: missing unit in duration ${goQuote(input)}` };
    s = s.slice(unitMatch.length);
    const unit = UNITS[unitMatch];
    if (unit === undefined) return { ok: false, error: `time: unknown unit ${goQuote(unitMatch)} in duration ${goQuote(input)}` };
    const whole = intMatch === '' ? 0n : BigInt(intMatch);
    if (whole > (1n << 63n) / unit) return invalid();
    let value = whole * unit;
    if (fraction !== '') {
      // Go scales the fraction in float64; digits beyond what matters are dropped the same way.
      const scaled = Number(`0.${fraction}`) * Number(unit);
      value += BigInt(Math.floor(scaled));
      if (value > 1n << 63n) return invalid();
    }
    total += value;
    if (total > 1n << 63n) return invalid();
  }
  if (negative) return { ok: true, nanos: -total };
  if (total > MAX) return invalid();
  return { ok: true, nanos: total };
}

/** Go's Duration.String(): "1h2m3.5s", "300ms", "0s", "-1s". */
export function formatGoDuration(nanos: bigint): string {
  if (nanos === 0n) return '0s';
  const negative = nanos < 0n;
  let u = negative ? -nanos : nanos;
  const sign = negative ? '-' : '';
  if (u < 1_000_000_000n) {
    const [unit, size] = u < 1_000n ? ['ns', 1n] : u < 1_000_000n ? ['µs', 1_000n] : ['ms', 1_000_000n];
    return sign + fractional(u, size) + unit;
  }
  const hours = u / 3_600_000_000_000n;
  u -= hours * 3_600_000_000_000n;
  const minutes = u / 60_000_000_000n;
  u -= minutes * 60_000_000_000n;
  let out = `${fractional(u, 1_000_000_000n)}s`;
  if (hours > 0n || minutes > 0n) out = `${minutes}m${out}`;
  if (hours > 0n) out = `${hours}h${out}`;
  return sign + out;
}

function fractional(value: bigint, size: bigint): string {
  const whole = value / size;
  const rest = value % size;
  if (rest === 0n) return `${whole}`;
  const digits = size.toString().length - 1;
  return `${whole}.${rest.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}
