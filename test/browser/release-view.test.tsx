/// <reference types="vite/client" />
import { act } from 'react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { sampleRelease, type Release } from 'gitops-releases/headless';
import { ReleasesProvider } from '../../src/components/provider';
import { ReleaseView, type ReleaseViewTab } from '../../src/components/ReleaseView';
import '../../src/styles/index.css';
import { describeViolations, mount, unmount } from './harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const now = new Date().toISOString();
const failed: Release = (() => {
  const release = sampleRelease({ shape: 'parallel', state: 'failed' });
  const message = 'Merge the checkout rework for AP-47672 and AP-47673, with a subject long enough to be cut\n\n* Optimize performance';
  return { ...release, trigger: { ...release.trigger, commit: { ...release.trigger.commit!, message } } };
})();
const running = sampleRelease({ shape: 'parallel', state: 'running', now });
const SAMPLES = { failed, running } as const;
const TABS: readonly ReleaseViewTab[] = ['graph', 'notes', 'applications', 'timeline'];


function View({ release, mode, tab }: { release: Release; mode: 'light' | 'dark'; tab: ReleaseViewTab }) {
  return (
    <ReleasesProvider colorMode={mode} style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 16 }}>
      <ReleaseView
        release={release}
        defaultTab={tab}
        onRetry={() => {}}
        onTerminate={() => {}}
        onReleaseNotes={() => {}}
        getProductHref={(r) => `https://host.example/products/${r.product}`}
      />
    </ReleasesProvider>
  );
}

describe('ReleaseView in a real browser', () => {
  for (const [name, release] of Object.entries(SAMPLES)) {
    for (const mode of ['light', 'dark'] as const) {
      it.each(TABS)(`has no axe violations: ${name}, ${mode} mode, %s tab (contrast included)`, async (tab) => {
        const el = await mount(<View release={release} mode={mode} tab={tab} />, { width: '1200px' });
        const results = await axe.run(el);
        expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
        expect(results.passes.some((p) => p.id === 'color-contrast')).toBe(true);
      });
    }
  }

  it('cuts the commit message to one line with an ellipsis until "Show more"', async () => {
    const el = await mount(
      <div style={{ width: 600 }}>
        <View release={failed} mode="light" tab="graph" />
      </div>,
    { width: '1200px' },
    );
    const text = el.querySelector<HTMLElement>('.gr-release-header__message-text')!;
    const lineHeight = parseFloat(getComputedStyle(text).lineHeight);
    expect(text.getBoundingClientRect().height).toBeLessThan(lineHeight * 1.5);
    expect(text.scrollWidth).toBeGreaterThan(text.clientWidth);
    const toggle = el.querySelector<HTMLButtonElement>('.gr-release-header__toggle')!;
    await act(async () => toggle.click());
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(text.getBoundingClientRect().height).toBeGreaterThan(lineHeight * 2);
  });

  it('colours timeline bars with the status tokens and keeps them inside their track', async () => {
    const el = await mount(<View release={running} mode="light" tab="timeline" />, { width: '1200px' });
    const bar = (status: string) => el.querySelector<HTMLElement>(`.gr-release-timeline__row[data-status="${status}"] .gr-release-timeline__bar`)!;
    // Light succeeded solid #1a7f37, running solid #0969da.
    expect(getComputedStyle(bar('succeeded')).backgroundColor).toBe('rgb(26, 127, 55)');
    expect(getComputedStyle(bar('running')).backgroundColor).toBe('rgb(9, 105, 218)');
    for (const b of el.querySelectorAll<HTMLElement>('.gr-release-timeline__bar')) {
      const track = b.parentElement!.getBoundingClientRect();
      const box = b.getBoundingClientRect();
      expect(box.left).toBeGreaterThanOrEqual(track.left - 0.5);
      expect(box.right).toBeLessThanOrEqual(track.right + 0.5);
      expect(box.width).toBeGreaterThanOrEqual(3);
    }
  });

  it('does not overflow sideways with 60-character names', async () => {
    const long = sampleRelease({ shape: 'parallel', state: 'failed', longNames: true });
    for (const tab of ['graph', 'timeline'] as const) {
      const el = await mount(
        <div style={{ width: 800 }}>
          <View release={long} mode="light" tab={tab} />
        </div>,
      { width: '1200px' },
      );
      const view = el.querySelector<HTMLElement>('.gr-release-view')!;
      expect(view.scrollWidth).toBeLessThanOrEqual(view.clientWidth + 1);
      await unmount();
    }
  });
});

describe('ReleaseView with 300 environments', () => {
  // How fast is for bench/: this checks that every row arrives and is laid out.
  it('opens the Applications and Timeline tabs with every row', async () => {
    const huge = sampleRelease({ shape: 'huge', state: 'running', now });
    const el = await mount(<View release={huge} mode="light" tab="graph" />, { width: '1200px' });
    for (const [tab, selector] of [
      ['Applications', 'tbody tr'],
      ['Timeline', '.gr-release-timeline__row'],
    ] as const) {
      const trigger = [...el.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent?.startsWith(tab))!;
      // Radix activates a tab on mousedown.
      await act(async () => {
        trigger.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
      });
      // Layout included: read a size after the commit.
      expect(el.querySelector('[role="tabpanel"][data-state="active"]')!.getBoundingClientRect().height).toBeGreaterThan(1000);
      expect(el.querySelectorAll(selector).length).toBe(
        tab === 'Applications' ? huge.environments.reduce((n, e) => n + e.applications.length, 0) : 300,
      );
    }
  });
});
