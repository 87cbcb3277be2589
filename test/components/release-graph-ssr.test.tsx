// @vitest-environment node
// A real server render: no window, no DOM.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SAMPLE_STATES, sampleRelease } from 'gitops-releases/headless';
import { ReleaseGraph } from '../../src';

describe('ReleaseGraph on the server', () => {
  it.each(SAMPLE_STATES)('renders a %s release to a string with every environment', (state) => {
    const release = sampleRelease({ shape: 'regions', state });
    const html = renderToString(<ReleaseGraph release={release} />);
    for (const environment of release.environments) expect(html).toContain(`data-env-id="${environment.name}"`);
  });

  it('leaves the minimap out of the server markup (its attributes depend on the browser)', () => {
    const html = renderToString(<ReleaseGraph release={sampleRelease({ shape: 'sequential' })} showMinimap />);
    expect(html).toContain('data-env-id="dev"');
    expect(html).not.toContain('gr-release-graph__minimap');
  });

  it('renders bad data as an inline message, not a throw', () => {
    const release = sampleRelease({ shape: 'sequential' });
    const broken = { ...release, environments: release.environments.map((e) => (e.name === 'qa' ? { ...e, dependsOn: ['nowhere'] } : e)) };
    // React's server renderer has no error boundaries: the graph must not throw while rendering.
    expect(() => renderToString(<ReleaseGraph release={broken} />)).not.toThrow();
    expect(renderToString(<ReleaseGraph release={broken} />)).toContain('depends on &quot;nowhere&quot;');
  });

  it('keeps hostile names as text', () => {
    const release = sampleRelease({ shape: 'sequential' });
    const hostile = { ...release, environments: release.environments.map((e, i) => (i === 0 ? { ...e, statusText: '<img src=x onerror=alert(1)>' } : e)) };
    const html = renderToString(<ReleaseGraph release={hostile} />);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
