import { ReleaseDataError } from '../adapters/errors';
import { safeHref, shortSha } from '../model/links';
import type { Commit, Person, PullRequest, Release, ReleaseImage, ReleaseIssueRef } from '../model/types';

/** A piece of a title: plain text, or an issue key found in it (a link when a resolver knows it). */
export type TextPart = { text: string; issue?: undefined; href?: undefined } | { text: string; issue: string; href?: string };

/** Where a change went: every application and environment it touched, in every release compiled. */
export interface NoteScope {
  applications: string[];
  environments: string[];
  /** Ids of the releases that carried it. */
  releases: string[];
  /** How many times the sources listed it (the reference view shows each one; we show it once). */
  occurrences: number;
}

export interface NoteImage extends NoteScope, Omit<ReleaseImage, 'application'> {
  kind: 'image';
}
export interface NoteIssue extends NoteScope, Omit<ReleaseIssueRef, 'application'> {
  kind: 'issue';
}
export interface NotePullRequest extends NoteScope, Omit<PullRequest, 'application'> {
  kind: 'pull-request';
  titleParts: TextPart[];
  change: ConventionalChange | undefined;
}
export interface NoteCommit extends NoteScope, Omit<Commit, 'application'> {
  kind: 'commit';
  shortSha: string;
  /** The message's first line. */
  title: string;
  titleParts: TextPart[];
  change: ConventionalChange | undefined;
}
export type NoteItem = NoteImage | NoteIssue | NotePullRequest | NoteCommit;

/** A conventional-commit header (`feat(api)!: add retries`), when the title is one. */
export interface ConventionalChange {
  type: string;
  scope?: string;
  breaking: boolean;
  subject: string;
}

export interface NoteGroup {
  /** `breaking`, `feat`, `fix`, … `other` by type; an application's name, or `''` for none, by application. */
  key: string;
  items: NoteItem[];
}

export interface CompiledReleaseNotes {
  images: NoteImage[];
  issues: NoteIssue[];
  pullRequests: NotePullRequest[];
  commits: NoteCommit[];
  /** Distinct items per group, and all of them. */
  counts: { images: number; issues: number; pullRequests: number; commits: number; total: number };
  /** With `groupBy`: the items grouped, in a reading order (breaking changes first). */
  groups?: NoteGroup[];
}

/** Finds issue keys in a title and says where each one lives. */
export interface IssueKeyResolver {
  /** A global regular expression; the whole match is the key. */
  pattern: RegExp;
  /** The key's URL; only http(s) URLs are kept. `undefined` leaves the key as text. */
  href: (key: string) => string | undefined;
}

/** Jira-style keys (`ABC-123`) under a Jira site, e.g. `https://acme.atlassian.net`. */
export function jiraKeys(baseUrl: string): IssueKeyResolver {
  const base = baseUrl.replace(/\/+$/, '');
  return { pattern: /\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b/g, href: (key) => `${base}/browse/${key}` };
}

/**
 * GitHub references: `owner/repo#123` anywhere, and `#123` in `repo` (`owner/name`), under
 * `baseUrl` (GitHub Enterprise hosts set it).
 */
export function githubKeys(options: { repo?: string; baseUrl?: string } = {}): IssueKeyResolver {
  const base = (options.baseUrl ?? 'https://github.com').replace(/\/+$/, '');
  return {
    pattern: /(?:\b[\w.-]+\/[\w.-]+)?#\d{1,7}\b/g,
    href: (key) => {
      const [repo, number] = key.split('#');
      const owner = repo || options.repo;
      return owner ? `${base}/${owner}/issues/${number}` : undefined;
    },
  };
}

/** The exported title parts of a text: keys the resolvers find become parts with their link. */
export function linkIssueKeys(text: string, resolvers: readonly IssueKeyResolver[], known?: ReadonlyMap<string, string | undefined>): TextPart[] {
  const found: Array<{ start: number; end: number; key: string; href?: string }> = [];
  for (const resolver of resolvers) {
    const pattern = new RegExp(resolver.pattern.source, resolver.pattern.flags.includes('g') ? resolver.pattern.flags : `${resolver.pattern.flags}g`);
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      // The first resolver to claim a stretch of text keeps it.
      if (match[0] === '' || found.some((f) => start < f.end && end > f.start)) continue;
      const key = match[0];
      found.push({ start, end, key, href: safeHttp(known?.get(key) ?? resolver.href(key)) });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const parts: TextPart[] = [];
  let at = 0;
  for (const f of found) {
    if (f.start > at) parts.push({ text: text.slice(at, f.start) });
    parts.push(f.href ? { text: f.key, issue: f.key, href: f.href } : { text: f.key, issue: f.key });
    at = f.end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at) });
  return parts;
}

const safeHttp = (url: string | undefined) => {
  const safe = safeHref(url);
  return safe && !safe.startsWith('mailto:') ? safe : undefined;
};

const HEADER = /^(\w+)(?:\(([^)]*)\))?(!)?:\s*(.+)$/;

/** Reads a conventional-commit header from a title and the rest of the message. */
export function parseConventionalCommit(title: string, body = ''): ConventionalChange | undefined {
  const match = HEADER.exec(title.trim());
  if (!match) return undefined;
  return {
    type: match[1]!.toLowerCase(),
    scope: match[2] || undefined,
    breaking: match[3] === '!' || /^BREAKING[ -]CHANGE:/m.test(body),
    subject: match[4]!,
  };
}

/** The reading order of conventional types: what a reader needs first. */
export const CHANGE_TYPE_ORDER: readonly string[] = ['breaking', 'feat', 'fix', 'perf', 'refactor', 'revert', 'docs', 'test', 'build', 'ci', 'style', 'chore', 'other'];

export interface CompileOptions {
  /** Issue-key resolvers for titles, e.g. `[jiraKeys('https://acme.atlassian.net'), githubKeys({ repo: 'acme/checkout' })]`. */
  issueKeys?: readonly IssueKeyResolver[];
  /** Also group the items: by conventional-commit type (pull requests and commits) or by application. */
  groupBy?: 'type' | 'application';
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const list = <T>(value: T[] | undefined, path: string): T[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ReleaseDataError('Release notes must be lists', path, value);
  return value;
};
const person = (value: Person | undefined): Person | undefined => (str(value?.name) ? value : undefined);

/**
 * Every change that led to one release or several: images, issues, pull requests and commits,
 * each listed once however many times the sources repeat it (by issue key, pull request repo and
 * id, image reference, commit SHA), with every application and environment it touched. Titles
 * are split into parts so issue keys can become links. Untrusted text stays text; only http(s)
 * links are kept. Raises `ReleaseDataError` for notes that are not lists of objects.
 */
export function compileReleaseNotes(input: Release | readonly Release[], options: CompileOptions = {}): CompiledReleaseNotes {
  const releases: readonly Release[] = Array.isArray(input) ? input : [input as Release];
  const images = new Map<string, NoteImage>();
  const issues = new Map<string, NoteIssue>();
  const pullRequests = new Map<string, NotePullRequest>();
  const commits = new Map<string, NoteCommit>();
  const resolvers = options.issueKeys ?? [];
  const knownIssues = new Map<string, string | undefined>();

  // Each item: merged into the first one with its key, its scope widened.
  const add = <T extends NoteItem>(into: Map<string, T>, key: string, make: () => T, application: unknown, release: Release) => {
    let item = into.get(key);
    if (!item) into.set(key, (item = make()));
    else {
      // Fields the first occurrence left empty are filled from a later one; a title brings the
      // parts and the conventional-commit reading made from it.
      const fresh = make();
      const missing = (value: unknown) => value === undefined || value === '';
      for (const field of Object.keys(fresh) as Array<keyof T>) {
        if (missing(item[field]) && !missing(fresh[field])) {
          item[field] = fresh[field];
          if (field === 'title' && 'titleParts' in item) Object.assign(item, { titleParts: (fresh as NoteCommit).titleParts, change: (fresh as NoteCommit).change });
        }
      }
    }
    item.occurrences += 1;
    if (!item.releases.includes(release.id)) item.releases.push(release.id);
    const app = str(application);
    if (app && !item.applications.includes(app)) item.applications.push(app);
    // An application's change reached the environments that run it; a change of no application, all.
    for (const environment of Array.isArray(release.environments) ? release.environments : []) {
      const runs = !app || (Array.isArray(environment?.applications) && environment.applications.some((a) => a?.name === app));
      if (runs && str(environment?.name) && !item.environments.includes(environment.name)) item.environments.push(environment.name);
    }
  };
  const scope = (): NoteScope => ({ applications: [], environments: [], releases: [], occurrences: 0 });

  releases.forEach((release, r) => {
    const root = Array.isArray(input) ? `$[${r}]` : '$';
    if (typeof release !== 'object' || release === null) throw new ReleaseDataError('A release must be an object', root, release);
    const notes = release.notes;
    if (notes === undefined || notes === null) return;
    if (typeof notes !== 'object') throw new ReleaseDataError('Release notes must be an object', `${root}.notes`, notes);
    const at = Array.isArray(input) ? `$[${r}].notes` : '$.notes';
    list(notes.issues, `${at}.issues`).forEach((issue, i) => {
      const key = str(issue?.key);
      if (!key) throw new ReleaseDataError('An issue needs a key', `${at}.issues[${i}].key`, issue?.key);
      if (!knownIssues.get(key)) knownIssues.set(key, safeHttp(issue.url));
    });
  });

  releases.forEach((release, r) => {
    const notes = release.notes;
    if (!notes) return;
    const at = Array.isArray(input) ? `$[${r}].notes` : '$.notes';
    list(notes.images, `${at}.images`).forEach((image, i) => {
      const reference = str(image?.reference);
      if (!reference) throw new ReleaseDataError('An image needs a reference', `${at}.images[${i}].reference`, image?.reference);
      add(images, reference, () => ({ ...scope(), kind: 'image', reference, repository: str(image.repository), tag: str(image.tag), digest: str(image.digest), url: safeHttp(image.url) }), image.application, release);
    });
    list(notes.issues, `${at}.issues`).forEach((issue) => {
      add(issues, issue.key, () => ({ ...scope(), kind: 'issue', key: issue.key, title: str(issue.title), url: safeHttp(issue.url), assignee: person(issue.assignee) }), issue.application, release);
    });
    list(notes.pullRequests, `${at}.pullRequests`).forEach((pr, i) => {
      const id = str(pr?.id) ?? (typeof pr?.id === 'number' ? String(pr.id) : undefined);
      if (!id) throw new ReleaseDataError('A pull request needs an id', `${at}.pullRequests[${i}].id`, pr?.id);
      const title = str(pr.title) ?? '';
      add(
        pullRequests,
        // A pair, not the two joined: any character may be in a repository name or an id.
        JSON.stringify([str(pr.repo) ?? '', id]),
        () => ({
          ...scope(),
          kind: 'pull-request',
          id,
          title,
          url: safeHttp(pr.url),
          author: person(pr.author),
          state: pr.state,
          repo: str(pr.repo),
          titleParts: linkIssueKeys(title, resolvers, knownIssues),
          change: parseConventionalCommit(title),
        }),
        pr.application,
        release,
      );
    });
    list(notes.commits, `${at}.commits`).forEach((commit, i) => {
      const sha = str(commit?.sha)?.toLowerCase();
      if (!sha) throw new ReleaseDataError('A commit needs a SHA', `${at}.commits[${i}].sha`, commit?.sha);
      const message = str(commit.message) ?? '';
      const newline = message.indexOf('\n');
      const title = (newline < 0 ? message : message.slice(0, newline)).trim();
      add(
        commits,
        sha,
        () => ({
          ...scope(),
          kind: 'commit',
          sha,
          shortSha: shortSha(sha)!,
          message: str(commit.message),
          title,
          titleParts: linkIssueKeys(title, resolvers, knownIssues),
          change: parseConventionalCommit(title, newline < 0 ? '' : message.slice(newline + 1)),
          author: person(commit.author),
          date: str(commit.date),
          url: safeHttp(commit.url),
          repoUrl: safeHttp(commit.repoUrl),
          branch: str(commit.branch),
        }),
        commit.application,
        release,
      );
    });
  });

  const compiled: CompiledReleaseNotes = {
    images: [...images.values()],
    issues: [...issues.values()],
    pullRequests: [...pullRequests.values()],
    commits: [...commits.values()],
    counts: { images: images.size, issues: issues.size, pullRequests: pullRequests.size, commits: commits.size, total: images.size + issues.size + pullRequests.size + commits.size },
  };
  if (options.groupBy) compiled.groups = groupNotes(compiled, options.groupBy);
  return compiled;
}

function groupNotes(notes: CompiledReleaseNotes, by: 'type' | 'application'): NoteGroup[] {
  const groups = new Map<string, NoteItem[]>();
  const put = (key: string, item: NoteItem) => {
    const items = groups.get(key);
    if (items) items.push(item);
    else groups.set(key, [item]);
  };
  if (by === 'type') {
    for (const item of [...notes.pullRequests, ...notes.commits]) {
      const change = item.change;
      put(change?.breaking ? 'breaking' : change && CHANGE_TYPE_ORDER.includes(change.type) ? change.type : 'other', item);
    }
    return CHANGE_TYPE_ORDER.filter((key) => groups.has(key)).map((key) => ({ key, items: groups.get(key)! }));
  }
  // Items of no application go last, under the key '' (no application is named '').
  for (const item of [...notes.images, ...notes.issues, ...notes.pullRequests, ...notes.commits]) {
    if (item.applications.length === 0) put('', item);
    for (const application of item.applications) put(application, item);
  }
  const keys = [...groups.keys()].filter((key) => key !== '').sort();
  return [...keys, ...(groups.has('') ? [''] : [])].map((key) => ({ key, items: groups.get(key)! }));
}

/** The items whose text holds every word of `query` (case-insensitive); all of them for an empty query. */
export function filterReleaseNotes(notes: CompiledReleaseNotes, query: string): CompiledReleaseNotes {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return notes;
  const keep = <T extends NoteItem>(items: T[]) =>
    items.filter((item) => {
      const text = noteText(item).toLowerCase();
      return words.every((word) => text.includes(word));
    });
  const images = keep(notes.images);
  const issues = keep(notes.issues);
  const pullRequests = keep(notes.pullRequests);
  const commits = keep(notes.commits);
  const kept = new Set<NoteItem>([...images, ...issues, ...pullRequests, ...commits]);
  return {
    images,
    issues,
    pullRequests,
    commits,
    counts: { images: images.length, issues: issues.length, pullRequests: pullRequests.length, commits: commits.length, total: kept.size },
    ...(notes.groups && { groups: notes.groups.map((group) => ({ key: group.key, items: group.items.filter((item) => kept.has(item)) })).filter((group) => group.items.length > 0) }),
  };
}

/** The searchable text of an item: its title, key or reference, people, applications and environments. */
export function noteText(item: NoteItem): string {
  const own =
    item.kind === 'image'
      ? [item.reference]
      : item.kind === 'issue'
        ? [item.key, item.title, item.assignee?.name]
        : item.kind === 'pull-request'
          ? [item.title, `#${item.id}`, item.repo, item.author?.name]
          : [item.sha, item.message, item.author?.name];
  return [...own, ...item.applications, ...item.environments].filter(Boolean).join('\n');
}
