import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA } from '../../src/config/index.js';
import { alertOnTrends, DEFAULT_HORIZON } from '../../src/flows/trend-alerts.js';
import { createStore, type HistoryDoc } from '../../src/store/index.js';
import { DEFAULT_TREND_P, DEFAULT_WINDOW } from '../../src/trend/index.js';
import type { RunFile } from '../../src/model/index.js';
import { noisy } from './series.js';

const z = noisy(40, 0.01, 21, [[25, 0.2]]);
const mem = noisy(40, 0.01, 22, [[25, 0.5]]);

function run(i: number): RunFile {
  const value = 1e6 * Math.exp(z[i]!);
  return {
    schemaVersion: 1,
    tool: 'track-performance',
    commit: `${i.toString(16).padStart(2, '0')}${'f'.repeat(38)}`,
    timestamp: new Date(Date.UTC(2026, 2, 1) + i * 36e5).toISOString(),
    benchmarks: [
      {
        id: 'app/parse',
        suite: 'app',
        name: 'parse',
        unit: 'ns',
        direction: 'smaller',
        value,
        stats: { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 },
        metrics: { peakRss: { unit: 'B', direction: 'smaller', value: 4e7 * Math.exp(mem[i]!) } },
      },
    ],
  };
}

function logger() {
  const warnings: string[] = [];
  return { warnings, log: { info: () => {}, warning: (m: string) => void warnings.push(m), startGroup: () => {}, endGroup: () => {} } };
}

describe('alerts on a push to the default branch (directory store)', () => {
  it('raises a critical alert once, on the run that confirms a regression, then stays quiet about it', async () => {
    const store = createStore({ kind: 'directory', dir: mkdtempSync(join(tmpdir(), 'trend-alerts-')) });
    const config = { suites: [], trend: { minEffect: 0.05 } };
    const raised: Array<{ at: number; notes: string[]; warnings: string[] }> = [];
    for (let i = 0; i < 40; i++) {
      const saved = await store.save(run(i), 'main');
      const { warnings, log } = logger();
      const notes = await alertOnTrends(saved, 'main', config, log);
      if (notes.some((n) => n.startsWith('Trend critical'))) raised.push({ at: i, notes, warnings });
    }
    expect(raised).toHaveLength(1);
    const first = raised[0]!;
    expect(first.at).toBeGreaterThanOrEqual(26);
    expect(first.notes.join('\n')).toMatch(/app\/parse changed \+2\d\.\d% \(regression\) in 18fffff\.\.19fffff/);
    expect(first.notes.join('\n')).toMatch(/with app\/parse \(peakRss\) \+\d+\.\d%/);
    expect(first.warnings.some((w) => w.startsWith('Trend critical: app/parse changed'))).toBe(true);
  });

  it('alerts each series once, however many other series change or stay flat', async () => {
    // app/early steps at run 10, app/late at run 25, app/flat never: the earlier analysis is
    // made only for series with a change point, and that must not re-raise nor hide one.
    const series = { early: noisy(40, 0.01, 31, [[10, 0.2]]), late: noisy(40, 0.01, 32, [[25, 0.2]]), flat: noisy(40, 0.01, 33, []) };
    const store = createStore({ kind: 'directory', dir: mkdtempSync(join(tmpdir(), 'trend-several-')) });
    const config = { suites: [], trend: { minEffect: 0.05 } };
    const raised: Array<{ at: number; id: string }> = [];
    for (let i = 0; i < 40; i++) {
      const r = run(i);
      r.benchmarks = Object.entries(series).map(([name, zs]) => {
        const value = 1e6 * Math.exp(zs[i]!);
        return {
          ...r.benchmarks[0]!,
          id: `app/${name}`,
          name,
          value,
          metrics: {},
          stats: { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 },
        };
      });
      const saved = await store.save(r, 'main');
      const notes = await alertOnTrends(saved, 'main', config, logger().log);
      for (const n of notes) if (n.startsWith('Trend critical')) raised.push({ at: i, id: /app\/\w+/.exec(n)![0] });
    }
    expect(raised.map((r) => r.id)).toEqual(['app/early', 'app/late']);
    expect(raised[0]!.at).toBeGreaterThanOrEqual(11);
    expect(raised[1]!.at).toBeGreaterThanOrEqual(26);
  });

  it('warns of a budget the drift will cross within the horizon, and never throws', async () => {
    const store = createStore({ kind: 'directory', dir: mkdtempSync(join(tmpdir(), 'trend-budget-')) });
    let saved: HistoryDoc | undefined;
    for (let i = 0; i < 30; i++) {
      const r = run(0);
      const value = 20e9 * Math.exp(0.01 * i + 0.002 * Math.sin(i * 7));
      r.commit = `c${i}`;
      r.timestamp = new Date(Date.UTC(2026, 2, 1) + i * 864e5).toISOString();
      r.benchmarks = [
        { ...r.benchmarks[0]!, value, stats: { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 }, metrics: {} },
      ];
      saved = await store.save(r, 'main');
    }
    const { log } = logger();
    const config = { suites: [], thresholds: [{ benchmark: 'app/parse', target: '<= 30s' }] };
    const notes = await alertOnTrends(saved!, 'main', config, log);
    expect(notes.join('\n')).toMatch(/Trend warning: app\/parse: At \+1\.0%\/run, median .* crosses <= 30s in about \d+ runs/);
    // A history that cannot be read: a warning, never a throw (the push has been recorded already).
    const broken: HistoryDoc = Object.defineProperty({ ...saved! }, 'benchmarks', {
      get: () => {
        throw new Error('columns gone');
      },
    });
    const { warnings, log: log2 } = logger();
    expect(await alertOnTrends(broken, 'main', config, log2)).toEqual([]);
    expect(warnings).toEqual(['Trend analysis of main failed: columns gone']);
  });

  it("states the trend room's defaults in the schema", () => {
    const props = (CONFIG_SCHEMA.$defs as Record<string, { properties: Record<string, { default?: unknown }> }>).trend!.properties;
    expect([props.pValue!.default, props.window!.default, props.horizon!.default]).toEqual([
      DEFAULT_TREND_P,
      DEFAULT_WINDOW,
      DEFAULT_HORIZON,
    ]);
  });
});
