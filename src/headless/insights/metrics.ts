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
 * Scratch memory: typed arrays taken for one call and given back at its end, kept for the next
 * (weakly: a full collection takes them). A window of years needs tens of megabytes of numbers,
 * and fresh memory is the dearest thing a call can ask for: where page faults are slow it cost
 * more than all the computation, and V8 starts a full collection of the host's heap after about
 * 64 MB of new typed arrays. Arrays under 64 kB are simply made.
 */
const spare: Array<WeakRef<ArrayBuffer>> = [];
class Scratch {
  #taken: ArrayBuffer[] = [];

  /** `length` numbers, not cleared. */
  f64(length: number): Float64Array {
    return new Float64Array(this.#buffer(length * 8), 0, length);
  }
  i32(length: number): Int32Array {
    return new Int32Array(this.#buffer(length * 4), 0, length);
  }

  /** The smallest spare buffer of at least `bytes`, else a new one (of a power of two). */
  #buffer(bytes: number): ArrayBuffer {
    if (bytes < 65_536) return new ArrayBuffer(bytes);
    let at = -1;
    let best = Infinity;
    spare.forEach((ref, i) => {
      const size = ref.deref()?.byteLength ?? 0;
      if (size >= bytes && size < best) [at, best] = [i, size];
    });
    const buffer = at >= 0 ? spare.splice(at, 1)[0]!.deref()! : new ArrayBuffer(2 ** Math.ceil(Math.log2(bytes)));
    this.#taken.push(buffer);
    return buffer;
  }

  /** Gives back an array taken here, or all of them (and forgets those a collection took). */
  give(array?: Float64Array | Int32Array): void {
    const taken = this.#taken;
    const i = array ? taken.indexOf(array.buffer as ArrayBuffer) : 0;
    if (i < 0) return;
    for (const buffer of taken.splice(i, array ? 1 : taken.length)) spare.push(new WeakRef(buffer));
    if (!array) spare.splice(0, spare.length, ...spare.filter((ref) => ref.deref()));
  }
}

/** A list of numbers in scratch memory, growing by doubling. */
class Vector {
  length = 0;
  values: Float64Array;
  #scratch: Scratch;
  constructor(scratch: Scratch) {
    this.#scratch = scratch;
    this.values = scratch.f64(16);
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const values = this.#scratch.f64(2 * this.length);
      values.set(this.values);
      this.#scratch.give(this.values);
      this.values = values;
    }
    this.values[this.length++] = value;
  }

  /** The median of the values (rearranging them): see `medianOf`. */
  median(): number | null {
    return medianOf(this.values, 0, this.length);
  }
}

/**
 * The median of `values[lo..hi)` (the mean of the two middle values when the count is even), by
 * selection (linear), rearranging them; `null` for none.
 */
function medianOf(values: Float64Array, lo: number, hi: number): number | null {
  const n = hi - lo;
  if (n <= 0) return null;
  const mid = lo + (n >> 1);
  const upper = select(values, mid, lo, hi - 1);
  if (n % 2) return upper;
  // Everything before `mid` is now at most the upper middle value: the lower one is their largest.
  let lower = values[lo]!;
  for (let i = lo + 1; i < mid; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}
/** The median (the mean of the two middle values when the count is even) of values, on a copy; `null` for none. */
export const medianOrNull = (values: readonly number[]): number | null => medianOf(Float64Array.from(values), 0, values.length);
/** The median and p90 (nearest rank) of `values[lo..hi)`, rearranging them. */
function spread(values: Float64Array, lo: number, hi: number): { medianMs: number | null; p90Ms: number | null } {
  const medianMs = medianOf(values, lo, hi);
  return { medianMs, p90Ms: medianMs === null ? null : select(values, lo + Math.ceil(0.9 * (hi - lo)) - 1, lo, hi - 1) };
}

/**
 * The commits a release carries, checked, into `into` from index 0 (its trigger commit, then
 * `notes.commits`; entries after them are left from other releases), and how many.
 */
function commitsOf(release: Json, r: number, into: Json[]): number {
  let n = 0;
  const commit = isObject(release.trigger) ? release.trigger.commit : undefined;
  if (commit !== undefined && commit !== null) into[n++] = checkCommit(commit, r, -1);
  const notes = release.notes;
  if (notes === undefined || notes === null) return n;
  if (!isObject(notes)) throw new ReleaseDataError('Release notes must be an object', `$[${r}].notes`, notes);
  const commits = notes.commits;
  if (commits === undefined || commits === null) return n;
  if (!Array.isArray(commits)) throw new ReleaseDataError('Release notes must be lists', `$[${r}].notes.commits`, commits);
  for (let c = 0; c < commits.length; c++) into[n++] = checkCommit(commits[c], r, c);
  return n;
}
/** Where commit `c` of the `length` that `commitsOf` read is: its index in `notes.commits`, −1 for the trigger's. */
const noteIndex = (release: Json, c: number, length: number): number =>
  c - length + (((release.notes as Json | null | undefined)?.commits as unknown[] | null | undefined)?.length ?? 0);
/** The SHA of commit `c` of those `commitsOf` read from a release. */
function shaAt(release: Json, c: number): string {
  const trigger = isObject(release.trigger) ? release.trigger.commit : undefined;
  const first = trigger === undefined || trigger === null ? 0 : 1;
  return ((c < first ? trigger : ((release.notes as Json).commits as Json[])[c - first]) as Json).sha as string;
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
 * `options.to` is given. Runs anywhere (no DOM). Keeps the scratch memory a long history needed
 * for the next call (weakly: a full garbage collection frees it).
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

  // One pass over every release, doing all a release needs while its objects are at hand (on a
  // long history, walking the objects again costs more than what is done with them): check its
  // shape, read its creation time and classify its deployment; for a release created in the
  // window, or a successful deployment of the window, read its environments once and count them
  // or follow its value stream; for a successful deployment of either window, read its commits.
  // Each part is a method of its own, which V8 optimizes once for every call.
  const scratch = new Scratch();
  try {
    const list = releases as unknown as readonly Json[];
    const history = new History(list, isTarget, scratch);
    const { created, outcome, at, targetOf } = history;
    const environments = new Environments(list);
    const stats = new EnvironmentStats(list, environments, scratch);
    const stream = new ValueStream(environments, targetOf, scratch);
    const changes = new Changes(list, at, scratch);
    // Deployments of the two windows, and successful ones from the earlier window's start on (a
    // recovery is the first success after a failure, so nothing before can be one).
    const current = new Vector(scratch);
    const previous = new Vector(scratch);
    const successes = new Vector(scratch);
    /** The current window's failed deployments, with the target that failed (read while the release is at hand). */
    const failures: Array<[number, string]> = [];
    for (let r = 0; r < list.length; r++) {
      const createdAt = history.check(r);
      const inWindow = createdAt >= from && createdAt < to;
      if (inWindow) environments.load(r);
      history.classify(r, inWindow && environments);
      const time = at[r]!;
      const deployed = outcome[r] === SUCCEEDED && time >= from && time < to;
      if (deployed && !inWindow) environments.load(r);
      if (inWindow) stats.add(r, createdAt);
      if (deployed) stream.add(r, createdAt);
      if (outcome[r] === FAILED && time >= from && time < to) failures.push([r, (list[r]!.environments as Json[])[targetOf[r]!]!.name as string]);
      if (!outcome[r] || time < previousFrom) continue;
      if (outcome[r] === SUCCEEDED) successes.push(time);
      if (time < to) {
        (time < from ? previous : current).push(r);
        if (outcome[r] === SUCCEEDED) changes.add(r);
      }
    }
    const successTimes = successes.values.subarray(0, successes.length).sort();
    const recoveryOf = (time: number): number | null => {
      const next = bisectRight(successTimes, time);
      return next < successTimes.length ? successTimes[next]! - time : null;
    };
    // Which of the windows' commits had reached the target before, and the others' lead times.
    changes.before(outcome, previousFrom);

    // The windows' lead times side by side: the current window's bucket by bucket (a counting
    // sort), then the previous window's; each median is selected in place, the buckets' first.
    const starts = bucketStarts(bucket, from, to);
    const buckets = starts.length;
    /** Bucket b's lead times end at `ends[b + 1]`; the previous window's at `ends[buckets + 1]`. */
    const ends = new Int32Array(buckets + 2);
    const succeeded = new Int32Array(buckets);
    const failed = new Int32Array(buckets);
    const bucketOf = scratch.i32(current.length);
    const changed = (r: number) => changes.to[r]! - changes.from[r]!;
    for (let k = 0; k < current.length; k++) {
      const r = current.values[k]!;
      const b = (bucketOf[k] = bisectRight(starts, at[r]!) - 1);
      if (outcome[r] === SUCCEEDED) succeeded[b]!++;
      else failed[b]!++;
      ends[b + 1]! += changed(r);
    }
    for (let k = 0; k < previous.length; k++) ends[buckets + 1]! += changed(previous.values[k]!);
    for (let b = 0; b <= buckets; b++) ends[b + 1]! += ends[b]!;
    const leads = scratch.f64(ends[buckets + 1]!);
    const next = ends.slice();
    const place = (r: number, b: number) => {
      for (let i = changes.from[r]!; i < changes.to[r]!; i++) leads[next[b]!++] = changes.leadTimes.values[i]!;
    };
    for (let k = 0; k < current.length; k++) place(current.values[k]!, bucketOf[k]!);
    for (let k = 0; k < previous.length; k++) place(previous.values[k]!, buckets);
    // A bucket ends where the next starts: one string for both.
    const bounds = [...starts, to].map(iso);
    const series = starts.map(
      (_, b): DeliverySeriesPoint => ({
        from: bounds[b]!,
        to: bounds[b + 1]!,
        deployments: succeeded[b]!,
        failed: failed[b]!,
        medianLeadTimeMs: medianOf(leads, ends[b]!, ends[b + 1]!),
      }),
    );

    const keysOf = (deployments: Vector, start: number, end: number, lo: number, hi: number): DeliveryKeys => {
      const windowDays = (end - start) / DAY;
      let succeeded = 0;
      const recoveries = new Vector(scratch);
      let unrecovered = 0;
      for (let k = 0; k < deployments.length; k++) {
        const r = deployments.values[k]!;
        if (outcome[r] === SUCCEEDED) succeeded++;
        else {
          const recovery = recoveryOf(at[r]!);
          if (recovery === null) unrecovered++;
          else recoveries.push(recovery);
        }
      }
      const failed = deployments.length - succeeded;
      const perDay = succeeded / windowDays;
      return {
        window: { from: iso(start), to: iso(end), days: windowDays },
        deploymentFrequency: { deployments: succeeded, perDay, perWeek: perDay * 7 },
        changeLeadTime: { ...spread(leads, lo, hi), changes: hi - lo },
        changeFailRate: { rate: deployments.length ? failed / deployments.length : null, failed, deployments: deployments.length },
        failedDeploymentRecoveryTime: { medianMs: recoveries.median(), recoveries: recoveries.length, unrecovered },
      };
    };

    return {
      ...keysOf(current, from, to, 0, ends[buckets]!),
      previous: keysOf(previous, previousFrom, from, ends[buckets]!, ends[buckets + 1]!),
      ...stats.result(),
      series,
      failedDeployments: failures
        .sort(([a], [b]) => at[b]! - at[a]! || compareIds(releases[a]!, releases[b]!) || created[b]! - created[a]!)
        .map(([r, environment]): FailedDeployment => ({ release: releases[r]!, at: iso(at[r]!), environment, recoveryMs: recoveryOf(at[r]!) })),
      valueStream: stream.result(created, changes.oldest),
    };
  } finally {
    scratch.give();
  }
}

const compareIds = (a: Release, b: Release): number => {
  const x = String(a.id);
  const y = String(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
};
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Where the series' buckets start: UTC days or weeks (from Monday), the first clipped to `from`. */
function bucketStarts(bucket: 'day' | 'week', from: number, to: number): number[] {
  // UTC days start at multiples of DAY; 1970-01-01 was a Thursday, so Mondays are 3 days later.
  const size = bucket === 'week' ? 7 * DAY : DAY;
  const shift = bucket === 'week' ? 4 * DAY : 0;
  const starts = [from];
  for (let start = Math.floor((from - shift) / size) * size + shift + size; start < to; start += size) starts.push(start);
  return starts;
}

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

/** What the first pass finds in each release: see `check` and `classify`. */
class History {
  readonly created: Float64Array;
  /** 0 no deployment (or still running), SUCCEEDED or FAILED. */
  readonly outcome: Int32Array;
  /** A deployment's time. */
  readonly at: Float64Array;
  /** A failed deployment's first failed target; a successful one's target that finished last (−1 when none has a `finishedAt`). */
  readonly targetOf: Int32Array;
  #releases: readonly Json[];
  #isTarget: (env: Json, release: Json) => boolean;

  constructor(releases: readonly Json[], isTarget: (env: Json, release: Json) => boolean, scratch: Scratch) {
    this.#releases = releases;
    this.#isTarget = isTarget;
    this.created = scratch.f64(releases.length);
    this.outcome = scratch.i32(releases.length);
    this.at = scratch.f64(releases.length);
    this.targetOf = scratch.i32(releases.length);
  }

  /** Checks release `r`'s shape and returns its creation time. */
  check(r: number): number {
    const release: unknown = this.#releases[r];
    if (!isObject(release)) throw new ReleaseDataError('A release must be an object', `$[${r}]`, release);
    const environments = release.environments;
    if (!Array.isArray(environments)) throw new ReleaseDataError('A release needs a list of environments', `$[${r}].environments`, environments);
    const createdAt = timeAt(release.createdAt, r, -1, 'createdAt');
    if (createdAt === undefined) throw new ReleaseDataError('A release needs a creation time', `$[${r}].createdAt`, release.createdAt, 'an ISO-8601 date-time string');
    for (let e = 0; e < environments.length; e++) {
      const env: unknown = environments[e];
      if (!isObject(env)) throw new ReleaseDataError('An environment must be an object', envPath(r, e), env);
      const name = env.name;
      if (typeof name !== 'string' || name === '') throw new ReleaseDataError('An environment needs a name', `${envPath(r, e)}.name`, name);
    }
    return (this.created[r] = createdAt);
  }

  /**
   * Classifies release `r`'s deployment (checked): of its environments' times only the targets'
   * are read, from `table` when it has loaded the release.
   */
  classify(r: number, table: Environments | false): void {
    const release = this.#releases[r]!;
    const environments = release.environments as Json[];
    /** The `finishedAt` of environment `e` (NaN when absent). */
    const finishedAt = (e: number): number => (table ? table.finished[e]! : (timeAt(environments[e]!.finishedAt, r, e, 'finishedAt') ?? NaN));
    this.outcome[r] = 0;
    this.at[r] = NaN;
    let started = false;
    let allSucceeded = true;
    let failed = -1;
    let last = -1;
    let latest = -Infinity;
    for (let e = 0; e < environments.length; e++) {
      const env = environments[e]!;
      if (!this.#isTarget(env, release)) continue;
      const p = table ? table.phase[e]! : phase(env.status);
      if (p === NOT_STARTED) continue;
      started = true;
      if (p === FAILED) {
        if (failed < 0) failed = e;
      } else if (p === SUCCEEDED) {
        if (failed < 0) {
          const finished = finishedAt(e);
          if (finished > latest) {
            latest = finished;
            last = e;
          }
        }
      } else allSucceeded = false;
    }
    if (!started) return;
    if (failed >= 0) {
      const finished = finishedAt(failed);
      this.outcome[r] = FAILED;
      this.targetOf[r] = failed;
      this.at[r] = finished === finished ? finished : latestKnown(release, r);
    } else if (allSucceeded) {
      this.outcome[r] = SUCCEEDED;
      this.targetOf[r] = last;
      this.at[r] = last >= 0 ? latest : latestKnown(release, r);
    }
  }
}

/**
 * The changes the windows' successful deployments brought (see `computeDeliveryMetrics`). `add`
 * reads a deployment's commits (once): each SHA gets a number and the earliest success time
 * that carried it, and the deployment keeps each SHA's first commit with a date. `before` looks
 * at older releases for those SHAs and keeps, as lead times, the commits whose SHA first reached
 * the target with their deployment: release r's from `from[r]` to `to[r]` in `leadTimes`, with
 * the oldest of their dates (NaN without one).
 */
class Changes {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly oldest: Float64Array;
  /** Each kept commit's date, then (after `before`) the lead times. */
  readonly leadTimes: Vector;
  /** Each kept commit's SHA number. */
  #shas: Vector;
  #numbers: Shas;
  /** By SHA number: the earliest success time that carried it, and 1 + the last deployment that kept it. */
  #reached: Vector;
  #counted: Vector;
  #commits: Json[] = [];
  #releases: readonly Json[];
  #at: Float64Array;

  constructor(releases: readonly Json[], at: Float64Array, scratch: Scratch) {
    this.#releases = releases;
    this.#at = at;
    this.from = scratch.i32(releases.length).fill(0);
    this.to = scratch.i32(releases.length).fill(0);
    this.oldest = scratch.f64(releases.length).fill(NaN);
    this.#numbers = new Shas(releases, scratch);
    this.leadTimes = new Vector(scratch);
    this.#shas = new Vector(scratch);
    this.#reached = new Vector(scratch);
    this.#counted = new Vector(scratch);
  }

  /** Reads the commits of release `r`, a successful deployment of the windows. */
  add(r: number): void {
    const commits = this.#commits;
    const reached = this.#reached;
    const counted = this.#counted;
    const time = this.#at[r]!;
    const release = this.#releases[r]!;
    const length = commitsOf(release, r, commits);
    this.from[r] = this.#shas.length;
    for (let c = 0; c < length; c++) {
      const commit = commits[c]!;
      const n = this.#numbers.find(commit.sha as string, r, c);
      if (n === reached.length) {
        reached.push(time);
        counted.push(0);
      } else if (time < reached.values[n]!) reached.values[n] = time;
      if (counted.values[n] === r + 1) continue;
      const date = readTime(commit.date);
      if (date !== date) badTime(`${commitPath(r, noteIndex(release, c, length))}.date`, commit.date);
      if (date === undefined) continue;
      counted.values[n] = r + 1;
      this.#shas.push(n);
      this.leadTimes.push(date);
    }
    this.to[r] = this.#shas.length;
  }

  /** See the class. */
  before(outcome: Int32Array, previousFrom: number): void {
    const { from, to, oldest } = this;
    const at = this.#at;
    const reached = this.#reached.values;
    const numbers = this.#numbers;
    // Older deployments carry many SHAs, and the windows' are often few: then a Map of those
    // answers sooner (V8 keeps each string's hash, so a SHA is hashed once, not once a call).
    let known: Map<string, number> | undefined;
    for (let r = 0; r < from.length && numbers.size; r++) {
      const time = at[r]!;
      if (outcome[r] !== SUCCEEDED || !(time < previousFrom)) continue;
      known ??= numbers.size < 65_536 ? numbers.map() : undefined;
      const length = commitsOf(this.#releases[r]!, r, this.#commits);
      for (let c = 0; c < length; c++) {
        const sha = this.#commits[c]!.sha as string;
        const n = known ? (known.get(sha) ?? -1) : numbers.find(sha);
        if (n >= 0 && time < reached[n]!) reached[n] = time;
      }
    }
    // Kept in place: ranges are in release order, so writing never overtakes reading.
    const values = this.leadTimes.values;
    const shas = this.#shas.values;
    let kept = 0;
    for (let r = 0; r < from.length; r++) {
      const start = kept;
      for (let i = from[r]!; i < to[r]!; i++) {
        const date = values[i]!;
        if (reached[shas[i]!] !== at[r]) continue;
        values[kept++] = nonNegative(at[r]! - date);
        if (!(date >= oldest[r]!)) oldest[r] = date;
      }
      from[r] = start;
      to[r] = kept;
    }
    this.leadTimes.length = kept;
  }
}

/**
 * Numbers for SHAs, in the order they are first found: an open-addressing hash table in scratch
 * memory. A `Map` of a million random SHAs took 0.7 s on the 2-core machine, most of it growing
 * through fresh memory and following its chains; here a lookup reads the SHA once (the hash
 * takes every character, so no choice of SHAs makes them collide more than chance) and, most
 * often, one slot. Equal hashes are told apart by the SHA, read again where it was found.
 */
class Shas {
  size = 0;
  /** Pairs of 1 + a number (0 for none) and its hash. */
  #slots: Int32Array;
  /** By number: the release and `commitsOf` index it was found at. */
  #where: Vector;
  #releases: readonly Json[];
  #scratch: Scratch;

  constructor(releases: readonly Json[], scratch: Scratch) {
    this.#releases = releases;
    this.#scratch = scratch;
    this.#slots = scratch.i32(2048).fill(0);
    this.#where = new Vector(scratch);
  }

  /**
   * The number of `sha`; when it has none, a new one (`size` before the call) if `r` and `c` say
   * where it was found, else −1.
   */
  find(sha: string, r = -1, c = 0): number {
    // FNV-1a, then a finalizer that spreads it over the low bits.
    let hash = -2128831035;
    for (let i = 0; i < sha.length; i++) hash = Math.imul(hash ^ sha.charCodeAt(i), 16777619);
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
    hash ^= hash >>> 12;
    const slots = this.#slots;
    const where = this.#where.values;
    const mask = slots.length - 2;
    for (let i = (hash << 1) & mask; ; i = (i + 2) & mask) {
      const n = slots[i]! - 1;
      if (n < 0) {
        if (r < 0) return -1;
        slots[i] = ++this.size;
        slots[i + 1] = hash;
        this.#where.push(r);
        this.#where.push(c);
        if (this.size * 4 > slots.length) this.#grow();
        return this.size - 1;
      }
      if (slots[i + 1] === hash && shaAt(this.#releases[where[2 * n]!]!, where[2 * n + 1]!) === sha) return n;
    }
  }

  /** The SHAs and their numbers. */
  map(): Map<string, number> {
    const where = this.#where.values;
    const map = new Map<string, number>();
    for (let n = 0; n < this.size; n++) map.set(shaAt(this.#releases[where[2 * n]!]!, where[2 * n + 1]!), n);
    return map;
  }

  /** Twice the slots, each number placed again by its hash. */
  #grow(): void {
    const old = this.#slots;
    const slots = (this.#slots = this.#scratch.i32(2 * old.length).fill(0));
    const mask = slots.length - 2;
    for (let j = 0; j < old.length; j += 2) {
      if (!old[j]) continue;
      let i = (old[j + 1]! << 1) & mask;
      while (slots[i]) i = (i + 2) & mask;
      slots[i] = old[j]!;
      slots[i + 1] = old[j + 1]!;
    }
    this.#scratch.give(old);
  }
}

/**
 * The environments of one release at a time, read once into small arrays reused from release to
 * release: name as a small number (one `Map` from name to number for the call), phase and times
 * (NaN when absent); and, once `depend` has checked its `dependsOn`, which of them finished last.
 */
class Environments {
  /** The names, by number. */
  readonly names: string[] = [];
  readonly numbers = new Map<string, number>();
  name = new Int32Array(16);
  phase = new Int32Array(16);
  started = new Float64Array(16);
  finished = new Float64Array(16);
  /** 0 until `depend` has read it, then 3 + `depend`'s answer. */
  #after = new Int32Array(16);
  #r = -1;
  #environments: Json[] = [];
  #byName: Map<unknown, number> | undefined;
  #releases: readonly Json[];

  constructor(releases: readonly Json[]) {
    this.#releases = releases;
  }

  /** Reads release `r`'s environments. */
  load(r: number): void {
    const environments = (this.#environments = this.#releases[r]!.environments as Json[]);
    const n = environments.length;
    if (n > this.name.length) {
      this.name = new Int32Array(2 * n);
      this.phase = new Int32Array(2 * n);
      this.started = new Float64Array(2 * n);
      this.finished = new Float64Array(2 * n);
      this.#after = new Int32Array(2 * n);
    }
    this.#r = r;
    this.#byName = undefined;
    for (let e = 0; e < n; e++) {
      const env = environments[e]!;
      this.started[e] = timeAt(env.startedAt, r, e, 'startedAt') ?? NaN;
      this.finished[e] = timeAt(env.finishedAt, r, e, 'finishedAt') ?? NaN;
      const name = env.name as string;
      let number = this.numbers.get(name);
      if (number === undefined) this.numbers.set(name, (number = this.names.push(name) - 1));
      this.name[e] = number;
      this.phase[e] = phase(env.status);
      this.#after[e] = 0;
    }
  }

  /**
   * Checks the `dependsOn` of environment `e`, once, and returns the index of the dependency
   * that finished last (the first of equals); −1 when none has a `finishedAt`, −2 when it depends
   * on nothing.
   */
  depend(e: number): number {
    const known = this.#after[e]!;
    if (known) return known - 3;
    const dependsOn = dependsOnOf(this.#environments[e]!, this.#r, e);
    let last = dependsOn.length ? -1 : -2;
    for (const name of dependsOn) {
      const d = this.#indexOf(name);
      const finished = d < 0 ? NaN : this.finished[d]!;
      if (finished === finished && (last < 0 || finished > this.finished[last]!)) last = d;
    }
    this.#after[e] = last + 3;
    return last;
  }

  /**
   * `startedAt` of environment `e` − the latest `finishedAt` of its `dependsOn` (`alone` when it
   * depends on nothing); NaN without both.
   */
  wait(e: number, alone: number): number {
    const d = this.depend(e);
    return this.started[e]! - (d >= 0 ? this.finished[d]! : d < -1 ? alone : NaN);
  }

  /** The index of the first environment named `name`; −1 when none is. */
  #indexOf(name: unknown): number {
    const environments = this.#environments;
    if (environments.length <= 16) {
      for (let e = 0; e < environments.length; e++) if (environments[e]!.name === name) return e;
      return -1;
    }
    if (!this.#byName) {
      this.#byName = new Map();
      for (let e = environments.length - 1; e >= 0; e--) this.#byName.set(environments[e]!.name, e);
    }
    return this.#byName.get(name) ?? -1;
  }
}

/** An environment's `dependsOn`, checked to be a list (absent reads as none). */
function dependsOnOf(env: Json, r: number, e: number): unknown[] {
  const dependsOn = env.dependsOn;
  if (dependsOn === undefined || dependsOn === null) return [];
  if (!Array.isArray(dependsOn)) throw new ReleaseDataError('An environment needs a list of dependencies', `${envPath(r, e)}.dependsOn`, dependsOn);
  return dependsOn;
}

/** Pushes `ms` (never negative) unless it is NaN. */
function pushTime(vector: Vector, ms: number): void {
  if (ms === ms) vector.push(nonNegative(ms));
}

interface EnvironmentAccumulator {
  runs: number;
  succeeded: number;
  failed: number;
  durations: Vector;
  waits: Vector;
}
interface StepAccumulator {
  failures: number;
  runs: number;
}

/** Per environment name and failing steps, over the releases `add`ed (those created in the window), each loaded just before. */
class EnvironmentStats {
  /** By name number; only for the names of these releases. */
  #accumulators: EnvironmentAccumulator[] = [];
  #steps: Array<Array<Map<string, StepAccumulator>>> = [];
  #newest = -1;
  #newestAt = NaN;
  #releases: readonly Json[];
  #table: Environments;
  #scratch: Scratch;

  constructor(releases: readonly Json[], table: Environments, scratch: Scratch) {
    this.#releases = releases;
    this.#table = table;
    this.#scratch = scratch;
  }

  add(r: number, createdAt: number): void {
    const table = this.#table;
    const release = this.#releases[r]!;
    if (this.#newest < 0 || createdAt > this.#newestAt || (createdAt === this.#newestAt && compareIds(release as unknown as Release, this.#releases[this.#newest] as unknown as Release) < 0)) {
      this.#newest = r;
      this.#newestAt = createdAt;
    }
    const environments = release.environments as Json[];
    for (let e = 0; e < environments.length; e++) {
      const n = table.name[e]!;
      const acc = (this.#accumulators[n] ??= { runs: 0, succeeded: 0, failed: 0, durations: new Vector(this.#scratch), waits: new Vector(this.#scratch) });
      const wait = table.wait(e, NaN);
      const p = table.phase[e]!;
      if (p !== NOT_STARTED) {
        acc.runs++;
        if (p === SUCCEEDED) acc.succeeded++;
        else if (p === FAILED) acc.failed++;
        pushTime(acc.durations, table.finished[e]! - table.started[e]!);
        pushTime(acc.waits, wait);
      }
      countSteps(environments[e]!, r, e, (this.#steps[n] ??= WORKFLOW_SECTIONS.map(() => new Map())));
    }
  }

  result(): { environments: EnvironmentMetrics[]; failingSteps: FailingStep[] } {
    const accumulators = this.#accumulators;
    const { names, numbers } = this.#table;
    // Flow order: the newest release's environments, then the others by name.
    const order: number[] = [];
    const placed: boolean[] = [];
    if (this.#newest >= 0) {
      for (const env of this.#releases[this.#newest]!.environments as Json[]) {
        const n = numbers.get(env.name as string)!;
        if (!placed[n]) order.push(n);
        placed[n] = true;
      }
    }
    const rest: number[] = [];
    accumulators.forEach((_, n) => {
      if (!placed[n]) rest.push(n);
    });
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
        medianDurationMs: acc.durations.median(),
        medianWaitMs: acc.waits.median(),
      };
    });

    const failingSteps: FailingStep[] = [];
    this.#steps.forEach((sections, n) =>
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
}

/** Counts the steps of one environment's workflows that started, and those that failed, by section and name. */
function countSteps(env: Json, r: number, e: number, sections: Array<Map<string, StepAccumulator>>): void {
  const workflows = env.workflows;
  if (workflows === undefined || workflows === null) return;
  if (!isObject(workflows)) throw new ReleaseDataError('Workflows must be an object', `${envPath(r, e)}.workflows`, workflows);
  for (let s = 0; s < WORKFLOW_SECTIONS.length; s++) {
    const list = workflows[WORKFLOW_SECTIONS[s]!];
    if (list === undefined || list === null) continue;
    // The path is built only when it is needed: a closure here would be made for every environment.
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

/** Whether `e` is among the first `length` of `path`. */
function onPath(path: Int32Array, length: number, e: number): boolean {
  for (let i = 0; i < length; i++) if (path[i] === e) return true;
  return false;
}

interface Stage {
  positions: number;
  paths: number;
  wait: Vector;
  run: Vector;
}

/** Where time goes (see `computeDeliveryMetrics`), over the deployments `add`ed, each loaded just before. */
class ValueStream {
  #deployments: Vector;
  /** By name number. */
  #stages: Stage[] = [];
  /** The path being followed, and its length. */
  #path = new Int32Array(16);
  #table: Environments;
  #targetOf: Int32Array;
  #scratch: Scratch;

  constructor(table: Environments, targetOf: Int32Array, scratch: Scratch) {
    this.#table = table;
    this.#targetOf = targetOf;
    this.#scratch = scratch;
    this.#deployments = new Vector(scratch);
  }

  add(r: number, createdAt: number): void {
    const table = this.#table;
    if (this.#path.length < table.name.length) this.#path = new Int32Array(table.name.length);
    const path = this.#path;
    this.#deployments.push(r);
    // From the succeeded target that finished last back through the dependency that finished
    // last, to one that depends on nothing (a cycle stops it).
    let length = 0;
    for (let e = this.#targetOf[r]!; e >= 0 && !onPath(path, length, e); e = table.depend(e)) path[length++] = e;
    for (let position = 0; position < length; position++) {
      const e = path[length - 1 - position]!;
      const stage = (this.#stages[table.name[e]!] ??= { positions: 0, paths: 0, wait: new Vector(this.#scratch), run: new Vector(this.#scratch) });
      stage.positions += position;
      stage.paths++;
      pushTime(stage.wait, table.wait(e, createdAt));
      pushTime(stage.run, table.finished[e]! - table.started[e]!);
    }
  }

  result(created: Float64Array, oldestChange: Float64Array): ValueStreamStage[] {
    const deployments = this.#deployments;
    if (deployments.length === 0) return [];
    const commit = new Vector(this.#scratch);
    for (let k = 0; k < deployments.length; k++) {
      const r = deployments.values[k]!;
      pushTime(commit, created[r]! - oldestChange[r]!);
    }
    const out: ValueStreamStage[] = commit.length ? [{ kind: 'commit', medianMs: commit.median()! }] : [];
    const ordered: Array<[string, Stage]> = [];
    this.#stages.forEach((stage, n) => ordered.push([this.#table.names[n]!, stage]));
    ordered.sort(([a, x], [b, y]) => x.positions / x.paths - y.positions / y.paths || compareText(a, b));
    for (const [environment, stage] of ordered) {
      if (stage.wait.length) out.push({ kind: 'wait', environment, medianMs: stage.wait.median()! });
      if (stage.run.length) out.push({ kind: 'run', environment, medianMs: stage.run.median()! });
    }
    return out;
  }
}
