// @vitest-environment node
// A real server render: no window, no DOM.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ReleaseGraph } from '../../src';
import { sampleRelease } from 'gitops-releases/headless';
import { environment as env, release as releaseOf } from '../fixtures/release';

// 2,000 sample stores in waves and regions; 3 stores of wave-1 failed.
const blocked = sampleRelease({ shape: 'fleet', state: 'failed', wave: 'wave-1', failures: 3 });

describe('a grouped ReleaseGraph on the server', () => {
  it('renders each closed group as one node, summed up', () => {
    const html = renderToString(<ReleaseGraph release={blocked} />);
    expect(html).toContain('aria-label="wave-1, 100 environments: 97 succeeded, 3 failed"');
    expect(html).toContain('waiting for wave-1: 3 of 100 failed');
    expect(html).not.toContain('data-env-id="store-0011-ap-south-1"');
  });

  it('renders open groups in their frames, and a grid with a tile per store', () => {
    const html = renderToString(<ReleaseGraph release={blocked} defaultExpandedGroups={['wave-3', 'wave-3/eu-west-1']} />);
    expect(html).toContain('aria-label="Hide what is in wave-3/eu-west-1"');
    expect(html.match(/role="gridcell"/g)).toHaveLength(116);
    expect(html).toContain('aria-label="store-0615-eu-west-1, Pending"');
  });

  it('opens a deep link’s groups in the server’s markup', () => {
    const html = renderToString(<ReleaseGraph release={blocked} defaultFocusEnvironment="store-0012-ap-southeast-1" />);
    expect(html).toContain('data-env-id="store-0012-ap-southeast-1"');
  });

  it('writes no NUL (an HTML parser would rewrite it) for automatic groups', () => {
    const release = releaseOf([env('dev', [], { status: 'succeeded' }), ...Array.from({ length: 20 }, (_, i) => env(`shop-${i}`, ['dev']))]);
    const html = renderToString(<ReleaseGraph release={release} defaultExpandedGroups={[]} />);
    expect(html).toContain('aria-label="shop, 20 environments: 20 not started"');
    expect(html).not.toContain('\u0000');
  });
});
