/**
 * Moderated variances (empirical Bayes, as limma's `squeezeVar`: Smyth 2004, "Linear models and
 * empirical Bayes methods for assessing differential expression in microarray experiments").
 *
 * With 5 A/B pairs, each benchmark's pair variance has 4 degrees of freedom: the t quantile a
 * suite-wide correction needs is then about 6, and a benchmark whose few pairs happen to agree
 * gets a variance far too small. The benchmarks of one suite run share the machine and its
 * noise, so their variances say something about each other: each variance is shrunk toward a
 * prior fitted to all of them (a scaled inverse χ² with d0 degrees of freedom), and its t test
 * gains d0 degrees of freedom. How much is shared is estimated, not assumed: when the
 * benchmarks' variances differ more than sampling explains, d0 is small and the tests stay
 * close to plain t tests.
 */

/** Digamma ψ(x) for x > 0 (recurrence up to 10, then the asymptotic series). */
export function digamma(x: number): number {
  let r = 0;
  while (x < 10) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))));
}

/** Trigamma ψ′(x) for x > 0. */
export function trigamma(x: number): number {
  let r = 0;
  while (x < 10) {
    r += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  return r + 1 / x + f / 2 + (f / x) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f * (1 / 30))));
}

/** Tetragamma ψ″(x) for x > 0. */
function tetragamma(x: number): number {
  let r = 0;
  while (x < 10) {
    r -= 2 / (x * x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  return r - f - f / x - f * f * (0.5 - f * (1 / 6 - f * (1 / 6 - f * (3 / 10))));
}

/** x with ψ′(x) = y (limma's Newton iteration, which converges monotonically from below). */
export function trigammaInverse(y: number): number {
  if (y > 1e7) return 1 / Math.sqrt(y);
  if (y < 1e-6) return 1 / y;
  let x = 0.5 + 1 / y;
  for (let i = 0; i < 50; i++) {
    const tri = trigamma(x);
    const dif = (tri * (1 - tri / y)) / tetragamma(x);
    x += dif;
    if (-dif / x < 1e-8) break;
  }
  return x;
}

/** The fitted prior: variances scatter as s0² · χ²(d0)/d0 around s0². */
export interface VariancePrior {
  s2: number;
  /** Prior degrees of freedom; Infinity when the variances agree beyond sampling noise. */
  df: number;
}

/**
 * Fits the prior to sample variances that each have `df` degrees of freedom (limma's
 * `fitFDist` without covariates). Needs at least 3 variances; zeros are floored as limma does.
 */
export function fitVariancePrior(variances: readonly number[], df: number): VariancePrior | undefined {
  const xs = variances.filter((v) => Number.isFinite(v) && v >= 0);
  if (xs.length < 3 || !(df > 0)) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  const med = sorted[sorted.length >> 1] as number;
  const floor = 1e-5 * (med > 0 ? med : 1);
  const e = xs.map((v) => Math.log(Math.max(v, floor)) - digamma(df / 2) + Math.log(df / 2));
  const n = e.length;
  const mean = e.reduce((a, b) => a + b, 0) / n;
  const evar = e.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) - trigamma(df / 2);
  if (!(evar > 0)) return { s2: Math.exp(mean), df: Infinity };
  const d0 = 2 * trigammaInverse(evar);
  return { s2: Math.exp(mean + digamma(d0 / 2) - Math.log(d0 / 2)), df: d0 };
}

/**
 * The posterior variance of one benchmark and its test's degrees of freedom, capped at the
 * pooled degrees of freedom of all `count` benchmarks (limma caps them the same way).
 */
export function moderateVariance(s2: number, df: number, prior: VariancePrior, count: number): { s2: number; df: number } {
  const cap = df * count;
  if (prior.df === Infinity) return { s2: prior.s2, df: cap };
  return { s2: (prior.df * prior.s2 + df * s2) / (prior.df + df), df: Math.min(prior.df + df, cap) };
}
