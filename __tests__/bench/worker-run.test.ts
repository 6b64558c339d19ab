import { Bench } from 'tinybench';
import { describe, expect, it } from 'vitest';
import { thin, wallClockBudget } from '../../src/bench/worker-run.js';

describe('wallClockBudget', () => {
  it('reports a non-negative wall-clock cost per iteration and declares the budget spent at the cap', () => {
    const clock = wallClockBudget(() => 42, 3);
    const costs = [1, 2, 3].map(() => (clock.fn() as { overriddenIterationCost: number }).overriddenIterationCost);
    expect(costs[0]).toBeGreaterThanOrEqual(0);
    expect(costs[1]).toBeGreaterThanOrEqual(0);
    expect(costs[2]).toBe(Number.MAX_VALUE);
    clock.restart();
    expect((clock.fn() as { overriddenIterationCost: number }).overriddenIterationCost).toBeLessThan(Number.MAX_VALUE);
  });

  it('keeps an async task async', async () => {
    const clock = wallClockBudget(async () => 1, 10);
    const r = clock.fn();
    expect(r).toBeInstanceOf(Promise);
    expect(await r).toHaveProperty('overriddenIterationCost');
  });

  it('ends a tinybench phase at the iteration cap even when time is left', async () => {
    const clock = wallClockBudget(() => Math.sqrt(2), 500);
    const bench = new Bench({ time: 30_000, iterations: 10, warmup: false, retainSamples: true });
    bench.add('capped', clock.fn, { beforeAll: () => clock.restart() });
    await bench.run();
    const r = bench.tasks[0]!.result;
    expect(r.state).toBe('completed');
    expect(r.state === 'completed' && r.latency.samplesCount).toBe(500);
  });
});

describe('thin', () => {
  it('keeps everything up to the limit', () => {
    expect(thin([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });

  it('keeps evenly spaced ranks, first and last included', () => {
    const sorted = Array.from({ length: 101 }, (_, i) => i);
    expect(thin(sorted, 5)).toEqual([0, 25, 50, 75, 100]);
  });
});
