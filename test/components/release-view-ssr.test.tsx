// @vitest-environment node
// Node, not jsdom: the release view renders on a server without window or document.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FLEET_SHAPES, SAMPLE_FLOW_SHAPES, SAMPLE_STATES, sampleRelease } from 'gitops-releases/headless';
import { ReleasesProvider } from '../../src/components/provider';
import { ReleaseView, type ReleaseViewTab } from '../../src/components/ReleaseView';

describe('ReleaseView on a server', () => {
  it('runs without a DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  it.each(SAMPLE_STATES)('renders a %s release with its product name', (state) => {
    const release = sampleRelease({ shape: 'parallel', state });
    const html = renderToString(
      <ReleasesProvider colorMode="system" timeZone="UTC">
        <ReleaseView release={release} onRetry={() => {}} onTerminate={() => {}} onReleaseNotes={() => {}} />
      </ReleasesProvider>,
    );
    expect(html).toContain('checkout');
    expect(html).toContain(`data-status="${release.status}"`);
    expect(html).toContain('role="tablist"');
  });

  // The fleet shapes' thousands of environments would be drawn one node each until groups roll them up.
  const flat = SAMPLE_FLOW_SHAPES.filter((shape) => !(SAMPLE_FLEET_SHAPES as readonly string[]).includes(shape));
  it.each(flat)('renders the %s flow shape', (shape) => {
    expect(renderToString(<ReleaseView release={sampleRelease({ shape, state: 'running' })} />)).toContain('checkout');
  });

  it.each<ReleaseViewTab>(['graph', 'notes', 'applications', 'timeline'])('renders the %s tab', (tab) => {
    const html = renderToString(<ReleaseView release={sampleRelease({ shape: 'regions', state: 'running' })} defaultTab={tab} />);
    expect(html).toContain('checkout');
    expect(html).toContain(`data-tab="${tab}"`);
  });

  it('ends a running duration at the last update (no clock on the server), the same every time', () => {
    const release = sampleRelease({ shape: 'parallel', state: 'running' });
    const first = renderToString(<ReleaseView release={release} defaultTab="timeline" />);
    expect(renderToString(<ReleaseView release={release} defaultTab="timeline" />)).toBe(first);
    expect(first).toContain('data-running');
  });

  it('renders the loading, empty, error and bad-data states', () => {
    expect(renderToString(<ReleaseView loading />)).toContain('aria-busy="true"');
    expect(renderToString(<ReleaseView />)).toContain('No release to show');
    expect(renderToString(<ReleaseView error={new Error('boom')} />)).toContain('boom');
    const release = sampleRelease({ shape: 'parallel' });
    expect(renderToString(<ReleaseView release={{ ...release, environments: [] }} />)).toContain('This release has no environments.');
  });

  it('shows a cycle or a removed environment inline instead of failing the page', () => {
    const release = sampleRelease({ shape: 'parallel' });
    const cyclic = { ...release, environments: release.environments.map((e) => (e.name === 'dev' ? { ...e, dependsOn: ['production'] } : e)) };
    const removed = { ...release, environments: release.environments.filter((e) => e.name !== 'qa') };
    expect(renderToString(<ReleaseView release={cyclic} />)).toContain('The environments form a cycle');
    const html = renderToString(<ReleaseView release={removed} />);
    expect(html).toContain('checkout');
    expect(html).toContain('depends on &quot;qa&quot;, which is not an environment of this release');
  });

  it('escapes hostile text', () => {
    const release = sampleRelease({ shape: 'parallel', state: 'failed' });
    const evil = { ...release, error: { message: '<img src=x onerror=alert(1)>' }, trigger: { ...release.trigger, commit: { sha: 'abc', message: '<script>alert(1)</script>', url: 'javascript:alert(1)' } } };
    const html = renderToString(<ReleaseView release={evil} />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');
  });
});
