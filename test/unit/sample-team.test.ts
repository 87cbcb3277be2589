// A team's history: releases paced, failing and recovering as a healthy or a struggling team's
// do, with the commits delivery insights measure lead times from.
import { describe, expect, it } from 'vitest';
import { ReleaseDataError } from '../../src/headless/adapters/errors';
import type { Release } from '../../src/headless/model/types';
import { SAMPLE_FLOW_SHAPES, sampleReleaseHistory } from '../../src/headless/sample';
import { expectConsistent, time } from './sample-checks';

const NOW = '2026-11-20T10:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TEAMS = ['healthy', 'struggling'] as const;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
};

interface Deployment {
  release: Release;
  ok: boolean;
  /** When the last production environment finished. */
  at: number;
}

/** The production deployments of a history, oldest first: releases whose production environments all finished succeeded, or one failed. */
function deployments(history: Release[]): Deployment[] {
  const out: Deployment[] = [];
  for (const release of [...history].reverse()) {
    const production = release.environments.filter((e) => e.kind === 'production');
    const failed = production.some((e) => e.status === 'failed');
    if (!failed && !production.every((e) => e.status === 'succeeded')) continue;
    const at = Math.max(...production.filter((e) => e.finishedAt).map((e) => time(e.finishedAt)));
    out.push({ release, ok: !failed, at });
  }
  return out;
}

/** From each failed deployment to the next successful one, in ms. */
function recoveries(list: Deployment[]): number[] {
  const out: number[] = [];
  list.forEach((d, i) => {
    const next = d.ok ? undefined : list.slice(i + 1).find((x) => x.ok);
    if (next) out.push(next.at - d.at);
  });
  return out;
}

/** The longest run of failed deployments in a row. */
function longestRun(list: Deployment[]): number {
  let [run, best] = [0, 0];
  for (const d of list) best = Math.max(best, (run = d.ok ? 0 : run + 1));
  return best;
}

describe('sampleReleaseHistory with a team', () => {
  it('is deterministic per seed, and each team and seed its own', () => {
    const a = sampleReleaseHistory({ team: 'healthy', days: 10, seed: 3 });
    expect(sampleReleaseHistory({ team: 'healthy', days: 10, seed: 3 })).toEqual(a);
    expect(sampleReleaseHistory({ team: 'healthy', days: 10, seed: 4 })).not.toEqual(a);
    const other = sampleReleaseHistory({ team: 'struggling', days: 10, seed: 3 });
    const ids = new Set(a.map((r) => r.id));
    expect(other.filter((r) => ids.has(r.id))).toEqual([]);
  });

  it.each(TEAMS)('%s: the days back from now, newest first, every release consistent', (team) => {
    for (const [shape, days] of [['regions', 90], ['sequential', 14], ['parallel', 14]] as const) {
      const history = sampleReleaseHistory({ team, days, shape, now: NOW });
      for (const release of history) expectConsistent(release);
      const created = history.map((r) => time(r.createdAt));
      expect(created).toEqual([...created].sort((a, b) => b - a));
      expect(Math.max(...created)).toBeLessThan(time(NOW));
      // The days are filled, not a few of them.
      expect(Math.min(...created)).toBeGreaterThanOrEqual(time(NOW) - days * DAY);
      expect(Math.min(...created)).toBeLessThan(time(NOW) - (days - 2) * DAY);
      // One release at a time: each finished before the next was created.
      for (let i = 1; i < history.length; i++) expect(time(history[i]!.finishedAt)).toBeLessThanOrEqual(created[i - 1]!);
      // Versions count up with time.
      const versions = history.map((r) => (r.version ?? '').split('.').map(Number)).reverse();
      for (let i = 1; i < versions.length; i++) {
        const [a = [], b = []] = [versions[i - 1], versions[i]];
        expect((a[0]! - b[0]!) || (a[1]! - b[1]!) || (a[2]! - b[2]!)).toBeLessThan(0);
      }
      expect(history.every((r) => r.flow?.name === `${shape}-flow` && r.trigger.kind === 'git-commit')).toBe(true);
    }
  }, 30_000);

  it.each([1, 2, 3])('healthy (seed %i): several production deployments a day, few failures, fixed within hours', (seed) => {
    const list = deployments(sampleReleaseHistory({ team: 'healthy', days: 90, shape: 'regions', seed }));
    const ok = list.filter((d) => d.ok);
    expect(ok.length / list.length).toBeGreaterThanOrEqual(0.88);
    expect(ok.length / list.length).toBeLessThanOrEqual(0.97);
    expect(ok.length / 90).toBeGreaterThanOrEqual(3);
    expect(ok.length / 90).toBeLessThanOrEqual(8);
    expect(median(ok.slice(1).map((d, i) => d.at - ok[i]!.at))).toBeLessThan(6 * HOUR);
    expect(median(recoveries(list))).toBeLessThan(2.5 * HOUR);
  });

  it.each([1, 2, 3])('struggling (seed %i): a deployment every day or two, many failures, often in a row, slow to recover', (seed) => {
    const list = deployments(sampleReleaseHistory({ team: 'struggling', days: 90, shape: 'regions', seed }));
    const ok = list.filter((d) => d.ok);
    expect(ok.length / list.length).toBeGreaterThanOrEqual(0.55);
    expect(ok.length / list.length).toBeLessThanOrEqual(0.8);
    expect(ok.length / 90).toBeGreaterThanOrEqual(0.35);
    expect(ok.length / 90).toBeLessThanOrEqual(1);
    const spacing = median(ok.slice(1).map((d, i) => d.at - ok[i]!.at));
    expect(spacing).toBeGreaterThan(12 * HOUR);
    expect(spacing).toBeLessThan(3 * DAY);
    expect(median(recoveries(list))).toBeGreaterThan(12 * HOUR);
    expect(longestRun(list)).toBeGreaterThanOrEqual(2);
  });

  it('over the long run, about 7 % and 30 % of production deployments fail', () => {
    const [healthy, struggling] = TEAMS.map((team) => {
      const list = deployments(sampleReleaseHistory({ team, count: 4000 }));
      return list.filter((d) => !d.ok).length / list.length;
    });
    expect(healthy).toBeGreaterThanOrEqual(0.05);
    expect(healthy).toBeLessThanOrEqual(0.1);
    expect(struggling).toBeGreaterThanOrEqual(0.25);
    expect(struggling).toBeLessThanOrEqual(0.35);
  }, 60_000);

  it.each(TEAMS)('%s: commits are dated before their release, hours before for a healthy team, days for a struggling one', (team) => {
    const history = sampleReleaseHistory({ team, days: 90 });
    const ages: number[] = [];
    for (const release of history) {
      const { commits, images, pullRequests, issues } = release.notes!;
      expect(images).toEqual([]);
      expect(commits.length).toBeGreaterThanOrEqual(1);
      for (const commit of [release.trigger.commit!, ...commits]) {
        expect(commit.sha).toMatch(/^[0-9a-f]{40}$/);
        expect(time(commit.date)).toBeLessThan(time(release.createdAt));
      }
      ages.push(...commits.map((c) => time(release.createdAt) - time(c.date)));
      for (const pr of pullRequests) expect(pr.url).toBe(`https://github.com/${pr.repo}/pull/${pr.id}`);
      for (const issue of issues) expect(issue.key).toMatch(/^[A-Z]+-\d+$/);
    }
    if (team === 'healthy') expect(median(ages)).toBeLessThan(12 * HOUR);
    else expect(median(ages)).toBeGreaterThan(DAY);
    // Now and then a pull request or an issue key.
    expect(history.filter((r) => r.notes!.pullRequests.length).length).toBeGreaterThan(history.length / 4);
    expect(history.filter((r) => r.notes!.issues.length).length).toBeGreaterThan(history.length / 5);
  });

  it.each(TEAMS)('%s: what never reached production comes again with the next release', (team) => {
    const history = sampleReleaseHistory({ team, days: 90 });
    let carried = 0;
    for (let i = 1; i < history.length; i++) {
      const [newer, older] = [history[i - 1]!, history[i]!];
      const shas = new Set(newer.notes!.commits.map((c) => c.sha));
      const delivered = older.status === 'succeeded';
      const again = [older.trigger.commit!, ...older.notes!.commits].filter((c) => shas.has(c.sha));
      if (delivered) {
        expect(again).toEqual([]);
      } else {
        // Every commit, pull request and issue of the failed or terminated one, the trigger commit too.
        expect(again).toHaveLength(older.notes!.commits.length + 1);
        const ids = new Set(newer.notes!.pullRequests.map((p) => p.id));
        expect(older.notes!.pullRequests.every((p) => ids.has(p.id))).toBe(true);
        const keys = new Set(newer.notes!.issues.map((x) => x.key));
        expect(older.notes!.issues.every((x) => keys.has(x.key))).toBe(true);
        carried++;
      }
    }
    expect(carried).toBeGreaterThan(2);
    // A SHA appears in more than one release only when carried.
    const seen = new Map<string, number>();
    for (const release of history) for (const c of release.notes!.commits) seen.set(c.sha, (seen.get(c.sha) ?? 0) + 1);
    expect([...seen.values()].some((n) => n > 1)).toBe(true);
  });

  it.each(TEAMS)('%s: a failed environment lists the step that failed; production lists its steps', (team) => {
    const history = sampleReleaseHistory({ team, days: 90, shape: 'regions' });
    const where = new Set<string>();
    const failedSteps = new Set<string>();
    for (const release of history) {
      for (const env of release.environments) {
        const steps = [...env.workflows.trigger, ...env.workflows.preAction, ...env.workflows.postAction];
        if (env.status === 'failed') {
          where.add(env.kind ?? '');
          const failed = steps.filter((s) => s.status === 'failed');
          expect(failed).toHaveLength(1);
          expect(failed[0]!.runs.map((r) => r.status)).toEqual(['failed']);
          expect(env.issues[0]?.workflow).toBe(failed[0]!.runs[0]!.workflow);
          failedSteps.add(failed[0]!.name);
        }
        if (env.kind === 'production' && env.status === 'succeeded') {
          expect(steps.length).toBeGreaterThanOrEqual(1);
          expect(steps.every((s) => s.status === 'succeeded' && s.finishedAt)).toBe(true);
        }
        if (env.kind !== 'production' && env.status !== 'failed') expect(steps).toEqual([]);
      }
    }
    // Sometimes production, sometimes earlier; several steps fail, so they can be ranked.
    expect([...where].sort()).toEqual(['non-production', 'production']);
    expect(failedSteps.size).toBeGreaterThanOrEqual(3);
  });

  it.each(SAMPLE_FLOW_SHAPES)('%s: a team history of any shape keeps the model invariants', (shape) => {
    const history = sampleReleaseHistory({ team: 'struggling', count: 12, shape, size: 40, seed: 2 });
    expect(history).toHaveLength(12);
    for (const release of history) expectConsistent(release);
    expect(history.some((r) => r.status === 'failed')).toBe(true);
  }, 30_000);

  it('count stays the number of releases; days fill that many days, with or without a team', () => {
    expect(sampleReleaseHistory({ team: 'struggling', count: 40 })).toHaveLength(40);
    // The plain history over two days is the newest of its count-made releases, but for versions.
    const days = sampleReleaseHistory({ days: 2, now: NOW });
    const plain = sampleReleaseHistory({ count: days.length + 1, now: NOW });
    const pick = (r: Release) => [r.id, r.status, r.createdAt, r.finishedAt];
    expect(days.map(pick)).toEqual(plain.slice(0, days.length).map(pick));
    expect(time(plain.at(-1)!.createdAt)).toBeLessThan(time(NOW) - 2 * DAY);
    expect(time(days.at(-1)!.createdAt)).toBeGreaterThanOrEqual(time(NOW) - 2 * DAY);
    // Without a team nothing changes: no notes, no steps.
    expect(plain.some((r) => r.notes || r.environments.some((e) => e.workflows.preAction.length))).toBe(false);
  });

  it('rejects a team or a number of days it cannot make', () => {
    for (const team of ['elite', 'constructor', '__proto__']) {
      expect(() => sampleReleaseHistory({ team: team as 'healthy' })).toThrow(ReleaseDataError);
    }
    for (const days of [0, -1, 1.5, 5000, Number.NaN]) expect(() => sampleReleaseHistory({ days })).toThrow(ReleaseDataError);
    expect(() => sampleReleaseHistory({ team: 'healthy', days: 0 })).toThrow(ReleaseDataError);
  });

  // How fast is measured in bench/layout.mjs (speed is never asserted by a unit test).
  it('builds 100,000 releases, each its own', () => {
    const history = sampleReleaseHistory({ team: 'healthy', count: 100_000, shape: 'regions' });
    expect(history).toHaveLength(100_000);
    expect(new Set(history.map((r) => r.id)).size).toBe(100_000);
  }, 180_000);
});
