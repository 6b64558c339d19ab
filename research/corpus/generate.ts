/**
 * Generates the accuracy corpus: real between-run noise on this machine.
 *
 * Each round runs `worker.mjs` as separate Node processes, one per variant, in a shuffled
 * order: two unchanged invocations (A and B, for A/A pairs) and variants doing 3, 5, 7, 10 and
 * 20% more work. Each invocation measures every workload (CPU, allocation, JSON, sort, regex,
 * hashing, maps, file I/O, process start, strings) in interleaved passes. Rounds repeat until the
 * time budget is spent, so runs are spread over time and see whatever else the machine is doing
 * (real CI-like noise).
 *
 * Output: one JSON line per invocation, appended as it goes to `out` (so a partial corpus
 * survives an interruption), then gzipped to `out`.gz, the committed copy: wall-time samples and
 * the worker's own CPU time (user + system) per sample, in microseconds, plus the 1-minute load
 * average.
 *
 * Usage: npx tsx research/corpus/generate.ts [minutes=24] [out=research/corpus/data/corpus.jsonl]
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, type as osType, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shuffle } from './simulate.js';
import { SLOWER_VARIANTS } from './variants.js';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const minutes = Number(process.argv[2] ?? '24');
const out = process.argv[3] ?? join(here, 'data', 'corpus.jsonl');
const VARIANTS: Array<{ label: string; factor: number }> = [
  { label: 'A', factor: 1 },
  { label: 'B', factor: 1 },
  ...SLOWER_VARIANTS,
];

mkdirSync(dirname(out), { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'tp-corpus-'));
const header = {
  kind: 'header',
  started: new Date().toISOString(),
  machine: { os: `${osType()} ${release()}`, cpuModel: cpus()[0]?.model ?? 'unknown', cores: cpus().length, nodeVersion: process.version },
  variants: VARIANTS,
  design: 'interleaved passes: 2 warm-up + 40 timed samples per workload',
  unit: 'us',
};
writeFileSync(out, JSON.stringify(header) + '\n');
const deadline = Date.now() + minutes * 60_000;
let round = 0;
let seq = 0;
while (Date.now() < deadline) {
  for (const v of shuffle(VARIANTS, Math.random)) {
    const r = spawnSync(process.execPath, [join(here, 'worker.mjs'), String(v.factor), tmp], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(`round ${round} ${v.label}: worker failed: ${r.stderr}`);
      continue;
    }
    const res = JSON.parse(r.stdout) as { samples: Record<string, number[]>; cpu: Record<string, number[]>; units: Record<string, number> };
    const toUs = (m: Record<string, number[]>) =>
      Object.fromEntries(Object.entries(m).map(([k, xs]) => [k, xs.map((ns) => Math.round(ns / 100) / 10)]));
    const line = {
      kind: 'run', round, seq: seq++, variant: v.label, factor: v.factor, t: new Date().toISOString(),
      load: loadavg()[0], units: res.units, samples: toUs(res.samples), cpu: toUs(res.cpu),
    };
    appendFileSync(out, JSON.stringify(line) + '\n');
  }
  round++;
  if (round % 5 === 0) console.log(`${new Date().toISOString()} round ${round} done`);
}
writeFileSync(`${out}.gz`, gzipSync(readFileSync(out), { level: 9 }));
rmSync(out);
console.log(`done: ${round} rounds, ${seq} runs → ${out}.gz`);
