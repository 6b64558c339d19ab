// One "suite run" of the accuracy corpus: a fresh Node process that measures every workload
// in PASSES interleaved passes (after WARMUP passes): each pass takes one timed sample of each
// workload in turn (wall time and this process's CPU time), each sample doing round(BASE × factor)
// units of work. Interleaving spreads every workload's samples over the whole run (about a
// second), as a suite run measured in passes does, instead of one contiguous slice of it.
// Plain JS (not TS) so that process start adds no transpiler noise. Prints one JSON line.
// With mode `contiguous`, each workload takes all its samples in one stretch instead (research/passes.ts compares the two).
// Usage: node worker.mjs <factor> <tmpdir> [interleaved|contiguous]
import { performance } from 'node:perf_hooks';

const factor = Number(process.argv[2] ?? '1');
const tmp = process.argv[3] ?? '/tmp';
const mode = process.argv[4] ?? 'interleaved';
const PASSES = 40;
const WARMUP = 2;

const mod = await import('./workloads.mjs');
mod.useTmp(tmp);
const plan = Object.entries(mod.workloads).map(([name, [base, unit]]) => ({ name, unit, units: Math.round(base * factor), samples: [], cpu: [] }));

/** One timed sample of workload p (kept after the warm-up). */
function sample(p, pass) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let u = 0; u < p.units; u++) p.unit();
  const dt = performance.now() - t0;
  const dc = process.cpuUsage(c0);
  if (pass >= WARMUP) {
    p.samples.push(Math.round(dt * 1e6));
    p.cpu.push((dc.user + dc.system) * 1000);
  }
}
const field = (key) => Object.fromEntries(plan.map((p) => [p.name, p[key]]));

const passes = WARMUP + PASSES;
if (mode === 'contiguous') for (const p of plan) for (let pass = 0; pass < passes; pass++) sample(p, pass);
else for (let pass = 0; pass < passes; pass++) for (const p of plan) sample(p, pass);

const out = { factor, samples: field('samples'), cpu: field('cpu'), units: field('units') };
mod.cleanUp();
out.sink = mod.sinkValue() % 7;
process.stdout.write(JSON.stringify(out) + '\n');
