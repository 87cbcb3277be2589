import fc from 'fast-check';
import { deepFreeze, isGroupPath, isPlainData, mutated, mutationsArbitrary } from './mutations';
import { describe, expect, it } from 'vitest';
import { fromGitHubDeployments, type GitHubDeploymentsInput, type GitHubDeploymentsOptions } from '../../src/headless/adapters/github';
import { isReleaseDataError, ReleaseDataError } from '../../src/headless/adapters/errors';
import { topologicalOrder } from '../../src/headless/graph/validate';
import { safeHref } from '../../src/headless/model/links';
import { HEALTH_STATUSES, STATUSES, SYNC_STATUSES } from '../../src/headless/model/status';
import type { Release } from '../../src/headless/model/types';
import fixtureJson from '../fixtures/github-deployments.json';
import fleetJson from '../fixtures/github-deployments-fleet.json';

// The fixture follows GitHub's REST API v3 `deployment` and `deployment-status` schemas
// (GET /repos/{owner}/{repo}/deployments, GET …/deployments/{deployment_id}/statuses): three
// commits deployed dev -> staging -> production, lists newest first as GitHub returns them.
const FIXTURE = JSON.stringify(fixtureJson);
type Doc = { deployments: Array<Record<string, unknown>>; statuses: Record<string, Array<Record<string, unknown>>> } & Record<string, unknown>;
const fixture = (): Doc => JSON.parse(FIXTURE) as Doc;
const convert = (input: unknown): Release[] => fromGitHubDeployments(input as GitHubDeploymentsInput);

const A = '3f1c0e9b7d2a4c6e8f0a1b2c3d4e5f60718293a4';
const B = '5d9e2b7c1a3f4e6d8c0b2a4f6e8d0c2b4a6f8e1d';
const C = '9c4b6a8e0d2f4b6c8e0a2d4f6b8c0e2a4d6f8b1c';
const REPO = 'https://github.com/acme/checkout';
const API = 'https://api.github.com/repos/acme/checkout';
const workflows = { trigger: [], preAction: [], postAction: [] };
const app = (sha: string, version: string, promotion: string, url?: string) => ({
  name: 'checkout',
  version,
  commitSha: sha,
  sync: 'unknown',
  health: 'unknown',
  promotion,
  ...(url ? { url } : {}),
});
const lena = { name: 'lena-novak', avatarUrl: 'https://avatars.githubusercontent.com/u/5812301?v=4' };
const kenji = { name: 'kenji-sato', avatarUrl: 'https://avatars.githubusercontent.com/u/7730114?v=4' };
const commit = (sha: string, ref: string) => ({ sha, branch: ref, repoUrl: REPO, url: `${REPO}/commit/${sha}` });

/** A small deployment for focused cases; statuses go in the map under its id. */
function deployment(id: number, environment: string, createdAt: string, overrides: Record<string, unknown> = {}) {
  return { id, sha: 'a'.repeat(40), ref: 'main', environment, created_at: createdAt, repository_url: API, ...overrides };
}
const status = (id: number, state: string, createdAt: string, overrides: Record<string, unknown> = {}) => ({ id, state, created_at: createdAt, ...overrides });

describe('fromGitHubDeployments: the fixture', () => {
  it('converts every field of the three releases, newest first', () => {
    expect(convert(fixture())).toStrictEqual([
      {
        id: C,
        product: 'checkout',
        version: 'main',
        flow: { name: 'github-deployments' },
        status: 'running',
        trigger: { kind: 'git-commit', environment: 'dev', commit: commit(C, 'main') },
        initiator: lena,
        createdAt: '2026-11-20T09:00:00Z',
        updatedAt: '2026-11-20T09:15:38Z',
        environments: [
          {
            name: 'dev',
            kind: 'non-production',
            dependsOn: [],
            status: 'succeeded',
            rawStatus: 'success',
            statusText: 'Deployed main to dev',
            startedAt: '2026-11-20T09:00:33Z',
            finishedAt: '2026-11-20T09:03:40Z',
            workflows,
            applications: [app(C, 'main', 'succeeded', 'https://dev.checkout.acme.dev')],
            issues: [],
          },
          {
            name: 'staging',
            kind: 'non-production',
            dependsOn: ['dev'],
            status: 'running',
            rawStatus: 'in_progress',
            statusText: 'Rolling out 2 of 5 replicas',
            startedAt: '2026-11-20T09:15:38Z',
            workflows,
            applications: [app(C, 'main', 'running')],
            issues: [],
          },
        ],
        source: { system: 'github' },
      },
      {
        id: B,
        product: 'checkout',
        version: 'v1.25.0',
        flow: { name: 'github-deployments' },
        status: 'error',
        statusReason: 'Timed out waiting for rollout: 3 of 5 pods ready',
        trigger: { kind: 'git-commit', environment: 'dev', commit: commit(B, 'v1.25.0') },
        initiator: kenji,
        createdAt: '2026-11-19T10:00:00Z',
        // The inactive status dev got when the next commit replaced it.
        updatedAt: '2026-11-20T09:03:40Z',
        finishedAt: '2026-11-19T13:15:51Z',
        environments: [
          {
            name: 'dev',
            kind: 'non-production',
            dependsOn: [],
            status: 'succeeded',
            rawStatus: 'inactive',
            statusText: 'The deployment is now inactive',
            startedAt: '2026-11-19T10:00:35Z',
            // When it succeeded, not when it went inactive.
            finishedAt: '2026-11-19T10:03:12Z',
            workflows,
            applications: [app(B, 'v1.25.0', 'succeeded', 'https://dev.checkout.acme.dev')],
            issues: [],
          },
          {
            // Deployed twice: the failed 1005, then 1006 which succeeded.
            name: 'staging',
            kind: 'non-production',
            dependsOn: ['dev'],
            status: 'succeeded',
            rawStatus: 'success',
            statusText: 'Deployed v1.25.0 to staging',
            startedAt: '2026-11-19T10:40:44Z',
            finishedAt: '2026-11-19T10:46:20Z',
            workflows,
            applications: [app(B, 'v1.25.0', 'succeeded', 'https://staging.checkout.acme.dev')],
            issues: [],
          },
          {
            name: 'production',
            kind: 'production',
            dependsOn: ['staging'],
            status: 'error',
            rawStatus: 'error',
            statusText: 'Timed out waiting for rollout: 3 of 5 pods ready',
            startedAt: '2026-11-19T13:00:50Z',
            finishedAt: '2026-11-19T13:15:51Z',
            workflows,
            applications: [app(B, 'v1.25.0', 'error')],
            issues: [
              {
                kind: 'application',
                level: 'error',
                message: 'Timed out waiting for rollout: 3 of 5 pods ready',
                application: 'checkout',
                at: '2026-11-19T13:15:51Z',
              },
            ],
          },
        ],
        source: { system: 'github' },
      },
      {
        id: A,
        product: 'checkout',
        version: 'v1.24.0',
        flow: { name: 'github-deployments' },
        status: 'succeeded',
        trigger: { kind: 'git-commit', environment: 'dev', commit: commit(A, 'v1.24.0') },
        initiator: lena,
        createdAt: '2026-11-18T09:00:00Z',
        updatedAt: '2026-11-19T10:46:20Z',
        finishedAt: '2026-11-18T11:26:30Z',
        environments: [
          {
            name: 'dev',
            kind: 'non-production',
            dependsOn: [],
            status: 'succeeded',
            rawStatus: 'inactive',
            statusText: 'The deployment is now inactive',
            startedAt: '2026-11-18T09:00:31Z',
            finishedAt: '2026-11-18T09:03:10Z',
            workflows,
            applications: [app(A, 'v1.24.0', 'succeeded', 'https://dev.checkout.acme.dev')],
            issues: [],
          },
          {
            name: 'staging',
            kind: 'non-production',
            dependsOn: ['dev'],
            status: 'succeeded',
            rawStatus: 'inactive',
            statusText: 'The deployment is now inactive',
            startedAt: '2026-11-18T09:10:40Z',
            finishedAt: '2026-11-18T09:14:05Z',
            workflows,
            applications: [app(A, 'v1.24.0', 'succeeded', 'https://staging.checkout.acme.dev')],
            issues: [],
          },
          {
            name: 'production',
            kind: 'production',
            dependsOn: ['staging'],
            status: 'succeeded',
            rawStatus: 'success',
            statusText: 'Deployed v1.24.0 to production',
            startedAt: '2026-11-18T11:20:41Z',
            finishedAt: '2026-11-18T11:26:30Z',
            workflows,
            applications: [app(A, 'v1.24.0', 'succeeded', 'https://checkout.acme.dev')],
            issues: [],
          },
        ],
        source: { system: 'github' },
      },
    ]);
  });

  it('reads statuses given as one flat list, tied to deployments by deployment_url', () => {
    const doc = fixture();
    const flat = Object.values(doc.statuses).flat().reverse();
    expect(convert({ ...doc, statuses: flat })).toStrictEqual(convert(doc));
  });

  it('does not depend on the order of deployments or statuses', () => {
    const doc = fixture();
    const reordered = { deployments: [...doc.deployments].reverse(), statuses: Object.fromEntries(Object.entries(doc.statuses).map(([id, list]) => [id, [...list].reverse()]).reverse()) };
    expect(convert(reordered)).toStrictEqual(convert(doc));
  });

  it('gives environments that form a DAG, in the given order with the environments option', () => {
    for (const release of convert({ ...fixture(), environments: ['dev', 'staging', 'production'] })) {
      expect(topologicalOrder(release.environments).map((environment) => environment.name)).toEqual(release.environments.map((environment) => environment.name));
    }
    expect(convert({ ...fixture(), environments: ['dev', 'staging', 'production'] })).toStrictEqual(convert(fixture()));
  });
});

describe('fromGitHubDeployments: states', () => {
  // GitHub's deployment status states, and what each becomes.
  const STATES: Record<string, string> = {
    error: 'error',
    failure: 'failed',
    inactive: 'succeeded',
    in_progress: 'running',
    queued: 'queued',
    pending: 'pending',
    success: 'succeeded',
  };

  it.each(Object.entries(STATES))('maps %s to %s and keeps the word', (state, expected) => {
    const [release] = convert({ deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z')], statuses: { 1: [status(10, state, '2026-01-01T00:01:00Z')] } });
    expect(release!.environments[0]).toMatchObject({ status: expected, rawStatus: state });
    expect(release!.status).toBe(expected);
    expect(release!.environments[0]!.applications[0]!.promotion).toBe(expected);
  });

  it('maps an unknown state word to unknown, keeping it raw, without an error', () => {
    const [release] = convert({ deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z')], statuses: { 1: [status(10, 'waiting', '2026-01-01T00:01:00Z')] } });
    expect(release!.environments[0]).toMatchObject({ status: 'unknown', rawStatus: 'waiting' });
  });

  it('marks failed and errored environments with an issue, and the release with the reason', () => {
    const [release] = convert({
      deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z')],
      statuses: { 1: [status(10, 'failure', '2026-01-01T00:01:00Z')] },
    });
    expect(release!.environments[0]!.issues).toStrictEqual([
      { kind: 'application', level: 'error', message: 'Deployment to dev ended in failure', application: 'checkout', at: '2026-01-01T00:01:00Z' },
    ]);
    expect(release!.statusReason).toBe('Deployment to dev ended in failure');
  });

  it('shows a deployment without statuses as pending, not started', () => {
    const [release] = convert({ deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z')] });
    const [environment] = release!.environments;
    expect(environment).toMatchObject({ status: 'pending' });
    expect(environment).not.toHaveProperty('rawStatus');
    expect(environment).not.toHaveProperty('startedAt');
    expect(environment).not.toHaveProperty('finishedAt');
    expect(release).not.toHaveProperty('finishedAt');
  });

  it('uses the latest status by created_at, then by id, whatever the input order', () => {
    const [release] = convert({
      deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z')],
      statuses: {
        1: [
          status(12, 'failure', '2026-01-01T00:02:00Z', { description: 'tie, higher id' }),
          status(13, 'in_progress', '2026-01-01T00:01:00Z'),
          status(11, 'success', '2026-01-01T00:02:00Z', { description: 'tie, lower id' }),
        ],
      },
    });
    expect(release!.environments[0]).toMatchObject({ status: 'failed', rawStatus: 'failure', statusText: 'tie, higher id' });
  });

  it('uses the latest deployment of an environment deployed twice for one commit', () => {
    const [release] = convert({
      deployments: [
        deployment(2, 'dev', '2026-01-01T01:00:00Z', { ref: 'retry' }),
        deployment(1, 'dev', '2026-01-01T00:00:00Z'),
        deployment(3, 'dev', '2026-01-01T01:00:00Z', { ref: 'retry-tie' }),
      ],
      statuses: {
        1: [status(10, 'success', '2026-01-01T00:05:00Z')],
        2: [status(20, 'failure', '2026-01-01T01:05:00Z')],
        3: [status(30, 'queued', '2026-01-01T01:00:01Z')],
      },
    });
    expect(release!.environments).toHaveLength(1);
    expect(release!.environments[0]).toMatchObject({ status: 'queued', rawStatus: 'queued' });
    expect(release!.environments[0]!.applications[0]!.version).toBe('retry-tie');
    // The release itself is dated and named by its first deployment.
    expect(release).toMatchObject({ createdAt: '2026-01-01T00:00:00Z', version: 'main' });
  });

  it('ignores statuses of deployments that are not listed', () => {
    const [release] = convert({
      deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z')],
      statuses: { 1: [status(10, 'success', '2026-01-01T00:01:00Z')], 99: [status(90, 'failure', '2026-01-01T00:02:00Z')] },
    });
    expect(release!.status).toBe('succeeded');
  });
});

describe('fromGitHubDeployments: grouping and order', () => {
  const two = () => ({
    deployments: [
      deployment(1, 'dev', '2026-01-01T00:00:00Z', { sha: '1'.repeat(40), ref: 'main' }),
      deployment(2, 'staging', '2026-01-01T01:00:00Z', { sha: '2'.repeat(40), ref: 'main' }),
      deployment(3, 'dev', '2026-01-02T00:00:00Z', { sha: '2'.repeat(40), ref: 'main' }),
    ],
    statuses: { 1: [status(10, 'success', '2026-01-01T00:01:00Z')], 2: [status(20, 'success', '2026-01-01T01:01:00Z')], 3: [status(30, 'success', '2026-01-02T00:01:00Z')] },
  });

  it('groups by SHA by default', () => {
    const releases = convert(two());
    expect(releases.map((release) => [release.id, release.environments.map((environment) => environment.name)])).toEqual([
      ['2'.repeat(40), ['staging', 'dev']],
      ['1'.repeat(40), ['dev']],
    ]);
  });

  it('groups by ref with groupBy: ref; the commit is the latest deployment’s', () => {
    const releases = convert({ ...two(), groupBy: 'ref' });
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({ id: 'main', version: 'main', createdAt: '2026-01-01T00:00:00Z' });
    expect(releases[0]!.trigger.commit).toMatchObject({ sha: '2'.repeat(40), branch: 'main' });
    expect(releases[0]!.environments.map((environment) => [environment.name, environment.applications[0]!.commitSha])).toEqual([
      ['dev', '2'.repeat(40)],
      ['staging', '2'.repeat(40)],
    ]);
  });

  it('orders environments by first deployment without a list, each depending on the previous', () => {
    const [release] = convert({
      deployments: [
        deployment(1, 'production', '2026-01-01T02:00:00Z'),
        deployment(2, 'staging', '2026-01-01T00:00:00Z'),
        deployment(3, 'qa', '2026-01-01T01:00:00Z'),
        deployment(4, 'staging', '2026-01-01T03:00:00Z'),
      ],
    });
    expect(release!.environments.map((environment) => [environment.name, environment.dependsOn])).toEqual([
      ['staging', []],
      ['qa', ['staging']],
      ['production', ['qa']],
    ]);
    expect(release!.trigger.environment).toBe('staging');
  });

  it('follows the environments list, which also leaves other environments out', () => {
    const releases = convert({ ...fixture(), environments: ['staging', 'dev'] });
    expect(releases.map((release) => release.environments.map((environment) => [environment.name, environment.dependsOn]))).toEqual([
      [['staging', []], ['dev', ['staging']]],
      [['staging', []], ['dev', ['staging']]],
      [['staging', []], ['dev', ['staging']]],
    ]);
    expect(releases[0]!.trigger.environment).toBe('staging');
    // Without production, the second commit is no longer in error.
    expect(releases[1]!.status).toBe('succeeded');
  });

  it('skips environments of the list a release did not reach, and releases with none of them', () => {
    const releases = convert({ ...fixture(), environments: ['production', 'eu'] });
    expect(releases.map((release) => [release.id, release.environments.map((environment) => [environment.name, environment.dependsOn])])).toEqual([
      [B, [['production', []]]],
      [A, [['production', []]]],
    ]);
    // Dated, named and started by the listed environments' deployments only.
    expect(releases[0]).toMatchObject({ createdAt: '2026-11-19T13:00:00Z', initiator: { name: 'github-actions[bot]' }, trigger: { environment: 'production' } });
  });
});

describe('fromGitHubDeployments: names, links and people', () => {
  it('uses the short SHA as version when the deployed ref is the SHA', () => {
    const sha = 'abcdef0123456789abcdef0123456789abcdef01';
    const [release] = convert({ deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z', { sha, ref: sha })] });
    expect(release!.version).toBe('abcdef0');
    expect(release!.trigger.commit).toStrictEqual({ sha, repoUrl: REPO, url: `${REPO}/commit/${sha}` });
  });

  it('takes the product from the repository option, else from repository_url (GitHub Enterprise Server too)', () => {
    const ghes = { deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z', { repository_url: 'https://git.acme.dev/api/v3/repos/shop/cart' })] };
    expect(convert(ghes)[0]).toMatchObject({ product: 'cart', trigger: { commit: { repoUrl: 'https://git.acme.dev/shop/cart' } } });
    expect(convert({ ...ghes, repository: 'Cart service', flow: 'ship-it' })[0]).toMatchObject({ product: 'Cart service', flow: { name: 'ship-it' } });
  });

  it('derives the repository from the REST url of a deployment without repository_url (it was rejected)', () => {
    const url = 'https://api.github.com/repos/acme/cart/deployments/7';
    const [release] = convert({ deployments: [deployment(7, 'dev', '2026-01-01T00:00:00Z', { repository_url: undefined, url })] });
    expect(release).toMatchObject({ product: 'cart', trigger: { commit: { repoUrl: 'https://github.com/acme/cart' } } });
    const ghes = 'https://git.acme.dev/api/v3/repos/shop/cart/deployments/7';
    expect(convert({ deployments: [deployment(7, 'dev', '2026-01-01T00:00:00Z', { repository_url: null, url: ghes })] })[0]!.product).toBe('cart');
  });

  it('drops a mailto: avatar and environment_url (an image and a link are never an address)', () => {
    const [release] = convert({
      deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z', { creator: { login: 'mallory', avatar_url: 'mailto:mallory@example.com' } })],
      statuses: { 1: [status(10, 'success', '2026-01-01T00:01:00Z', { environment_url: 'mailto:ops@example.com' })] },
    });
    expect(release!.initiator).toStrictEqual({ name: 'mallory' });
    expect(release!.environments[0]!.applications[0]).not.toHaveProperty('url');
  });

  it('drops unsafe URLs and accepts null for optional fields and unknown extra fields', () => {
    const [release] = convert({
      deployments: [
        deployment(1, 'dev', '2026-01-01T00:00:00Z', {
          creator: { login: 'mallory', avatar_url: 'javascript:alert(1)' },
          description: null,
          production_environment: null,
          payload: 'a string payload',
          brand_new_field: { nested: [1, 2] },
        }),
      ],
      statuses: { 1: [status(10, 'success', '2026-01-01T00:01:00Z', { environment_url: 'javascript:alert(1)', description: null, log_url: null, target_url: null })] },
    });
    expect(release!.initiator).toStrictEqual({ name: 'mallory' });
    expect(release!.environments[0]!.applications[0]).not.toHaveProperty('url');
    expect(release!.environments[0]).not.toHaveProperty('kind');
    expect(release!.environments[0]).not.toHaveProperty('statusText');
  });

  it('links only real SHAs (a lone surrogate once broke encodeURIComponent here)', () => {
    const [release] = convert({ deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z', { sha: '\ud800', ref: 'main' })] });
    expect(release!.trigger.commit).toStrictEqual({ sha: '\ud800', branch: 'main', repoUrl: REPO });
  });

  it('has no initiator when the creator is null', () => {
    const [release] = convert({ deployments: [deployment(1, 'dev', '2026-01-01T00:00:00Z', { creator: null })] });
    expect(release).not.toHaveProperty('initiator');
  });

  it('returns no releases for no deployments', () => {
    expect(convert({ deployments: [] })).toEqual([]);
    expect(convert({ deployments: null, statuses: null })).toEqual([]);
  });
});

// The fleet fixture: one tag (v3.8.0) deployed to a preview, staging, a canary and five
// production regions, each environment a deployment with its statuses, as the REST API lists them.
const FLEET = JSON.stringify(fleetJson);
const fleet = (): Doc => JSON.parse(FLEET) as Doc;
const REGIONS = [{ pattern: '^preview/', group: 'previews' }, { pattern: /^production-(eu|us|ap)-/, group: 'production/$1' }];
const groupsOf = (releases: Release[]) => releases[0]!.environments.map((environment) => [environment.name, environment.group]);
const groupOf = (environment: string, groups: GitHubDeploymentsOptions['groups']) =>
  fromGitHubDeployments({ deployments: [deployment(1, environment, '2026-11-20T10:00:00Z')] } as unknown as GitHubDeploymentsInput, { groups })[0]!.environments[0]!.group;

describe('fromGitHubDeployments: groups from environment names', () => {
  it('groups environments by the first pattern their name matches', () => {
    const releases = fromGitHubDeployments(fleet() as unknown as GitHubDeploymentsInput, { groups: REGIONS });
    expect(groupsOf(releases)).toEqual([
      ['preview/pr-2214', 'previews'],
      ['staging', undefined],
      ['canary', undefined],
      ['production-eu-west-1', 'production/eu'],
      ['production-eu-central-1', 'production/eu'],
      ['production-us-east-1', 'production/us'],
      ['production-us-west-2', 'production/us'],
      ['production-ap-northeast-1', 'production/ap'],
    ]);
    // Nothing else changes; without the option there is no group (GitHub has no such field).
    const plain = convert(fleet());
    expect(releases.map((release) => ({ ...release, environments: release.environments.map(({ group: _group, ...rest }) => rest) }))).toStrictEqual(plain);
    expect(groupsOf(plain).every(([, group]) => group === undefined)).toBe(true);
  });

  it('takes the first rule that matches, and no group from a rule whose group is empty', () => {
    const groups = [{ pattern: /^production-eu-central-1$/, group: '' }, ...REGIONS];
    const releases = fromGitHubDeployments(fleet() as unknown as GitHubDeploymentsInput, { groups });
    expect(groupsOf(releases).slice(3, 5)).toEqual([
      ['production-eu-west-1', 'production/eu'],
      ['production-eu-central-1', undefined],
    ]);
  });

  it.each<[string, string, RegExp | string, string, string | undefined]>([
    ['numbered groups', 'production-eu-west-1', /^production-(\w+)-(\w+)-(\d+)$/, 'wave-$3/$1', 'wave-1/eu'],
    ['a named group', 'production-eu-west-1', /^production-(?<region>\w+-\w+)-\d+$/, 'production/$<region>', 'production/eu-west'],
    ['the whole match', 'production-eu-west-1', /eu-west/, 'regions/$&', 'regions/eu-west'],
    ['a dollar', 'production-eu-west-1', /eu/, 'cost-$$1', 'cost-$1'],
    ['a dollar before anything else', 'production-eu-west-1', /eu/, 'a$b$', 'a$b$'],
    ['a group that did not take part', 'production-eu-west-1', /^production-(eu)?(-west)/, 'x$1y$2', 'xeuy-west'],
    ['a group that did not take part, at the end', 'canary', /^canary(-\d+)?$/, 'canary$1', 'canary'],
    ['$10 as group 1 and a 0 when there are fewer than 10 groups', 'production-eu-west-1', /^(production)/, '$10', 'production0'],
    ['$10 as group 10 when there is one', 'abcdefghij', /(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)/, '$10-$1', 'j-a'],
    ['a string pattern as a regular expression', 'production-eu-west-1', '^production-(eu|us)-', 'production/$1', 'production/eu'],
    ['a trimmed path', 'production-eu-west-1', /eu/, '  production / eu ', 'production/eu'],
    ['no group from a blank result', 'canary', /^canary(-\d+)?$/, ' $1 ', undefined],
    ['no group when nothing matches', 'staging', /^production-/, 'production', undefined],
  ])('makes a group of %s', (_, environment, pattern, group, expected) => {
    expect(groupOf(environment, [{ pattern, group }])).toBe(expected);
  });

  it('matches a global or sticky pattern the same every time, and leaves the host’s RegExp alone', () => {
    const pattern = /^production-(eu|us)-/gy;
    const releases = fromGitHubDeployments(fleet() as unknown as GitHubDeploymentsInput, { groups: [{ pattern, group: '$1' }] });
    expect(groupsOf(releases).slice(3, 7).map(([, group]) => group)).toEqual(['eu', 'eu', 'us', 'us']);
    expect(pattern.lastIndex).toBe(0);
  });

  it.each<[string, unknown, string, unknown]>([
    ['options that are not an object', 'wave', '$options', 'wave'],
    ['groups that are not a list', { groups: { pattern: /x/ } }, '$options.groups', { pattern: /x/ }],
    ['a rule that is not an object', { groups: [REGIONS[0], 'production'] }, '$options.groups[1]', 'production'],
    ['a pattern that is neither a RegExp nor a string', { groups: [{ pattern: 5, group: 'x' }] }, '$options.groups[0].pattern', 5],
    ['a pattern that does not compile', { groups: [{ pattern: '^(production', group: 'x' }] }, '$options.groups[0].pattern', '^(production'],
    ['a group that is not a string', { groups: [{ pattern: /x/, group: null }] }, '$options.groups[0].group', null],
    ['a group that refers to a group the pattern lacks', { groups: [{ pattern: /^production-(eu)/, group: '$1/$2' }] }, '$options.groups[0].group', '$1/$2'],
    ['a group that refers to a name the pattern lacks', { groups: [{ pattern: /^(?<region>eu)/, group: '$<zone>' }] }, '$options.groups[0].group', '$<zone>'],
    ['a group that refers to a name on Object.prototype', { groups: [{ pattern: /^(eu)/, group: '$<constructor>' }] }, '$options.groups[0].group', '$<constructor>'],
  ])('reports %s at its path', (_, options, path, value) => {
    let caught: unknown;
    try {
      fromGitHubDeployments(fleet() as unknown as GitHubDeploymentsInput, options as GitHubDeploymentsOptions);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReleaseDataError);
    expect(caught).toMatchObject({ path, value, expected: expect.any(String) });
  });

  it.each([
    ['four levels', 'preview/pr-2214/a/b'],
    ['an empty level', 'preview//pr-2214'],
  ])('reports a name that makes a group of %s at the environment', (_, environment) => {
    const doc = fleet();
    doc.deployments[7]!.environment = environment;
    let caught: unknown;
    try {
      fromGitHubDeployments(doc as unknown as GitHubDeploymentsInput, { groups: [{ pattern: /^(.*)$/, group: '$1' }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReleaseDataError);
    expect(caught).toMatchObject({ path: '$.deployments[7].environment', value: environment });
  });

  it('groups environments named __proto__, constructor and toString, and takes named groups of such names', () => {
    const deployments = ['__proto__', 'constructor', 'toString'].map((name, index) => deployment(index + 1, name, `2026-11-20T10:0${index}:00Z`));
    const releases = fromGitHubDeployments({ deployments } as unknown as GitHubDeploymentsInput, { groups: [{ pattern: /^(?<__proto__>.*)$/, group: 'ring/$<__proto__>' }] });
    expect(groupsOf(releases)).toEqual([
      ['__proto__', 'ring/__proto__'],
      ['constructor', 'ring/constructor'],
      ['toString', 'ring/toString'],
    ]);
    expect(groupOf('valueOf', [{ pattern: /^(.*)$/, group: '__proto__/$1' }])).toBe('__proto__/valueOf');
  });
});

describe('fromGitHubDeployments: validation', () => {
  const cases: Array<[string, (doc: Doc) => unknown, string, string]> = [
    ['a bad created_at', (doc) => ((doc.deployments[3]!.created_at = 'yesterday'), doc), '$.deployments[3].created_at', 'an ISO-8601 date-time'],
    ['a missing created_at', (doc) => (delete doc.deployments[3]!.created_at, doc), '$.deployments[3].created_at', 'a non-empty string'],
    ['a numeric sha', (doc) => ((doc.deployments[0]!.sha = 42), doc), '$.deployments[0].sha', 'a non-empty string'],
    ['an object id', (doc) => ((doc.deployments[0]!.id = {}), doc), '$.deployments[0].id', 'an integer id'],
    ['a missing environment', (doc) => ((doc.deployments[5]!.environment = null), doc), '$.deployments[5].environment', 'a non-empty string'],
    ['a string creator', (doc) => ((doc.deployments[1]!.creator = 'octocat'), doc), '$.deployments[1].creator', 'an object'],
    ['a word for production_environment', (doc) => ((doc.deployments[2]!.production_environment = 'yes'), doc), '$.deployments[2].production_environment', 'true or false'],
    ['deployments that are not a list', (doc) => ((doc.deployments = {} as never), doc), '$.deployments', 'a list'],
    ['a non-string state', (doc) => ((doc.statuses['1007']![0]!.state = 7), doc), '$.statuses["1007"][0].state', 'a non-empty string'],
    ['a bad status time', (doc) => ((doc.statuses['1001']![2]!.created_at = '2026-02-31T25:00:00Z'), doc), '$.statuses["1001"][2].created_at', 'an ISO-8601 date-time'],
    ['statuses that are not a list', (doc) => ((doc.statuses['1007'] = 'none' as never), doc), '$.statuses["1007"]', 'a list'],
    ['a status that is not an object', (doc) => ((doc.statuses['1003']![1] = 3 as never), doc), '$.statuses["1003"][1]', 'an object'],
    ['statuses that are a string', (doc) => ((doc.statuses = 'none' as never), doc), '$.statuses', 'an object'],
    [
      'a flat status with no deployment',
      (doc) => {
        const flat = Object.values(doc.statuses).flat();
        flat[2]!.deployment_url = 'https://api.github.com/repos/acme/checkout';
        return { ...doc, statuses: flat };
      },
      '$.statuses[2].deployment_url',
      'a URL ending in /deployments/{id}',
    ],
    ['an environment listed twice', (doc) => ({ ...doc, environments: ['dev', 'staging', 'dev'] }), '$.environments[2]', 'each environment once'],
    ['an environments list of numbers', (doc) => ({ ...doc, environments: [1] }), '$.environments[0]', 'a non-empty string'],
    ['an unknown groupBy', (doc) => ({ ...doc, groupBy: 'tag' }), '$.groupBy', 'one of sha, ref'],
    ['a missing ref when grouping by ref', (doc) => ((doc.deployments[4]!.ref = ''), { ...doc, groupBy: 'ref' }), '$.deployments[4].ref', 'a non-empty string'],
    [
      'no repository to name the product',
      (doc) => {
        for (const item of doc.deployments) delete item.repository_url;
        for (const item of doc.deployments) delete item.url;
        return doc;
      },
      '$.deployments[1].repository_url',
      'an API URL ending in /repos/{owner}/{repo} (or a url ending in /deployments/{id}), or the repository option',
    ],
    ['no input', () => null, '$', 'an object'],
  ];

  it.each(cases)('reports %s with its path, the expected shape and the value', (_, mutate, path, expected) => {
    const input = mutate(fixture());
    let caught: unknown;
    try {
      convert(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReleaseDataError);
    expect(caught).toMatchObject({ path, expected });
    expect((caught as Error).message).toContain(path);
  });

  it('keeps the offending value on the error', () => {
    const doc = fixture();
    doc.deployments[3]!.created_at = 'yesterday';
    expect(() => convert(doc)).toThrow(expect.objectContaining({ value: 'yesterday' }));
  });
});

// The required property: random mutations of the fixture give a valid model or ReleaseDataError.
describe('fromGitHubDeployments: hostile data', () => {
  it('turns 10,000 random mutations of the fixture into valid releases or ReleaseDataError, nothing else', () => {
    // Frozen: the adapter must not change its input (it would throw here if it tried).
    const base = deepFreeze(fixture());
    const flatBase = deepFreeze({ ...base, statuses: Object.values(base.statuses).flat() });
    fc.assert(
      fc.property(mutationsArb, fc.boolean(), fc.boolean(), (mutations, flat, grouped) => {
        const doc = mutated(flat ? flatBase : base, mutations);
        let releases: Release[];
        try {
          releases = fromGitHubDeployments(doc as GitHubDeploymentsInput, grouped ? { groups: [{ pattern: /^(.*)$/, group: 'all/$1' }] } : undefined);
        } catch (error) {
          // Only ReleaseDataError, naming where and what was expected.
          if (!isReleaseDataError(error) || !error.path.startsWith('$') || !error.expected) throw error;
          return;
        }
        for (const release of releases) expectValidRelease(release);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});

/** Plain checks (thousands of `expect` calls per run would be slow); one assertion at the end. */
function expectValidRelease(release: Release): void {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  const names = release.environments.map((environment) => environment.name);
  check(topologicalOrder(release.environments).length === names.length, 'topological order');
  check(names.includes(release.trigger.environment), 'trigger environment');
  check(STATUSES.includes(release.status), 'release status');
  check(typeof release.id === 'string' && release.id !== '', 'id');
  check(typeof release.product === 'string' && release.product !== '', 'product');
  check(!Number.isNaN(Date.parse(release.createdAt)), 'createdAt');
  check(release.initiator?.avatarUrl === undefined || safeHref(release.initiator.avatarUrl) === release.initiator.avatarUrl, 'avatar');
  for (const environment of release.environments) {
    check(STATUSES.includes(environment.status), `status of ${environment.name}`);
    check(environment.group === undefined || isGroupPath(environment.group), `group of ${environment.name}`);
    for (const application of environment.applications) {
      check(SYNC_STATUSES.includes(application.sync) && HEALTH_STATUSES.includes(application.health), 'application statuses');
      check(application.promotion === undefined || STATUSES.includes(application.promotion), 'promotion');
      check(application.url === undefined || safeHref(application.url) === application.url, 'application url');
    }
  }
  check(isPlainData(release), 'plain serialisable data');
  expect(problems).toEqual([]);
}


// ---- mutations (the same in adapter-argocd.test.ts) ----

const mutationsArb = mutationsArbitrary({
  words: [
    'success',
    'failure',
    'inactive',
    'in_progress',
    'dev',
    'production',
    '1001',
    'https://api.github.com/repos/acme/checkout/deployments/1001',
    'https://api.github.com/repos/acme/checkout',
  ],
  keys: ['state', 'id', 'created_at', 'environment'],
});
