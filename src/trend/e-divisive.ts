/**
 * E-Divisive means inside one window: the candidate split that maximizes Matteson & James's
 * divergence Q̂, found again and again between the splits already accepted, each kept while the
 * t-test (t-test.ts) finds it significant.
 *
 * Matteson, D. S. & James, N. A. (2014). A nonparametric approach for multiple change point
 * analysis of multivariate data. JASA 109(505), 334–345. With α = 1 and X = Z[s:τ] (n values),
 * Y = Z[τ:κ] (m values):
 *   Q̂(X, Y) = 2/(n+m) Σ|Xi−Yj| − 2m/((n+m)(n−1)) Σi<k|Xi−Xk| − 2n/((n+m)(m−1)) Σj<k|Yj−Yk|,
 * maximized over s < τ < κ ≤ e; τ (the first value after the change) is the candidate. As in
 * Apache Otava (change_point_divisive/calculator.py), κ may end before the interval does, so a
 * later change does not blur an earlier one.
 *
 * The candidate's t-test compares [s, τ) with [τ, κ), the two samples Q̂ was maximized on, where
 * Otava (analysis.py TTestSignificanceTester) takes [τ, e): a temporary bump (up at τ, back at κ)
 * is then tested on itself instead of diluted by the level after it, and its second change point
 * is found next. A short [τ, κ) of noisy runs, though, is where the maximum over κ picked a lucky
 * cluster (on the corpus noise it took the step-free series without a change point from 99.4%
 * to 94.9%): with fewer than MIN_TESTED_RUNS runs it counts only when both sides are exact (no
 * spread), else the test falls back to Otava's [τ, e).
 */
import { pooledTTestP, sideStats } from './t-test.js';

/** Fewest noisy runs in [τ, κ) for the candidate to be tested on them alone. */
export const MIN_TESTED_RUNS = 5;

/**
 * Pair-distance sums of a series: `within(a, b)` = Σ_{a ≤ i < j < b} |z_i − z_j| for every
 * interval of at most `span` values, in a band table built once in O(N·span), so every Q̂ is
 * O(1) and every window of every sweep (change-points.ts) reads the same table. Each sum is
 * accumulated in a fixed order (column c adds Σ_{i=c−1…a} |z_i − z_c| to within(a, c)), so it is
 * the same number whichever window reads it.
 */
export class PairSums {
  /** Row a holds within(a, a + d) at d = 0…span. */
  readonly table: Float64Array;
  readonly stride: number;
  /** Per start s, the longest interval [s, e) searched so far and its best split (bestSplit). */
  readonly prefixBest = new Map<number, { e: number; best: Split | undefined }>();

  constructor(z: ArrayLike<number>, span: number, from = 0, to = z.length) {
    const w = Math.max(1, Math.min(span, to - from));
    this.stride = w + 1;
    this.table = new Float64Array(this.stride * z.length);
    const t = this.table;
    const stride = this.stride;
    for (let c = from + 1; c < to; c++) {
      const zc = z[c] as number;
      let col = 0;
      for (let a = c - 1; a >= from && c + 1 - a <= w; a--) {
        col += Math.abs((z[a] as number) - zc);
        const row = a * stride;
        t[row + c + 1 - a] = (t[row + c - a] as number) + col;
      }
    }
  }

  within(a: number, b: number): number {
    return this.table[a * this.stride + b - a] as number;
  }
}

interface Split {
  tau: number;
  kappa: number;
  q: number;
}

/**
 * The first maximum of Q̂ over the pairs s < τ < κ ≤ e with κ > `after`, in the order τ, then κ,
 * ascending; undefined when no pair has a Q̂ above −∞.
 */
function firstMax(sums: PairSums, s: number, e: number, after: number): Split | undefined {
  const t = sums.table;
  const stride = sums.stride;
  const rowS = s * stride;
  let bestTau = -1;
  let bestKappa = -1;
  let bestQ = -Infinity;
  for (let tau = s + 1; tau < e; tau++) {
    const n = tau - s;
    const wx = t[rowS + n] as number;
    const rowTau = tau * stride;
    for (let kappa = Math.max(tau, after) + 1; kappa <= e; kappa++) {
      const m = kappa - tau;
      const wy = t[rowTau + m] as number;
      const cross = (t[rowS + n + m] as number) - wx - wy;
      const nm = n + m;
      let q = (2 / nm) * cross;
      if (n > 1) q -= ((2 * m) / (nm * (n - 1))) * wx;
      if (m > 1) q -= ((2 * n) / (nm * (m - 1))) * wy;
      if (q > bestQ) {
        bestTau = tau;
        bestKappa = kappa;
        bestQ = q;
      }
    }
  }
  return bestTau < 0 ? undefined : { tau: bestTau, kappa: bestKappa, q: bestQ };
}

/**
 * The best split of the interval [s, e) of z: τ, the κ it was found with, and its Q̂ (the first
 * maximum in the order τ, then κ, wins). The pairs of a shorter interval from the same s are a
 * subset (those with κ ≤ its end): its best, kept in `sums`, is extended by the pairs past its end
 * alone (the short and the long sweep both start a window at 0), with the same first-maximum rule.
 */
function bestSplit(sums: PairSums, s: number, e: number): Split {
  const known = sums.prefixBest.get(s);
  const prior = known && known.e <= e ? known : undefined;
  const more = firstMax(sums, s, e, prior ? prior.e : s);
  const a = prior?.best;
  // On a tie the earlier pair wins: at the same τ that is the prior's (its κ ends before `more`'s begin).
  const best = !a || (more && (more.q > a.q || (more.q === a.q && more.tau < a.tau))) ? more : a;
  if (!known || known.e < e) sums.prefixBest.set(s, { e, best });
  return best ?? { tau: s + 1, kappa: e, q: -Infinity };
}

/**
 * Change points of `z[from..to)` by E-Divisive means with Otava's t-test: returns their indexes
 * in `z` (ascending). Deterministic: no permutations. `sums` is the series' table when the
 * caller has one covering windows this long (else one is built for this window).
 */
export function eDivisiveWindow(z: ArrayLike<number>, from: number, to: number, maxP: number, sums?: PairSums): number[] {
  if (to - from < 3) return [];
  const table = sums ?? new PairSums(z, to - from, from, to);
  // The intervals between accepted splits, each with its best split (an interval unchanged by
  // an accepted split keeps it: only the two halves of the one split are searched again).
  const parts: Array<{ s: number; e: number; best: Split | undefined }> = [{ s: from, e: to, best: undefined }];
  for (;;) {
    let pick: (typeof parts)[number] | undefined;
    for (const part of parts) {
      if (part.e - part.s < 2) continue;
      part.best ??= bestSplit(table, part.s, part.e);
      if (!pick || part.best.q > pick.best!.q) pick = part;
    }
    if (!pick) break;
    const { tau, kappa } = pick.best!;
    const before = sideStats(z, pick.s, tau);
    const bump = sideStats(z, tau, kappa);
    const after = bump.n >= MIN_TESTED_RUNS || (before.sd === 0 && bump.sd === 0) ? bump : sideStats(z, tau, pick.e);
    const p = pooledTTestP(before, after);
    if (!(p <= maxP)) break;
    parts.splice(parts.indexOf(pick), 1, { s: pick.s, e: tau, best: undefined }, { s: tau, e: pick.e, best: undefined });
  }
  return parts.slice(1).map((p) => p.s);
}
