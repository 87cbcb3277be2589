// @vitest-environment node
// Node, not jsdom: proves EnvironmentDetails needs no window or document to render on a server.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SAMPLE_STATES, sampleRelease, type EnvironmentStep } from 'gitops-releases/headless';
import { EnvironmentDetails } from '../../src/components/EnvironmentDetails';
import { ReleasesProvider } from '../../src/components/provider';

/** React escapes text: what a name looks like inside the HTML string. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('EnvironmentDetails on a server', () => {
  it('runs without a DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  it.each(SAMPLE_STATES)('renders every environment of a %s release with its name', (state) => {
    for (const longNames of [false, true]) {
      const release = sampleRelease({ shape: 'regions', state, longNames });
      for (const environment of release.environments) {
        const html = renderToString(
          <ReleasesProvider colorMode="system" timeZone="UTC">
            <EnvironmentDetails environment={environment} release={release} onClose={() => {}} />
          </ReleasesProvider>,
        );
        expect(html).toContain(`>${escapeHtml(environment.name)}</h2>`);
        expect(html).toContain(`data-status="${environment.status}"`);
      }
    }
  });

  it('shows no running duration before the client has a clock', () => {
    const release = sampleRelease({ shape: 'regions', state: 'running' });
    const running = release.environments.find((e) => e.status === 'running')!;
    const html = renderToString(<EnvironmentDetails environment={running} release={release} />);
    expect(html).toContain('Started');
    expect(html).not.toContain('Duration');
    // A finished environment's duration needs no clock.
    const done = release.environments.find((e) => e.status === 'succeeded')!;
    expect(renderToString(<EnvironmentDetails environment={done} />)).toContain('Duration');
  });

  it('server-renders the failed step open and the loading state busy', () => {
    const release = sampleRelease({ shape: 'regions', state: 'failed' });
    const failed = release.environments.find((e) => e.status === 'failed')!;
    expect(renderToString(<EnvironmentDetails environment={failed} />)).toMatch(/<details[^>]*open=""/);
    const loading = renderToString(<EnvironmentDetails environment={failed} loading />);
    expect(loading).toContain('aria-busy="true"');
    expect(loading).toContain('Loading environment details');
  });

  it('escapes hostile text and drops unsafe links', () => {
    const hostile: EnvironmentStep = {
      name: '<img src=x onerror=alert(1)>',
      dependsOn: [],
      status: 'failed',
      workflows: { trigger: [], preAction: [], postAction: [] },
      applications: [{ name: '<script>alert(1)</script>', sync: 'synced', health: 'healthy', url: 'javascript:alert(1)' }],
      issues: [{ kind: 'application', level: 'error', message: '<img src=x onerror=alert(1)>' }],
    };
    const html = renderToString(<EnvironmentDetails environment={hostile} />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
