/**
 * The two order statistics the delivery metrics need, written here rather than taken from
 * d3-array: its modules make their functions at load time (`bisector(ascending)`), so a bundler
 * keeps the whole library for one of them (1.4 kB gzipped for these two).
 */

/** The index of the first value in `sorted` (ascending) greater than `x`. */
export function bisectRight(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The `k`-th smallest value (0-based) of `values[lo..hi]` (`k` an index in that range), which it
 * rearranges so that every value there before `k` is at most it and every value after at least
 * it: Hoare's selection with a median-of-three pivot, linear on average.
 */
export function select(values: Float64Array, k: number, lo = 0, hi = values.length - 1): number {
  while (lo < hi) {
    const a = values[lo]!;
    const b = values[(lo + hi) >>> 1]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}
