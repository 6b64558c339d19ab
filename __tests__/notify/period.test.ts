import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { periodReport } from '../../src/trend/period.js';
import type { BenchmarkResult, RunFile } from '../../src/model/index.js';
import { DIST_CLI } from '../helpers/action-process.js';

const NOW = Date.UTC(2026, 11, 1);
const bench = (id: string, value: number): BenchmarkResult => ({
  id,
  suite: id.split('/')[0]!,
  name: id.split('/')[1]!,
  unit: 'ns',
  direction: 'smaller',
  value,
  stats: { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 },
});

/** 40 daily runs: `a/steady` flat, `a/slower` steps up 30% 4 days ago, `a/noisy` turns noisy in the last week, `a/gone` stops 2 days ago. */
function history(): RunFile[] {
  return Array.from({ length: 40 }, (_, i) => {
    const daysAgo = 39 - i;
    const wobble = 1 + 0.003 * Math.sin(i * 2.1);
    const benchmarks = [
      bench('a/steady', 1e6 * wobble),
      bench('a/slower', 1e6 * wobble * (daysAgo < 4 ? 1.3 : 1)),
      bench('a/noisy', 1e6 * (daysAgo < 7 ? 1 + 0.2 * Math.sin(i * 1.7) : wobble)),
      ...(daysAgo >= 2 ? [bench('a/gone', 1e6 * wobble)] : []),
    ];
    return {
      schemaVersion: 1,
      tool: 'track-performance',
      commit: `${i}`.padStart(40, 'c'),
      timestamp: new Date(NOW - daysAgo * 864e5).toISOString(),
      benchmarks,
    };
  });
}

describe('the period report', () => {
  it('finds the change point, the mover, the noisier benchmark and the one that stopped reporting in the last 7 days', () => {
    const r = periodReport({ runs: history(), branch: 'main', name: '7d', periodMs: 7 * 864e5, until: NOW + 1000 });
    expect(r.runs).toMatchObject({ total: 40, inPeriod: 7 });
    expect(r.changePoints.map((c) => [c.series, c.verdict])).toEqual([['a/slower', 'regression']]);
    expect(r.movers[0]).toMatchObject({ series: 'a/slower', verdict: 'regression' });
    expect(r.movers[0]!.change).toBeCloseTo(0.3, 1);
    expect(r.movers.map((m) => m.series)).not.toContain('a/steady');
    expect(r.noisier.map((n) => n.series)).toEqual(['a/noisy']);
    expect(r.stopped.map((s) => s.id)).toEqual(['a/gone']);
  });

  it('track-performance report --since 7d prints it from a directory store, and refuses a bad age with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-period-'));
    const store = createStore({ kind: 'directory', dir });
    const runs = history().map((r) => ({ ...r, timestamp: new Date(Date.parse(r.timestamp) - NOW + Date.now()).toISOString() }));
    for (const r of runs) await store.save(r, 'main');
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [DIST_CLI, 'report', '--since', '7d', '--dir', dir]);
    expect(stdout).toMatch(/^Performance report \(7d\): main/);
    expect(stdout).toMatch(/Change points:\n {2}critical: a\/slower changed \+\d+\.\d% \(regression\)/);
    expect(stdout).toMatch(/Stopped reporting:\n {2}warning: a\/gone: last seen/);
    await expect(run(process.execPath, [DIST_CLI, 'report', '--since', 'soon', '--dir', dir])).rejects.toMatchObject({ code: 2 });
  });
});
