/**
 * Store speed and size: a history of 1,000 benchmarks × 1,000 runs (4 runs a day, 30 samples
 * each) in the directory store with the default retention. Prints the time to load the newest
 * 10 runs, to append and save one run, and the size of the file retention keeps.
 * Run: `npm run bench:store` (goal: load + append + save ≤ 1 s).
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serializeHistory } from '../src/store/codec.js';
import { emptyHistory, insertRun } from '../src/store/history.js';
import { createStore, DEFAULT_RETENTION, historyFileName } from '../src/store/index.js';
import { applyRetention } from '../src/store/retention.js';
import type { BenchmarkResult, RunFile } from '../src/model/index.js';

const BENCHMARKS = 1_000;
const RUNS = 1_000;
const SAMPLES = 30;
const START = Date.UTC(2026, 0, 1);

function run(i: number): RunFile {
  const benchmarks: BenchmarkResult[] = [];
  for (let b = 0; b < BENCHMARKS; b++) {
    const base = 1_000 + b * 37.3;
    const samples = Array.from({ length: SAMPLES }, () => base * (1 + (Math.random() - 0.5) * 0.04));
    const sorted = [...samples].sort((x, y) => x - y);
    const mean = samples.reduce((s, x) => s + x, 0) / SAMPLES;
    const median = (sorted[14]! + sorted[15]!) / 2;
    benchmarks.push({
      id: `suite-${b % 10}/bench-${b}`,
      suite: `suite-${b % 10}`,
      name: `bench-${b}`,
      unit: 'ns',
      direction: 'smaller',
      value: median,
      samples,
      stats: {
        n: SAMPLES,
        mean,
        median,
        min: sorted[0]!,
        max: sorted[SAMPLES - 1]!,
        stdev: base * 0.012,
        p75: sorted[22]!,
        p95: sorted[28]!,
        p99: sorted[29]!,
      },
    });
  }
  return {
    schemaVersion: 1,
    tool: 'track-performance',
    commit: i.toString(16).padStart(40, '0'),
    timestamp: new Date(START + i * 6 * 3_600_000).toISOString(),
    benchmarks,
  };
}

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
/** CPU time of this process since `c0` (wall time also counts waiting for other processes' CPU). */
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return `${((c.user + c.system) / 1000).toFixed(0)} ms`;
};
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const dir = await mkdtemp(join(tmpdir(), 'tp-store-speed-'));
try {
  // Build the history as 1,000 saves would have left it (retention applied as it goes).
  const doc = emptyHistory('main');
  let rawEntryBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = run(i);
    if (i === 0) rawEntryBytes = JSON.stringify(r).length;
    insertRun(doc, r);
    if (i % 50 === 49) applyRetention(doc);
  }
  applyRetention(doc);
  await writeFile(join(dir, historyFileName('main')), serializeHistory(doc));
  const file = join(dir, historyFileName('main'));
  const before = (await stat(file)).size;

  // Three rounds of load + append + save, each on the file the last one wrote; garbage from
  // building the history is collected first so that it is not billed to the store.
  const rounds: Array<{ load: string; save: string; total: string; cpu: string }> = [];
  for (let r = 0; r < 3; r++) {
    const next = run(RUNS + r);
    // A fresh store, as in a new job: its load parses the file, its save reuses that parse.
    const store = createStore({ kind: 'directory', dir });
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const baseline = await store.load('main', 10);
    if (baseline?.length !== 10) throw new Error('expected 10 baseline runs');
    const load = ms(t0);
    const t1 = performance.now();
    await store.save(next, 'main');
    rounds.push({ load, save: ms(t1), total: ms(t0), cpu: cpuMs(c0) });
  }

  const load = os.loadavg()[0]!.toFixed(1);
  console.log(`machine: ${os.cpus().length} cores, load average ${load} (wall time grows with other processes' load)`);
  console.log(`history: ${BENCHMARKS} benchmarks × ${RUNS} runs, ${SAMPLES} samples each; retention ${JSON.stringify(DEFAULT_RETENTION)}`);
  console.log(
    `kept runs: ${doc.entries.length} (${DEFAULT_RETENTION.raw} with raw samples), file ${mb(before)}; ${mb((await stat(file)).size)} after 3 more saves`,
  );
  console.log(`without retention (${RUNS + 1} runs as run files): about ${mb(rawEntryBytes * (RUNS + 1))}`);
  for (const [i, r] of rounds.entries())
    console.log(
      `round ${i + 1}: load newest 10 runs ${r.load}, append + save ${r.save}; total ${r.total} wall, ${r.cpu} CPU (goal ≤ 1000 ms)`,
    );
} finally {
  await rm(dir, { recursive: true, force: true });
}
