/**
 * Generates the in-process A/B corpus: what `ab` measures for a tinybench suite, on this machine.
 *
 * Each round runs, for each variant in a shuffled order, the product's own in-process pair
 * runner (runTinybenchPair, the code `ab` uses) on two trees: a base copy of a suite of the
 * corpus workloads (workloads.mjs) and a head copy whose every workload does the variant's extra
 * work (0, 3, 5, 7, 10, 20%). Both copies are measured in one process, task by task, in the
 * A/B default of 20 alternating passes, with `time: 250` per task (a quarter of the default, to
 * fit more rounds in the time). Rounds repeat until the time budget is spent.
 *
 * Output: one JSON line per pair, appended as it goes to `out`, then gzipped to `out`.gz (the
 * committed copy), in the format of generate.ts plus the base copy's samples (`base`); wall time
 * only (`cpu` is empty: the worker measures no CPU time per sample).
 *
 * Usage: npx tsx research/corpus/generate-ab.ts [minutes=25] [out=research/corpus/data/paired.jsonl]
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, type as osType } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runTinybenchPair } from '../../src/bench/tinybench.js';
import type { BenchmarkResult } from '../../src/model/index.js';
import { shuffle } from './simulate.js';
import { SLOWER_VARIANTS } from './variants.js';

const here = dirname(fileURLToPath(import.meta.url));
const { workloads } = (await import(join(here, 'workloads.mjs'))) as { workloads: Record<string, [number, () => void]> };
const minutes = Number(process.argv[2] ?? '25');
const out = process.argv[3] ?? join(here, 'data', 'paired.jsonl');
const TIME = 250;
const VARIANTS = [{ label: 'A', factor: 1 }, ...SLOWER_VARIANTS];

/** A suite file registering every workload with round(base × factor) units per call; `copy` keeps the two module instances apart. */
const suiteSource = (copy: string, factor: number, tmp: string) => `import { workloads, useTmp } from ${JSON.stringify(`${join(here, 'workloads.mjs')}?${copy}`)};
useTmp(${JSON.stringify(tmp)});
export default (suite) => {
  for (const [name, [base, unit]] of Object.entries(workloads)) {
    const units = Math.round(base * ${factor});
    suite.add(name, () => { for (let u = 0; u < units; u++) unit(); });
  }
};
`;

mkdirSync(dirname(out), { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'tp-corpus-ab-'));
for (const side of ['base', 'head']) mkdirSync(join(tmp, side));
writeFileSync(join(tmp, 'base', 'suite.mjs'), suiteSource('base', 1, tmp));
const header = {
  kind: 'header',
  started: new Date().toISOString(),
  machine: { os: `${osType()} ${release()}`, cpuModel: cpus()[0]?.model ?? 'unknown', cores: cpus().length, nodeVersion: process.version },
  variants: VARIANTS,
  design: `in-process A/B (runTinybenchPair): base and head copies alternating in 20 passes, time ${TIME} ms per task`,
  paired: true,
  unit: 'us',
};
writeFileSync(out, JSON.stringify(header) + '\n');
const toUs = (bs: BenchmarkResult[]) => Object.fromEntries(bs.map((b) => [b.name, (b.samples ?? []).map((ns) => Math.round(ns / 100) / 10)]));
const deadline = Date.now() + minutes * 60_000;
let round = 0;
let seq = 0;
while (Date.now() < deadline) {
  for (const v of shuffle(VARIANTS, Math.random)) {
    writeFileSync(join(tmp, 'head', 'suite.mjs'), suiteSource('head', v.factor, tmp));
    const ctx = (side: string) => ({ cwd: join(tmp, side), emit: () => undefined });
    const r = await runTinybenchPair({ name: 'corpus', tinybench: 'suite.mjs', time: TIME }, { base: ctx('base'), head: ctx('head') }, seq % 2 === 0);
    const errors = [...r.base.errors, ...r.head.errors];
    if (errors.length > 0) {
      console.error(`round ${round} ${v.label}: ${errors.map((e) => e.message).join('; ')}`);
      continue;
    }
    const units = Object.fromEntries(Object.entries(workloads).map(([name, [base]]) => [name, Math.round(base * v.factor)]));
    const line = {
      kind: 'run', round, seq: seq++, variant: v.label, factor: v.factor, t: new Date().toISOString(),
      load: loadavg()[0], units, samples: toUs(r.head.benchmarks), cpu: {}, base: toUs(r.base.benchmarks),
    };
    appendFileSync(out, JSON.stringify(line) + '\n');
  }
  round++;
  console.log(`${new Date().toISOString()} round ${round} done`);
}
writeFileSync(`${out}.gz`, gzipSync(readFileSync(out), { level: 9 }));
rmSync(out);
rmSync(tmp, { recursive: true, force: true });
console.log(`done: ${round} rounds, ${seq} pairs → ${out}.gz`);
