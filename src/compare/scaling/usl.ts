/**
 * Gunther's Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), and Amdahl's law
 * (κ = 0), fitted by bounded nonlinear least squares.
 *
 * References: N. J. Gunther, "Guerrilla Capacity Planning" (Springer, 2007), ch. 4–6, and
 * "A General Theory of Computational Scalability Based on Rational Functions" (arXiv:0808.1431);
 * R's `usl` package (Möding), which fits the same model with `nls(algorithm = "port")` under
 * bounds σ, κ ∈ [0, 1] and warns under 6 points; usl4j (github.com/codahale/usl4j, Model.java),
 * which starts from Gunther's "deviation from linearity": with λ = X(1), N/(X/λ) − 1 is the
 * quadratic σ(N−1) + κ(N−1)N, so an ordinary quadratic fit in N−1 gives σ and κ.
 *
 * Differences from both, deliberately: residuals are taken on the log scale (run-to-run noise
 * on throughput is multiplicative, so equal weight per ratio, not per unit of throughput), λ is
 * fitted as log λ (so λ > 0 holds by construction), and the solver is a projected
 * Levenberg–Marquardt (Marquardt 1963; bounds enforced by clamping each step) run from the
 * linearisation and from a fixed grid of starts, keeping the best: deterministic, no random
 * restarts. Intervals come from the fit's covariance, s²(JᵀJ)⁻¹, with Student's t.
 */
import { studentTQuantile } from '../student-t.js';
import type { Interval, ModelFit, UslParams } from '../../model/scaling.js';

export type { Interval, ModelFit, UslParams } from '../../model/scaling.js';

/** A point: concurrency N and one measured throughput there (each repeat is its own point). */
export interface ScalingPoint {
  n: number;
  throughput: number;
}

/** X(N) under the law. */
export function uslThroughput(p: UslParams, n: number): number {
  return (p.lambda * n) / (1 + p.sigma * (n - 1) + p.kappa * n * (n - 1));
}

const CONFIDENCE = 0.95;
const MAX_ITERATIONS = 200;

type Theta = [number, number, number]; // log λ, σ, κ

function clamp(t: Theta, free: number): Theta {
  const c = (x: number) => Math.min(1, Math.max(0, x));
  return [t[0], c(t[1]), free === 3 ? c(t[2]) : 0];
}

function residualsAndJacobian(t: Theta, pts: readonly ScalingPoint[]): { r: number[]; J: number[][] } {
  const r: number[] = [];
  const J: number[][] = [];
  for (const { n, throughput } of pts) {
    const d = 1 + t[1] * (n - 1) + t[2] * n * (n - 1);
    r.push(Math.log(throughput) - (t[0] + Math.log(n) - Math.log(d)));
    J.push([1, -(n - 1) / d, (-n * (n - 1)) / d]);
  }
  return { r, J };
}

const sumSq = (r: readonly number[]) => r.reduce((s, x) => s + x * x, 0);

/** Solves A x = b for a small dense A by Gaussian elimination with partial pivoting; null if singular. */
function solve(A: number[][], b: number[]): number[] | null {
  const m = A.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let i = c + 1; i < m; i++) if (Math.abs(M[i]![c]!) > Math.abs(M[p]![c]!)) p = i;
    if (Math.abs(M[p]![c]!) < 1e-300) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let i = c + 1; i < m; i++) {
      const f = M[i]![c]! / M[c]![c]!;
      for (let j = c; j <= m; j++) M[i]![j]! -= f * M[c]![j]!;
    }
  }
  const x = new Array<number>(m).fill(0);
  for (let i = m - 1; i >= 0; i--) {
    let s = M[i]![m]!;
    for (let j = i + 1; j < m; j++) s -= M[i]![j]! * x[j]!;
    x[i] = s / M[i]![i]!;
  }
  return x;
}

function normalEquations(J: number[][], r: number[], free: number): { JtJ: number[][]; Jtr: number[] } {
  const JtJ = Array.from({ length: free }, () => new Array<number>(free).fill(0));
  const Jtr = new Array<number>(free).fill(0);
  J.forEach((row, i) => {
    for (let a = 0; a < free; a++) {
      Jtr[a]! += row[a]! * r[i]!;
      for (let b = 0; b < free; b++) JtJ[a]![b]! += row[a]! * row[b]!;
    }
  });
  return { JtJ, Jtr };
}

/** The best log λ for fixed σ, κ (log λ enters linearly: the mean of the residuals). */
function bestLogLambda(sigma: number, kappa: number, pts: readonly ScalingPoint[]): number {
  const { r } = residualsAndJacobian([0, sigma, kappa], pts);
  return r.reduce((s, x) => s + x, 0) / r.length;
}

/** Projected Levenberg–Marquardt from one start; returns the end point and its SSE. */
function descend(start: Theta, pts: readonly ScalingPoint[], free: number): { t: Theta; sse: number } {
  let t = clamp(start, free);
  let { r, J } = residualsAndJacobian(t, pts);
  let sse = sumSq(r);
  let mu = 1e-3;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const { JtJ, Jtr } = normalEquations(J, r, free);
    const damped = JtJ.map((row, a) => row.map((v, b) => (a === b ? v * (1 + mu) + 1e-12 : v)));
    const step = solve(damped, Jtr);
    if (!step) break;
    const next = clamp([t[0] + step[0]!, t[1] + step[1]!, t[2] + (step[2] ?? 0)], free);
    const trial = residualsAndJacobian(next, pts);
    const trialSse = sumSq(trial.r);
    if (trialSse < sse) {
      const gain = sse - trialSse;
      t = next;
      ({ r, J } = trial);
      sse = trialSse;
      mu = Math.max(mu / 10, 1e-12);
      if (gain < 1e-14 * (1 + sse)) break;
    } else {
      mu *= 10;
      if (mu > 1e12) break;
    }
  }
  return { t, sse };
}

/**
 * Gunther's linearisation (as usl4j does it): with λ from the smallest N, regress
 * N·λ/X − 1 on (N−1) and (N−1)² through the origin-free quadratic c0 + c1·x + c2·x²; then
 * κ = c2 and σ = c1 − c2, clamped into the bounds.
 */
function linearisedStart(pts: readonly ScalingPoint[]): Theta {
  const lowest = Math.min(...pts.map((p) => p.n));
  const first = pts.filter((p) => p.n === lowest);
  const lambda = first.reduce((s, p) => s + p.throughput / p.n, 0) / first.length;
  const rows = pts.map((p) => [1, p.n - 1, (p.n - 1) ** 2]);
  const ys = pts.map((p) => (p.n * lambda) / p.throughput - 1);
  const { JtJ, Jtr } = normalEquations(rows, ys, 3);
  const c = solve(JtJ, Jtr) ?? [0, 0, 0];
  const kappa = Math.min(1, Math.max(0, c[2]!));
  const sigma = Math.min(1, Math.max(0, c[1]! - c[2]!));
  return [Math.log(lambda), sigma, kappa];
}

const GRID_SIGMA = [0, 0.01, 0.05, 0.2, 0.5, 0.9];
const GRID_KAPPA = [0, 1e-4, 1e-3, 1e-2, 0.1];

/**
 * Fits the USL (`model: 'usl'`) or Amdahl's law (`'amdahl'`, κ = 0) to points with throughput
 * > 0 and N ≥ 1. The caller checks that there are enough points and levels.
 */
export function fitModel(pts: readonly ScalingPoint[], model: 'usl' | 'amdahl'): ModelFit {
  const free = model === 'usl' ? 3 : 2;
  const starts: Theta[] = [linearisedStart(pts)];
  for (const s of GRID_SIGMA) for (const k of free === 3 ? GRID_KAPPA : [0]) starts.push([bestLogLambda(s, k, pts), s, k]);
  let best = descend(starts[0]!, pts, free);
  for (const s of starts.slice(1)) {
    const d = descend(s, pts, free);
    if (d.sse < best.sse - 1e-15) best = d;
  }
  const { t, sse } = best;
  const m = pts.length;
  const df = Math.max(1, m - free);
  const { J } = residualsAndJacobian(t, pts);
  const { JtJ } = normalEquations(J, new Array<number>(m).fill(0), free);
  const s2 = sse / df;
  const cov = [0, 1, 2].map(() => [0, 0, 0]);
  for (let c = 0; c < free; c++) {
    const col = solve(
      JtJ,
      [0, 1, 2].slice(0, free).map((i) => (i === c ? 1 : 0)),
    );
    for (let r = 0; r < free; r++) cov[r]![c] = col ? col[r]! * s2 : Infinity;
  }
  const se = { logLambda: Math.sqrt(cov[0]![0]!), sigma: Math.sqrt(cov[1]![1]!), kappa: Math.sqrt(cov[2]![2]!) };
  const q = studentTQuantile(0.5 + CONFIDENCE / 2, df);
  const bounded = (x: number, e: number): Interval => ({ lo: Math.max(0, x - q * e), hi: Math.min(1, x + q * e) });
  const params = { lambda: Math.exp(t[0]), sigma: t[1], kappa: t[2] };
  const k = free;
  // Gaussian log-likelihood up to a constant; the error variance is one more parameter.
  const aic = m * Math.log(Math.max(sse, 1e-300) / m) + 2 * (k + 1);
  const aicc = m - k - 2 > 0 ? aic + (2 * (k + 1) * (k + 2)) / (m - k - 2) : Infinity;
  return {
    model,
    params,
    intervals: {
      lambda: { lo: Math.exp(t[0] - q * se.logLambda), hi: Math.exp(t[0] + q * se.logLambda) },
      sigma: bounded(t[1], se.sigma),
      kappa: free === 3 ? bounded(t[2], se.kappa) : { lo: 0, hi: 0 },
    },
    se,
    covariance: cov,
    sse,
    points: m,
    k,
    aicc,
  };
}

/** The t quantile the intervals use, for a fit's residual degrees of freedom. */
export function fitQuantile(fit: ModelFit): number {
  return studentTQuantile(0.5 + CONFIDENCE / 2, Math.max(1, fit.points - fit.k));
}
