/**
 * The scalability fit on a real workload made here (research/usl-workload.mjs: worker threads, a
 * shared lock held for a set share s of each job, so σ = s by construction): runs a sweep per
 * share through the same runner as `track-performance optimize` and prints the fitted σ with
 * its interval, whether the interval holds s, and the advice. The parallel part waits (like
 * I/O: the machine's cores do not cap it) or, with `cpu`, computes (on a machine with fewer
 * cores than the top level, core saturation then adds to σ).
 *
 * Usage: npx tsx research/usl-real.ts [--levels=1,2,3,4] [--repeats=3] [--rounds=1] [--cpu]
 */
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScalingSuite } from '../src/bench/scaling.js';
import { analyseScaling } from '../src/compare/scaling/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const levels = opt('levels', '1,2,3,4').split(',').map(Number);
const repeats = Number(opt('repeats', '3'));
const rounds = Number(opt('rounds', '1'));
const modes = args.includes('--cpu') ? ['wait', 'cpu'] : ['wait'];
const shares = [0, 0.1, 0.25, 0.5];

console.log(
  `Real workload: research/usl-workload.mjs, 10 jobs of 30 ms per run, levels ${levels.join(', ')}, ${repeats} repeats each (round-robin), ${rounds} sweep(s) per share.`,
);
console.log(`Machine: ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} at start.\n`);
const rows: string[][] = [];
for (const mode of modes) {
  for (const s of shares) {
    for (let r = 0; r < rounds; r++) {
      const command = `node ${join(here, 'usl-workload.mjs')} --workers {N} --jobs 10 --job-ms 30 --serial ${s} --parallel ${mode}`;
      const sweep = await runScalingSuite(
        { name: `s${s}`, command, repeats, warmup: 0, unit: 'jobs' },
        { cwd: here, emit: () => undefined },
        { levels, cores: 1 },
      );
      const a = analyseScaling(sweep.levels);
      const fit = a.fit ? a.fit[a.fit.chosen] : undefined;
      const i = fit?.intervals.sigma;
      rows.push([
        mode,
        String(s),
        fit ? `${fit.params.sigma.toFixed(3)} (${i!.lo.toFixed(3)}–${i!.hi.toFixed(3)})` : `no fit: ${a.reason}`,
        fit ? a.fit!.chosen : '',
        i ? (i.lo <= s && s <= i.hi ? 'yes' : 'no') : '',
        `${a.levels.at(-1)!.speedup.toFixed(2)}×`,
        a.advice.split(':')[0]!,
      ]);
      console.error(`done: ${mode} s=${s} round ${r + 1}`);
    }
  }
}
const head = [
  'parallel part',
  'set serial share',
  'fitted σ (95% interval)',
  'model',
  'holds s',
  `speedup at N = ${levels.at(-1)}`,
  'advice',
];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
const line = (row: string[]) => `| ${row.map((x, c) => x.padEnd(widths[c]!)).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
