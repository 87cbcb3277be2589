import { describe, expect, it } from 'vitest';
import { isReleaseDataError } from '../../src/headless/adapters/errors';
import { compareReleases } from '../../src/headless/diff/compare';
import type { ApplicationState, EnvironmentStep, Release, ReleaseNotes, Status } from '../../src/headless/model/types';
import { sampleRelease } from '../../src/headless/sample';

const app = (version: string): ApplicationState => ({ name: 'api', version, sync: 'synced', health: 'healthy' });
const env = (name: string, status: Status, version: string): EnvironmentStep => ({
  name,
  dependsOn: [],
  status,
  workflows: { trigger: [], preAction: [], postAction: [] },
  applications: [app(version)],
  issues: [],
});
const commit = (c: string, message: string) => ({ sha: c.repeat(40), message });
const pr = (id: string) => ({ id, title: `PR ${id}`, state: 'merged' as const, repo: 'acme/api' });
const issue = (key: string) => ({ key });
const image = (tag: string) => ({ reference: `ghcr.io/acme/api:${tag}`, tag, application: 'api' });

function release(id: string, day: number, environments: EnvironmentStep[], notes: ReleaseNotes): Release {
  return {
    id,
    product: 'checkout',
    version: `1.0.${day}`,
    flow: { name: 'flow' },
    status: 'succeeded',
    trigger: { kind: 'git-commit', environment: 'dev' },
    createdAt: `2026-01-0${day}T00:00:00Z`,
    environments,
    notes,
  };
}

const r0 = release('r0', 1, [env('dev', 'succeeded', '0.9.0')], { images: [], issues: [issue('PAY-0')], pullRequests: [], commits: [commit('0', 'old')] });
const r1 = release('r1', 2, [env('dev', 'succeeded', '1.0.0'), env('prod', 'succeeded', '1.0.0'), env('qa', 'succeeded', '1.0.0')], {
  images: [image('1.0.0')],
  issues: [issue('PAY-1')],
  pullRequests: [pr('1')],
  commits: [commit('a', 'fix: one')],
});
const r2 = release('r2', 3, [env('dev', 'succeeded', '1.0.5')], {
  images: [image('1.0.5')],
  issues: [issue('PAY-2')],
  pullRequests: [pr('2')],
  commits: [commit('b', 'feat: two'), commit('a', 'fix: one')],
});
const r3 = release('r3', 4, [env('dev', 'succeeded', '1.1.0'), env('prod', 'running', '1.0.0'), env('stage', 'pending', '1.1.0')], {
  images: [image('1.1.0')],
  issues: [issue('PAY-3'), issue('PAY-1')],
  pullRequests: [pr('3'), pr('1')],
  commits: [commit('c', 'feat: three'), commit('b', 'feat: two')],
});
const r4 = release('r4', 5, [env('dev', 'succeeded', '1.2.0')], { images: [], issues: [issue('PAY-4')], pullRequests: [], commits: [commit('d', 'later')] });

const caught = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('compareReleases', () => {
  it('orders the two by date and says what changed per environment', () => {
    const result = compareReleases(r3, r1);
    expect(result.older).toBe(r1);
    expect(result.newer).toBe(r3);
    expect(result.same).toBe(false);
    expect(result.environments).toEqual([
      { name: 'dev', change: 'changed', before: { status: 'succeeded', versions: ['1.0.0'] }, after: { status: 'succeeded', versions: ['1.1.0'] }, statusChanged: false, versionChanged: true },
      // Its application's version did not change (its image did, by the notes), its status did.
      { name: 'prod', change: 'changed', before: { status: 'succeeded', versions: ['1.0.0'] }, after: { status: 'running', versions: ['1.0.0'] }, statusChanged: true, versionChanged: false },
      { name: 'stage', change: 'added', after: { status: 'pending', versions: ['1.1.0'] }, statusChanged: false, versionChanged: false },
      { name: 'qa', change: 'removed', before: { status: 'succeeded', versions: ['1.0.0'] }, statusChanged: false, versionChanged: false },
    ]);
    expect(result.diff.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 0 });
  });

  it('counts an environment whose status alone differs as changed', () => {
    const later = { ...r1, id: 'r1b', createdAt: '2026-01-09T00:00:00Z', environments: r1.environments.map((e) => (e.name === 'prod' ? { ...e, status: 'failed' as Status } : e)) };
    const result = compareReleases(r1, later);
    expect(result.diff.counts.changed).toBe(0);
    expect(result.environments.map((e) => [e.name, e.change, e.statusChanged])).toEqual([
      ['dev', 'unchanged', false],
      ['prod', 'changed', true],
      ['qa', 'unchanged', false],
    ]);
    // Same notes: nothing new to promote.
    expect(result.notes.counts.total).toBe(0);
  });

  it("lists what the newer release carries that the older one does not", () => {
    const { notes, releases } = compareReleases(r1, r3);
    expect(releases).toEqual([r3]);
    expect(notes.commits.map((c) => c.sha[0])).toEqual(['c', 'b']);
    expect(notes.pullRequests.map((p) => p.id)).toEqual(['3']);
    expect(notes.issues.map((i) => i.key)).toEqual(['PAY-3']);
    expect(notes.images.map((i) => i.tag)).toEqual(['1.1.0']);
    expect(notes.counts).toEqual({ images: 1, issues: 1, pullRequests: 1, commits: 2, total: 5 });
  });

  it('adds what the releases in between carried, once each, and nothing from before or after', () => {
    const { notes, releases } = compareReleases(r1, r3, { releases: [r4, r2, r0, r3, r1, r2] });
    expect(releases.map((r) => r.id)).toEqual(['r3', 'r2']);
    expect(notes.commits.map((c) => [c.sha[0], c.releases])).toEqual([
      ['c', ['r3']],
      ['b', ['r3', 'r2']],
    ]);
    expect(notes.pullRequests.map((p) => p.id)).toEqual(['3', '2']);
    expect(notes.issues.map((i) => i.key)).toEqual(['PAY-3', 'PAY-2']);
    expect(notes.images.map((i) => i.tag)).toEqual(['1.1.0', '1.0.5']);
    expect(notes.counts.total).toBe(8);
  });

  it('keeps the grouping asked for, without the items the older release had', () => {
    const { notes } = compareReleases(r1, r3, { groupBy: 'type', releases: [r2] });
    expect(notes.groups?.map((group) => [group.key, group.items.map((item) => (item.kind === 'commit' ? item.sha[0] : item.kind))])).toEqual([
      ['feat', ['c', 'b']],
      ['other', ['pull-request', 'pull-request']],
    ]);
  });

  it('finds nothing to promote from a release to itself', () => {
    for (const other of [r1, { ...r1 }]) {
      const result = compareReleases(r1, other, { releases: [r0, r2] });
      expect(result.same).toBe(true);
      expect(result.releases).toEqual([]);
      expect(result.notes.counts.total).toBe(0);
      expect(result.environments.every((environment) => environment.change === 'unchanged')).toBe(true);
    }
  });

  it('compares two sample releases of one product', () => {
    const a = sampleRelease({ shape: 'regions', seed: 1 });
    const b = sampleRelease({ shape: 'regions', seed: 2 });
    const result = compareReleases(a, b);
    // seed 2 was created a few minutes before seed 1.
    expect(result.older).toBe(b);
    expect(result.notes.commits.length).toBe(a.notes!.commits.length);
    expect(result.environments.map((environment) => environment.name)).toEqual(a.environments.map((environment) => environment.name));
  });

  it('names the bad argument in the error path', () => {
    const paths = [
      caught(() => compareReleases(null as never, r1)),
      caught(() => compareReleases(r1, { ...r3, environments: 'x' as never })),
      caught(() => compareReleases({ ...r3, environments: [{ name: '' }] as never }, r1)),
      caught(() => compareReleases(r1, r3, { releases: 'x' as never })),
      caught(() => compareReleases(r1, r3, { releases: [r2, 42 as never] })),
      caught(() => compareReleases(r1, r3, { releases: [r0, { ...r2, notes: { ...r2.notes!, commits: 'x' as never } }] })),
      caught(() => compareReleases({ ...r1, notes: { ...r1.notes!, commits: [{ sha: '' }] as never } }, r3)),
    ].map((error) => (isReleaseDataError(error) ? error.path : String(error)));
    expect(paths).toEqual([
      '$.a',
      '$.b.environments',
      '$.a.environments[0].name',
      '$.options.releases',
      '$.options.releases[1]',
      '$.options.releases[1].notes.commits',
      '$.a.notes.commits[0].sha',
    ]);
    const error = caught(() => compareReleases(r1, { ...r3, environments: 'x' as never })) as Error;
    expect(error.message).toBe('A release needs a list of environments (at $.b.environments: "x")');
  });
});
