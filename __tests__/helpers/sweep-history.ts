/** A default-branch history whose runs carry a scaling sweep (USL λ 100, σ 0.05, κ 0.002, 3 repeats a level, ±1% noise). */
import type { ScalingRecord } from '../../src/model/index.js';
import { emptyHistory, insertRun, type HistoryDoc } from '../../src/store/history.js';
import { rng } from '../../research/corpus/simulate.js';
import { makeRuns } from './dashboard-history.js';

export const SWEEP_LEVELS = [1, 2, 4, 8, 16, 32];
const usl = (n: number) => (100 * n) / (1 + 0.05 * (n - 1) + 0.002 * n * (n - 1));

export function sweepRecord(seed: number, speedupAt = 16): ScalingRecord {
  const rnd = rng(seed);
  return {
    suite: 'crawl',
    command: 'node crawl.js --concurrency {N}',
    unit: 'pages',
    levels: SWEEP_LEVELS.map((n) => ({ n, throughputs: [0, 1, 2].map(() => usl(n) * (1 + 0.01 * (rnd() - 0.5))) })),
    fit: {
      model: 'usl',
      sigma: { value: 0.05, lo: 0.04, hi: 0.06 },
      kappa: { value: 0.002, lo: 0.001, hi: 0.003 },
      lambda: { value: 100, lo: 98, hi: 102 },
      speedup: { at: speedupAt, value: usl(speedupAt) / 100, lo: null, hi: null, fitted: false },
    },
  };
}

export function sweepHistory(runs = 5): HistoryDoc {
  const doc = emptyHistory('main');
  makeRuns({ benchmarks: 3, runs }).forEach((r, i) => insertRun(doc, { ...r, scaling: [sweepRecord(i + 1)] }));
  return doc;
}
