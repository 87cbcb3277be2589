import { act } from 'react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ReleaseInsights, ReleasesProvider } from '../../src';
import '../../src/styles/index.css';
import { fixtureMetrics } from '../fixtures/delivery-metrics';
import { describeViolations, mount } from './harness';

const page = (colorMode: 'light' | 'dark', onDaysChange = vi.fn()) => (
  <ReleasesProvider colorMode={colorMode} timeZone="UTC">
    <div style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 16 }}>
      <ReleaseInsights metrics={fixtureMetrics()} getReleaseHref={(release) => `/releases/${release.id}`} onDaysChange={onDaysChange} />
    </div>
  </ReleasesProvider>
);

describe('ReleaseInsights in a real browser', () => {
  it.each(['light', 'dark'] as const)('has no axe violations in %s mode, every chart open as a table', async (colorMode) => {
    const root = await mount(page(colorMode), { width: '1200px' });
    for (const button of root.querySelectorAll<HTMLButtonElement>('.gr-release-insights__toggle')) await act(async () => button.click());
    expect(root.querySelectorAll('table').length).toBe(8);
    const results = await axe.run(root);
    expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
  });

  it('lays the four tiles out side by side and the value stream as one bar as wide as the section', async () => {
    const root = await mount(page('light'), { width: '1200px' });
    const tiles = [...root.querySelectorAll<HTMLElement>('.gr-release-insights__tile')].map((tile) => tile.getBoundingClientRect());
    expect(tiles).toHaveLength(4);
    expect(new Set(tiles.map((box) => Math.round(box.top))).size).toBe(1);
    const bar = root.querySelector('.gr-release-insights__bar')!.getBoundingClientRect();
    const segments = [...root.querySelectorAll('.gr-release-insights__segment')].map((segment) => segment.getBoundingClientRect());
    // Edge to edge, in order, each as wide as its share: production's wait is about half the bar.
    expect(segments[0]!.left).toBeCloseTo(bar.left, 0);
    expect(segments.at(-1)!.right).toBeCloseTo(bar.right, 0);
    expect(segments[4]!.width / bar.width).toBeCloseTo(0.47, 1);
    // The sparklines are drawn, stroked in the accent colour.
    const line = root.querySelector('.gr-release-insights__sparkline-line')!;
    expect(getComputedStyle(line).stroke).toBe('rgb(9, 105, 218)');
  });

  it('tells better from worse by an arrow and a word, not colour alone', async () => {
    const root = await mount(page('dark'), { width: '1200px' });
    const better = root.querySelector<HTMLElement>('[data-verdict="better"]')!;
    const worse = root.querySelector<HTMLElement>('[data-verdict="worse"]')!;
    expect(getComputedStyle(better).color).not.toBe(getComputedStyle(worse).color);
    expect(better.querySelector('svg')!.getBoundingClientRect().width).toBeGreaterThan(0);
    expect(better).toHaveTextContent('better');
    expect(worse).toHaveTextContent('worse');
  });

  it('changes the window from the keyboard', async () => {
    const onDaysChange = vi.fn();
    const root = await mount(page('light', onDaysChange), { width: '1200px' });
    const seven = root.querySelector<HTMLInputElement>('input[value="7"]')!;
    seven.focus();
    expect(getComputedStyle(seven.nextElementSibling!).outlineStyle).toBe('solid');
    await userEvent.keyboard('{ArrowRight}');
    expect(onDaysChange).toHaveBeenLastCalledWith(30);
    expect(root.querySelector<HTMLInputElement>('input[value="30"]')).toBe(document.activeElement);
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toHaveTextContent('Show as table');
    await userEvent.keyboard('{Enter}');
    expect(document.activeElement).toHaveAttribute('aria-expanded', 'true');
  });
});
