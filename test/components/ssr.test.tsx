// @vitest-environment node
// Node, not jsdom: proves the components need no window or document to render on a server.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HEALTH_LABELS, HEALTH_STATUSES, STATUS_LABELS, STATUSES, SYNC_STATUSES } from 'gitops-releases/headless';
import { ReleasesProvider, StatusBadge } from '../../src/index';

describe('server rendering', () => {
  it('runs without a DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  it('renders every StatusBadge to a string with its label', () => {
    for (const status of STATUSES) {
      for (const variant of ['subtle', 'solid', 'icon-only'] as const) {
        const html = renderToString(<StatusBadge status={status} variant={variant} />);
        expect(html).toContain(`data-status="${status}"`);
        // Icon-only carries the label as its accessible name instead of text.
        expect(html).toContain(variant === 'icon-only' ? `aria-label="${STATUS_LABELS[status]}"` : `>${STATUS_LABELS[status]}<`);
      }
    }
    for (const status of SYNC_STATUSES) expect(() => renderToString(<StatusBadge kind="sync" status={status} />)).not.toThrow();
    for (const status of HEALTH_STATUSES) {
      expect(renderToString(<StatusBadge kind="health" status={status} />)).toContain(HEALTH_LABELS[status]);
    }
  });

  it('renders ReleasesProvider with its colour mode and relabelled children', () => {
    const html = renderToString(
      <ReleasesProvider colorMode="system" messages={{ status: { failed: 'Broken' } }}>
        <StatusBadge status="failed" />
        <StatusBadge status={'bogus' as never} />
      </ReleasesProvider>,
    );
    expect(html).toContain('class="gr-root"');
    expect(html).toContain('data-color-mode="system"');
    expect(html).toContain('Broken');
    expect(html).toContain('Unknown');
  });

  it('escapes untrusted raw values in the title', () => {
    const html = renderToString(<StatusBadge status={'"><script>alert(1)</script>' as never} />);
    expect(html).not.toContain('<script>');
  });

  it('server-renders the loading placeholder', () => {
    const html = renderToString(<StatusBadge status="running" loading />);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('aria-label="Loading status"');
  });
});
