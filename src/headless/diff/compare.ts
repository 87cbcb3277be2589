import { ReleaseDataError, isReleaseDataError } from '../adapters/errors';
import { STATUSES } from '../model/status';
import type { Release, Status } from '../model/types';
import { compileReleaseNotes, type CompileOptions, type CompiledReleaseNotes, type NoteItem } from '../notes/compile';
import { orderReleasePair } from '../table/selection';
import { diffReleases, type DiffChange, type ReleaseDiffResult } from './diff';

/** One environment as one release left it. */
export interface EnvironmentSnapshot {
  /** The environment's status in that release (`unknown` for a word outside the vocabulary). */
  status: Status;
  /** The versions its applications report, each once, in the applications' order; empty when none reports one. */
  versions: string[];
}

/** One environment, in the older release and in the newer one. */
export interface EnvironmentComparison {
  /** The environment's name. */
  name: string;
  /**
   * `added` / `removed` when only one release has it; `changed` when any of its applications
   * changed (as `diffReleases` says) or its status differs; else `unchanged`.
   */
  change: DiffChange;
  /** In the older release; absent when it did not have the environment. */
  before?: EnvironmentSnapshot;
  /** In the newer release; absent when it does not have the environment. */
  after?: EnvironmentSnapshot;
  /** Both have it and the statuses differ. */
  statusChanged: boolean;
  /** Both have it and its applications' versions differ. */
  versionChanged: boolean;
}

/** `compareReleases`'s options: `compileReleaseNotes`'s, and the product's history. */
export interface CompareReleasesOptions extends CompileOptions {
  /**
   * The product's history, in any order (the two compared may be in it or not). The releases
   * created after the older one and up to the newer one carried changes too; their notes are
   * compiled with the newer's so nothing promoted in between is missed.
   * @default undefined (the newer release's notes only)
   */
  releases?: readonly Release[];
}

/** What changes if the newer of two releases replaces the older one. */
export interface ReleaseComparisonResult {
  /** The earlier of the two by `createdAt` (a missing date is the earliest; equal dates keep the order given). */
  older: Release;
  /** The later of the two. */
  newer: Release;
  /** The two are one release (the same object, or the same id): nothing changes. */
  same: boolean;
  /** Per environment and application: `diffReleases(older, newer)`. */
  diff: ReleaseDiffResult;
  /** Every environment of either release, in the diff's order (the newer's, then removed ones). */
  environments: EnvironmentComparison[];
  /**
   * The releases whose notes were compiled: `newer`, then the releases between the two from
   * `options.releases`, newest first; none when `same`.
   */
  releases: Release[];
  /**
   * The images, issues, pull requests and commits the newer release (and those between) carry
   * and the older one does not, each listed once (by image reference, issue key, pull request
   * repository and id, commit SHA): what a promotion from the older to the newer brings.
   */
  notes: CompiledReleaseNotes;
}

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null;
const STATUS_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(STATUSES);
const timeOf = (release: Release): number => {
  const time = typeof release.createdAt === 'string' ? Date.parse(release.createdAt) : NaN;
  return Number.isNaN(time) ? -Infinity : time;
};

/** The item's identity across releases, as `compileReleaseNotes` merges them. */
const itemKey = (item: NoteItem): string =>
  item.kind === 'image'
    ? `i${item.reference}`
    : item.kind === 'issue'
      ? `k${item.key}`
      : item.kind === 'pull-request'
        ? `p${JSON.stringify([item.repo ?? '', item.id])}`
        : `c${item.sha}`;

/** A ReleaseDataError again, its path's root (`$.previous`, `$[2]`, …) replaced. */
function rethrowAt(error: unknown, rewrite: (path: string) => string | undefined): never {
  if (!isReleaseDataError(error)) throw error;
  const path = rewrite(error.path);
  if (path === undefined) throw error;
  const { message, value } = error;
  const cut = message.indexOf(` (at ${error.path}`);
  throw new ReleaseDataError(cut < 0 ? message : message.slice(0, cut), path, value, error.expected);
}

function snapshots(release: Release): Map<string, EnvironmentSnapshot> {
  const out = new Map<string, EnvironmentSnapshot>();
  for (const environment of release.environments as unknown[]) {
    // diffReleases has checked the names; the rest of an environment is read leniently.
    if (!isObject(environment) || typeof environment.name !== 'string' || out.has(environment.name)) continue;
    const status = typeof environment.status === 'string' && STATUS_SET.has(environment.status) ? (environment.status as Status) : 'unknown';
    const versions = new Set<string>();
    for (const app of Array.isArray(environment.applications) ? (environment.applications as unknown[]) : []) {
      if (isObject(app) && typeof app.version === 'string' && app.version !== '') versions.add(app.version);
    }
    out.set(environment.name, { status, versions: [...versions] });
  }
  return out;
}

const sameVersions = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((version, i) => version === b[i]);

/**
 * Compares two releases of a product, in either order: which is older (`createdAt`), what
 * changed per environment (status and versions before and after) and per application
 * (`diffReleases`), and the notes a promotion from the older to the newer brings: the images,
 * issues, pull requests and commits of the newer release, and with `options.releases` of every
 * release created after the older up to the newer, that the older release's notes do not list.
 * Comparing a release with itself gives `same: true` and no notes.
 *
 * Raises `ReleaseDataError` with a path naming the argument: `$.a` / `$.b` for the two releases
 * (not an object, no list of environments, an environment without a name or named twice, notes
 * that are not lists of objects), `$.options.releases` when it is not a list and
 * `$.options.releases[3]` for one of its items that is not an object or has bad notes. Releases
 * in `options.releases` with no readable `createdAt` cannot be placed between the two and are
 * left out.
 */
export function compareReleases(a: Release, b: Release, options: CompareReleasesOptions = {}): ReleaseComparisonResult {
  const { releases: history, ...compileOptions } = options;
  for (const [release, path] of [[a, '$.a'], [b, '$.b']] as const) {
    if (!isObject(release) || Array.isArray(release)) throw new ReleaseDataError('A release must be an object', path, release);
  }
  if (history !== undefined && !Array.isArray(history)) throw new ReleaseDataError('Releases must be a list', '$.options.releases', history);
  const [older, newer] = orderReleasePair(a, b);
  const pathOf = new Map<Release, string>([
    [older, older === a ? '$.a' : '$.b'],
    [newer, newer === a ? '$.a' : '$.b'],
  ]);
  let diff: ReleaseDiffResult;
  try {
    diff = diffReleases(older, newer);
  } catch (error) {
    rethrowAt(error, (path) => {
      const match = /^\$\.(previous|next)/.exec(path);
      return match ? pathOf.get(match[1] === 'previous' ? older : newer)! + path.slice(match[0].length) : undefined;
    });
  }
  const same = older === newer || (typeof older.id === 'string' && older.id === newer.id);

  // Between: after the older, up to the newer, neither of the two, each id once.
  const between: Array<{ release: Release; path: string; time: number }> = [];
  if (history && !same) {
    const [from, to] = [timeOf(older), timeOf(newer)];
    const seen = new Set<unknown>([older.id, newer.id]);
    history.forEach((release: unknown, index) => {
      const path = `$.options.releases[${index}]`;
      if (!isObject(release) || Array.isArray(release)) throw new ReleaseDataError('A release must be an object', path, release);
      const time = timeOf(release as unknown as Release);
      if (seen.has(release.id) || !(time > from && time <= to)) return;
      seen.add(release.id);
      between.push({ release: release as unknown as Release, path, time });
    });
    // Newest first; equal times keep the history's order.
    between.sort((x, y) => y.time - x.time);
  }
  const carriers = same ? [] : [{ release: newer, path: pathOf.get(newer)! }, ...between];
  const compile = (list: ReadonlyArray<{ release: Release; path: string }>, options: CompileOptions) => {
    try {
      return compileReleaseNotes(
        list.map((each) => each.release),
        options,
      );
    } catch (error) {
      rethrowAt(error, (path) => {
        const match = /^\$\[(\d+)\]/.exec(path);
        return match ? list[Number(match[1])]!.path + path.slice(match[0].length) : undefined;
      });
    }
  };
  const carried = compile(carriers, compileOptions);
  const before = compile([{ release: older, path: pathOf.get(older)! }], { issueKeys: compileOptions.issueKeys });
  const known = new Set<string>();
  for (const item of [...before.images, ...before.issues, ...before.pullRequests, ...before.commits]) known.add(itemKey(item));
  const fresh = <T extends NoteItem>(items: T[]) => items.filter((item) => !known.has(itemKey(item)));
  const images = fresh(carried.images);
  const issues = fresh(carried.issues);
  const pullRequests = fresh(carried.pullRequests);
  const commits = fresh(carried.commits);
  const kept = new Set<NoteItem>([...images, ...issues, ...pullRequests, ...commits]);
  const notes: CompiledReleaseNotes = {
    images,
    issues,
    pullRequests,
    commits,
    counts: { images: images.length, issues: issues.length, pullRequests: pullRequests.length, commits: commits.length, total: kept.size },
    ...(carried.groups && {
      groups: carried.groups.map((group) => ({ key: group.key, items: group.items.filter((item) => kept.has(item)) })).filter((group) => group.items.length > 0),
    }),
  };

  const was = snapshots(older);
  const is = snapshots(newer);
  const environments = diff.environments.map((environment): EnvironmentComparison => {
    const b4 = was.get(environment.name);
    const now = is.get(environment.name);
    const statusChanged = !!b4 && !!now && b4.status !== now.status;
    const versionChanged = !!b4 && !!now && !sameVersions(b4.versions, now.versions);
    const change: DiffChange = environment.change === 'unchanged' && (statusChanged || versionChanged) ? 'changed' : environment.change;
    return { name: environment.name, change, ...(b4 && { before: b4 }), ...(now && { after: now }), statusChanged, versionChanged };
  });

  return { older, newer, same, diff, environments, releases: carriers.map((each) => each.release), notes };
}
