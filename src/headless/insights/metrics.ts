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
/** The median and p90 (nearest rank) of values, by selection (linear) on a copy. */
function spread(values: readonly number[], p90 = true): { medianMs: number | null; p90Ms: number | null } {
  const n = values.length;
  if (n === 0) return { medianMs: null, p90Ms: null };
  const copy = Float64Array.from(values);
  const mid = n >> 1;
  let median = select(copy, mid);
  if (n % 2 === 0) {
    // Everything before `mid` is now at most the upper middle value: the lower one is their largest.
    let lower = copy[0]!;
    for (let i = 1; i < mid; i++) if (copy[i]! > lower) lower = copy[i]!;
    median = (lower + median) / 2;
  }
  const rank = Math.ceil(0.9 * n) - 1;
  return { medianMs: median, p90Ms: p90 ? select(copy, rank) : null };
}
/** The median (the mean of the two middle values when the count is even); `null` for none. */
export const medianOrNull = (values: readonly number[]): number | null => spread(values, false).medianMs;

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
  const failedEnvironment = new Int32Array(count);
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
          if (finished !== undefined && finished > latest) latest = finished;
        }
      } else allSucceeded = false;
    }
    if (!started) continue;
    if (failed >= 0) {
      outcome[r] = FAILED;
      failedEnvironment[r] = failed;
      at[r] = timeAt((environments[failed] as Json).finishedAt, r, failed, 'finishedAt') ?? latestKnown(release, r);
    } else if (allSucceeded) {
      outcome[r] = SUCCEEDED;
      at[r] = latest > -Infinity ? latest : latestKnown(release, r);
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
  const times = environmentTimes(releases as unknown as readonly Json[], offsets);
  return {
    ...keys,
    previous: keysOf(previous, previousFrom, from),
    ...perEnvironment(releases as unknown as readonly Json[], created, from, to, times),
    series: seriesOf(current, bucket, from, to, outcome, at, changes),
    failedDeployments: current
      .filter((r) => outcome[r] === FAILED)
      .sort((a, b) => at[b]! - at[a]! || compareIds(releases[a]!, releases[b]!) || created[b]! - created[a]!)
      .map((r): FailedDeployment => {
        const release = releases[r]!;
        return {
          release,
          at: iso(at[r]!),
          environment: (release.environments[failedEnvironment[r]!] as EnvironmentStep).name,
          recoveryMs: recoveryOf(at[r]!),
        };
      }),
    valueStream: valueStreamOf(
      current.filter((r) => outcome[r] === SUCCEEDED),
      releases as unknown as readonly Json[],
      created,
      oldestChange,
      isTarget,
      times,
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
 * Every environment's `startedAt` and `finishedAt` (NaN when absent), read once per release and
 * only for the releases a metric looks into, in two flat arrays (no allocation per release);
 * and each release's environments by name (the first of a name).
 */
interface EnvironmentTimes {
  /** Reads release `r`'s times (once) and returns where they start in `started` and `finished`. */
  load: (r: number) => number;
  started: Float64Array;
  finished: Float64Array;
  /** The index in release `r` of the first environment named `name`; −1 when none is. */
  indexOf: (r: number, name: unknown) => number;
}
function environmentTimes(releases: readonly Json[], offsets: Int32Array): EnvironmentTimes {
  const total = offsets[releases.length]!;
  const started = new Float64Array(total);
  const finished = new Float64Array(total);
  const loaded = new Uint8Array(releases.length);
  const lookups = new Map<number, Map<unknown, number>>();
  const load = (r: number): number => {
    const base = offsets[r]!;
    if (loaded[r]) return base;
    loaded[r] = 1;
    const environments = releases[r]!.environments as Json[];
    for (let e = 0; e < environments.length; e++) {
      const env = environments[e]!;
      started[base + e] = timeAt(env.startedAt, r, e, 'startedAt') ?? NaN;
      finished[base + e] = timeAt(env.finishedAt, r, e, 'finishedAt') ?? NaN;
    }
    return base;
  };
  const indexOf = (r: number, name: unknown): number => {
    const environments = releases[r]!.environments as Json[];
    const n = environments.length;
    if (n <= 16) {
      for (let e = 0; e < n; e++) if (environments[e]!.name === name) return e;
      return -1;
    }
    let byName = lookups.get(r);
    if (!byName) {
      lookups.set(r, (byName = new Map()));
      for (let e = n - 1; e >= 0; e--) byName.set(environments[e]!.name, e);
    }
    return byName.get(name) ?? -1;
  };
  return { load, started, finished, indexOf };
}

/** An environment's `dependsOn`, checked to be a list (absent reads as none). */
function dependsOnOf(env: Json, r: number, e: number): unknown[] {
  const dependsOn = env.dependsOn;
  if (dependsOn === undefined || dependsOn === null) return [];
  if (!Array.isArray(dependsOn)) throw new ReleaseDataError('An environment needs a list of dependencies', `${envPath(r, e)}.dependsOn`, dependsOn);
  return dependsOn;
}

/** The latest `finishedAt` among an environment's dependencies in release `r` (loaded); NaN when none has one. */
function latestDependency(times: EnvironmentTimes, r: number, dependsOn: readonly unknown[]): number {
  let latest = NaN;
  const base = times.load(r);
  for (let i = 0; i < dependsOn.length; i++) {
    const d = times.indexOf(r, dependsOn[i]);
    if (d < 0) continue;
    const finished = times.finished[base + d]!;
    if (finished === finished && !(finished <= latest)) latest = finished;
  }
  return latest;
}

interface EnvironmentAccumulator {
  runs: number;
  succeeded: number;
  failed: number;
  durations: number[];
  waits: number[];
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
  times: EnvironmentTimes,
): { environments: EnvironmentMetrics[]; failingSteps: FailingStep[] } {
  const byName = new Map<string, EnvironmentAccumulator>();
  const steps = new Map<string, Array<Map<string, StepAccumulator>>>();
  let newest = -1;
  for (let r = 0; r < releases.length; r++) {
    const createdAt = created[r]!;
    if (createdAt < from || createdAt >= to) continue;
    const release = releases[r]!;
    if (newest < 0 || createdAt > created[newest]! || (createdAt === created[newest]! && compareIds(release as unknown as Release, releases[newest] as unknown as Release) < 0)) newest = r;
    const base = times.load(r);
    const environments = release.environments as Json[];
    for (let e = 0; e < environments.length; e++) {
      const env = environments[e]!;
      const name = env.name as string;
      let acc = byName.get(name);
      if (!acc) byName.set(name, (acc = { runs: 0, succeeded: 0, failed: 0, durations: [], waits: [] }));
      const dependsOn = dependsOnOf(env, r, e);
      const p = phase(env.status);
      if (p !== NOT_STARTED) {
        acc.runs++;
        if (p === SUCCEEDED) acc.succeeded++;
        else if (p === FAILED) acc.failed++;
        const started = times.started[base + e]!;
        const finished = times.finished[base + e]!;
        if (started === started && finished === finished) acc.durations.push(nonNegative(finished - started));
        const ready = latestDependency(times, r, dependsOn);
        if (started === started && ready === ready) acc.waits.push(nonNegative(started - ready));
      }
      countSteps(env, r, e, name, steps);
    }
  }

  const order: string[] = [];
  const placed = new Set<string>();
  if (newest >= 0) {
    for (const env of releases[newest]!.environments as Json[]) {
      const name = env.name as string;
      if (placed.has(name)) continue;
      placed.add(name);
      order.push(name);
    }
  }
  order.push(...[...byName.keys()].filter((name) => !placed.has(name)).sort(compareText));
  const environments = order.map((name): EnvironmentMetrics => {
    const acc = byName.get(name)!;
    const finished = acc.succeeded + acc.failed;
    return {
      name,
      runs: acc.runs,
      succeeded: acc.succeeded,
      failed: acc.failed,
      successRate: finished ? acc.succeeded / finished : null,
      medianDurationMs: medianOrNull(acc.durations),
      medianWaitMs: medianOrNull(acc.waits),
    };
  });

  const failingSteps: FailingStep[] = [];
  for (const [environment, sections] of steps) {
    sections.forEach((names, s) => {
      for (const [name, acc] of names) {
        if (acc.failures > 0) failingSteps.push({ environment, section: WORKFLOW_SECTIONS[s]!, name, failures: acc.failures, runs: acc.runs });
      }
    });
  }
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

function countSteps(env: Json, r: number, e: number, environment: string, steps: Map<string, Array<Map<string, StepAccumulator>>>): void {
  const workflows = env.workflows;
  if (workflows === undefined || workflows === null) return;
  if (!isObject(workflows)) throw new ReleaseDataError('Workflows must be an object', `${envPath(r, e)}.workflows`, workflows);
  for (let s = 0; s < WORKFLOW_SECTIONS.length; s++) {
    const section = WORKFLOW_SECTIONS[s]!;
    const list = workflows[section];
    if (list === undefined || list === null) continue;
    const path = () => `${envPath(r, e)}.workflows.${section}`;
    if (!Array.isArray(list)) throw new ReleaseDataError('Workflow steps must be a list', path(), list);
    for (let i = 0; i < list.length; i++) {
      const step: unknown = list[i];
      if (!isObject(step)) throw new ReleaseDataError('A workflow step must be an object', `${path()}[${i}]`, step);
      const name = step.name;
      if (typeof name !== 'string' || name === '') throw new ReleaseDataError('A workflow step needs a name', `${path()}[${i}].name`, name);
      const p = phase(step.status);
      if (p === NOT_STARTED) continue;
      let sections = steps.get(environment);
      if (!sections) steps.set(environment, (sections = WORKFLOW_SECTIONS.map(() => new Map())));
      let acc = sections[s]!.get(name);
      if (!acc) sections[s]!.set(name, (acc = { failures: 0, runs: 0 }));
      acc.runs++;
      if (p === FAILED) acc.failures++;
    }
  }
}

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
  const points = starts.map((start, i) => ({ start, end: starts[i + 1] ?? to, deployments: 0, failed: 0, leadTimes: [] as number[] }));
  for (const r of deployments) {
    const point = points[bisectRight(starts, at[r]!) - 1]!;
    if (outcome[r] === SUCCEEDED) {
      point.deployments++;
      for (let i = changes.from[r]!; i < changes.to[r]!; i++) point.leadTimes.push(changes.leadTimes[i]!);
    } else point.failed++;
  }
  return points.map((point) => ({
    from: iso(point.start),
    to: iso(point.end),
    deployments: point.deployments,
    failed: point.failed,
    medianLeadTimeMs: spread(point.leadTimes).medianMs,
  }));
}

/** The lead times of the windows' successful deployments: release r's are `leadTimes[from[r] .. to[r])`. */
interface Changes {
  leadTimes: readonly number[];
  from: Int32Array;
  to: Int32Array;
}

/** Where time goes: see `computeDeliveryMetrics`. */
function valueStreamOf(
  deployments: readonly number[],
  releases: readonly Json[],
  created: Float64Array,
  oldestChange: Float64Array,
  isTarget: (env: Json, release: Json) => boolean,
  times: EnvironmentTimes,
): ValueStreamStage[] {
  if (deployments.length === 0) return [];
  const commit: number[] = [];
  const stages = new Map<string, { positions: number; paths: number; wait: number[]; run: number[] }>();
  const { started: startedAt, finished: finishedAt } = times;
  const path: number[] = [];
  for (const r of deployments) {
    const release = releases[r]!;
    const oldest = oldestChange[r]!;
    if (oldest === oldest) commit.push(nonNegative(created[r]! - oldest));
    const base = times.load(r);
    const environments = release.environments as Json[];
    // The succeeded target that finished last (the first of equals).
    let last = -1;
    for (let e = 0; e < environments.length; e++) {
      const env = environments[e]!;
      const finished = finishedAt[base + e]!;
      if (phase(env.status) === SUCCEEDED && finished === finished && (last < 0 || finished > finishedAt[base + last]!) && isTarget(env, release)) last = e;
    }
    // Back through the dependency that finished last, to one that depends on nothing (a cycle stops it).
    path.length = 0;
    for (let e = last; e >= 0 && !path.includes(e); ) {
      path.push(e);
      let next = -1;
      const dependsOn = dependsOnOf(environments[e]!, r, e);
      for (let i = 0; i < dependsOn.length; i++) {
        const d = times.indexOf(r, dependsOn[i]);
        const finished = d < 0 ? NaN : finishedAt[base + d]!;
        if (finished === finished && (next < 0 || finished > finishedAt[base + next]!)) next = d;
      }
      e = next;
    }
    for (let position = 0; position < path.length; position++) {
      const e = path[path.length - 1 - position]!;
      const env = environments[e]!;
      const name = env.name as string;
      let stage = stages.get(name);
      if (!stage) stages.set(name, (stage = { positions: 0, paths: 0, wait: [], run: [] }));
      stage.positions += position;
      stage.paths++;
      const dependsOn = dependsOnOf(env, r, e);
      const ready = dependsOn.length ? latestDependency(times, r, dependsOn) : created[r]!;
      const started = startedAt[base + e]!;
      const finished = finishedAt[base + e]!;
      if (started === started && ready === ready) stage.wait.push(nonNegative(started - ready));
      if (started === started && finished === finished) stage.run.push(nonNegative(finished - started));
    }
  }
  const out: ValueStreamStage[] = commit.length ? [{ kind: 'commit', medianMs: medianOrNull(commit)! }] : [];
  const ordered = [...stages].sort(([a, x], [b, y]) => x.positions / x.paths - y.positions / y.paths || compareText(a, b));
  for (const [environment, stage] of ordered) {
    if (stage.wait.length) out.push({ kind: 'wait', environment, medianMs: medianOrNull(stage.wait)! });
    if (stage.run.length) out.push({ kind: 'run', environment, medianMs: medianOrNull(stage.run)! });
  }
  return out;
}
