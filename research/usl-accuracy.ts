/**
 * Accuracy of the scalability fit (src/compare/scaling) on synthetic sweeps with known σ, κ:
 * throughput X(N) from the USL times lognormal noise whose log-SD is the corpus's between-run
 * noise (research/corpus/data/corpus.jsonl.gz: the SD of log(run median) across rounds, per
 * workload and variant; the median of those is used). Prints, per design and truth, the share
 * of sweeps whose 95% intervals contain the true σ and κ, the share whose N* is within ±20% of
 * the true one, and how often the advice names the right bound. Deterministic (seeded).
 *
 * Usage: npx tsx research/usl-accuracy.ts [--trials=N] [--log-sd=s]
 */
import { analyseScaling, uslThroughput, type UslParams } from '../src/compare/scaling/index.js';
import { syntheticSetup } from './scaling-noise.js';

const { trials, logSd, logSdSource, gauss } = syntheticSetup(20261201, 200);

interface Design {
  label: string;
  levels: number[];
  repeats: number;
}
const designs: Design[] = [
  { label: 'N = 1…32 (6 levels) × 3 repeats', levels: [1, 2, 4, 8, 16, 32], repeats: 3 },
  { label: 'N = 1…32 (6 levels) × 5 repeats', levels: [1, 2, 4, 8, 16, 32], repeats: 5 },
  { label: 'N = 1…64 (10 levels) × 3 repeats', levels: [1, 2, 4, 8, 12, 16, 24, 32, 48, 64], repeats: 3 },
];
const truths: UslParams[] = [
  { lambda: 100, sigma: 0.02, kappa: 0.0005 },
  { lambda: 100, sigma: 0.05, kappa: 0.002 },
  { lambda: 100, sigma: 0.1, kappa: 0.005 },
  { lambda: 100, sigma: 0.01, kappa: 0.01 },
  { lambda: 100, sigma: 0.06, kappa: 0 },
  { lambda: 100, sigma: 0.2, kappa: 0 },
];

const pct = (k: number, n: number) => (n === 0 ? '—' : `${((100 * k) / n).toFixed(1)}%`);
const rows: string[][] = [];
for (const d of designs) {
  for (const truth of truths) {
    const trueStar = truth.kappa > 0 ? Math.sqrt((1 - truth.sigma) / truth.kappa) : Infinity;
    // A peak beyond the measured levels may fairly be called either (the advice then says to measure up to it).
    const maxN = d.levels[d.levels.length - 1]!;
    const expected = truth.kappa === 0 ? ['Contention'] : trueStar <= maxN ? ['Coherency'] : ['Coherency', 'Contention'];
    let sigmaIn = 0;
    let kappaIn = 0;
    let starNear = 0;
    let advised = 0;
    let fits = 0;
    for (let t = 0; t < trials; t++) {
      const sweep = d.levels.map((n) => ({
        n,
        throughputs: Array.from({ length: d.repeats }, () => uslThroughput(truth, n) * Math.exp(logSd * gauss())),
      }));
      const a = analyseScaling(sweep);
      if (!a.fit) continue;
      fits++;
      const { sigma, kappa } = a.fit.usl.intervals;
      if (sigma.lo <= truth.sigma && truth.sigma <= sigma.hi) sigmaIn++;
      if (kappa.lo <= truth.kappa && truth.kappa <= kappa.hi) kappaIn++;
      const star = a.fit.peak?.n ?? Infinity;
      if (truth.kappa > 0 && Math.abs(star / trueStar - 1) <= 0.2) starNear++;
      if (expected.some((e) => a.advice.startsWith(e))) advised++;
    }
    rows.push([
      d.label,
      `σ=${truth.sigma} κ=${truth.kappa}`,
      truth.kappa > 0 ? trueStar.toFixed(1) : '∞',
      pct(fits, trials),
      pct(sigmaIn, fits),
      pct(kappaIn, fits),
      truth.kappa > 0 ? pct(starNear, fits) : '—',
      `${pct(advised, fits)} ${expected.join(' or ').toLowerCase()}`,
    ]);
  }
}

console.log(`USL fit accuracy: ${trials} synthetic sweeps per row; noise lognormal, log-SD ${logSd.toFixed(3)} ${logSdSource}.`);
console.log(
  "Intervals are the USL fit's 95% intervals (covariance, Student t); N* within ±20% of the truth; advice: the sentence names the true bound.\n",
);
const head = ['design', 'truth', 'true N*', 'fitted', 'σ in interval', 'κ in interval', 'N* ±20%', 'advice right'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
