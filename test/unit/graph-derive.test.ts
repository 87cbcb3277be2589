import { describe, expect, it } from 'vitest';
import {
  collapseDownstream,
  describeEnvironment,
  layoutReleaseGraph,
  neighborInDirection,
  promotionAction,
  sampleRelease,
} from '../../src/headless';
import { COLLAPSED_PREFIX } from '../../src/headless/graph/derive';
import { environment, release } from '../fixtures/release';

describe('promotionAction', () => {
  it('is a pull request when one was opened, a commit when applications got one, else none', () => {
    expect(promotionAction(environment('qa', [], { pullRequest: { id: '7', title: 'x', state: 'open' } }))).toBe('pull-request');
    expect(promotionAction(environment('qa', [], { applications: [{ name: 'a', sync: 'synced', health: 'healthy', commitSha: 'abc' }] }))).toBe('commit');
    expect(promotionAction(environment('qa'))).toBe('none');
  });
});

describe('collapseDownstream', () => {
  const regions = release([
    environment('dev'),
    environment('staging', ['dev']),
    environment('production', ['staging']),
    environment('prod-eu', ['production']),
    environment('prod-us', ['production']),
    environment('audit', ['prod-eu', 'staging']),
  ]);

  it('returns the same release when nothing is collapsed', () => {
    expect(collapseDownstream(regions, new Set()).release).toBe(regions);
  });

  it('hides what only the collapsed environment feeds, behind one placeholder', () => {
    const { release: shown, hidden } = collapseDownstream(regions, new Set(['production']));
    // audit also depends on staging, which stays visible: it stays.
    expect(hidden.get('production')).toEqual(['prod-eu', 'prod-us']);
    expect(shown.environments.map((e) => e.name)).toEqual(['dev', 'staging', 'production', 'audit', `${COLLAPSED_PREFIX}production`]);
    const placeholder = shown.environments.at(-1)!;
    expect(placeholder.dependsOn).toEqual(['production']);
    expect(placeholder.statusText).toBe('2 more environments');
  });

  it('points a visible fan-in that waited on a hidden environment at the placeholder instead', () => {
    // Regression: audit kept its dependency on the hidden prod-eu and the layout rejected the release.
    const { release: shown } = collapseDownstream(regions, new Set(['production']));
    const audit = shown.environments.find((e) => e.name === 'audit')!;
    expect(audit.dependsOn).toEqual([`${COLLAPSED_PREFIX}production`, 'staging']);
    expect(() => layoutReleaseGraph(shown)).not.toThrow();
  });

  it('hides a fan-in that an edge skipping ranks reaches before the long way does', () => {
    // Regression: `report` was met first through `dev -> report`, skipped because `qa` was not yet
    // hidden, and never looked at again.
    const skipping = release([environment('dev'), environment('report', ['dev', 'qa']), environment('qa', ['dev'])]);
    expect(collapseDownstream(skipping, new Set(['dev'])).hidden.get('dev')).toEqual(['qa', 'report']);
  });
});

describe('neighborInDirection', () => {
  const layout = layoutReleaseGraph(sampleRelease({ shape: 'parallel' }));
  const move = (from: string, key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight') =>
    neighborInDirection(layout.nodes, layout.edges, from, key, 'LR');

  it('follows edges along the flow and back', () => {
    expect(['qa', 'staging']).toContain(move('dev', 'ArrowRight'));
    expect(move('qa', 'ArrowRight')).toBe('production');
    expect(['qa', 'staging']).toContain(move('production', 'ArrowLeft'));
    expect(move('dev', 'ArrowLeft')).toBeUndefined();
  });

  it('moves across the flow within a rank', () => {
    const [upper, lower] = ['qa', 'staging'].sort(
      (a, b) => layout.nodes.find((n) => n.id === a)!.position.y - layout.nodes.find((n) => n.id === b)!.position.y,
    );
    expect(move(upper!, 'ArrowDown')).toBe(lower);
    expect(move(lower!, 'ArrowUp')).toBe(upper);
    expect(move(lower!, 'ArrowDown')).toBeUndefined();
  });
});

describe('describeEnvironment', () => {
  it('says name, status, live text, duration and issues', () => {
    const env = environment('qa', [], {
      status: 'failed',
      statusText: 'Failed',
      startedAt: '2026-11-26T10:00:00Z',
      finishedAt: '2026-11-26T10:01:04Z',
      issues: [{ kind: 'workflow', level: 'error', message: 'x' }, { kind: 'git', level: 'warning', message: 'y' }],
    });
    expect(describeEnvironment(env, 0)).toBe('qa, Failed, Failed, 1m 4s, 2 issues');
  });

  it('leaves out a running duration until there is a clock', () => {
    const env = environment('qa', [], { status: 'running', startedAt: '2026-11-26T10:00:00Z' });
    expect(describeEnvironment(env, 0)).toBe('qa, Running');
    expect(describeEnvironment(env, Date.parse('2026-11-26T10:00:42Z'))).toBe('qa, Running, 42s');
  });
});
