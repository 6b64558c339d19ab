import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { countParallelism, runLimited } from '../../src/bench/parallel.js';
import { progressLogger } from '../../src/flows/progress.js';
import type { Logger } from '../../src/model/logger.js';

describe('countParallelism', () => {
  it('is instructions.parallel, else the CPU count, and at least 1', () => {
    expect(countParallelism({ instructions: { parallel: 3 } })).toBe(3);
    expect(countParallelism({})).toBe(Math.max(1, os.availableParallelism()));
    expect(countParallelism({ instructions: { parallel: 0 } })).toBe(1);
  });
});

describe('runLimited', () => {
  it('runs at most n jobs at once and returns results in the jobs order, not the finishing order', async () => {
    let running = 0;
    let most = 0;
    const delays = [30, 5, 20, 1, 10];
    const jobs = delays.map((ms, i) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return i;
    });
    expect(await runLimited(jobs, 2)).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    most = 0;
    await runLimited(jobs, 1);
    expect(most).toBe(1);
  });

  it('does nothing for no jobs', async () => {
    expect(await runLimited([], 4)).toEqual([]);
  });
});

describe('the counting progress line', () => {
  it('says how many tasks are counted, in how long, and about how long is left', () => {
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m) } as unknown as Logger;
    const show = progressLogger(log);
    show({ type: 'count-progress', suite: 'p"x', measure: 'instructions', done: 2, total: 5, elapsedMs: 30_000, etaMs: 45_000 });
    show({ type: 'count-progress', suite: 'p"x', measure: 'instructions', done: 5, total: 5, elapsedMs: 75_400, etaMs: 0 });
    expect(lines).toEqual([
      '  ⧗ "p\\"x" [instructions]: 2/5 tasks counted in 30 s, about 45 s left',
      '  ⧗ "p\\"x" [instructions]: 5/5 tasks counted in 1 min 15 s',
    ]);
  });
});
