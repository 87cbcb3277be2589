import type { PromotionFlow, Release } from '../model/types';
import { NOW, plan, render } from './engine';

export interface SimulateOptions {
  /** @default 1 */
  seed?: number;
  /** When the release is created. @default '2026-11-20T10:00:00.000Z' */
  start?: string;
  /** An environment that fails; everything downstream of it then stays pending. */
  failAt?: string;
  /** @default 'checkout' */
  product?: string;
}

/**
 * Successive snapshots of one release moving through `flow`, one per change (a step starting or
 * ending, an application becoming healthy), from queued to a terminal status. Each snapshot is a
 * new object tree, so components that compare by reference see every change.
 */
export function* simulatePromotion(flow: PromotionFlow, options: SimulateOptions = {}): Generator<Release, void, undefined> {
  const { seed = 1, start = NOW, failAt, product = 'checkout' } = options;
  const p = plan(flow, { seed, product, failAt });
  const times = new Set([-1]);
  for (const e of p.envs) {
    // A failed environment's plan still holds the steps it never reached: no snapshots for those.
    const add = (ms: number) => e.S + ms <= Math.min(e.E, p.end) && times.add(e.S + ms);
    for (const g of e.segs) {
      add(g.s);
      add(g.e);
    }
    e.ready.forEach(add);
    add(0);
  }
  const created = Date.parse(start);
  for (const T of [...times].sort((a, b) => a - b)) yield render(p, T, created);
}
