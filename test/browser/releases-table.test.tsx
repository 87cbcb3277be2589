/// <reference types="vite/client" />
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { sampleReleaseHistory, type Release } from 'gitops-releases/headless';
import { ReleasesProvider, ReleasesTable } from '../../src';
import '../../src/styles/index.css';
import { describeViolations, mount } from './harness';

const TEN_THOUSAND = sampleReleaseHistory({ count: 10_000, shape: 'regions', seed: 9 });
const bodyRows = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('tbody tr.gr-releases-table__row')];
const scroller = (root: ParentNode) => root.querySelector<HTMLElement>('.gr-releases-table__scroller')!;
const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

describe('ReleasesTable in a real browser', () => {
  it('keeps about 60 rows in the page for 10,000 releases, wherever it is scrolled', async () => {
    const root = await mount(<ReleasesTable releases={TEN_THOUSAND} height={640} />, { width: '1400px' });
    expect(root.querySelector('table')).toHaveAttribute('aria-rowcount', '10001');
    expect(bodyRows(root).length).toBeLessThanOrEqual(80);
    const box = scroller(root);
    // The spacer rows give the box the height of every row.
    expect(box.scrollHeight).toBeGreaterThan(10_000 * 40);
    for (const fraction of [0.25, 0.5, 0.999]) {
      box.scrollTop = (box.scrollHeight - box.clientHeight) * fraction;
      await vi.waitFor(() => expect(Number(bodyRows(root)[0]!.dataset.index)).toBeGreaterThan(10_000 * fraction - 80));
      await nextFrame();
      const rows = bodyRows(root);
      expect(rows.length).toBeLessThanOrEqual(80);
      // The rows drawn are the ones in view: the first is at or above the top of the box.
      const top = box.getBoundingClientRect().top;
      expect(rows[0]!.getBoundingClientRect().top).toBeLessThanOrEqual(top + 40);
      expect(rows.at(-1)!.getBoundingClientRect().bottom).toBeGreaterThanOrEqual(box.getBoundingClientRect().bottom);
    }
    // The header stays on top of the box.
    const header = root.querySelector('thead th')!;
    expect(Math.round(header.getBoundingClientRect().top)).toBe(Math.round(box.getBoundingClientRect().top) + 1);
  });

  it('moves the keyboard focus beyond the rows drawn, and End reaches the last release', async () => {
    const onReleaseSelect = vi.fn();
    const root = await mount(<ReleasesTable releases={TEN_THOUSAND} height={480} onReleaseSelect={onReleaseSelect} />, { width: '1400px' });
    const first = bodyRows(root)[0]!;
    expect(first.tabIndex).toBe(0);
    first.focus();
    const press = (key: string) =>
      act(() => {
        document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      });
    for (let i = 0; i < 30; i++) await press('ArrowDown');
    await vi.waitFor(() => expect(document.activeElement).toHaveAttribute('data-index', '30'));
    await press('End');
    await vi.waitFor(() => expect(document.activeElement).toHaveAttribute('data-index', '9999'));
    await press('Enter');
    expect(onReleaseSelect).toHaveBeenLastCalledWith(TEN_THOUSAND[9999]);
    // Focus is on a row that is really in view.
    const box = scroller(root).getBoundingClientRect();
    const focused = (document.activeElement as HTMLElement).getBoundingClientRect();
    expect(focused.top).toBeGreaterThanOrEqual(box.top);
    expect(focused.bottom).toBeLessThanOrEqual(box.bottom + 1);
    await press('Home');
    await vi.waitFor(() => expect(document.activeElement).toHaveAttribute('data-index', '0'));
  });

  it.each(['light', 'dark'] as const)('has no axe violations in %s mode, filters open', async (colorMode) => {
    const root = await mount(
      <ReleasesProvider colorMode={colorMode}>
        <div style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 16 }}>
          <ReleasesTable releases={TEN_THOUSAND.slice(0, 300)} getReleaseHref={(release: Release) => `/releases/${release.id}`} />
        </div>
      </ReleasesProvider>,
      { width: '1400px' },
    );
    await act(async () => root.querySelector<HTMLButtonElement>('.gr-releases-table__menu-button')!.click());
    const results = await axe.run(root);
    expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
  });

  it('hydrates server markup without a mismatch', async () => {
    const releases = TEN_THOUSAND.slice(0, 500);
    const element = (
      <ReleasesProvider colorMode="light" timeZone="UTC">
        <ReleasesTable releases={releases} height={560} />
      </ReleasesProvider>
    );
    const container = document.createElement('div');
    container.style.width = '1400px';
    container.innerHTML = renderToString(element);
    document.body.append(container);
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
    const root = await act(async () => hydrateRoot(container, element, { onRecoverableError: (error) => errors.push(error) }));
    await nextFrame();
    spy.mockRestore();
    expect(errors).toEqual([]);
    // After hydration the clock runs: dates read relative.
    await vi.waitFor(() => expect(container.querySelector('tbody time')!.textContent).toMatch(/ago|yesterday|now|last|min|hr|day|week|month|year/));
    act(() => root.unmount());
    container.remove();
  });
});
