/// <reference types="vite/client" />
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { HEALTH_STATUSES, STATUS_LABELS, STATUSES, SYNC_STATUSES } from 'gitops-releases/headless';
import { ReleasesProvider, StatusBadge, type ColorMode, type StatusBadgeVariant } from '../../src/index';
import '../../src/styles/index.css';
import { describeViolations, mount, unmount } from './harness';

// Tell React this is a test environment so act() works without warnings.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const VARIANTS: readonly StatusBadgeVariant[] = ['subtle', 'solid', 'icon-only'];

function Grid() {
  return (
    <div>
      {VARIANTS.map((variant) => (
        <div key={variant} data-variant-row={variant} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, padding: 8 }}>
          {STATUSES.map((status) => (
            <StatusBadge key={status} status={status} variant={variant} />
          ))}
          <StatusBadge status="suspended" waitingFor="pull-request" variant={variant} />
          {SYNC_STATUSES.map((status) => (
            <StatusBadge key={`sync-${status}`} kind="sync" status={status} variant={variant} />
          ))}
          {HEALTH_STATUSES.map((status) => (
            <StatusBadge key={`health-${status}`} kind="health" status={status} variant={variant} />
          ))}
          {(['sm', 'lg'] as const).map((size) => (
            <StatusBadge key={size} status="running" size={size} variant={variant} />
          ))}
        </div>
      ))}
    </div>
  );
}


async function mountGrid(colorMode: ColorMode): Promise<HTMLElement> {
  return mount(
    // The page behind the components is the surface token, as a host's page would be.
    <ReleasesProvider colorMode={colorMode} style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 8 }}>
      <Grid />
    </ReleasesProvider>,
  );
}

describe('StatusBadge in a real browser', () => {
  it.each(['light', 'dark'] as const)('has no axe violations in %s mode (contrast included)', async (mode) => {
    const el = await mountGrid(mode);
    const results = await axe.run(el);
    expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
    // axe really looked at the badge text colours.
    expect(results.passes.some((p) => p.id === 'color-contrast')).toBe(true);
  });

  it('changes the computed colours between light and dark mode', async () => {
    const read = (el: HTMLElement, variant: string) => {
      const badge = el.querySelector<HTMLElement>(`.gr-status-badge[data-status="failed"][data-variant="${variant}"]`)!;
      const style = getComputedStyle(badge);
      return { color: style.color, background: style.backgroundColor };
    };
    const light = await mountGrid('light');
    const lightSubtle = read(light, 'subtle');
    const lightSolid = read(light, 'solid');
    const lightPage = getComputedStyle(light.querySelector('.gr-root')!).backgroundColor;
    await unmount();

    const dark = await mountGrid('dark');
    expect(read(dark, 'subtle').color).not.toBe(lightSubtle.color);
    expect(read(dark, 'subtle').background).not.toBe(lightSubtle.background);
    expect(read(dark, 'solid').background).not.toBe(lightSolid.background);
    expect(getComputedStyle(dark.querySelector('.gr-root')!).backgroundColor).not.toBe(lightPage);
    // The exact token values arrive (light failed fg #b3161f, dark #ff8a80).
    expect(lightSubtle.color).toBe('rgb(179, 22, 31)');
    expect(read(dark, 'subtle').color).toBe('rgb(255, 138, 128)');
  });

  it('gets the light token defaults without a provider', async () => {
    const el = await mount(<StatusBadge status="succeeded" />);
    expect(getComputedStyle(el.querySelector('.gr-status-badge')!).color).toBe('rgb(17, 99, 41)');
  });

  it('lets a host override a token by its plain name', async () => {
    const el = await mount(
      <ReleasesProvider colorMode="dark" style={{ ['--gr-status-failed-fg' as string]: '#000000' }}>
        <StatusBadge status="failed" />
        <StatusBadge kind="health" status="degraded" />
      </ReleasesProvider>,
    );
    const [failed, degraded] = [...el.querySelectorAll<HTMLElement>('.gr-status-badge')];
    expect(getComputedStyle(failed!).color).toBe('rgb(0, 0, 0)');
    // Health "degraded" follows the failed status colour unless set on its own.
    expect(getComputedStyle(degraded!).color).toBe('rgb(0, 0, 0)');
  });

  it('lets dark-mode sync and health colours follow the dark status colours', async () => {
    const el = await mountGrid('dark');
    const color = (selector: string) => getComputedStyle(el.querySelector(selector)!).color;
    expect(color('.gr-status-badge[data-kind="health"][data-status="healthy"][data-variant="subtle"]')).toBe(
      color('.gr-status-badge[data-kind="release"][data-status="succeeded"][data-variant="subtle"]'),
    );
  });

  it('gives every icon-only badge an accessible name', async () => {
    const el = await mountGrid('light');
    const iconOnly = [...el.querySelectorAll<HTMLElement>('.gr-status-badge[data-variant="icon-only"]')];
    expect(iconOnly.length).toBeGreaterThan(STATUSES.length);
    for (const badge of iconOnly) {
      expect(badge.getAttribute('role')).toBe('img');
      expect(badge.getAttribute('aria-label')).toBeTruthy();
      expect(badge.textContent).toBe('');
      // Visible: the glyph has a size.
      expect(badge.querySelector('svg')!.getBoundingClientRect().width).toBeGreaterThan(10);
    }
    expect(el.querySelector('[data-variant="icon-only"][data-status="failed"]')).toHaveProperty('ariaLabel', STATUS_LABELS.failed);
  });

  it('spins only the in-progress glyphs (turned off by prefers-reduced-motion in the CSS)', async () => {
    const el = await mountGrid('light');
    const animation = (selector: string) => getComputedStyle(el.querySelector(`${selector} svg`)!).animationName;
    expect(animation('[data-status="running"][data-variant="subtle"]')).toBe('gr-status-badge-spin');
    expect(animation('[data-kind="sync"][data-status="syncing"][data-variant="subtle"]')).toBe('gr-status-badge-spin');
    expect(animation('[data-status="failed"][data-variant="subtle"]')).toBe('none');
  });

  it('truncates a long label with an ellipsis inside a narrow container', async () => {
    const long = 'Waiting for the production change advisory board to approve the promotion';
    const el = await mount(
      <div style={{ width: 160 }}>
        <StatusBadge status="suspended" label={long} />
      </div>,
    );
    const badge = el.querySelector<HTMLElement>('.gr-status-badge')!;
    const label = badge.querySelector<HTMLElement>('.gr-status-badge__label')!;
    expect(badge.getBoundingClientRect().width).toBeLessThanOrEqual(160);
    expect(label.scrollWidth).toBeGreaterThan(label.clientWidth);
    expect(getComputedStyle(label).textOverflow).toBe('ellipsis');
    expect(badge.title).toBe(long);
  });
});
