// @vitest-environment node
// Node, not jsdom: the table renders on a server without window or document.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleReleaseHistory } from 'gitops-releases/headless';
import { ReleasesProvider } from '../../src/components/provider';
import { ReleasesTable } from '../../src/components/ReleasesTable';
import { fleetHistory } from '../fixtures/fleet';

const releases = sampleReleaseHistory({ count: 200, shape: 'regions' });

describe('ReleasesTable on a server', () => {
  it('runs without a DOM', () => {
    expect(typeof document).toBe('undefined');
  });

  it('renders the header and the first screen of rows, with absolute dates (no clock on the server)', () => {
    const html = renderToString(
      <ReleasesProvider colorMode="system" timeZone="UTC">
        <ReleasesTable releases={releases} height={560} getReleaseHref={(release) => `/releases/${release.id}`} />
      </ReleasesProvider>,
    );
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('>prod-asia<');
    const rows = html.match(/<tr class="gr-releases-table__row/g) ?? [];
    // Enough rows for the box (560 px of 44 px rows), never all 200.
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.length).toBeLessThan(60);
    expect(html).not.toContain(' ago<');
    expect(html).toContain(`href="/releases/${releases[0]!.id}"`);
    // The same markup every time: hydration will not mismatch.
    expect(
      renderToString(
        <ReleasesProvider colorMode="system" timeZone="UTC">
          <ReleasesTable releases={releases} height={560} getReleaseHref={(release) => `/releases/${release.id}`} />
        </ReleasesProvider>,
      ),
    ).toBe(html);
  });

  it('renders group columns: their headers, each release\'s rollup, and expanded groups from the state', () => {
    const fleet = fleetHistory({ count: 20, stores: 2000 });
    const element = (
      <ReleasesProvider colorMode="system" timeZone="UTC">
        <ReleasesTable releases={fleet} height={560} defaultExpandedGroups={['wave-2']} />
      </ReleasesProvider>
    );
    const html = renderToString(element);
    expect(html).toContain('aria-expanded="true" aria-label="wave-2"');
    expect(html).toContain('aria-expanded="false" aria-label="wave-3"');
    // A region of the expanded wave has its own column; the collapsed waves do not.
    expect(html).toContain('aria-label="wave-2/eu-west"');
    expect(html).not.toContain('aria-label="wave-3/eu-west"');
    expect(html).toContain('>3 failed / 250<');
    expect(html).toContain('wave-2, 250 environments: 3 Failed, 247 Succeeded');
    expect(html).toContain('>1 failed / 21<');
    expect(html).toContain('data-status="failed" style="flex-grow:3"');
    // No store's own column: 2,000 environments are 4 group columns and 5 others.
    expect(html).not.toContain('>store-');
    expect(renderToString(element)).toBe(html);
  });

  it('renders the loading, empty, error and bad-data states', () => {
    expect(renderToString(<ReleasesTable releases={undefined} loading />)).toContain('data-skeleton');
    expect(renderToString(<ReleasesTable releases={[]} />)).toContain('No releases yet');
    expect(renderToString(<ReleasesTable releases={undefined} error={new Error('503 from the API')} />)).toContain('503 from the API');
    expect(renderToString(<ReleasesTable releases={[{ ...releases[0]!, environments: 'dev' as never }]} />)).toContain('$[0].environments');
  });
});
