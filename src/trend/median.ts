/** Medians of the trend room, one definition: of values already sorted, and of any (sorted in a typed copy). */

/** The median of ascending `a` (the mean of the middle two for an even length); NaN when empty. */
export function medianOfSorted(a: ArrayLike<number>): number {
  const n = a.length;
  if (n === 0) return NaN;
  return n % 2 ? (a[(n - 1) / 2] as number) : ((a[n / 2 - 1] as number) + (a[n / 2] as number)) / 2;
}

/** The median of `v` (a typed copy sorts natively: no comparator calls). */
export function median(v: ArrayLike<number>): number {
  return medianOfSorted(Float64Array.from(v).sort());
}
