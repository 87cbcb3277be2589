import { describe, it, expect } from 'vitest';
import { ReleaseDataError } from '../../src/headless/adapters/errors';
import { isTerminalStatus } from '../../src/headless/model/status';
import type { EnvironmentStep, PromotionFlow, Release, Status } from '../../src/headless/model/types';
import {
  SAMPLE_FLEET_SHAPES,
  SAMPLE_FLOW_SHAPES,
  SAMPLE_STATES,
  sampleFlow,
  sampleRelease,
  sampleReleaseHistory,
  simulatePromotion,
} from '../../src/headless/sample';
import { downstream, expectConsistent, expectValidDag, time } from './sample-checks';

// The fleet shapes (thousands of grouped targets, several failures in a wave) keep their own
// invariants, in sample-fleet.test.ts.
const SHAPES = SAMPLE_FLOW_SHAPES.filter((shape) => !(SAMPLE_FLEET_SHAPES as readonly string[]).includes(shape));

describe('sampleFlow', () => {
  it.each(SHAPES)('%s is a valid DAG with one trigger environment', (shape) => {
    const flow = sampleFlow(shape);
    expectValidDag(flow);
    for (const env of flow.environments) {
      expect(env.kind).toBe(/(^|-)prod/.test(env.name) ? 'production' : 'non-production');
    }
  });

  it('has the documented sizes and shapes', () => {
    expect(sampleFlow('sequential').environments.map((e) => e.name)).toEqual(['dev', 'qa', 'staging', 'production']);
    expect(sampleFlow('parallel').environments.find((e) => e.name === 'production')?.dependsOn).toEqual(['qa', 'staging']);
    expect(downstream(sampleFlow('regions').environments, 'production')).toEqual(new Set(['prod-eu', 'prod-us', 'prod-asia']));
    expect(sampleFlow('manual').environments).toHaveLength(1);
    expect(sampleFlow('large').environments).toHaveLength(40);
    expect(sampleFlow('huge').environments).toHaveLength(300);
  });

  it('generates large flows as regional rollouts: preprod diamond, then waves per region ending in production', () => {
    for (const shape of ['large', 'huge'] as const) {
      const envs = sampleFlow(shape).environments;
      expect(envs.slice(0, 4).map((e) => e.name)).toEqual(['dev', 'qa', 'staging', 'preprod']);
      for (const env of envs.slice(4)) {
        expect(env.name).toMatch(/^[a-z]{2}-[a-z]+-\d-[a-z]+-\d{2,3}$/);
        expect(env.dependsOn.length).toBeGreaterThanOrEqual(1);
        expect(env.dependsOn.length).toBeLessThanOrEqual(2);
      }
      expect(envs.at(-1)?.kind).toBe('production');
      expect(envs.filter((e) => e.kind === 'production').length).toBeGreaterThan(0);
      // Production comes after the stages of its branch: nothing non-production depends on production.
      const kind = new Map(envs.map((e) => [e.name, e.kind]));
      for (const env of envs) {
        if (env.kind !== 'production') expect(env.dependsOn.every((d) => kind.get(d) !== 'production')).toBe(true);
      }
      // A wide graph, not a chain: every environment is downstream of dev, and several follow preprod.
      expect(downstream(envs, 'dev').size).toBe(envs.length - 1);
      expect(envs.filter((e) => e.dependsOn.includes('preprod')).length).toBeGreaterThanOrEqual(3);
      expect(envs.some((e) => e.dependsOn.length === 2 && e.name !== 'preprod')).toBe(true);
    }
  });

  it('is deterministic per seed', () => {
    expect(sampleFlow('huge')).toEqual(sampleFlow('huge'));
    expect(sampleFlow('large', 7)).toEqual(sampleFlow('large', 7));
    expect(sampleFlow('large', 7)).not.toEqual(sampleFlow('large', 8));
  });
});

describe('sampleRelease', () => {
  const cases = SHAPES.flatMap((shape) => SAMPLE_STATES.map((state) => [shape, state] as const));

  it.each(cases)('%s / %s keeps the model invariants', (shape, state) => {
    const release = sampleRelease({ shape, state });
    expectConsistent(release);
    const flow = sampleFlow(shape);
    expect(release.environments.map((e) => [e.name, e.dependsOn])).toEqual(flow.environments.map((e) => [e.name, e.dependsOn]));
    expect(release.flow).toEqual(shape === 'manual' ? null : { name: flow.name });
    expect(release.trigger.kind).toBe(shape === 'manual' ? 'manual' : 'git-commit');
    expect(release.source?.system).toBe('sample');
    expect(release.updatedAt).toBe('2026-11-20T10:00:00.000Z');
  });

  it('is deterministic: same options give deep-equal releases, another seed another release', () => {
    expect(sampleRelease({ state: 'failed', seed: 3 })).toEqual(sampleRelease({ state: 'failed', seed: 3 }));
    expect(sampleRelease({ state: 'failed', seed: 3 })).not.toEqual(sampleRelease({ state: 'failed', seed: 4 }));
  });

  it('succeeded: every environment succeeded and the release finished', () => {
    const release = sampleRelease({ state: 'succeeded', shape: 'regions' });
    expect(release.status).toBe('succeeded');
    expect(release.finishedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(release.error).toBeUndefined();
    for (const env of release.environments) {
      expect(env.status).toBe('succeeded');
      expect(env.statusText).toBe('Completed Successfully');
    }
    expect(release.hooks?.map((h) => [h.event, h.status])).toEqual([
      ['on-start', 'succeeded'],
      ['on-success', 'succeeded'],
    ]);
  });

  it.each(['sequential', 'parallel', 'regions', 'large'] as const)('running (%s): some done, some running with a live subtitle, later ones pending', (shape) => {
    const release = sampleRelease({ state: 'running', shape });
    expect(release.status).toBe('running');
    expect(release.finishedAt).toBeUndefined();
    const statuses = release.environments.map((e) => e.status);
    expect(statuses).toContain('succeeded');
    expect(statuses).toContain('pending');
    const running = release.environments.filter((e) => e.status === 'running');
    expect(running.length).toBeGreaterThanOrEqual(1);
    expect(running.map((e) => e.statusText)).toContain('Waiting For App To Sync');
    for (const env of running) {
      expect(['Running Pre-Action Workflow', 'Waiting For App To Sync', 'Running Post-Action Workflow']).toContain(env.statusText);
    }
    const syncing = running.find((e) => e.statusText === 'Waiting For App To Sync');
    expect(syncing?.applications.some((a) => a.sync === 'syncing' && a.health === 'progressing')).toBe(true);
  });

  it.each([1, 2, 3])('running (parallel, seed %i): both fan-out environments are under way at once', (seed) => {
    const release = sampleRelease({ state: 'running', shape: 'parallel', seed });
    expect(release.environments.map((e) => e.status)).toEqual(['succeeded', 'running', 'running', 'pending']);
  });

  it.each(['sequential', 'parallel', 'regions', 'manual'] as const)('suspended-pr (%s): an open pull request holds the release', (shape) => {
    const release = sampleRelease({ state: 'suspended-pr', shape });
    expect(release.status).toBe('suspended');
    expect(release.statusReason).toMatch(/pull request/);
    const suspended = release.environments.filter((e) => e.status === 'suspended');
    expect(suspended).toHaveLength(1);
    const env = suspended[0] as EnvironmentStep;
    expect(env.statusText).toBe('Waiting For Pull Request Merge');
    expect(env.pullRequest?.state).toBe('open');
    expect(env.pullRequest?.url).toMatch(/^https:\/\/github\.com\/.+\/pull\/\d+$/);
    expect(release.environments.filter((e) => e.pullRequest)).toHaveLength(1);
    for (const name of downstream(release.environments, env.name)) {
      expect(release.environments.find((e) => e.name === name)?.status).toBe('pending');
    }
  });

  it.each(SHAPES)('failed (%s): one environment fails with issues, downstream never starts', (shape) => {
    const release = sampleRelease({ state: 'failed', shape });
    expect(release.status).toBe('failed');
    expect(release.error?.code).toBe('STEP_FAILED');
    expect(release.error?.message).toMatch(/failed/);
    expect(release.finishedAt).toBeDefined();
    const failed = release.environments.filter((e) => e.status === 'failed');
    expect(failed).toHaveLength(1);
    const env = failed[0] as EnvironmentStep;
    expect(env.issues.some((i) => i.level === 'error')).toBe(true);
    expect(release.environments.filter((e) => e.issues.some((i) => i.level === 'error'))).toEqual([env]);
    const steps = [...env.workflows.trigger, ...env.workflows.preAction, ...env.workflows.postAction];
    const failedStep = steps.some((s) => s.status === 'failed');
    const degraded = env.applications.some((a) => a.health === 'degraded');
    expect(failedStep || degraded).toBe(true);
    for (const name of downstream(release.environments, env.name)) {
      const d = release.environments.find((e) => e.name === name);
      expect(d?.status).toBe('pending');
      expect(d?.startedAt).toBeUndefined();
    }
    if (shape !== 'manual') expect(downstream(release.environments, env.name).size).toBeGreaterThan(0);
    expect(release.hooks?.map((h) => h.event)).toEqual(['on-start', 'on-failure']);
  });

  it('failed: issue messages read like the real product', () => {
    const messages = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) =>
      sampleRelease({ state: 'failed', seed }).environments.flatMap((e) => e.issues.map((i) => `${i.kind}/${i.level}: ${i.message}`)),
    );
    expect(messages.some((m) => /^workflow\/error: Workflow [a-z-]+-[a-z0-9]{5} failed: exit code 1$/.test(m))).toBe(true);
    expect(messages.some((m) => /^application\/error: Application [a-z-]+ is Degraded: /.test(m))).toBe(true);
    expect(messages.some((m) => m.startsWith('git/warning: '))).toBe(true);
  });

  it.each(SHAPES)('terminated (%s): downstream environments never run', (shape) => {
    const release = sampleRelease({ state: 'terminated', shape });
    expect(release.status).toBe('terminated');
    expect(release.error?.code).toBe('RELEASE_TERMINATED');
    const terminated = release.environments.filter((e) => e.status === 'terminated');
    expect(terminated.length).toBeGreaterThanOrEqual(1);
    expect(release.environments.some((e) => e.status === 'running')).toBe(false);
    for (const env of terminated) {
      expect(env.finishedAt).toBe(release.finishedAt);
      for (const name of downstream(release.environments, env.name)) {
        const d = release.environments.find((e) => e.name === name);
        expect(d?.status).toBe('pending');
        expect(d?.startedAt).toBeUndefined();
      }
    }
  });

  it.each(SHAPES)('queued (%s): nothing has started', (shape) => {
    const release = sampleRelease({ state: 'queued', shape });
    expect(release.status).toBe('queued');
    expect(release.statusReason).toMatch(/queued/i);
    expect(release.createdAt).toBe('2026-11-20T10:00:00.000Z');
    for (const env of release.environments) expect(env.status).toBe('pending');
  });

  it('describes the trigger commit, the initiator and the notes', () => {
    const release = sampleRelease({ product: 'payments' });
    expect(release.product).toBe('payments');
    expect(release.version).toMatch(/^\d+\.\d+\.\d+$/);
    const commit = release.trigger.commit;
    expect(commit?.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(commit?.repoUrl).toBe('https://github.com/acme/payments-gitops');
    expect(commit?.branch).toBe('main');
    expect(commit?.url).toBe(`https://github.com/acme/payments-gitops/commit/${commit?.sha}`);
    expect(commit?.author?.email).toMatch(/@/);
    expect(release.initiator).toEqual(commit?.author);
    const notes = release.notes;
    expect(notes?.images.length).toBeGreaterThan(0);
    for (const image of notes?.images ?? []) {
      expect(image.reference).toMatch(/^ghcr\.io\/acme\/[a-z-]+:\d+\.\d+\.\d+@sha256:[0-9a-f]{64}$/);
    }
    const keys = notes?.issues.map((i) => i.key) ?? [];
    for (const key of keys) expect(key).toMatch(/^[A-Z]+-\d{4}$/);
    // The real product's data repeats issues; consumers must cope (and de-duplicate).
    expect(new Set(keys).size).toBeLessThan(keys.length);
    expect(notes?.pullRequests.length).toBeGreaterThan(0);
    expect(notes?.commits.length).toBeGreaterThan(0);
    expect(release.environments[0]?.applications[0]).toMatchObject({
      namespace: 'payments-dev',
      commitSha: commit?.sha,
      version: release.version,
    });
  });

  it('longNames makes environment, application and workflow names 60+ characters', () => {
    const release = sampleRelease({ longNames: true, state: 'running', shape: 'parallel' });
    expectConsistent(release);
    for (const env of release.environments) {
      expect(env.name.length).toBeGreaterThanOrEqual(60);
      for (const app of env.applications) expect(app.name.length).toBeGreaterThanOrEqual(60);
      for (const step of [...env.workflows.trigger, ...env.workflows.preAction, ...env.workflows.postAction]) {
        expect(step.name.length).toBeGreaterThanOrEqual(60);
      }
    }
    expect(release.trigger.environment.length).toBeGreaterThanOrEqual(60);
  });
});

describe('sampleReleaseHistory', () => {
  it('is a product history, newest first, with a realistic mix', () => {
    const history = sampleReleaseHistory({ count: 200 });
    expect(history).toHaveLength(200);
    for (const release of history) expectConsistent(release);
    const created = history.map((r) => time(r.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(history[0]?.status).toBe('running');
    const count = (status: string) => history.filter((r) => r.status === status).length;
    expect(count('queued')).toBe(1);
    expect(count('running')).toBe(1);
    expect(count('succeeded')).toBeGreaterThan(100);
    expect(count('failed')).toBeGreaterThan(0);
    expect(count('terminated')).toBeGreaterThan(0);
    const manual = history.filter((r) => r.flow === null);
    expect(manual.length).toBeGreaterThan(0);
    for (const release of manual) {
      expect(release.environments).toHaveLength(1);
      expect(release.trigger.kind).toBe('manual');
    }
    expect(new Set(history.map((r) => r.id)).size).toBe(200);
    expect(new Set(history.map((r) => r.initiator?.name)).size).toBeGreaterThan(2);
    // Versions rise with time: compare numerically, oldest to newest.
    const versions = history.map((r) => (r.version ?? '').split('.').map(Number)).reverse();
    for (let i = 1; i < versions.length; i++) {
      const [a = [], b = []] = [versions[i - 1], versions[i]];
      const cmp = (a[0]! - b[0]!) || (a[1]! - b[1]!) || (a[2]! - b[2]!);
      expect(cmp).toBeLessThan(0);
    }
    // Finished releases do not overlap in time.
    for (let i = 1; i < history.length; i++) {
      expect(time(history[i]?.finishedAt ?? history[i]?.createdAt)).toBeLessThanOrEqual(created[i - 1]!);
    }
  });

  it('defaults to 25 and is deterministic', () => {
    expect(sampleReleaseHistory()).toHaveLength(25);
    expect(sampleReleaseHistory({ seed: 5 })).toEqual(sampleReleaseHistory({ seed: 5 }));
    expect(sampleReleaseHistory({ seed: 5 })).not.toEqual(sampleReleaseHistory({ seed: 6 }));
    expect(sampleReleaseHistory({ shape: 'parallel', count: 3 })[0]?.flow).toEqual({ name: 'parallel-flow' });
  });

  // How fast is measured in bench/layout.mjs (speed is never asserted by a unit test).
  it('builds 10,000 releases, each its own', () => {
    const history = sampleReleaseHistory({ count: 10_000 });
    expect(history).toHaveLength(10_000);
    expect(new Set(history.map((r) => r.id)).size).toBe(10_000);
  }, 30_000);
});

describe('simulatePromotion', () => {
  const rank = (status: Status) => (status === 'pending' || status === 'queued' ? 0 : isTerminalStatus(status) ? 2 : 1);

  it.each(['sequential', 'parallel', 'regions', 'large'] as const)('%s: moves forward from queued to succeeded', (shape) => {
    const flow = sampleFlow(shape);
    const snapshots = [...simulatePromotion(flow)];
    expect(snapshots.length).toBeGreaterThan(flow.environments.length * 3);
    expect(snapshots[0]?.status).toBe('queued');
    expect(snapshots[0]?.environments.every((e) => e.status === 'pending')).toBe(true);
    const last = snapshots.at(-1) as Release;
    expect(last.status).toBe('succeeded');
    expect(last.environments.every((e) => e.status === 'succeeded')).toBe(true);
    snapshots.slice(0, -1).forEach((s) => expect(isTerminalStatus(s.status)).toBe(false));
    let previous: Release | undefined;
    for (const [k, snapshot] of snapshots.entries()) {
      // The full check is slow on the 40-environment flow's hundreds of snapshots: sample them.
      if (shape !== 'large' || k % 20 === 0) expectConsistent(snapshot);
      expect(snapshot.id).toBe(last.id);
      if (previous) {
        expect(time(snapshot.updatedAt)).toBeGreaterThanOrEqual(time(previous.updatedAt));
        snapshot.environments.forEach((env, i) => {
          expect(rank(env.status)).toBeGreaterThanOrEqual(rank(previous!.environments[i]!.status));
        });
        expect(snapshot).not.toEqual(previous);
      }
      previous = snapshot;
    }
  }, 60_000);

  it('walks each environment through its phases in order', () => {
    const texts = new Map<string, string[]>();
    for (const snapshot of simulatePromotion(sampleFlow('sequential'))) {
      for (const env of snapshot.environments) {
        const seen = texts.get(env.name) ?? [];
        if (seen.at(-1) !== env.statusText) seen.push(env.statusText ?? '');
        texts.set(env.name, seen);
      }
    }
    expect(texts.get('dev')?.[0]).toBe('Pending Execution');
    expect(texts.get('dev')).toContain('Running Trigger Workflow');
    const qa = texts.get('qa') ?? [];
    expect(qa[0]).toBe('Pending Execution');
    expect(qa[1]).toBe('Running Pre-Action Workflow');
    expect(qa.at(-1)).toBe('Completed Successfully');
    const sync = qa.indexOf('Waiting For App To Sync');
    expect(sync).toBeGreaterThan(1);
    const post = qa.indexOf('Running Post-Action Workflow');
    if (post >= 0) expect(post).toBeGreaterThan(sync);
  });

  it('runs fan-out in parallel and holds fan-in until all dependencies succeed', () => {
    const snapshots = [...simulatePromotion(sampleFlow('parallel'))];
    const status = (s: Release, name: string) => s.environments.find((e) => e.name === name)?.status;
    expect(snapshots.some((s) => status(s, 'qa') === 'running' && status(s, 'staging') === 'running')).toBe(true);
    for (const s of snapshots) {
      if (status(s, 'production') !== 'pending') {
        expect(status(s, 'qa')).toBe('succeeded');
        expect(status(s, 'staging')).toBe('succeeded');
      }
    }
    const regions = [...simulatePromotion(sampleFlow('regions'))];
    expect(regions.some((s) => ['prod-eu', 'prod-us', 'prod-asia'].every((n) => status(s, n) === 'running'))).toBe(true);
  });

  it('yields new object trees and never changes an earlier snapshot', () => {
    const iterator = simulatePromotion(sampleFlow('parallel'));
    const first = iterator.next().value as Release;
    const frozen = JSON.stringify(first);
    const rest = [...iterator];
    expect(JSON.stringify(first)).toBe(frozen);
    const all = [first, ...rest];
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(b).not.toBe(a);
      expect(b.environments).not.toBe(a.environments);
      b.environments.forEach((env, j) => {
        expect(env).not.toBe(a.environments[j]);
        expect(env.applications).not.toBe(a.environments[j]?.applications);
      });
      expect(b.notes).not.toBe(a.notes);
      expect(b.trigger).not.toBe(a.trigger);
    }
  });

  it('is deterministic per seed', () => {
    const flow = sampleFlow('regions');
    expect([...simulatePromotion(flow, { seed: 9 })]).toEqual([...simulatePromotion(flow, { seed: 9 })]);
    expect([...simulatePromotion(flow, { seed: 9 })]).not.toEqual([...simulatePromotion(flow, { seed: 10 })]);
  });

  it('starts at `start` and advances time', () => {
    const snapshots = [...simulatePromotion(sampleFlow('sequential'), { start: '2026-01-01T00:00:00.000Z' })];
    expect(snapshots[0]?.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(time(snapshots.at(-1)?.finishedAt)).toBeGreaterThan(time('2026-01-01T00:05:00.000Z'));
  });

  it('failAt fails that environment and leaves everything downstream pending', () => {
    const flow = sampleFlow('regions');
    const snapshots = [...simulatePromotion(flow, { failAt: 'production' })];
    const last = snapshots.at(-1) as Release;
    expect(last.status).toBe('failed');
    expect(last.error?.code).toBe('STEP_FAILED');
    const production = last.environments.find((e) => e.name === 'production');
    expect(production?.status).toBe('failed');
    expect(production?.issues.some((i) => i.level === 'error')).toBe(true);
    for (const name of ['prod-eu', 'prod-us', 'prod-asia']) {
      for (const s of snapshots) expect(s.environments.find((e) => e.name === name)?.status).toBe('pending');
    }
    for (const s of snapshots.slice(0, -1)) expect(s.status === 'queued' || s.status === 'running').toBe(true);
  });

  it('in a parallel flow, a failure on one branch lets the other finish but blocks the fan-in', () => {
    const last = [...simulatePromotion(sampleFlow('parallel'), { failAt: 'qa' })].at(-1) as Release;
    expect(last.environments.map((e) => e.status)).toEqual(['succeeded', 'failed', 'succeeded', 'pending']);
    expect(last.status).toBe('failed');
  });

  it('accepts a flow in any order and rejects broken ones', () => {
    const flow: PromotionFlow = {
      name: 'custom',
      trigger: 'dev',
      environments: [
        { name: 'prod', dependsOn: ['dev'] },
        { name: 'dev', dependsOn: [] },
      ],
    };
    const last = [...simulatePromotion(flow)].at(-1);
    expect(last?.environments.map((e) => [e.name, e.status])).toEqual([
      ['prod', 'succeeded'],
      ['dev', 'succeeded'],
    ]);
    expect(time(last?.environments[0]?.startedAt)).toBeGreaterThan(time(last?.environments[1]?.finishedAt));
    const cyclic = { ...flow, environments: [{ name: 'dev', dependsOn: ['prod'] }, { name: 'prod', dependsOn: ['dev'] }] };
    expect(() => [...simulatePromotion(cyclic)]).toThrow(ReleaseDataError);
    expect(() => [...simulatePromotion(cyclic)]).toThrow(/cycle: dev -> prod -> dev/);
    const unknown = { ...flow, environments: [{ name: 'dev', dependsOn: [] }, { name: 'prod', dependsOn: ['qa'] }] };
    expect(() => [...simulatePromotion(unknown)]).toThrow(/"prod" depends on "qa"/);
    expect(() => [...simulatePromotion(flow, { failAt: 'nowhere' })]).toThrow(ReleaseDataError);
    expect(() => [...simulatePromotion(flow, { failAt: 'nowhere' })]).toThrow(/nowhere/);
  });
});
