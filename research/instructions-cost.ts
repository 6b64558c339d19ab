/**
 * What counting costs: per corpus workload, the CPU seconds of one benchmark (warm-up, gc(),
 * re-warm and `N` counted calls, as the product's worker runs it) under callgrind and natively
 * with the same Node flags, their factor, and the CPU seconds of a whole counted process
 * (GNU time: Node's start-up under Valgrind included). Optionally with cache simulation.
 *
 * Usage: npx tsx research/instructions-cost.ts [N=10] [instructions|cycles]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GNU_TIME } from '../src/bench/gnu-time.js';
import { callgrindArgs, COUNT_NODE_FLAGS, type CountMeasure } from '../src/bench/valgrind.js';
import { writeChild } from './instructions-child.js';

const N = Number(process.argv[2] ?? '10');
const measure = (process.argv[3] ?? 'instructions') as CountMeasure;
const WORKLOADS = ['cpu-xorshift', 'alloc-objects', 'json-roundtrip', 'sort-numbers', 'regex-scan', 'map-churn', 'string-build'];
const tmp = mkdtempSync(join(tmpdir(), 'tp-count-cost-'));
const child = writeChild(tmp);

/** CPU seconds of the benchmark phase and of the whole process. */
function cost(workload: string, underValgrind: boolean): { phase: number; total: number } {
  const out = join(tmp, 'cg.out');
  const rusage = join(tmp, 'rusage');
  const node = [process.execPath, ...COUNT_NODE_FLAGS, child, workload, String(N), 'bracket'];
  const argv = underValgrind ? ['valgrind', ...callgrindArgs(measure, out, ['--instr-atstart=no', '--combine-dumps=yes']), ...node] : node;
  const r = spawnSync(GNU_TIME, ['-f', '%U %S', '-o', rusage, ...argv], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  const [user, sys] = readFileSync(rusage, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { phase: (JSON.parse(r.stdout.trim().split('\n').pop()!) as { cpuSeconds: number }).cpuSeconds, total: user! + sys! };
}

console.log(
  `Cost of measure "${measure}" per benchmark (${N} counted calls after warm-up), CPU seconds, this machine (${process.version}).`,
);
console.log('| workload | native benchmark | Valgrind benchmark | factor | whole counted process |');
console.log('| :-- | --: | --: | --: | --: |');
try {
  const totals: number[] = [];
  for (const w of WORKLOADS) {
    const native = cost(w, false);
    const counted = cost(w, true);
    totals.push(counted.total - counted.phase);
    console.log(
      `| ${w} | ${native.phase.toFixed(3)} | ${counted.phase.toFixed(2)} | ${(counted.phase / native.phase).toFixed(0)}× | ${counted.total.toFixed(2)} |`,
    );
  }
  console.log(
    `\nStart-up and exit of a counted process, outside the benchmark: ${(totals.reduce((a, b) => a + b, 0) / totals.length).toFixed(2)} CPU s on average.`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
