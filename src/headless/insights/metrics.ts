import { ReleaseDataError } from '../adapters/errors';
import type { EnvironmentStep, Release } from '../model/types';
import { WORKFLOW_SECTIONS, type WorkflowSection } from '../model/workflow';
import { bisectRight, select } from './numbers';
import { isoMs } from './time';
import type {
  DeliveryKeys,
  DeliveryMetrics,
  DeliveryMetricsOptions,
  DeliverySeriesPoint,
  EnvironmentMetrics,
  FailedDeployment,
  FailingStep,
  ValueStreamStage,
} from './types';

const DAY = 86_400_000;
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a status stands: 0 did not start (queued, pending, skipped), 1 started and not done, 2 succeeded, 3 failed. */
const NOT_STARTED = 0;
const ONGOING = 1;
const SUCCEEDED = 2;
const FAILED = 3;
function phase(status: unknown): number {
  switch (status) {
    case 'queued':
    case 'pending':
    case 'skipped':
      return NOT_STARTED;
    case 'succeeded':
      return SUCCEEDED;
    case 'failed':
    case 'error':
    case 'terminated':
      return FAILED;
    default:
      // running, suspended, terminating, unknown, and any word that is not the library's.
      return ONGOING;
  }
}

/** A time from data: `undefined` when absent (undefined, null, ''), else epoch ms, or NaN when unreadable. */
function readTime(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? isoMs(value) : NaN;
}
function badTime(path: string, value: unknown): never {
  throw new ReleaseDataError('A time must be an ISO-8601 date-time', path, value, 'an ISO-8601 date-time string');
}
/**
 * A time of release `r`'s environment `e` (of the release itself when `e` is −1) under `key`:
 * `undefined` when absent, raising when present but unreadable. The path is built only then.
 */
function timeAt(value: unknown, r: number, e: number, key: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const time = typeof value === 'string' ? isoMs(value) : NaN;
  if (time !== time) badTime(e < 0 ? `$[${r}].${key}` : `${envPath(r, e)}.${key}`, value);
  return time;
}

/** An option's moment: ISO-8601 string, epoch ms or a Date, within the dates a `Date` can hold. */
function optionTime(value: unknown, name: string): number {
  const time =
    typeof value === 'string' ? isoMs(value) : typeof value === 'number' ? value : value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(time) || Number.isNaN(new Date(time).getTime())) {
    throw new ReleaseDataError(`${name} must be a date-time`, `$.options.${name}`, value, 'an ISO-8601 string, milliseconds since the epoch or a Date');
  }
  return time;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const envPath = (r: number, e: number): string => `$[${r}].environments[${e}]`;
const nonNegative = (ms: number): number => (ms > 0 ? ms : 0);
/**
 * The median of `values` (the mean of the two middle values when the count is even), by selection
 * (linear), rearranging them; `null` for none.
 */
function medianOf(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const mid = n >> 1;
  const upper = select(values, mid);
  if (n % 2) return upper;
  // Everything before `mid` is now at most the upper middle value: the lower one is their largest.
  let lower = values[0]!;
  for (let i = 1; i < mid; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}
/** The median of values, on a copy. */
const medianOrNull = (values: ArrayLike<number>): number | null => medianOf(Float64Array.from(values));
/** The median and p90 (nearest rank) of values, on a copy. */
function spread(values: readonly number[]): { medianMs: number | null; p90Ms: number | null } {
  const copy = Float64Array.from(values);
  const medianMs = medianOf(copy);
  return { medianMs, p90Ms: medianMs === null ? null : select(copy, Math.ceil(0.9 * copy.length) - 1) };
}

/** Calls `visit` for each commit a release carries: its trigger commit (`index` −1), then `notes.commits`. */
function eachCommit(release: Json, r: number, visit: (commit: Json, sha: string, index: number) => void): void {
  const trigger = release.trigger;
  if (isObject(trigger)) {
    const commit = trigger.commit;
    if (commit !== undefined && commit !== null) visit(checkCommit(commit, r, -1), (commit as Json).sha as string, -1);
  }
  const notes = release.notes;
  if (notes === undefined || notes === null) return;
  if (!isObject(notes)) throw new ReleaseDataError('Release notes must be an object', `$[${r}].notes`, notes);
  const commits = notes.commits;
  if (commits === undefined || commits === null) return;
  if (!Array.isArray(commits)) throw new ReleaseDataError('Release notes must be lists', `$[${r}].notes.commits`, commits);
  for (let c = 0; c < commits.length; c++) {
    const commit: unknown = commits[c];
    visit(checkCommit(commit, r, c), (commit as Json).sha as string, c);
  }
}
const commitPath = (r: number, index: number): string => (index < 0 ? `$[${r}].trigger.commit` : `$[${r}].notes.commits[${index}]`);
function checkCommit(commit: unknown, r: number, index: number): Json {
  if (!isObject(commit)) throw new ReleaseDataError('A commit must be an object', commitPath(r, index), commit);
  const sha = commit.sha;
  if (typeof sha !== 'string' || sha === '') throw new ReleaseDataError('A commit needs a SHA', `${commitPath(r, index)}.sha`, sha);
  return commit;
}

/**
 * DORA's four keys and where delivery time goes, from a release history (any order, any length,
 * newest or oldest first). Pure: the current time is read only when neither `options.now` nor
 * `options.to` is given. Runs anywhere (no DOM).
 *
 * Definitions:
 * - **Target environments**: `options.environment` is a name, or a predicate over a release's
 *   environments; by default every environment whose `kind` is `'production'`.
 * - **Deployment**: a release has one when at least one of its target environments started, that
 *   is, its status is not `queued`, `pending` or `skipped`. It **failed** when any of them ended
 *   `failed`, `error` or `terminated`; its time is the `finishedAt` of the first of those (in the
 *   release's order), or, without one, the release's latest known time (the latest of its
 *   `createdAt`, `updatedAt`, `finishedAt` and its environments' `startedAt` and `finishedAt`). It
 *   **succeeded** when every target environment that started succeeded; its time is the latest
 *   `finishedAt` among them (the release's latest known time when none has one). Deployments
 *   still running (or `unknown`) count as neither.
 * - **Window**: `[from, to)`; by default the `days` (30) days up to `now` (the current time). A
 *   deployment belongs to the window its time falls in.
 * - **Deployment frequency**: the successful deployments in the window; per day is that count ÷
 *   the window's days, per week 7 × per day.
 * - **Change lead time**: for each successful deployment in the window, for each commit it carries
 *   (the trigger commit, then `notes.commits`; one per SHA, with the first date given) that has a
 *   `date` and had not reached the target in a successful deployment earlier in time (over every
 *   release given, not only the window's): the deployment's time − the commit's date. Reported:
 *   the median (the mean of the two middle values when the count is even), p90 by nearest rank
 *   (`sorted[ceil(0.9 · n) − 1]`) and the number of changes. Two deployments at the same moment
 *   both count a commit they share.
 * - **Change fail rate**: failed ÷ (successful + failed) deployments in the window; `null` with none.
 * - **Failed deployment recovery time**: for each failed deployment in the window, the time to the
 *   first successful deployment after it (even after the window); the median of those, and how
 *   many failures have none yet.
 * - **Previous**: the same four keys for the window of equal length just before.
 * - **Environments**, over every release in the window by its `createdAt`, per environment name:
 *   runs (it started), succeeded, failed, success rate (succeeded ÷ (succeeded + failed)), median
 *   duration (`finishedAt − startedAt`) and median wait (`startedAt` − the latest `finishedAt` of
 *   its `dependsOn` in the same release).
 * - **Failing steps**, over the same releases: workflow steps (`workflows.trigger`, `preAction`,
 *   `postAction`) by environment, section and name, with the runs that ended `failed`, `error` or
 *   `terminated` and the runs that started; only steps that failed, most failures first.
 * - **Series**: per UTC day or week (from Monday) of the window, clipped to it: successful and
 *   failed deployments, and the median lead time of the bucket's successful deployments' changes.
 * - **Failed deployments**: the window's, newest first, each with its first failed target and the
 *   time to its recovery.
 * - **Value stream**: for each successful deployment in the window, the path from the target
 *   environment that finished last back through, at each step, the `dependsOn` environment that
 *   finished last, to an environment that depends on nothing (the trigger). Each environment on
 *   it gives its `run` (`finishedAt − startedAt`) and `wait` (`startedAt` − the latest
 *   `finishedAt` of its `dependsOn`; for the trigger, `startedAt` − the release's `createdAt`),
 *   and the deployment gives `commit`: the release's `createdAt` − the oldest date among the
 *   commits it brought (those its lead time counted). Each stage reports the median over the
 *   deployments that have it; `commit` comes first, then environments by their mean position on
 *   the paths (trigger 0), each `wait` then `run`.
 *
 * Durations measured between two times of data are never negative: clock skew reads as 0.
 *
 * Raises `ReleaseDataError` naming the path and the value when `releases` is not a list (`$`), a
 * release is not an object (`$[3]`), has no list of environments (`$[3].environments`) or no
 * readable `createdAt`, an environment is not an object or has no name
 * (`$[3].environments[1].name`), a `dependsOn` or workflow list is not a list, a commit is not an
 * object or has no SHA, or a time it reads is not a date-time (`$[3].environments[1].finishedAt`,
 * `$[3].notes.commits[0].date`); and for options that are not an object (`$.options`), an unknown
 * `environment` or `bucket`, a `days` that is not a positive number, a `now`, `from` or `to` that
 * is not a date-time, or a `from` not before `to` (`$.options.from`). Times are read where a
 * metric needs them: a release far outside the windows has only its target environments'
 * `finishedAt` read (its commits' dates are never needed).
 */
export function computeDeliveryMetrics(releases: readonly Release[], options: DeliveryMetricsOptions = {}): DeliveryMetrics {
  if (!Array.isArray(releases)) throw new ReleaseDataError('Releases must be a list', '$', releases);
  if (!isObject(options)) throw new ReleaseDataError('Options must be an object', '$.options', options);
  const { environment, bucket = 'day', days } = options;
  if (environment !== undefined && !(typeof environment === 'string' && environment !== '') && typeof environment !== 'function') {
    throw new ReleaseDataError('environment must be an environment name or a predicate', '$.options.environment', environment, 'a non-empty string or a function');
  }
  if (bucket !== 'day' && bucket !== 'week') throw new ReleaseDataError('Unknown bucket', '$.options.bucket', bucket, "'day' or 'week'");
  if (days !== undefined && !(typeof days === 'number' && Number.isFinite(days) && days > 0)) {
    throw new ReleaseDataError('days must be a positive number', '$.options.days', days, 'a number above 0');
  }
  const to =
    options.to !== undefined ? optionTime(options.to, 'to') : options.now !== undefined ? optionTime(options.now, 'now') : Date.now();
  if (options.to !== undefined && options.now !== undefined) optionTime(options.now, 'now');
  const from = options.from !== undefined ? optionTime(options.from, 'from') : to - (days ?? 30) * DAY;
  if (!(from < to)) throw new ReleaseDataError('The window must start before it ends', '$.options.from', options.from ?? from, `a time before ${iso(to)}`);
  const previousFrom = from - (to - from);
  if (Number.isNaN(new Date(previousFrom).getTime())) {
    throw new ReleaseDataError('The window before this one starts before the earliest date', '$.options.from', options.from ?? from);
  }

  const isTarget: (env: Json, release: Json) => boolean =
    environment === undefined
      ? (env) => env.kind === 'production'
      : typeof environment === 'string'
        ? (env) => env.name === environment
        : (env, release) => !!environment(env as unknown as EnvironmentStep, release as unknown as Release);

  // One pass over every release: check its shape, read its creation time and classify its
  // deployment. Only the target environments' times are read here.
  const count = releases.length;
  const created = new Float64Array(count);
  /** 0 no deployment (or still running), SUCCEEDED or FAILED. */
  const outcome = new Uint8Array(count);
  const at = new Float64Array(count);
  /** A failed deployment's first failed target; a successful one's target that finished last (−1 when none has a `finishedAt`). */
  const targetOf = new Int32Array(count);
  /** Where each release's environments start in the flat arrays of environment times. */
  const offsets = new Int32Array(count + 1);
  for (let r = 0; r < count; r++) {
    const release: unknown = releases[r];
    if (!isObject(release)) throw new ReleaseDataError('A release must be an object', `$[${r}]`, release);
    const environments = release.environments;
    if (!Array.isArray(environments)) throw new ReleaseDataError('A release needs a list of environments', `$[${r}].environments`, environments);
    const createdAt = timeAt(release.createdAt, r, -1, 'createdAt');
    if (createdAt === undefined) throw new ReleaseDataError('A release needs a creation time', `$[${r}].createdAt`, release.createdAt, 'an ISO-8601 date-time string');
    created[r] = createdAt;
    offsets[r + 1] = offsets[r]! + environments.length;
    let started = false;
    let allSucceeded = true;
    let failed = -1;
    let last = -1;
    let latest = -Infinity;
    for (let e = 0; e < environments.length; e++) {
      const env: unknown = environments[e];
      if (!isObject(env)) throw new ReleaseDataError('An environment must be an object', envPath(r, e), env);
      const name = env.name;
      if (typeof name !== 'string' || name === '') throw new ReleaseDataError('An environment needs a name', `${envPath(r, e)}.name`, name);
      if (!isTarget(env, release)) continue;
      const p = phase(env.status);
      if (p === NOT_STARTED) continue;
      started = true;
      if (p === FAILED) {
        if (failed < 0) failed = e;
      } else if (p === SUCCEEDED) {
        if (failed < 0) {
          const finished = timeAt(env.finishedAt, r, e, 'finishedAt');
          if (finished !== undefined && finished > latest) {
            latest = finished;
            last = e;
          }
        }
      } else allSucceeded = false;
    }
    if (!started) continue;
    if (failed >= 0) {
      outcome[r] = FAILED;
      targetOf[r] = failed;
      at[r] = timeAt((environments[failed] as Json).finishedAt, r, failed, 'finishedAt') ?? latestKnown(release, r);
    } else if (allSucceeded) {
      outcome[r] = SUCCEEDED;
      targetOf[r] = last;
      at[r] = last >= 0 ? latest : latestKnown(release, r);
    }
  }

  // Deployments of the two windows, and successful ones from the earlier window's start on (a
  // recovery is the first success after a failure, so nothing before can be one).
  const current: number[] = [];
  const previous: number[] = [];
  const successTimes: number[] = [];
  for (let r = 0; r < count; r++) {
    if (!outcome[r]) continue;
    const time = at[r]!;
    if (time < previousFrom) continue;
    if (outcome[r] === SUCCEEDED) successTimes.push(time);
    if (time < from) previous.push(r);
    else if (time < to) current.push(r);
  }
  const successes = Float64Array.from(successTimes).sort();
  const recoveryOf = (time: number): number | null => {
    const next = bisectRight(successes, time);
    return next < successes.length ? successes[next]! - time : null;
  };

  // Lead-time de-duplication: for each SHA the windows' successful deployments carry, the earliest
  // success time that carried it, over every release before the windows too.
  const firstReached = new Map<string, number>();
  let time = 0;
  const earliest = (_: Json, sha: string) => {
    const known = firstReached.get(sha);
    if (known === undefined || time < known) firstReached.set(sha, time);
  };
  const earlier = (_: Json, sha: string) => {
    const known = firstReached.get(sha);
    if (known !== undefined && time < known) firstReached.set(sha, time);
  };
  const windows = [...previous, ...current];
  for (const r of windows) {
    if (outcome[r] !== SUCCEEDED) continue;
    time = at[r]!;
    eachCommit(releases[r] as unknown as Json, r, earliest);
  }
  if (firstReached.size > 0) {
    for (let r = 0; r < count; r++) {
      if (outcome[r] !== SUCCEEDED || !(at[r]! < previousFrom)) continue;
      time = at[r]!;
      eachCommit(releases[r] as unknown as Json, r, earlier);
    }
  }

  // The changes each successful deployment of the windows brought: lead times in one flat list
  // (release r's from changesFrom[r] to changesTo[r]), and the oldest of their dates.
  const leadTimes: number[] = [];
  const changesFrom = new Int32Array(count);
  const changesTo = new Int32Array(count);
  const oldestChange = new Float64Array(count).fill(NaN);
  const counted = new Set<string>();
  let deployment = 0;
  const change = (commit: Json, sha: string, index: number) => {
    if (counted.has(sha)) return;
    const date = readTime(commit.date);
    if (date !== date) badTime(`${commitPath(deployment, index)}.date`, commit.date);
    if (date === undefined) return;
    counted.add(sha);
    if (firstReached.get(sha) !== time) return;
    leadTimes.push(nonNegative(time - date));
    if (!(date >= oldestChange[deployment]!)) oldestChange[deployment] = date;
  };
  for (const r of windows) {
    if (outcome[r] !== SUCCEEDED) continue;
    time = at[r]!;
    deployment = r;
    counted.clear();
    changesFrom[r] = leadTimes.length;
    eachCommit(releases[r] as unknown as Json, r, change);
    changesTo[r] = leadTimes.length;
  }
  const changes: Changes = { leadTimes, from: changesFrom, to: changesTo };

  const keysOf = (deployments: readonly number[], start: number, end: number): DeliveryKeys => {
    const windowDays = (end - start) / DAY;
    let succeeded = 0;
    let failed = 0;
    const leads: number[] = [];
    const recoveries: number[] = [];
    let unrecovered = 0;
    for (const r of deployments) {
      if (outcome[r] === SUCCEEDED) {
        succeeded++;
        for (let i = changesFrom[r]!; i < changesTo[r]!; i++) leads.push(leadTimes[i]!);
      } else {
        failed++;
        const recovery = recoveryOf(at[r]!);
        if (recovery === null) unrecovered++;
        else recoveries.push(recovery);
      }
    }
    const perDay = succeeded / windowDays;
    return {
      window: { from: iso(start), to: iso(end), days: windowDays },
      deploymentFrequency: { deployments: succeeded, perDay, perWeek: perDay * 7 },
      changeLeadTime: { ...spread(leads), changes: leads.length },
      changeFailRate: { rate: succeeded + failed ? failed / (succeeded + failed) : null, failed, deployments: succeeded + failed },
      failedDeploymentRecoveryTime: { medianMs: medianOrNull(recoveries), recoveries: recoveries.length, unrecovered },
    };
  };

  const keys = keysOf(current, from, to);
  const table = new Environments(releases as unknown as readonly Json[], offsets);
  return {
    ...keys,
    previous: keysOf(previous, previousFrom, from),
    ...perEnvironment(releases as unknown as readonly Json[], created, from, to, table),
    series: seriesOf(current, bucket, from, to, outcome, at, changes),
    failedDeployments: current
      .filter((r) => outcome[r] === FAILED)
      .sort((a, b) => at[b]! - at[a]! || compareIds(releases[a]!, releases[b]!) || created[b]! - created[a]!)
      .map((r): FailedDeployment => {
        const release = releases[r]!;
        return {
          release,
          at: iso(at[r]!),
          environment: (release.environments[targetOf[r]!] as EnvironmentStep).name,
          recoveryMs: recoveryOf(at[r]!),
        };
      }),
    valueStream: valueStreamOf(
      current.filter((r) => outcome[r] === SUCCEEDED),
      created,
      oldestChange,
      targetOf,
      table,
    ),
  };
}

const compareIds = (a: Release, b: Release): number => {
  const x = String(a.id);
  const y = String(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
};
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The latest time a release knows: its own times and every environment's. */
function latestKnown(release: Json, r: number): number {
  let latest = -Infinity;
  const take = (time: number | undefined) => {
    if (time !== undefined && time > latest) latest = time;
  };
  take(timeAt(release.createdAt, r, -1, 'createdAt'));
  take(timeAt(release.updatedAt, r, -1, 'updatedAt'));
  take(timeAt(release.finishedAt, r, -1, 'finishedAt'));
  const environments = release.environments as Json[];
  for (let e = 0; e < environments.length; e++) {
    take(timeAt(environments[e]!.startedAt, r, e, 'startedAt'));
    take(timeAt(environments[e]!.finishedAt, r, e, 'finishedAt'));
  }
  return latest;
}

/**
 * The environments of the releases a metric looks into, each read once into flat arrays (release
 * `r`'s from `offsets[r]` on; no allocation per environment): its name as a small number (one
 * `Map` from name to number for the call), its phase and its times (NaN when absent); and, once
 * `depend` has checked its `dependsOn`, which of them finished last.
 */
class Environments {
  /** The names, by number. */
  readonly names: string[] = [];
  readonly name: Int32Array;
  readonly phase: Uint8Array;
  readonly started: Float64Array;
  readonly finished: Float64Array;
  /** Once read: the index in its release of the dependency that finished last (the first of equals); −1 when none has a `finishedAt`, −2 when it depends on nothing. */
  private readonly after: Int32Array;
  private readonly read: Uint8Array;
  private readonly loaded: Uint8Array;
  private readonly numbers = new Map<string, number>();
  private readonly lookups = new Map<number, Map<unknown, number>>();

  constructor(
    private readonly releases: readonly Json[],
    readonly offsets: Int32Array,
  ) {
    const total = offsets[releases.length]!;
    this.name = new Int32Array(total);
    this.phase = new Uint8Array(total);
    this.started = new Float64Array(total);
    this.finished = new Float64Array(total);
    this.after = new Int32Array(total);
    this.read = new Uint8Array(total);
    this.loaded = new Uint8Array(releases.length);
  }

  /** Reads release `r`'s environments (once) and returns where they start in the arrays. */
  load(r: number): number {
    const base = this.offsets[r]!;
    if (this.loaded[r]) return base;
    this.loaded[r] = 1;
    const environments = this.releases[r]!.environments as Json[];
    for (let e = 0; e < environments.length; e++) {
      const env = environments[e]!;
      this.started[base + e] = timeAt(env.startedAt, r, e, 'startedAt') ?? NaN;
      this.finished[base + e] = timeAt(env.finishedAt, r, e, 'finishedAt') ?? NaN;
    }
    for (let e = 0; e < environments.length; e++) {
      const env = environments[e]!;
      const name = env.name as string;
      let n = this.numbers.get(name);
      if (n === undefined) this.numbers.set(name, (n = this.names.push(name) - 1));
      this.name[base + e] = n;
      this.phase[base + e] = phase(env.status);
    }
    return base;
  }

  /** Checks the `dependsOn` of release `r`'s environment `e` (loaded), once: see `after`. */
  depend(r: number, e: number): number {
    const base = this.offsets[r]!;
    if (this.read[base + e]) return this.after[base + e]!;
    const environments = this.releases[r]!.environments as Json[];
    const dependsOn = dependsOnOf(environments[e]!, r, e);
    let last = dependsOn.length ? -1 : -2;
    for (let i = 0; i < dependsOn.length; i++) {
      const d = this.indexOf(r, environments, dependsOn[i]);
      const finished = d < 0 ? NaN : this.finished[base + d]!;
      if (finished === finished && (last < 0 || finished > this.finished[base + last]!)) last = d;
    }
    this.read[base + e] = 1;
    return (this.after[base + e] = last);
  }

  /** `finishedAt − startedAt` of environment `i` (never negative); NaN without both. */
  run(i: number): number {
    const ms = this.finished[i]! - this.started[i]!;
    return ms === ms ? nonNegative(ms) : NaN;
  }

  /**
   * `startedAt` of release `r`'s environment `e` − the latest `finishedAt` of its `dependsOn`
   * (`alone` when it depends on nothing), never negative; NaN without both.
   */
  wait(r: number, e: number, alone = NaN): number {
    const base = this.offsets[r]!;
    const d = this.depend(r, e);
    const ms = this.started[base + e]! - (d >= 0 ? this.finished[base + d]! : d < -1 ? alone : NaN);
    return ms === ms ? nonNegative(ms) : NaN;
  }

  /** The index in release `r` of the first environment named `name`; −1 when none is. */
  private indexOf(r: number, environments: Json[], name: unknown): number {
    const n = environments.length;
    if (n <= 16) {
      for (let e = 0; e < n; e++) if (environments[e]!.name === name) return e;
      return -1;
    }
    let byName = this.lookups.get(r);
    if (!byName) {
      this.lookups.set(r, (byName = new Map()));
      for (let e = n - 1; e >= 0; e--) byName.set(environments[e]!.name, e);
    }
    return byName.get(name) ?? -1;
  }
}

/** An environment's `dependsOn`, checked to be a list (absent reads as none). */
function dependsOnOf(env: Json, r: number, e: number): unknown[] {
  const dependsOn = env.dependsOn;
  if (dependsOn === undefined || dependsOn === null) return [];
  if (!Array.isArray(dependsOn)) throw new ReleaseDataError('An environment needs a list of dependencies', `${envPath(r, e)}.dependsOn`, dependsOn);
  return dependsOn;
}

interface EnvironmentAccumulator {
  runs: number;
  succeeded: number;
  failed: number;
  /** How many runs have a duration, and a wait. */
  durations: number;
  waits: number;
}
interface StepAccumulator {
  failures: number;
  runs: number;
}

/** Per environment name and failing steps, over the releases created in `[from, to)`. */
function perEnvironment(
  releases: readonly Json[],
  created: Float64Array,
  from: number,
  to: number,
  table: Environments,
): { environments: EnvironmentMetrics[]; failingSteps: FailingStep[] } {
  const { names, name: nameOf, phase: phaseOf, offsets } = table;
  const window: number[] = [];
  /** By name number; only for the names of these releases. */
  const accumulators: EnvironmentAccumulator[] = [];
  const steps: Array<Array<Map<string, StepAccumulator>>> = [];
  let newest = -1;
  for (let r = 0; r < releases.length; r++) {
    const createdAt = created[r]!;
    if (createdAt < from || createdAt >= to) continue;
    window.push(r);
    const release = releases[r]!;
    if (newest < 0 || createdAt > created[newest]! || (createdAt === created[newest]! && compareIds(release as unknown as Release, releases[newest] as unknown as Release) < 0)) newest = r;
    const base = table.load(r);
    const environments = release.environments as Json[];
    for (let e = 0; e < environments.length; e++) {
      const i = base + e;
      const n = nameOf[i]!;
      const acc = (accumulators[n] ??= { runs: 0, succeeded: 0, failed: 0, durations: 0, waits: 0 });
      const wait = table.wait(r, e);
      const p = phaseOf[i]!;
      if (p !== NOT_STARTED) {
        acc.runs++;
        if (p === SUCCEEDED) acc.succeeded++;
        else if (p === FAILED) acc.failed++;
        if (table.run(i) === table.run(i)) acc.durations++;
        if (wait === wait) acc.waits++;
      }
      countSteps(environments[e]!, r, e, (steps[n] ??= WORKFLOW_SECTIONS.map(() => new Map())));
    }
  }

  // Every name's durations side by side in one array, and waits in another (a counting sort),
  // each name's median selected in place.
  const k = accumulators.length;
  const durationEnds = new Int32Array(k + 1);
  const waitEnds = new Int32Array(k + 1);
  for (let n = 0; n < k; n++) {
    durationEnds[n + 1] = durationEnds[n]! + accumulators[n]!.durations;
    waitEnds[n + 1] = waitEnds[n]! + accumulators[n]!.waits;
  }
  const durations = new Float64Array(durationEnds[k]!);
  const waits = new Float64Array(waitEnds[k]!);
  const nextDuration = durationEnds.slice();
  const nextWait = waitEnds.slice();
  for (const r of window) {
    const base = offsets[r]!;
    for (let i = base; i < offsets[r + 1]!; i++) {
      if (phaseOf[i] === NOT_STARTED) continue;
      const n = nameOf[i]!;
      const run = table.run(i);
      const wait = table.wait(r, i - base);
      if (run === run) durations[nextDuration[n]!++] = run;
      if (wait === wait) waits[nextWait[n]!++] = wait;
    }
  }

  // Flow order: the newest release's environments, then the others by name.
  const order: number[] = [];
  const placed: boolean[] = [];
  if (newest >= 0) {
    for (let i = offsets[newest]!; i < offsets[newest + 1]!; i++) {
      const n = nameOf[i]!;
      if (!placed[n]) order.push(n);
      placed[n] = true;
    }
  }
  const rest: number[] = [];
  for (let n = 0; n < k; n++) if (!placed[n]) rest.push(n);
  order.push(...rest.sort((a, b) => compareText(names[a]!, names[b]!)));
  const environments = order.map((n): EnvironmentMetrics => {
    const acc = accumulators[n]!;
    const finished = acc.succeeded + acc.failed;
    return {
      name: names[n]!,
      runs: acc.runs,
      succeeded: acc.succeeded,
      failed: acc.failed,
      successRate: finished ? acc.succeeded / finished : null,
      medianDurationMs: medianOf(durations.subarray(durationEnds[n]!, durationEnds[n + 1]!)),
      medianWaitMs: medianOf(waits.subarray(waitEnds[n]!, waitEnds[n + 1]!)),
    };
  });

  const failingSteps: FailingStep[] = [];
  steps.forEach((sections, n) =>
    sections.forEach((byName, s) => {
      for (const [name, acc] of byName) {
        if (acc.failures > 0) failingSteps.push({ environment: names[n]!, section: WORKFLOW_SECTIONS[s]!, name, failures: acc.failures, runs: acc.runs });
      }
    }),
  );
  const sectionIndex = (section: WorkflowSection) => WORKFLOW_SECTIONS.indexOf(section);
  failingSteps.sort(
    (a, b) =>
      b.failures - a.failures ||
      b.runs - a.runs ||
      compareText(a.environment, b.environment) ||
      sectionIndex(a.section) - sectionIndex(b.section) ||
      compareText(a.name, b.name),
  );
  return { environments, failingSteps };
}

/** Counts the steps of one environment's workflows that started, and those that failed, by section and name. */
function countSteps(env: Json, r: number, e: number, sections: Array<Map<string, StepAccumulator>>): void {
  const workflows = env.workflows;
  if (workflows === undefined || workflows === null) return;
  if (!isObject(workflows)) throw new ReleaseDataError('Workflows must be an object', `${envPath(r, e)}.workflows`, workflows);
  for (let s = 0; s < WORKFLOW_SECTIONS.length; s++) {
    const section = WORKFLOW_SECTIONS[s]!;
    const list = workflows[section];
    if (list === undefined || list === null) continue;
    // Built only when it is needed: a closure here would be made for every environment.
    if (!Array.isArray(list)) throw new ReleaseDataError('Workflow steps must be a list', stepsPath(r, e, s), list);
    for (let i = 0; i < list.length; i++) {
      const step: unknown = list[i];
      if (!isObject(step)) throw new ReleaseDataError('A workflow step must be an object', `${stepsPath(r, e, s)}[${i}]`, step);
      const name = step.name;
      if (typeof name !== 'string' || name === '') throw new ReleaseDataError('A workflow step needs a name', `${stepsPath(r, e, s)}[${i}].name`, name);
      const p = phase(step.status);
      if (p === NOT_STARTED) continue;
      let acc = sections[s]!.get(name);
      if (!acc) sections[s]!.set(name, (acc = { failures: 0, runs: 0 }));
      acc.runs++;
      if (p === FAILED) acc.failures++;
    }
  }
}
const stepsPath = (r: number, e: number, s: number): string => `${envPath(r, e)}.workflows.${WORKFLOW_SECTIONS[s]!}`;

/** The window cut into UTC days or weeks (from Monday), the first and last clipped to it. */
function seriesOf(
  deployments: readonly number[],
  bucket: 'day' | 'week',
  from: number,
  to: number,
  outcome: Uint8Array,
  at: Float64Array,
  changes: Changes,
): DeliverySeriesPoint[] {
  // UTC days start at multiples of DAY; 1970-01-01 was a Thursday, so Mondays are 3 days later.
  const size = bucket === 'week' ? 7 * DAY : DAY;
  const shift = bucket === 'week' ? 4 * DAY : 0;
  const starts = [from];
  for (let start = Math.floor((from - shift) / size) * size + shift + size; start < to; start += size) starts.push(start);
  const n = starts.length;
  // Counts per bucket, then every bucket's lead times side by side in one array (a counting sort).
  const succeeded = new Int32Array(n);
  const failed = new Int32Array(n);
  const ends = new Int32Array(n + 1);
  const buckets = deployments.map((r) => {
    const b = bisectRight(starts, at[r]!) - 1;
    if (outcome[r] === SUCCEEDED) {
      succeeded[b]!++;
      ends[b + 1]! += changes.to[r]! - changes.from[r]!;
    } else failed[b]!++;
    return b;
  });
  for (let b = 0; b < n; b++) ends[b + 1]! += ends[b]!;
  const leadTimes = new Float64Array(ends[n]!);
  const next = ends.slice(0, n);
  deployments.forEach((r, k) => {
    for (let i = changes.from[r]!; i < changes.to[r]!; i++) leadTimes[next[buckets[k]!]!++] = changes.leadTimes[i]!;
  });
  return starts.map((start, b) => ({
    from: iso(start),
    to: iso(starts[b + 1] ?? to),
    deployments: succeeded[b]!,
    failed: failed[b]!,
    medianLeadTimeMs: medianOf(leadTimes.subarray(ends[b]!, ends[b + 1]!)),
  }));
}

/** The lead times of the windows' successful deployments: release r's are `leadTimes[from[r] .. to[r])`. */
interface Changes {
  leadTimes: readonly number[];
  from: Int32Array;
  to: Int32Array;
}

interface Stage {
  positions: number;
  paths: number;
  wait: number[];
  run: number[];
}

/** Where time goes: see `computeDeliveryMetrics`. */
function valueStreamOf(
  deployments: readonly number[],
  created: Float64Array,
  oldestChange: Float64Array,
  targetOf: Int32Array,
  table: Environments,
): ValueStreamStage[] {
  if (deployments.length === 0) return [];
  const commit: number[] = [];
  /** By name number. */
  const stages: Array<Stage | undefined> = [];
  const path: number[] = [];
  for (const r of deployments) {
    const oldest = oldestChange[r]!;
    if (oldest === oldest) commit.push(nonNegative(created[r]! - oldest));
    const base = table.load(r);
    // From the succeeded target that finished last back through the dependency that finished
    // last, to one that depends on nothing (a cycle stops it).
    path.length = 0;
    for (let e = targetOf[r]!; e >= 0 && !path.includes(e); e = table.depend(r, e)) path.push(e);
    for (let position = 0; position < path.length; position++) {
      const e = path[path.length - 1 - position]!;
      const stage = (stages[table.name[base + e]!] ??= { positions: 0, paths: 0, wait: [], run: [] });
      stage.positions += position;
      stage.paths++;
      const wait = table.wait(r, e, created[r]!);
      const run = table.run(base + e);
      if (wait === wait) stage.wait.push(wait);
      if (run === run) stage.run.push(run);
    }
  }
  const out: ValueStreamStage[] = commit.length ? [{ kind: 'commit', medianMs: medianOrNull(commit)! }] : [];
  const ordered: Array<[string, Stage]> = [];
  stages.forEach((stage, n) => ordered.push([table.names[n]!, stage!]));
  ordered.sort(([a, x], [b, y]) => x.positions / x.paths - y.positions / y.paths || compareText(a, b));
  for (const [environment, stage] of ordered) {
    if (stage.wait.length) out.push({ kind: 'wait', environment, medianMs: medianOrNull(stage.wait)! });
    if (stage.run.length) out.push({ kind: 'run', environment, medianMs: medianOrNull(stage.run)! });
  }
  return out;
}
