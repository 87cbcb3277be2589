import { formatDuration, durationMs } from '../model/duration';
import { STATUS_LABELS } from '../model/status';
import type { EnvironmentStep, Release } from '../model/types';

/** What moved the change into an environment: a commit, a pull request to merge, or nothing. */
export type PromotionAction = 'commit' | 'pull-request' | 'none';

/** The promotion action of an environment, read from what it recorded. */
export function promotionAction(environment: EnvironmentStep): PromotionAction {
  if (environment.pullRequest) return 'pull-request';
  return environment.applications.some((application) => application.commitSha) ? 'commit' : 'none';
}

/** Prefix of the name of a placeholder environment that stands for a collapsed subtree. */
export const COLLAPSED_PREFIX = '\u0000collapsed:';

/**
 * Hides what lies downstream of each environment in `collapsed` and puts one placeholder
 * environment ("N more environments") after it. An environment is hidden only when every one of
 * its dependencies is hidden or collapsed, so a fan-in that another visible branch still feeds
 * stays. Returns the release unchanged (same object) when nothing is collapsed, and the hidden
 * names per collapsed environment.
 */
export function collapseDownstream(
  release: Release,
  collapsed: ReadonlySet<string>,
): { release: Release; hidden: Map<string, string[]> } {
  const hidden = new Map<string, string[]>();
  if (collapsed.size === 0) return { release, hidden };
  const byName = new Map(release.environments.map((environment) => [environment.name, environment]));
  const dependents = new Map<string, string[]>();
  for (const environment of release.environments) {
    for (const dependency of environment.dependsOn) {
      const list = dependents.get(dependency) ?? [];
      list.push(environment.name);
      dependents.set(dependency, list);
    }
  }
  // Hidden environment -> the collapsed one whose placeholder now stands for it.
  const gone = new Map<string, string>();
  for (const root of collapsed) {
    if (!byName.has(root) || gone.has(root)) continue;
    const mine: string[] = [];
    const queue = [...(dependents.get(root) ?? [])];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const name = queue.shift()!;
      if (seen.has(name)) continue;
      const environment = byName.get(name)!;
      // Not yet: it comes back when its next dependency is hidden (a fan-in reached by an edge
      // that skips ranks is met before the dependency that reaches it the long way).
      if (!environment.dependsOn.every((d) => d === root || gone.has(d) || mine.includes(d))) continue;
      seen.add(name);
      mine.push(name);
      gone.set(name, root);
      queue.push(...(dependents.get(name) ?? []));
    }
    if (mine.length > 0) hidden.set(root, mine);
  }
  if (hidden.size === 0) return { release, hidden };
  // A visible fan-in that also waited on a hidden environment now waits on its placeholder.
  const environments = release.environments
    .filter((environment) => !gone.has(environment.name))
    .map((environment) =>
      environment.dependsOn.some((d) => gone.has(d))
        ? { ...environment, dependsOn: [...new Set(environment.dependsOn.map((d) => (gone.has(d) ? `${COLLAPSED_PREFIX}${gone.get(d)}` : d)))] }
        : environment,
    );
  for (const [root, names] of hidden) {
    environments.push({
      name: `${COLLAPSED_PREFIX}${root}`,
      dependsOn: [root],
      status: 'pending',
      statusText: `${names.length} more environment${names.length === 1 ? '' : 's'}`,
      workflows: { trigger: [], preAction: [], postAction: [] },
      applications: [],
      issues: [],
    });
  }
  return { release: { ...release, environments }, hidden };
}

/**
 * One line a screen reader says for an environment node: name, status, live text, duration and
 * issue count, e.g. "qa, Failed, 1m 4s, 2 issues".
 */
export function describeEnvironment(environment: EnvironmentStep, now: number, labels = STATUS_LABELS): string {
  // An own label only: a status word from untyped data may be `constructor` or `toString`.
  const parts = [environment.name, Object.hasOwn(labels, environment.status) ? labels[environment.status] : environment.status];
  if (environment.statusText) parts.push(environment.statusText);
  const ms = durationMs(environment.startedAt, environment.finishedAt, now);
  if (ms !== undefined && (environment.finishedAt || now > 0)) parts.push(formatDuration(ms));
  const issues = environment.issues.length;
  if (issues > 0) parts.push(`${issues} issue${issues === 1 ? '' : 's'}`);
  return parts.join(', ');
}
