/**
 * Advice in words from a scalability fit: which term limits the scaling (contention σ:
 * Amdahl's serial part; coherency κ: crosstalk that makes throughput fall past N*), and what
 * pool size or next measurement follows (Gunther 2007, ch. 4–6).
 */
import type { ScalingAnalysis } from './analyse.js';
import { uslThroughput, type UslParams } from './usl.js';

/** Pool sizes within this share of the fitted peak count as "best". */
const NEAR_PEAK = 0.95;
/** With neither term detected, a top efficiency at least this reads as linear; below it, as noise. */
const LINEAR_EFFICIENCY = 0.8;
/** A peak within this many times the highest measured N is a finding; beyond it, a hint. */
const PEAK_HORIZON = 2;

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toPrecision(2));
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The advice sentence(s) for an analysis. */
export function adviceFor(a: ScalingAnalysis): string {
  const knee = a.knee !== undefined ? ` Efficiency falls under ${pct(a.efficiencyFloor)} at N = ${a.knee}.` : '';
  if (!a.fit) return `No fit: ${a.reason ?? 'no levels measured'}.${knee}`;
  const { fit } = a;
  const top = a.levels[a.levels.length - 1]!;
  const maxN = top.n;
  const sigmaShown = fit.chosen === 'usl' ? fit.usl : fit.amdahl;
  const undetected = sigmaShown.intervals.sigma.lo <= 0 && (fit.chosen === 'amdahl' || fit.usl.intervals.kappa.lo <= 0);
  if (undetected && top.efficiency >= LINEAR_EFFICIENCY) {
    return `Linear so far (efficiency ${pct(top.efficiency)} at N = ${maxN}; neither σ nor κ is distinguishable from 0): measure higher N.${knee}`;
  }
  if (undetected) {
    const i = sigmaShown.intervals.sigma;
    return `Inconclusive: efficiency is ${pct(top.efficiency)} at N = ${maxN}, but the noise hides the cause (σ's interval ${i.lo.toPrecision(2)}–${i.hi.toPrecision(2)} reaches 0): repeat each level more (--repeats) on a quieter machine.${knee}`;
  }
  if (fit.chosen === 'amdahl' || !fit.peak || fit.peak.n > PEAK_HORIZON * maxN) {
    const s = fit.amdahl.params.sigma;
    const head = `Contention-bound (σ = ${fmt(s)}): at most ${fmt(1 / s)}× whatever the pool; the serial part is the bottleneck.`;
    const later =
      fit.chosen === 'usl' && fit.peak
        ? ` Coherency (κ = ${fmt(fit.usl.params.kappa)}) predicts a peak near N ≈ ${fmt(fit.peak.n)}, beyond the measured N ≤ ${maxN}: measure up to it.`
        : '';
    return `${head}${later}${knee}`;
  }
  const { lo, hi } = nearPeak(fit.usl.params, fit.peak.n);
  const where = fit.peak.inRange ? '' : ` (beyond the measured N ≤ ${maxN}: measure up to it to confirm)`;
  return `Coherency-bound (κ = ${fmt(fit.usl.params.kappa)}): throughput peaks at N ≈ ${fmt(fit.peak.n)} and falls after${where}; a pool of ${lo}–${hi} is best (within ${pct(1 - NEAR_PEAK)} of the peak).${knee}`;
}

/** The whole numbers N whose fitted throughput is within NEAR_PEAK of X(N*). */
export function nearPeak(p: UslParams, peakN: number): { lo: number; hi: number } {
  const target = NEAR_PEAK * uslThroughput(p, peakN);
  let lo = Math.max(1, Math.floor(peakN));
  while (lo > 1 && uslThroughput(p, lo - 1) >= target) lo--;
  let hi = Math.max(1, Math.ceil(peakN));
  while (hi < 1e6 && uslThroughput(p, hi + 1) >= target) hi++;
  return { lo, hi };
}
