// Times on a server-rendered page: the server cannot know the reader's zone, so with the default
// `timeZone: 'local'` its HTML shows UTC and says so; once hydrated the page shows the reader's
// local time, and only the parts that show a time render again to do it.
import { act } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleRelease, sampleReleaseHistory, type ReleaseColumn, type ReleaseRow } from 'gitops-releases/headless';
import { EnvironmentDetails, ReleaseHeader, ReleasesProvider, ReleasesTable } from '../../src';
import * as cells from '../../src/components/ReleasesTable/cells';
import { sizeTableScroller } from './table-scroller-size';

// Each call of `releaseCell` is a row rendering one of its cells: counting them per row and
// column tells which rows rendered, and how often.
vi.mock('../../src/components/ReleasesTable/cells', async (importOriginal) => {
  const original = await importOriginal<typeof cells>();
  return { ...original, releaseCell: vi.fn(original.releaseCell) };
});
const releaseCell = vi.mocked(cells.releaseCell);

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const now = new Date(Date.now() - 5 * 60_000).toISOString();
const history = sampleReleaseHistory({ count: 40, shape: 'regions', now });
const running = sampleRelease({ shape: 'regions', state: 'running', now });
const created = Date.parse(history[0]!.createdAt);

const MEDIUM = { dateStyle: 'medium', timeStyle: 'short' } as const;
const inUtc = (ms: number) => `${new Intl.DateTimeFormat('en-US', { ...MEDIUM, timeZone: 'UTC' }).format(ms)} UTC`;
const local = (ms: number) => new Intl.DateTimeFormat('en-US', MEDIUM).format(ms);

sizeTableScroller();

let mounted: { container: HTMLElement; root: Root } | undefined;
afterEach(async () => {
  if (mounted) await act(async () => mounted!.root.unmount());
  mounted?.container.remove();
  mounted = undefined;
});

/** Server-renders `element`, then hydrates it in the page; fails on any recoverable error. */
async function serverRenderThenHydrate(element: React.ReactElement) {
  const html = renderToString(element);
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const problems: unknown[] = [];
  releaseCell.mockClear();
  let root!: Root;
  await act(async () => {
    root = hydrateRoot(container, element, { onRecoverableError: (error) => void problems.push(error) });
  });
  mounted = { container, root };
  expect(problems).toEqual([]);
  return { html, container };
}

const parse = (html: string) => {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
};

describe('times on a server-rendered page, with the default zone', () => {
  it('the server writes dates in UTC and names the zone', () => {
    const html = renderToString(
      <ReleasesProvider>
        <ReleasesTable releases={history} />
        <ReleaseHeader release={running} />
      </ReleasesProvider>,
    );
    const page = parse(html);
    const date = page.querySelector('tbody time')!;
    expect(date.textContent).toBe(inUtc(created));
    expect(date.getAttribute('title')).toBe(inUtc(created));
    expect(page.querySelector('.gr-release-header__meta time')!.textContent).toBe(inUtc(Date.parse(running.createdAt)));
  });

  it('a zone the host pins is written as it is, without a name', () => {
    const html = renderToString(
      <ReleasesProvider timeZone="Asia/Kolkata">
        <ReleasesTable releases={history} />
      </ReleasesProvider>,
    );
    expect(parse(html).querySelector('tbody time')!.textContent).toBe(
      new Intl.DateTimeFormat('en-US', { ...MEDIUM, timeZone: 'Asia/Kolkata' }).format(created),
    );
  });

  it('once hydrated, shows local time, and renders no row of the table again', async () => {
    const { container } = await serverRenderThenHydrate(
      <ReleasesProvider>
        <ReleasesTable releases={history} height={560} />
      </ReleasesProvider>,
    );
    const date = container.querySelector('tbody time')!;
    // Hydrated: "5 min ago", with the reader's local time as its tooltip.
    expect(date.textContent).toMatch(/min\. ago/);
    expect(date.getAttribute('title')).toBe(local(created));
    const rendered = new Map<string, number>();
    for (const [column, row] of releaseCell.mock.calls as Array<[ReleaseColumn, ReleaseRow, unknown]>) {
      const key = `${row.release.id} ${column.id}`;
      rendered.set(key, (rendered.get(key) ?? 0) + 1);
    }
    expect(rendered.size).toBe(container.querySelectorAll('tbody td').length);
    // Each cell rendered once, by the hydration itself: switching to local time re-rendered the
    // date cells' times only, not the rows around them.
    expect([...rendered].filter(([, count]) => count > 1)).toEqual([]);
  });

  it('once hydrated, the other components show local time too', async () => {
    const environment = running.environments.find((candidate) => candidate.status === 'running')!;
    const { html, container } = await serverRenderThenHydrate(
      <ReleasesProvider>
        <ReleaseHeader release={running} />
        <EnvironmentDetails environment={environment} release={running} />
      </ReleasesProvider>,
    );
    expect(parse(html).querySelector('.gr-environment-details__time time')!.textContent).toBe(inUtc(Date.parse(environment.startedAt!)));
    expect(container.querySelector('.gr-release-header__meta time')!.textContent).toBe(local(Date.parse(running.createdAt)));
    expect(container.querySelector('.gr-environment-details__time time')!.textContent).toBe(local(Date.parse(environment.startedAt!)));
  });
});
