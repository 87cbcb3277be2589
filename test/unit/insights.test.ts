import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ReleaseDataError,
  computeDeliveryMetrics,
  type Commit,
  type DeliveryMetrics,
  type EnvironmentStep,
  type Release,
  type Status,
  type WorkflowStep,
} from '../../src/headless';
import { bisectRight, select } from '../../src/headless/insights/numbers';
import { isoMs } from '../../src/headless/insights/time';

const M = 60_000;
const H = 60 * M;

/** One environment of a hand-written release: its status, and start and finish in minutes after the release's creation. */
interface Spec {
  status: Status;
  start?: number;
  finish?: number;
  pre?: Array<[name: string, status: Status]>;
  post?: Array<[name: string, status: Status]>;
  trigger?: Array<[name: string, status: Status]>;
}
const steps = (list: Array<[string, Status]> = []): WorkflowStep[] => list.map(([name, status]) => ({ name, status, runs: [] }));
const FLOW: Array<[name: string, dependsOn: string[], production: boolean]> = [
  ['dev', [], false],
  ['staging', ['dev'], false],
  ['prod-eu', ['staging'], true],
  ['prod-us', ['staging'], true],
];
/** By default every environment succeeds: dev 5-15, staging 20-40, prod-eu 45-65, prod-us 50-80 minutes after creation. */
const DEFAULTS: Record<string, Spec> = {
  dev: { status: 'succeeded', start: 5, finish: 15 },
  staging: { status: 'succeeded', start: 20, finish: 40 },
  'prod-eu': { status: 'succeeded', start: 45, finish: 65 },
  'prod-us': { status: 'succeeded', start: 50, finish: 80 },
};
function environmentOf(name: string, dependsOn: string[], production: boolean, spec: Spec, created: number): EnvironmentStep {
  return {
    name,
    kind: production ? 'production' : 'non-production',
    dependsOn,
    status: spec.status,
    ...(spec.start !== undefined && { startedAt: new Date(created + spec.start * M).toISOString() }),
    ...(spec.finish !== undefined && { finishedAt: new Date(created + spec.finish * M).toISOString() }),
    workflows: { trigger: steps(spec.trigger), preAction: steps(spec.pre), postAction: steps(spec.post) },
    applications: [],
    issues: [],
  };
}
const commit = (sha: string, date?: string): Commit => ({ sha, ...(date && { date }) });
/** A release of the flow dev → staging → {prod-eu, prod-us}, created at `createdAt`; `specs` overrides the defaults. */
function release(
  id: string,
  createdAt: string,
  specs: Partial<Record<string, Partial<Spec>>>,
  commits: { trigger?: Commit; notes?: Commit[] } = {},
  more: Partial<Release> & { extra?: Array<[string, string[], Spec]> } = {},
): Release {
  const created = Date.parse(createdAt);
  const { extra = [], ...rest } = more;
  return {
    id,
    product: 'checkout',
    flow: { name: 'default' },
    status: 'succeeded',
    trigger: { kind: commits.trigger ? 'git-commit' : 'manual', environment: 'dev', ...(commits.trigger && { commit: commits.trigger }) },
    createdAt,
    environments: [
      ...FLOW.map(([name, dependsOn, production]) => environmentOf(name, dependsOn, production, { ...DEFAULTS[name]!, ...specs[name] }, created)),
      ...extra.map(([name, dependsOn, spec]) => environmentOf(name, dependsOn, false, spec, created)),
    ],
    ...(commits.notes && { notes: { images: [], issues: [], pullRequests: [], commits: commits.notes } }),
    ...rest,
  };
}

// The hand-written history. The window is the 7 days [11-23, 11-30), the previous one [11-16, 11-23).
// Deployments (time = the latest finishedAt of the targets that took part, or of the first failed one):
const r0 = release('r0', '2026-10-31T10:00:00Z', {}, { trigger: commit('c0', '2026-10-31T09:00:00Z'), notes: [commit('cX', '2026-10-30T12:00:00Z')] }); // success 10-31 11:20, before both windows
const r1 = release('r1', '2026-11-18T10:00:00Z', {}, { trigger: commit('c1', '2026-11-18T08:00:00Z') }); // success 11-18 11:20 (previous)
const r2 = release(
  'r2',
  '2026-11-20T10:00:00Z',
  { 'prod-eu': { status: 'failed', post: [['smoke', 'failed']] } },
  { trigger: commit('c2', '2026-11-20T09:00:00Z') },
); // failed 11-20 11:05 at prod-eu (previous)
const r3 = release('r3', '2026-11-22T10:00:00Z', {}, { trigger: commit('c3', '2026-11-22T07:20:00Z'), notes: [commit('c2', '2026-11-20T09:00:00Z')] }); // success 11-22 11:20 (previous)
const r4 = release('r4', '2026-11-22T20:00:00Z', { 'prod-us': { status: 'failed' } }, { trigger: commit('cF', '2026-11-22T19:00:00Z') }); // failed 11-22 21:20 at prod-us (previous)
const r5 = release(
  'r5',
  '2026-11-23T10:00:00Z',
  { staging: { pre: [['integration-tests', 'succeeded']] }, 'prod-eu': { finish: 75, post: [['smoke', 'succeeded']] } },
  {
    trigger: commit('c5', '2026-11-23T09:00:00Z'),
    notes: [commit('c5', '2026-11-23T09:00:00Z'), commit('cX', '2026-10-30T12:00:00Z'), commit('cN'), commit('cF', '2026-11-22T19:00:00Z')],
  },
); // success 11-23 11:20 (prod-eu 11:15, prod-us 11:20)
const r6 = release(
  'r6',
  '2026-11-24T10:00:00Z',
  { dev: { trigger: [['build', 'failed']] }, 'prod-us': { status: 'error', finish: undefined, pre: [['approve', 'error']] } },
  { trigger: commit('c6', '2026-11-24T09:30:00Z') },
  { updatedAt: '2026-11-24T12:00:00Z', status: 'failed' },
); // failed at prod-us without finishedAt: the release's latest known time, updatedAt 11-24 12:00
const r7 = release(
  'r7',
  '2026-11-24T14:00:00Z',
  { 'prod-eu': { status: 'terminated', post: [['smoke', 'terminated']] }, 'prod-us': { status: 'failed' } },
  { notes: [commit('c6', '2026-11-24T09:30:00Z')] },
  { status: 'failed', extra: [['approval', ['dev'], { status: 'succeeded', start: 16, finish: 18 }]] },
); // failed 11-24 15:05 at prod-eu, the first failed target in the release's order (prod-us failed 15:20)
const r8 = release(
  'r8',
  '2026-11-25T10:00:00Z',
  { staging: { pre: [['integration-tests', 'succeeded']] }, 'prod-eu': { finish: 85 } },
  { trigger: commit('c8', '2026-11-25T08:20:00Z'), notes: [commit('c6', '2026-11-24T09:30:00Z')] },
); // success 11-25 11:25 (prod-eu finished last)
const r9 = release('r9', '2026-11-26T10:00:00Z', { staging: { finish: 45 }, 'prod-eu': { status: 'skipped', start: undefined, finish: undefined } }); // success 11-26 11:20: only prod-us took part
const r10 = release(
  'r10',
  '2026-11-27T10:00:00Z',
  {
    dev: { finish: 25 },
    staging: { status: 'failed', start: 30, pre: [['integration-tests', 'failed']] },
    'prod-eu': { status: 'pending', start: undefined, finish: undefined },
    'prod-us': { status: 'pending', start: undefined, finish: undefined },
  },
  {},
  { status: 'failed', extra: [['canary', ['staging'], { status: 'skipped' }]] },
); // no deployment: no target started
const r11 = release(
  'r11',
  '2026-11-28T10:00:00Z',
  { 'prod-eu': { status: 'failed', finish: 75, post: [['smoke', 'failed']] }, 'prod-us': { status: 'running', finish: undefined, trigger: [['notify', 'skipped']] } },
  {},
  { status: 'running' },
); // failed 11-28 11:15 at prod-eu; no success after it
const r12 = release(
  'r12',
  '2026-11-29T10:00:00Z',
  { 'prod-eu': { finish: 95, post: [['smoke', 'pending']] }, 'prod-us': { status: 'running', finish: undefined } },
  {},
  { status: 'running' },
); // still running: neither
const HISTORY = [r12, r11, r10, r9, r8, r7, r6, r5, r4, r3, r2, r1, r0];
const NOW = '2026-11-30T00:00:00Z';

describe('computeDeliveryMetrics on a hand-written history', () => {
  const metrics = computeDeliveryMetrics(HISTORY, { now: NOW, days: 7 });

  it('computes the four keys of the window', () => {
    expect(metrics.window).toEqual({ from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', days: 7 });
    // Successes r5, r8, r9: 3 in 7 days.
    expect(metrics.deploymentFrequency).toEqual({ deployments: 3, perDay: 3 / 7, perWeek: 3 });
    // r5: c5 09:00 → 11:20 = 2h20m = 8,400,000; cX reached the target in r0; cN has no date;
    //     cF (only in the failed r4 before) 11-22 19:00 → 11-23 11:20 = 16h20m = 58,800,000.
    // r8: c8 08:20 → 11:25 = 3h05m = 11,100,000; c6 (in the failed r6 and r7) 11-24 09:30 → 11-25 11:25 = 25h55m = 93,300,000.
    // r9 carries no commit. Sorted: 8.4M, 11.1M, 58.8M, 93.3M: median (11.1M + 58.8M) / 2; p90 sorted[ceil(3.6) − 1 = 3].
    expect(metrics.changeLeadTime).toEqual({ medianMs: 34_950_000, p90Ms: 93_300_000, changes: 4 });
    // Failed r6, r7, r11; 3 of 6.
    expect(metrics.changeFailRate).toEqual({ rate: 0.5, failed: 3, deployments: 6 });
    // r6 11-24 12:00 → r8 11-25 11:25 = 23h25m = 84,300,000; r7 15:05 → 11:25 = 20h20m = 73,200,000;
    // r11 has no success after it. Median (84.3M + 73.2M) / 2.
    expect(metrics.failedDeploymentRecoveryTime).toEqual({ medianMs: 78_750_000, recoveries: 2, unrecovered: 1 });
  });

  it('computes the same keys for the window before', () => {
    expect(metrics.previous).toEqual({
      window: { from: '2026-11-16T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z', days: 7 },
      // r1 and r3.
      deploymentFrequency: { deployments: 2, perDay: 2 / 7, perWeek: 2 },
      // r1: c1 08:00 → 11:20 = 3h20m = 12,000,000. r3: c3 07:20 → 11:20 = 4h = 14,400,000; c2 (only
      // in the failed r2 before) 11-20 09:00 → 11-22 11:20 = 50h20m = 181,200,000. p90: sorted[ceil(2.7) − 1 = 2].
      changeLeadTime: { medianMs: 14_400_000, p90Ms: 181_200_000, changes: 3 },
      // r2 and r4 failed: 2 of 4.
      changeFailRate: { rate: 0.5, failed: 2, deployments: 4 },
      // r2 11-20 11:05 → r3 11-22 11:20 = 48h15m = 173,700,000; r4 11-22 21:20 → r5 11-23 11:20 (in
      // the next window) = 14h = 50,400,000. Median (173.7M + 50.4M) / 2.
      failedDeploymentRecoveryTime: { medianMs: 112_050_000, recoveries: 2, unrecovered: 0 },
    });
  });

  it('measures every environment of the releases created in the window (r5 to r12)', () => {
    expect(metrics.environments).toEqual([
      // Newest release's order (r12), then the rest by name.
      // dev: 8 runs, all succeeded; durations 10m × 7 and 20m (r10): median 10m; it waits for nothing.
      { name: 'dev', runs: 8, succeeded: 8, failed: 0, successRate: 1, medianDurationMs: 600_000, medianWaitMs: null },
      // staging: r10 failed; durations 20m × 6, 25m (r9), 10m (r10): median 20m; waits all 5m.
      { name: 'staging', runs: 8, succeeded: 7, failed: 1, successRate: 0.875, medianDurationMs: 1_200_000, medianWaitMs: 300_000 },
      // prod-eu: r9 skipped, r10 pending: 6 runs; r7 terminated, r11 failed. Durations r5 30m, r6 20m,
      // r7 20m, r8 40m, r11 30m, r12 50m: sorted 20, 20, 30, 30, 40, 50: median 30m. Waits all 5m.
      { name: 'prod-eu', runs: 6, succeeded: 4, failed: 2, successRate: 4 / 6, medianDurationMs: 1_800_000, medianWaitMs: 300_000 },
      // prod-us: r10 pending: 7 runs; r6 error, r7 failed; r11, r12 running: 3 of 5 finished succeeded.
      // Durations (r5, r7, r8, r9) 30m. Waits 10m, but 5m in r9 (staging finished at 45): median 10m.
      { name: 'prod-us', runs: 7, succeeded: 3, failed: 2, successRate: 0.6, medianDurationMs: 1_800_000, medianWaitMs: 600_000 },
      // approval (r7 only): 16 → 18 = 2m, waiting from dev's 15 = 1m.
      { name: 'approval', runs: 1, succeeded: 1, failed: 0, successRate: 1, medianDurationMs: 120_000, medianWaitMs: 60_000 },
      // canary (r10 only) was skipped.
      { name: 'canary', runs: 0, succeeded: 0, failed: 0, successRate: null, medianDurationMs: null, medianWaitMs: null },
    ]);
  });

  it('ranks the failing steps of the window', () => {
    expect(metrics.failingSteps).toEqual([
      // r7 terminated, r11 failed, r5 succeeded (r12's pending one did not run; r2's is before the window).
      { environment: 'prod-eu', section: 'postAction', name: 'smoke', failures: 2, runs: 3 },
      // r10 failed, r5 and r8 succeeded.
      { environment: 'staging', section: 'preAction', name: 'integration-tests', failures: 1, runs: 3 },
      // One failure in one run each: by environment name.
      { environment: 'dev', section: 'trigger', name: 'build', failures: 1, runs: 1 },
      { environment: 'prod-us', section: 'preAction', name: 'approve', failures: 1, runs: 1 },
    ]);
  });

  it('cuts the window into days', () => {
    const day = (d: number) => `2026-11-${d}T00:00:00.000Z`;
    expect(metrics.series).toEqual([
      // r5: median of 8.4M and 58.8M.
      { from: day(23), to: day(24), deployments: 1, failed: 0, medianLeadTimeMs: 33_600_000 },
      // r6 and r7.
      { from: day(24), to: day(25), deployments: 0, failed: 2, medianLeadTimeMs: null },
      // r8: median of 11.1M and 93.3M.
      { from: day(25), to: day(26), deployments: 1, failed: 0, medianLeadTimeMs: 52_200_000 },
      // r9: no changes.
      { from: day(26), to: day(27), deployments: 1, failed: 0, medianLeadTimeMs: null },
      { from: day(27), to: day(28), deployments: 0, failed: 0, medianLeadTimeMs: null },
      // r11.
      { from: day(28), to: day(29), deployments: 0, failed: 1, medianLeadTimeMs: null },
      { from: day(29), to: day(30), deployments: 0, failed: 0, medianLeadTimeMs: null },
    ]);
  });

  it('cuts a window into weeks from Monday, clipped to the window', () => {
    // 11-20 is a Friday, 11-23 a Monday.
    const weeks = computeDeliveryMetrics(HISTORY, { now: NOW, days: 10, bucket: 'week' }).series;
    expect(weeks).toEqual([
      // r2 failed (11-20), r3 succeeded (c3 4h, c2 50h20m: median 27h10m = 97,800,000), r4 failed.
      { from: '2026-11-20T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z', deployments: 1, failed: 2, medianLeadTimeMs: 97_800_000 },
      // r5, r8, r9 and r6, r7, r11: lead times as above, median 34,950,000.
      { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', deployments: 3, failed: 3, medianLeadTimeMs: 34_950_000 },
    ]);
  });

  it('lists the failed deployments newest first', () => {
    expect(metrics.failedDeployments).toEqual([
      { release: r11, at: '2026-11-28T11:15:00.000Z', environment: 'prod-eu', recoveryMs: null },
      { release: r7, at: '2026-11-24T15:05:00.000Z', environment: 'prod-eu', recoveryMs: 73_200_000 },
      { release: r6, at: '2026-11-24T12:00:00.000Z', environment: 'prod-us', recoveryMs: 84_300_000 },
    ]);
    expect(metrics.failedDeployments[0]!.release).toBe(r11);
  });

  it('follows the value stream along the flow', () => {
    // Paths: r5 dev → staging → prod-us (finished last, 11:20); r8 dev → staging → prod-eu (11:25);
    // r9 dev → staging → prod-us (prod-eu skipped).
    expect(metrics.valueStream).toEqual([
      // r5: created 11-23 10:00 − its oldest new commit cF 11-22 19:00 = 15h = 54,000,000; r8: 11-25
      // 10:00 − c6 11-24 09:30 = 24h30m = 88,200,000; r9 has none. Median 71,100,000.
      { kind: 'commit', medianMs: 71_100_000 },
      // The trigger waits from the release's creation: 5m in all three; runs 10m.
      { kind: 'wait', environment: 'dev', medianMs: 300_000 },
      { kind: 'run', environment: 'dev', medianMs: 600_000 },
      // Waits 5m; runs 20m, 20m, 25m.
      { kind: 'wait', environment: 'staging', medianMs: 300_000 },
      { kind: 'run', environment: 'staging', medianMs: 1_200_000 },
      // Both third on every path that has them: by name. prod-eu (r8): waits 5m, runs 40m.
      { kind: 'wait', environment: 'prod-eu', medianMs: 300_000 },
      { kind: 'run', environment: 'prod-eu', medianMs: 2_400_000 },
      // prod-us (r5, r9): waits 10m and 5m, runs 30m twice.
      { kind: 'wait', environment: 'prod-us', medianMs: 450_000 },
      { kind: 'run', environment: 'prod-us', medianMs: 1_800_000 },
    ]);
  });

  it('takes the same window from from and to, with the time as a string, milliseconds or a Date', () => {
    const to = Date.parse(NOW);
    expect(computeDeliveryMetrics(HISTORY, { from: new Date(to - 7 * 24 * H), to })).toEqual(metrics);
    expect(computeDeliveryMetrics(HISTORY, { now: new Date(to), days: 7 })).toEqual(metrics);
    // `to` wins over `now`, and `from` over `days`.
    expect(computeDeliveryMetrics(HISTORY, { now: '2030-01-01T00:00:00Z', to: NOW, from: '2026-11-23T00:00:00+00:00', days: 1 })).toEqual(metrics);
  });

  it('targets one environment by name, or by a predicate', () => {
    // prod-eu alone: r5 11:15, r6 11:05, r8 11:25, r12 11:35 succeeded; r7 15:05 and r11 11:15 failed.
    const eu = computeDeliveryMetrics(HISTORY, { now: NOW, days: 7, environment: 'prod-eu' });
    expect(eu.deploymentFrequency.deployments).toBe(4);
    expect(eu.changeFailRate).toEqual({ rate: 2 / 6, failed: 2, deployments: 6 });
    // r7 → r8 11-25 11:25 = 20h20m = 73,200,000; r11 → r12 11-29 11:35 = 24h20m = 87,600,000.
    expect(eu.failedDeploymentRecoveryTime).toEqual({ medianMs: 80_400_000, recoveries: 2, unrecovered: 0 });
    const predicate = computeDeliveryMetrics(HISTORY, { now: NOW, days: 7, environment: (env, release) => env.name === 'prod-eu' && release.id !== 'r12' });
    expect(predicate.deploymentFrequency.deployments).toBe(3);
    expect(predicate.failedDeploymentRecoveryTime.unrecovered).toBe(1);
  });

  it('has nothing to say about an empty history', () => {
    const empty = computeDeliveryMetrics([], { now: NOW, days: 2 });
    expect(empty).toEqual({
      window: { from: '2026-11-28T00:00:00.000Z', to: NOW.replace('Z', '.000Z'), days: 2 },
      deploymentFrequency: { deployments: 0, perDay: 0, perWeek: 0 },
      changeLeadTime: { medianMs: null, p90Ms: null, changes: 0 },
      changeFailRate: { rate: null, failed: 0, deployments: 0 },
      failedDeploymentRecoveryTime: { medianMs: null, recoveries: 0, unrecovered: 0 },
      previous: expect.objectContaining({ window: { from: '2026-11-26T00:00:00.000Z', to: '2026-11-28T00:00:00.000Z', days: 2 } }),
      environments: [],
      failingSteps: [],
      series: [
        { from: '2026-11-28T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z', deployments: 0, failed: 0, medianLeadTimeMs: null },
        { from: '2026-11-29T00:00:00.000Z', to: NOW.replace('Z', '.000Z'), deployments: 0, failed: 0, medianLeadTimeMs: null },
      ],
      failedDeployments: [],
      valueStream: [],
    });
  });
});

// ——— Properties ———

const FROM = Date.parse('2026-11-10T00:00:00Z');
const TO = Date.parse('2026-11-20T00:00:00Z');
const PREVIOUS_FROM = FROM - (TO - FROM);
const OPTIONS = { from: FROM, to: TO };
const STATUSES: Status[] = ['queued', 'pending', 'running', 'suspended', 'succeeded', 'succeeded', 'succeeded', 'failed', 'error', 'terminated', 'skipped', 'unknown'];

/** A random history of the flow dev → {a, b} (both production), times in [lo, hi), commits from a small pool of SHAs. */
const historyArb = (lo: number, hi: number, prefix = '', count = 12) =>
  fc
    .array(
      fc.record({
        created: fc.integer({ min: lo, max: hi - 4 * H }),
        statuses: fc.tuple(fc.constantFrom(...STATUSES), fc.constantFrom(...STATUSES)),
        finishes: fc.tuple(fc.option(fc.integer({ min: 0, max: 3 * H })), fc.option(fc.integer({ min: 0, max: 3 * H }))),
        commits: fc.array(fc.record({ sha: fc.constantFrom('s1', 's2', 's3', 's4', 's5', '__proto__'), date: fc.option(fc.integer({ min: lo - 5 * 24 * H, max: hi })) }), { maxLength: 4 }),
      }),
      { maxLength: count },
    )
    .map((specs) => specs.map((spec, i) => randomRelease(`${prefix}${i}`, spec, prefix)));

function randomRelease(
  id: string,
  spec: { created: number; statuses: [Status, Status]; finishes: [number | null, number | null]; commits: Array<{ sha: string; date: number | null }> },
  prefix: string,
): Release {
  const iso = (ms: number) => new Date(ms).toISOString();
  const target = (name: string, i: 0 | 1): EnvironmentStep => ({
    name,
    kind: 'production',
    dependsOn: ['dev'],
    status: spec.statuses[i],
    startedAt: iso(spec.created + 10 * M),
    ...(spec.finishes[i] !== null && { finishedAt: iso(spec.created + 10 * M + spec.finishes[i]!) }),
    workflows: { trigger: [], preAction: [], postAction: [] },
    applications: [],
    issues: [],
  });
  return {
    id,
    product: 'p',
    flow: { name: 'f' },
    status: 'running',
    trigger: { kind: 'git-commit', environment: 'dev' },
    createdAt: iso(spec.created),
    environments: [
      { name: 'dev', dependsOn: [], status: 'succeeded', startedAt: iso(spec.created), finishedAt: iso(spec.created + 5 * M), workflows: { trigger: [], preAction: [], postAction: [] }, applications: [], issues: [] },
      target('a', 0),
      target('b', 1),
    ],
    notes: { images: [], issues: [], pullRequests: [], commits: spec.commits.map((c) => ({ sha: prefix + c.sha, ...(c.date !== null && { date: iso(c.date) }) })) },
  };
}

/** The definitions, written the slow and obvious way. */
function bruteForce(releases: Release[], from: number, to: number) {
  const deployments = releases.flatMap((release) => {
    const targets = release.environments.filter((e) => e.kind === 'production' && !['queued', 'pending', 'skipped'].includes(e.status));
    if (!targets.length) return [];
    const failed = targets.find((e) => ['failed', 'error', 'terminated'].includes(e.status));
    const known = () => Math.max(...[release.createdAt, ...release.environments.flatMap((e) => [e.startedAt, e.finishedAt])].filter(Boolean).map((t) => Date.parse(t!)));
    if (failed) return [{ release, ok: false, time: failed.finishedAt ? Date.parse(failed.finishedAt) : known() }];
    if (targets.every((e) => e.status === 'succeeded')) {
      const times = targets.filter((e) => e.finishedAt).map((e) => Date.parse(e.finishedAt!));
      return [{ release, ok: true, time: times.length ? Math.max(...times) : known() }];
    }
    return [];
  });
  const shas = (r: Release) => (r.notes?.commits ?? []).map((c) => c.sha);
  const leadTimes: number[] = [];
  for (const d of deployments.filter((d) => d.ok && d.time >= from && d.time < to)) {
    const seen = new Set<string>();
    for (const c of d.release.notes!.commits) {
      if (seen.has(c.sha) || !c.date) continue;
      seen.add(c.sha);
      if (deployments.some((e) => e.ok && e.time < d.time && shas(e.release).includes(c.sha))) continue;
      leadTimes.push(Math.max(0, d.time - Date.parse(c.date)));
    }
  }
  const sorted = [...leadTimes].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    medianMs: n ? (n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2) : null,
    p90Ms: n ? sorted[Math.ceil(0.9 * n) - 1]! : null,
    changes: n,
  };
}

/** Everything but what releases outside the windows may change: the previous window and recoveries. */
const withoutPreviousAndRecoveries = (m: DeliveryMetrics) => ({
  ...m,
  previous: undefined,
  failedDeploymentRecoveryTime: undefined,
  failedDeployments: m.failedDeployments.map((f) => ({ ...f, recoveryMs: undefined })),
});

describe('computeDeliveryMetrics properties', () => {
  const history = historyArb(PREVIOUS_FROM - 3 * 24 * H, TO + 3 * 24 * H);

  it('keeps the fail rate within [0, 1]', () => {
    fc.assert(
      fc.property(history, (releases) => {
        const { changeFailRate: rate, previous } = computeDeliveryMetrics(releases, OPTIONS);
        for (const { rate: r, failed, deployments } of [rate, previous.changeFailRate]) {
          if (deployments === 0) expect(r).toBeNull();
          else expect(r).toBe(failed / deployments);
          if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
        }
      }),
    );
  });

  it('never lowers the frequency for one more successful deployment', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: FROM, max: TO - 4 * H }), (releases, created) => {
        const before = computeDeliveryMetrics(releases, OPTIONS).deploymentFrequency.deployments;
        const one = randomRelease('extra', { created, statuses: ['succeeded', 'succeeded'], finishes: [H, 2 * H], commits: [] }, '');
        const after = computeDeliveryMetrics([...releases, one], OPTIONS).deploymentFrequency.deployments;
        expect(after).toBe(before + 1);
      }),
    );
  });

  it('changes nothing but the previous window and recoveries for releases outside both windows', () => {
    const before = historyArb(PREVIOUS_FROM - 40 * 24 * H, PREVIOUS_FROM - 4 * 24 * H, 'old-', 6);
    const after = historyArb(TO, TO + 40 * 24 * H, 'new-', 6);
    fc.assert(
      fc.property(history, before, after, (releases, old, later) => {
        const base = computeDeliveryMetrics(releases, OPTIONS);
        const more = computeDeliveryMetrics([...later, ...releases, ...old], OPTIONS);
        expect(withoutPreviousAndRecoveries(more)).toEqual(withoutPreviousAndRecoveries(base));
      }),
    );
  });

  it('matches a brute-force change lead time', () => {
    fc.assert(
      fc.property(history, (releases) => {
        const metrics = computeDeliveryMetrics(releases, OPTIONS);
        expect(metrics.changeLeadTime).toEqual(bruteForce(releases, FROM, TO));
        expect(metrics.previous.changeLeadTime).toEqual(bruteForce(releases, PREVIOUS_FROM, FROM));
      }),
    );
  });

  it('gives the same answer for any order of the releases', () => {
    fc.assert(
      fc.property(
        history.chain((releases) => fc.tuple(fc.constant(releases), fc.shuffledSubarray(releases, { minLength: releases.length, maxLength: releases.length }))),
        ([releases, shuffled]) => {
          expect(computeDeliveryMetrics(shuffled, OPTIONS)).toEqual(computeDeliveryMetrics(releases, OPTIONS));
        },
      ),
    );
  });

  it('selects and bisects as sorting does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }), fc.nat(), fc.integer({ min: -6, max: 6 }), (values, at, x) => {
        const sorted = [...values].sort((a, b) => a - b);
        const k = at % values.length;
        const copy = Float64Array.from(values);
        expect(select(copy, k)).toBe(sorted[k]);
        expect([...copy.subarray(0, k)].every((v) => v <= sorted[k]!)).toBe(true);
        expect(bisectRight(sorted, x)).toBe(sorted.filter((v) => v <= x).length);
      }),
    );
  });

  it('reads canonical times exactly as Date.parse does', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })),
        fc.option(fc.integer({ min: 0, max: 999 })),
        ([y, mo, d, h, mi, s], ms) => {
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${ms === null ? '' : `.${pad(ms, 3)}`}Z`;
          expect(isoMs(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 2000 },
    );
    for (const text of ['2026-11-26T09:30:00+01:00', '2026-11-26', '2026-11-26T09:30:00.5Z', 'yesterday', '2026-11-26T09:3a:00Z', '+012026-11-26T09:30:00Z']) {
      expect(isoMs(text)).toBe(Date.parse(text));
    }
  });

  it('reads a time with any one character changed exactly as Date.parse does', () => {
    // Whatever stands where a digit, a separator or the zone should be (another digit, a letter,
    // a sign, a space, a character beyond ASCII), the answer is Date.parse's.
    const forms = ['2026-11-26T09:30:07Z', '2026-11-26T09:30:07.125Z', '2026-11-26T09:30:07+05:30', '2026-11-26T09:30:07.125-11:45'];
    fc.assert(
      fc.property(fc.constantFrom(...forms), fc.nat(), fc.constantFrom('0', '9', '/', ':', 'a', 'Z', '+', '-', '.', ' ', 'T', '\u0660', '\uFF11'), (form, at, char) => {
        const i = at % form.length;
        const text = form.slice(0, i) + char + form.slice(i + 1);
        expect(isoMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads times with an offset exactly as Date.parse does', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 })),
        fc.option(fc.integer({ min: 0, max: 999 })),
        fc.tuple(fc.constantFrom('+', '-', '*', ''), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom(':', '')),
        ([y, mo, d, h, mi], ms, [sign, oh, om, colon]) => {
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:07${ms === null ? '' : `.${pad(ms, 3)}`}${sign}${pad(oh, 2)}${colon}${pad(om, 2)}`;
          expect(isoMs(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// ——— Errors and hostile names ———

const errorOf = (run: () => unknown): ReleaseDataError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseDataError);
    return error as ReleaseDataError;
  }
  throw new Error('expected a ReleaseDataError');
};

describe('computeDeliveryMetrics on bad input', () => {
  const ok = release('ok', '2026-11-25T10:00:00Z', {}, { trigger: commit('t', '2026-11-25T09:00:00Z'), notes: [commit('n', '2026-11-25T08:00:00Z')] });
  // The edits write what the types forbid: untyped on purpose.
  type Untyped = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const at = (path: string, value: unknown, edit: (r: Untyped) => void, options: object = { now: NOW }) => {
    const bad = structuredClone(ok) as Untyped;
    edit(bad);
    const error = errorOf(() => computeDeliveryMetrics([ok, ok, ok, bad as Release], options));
    expect([error.path, error.value]).toEqual([path, value]);
  };

  it('names the release data it cannot read', () => {
    expect(errorOf(() => computeDeliveryMetrics({} as never)).path).toBe('$');
    expect(errorOf(() => computeDeliveryMetrics([ok, null as never])).path).toBe('$[1]');
    expect(errorOf(() => computeDeliveryMetrics([ok, ok, ok, [] as never])).path).toBe('$[3]');
    at('$[3].environments', 'none', (r) => (r.environments = 'none'));
    at('$[3].environments[1]', 7, (r) => (r.environments[1] = 7));
    at('$[3].environments[1].name', '', (r) => (r.environments[1].name = ''));
    at('$[3].environments[1].name', undefined, (r) => delete r.environments[1].name);
    at('$[3].createdAt', 'soon', (r) => (r.createdAt = 'soon'));
    at('$[3].createdAt', undefined, (r) => delete r.createdAt);
    at('$[3].environments[2].finishedAt', 'late', (r) => (r.environments[2].finishedAt = 'late'));
    at('$[3].environments[2].finishedAt', 12, (r) => (r.environments[2].finishedAt = 12));
    at('$[3].environments[1].startedAt', '2026-13-01T00:00:00Z', (r) => (r.environments[1].startedAt = '2026-13-01T00:00:00Z'));
    at('$[3].environments[1].dependsOn', 'dev', (r) => (r.environments[1].dependsOn = 'dev'));
    at('$[3].notes.commits[0].date', 'Tuesday', (r) => (r.notes.commits[0].date = 'Tuesday'));
    at('$[3].trigger.commit.date', 'Tuesday', (r) => (r.trigger.commit.date = 'Tuesday'));
    at('$[3].notes.commits[0].sha', undefined, (r) => delete r.notes.commits[0].sha);
    at('$[3].notes.commits[0]', 'abc', (r) => (r.notes.commits[0] = 'abc'));
    at('$[3].notes.commits', {}, (r) => (r.notes.commits = {}));
    at('$[3].notes', 'none', (r) => (r.notes = 'none'));
    at('$[3].environments[1].workflows.preAction', {}, (r) => (r.environments[1].workflows.preAction = {}));
    at('$[3].environments[1].workflows.preAction[0].name', 5, (r) => (r.environments[1].workflows.preAction = [{ name: 5, status: 'failed', runs: [] }]));
    // A failed target without finishedAt: the release's latest time is read, and checked.
    at('$[3].updatedAt', 'later', (r) => {
      r.environments[2].status = 'failed';
      delete r.environments[2].finishedAt;
      r.updatedAt = 'later';
    });
  });

  it('names the options it cannot use', () => {
    const option = (options: unknown) => {
      const error = errorOf(() => computeDeliveryMetrics([ok], options as never));
      return [error.path, error.value];
    };
    expect(option(null)).toEqual(['$.options', null]);
    expect(option({ days: 0 })).toEqual(['$.options.days', 0]);
    expect(option({ days: -1 })).toEqual(['$.options.days', -1]);
    expect(option({ days: '7' })).toEqual(['$.options.days', '7']);
    expect(option({ days: Infinity })).toEqual(['$.options.days', Infinity]);
    expect(option({ from: 'then' })).toEqual(['$.options.from', 'then']);
    expect(option({ to: new Date(NaN) })).toEqual(['$.options.to', new Date(NaN)]);
    expect(option({ now: {} })).toEqual(['$.options.now', {}]);
    expect(option({ to: NOW, now: 'never' })).toEqual(['$.options.now', 'never']);
    expect(option({ from: NOW, to: NOW })).toEqual(['$.options.from', NOW]);
    expect(option({ from: '2026-12-01T00:00:00Z', to: NOW })).toEqual(['$.options.from', '2026-12-01T00:00:00Z']);
    expect(option({ bucket: 'month' })).toEqual(['$.options.bucket', 'month']);
    expect(option({ environment: '' })).toEqual(['$.options.environment', '']);
    expect(option({ environment: 3 })).toEqual(['$.options.environment', 3]);
    expect(option({ from: -8.64e15 })).toEqual(['$.options.from', -8.64e15]);
    expect(errorOf(() => computeDeliveryMetrics([ok], { from: 'then' })).message).toMatch(/^from must be a date-time \(at \$\.options\.from, expected/);
  });

  it('reads times only where a metric needs them', () => {
    // A release far before the windows: its non-target environments' times are never read.
    const old = structuredClone(r0) as Release;
    old.environments[0]!.startedAt = 'whenever';
    old.notes!.commits[0]!.date = 'whenever';
    expect(() => computeDeliveryMetrics([old, ...HISTORY], { now: NOW, days: 7 })).not.toThrow();
  });
});

describe('computeDeliveryMetrics on hostile names', () => {
  it('measures environments, steps and commits named like Object.prototype members', () => {
    const hostile = (id: string, createdAt: string, status: Status, shas: string[]): Release => {
      const created = Date.parse(createdAt);
      const iso = (minutes: number) => new Date(created + minutes * M).toISOString();
      const env = (name: string, dependsOn: string[], kind: 'production' | undefined, s: Status, start: number, finish: number): EnvironmentStep => ({
        name,
        dependsOn,
        ...(kind && { kind }),
        status: s,
        startedAt: iso(start),
        finishedAt: iso(finish),
        workflows: { trigger: [{ name: 'toString', status: s, runs: [] }], preAction: [], postAction: [{ name: '__proto__', status: s, runs: [] }] },
        applications: [],
        issues: [],
      });
      return {
        id,
        product: 'constructor',
        flow: { name: '__proto__' },
        status,
        trigger: { kind: 'git-commit', environment: '__proto__', commit: { sha: shas[0]!, date: iso(-60) } },
        createdAt,
        environments: [env('__proto__', [], undefined, 'succeeded', 0, 10), env('constructor', ['__proto__'], 'production', status, 20, 30), env('hasOwnProperty', ['constructor', '__proto__'], 'production', status, 35, 40)],
        notes: { images: [], issues: [], pullRequests: [], commits: shas.map((sha) => ({ sha, date: iso(-120) })) },
      };
    };
    const releases = [
      hostile('a', '2026-11-25T10:00:00Z', 'failed', ['__proto__', 'constructor']),
      hostile('b', '2026-11-26T10:00:00Z', 'succeeded', ['__proto__', 'valueOf']),
      hostile('c', '2026-11-27T10:00:00Z', 'succeeded', ['constructor', 'toString']),
    ];
    const metrics = computeDeliveryMetrics(releases, { now: NOW, days: 7 });
    expect(metrics.deploymentFrequency.deployments).toBe(2);
    // a fails at constructor, 10:30; b succeeds at 11-26 10:40.
    expect(metrics.failedDeployments).toEqual([{ release: releases[0], at: '2026-11-25T10:30:00.000Z', environment: 'constructor', recoveryMs: 24 * H + 10 * M }]);
    // Deployed at 10:40. The trigger commit comes first, so its date (09:00) is the SHA's, not the
    // notes' (08:00). b: __proto__ 1h40m, valueOf 2h40m; c: constructor (a failed) 1h40m, toString 2h40m.
    expect(metrics.changeLeadTime).toEqual({ medianMs: 130 * M, p90Ms: 160 * M, changes: 4 });
    expect(metrics.environments.map((e) => [e.name, e.runs, e.succeeded, e.medianWaitMs])).toEqual([
      ['__proto__', 3, 3, null],
      ['constructor', 3, 2, 10 * M],
      ['hasOwnProperty', 3, 2, 5 * M],
    ]);
    expect(metrics.failingSteps).toEqual([
      { environment: 'constructor', section: 'trigger', name: 'toString', failures: 1, runs: 3 },
      { environment: 'constructor', section: 'postAction', name: '__proto__', failures: 1, runs: 3 },
      { environment: 'hasOwnProperty', section: 'trigger', name: 'toString', failures: 1, runs: 3 },
      { environment: 'hasOwnProperty', section: 'postAction', name: '__proto__', failures: 1, runs: 3 },
    ]);
    expect(metrics.valueStream.map((s) => [s.kind, s.environment])).toEqual([
      ['commit', undefined],
      ['wait', '__proto__'],
      ['run', '__proto__'],
      ['wait', 'constructor'],
      ['run', 'constructor'],
      ['wait', 'hasOwnProperty'],
      ['run', 'hasOwnProperty'],
    ]);
    const byName = computeDeliveryMetrics(releases, { now: NOW, days: 7, environment: '__proto__' });
    expect(byName.deploymentFrequency.deployments).toBe(3);
    expect(computeDeliveryMetrics(releases, { now: NOW, days: 7, environment: 'toString' }).changeFailRate.deployments).toBe(0);
  });
});
