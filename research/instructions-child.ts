/**
 * The child process of the instruction-count benches: one corpus workload warmed up, gc(),
 * re-warmed as the product's worker does (worker-count.ts), then `calls` calls, each between
 * callgrind's start and stop requests when asked. It prints the CPU seconds of that benchmark
 * phase (process.cpuUsage: under Valgrind, the simulation's own CPU).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { addonCandidates } from '../src/bench/instrument-hooks.js';
import { POST_GC_WARMUP } from '../src/bench/worker-count.js';

const here = dirname(fileURLToPath(import.meta.url));
export const WARMUP = 5;

/** Writes the child script into `dir`; run it as `node <flags> child.mjs <workload> <calls> [bracket]`. */
export function writeChild(dir: string): string {
  const addon = addonCandidates(pathToFileURL(join(here, '..', 'src', 'bench', 'x.ts')).href).find((f) => {
    try {
      return readFileSync(f).length > 0;
    } catch {
      return false;
    }
  });
  if (!addon) throw new Error('npm install first: @codspeed/core provides the addon');
  const child = join(dir, 'child.mjs');
  writeFileSync(
    child,
    `import { createRequire } from 'node:module';
import { workloads } from ${JSON.stringify(pathToFileURL(join(here, 'corpus', 'workloads.mjs')).href)};
const [name, calls, bracket] = [process.argv[2], Number(process.argv[3]), process.argv[4] === 'bracket'];
const h = bracket ? createRequire(import.meta.url)(${JSON.stringify(addon)}).InstrumentHooks : undefined;
const fn = workloads[name][1];
const cpu = process.cpuUsage();
for (let i = 0; i < ${WARMUP}; i++) fn();
gc();
for (let i = 0; i < ${POST_GC_WARMUP}; i++) fn();
for (let i = 0; i < calls; i++) {
  if (h) h.startBenchmark();
  fn();
  if (h) { h.stopBenchmark(); h.setExecutedBenchmark(process.pid, 'c'); }
}
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ cpuSeconds: (used.user + used.system) / 1e6 }));
`,
  );
  return child;
}
