/**
 * Does alternating the two trees' invocations make a command suite's A/B pairs steadier? Records
 * it live on this machine with the product's own runners: rounds of unchanged code (A/A) on two
 * trees, each measured both ways — one side's invocations in one stretch, then the other's
 * (runCommandSuite twice, the order alternating by round: how command suites ran in A/B before)
 * and invocation by invocation (runCommandPair: how they run now). Prints, per workload, how much
 * the two sides of a pair differ (SD of the log ratio of the run location), both ways. Same
 * commands, runs and duration; only the order differs.
 *
 * Usage: npx tsx research/command-ab.ts [minutes=12]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleStandardDeviation as sd } from 'simple-statistics';
import { runCommandPair, runCommandSuite } from '../src/bench/command.js';
import type { RunnerContext, Side, SuiteOutcome } from '../src/bench/types.js';
import { DEFAULT_LOCATION, type LocationStatistic } from '../src/compare/index.js';
import { runLocation } from '../src/compare/location.js';
import type { CommandSuite } from '../src/config/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const minutes = Number(process.argv[2] ?? '12');
const tmp = mkdtempSync(join(tmpdir(), 'tp-command-ab-'));
/** Workloads and how many times over their base units one invocation runs (about 50 ms of work beside Node's start). */
const WORKLOADS: Record<string, number> = { 'cpu-xorshift': 8, 'alloc-objects': 15, 'json-roundtrip': 20, 'regex-scan': 40, 'file-io': 8 };
const script = join(here, 'corpus', 'command-workload.mjs');
const suite: CommandSuite = {
  name: 'cmd',
  command: Object.fromEntries(
    Object.entries(WORKLOADS).map(([w, reps]) => [w, `node ${JSON.stringify(script)} ${w} ${reps} ${JSON.stringify(tmp)}`]),
  ),
  runs: 10,
  warmup: 1,
};
const ctx: Record<Side, RunnerContext> = {
  base: { cwd: join(tmp, 'base'), emit: () => undefined },
  head: { cwd: join(tmp, 'head'), emit: () => undefined },
};
for (const side of ['base', 'head']) mkdirSync(join(tmp, side));

type Mode = 'one stretch per side' | 'alternating invocations';
const MODES: Mode[] = ['one stretch per side', 'alternating invocations'];
const STATS: LocationStatistic[] = [DEFAULT_LOCATION, 'median'];

/** Log ratio head/base of each workload's run location, by statistic. */
function ratios(out: Record<Side, SuiteOutcome>): Record<string, Record<string, number>> {
  const byStat: Record<string, Record<string, number>> = {};
  for (const stat of STATS) {
    byStat[stat] = {};
    for (const w of Object.keys(WORKLOADS)) {
      const loc = (side: Side) => {
        const b = out[side].benchmarks.find((x) => x.name === w);
        if (!b) throw new Error(`${w} did not run on the ${side} side: ${JSON.stringify(out[side].errors)}`);
        return runLocation(b, false, stat).value;
      };
      byStat[stat]![w] = Math.log(loc('head') / loc('base'));
    }
  }
  return byStat;
}

const results: Record<Mode, Array<Record<string, Record<string, number>>>> = { 'one stretch per side': [], 'alternating invocations': [] };
const deadline = Date.now() + minutes * 60_000;
let round = 0;
const started = Date.now();
while (Date.now() < deadline) {
  const baseFirst = round % 2 === 0;
  for (const mode of round % 2 === 0 ? MODES : [...MODES].reverse()) {
    let out: Record<Side, SuiteOutcome>;
    if (mode === 'alternating invocations') out = await runCommandPair(suite, ctx, baseFirst);
    else {
      const first: Side = baseFirst ? 'base' : 'head';
      const second: Side = baseFirst ? 'head' : 'base';
      const a = await runCommandSuite(suite, ctx[first]);
      const b = await runCommandSuite(suite, ctx[second]);
      out = { [first]: a, [second]: b } as Record<Side, SuiteOutcome>;
    }
    results[mode].push(ratios(out));
  }
  round++;
}
rmSync(tmp, { recursive: true, force: true });

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
if (round < 2) {
  console.error(`Only ${round} round(s) fit in ${minutes} min: give it more minutes.`);
  process.exit(1);
}
console.log(
  `${round} rounds in ${((Date.now() - started) / 60_000).toFixed(1)} min; ${suite.runs} runs + ${suite.warmup} warm-up per command and side. A/A pair difference (SD of log head/base):`,
);
console.log(`| workload | ${STATS.flatMap((s) => MODES.map((m) => `${m}: ${s}`)).join(' | ')} |`);
console.log(`|---|${STATS.flatMap(() => MODES.map(() => '---|')).join('')}`);
for (const w of Object.keys(WORKLOADS)) {
  const cells = STATS.flatMap((s) => MODES.map((m) => pct(sd(results[m].map((r) => r[s]![w] as number)))));
  console.log(`| ${w} | ${cells.join(' | ')} |`);
}
