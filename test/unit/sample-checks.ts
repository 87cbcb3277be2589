// Checks shared by the sample data's tests: the invariants every generated flow and release keeps.
import { expect } from 'vitest';
import { aggregateStatus, isTerminalStatus } from '../../src/headless/model/status';
import type { PromotionFlow, Release } from '../../src/headless/model/types';

/** Every environment reachable downstream of `name` (not `name` itself). */
export function downstream(envs: { name: string; dependsOn: string[] }[], name: string): Set<string> {
  const found = new Set<string>();
  const walk = (from: string) => {
    for (const env of envs) {
      if (env.dependsOn.includes(from) && !found.has(env.name)) {
        found.add(env.name);
        walk(env.name);
      }
    }
  };
  walk(name);
  return found;
}

export function expectValidDag(flow: PromotionFlow) {
  const names = flow.environments.map((e) => e.name);
  expect(new Set(names).size).toBe(names.length);
  const roots = flow.environments.filter((e) => e.dependsOn.length === 0);
  expect(roots.map((e) => e.name)).toEqual([flow.trigger]);
  const seen = new Set<string>();
  // Listed in dependency order: every dependency is an earlier environment, hence no cycle.
  for (const env of flow.environments) {
    for (const dep of env.dependsOn) expect(seen.has(dep), `${env.name} -> ${dep}`).toBe(true);
    expect(new Set(env.dependsOn).size).toBe(env.dependsOn.length);
    seen.add(env.name);
  }
}

function urls(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => urls(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (/url$/i.test(key) && typeof v === 'string') out.push(v);
      else urls(v, out);
    }
  }
  return out;
}

export const time = (iso: string | undefined) => (iso === undefined ? NaN : Date.parse(iso));

/** Invariants every release the sample code produces must keep, whatever its state. */
export function expectConsistent(release: Release) {
  expect(JSON.parse(JSON.stringify(release))).toStrictEqual(release);
  expect(urls(release).length).toBeGreaterThan(0);
  for (const url of urls(release)) expect(url).toMatch(/^https:\/\//);
  const byName = new Map(release.environments.map((e) => [e.name, e]));
  expect(byName.get(release.trigger.environment)?.dependsOn).toEqual([]);
  for (const env of release.environments) {
    if (env.status === 'pending') {
      expect(env.startedAt).toBeUndefined();
      expect(env.finishedAt).toBeUndefined();
      expect(env.statusText).toBe('Pending Execution');
    } else {
      expect(time(env.startedAt)).toBeGreaterThanOrEqual(time(release.createdAt));
      // Fan-in: an environment starts only after every dependency has succeeded.
      for (const dep of env.dependsOn) {
        const d = byName.get(dep);
        expect(d?.status).toBe('succeeded');
        expect(time(d?.finishedAt)).toBeLessThanOrEqual(time(env.startedAt));
      }
    }
    if (isTerminalStatus(env.status)) expect(time(env.finishedAt)).toBeGreaterThanOrEqual(time(env.startedAt));
    else expect(env.finishedAt).toBeUndefined();
    expect(env.applications.length).toBeGreaterThanOrEqual(1);
    expect(env.applications.length).toBeLessThanOrEqual(4);
    const steps = [...env.workflows.trigger, ...env.workflows.preAction, ...env.workflows.postAction];
    if (env.name !== release.trigger.environment || release.flow === null) expect(env.workflows.trigger).toEqual([]);
    for (const step of steps) {
      expect(step.runs.map((r) => r.application)).toEqual(env.applications.map((a) => a.name));
      expect(step.status).toBe(aggregateStatus(step.runs.map((r) => r.status)));
      if (step.status === 'pending') expect(step.startedAt).toBeUndefined();
      if (step.finishedAt) expect(time(step.finishedAt)).toBeGreaterThanOrEqual(time(step.startedAt));
    }
    if (env.status === 'succeeded') {
      for (const app of env.applications) expect([app.sync, app.health, app.version]).toEqual(['synced', 'healthy', release.version]);
    }
    if (env.status !== 'failed') expect(env.issues.filter((i) => i.level === 'error')).toEqual([]);
  }
  if (release.finishedAt) expect(isTerminalStatus(release.status)).toBe(true);
}
