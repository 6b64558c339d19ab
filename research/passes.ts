/**
 * Does measuring in interleaved passes make runs steadier? Records it live on this machine:
 * rounds of four corpus-worker invocations in a shuffled order — unchanged code measured with
 * each workload's samples in one stretch (contiguous, A and B) and spread over the run in
 * passes (interleaved, A and B) — then prints, per workload, how much the run median (and the
 * run's best sample) differs between the two runs of a pair. Same work, samples and duration;
 * only the order differs. Takes `minutes` (default 12) of an otherwise idle machine.
 *
 * Usage: npx tsx research/passes.ts [minutes=12]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, quantile, sampleStandardDeviation as sd } from 'simple-statistics';
import { shuffle } from './corpus/simulate.js';

type Mode = 'contiguous' | 'interleaved';
const here = dirname(fileURLToPath(import.meta.url));
const minutes = Number(process.argv[2] ?? '12');
const tmp = mkdtempSync(join(tmpdir(), 'tp-passes-'));
const slots: Array<{ mode: Mode; side: 'A' | 'B' }> = [
  { mode: 'contiguous', side: 'A' },
  { mode: 'contiguous', side: 'B' },
  { mode: 'interleaved', side: 'A' },
  { mode: 'interleaved', side: 'B' },
];

function invoke(mode: Mode): Record<string, number[]> {
  const r = spawnSync(process.execPath, [join(here, 'corpus', 'worker.mjs'), '1', tmp, mode], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`worker failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { samples: Record<string, number[]> }).samples;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const rounds: Array<Record<string, Record<string, number[]>>> = [];
const deadline = Date.now() + minutes * 60_000;
while (Date.now() < deadline) {
  const round: Record<string, Record<string, number[]>> = {};
  for (const s of shuffle(slots, Math.random)) round[`${s.mode}/${s.side}`] = invoke(s.mode);
  rounds.push(round);
}

const workloads = Object.keys(rounds[0]?.['contiguous/A'] ?? {});
console.log(`${rounds.length} rounds of 4 invocations in ${minutes} min. Pair difference of unchanged runs (A vs B, log scale):`);
console.log(
  '| workload | contiguous: SD of median | interleaved: SD of median | contiguous: SD of best | interleaved: SD of best | interleaved best: median / 90th pct of abs. difference |',
);
console.log('|---|---|---|---|---|---|');
for (const w of workloads) {
  const diff = (mode: Mode, stat: (xs: number[]) => number) =>
    rounds.map((r) => Math.log(stat(r[`${mode}/B`]?.[w] ?? [])) - Math.log(stat(r[`${mode}/A`]?.[w] ?? [])));
  const best = (xs: number[]) => Math.min(...xs);
  const ib = diff('interleaved', best).map(Math.abs);
  console.log(
    `| ${w} | ${pct(sd(diff('contiguous', median)))} | ${pct(sd(diff('interleaved', median)))} | ${pct(sd(diff('contiguous', best)))} | ${pct(sd(diff('interleaved', best)))} | ${pct(median(ib))} / ${pct(quantile(ib, 0.9))} |`,
  );
}
