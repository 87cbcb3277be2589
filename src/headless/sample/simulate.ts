import { ReleaseDataError } from '../adapters/errors';
import type { PromotionFlow, Release } from '../model/types';
import { topologicalOrder } from '../graph/validate';
import { NOW, plan, render, type RenderCache } from './engine';
import { parallelOf, pickMembers } from './releases';

/** The options of `simulatePromotion`. */
export interface SimulateOptions {
  /** Varies the data: the same seed gives the same data, on every run and machine. @default 1 */
  seed?: number;
  /** When the release is created. @default '2026-11-20T10:00:00.000Z' */
  start?: string;
  /**
   * The environment, or environments, that fail; everything downstream of them then stays pending
   * (a gate that waits for a failed store never opens).
   */
  failAt?: string | readonly string[];
  /**
   * Fails `count` environments of a group: those whose `group` is `group` or lies under it (`wave-2`
   * covers `wave-2/eu-west-1`), picked across the group from the seed. With `failAt`, both fail.
   * A group with no such environment, or a count outside 1 to its size, raises `ReleaseDataError`.
   */
  failures?: { group: string; count: number };
  /** @default 'checkout' */
  product?: string;
  /**
   * Coalesces changes into windows of this many milliseconds of release time: one snapshot per
   * window in which something changed, as the release stood at the window's end (the first, queued
   * snapshot and the last, finished one are always there). A 2,000-store `fleet` runs for about
   * five hours of release time: `step: 180_000` plays it in about 100 snapshots (about 6,800 without
   * a step). 0 gives one snapshot per change.
   * @default 0
   */
  step?: number;
  /**
   * Each snapshot reuses the previous snapshot's object for every environment that did not change
   * (and the notes and the trigger's commit), as components that compare by reference want. The
   * snapshots are equal to those without it; only the sharing differs. Off, every snapshot is a
   * new object tree.
   * @default false
   */
  structuralSharing?: boolean;
  /**
   * At most this many environments of one top-level group (a wave, a cell) run at once; the next
   * starts when one finishes. Environments without a `group` are never held.
   * @default 50
   */
  parallel?: number;
  /**
   * One application per environment and no workflow steps or notes, as `sampleReleaseHistory`'s
   * releases: what a flow of thousands of environments needs to stay fast.
   * @default true for a flow of 1,000 environments or more, else false
   */
  light?: boolean;
}

/** The names of `count` members of `group` (or of groups under it), picked from the seed. */
function pickFailures(flow: PromotionFlow, failures: NonNullable<SimulateOptions['failures']>, seed: number): string[] {
  const { group, count } = failures;
  // Checked first, so a broken flow is named as one rather than failing on its list.
  topologicalOrder(flow?.environments);
  const members =
    typeof group === 'string' && group !== ''
      ? flow.environments.filter((f) => f.group !== undefined && (f.group === group || f.group.startsWith(`${group}/`)))
      : [];
  if (!members.length) throw new ReleaseDataError('failures.group names no group of the flow', '$.failures.group', group);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > members.length) {
    throw new ReleaseDataError('failures.count is out of range', '$.failures.count', count, `a whole number from 1 to ${members.length}`);
  }
  return pickMembers(members, count, seed);
}

/**
 * Successive snapshots of one release moving through `flow`, one per change (a step starting or
 * ending, an application becoming healthy), from queued to a terminal status. Each snapshot is a
 * new object tree, so components that compare by reference see every change; `structuralSharing`
 * keeps unchanged environments instead, and `step` coalesces changes so a fleet of thousands plays
 * in a hundred snapshots rather than tens of thousands.
 */
export function* simulatePromotion(flow: PromotionFlow, options: SimulateOptions = {}): Generator<Release, void, undefined> {
  const { seed = 1, start = NOW, failAt, failures, product = 'checkout', step = 0, structuralSharing } = options;
  if (typeof step !== 'number' || !(step >= 0) || step === Infinity) {
    throw new ReleaseDataError('step is not a duration', '$.step', step, 'milliseconds, 0 or more');
  }
  const parallel = parallelOf(options.parallel);
  const light = options.light ?? (flow?.environments?.length ?? 0) >= 1000;
  const fail = [...(typeof failAt === 'string' ? [failAt] : (failAt ?? []))];
  const picked = failures == null ? [] : pickFailures(flow, failures, seed);
  const p = plan(flow, { seed, product, failAt: typeof failAt === 'string' && !picked.length ? failAt : [...fail, ...picked], parallel, light });
  const times = new Set([-1]);
  // A window's snapshot shows the release at the window's end; the finished release always ends it.
  const at = (ms: number) => (step && ms > 0 ? Math.min(Math.ceil(ms / step) * step, p.end) : ms);
  for (const e of p.envs) {
    // A failed environment's plan still holds the steps it never reached: no snapshots for those.
    const add = (ms: number) => e.S + ms <= Math.min(e.E, p.end) && times.add(at(e.S + ms));
    e.segs.forEach((g, i) => {
      // A light environment lists no steps: only a change of its subtitle, or its end, shows.
      if (!light || g === e.sync || g === e.pr) add(g.s);
      if (!light || e.segs[i + 1]?.k !== g.k) add(g.e);
    });
    e.ready.forEach(add);
    add(0);
    add(e.E - e.S);
  }
  const created = Date.parse(start);
  const cache: RenderCache | undefined = structuralSharing ? { envs: new Map() } : undefined;
  for (const T of [...times].sort((a, b) => a - b)) yield render(p, T, created, undefined, p.o.seed, undefined, cache);
}
