/**
 * Checks that the trend analysis gives bit-identical reports before and after a change to its
 * internals (e-divisive.ts, change-points.ts, drift.ts, anomalies.ts, t-test.ts): the
 * `src/` of a git revision (`--against`, default `main`) is extracted beside this one and both
 * `analyzeTrends` run on the same seeded histories — noise of several levels, steps, bumps,
 * drifts, outliers, exact and tied values, values ≤ 0, 1 to 300 runs, several windows and
 * p-values, budgets (forecasts), with and without `changePointsOnly`. Every number is compared
 * exactly (−0, NaN and infinities included). Prints how many reports matched; exits 1 on the
 * first difference, printing where.
 *
 * Usage: npx tsx research/analysis-equivalence.ts [--against REV] [--histories 400]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchmarkResult, RunFile } from '../src/model/index.js';
import type { TrendInput } from '../src/trend/analyze.js';
import { analyzeTrends } from '../src/trend/index.js';
import { rng } from './corpus/simulate.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values: opt } = parseArgs({
  options: { against: { type: 'string', default: 'main' }, histories: { type: 'string', default: '400' } },
});

// Inside the repository, so that the old sources resolve the same node_modules.
const old = mkdtempSync(join(ROOT, '.equivalence-'));
try {
  execFileSync('sh', ['-c', 'git archive "$0" src | tar -x -C "$1"', opt.against!, old], { cwd: ROOT });
  const before = (await import(pathToFileURL(join(old, 'src/trend/index.ts')).href)) as { analyzeTrends: typeof analyzeTrends };
  const n = Number(opt.histories);
  const seen = { series: 0, changePoints: 0, anomalies: 0, drifts: 0, forecasts: 0 };
  for (let h = 0; h < n; h++) {
    const input = history(h);
    const a = exact(before.analyzeTrends(input));
    const now = analyzeTrends(input);
    const b = exact(now);
    for (const s of now.series) {
      seen.series++;
      seen.changePoints += s.changePoints.length;
      seen.anomalies += s.anomalies.length;
      seen.drifts += s.drift?.significant ? 1 : 0;
      seen.forecasts += s.forecasts.length;
    }
    if (a !== b) {
      const at = [...a].findIndex((c, i) => c !== b[i]);
      console.log(
        `history ${h} differs at character ${at}:\n  ${opt.against}: …${a.slice(at - 200, at + 200)}\n  now:  …${b.slice(at - 200, at + 200)}`,
      );
      process.exitCode = 1;
      break;
    }
  }
  if (!process.exitCode)
    console.log(
      `${n} histories: every report identical to ${opt.against}'s (${seen.series} series, ${seen.changePoints} change points, ${seen.anomalies} anomalies, ${seen.drifts} significant drifts, ${seen.forecasts} forecasts).`,
    );
} finally {
  rmSync(old, { recursive: true, force: true });
}

/** JSON with every number written exactly, −0, NaN and ±Infinity included. */
function exact(x: unknown): string {
  return JSON.stringify(x, (_, v: unknown) => (typeof v === 'number' ? (Object.is(v, -0) ? '-0' : Number.isFinite(v) ? v : String(v)) : v));
}

/** History `h`: its own seed, length, benchmark shapes and options. */
function history(h: number): TrendInput {
  const rand = rng(1000 + h);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const nRuns = pick([1, 3, 4, 5, 8, 12, 20, 30, 49, 50, 51, 53, 60, 75, 99, 100, 101, 126, 160, 220, 300]);
  const shapes = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => shape(rand, gauss, pick, nRuns));
  const start = Date.UTC(2026, 0, 1);
  const sameTime = rand() < 0.1;
  const runs: RunFile[] = Array.from({ length: nRuns }, (_, i) => ({
    schemaVersion: 1,
    tool: 'track-performance',
    ...(rand() < 0.95 ? { commit: i.toString(16).padStart(40, '0') } : {}),
    timestamp: new Date(start + (sameTime ? 0 : i * 36e5 * (1 + Math.floor(rand() * 12)))).toISOString(),
    benchmarks: shapes.flatMap((values, b): BenchmarkResult[] => {
      const value = values[i]!;
      if (Number.isNaN(value)) return []; // this run lacks the benchmark
      return [
        {
          id: `s/b${b}`,
          suite: 's',
          name: `b${b}`,
          unit: 'ns',
          direction: b % 3 === 2 ? 'bigger' : 'smaller',
          value,
          stats: { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 },
          ...(b % 4 === 1 && { metrics: { rss: { unit: 'B', direction: 'smaller', value: Math.round(value * 1000) } } }),
        },
      ];
    }),
  }));
  const window = pick([undefined, undefined, 10, 30, 50]);
  const pValue = pick([undefined, undefined, 1e-3, 0.01]);
  const options = { ...(window && { window }), ...(pValue && { pValue }), ...(rand() < 0.2 && { minEffect: 0.05 }) };
  const budget = `<= ${Math.round(1e3 * (1 + rand() * 1e3))}ns`;
  const thresholds =
    rand() < 0.3
      ? [
          { benchmark: 's/*', target: budget },
          { metric: 'rss', alert: `<= ${1 + Math.floor(rand() * 900)}KB` },
        ]
      : [];
  return { runs, branch: 'main', options, thresholds, changePointsOnly: rand() < 0.3 };
}

/** One benchmark's values over the runs (NaN: absent from that run). */
function shape(rand: () => number, gauss: () => number, pick: <T>(xs: readonly T[]) => T, n: number): number[] {
  const kind = pick(['noise', 'step', 'steps', 'bump', 'drift', 'outliers', 'exact', 'ties', 'signed', 'sparse']);
  const cv = pick([0.001, 0.01, 0.03, 0.1]);
  const level = 1e3 * (1 + rand() * 1e3);
  const at = Math.floor(rand() * n);
  const at2 = Math.floor(rand() * n);
  const jump = pick([-0.3, -0.1, 0.05, 0.1, 0.5]);
  return Array.from({ length: n }, (_, i) => {
    const noise = Math.exp(cv * gauss());
    switch (kind) {
      case 'step':
        return level * noise * (i >= at ? 1 + jump : 1);
      case 'steps':
        return level * noise * (i >= at ? 1 + jump : 1) * (i >= at2 ? 1 - jump / 2 : 1);
      case 'bump':
        return level * noise * (i >= Math.min(at, at2) && i < Math.max(at, at2) ? 1 + jump : 1);
      case 'drift':
        return level * noise * (1 + (jump / 50) * i);
      case 'outliers':
        return level * noise * (rand() < 0.05 ? 3 : 1);
      case 'exact':
        return i >= at ? level * (1 + jump) : level;
      case 'ties':
        return Math.round(level * noise * 100) / 100 > level ? level * 1.01 : level;
      case 'signed':
        return cv * gauss() + (i >= at ? jump : 0);
      case 'sparse':
        return rand() < 0.3 ? NaN : level * noise;
      default:
        return level * noise;
    }
  });
}
