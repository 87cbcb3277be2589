import type { PromotionFlow, Release, Status } from '../model/types';
import { LONG, NOW, plan, render, type Plan, type PlanOptions } from './engine';
import { manualFlow, sampleFlow, type SampleFlowShape } from './flows';
import { rng } from './rng';

export const SAMPLE_STATES = ['succeeded', 'running', 'suspended-pr', 'failed', 'terminated', 'queued'] as const;
export type SampleState = (typeof SAMPLE_STATES)[number];

export interface SampleReleaseOptions {
  /** @default 'sequential' */
  shape?: SampleFlowShape;
  /** @default 'succeeded' */
  state?: SampleState;
  /** @default 1 */
  seed?: number;
  /**
   * The clock the release is seen at: running ones are running then, finished ones just finished.
   * @default '2026-11-20T10:00:00.000Z'
   */
  now?: string;
  /** @default 'checkout' */
  product?: string;
  /** Makes environment, application and workflow names 60+ characters long. @default false */
  longNames?: boolean;
}

export interface SampleHistoryOptions {
  /** @default 25 */
  count?: number;
  /** @default 1 */
  seed?: number;
  /** @default '2026-11-20T10:00:00.000Z' */
  now?: string;
  /** @default 'sequential' */
  shape?: SampleFlowShape;
  /** @default 'checkout' */
  product?: string;
}

const long = (name: string) => `${name}-${LONG}`;
const seconds = (ms: number) => Math.round(ms / 1000) * 1000;

/**
 * The plan of a release in `state` and the clock (ms from its creation) that shows it so. `target`
 * is the environment that runs, fails or is terminated (default: the middle one).
 */
function prepare(flow: PromotionFlow, state: SampleState, o: PlanOptions, target?: string): [Plan, number, Status?] {
  if (o.long) {
    flow = {
      name: long(flow.name),
      trigger: long(flow.trigger),
      environments: flow.environments.map((f) => ({ ...f, name: long(f.name), dependsOn: f.dependsOn.map(long) })),
    };
  }
  const list = flow.environments;
  // Generated flows list environments in dependency order, so the middle one has work on both sides.
  const middle = target ?? list[(list.length - 1) >> 1]?.name ?? flow.trigger;
  const gate = list.find((f) => f.kind === 'production')?.name ?? middle;
  const failAt = state === 'failed' ? middle : undefined;
  let p = plan(flow, { ...o, failAt, prAt: state === 'suspended-pr' ? gate : undefined });
  const mid = p.at.get(middle) || undefined;
  let T = p.end;
  let forced: Status | undefined;
  if (mid && state === 'running') {
    // Some environment waiting for its apps to sync, preferring the moment when the most run at
    // once (fan-out siblings together) with work still ahead, then the middle one.
    const times = [mid, ...p.envs].map((e) => seconds(e.S + e.sync.s + (e.sync.e - e.sync.s) * 0.4));
    const busy = (t: number) => (p.envs.some((e) => t < e.S) ? p.envs.filter((e) => e.S <= t && t < e.E).length : 0);
    T = times.reduce((best, t) => (busy(t) > busy(best) ? t : best));
  }
  if (mid && state === 'terminated') p = plan(flow, o, (T = seconds(mid.S + (mid.E - mid.S) * 0.3)));
  if (state === 'queued') T = -1;
  const pr = p.at.get(gate) || undefined;
  if (pr?.pr && state === 'suspended-pr') {
    T = pr.S + pr.pr.s + 10 * 60 * 1000;
    // Elsewhere in a large flow work may still run, but the release is held by the merge.
    forced = 'suspended';
  }
  return [p, T, forced];
}

/** One sample release of a product in the given state; the same options give the same release. */
export function sampleRelease(options: SampleReleaseOptions = {}): Release {
  const { shape = 'sequential', state = 'succeeded', seed = 1, now = NOW, product = 'checkout', longNames } = options;
  const [p, T, forced] = prepare(sampleFlow(shape), state, { seed, product, manual: shape === 'manual', long: longNames });
  return render(p, T, Date.parse(now) - Math.max(T, 0), forced);
}

/**
 * A product's release history, newest first: the newest running and the next queued, then mostly
 * successes with some failures, terminations and manual promotions, versions rising with time.
 * Built for tables (10,000 in well under a second), each release is light: one application per
 * environment, no workflow steps and no notes. `sampleRelease` gives a complete one.
 */
export function sampleReleaseHistory(options: SampleHistoryOptions = {}): Release[] {
  const { count = 25, seed = 1, now = NOW, shape = 'sequential', product = 'checkout' } = options;
  const flow = sampleFlow(shape);
  const r = rng(seed);
  // Planning dominates the cost, so a few plans per state are shared; each release still gets its
  // own id, commit, version and times from its own seed.
  const plans = new Map<string, ReturnType<typeof prepare>>();
  let clock = Date.parse(now);
  return Array.from({ length: count }, (_, i) => {
    const x = r.next();
    const manual = i > 1 && x < 0.06 ? r.pick(flow.environments) : undefined;
    // The newest runs and the next waits; then ~8% failed, ~5% terminated, ~6% manual.
    const state: SampleState =
      i < 2 ? (i ? 'queued' : 'running') : manual || x >= 0.19 ? 'succeeded' : x < 0.14 ? 'failed' : 'terminated';
    // Failures and terminations hit any environment, as they do in a real history.
    const target = state === 'failed' || state === 'terminated' ? r.pick(flow.environments).name : undefined;
    const key = `${state} ${manual?.name} ${target} ${r.int(0, 7)}`;
    let prepared = plans.get(key);
    if (!prepared) {
      const o = { seed: (seed * 7919 + plans.size) | 0, product, manual: !!manual, light: true };
      plans.set(key, (prepared = prepare(manual ? manualFlow(manual) : flow, state, o, target)));
    }
    const [p, T, forced] = prepared;
    const release = render(p, T, clock - Math.max(T, 0), forced, (seed * 31 + i) | 0, 8 * 40 + count - i);
    // The queued one came in just before the running one; the rest are hours apart.
    clock -= Math.max(T, 0) + (i ? r.int(20, 540) : r.int(1, 4)) * 60 * 1000;
    return release;
  });
}
