// Dogfood: the statistics engine and the config loader as a tinybench suite, so this
// repository's own PRs are gated on the speed of the code that gates everyone else's.
import { compareRuns } from '../../src/compare/index.js';
import { parseConfig } from '../../src/config/index.js';
import { renderMarkdown } from '../../src/report/index.js';
import type { BenchmarkResult, RunFile } from '../../src/model/index.js';

interface Suite {
  add(name: string, fn: () => unknown): Suite;
}

/** A deterministic run of `n` benchmarks with `k` samples each (xorshift, no Math.random). */
function run(n: number, k: number, seed: number, scale = 1): RunFile {
  let x = seed;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 2 ** 32);
  const benchmarks: BenchmarkResult[] = Array.from({ length: n }, (_, i) => {
    const samples = Array.from({ length: k }, () => (1000 + i) * scale * (1 + 0.05 * next()));
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(k / 2)] ?? 0;
    return {
      id: `s/b${i}`,
      suite: 's',
      name: `b${i}`,
      unit: 'ns',
      direction: 'smaller',
      value: median,
      samples,
      stats: { n: k, mean: median, median, min: sorted[0] ?? 0, max: sorted[k - 1] ?? 0 },
    } as BenchmarkResult;
  });
  return { schemaVersion: 1, tool: 'track-performance', timestamp: new Date(0).toISOString(), benchmarks } as RunFile;
}

const history = Array.from({ length: 10 }, (_, i) => run(200, 200, i + 1));
const current = run(200, 200, 99, 1.1);
const config = JSON.stringify({
  suites: [{ name: 'a', command: { x: 'true' } }],
  thresholds: [{ name: 'p95', benchmark: 'a/*', stat: 'p95', target: '<= 2s' }],
});

export default (suite: Suite) => {
  suite.add('compare 200 benchmarks, history of 10', () => compareRuns({ baseline: history, current: [current] }));
  suite.add('render the PR comment of 200 benchmarks', () =>
    renderMarkdown(compareRuns({ baseline: history, current: [current] }), { markerId: 'bench' }),
  );
  suite.add('parse and validate a config', () => parseConfig(config, 'performance-tracker.json'));
};
