import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, isGroupPath, isPlainData, mutated, mutationsArbitrary, withPrototypeNames } from './mutations';
import {
  fromCodefreshPromotion,
  fromCodefreshRelease,
  fromCodefreshReleasesPage,
  type CodefreshAdapterOptions,
} from '../../src/headless/adapters/codefresh';
import { isReleaseDataError, ReleaseDataError } from '../../src/headless/adapters/errors';
import { topologicalOrder } from '../../src/headless/graph/validate';
import { HEALTH_STATUSES, STATUSES, SYNC_STATUSES } from '../../src/headless/model/status';
import type { Release } from '../../src/headless/model/types';
import { compileReleaseNotes } from '../../src/headless/notes/compile';
import releaseFixture from '../fixtures/codefresh-release.json';
import failedFixture from '../fixtures/codefresh-release-failed.json';
import promotionFixture from '../fixtures/codefresh-promotion.json';
import pageFixture from '../fixtures/codefresh-releases-page.json';
// The account's environments as the GraphQL `environments` query returns them (`Environment`):
// production spans three clusters in two runtimes; label pairs are `key=value` strings.
import environmentsFixture from '../fixtures/codefresh-environments.json';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clone = (value: unknown): Json => structuredClone(value) as Json;
/** The fixture with one change made to a copy. */
const variant = (change: (release: Json) => void, base: unknown = releaseFixture): Json => {
  const copy = clone(base);
  change(copy);
  return copy;
};
/** The smallest ProductRelease the adapter accepts. */
const minimal = (extra: Json = {}): Json => ({
  releaseId: 'r-1',
  productName: 'checkout',
  status: 'RUNNING',
  createdAt: '2026-11-26T09:00:00Z',
  steps: [{ environmentName: 'dev' }],
  ...extra,
});
const env = (release: Release, name: string) => release.environments.find((e) => e.name === name)!;

/** The value at a JSON path such as `$.steps[2].dependsOn[0]` (`options.` for the promotion's second argument). */
function at(root: unknown, path: string): unknown {
  let node = root;
  for (const [, key, index] of path.replace(/^(\$|options)/, '').matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    node = node && typeof node === 'object' ? (node as Json)[key ?? Number(index)] : undefined;
  }
  return node;
}

/** The paths of the keys whose value is `undefined` (the model leaves them out). */
function undefinedKeys(value: unknown, path = '$', out: string[] = []): string[] {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) out.push(`${path}.${k}`);
      else undefinedKeys(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/** Calls `convert` and returns the ReleaseDataError it raises (failing the test when it raises none or another error). */
function dataError(convert: () => unknown): ReleaseDataError {
  try {
    convert();
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseDataError);
    return error as ReleaseDataError;
  }
  throw new Error('expected a ReleaseDataError, but the data was accepted');
}

describe('Codefresh status words (exact enum values of the promotion-orchestrator schema)', () => {
  // ProductReleaseStatus; ProductReleasePublicStatus is its subset (QUEUED RUNNING SUSPENDED SUCCEEDED FAILED TERMINATING TERMINATED).
  const RELEASE = {
    QUEUED: 'queued',
    PENDING: 'pending',
    INITIALIZING: 'running',
    RUNNING: 'running',
    SUSPENDED: 'suspended',
    FINALIZING: 'running',
    FINALIZING_TERMINATION: 'terminating',
    SUCCEEDED: 'succeeded',
    FAILED: 'failed',
    TERMINATING: 'terminating',
    TERMINATED: 'terminated',
  } as const;
  it.each(Object.entries(RELEASE))('ProductRelease.status %s → %s, the word kept in source.status', (word, expected) => {
    const release = fromCodefreshRelease(minimal({ status: word }));
    expect(release.status).toBe(expected);
    expect(release.source).toEqual({ system: 'codefresh', status: word });
  });

  // ProductReleaseStepStatus
  const STEP = { ...RELEASE, SKIPPED: 'skipped' } as const;
  it.each(Object.entries(STEP))('ProductReleaseStep.status %s → %s, the word kept in rawStatus', (word, expected) => {
    const step = fromCodefreshRelease(minimal({ steps: [{ environmentName: 'dev', status: word }] })).environments[0]!;
    expect([step.status, step.rawStatus]).toEqual([expected, word]);
  });

  // EnvironmentStatus (PromotionEnvironment.status)
  it.each([
    ['FAILED', 'failed'],
    ['PENDING', 'pending'],
    ['QUEUED', 'queued'],
    ['RUNNING', 'running'],
    ['SKIPPED', 'skipped'],
    ['SUCCEEDED', 'succeeded'],
    ['SUSPENDED', 'suspended'],
    ['TERMINATED', 'terminated'],
    ['TERMINATING', 'terminating'],
  ])('PromotionEnvironment.status %s → %s', (word, expected) => {
    const promotion = { id: 'p', productName: 'x', status: 'RUNNING', createdAt: '2026-11-26T09:00:00Z', environments: [{ name: 'dev', status: word }] };
    expect(fromCodefreshPromotion(promotion).environments[0]).toMatchObject({ status: expected, rawStatus: word });
  });

  // WorkflowNodePhases (WorkflowsStepView.status, ReleaseStepWorkflowInfo.status)
  it.each([
    ['Error', 'error'],
    ['Failed', 'failed'],
    ['Omitted', 'skipped'],
    ['Pending', 'pending'],
    ['Running', 'running'],
    ['Skipped', 'skipped'],
    ['Succeeded', 'succeeded'],
  ])('WorkflowsStepView.status %s → %s, for the step and its runs', (word, expected) => {
    const view = { templateName: 'tests', status: word, workflows: [{ applicationName: 'api', workflowName: 'tests-1', status: word }] };
    const step = fromCodefreshRelease(minimal({ steps: [{ environmentName: 'dev', preWorkflowsStepsView: [view] }] })).environments[0]!;
    expect(step.workflows.preAction[0]).toMatchObject({ status: expected, rawStatus: word });
    expect(step.workflows.preAction[0]!.runs[0]).toMatchObject({ status: expected, rawStatus: word });
  });

  // WorkflowPhases (ReleaseHookWorkflowInfo.status)
  it.each([
    ['Error', 'error'],
    ['Failed', 'failed'],
    ['Pending', 'pending'],
    ['Running', 'running'],
    ['Succeeded', 'succeeded'],
    ['Unknown', 'unknown'],
  ])('ReleaseHookWorkflowInfo.status %s → %s', (word, expected) => {
    const release = fromCodefreshRelease(minimal({ hooks: { onStart: { templateName: 'notify', status: word } } }));
    expect(release.hooks).toEqual([{ event: 'on-start', template: 'notify', status: expected }]);
  });

  // ExtendedWorkflowPhases (ApplicationInfo.status)
  it.each([
    ['ELECTED', 'pending'],
    ['ERROR', 'error'],
    ['FAILED', 'failed'],
    ['INITIALIZING', 'running'],
    ['PENDING', 'pending'],
    ['RUNNING', 'running'],
    ['SKIPPED', 'skipped'],
    ['SUCCEEDED', 'succeeded'],
    ['SUSPENDED', 'suspended'],
    ['TERMINATED', 'terminated'],
    ['TERMINATING', 'terminating'],
  ])('ApplicationInfo.status %s → promotion %s', (word, expected) => {
    const app = { applicationId: { runtime: 'rt', namespace: 'ns', name: 'api' }, status: word };
    const step = fromCodefreshRelease(minimal({ steps: [{ environmentName: 'dev', applications: [app] }] })).environments[0]!;
    expect(step.applications[0]!.promotion).toBe(expected);
  });

  // SyncStatus and HealthStatus (PromotionTaskApplicationStatus, AppInfoIssue, ApplicationIssue)
  it.each([
    ['OUT_OF_SYNC', 'out-of-sync'],
    ['SYNCED', 'synced'],
    ['SYNCING', 'syncing'],
    ['UNKNOWN', 'unknown'],
  ])('SyncStatus %s → %s', (word, expected) => {
    const statuses = [{ environment: 'dev', applications: [{ appId: { runtime: 'rt', namespace: 'ns', name: 'api' }, syncStatus: word, healthStatus: 'HEALTHY' }] }];
    const promotion = { id: 'p', productName: 'x', status: 'RUNNING', createdAt: '2026-11-26T09:00:00Z', environments: [{ name: 'dev', status: 'RUNNING' }] };
    expect(fromCodefreshPromotion(promotion, { environmentStatuses: statuses }).environments[0]!.applications[0]).toMatchObject({ sync: expected, rawSync: word });
  });
  it.each([
    ['DEGRADED', 'degraded'],
    ['HEALTHY', 'healthy'],
    ['MISSING', 'missing'],
    ['PROGRESSING', 'progressing'],
    ['SUSPENDED', 'suspended'],
    ['TERMINATED', 'terminated'],
    ['UNKNOWN', 'unknown'],
  ])('HealthStatus %s → %s (read from the application’s latest issue)', (word, expected) => {
    const app = { applicationId: { name: 'api' }, status: 'RUNNING', issues: [{ message: 'm', type: 'APPLICATION', level: 'WARNING', healthStatus: word }] };
    const step = fromCodefreshRelease(minimal({ steps: [{ environmentName: 'dev', applications: [app] }] })).environments[0]!;
    expect(step.applications[0]).toMatchObject({ health: expected, rawHealth: word, sync: 'unknown' });
  });

  it.each([
    ['PROD', 'production'],
    ['NON_PROD', 'non-production'],
  ])('EnvironmentKind %s → %s', (word, expected) => {
    expect(fromCodefreshRelease(minimal({ steps: [{ environmentName: 'dev', environmentKind: word }] })).environments[0]!.kind).toBe(expected);
  });

  it.each([
    ['GIT_COMMIT', 'git-commit'],
    ['MANUAL', 'manual'],
    ['DRAG_AND_DROP', 'drag-and-drop'],
    ['RESTART', 'restart'],
    ['SOMETHING_NEW', 'unknown'],
  ])('PromotionTriggers %s → trigger kind %s (as `trigger`, when the host selects it)', (word, expected) => {
    expect(fromCodefreshRelease(minimal({ trigger: word })).trigger.kind).toBe(expected);
  });

  it.each([
    ['WORKFLOW', 'ERROR', 'workflow', 'error'],
    ['APPLICATION', 'WARNING', 'application', 'warning'],
    ['GIT', 'ERROR', 'git', 'error'],
  ])('IssueType %s / ErrorLevels %s → %s / %s', (type, level, kind, expectedLevel) => {
    const step = fromCodefreshRelease(minimal({ steps: [{ environmentName: 'dev', issues: [{ type, level, message: 'm' }] }] })).environments[0]!;
    expect(step.issues).toEqual([{ kind, level: expectedLevel, message: 'm' }]);
  });

  it.each(['CREATION_FAILED', 'PROMOTION_FLOW_ERROR', 'RELEASE_ERROR', 'RELEASE_TERMINATED', 'STEP_ERROR', 'STEP_FAILED', 'STEP_TERMINATED'])(
    'ProductReleaseErrorCode %s is kept as the error code',
    (code) => {
      expect(fromCodefreshRelease(minimal({ status: 'FAILED', error: { code, message: 'why' } })).error).toEqual({ code, message: 'why' });
    },
  );

  it.each(['UNKNOWN', 'ENVIRONMENT_MISSING_APPLICATIONS', 'PROMOTION_TERMINATION'])('PromotionErrorCode %s is kept as the error code', (code) => {
    const promotion = { id: 'p', productName: 'x', status: 'FAILED', createdAt: '2026-11-26T09:00:00Z', environments: [{ name: 'dev' }], failure: { code, message: 'why', timestamp: '2026-11-26T09:01:00Z' } };
    expect(fromCodefreshPromotion(promotion).error).toEqual({ code, message: 'why' });
  });

  it('keeps a status word it does not know as the raw word, mapped to unknown', () => {
    const release = fromCodefreshRelease(minimal({ status: 'ARCHIVED', steps: [{ environmentName: 'dev', status: 'PAUSED_BY_POLICY' }] }));
    expect([release.status, release.source?.status]).toEqual(['unknown', 'ARCHIVED']);
    expect(release.environments[0]).toMatchObject({ status: 'unknown', rawStatus: 'PAUSED_BY_POLICY' });
  });
});

describe('fromCodefreshRelease on the fixture (a running release, six environments)', () => {
  const release = fromCodefreshRelease(releaseFixture);

  it('reads the release fields', () => {
    const { environments, notes, ...header } = release;
    expect(environments).toHaveLength(6);
    expect(notes).toBeDefined();
    expect(header).toEqual({
      id: '6745d1c3f0a2b94e1c8d7a01',
      product: 'checkout',
      name: 'checkout 1.8.0',
      version: '1.8.0',
      flow: { name: 'checkout-global' },
      status: 'running',
      trigger: {
        // Neither node has a field with the PromotionTriggers enum: without one the kind is unknown.
        kind: 'unknown',
        environment: 'dev',
        commit: {
          sha: '9f2c4e1b7a3d5c6e8f9012a3b4c5d6e7f8091a2b',
          message: 'feat: retry card payments on 502 (CHK-412)\n\nRetries once with backoff when the gateway answers 502.',
          author: { name: 'ada-lopez' },
          date: '2026-11-23T16:40:12Z',
          repoUrl: 'https://github.com/acme/checkout-api',
          branch: 'main',
        },
      },
      initiator: { name: 'Ada Lopez', avatarUrl: 'https://avatars.githubusercontent.com/u/1001' },
      createdAt: '2026-11-24T09:12:03.000Z',
      updatedAt: '2026-11-24T09:44:30.000Z',
      hooks: [{ event: 'on-start', workflow: 'notify-release-start-x8d2k', template: 'notify-release-start', status: 'succeeded' }],
      source: { system: 'codefresh', status: 'RUNNING' },
    });
  });

  it('reads each environment: kind, dependsOn, status, live status text, times', () => {
    const rows = release.environments.map((e) => [e.name, e.kind, e.dependsOn, e.status, e.rawStatus, e.statusText, e.startedAt, e.finishedAt]);
    expect(rows).toEqual([
      ['dev', 'non-production', [], 'succeeded', 'SUCCEEDED', 'Completed Successfully', '2026-11-24T09:12:05.000Z', '2026-11-24T09:19:40.000Z'],
      ['qa', 'non-production', ['dev'], 'succeeded', 'SUCCEEDED', 'Completed Successfully', '2026-11-24T09:19:41.000Z', '2026-11-24T09:31:12.000Z'],
      ['staging', 'non-production', ['dev'], 'succeeded', 'SUCCEEDED', 'Completed Successfully', '2026-11-24T09:19:41.000Z', '2026-11-24T09:36:55.000Z'],
      // Still running: its updatedAt is not a finish time.
      ['production', 'production', ['qa', 'staging'], 'running', 'RUNNING', 'Waiting For App To Sync', '2026-11-24T09:36:56.000Z', undefined],
      ['prod-eu', 'production', ['production'], 'pending', 'PENDING', 'Pending Execution', undefined, undefined],
      ['prod-us', 'production', ['production'], 'pending', 'PENDING', 'Pending Execution', undefined, undefined],
    ]);
    expect(topologicalOrder(release.environments).map((e) => e.name)).toEqual(['dev', 'qa', 'staging', 'production', 'prod-eu', 'prod-us']);
  });

  it('reads the pre- and post-action workflow steps with one run per application', () => {
    expect(env(release, 'qa').workflows).toEqual({
      trigger: [],
      preAction: [
        {
          name: 'integration-tests',
          template: 'integration-tests',
          status: 'succeeded',
          rawStatus: 'Succeeded',
          startedAt: '2026-11-24T09:19:42.000Z',
          finishedAt: '2026-11-24T09:26:30.000Z',
          runs: [
            { application: 'checkout-api', workflow: 'integration-tests-qa-api-d9s1x', status: 'succeeded', rawStatus: 'Succeeded' },
            { application: 'checkout-web', workflow: 'integration-tests-qa-web-p2k8n', status: 'succeeded', rawStatus: 'Succeeded' },
          ],
        },
      ],
      postAction: [
        {
          name: 'notify-slack',
          template: 'notify-slack',
          status: 'succeeded',
          rawStatus: 'Succeeded',
          startedAt: '2026-11-24T09:30:40.000Z',
          finishedAt: '2026-11-24T09:31:10.000Z',
          runs: [
            { application: 'checkout-api', workflow: 'notify-slack-qa-api-m3v7c', status: 'succeeded', rawStatus: 'Succeeded' },
            { application: 'checkout-web', workflow: 'notify-slack-qa-web-t6y2e', status: 'succeeded', rawStatus: 'Succeeded' },
          ],
        },
      ],
    });
    // A step that has not run has only its template name (`name` is set for running and finished steps).
    expect(env(release, 'production').workflows.postAction).toEqual([
      { name: 'smoke-tests', template: 'smoke-tests', status: 'pending', rawStatus: 'Pending', runs: [] },
      { name: 'notify-slack', template: 'notify-slack', status: 'pending', rawStatus: 'Pending', runs: [] },
    ]);
  });

  it('reads the production environment: applications, issues and the pull request it opened', () => {
    const production = env(release, 'production');
    expect(production.applications).toEqual([
      { name: 'checkout-api', namespace: 'checkout-production', runtime: 'prod-runtime', promotion: 'running', sync: 'unknown', health: 'unknown' },
      {
        name: 'checkout-web',
        namespace: 'checkout-production',
        runtime: 'prod-runtime',
        promotion: 'running',
        // ApplicationInfo has no sync or health of its own: its latest issue reports them.
        sync: 'out-of-sync',
        health: 'progressing',
        rawSync: 'OUT_OF_SYNC',
        rawHealth: 'PROGRESSING',
      },
    ]);
    expect(production.issues).toEqual([
      { kind: 'application', level: 'warning', message: 'Application is out of sync: 2 resources differ from Git', application: 'checkout-web', at: '2026-11-24T09:44:12.000Z' },
    ]);
    // The step's `pr` annotation names the pull request; the application's PullRequest with the same URL says more.
    expect(production.pullRequest).toEqual({
      id: '91',
      title: 'Promote checkout 1.8.0 to production',
      url: 'https://github.com/acme/gitops/pull/91',
      author: { name: 'codefresh-bot', avatarUrl: 'https://avatars.githubusercontent.com/u/9001' },
      state: 'merged',
      repo: 'acme/gitops',
    });
  });

  it('takes a SUCCEEDED application promotion as synced and healthy, with the promotion commit', () => {
    expect(env(release, 'dev').applications[0]).toEqual({
      name: 'checkout-api',
      namespace: 'checkout-dev',
      runtime: 'dev-runtime',
      commitSha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      promotion: 'succeeded',
      sync: 'synced',
      health: 'healthy',
    });
    expect(env(release, 'staging').issues).toEqual([
      { kind: 'application', level: 'warning', message: 'Deployment checkout-web had 1 unavailable replica for 3 minutes', application: 'checkout-web', at: '2026-11-24T09:28:17.000Z' },
    ]);
    expect(env(release, 'prod-eu').applications.map((a) => [a.name, a.promotion, a.sync, a.health])).toEqual([
      ['checkout-api', 'pending', 'unknown', 'unknown'],
      ['checkout-web', 'pending', 'unknown', 'unknown'],
    ]);
  });

  it('reads the release notes from details, duplicates kept and attributed to applications through the images', () => {
    const notes = release.notes!;
    expect(notes.images).toEqual([
      {
        reference: 'quay.io/acme/checkout-api:1.8.0',
        repository: 'quay.io/acme/checkout-api',
        tag: '1.8.0',
        application: 'checkout-api',
        url: 'https://g.codefresh.io/2.0/workflows/ci-checkout-api-7x2kq',
      },
      {
        reference: 'quay.io/acme/checkout-web@sha256:4f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
        repository: 'quay.io/acme/checkout-web',
        tag: '2.3.1',
        digest: 'sha256:4f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
        application: 'checkout-web',
        url: 'https://github.com/acme/checkout-web/actions/runs/118822',
      },
    ]);
    const chk412 = {
      key: 'CHK-412',
      title: 'Retry card payments on 502',
      url: 'https://acme.atlassian.net/browse/CHK-412',
      assignee: { name: 'Ada Lopez', avatarUrl: 'https://avatars.example.com/ada.png' },
    };
    expect(notes.issues).toEqual([
      { ...chk412, application: 'checkout-api' },
      { ...chk412, application: 'checkout-web' },
      // An older annotation whose value is a bare URL.
      { key: 'CHK-415', url: 'https://acme.atlassian.net/browse/CHK-415', application: 'checkout-web' },
    ]);
    const pr482 = {
      id: '482',
      title: 'feat: retry card payments on 502 (CHK-412)',
      url: 'https://github.com/acme/checkout-api/pull/482',
      author: { name: 'ada-lopez', avatarUrl: 'https://avatars.githubusercontent.com/u/1001' },
      state: 'merged',
      repo: 'acme/checkout-api',
      application: 'checkout-api',
    };
    expect(notes.pullRequests).toEqual([
      pr482,
      pr482,
      {
        id: '77',
        title: 'fix: keep the basket total in view on small screens',
        url: 'https://github.com/acme/checkout-web/pull/77',
        author: { name: 'kenji-sato' },
        state: 'merged',
        repo: 'acme/checkout-web',
        application: 'checkout-web',
      },
    ]);
    const commit9f2 = {
      sha: '9f2c4e1b7a3d5c6e8f9012a3b4c5d6e7f8091a2b',
      message: 'feat: retry card payments on 502 (CHK-412)',
      author: { name: 'ada-lopez' },
      date: '2026-11-23T16:40:12Z',
      url: 'https://github.com/acme/checkout-api/commit/9f2c4e1b7a3d5c6e8f9012a3b4c5d6e7f8091a2b',
      application: 'checkout-api',
    };
    expect(notes.commits).toEqual([
      release.trigger.commit,
      commit9f2,
      commit9f2,
      {
        sha: '3b1d9e0c2f4a6b8d0e1f2a3b4c5d6e7f80912a3b',
        message: 'fix: keep the basket total in view',
        author: { name: 'kenji-sato' },
        date: '2026-11-22T11:05:00Z',
        url: 'https://github.com/acme/checkout-web/commit/3b1d9e0c2f4a6b8d0e1f2a3b4c5d6e7f80912a3b',
        application: 'checkout-web',
      },
    ]);
    // The trigger commit in the notes is a copy, not the same object.
    expect(notes.commits[0]).not.toBe(release.trigger.commit);
  });

  it('gives notes that compileReleaseNotes lists once each, with every application', () => {
    const compiled = compileReleaseNotes(release);
    expect(compiled.counts).toEqual({ images: 2, issues: 2, pullRequests: 2, commits: 2, total: 8 });
    const chk412 = compiled.issues.find((i) => i.key === 'CHK-412')!;
    expect([chk412.occurrences, chk412.applications]).toEqual([2, ['checkout-api', 'checkout-web']]);
    expect(compiled.pullRequests.find((p) => p.id === '482')!.occurrences).toBe(2);
  });

  it('is plain serialisable data, without undefined fields', () => {
    expect(JSON.parse(JSON.stringify(release))).toEqual(release);
    expect(undefinedKeys(release)).toEqual([]);
    expect(undefinedKeys(fromCodefreshPromotion(promotionFixture.promotion, { environmentStatuses: promotionFixture.environmentStatuses }))).toEqual([]);
    expect(undefinedKeys(fromCodefreshReleasesPage(pageFixture))).toEqual([]);
  });
});

describe('fromCodefreshRelease on a failed release', () => {
  const release = fromCodefreshRelease(failedFixture);

  it('reads the error, the finish time and the hooks with their error message', () => {
    expect(release).toMatchObject({
      status: 'failed',
      error: { code: 'STEP_FAILED', message: 'Environment "qa" failed: pre-action workflow integration-tests failed' },
      finishedAt: '2026-11-25T14:15:20.000Z',
      initiator: { name: 'Kenji Sato' },
    });
    expect(release.hooks).toEqual([
      { event: 'on-start', workflow: 'notify-release-start-p0q9r', template: 'notify-release-start', status: 'succeeded' },
      { event: 'on-failure', workflow: 'page-on-call-l4k3j', template: 'page-on-call', status: 'failed', message: 'PagerDuty returned 401: invalid routing key' },
    ]);
  });

  it('reads every issue kind: the step’s WorkflowIssue and GitIssue, then the application’s own issues', () => {
    expect(env(release, 'qa').issues).toEqual([
      {
        kind: 'workflow',
        level: 'error',
        message: 'integration-tests-qa-api-7b3c1 failed: 3 of 212 tests failed (PaymentRetrySpec)',
        application: 'checkout-api',
        workflow: 'integration-tests-qa-api-7b3c1',
        at: '2026-11-25T14:15:00.000Z',
      },
      { kind: 'git', level: 'warning', message: 'Commit status could not be posted: 403 from api.github.com', application: 'checkout-api', at: '2026-11-25T14:08:45.000Z' },
      { kind: 'workflow', level: 'error', message: 'Pre-action workflow failed', application: 'checkout-api', at: '2026-11-25T14:15:00.000Z' },
    ]);
  });

  it('maps the failed, omitted and skipped steps; a skipped environment is finished', () => {
    expect(env(release, 'qa')).toMatchObject({ status: 'failed', statusText: 'Failed Pre Action Workflow', finishedAt: '2026-11-25T14:15:02.000Z' });
    expect(env(release, 'qa').workflows.postAction[0]).toMatchObject({ status: 'skipped', rawStatus: 'Omitted' });
    expect(env(release, 'production')).toMatchObject({ status: 'skipped', finishedAt: '2026-11-25T14:15:03.000Z' });
    expect(env(release, 'production').applications[0]).toMatchObject({ promotion: 'skipped', sync: 'unknown', health: 'unknown' });
  });

  it('drops a link that is not http(s)', () => {
    expect(release.notes!.images).toEqual([
      { reference: 'quay.io/acme/checkout-api:1.8.1', repository: 'quay.io/acme/checkout-api', tag: '1.8.1', application: 'checkout-api' },
    ]);
  });
});

describe('manual releases and missing optional fields', () => {
  it('reads a manual promotion: no promotion flow, one environment', () => {
    const release = fromCodefreshRelease(
      minimal({ promotionFlowName: null, trigger: 'MANUAL', steps: [{ environmentName: 'production', environmentKind: 'PROD', dependsOn: [], status: 'SUCCEEDED' }] }),
    );
    expect(release.flow).toBeNull();
    // No triggerEnvironment: the environment that depends on nothing.
    expect(release.trigger).toEqual({ kind: 'manual', environment: 'production' });
    expect(release.environments.map((e) => e.name)).toEqual(['production']);
  });

  it('needs only the release id, product, status, creation time and named steps', () => {
    expect(fromCodefreshRelease(minimal())).toEqual({
      id: 'r-1',
      product: 'checkout',
      flow: null,
      status: 'running',
      trigger: { kind: 'unknown', environment: 'dev' },
      createdAt: '2026-11-26T09:00:00Z',
      environments: [{ name: 'dev', dependsOn: [], status: 'unknown', workflows: { trigger: [], preAction: [], postAction: [] }, applications: [], issues: [] }],
      source: { system: 'codefresh', status: 'RUNNING' },
    });
  });

  it('takes null as absent everywhere optional', () => {
    const nulls = minimal({
      releaseName: null,
      promotionFlowName: null,
      triggerEnvironment: null,
      triggerCommit: null,
      updatedAt: null,
      error: null,
      details: null,
      initiator: null,
      version: null,
      hooks: { onStart: null, onFail: null, onSuccess: null },
      environmentsStatuses: null,
      runtimeMinVersion: null,
      steps: [
        {
          environmentName: 'dev',
          environmentKind: null,
          dependsOn: null,
          status: null,
          liveStatus: null,
          startedAt: null,
          updatedAt: null,
          issues: null,
          pr: null,
          policyAction: null,
          preWorkflowsStepsView: null,
          postWorkflowsStepsView: null,
          applications: null,
          active: null,
        },
      ],
    });
    expect(fromCodefreshRelease(nulls)).toEqual(fromCodefreshRelease(minimal()));
  });

  it('accepts fields it does not know', () => {
    const extra = minimal({ somethingNew: { deep: [1, 2] }, steps: [{ environmentName: 'dev', futureField: 'x', applications: [{ applicationId: { name: 'api', extra: 1 }, x: true }] }] });
    expect(fromCodefreshRelease(extra).environments[0]!.applications[0]).toEqual({ name: 'api', sync: 'unknown', health: 'unknown' });
  });

  it('reads a list query that selects environmentsStatuses instead of steps (as Codefresh’s CLI does)', () => {
    const release = fromCodefreshRelease({
      __typename: 'ProductRelease',
      releaseId: 'r-9',
      productName: 'checkout',
      status: 'FAILED',
      createdAt: '2026-11-20T10:00:00Z',
      environmentsStatuses: [
        { __typename: 'ProductReleaseEnvironment', environmentName: 'dev', status: 'SUCCEEDED' },
        { environmentName: 'prod', status: 'FAILED' },
      ],
      error: { message: 'prod failed' },
    });
    expect(release.environments.map((e) => [e.name, e.status, e.dependsOn])).toEqual([
      ['dev', 'succeeded', []],
      ['prod', 'failed', []],
    ]);
    expect(release.error).toEqual({ message: 'prod failed' });
  });

  it('uses the error code as the message when there is no message, and reads a Git author with an email', () => {
    const release = fromCodefreshRelease(minimal({ error: { code: 'RELEASE_ERROR' }, triggerCommit: { sha: 'abc', committer: 'Kim Aharfi <kim@example.com>' } }));
    expect(release.error).toEqual({ code: 'RELEASE_ERROR', message: 'RELEASE_ERROR' });
    expect(release.trigger.commit).toEqual({ sha: 'abc', author: { name: 'Kim Aharfi', email: 'kim@example.com' } });
  });

  it('keeps liveStatus text that is not an enum word as it is', () => {
    const step = (liveStatus: string) => fromCodefreshRelease(minimal({ steps: [{ environmentName: 'dev', liveStatus }] })).environments[0]!.statusText;
    expect(step('WAITING_FOR_APP_TO_SYNC')).toBe('Waiting For App To Sync');
    expect(step('Completed Successfully')).toBe('Completed Successfully');
    expect(step('')).toBeUndefined();
  });

  it('reads a pull request annotation listing 150,000 commits (no argument-count limit)', () => {
    const value = JSON.stringify({ url: 'https://github.com/acme/api/pull/1', title: 'Big', commits: Array.from({ length: 150_000 }, (_, i) => ({ sha: `c${i}` })) });
    const release = fromCodefreshRelease(minimal({ details: { prs: [{ key: '1', value }] } }));
    expect(release.notes!.commits).toHaveLength(150_000);
    expect(release.notes!.pullRequests).toEqual([{ id: '1', title: 'Big', url: 'https://github.com/acme/api/pull/1', state: 'merged', repo: 'acme/api' }]);
  });

  it('drops repeated dependsOn names', () => {
    const release = fromCodefreshRelease(minimal({ steps: [{ environmentName: 'dev' }, { environmentName: 'qa', dependsOn: ['dev', 'dev'] }] }));
    expect(env(release, 'qa').dependsOn).toEqual(['dev']);
  });
});

describe('links', () => {
  const links: CodefreshAdapterOptions['links'] = {
    workflow: ({ workflow, environment }) => (environment === 'qa' ? 'javascript:alert(1)' : `https://g.codefresh.io/2.0/workflows/${workflow}`),
    application: ({ name, namespace, runtime }) => `https://g.codefresh.io/2.0/applications-dashboard/${runtime}/${namespace}/${name}`,
  };
  const release = fromCodefreshRelease(releaseFixture, { links });

  it('builds run and application URLs with the host’s functions, keeping only http(s) ones', () => {
    expect(env(release, 'dev').workflows.postAction[0]!.runs[0]!.url).toBe('https://g.codefresh.io/2.0/workflows/smoke-tests-dev-api-8k2lp');
    expect(env(release, 'qa').workflows.preAction[0]!.runs[0]!.url).toBeUndefined();
    expect(env(release, 'dev').applications[0]!.url).toBe('https://g.codefresh.io/2.0/applications-dashboard/dev-runtime/checkout-dev/checkout-api');
  });

  it('never keeps an unsafe URL from the data', () => {
    const bad = variant((r) => {
      r.steps[3].applications[0].pr.url = 'javascript:alert(1)';
      r.steps[3].pr.value = JSON.stringify({ url: 'data:text/html,x', title: 'Promote' });
      r.initiator.avatarUrl = 'javascript:alert(2)';
      r.details.issues[0].value = JSON.stringify({ url: 'mailto:ada@example.com', title: 'Mail' });
    });
    const result = fromCodefreshRelease(bad);
    expect(env(result, 'production').pullRequest).toMatchObject({ id: '91', title: 'Promote' });
    expect(env(result, 'production').pullRequest!.url).toBeUndefined();
    expect(result.initiator).toEqual({ name: 'Ada Lopez' });
    expect(result.notes!.issues[0]).toMatchObject({ key: 'CHK-412', title: 'Mail' });
    expect(result.notes!.issues[0]!.url).toBeUndefined();
  });
});

describe('validation: ReleaseDataError at the Codefresh path, with the expected shape and the value found', () => {
  const cases: Array<[string, () => unknown, string, unknown, string | RegExp]> = [
    ['a dependsOn that names no environment', () => fromCodefreshRelease(variant((r) => (r.steps[2].dependsOn[0] = 'qa-eu'))), '$.steps[2].dependsOn[0]', 'qa-eu', /not an environment of this release/],
    ['a duplicate environment name', () => fromCodefreshRelease(variant((r) => (r.steps[4].environmentName = 'qa'))), '$.steps[4].environmentName', 'qa', /appears twice/],
    ['a missing creation time', () => fromCodefreshRelease(variant((r) => delete r.createdAt)), '$.createdAt', undefined, /selected in the GraphQL query/],
    ['an unparsable creation time', () => fromCodefreshRelease(variant((r) => (r.createdAt = 'yesterday'))), '$.createdAt', 'yesterday', /ISO-8601/],
    ['an unparsable step time', () => fromCodefreshRelease(variant((r) => (r.steps[1].startedAt = '2026-13-45T99:00:00Z'))), '$.steps[1].startedAt', '2026-13-45T99:00:00Z', /ISO-8601/],
    ['an unparsable commit date', () => fromCodefreshRelease(variant((r) => (r.triggerCommit.date = 'soon'))), '$.triggerCommit.date', 'soon', /ISO-8601/],
    ['a release id that is a number', () => fromCodefreshRelease(variant((r) => (r.releaseId = 42))), '$.releaseId', 42, /non-empty string/],
    ['a missing status', () => fromCodefreshRelease(variant((r) => delete r.status)), '$.status', undefined, /non-empty string/],
    ['steps that are not a list', () => fromCodefreshRelease(variant((r) => (r.steps = { dev: {} }))), '$.steps', { dev: {} }, /a list/],
    ['no environment at all', () => fromCodefreshRelease(variant((r) => (r.steps = []))), '$.steps', [], /non-empty list/],
    ['a step that is not an object', () => fromCodefreshRelease(variant((r) => (r.steps[3] = 'production'))), '$.steps[3]', 'production', /an object/],
    ['an application without a name', () => fromCodefreshRelease(variant((r) => delete r.steps[0].applications[1].applicationId.name)), '$.steps[0].applications[1].applicationId.name', undefined, /non-empty string/],
    ['a run without a workflow name', () => fromCodefreshRelease(variant((r) => (r.steps[0].postWorkflowsStepsView[0].workflows[1].workflowName = null))), '$.steps[0].postWorkflowsStepsView[0].workflows[1].workflowName', null, /non-empty string/],
    ['a workflow step with no name at all', () => fromCodefreshRelease(variant((r) => (r.steps[1].preWorkflowsStepsView[0] = { status: 'Running' }))), '$.steps[1].preWorkflowsStepsView[0].templateName', undefined, /non-empty string/],
    ['an issue message that is a number', () => fromCodefreshRelease(variant((r) => (r.steps[2].issues[0].message = 404))), '$.steps[2].issues[0].message', 404, /non-empty string/],
    ['an environment kind that is not a string', () => fromCodefreshRelease(variant((r) => (r.steps[3].environmentKind = true))), '$.steps[3].environmentKind', true, /a string/],
    ['an image with nothing to name it', () => fromCodefreshRelease(variant((r) => (r.details.images[0] = { name: 'checkout-api' }))), '$.details.images[0]', { name: 'checkout-api' }, /Images object/],
    ['an issue annotation without a key', () => fromCodefreshRelease(variant((r) => delete r.details.issues[1].key)), '$.details.issues[1].key', undefined, /non-empty string/],
    ['a pull request id that is an object', () => fromCodefreshRelease(variant((r) => (r.steps[3].applications[0].pr.id = { n: 91 }))), '$.steps[3].applications[0].pr.id', { n: 91 }, /an Int/],
    ['a hook that is a string', () => fromCodefreshRelease(variant((r) => (r.hooks.onFail = 'page-on-call'))), '$.hooks.onFail', 'page-on-call', /an object/],
    ['a dependsOn entry that is not a string', () => fromCodefreshRelease(variant((r) => (r.steps[5].dependsOn = ['production', 7]))), '$.steps[5].dependsOn[1]', 7, /non-empty string/],
  ];
  it.each(cases)('%s', (_name, convert, path, value, message) => {
    const error = dataError(convert);
    expect(error.path).toBe(path);
    expect(error.value).toEqual(value);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(path);
    expect(error.expected ?? '').not.toBe('');
    expect(error.message).toContain(`expected ${error.expected}`);
  });

  it('names the environments the dependsOn could have named', () => {
    const error = dataError(() => fromCodefreshRelease(variant((r) => (r.steps[2].dependsOn[0] = 'qa-eu'))));
    expect(error.expected).toBe('the name of one of its steps: dev, qa, staging, production, prod-eu, prod-us');
  });

  it('raises a cycle at the Codefresh path, naming the environments in it', () => {
    const error = dataError(() => fromCodefreshRelease(variant((r) => (r.steps[0].dependsOn = ['prod-eu']))));
    // At the dependsOn entry that closes the cycle, carrying that entry.
    expect(error.message).toContain('cycle: dev -> prod-eu -> production -> qa -> dev');
    expect([error.path, error.value]).toEqual(['$.steps[1].dependsOn[0]', 'dev']);
    // An environment that depends on itself is a cycle too.
    const self = dataError(() => fromCodefreshRelease(minimal({ steps: [{ environmentName: 'dev', dependsOn: ['qa', 'dev'] }, { environmentName: 'qa' }] })));
    expect([self.path, self.value]).toEqual(['$.steps[0].dependsOn[1]', 'dev']);
  });

  it('raises in a Promotion at its own paths, and in its environment statuses at options.environmentStatuses', () => {
    const bad = clone(promotionFixture);
    bad.promotion.environments[1].dependsOn = ['qa'];
    expect(dataError(() => fromCodefreshPromotion(bad.promotion)).path).toBe('$.environments[1].dependsOn[0]');
    const statuses = clone(promotionFixture.environmentStatuses) as Json[];
    statuses[1]!.environment = 'prod-apac';
    const error = dataError(() => fromCodefreshPromotion(promotionFixture.promotion, { environmentStatuses: statuses }));
    expect([error.path, error.value]).toEqual(['options.environmentStatuses[1].environment', 'prod-apac']);
    statuses[1]!.environment = 'production';
    statuses[1]!.pullRequestStatus[0].appId = null;
    expect(dataError(() => fromCodefreshPromotion(promotionFixture.promotion, { environmentStatuses: statuses })).path).toBe(
      'options.environmentStatuses[1].pullRequestStatus[0].appId',
    );
  });

  it('raises in a page at the edge’s path', () => {
    const page = clone(pageFixture);
    page.edges[1].node.steps[0].environmentName = '';
    const error = dataError(() => fromCodefreshReleasesPage(page));
    expect([error.path, error.value]).toEqual(['$.edges[1].node.steps[0].environmentName', '']);
    expect(dataError(() => fromCodefreshReleasesPage({ edges: [{ node: { name: 'x' } }] })).path).toBe('$.edges[0].node');
    expect(dataError(() => fromCodefreshReleasesPage({ edges: [], pageInfo: { hasNextPage: 'yes' } })).path).toBe('$.pageInfo.hasNextPage');
    expect(dataError(() => fromCodefreshReleasesPage(null)).path).toBe('$');
  });

  it('reads environments named __proto__, constructor, toString (own keys from JSON.parse) like any other', () => {
    const { input, renamed } = withPrototypeNames(releaseFixture, ['dev', 'qa', 'staging', 'prod-eu', 'prod-us']);
    expect(JSON.stringify(fromCodefreshRelease(input))).toBe(renamed(fromCodefreshRelease(releaseFixture)));
    const promotion = withPrototypeNames(promotionFixture, ['dev', 'qa', 'staging', 'prod-eu', 'prod-us']);
    const convert = (fixture: Json) => fromCodefreshPromotion(fixture.promotion, { environmentStatuses: fixture.environmentStatuses });
    expect(JSON.stringify(convert(promotion.input as Json))).toBe(promotion.renamed(convert(promotionFixture)));
  });

  it('raises ReleaseDataError at the hole of a steps array with holes (it threw a TypeError reading dependsOn)', () => {
    // A sparse array, as JavaScript builds it: index 1 was never set.
    const steps: unknown[] = [{ environmentName: 'dev' }];
    steps[2] = { environmentName: 'qa', dependsOn: ['dev'] };
    const error = dataError(() => fromCodefreshRelease(minimal({ steps })));
    expect([error.path, error.value]).toEqual(['$.steps[1]', undefined]);
    const statuses: unknown[] = [];
    statuses[1] = { environmentName: 'dev', status: 'RUNNING' };
    expect(dataError(() => fromCodefreshRelease(minimal({ steps: undefined, environmentsStatuses: statuses }))).path).toBe('$.environmentsStatuses[0]');
  });

  it.each([undefined, null, 42, 'release', [], [releaseFixture]])('raises for a ProductRelease that is %j', (input) => {
    expect(dataError(() => fromCodefreshRelease(input)).path).toBe('$');
  });
});

describe('fromCodefreshPromotion', () => {
  it('reads a Promotion node alone (environments with status only)', () => {
    const release = fromCodefreshPromotion(promotionFixture.promotion);
    const { environments, ...header } = release;
    expect(header).toEqual({
      id: '67460b19e2d3c4a5b6f70812',
      product: 'payments',
      version: '4.2.0',
      flow: { name: 'payments-flow' },
      status: 'suspended',
      trigger: {
        kind: 'unknown',
        environment: 'dev',
        commit: {
          sha: '8192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4',
          message: 'feat(payments): 3-D Secure 2 challenge flow',
          author: { name: 'Priya Nair', avatarUrl: 'https://gitlab.com/uploads/-/system/user/avatar/77/avatar.png' },
          date: '2026-11-26T07:58:00Z',
          repoUrl: 'https://gitlab.com/acme/payments',
          branch: 'main',
        },
      },
      createdAt: '2026-11-26T08:00:04Z',
      updatedAt: '2026-11-26T08:16:10Z',
      source: { system: 'codefresh', status: 'SUSPENDED' },
    });
    expect(environments.map((e) => [e.name, e.dependsOn, e.status, e.startedAt, e.finishedAt])).toEqual([
      ['dev', [], 'succeeded', '2026-11-26T08:00:05Z', '2026-11-26T08:06:00Z'],
      ['staging', ['dev'], 'succeeded', '2026-11-26T08:06:01Z', '2026-11-26T08:15:30Z'],
      ['production', ['staging'], 'suspended', '2026-11-26T08:15:31Z', undefined],
    ]);
    expect(environments.every((e) => e.applications.length === 0 && e.issues.length === 0)).toBe(true);
  });

  it('adds workflows, applications, pull requests and issues from PromotionEnvironmentStatus', () => {
    const release = fromCodefreshPromotion(promotionFixture.promotion, { environmentStatuses: promotionFixture.environmentStatuses });
    expect(env(release, 'dev').applications).toEqual([
      { name: 'payments-api', namespace: 'payments-dev', runtime: 'dev-runtime', commitSha: 'aa11bb22cc33dd44ee55ff6677889900aabbccdd', sync: 'synced', health: 'healthy', rawSync: 'SYNCED', rawHealth: 'HEALTHY' },
    ]);
    expect(env(release, 'dev').workflows.postAction[0]!.runs).toEqual([
      { application: 'payments-api', workflow: 'smoke-tests-dev-pay-1a2b3', status: 'succeeded', rawStatus: 'Succeeded' },
    ]);
    const production = env(release, 'production');
    expect(production.pullRequest).toEqual({
      id: '310',
      title: 'Promote payments 4.2.0 to production',
      url: 'https://gitlab.com/acme/gitops/-/merge_requests/310',
      author: { name: 'codefresh-bot', avatarUrl: 'https://gitlab.com/uploads/-/system/user/avatar/1/bot.png' },
      state: 'open',
      repo: 'acme/gitops',
    });
    expect(production.applications).toEqual([
      { name: 'payments-api', namespace: 'payments', runtime: 'prod-runtime', sync: 'out-of-sync', health: 'healthy', rawSync: 'OUT_OF_SYNC', rawHealth: 'HEALTHY' },
    ]);
    expect(production.issues).toEqual([
      { kind: 'application', level: 'warning', message: 'Waiting for pull request !310 to be merged', application: 'payments-api', at: '2026-11-26T08:16:09Z' },
    ]);
    expect(production.workflows.preAction[0]).toMatchObject({ name: 'approval', status: 'running', startedAt: '2026-11-26T08:15:32Z' });
    // staging had no status entry: it keeps what the Promotion said.
    expect(env(release, 'staging')).toMatchObject({ applications: [], issues: [], workflows: { trigger: [], preAction: [], postAction: [] } });
  });

  it('reads the failure, with a Git author and a terminated release finished', () => {
    const release = fromCodefreshPromotion({
      __typename: 'Promotion',
      id: '69143e08d3fc600692f605b6',
      productName: 'my-product',
      promotionFlowName: 'test-post-trigger',
      status: 'TERMINATED',
      createdAt: '2025-11-12T07:58:00.829Z',
      updatedAt: '2025-11-12T07:59:00.000Z',
      environments: [
        { __typename: 'PromotionEnvironment', name: 'dev', status: 'TERMINATED' },
        { __typename: 'PromotionEnvironment', name: 'staging', status: 'SKIPPED' },
      ],
      failure: { message: 'terminated by concurrency' },
      triggerCommitInfo: { avatarURL: 'https://avatars.githubusercontent.com/u/88274488?v=4', commitAuthor: 'kim-codefresh <kim.aharfi@codefresh.io>', commitSha: 'b03059b9defaaef46f7d3a817eb9449cf8d89730' },
    });
    expect(release).toMatchObject({
      status: 'terminated',
      finishedAt: '2025-11-12T07:59:00.000Z',
      error: { message: 'terminated by concurrency' },
      trigger: {
        commit: { sha: 'b03059b9defaaef46f7d3a817eb9449cf8d89730', author: { name: 'kim-codefresh', email: 'kim.aharfi@codefresh.io', avatarUrl: 'https://avatars.githubusercontent.com/u/88274488?v=4' } },
      },
    });
    expect(release.environments.map((e) => e.status)).toEqual(['terminated', 'skipped']);
  });
});

describe('groups from the environments’ label pairs', () => {
  const ENVIRONMENTS = environmentsFixture.data.environments;
  const groupsOf = (release: Release) => release.environments.map((e) => [e.name, e.group]);
  const withEnvironments = (environments: unknown, extra: Partial<CodefreshAdapterOptions> = {}) => ({ environments, ...extra }) as CodefreshAdapterOptions;

  it('groups a release’s environments by the gitops-releases/group label pair of the Environment of that name', () => {
    expect(groupsOf(fromCodefreshRelease(releaseFixture, withEnvironments(ENVIRONMENTS)))).toEqual([
      ['dev', undefined],
      ['qa', undefined],
      ['staging', undefined],
      // Three clusters, one environment: the release has one step for it, so it stays one
      // environment, grouped only by its label pair.
      ['production', 'core'],
      ['prod-eu', 'regions'],
      // Trimmed; the first pair of the key counts.
      ['prod-us', 'regions'],
    ]);
    // Nothing else changes; without environments there are no groups (the release has none).
    const plain = fromCodefreshRelease(releaseFixture);
    const grouped = fromCodefreshRelease(releaseFixture, withEnvironments(ENVIRONMENTS));
    expect({ ...grouped, environments: grouped.environments.map(({ group: _group, ...rest }) => rest) }).toStrictEqual(plain);
    expect(groupsOf(plain).every(([, group]) => group === undefined)).toBe(true);
  });

  it('groups the environments of a Promotion and of every release of a page', () => {
    const promotion = fromCodefreshPromotion(promotionFixture.promotion, { environmentStatuses: promotionFixture.environmentStatuses, environments: ENVIRONMENTS } as CodefreshAdapterOptions);
    expect(groupsOf(promotion)).toEqual([
      ['dev', undefined],
      ['staging', undefined],
      ['production', 'core'],
    ]);
    const page = fromCodefreshReleasesPage(pageFixture, withEnvironments(ENVIRONMENTS));
    expect(page.releases.map((release) => release.environments.map((e) => e.group ?? '-').join(' '))).toEqual(['- core', 'core', '- core', '- core']);
  });

  it('reads the label pair named by groupLabel; the first = ends the key, and a pair with no = has no value', () => {
    const environments = [
      { name: 'prod-eu', labelPairs: ['region', 'region=eu=west', 'gitops-releases/group=regions'] },
      { name: 'prod-us', labelPairs: ['region=us'] },
      { name: 'qa', labelPairs: ['region'] },
    ];
    const release = fromCodefreshRelease(releaseFixture, withEnvironments(environments, { groupLabel: 'region' }));
    expect(groupsOf(release).filter(([, group]) => group !== undefined)).toEqual([
      ['prod-eu', 'eu=west'],
      ['prod-us', 'us'],
    ]);
  });

  it('takes the first Environment of a name, and ignores those the release does not have', () => {
    const environments = [{ name: 'prod-eu', labelPairs: ['gitops-releases/group=first'] }, { name: 'prod-eu', labelPairs: ['gitops-releases/group=second'] }, { name: 'elsewhere', labelPairs: ['gitops-releases/group=x'] }];
    expect(env(fromCodefreshRelease(releaseFixture, withEnvironments(environments)), 'prod-eu').group).toBe('first');
  });

  it.each<[string, (environments: Json[]) => unknown, Partial<CodefreshAdapterOptions>, string, unknown]>([
    ['a label pair that is not a string', (e) => ((e[4]!.labelPairs[1] = 3), e), {}, '$options.environments[4].labelPairs[1]', 3],
    ['a group of four levels', (e) => ((e[5]!.labelPairs[1] = 'gitops-releases/group=a/b/c/d'), e), {}, '$options.environments[5].labelPairs[1]', 'gitops-releases/group=a/b/c/d'],
    ['a group with an empty level', (e) => ((e[3]!.labelPairs[1] = 'gitops-releases/group=core//eu'), e), {}, '$options.environments[3].labelPairs[1]', 'gitops-releases/group=core//eu'],
    ['label pairs that are not a list', (e) => ((e[1]!.labelPairs = 'team=checkout'), e), {}, '$options.environments[1].labelPairs', 'team=checkout'],
    ['an Environment without a name', (e) => (delete e[0]!.name, e), {}, '$options.environments[0].name', undefined],
    ['an Environment that is not an object', (e) => ((e[2] = 'staging' as never), e), {}, '$options.environments[2]', 'staging'],
    ['environments that are not a list', () => ({ dev: {} }), {}, '$options.environments', { dev: {} }],
    ['a groupLabel that is not a string', (e) => e, { groupLabel: 1 as never }, '$options.groupLabel', 1],
  ])('reports %s at its path', (_, change, extra, path, value) => {
    const error = dataError(() => fromCodefreshRelease(releaseFixture, withEnvironments(change(clone(ENVIRONMENTS) as unknown as Json[]), extra)));
    expect(error).toMatchObject({ path, value, expected: expect.any(String) });
  });

  it('reads environments, label keys and groups named __proto__, constructor and toString like any other', () => {
    const { input } = withPrototypeNames(releaseFixture, ['prod-eu', 'prod-us']);
    const environments = JSON.parse('[{"name": "__proto__", "labelPairs": ["__proto__=constructor"]}, {"name": "constructor", "labelPairs": ["__proto__=toString/valueOf"]}]') as Json[];
    const release = fromCodefreshRelease(input, withEnvironments(environments, { groupLabel: '__proto__' }));
    expect(groupsOf(release).filter(([, group]) => group !== undefined)).toEqual([
      ['__proto__', 'constructor'],
      ['constructor', 'toString/valueOf'],
    ]);
    // An environment the list does not name has no group, even when its name is on Object.prototype.
    const { input: renamed } = withPrototypeNames(releaseFixture, ['dev', 'qa', 'staging']);
    expect(groupsOf(fromCodefreshRelease(renamed, withEnvironments([]))).every(([, group]) => group === undefined)).toBe(true);
  });

  it('keeps every group a path of at most 3 levels, whatever the label pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('gitops-releases/group=', 'gitops-releases/group= a / b ', 'gitops-releases/group=a/b/c/d')), { maxLength: 3 }), (pairs) => {
        const environments = [{ name: 'prod-eu', labelPairs: pairs.map((pair, index) => (index === 0 && !pair.includes('=') ? `gitops-releases/group=${pair}` : pair)) }];
        let release: Release;
        try {
          release = fromCodefreshRelease(releaseFixture, withEnvironments(environments));
        } catch (error) {
          expect(isReleaseDataError(error) && error.path.startsWith('$options.environments[0].labelPairs[')).toBe(true);
          return;
        }
        const group = env(release, 'prod-eu').group;
        expect(group === undefined || isGroupPath(group)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('fromCodefreshReleasesPage', () => {
  it('converts every edge (ProductRelease and Promotion nodes) and maps SliceInfo onto ReleasesPageInfo', () => {
    const page = fromCodefreshReleasesPage(pageFixture);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPrevPage: false, startCursor: 'Y3Vyc29yOjE=', endCursor: 'Y3Vyc29yOjQ=' });
    expect(page.releases.map((r) => [r.id, r.status, r.flow?.name ?? 'manual', r.environments.map((e) => `${e.name}:${e.status}`).join(' ')])).toEqual([
      ['67441a00aa01', 'succeeded', 'checkout-global', 'dev:succeeded production:succeeded'],
      ['67441a00aa02', 'succeeded', 'manual', 'production:succeeded'],
      ['67441a00aa03', 'terminated', 'checkout-global', 'dev:succeeded production:terminated'],
      ['67441a00aa04', 'queued', 'checkout-global', 'dev:queued production:pending'],
    ]);
    expect(page.releases[2]!.error).toEqual({ code: 'RELEASE_TERMINATED', message: 'Terminated by Ada Lopez' });
    expect(page.releases[3]!.version).toBe('1.7.8');
  });

  it('tells the nodes apart without __typename, and takes the cursors from the edges when pageInfo is not selected', () => {
    const page = clone(pageFixture);
    for (const edge of page.edges) delete edge.node.__typename;
    delete page.pageInfo;
    const result = fromCodefreshReleasesPage(page);
    expect(result.releases.map((r) => r.id)).toEqual(['67441a00aa01', '67441a00aa02', '67441a00aa03', '67441a00aa04']);
    expect(result.pageInfo).toEqual({ hasNextPage: false, hasPrevPage: false, startCursor: 'Y3Vyc29yOjE=', endCursor: 'Y3Vyc29yOjQ=' });
  });

  it('reads an empty page, and Relay’s hasPreviousPage', () => {
    expect(fromCodefreshReleasesPage({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } })).toEqual({
      releases: [],
      pageInfo: { hasNextPage: false, hasPrevPage: true, startCursor: null, endCursor: null },
    });
  });

  it('passes the link options to each release', () => {
    const page = { edges: [{ cursor: 'c1', node: releaseFixture }] };
    const result = fromCodefreshReleasesPage(page, { links: { application: ({ name }) => `https://example.com/${name}` } });
    expect(env(result.releases[0]!, 'dev').applications[0]!.url).toBe('https://example.com/checkout-api');
  });
});

describe('random mutations of each fixture: a valid model or a ReleaseDataError, nothing else', () => {
  const NAMES = ['dev', 'qa', 'staging', 'production', 'prod-eu', 'prod-us', 'payments', 'prod'];
  const huge = {
    strings: Array.from({ length: 5_000 }, (_, i) => `env-${i}`),
    numbers: Array.from({ length: 5_000 }, (_, i) => i),
    objects: Array.from({ length: 2_000 }, () => ({ applicationName: 'api', workflowName: 'wf', status: 'Running' })),
  };
  const mutationsArb = mutationsArbitrary({
    words: [...NAMES, 'RUNNING', 'SUCCEEDED', 'FAILED', 'Running', 'Error', 'SYNCED', 'HEALTHY', 'PROD', 'ProductRelease', 'Promotion', 'https://github.com/acme/checkout'],
    keys: ['status', 'dependsOn', 'environmentName', 'name', 'syncStatus', 'healthStatus', 'trigger', '__typename'],
    // The big lists above stand in for most huge arrays: a page of 2,000 releases is slow to read.
    hugeEvery: 100,
    values: [...Object.values(huge), { __proto__: null }, { toString: 'x' }, JSON.parse('{"__proto__": "x"}'), '{"url":1,"committers":[null,{}],"commits":[1,{"sha":{}}]}', '{"a":', NaN, Infinity, [null], [{}]],
  });

  /** Checks one result: a DAG the model accepts, statuses of the vocabulary, plain data (plain checks: 10,000 runs). */
  const checkRelease = (release: Release) => {
    const fail = (what: string) => expect.fail(`${what} in ${JSON.stringify(release).slice(0, 300)}`);
    const names = new Set(release.environments.map((e) => e.name));
    for (const e of release.environments) for (const d of e.dependsOn) if (!names.has(d)) fail(`dangling dependsOn "${d}"`);
    if (topologicalOrder(release.environments).length !== names.size) fail('environments lost by topologicalOrder');
    if (typeof release.id !== 'string' || typeof release.product !== 'string' || Number.isNaN(Date.parse(release.createdAt))) fail('no id, product or createdAt');
    if (typeof release.trigger.environment !== 'string' || !STATUSES.includes(release.status)) fail('bad trigger or status');
    if (undefinedKeys(release).length) fail(`undefined values at ${undefinedKeys(release).join(', ')}`);
    for (const e of release.environments) {
      if (!STATUSES.includes(e.status)) fail(`status ${e.status}`);
      for (const a of e.applications) if (!SYNC_STATUSES.includes(a.sync) || !HEALTH_STATUSES.includes(a.health) || typeof a.name !== 'string') fail('bad application');
      for (const step of [...e.workflows.preAction, ...e.workflows.postAction]) {
        if (!STATUSES.includes(step.status) || typeof step.name !== 'string') fail('bad workflow step');
        for (const run of step.runs) if (!STATUSES.includes(run.status) || (run.url !== undefined && !/^https?:/.test(run.url))) fail('bad run');
      }
      for (const issue of e.issues) if (typeof issue.message !== 'string' || !['workflow', 'application', 'git'].includes(issue.kind)) fail('bad issue');
    }
  };

  // Each fixture, how it is converted, and what its error paths start from (`$`, or `options` for the promotion's statuses).
  const self = (input: Json) => input;
  const fixtures: Array<[string, unknown, (input: Json) => Release[], (input: Json, path: string) => unknown]> = [
    ['codefresh-release.json', releaseFixture, (input) => [fromCodefreshRelease(input)], self],
    ['codefresh-release-failed.json', failedFixture, (input) => [fromCodefreshRelease(input)], self],
    [
      'codefresh-promotion.json',
      promotionFixture,
      (input) => [fromCodefreshPromotion(input.promotion, { environmentStatuses: input.environmentStatuses })],
      (input, path) => (path.startsWith('options') ? { environmentStatuses: input.environmentStatuses } : input.promotion),
    ],
    ['codefresh-releases-page.json', pageFixture, (input) => fromCodefreshReleasesPage(input).releases, self],
  ];

  it.each(fixtures)('%s: 10,000 mutations', (_name, fixture, convert, rootOf) => {
    // Frozen: the adapter must not change its input (it would throw here if it tried).
    const base = deepFreeze(clone(fixture));
    const outcomes = { valid: 0, rejected: 0 };
    fc.assert(
      fc.property(mutationsArb, (mutations) => {
        const input = mutated(base, mutations) as Json;
        let releases: Release[];
        try {
          releases = convert(input);
        } catch (error) {
          expect(isReleaseDataError(error), String(error)).toBe(true);
          const { path, value, message } = error as ReleaseDataError;
          expect(message).toContain(path);
          // The path leads to the value the error carries (for a cycle, the dependsOn entry that closes it).
          const found = at(rootOf(input, path), path);
          if (!Object.is(found, value)) expect.fail(`${path} leads to ${typeof found}, the error carries ${typeof value}: ${message}`);
          outcomes.rejected++;
          return;
        }
        outcomes.valid++;
        for (const release of releases) checkRelease(release);
        if (!isPlainData(releases)) expect.fail('not plain data');
      }),
      { numRuns: 10_000, seed: 20261126 },
    );
    // Both outcomes happen: the mutations reach the validation and leave many releases usable.
    expect(outcomes.valid).toBeGreaterThan(1_000);
    expect(outcomes.rejected).toBeGreaterThan(1_000);
  }, 30_000);
});
