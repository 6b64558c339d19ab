// One "suite run" of the accuracy corpus: a fresh Node process that measures every workload
// in PASSES interleaved passes (after WARMUP passes): each pass takes one timed sample of each
// workload in turn (wall time and this process's CPU time), each sample doing round(BASE × factor)
// units of work. Interleaving spreads every workload's samples over the whole run (about a
// second), as a suite run measured in passes does, instead of one contiguous slice of it.
// Plain JS (not TS) so that process start adds no transpiler noise. Prints one JSON line.
// With mode `contiguous`, each workload takes all its samples in one stretch instead (bench/passes.ts compares the two).
// Usage: node worker.mjs <factor> <tmpdir> [interleaved|contiguous]
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const factor = Number(process.argv[2] ?? '1');
const tmp = process.argv[3] ?? '/tmp';
const contiguous = process.argv[4] === 'contiguous';
const PASSES = 40;
const WARMUP = 2;

let sink = 0;
const payload = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item-${i}`, tags: ['a', 'b', String(i)], v: i * 1.5 })) };
const text = 'lorem ipsum dolor sit amet, consectetur 12345 adipiscing elit foo@example.com '.repeat(50);
const buf = Buffer.alloc(64 * 1024, 7);
const file = join(tmp, `corpus-${process.pid}.bin`);

/** name → [base units, one unit of work]. Bases are sized for roughly 0.5–15 ms per sample;
 * round(base × factor) makes the true extra work of a variant differ slightly from its label,
 * so the units are recorded and the accuracy bench uses them. */
const workloads = {
  'cpu-xorshift': [200, () => { let x = 2463534242; for (let i = 0; i < 5000; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; } sink ^= x; }],
  'alloc-objects': [100, () => { const a = []; for (let i = 0; i < 250; i++) a.push({ i, s: 'x' + i, arr: [i, i + 1] }); sink += a.length; }],
  'json-roundtrip': [10, () => { sink += JSON.parse(JSON.stringify(payload)).items.length; }],
  'sort-numbers': [20, () => { const a = new Float64Array(1000); for (let i = 0; i < a.length; i++) a[i] = Math.sin(i * 7.1); sink += a.sort()[0]; }],
  'regex-scan': [15, () => { sink += (text.match(/[a-z]+@[a-z]+\.com|\d{3,}/g) ?? []).length; }],
  'sha256': [50, () => { sink += createHash('sha256').update(buf.subarray(0, 8192)).digest()[0]; }],
  'map-churn': [50, () => { const m = new Map(); for (let i = 0; i < 150; i++) m.set('k' + i, i); for (let i = 0; i < 150; i++) sink += m.get('k' + i) ?? 0; }],
  'file-io': [10, () => { writeFileSync(file, buf); sink += readFileSync(file).length; }],
  'process-spawn': [5, () => { sink += spawnSync('/bin/true').status ?? 0; }],
  'string-build': [50, () => { let s = ''; for (let i = 0; i < 200; i++) s += i.toString(36); sink += s.length; }],
};

const out = { factor, samples: {}, cpu: {}, units: {} };
const plan = Object.entries(workloads).map(([name, [base, unit]]) => ({ name, unit, units: Math.round(base * factor) }));
for (const p of plan) {
  out.units[p.name] = p.units;
  out.samples[p.name] = [];
  out.cpu[p.name] = [];
}
/** One timed sample of workload p (kept after the warm-up). */
function sample(p, pass) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let u = 0; u < p.units; u++) p.unit();
  const dt = performance.now() - t0;
  const dc = process.cpuUsage(c0);
  if (pass >= WARMUP) {
    out.samples[p.name].push(Math.round(dt * 1e6));
    out.cpu[p.name].push((dc.user + dc.system) * 1000);
  }
}
if (contiguous) for (const p of plan) for (let pass = 0; pass < WARMUP + PASSES; pass++) sample(p, pass);
else for (let pass = 0; pass < WARMUP + PASSES; pass++) for (const p of plan) sample(p, pass);
rmSync(file, { force: true });
out.sink = sink % 7;
process.stdout.write(JSON.stringify(out) + '\n');
