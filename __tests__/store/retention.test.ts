import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyHistory, insertRun } from '../../src/store/history.js';
import { applyRetention, keptIndexes, maxEntries } from '../../src/store/retention.js';
import { at, makeRun } from './make-run.js';

/** Timestamps every `stepHours` hours, oldest first. */
const series = (n: number, stepHours: number) => Array.from({ length: n }, (_, i) => at(i * stepHours));

describe('retention', () => {
  it('keeps everything while the history is young and short', () => {
    expect(keptIndexes(series(50, 1))).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('thins older runs to the last one of each day, then of each week, then drops them', () => {
    // 4 runs a day for 400 days; keep 8 recent, 10 days daily, 4 weeks weekly.
    const ts = series(1600, 6);
    const kept = keptIndexes(ts, { raw: 2, recent: 8, dailyDays: 10, weeklyWeeks: 4 });
    const days = kept.map((i) => ts[i]!.slice(0, 10));
    expect(kept.slice(-8)).toEqual([1592, 1593, 1594, 1595, 1596, 1597, 1598, 1599]);
    const older = kept.slice(0, -8);
    // Each kept older run is the last of its day (6 h steps: 18:00), and no day repeats.
    expect(older.every((i) => ts[i]!.endsWith('T18:00:00.000Z'))).toBe(true);
    expect(new Set(days.slice(0, -8)).size).toBe(older.length);
    expect(older.length).toBeLessThanOrEqual(10 + 4 + 1);
    const oldest = Date.parse(ts[kept[0]!]!);
    expect(Date.parse(ts.at(-1)!) - oldest).toBeLessThan((10 + 4 * 7) * 86_400_000);
  });

  it('never keeps more than maxEntries, always keeps the newest runs, returns sorted indexes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 72 }), { maxLength: 400 }),
        fc.record({ raw: fc.nat(5), recent: fc.nat(20), dailyDays: fc.nat(30), weeklyWeeks: fc.nat(10) }),
        (gaps, r) => {
          let h = 0;
          const ts = gaps.map((g) => at((h += g)));
          const kept = keptIndexes(ts, r);
          expect(kept.length).toBeLessThanOrEqual(maxEntries(r));
          expect([...kept].sort((a, b) => a - b)).toEqual(kept);
          expect(new Set(kept).size).toBe(kept.length);
          const recent = Math.min(ts.length, Math.max(r.raw, r.recent));
          expect(kept.slice(kept.length - recent)).toEqual(ts.map((_, i) => i).slice(ts.length - recent));
        },
      ),
    );
  });

  it('drops raw samples from all but the newest `raw` runs and keeps their summaries', () => {
    const doc = emptyHistory('main');
    for (let i = 0; i < 5; i++) insertRun(doc, makeRun(`c${i}`, at(i)));
    applyRetention(doc, { raw: 2 });
    const s = doc.benchmarks['suite/parse']!;
    expect(s.samples.map((x) => x !== null)).toEqual([false, false, false, true, true]);
    expect(s.stats.median).toEqual([100, 100, 100, 100, 100]);
  });
});
