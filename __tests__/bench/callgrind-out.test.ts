import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cacheCounts, parseCountParts, sumEvents } from '../../src/bench/callgrind-out.js';
import { countedBenchmark, countedName } from '../../src/bench/count-result.js';

// Real callgrind 3.19 output (--combine-dumps=yes --cache-sim=yes, pinned geometry) of three
// dumps named by client request; trimmed to its header lines (the per-function cost lines,
// 120 KB, are not read).
const fixture = readFileSync(new URL('../fixtures/callgrind/combined-cache-sim.out', import.meta.url), 'utf8');

describe('parseCountParts', () => {
  it('reads each part of a combined file: its trigger and its totals, not its zero summary', () => {
    const parts = parseCountParts(fixture);
    expect(parts.map((p) => p.trigger)).toEqual(['t0', 't0', 't1', 'Program termination']);
    expect(parts[0]!.events).toEqual({ Ir: 15803, Dr: 5561, Dw: 2197, I1mr: 203, D1mr: 254, D1mw: 47, ILmr: 203, DLmr: 254, DLmw: 47 });
    expect(parts[3]!.events.Ir).toBe(0);
  });

  it('tells the threads apart in a --separate-threads=yes file: a region dump holds only the thread that asked', () => {
    // Real callgrind 3.19 output (header lines) of `node --predictable` counting a loop on the main
    // thread while a worker_threads thread ran a longer loop: the worker's instructions are not in t0
    // (without --separate-threads=yes, t0 counted 82,020,481: both threads).
    const parts = parseCountParts(readFileSync(new URL('../fixtures/callgrind/separate-threads.out', import.meta.url), 'utf8'));
    expect(parts.map((p) => [p.trigger, p.thread, p.events.Ir])).toEqual([
      ['t0', 1, 30467532],
      ['Program termination', 1, 0],
      ['Program termination', 12, 44704963],
    ]);
  });

  it('reads a cachegrind-style file, which has only a summary line', () => {
    const parts = parseCountParts('desc: I1 cache: 32768 B\ncmd: /bin/true\nevents: Ir\nfl=x\n0 5\nsummary: 1234\n');
    expect(parts).toEqual([{ trigger: '', events: { Ir: 1234 } }]);
    expect(sumEvents([...parts, ...parts])).toEqual({ Ir: 2468 });
  });
});

describe('cacheCounts (estimated cycles, the iai-callgrind / gungraun formula)', () => {
  it('L1 hits + 5 × LL hits + 35 × RAM hits', () => {
    const [, , t1] = parseCountParts(fixture);
    // accesses 313826 + 83955 + 60928; L1 misses 6185 + 749 + 392; RAM 1562 + 533 + 338.
    expect(cacheCounts(t1!.events)).toEqual({
      instructions: 313826,
      l1Hits: 451383,
      llHits: 4893,
      ramHits: 2433,
      cycles: 451383 + 5 * 4893 + 35 * 2433,
    });
  });
});

describe('countedBenchmark', () => {
  const parts = parseCountParts(fixture)
    .filter((p) => p.trigger === 't0')
    .map((p) => p.events);

  it('is the median per counted iteration under a name of its own, with no samples', () => {
    const b = countedBenchmark('s', 'sum "x"', 'instructions', parts);
    expect(b).toMatchObject({
      id: `s/${countedName('sum "x"', 'instructions')}`,
      name: 'sum "x" [instructions]',
      unit: 'instructions',
      direction: 'smaller',
      value: (15803 + 13588) / 2,
    });
    expect(b.samples).toBeUndefined();
    expect(b.stats).toMatchObject({ n: 2, min: 13588, max: 15803 });
    expect(b.metrics).toBeUndefined();
  });

  it('is not moved by the call where the optimizing compiler ran (the median, not the mean)', () => {
    // The per-call pattern of map-churn in bench:instructions-accuracy: tier-up in the 4th call.
    const calls = [339894, 339894, 342035, 8149218, 239208, 239208, 239890, 239208, 239208, 239208];
    const b = countedBenchmark(
      's',
      'map',
      'instructions',
      calls.map((Ir) => ({ Ir })),
    );
    // Sorted, the 5th and 6th of ten calls are steady ones: 239208 and 239890.
    expect(b.value).toBe((239208 + 239890) / 2);
    expect(b.stats.mean).toBeCloseTo(calls.reduce((x, y) => x + y) / calls.length, 6);
    expect(b.stats.max).toBe(8149218);
  });

  it('under cycles carries the instructions and cache hits as metrics', () => {
    const b = countedBenchmark('s', 'sum', 'cycles', parts);
    const [a, c] = parts.map(cacheCounts);
    expect(b.unit).toBe('cycles');
    expect(b.value).toBeCloseTo((a!.cycles + c!.cycles) / 2, 6);
    expect(b.metrics?.instructions).toMatchObject({ unit: 'instructions', value: (15803 + 13588) / 2 });
    expect(Object.keys(b.metrics ?? {})).toEqual(['instructions', 'l1Hits', 'llHits', 'ramHits']);
  });
});
