import { ReleaseDataError, isReleaseDataError } from '../adapters/errors';
import { compileReleaseNotes, type CompileOptions, type CompiledReleaseNotes } from '../notes/compile';
import type { Release } from '../model/types';

export type DiffChange = 'added' | 'removed' | 'changed' | 'unchanged';
export type DiffField = 'version' | 'image' | 'commit';

/** What one release says an application runs in one environment. Missing values are left out. */
export interface ApplicationSnapshot {
  version?: string;
  /** The tag of the application's image in the release's notes (read from the reference when the tag is not given). */
  imageTag?: string;
  /** The image reference from the release's notes. */
  image?: string;
  commitSha?: string;
}

/** One application in one environment, before (previous release) and after (next release). */
export interface ApplicationDiff {
  environment: string;
  application: string;
  change: DiffChange;
  before?: ApplicationSnapshot;
  after?: ApplicationSnapshot;
  /** The fields that differ, in the order version, image, commit; empty unless `change` is `changed`. */
  fields: DiffField[];
}

export interface EnvironmentDiff {
  name: string;
  /** `added` / `removed` when only one release has it; `changed` when any of its applications is not `unchanged`. */
  change: DiffChange;
}

export interface ReleaseDiffResult {
  /** Environments in the next release's order, then removed ones in the previous release's order; applications by name. */
  entries: ApplicationDiff[];
  counts: Record<DiffChange, number>;
  environments: EnvironmentDiff[];
}

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null;
// Untyped data: anything but a non-empty string counts as missing, so odd values never throw.
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
// Code-unit order: the same on every machine and locale, unlike `localeCompare`.
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `registry[:port]/path[:tag][@digest]` → repository and tag. A colon before the last slash is a
 * registry port, not a tag.
 */
function splitReference(reference: string): [string, string?] {
  const name = reference.split('@')[0]!;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? [name.slice(0, colon), str(name.slice(colon + 1))] : [name];
}

/**
 * The image of `application` among a release's notes images. Notes may list several images for
 * one application (a sidecar, a migration job); the one whose repository is named after the
 * application is the application's own, so it wins, then one whose repository mentions the name,
 * else the first listed.
 */
function imageOf(images: readonly unknown[], application: string): Obj | undefined {
  const name = application.toLowerCase();
  let best: Obj | undefined;
  let bestScore = -1;
  for (const image of images) {
    if (!isObject(image) || image.application !== application) continue;
    const reference = str(image.reference);
    const repository = (str(image.repository) ?? (reference ? splitReference(reference)[0] : '')).toLowerCase();
    const score = repository.slice(repository.lastIndexOf('/') + 1) === name ? 2 : repository.includes(name) ? 1 : 0;
    if (score > bestScore) [best, bestScore] = [image, score];
  }
  return best;
}

/** Environment name → application name → snapshot, in the release's environment order. */
type Side = Map<string, Map<string, ApplicationSnapshot>>;

/**
 * Reads one release, checking only what the diff cannot do without (so a host learns where its
 * data is wrong): an object, a list of environments, each an object with a unique non-empty name
 * and a list of applications (missing = none). Everything else that is odd reads as missing.
 */
function read(release: unknown, path: string): Side {
  if (!isObject(release) || Array.isArray(release)) throw new ReleaseDataError('A release must be an object', path, release);
  const environments = release.environments;
  if (!Array.isArray(environments)) throw new ReleaseDataError('A release needs a list of environments', `${path}.environments`, environments);
  const notes = release.notes;
  const images: unknown[] = isObject(notes) && Array.isArray(notes.images) ? notes.images : [];
  const side: Side = new Map();
  environments.forEach((environment: unknown, e) => {
    const at = `${path}.environments[${e}]`;
    if (!isObject(environment)) throw new ReleaseDataError('An environment must be an object', at, environment);
    const name = environment.name;
    if (typeof name !== 'string' || name === '') throw new ReleaseDataError('An environment needs a name', `${at}.name`, name);
    // Two environments of one name would make the diff ambiguous: which one was deployed?
    if (side.has(name)) throw new ReleaseDataError(`Environment "${name}" appears twice`, `${at}.name`, name);
    const applications = environment.applications ?? [];
    if (!Array.isArray(applications)) throw new ReleaseDataError('An environment needs a list of applications', `${at}.applications`, applications);
    const apps = new Map<string, ApplicationSnapshot>();
    for (const app of applications as unknown[]) {
      const appName = isObject(app) ? str(app.name) : undefined;
      // A nameless application cannot be matched across releases; a repeated one keeps its first entry.
      if (!appName || apps.has(appName)) continue;
      const image = imageOf(images, appName);
      const reference = str(image?.reference);
      const snapshot: ApplicationSnapshot = {
        version: str((app as Obj).version),
        imageTag: str(image?.tag) ?? (reference && splitReference(reference)[1]),
        image: reference,
        commitSha: str((app as Obj).commitSha),
      };
      for (const key of Object.keys(snapshot) as Array<keyof ApplicationSnapshot>) if (snapshot[key] === undefined) delete snapshot[key];
      apps.set(appName, snapshot);
    }
    side.set(name, apps);
  });
  return side;
}

// A value missing on one side is unknown, not a change: a source that does not report versions,
// or notes that list only some images, must not make every application look changed.
const differs = (a?: string, b?: string) => a !== undefined && b !== undefined && a !== b;

/** SHAs compare case-insensitively, and a short SHA (7+ characters) matches the full one it abbreviates. */
function commitDiffers(a?: string, b?: string): boolean {
  if (a === undefined || b === undefined) return false;
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x !== y && !(Math.min(x.length, y.length) >= 7 && (x.startsWith(y) || y.startsWith(x)));
}

/**
 * What changed between two releases of a product, per environment and application: the version
 * and commit each environment reports for the application (`ApplicationState.version` /
 * `commitSha`), and the image tag the release's notes give for it. This answers "what will this
 * release change where" and "what did it change", which the two releases' pages alone do not.
 *
 * An environment in only one release gives `added` / `removed` entries for all its applications;
 * an application in only one release's environment, an `added` / `removed` entry. A field known on
 * one side only is not counted as a change. Raises `ReleaseDataError` (paths like
 * `$.previous.environments[2].name`) when a release is not an object, has no list of environments,
 * or an environment has no name, a repeated name, or applications that are not a list; any other
 * odd value (null, a number for a string) reads as missing.
 */
export function diffReleases(previous: Release, next: Release): ReleaseDiffResult {
  const before = read(previous, '$.previous');
  const after = read(next, '$.next');
  const entries: ApplicationDiff[] = [];
  const counts: Record<DiffChange, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const environments: EnvironmentDiff[] = [];
  for (const environment of [...after.keys(), ...[...before.keys()].filter((name) => !after.has(name))]) {
    const was = before.get(environment);
    const is = after.get(environment);
    let envChange: DiffChange = !was ? 'added' : !is ? 'removed' : 'unchanged';
    const names = [...new Set([...(was?.keys() ?? []), ...(is?.keys() ?? [])])].sort(byCode);
    for (const application of names) {
      const b = was?.get(application);
      const a = is?.get(application);
      const fields: DiffField[] = [];
      if (a && b) {
        if (differs(b.version, a.version)) fields.push('version');
        // A rebuilt image keeps its tag but not its reference (the digest changes).
        if (differs(b.imageTag, a.imageTag) || differs(b.image, a.image)) fields.push('image');
        if (commitDiffers(b.commitSha, a.commitSha)) fields.push('commit');
      }
      const change: DiffChange = !b ? 'added' : !a ? 'removed' : fields.length ? 'changed' : 'unchanged';
      if (change !== 'unchanged' && envChange === 'unchanged') envChange = 'changed';
      counts[change] += 1;
      entries.push({ environment, application, change, ...(b && { before: b }), ...(a && { after: a }), fields });
    }
    environments.push({ name: environment, change: envChange });
  }
  return { entries, counts, environments };
}

export interface EnvironmentChanges {
  environment: string;
  /** The newest release that succeeded in the environment; `undefined` when none did. */
  since: Release | undefined;
  /** The releases newer than `since` that include the environment, whatever their status; newest first. */
  releases: Release[];
  /** Their notes, each change listed once. */
  notes: CompiledReleaseNotes;
}

/**
 * Everything on its way to an environment since the last release that succeeded there: the
 * newer releases that include it, running, failed or queued alike (a failed release's changes
 * have not reached it, and will come with the next one), and their notes compiled together so a
 * change carried by several of them is listed once. This is what a reviewer approving a
 * promotion to `environment` needs, and no single release's notes give it.
 *
 * `releases` is one product's history in any order; it is sorted by `createdAt`, newest first
 * (ties keep their input order; a missing or unreadable date sorts last). With no success in the
 * environment, every release that includes it counts. `options` go to `compileReleaseNotes`.
 * Raises `ReleaseDataError` when `releases` is not a list (`$`), an item is not an object
 * (`$[i]`), `environment` is not a non-empty string (`$.environment`), or notes cannot be compiled
 * (paths name the input's positions). Releases without a readable list of environments, and
 * environments that are not objects, are passed over.
 */
export function changesSinceLastRelease(releases: readonly Release[], environment: string, options: CompileOptions = {}): EnvironmentChanges {
  if (!Array.isArray(releases)) throw new ReleaseDataError('Releases must be a list', '$', releases);
  if (typeof environment !== 'string' || environment === '') throw new ReleaseDataError('An environment name must be a non-empty string', '$.environment', environment);
  const sorted = releases
    .map((release: unknown, index) => {
      if (!isObject(release)) throw new ReleaseDataError('A release must be an object', `$[${index}]`, release);
      const time = typeof release.createdAt === 'string' ? Date.parse(release.createdAt) : NaN;
      return { release: release as unknown as Release, index, time: Number.isNaN(time) ? -Infinity : time };
    })
    .sort((a, b) => b.time - a.time || 0);
  let since: Release | undefined;
  const list: Release[] = [];
  const positions: number[] = [];
  for (const { release, index } of sorted) {
    const environments: unknown = release.environments;
    const step = Array.isArray(environments) ? environments.find((e: unknown): e is Obj => isObject(e) && e.name === environment) : undefined;
    if (!step) continue;
    if (step.status === 'succeeded') {
      since = release;
      break;
    }
    list.push(release);
    positions.push(index);
  }
  try {
    return { environment, since, releases: list, notes: compileReleaseNotes(list, options) };
  } catch (error) {
    // compileReleaseNotes names positions in `list`; the caller knows its own `releases`.
    const match = isReleaseDataError(error) && /^\$\[(\d+)\]/.exec(error.path);
    if (!match) throw error;
    const { message, path, value } = error as ReleaseDataError;
    const cut = message.indexOf(` (at ${path}: `);
    throw new ReleaseDataError(cut < 0 ? message : message.slice(0, cut), `$[${positions[Number(match[1])]}]${path.slice(match[0].length)}`, value);
  }
}
