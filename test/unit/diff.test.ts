import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReleaseDataError, isReleaseDataError } from '../../src/headless/adapters/errors';
import { changesSinceLastRelease, diffReleases, type ApplicationDiff, type ReleaseDiffResult } from '../../src/headless/diff';
import type { ApplicationState, EnvironmentStep, Release, ReleaseImage, ReleaseNotes, Status } from '../../src/headless/model/types';
import { compileReleaseNotes, githubKeys } from '../../src/headless/notes';
import { sampleRelease, sampleReleaseHistory } from '../../src/headless/sample';

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

const SHA = (c: string) => c.repeat(40);

function app(name: string, version?: string, commitSha?: string): ApplicationState {
  return { name, ...(version && { version }), ...(commitSha && { commitSha }), sync: 'synced', health: 'healthy' };
}

function env(name: string, applications: ApplicationState[], status: Status = 'succeeded'): EnvironmentStep {
  return { name, dependsOn: [], status, workflows: { trigger: [], preAction: [], postAction: [] }, applications, issues: [] };
}

function image(application: string, tag: string, repository = `ghcr.io/acme/${application}`, digest?: string): ReleaseImage {
  return { reference: `${repository}:${tag}${digest ? `@${digest}` : ''}`, repository, tag, application, ...(digest && { digest }) };
}

function release(id: string, environments: EnvironmentStep[], extra: Partial<Release> = {}): Release {
  return {
    id,
    product: 'checkout',
    flow: { name: 'flow' },
    status: 'succeeded',
    trigger: { kind: 'git-commit', environment: environments[0]?.name ?? 'dev' },
    createdAt: '2026-01-01T00:00:00Z',
    environments,
    ...extra,
  };
}

function notes(partial: Partial<ReleaseNotes>): ReleaseNotes {
  return { images: [], issues: [], pullRequests: [], commits: [], ...partial };
}

/** A release whose every environment runs the given applications at one version, commit and image tag. */
function uniform(id: string, envNames: string[], apps: string[], version: string, sha: string): Release {
  return release(
    id,
    envNames.map((name) => env(name, apps.map((a) => app(a, version, sha)))),
    { notes: notes({ images: apps.map((a) => image(a, version)) }) },
  );
}

const entry = (diff: ReleaseDiffResult, environment: string, application: string): ApplicationDiff | undefined =>
  diff.entries.find((e) => e.environment === environment && e.application === application);

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

/** The value at a `$.a.b[2].c` path (the root is `$`), or a marker when the path leads nowhere. */
const NOWHERE = Symbol('nowhere');
function at(root: unknown, path: string): unknown {
  const parts = path.replace(/^\$/, '').match(/\.[^.[]+|\[\d+\]/g) ?? [];
  let value = root;
  for (const part of parts) {
    if (typeof value !== 'object' || value === null) return NOWHERE;
    value = (value as Record<string, unknown>)[part.startsWith('.') ? part.slice(1) : part.slice(1, -1)];
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// diffReleases
// ---------------------------------------------------------------------------------------------

describe('diffReleases', () => {
  const ENVS = ['dev', 'qa', 'prod'];
  const APPS = ['payments-api', 'cart-api'];

  it('reports every application unchanged when the two releases deploy the same things', () => {
    const a = uniform('a', ENVS, APPS, '1.0.0', SHA('a'));
    const diff = diffReleases(a, structuredClone(a));
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 6 });
    expect(diff.environments).toEqual(ENVS.map((name) => ({ name, change: 'unchanged' })));
    expect(entry(diff, 'qa', 'cart-api')).toEqual({
      environment: 'qa',
      application: 'cart-api',
      change: 'unchanged',
      before: { version: '1.0.0', imageTag: '1.0.0', image: 'ghcr.io/acme/cart-api:1.0.0', commitSha: SHA('a') },
      after: { version: '1.0.0', imageTag: '1.0.0', image: 'ghcr.io/acme/cart-api:1.0.0', commitSha: SHA('a') },
      fields: [],
    });
  });

  it('names only the version when only the version differs', () => {
    const a = release('a', [env('dev', [app('api', '1.0.0', SHA('a'))])]);
    const b = release('b', [env('dev', [app('api', '1.1.0', SHA('a'))])]);
    const diff = diffReleases(a, b);
    expect(diff.entries).toEqual([
      { environment: 'dev', application: 'api', change: 'changed', before: { version: '1.0.0', commitSha: SHA('a') }, after: { version: '1.1.0', commitSha: SHA('a') }, fields: ['version'] },
    ]);
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 0 });
    expect(diff.environments).toEqual([{ name: 'dev', change: 'changed' }]);
  });

  it('names only the image when only the notes image tag differs', () => {
    const a = release('a', [env('dev', [app('api', '1.0.0')])], { notes: notes({ images: [image('api', 'build-41')] }) });
    const b = release('b', [env('dev', [app('api', '1.0.0')])], { notes: notes({ images: [image('api', 'build-42')] }) });
    const e = entry(diffReleases(a, b), 'dev', 'api')!;
    expect(e.change).toBe('changed');
    expect(e.fields).toEqual(['image']);
    expect(e.before).toEqual({ version: '1.0.0', imageTag: 'build-41', image: 'ghcr.io/acme/api:build-41' });
    expect(e.after).toEqual({ version: '1.0.0', imageTag: 'build-42', image: 'ghcr.io/acme/api:build-42' });
  });

  it('names the image when the tag is kept but the image was rebuilt (the reference differs)', () => {
    const a = release('a', [env('dev', [app('api')])], { notes: notes({ images: [image('api', 'latest', undefined, `sha256:${'1'.repeat(64)}`)] }) });
    const b = release('b', [env('dev', [app('api')])], { notes: notes({ images: [image('api', 'latest', undefined, `sha256:${'2'.repeat(64)}`)] }) });
    const e = entry(diffReleases(a, b), 'dev', 'api')!;
    expect(e.before?.imageTag).toBe('latest');
    expect(e.after?.imageTag).toBe('latest');
    expect(e.fields).toEqual(['image']);
  });

  it('names only the commit when only the commit differs', () => {
    const a = release('a', [env('dev', [app('api', '1.0.0', SHA('a'))])]);
    const b = release('b', [env('dev', [app('api', '1.0.0', SHA('b'))])]);
    const e = entry(diffReleases(a, b), 'dev', 'api')!;
    expect(e.change).toBe('changed');
    expect(e.fields).toEqual(['commit']);
  });

  it('compares commits case-insensitively and matches a short SHA to the full one', () => {
    const full = '0123456789abcdef0123456789abcdef01234567';
    const a = release('a', [env('dev', [app('api', undefined, full), app('web', undefined, full), app('job', undefined, 'abc')])]);
    const b = release('b', [env('dev', [app('api', undefined, full.toUpperCase()), app('web', undefined, full.slice(0, 7)), app('job', undefined, 'abd')])]);
    const diff = diffReleases(a, b);
    expect(entry(diff, 'dev', 'api')?.change).toBe('unchanged');
    expect(entry(diff, 'dev', 'web')?.change).toBe('unchanged');
    // Snapshots keep the values as they were given.
    expect(entry(diff, 'dev', 'api')?.after?.commitSha).toBe(full.toUpperCase());
    // Too short to be an abbreviation: compared whole.
    expect(entry(diff, 'dev', 'job')?.fields).toEqual(['commit']);
    const c = release('c', [env('dev', [app('api', undefined, '0123456')])]);
    const d = release('d', [env('dev', [app('api', undefined, '0123457')])]);
    expect(entry(diffReleases(c, d), 'dev', 'api')?.fields).toEqual(['commit']);
  });

  it('lists every differing field in the order version, image, commit', () => {
    const a = uniform('a', ['dev'], ['api'], '1.0.0', SHA('a'));
    const b = uniform('b', ['dev'], ['api'], '2.0.0', SHA('b'));
    expect(entry(diffReleases(a, b), 'dev', 'api')?.fields).toEqual(['version', 'image', 'commit']);
    expect(entry(diffReleases(b, a), 'dev', 'api')?.fields).toEqual(['version', 'image', 'commit']);
  });

  it('does not count a field known on one side only as a change', () => {
    const a = release('a', [env('dev', [app('api', '1.0.0', SHA('a'))])], { notes: notes({ images: [image('api', '1.0.0')] }) });
    const b = release('b', [env('dev', [app('api')])]);
    const e = entry(diffReleases(a, b), 'dev', 'api')!;
    expect(e.change).toBe('unchanged');
    expect(e.before).toEqual({ version: '1.0.0', imageTag: '1.0.0', image: 'ghcr.io/acme/api:1.0.0', commitSha: SHA('a') });
    expect(e.after).toEqual({});
    expect(e.fields).toEqual([]);
  });

  it('reports applications added to and removed from an environment, and the environment as changed', () => {
    const a = release('a', [env('dev', [app('api', '1'), app('old-worker', '1')]), env('qa', [app('api', '1')])]);
    const b = release('b', [env('dev', [app('api', '1'), app('new-worker', '1')]), env('qa', [app('api', '1')])]);
    const diff = diffReleases(a, b);
    expect(diff.entries.map((e) => [e.environment, e.application, e.change])).toEqual([
      ['dev', 'api', 'unchanged'],
      ['dev', 'new-worker', 'added'],
      ['dev', 'old-worker', 'removed'],
      ['qa', 'api', 'unchanged'],
    ]);
    const added = entry(diff, 'dev', 'new-worker')!;
    expect(added).toEqual({ environment: 'dev', application: 'new-worker', change: 'added', after: { version: '1' }, fields: [] });
    expect('before' in added).toBe(false);
    const removed = entry(diff, 'dev', 'old-worker')!;
    expect(removed).toEqual({ environment: 'dev', application: 'old-worker', change: 'removed', before: { version: '1' }, fields: [] });
    expect('after' in removed).toBe(false);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 0, unchanged: 2 });
    expect(diff.environments).toEqual([
      { name: 'dev', change: 'changed' },
      { name: 'qa', change: 'unchanged' },
    ]);
  });

  it('gives added / removed entries for every application of an environment in one release only', () => {
    const a = release('a', [env('dev', [app('api', '1')]), env('legacy', [app('b-app', '1'), app('a-app', '1')])]);
    const b = release('b', [env('dev', [app('api', '1')]), env('prod-eu', [app('web', '2'), app('api', '2')])]);
    const diff = diffReleases(a, b);
    expect(diff.entries.map((e) => [e.environment, e.application, e.change])).toEqual([
      ['dev', 'api', 'unchanged'],
      ['prod-eu', 'api', 'added'],
      ['prod-eu', 'web', 'added'],
      ['legacy', 'a-app', 'removed'],
      ['legacy', 'b-app', 'removed'],
    ]);
    expect(diff.environments).toEqual([
      { name: 'dev', change: 'unchanged' },
      { name: 'prod-eu', change: 'added' },
      { name: 'legacy', change: 'removed' },
    ]);
    expect(diff.counts).toEqual({ added: 2, removed: 2, changed: 0, unchanged: 1 });
  });

  it('marks an environment with no applications added / removed / unchanged by its presence alone', () => {
    const a = release('a', [env('empty', []), env('gone', [])]);
    const b = release('b', [env('new', []), env('empty', [])]);
    const diff = diffReleases(a, b);
    expect(diff.entries).toEqual([]);
    expect(diff.environments).toEqual([
      { name: 'new', change: 'added' },
      { name: 'empty', change: 'unchanged' },
      { name: 'gone', change: 'removed' },
    ]);
  });

  it("orders environments by the next release, then removed ones by the previous release's order", () => {
    const a = release('a', ['z-old', 'prod', 'a-old', 'dev', 'm-old'].map((n) => env(n, [app('api', '1')])));
    const b = release('b', ['qa', 'dev', 'prod', 'canary'].map((n) => env(n, [app('api', '1')])));
    const diff = diffReleases(a, b);
    expect(diff.environments.map((e) => e.name)).toEqual(['qa', 'dev', 'prod', 'canary', 'z-old', 'a-old', 'm-old']);
    expect([...new Set(diff.entries.map((e) => e.environment))]).toEqual(diff.environments.map((e) => e.name));
  });

  it('orders applications by name, in code-unit order, whatever order the releases list them in', () => {
    const names = ['orders', 'Zeta', 'auth', 'cart', 'b2', 'b10'];
    const a = release('a', [env('dev', names.map((n) => app(n, '1')))]);
    const b = release('b', [env('dev', [...names].reverse().map((n) => app(n, '1')))]);
    expect(diffReleases(a, b).entries.map((e) => e.application)).toEqual(['Zeta', 'auth', 'b10', 'b2', 'cart', 'orders']);
  });

  describe('image tags from the notes', () => {
    const withImages = (images: unknown[]) => release('r', [env('dev', [app('api'), app('web')])], { notes: notes({ images: images as ReleaseImage[] }) });
    const tagOf = (r: Release, application = 'api') => entry(diffReleases(r, r), 'dev', application)?.after;

    it("takes the image whose application is the application's", () => {
      const r = withImages([image('web', 'w1'), image('api', 'a1')]);
      expect(tagOf(r)).toEqual({ imageTag: 'a1', image: 'ghcr.io/acme/api:a1' });
      expect(tagOf(r, 'web')).toEqual({ imageTag: 'w1', image: 'ghcr.io/acme/web:w1' });
    });

    it('prefers, among several, the image whose repository is named after the application', () => {
      const r = withImages([image('api', 'm1', 'ghcr.io/acme/api-migrations'), image('api', 's1', 'docker.io/envoyproxy/envoy'), image('api', 'a1', 'ghcr.io/acme/api')]);
      expect(tagOf(r)?.imageTag).toBe('a1');
    });

    it('prefers a repository that mentions the application over one that does not', () => {
      const r = withImages([image('api', 's1', 'docker.io/envoyproxy/envoy'), image('api', 'm1', 'ghcr.io/acme/api-migrations')]);
      expect(tagOf(r)?.imageTag).toBe('m1');
    });

    it('matches the repository name case-insensitively and takes the first of equals', () => {
      expect(tagOf(withImages([image('api', 'x1', 'ghcr.io/acme/sidecar'), image('api', 'A1', 'ghcr.io/acme/API')]))?.imageTag).toBe('A1');
      expect(tagOf(withImages([image('api', 'first', 'ghcr.io/acme/one'), image('api', 'second', 'ghcr.io/acme/two')]))?.imageTag).toBe('first');
      expect(tagOf(withImages([image('api', 'first', 'a.io/api'), image('api', 'second', 'b.io/api')]))?.imageTag).toBe('first');
    });

    it('reads the tag and the repository from the reference when they are not given', () => {
      expect(tagOf(withImages([{ reference: 'ghcr.io/acme/api:2.3.4@sha256:abcd', application: 'api' }]))).toEqual({ imageTag: '2.3.4', image: 'ghcr.io/acme/api:2.3.4@sha256:abcd' });
      // A registry port is not a tag.
      expect(tagOf(withImages([{ reference: 'registry.local:5000/acme/api', application: 'api' }]))).toEqual({ image: 'registry.local:5000/acme/api' });
      expect(tagOf(withImages([{ reference: 'registry.local:5000/acme/api:7', application: 'api' }]))?.imageTag).toBe('7');
      // Best match by the repository read from the reference.
      const r = withImages([
        { reference: 'ghcr.io/acme/sidecar:9', application: 'api' },
        { reference: 'ghcr.io/acme/api:8', application: 'api' },
      ]);
      expect(tagOf(r)?.imageTag).toBe('8');
    });

    it('gives no image to an application no notes image names', () => {
      const r = withImages([image('web', 'w1'), { reference: 'ghcr.io/acme/api:1' }]);
      expect(tagOf(r)).toEqual({});
      expect(tagOf(release('r', [env('dev', [app('api')])]))).toEqual({});
    });

    it('gives every environment of a release the same image for an application', () => {
      const r = release('r', [env('dev', [app('api')]), env('prod', [app('api')])], { notes: notes({ images: [image('api', '5')] }) });
      const diff = diffReleases(r, r);
      expect(diff.entries.map((e) => e.after?.imageTag)).toEqual(['5', '5']);
    });
  });

  describe('validation', () => {
    const good = () => uniform('g', ['dev', 'qa', 'prod'], ['api'], '1', SHA('a'));
    const cases: Array<[string, () => [unknown, unknown], string, unknown]> = [
      ['previous not an object', () => [null, good()], '$.previous', null],
      ['next not an object', () => [good(), 'release'], '$.next', 'release'],
      ['previous an array', () => [[], good()], '$.previous', []],
      ['environments missing', () => [{ ...good(), environments: undefined }, good()], '$.previous.environments', undefined],
      ['environments not a list', () => [good(), { ...good(), environments: { dev: {} } }], '$.next.environments', { dev: {} }],
      [
        'an environment that is not an object',
        () => {
          const r = good() as unknown as { environments: unknown[] };
          r.environments[1] = 42;
          return [good(), r];
        },
        '$.next.environments[1]',
        42,
      ],
      [
        'a name that is a number',
        () => {
          const r = good();
          (r.environments[2] as unknown as { name: unknown }).name = 7;
          return [r, good()];
        },
        '$.previous.environments[2].name',
        7,
      ],
      [
        'an empty name',
        () => {
          const r = good();
          r.environments[0]!.name = '';
          return [good(), r];
        },
        '$.next.environments[0].name',
        '',
      ],
      [
        'a repeated name',
        () => {
          const r = good();
          r.environments[2]!.name = 'dev';
          return [r, good()];
        },
        '$.previous.environments[2].name',
        'dev',
      ],
      [
        'applications not a list',
        () => {
          const r = good();
          (r.environments[1] as unknown as { applications: unknown }).applications = 'api';
          return [good(), r];
        },
        '$.next.environments[1].applications',
        'api',
      ],
    ];

    it.each(cases)('raises ReleaseDataError for %s, naming the path and value', (_name, make, path, value) => {
      const [previous, next] = make();
      const error = thrown(() => diffReleases(previous as Release, next as Release));
      expect(error).toBeInstanceOf(ReleaseDataError);
      expect((error as ReleaseDataError).path).toBe(path);
      expect((error as ReleaseDataError).value).toEqual(value);
      expect((error as Error).message).toContain(path);
    });

    it('checks the previous release before the next one', () => {
      expect((thrown(() => diffReleases(null as unknown as Release, null as unknown as Release)) as ReleaseDataError).path).toBe('$.previous');
    });

    it('reads missing or null applications as none', () => {
      const a = good();
      const b = good();
      delete (a.environments[0] as Partial<EnvironmentStep>).applications;
      (b.environments[0] as unknown as { applications: unknown }).applications = null;
      const diff = diffReleases(a, b);
      expect(diff.entries.filter((e) => e.environment === 'dev')).toEqual([]);
      expect(diff.environments[0]).toEqual({ name: 'dev', change: 'unchanged' });
      const c = good();
      expect(diffReleases(a, c).entries.filter((e) => e.environment === 'dev').map((e) => e.change)).toEqual(['added']);
    });
  });

  describe('odd data reads as missing', () => {
    it('skips applications that are not objects or have no name, and keeps the first of a repeated name', () => {
      const odd = [null, 3, 'api', { name: 42, version: '9' }, { name: '' }, { version: '1' }, app('api', '1'), app('api', '2')];
      const a = release('a', [env('dev', odd as ApplicationState[])]);
      const b = release('b', [env('dev', [app('api', '1')])]);
      const diff = diffReleases(a, b);
      expect(diff.entries).toEqual([{ environment: 'dev', application: 'api', change: 'unchanged', before: { version: '1' }, after: { version: '1' }, fields: [] }]);
    });

    it('treats null, numbers and empty strings in fields as missing', () => {
      const weird = { name: 'api', version: 2, commitSha: null, sync: 'synced', health: 'healthy' };
      const blank = { name: 'api', version: '', commitSha: '', sync: 'synced', health: 'healthy' };
      const a = release('a', [env('dev', [weird as unknown as ApplicationState])]);
      const b = release('b', [env('dev', [blank as unknown as ApplicationState])]);
      expect(diffReleases(a, b).entries).toEqual([{ environment: 'dev', application: 'api', change: 'unchanged', before: {}, after: {}, fields: [] }]);
    });

    it('ignores notes and images it cannot read', () => {
      const envs = [env('dev', [app('api', '1')])];
      const odd: unknown[] = [
        null,
        'notes',
        { images: null },
        { images: 'ghcr.io/acme/api:1' },
        { images: [null, 5, 'x', { application: 'api' }, { application: 'api', reference: 7, tag: 8, repository: 9 }] },
      ];
      for (const n of odd) {
        const r = release('r', envs, { notes: n as ReleaseNotes });
        expect(entry(diffReleases(r, r), 'dev', 'api')?.after, JSON.stringify(n)).toEqual({ version: '1' });
      }
    });

    it('keeps a readable tag when the reference is not', () => {
      const r = release('r', [env('dev', [app('api')])], { notes: notes({ images: [{ reference: 12, tag: 't1', application: 'api' } as unknown as ReleaseImage] }) });
      expect(entry(diffReleases(r, r), 'dev', 'api')?.after).toEqual({ imageTag: 't1' });
    });

    it('never throws anything but ReleaseDataError on randomly mutated releases, and the error names the bad value', () => {
      const base = (): { previous: Release; next: Release } => {
        const previous = uniform('p', ['dev', 'qa', 'prod'], ['api', 'web'], '1.0.0', SHA('a'));
        const next = uniform('n', ['qa', 'dev', 'canary'], ['api', 'worker'], '1.1.0', SHA('b'));
        next.notes!.images.push(image('api', 'side', 'ghcr.io/acme/sidecar'));
        return { previous, next };
      };
      // Every path into the pair, so a mutation can land anywhere, deep or shallow.
      const paths = (value: unknown, path: string[] = [], out: string[][] = []): string[][] => {
        out.push(path);
        if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...path, k], out);
        return out;
      };
      const allPaths = paths(base()).filter((p) => p.length > 0);
      const oddValue = fc.oneof(
        fc.constantFrom(null, undefined, 0, -1, '', 'x', true, NaN, [], {}),
        fc.string(),
        fc.integer(),
        fc.array(fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.object())),
        fc.object(),
        fc.anything(),
      );
      const mutation = fc.record({ path: fc.constantFrom(...allPaths), value: oddValue, remove: fc.boolean() });
      let errors = 0;
      let results = 0;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          const pair = base() as unknown as Record<string, unknown>;
          for (const { path, value, remove } of mutations) {
            let parent: unknown = pair;
            for (const key of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[key] : undefined;
            if (!parent || typeof parent !== 'object') continue;
            const key = path[path.length - 1]!;
            if (remove) delete (parent as Record<string, unknown>)[key];
            else (parent as Record<string, unknown>)[key] = value;
          }
          let diff: ReleaseDiffResult;
          try {
            diff = diffReleases(pair.previous as Release, pair.next as Release);
          } catch (error) {
            expect(isReleaseDataError(error), String(error)).toBe(true);
            const { path, value } = error as ReleaseDataError;
            expect(path).toMatch(/^\$\.(previous|next)/);
            // The path leads to the value the error carries.
            expect(Object.is(at(pair, path), value) || (Number.isNaN(value) && Number.isNaN(at(pair, path)))).toBe(true);
            errors++;
            return;
          }
          results++;
          expect(diff.entries).toHaveLength(diff.counts.added + diff.counts.removed + diff.counts.changed + diff.counts.unchanged);
          const names = diff.environments.map((e) => e.name);
          expect(new Set(names).size).toBe(names.length);
          for (const e of diff.entries) {
            expect(names).toContain(e.environment);
            expect(typeof e.application).toBe('string');
            expect(e.fields.length > 0).toBe(e.change === 'changed');
            for (const snapshot of [e.before, e.after]) for (const v of Object.values(snapshot ?? {})) expect(typeof v).toBe('string');
          }
        }),
        { numRuns: 400, seed: 20261124 },
      );
      // The property exercised both outcomes.
      expect(errors).toBeGreaterThan(0);
      expect(results).toBeGreaterThan(0);
    });
  });

  describe('on sample releases', () => {
    it('finds nothing changed between a release and itself', () => {
      const r = sampleRelease({ shape: 'regions', state: 'succeeded', seed: 3 });
      const diff = diffReleases(r, r);
      const total = r.environments.reduce((n, e) => n + e.applications.length, 0);
      expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: total });
      expect(diff.environments.map((e) => e.name)).toEqual(r.environments.map((e) => e.name));
    });

    it('reads the image tag the notes give each application', () => {
      const r = sampleRelease({ shape: 'regions', state: 'succeeded', seed: 3 });
      const tags = new Map(r.notes!.images.map((i) => [i.application, i.tag]));
      for (const e of diffReleases(r, r).entries) {
        expect(e.after?.imageTag).toBe(tags.get(e.application));
        expect(e.after?.image).toBe(r.notes!.images.find((i) => i.application === e.application)?.reference);
        expect(e.after?.imageTag).toBeDefined();
      }
    });

    it('sees version, image and commit change for every application two sample releases share', () => {
      const a = sampleRelease({ shape: 'regions', state: 'succeeded', seed: 3 });
      const b = sampleRelease({ shape: 'regions', state: 'succeeded', seed: 4 });
      expect(a.version).not.toBe(b.version);
      const diff = diffReleases(a, b);
      expect(diff.entries.length).toBeGreaterThan(0);
      for (const e of diff.entries) {
        const had = a.environments.find((x) => x.name === e.environment)?.applications.some((x) => x.name === e.application) ?? false;
        const has = b.environments.find((x) => x.name === e.environment)?.applications.some((x) => x.name === e.application) ?? false;
        expect(e.change).toBe(had && has ? 'changed' : has ? 'added' : 'removed');
        if (e.change === 'changed') expect(e.fields).toEqual(['version', 'image', 'commit']);
        if (e.after) expect(e.after.version).toBe(b.version);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// changesSinceLastRelease
// ---------------------------------------------------------------------------------------------

describe('changesSinceLastRelease', () => {
  const commit = (sha: string, message: string, application = 'api') => ({ sha, message, application });
  const at = (hour: number) => `2026-03-01T${String(hour).padStart(2, '0')}:00:00Z`;
  const flow = (statuses: Record<string, Status>) => Object.entries(statuses).map(([name, status]) => env(name, [app('api')], status));

  /** Oldest to newest: a success in qa, then a failed and a running release, plus noise around them. */
  function history() {
    const old = release('old', flow({ dev: 'succeeded', qa: 'succeeded' }), {
      createdAt: at(1),
      notes: notes({ commits: [commit(SHA('0'), 'feat: old thing')] }),
    });
    const success = release('success', flow({ dev: 'succeeded', qa: 'succeeded', prod: 'succeeded' }), {
      createdAt: at(2),
      notes: notes({ commits: [commit(SHA('1'), 'fix: already in qa')] }),
    });
    const failed = release('failed', flow({ dev: 'succeeded', qa: 'failed', prod: 'pending' }), {
      status: 'failed',
      createdAt: at(3),
      notes: notes({
        commits: [commit(SHA('2'), 'feat: retries (#12)'), commit(SHA('3'), 'fix: rounding')],
        issues: [{ key: 'PAY-1', title: 'Retries', application: 'api' }],
        images: [image('api', '1.3.0')],
      }),
    });
    // A manual promotion of prod alone: it does not include qa.
    const manual = release('manual', flow({ prod: 'succeeded' }), {
      flow: null,
      createdAt: at(4),
      notes: notes({ commits: [commit(SHA('9'), 'chore: prod only')] }),
    });
    const running = release('running', flow({ dev: 'succeeded', qa: 'running', prod: 'pending' }), {
      status: 'running',
      createdAt: at(5),
      notes: notes({
        // The failed release's first commit again: it is still on its way.
        commits: [commit(SHA('2'), 'feat: retries (#12)'), commit(SHA('4'), 'feat!: new API')],
        issues: [{ key: 'PAY-1', title: 'Retries', application: 'api' }, { key: 'PAY-2' }],
        images: [image('api', '1.4.0')],
      }),
    });
    return { old, success, failed, manual, running };
  }

  it('counts exactly the failed and the running release after the last success in qa, newest first', () => {
    const h = history();
    const result = changesSinceLastRelease([h.old, h.running, h.success, h.manual, h.failed], 'qa');
    expect(result.environment).toBe('qa');
    expect(result.since).toBe(h.success);
    expect(result.releases).toEqual([h.running, h.failed]);
    expect(result.releases[0]).toBe(h.running);
  });

  it('compiles their notes once each, across both releases', () => {
    const h = history();
    const { notes: compiled } = changesSinceLastRelease([h.failed, h.success, h.running, h.old, h.manual], 'qa');
    expect(compiled.commits.map((c) => c.sha)).toEqual([SHA('2'), SHA('4'), SHA('3')]);
    const shared = compiled.commits.find((c) => c.sha === SHA('2'))!;
    expect(shared.occurrences).toBe(2);
    expect(shared.releases).toEqual(['running', 'failed']);
    expect(compiled.issues.map((i) => i.key)).toEqual(['PAY-1', 'PAY-2']);
    expect(compiled.issues[0]!.occurrences).toBe(2);
    expect(compiled.images.map((i) => i.tag)).toEqual(['1.4.0', '1.3.0']);
    expect(compiled.counts).toEqual({ images: 2, issues: 2, pullRequests: 0, commits: 3, total: 7 });
    // Nothing from the success, the release before it, or the release that skipped qa.
    expect(compiled.commits.map((c) => c.sha)).not.toContain(SHA('1'));
    expect(compiled.commits.map((c) => c.sha)).not.toContain(SHA('0'));
    expect(compiled.commits.map((c) => c.sha)).not.toContain(SHA('9'));
    expect(compiled).toEqual(compileReleaseNotes([h.running, h.failed]));
  });

  it('passes the compile options through', () => {
    const h = history();
    const grouped = changesSinceLastRelease([h.success, h.failed, h.running], 'qa', { groupBy: 'type', issueKeys: [githubKeys({ repo: 'acme/api' })] });
    expect(grouped.notes.groups?.map((g) => g.key)).toEqual(['breaking', 'feat', 'fix']);
    const retries = grouped.notes.commits.find((c) => c.sha === SHA('2'))!;
    expect(retries.titleParts).toContainEqual({ text: '#12', issue: '#12', href: 'https://github.com/acme/api/issues/12' });
    const plain = changesSinceLastRelease([h.success, h.failed, h.running], 'qa');
    expect(plain.notes.groups).toBeUndefined();
    expect(plain.notes.commits.find((c) => c.sha === SHA('2'))!.titleParts).toEqual([{ text: 'feat: retries (#12)' }]);
  });

  it('measures each environment from its own last success', () => {
    const h = history();
    const all = [h.old, h.success, h.failed, h.manual, h.running];
    // dev succeeded in the running release: nothing is on its way there.
    const dev = changesSinceLastRelease(all, 'dev');
    expect(dev.since).toBe(h.running);
    expect(dev.releases).toEqual([]);
    expect(dev.notes.counts.total).toBe(0);
    // prod's last success is the manual promotion; the running release is newer.
    const prod = changesSinceLastRelease(all, 'prod');
    expect(prod.since).toBe(h.manual);
    expect(prod.releases).toEqual([h.running]);
  });

  it('counts every release that includes the environment when none succeeded there', () => {
    const h = history();
    const result = changesSinceLastRelease([h.failed, h.running, h.manual], 'qa');
    expect(result.since).toBeUndefined();
    expect(result.releases).toEqual([h.running, h.failed]);
    const none = changesSinceLastRelease([h.failed, h.running], 'nowhere');
    expect(none).toEqual({ environment: 'nowhere', since: undefined, releases: [], notes: compileReleaseNotes([]) });
    expect(changesSinceLastRelease([], 'qa').releases).toEqual([]);
  });

  it('counts releases whatever their status there, only success ends the search', () => {
    const statuses: Status[] = ['queued', 'pending', 'running', 'suspended', 'failed', 'error', 'terminating', 'terminated', 'skipped', 'unknown'];
    const list = statuses.map((status, i) => release(status, flow({ qa: status }), { createdAt: at(10 + i) }));
    const result = changesSinceLastRelease([...list, release('base', flow({ qa: 'succeeded' }), { createdAt: at(9) })], 'qa');
    expect(result.since?.id).toBe('base');
    expect(result.releases.map((r) => r.id)).toEqual([...statuses].reverse());
  });

  it('sorts by createdAt as a time, keeps the input order of ties and puts unreadable dates last', () => {
    const mk = (id: string, createdAt: unknown, status: Status = 'running') => release(id, flow({ qa: status }), { createdAt: createdAt as string });
    const input = [
      mk('no-date', undefined),
      mk('tie-1', '2026-03-01T10:00:00Z'),
      mk('bad-date', 'yesterday'),
      mk('offset', '2026-03-01T12:30:00+02:00'), // 10:30Z
      mk('tie-2', '2026-03-01T10:00:00.000Z'),
      mk('number', 1234),
      mk('newest', '2026-03-02T00:00:00Z'),
    ];
    expect(changesSinceLastRelease(input, 'qa').releases.map((r) => r.id)).toEqual(['newest', 'offset', 'tie-1', 'tie-2', 'no-date', 'bad-date', 'number']);
    // The newest success wins, however the input is ordered.
    const a = mk('a', at(1), 'succeeded');
    const b = mk('b', at(2), 'succeeded');
    const c = mk('c', at(3));
    expect(changesSinceLastRelease([a, c, b], 'qa').since).toBe(b);
    expect(changesSinceLastRelease([b, a, c], 'qa').releases).toEqual([c]);
  });

  it('does not modify its input', () => {
    const h = history();
    const input = [h.old, h.running, h.success, h.failed];
    const copy = structuredClone(input);
    changesSinceLastRelease(input, 'qa', { groupBy: 'application' });
    expect(input).toEqual(copy);
    expect(input.map((r) => r.id)).toEqual(['old', 'running', 'success', 'failed']);
  });

  describe('validation and odd data', () => {
    it('raises ReleaseDataError at $ when releases is not a list', () => {
      for (const value of [null, undefined, {}, 'releases', 3]) {
        const error = thrown(() => changesSinceLastRelease(value as unknown as Release[], 'qa')) as ReleaseDataError;
        expect(isReleaseDataError(error)).toBe(true);
        expect(error.path).toBe('$');
        expect(error.value).toBe(value);
      }
    });

    it('raises ReleaseDataError at $.environment when the environment is not a non-empty string', () => {
      for (const value of ['', null, undefined, 5, ['qa']]) {
        const error = thrown(() => changesSinceLastRelease([], value as unknown as string)) as ReleaseDataError;
        expect(isReleaseDataError(error)).toBe(true);
        expect(error.path).toBe('$.environment');
        expect(error.value).toBe(value);
      }
    });

    it('raises ReleaseDataError at $[i] for an item that is not an object', () => {
      const h = history();
      const error = thrown(() => changesSinceLastRelease([h.success, null as unknown as Release, h.failed], 'qa')) as ReleaseDataError;
      expect(error).toBeInstanceOf(ReleaseDataError);
      expect(error.path).toBe('$[1]');
      expect(error.value).toBeNull();
    });

    it("names the bad note by its position in the caller's list", () => {
      const h = history();
      const broken = release('broken', flow({ qa: 'failed' }), { createdAt: at(6), notes: notes({ images: [{ tag: '1' } as ReleaseImage] }) });
      const error = thrown(() => changesSinceLastRelease([h.success, h.running, broken], 'qa')) as ReleaseDataError;
      expect(error).toBeInstanceOf(ReleaseDataError);
      // `broken` is the newest (first compiled) but third in the input.
      expect(error.path).toBe('$[2].notes.images[0].reference');
      expect(error.value).toBeUndefined();
      expect(error.message).toMatch(/^An image needs a reference \(at \$\[2\]\.notes\.images\[0\]\.reference: /);
      expect(error.message.match(/\(at /g)).toHaveLength(1);
      // Notes of releases that do not count are never read.
      expect(() => changesSinceLastRelease([broken, h.success], 'dev')).not.toThrow();
    });

    it('passes over releases without readable environments, and odd environments', () => {
      const h = history();
      const odd = [
        { ...release('no-envs', []), environments: undefined },
        { ...release('null-envs', []), environments: null },
        { ...release('string-envs', []), environments: 'qa' },
        release('odd-items', [null, 4, 'qa', { name: 5 }] as unknown as EnvironmentStep[]),
        release('odd-status', [{ name: 'qa', status: 7 }] as unknown as EnvironmentStep[], { createdAt: at(8) }),
      ] as unknown as Release[];
      const result = changesSinceLastRelease([h.success, ...odd, h.running], 'qa');
      expect(result.since).toBe(h.success);
      expect(result.releases.map((r) => r.id)).toEqual(['odd-status', 'running']);
    });
  });

  describe('on sample data', () => {
    const NOW = Date.parse('2026-11-20T10:00:00.000Z');
    const day = 24 * 60 * 60 * 1000;

    it('gathers the failed and the running sample releases after a success, with their notes', () => {
      const success = sampleRelease({ state: 'succeeded', seed: 1, now: new Date(NOW - 3 * day).toISOString() });
      const failed = sampleRelease({ state: 'failed', seed: 2, now: new Date(NOW - 2 * day).toISOString() });
      const running = sampleRelease({ state: 'running', seed: 3, now: new Date(NOW - 1 * day).toISOString() });
      const qa = (r: Release) => r.environments.find((e) => e.name === 'qa')?.status;
      expect(qa(success)).toBe('succeeded');
      expect(qa(failed)).not.toBe('succeeded');
      expect(qa(running)).not.toBe('succeeded');
      const result = changesSinceLastRelease([failed, running, success], 'qa');
      expect(result.since).toBe(success);
      expect(result.releases).toEqual([running, failed]);
      expect(result.notes).toEqual(compileReleaseNotes([running, failed]));
      expect(result.notes.counts.total).toBeGreaterThan(0);
      // One image per reference, however many releases carry it; the running release's listed first.
      const references = [...running.notes!.images, ...failed.notes!.images].map((i) => i.reference);
      expect(result.notes.images.map((i) => i.reference)).toEqual([...new Set(references)]);
      expect(result.notes.images[0]!.releases).toEqual([running.id]);
    });

    it("finds, for every environment of a sample history, exactly the releases since that environment's last success", () => {
      for (const seed of [1, 2, 7]) {
        const history = sampleReleaseHistory({ count: 40, seed });
        const newestFirst = [...history].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
        const shuffled = [...history].reverse();
        const names = [...new Set(history.flatMap((r) => r.environments.map((e) => e.name)))];
        expect(names.length).toBeGreaterThan(1);
        for (const name of names) {
          const stepIn = (r: Release) => r.environments.find((e) => e.name === name);
          const result = changesSinceLastRelease(shuffled, name);
          const cut = result.since ? newestFirst.indexOf(result.since) : newestFirst.length;
          if (result.since) expect(stepIn(result.since)?.status).toBe('succeeded');
          // Nothing newer succeeded there, and every newer release that includes it counts.
          const newer = newestFirst.slice(0, cut).filter((r) => stepIn(r));
          expect(newer.some((r) => stepIn(r)?.status === 'succeeded')).toBe(false);
          expect(result.releases).toEqual(newer);
          // A success anywhere below the cut means `since` must exist.
          expect(result.since === undefined).toBe(!history.some((r) => stepIn(r)?.status === 'succeeded'));
          // The input order does not matter.
          expect(changesSinceLastRelease(history, name)).toEqual(result);
        }
        // The newest release is running and the next is queued: neither has reached the last environment.
        const last = newestFirst[0]!.environments.at(-1)!.name;
        const toLast = changesSinceLastRelease(history, last);
        expect(toLast.releases.slice(0, 2)).toEqual(newestFirst.slice(0, 2));
        expect(toLast.since).toBeDefined();
      }
    });
  });
});
