/**
 * How big a history grows with the default retention: bytes per benchmark per run kept (with and
 * without raw samples), the file size for N benchmarks at the most runs retention keeps, and the
 * most benchmarks per branch under GitHub's 100 MiB file limit and V8's string limit.
 * Run: `npm run bench:store-size`. Assumes 30 samples per run, no extra metrics.
 */
import { constants } from 'node:buffer';
import { serializeHistory } from '../src/store/codec.js';
import { emptyHistory, insertRun } from '../src/store/history.js';
import { DEFAULT_RETENTION } from '../src/store/index.js';
import { applyRetention, maxEntries, type Retention } from '../src/store/retention.js';
import type { RunFile } from '../src/model/index.js';

const SAMPLES = 30;
const BENCHMARKS = 200;
const RUNS = maxEntries(DEFAULT_RETENTION);
const GITHUB_FILE_LIMIT = 100 * 2 ** 20;

function runAt(i: number): RunFile {
  const benchmarks = Array.from({ length: BENCHMARKS }, (_, b) => {
    const base = 1_000 + b * 37.3;
    const samples = Array.from({ length: SAMPLES }, () => base * (1 + (Math.random() - 0.5) * 0.04)).sort((x, y) => x - y);
    const at = (q: number) => samples[Math.min(SAMPLES - 1, Math.floor(q * SAMPLES))]!;
    const mean = samples.reduce((s, x) => s + x, 0) / SAMPLES;
    const stats = {
      n: SAMPLES,
      mean,
      median: at(0.5),
      min: samples[0]!,
      max: samples[SAMPLES - 1]!,
      stdev: base * 0.012,
      p75: at(0.75),
      p95: at(0.95),
      p99: at(0.99),
    };
    return {
      id: `suite-${b % 10}/bench-${b}`,
      suite: `suite-${b % 10}`,
      name: `bench-${b}`,
      unit: 'ns',
      direction: 'smaller' as const,
      value: stats.median,
      samples,
      stats,
    };
  });
  return {
    schemaVersion: 1,
    tool: 'track-performance',
    commit: i.toString(16).padStart(40, '0'),
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    benchmarks,
  };
}

/** Bytes of a history of RUNS runs (all kept), `raw` of them with their samples. */
function bytesWithRaw(raw: number): number {
  const keepAll: Retention = { raw, recent: RUNS, dailyDays: 0, weeklyWeeks: 0 };
  let doc = emptyHistory('main');
  for (let i = 0; i < RUNS; i++) doc = applyRetention(insertRun(doc, runAt(i)), keepAll);
  return Buffer.byteLength(serializeHistory(doc));
}

const allSummaries = bytesWithRaw(0);
const allRaw = bytesWithRaw(RUNS);
const perSummary = allSummaries / (BENCHMARKS * RUNS);
const perRaw = allRaw / (BENCHMARKS * RUNS);
const perBenchmark = DEFAULT_RETENTION.raw * perRaw + (RUNS - DEFAULT_RETENTION.raw) * perSummary;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

console.log(`Runs kept at most with the default retention: ${RUNS} (${DEFAULT_RETENTION.raw} with raw samples, ${SAMPLES} samples each)`);
console.log(
  `Bytes per benchmark per run kept: ${perRaw.toFixed(0)} with raw samples, ${perSummary.toFixed(0)} as a summary (measured on ${BENCHMARKS} benchmarks)`,
);
console.log(`Bytes per benchmark at ${RUNS} runs: ${perBenchmark.toFixed(0)}`);
for (const n of [100, 1_000, 10_000, 30_000]) console.log(`  ${n} benchmarks: ${mib(n * perBenchmark)}`);
console.log(`Most benchmarks per branch under GitHub's 100 MiB file limit: ${Math.floor(GITHUB_FILE_LIMIT / perBenchmark)}`);
console.log(
  `Most benchmarks per branch under V8's string limit (${mib(constants.MAX_STRING_LENGTH)} characters): ${Math.floor(constants.MAX_STRING_LENGTH / perBenchmark)}`,
);
