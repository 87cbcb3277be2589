import { ReleaseDataError } from '../adapters/errors';
import type { FlowEnvironment, PromotionFlow, Release, Status } from '../model/types';
import { LONG, NOW, plan, render, type Plan, type PlanOptions } from './engine';
import { isFleetShape, manualFlow, sampleFlow, type SampleFlowShape } from './flows';
import { rng } from './rng';

/** The states a sample release can be in. */
export const SAMPLE_STATES = ['succeeded', 'running', 'suspended-pr', 'failed', 'terminated', 'queued'] as const;
/** One of `SAMPLE_STATES`. */
export type SampleState = (typeof SAMPLE_STATES)[number];

/** How a fleet rollout is paced when nothing says otherwise: 50 stores (or tenants) at a time per wave. */
export const FLEET_PARALLEL = 50;

/** The options of `sampleRelease`. */
export interface SampleReleaseOptions {
  /** @default 'sequential' */
  shape?: SampleFlowShape;
  /**
   * For `fleet` and `tenants`: `running` is part-way through `wave` (some of its stores done, some
   * running, the rest pending), `failed` has `failures` stores of `wave` failed and nothing after
   * it started, `terminated` stopped part-way through `wave`, `suspended-pr` holds the gate that
   * opens `wave` on an open pull request (for a cell of tenants, its first tenant).
   * @default 'succeeded'
   */
  state?: SampleState;
  /** Varies the data: the same seed gives the same data, on every run and machine. @default 1 */
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
  /**
   * For `fleet`: the number of stores (16 to 100,000); for `tenants`: the number of tenants (1 to
   * 100,000). Other shapes ignore it. Out of range: `ReleaseDataError`.
   * @default 2000 stores for `fleet`, 400 tenants for `tenants`
   */
  size?: number;
  /**
   * For `fleet` and `tenants`: where the state happens, a wave (`canary`, `wave-1`, `wave-2`,
   * `wave-3`) or a cell (`cell-1`, `cell-2`, `cell-3`). Anything else: `ReleaseDataError`.
   * @default 'wave-2' for `fleet`, 'cell-2' for `tenants`
   */
  wave?: string;
  /**
   * For `fleet` and `tenants` in state `failed`: how many environments of `wave` fail (1 to the
   * wave's size), picked across the wave from the seed.
   * @default 3 to 12, from the seed (at most the wave's size)
   */
  failures?: number;
  /**
   * For `fleet` and `tenants`: at most this many environments of one wave or cell run at once;
   * the next starts when one finishes.
   * @default 50
   */
  parallel?: number;
}

/** The options of `sampleReleaseHistory`. */
export interface SampleHistoryOptions {
  /** @default 25 */
  count?: number;
  /** Varies the data: the same seed gives the same data, on every run and machine. @default 1 */
  seed?: number;
  /** @default '2026-11-20T10:00:00.000Z' */
  now?: string;
  /** @default 'sequential' */
  shape?: SampleFlowShape;
  /** @default 'checkout' */
  product?: string;
  /** The `size` of a `fleet` or `tenants` history (see `SampleReleaseOptions.size`). @default 2000 stores, 400 tenants */
  size?: number;
}

const long = (name: string) => `${name}-${LONG}`;
const seconds = (ms: number) => Math.round(ms / 1000) * 1000;

/**
 * The plan of a release in `state` and the clock (ms from its creation) that shows it so. `target`
 * is the environment that runs, fails or is terminated (default: the middle one).
 */
function prepare(flow: PromotionFlow, state: SampleState, o: PlanOptions, target?: string): [Plan, number, Status?] {
  flow = lengthen(flow, o);
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

function lengthen(flow: PromotionFlow, o: PlanOptions): PromotionFlow {
  return o.long
    ? {
        name: long(flow.name),
        trigger: long(flow.trigger),
        environments: flow.environments.map((f) => ({ ...f, name: long(f.name), dependsOn: f.dependsOn.map(long) })),
      }
    : flow;
}

/** A whole number from `min` to `max`, else a ReleaseDataError at `path`. */
function whole(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ReleaseDataError(`${path.slice(2)} is out of range`, path, value, `a whole number from ${min} to ${max}`);
  }
  return value;
}

/** The members of each top-level group (a wave, a cell), in flow order. */
export function waves(flow: PromotionFlow): Map<string, FlowEnvironment[]> {
  const out = new Map<string, FlowEnvironment[]>();
  for (const f of flow.environments) {
    if (f.group === undefined) continue;
    const top = f.group.split('/', 1)[0]!;
    const list = out.get(top);
    if (list) list.push(f);
    else out.set(top, [f]);
  }
  return out;
}

/** The names of `count` of `list`, spread over it from the seed and kept in list order. */
export function pickMembers(list: readonly FlowEnvironment[], count: number, seed: number): string[] {
  const r = rng(seed ^ 0x2545f491);
  const order = list.map((_, i) => i);
  // A partial Fisher-Yates shuffle: the first `count` places are a fair pick.
  for (let i = 0; i < count; i++) {
    const j = r.int(i, order.length - 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => list[i]!.name);
}

interface FleetOptions {
  wave: string;
  /** Set by the caller: undefined picks 3 to 12. */
  failures?: number;
}

/**
 * `prepare` for a fleet: the state happens inside one wave. Light always (one application per
 * store, no workflow steps): a release of 5,000 stores must build in well under 300 ms.
 */
function prepareFleet(flow: PromotionFlow, state: SampleState, o: PlanOptions, f: FleetOptions): [Plan, number, Status?] {
  flow = lengthen(flow, o);
  const groups = waves(flow);
  const list = groups.get(f.wave);
  if (!list) {
    throw new ReleaseDataError('wave names no wave or cell of the flow', '$.wave', f.wave, `one of ${[...groups.keys()].join(', ')}`);
  }
  const count = f.failures === undefined ? Math.min(list.length, rng(o.seed).int(3, 12)) : whole(f.failures, '$.failures', 1, list.length);
  const failAt = state === 'failed' ? pickMembers(list, count, o.seed) : undefined;
  // The pull request opens where the wave starts: its gate when every member waits for that one.
  const first = list[0]!;
  const gate = first.dependsOn.length === 1 && list.every((m) => m.dependsOn.length === 1 && m.dependsOn[0] === first.dependsOn[0]);
  const entry = gate ? first.dependsOn[0]! : first.name;
  const options = { ...o, light: true, failAt, prAt: state === 'suspended-pr' ? entry : undefined };
  let p = plan(flow, options);
  // When 40 % of the wave has finished: some done, up to `parallel` running, the rest waiting.
  const ends = list.map((m) => (p.at.get(m.name) || undefined)?.E ?? Infinity).sort((a, b) => a - b);
  const mark = ends[Math.floor(ends.length * 0.4)] ?? p.end;
  let T = p.end;
  let forced: Status | undefined;
  if (state === 'running') T = mark;
  if (state === 'terminated') p = plan(flow, options, (T = mark));
  if (state === 'queued') T = -1;
  const held = p.at.get(entry) || undefined;
  if (state === 'suspended-pr' && held?.pr) {
    T = held.S + held.pr.s + 10 * 60 * 1000;
    forced = 'suspended';
  }
  return [p, T, forced];
}

/**
 * One sample release of a product in the given state; the same options give the same release.
 * `fleet` and `tenants` releases are light (one application per environment, no workflow steps,
 * no notes): 5,000 stores build in tens of milliseconds.
 */
export function sampleRelease(options: SampleReleaseOptions = {}): Release {
  const { shape = 'sequential', state = 'succeeded', seed = 1, now = NOW, product = 'checkout', longNames } = options;
  const o: PlanOptions = { seed, product, manual: shape === 'manual', long: longNames };
  const [p, T, forced] = isFleetShape(shape)
    ? prepareFleet(sampleFlow(shape, seed, options.size), state, { ...o, parallel: parallelOf(options.parallel) }, {
        wave: options.wave ?? (shape === 'fleet' ? 'wave-2' : 'cell-2'),
        failures: options.failures,
      })
    : prepare(sampleFlow(shape), state, o);
  return render(p, T, Date.parse(now) - Math.max(T, 0), forced);
}

/** `parallel` from options: a whole number from 1, else a ReleaseDataError naming it. */
export const parallelOf = (value: unknown): number =>
  value === undefined ? FLEET_PARALLEL : whole(value, '$.parallel', 1, Number.MAX_SAFE_INTEGER);

/**
 * A product's release history, newest first: the newest running and the next queued, then mostly
 * successes with some failures, terminations and manual promotions, versions rising with time.
 * Built for tables (10,000 in well under a second), each release is light: one application per
 * environment, no workflow steps and no notes. `sampleRelease` gives a complete one. A `fleet` or
 * `tenants` history has `size` targets in every release, and each failure or termination falls
 * inside one wave (or cell).
 */
export function sampleReleaseHistory(options: SampleHistoryOptions = {}): Release[] {
  const { count = 25, seed = 1, now = NOW, shape = 'sequential', product = 'checkout' } = options;
  const fleet = isFleetShape(shape);
  const flow = fleet ? sampleFlow(shape, seed, options.size) : sampleFlow(shape);
  const groups = [...waves(flow).keys()];
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
    // Failures and terminations hit any environment (any wave of a fleet), as they do in a real history.
    const target = state === 'failed' || state === 'terminated' ? (fleet ? r.pick(groups) : r.pick(flow.environments).name) : undefined;
    const key = `${state} ${manual?.name} ${target} ${r.int(0, 7)}`;
    let prepared = plans.get(key);
    if (!prepared) {
      const o = { seed: (seed * 7919 + plans.size) | 0, product, manual: !!manual, light: true };
      prepared =
        fleet && !manual
          ? prepareFleet(flow, state, { ...o, parallel: FLEET_PARALLEL }, { wave: target ?? (shape === 'fleet' ? 'wave-2' : 'cell-2') })
          : prepare(manual ? manualFlow(manual) : flow, state, o, target);
      plans.set(key, prepared);
    }
    const [p, T, forced] = prepared;
    const release = render(p, T, clock - Math.max(T, 0), forced, (seed * 31 + i) | 0, 8 * 40 + count - i);
    // The queued one came in just before the running one; the rest are hours apart.
    clock -= Math.max(T, 0) + (i ? r.int(20, 540) : r.int(1, 4)) * 60 * 1000;
    return release;
  });
}
