// What the benchmark pages (bench/graph, bench/fleet, bench/table) share, in the page: waits,
// the heap after collections, and the soak loop. One copy, so the numbers the pages report mean
// the same thing.

import { DEFAULT_MESSAGES } from '../src';
import { edgeNamer } from '../src/components/ReleaseGraph/flow-model';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves after `count` animation frames. */
export const frames = (count: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });

/** A full garbage collection, when the browser exposes one (`--expose-gc`). */
export function gc() {
  (window as { gc?: () => void }).gc?.();
}

/** Used JS heap after two full garbage collections (NaN without `performance.memory`). */
export async function heap(): Promise<number> {
  gc();
  await sleep(100);
  gc();
  await sleep(100);
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN;
}

export interface SoakResult {
  done: number;
  heapAfterWarmup: number;
  heapEnd: number;
  samples: Array<{ updates: number; heap: number }>;
  elapsed: number;
  median: number;
  p95: number;
}

/**
 * `total` updates, each `render(next())` timed (the caller renders with flushSync), a yield to the
 * event loop every `batch`; the heap after collections once the `warmup` is done, every 2,500
 * updates and at the end. Stops early (at a batch boundary, after the warm-up) once it has run
 * for `budgetMs` (0: never).
 */
export async function soak<T>({ total, warmup, batch, budgetMs, next, render }: { total: number; warmup: number; batch: number; budgetMs: number; next: () => T; render: (value: T) => void }): Promise<SoakResult> {
  const samples: SoakResult['samples'] = [];
  const commit = new Float64Array(total);
  let heapAfterWarmup = Number.NaN;
  let done = 0;
  const start = performance.now();
  while (done < total) {
    const value = next();
    const t0 = performance.now();
    render(value);
    commit[done] = performance.now() - t0;
    done += 1;
    if (done === warmup || done % 2500 === 0) {
      const used = await heap();
      if (done === warmup) heapAfterWarmup = used;
      samples.push({ updates: done, heap: used });
    }
    if (done % 1000 === 0) console.log(`[bench] soak: ${done} / ${total} updates`);
    if (done % batch === 0) {
      await sleep(0);
      if (budgetMs > 0 && performance.now() - start > budgetMs && done > warmup) break;
    }
  }
  const elapsed = performance.now() - start;
  const heapEnd = await heap();
  const times = Array.from(commit.subarray(0, done)).sort((x, y) => x - y);
  return { done, heapAfterWarmup, heapEnd, samples, elapsed, median: times[Math.floor(times.length / 2)] ?? Number.NaN, p95: times[Math.floor(times.length * 0.95)] ?? Number.NaN };
}

/** Edges named as ReleaseGraph names them with the default messages (the flow-model's patch takes it). */
export const nameEdge = edgeNamer(DEFAULT_MESSAGES.graph.edge, (count) => DEFAULT_MESSAGES.graph.more(count, (n) => n.toLocaleString('en-US')));
