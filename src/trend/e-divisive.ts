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
 */
import { pooledTTestP, sideStats } from './t-test.js';

/**
 * Pair-distance sums of one window: `within(a, b)` = Σ_{a ≤ i < j < b} |z_i − z_j|, all of them
 * in a table built in O(L²), so every Q̂ is O(1).
 */
class PairSums {
  private readonly table: Float64Array;
  private readonly stride: number;

  constructor(z: ArrayLike<number>, from: number, to: number) {
    const L = to - from;
    this.stride = L + 1;
    this.table = new Float64Array(this.stride * this.stride);
    const t = this.table;
    // within(a, c+1) = within(a, c) + Σ_{i=a}^{c-1} |z_i − z_c|, built column by column.
    for (let c = 1; c < L; c++) {
      const zc = z[from + c] as number;
      let col = 0;
      for (let a = c - 1; a >= 0; a--) {
        col += Math.abs((z[from + a] as number) - zc);
        t[a * this.stride + c + 1] = (t[a * this.stride + c] as number) + col;
      }
    }
  }

  within(a: number, b: number): number {
    return this.table[a * this.stride + b] as number;
  }
}

/** The best split of the interval [s, e) of the window: τ and its Q̂ (the first maximum wins). */
function bestSplit(sums: PairSums, s: number, e: number): { tau: number; q: number } {
  let best = { tau: s + 1, q: -Infinity };
  for (let tau = s + 1; tau < e; tau++) {
    const n = tau - s;
    const wx = sums.within(s, tau);
    for (let kappa = tau + 1; kappa <= e; kappa++) {
      const m = kappa - tau;
      const wy = sums.within(tau, kappa);
      const cross = sums.within(s, kappa) - wx - wy;
      const nm = n + m;
      let q = (2 / nm) * cross;
      if (n > 1) q -= ((2 * m) / (nm * (n - 1))) * wx;
      if (m > 1) q -= ((2 * n) / (nm * (m - 1))) * wy;
      if (q > best.q) best = { tau, q };
    }
  }
  return best;
}

/**
 * Change points of `z[from..to)` by E-Divisive means with Otava's t-test: returns their indexes
 * in `z` (ascending). Deterministic: no permutations.
 */
export function eDivisiveWindow(z: ArrayLike<number>, from: number, to: number, maxP: number): number[] {
  const L = to - from;
  if (L < 3) return [];
  const sums = new PairSums(z, from, to);
  const cuts: number[] = []; // accepted splits, window-local, ascending
  for (;;) {
    const bounds = [0, ...cuts, L];
    let pick: { tau: number; q: number; s: number; e: number } | undefined;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const s = bounds[i] as number;
      const e = bounds[i + 1] as number;
      if (e - s < 2) continue;
      const c = bestSplit(sums, s, e);
      if (!pick || c.q > pick.q) pick = { ...c, s, e };
    }
    if (!pick) break;
    const p = pooledTTestP(sideStats(z, from + pick.s, from + pick.tau), sideStats(z, from + pick.tau, from + pick.e));
    if (!(p <= maxP)) break;
    cuts.push(pick.tau);
    cuts.sort((a, b) => a - b);
  }
  return cuts.map((c) => c + from);
}
