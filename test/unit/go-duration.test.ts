/** Go's time.ParseDuration and Duration.String, case by case (Go's own table, abridged). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatGoDuration, parseGoDuration } from '../../server/src/core/goDuration.ts';

describe('parseGoDuration', () => {
  const ok: [string, bigint][] = [
    ['0', 0n],
    ['5s', 5_000_000_000n],
    ['-5s', -5_000_000_000n],
    ['+5s', 5_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['1h2m3s', 3_723_000_000_000n],
    ['.5s', 500_000_000n],
    ['5.s', 5_000_000_000n],
    ['10ns', 10n],
    ['11us', 11_000n],
    ['12µs', 12_000n],
    ['12μs', 12_000n],
    ['13ms', 13_000_000n],
    ['39h9m14.425s', 140_954_425_000_000n],
  ];
  for (const [input, nanos] of ok) it(`accepts ${input}`, () => assert.deepEqual(parseGoDuration(input), { ok: true, nanos }));
  const bad: [string, string][] = [
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['15 m', 'time: unknown unit " m" in duration "15 m"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
  ];
  for (const [input, error] of bad)
    it(`rejects ${JSON.stringify(input)}`, () => assert.deepEqual(parseGoDuration(input), { ok: false, error }));
});

describe('formatGoDuration', () => {
  const cases: [bigint, string][] = [
    [0n, '0s'],
    [1n, '1ns'],
    [1_100n, '1.1µs'],
    [2_200_000n, '2.2ms'],
    [3_300_000_000n, '3.3s'],
    [-1_000_000_000n, '-1s'],
    [90_000_000_000n, '1m30s'],
    [86_400_000_000_000n, '24h0m0s'],
  ];
  for (const [nanos, text] of cases) it(`prints ${text}`, () => assert.equal(formatGoDuration(nanos), text));
});
