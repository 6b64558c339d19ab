/**
 * How to bracket a benchmark under Valgrind: (A) callgrind client requests around each counted
 * call, through @codspeed/core's prebuilt addon (what the product does), or (B) no addon: count
 * the whole process running N and 2N calls and take the difference / N. Both run the same
 * workloads of the accuracy corpus with the product's Node flags, warm-up, gc() and post-gc
 * warm-up. Prints, per workload and method, the per-call count over R processes, its CV, and
 * B's bias against A; and the wall seconds per process.
 *
 * Usage: npx tsx research/instructions-bracketing.ts [runs=3] [N=5]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mean, sampleStandardDeviation as sd } from 'simple-statistics';
import { parseCountParts, sumEvents } from '../src/bench/callgrind-out.js';
import { callgrindArgs, COUNT_NODE_FLAGS } from '../src/bench/valgrind.js';
import { POST_GC_WARMUP } from '../src/bench/worker-count.js';
import { WARMUP, writeChild } from './instructions-child.js';

const runs = Number(process.argv[2] ?? '3');
const N = Number(process.argv[3] ?? '5');
const WORKLOADS = ['cpu-xorshift', 'json-roundtrip', 'map-churn'];
const tmp = mkdtempSync(join(tmpdir(), 'tp-bracketing-'));
const child = writeChild(tmp);

let processes = 0;
let wall = 0;
/** Instructions of a process: bracketed parts (summed) or the whole process. */
function count(name: string, calls: number, bracket: boolean): number {
  const out = join(tmp, `out-${processes++}`);
  const extra = bracket ? ['--instr-atstart=no', '--combine-dumps=yes'] : [];
  const t = performance.now();
  const r = spawnSync(
    'valgrind',
    [
      ...callgrindArgs('instructions', out, extra),
      process.execPath,
      ...COUNT_NODE_FLAGS,
      child,
      name,
      String(calls),
      bracket ? 'bracket' : '',
    ],
    { encoding: 'utf8' },
  );
  wall += performance.now() - t;
  if (r.status !== 0) throw new Error(`valgrind failed: ${r.stderr}`);
  const parts = parseCountParts(readFileSync(out, 'utf8')).filter((p) => !bracket || p.trigger === 'c');
  return sumEvents(parts).Ir ?? 0;
}

const pct = (x: number) => `${(x * 100).toFixed(4)}%`;
const cv = (xs: number[]) => (xs.length > 1 ? sd(xs) / mean(xs) : 0);
console.log(
  `Bracketing methods, ${runs} processes each, N = ${N} counted calls, ${WARMUP} warm-up + gc() + ${POST_GC_WARMUP} calls first.`,
);
console.log('| workload | A: client requests, Ir/call | CV | B: (2N − N)/N, Ir/call | CV | bias of B vs A |');
console.log('| :-- | --: | --: | --: | --: | --: |');
try {
  for (const w of WORKLOADS) {
    const a = Array.from({ length: runs }, () => count(w, N, true) / N);
    const b = Array.from({ length: runs }, () => (count(w, 2 * N, false) - count(w, N, false)) / N);
    console.log(`| ${w} | ${mean(a).toFixed(0)} | ${pct(cv(a))} | ${mean(b).toFixed(0)} | ${pct(cv(b))} | ${pct(mean(b) / mean(a) - 1)} |`);
  }
  console.log(
    `\n${processes} Valgrind processes, ${(wall / processes / 1000).toFixed(1)} s wall each on average (A: 1 process per benchmark run; B: 2).`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
