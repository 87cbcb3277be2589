import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReleaseDataError, ReleaseDataError } from '../../src/headless/adapters/errors';
import type { EnvironmentStep, Release, ReleaseNotes } from '../../src/headless/model/types';
import {
  CHANGE_TYPE_ORDER,
  compileReleaseNotes,
  escapeMarkdown,
  filterReleaseNotes,
  githubKeys,
  jiraKeys,
  linkIssueKeys,
  noteText,
  parseConventionalCommit,
  releaseNotesToMarkdown,
  type CompiledReleaseNotes,
  type IssueKeyResolver,
  type NoteItem,
  type TextPart,
} from '../../src/headless/notes';
import { sampleRelease } from '../../src/headless/sample';

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

const env = (name: string, ...applications: string[]): EnvironmentStep => ({
  name,
  dependsOn: [],
  status: 'succeeded',
  workflows: { trigger: [], preAction: [], postAction: [] },
  applications: applications.map((app) => ({ name: app, sync: 'synced', health: 'healthy' })),
  issues: [],
});

/** A release carrying `notes` as given: tests of bad data pass values the model does not allow. */
const release = (id: string, notes: unknown, environments: EnvironmentStep[] = []): Release => ({
  id,
  product: 'checkout',
  flow: null,
  status: 'succeeded',
  trigger: { kind: 'manual', environment: 'dev' },
  createdAt: '2026-11-20T10:00:00.000Z',
  environments,
  notes: notes as ReleaseNotes,
});

const SHA = '4F2A9C1E0B7D4F2A9C1E0B7D4F2A9C1E0B7D4F2A';
const JIRA = 'https://jira.acme.dev/browse/AP-45834';

/**
 * Two releases of one product whose notes repeat things the way source systems do: AP-45834
 * three times (two applications in release A, a third in release B), pull request 42 of
 * acme/checkout twice while acme/payments has its own 42, an image twice, a commit twice with
 * its SHA in different letter case.
 */
function duplicated(): [Release, Release] {
  const a = release(
    'rel-a',
    {
      images: [{ reference: 'ghcr.io/acme/checkout-api:1.2.0', repository: 'ghcr.io/acme/checkout-api', tag: '1.2.0', application: 'checkout-api' }],
      issues: [
        { key: 'AP-45834', title: 'Retry card payments', url: JIRA, application: 'checkout-api' },
        { key: 'AP-45834', title: 'A later title', url: 'https://elsewhere.example/AP-45834', assignee: { name: 'Ada Lopez' }, application: 'payments' },
      ],
      pullRequests: [
        { id: '42', title: 'feat(api): retry card payments AP-45834', url: 'https://github.com/acme/checkout/pull/42', state: 'merged', repo: 'acme/checkout', application: 'checkout-api' },
        { id: '42', title: 'Bump payments SDK', url: 'https://github.com/acme/payments/pull/42', state: 'merged', repo: 'acme/payments', author: { name: 'Kenji Sato' }, application: 'payments' },
      ],
      commits: [{ sha: SHA, message: 'fix: round totals\n\nRefs AP-45834', author: { name: 'Lena Novak' }, application: 'checkout-api' }],
    },
    [env('dev', 'checkout-api', 'payments'), env('staging', 'checkout-api'), env('production', 'checkout-api', 'payments', 'web')],
  );
  const b = release(
    'rel-b',
    {
      images: [{ reference: 'ghcr.io/acme/checkout-api:1.2.0', tag: 'other-tag', digest: 'sha256:abc', application: 'web' }],
      issues: [
        { key: 'AP-45834', title: 'Third title', application: 'web' },
        { key: 'AP-7', title: 'Docs for coupons' },
      ],
      pullRequests: [{ id: '42', title: 'Different title', state: 'merged', repo: 'acme/checkout', author: { name: 'Omar Haddad' }, application: 'web' }],
      commits: [{ sha: SHA.toLowerCase(), message: 'other message', url: `https://github.com/acme/checkout/commit/${SHA.toLowerCase()}`, application: 'web' }],
    },
    [env('dev', 'web'), env('prod-eu', 'web', 'payments'), env('prod-us', 'payments')],
  );
  return [a, b];
}

const lines = (markdown: string) => markdown.split('\n');
const itemLines = (markdown: string) => lines(markdown).filter((l) => l.startsWith('- '));
const keys = (notes: CompiledReleaseNotes) => notes.groups?.map((g) => g.key);
const joined = (parts: TextPart[]) => parts.map((p) => p.text).join('');

/** Characters Markdown reads as inline syntax that appear without a backslash before them. */
function unescapedSyntax(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if ('`*_[]<>&~'.includes(c)) found.push(c);
  }
  return found;
}

/** What a reader sees of escaped text: the backslash escapes taken away. */
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

/** A line's content (after `- `) that CommonMark would read as a block: heading, quote, list, fence, rule. */
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|(?:[-*_][ \t]*){3,}$)/;

// ---------------------------------------------------------------------------------------------
// De-duplication
// ---------------------------------------------------------------------------------------------

describe('compileReleaseNotes: each change once', () => {
  it('lists the sample\'s duplicated issue once and counts how often the source repeated it', () => {
    const sample = sampleRelease({ shape: 'regions', state: 'succeeded' });
    const raw = sample.notes!.issues.map((issue) => issue.key);
    const distinct = [...new Set(raw)];
    expect(distinct.length).toBeLessThan(raw.length);

    const notes = compileReleaseNotes(sample);
    expect(notes.issues.map((issue) => issue.key)).toEqual(distinct);
    for (const issue of notes.issues) {
      expect(issue.occurrences).toBe(raw.filter((key) => key === issue.key).length);
      expect(issue.releases).toEqual([sample.id]);
    }
    expect(notes.counts).toEqual({
      images: notes.images.length,
      issues: distinct.length,
      pullRequests: notes.pullRequests.length,
      commits: notes.commits.length,
      total: notes.images.length + distinct.length + notes.pullRequests.length + notes.commits.length,
    });
  });

  it('gives every sample item the environments that run its application, and only those', () => {
    const sample = sampleRelease({ shape: 'regions', state: 'succeeded' });
    const notes = compileReleaseNotes(sample);
    const items: NoteItem[] = [...notes.images, ...notes.issues, ...notes.pullRequests, ...notes.commits];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.applications).toHaveLength(1);
      const expected = sample.environments.filter((e) => e.applications.some((a) => a.name === item.applications[0])).map((e) => e.name);
      expect([...item.environments].sort()).toEqual([...expected].sort());
    }
  });

  it('merges AP-45834 seen three times across applications and releases into one issue', () => {
    const notes = compileReleaseNotes(duplicated());
    expect(notes.issues.map((issue) => issue.key)).toEqual(['AP-45834', 'AP-7']);
    expect(notes.issues[0]).toEqual({
      kind: 'issue',
      key: 'AP-45834',
      // The first occurrence's fields win; the assignee only the second one had is filled in.
      title: 'Retry card payments',
      url: JIRA,
      assignee: { name: 'Ada Lopez' },
      occurrences: 3,
      applications: ['checkout-api', 'payments', 'web'],
      // checkout-api and payments in release A, web in release B: not prod-us, which runs neither.
      environments: ['dev', 'staging', 'production', 'prod-eu'],
      releases: ['rel-a', 'rel-b'],
    });
  });

  it('sends an item of no application to every environment of its own release only', () => {
    const [, ap7] = compileReleaseNotes(duplicated()).issues;
    expect(ap7).toMatchObject({ key: 'AP-7', applications: [], environments: ['dev', 'prod-eu', 'prod-us'], releases: ['rel-b'], occurrences: 1 });
  });

  it('merges a pull request by repo and id but keeps the same id in another repo apart', () => {
    const notes = compileReleaseNotes(duplicated());
    expect(notes.pullRequests.map((pr) => `${pr.repo}#${pr.id}`)).toEqual(['acme/checkout#42', 'acme/payments#42']);
    const [checkout, payments] = notes.pullRequests;
    expect(checkout).toMatchObject({
      title: 'feat(api): retry card payments AP-45834',
      url: 'https://github.com/acme/checkout/pull/42',
      author: { name: 'Omar Haddad' },
      occurrences: 2,
      applications: ['checkout-api', 'web'],
      environments: ['dev', 'staging', 'production', 'prod-eu'],
      releases: ['rel-a', 'rel-b'],
    });
    expect(payments).toMatchObject({
      title: 'Bump payments SDK',
      author: { name: 'Kenji Sato' },
      occurrences: 1,
      applications: ['payments'],
      environments: ['dev', 'production'],
      releases: ['rel-a'],
    });
  });

  it('reads a numeric pull request id as the same id written as text', () => {
    const notes = compileReleaseNotes(release('r', { pullRequests: [{ id: '7', title: 'x', state: 'merged', repo: 'acme/a' }, { id: 7, title: 'y', state: 'merged', repo: 'acme/a' }] }));
    expect(notes.pullRequests).toHaveLength(1);
    expect(notes.pullRequests[0]).toMatchObject({ id: '7', title: 'x', occurrences: 2 });
  });

  it('keeps a pull request of no repo apart from one with a repo', () => {
    const notes = compileReleaseNotes(release('r', { pullRequests: [{ id: '7', title: 'x', state: 'merged' }, { id: '7', title: 'y', state: 'merged', repo: 'acme/a' }] }));
    expect(notes.pullRequests.map((pr) => pr.title)).toEqual(['x', 'y']);
  });

  it('merges an image listed twice and fills the fields the first one lacked', () => {
    const { images } = compileReleaseNotes(duplicated());
    expect(images).toEqual([
      {
        kind: 'image',
        reference: 'ghcr.io/acme/checkout-api:1.2.0',
        repository: 'ghcr.io/acme/checkout-api',
        tag: '1.2.0',
        digest: 'sha256:abc',
        url: undefined,
        occurrences: 2,
        applications: ['checkout-api', 'web'],
        environments: ['dev', 'staging', 'production', 'prod-eu'],
        releases: ['rel-a', 'rel-b'],
      },
    ]);
  });

  it('merges a commit whose SHA differs only in letter case', () => {
    const { commits } = compileReleaseNotes(duplicated());
    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatchObject({
      sha: SHA.toLowerCase(),
      shortSha: '4f2a9c1',
      message: 'fix: round totals\n\nRefs AP-45834',
      title: 'fix: round totals',
      author: { name: 'Lena Novak' },
      url: `https://github.com/acme/checkout/commit/${SHA.toLowerCase()}`,
      occurrences: 2,
      applications: ['checkout-api', 'web'],
      releases: ['rel-a', 'rel-b'],
    });
  });

  it('counts distinct items', () => {
    expect(compileReleaseNotes(duplicated()).counts).toEqual({ images: 1, issues: 2, pullRequests: 2, commits: 1, total: 6 });
  });

  it('lists a release once when it is compiled twice, counting each listing', () => {
    const [a] = duplicated();
    const notes = compileReleaseNotes([a, a]);
    expect(notes.issues[0]).toMatchObject({ releases: ['rel-a'], occurrences: 4 });
    expect(notes.counts.total).toBe(5);
  });

  it('fills an issue\'s link from a later occurrence when the first one\'s is unsafe', () => {
    const notes = compileReleaseNotes(
      release('r', {
        issues: [
          { key: 'AP-1', url: 'javascript:alert(1)' },
          { key: 'AP-1', url: 'https://jira.acme.dev/browse/AP-1', title: 'Later' },
        ],
      }),
    );
    expect(notes.issues).toHaveLength(1);
    expect(notes.issues[0]).toMatchObject({ url: 'https://jira.acme.dev/browse/AP-1', title: 'Later' });
  });

  // Regression: a pull request's title is set to '' when the first occurrence has none, so the later
  // occurrence's title never fills it; the merged item shows an empty title. Input: PR
  // { id: '1', repo: 'acme/a', state: 'merged' } then { id: '1', repo: 'acme/a', title: 'fix: y' }.
  it('fills a pull request\'s missing title from a later occurrence', () => {
    const notes = compileReleaseNotes(
      release('r', {
        pullRequests: [
          { id: '1', repo: 'acme/a', state: 'merged' },
          { id: '1', repo: 'acme/a', title: 'fix: round totals', state: 'merged' },
        ],
      }),
    );
    expect(notes.pullRequests[0]).toMatchObject({ title: 'fix: round totals', titleParts: [{ text: 'fix: round totals' }], change: { type: 'fix' } });
  });

  // Regression: a commit's `title` is '' (not undefined) when its first occurrence has no message, so a
  // later message fills `message` and `change` but not `title`/`titleParts`: the item is shown
  // without a title while being grouped as 'feat'. Input: commits [{ sha: 'abc1234' },
  // { sha: 'ABC1234', message: 'feat: coupons' }].
  it('fills a commit\'s missing message and title from a later occurrence', () => {
    const notes = compileReleaseNotes(release('r', { commits: [{ sha: 'abc1234' }, { sha: 'ABC1234', message: 'feat: coupons' }] }));
    expect(notes.commits[0]).toMatchObject({ message: 'feat: coupons', title: 'feat: coupons', titleParts: [{ text: 'feat: coupons' }] });
  });

  it('gives empty lists and zero counts for empty or partly missing notes', () => {
    const empty = { images: [], issues: [], pullRequests: [], commits: [], counts: { images: 0, issues: 0, pullRequests: 0, commits: 0, total: 0 } };
    expect(compileReleaseNotes(release('r', { images: [], issues: [], pullRequests: [], commits: [] }))).toEqual(empty);
    expect(compileReleaseNotes(release('r', {}))).toEqual(empty);
    const onlyCommits = compileReleaseNotes(release('r', { commits: [{ sha: 'abc' }] }));
    expect(onlyCommits).toMatchObject({ images: [], issues: [], pullRequests: [], counts: { commits: 1, total: 1 } });
  });

  it('does not change the releases it reads, and gives the same notes again', () => {
    const input = duplicated();
    const before = structuredClone(input);
    const first = compileReleaseNotes(input, { groupBy: 'application', issueKeys: [jiraKeys('https://acme.atlassian.net')] });
    expect(input).toEqual(before);
    expect(compileReleaseNotes(input, { groupBy: 'application', issueKeys: [jiraKeys('https://acme.atlassian.net')] })).toEqual(first);
  });
});

// ---------------------------------------------------------------------------------------------
// Issue keys in titles
// ---------------------------------------------------------------------------------------------

describe('issue keys in titles', () => {
  const jira = jiraKeys('https://acme.atlassian.net/');
  const github = githubKeys({ repo: 'acme/checkout' });

  it('links Jira keys under the site, whose trailing slash is dropped', () => {
    expect(linkIssueKeys('ABC-123: fix totals', [jira])).toEqual([
      { text: 'ABC-123', issue: 'ABC-123', href: 'https://acme.atlassian.net/browse/ABC-123' },
      { text: ': fix totals' },
    ]);
    expect(jiraKeys('https://acme.atlassian.net///').href('X-1')).toBe('https://acme.atlassian.net/browse/X-1');
  });

  it.each(['abc-123', 'xABC-123', 'ABC-123x', 'A-1', 'ABC-'])('does not read %s as a Jira key', (text) => {
    expect(linkIssueKeys(text, [jira])).toEqual([{ text }]);
  });

  it('links #123 in the configured repo and owner/repo#123 in its own repo', () => {
    expect(linkIssueKeys('Fixes #123 and acme/payments#9.', [github])).toEqual([
      { text: 'Fixes ' },
      { text: '#123', issue: '#123', href: 'https://github.com/acme/checkout/issues/123' },
      { text: ' and ' },
      { text: 'acme/payments#9', issue: 'acme/payments#9', href: 'https://github.com/acme/payments/issues/9' },
      { text: '.' },
    ]);
  });

  it('uses a GitHub Enterprise host', () => {
    const ghe = githubKeys({ repo: 'acme/checkout', baseUrl: 'https://ghe.acme.dev/' });
    expect(linkIssueKeys('#5', [ghe])).toEqual([{ text: '#5', issue: '#5', href: 'https://ghe.acme.dev/acme/checkout/issues/5' }]);
  });

  it('leaves #12 without a link when no repo is known, but still links owner/repo#12', () => {
    const parts = linkIssueKeys('see #12 and acme/x#12', [githubKeys()]);
    expect(parts).toEqual([
      { text: 'see ' },
      { text: '#12', issue: '#12' },
      { text: ' and ' },
      { text: 'acme/x#12', issue: 'acme/x#12', href: 'https://github.com/acme/x/issues/12' },
    ]);
    const markdown = releaseNotesToMarkdown(compileReleaseNotes(release('r', { pullRequests: [{ id: '1', title: 'see #12', state: 'merged' }] }), { issueKeys: [githubKeys()] }));
    expect(itemLines(markdown)).toEqual(['- see \\#12 \\#1']);
  });

  it('claims overlapping matches once, the first resolver winning', () => {
    expect(linkIssueKeys('see acme/AP-12#3', [jira, github])).toEqual([
      { text: 'see acme/' },
      { text: 'AP-12', issue: 'AP-12', href: 'https://acme.atlassian.net/browse/AP-12' },
      { text: '#3' },
    ]);
    expect(linkIssueKeys('see acme/AP-12#3', [github, jira])).toEqual([
      { text: 'see ' },
      { text: 'acme/AP-12#3', issue: 'acme/AP-12#3', href: 'https://github.com/acme/AP-12/issues/3' },
    ]);
    const same: IssueKeyResolver = { pattern: /AP-\d+/g, href: (key) => `https://other.example/${key}` };
    expect(linkIssueKeys('AP-1 AP-2', [jira, same]).filter((p) => p.issue).map((p) => p.href)).toEqual([
      'https://acme.atlassian.net/browse/AP-1',
      'https://acme.atlassian.net/browse/AP-2',
    ]);
  });

  it('accepts a resolver whose pattern is not global and finds every key', () => {
    const plain: IssueKeyResolver = { pattern: /T-\d+/, href: (key) => `https://t.example/${key}` };
    expect(linkIssueKeys('T-1 T-2', [plain]).filter((p) => p.issue)).toHaveLength(2);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:ops@acme.dev',
    '/browse/EVIL-1',
    '//evil.example/EVIL-1',
    'not a url',
  ])('keeps a key as text when its resolver gives %j', (url) => {
    const evil: IssueKeyResolver = { pattern: /EVIL-\d+/g, href: () => url };
    expect(linkIssueKeys('EVIL-1', [evil])).toEqual([{ text: 'EVIL-1', issue: 'EVIL-1' }]);
    const markdown = releaseNotesToMarkdown(compileReleaseNotes(release('r', { commits: [{ sha: 'abcdef0', message: 'fix EVIL-1' }] }), { issueKeys: [evil] }));
    expect(itemLines(markdown)).toEqual(['- `abcdef0` fix EVIL-1']);
  });

  it('keeps a key as text under a javascript: Jira site', () => {
    expect(linkIssueKeys('AP-1', [jiraKeys('javascript:alert(1)//')])).toEqual([{ text: 'AP-1', issue: 'AP-1' }]);
  });

  it('links a key the notes list to that issue\'s own URL, in pull requests and commits', () => {
    const notes = compileReleaseNotes(duplicated(), { issueKeys: [jira] });
    const link = (parts: TextPart[]) => parts.find((p) => p.issue === 'AP-45834')?.href;
    expect(link(notes.pullRequests[0]!.titleParts)).toBe(JIRA);
    const commit = compileReleaseNotes(
      [release('a', { commits: [{ sha: 'abc', message: 'fix: AP-45834 and AP-9' }] }), release('b', { issues: [{ key: 'AP-45834', url: JIRA }] })],
      { issueKeys: [jira] },
    ).commits[0]!;
    // Known from another release of the same compilation; AP-9 is not in the notes: the resolver's URL.
    expect(commit.titleParts.filter((p) => p.issue).map((p) => p.href)).toEqual([JIRA, 'https://acme.atlassian.net/browse/AP-9']);
  });

  it('falls back to the resolver when the listed issue\'s own URL is unsafe', () => {
    const notes = compileReleaseNotes(
      release('r', { issues: [{ key: 'AP-1', url: 'javascript:alert(1)' }], pullRequests: [{ id: '1', title: 'AP-1', state: 'merged' }] }),
      { issueKeys: [jira] },
    );
    expect(notes.pullRequests[0]!.titleParts).toEqual([{ text: 'AP-1', issue: 'AP-1', href: 'https://acme.atlassian.net/browse/AP-1' }]);
  });

  it('links only keys in a commit\'s first line', () => {
    const [commit] = compileReleaseNotes(release('r', { commits: [{ sha: 'abc', message: 'fix totals\n\nCloses AP-1' }] }), { issueKeys: [jira] }).commits;
    expect(commit!.titleParts).toEqual([{ text: 'fix totals' }]);
  });

  it('leaves titles unsplit without resolvers', () => {
    expect(compileReleaseNotes(duplicated()).pullRequests[0]!.titleParts).toEqual([{ text: 'feat(api): retry card payments AP-45834' }]);
    expect(linkIssueKeys('', [jira])).toEqual([{ text: '' }]);
  });

  it('gives back the title exactly when its parts are joined, on random text with keys sprinkled in', () => {
    const key = fc.oneof(
      fc.constantFrom('ABC-123', 'AP-45834', '#12', 'acme/checkout#7', 'owner/repo#123', 'ABCDEFGHIJK-1', 'AP-12345678'),
      fc.tuple(fc.stringMatching(/^[A-Z][A-Z0-9]{1,9}$/), fc.integer({ min: 0, max: 9_999_999 })).map(([p, n]) => `${p}-${n}`),
      fc.integer({ min: 0, max: 9_999_999 }).map((n) => `#${n}`),
    );
    const text = fc
      .array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), key, fc.constantFrom(' ', '/', '#', '-', '(', ')', '\n')), { maxLength: 12 })
      .map((pieces) => pieces.join(''));
    const resolvers = fc.subarray([jira, github, githubKeys(), jiraKeys('javascript:x')]).chain((r) => fc.shuffledSubarray(r, { minLength: r.length }));
    fc.assert(
      fc.property(text, resolvers, (title, rs) => {
        const parts = linkIssueKeys(title, rs);
        expect(joined(parts)).toBe(title);
        expect(parts.length).toBeGreaterThan(0);
        parts.forEach((part, i) => {
          if (title !== '') expect(part.text).not.toBe('');
          if (part.issue !== undefined) {
            expect(part.text).toBe(part.issue);
            expect(rs.some((r) => new RegExp(`^(?:${r.pattern.source})$`).test(part.issue!))).toBe(true);
          } else if (i > 0) {
            // Two pieces of plain text in a row would be one.
            expect(parts[i - 1]!.issue).toBeDefined();
          }
          if (part.href !== undefined) expect(part.href).toMatch(/^https?:\/\//);
        });
      }),
      { numRuns: 400, seed: 20261126 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Conventional commits and grouping
// ---------------------------------------------------------------------------------------------

describe('conventional commits', () => {
  it.each<[string, string, ReturnType<typeof parseConventionalCommit>]>([
    ['feat(api)!: drop v1', '', { type: 'feat', scope: 'api', breaking: true, subject: 'drop v1' }],
    ['fix: round totals', '', { type: 'fix', scope: undefined, breaking: false, subject: 'round totals' }],
    ['Feat: Upper case type', '', { type: 'feat', scope: undefined, breaking: false, subject: 'Upper case type' }],
    ['  perf(cart): padded  ', '', { type: 'perf', scope: 'cart', breaking: false, subject: 'padded' }],
    ['refactor: split cart', 'Details.\n\nBREAKING CHANGE: the cart API moved', { type: 'refactor', scope: undefined, breaking: true, subject: 'split cart' }],
    ['chore: deps', 'BREAKING-CHANGE: node 22', { type: 'chore', scope: undefined, breaking: true, subject: 'deps' }],
    ['fix: y', 'this is not a BREAKING CHANGE: mid-line', { type: 'fix', scope: undefined, breaking: false, subject: 'y' }],
    ['wip: spike', '', { type: 'wip', scope: undefined, breaking: false, subject: 'spike' }],
  ])('reads %j', (title, body, expected) => {
    expect(parseConventionalCommit(title, body)).toEqual(expected);
  });

  it.each(['Update readme', 'Merge pull request #12 from acme/x', 'fix:', 'fix: ', 'feat(api: x', 'Revert "feat: x"', '', ': nothing'])(
    'finds no conventional header in %j',
    (title) => expect(parseConventionalCommit(title)).toBeUndefined(),
  );

  it('reads a commit\'s body for BREAKING CHANGE and a pull request\'s title only', () => {
    const notes = compileReleaseNotes(
      release('r', {
        pullRequests: [{ id: '1', title: 'feat(api)!: drop v1', state: 'merged' }],
        commits: [{ sha: 'a1', message: 'refactor: split cart\n\nBREAKING CHANGE: moved' }, { sha: 'a2', message: 'Update readme' }],
      }),
    );
    expect(notes.pullRequests[0]!.change).toEqual({ type: 'feat', scope: 'api', breaking: true, subject: 'drop v1' });
    expect(notes.commits.map((c) => c.change)).toEqual([{ type: 'refactor', scope: undefined, breaking: true, subject: 'split cart' }, undefined]);
  });

  it('orders types as a reader needs them', () => {
    expect(CHANGE_TYPE_ORDER.slice(0, 4)).toEqual(['breaking', 'feat', 'fix', 'perf']);
    expect(CHANGE_TYPE_ORDER.at(-1)).toBe('other');
    expect(new Set(CHANGE_TYPE_ORDER).size).toBe(CHANGE_TYPE_ORDER.length);
  });

  it('groups by type: breaking first, then CHANGE_TYPE_ORDER, unknown and plain titles in other', () => {
    const notes = compileReleaseNotes(
      release('r', {
        images: [{ reference: 'img:1' }],
        issues: [{ key: 'AP-1', title: 'feat: an issue is not a change' }],
        pullRequests: [
          { id: '1', title: 'feat(api)!: drop v1 endpoints', state: 'merged' },
          { id: '2', title: 'fix: round totals', state: 'merged' },
          { id: '3', title: 'docs: explain retries', state: 'merged' },
          { id: '4', title: 'Update readme', state: 'merged' },
          { id: '5', title: 'wip: spike', state: 'merged' },
        ],
        commits: [
          { sha: 'c1', message: 'perf: cache prices' },
          { sha: 'c2', message: 'feat: add coupons' },
          { sha: 'c3', message: 'refactor: split cart\n\nBREAKING CHANGE: cart API moved' },
          { sha: 'c4', message: 'chore(deps): bump x' },
          { sha: 'c5', message: 'Merge branch main' },
        ],
      }),
      { groupBy: 'type' },
    );
    expect(keys(notes)).toEqual(['breaking', 'feat', 'fix', 'perf', 'docs', 'chore', 'other']);
    const titles = Object.fromEntries(notes.groups!.map((g) => [g.key, g.items.map((item) => (item.kind === 'pull-request' || item.kind === 'commit' ? item.title : item.kind))]));
    expect(titles).toEqual({
      breaking: ['feat(api)!: drop v1 endpoints', 'refactor: split cart'],
      feat: ['feat: add coupons'],
      fix: ['fix: round totals'],
      perf: ['perf: cache prices'],
      docs: ['docs: explain retries'],
      chore: ['chore(deps): bump x'],
      other: ['Update readme', 'wip: spike', 'Merge branch main'],
    });
    // The same objects as in the lists, not copies.
    expect(notes.groups![0]!.items[0]).toBe(notes.pullRequests[0]);
  });

  it('groups by application: sorted by name, other last, an item under each of its applications', () => {
    const notes = compileReleaseNotes(
      release('r', {
        images: [{ reference: 'img:1', application: 'web' }],
        issues: [
          { key: 'AP-1', application: 'api' },
          { key: 'AP-1', application: 'billing' },
        ],
        pullRequests: [{ id: '1', title: 'no application', state: 'merged' }],
        commits: [{ sha: 'c1', message: 'x', application: 'api' }],
      }),
      { groupBy: 'application' },
    );
    expect(keys(notes)).toEqual(['api', 'billing', 'web', '']);
    const [api, billing, web, other] = notes.groups!;
    expect(api!.items).toEqual([notes.issues[0], notes.commits[0]]);
    expect(billing!.items[0]).toBe(notes.issues[0]);
    expect(web!.items).toEqual([notes.images[0]]);
    expect(other!.items).toEqual([notes.pullRequests[0]]);
  });

  it('groups the sample by application with every item placed', () => {
    const notes = compileReleaseNotes(sampleRelease({ shape: 'regions', state: 'succeeded' }), { groupBy: 'application' });
    const names = keys(notes)!;
    expect(names).toEqual([...names].sort());
    expect(new Set(notes.groups!.flatMap((g) => g.items)).size).toBe(notes.counts.total);
  });

  it('has no groups without groupBy, and empty groups for no notes', () => {
    expect(compileReleaseNotes(duplicated()).groups).toBeUndefined();
    expect(compileReleaseNotes(release('r', undefined), { groupBy: 'type' }).groups).toEqual([]);
    expect(compileReleaseNotes(release('r', undefined), { groupBy: 'application' }).groups).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Filtering
// ---------------------------------------------------------------------------------------------

describe('filterReleaseNotes', () => {
  const notes = () => compileReleaseNotes(duplicated(), { groupBy: 'application' });
  const found = (n: CompiledReleaseNotes) => [...n.images, ...n.issues, ...n.pullRequests, ...n.commits].map(noteText).map((t) => t.split('\n')[0]);

  it('finds people case-insensitively', () => {
    const byAssignee = filterReleaseNotes(notes(), 'ADA lopez');
    expect(byAssignee.issues.map((i) => i.key)).toEqual(['AP-45834']);
    expect(byAssignee.counts).toEqual({ images: 0, issues: 1, pullRequests: 0, commits: 0, total: 1 });
    expect(filterReleaseNotes(notes(), 'lena').commits).toHaveLength(1);
    expect(filterReleaseNotes(notes(), 'omar').pullRequests.map((p) => p.repo)).toEqual(['acme/checkout']);
  });

  it('finds keys, ids, repos and SHAs', () => {
    expect(found(filterReleaseNotes(notes(), 'ap-45834'))).toEqual(['AP-45834', 'feat(api): retry card payments AP-45834', SHA.toLowerCase()]);
    expect(filterReleaseNotes(notes(), '#42').counts.pullRequests).toBe(2);
    expect(filterReleaseNotes(notes(), 'acme/payments').pullRequests.map((p) => p.title)).toEqual(['Bump payments SDK']);
    expect(filterReleaseNotes(notes(), SHA.slice(0, 7)).counts).toMatchObject({ commits: 1, total: 1 });
  });

  it('finds applications and environments', () => {
    const eu = filterReleaseNotes(notes(), 'prod-eu');
    expect(eu.counts).toEqual({ images: 1, issues: 2, pullRequests: 1, commits: 1, total: 5 });
    expect(eu.pullRequests.map((p) => p.repo)).toEqual(['acme/checkout']);
    expect(filterReleaseNotes(notes(), 'web').counts.total).toBe(4);
  });

  it('keeps only items holding every word, wherever each is', () => {
    const both = filterReleaseNotes(notes(), '  payments   PROD-EU ');
    expect(found(both)).toEqual(['AP-45834', 'feat(api): retry card payments AP-45834']);
    expect(filterReleaseNotes(notes(), 'payments nowhere').counts.total).toBe(0);
  });

  it('filters the groups too, leaving out the empty ones, with the same items', () => {
    const all = notes();
    const lena = filterReleaseNotes(all, 'lena');
    expect(keys(lena)).toEqual(['checkout-api', 'web']);
    for (const group of lena.groups!) expect(group.items).toEqual([lena.commits[0]]);
    expect(lena.commits[0]).toBe(all.commits[0]);
    expect(filterReleaseNotes(all, 'zzz')).toEqual({ images: [], issues: [], pullRequests: [], commits: [], counts: { images: 0, issues: 0, pullRequests: 0, commits: 0, total: 0 }, groups: [] });
  });

  it('returns the same notes for an empty or blank query, and leaves the notes it filters alone', () => {
    const all = notes();
    expect(filterReleaseNotes(all, '')).toBe(all);
    expect(filterReleaseNotes(all, ' \t\n ')).toBe(all);
    const before = structuredClone(all);
    filterReleaseNotes(all, 'ada');
    expect(all).toEqual(before);
  });

  it('does not add groups to notes compiled without them', () => {
    expect(filterReleaseNotes(compileReleaseNotes(duplicated()), 'ada').groups).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

describe('releaseNotesToMarkdown', () => {
  const headings = (markdown: string) => lines(markdown).filter((l) => l.startsWith('#'));
  const markdownOf = (notes: unknown, options?: { title?: string }) => releaseNotesToMarkdown(compileReleaseNotes(release('r', notes)), options);

  it('has a section per kind with its count, in order', () => {
    const markdown = releaseNotesToMarkdown(compileReleaseNotes(duplicated(), { issueKeys: [jiraKeys('https://acme.atlassian.net')] }), { title: 'Checkout 1.2.0' });
    expect(headings(markdown)).toEqual(['# Checkout 1.2.0', '## Images (1)', '## Issues (2)', '## Pull Requests (2)', '## Commits (1)']);
    expect(lines(markdown)).toEqual([
      '# Checkout 1.2.0',
      '',
      '## Images (1)',
      '',
      '- `ghcr.io/acme/checkout-api:1.2.0` (checkout-api, web)',
      '',
      '## Issues (2)',
      '',
      `- [AP-45834](${JIRA}): Retry card payments, assigned to Ada Lopez (checkout-api, payments, web)`,
      '- AP-7: Docs for coupons',
      '',
      '## Pull Requests (2)',
      '',
      `- feat(api): retry card payments [AP-45834](${JIRA}) [acme/checkout\\#42](https://github.com/acme/checkout/pull/42) by Omar Haddad (checkout-api, web)`,
      '- Bump payments SDK [acme/payments\\#42](https://github.com/acme/payments/pull/42) by Kenji Sato (payments)',
      '',
      '## Commits (1)',
      '',
      `- [\`4f2a9c1\`](https://github.com/acme/checkout/commit/${SHA.toLowerCase()}) fix: round totals by Lena Novak (checkout-api, web)`,
      '',
    ]);
  });

  it('lists every item of the sample once', () => {
    const notes = compileReleaseNotes(sampleRelease({ shape: 'regions', state: 'succeeded' }));
    const markdown = releaseNotesToMarkdown(notes);
    expect(headings(markdown)).toEqual([
      `## Images (${notes.counts.images})`,
      `## Issues (${notes.counts.issues})`,
      `## Pull Requests (${notes.counts.pullRequests})`,
      `## Commits (${notes.counts.commits})`,
    ]);
    expect(itemLines(markdown)).toHaveLength(notes.counts.total);
  });

  it('leaves out empty sections', () => {
    const markdown = markdownOf({ commits: [{ sha: 'abcdef0123', message: 'fix: x' }] });
    expect(markdown).toBe('## Commits (1)\n\n- `abcdef0` fix: x\n');
  });

  it('says No changes. for no notes', () => {
    expect(markdownOf(undefined)).toBe('No changes.\n');
    expect(markdownOf({ images: [], issues: [] })).toBe('No changes.\n');
    expect(markdownOf(undefined, { title: '' })).toBe('No changes.\n');
  });

  // Regression: with a title, empty notes give only the heading: `out` already holds the title when the
  // emptiness check runs. Input: releaseNotesToMarkdown(compileReleaseNotes([]), { title: 'Checkout 1.2.0' })
  // gives '# Checkout 1.2.0\n' with no 'No changes.'.
  it('says No changes. under a title too', () => {
    expect(releaseNotesToMarkdown(compileReleaseNotes([]), { title: 'Checkout 1.2.0' })).toBe('# Checkout 1.2.0\n\nNo changes.\n');
  });

  it('links only http(s) URLs', () => {
    const notes = compileReleaseNotes(
      release('r', {
        images: [{ reference: 'img:1', url: 'ftp://registry.acme.dev/img' }],
        issues: [{ key: 'AP-1', url: 'mailto:ops@acme.dev' }, { key: 'AP-2', url: 'HTTPS://jira.acme.dev/AP-2' }],
        pullRequests: [{ id: '1', title: 'x', state: 'merged', url: 'javascript:alert(1)' }],
        commits: [{ sha: 'abcdef0', message: 'y', url: 'data:text/html,hi' }],
      }),
    );
    expect(itemLines(releaseNotesToMarkdown(notes))).toEqual(['- `img:1`', '- AP-1', '- [AP-2](HTTPS://jira.acme.dev/AP-2)', '- x \\#1', '- `abcdef0` y']);
    // Notes built or changed by hand are checked again.
    notes.issues[1]!.url = 'javascript:alert(1)';
    notes.commits[0]!.url = 'mailto:ops@acme.dev';
    notes.commits[0]!.titleParts = [{ text: 'y', issue: 'y', href: 'vbscript:msgbox(1)' }];
    const markdown = releaseNotesToMarkdown(notes);
    expect(markdown).not.toMatch(/\]\((?!https?:)/i);
    expect(itemLines(markdown)).toContain('- AP-2');
    expect(itemLines(markdown)).toContain('- `abcdef0` y');
  });

  describe('untrusted text stays text', () => {
    const HOSTILE: Array<[string, string]> = [
      ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
      ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
      ['![img](http://x/y.png)', '\\!\\[img\\](http://x/y.png)'],
      ['**bold** __strong__ ~~gone~~', '\\*\\*bold\\*\\* \\_\\_strong\\_\\_ \\~\\~gone\\~\\~'],
      ['`code` and ``double``', '\\`code\\` and \\`\\`double\\`\\`'],
      ['&lt;img src=x onerror=alert(1)&gt;', '\\&lt;img src=x onerror=alert(1)\\&gt;'],
      ['a \\[not escaped\\]', 'a \\\\\\[not escaped\\\\\\]'],
      ['x\n# Heading\n- item', 'x \\# Heading - item'],
      ['tab\there\r\nand\u2028more\u2029end\u0000', 'tab here and more end'],
    ];

    it.each(HOSTILE)('escapes %j', (text, escaped) => {
      expect(escapeMarkdown(text)).toBe(escaped);
      expect(unescapedSyntax(escaped)).toEqual([]);
    });

    it.each(HOSTILE)('keeps %j inert wherever it appears', (text, escaped) => {
      const markdown = releaseNotesToMarkdown(
        compileReleaseNotes(
          release('r', {
            issues: [{ key: 'AP-1', title: text }],
            pullRequests: [{ id: '1', title: text, state: 'merged', author: { name: text } }],
            commits: [{ sha: 'abcdef0', message: text, application: text }],
          }),
          { issueKeys: [jiraKeys('https://acme.atlassian.net')] },
        ),
        { title: text },
      );
      expect(lines(markdown)).toEqual([
        `# ${escaped}`,
        '',
        '## Issues (1)',
        '',
        `- AP-1: ${escaped}`,
        '',
        '## Pull Requests (1)',
        '',
        `- ${escaped} \\#1 by ${escaped}`,
        '',
        '## Commits (1)',
        '',
        // A commit shows its first line only.
        `- \`abcdef0\` ${escapeMarkdown(text.split('\n')[0]!)} (${escaped})`,
        '',
      ]);
    });

    it('escapes any text into one line with no unescaped syntax and the same visible characters', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[\s\\`*_[\]<>&~!#()-]*$/)), (text) => {
          const escaped = escapeMarkdown(text);
          expect(escaped).not.toMatch(/[\n\r\u2028\u2029]/);
          expect(unescapedSyntax(escaped)).toEqual([]);
          // eslint-disable-next-line no-control-regex
          expect(unescape(escaped)).toBe(text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim());
        }),
        { numRuns: 500, seed: 20261126 },
      );
    });

    it('keeps a key link from forming image syntax with a ! before it', () => {
      const markdown = markdownOf({ pullRequests: [{ id: '1', title: 'look!AP-1', state: 'merged' }] });
      const linked = releaseNotesToMarkdown(compileReleaseNotes(release('r', { pullRequests: [{ id: '1', title: 'look!AP-1', state: 'merged' }] }), { issueKeys: [jiraKeys('https://j.example')] }));
      expect(markdown).not.toMatch(/(^|[^\\])!\[/m);
      expect(linked).not.toMatch(/(^|[^\\])!\[/m);
      expect(linked).toContain('[AP-1](https://j.example/browse/AP-1)');
    });

    it('keeps bidi overrides and zero-width characters as they are, unable to add syntax', () => {
      const tricky = 'pay\u202Egnp.exe\u202C \u200Bzero\u200Cwidth\u200D join\u2066iso\u2069 end\u202E';
      expect(escapeMarkdown(tricky)).toBe(tricky);
      expect(escapeMarkdown('\u202E[x](javascript:alert(1))')).toBe('\u202E\\[x\\](javascript:alert(1))');
      expect(escapeMarkdown('\u202E\n# x')).toBe('\u202E \\# x');
      const markdown = markdownOf(
        {
          issues: [{ key: 'AP-1', title: tricky, application: tricky }],
          pullRequests: [{ id: '1', title: `\u202E${tricky}`, state: 'merged' }],
          commits: [{ sha: 'abcdef0', message: `\u200B${tricky}\n\u200B# not a heading` }],
        },
        { title: tricky },
      );
      expect(lines(markdown)).toEqual([
        `# ${tricky}`,
        '',
        '## Issues (1)',
        '',
        `- AP-1: ${tricky} (${tricky})`,
        '',
        '## Pull Requests (1)',
        '',
        `- \u202E${tricky} \\#1`,
        '',
        '## Commits (1)',
        '',
        `- \`abcdef0\` \u200B${tricky}`,
        '',
      ]);
    });

    it('keeps a byte-order mark or no-break space as it is in every title', () => {
      const text = 'bom\uFEFFin nb\u00A0sp';
      const markdown = markdownOf({ issues: [{ key: 'AP-1', title: text }], pullRequests: [{ id: '1', title: text, state: 'merged' }], commits: [{ sha: 'abcdef0', message: text }] });
      expect(itemLines(markdown)).toEqual([`- AP-1: ${text}`, `- ${text} \\#1`, `- \`abcdef0\` ${text}`]);
    });

    it('turns a 100 kB commit message into its first line', () => {
      const message = `fix: first line AP-1\n${'y <b>[x](javascript:z)\n'.repeat(4_500)}TAIL`;
      expect(message.length).toBeGreaterThan(100_000);
      const notes = compileReleaseNotes(release('r', { commits: [{ sha: 'abcdef0', message }] }), { issueKeys: [jiraKeys('https://j.example')] });
      expect(notes.commits[0]).toMatchObject({ message, title: 'fix: first line AP-1' });
      expect(releaseNotesToMarkdown(notes)).toBe('## Commits (1)\n\n- `abcdef0` fix: first line [AP-1](https://j.example/browse/AP-1)\n');
    });

    it('keeps a 100 kB one-line title on one line', () => {
      const title = 'AP-1 <b>[x](javascript:z)</b> #2 '.repeat(3_500);
      expect(title.length).toBeGreaterThan(100_000);
      const notes = compileReleaseNotes(release('r', { pullRequests: [{ id: '1', title, state: 'merged' }] }), { issueKeys: [jiraKeys('https://j.example'), githubKeys({ repo: 'a/b' })] });
      expect(joined(notes.pullRequests[0]!.titleParts)).toBe(title);
      const markdown = releaseNotesToMarkdown(notes);
      expect(itemLines(markdown)).toHaveLength(1);
      expect(markdown).not.toMatch(/<b>|[^\\]\[x\]/);
    });
  });

  describe('link targets', () => {
    const target = (url: string) => {
      const [line] = itemLines(markdownOf({ issues: [{ key: 'AP-1', url }] }));
      const match = /^- \[AP-1\]\((.*)\)$/.exec(line!);
      expect(match, line).not.toBeNull();
      return match![1]!;
    };

    it('percent-encodes parentheses, spaces and angle brackets', () => {
      expect(target('https://x.test/a b)c(d<e>f')).toBe('https://x.test/a%20b%29c%28d%3Ce%3Ef');
      expect(target('https://x.test/a)](javascript:alert(1))')).toBe('https://x.test/a%29]%28javascript:alert%281%29%29');
    });

    it('lets no ASCII URL end its link early, and points at the same URL', () => {
      const tail = fc.string({ unit: fc.constantFrom(...'ab09 ()<>[]"\'`!*_#?=&/\t\n'.split('')) });
      fc.assert(
        fc.property(tail, (suffix) => {
          const url = `https://x.test/${suffix}`;
          const t = target(url);
          expect(t).not.toMatch(/[\s()<>\\]/);
          expect(decodeURIComponent(t)).toBe(url.trim());
        }),
        { numRuns: 300, seed: 20261126 },
      );
    });

    // Regression: non-ASCII white space is encoded as `%` + its UTF-16 code in hex instead of UTF-8:
    // U+2028 becomes '%2028' (read back as ' 28') and U+00A0 '%A0' (not UTF-8), so the link
    // points somewhere else. Input: issue url 'https://x.test/a\u2028b' → target 'https://x.test/a%2028b'.
    it('keeps non-ASCII white space in a URL pointing at the same URL', () => {
      for (const url of ['https://x.test/a\u2028b', 'https://x.test/a\u00a0b', 'https://x.test/a\u3000b']) expect(decodeURIComponent(target(url))).toBe(url);
    });

    // Regression: a backslash in a URL is left as is, and in a CommonMark link destination it escapes
    // the next character: 'https://x.test/a\' gives '[AP-1](https://x.test/a\)', whose ')' is
    // then escaped, so the link does not close where it should.
    it('does not leave a backslash to escape the link\'s closing parenthesis', () => {
      expect(target('https://x.test/a\\')).not.toMatch(/\\/);
    });
  });

  describe('block syntax at the start of a line (bugs)', () => {
    // Regression: escapeMarkdown assumes a title cannot start a block because its line is a bullet, but
    // a list item's content can itself be a block: a pull request title comes right after '- ',
    // so '# Heading' renders as a heading, '- x' / '+ x' / '1. x' as nested lists; an issue key
    // '---' makes '- ---', a thematic break. Input: PR { id: '1', title: '# Release approved' } →
    // line '- # Release approved \#1'.
    it.each(['# Release approved', '- nested', '+ nested', '1. ordered', '2) ordered'])('keeps a pull request titled %j a plain bullet', (title) => {
      const [line] = itemLines(markdownOf({ pullRequests: [{ id: '1', title, state: 'merged' }] }));
      expect(line!.slice(2)).not.toMatch(BLOCK_START);
    });

    it('keeps an issue keyed --- a bullet, not a thematic break', () => {
      const [line] = itemLines(markdownOf({ issues: [{ key: '---' }] }));
      expect(line!.slice(2)).not.toMatch(BLOCK_START);
    });

    // Regression: an ATX heading drops a closing run of '#': the title 'Release #' renders as 'Release'.
    it('keeps a title ending in # whole', () => {
      const [heading] = lines(markdownOf(undefined, { title: 'Release #' }));
      expect(heading).not.toMatch(/[ \t]#+[ \t]*$/);
    });

    it('keeps a commit title starting with # after its SHA, where it cannot start a block', () => {
      expect(itemLines(markdownOf({ commits: [{ sha: 'abcdef0', message: '# Heading' }] }))).toEqual(['- `abcdef0` \\# Heading']);
    });
  });

  describe('code spans', () => {
    // Regression: a line break in an image reference ended the bullet, so the rest became
    // Markdown, raw HTML included.
    it('keeps an image reference with line breaks on its line', () => {
      const markdown = markdownOf({ images: [{ reference: 'img:1\n# Heading\n<script>alert(1)</script>' }] });
      expect(lines(markdown)).toHaveLength(4);
      // Only the section heading starts a line with '#'; nothing starts one with '<'.
      expect(markdown.match(/^[#<].*$/gm)).toEqual(['## Images (1)']);
    });

    // Regression: a backtick in a commit SHA ended its code span early (raw HTML after it), and
    // a line break ended the bullet.
    it('keeps a hostile commit SHA inside its code span', () => {
      for (const sha of ['a`<img>z', 'a\n# Hi']) {
        const markdown = markdownOf({ commits: [{ sha, message: 'x' }] });
        expect(lines(markdown)).toHaveLength(4);
        expect(itemLines(markdown)[0]).toMatch(/^- `[^`]*` x$/);
      }
    });
  });

  // Regression: title parts are escaped one by one (each trimmed) and then joined with spaces, so
  // punctuation around a key gets spaces it did not have. Input: PR title 'Fix (AP-1): done' with
  // jiraKeys('https://j.example') gives 'Fix ( [AP-1](https://j.example/browse/AP-1) ): done'.
  // A fix must still keep '!' before a key from making '![' (see the test above).
  it('keeps the text around a linked key as it was', () => {
    const notes = compileReleaseNotes(release('r', { pullRequests: [{ id: '1', title: 'Fix (AP-1): done', state: 'merged' }] }), { issueKeys: [jiraKeys('https://j.example')] });
    expect(itemLines(releaseNotesToMarkdown(notes))).toEqual(['- Fix ([AP-1](https://j.example/browse/AP-1)): done \\#1']);
  });
});

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

describe('compileReleaseNotes on bad data', () => {
  const error = (run: () => unknown): ReleaseDataError => {
    try {
      run();
    } catch (e) {
      expect(isReleaseDataError(e)).toBe(true);
      expect(e).toBeInstanceOf(ReleaseDataError);
      return e as ReleaseDataError;
    }
    throw new Error('expected a ReleaseDataError');
  };

  it.each<[string, unknown, string, unknown]>([
    ['issues that are not a list', { issues: 'AP-1' }, '$.notes.issues', 'AP-1'],
    ['images that are not a list', { images: { reference: 'x' } }, '$.notes.images', { reference: 'x' }],
    ['pull requests that are not a list', { pullRequests: 5 }, '$.notes.pullRequests', 5],
    ['commits that are not a list', { commits: 'abc' }, '$.notes.commits', 'abc'],
    ['an issue without a key', { issues: [{ key: 'AP-1' }, { title: 'no key' }] }, '$.notes.issues[1].key', undefined],
    ['an issue with an empty key', { issues: [{ key: '' }] }, '$.notes.issues[0].key', ''],
    ['an issue with a numeric key', { issues: [{ key: 45834 }] }, '$.notes.issues[0].key', 45834],
    ['an issue that is null', { issues: [null] }, '$.notes.issues[0].key', undefined],
    ['a pull request without an id', { pullRequests: [{ id: '1', title: 'a' }, { title: 'b' }] }, '$.notes.pullRequests[1].id', undefined],
    ['a pull request with an object id', { pullRequests: [{ id: { n: 1 } }] }, '$.notes.pullRequests[0].id', { n: 1 }],
    ['a commit without a sha', { commits: [{ message: 'x' }] }, '$.notes.commits[0].sha', undefined],
    ['a commit that is a string', { commits: ['abcdef0'] }, '$.notes.commits[0].sha', undefined],
    ['an image without a reference', { images: [{ repository: 'ghcr.io/acme/x' }] }, '$.notes.images[0].reference', undefined],
  ])('rejects %s with its path', (_, notes, path, value) => {
    const e = error(() => compileReleaseNotes(release('r', notes)));
    expect(e.path).toBe(path);
    expect(e.value).toEqual(value);
  });

  it('names the release in the path for a list of releases', () => {
    const ok = release('a', { commits: [{ sha: 'abc' }] });
    expect(error(() => compileReleaseNotes([ok, ok, release('c', { commits: [{ message: 'x' }] })])).path).toBe('$[2].notes.commits[0].sha');
    expect(error(() => compileReleaseNotes([ok, release('b', { issues: [{}] })])).path).toBe('$[1].notes.issues[0].key');
    expect(error(() => compileReleaseNotes([ok, null as unknown as Release])).path).toBe('$[1]');
    expect(error(() => compileReleaseNotes([ok, 'release' as unknown as Release])).path).toBe('$[1]');
  });

  // Regression: a single release that is not an object is reported at '$[0]', a path that does not
  // exist in the input (which is not a list); '$' is its path. Input: compileReleaseNotes(null).
  it('names the root for a single release that is not an object', () => {
    expect(error(() => compileReleaseNotes(null as unknown as Release)).path).toBe('$');
  });

  it('gives empty notes for releases without notes', () => {
    const empty = { images: [], issues: [], pullRequests: [], commits: [], counts: { images: 0, issues: 0, pullRequests: 0, commits: 0, total: 0 } };
    expect(compileReleaseNotes(release('r', undefined))).toEqual(empty);
    expect(compileReleaseNotes(release('r', null))).toEqual(empty);
    expect(compileReleaseNotes([release('a', undefined), release('b', null)])).toEqual(empty);
    expect(compileReleaseNotes([])).toEqual(empty);
    expect(compileReleaseNotes(release('r', { issues: null, commits: undefined }))).toEqual(empty);
  });

  it('gives a result or a ReleaseDataError for random damage to valid notes, never another error', () => {
    type Key = string | number;
    const pathsOf = (value: unknown, at: Key[] = []): Key[][] => {
      if (typeof value !== 'object' || value === null) return [];
      return Object.entries(value).flatMap(([k, v]) => {
        const here = [...at, Array.isArray(value) ? Number(k) : k];
        return [here, ...pathsOf(v, here)];
      });
    };
    const wrong = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.string(),
      fc.constant([]),
      fc.constant({}),
      fc.array(fc.anything(), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
      fc.anything(),
    );
    const damage = fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('delete', 'null', 'replace'), value: wrong }), { minLength: 1, maxLength: 6 });
    const options = fc.record({
      issueKeys: fc.constantFrom(undefined, [jiraKeys('https://acme.atlassian.net'), githubKeys({ repo: 'acme/checkout' })]),
      groupBy: fc.constantFrom(undefined, 'type' as const, 'application' as const),
    });
    let failed = 0;
    fc.assert(
      fc.property(damage, fc.boolean(), options, fc.string({ maxLength: 4 }), (changes, single, opts, query) => {
        const root: unknown[] = structuredClone(duplicated());
        for (const change of changes) {
          const paths = pathsOf(root);
          const path = paths[change.at % paths.length]!;
          let parent = root as unknown as Record<Key, unknown>;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
          const last = path.at(-1)!;
          if (change.op === 'delete') {
            if (Array.isArray(parent)) parent.splice(Number(last), 1);
            else delete parent[last];
          } else parent[last] = change.op === 'null' ? null : change.value;
        }
        const input = (single ? root[0] : root) as Release | Release[];
        let notes: CompiledReleaseNotes;
        try {
          notes = compileReleaseNotes(input, opts);
        } catch (e) {
          if (!isReleaseDataError(e)) throw e;
          expect(e.path).toMatch(/^\$/);
          failed++;
          return;
        }
        const { counts } = notes;
        expect(counts).toEqual({
          images: notes.images.length,
          issues: notes.issues.length,
          pullRequests: notes.pullRequests.length,
          commits: notes.commits.length,
          total: notes.images.length + notes.issues.length + notes.pullRequests.length + notes.commits.length,
        });
        expect(typeof releaseNotesToMarkdown(notes, { title: 'x' })).toBe('string');
        expect(filterReleaseNotes(notes, query).counts.total).toBeLessThanOrEqual(counts.total);
      }),
      { numRuns: 600, seed: 20261126 },
    );
    // Both outcomes were exercised.
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(600);
  });
});
