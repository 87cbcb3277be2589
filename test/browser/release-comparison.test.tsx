/// <reference types="vite/client" />
import { act } from 'react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { sampleRelease, sampleReleaseHistory, type Release } from 'gitops-releases/headless';
import { ReleaseComparison, ReleasesProvider, ReleasesTable } from '../../src';
import '../../src/styles/index.css';
import { describeViolations, mount } from './harness';

const older = sampleRelease({ shape: 'regions', state: 'succeeded', seed: 2 });
const newer = sampleRelease({ shape: 'regions', state: 'failed', seed: 1 });
const history = sampleReleaseHistory({ count: 2_000, shape: 'regions', seed: 6 });
const bodyRows = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('tbody tr.gr-releases-table__row')];
const checkbox = (row: HTMLElement) => row.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

describe.each(['light', 'dark'] as const)('selection and comparison in a real browser, %s', (colorMode) => {
  it('selects a range with Shift among thousands of rows, keeps the date column beside the checkboxes, and passes axe', async () => {
    const onCompare = vi.fn();
    const root = await mount(
      <ReleasesProvider colorMode={colorMode} style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 8 }}>
        <ReleasesTable releases={history} onCompare={onCompare} height={480} />
      </ReleasesProvider>,
      { width: '900px' },
    );
    // Virtualised still: a few dozen rows of 2,000.
    expect(bodyRows(root).length).toBeLessThanOrEqual(60);
    await act(async () => checkbox(bodyRows(root)[2]!).click());
    await act(async () => {
      checkbox(bodyRows(root)[5]!).dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, shiftKey: true }));
      checkbox(bodyRows(root)[5]!).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, shiftKey: true }));
    });
    expect(bodyRows(root).map((row) => row.hasAttribute('data-selected')).slice(0, 8)).toEqual([false, false, true, true, true, true, false, false]);
    expect(root.querySelector('.gr-releases-table__selection [role="status"]')).toHaveTextContent('4 selected');

    // Scrolled sideways, the checkbox and the date stay in view, side by side.
    const scroller = root.querySelector<HTMLElement>('.gr-releases-table__scroller')!;
    scroller.scrollLeft = 400;
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    const row = bodyRows(root)[0]!;
    const [select, date] = [row.querySelector('[data-column="select"]')!, row.querySelector('[data-column="date"]')!].map((cell) => cell.getBoundingClientRect());
    const left = scroller.getBoundingClientRect().left;
    expect(Math.round(select!.left - left)).toBeLessThanOrEqual(1);
    expect(Math.abs(date!.left - select!.right)).toBeLessThanOrEqual(1);

    const results = await axe.run(root);
    expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
  });

  it('shows a comparison whose texts meet contrast and every rule of axe', async () => {
    const root = await mount(
      <ReleasesProvider colorMode={colorMode} style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 8 }}>
        <ReleaseComparison older={older} newer={newer} />
      </ReleasesProvider>,
      { width: '1100px' },
    );
    expect(root.querySelector('.gr-release-comparison')).toHaveAttribute('data-state', 'ready');
    const results = await axe.run(root);
    expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
    expect(results.passes.some((p) => p.id === 'color-contrast')).toBe(true);
  });

  it('keeps long names inside a narrow box', async () => {
    const long = (release: Release): Release => ({ ...release, product: 'checkout-payments-and-subscriptions-platform-'.repeat(3) });
    const root = await mount(
      <ReleasesProvider colorMode={colorMode} style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 8 }}>
        <ReleaseComparison older={long(sampleRelease({ shape: 'regions', seed: 2, longNames: true }))} newer={long(sampleRelease({ shape: 'regions', seed: 1, longNames: true }))} />
      </ReleasesProvider>,
      { width: '360px' },
    );
    const comparison = root.querySelector<HTMLElement>('.gr-release-comparison')!;
    expect(comparison.scrollWidth).toBeLessThanOrEqual(comparison.clientWidth + 1);
    const results = await axe.run(root);
    expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
  });
});
