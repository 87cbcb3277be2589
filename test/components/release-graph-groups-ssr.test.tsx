// @vitest-environment node
// A real server render: no window, no DOM.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ReleaseGraph } from '../../src';
import { fleetRelease } from '../fixtures/fleet-release';
import { environment as env, release as releaseOf } from '../fixtures/release';

describe('a grouped ReleaseGraph on the server', () => {
  it('renders each closed group as one node, summed up', () => {
    const html = renderToString(<ReleaseGraph release={fleetRelease({ state: 'blocked' })} />);
    expect(html).toContain('aria-label="wave-1, 100 environments: 97 succeeded, 3 failed"');
    expect(html).toContain('waiting for wave-1: 3 of 100 failed');
    expect(html).not.toContain('data-env-id="store-0011"');
  });

  it('renders open groups in their frames, and a grid with a tile per store', () => {
    const html = renderToString(<ReleaseGraph release={fleetRelease({ state: 'blocked' })} defaultExpandedGroups={['wave-3', 'wave-3/eu-west']} />);
    expect(html).toContain('aria-label="Hide what is in wave-3/eu-west"');
    expect(html.match(/role="gridcell"/g)).toHaveLength(116);
    expect(html).toContain('aria-label="store-0611, Pending"');
  });

  it('opens a deep link’s groups in the server’s markup', () => {
    const html = renderToString(<ReleaseGraph release={fleetRelease({ state: 'blocked' })} defaultFocusEnvironment="store-0012" />);
    expect(html).toContain('data-env-id="store-0012"');
  });

  it('writes no NUL (an HTML parser would rewrite it) for automatic groups', () => {
    const release = releaseOf([env('dev', [], { status: 'succeeded' }), ...Array.from({ length: 20 }, (_, i) => env(`shop-${i}`, ['dev']))]);
    const html = renderToString(<ReleaseGraph release={release} defaultExpandedGroups={[]} />);
    expect(html).toContain('aria-label="shop, 20 environments: 20 not started"');
    expect(html).not.toContain('\u0000');
  });
});
