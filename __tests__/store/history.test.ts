import { describe, expect, it } from 'vitest';
import { parseHistory, serializeHistory } from '../../src/store/codec.js';
import { emptyHistory, insertRun, toRuns } from '../../src/store/history.js';
import { at, bench, HOSTILE, makeRun } from './make-run.js';

describe('history columns', () => {
  it('gives back the runs it was given, oldest first, whatever the insertion order', () => {
    const runs = [makeRun('c1', at(0)), makeRun('c2', at(1)), makeRun('c3', at(2))];
    const doc = emptyHistory('main');
    for (const r of [runs[2]!, runs[0]!, runs[1]!]) insertRun(doc, r);
    expect(toRuns(doc)).toEqual(runs);
  });

  it('keeps a hostile name exactly, as data', () => {
    const doc = insertRun(emptyHistory('main'), makeRun('c1', at(0)));
    expect(toRuns(doc)[0]!.benchmarks.map((b) => b.name)).toContain(HOSTILE);
  });

  it('is idempotent for the same commit and time (a retried save)', () => {
    const doc = emptyHistory('main');
    insertRun(doc, makeRun('c1', at(0)));
    insertRun(doc, makeRun('c1', at(0)));
    expect(doc.entries).toHaveLength(1);
  });

  it('leaves a benchmark absent from the runs that did not measure it', () => {
    const doc = emptyHistory('main');
    insertRun(doc, makeRun('c1', at(0), [bench('a', 1)]));
    insertRun(doc, makeRun('c2', at(1), [bench('b', 2)]));
    insertRun(doc, makeRun('c0', at(-1), [bench('a', 3), bench('b', 4)]));
    const runs = toRuns(doc);
    expect(runs.map((r) => r.benchmarks.map((b) => `${b.name}=${b.value}`))).toEqual([['a=3', 'b=4'], ['a=1'], ['b=2']]);
    expect(doc.benchmarks['suite/a']!.value).toEqual([3, 1, null]);
  });

  it('keeps extra metrics per run', () => {
    const withMetric = bench('a', 1, { metrics: { peakRss: { unit: 'B', direction: 'smaller', value: 1024 } } });
    const doc = emptyHistory('main');
    insertRun(doc, makeRun('c1', at(0), [bench('a', 1)]));
    insertRun(doc, makeRun('c2', at(1), [withMetric]));
    const [first, second] = toRuns(doc);
    expect(first!.benchmarks[0]!.metrics).toBeUndefined();
    expect(second!.benchmarks[0]!.metrics).toEqual({ peakRss: { unit: 'B', direction: 'smaller', value: 1024 } });
  });

  it('writes no statistics for a value known alone (an imported result), and reads it back the same', () => {
    const one = (v: number) => ({ n: 1, mean: v, median: v, min: v, max: v, stdev: 0 });
    const imported = bench('imported', 1.23456789, { samples: undefined, stats: one(1.23456789) });
    const metric = { unit: 'B' as const, direction: 'smaller' as const, value: 2048, stats: one(2048) };
    const runs = [
      makeRun('c1', at(0), [imported, bench('sampled', 100, { metrics: { peakRss: metric } })]),
      makeRun('c2', at(1), [bench('imported', 2, { samples: undefined, stats: { ...one(2), p95: 2 } })]),
    ];
    const doc = runs.reduce((d, r) => insertRun(d, r), emptyHistory('main'));
    // Run 1's one value keeps no statistics; run 2's p95 is more than its value says, so its are kept.
    expect(doc.benchmarks['suite/imported']!.stats.mean).toEqual([null, 2]);
    expect(doc.benchmarks['suite/sampled']!.stats.n).toEqual([3, null]);
    expect(doc.benchmarks['suite/sampled']!.metrics!.peakRss!.stats.n).toEqual([1, null]);
    const back = toRuns(parseHistory(serializeHistory(doc), 'main.json'));
    expect(back[0]!.benchmarks[0]).toEqual({ ...imported, value: 1.234568, stats: one(1.234568) });
    expect(back[0]!.benchmarks[1]).toEqual(runs[0]!.benchmarks[1]);
    expect(back[1]!.benchmarks[0]!.stats).toEqual({ ...one(2), p95: 2 });
  });

  it('starts a series afresh when the unit changes (values in different units do not compare)', () => {
    const doc = emptyHistory('main');
    insertRun(doc, makeRun('c1', at(0), [bench('a', 1)]));
    insertRun(doc, makeRun('c2', at(1), [bench('a', 5, { unit: 'ops/s', direction: 'bigger' })]));
    expect(doc.benchmarks['suite/a']!.value).toEqual([null, 5]);
    expect(doc.entries).toHaveLength(2);
  });
});

describe('sparse runs', () => {
  const heap = (v: number) => ({ heapUsed: { unit: 'B' as const, direction: 'smaller' as const, value: v } });

  it('pads every column of a benchmark a run lacks, its metrics too, so the file reads back', () => {
    const doc = emptyHistory('main');
    insertRun(doc, makeRun('c1', at(0), [bench('a', 1, { metrics: heap(10) }), bench('b', 2, { metrics: heap(20) })]));
    insertRun(doc, makeRun('c2', at(1), [bench('a', 3, { metrics: heap(30) })])); // b failed or was renamed
    insertRun(doc, makeRun('c3', at(2), [bench('c', 4)])); // a new benchmark, a absent
    insertRun(doc, makeRun('c0', at(-1), [bench('b', 5, { metrics: heap(50) })])); // an older run, inserted before
    const n = doc.entries.length;
    for (const s of Object.values(doc.benchmarks))
      for (const series of [s, ...Object.values(s.metrics ?? {})])
        for (const col of [series.value, series.samples, ...Object.values(series.stats)]) expect(col).toHaveLength(n);
    const back = toRuns(parseHistory(serializeHistory(doc), 'main.json'));
    expect(back.map((r) => r.benchmarks.map((b) => `${b.name}=${b.value}/${b.metrics?.heapUsed?.value ?? '-'}`))).toEqual([
      ['b=5/50'],
      ['a=1/10', 'b=2/20'],
      ['a=3/30'],
      ['c=4/-'],
    ]);
  });
});
