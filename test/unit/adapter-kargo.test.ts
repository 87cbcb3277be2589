import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromKargo, type KargoInput, type KargoOptions } from '../../src/headless/adapters/kargo';
import { isReleaseDataError, type ReleaseDataError } from '../../src/headless/adapters/errors';
import { topologicalOrder } from '../../src/headless/graph/validate';
import { HEALTH_STATUSES, STATUSES, SYNC_STATUSES } from '../../src/headless/model/status';
import type { EnvironmentStep, Release } from '../../src/headless/model/types';
import { deepFreeze, isGroupPath, isPlainData, mutated, mutationsArbitrary, withPrototypeNames } from './mutations';

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

const load = (name: string): Json => JSON.parse(readFileSync(new URL(`../fixtures/kargo-${name}.json`, import.meta.url), 'utf8')) as Json;
const PROJECT = load('project');
const MINIMAL = load('minimal');
// A retail fleet: test -> canary -> stores in waves, shards and plain siblings (see the groups tests).
const FLEET = load('fleet');

const FREIGHT = '8f3c2a91d4e6b7c0a5f1e2d3c4b5a69788f9e0d1';
const OTHER_FREIGHT = '2b7e15a0c9d84f63e1a7b2c3d4e5f60718293a4b';

/** Marks a value to delete in `Changes`. */
const REMOVE = Symbol('remove');
/** JSON path (as `ReleaseDataError` writes them: `$.a[0]["b"]`) to its new value, or `REMOVE`. */
type Changes = Record<string, unknown>;

/** The keys of a JSON path: `$`, `.name`, `[3]`, `["key"]`. */
function parsePath(path: string): Array<string | number> | undefined {
  const token = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  if (!path.startsWith('$')) return undefined;
  token.lastIndex = 1;
  const keys: Array<string | number> = [];
  while (token.lastIndex < path.length) {
    const match = token.exec(path);
    if (match === null) return undefined;
    keys.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]!) as string)));
  }
  return keys;
}

const isContainer = (value: unknown): value is Record<string | number, unknown> => typeof value === 'object' && value !== null;

/** The value at a JSON path, by own properties only; `found` is false when the path leads nowhere. */
function at(root: unknown, path: string): { found: boolean; value?: unknown } {
  const keys = parsePath(path);
  if (keys === undefined) return { found: false };
  let value = root;
  for (const key of keys) {
    if (!isContainer(value)) return { found: false };
    value = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  }
  return { found: true, value };
}

/** A deep copy of `value` with `changes` applied. */
function changed<T>(value: T, changes: Changes = {}): T {
  const copy = structuredClone(value);
  for (const [path, replacement] of Object.entries(changes)) {
    const keys = parsePath(path)!;
    const last = keys.pop()!;
    const parent = keys.reduce<unknown>((node, key) => (isContainer(node) ? node[key] : undefined), copy);
    if (!isContainer(parent)) throw new Error(`no ${path} in the fixture`);
    if (replacement !== REMOVE) parent[last] = replacement;
    else if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  }
  return copy;
}

/** A list inside an input, to add to. */
const list = (input: unknown, path: string) => at(input, path).value as unknown[];

/** A fresh copy of the project fixture with `changes`. */
const project = (changes: Changes = {}): KargoInput => changed(PROJECT, changes) as unknown as KargoInput;

const convert = (input: unknown): Release => fromKargo(input as KargoInput);
const env = (release: Release, name: string): EnvironmentStep => release.environments.find((environment) => environment.name === name)!;

function dataError(run: () => unknown): ReleaseDataError {
  try {
    run();
  } catch (error) {
    expect(isReleaseDataError(error), String(error)).toBe(true);
    return error as ReleaseDataError;
  }
  return expect.fail('expected a ReleaseDataError');
}

/** One Stage `dev` taking Freight `abc1234` from Warehouse `w`, with an optional Promotion and health. */
function single(options: { phase?: unknown; health?: unknown; promotion?: boolean } = {}): KargoInput {
  const origin = { kind: 'Warehouse', name: 'w' };
  return {
    freight: { metadata: { name: 'abc1234', namespace: 'p', creationTimestamp: '2026-11-01T10:00:00Z' }, origin },
    stages: [
      {
        metadata: { name: 'dev', namespace: 'p' },
        spec: { requestedFreight: [{ origin, sources: { direct: true } }] },
        status: options.health === undefined ? undefined : { health: { status: options.health } },
      },
    ],
    promotions:
      options.promotion === false
        ? []
        : [
            {
              metadata: { name: 'dev.01jdc.abc1234', namespace: 'p', creationTimestamp: '2026-11-01T10:01:00Z' },
              spec: { stage: 'dev', freight: 'abc1234' },
              status: options.phase === undefined ? undefined : { phase: options.phase },
            },
          ],
  } as unknown as KargoInput;
}

const noWorkflows = { trigger: [], preAction: [], postAction: [] };

const COMMIT_1 = {
  sha: '3f9a1c2e4b5d6e7f8091a2b3c4d5e6f708192a3b',
  message: 'feat(payment): add Apple Pay to the payment step (#1287)',
  author: { name: 'Maya Chen', email: 'maya.chen@acme.dev' },
  repoUrl: 'https://github.com/acme/checkout.git',
  branch: 'main',
  url: 'https://github.com/acme/checkout/commit/3f9a1c2e4b5d6e7f8091a2b3c4d5e6f708192a3b',
};

const PERF_MESSAGE = 'step "argocd-update" failed: Argo CD Application "checkout-perf" sync operation failed: one or more objects failed to apply';

const EXPECTED_PROJECT: Release = {
  id: FREIGHT,
  product: 'checkout',
  name: 'fluffy-dragon',
  version: 'v1.42.0',
  flow: { name: 'main' },
  status: 'failed',
  statusReason: PERF_MESSAGE,
  error: { message: PERF_MESSAGE },
  trigger: { kind: 'git-commit', environment: 'test', commit: COMMIT_1 },
  initiator: { name: 'maya.chen@acme.dev', email: 'maya.chen@acme.dev' },
  createdAt: '2026-11-24T08:00:00Z',
  updatedAt: '2026-11-24T09:00:03Z',
  environments: [
    {
      name: 'test',
      dependsOn: [],
      status: 'succeeded',
      rawStatus: 'Succeeded',
      startedAt: '2026-11-24T08:05:02Z',
      finishedAt: '2026-11-24T08:06:40Z',
      workflows: noWorkflows,
      applications: [
        {
          name: 'checkout-test',
          namespace: 'argocd',
          commitSha: '4e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5',
          sync: 'synced',
          rawSync: 'Synced',
          health: 'healthy',
          rawHealth: 'Healthy',
          promotion: 'succeeded',
        },
        {
          name: 'checkout-worker-test',
          namespace: 'argocd',
          commitSha: '4e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5',
          sync: 'synced',
          rawSync: 'Synced',
          health: 'progressing',
          rawHealth: 'Progressing',
          promotion: 'succeeded',
        },
      ],
      issues: [],
    },
    {
      name: 'uat',
      dependsOn: ['test'],
      status: 'succeeded',
      rawStatus: 'Succeeded',
      statusText: 'All steps completed',
      startedAt: '2026-11-24T08:30:02Z',
      finishedAt: '2026-11-24T08:33:05Z',
      workflows: noWorkflows,
      applications: [{ name: 'uat', sync: 'unknown', health: 'degraded', rawHealth: 'Unhealthy', promotion: 'succeeded' }],
      issues: [
        {
          kind: 'application',
          level: 'error',
          message: 'Argo CD Application "checkout-uat" in namespace "argocd" has health state "Degraded": Deployment "checkout" exceeded its progress deadline',
        },
      ],
    },
    {
      name: 'perf',
      dependsOn: ['test'],
      status: 'failed',
      rawStatus: 'Failed',
      statusText: PERF_MESSAGE,
      startedAt: '2026-11-24T08:35:01Z',
      finishedAt: '2026-11-24T08:41:27Z',
      workflows: noWorkflows,
      applications: [],
      issues: [{ kind: 'workflow', level: 'error', message: PERF_MESSAGE, workflow: 'perf.01jdb4z9y8x7w6v5t4s3r2q1p0.8f3c2a9', at: '2026-11-24T08:41:27Z' }],
    },
    {
      name: 'prod-eu',
      dependsOn: ['uat'],
      status: 'running',
      rawStatus: 'Running',
      statusText: 'Waiting for Argo CD Application "checkout-prod-eu" to be synced',
      startedAt: '2026-11-24T09:00:03Z',
      workflows: noWorkflows,
      applications: [],
      issues: [],
    },
    { name: 'prod-us', dependsOn: ['uat', 'perf'], status: 'pending', workflows: noWorkflows, applications: [], issues: [] },
  ],
  notes: {
    images: [
      {
        reference: 'ghcr.io/acme/checkout:v1.42.0@sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef',
        repository: 'ghcr.io/acme/checkout',
        tag: 'v1.42.0',
        digest: 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef',
      },
      {
        reference: 'ghcr.io/acme/checkout-worker:v1.42.0@sha256:0b52f4e3c8a1d9e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3',
        repository: 'ghcr.io/acme/checkout-worker',
        tag: 'v1.42.0',
        digest: 'sha256:0b52f4e3c8a1d9e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3',
      },
      { reference: 'https://charts.acme.dev/checkout:1.42.0', repository: 'https://charts.acme.dev/checkout', tag: '1.42.0', url: 'https://charts.acme.dev' },
    ],
    issues: [],
    pullRequests: [],
    commits: [
      COMMIT_1,
      {
        sha: '9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b',
        message: 'Raise checkout rate limit to 600 rpm',
        author: { name: 'Luis Ortega', email: 'luis.ortega@acme.dev' },
        repoUrl: 'https://gitlab.com/acme/checkout-config',
        branch: 'config-v2.3.0',
        url: 'https://gitlab.com/acme/checkout-config/-/commit/9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b',
      },
    ],
  },
  source: { system: 'kargo' },
};

// ---------------------------------------------------------------------------------------------
// Status words
// ---------------------------------------------------------------------------------------------

describe('fromKargo: Kargo status words', () => {
  it.each([
    ['Pending', 'queued'],
    ['Running', 'running'],
    ['Succeeded', 'succeeded'],
    ['Failed', 'failed'],
    ['Errored', 'error'],
    ['Aborted', 'terminated'],
  ] as const)('maps PromotionPhase %s to %s and keeps the word', (phase, status) => {
    const release = fromKargo(single({ phase }));
    expect(release.environments[0]).toMatchObject({ status, rawStatus: phase });
    expect(release.status).toBe(status);
  });

  it('maps an unknown phase to unknown, keeping the word, without an error', () => {
    expect(fromKargo(single({ phase: 'Paused' })).environments[0]).toMatchObject({ status: 'unknown', rawStatus: 'Paused' });
  });

  it('treats a Promotion without a phase yet (just created) as queued', () => {
    const environment = fromKargo(single()).environments[0]!;
    expect(environment.status).toBe('queued');
    expect(environment).not.toHaveProperty('rawStatus');
  });

  it('reports failure messages as issues only for Failed and Errored', () => {
    const withMessage = (phase: string) =>
      fromKargo(changed(single({ phase }), { '$.promotions[0].status.message': `went ${phase}`, '$.promotions[0].status.finishedAt': '2026-11-01T10:05:00Z' }))
        .environments[0]!;
    expect(withMessage('Failed').issues).toEqual([{ kind: 'workflow', level: 'error', message: 'went Failed', workflow: 'dev.01jdc.abc1234', at: '2026-11-01T10:05:00Z' }]);
    expect(withMessage('Errored').issues).toHaveLength(1);
    expect(withMessage('Aborted').issues).toEqual([]);
    expect(withMessage('Running')).toMatchObject({ statusText: 'went Running', issues: [] });
  });

  it.each([
    ['Healthy', 'healthy'],
    ['Unhealthy', 'degraded'],
    ['Progressing', 'progressing'],
    ['Unknown', 'unknown'],
    ['Sickly', 'unknown'],
  ] as const)('maps HealthState %s to application health %s and keeps the word', (word, health) => {
    const environment = fromKargo(single({ phase: 'Succeeded', health: word })).environments[0]!;
    expect(environment.status).toBe('succeeded');
    expect(environment.applications).toEqual([{ name: 'dev', sync: 'unknown', health, rawHealth: word, promotion: 'succeeded' }]);
  });

  it('shows no application for a Stage whose health is NotApplicable (nothing is checked)', () => {
    expect(fromKargo(single({ phase: 'Succeeded', health: 'NotApplicable' })).environments[0]!.applications).toEqual([]);
  });

  it('lists each Argo CD application of the health output once', () => {
    const app = { Namespace: 'argocd', Name: 'api-dev', health: { status: 'Degraded' }, sync: { status: 'OutOfSync', revision: 'abc' } };
    const input = changed(single({ phase: 'Succeeded', health: 'Unhealthy' }), {
      '$.stages[0].status.health.output': [{ applicationStatuses: [app, { name: 'legacy', healthStatus: { status: 'Healthy' } }, 7] }, { applicationStatuses: [app] }, 'opaque'],
    });
    expect(fromKargo(input).environments[0]!.applications).toEqual([
      { name: 'api-dev', namespace: 'argocd', commitSha: 'abc', sync: 'out-of-sync', rawSync: 'OutOfSync', health: 'degraded', rawHealth: 'Degraded', promotion: 'succeeded' },
      { name: 'legacy', sync: 'unknown', health: 'healthy', rawHealth: 'Healthy', promotion: 'succeeded' },
    ]);
  });

  it('keeps a Succeeded promotion succeeded when its Stage is Unhealthy', () => {
    const release = fromKargo(single({ phase: 'Succeeded', health: 'Unhealthy' }));
    expect(release.status).toBe('succeeded');
    expect(release.environments[0]!.applications[0]!.health).toBe('degraded');
  });
});

// ---------------------------------------------------------------------------------------------
// The fixtures
// ---------------------------------------------------------------------------------------------

describe('fromKargo: the project fixture', () => {
  it('converts every field', () => {
    const release = fromKargo(project());
    expect(release).toEqual(EXPECTED_PROJECT);
    // No undefined properties: the model serialises as it is.
    expect(JSON.parse(JSON.stringify(release))).toStrictEqual(release);
  });

  it('does not modify its input', () => {
    const input = project();
    const deepFreeze = (value: unknown): void => {
      if (typeof value === 'object' && value !== null) {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
      }
    };
    deepFreeze(input);
    expect(fromKargo(input)).toEqual(EXPECTED_PROJECT);
  });

  it('ignores Promotions of other Freight, of other projects and of Stages outside the release', () => {
    const input = project();
    const promotions = list(input, '$.promotions');
    const newerAttempt = { '$.metadata.creationTimestamp': '2026-11-24T12:00:00Z', '$.status.phase': 'Errored' };
    for (const variant of [
      { '$.spec.freight': OTHER_FREIGHT },
      { '$.spec.stage': 'prod-us', '$.spec.freight': OTHER_FREIGHT },
      { '$.metadata.namespace': 'payments' },
      { '$.spec.stage': 'docs' },
      { '$.spec.stage': 'no-such-stage' },
      { '$.spec.freight': REMOVE },
    ]) {
      promotions.push(changed(promotions[4], { ...newerAttempt, ...variant }));
    }
    expect(promotions).toHaveLength(13);
    expect(fromKargo(input)).toEqual(EXPECTED_PROJECT);
  });

  it('takes the newest Promotion of a Stage, whatever the input order', () => {
    const reversed = project();
    list(reversed, '$.promotions').reverse();
    expect(fromKargo(reversed)).toEqual(EXPECTED_PROJECT);
    // Make the Errored attempt the newest: it wins.
    const errored = fromKargo(project({ '$.promotions[2].metadata.creationTimestamp': '2026-11-24T08:45:00Z' }));
    expect(env(errored, 'uat')).toMatchObject({ status: 'error', rawStatus: 'Errored', statusText: expect.stringContaining('git-clone') });
    expect(env(errored, 'uat').issues[0]).toMatchObject({ kind: 'workflow', level: 'error', workflow: 'uat.01jdb4a1b2c3d4e5f6g7h8j9k0.8f3c2a9' });
    expect(errored.status).toBe('error');
  });

  it('breaks a creation-time tie by the Promotion name (Kargo names embed a ULID)', () => {
    const release = fromKargo(project({ '$.promotions[2].metadata.creationTimestamp': '2026-11-24T08:30:00Z' }));
    expect(at(PROJECT, '$.promotions[3].metadata.creationTimestamp').value).toBe('2026-11-24T08:30:00Z');
    expect(env(release, 'uat').rawStatus).toBe('Succeeded'); // uat.01jdb4m… sorts after uat.01jdb4a…
  });

  it('leaves a Stage without a Promotion of this Freight pending, without another Freight’s health', () => {
    const prodUs = env(fromKargo(project()), 'prod-us');
    expect(prodUs).toEqual({ name: 'prod-us', dependsOn: ['uat', 'perf'], status: 'pending', workflows: noWorkflows, applications: [], issues: [] });
  });

  it('shows Stage health only while this Freight is the Stage’s current Freight', () => {
    const current = fromKargo(project({ '$.stages[3].status.freightHistory[0].items["Warehouse/main"].name': FREIGHT }));
    expect(env(current, 'prod-eu').applications).toEqual([{ name: 'prod-eu', sync: 'unknown', health: 'healthy', rawHealth: 'Healthy', promotion: 'running' }]);
    // Without freightHistory, Freight.status.currentlyIn decides.
    const noHistory = fromKargo(project(Object.fromEntries([0, 1, 2, 3, 4].map((index) => [`$.stages[${index}].status.freightHistory`, REMOVE]))));
    expect(env(noHistory, 'test').applications).toHaveLength(2);
    expect(env(noHistory, 'uat').applications).toHaveLength(1);
    expect(env(noHistory, 'prod-eu').applications).toEqual([]);
  });

  it('knows a Stage got this Freight from Freight.status when its Promotions were deleted', () => {
    const release = fromKargo(project({ '$.promotions': [] }));
    expect(env(release, 'test')).toMatchObject({ status: 'succeeded', finishedAt: '2026-11-24T08:06:40Z' });
    expect(env(release, 'uat')).toMatchObject({ status: 'succeeded', finishedAt: '2026-11-24T08:33:05Z' });
    expect(env(release, 'test')).not.toHaveProperty('rawStatus');
    expect(['perf', 'prod-eu', 'prod-us'].map((name) => env(release, name).status)).toEqual(['pending', 'pending', 'pending']);
    expect(release.status).toBe('pending');
    expect(release).not.toHaveProperty('initiator');
    expect(release).not.toHaveProperty('updatedAt');
  });

  it('takes only the Stages that request this Freight’s origin, in this project', () => {
    const names = (release: Release) => release.environments.map((environment) => environment.name);
    expect(names(fromKargo(project()))).toEqual(['test', 'uat', 'perf', 'prod-eu', 'prod-us']);
    // Another project's Stage of the same name is not part of the release.
    const otherProject = project();
    list(otherProject, '$.stages').push(changed(at(PROJECT, '$.stages[0]').value, { '$.metadata': { name: 'test', namespace: 'payments' } }));
    expect(names(fromKargo(otherProject))).toEqual(['test', 'uat', 'perf', 'prod-eu', 'prod-us']);
    // An upstream Stage that does not take this origin is not a dependency.
    const upstreamElsewhere = fromKargo(project({ '$.stages[3].spec.requestedFreight[0].sources.stages[1]': 'docs' }));
    expect(env(upstreamElsewhere, 'prod-eu').dependsOn).toEqual(['uat']);
  });

  it('succeeds, with a finish time, when every Stage has succeeded', () => {
    const changes: Changes = {};
    for (const [index, stage] of [[4, 'perf'], [5, 'prod-eu'], [1, 'prod-us']] as const) {
      changes[`$.promotions[${index}].spec`] = { stage, freight: FREIGHT };
      changes[`$.promotions[${index}].status.phase`] = 'Succeeded';
      changes[`$.promotions[${index}].status.finishedAt`] = `2026-11-24T1${index}:00:00Z`;
    }
    const release = fromKargo(project(changes));
    expect(release.status).toBe('succeeded');
    expect(release.finishedAt).toBe('2026-11-24T15:00:00Z');
    expect(release).not.toHaveProperty('statusReason');
    expect(release).not.toHaveProperty('error');
  });

  it('explains an aborted release without calling it an error', () => {
    const release = fromKargo(project({ '$.promotions[4].status': { phase: 'Aborted' } }));
    expect(release.status).toBe('terminated');
    expect(release.statusReason).toBe('Promotion to perf: Aborted');
    expect(release).not.toHaveProperty('error');
  });

  it('keeps only http(s) links', () => {
    const release = fromKargo(
      project({
        '$.freight.commits[0].repoURL': 'javascript:alert(1)//github.com/acme/checkout',
        '$.freight.commits[1].repoURL': 'git@gitlab.com:acme/checkout-config.git',
        '$.freight.charts[0].repoURL': 'data:text/html,<script>1</script>',
        '$.freight.commits[2]': { repoURL: 'https://github.com/acme/x', id: '../../evil' },
        '$.freight.commits[3]': { repoURL: 'https://git.acme.dev/acme/x', id: 'abcdef1' },
      }),
    );
    const [first, second, traversal, otherHost] = release.notes!.commits;
    expect(first).not.toHaveProperty('repoUrl');
    expect(first).not.toHaveProperty('url');
    expect(second).not.toHaveProperty('repoUrl');
    expect(traversal).toEqual({ sha: '../../evil', repoUrl: 'https://github.com/acme/x' });
    expect(otherHost).toEqual({ sha: 'abcdef1', repoUrl: 'https://git.acme.dev/acme/x' });
    expect(release.notes!.images[2]).toEqual({ reference: 'data:text/html,<script>1</script>/checkout:1.42.0', repository: 'data:text/html,<script>1</script>/checkout', tag: '1.42.0' });
  });

  it('accepts unknown fields, and null for optional ones', () => {
    const release = fromKargo(
      project({
        '$.someday': { newField: true },
        '$.freight.spec': 'unknown',
        '$.warehouse': null,
        '$.stages[5].status': null,
        '$.stages[0].status.health.issues': null,
        '$.stages[1].spec.requestedFreight[0].sources.direct': null,
        '$.promotions[6].status': null,
        '$.freight.alias': null,
        '$.freight.charts': null,
        '$.freight.commits[1].tag': null,
        '$.freight.status.verifiedIn': null,
      }),
    );
    expect(release.name).toBe('fluffy-dragon'); // from the kargo.akuity.io/alias label
    expect(release.notes!.images).toHaveLength(2);
    expect(release.notes!.commits[1]).not.toHaveProperty('branch');
    expect(release.environments).toHaveLength(5);
  });
});

describe('fromKargo: the minimal fixture', () => {
  it('converts every field', () => {
    expect(convert(MINIMAL)).toStrictEqual({
      id: 'd41d8cd98f00b204e9800998ecf8427e0c1f2a3b',
      product: 'api',
      name: 'quiet-otter',
      version: '0.9.1',
      flow: { name: 'api' },
      status: 'pending',
      trigger: { kind: 'unknown', environment: 'dev' },
      initiator: { name: '1f0e2d3c-admin' },
      createdAt: '2026-11-25T10:00:00Z',
      updatedAt: '2026-11-25T10:00:05Z',
      environments: [
        { name: 'dev', dependsOn: [], status: 'queued', workflows: noWorkflows, applications: [], issues: [] },
        { name: 'staging', dependsOn: ['dev'], status: 'pending', workflows: noWorkflows, applications: [], issues: [] },
      ],
      notes: {
        images: [
          {
            reference: 'quay.io/acme/api@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
            repository: 'quay.io/acme/api',
            digest: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
          },
          { reference: 'oci://ghcr.io/acme/charts/api:0.9.1', repository: 'oci://ghcr.io/acme/charts/api', tag: '0.9.1' },
        ],
        issues: [],
        pullRequests: [],
        commits: [],
      },
      source: { system: 'kargo' },
    });
  });

  it('falls back for the version: image tag, chart version, Git tag, short SHA', () => {
    const version = (changes: Changes) => convert(changed(MINIMAL, changes)).version;
    expect(version({ '$.freight.images[0].tag': '2.0.0' })).toBe('2.0.0');
    const commit = { repoURL: 'https://github.com/acme/api', id: 'aabbccddeeff00112233445566778899aabbccdd', branch: 'main' };
    expect(version({ '$.freight.charts': null, '$.freight.commits': [commit, { ...commit, tag: 'v3.1.0' }] })).toBe('v3.1.0');
    expect(version({ '$.freight.charts': null, '$.freight.commits': [commit] })).toBe('aabbccd');
    expect(version({ '$.freight.charts': null })).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

const groupsOf = (release: Release) => release.environments.map((environment) => [environment.name, environment.group]);

/** Stage `dev` (direct from Warehouse `w`) and Stages fed by it; `extra` goes into each fed Stage. */
function fanOut(names: string[], extra: (name: string, index: number) => Json = () => ({})): KargoInput {
  const origin = { kind: 'Warehouse', name: 'w' };
  const stage = (name: string, sources: Json, more: Json = {}) => {
    const { metadata, spec, ...rest } = more as { metadata?: Json; spec?: Json };
    return { metadata: { name, namespace: 'p', ...metadata }, spec: { requestedFreight: [{ origin, sources }], ...spec }, ...rest };
  };
  return {
    freight: { metadata: { name: 'abc1234', namespace: 'p', creationTimestamp: '2026-11-01T10:00:00Z' }, origin },
    stages: [stage('dev', { direct: true }), ...names.map((name, index) => stage(name, { stages: ['dev'] }, extra(name, index)))],
  } as unknown as KargoInput;
}

describe('fromKargo: groups', () => {
  it('takes each Stage’s group from its label, its annotation, its shard, or the Stages it shares its sources with', () => {
    expect(groupsOf(convert(FLEET))).toEqual([
      ['test', undefined],
      // canary and load-test both take Freight from test, but only canary feeds the stores.
      ['canary', undefined],
      ['load-test', undefined],
      // The gitops-releases/group label.
      ['store-berlin', 'wave-1'],
      ['store-paris', 'wave-1'],
      // The annotation of that key: a path (label values cannot hold a /), trimmed level by level.
      ['store-madrid', 'wave-2/eu-west'],
      ['store-lisbon', 'wave-2/eu-west'],
      // spec.shard, else the kargo.akuity.io/shard label.
      ['store-chicago', 'us-east'],
      ['store-dallas', 'us-east'],
      // Fed from canary alone and feeding nothing, with no label: one group named after canary
      // (soak times and auto-promotion options are not compared).
      ['store-osaka', 'from canary'],
      ['store-kyoto', 'from canary'],
      ['store-sapporo', 'from canary'],
      // Also takes Freight from the store-config Warehouse: not fed from the same places.
      ['store-rome', undefined],
    ]);
  });

  it('leaves the project fixture ungrouped: uat and perf both take Freight from test but feed different Stages', () => {
    expect(groupsOf(fromKargo(project())).filter(([, group]) => group !== undefined)).toEqual([]);
    expect(fromKargo(project()).environments.every((environment) => !('group' in environment))).toBe(true);
  });

  it('reads the group label named by the groupLabel option, and numbers sets of siblings that would share a name', () => {
    const input = changed(FLEET, { '$.stages[6].metadata.labels': { 'acme.dev/wave': 'wave-3' } }) as unknown as KargoInput;
    expect(groupsOf(fromKargo(input, { groupLabel: 'acme.dev/wave' })).filter(([, group]) => group !== undefined)).toEqual([
      // Without their label, berlin and paris are siblings: fed from canary, feeding madrid and lisbon.
      ['store-berlin', 'from canary'],
      ['store-paris', 'from canary'],
      // The annotation of the default key is not read either; lisbon has the new label.
      ['store-lisbon', 'wave-3'],
      ['store-chicago', 'us-east'],
      ['store-dallas', 'us-east'],
      ['store-osaka', 'from canary (2)'],
      ['store-kyoto', 'from canary (2)'],
      ['store-sapporo', 'from canary (2)'],
    ]);
  });

  it('groups siblings only when two or more are left without a label, and names them after what they share', () => {
    expect(groupsOf(fromKargo(fanOut(['a'])))).toEqual([
      ['dev', undefined],
      ['a', undefined],
    ]);
    const labelled = fromKargo(fanOut(['a', 'b'], (name) => (name === 'a' ? { metadata: { labels: { 'gitops-releases/group': 'ring-0' } } } : {})));
    expect(groupsOf(labelled)).toEqual([
      ['dev', undefined],
      ['a', 'ring-0'],
      ['b', undefined],
    ]);
    // Several sources: sorted, and counted when more than two.
    const origin = { kind: 'Warehouse', name: 'w' };
    const fedBy = (sources: string[]) => ({ spec: { requestedFreight: [{ origin, sources: { stages: sources } }] } });
    const input = fanOut(['x', 'y', 'z', 'p', 'q', 'r', 's'], (name) =>
      ['p', 'q'].includes(name) ? fedBy(['z', 'y']) : ['r', 's'].includes(name) ? fedBy(['z', 'y', 'x']) : {},
    );
    expect(groupsOf(fromKargo(input))).toEqual([
      ['dev', undefined],
      // x feeds r and s only; y and z both feed all four.
      ['x', undefined],
      ['y', 'from dev'],
      ['z', 'from dev'],
      ['p', 'from y + z'],
      ['q', 'from y + z'],
      ['r', 'from x + 2 more'],
      ['s', 'from x + 2 more'],
    ]);
    // Stages fed straight from the Warehouse are named after it.
    const direct = fanOut(['a', 'b'], () => ({ spec: { requestedFreight: [{ origin, sources: { direct: true } }] } }));
    expect(groupsOf(fromKargo(direct))).toEqual([
      ['dev', 'from w'],
      ['a', 'from w'],
      ['b', 'from w'],
    ]);
  });

  it('keeps a derived group one level when a Stage name holds a slash', () => {
    const input = fanOut(['a', 'b']);
    (input.stages[0]!.metadata as Json).name = 'eu/west';
    for (const stage of input.stages.slice(1)) stage.spec.requestedFreight[0]!.sources.stages = ['eu/west'];
    expect(fromKargo(input).environments[1]!.group).toBe('from eu∕west');
  });

  it('treats a blank label as no label, and trims a group path', () => {
    const input = fanOut(['a', 'b'], (name) => ({ metadata: { labels: { 'gitops-releases/group': name === 'a' ? '   ' : '  ring-1  ' } } }));
    expect(groupsOf(fromKargo(input))).toEqual([
      ['dev', undefined],
      ['a', undefined],
      ['b', 'ring-1'],
    ]);
  });

  it.each<[string, Changes, KargoOptions, string, unknown]>([
    ['a group label that is not a string', { '$.stages[3].metadata.labels["gitops-releases/group"]': 5 }, {}, '$.stages[3].metadata.labels["gitops-releases/group"]', 5],
    ['a group path of four levels', { '$.stages[5].metadata.annotations["gitops-releases/group"]': 'wave-2/eu/west/a' }, {}, '$.stages[5].metadata.annotations["gitops-releases/group"]', 'wave-2/eu/west/a'],
    ['a group path with an empty level', { '$.stages[4].metadata.labels["gitops-releases/group"]': 'wave-1//eu' }, {}, '$.stages[4].metadata.labels["gitops-releases/group"]', 'wave-1//eu'],
    ['a group path that starts with a slash', { '$.stages[6].metadata.annotations["gitops-releases/group"]': '/wave-2' }, {}, '$.stages[6].metadata.annotations["gitops-releases/group"]', '/wave-2'],
    ['a shard that is not a string', { '$.stages[7].spec.shard': 1 }, {}, '$.stages[7].spec.shard', 1],
    ['a shard label that is not a string', { '$.stages[8].metadata.labels["kargo.akuity.io/shard"]': ['us'] }, {}, '$.stages[8].metadata.labels["kargo.akuity.io/shard"]', ['us']],
    ['a direct flag that is not true or false', { '$.stages[0].spec.requestedFreight[0].sources.direct': 'yes' }, {}, '$.stages[0].spec.requestedFreight[0].sources.direct', 'yes'],
    ['sources of another origin that name no Stage', { '$.stages[12].spec.requestedFreight[1].sources.stages': [7] }, {}, '$.stages[12].spec.requestedFreight[1].sources.stages[0]', 7],
    ['a groupLabel option that is not a string', {}, { groupLabel: 7 as unknown as string }, '$options.groupLabel', 7],
  ])('reports %s at its path', (_, changes, options, path, value) => {
    const error = dataError(() => fromKargo(changed(FLEET, changes) as unknown as KargoInput, options));
    expect(error.path).toBe(path);
    expect(error.value).toEqual(value);
    expect(error.expected).toEqual(expect.any(String));
  });

  it('reports options that are not an object at $options', () => {
    expect(dataError(() => fromKargo(project(), 'wave' as unknown as KargoOptions)).path).toBe('$options');
  });

  it('groups Stages named __proto__, constructor and toString, and takes such names as groups and label keys', () => {
    const siblings = fromKargo(fanOut(['__proto__', 'constructor', 'toString']));
    expect(groupsOf(siblings)).toEqual([
      ['dev', undefined],
      ['__proto__', 'from dev'],
      ['constructor', 'from dev'],
      ['toString', 'from dev'],
    ]);
    // Fed from a Stage named __proto__: a group named after it.
    const input = fanOut(['a', 'b']);
    (input.stages[0]!.metadata as Json).name = '__proto__';
    for (const stage of input.stages.slice(1)) stage.spec.requestedFreight[0]!.sources.stages = ['__proto__'];
    expect(fromKargo(input).environments.map((environment) => environment.group)).toEqual([undefined, 'from __proto__', 'from __proto__']);
    // Label values and a label key from JSON.parse, own keys named like Object.prototype's members.
    const labels = JSON.parse('{"__proto__": "constructor", "toString": "__proto__/valueOf"}') as Json;
    const own = fanOut(['a', 'b'], (name) => ({ metadata: name === 'a' ? { labels } : { annotations: labels } }));
    expect(groupsOf(fromKargo(own, { groupLabel: '__proto__' }))).toEqual([
      ['dev', undefined],
      ['a', 'constructor'],
      ['b', 'constructor'],
    ]);
    expect(groupsOf(fromKargo(own, { groupLabel: 'toString' })).slice(1)).toEqual([
      ['a', '__proto__/valueOf'],
      ['b', '__proto__/valueOf'],
    ]);
    // A Stage without labels has no inherited `constructor` label.
    expect(groupsOf(fromKargo(fanOut(['a']), { groupLabel: 'constructor' }))).toEqual([
      ['dev', undefined],
      ['a', undefined],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

describe('fromKargo: bad data', () => {
  it.each<[string, Changes, string, unknown]>([
    ['a Freight without a name', { '$.freight.metadata.name': REMOVE }, '$.freight.metadata.name', undefined],
    ['a phase that is not a word', { '$.promotions[4].status.phase': 42 }, '$.promotions[4].status.phase', 42],
    ['a time that is not a time', { '$.promotions[0].status.finishedAt': 'yesterday' }, '$.promotions[0].status.finishedAt', 'yesterday'],
    ['an upstream Stage that is not given', { '$.stages[4].spec.requestedFreight[0].sources.stages[1]': 'load-test' }, '$.stages[4].spec.requestedFreight[0].sources.stages[1]', 'load-test'],
    ['an upstream named like an inherited property', { '$.stages[1].spec.requestedFreight[0].sources.stages[0]': 'constructor' }, '$.stages[1].spec.requestedFreight[0].sources.stages[0]', 'constructor'],
    ['an upstream that is not a name', { '$.stages[2].spec.requestedFreight[0].sources.stages': [{}] }, '$.stages[2].spec.requestedFreight[0].sources.stages[0]', {}],
    ['a request without origin kind', { '$.stages[2].spec.requestedFreight[0].origin.kind': null }, '$.stages[2].spec.requestedFreight[0].origin.kind', null],
    ['a request without sources', { '$.stages[1].spec.requestedFreight[0].sources': REMOVE }, '$.stages[1].spec.requestedFreight[0].sources', undefined],
    ['a Stage without spec', { '$.stages[5].spec': [] }, '$.stages[5].spec', []],
    ['two Stages of one name', { '$.stages[3].metadata.name': 'uat' }, '$.stages[3].metadata.name', 'uat'],
    ['a commit ID that is not a string', { '$.freight.commits[1].id': 7 }, '$.freight.commits[1].id', 7],
    ['health issues that are not strings', { '$.stages[1].status.health.issues': [3] }, '$.stages[1].status.health.issues[0]', 3],
    ['a freightHistory that is not a list', { '$.stages[2].status.freightHistory': 'x' }, '$.stages[2].status.freightHistory', 'x'],
    [
      'a current Freight reference that is not an object',
      { '$.stages[0].status.freightHistory[0].items["Warehouse/main"]': 1 },
      '$.stages[0].status.freightHistory[0].items["Warehouse/main"]',
      1,
    ],
    ['a currentlyIn record that is not an object', { '$.freight.status.currentlyIn.uat': 'yes' }, '$.freight.status.currentlyIn["uat"]', 'yes'],
    [
      'an alias label that is not a string',
      { '$.freight.alias': null, '$.freight.metadata.labels["kargo.akuity.io/alias"]': 5 },
      '$.freight.metadata.labels["kargo.akuity.io/alias"]',
      5,
    ],
    ['a Warehouse that is not the origin', { '$.warehouse.metadata.name': 'other' }, '$.warehouse.metadata.name', 'other'],
    ['stages that are not a list', { '$.stages': 'x' }, '$.stages', 'x'],
    ['a Promotion without a spec', { '$.promotions[6].spec': REMOVE }, '$.promotions[6].spec', undefined],
    ['a Promotion of this Freight without a Stage', { '$.promotions[3].spec.stage': '' }, '$.promotions[3].spec.stage', ''],
    ['no creation time', { '$.freight.metadata.creationTimestamp': null, '$.freight.discoveredAt': REMOVE }, '$.freight.metadata.creationTimestamp', null],
  ])('reports %s at its path', (_, changes, path, value) => {
    const error = dataError(() => fromKargo(project(changes)));
    expect(error.path).toBe(path);
    expect(error.value).toEqual(value);
    expect(error.expected).toEqual(expect.any(String));
    expect(error.message).toContain(path);
  });

  it('reports input that is not an object at $', () => {
    expect(dataError(() => convert(null)).path).toBe('$');
    expect(dataError(() => convert([])).path).toBe('$');
  });

  it('reports a Freight whose origin no Stage requests', () => {
    const error = dataError(() => fromKargo(project({ '$.freight.origin.name': 'nightly', '$.warehouse': null })));
    expect(error.path).toBe('$.stages');
    expect(error.message).toContain('Warehouse/nightly');
  });

  it('reports a cycle at the Stage source that closes it', () => {
    const error = dataError(() => fromKargo(project({ '$.stages[0].spec.requestedFreight[0].sources': { stages: ['prod-us'] } })));
    expect(error.message).toContain('test -> prod-us -> uat -> test');
    expect(error.path).toBe('$.stages[1].spec.requestedFreight[0].sources.stages[0]');
    expect(error.value).toBe('test');
    const self = dataError(() => fromKargo(project({ '$.stages[2].spec.requestedFreight[0].sources.stages[1]': 'perf' })));
    expect(self.path).toBe('$.stages[2].spec.requestedFreight[0].sources.stages[1]');
  });

  it('reads Stages named __proto__, constructor, toString (own keys from JSON.parse) like any other', () => {
    const { input, renamed } = withPrototypeNames(PROJECT, ['uat', 'test', 'perf', 'prod-us']);
    expect(JSON.stringify(convert(input))).toBe(renamed(convert(PROJECT)));
  });

  it('does not mistake inherited property names for data', () => {
    const release = fromKargo(
      project({
        '$.stages[4].metadata.name': '__proto__',
        '$.stages[4].spec.requestedFreight[0].sources.stages': ['uat'],
        '$.promotions[5].spec.stage': 'toString',
      }),
    );
    expect(env(release, '__proto__')).toMatchObject({ status: 'pending', dependsOn: ['uat'] });
    expect(env(release, 'prod-eu').status).toBe('pending');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random mutations give a valid model or a ReleaseDataError
// ---------------------------------------------------------------------------------------------

const mutationsArb = mutationsArbitrary({
  words: ['Warehouse', 'main', 'test', 'uat', 'perf', 'prod-us', 'canary', 'wave-1', 'a/b/c/d', 'a//b', FREIGHT, OTHER_FREIGHT, 'Succeeded', 'Failed', 'Running', 'Unhealthy', 'not a date', '2026-02-30T25:61:00Z', '2026-11-24T08:00:00Z', 'https://github.com/a/b'],
  keys: ['phase', 'stages', 'freight', 'stage', 'name', 'namespace', 'kargo.akuity.io/alias', 'kargo.akuity.io/create-actor', 'Warehouse/main', 'gitops-releases/group', 'kargo.akuity.io/shard', 'shard', 'direct'],
  values: [1e308, Number.NaN, {}, [], [null], [{}], JSON.parse('{"__proto__": {"name": "x"}}')],
  // A list of 2,000 Stages or Promotions is slow to read: fewer of them keep 10,000 runs quick.
  hugeEvery: 40,
});

/** Cheaper than `expect` inside 10,000 runs. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function checkValidRelease(release: Release): void {
  // A usable model: a DAG with no dangling dependsOn (topologicalOrder throws otherwise).
  check(topologicalOrder(release.environments).length === release.environments.length, 'every environment in the order');
  check(STATUSES.includes(release.status), `release status ${release.status}`);
  check(typeof release.id === 'string' && release.id !== '' && typeof release.product === 'string' && release.product !== '', 'id and product');
  check(!Number.isNaN(Date.parse(release.createdAt)), `createdAt ${release.createdAt}`);
  const root = release.environments.find((environment) => environment.name === release.trigger.environment);
  check(root !== undefined && root.dependsOn.length === 0, 'the trigger environment depends on nothing');
  for (const environment of release.environments) {
    check(STATUSES.includes(environment.status), `status ${environment.status}`);
    check(environment.group === undefined || isGroupPath(environment.group), `group ${environment.group}`);
    for (const app of environment.applications) check(HEALTH_STATUSES.includes(app.health) && SYNC_STATUSES.includes(app.sync), 'application words');
  }
  const links = [...release.notes!.commits.flatMap((commit) => [commit.url, commit.repoUrl]), ...release.notes!.images.map((image) => image.url)];
  for (const link of links) check(link === undefined || /^https?:\/\//i.test(link), `link ${link}`);
}

describe('fromKargo: random mutations of the fixtures', () => {
  it.each([
    ['project', PROJECT],
    ['minimal', MINIMAL],
    ['fleet', FLEET],
  ])('the %s fixture gives a valid release or a ReleaseDataError at the bad value', (_, fixture) => {
    // Frozen: the adapter must not change its input (it would throw here if it tried).
    const base = deepFreeze(structuredClone(fixture));
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(mutationsArb, (mutations) => {
        const input = mutated(base, mutations);
        let release: Release;
        try {
          release = fromKargo(input as KargoInput);
        } catch (error) {
          if (!isReleaseDataError(error)) throw error;
          invalid += 1;
          check(typeof error.expected === 'string' && error.expected !== '', `expected shape in: ${error.message}`);
          // The path leads to the value the error carries.
          const found = at(input, error.path);
          check(found.found && Object.is(found.value, error.value), `path and value of: ${error.message}`);
          return;
        }
        valid += 1;
        checkValidRelease(release);
        check(isPlainData(release), 'plain serialisable data');
      }),
      { numRuns: 10_000 },
    );
    // Both outcomes occur: the mutations reach the data that matters.
    expect(valid).toBeGreaterThan(500);
    expect(invalid).toBeGreaterThan(500);
  }, 120_000);
});
