import fc from 'fast-check';
import { deepFreeze, isGroupPath, isPlainData, mutated, mutationsArbitrary } from './mutations';
import { describe, expect, it } from 'vitest';
import { withArgoCdApplications, type ArgoCdApplication, type ArgoCdOverlayOptions } from '../../src/headless/adapters/argocd';
import { isReleaseDataError, ReleaseDataError } from '../../src/headless/adapters/errors';
import { topologicalOrder } from '../../src/headless/graph/validate';
import { HEALTH_STATUSES, STATUSES, SYNC_STATUSES } from '../../src/headless/model/status';
import type { ApplicationState, EnvironmentStep, Release } from '../../src/headless/model/types';
import fixtureJson from '../fixtures/argocd-applications.json';
import fleetJson from '../fixtures/argocd-rollingsync.json';
import { environment, release as makeRelease } from '../fixtures/release';

// The fixture is an `ApplicationList` as `kubectl get applications -o json` returns it, written
// from Argo CD's pkg/apis/application/v1alpha1 types (ApplicationStatus: sync, health, summary,
// operationState) and gitops-engine's HealthStatusCode and OperationPhase words. One Argo CD per
// environment (so the same names), each app deploying to namespace checkout-<environment>.
const FIXTURE = JSON.stringify(fixtureJson);
type Doc = { items: Array<Record<string, any>> } & Record<string, unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fixture = (): Doc => JSON.parse(FIXTURE) as Doc;
const overlay = (release: Release, applications: unknown, options?: ArgoCdOverlayOptions) =>
  withArgoCdApplications(release, applications as ArgoCdApplication[], options);

const NEW = '7dc5f4f9a3fd8c73a3056113f80dd7bee94a2cba';
const OLD = 'aea7348af8d15597d5d97684278a1612d7005a1b';

function state(name: string, env: string, version: string, commitSha: string, promotion: ApplicationState['promotion'], extra: Partial<ApplicationState> = {}): ApplicationState {
  return {
    name,
    namespace: `checkout-${env}`,
    version,
    commitSha,
    sync: 'synced',
    health: 'healthy',
    promotion,
    url: `https://argocd.acme.dev/applications/argocd/${name}`,
    ...extra,
  };
}
const states = (env: string, names: string[], version: string, sha: string, promotion: ApplicationState['promotion']) =>
  names.map((name) => state(name, env, version, sha, promotion));

/** The sample's "regions" release while production syncs: dev -> staging -> production -> three regions. */
function regionsRelease(): Release {
  const warning = { kind: 'workflow' as const, level: 'warning' as const, message: 'Smoke tests took 9 minutes', workflow: 'smoke-tests' };
  return makeRelease([
    environment('dev', [], { status: 'succeeded', applications: states('dev', ['cart-api', 'auth-gateway', 'pricing-svc'], '1.25.1', NEW, 'succeeded') }),
    environment('staging', ['dev'], { status: 'succeeded', applications: states('staging', ['cart-api'], '1.25.1', NEW, 'succeeded') }),
    environment('production', ['staging'], {
      kind: 'production',
      status: 'running',
      statusText: 'Waiting For App To Sync',
      issues: [warning],
      applications: [
        state('cart-api', 'production', '1.25.1', NEW, 'running'),
        state('auth-gateway', 'production', '1.25.1', NEW, 'running', { sync: 'syncing', health: 'progressing' }),
        state('pricing-svc', 'production', '1.25.1', NEW, 'running', { sync: 'syncing', health: 'progressing' }),
      ],
    }),
    environment('prod-eu', ['production'], { applications: states('prod-eu', ['cart-api', 'auth-gateway', 'pricing-svc'], '1.25.0', OLD, 'pending') }),
    environment('prod-us', ['production'], { applications: states('prod-us', ['cart-api', 'auth-gateway'], '1.25.0', OLD, 'pending') }),
    environment('prod-asia', ['production'], {
      applications: states('prod-asia', ['cart-api', 'auth-gateway', 'pricing-svc', 'payments-api'], '1.25.0', OLD, 'pending'),
    }),
  ]);
}

const envNamed = (release: Release, name: string): EnvironmentStep => release.environments.find((environment) => environment.name === name)!;

/** One environment `dev` with one application `cart-api` (namespace checkout-dev). */
const oneApp = (extra: Partial<ApplicationState> = {}) =>
  makeRelease([environment('dev', [], { status: 'running', applications: [state('cart-api', 'dev', '1.0.0', OLD, 'running', extra)] })]);
/** A minimal Application for `cart-api` in checkout-dev with the given status. */
const live = (status: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}, destination: Record<string, unknown> = { namespace: 'checkout-dev' }) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'cart-api', namespace: 'argocd', ...metadata },
  spec: { destination },
  status,
});
const appOf = (release: Release) => release.environments[0]!.applications[0]!;

describe('withArgoCdApplications: the fixture', () => {
  it('lays every live field over the matching applications', () => {
    const before = regionsRelease();
    const after = overlay(before, fixture());
    const raw = { rawSync: 'Synced', rawHealth: 'Healthy' };

    expect(envNamed(after, 'dev').applications).toStrictEqual(
      states('dev', ['cart-api', 'auth-gateway', 'pricing-svc'], '1.25.1', NEW, 'succeeded').map((application) => ({ ...application, ...raw })),
    );
    // No summary: the version stays as it was.
    expect(envNamed(after, 'staging').applications).toStrictEqual([{ ...state('cart-api', 'staging', '1.25.1', NEW, 'succeeded'), ...raw }]);
    expect(envNamed(after, 'production').applications).toStrictEqual([
      { ...state('cart-api', 'production', '1.25.1', NEW, 'running'), ...raw },
      // A Running operation shows as syncing; the image says 1.25.0 is still what runs.
      state('auth-gateway', 'production', '1.25.0', NEW, 'running', { sync: 'syncing', rawSync: 'OutOfSync', health: 'progressing', rawHealth: 'Progressing' }),
      state('pricing-svc', 'production', '1.25.1', NEW, 'failed', { rawSync: 'Synced', health: 'degraded', rawHealth: 'Degraded' }),
    ]);
    expect(envNamed(after, 'production').issues).toStrictEqual([
      { kind: 'workflow', level: 'warning', message: 'Smoke tests took 9 minutes', workflow: 'smoke-tests' },
      { kind: 'application', level: 'error', message: 'Deployment "pricing-svc" exceeded its progress deadline', application: 'pricing-svc', at: '2026-11-20T09:58:12Z' },
      { kind: 'application', level: 'error', message: 'one or more synchronization tasks completed unsuccessfully', application: 'pricing-svc', at: '2026-11-20T09:58:12Z' },
    ]);
    // legacy-batch is in prod-eu's Argo CD but not in the release: ignored.
    expect(envNamed(after, 'prod-eu').applications).toStrictEqual([
      state('cart-api', 'prod-eu', '1.25.0', OLD, 'pending', { rawSync: 'Synced', health: 'suspended', rawHealth: 'Suspended' }),
      ...states('prod-eu', ['auth-gateway', 'pricing-svc'], '1.25.0', OLD, 'pending'),
    ]);
    expect(envNamed(after, 'prod-us').applications).toStrictEqual([
      state('cart-api', 'prod-us', '1.25.0', OLD, 'pending'),
      // No images: the version stays.
      state('auth-gateway', 'prod-us', '1.25.0', OLD, 'pending', { sync: 'out-of-sync', rawSync: 'OutOfSync', health: 'missing', rawHealth: 'Missing' }),
    ]);
    expect(envNamed(after, 'prod-asia').applications).toStrictEqual([
      ...states('prod-asia', ['cart-api', 'auth-gateway', 'pricing-svc'], '1.25.0', OLD, 'pending'),
      state('payments-api', 'prod-asia', '1.25.0', OLD, 'error', { sync: 'unknown', rawSync: 'Unknown', health: 'unknown', rawHealth: 'Unknown' }),
    ]);
    expect(envNamed(after, 'prod-asia').issues).toStrictEqual([
      {
        kind: 'application',
        level: 'error',
        message: 'ComparisonError: rpc error: code = Unknown desc = Manifest generation error (cached): kustomize build failed',
        application: 'payments-api',
        at: '2026-11-20T09:40:03Z',
      },
    ]);
    for (const name of ['dev', 'staging', 'prod-eu', 'prod-us']) expect(envNamed(after, name).issues).toEqual([]);

    // Everything but applications and issues is the release's own record.
    const strip = (release: Release) => ({ ...release, environments: release.environments.map(({ applications: _a, issues: _i, ...rest }) => rest) });
    expect(strip(after)).toStrictEqual(strip(before));
    expect(topologicalOrder(after.environments)).toHaveLength(6);
  });

  it('does not change the release or the applications it is given', () => {
    const release = deepFreeze(regionsRelease());
    const applications = deepFreeze(fixture());
    const snapshot = JSON.stringify([release, applications]);
    const after = overlay(release, applications);
    expect(JSON.stringify([release, applications])).toBe(snapshot);
    expect(after).not.toBe(release);
    expect(envNamed(after, 'production').applications[2]!.health).toBe('degraded');
    expect(envNamed(release, 'production').applications[2]!.health).toBe('progressing');
  });

  it('reads an ApplicationList and a plain list alike; null or absent is no applications', () => {
    const release = regionsRelease();
    expect(overlay(release, fixture().items)).toStrictEqual(overlay(release, fixture()));
    expect(overlay(release, null)).toStrictEqual(release);
    expect(overlay(release, undefined)).toStrictEqual(release);
    expect(overlay(release, { kind: 'ApplicationList', items: null })).toStrictEqual(release);
  });

  it('adds no issue twice when laid over again', () => {
    const once = overlay(regionsRelease(), fixture());
    expect(overlay(once, fixture())).toStrictEqual(once);
  });
});

describe('withArgoCdApplications: status words', () => {
  it.each([
    ['Synced', 'synced'],
    ['OutOfSync', 'out-of-sync'],
    ['Unknown', 'unknown'],
    ['Resyncing', 'unknown'],
  ])('maps sync %s to %s and keeps the word', (word, expected) => {
    expect(appOf(overlay(oneApp(), [live({ sync: { status: word } })]))).toMatchObject({ sync: expected, rawSync: word });
  });

  it.each([
    ['Healthy', 'healthy'],
    ['Progressing', 'progressing'],
    ['Degraded', 'degraded'],
    ['Suspended', 'suspended'],
    ['Missing', 'missing'],
    ['Unknown', 'unknown'],
    ['Wobbly', 'unknown'],
  ])('maps health %s to %s and keeps the word', (word, expected) => {
    expect(appOf(overlay(oneApp(), [live({ health: { status: word } })]))).toMatchObject({ health: expected, rawHealth: word });
  });

  it.each([
    ['Running', 'running', 'syncing', 0],
    ['Terminating', 'terminating', 'synced', 0],
    ['Failed', 'failed', 'synced', 1],
    ['Error', 'error', 'synced', 1],
    // A finished sync says nothing about this release's promotion.
    ['Succeeded', 'pending', 'synced', 0],
    ['Paused', 'pending', 'synced', 0],
  ])('maps operation phase %s to promotion %s', (phase, promotion, sync, issues) => {
    const after = overlay(oneApp({ promotion: 'pending' }), [live({ operationState: { phase, message: `sync ${phase}`, startedAt: '2026-11-20T09:00:00Z' } })]);
    expect(appOf(after)).toMatchObject({ promotion, sync });
    expect(after.environments[0]!.issues).toHaveLength(issues);
    if (issues) expect(after.environments[0]!.issues[0]).toStrictEqual({ kind: 'application', level: 'error', message: `sync ${phase}`, application: 'cart-api', at: '2026-11-20T09:00:00Z' });
  });

  it('explains a Degraded application without a message, and a failed operation without one', () => {
    const after = overlay(oneApp(), [live({ health: { status: 'Degraded' }, operationState: { phase: 'Error' } })]);
    expect(after.environments[0]!.issues).toStrictEqual([
      { kind: 'application', level: 'error', message: 'cart-api is Degraded', application: 'cart-api' },
      { kind: 'application', level: 'error', message: 'Sync operation ended in Error', application: 'cart-api' },
    ]);
  });
});

describe('withArgoCdApplications: live values', () => {
  it('leaves the application alone for fields the Application does not report', () => {
    const before = oneApp({ rawSync: 'SYNCED' });
    expect(overlay(before, [live()])).toStrictEqual(before);
    expect(overlay(before, [live({ sync: { status: '' }, health: null, summary: { images: [] }, operationState: null })])).toStrictEqual(before);
  });

  it('takes the commit from sync.revision, else sync.revisions, else the last sync result', () => {
    expect(appOf(overlay(oneApp(), [live({ sync: { revision: 'r1', revisions: ['r2'] }, operationState: { syncResult: { revision: 'r3' } } })])).commitSha).toBe('r1');
    expect(appOf(overlay(oneApp(), [live({ sync: { revisions: [null, 'r2'] }, operationState: { syncResult: { revision: 'r3' } } })])).commitSha).toBe('r2');
    expect(appOf(overlay(oneApp(), [live({ operationState: { phase: 'Succeeded', syncResult: { revision: 'r3' } } })])).commitSha).toBe('r3');
  });

  it.each([
    [['docker.io/envoyproxy/envoy:v1.31.2', 'ghcr.io/acme/cart-api:2.0.0'], '2.0.0'],
    [['docker.io/envoyproxy/envoy:v1.31.2', 'ghcr.io/acme/other:2.0.0'], 'v1.31.2'],
    [['ghcr.io/acme/cart-api@sha256:' + 'a'.repeat(64), 'ghcr.io/acme/sidecar:3.1'], '3.1'],
    [['registry.acme.dev:5000/team/cart-api:4.2.0-rc.1@sha256:' + 'b'.repeat(64)], '4.2.0-rc.1'],
    [['registry.acme.dev:5000/team/cart-api'], '1.0.0'],
    [['cart-api:'], '1.0.0'],
  ])('reads the version from images %j as %s', (images, version) => {
    expect(appOf(overlay(oneApp(), [live({ summary: { images } })])).version).toBe(version);
  });
});

describe('withArgoCdApplications: matching', () => {
  it('compares a namespace with metadata.namespace or spec.destination.namespace', () => {
    const other = live({ health: { status: 'Missing' } }, {}, { namespace: 'checkout-staging' });
    expect(appOf(overlay(oneApp(), [other])).health).toBe('healthy');
    const anyNamespace = live({ health: { status: 'Missing' } }, { namespace: 'checkout-dev' }, {});
    expect(appOf(overlay(oneApp(), [anyNamespace])).health).toBe('missing');
    // An application without a namespace matches by name alone.
    expect(appOf(overlay(oneApp({ namespace: undefined }), [other])).health).toBe('missing');
  });

  it('uses the first matching Application', () => {
    const after = overlay(oneApp(), [live({ health: { status: 'Degraded' } }, {}, { namespace: 'elsewhere' }), live({ health: { status: 'Missing' } }), live({ health: { status: 'Suspended' } })]);
    expect(appOf(after).health).toBe('missing');
  });

  it('matches by environmentOf and applicationOf when given, without comparing namespaces', () => {
    const applications = fixture().items.map((item): Doc['items'][number] => ({ ...item, metadata: { ...item.metadata, name: `${item.metadata.name}-${item.metadata.labels['acme.dev/environment']}` } }));
    applications[7]!.spec.destination.namespace = 'moved';
    const options: ArgoCdOverlayOptions = {
      environmentOf: (application) => application.metadata.labels?.['acme.dev/environment'],
      applicationOf: (application) => application.metadata.name.replace(/-(dev|staging|production|prod-eu|prod-us|prod-asia)$/, ''),
    };
    expect(overlay(regionsRelease(), applications, options)).toStrictEqual(overlay(regionsRelease(), fixture()));
    // Without the callbacks, nothing has these names.
    expect(overlay(regionsRelease(), applications)).toStrictEqual(regionsRelease());
  });

  it('ignores an Application whose environmentOf is undefined or not in the release', () => {
    const options: ArgoCdOverlayOptions = { environmentOf: (application) => (application.metadata.namespace === 'argocd' ? undefined : 'qa') };
    expect(overlay(regionsRelease(), fixture(), options)).toStrictEqual(regionsRelease());
  });

  it('adds Applications that match nothing in their environment with addUnmatched', () => {
    const environmentOf = (application: ArgoCdApplication) => application.metadata.labels?.['acme.dev/environment'];
    const added = overlay(regionsRelease(), fixture(), { environmentOf, addUnmatched: true });
    expect(envNamed(added, 'prod-eu').applications.map((application) => application.name)).toEqual(['cart-api', 'auth-gateway', 'pricing-svc', 'legacy-batch']);
    expect(envNamed(added, 'prod-eu').applications[3]).toStrictEqual({
      name: 'legacy-batch',
      namespace: 'checkout-prod-eu',
      sync: 'synced',
      rawSync: 'Synced',
      health: 'healthy',
      rawHealth: 'Healthy',
      commitSha: OLD,
      version: '0.9.4',
    });
    // Every other environment is as without addUnmatched.
    const without = overlay(regionsRelease(), fixture(), { environmentOf });
    expect(added.environments.filter((environment) => environment.name !== 'prod-eu')).toStrictEqual(without.environments.filter((environment) => environment.name !== 'prod-eu'));
    // Without environmentOf there is no telling where it goes.
    expect(overlay(regionsRelease(), fixture(), { addUnmatched: true })).toStrictEqual(overlay(regionsRelease(), fixture()));
  });
});

// The fleet fixture: an ApplicationSet (`ApplicationSetList`, pkg/apis/application/v1alpha1
// applicationset_types.go) with a cluster generator and a RollingSync strategy of four steps, the
// seven Applications it made (`ApplicationList`, each owned by it through metadata.ownerReferences
// but store-lisbon's), and the clusters both as Argo CD stores them (cluster Secrets, base64 data)
// and as its API lists them (`GET /api/v1/clusters`).
const FLEET = JSON.stringify(fleetJson);
type Fleet = { applicationSets: Doc; applications: Doc; clusterSecrets: Doc; clusters: Doc };
const fleet = (): Fleet => JSON.parse(FLEET) as Fleet;
const STORES = ['canary-eu-1', 'store-berlin', 'store-paris', 'store-chicago', 'store-osaka', 'store-dallas', 'store-lisbon'];

/** One environment per store cluster, each with the store's Application. */
function fleetRelease(): Release {
  return makeRelease(
    STORES.map((name, index) =>
      environment(name, index === 0 ? [] : index < 3 ? ['canary-eu-1'] : ['store-berlin', 'store-paris'], {
        applications: [{ name: `storefront-${name}`, namespace: 'storefront', sync: 'unknown', health: 'unknown' }],
      }),
    ),
  );
}
const groupsOf = (release: Release) => release.environments.map((environment) => environment.group);
const owned = { ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', name: 'rollout', uid: 'u-1', controller: true }] };
/** An ApplicationSet `rollout` in `argocd` with a RollingSync of these steps. */
const rollingSync = (steps: unknown[], strategy: Record<string, unknown> = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name: 'rollout', namespace: 'argocd' },
  spec: { generators: [], template: {}, strategy: { type: 'RollingSync', rollingSync: { steps }, ...strategy } },
});
/** The group `cart-api` gets from one ApplicationSet, given its labels and owner. */
const groupFrom = (applicationSet: unknown, labels: Record<string, unknown> = {}, metadata: Record<string, unknown> = owned) =>
  overlay(oneApp(), [live({}, { labels, ...metadata })], { applicationSets: [applicationSet] as never }).environments[0]!.group;

describe('withArgoCdApplications: groups from RollingSync steps and cluster labels', () => {
  it('groups each environment by the RollingSync step of its Application, then by its cluster’s label', () => {
    const { applicationSets, applications, clusterSecrets } = fleet();
    const after = overlay(fleetRelease(), applications, { applicationSets: applicationSets as never, clusters: clusterSecrets as never, clusterLabel: 'region' });
    expect(groupsOf(after)).toEqual([
      // Step 1 is `ring In (canary)`: named by its one value.
      'canary/eu-west',
      // Step 2 is `ring In (early)` and `tier NotIn (experimental)`: still one In value.
      'early/eu-west',
      // store-paris is tier experimental: no step takes it (step 4's Exists is no operator of
      // Argo CD's, and its cluster has a ring label), so only its region is left.
      'eu-west',
      // Step 3 has two values: named by its number. Chicago's destination names its cluster.
      'step-3/us-east',
      'step-3/ap-northeast',
      // No ring label at all: an unknown operator does not exclude an Application without the key.
      'step-4/us-east',
      // Not made by the ApplicationSet, and its cluster has no region label.
      undefined,
    ]);
    // The steps agree with what the ApplicationSet controller wrote into its status.
    const status = (applicationSets.items[0]!.status.applicationStatus as Array<{ application: string; step: string }>).map((entry) => [entry.application, entry.step]);
    expect(status).toEqual([
      ['storefront-canary-eu-1', '1'],
      ['storefront-store-berlin', '2'],
      ['storefront-store-paris', '-1'],
      ['storefront-store-chicago', '3'],
      ['storefront-store-osaka', '3'],
      ['storefront-store-dallas', '4'],
    ]);
    // Nothing else changes: the same release as without the groups, but for `group`.
    const plain = overlay(fleetRelease(), applications);
    expect(after.environments.map(({ group: _group, ...rest }) => rest)).toStrictEqual(plain.environments);
    expect(groupsOf(plain)).toEqual(STORES.map(() => undefined));
  });

  it('reads clusters from the API’s list as from their Secrets', () => {
    const { applicationSets, applications, clusterSecrets, clusters } = fleet();
    const options = { applicationSets: applicationSets as never, clusterLabel: 'region' };
    const fromSecrets = overlay(fleetRelease(), applications, { ...options, clusters: clusterSecrets as never });
    expect(overlay(fleetRelease(), applications, { ...options, clusters: clusters as never })).toStrictEqual(fromSecrets);
    expect(overlay(fleetRelease(), applications, { ...options, clusters: clusters.items as never })).toStrictEqual(fromSecrets);
  });

  it('takes the step alone without a clusterLabel, and the cluster label alone without ApplicationSets', () => {
    const { applicationSets, applications, clusters } = fleet();
    expect(groupsOf(overlay(fleetRelease(), applications, { applicationSets: applicationSets as never, clusters: clusters as never }))).toEqual([
      'canary',
      'early',
      undefined,
      'step-3',
      'step-3',
      'step-4',
      undefined,
    ]);
    expect(groupsOf(overlay(fleetRelease(), applications, { clusters: clusters as never, clusterLabel: 'region' }))).toEqual([
      'eu-west',
      'eu-west',
      'eu-west',
      'us-east',
      'ap-northeast',
      'us-east',
      undefined,
    ]);
    // Another label of the clusters.
    expect(groupsOf(overlay(fleetRelease(), applications, { clusters: clusters as never, clusterLabel: 'ring' }))).toEqual([
      'canary',
      'early',
      'early',
      'broad',
      'late',
      undefined,
      undefined,
    ]);
  });

  it('keeps an environment’s own group when no step or cluster label gives one, and replaces it when one does', () => {
    const release = fleetRelease();
    release.environments = release.environments.map((environment) => ({ ...environment, group: 'fleet' }));
    const { applicationSets, applications } = fleet();
    expect(groupsOf(overlay(release, applications, { applicationSets: applicationSets as never }))).toEqual([
      'canary',
      'early',
      'fleet',
      'step-3',
      'step-3',
      'step-4',
      'fleet',
    ]);
  });

  // Argo CD's applicationset/progressivesync: every expression must hold; a label the Application
  // lacks fails only `In`; an operator other than In and NotIn fails when the label is there.
  it.each<[string, string, unknown[], Record<string, string>, boolean]>([
    ['In, the label one of the values', 'In', ['canary', 'early'], { ring: 'early' }, true],
    ['In, the label another value', 'In', ['canary'], { ring: 'early' }, false],
    ['In, no such label', 'In', ['canary'], {}, false],
    ['In, no values', 'In', [], { ring: 'canary' }, false],
    ['In, an empty label value among the values', 'In', [''], { ring: '' }, true],
    ['In, values compared exactly', 'In', ['Canary'], { ring: 'canary' }, false],
    ['NotIn, the label one of the values', 'NotIn', ['canary'], { ring: 'canary' }, false],
    ['NotIn, the label another value', 'NotIn', ['canary'], { ring: 'early' }, true],
    ['NotIn, no such label', 'NotIn', ['canary'], {}, true],
    ['NotIn, no values', 'NotIn', [], { ring: 'canary' }, true],
    ['Exists (not an Argo CD operator), the label there', 'Exists', [], { ring: 'canary' }, false],
    ['Exists (not an Argo CD operator), no such label', 'Exists', [], {}, true],
    ['in (operators are case-sensitive), the label one of the values', 'in', ['canary'], { ring: 'canary' }, false],
    ['no operator, no such label', '', ['canary'], {}, true],
  ])('matches %s as Argo CD does', (_, operator, values, labels, selected) => {
    const applicationSet = rollingSync([{ matchExpressions: [{ key: 'ring', operator, values }] }]);
    expect(groupFrom(applicationSet, labels) !== undefined).toBe(selected);
  });

  it('selects by every expression of a step, takes the first step that selects, and selects everything with no expression', () => {
    const both = [
      { key: 'ring', operator: 'In', values: ['early'] },
      { key: 'tier', operator: 'NotIn', values: ['experimental'] },
    ];
    const steps = [{ matchExpressions: both }, { matchExpressions: [{ key: 'ring', operator: 'In', values: ['early', 'late'] }] }, {}];
    expect(groupFrom(rollingSync(steps), { ring: 'early' })).toBe('early');
    expect(groupFrom(rollingSync(steps), { ring: 'early', tier: 'experimental' })).toBe('step-2');
    expect(groupFrom(rollingSync(steps), { ring: 'canary' })).toBe('step-3');
    expect(groupFrom(rollingSync([{ matchExpressions: null }]), {})).toBe('step-1');
  });

  it.each<[string, Record<string, unknown>, Record<string, string>, string]>([
    ['its one In value, trimmed', { key: 'ring', operator: 'In', values: [' canary '] }, { ring: ' canary ' }, 'canary'],
    ['its number with two In values', { key: 'ring', operator: 'In', values: ['canary', 'early'] }, { ring: 'canary' }, 'step-1'],
    ['its number with only NotIn', { key: 'ring', operator: 'NotIn', values: ['late'] }, {}, 'step-1'],
    ['its number with a blank value', { key: 'ring', operator: 'In', values: ['  '] }, { ring: '  ' }, 'step-1'],
    ['its number when the value holds a slash', { key: 'ring', operator: 'In', values: ['eu/west'] }, { ring: 'eu/west' }, 'step-1'],
  ])('names a step by %s', (_, expression, labels, name) => {
    expect(groupFrom(rollingSync([{ matchExpressions: [expression] }]), labels)).toBe(name);
  });

  it('names every step by its number when two would share a name', () => {
    const steps = [{ matchExpressions: [{ key: 'ring', operator: 'In', values: ['canary'] }] }, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['canary'] }] }];
    expect(groupFrom(rollingSync(steps), { ring: 'canary' })).toBe('step-1');
    expect(groupFrom(rollingSync(steps), { zone: 'canary' })).toBe('step-2');
  });

  it('uses the steps only as Argo CD does: type RollingSync with a step, for the Applications the ApplicationSet owns', () => {
    const steps = [{ matchExpressions: [{ key: 'ring', operator: 'In', values: ['canary'] }] }];
    const labels = { ring: 'canary' };
    expect(groupFrom(rollingSync(steps), labels)).toBe('canary');
    expect(groupFrom(rollingSync(steps, { type: 'AllAtOnce' }), labels)).toBeUndefined();
    expect(groupFrom(rollingSync(steps, { type: undefined }), labels)).toBeUndefined();
    expect(groupFrom(rollingSync([]), labels)).toBeUndefined();
    expect(groupFrom(rollingSync(steps, { rollingSync: null }), labels)).toBeUndefined();
    // Not its owner: another ApplicationSet, another kind, another namespace, or no owner at all.
    const ownedBy = (reference: Record<string, unknown>, namespace = 'argocd') => ({ namespace, ownerReferences: [{ ...owned.ownerReferences[0], ...reference }] });
    expect(groupFrom(rollingSync(steps), labels, ownedBy({ name: 'other' }))).toBeUndefined();
    expect(groupFrom(rollingSync(steps), labels, ownedBy({ kind: 'Application' }))).toBeUndefined();
    expect(groupFrom(rollingSync(steps), labels, ownedBy({}, 'team-a'))).toBeUndefined();
    expect(groupFrom(rollingSync(steps), labels, {})).toBeUndefined();
    // AllAtOnce does not read rollingSync at all, whatever it holds.
    expect(groupFrom(rollingSync(steps, { type: 'AllAtOnce', rollingSync: { steps: 'nonsense' } }), labels)).toBeUndefined();
  });

  it('matches a cluster by the destination’s server (trailing slashes aside) or name', () => {
    const clusters = [
      { server: 'https://eu.k8s.acme.dev', name: 'eu', labels: { region: 'eu-west' } },
      { server: 'https://us.k8s.acme.dev/', name: 'us', labels: { region: 'us-east' } },
    ];
    const groupAt = (destination: Record<string, unknown>) =>
      overlay(oneApp(), [live({}, {}, { namespace: 'checkout-dev', ...destination })], { clusters, clusterLabel: 'region' }).environments[0]!.group;
    expect(groupAt({ server: 'https://eu.k8s.acme.dev/' })).toBe('eu-west');
    expect(groupAt({ server: 'https://us.k8s.acme.dev' })).toBe('us-east');
    expect(groupAt({ name: 'us' })).toBe('us-east');
    expect(groupAt({ server: 'https://ap.k8s.acme.dev' })).toBeUndefined();
    expect(groupAt({})).toBeUndefined();
  });

  it('trims a cluster label, and takes a blank one as none', () => {
    const groupWith = (region: string) =>
      overlay(oneApp(), [live({}, {}, { namespace: 'checkout-dev', name: 'eu' })], { clusters: [{ name: 'eu', labels: { region } }], clusterLabel: 'region' }).environments[0]!.group;
    expect(groupWith('  eu-west ')).toBe('eu-west');
    expect(groupWith('   ')).toBeUndefined();
    expect(groupWith('emea / eu-west')).toBe('emea/eu-west');
  });

  const secret = (data: Record<string, unknown>, labels: Record<string, unknown> = { region: 'eu-west' }) => ({ kind: 'Secret', metadata: { name: 'c', labels }, data });
  it.each<[string, (fleet: Fleet) => Record<string, unknown>, string, unknown]>([
    ['an operator that is not a string', (f) => ((f.applicationSets.items[0]!.spec.strategy.rollingSync.steps[1].matchExpressions[0].operator = 1), {}), '$options.applicationSets.items[0].spec.strategy.rollingSync.steps[1].matchExpressions[0].operator', 1],
    ['values that are not a list', (f) => ((f.applicationSets.items[0]!.spec.strategy.rollingSync.steps[0].matchExpressions[0].values = 'canary'), {}), '$options.applicationSets.items[0].spec.strategy.rollingSync.steps[0].matchExpressions[0].values', 'canary'],
    ['a value that is not a string', (f) => ((f.applicationSets.items[0]!.spec.strategy.rollingSync.steps[2].matchExpressions[0].values[1] = null), {}), '$options.applicationSets.items[0].spec.strategy.rollingSync.steps[2].matchExpressions[0].values[1]', null],
    ['a step that is not an object', (f) => ((f.applicationSets.items[0]!.spec.strategy.rollingSync.steps[3] = 'ring'), {}), '$options.applicationSets.items[0].spec.strategy.rollingSync.steps[3]', 'ring'],
    ['a strategy type that is not a string', (f) => ((f.applicationSets.items[0]!.spec.strategy.type = true), {}), '$options.applicationSets.items[0].spec.strategy.type', true],
    ['an ApplicationSet without a name', (f) => (delete f.applicationSets.items[0]!.metadata.name, {}), '$options.applicationSets.items[0].metadata.name', undefined],
    ['ApplicationSets that are not a list', () => ({ applicationSets: 'storefront' }), '$options.applicationSets', 'storefront'],
    ['an Application label that is not a string', (f) => ((f.applications.items[3]!.metadata.labels.ring = 3), {}), '$.applications.items[3].metadata.labels["ring"]', 3],
    ['owner references that are not a list', (f) => ((f.applications.items[1]!.metadata.ownerReferences = {}), {}), '$.applications.items[1].metadata.ownerReferences', {}],
    ['an owner reference without a name', (f) => (delete f.applications.items[4]!.metadata.ownerReferences[0].name, {}), '$.applications.items[4].metadata.ownerReferences[0].name', undefined],
    ['a cluster label that is not a string', (f) => ((f.clusterSecrets.items[5]!.metadata.labels.region = ['ap']), {}), '$options.clusters.items[5].metadata.labels["region"]', ['ap']],
    ['a cluster label with an empty level', (f) => ((f.clusterSecrets.items[0]!.metadata.labels.region = 'eu//west'), {}), '$options.clusters.items[0].metadata.labels["region"]', 'eu//west'],
    ['a cluster label of three levels under a step', (f) => ((f.clusterSecrets.items[3]!.metadata.labels.region = 'us/east/1'), {}), '$options.clusters.items[3].metadata.labels["region"]', 'us/east/1'],
    ['Secret data that is not base64', (f) => ((f.clusterSecrets.items[2]!.data.server = 'not base64!'), {}), '$options.clusters.items[2].data.server', 'not base64!'],
    ['Secret data that is not UTF-8', (f) => ((f.clusterSecrets.items[2]!.data.name = '/w=='), {}), '$options.clusters.items[2].data.name', '/w=='],
    ['a clusterLabel that is not a string', () => ({ clusterLabel: 5 }), '$options.clusterLabel', 5],
    ['clusters that are not a list', () => ({ clusters: 7 }), '$options.clusters', 7],
  ])('reports %s with its path and value', (_, mutate, path, value) => {
    const f = fleet();
    const extra = mutate(f);
    let caught: unknown;
    try {
      overlay(fleetRelease(), f.applications, { applicationSets: f.applicationSets as never, clusters: f.clusterSecrets as never, clusterLabel: 'region', ...extra });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReleaseDataError);
    expect(caught).toMatchObject({ path, value, expected: expect.any(String) });
  });

  it('reads a cluster Secret’s data as UTF-8, its labels as given', () => {
    const encoded = (text: string) => Buffer.from(text, 'utf8').toString('base64');
    const group = overlay(oneApp(), [live({}, {}, { namespace: 'checkout-dev', name: 'zürich' })], {
      clusters: [secret({ name: encoded('zürich'), server: encoded('https://zh.k8s.acme.dev') }, { region: 'eu-central' })] as never,
      clusterLabel: 'region',
    }).environments[0]!.group;
    expect(group).toBe('eu-central');
  });

  it('handles ApplicationSets, clusters, labels and groups named __proto__, constructor and toString like any other', () => {
    const steps = [{ matchExpressions: [{ key: 'constructor', operator: 'In', values: ['__proto__'] }] }, { matchExpressions: [{ key: '__proto__', operator: 'NotIn', values: ['x'] }] }];
    const applicationSet = { ...rollingSync(steps), metadata: { name: '__proto__', namespace: 'argocd' } };
    const reference = { ownerReferences: [{ kind: 'ApplicationSet', name: '__proto__' }] };
    // Labels as JSON.parse makes them: own keys named like Object.prototype's members.
    const labels = JSON.parse('{"constructor": "__proto__"}') as Record<string, unknown>;
    expect(groupFrom(applicationSet, labels, reference)).toBe('__proto__');
    // No own `constructor` label: step 1 fails, step 2's NotIn holds without the key.
    expect(groupFrom(applicationSet, {}, reference)).toBe('step-2');
    expect(groupFrom(applicationSet, JSON.parse('{"__proto__": "x"}') as Record<string, unknown>, reference)).toBeUndefined();
    // Clusters named like members of Object.prototype, a label key and values too.
    const clusters = [
      { name: 'constructor', server: 'https://a', labels: JSON.parse('{"__proto__": "toString"}') as unknown },
      { name: '__proto__', server: 'https://b', labels: JSON.parse('{"__proto__": "constructor/valueOf"}') as unknown },
    ];
    const clusterGroup = (destination: Record<string, unknown>, clusterLabel: string) =>
      overlay(oneApp(), [live({}, {}, { namespace: 'checkout-dev', ...destination })], { clusters: clusters as never, clusterLabel }).environments[0]!.group;
    expect(clusterGroup({ name: 'constructor' }, '__proto__')).toBe('toString');
    expect(clusterGroup({ server: 'https://b' }, '__proto__')).toBe('constructor/valueOf');
    expect(clusterGroup({ name: 'toString' }, '__proto__')).toBeUndefined();
    expect(clusterGroup({ name: 'constructor' }, 'constructor')).toBeUndefined();
  });
});

describe('withArgoCdApplications: validation', () => {
  const cases: Array<[string, (doc: Doc) => unknown, string, string]> = [
    ['a numeric health status', (doc) => ((doc.items[1]!.status.health.status = 5), doc), '$.applications.items[1].status.health.status', 'a string'],
    ['a missing name', (doc) => (delete doc.items[0]!.metadata.name, doc.items), '$.applications[0].metadata.name', 'a non-empty string'],
    ['no metadata', (doc) => ((doc.items[3]!.metadata = null), doc), '$.applications.items[3].metadata', 'an object'],
    ['a string status', (doc) => ((doc.items[2]!.status = 'Healthy'), doc), '$.applications.items[2].status', 'an object'],
    ['a list sync', (doc) => ((doc.items[2]!.status.sync = []), doc), '$.applications.items[2].status.sync', 'an object'],
    ['an image that is not a string', (doc) => ((doc.items[2]!.status.summary.images[0] = {}), doc), '$.applications.items[2].status.summary.images[0]', 'a non-empty string'],
    ['images that are not a list', (doc) => ((doc.items[2]!.status.summary.images = 'nginx'), doc), '$.applications.items[2].status.summary.images', 'a list'],
    ['a bad finishedAt', (doc) => ((doc.items[6]!.status.operationState.finishedAt = 'soon'), doc), '$.applications.items[6].status.operationState.finishedAt', 'an ISO-8601 date-time'],
    ['a numeric phase', (doc) => ((doc.items[6]!.status.operationState.phase = 3), doc), '$.applications.items[6].status.operationState.phase', 'a string'],
    ['a numeric revision', (doc) => ((doc.items[0]!.status.sync.revision = 12), doc), '$.applications.items[0].status.sync.revision', 'a string'],
    ['a numeric destination namespace', (doc) => ((doc.items[4]!.spec.destination.namespace = 1), doc), '$.applications.items[4].spec.destination.namespace', 'a string'],
    ['applications that are a string', () => 'cart-api', '$.applications', 'a list of Argo CD Applications or an ApplicationList'],
    ['items that are not a list', (doc) => ((doc.items = {} as never), doc), '$.applications.items', 'a list'],
    ['an item that is not an object', (doc) => ((doc.items[5] = 'auth-gateway' as never), doc), '$.applications.items[5]', 'an object'],
  ];

  it.each(cases)('reports %s with its path, the expected shape and the value', (_, mutate, path, expected) => {
    let caught: unknown;
    try {
      overlay(regionsRelease(), mutate(fixture()));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReleaseDataError);
    expect(caught).toMatchObject({ path, expected });
    expect((caught as Error).message).toContain(path);
  });

  it('raises ReleaseDataError at the hole of an applications list with holes (it threw a TypeError reading name)', () => {
    const items: unknown[] = [...fixture().items];
    delete items[1];
    let caught: unknown;
    try {
      overlay(regionsRelease(), items);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReleaseDataError);
    expect(caught).toMatchObject({ path: '$.applications[1]', value: undefined });
  });

  it('keeps the offending value on the error', () => {
    const doc = fixture();
    doc.items[1]!.status.health.status = 5;
    expect(() => overlay(regionsRelease(), doc)).toThrow(expect.objectContaining({ value: 5 }));
  });
});

// The required property: random mutations of the fixture give a valid model or ReleaseDataError.
describe('withArgoCdApplications: hostile data', () => {
  it('turns 10,000 random mutations of the fixture into a valid release or ReleaseDataError, nothing else', () => {
    // Frozen: neither input may be changed (it would throw here if it were).
    const base = deepFreeze(fixture());
    const release = deepFreeze(regionsRelease());
    const options: ArgoCdOverlayOptions = {
      environmentOf: (application) => {
        const value = (application.metadata as { labels?: unknown }).labels;
        const environment = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['acme.dev/environment'] : undefined;
        return typeof environment === 'string' ? environment : undefined;
      },
      addUnmatched: true,
    };
    fc.assert(
      fc.property(mutationsArb, fc.constantFrom('list', 'items', 'options'), (mutations, mode) => {
        const doc = mutated(base, mutations) as Doc;
        let after: Release;
        try {
          after = mode === 'list' ? overlay(release, doc) : mode === 'items' ? overlay(release, doc.items) : overlay(release, doc, options);
        } catch (error) {
          // Only ReleaseDataError, naming where and what was expected.
          if (!isReleaseDataError(error) || !error.path.startsWith('$') || !error.expected) throw error;
          return;
        }
        expectValidRelease(after, release);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});

describe('withArgoCdApplications: hostile fleet data', () => {
  it('turns 5,000 random mutations of the fleet fixture into a valid release or ReleaseDataError, nothing else', () => {
    const base = deepFreeze(fleet());
    const release = deepFreeze(fleetRelease());
    fc.assert(
      fc.property(fleetMutationsArb, fc.constantFrom('clusterSecrets', 'clusters'), (mutations, clusters) => {
        const doc = mutated(base, mutations) as Fleet;
        let after: Release;
        try {
          after = overlay(release, doc.applications, { applicationSets: doc.applicationSets as never, clusters: doc[clusters] as never, clusterLabel: 'region' });
        } catch (error) {
          if (!isReleaseDataError(error) || !error.path.startsWith('$') || !error.expected) throw error;
          return;
        }
        expectValidRelease(after, release);
        expect(after.environments.every((environment) => environment.group === undefined || isGroupPath(environment.group))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  }, 60_000);
});

/** Plain checks (thousands of `expect` calls per run would be slow); one assertion at the end. */
function expectValidRelease(after: Release, before: Release): void {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check(topologicalOrder(after.environments).length === before.environments.length, 'topological order');
  after.environments.forEach((environment, index) => {
    const was = before.environments[index]!;
    check(environment.name === was.name && environment.status === was.status && environment.dependsOn === was.dependsOn, 'environment kept');
    check(environment.applications.length >= was.applications.length, 'applications kept');
    check(environment.issues.length >= was.issues.length, 'issues kept');
    for (const application of environment.applications) {
      check(typeof application.name === 'string' && application.name !== '', 'application name');
      check(SYNC_STATUSES.includes(application.sync) && HEALTH_STATUSES.includes(application.health), 'application statuses');
      check(application.promotion === undefined || STATUSES.includes(application.promotion), 'promotion');
      for (const field of ['version', 'commitSha', 'rawSync', 'rawHealth', 'namespace'] as const) {
        check(application[field] === undefined || typeof application[field] === 'string', field);
      }
    }
    for (const issue of environment.issues) check(typeof issue.message === 'string' && issue.message !== '', 'issue message');
  });
  check(isPlainData(after), 'plain serialisable data');
  expect(problems).toEqual([]);
}


// ---- mutations (the same in adapter-github.test.ts) ----

const mutationsArb = mutationsArbitrary({
  words: [
    'Synced',
    'OutOfSync',
    'Degraded',
    'Running',
    'Failed',
    'cart-api',
    'checkout-dev',
    'prod-eu',
    'ghcr.io/acme/cart-api:9.9.9',
    'registry:5000/x',
  ],
  keys: ['status', 'phase', 'images', 'revision', 'namespace'],
});

const fleetMutationsArb = mutationsArbitrary({
  words: ['RollingSync', 'AllAtOnce', 'In', 'NotIn', 'Exists', 'canary', 'early', 'eu-west', 'a/b/c', 'a//b', 'ApplicationSet', 'storefront', 'store-berlin', 'aHR0cHM6Ly94', '!!'],
  keys: ['ring', 'region', 'tier', 'operator', 'values', 'key', 'ownerReferences', 'labels', 'server', 'name', 'steps', 'type'],
  hugeEvery: 40,
});
