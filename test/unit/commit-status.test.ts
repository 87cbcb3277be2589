import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnvironmentStep, Release, Status } from '../../src/headless';
import { isReleaseDataError, STATUSES } from '../../src/headless';
import {
  COMMIT_STATUS_STATES,
  CONTEXT_LIMITS,
  DESCRIPTION_LIMITS,
  toCommitStatus,
  type CommitStatusOptions,
  type CommitStatusProvider,
} from '../../src/headless/git';
import { environment, release } from '../fixtures/release';

const SHA = '4f2a9c1e0b7d4f2a9c1e0b7d4f2a9c1e0b7d4f2a';
const DETAILS = 'https://gitops.example.com/products/checkout/releases/r-1';
const PROVIDERS: CommitStatusProvider[] = ['github', 'gitlab', 'bitbucket'];

function triggered(environments: EnvironmentStep[], status: Status = 'running', extra: Partial<Release> = {}): Release {
  const base = release(environments, status);
  return { ...base, trigger: { ...base.trigger, commit: { sha: SHA } }, ...extra };
}

const sixEnvironments = (): EnvironmentStep[] => [
  environment('dev', [], { status: 'succeeded' }),
  environment('qa', ['dev'], { status: 'succeeded' }),
  environment('staging', ['qa'], { status: 'running' }),
  environment('perf', ['qa'], { status: 'pending' }),
  environment('prod-eu', ['staging'], { status: 'pending' }),
  environment('prod-us', ['staging'], { status: 'pending' }),
];

function single<P extends CommitStatusProvider>(r: Release, options: CommitStatusOptions<P>) {
  const results = toCommitStatus(r, options);
  expect(results).toHaveLength(1);
  return results[0]!;
}

function dataError(run: () => unknown): { path: string; value: unknown } {
  try {
    run();
  } catch (error) {
    if (isReleaseDataError(error)) return { path: error.path, value: error.value };
    throw error;
  }
  throw new Error('expected a ReleaseDataError');
}

describe('toCommitStatus: one status for the release', () => {
  it('gives exactly GitHub\'s body, for the trigger commit', () => {
    const result = single(triggered([environment('dev', [], { status: 'succeeded' })], 'succeeded'), { provider: 'github', detailsUrl: DETAILS });
    expect(result).toEqual({
      sha: SHA,
      status: 'succeeded',
      payload: { state: 'success', target_url: DETAILS, description: 'Promotion succeeded', context: 'gitops-releases/checkout' },
    });
  });

  it('gives exactly GitLab\'s body', () => {
    const result = single(triggered([environment('dev', [], { status: 'failed' })], 'failed'), { provider: 'gitlab', detailsUrl: DETAILS });
    expect(result.payload).toEqual({ state: 'failed', target_url: DETAILS, description: 'Promotion failed in dev', name: 'gitops-releases/checkout' });
  });

  it('gives exactly Bitbucket\'s body, with a readable name', () => {
    const result = single(triggered([environment('dev', [], { status: 'running' })]), { provider: 'bitbucket', detailsUrl: DETAILS });
    expect(result.payload).toEqual({
      state: 'INPROGRESS',
      key: 'gitops-releases/checkout',
      url: DETAILS,
      name: 'Promotion of checkout',
      description: 'Promotion running: 0 of 1 environment done',
    });
  });

  it('always returns an array, even for one release', () => {
    expect(Array.isArray(toCommitStatus(triggered([]), { provider: 'github', detailsUrl: DETAILS }))).toBe(true);
  });
});

describe('states in each provider\'s words', () => {
  // [status, GitHub, GitLab, Bitbucket]
  const expected: [Status, string, string, string][] = [
    ['queued', 'pending', 'pending', 'INPROGRESS'],
    ['pending', 'pending', 'pending', 'INPROGRESS'],
    ['running', 'pending', 'running', 'INPROGRESS'],
    ['suspended', 'pending', 'running', 'INPROGRESS'],
    ['succeeded', 'success', 'success', 'SUCCESSFUL'],
    ['failed', 'failure', 'failed', 'FAILED'],
    ['error', 'error', 'failed', 'FAILED'],
    ['terminating', 'pending', 'running', 'INPROGRESS'],
    ['terminated', 'error', 'canceled', 'STOPPED'],
    ['skipped', 'success', 'skipped', 'SUCCESSFUL'],
    ['unknown', 'pending', 'pending', 'INPROGRESS'],
  ];

  it('covers every status of the library', () => {
    expect(expected.map(([status]) => status).sort()).toEqual([...STATUSES].sort());
  });

  it.each(expected)('%s is %s on GitHub, %s on GitLab, %s on Bitbucket', (status, github, gitlab, bitbucket) => {
    const r = triggered([environment('dev', [], { status })], status);
    expect(single(r, { provider: 'github', detailsUrl: DETAILS }).payload.state).toBe(github);
    expect(single(r, { provider: 'gitlab', detailsUrl: DETAILS }).payload.state).toBe(gitlab);
    expect(single(r, { provider: 'bitbucket', detailsUrl: DETAILS }).payload.state).toBe(bitbucket);
    expect([COMMIT_STATUS_STATES.github[status], COMMIT_STATUS_STATES.gitlab[status], COMMIT_STATUS_STATES.bitbucket[status]]).toEqual([
      github,
      gitlab,
      bitbucket,
    ]);
  });

  it('uses only the states each API accepts', () => {
    const accepted: Record<CommitStatusProvider, string[]> = {
      github: ['error', 'failure', 'pending', 'success'],
      gitlab: ['pending', 'running', 'success', 'failed', 'canceled', 'skipped'],
      bitbucket: ['INPROGRESS', 'SUCCESSFUL', 'FAILED', 'STOPPED'],
    };
    for (const provider of PROVIDERS) {
      for (const state of Object.values(COMMIT_STATUS_STATES[provider])) expect(accepted[provider]).toContain(state);
    }
  });

  it('says "terminated" where GitHub can only say error', () => {
    const r = triggered([environment('dev', [], { status: 'terminated' })], 'terminated', { statusReason: 'Terminated by ada' });
    const { payload } = single(r, { provider: 'github', detailsUrl: DETAILS });
    expect(payload).toMatchObject({ state: 'error', description: 'Promotion terminated in dev: Terminated by ada' });
  });
});

describe('descriptions', () => {
  it('counts finished environments while a promotion runs', () => {
    const { payload } = single(triggered(sixEnvironments()), { provider: 'github', detailsUrl: DETAILS });
    expect(payload.description).toBe('Promotion running: 2 of 6 environments done');
  });

  it('counts skipped environments as done', () => {
    const envs = sixEnvironments();
    envs[3] = { ...envs[3]!, status: 'skipped' };
    expect(single(triggered(envs), { provider: 'github', detailsUrl: DETAILS }).payload.description).toBe(
      'Promotion running: 3 of 6 environments done',
    );
  });

  it('names the environment a promotion waits in', () => {
    const envs = sixEnvironments();
    envs[2] = { ...envs[2]!, status: 'suspended' };
    expect(single(triggered(envs, 'suspended'), { provider: 'gitlab', detailsUrl: DETAILS }).payload.description).toBe(
      'Promotion waiting in staging: 2 of 6 environments done',
    );
  });

  it('names the failed environment and the release\'s error message', () => {
    const envs = sixEnvironments();
    envs[2] = { ...envs[2]!, status: 'failed' };
    const r = triggered(envs, 'failed', { error: { code: 'STEP_FAILED', message: 'Smoke tests failed' }, statusReason: 'ignored' });
    expect(single(r, { provider: 'github', detailsUrl: DETAILS }).payload.description).toBe('Promotion failed in staging: Smoke tests failed');
  });

  it('falls back to the status reason, then to no reason', () => {
    const envs = [environment('qa', [], { status: 'failed' })];
    expect(single(triggered(envs, 'failed', { statusReason: 'Sync timed out' }), { provider: 'github', detailsUrl: DETAILS }).payload.description).toBe(
      'Promotion failed in qa: Sync timed out',
    );
    expect(single(triggered(envs, 'failed'), { provider: 'github', detailsUrl: DETAILS }).payload.description).toBe('Promotion failed in qa');
  });

  it('finds a failed environment for an errored release', () => {
    const r = triggered([environment('dev', [], { status: 'succeeded' }), environment('qa', ['dev'], { status: 'failed' })], 'error');
    expect(single(r, { provider: 'github', detailsUrl: DETAILS }).payload.description).toBe('Promotion failed with an error in qa');
  });

  it('says when the status is unknown', () => {
    expect(single(triggered([], 'unknown'), { provider: 'github', detailsUrl: DETAILS }).payload.description).toBe('Promotion status unknown');
  });

  it('puts untrusted text on one line without control characters', () => {
    const message = 'Sync failed:\n  line two\r\n\tline\u0000three \u202Eevil\u202C\u0085end';
    const r = triggered([environment('qa', [], { status: 'failed' })], 'failed', { error: { message } });
    expect(single(r, { provider: 'github', detailsUrl: DETAILS }).payload.description).toBe(
      'Promotion failed in qa: Sync failed: line two line three evil end',
    );
  });

  it.each(PROVIDERS)('shortens a long description to %s\'s limit with an ellipsis', (provider) => {
    const r = triggered([environment('qa', [], { status: 'failed' })], 'failed', { error: { message: 'x'.repeat(1000) } });
    const { description } = single(r, { provider, detailsUrl: DETAILS }).payload;
    expect(description).toHaveLength(DESCRIPTION_LIMITS[provider]);
    expect(description.startsWith('Promotion failed in qa: xxx')).toBe(true);
    expect(description.endsWith('x…')).toBe(true);
  });

  it('has the documented limits', () => {
    expect(DESCRIPTION_LIMITS).toEqual({ github: 140, gitlab: 255, bitbucket: 255 });
    expect(CONTEXT_LIMITS.bitbucket).toBe(40);
  });

  it('never cuts a surrogate pair in half', () => {
    // "Promotion failed in qa: " is 24 code units: an odd cut point lands inside a pair.
    const r = triggered([environment('qa', [], { status: 'failed' })], 'failed', { error: { message: '😀'.repeat(200) } });
    const { description } = single(r, { provider: 'github', detailsUrl: DETAILS }).payload;
    expect(description.length).toBeLessThanOrEqual(140);
    expect(description).toMatch(/^Promotion failed in qa: (😀)+…$/u);
  });

  it('replaces unpaired surrogates, which no API can store', () => {
    const r = triggered([environment('qa', [], { status: 'failed' })], 'failed', { error: { message: 'bad \uD800 half' } });
    expect(single(r, { provider: 'github', detailsUrl: DETAILS }).payload.description).toBe('Promotion failed in qa: bad \uFFFD half');
  });

  it('keeps any message within every limit, on one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom(...PROVIDERS), (message, provider) => {
        const r = triggered([environment('qa', [], { status: 'failed' })], 'failed', { error: { message } });
        const { description } = single(r, { provider, detailsUrl: DETAILS }).payload;
        expect(description.length).toBeLessThanOrEqual(DESCRIPTION_LIMITS[provider]);
        expect(description).not.toMatch(/\p{Cc}/u);
        expect(description).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
    );
  });
});

describe('contexts and keys', () => {
  it('takes a prefix or a whole context', () => {
    const r = triggered([]);
    expect(single(r, { provider: 'github', detailsUrl: DETAILS, contextPrefix: 'acme' }).payload.context).toBe('acme/checkout');
    expect(single(r, { provider: 'gitlab', detailsUrl: DETAILS, context: 'deploy/checkout' }).payload.name).toBe('deploy/checkout');
  });

  it('keeps a Bitbucket key within 40 characters, the same every time, and distinct for distinct contexts', () => {
    const long = (product: string) => triggered([], 'running', { product });
    const a = single(long(`${'payments-gateway-service-'.repeat(3)}eu`), { provider: 'bitbucket', detailsUrl: DETAILS }).payload.key;
    const again = single(long(`${'payments-gateway-service-'.repeat(3)}eu`), { provider: 'bitbucket', detailsUrl: DETAILS }).payload.key;
    const b = single(long(`${'payments-gateway-service-'.repeat(3)}us`), { provider: 'bitbucket', detailsUrl: DETAILS }).payload.key;
    expect(a).toMatch(/^gitops-releases\/payments-gatewa-[0-9a-f]{8}$/);
    expect(b).toMatch(/^gitops-releases\/payments-gatewa-[0-9a-f]{8}$/);
    expect(a).toHaveLength(40);
    expect(a).toBe(again);
    expect(a).not.toBe(b);
  });

  it('keeps a short Bitbucket key as it is', () => {
    expect(single(triggered([]), { provider: 'bitbucket', detailsUrl: DETAILS }).payload.key).toBe('gitops-releases/checkout');
  });

  it('keeps a long GitHub context whole up to its limit', () => {
    const product = 'p'.repeat(100);
    expect(single(triggered([], 'running', { product }), { provider: 'github', detailsUrl: DETAILS }).payload.context).toBe(`gitops-releases/${product}`);
  });
});

describe('the details URL', () => {
  it.each(['mailto:ada@example.com', 'javascript:alert(1)', 'data:text/html,x', '/products/checkout', '//evil.example/x', '', 'ftp://example.com/x'])(
    'refuses %j, naming the option',
    (detailsUrl) => {
      expect(dataError(() => toCommitStatus(triggered([]), { provider: 'github', detailsUrl }))).toEqual({ path: '$.options.detailsUrl', value: detailsUrl });
    },
  );

  it('refuses credentials, which would be published in Git', () => {
    expect(dataError(() => toCommitStatus(triggered([]), { provider: 'github', detailsUrl: 'https://ada:secret@gitops.example.com/x' })).path).toBe(
      '$.options.detailsUrl',
    );
  });

  it('refuses a URL longer than GitLab stores, but not on GitHub', () => {
    const detailsUrl = `https://gitops.example.com/${'a'.repeat(300)}`;
    expect(dataError(() => toCommitStatus(triggered([]), { provider: 'gitlab', detailsUrl })).path).toBe('$.options.detailsUrl');
    expect(single(triggered([]), { provider: 'github', detailsUrl }).payload.target_url).toBe(detailsUrl);
  });

  it('keeps Bitbucket from expanding braces as a template', () => {
    const { payload } = single(triggered([]), { provider: 'bitbucket', detailsUrl: 'https://gitops.example.com/r?x={repository.full_name}' });
    expect(payload.url).toBe('https://gitops.example.com/r?x=%7Brepository.full_name%7D');
  });

  it('asks a function for the release\'s link without an environment', () => {
    const asked: (string | undefined)[] = [];
    const detailsUrl = (env?: string) => {
      asked.push(env);
      return `${DETAILS}${env ? `?environment=${env}` : ''}`;
    };
    expect(single(triggered([]), { provider: 'github', detailsUrl }).payload.target_url).toBe(DETAILS);
    expect(asked).toEqual([undefined]);
  });
});

describe('invalid input', () => {
  it('names the missing trigger SHA', () => {
    expect(dataError(() => toCommitStatus(release([]), { provider: 'github', detailsUrl: DETAILS }))).toEqual({
      path: '$.trigger.commit.sha',
      value: undefined,
    });
  });

  it.each(['../../statuses', 'main', '4f2a9c1e0b7d 4f2a', 'g'.repeat(40)])('refuses %j as a SHA', (sha) => {
    const r = release([]);
    const bad = { ...r, trigger: { ...r.trigger, commit: { sha } } };
    expect(dataError(() => toCommitStatus(bad, { provider: 'github', detailsUrl: DETAILS }))).toEqual({ path: '$.trigger.commit.sha', value: sha });
  });

  it('names what is wrong with the release', () => {
    const options = { provider: 'github', detailsUrl: DETAILS } as const;
    expect(dataError(() => toCommitStatus(null as unknown as Release, options)).path).toBe('$');
    expect(dataError(() => toCommitStatus({ ...triggered([]), product: 42 } as unknown as Release, options)).path).toBe('$.product');
    expect(dataError(() => toCommitStatus({ ...triggered([]), product: ' ' }, options)).path).toBe('$.product');
    expect(dataError(() => toCommitStatus({ ...triggered([]), status: 'done' } as unknown as Release, options))).toEqual({ path: '$.status', value: 'done' });
  });

  it('names an unknown provider', () => {
    const options = { provider: 'gitea', detailsUrl: DETAILS } as unknown as CommitStatusOptions;
    expect(dataError(() => toCommitStatus(triggered([]), options))).toEqual({ path: '$.options.provider', value: 'gitea' });
    const inherited = { provider: 'toString', detailsUrl: DETAILS } as unknown as CommitStatusOptions;
    expect(dataError(() => toCommitStatus(triggered([]), inherited)).path).toBe('$.options.provider');
  });
});

describe('one status per environment and promoted commit', () => {
  const A = 'aaaaaaa1aaaaaaa1aaaaaaa1aaaaaaa1aaaaaaa1';
  const B = 'bbbbbbb2bbbbbbb2bbbbbbb2bbbbbbb2bbbbbbb2';
  const app = (name: string, commitSha?: string) => ({ name, commitSha, sync: 'synced' as const, health: 'healthy' as const });

  const promoted = () =>
    triggered(
      [
        environment('dev', [], { status: 'succeeded', applications: [app('api', A), app('web', A), app('worker', B)] }),
        environment('qa', ['dev'], {
          status: 'failed',
          applications: [app('api', A)],
          issues: [
            { kind: 'application', level: 'warning', message: 'Slow sync' },
            { kind: 'workflow', level: 'error', message: 'Smoke tests failed' },
          ],
        }),
        environment('prod', ['qa'], { status: 'pending', applications: [app('api')] }),
      ],
      'failed',
    );

  it('posts each environment\'s own status on each distinct commit it was promoted to', () => {
    const results = toCommitStatus(promoted(), { provider: 'github', detailsUrl: DETAILS, perEnvironment: true });
    expect(results.map(({ sha, environment: env, payload }) => [sha, env, payload.context, payload.state, payload.description])).toEqual([
      [A, 'dev', 'gitops-releases/checkout/dev', 'success', 'dev: Promotion succeeded'],
      [B, 'dev', 'gitops-releases/checkout/dev', 'success', 'dev: Promotion succeeded'],
      [A, 'qa', 'gitops-releases/checkout/qa', 'failure', 'qa: Promotion failed: Smoke tests failed'],
    ]);
  });

  it('links each status to its environment', () => {
    const detailsUrl = (env?: string) => `${DETAILS}?environment=${env ?? ''}`;
    const results = toCommitStatus(promoted(), { provider: 'gitlab', detailsUrl, perEnvironment: true });
    expect(results.map((result) => result.payload.target_url)).toEqual([
      `${DETAILS}?environment=dev`,
      `${DETAILS}?environment=dev`,
      `${DETAILS}?environment=qa`,
    ]);
  });

  it('also takes one string for every environment', () => {
    const results = toCommitStatus(promoted(), { provider: 'bitbucket', detailsUrl: DETAILS, perEnvironment: true });
    expect(results.map((result) => [result.payload.key, result.payload.name, result.payload.url])).toEqual([
      ['gitops-releases/checkout/dev', 'Promotion of checkout to dev', DETAILS],
      ['gitops-releases/checkout/dev', 'Promotion of checkout to dev', DETAILS],
      ['gitops-releases/checkout/qa', 'Promotion of checkout to qa', DETAILS],
    ]);
  });

  it('de-duplicates a commit that differs only in case', () => {
    const r = triggered([environment('dev', [], { status: 'running', statusText: 'Waiting For App To Sync', applications: [app('api', A), app('web', A.toUpperCase())] })]);
    const results = toCommitStatus(r, { provider: 'github', detailsUrl: DETAILS, perEnvironment: true });
    expect(results).toHaveLength(1);
    expect(results[0]!.payload.description).toBe('dev: Promotion running: Waiting For App To Sync');
  });

  it('needs no trigger commit, and gives nothing for environments not yet promoted', () => {
    const r = release([environment('dev', [], { applications: [app('api')] })]);
    expect(toCommitStatus(r, { provider: 'github', detailsUrl: DETAILS, perEnvironment: true })).toEqual([]);
  });

  it('names a bad promoted commit', () => {
    const r = triggered([environment('dev'), environment('qa', ['dev'], { status: 'running', applications: [app('api', 'HEAD~1')] })]);
    expect(dataError(() => toCommitStatus(r, { provider: 'github', detailsUrl: DETAILS, perEnvironment: true }))).toEqual({
      path: '$.environments[1].applications[0].commitSha',
      value: 'HEAD~1',
    });
  });

  it('names a bad environment', () => {
    const r = { ...triggered([]), environments: [environment('dev', [], { status: 'nope' as Status })] };
    expect(dataError(() => toCommitStatus(r, { provider: 'github', detailsUrl: DETAILS, perEnvironment: true })).path).toBe('$.environments[0].status');
  });
});
