/**
 * Holm's step-down correction (Holm 1979): controls the family-wise error rate — the chance that
 * a suite with no real change reports any — under any dependence between the tests, and is
 * uniformly more powerful than Bonferroni. Same as R's `p.adjust(p, "holm")`.
 */

/** Holm-adjusted p-values, in the input order. NaN entries stay NaN and do not count as tests. */
export function holmAdjust(pValues: readonly number[]): number[] {
  const idx = pValues.map((p, i) => [p, i] as const).filter(([p]) => !Number.isNaN(p));
  idx.sort((a, b) => a[0] - b[0]);
  const m = idx.length;
  const out = pValues.map(() => NaN);
  let running = 0;
  idx.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
