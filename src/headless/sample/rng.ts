let bytes: string[] | undefined;

/** A short lowercase suffix made of a draw in [0, 1), like the ones Argo Workflows appends to a workflow's name. */
export const suffixOf = (x: number): string => ((x * 60466176) | 0).toString(36).padStart(5, '0');

/**
 * mulberry32: a tiny seeded generator. Sample data must be the same on every run and machine, so
 * nothing here may touch Math.random; it is not for anything secret.
 */
export function rng(seed: number) {
  let a = seed >>> 0;
  const word = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => word() / 4294967296;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const hex = (length: number): string => {
    // A byte table: Number#toString(16) is several times slower, and a history builds 30,000 SHAs.
    bytes ??= Array.from({ length: 256 }, (_, i) => (i + 256).toString(16).slice(1));
    // Joined, not added up: one flat string instead of a chain of twenty pieces, which a history
    // of 100,000 releases keeps alive.
    const parts: string[] = [];
    for (let w = 0, n = 0; n < length; w >>>= 8, n += 2) parts.push(bytes[(w ||= word()) & 255]!);
    const out = parts.join('');
    return length & 1 ? out.slice(0, length) : out;
  };
  /** A short lowercase suffix, like the ones Argo Workflows appends to a workflow's name. */
  const suffix = (): string => suffixOf(next());
  return { next, int, pick, hex, suffix };
}

export type Rng = ReturnType<typeof rng>;
