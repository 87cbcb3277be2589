import { ReleaseDataError } from '../adapters/errors';
import type { FlowEnvironment, PromotionFlow, Release, ReleaseNotes, Status } from '../model/types';
import { changes } from './changes';
import { LONG, MIN, NOW, plan, render, type Plan, type PlanOptions } from './engine';
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
  /** How many releases, unless `days` is given. @default 25 */
  count?: number;
  /**
   * Fill this many days before `now` instead of making `count` releases: as many releases as the
   * pace gives (a `team`'s, else one every 20 minutes to 9 hours). A whole number from 1 to 3,650;
   * anything else raises `ReleaseDataError`.
   * @default none: `count` releases
   */
  days?: number;
  /**
   * Deliver as a team does, for delivery insights (DORA's four keys): the releases carry realistic
   * commits, failures and recoveries. `'healthy'`: several production deployments a day, commits
   * dated minutes to hours before their release, about 7 % of production deployments failing, each
   * fixed by a release within an hour or two. `'struggling'`: a production deployment every day or
   * two, commits dated one to six days before, about 30 % failing, often several in a row, the next
   * release hours to days later.
   *
   * Every release then carries the trigger commit and `notes` (1 to 5 new commits, now and then a
   * pull request or an issue key, no images); a release after one that never reached production
   * (failed or terminated) carries that one's changes and trigger commit too, so the same SHA is in
   * both. Failures hit a production environment about 60 % of the time, an earlier one otherwise;
   * a failed environment lists its workflow steps with the one that failed (`db-migrate`,
   * `smoke-tests`…), and production environments list theirs. The newest release may still run; no
   * manual promotions. Any other value raises `ReleaseDataError`.
   * @default none: the plain history described at `sampleReleaseHistory`
   */
  team?: 'healthy' | 'struggling';
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

const DAY = 24 * 60 * MIN;

/** How a team delivers: see `SampleHistoryOptions.team`. Times in minutes. */
interface Pace {
  /** From the end of a release that reached production to the next release: at least, on average. */
  gap: [number, number];
  /** From the end of a release that did not to the next one (its fix): fewest, most. */
  fix: [number, number];
  /** The chance a release does not reach production: after one that did, after one that did not. */
  fail: [number, number];
  /** How long a commit waits for the release that brings it: fewest, most. */
  age: [number, number];
}

// Production fails in 60 % of failures: healthy ≈ 0.1 · 0.6 ÷ 0.94 ≈ 7 % of production
// deployments, struggling ≈ 0.43 · 0.6 ÷ 0.79 ≈ 32 % (0.1 and 0.43: the chains' steady states,
// less the 1 in 12 terminated).
const PACES = {
  healthy: { gap: [30, 200], fix: [15, 90], fail: [0.1, 0.2], age: [15, 480] },
  struggling: { gap: [180, 900], fix: [240, 2160], fail: [0.35, 0.6], age: [1440, 8640] },
} satisfies Record<string, Pace>;

/** Whether `ms` falls on a Saturday or a Sunday (UTC). */
const weekend = (ms: number) => ((Math.floor(ms / DAY) + 4) % 7 + 7) % 7 % 6 === 0;

/**
 * `sampleReleaseHistory` for a team. Drawn backwards from `now`, the newest first: a two-state
 * chain (reached production or not) reads the same both ways, so the older release's outcome is
 * drawn from the newer one's with the same odds, and the gap between them from the older one's.
 * The notes are then made oldest first, so a release can carry what the one before never delivered.
 */
function teamHistory(options: SampleHistoryOptions, team: keyof typeof PACES, flow: PromotionFlow, fleet: boolean): Release[] {
  const { count = 25, seed = 1, now = NOW, product = 'checkout', days } = options;
  const pace: Pace = PACES[team];
  const salt = team === 'healthy' ? 0x4ea17 : 0x57a09;
  const r = rng(seed ^ salt);
  const production = flow.environments.filter((f) => f.kind === 'production');
  const early = flow.environments.filter((f) => f.kind !== 'production');
  const groups = [...waves(flow).keys()];
  const plans = new Map<string, ReturnType<typeof prepare>>();
  const choose = (undelivered: boolean): ReturnType<typeof prepare> => {
    // Among releases that never reach production, 1 in 12 is terminated early on, the rest failed.
    const state: SampleState = !undelivered ? 'succeeded' : early.length && r.next() < 1 / 12 ? 'terminated' : 'failed';
    const inProduction = state === 'failed' && (!early.length || (production.length > 0 && r.next() < 0.6));
    const target = state === 'succeeded' ? undefined : inProduction ? (fleet ? r.pick(groups) : r.pick(production).name) : r.pick(early).name;
    const key = `${state} ${inProduction} ${target} ${r.int(0, 7)}`;
    let prepared = plans.get(key);
    if (!prepared) {
      const o: PlanOptions = { seed: (seed * 7919 + plans.size) ^ salt, product, light: true, steps: true, parallel: fleet ? FLEET_PARALLEL : undefined };
      prepared = fleet && inProduction ? prepareFleet(flow, state, o, { wave: target! }) : prepare(flow, state, o, target);
      plans.set(key, prepared);
    }
    return prepared;
  };
  const end = Date.parse(now);
  const start = days === undefined ? -Infinity : end - whole(days, '$.days', 1, 3650) * DAY;
  const draw = ([least, mean]: [number, number]) => least + Math.min(6, -Math.log(1 - r.next())) * (mean - least);
  const list: Array<[ReturnType<typeof prepare>, number]> = [];
  let undelivered = r.next() < pace.fail[0];
  let prepared = choose(undelivered);
  // The newest came in minutes ago: it may still run.
  for (let created = end - r.int(5, 40) * MIN; days === undefined ? list.length < count : created >= start; ) {
    list.push([prepared, created]);
    const newer = created;
    undelivered = r.next() < pace.fail[undelivered ? 1 : 0];
    prepared = choose(undelivered);
    // Fixes come when they are ready; other releases less often over the weekend.
    const gap = undelivered ? r.int(pace.fix[0], pace.fix[1]) : draw(pace.gap) * (weekend(newer) ? 3 : 1);
    created = newer - Math.round(gap * MIN) - prepared[0].end;
  }
  const notes = changes(rng(seed ^ salt ^ 0x9e3779b9), [pace.age[0] * 60, pace.age[1] * 60]);
  const out: Release[] = [];
  let carried: ReleaseNotes | undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const [[p, , forced], created] = list[i]!;
    const release = render(p, Math.min(end - created, p.end), created, forced, ((seed * 31 + i) | 0) ^ salt, 8 * 40 + list.length - i);
    release.notes = notes(created, p.pool, carried);
    // What never reached production comes again with the next release.
    carried =
      release.status === 'succeeded'
        ? undefined
        : { ...release.notes, commits: [...release.notes.commits, { ...release.trigger.commit!, author: { ...release.trigger.commit!.author! } }] };
    out.push(release);
  }
  return out.reverse();
}

/**
 * A product's release history, newest first: the newest running and the next queued, then mostly
 * successes with some failures, terminations and manual promotions, versions rising with time.
 * Built for tables (10,000 in well under a second), each release is light: one application per
 * environment, no workflow steps and no notes. `sampleRelease` gives a complete one. A `fleet` or
 * `tenants` history has `size` targets in every release, and each failure or termination falls
 * inside one wave (or cell). With `team`, a history for delivery insights instead: releases
 * spaced, failing and recovering as that team's do, with commits, notes and failing workflow
 * steps (see `SampleHistoryOptions.team`), at 1.5 to 2 times the plain history's cost.
 */
export function sampleReleaseHistory(options: SampleHistoryOptions = {}): Release[] {
  const { count = 25, seed = 1, now = NOW, shape = 'sequential', product = 'checkout', team, days } = options;
  const fleet = isFleetShape(shape);
  const flow = fleet ? sampleFlow(shape, seed, options.size) : sampleFlow(shape);
  if (team !== undefined) {
    if (team !== 'healthy' && team !== 'struggling') {
      throw new ReleaseDataError('team names no sample team', '$.team', team, "'healthy' or 'struggling'");
    }
    return teamHistory(options, team, flow, fleet);
  }
  const groups = [...waves(flow).keys()];
  const r = rng(seed);
  // Planning dominates the cost, so a few plans per state are shared; each release still gets its
  // own id, commit, version and times from its own seed.
  const plans = new Map<string, ReturnType<typeof prepare>>();
  let clock = Date.parse(now);
  const start = days === undefined ? -Infinity : clock - whole(days, '$.days', 1, 3650) * DAY;
  // Drawn first, rendered once the number is known: versions count up to the newest.
  const list: Array<[ReturnType<typeof prepare>, number]> = [];
  for (let i = 0; days !== undefined || i < count; i++) {
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
    const T = Math.max(prepared[1], 0);
    if (clock - T < start) break;
    list.push([prepared, clock - T]);
    // The queued one came in just before the running one; the rest are hours apart.
    clock -= T + (i ? r.int(20, 540) : r.int(1, 4)) * 60 * 1000;
  }
  return list.map(([[p, T, forced], created], i) =>
    render(p, T, created, forced, (seed * 31 + i) | 0, 8 * 40 + list.length - i),
  );
}
