/// <reference types="vite/client" />
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { DEFAULT_TABLE_STATE, sampleReleaseHistory, type Release } from 'gitops-releases/headless';
import { ReleasesProvider, ReleasesTable } from '../../src';
import '../../src/styles/index.css';
import { describeViolations, mount } from './harness';
import { fleetHistory } from '../fixtures/fleet';

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

describe('the Environment filter in a real browser', () => {
  const releases = sampleReleaseHistory({ count: 40, shape: 'regions', seed: 9 });
  const menuButton = (root: ParentNode, label: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('.gr-releases-table__menu-button')].find((button) =>
      button.closest('.gr-releases-table__menu')!.querySelector('.gr-releases-table__field-label')!.textContent === label,
    )!;
  const radio = (root: ParentNode, name: string) =>
    [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((input) => input.closest('label')!.textContent === name)!;
  const count = (root: ParentNode) => root.querySelector('.gr-releases-table__count')!.textContent;

  it('opens, chooses with the arrow keys, closes with Escape and clears, from the keyboard', async () => {
    const root = await mount(
      <ReleasesProvider colorMode="light">
        <ReleasesTable releases={releases} height={480} />
      </ReleasesProvider>,
      { width: '1400px' },
    );
    const button = menuButton(root, 'Environment');
    expect(button.textContent).toBe('Any');
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await userEvent.tab();
    expect(document.activeElement).toBe(radio(root, 'Any environment'));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(radio(root, 'dev'));
    await userEvent.keyboard('{ArrowDown}');
    expect(radio(root, 'staging').checked).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(button);
    expect(button.textContent).toBe('staging');

    await userEvent.keyboard(' ');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await userEvent.tab();
    expect(document.activeElement).toBe(radio(root, 'staging'));
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(radio(root, 'Any environment').checked).toBe(true);
    expect(count(root)).toBe(`${releases.length} releases`);
    expect(button.textContent).toBe('Any');
  });

  it.each(['light', 'dark'] as const)('looks like the Status filter beside it, open and closed, in %s mode, with no axe violation', async (mode) => {
    const root = await mount(
      <ReleasesProvider colorMode={mode}>
        <div style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 16 }}>
          <ReleasesTable releases={releases} height={480} />
        </div>
      </ReleasesProvider>,
      { width: '1400px' },
    );
    const look = (element: Element) => {
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, color: style.color, border: style.borderTopColor, height: style.height, font: style.font };
    };
    const environment = menuButton(root, 'Environment');
    const status = menuButton(root, 'Status');
    expect(look(environment)).toEqual(look(status));
    await act(async () => environment.click());
    const list = environment.closest('.gr-releases-table__menu')!.querySelector('.gr-releases-table__menu-list')!;
    expect(list.getBoundingClientRect().height).toBeGreaterThan(0);
    await act(async () => status.click());
    const statusList = status.closest('.gr-releases-table__menu')!.querySelector('.gr-releases-table__menu-list')!;
    expect(look(list)).toEqual({ ...look(statusList), height: look(list).height });
    await act(async () => environment.click());
    const results = await axe.run(root);
    expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
  });

  it('cuts a long chosen environment in its button instead of widening the bar', async () => {
    const name = `eu-central-${'x'.repeat(180)}`;
    const long = releases.map((release) => ({ ...release, environments: release.environments.map((e) => (e.name === 'prod-eu' ? { ...e, name } : e)) }));
    const root = await mount(
      <ReleasesProvider colorMode="light">
        <ReleasesTable releases={long} height={480} defaultState={{ ...DEFAULT_TABLE_STATE, filters: { environment: name } }} />
      </ReleasesProvider>,
      { width: '1400px' },
    );
    const button = menuButton(root, 'Environment');
    const value = button.querySelector<HTMLElement>('.gr-releases-table__menu-value')!;
    expect(value.textContent).toBe(name);
    expect(button.getBoundingClientRect().width).toBeLessThanOrEqual(16 * 16);
    expect(value.scrollWidth).toBeGreaterThan(value.clientWidth);
    expect(getComputedStyle(value).textOverflow).toBe('ellipsis');
  });
});

describe('group columns in a real browser', () => {
  // 200 releases of 2,000 stores each (400,000 environments), in four waves of 12 regions.
  const FLEET = fleetHistory({ count: 200, stores: 2_000 });
  const groupButton = (root: ParentNode, group: string) => root.querySelector<HTMLButtonElement>(`th button[aria-label="${CSS.escape(group)}"]`);
  const headerTexts = (root: ParentNode) => [...root.querySelectorAll('thead th')].map((th) => th.textContent);

  it('shows a column per wave, keeps about 60 rows in the page, and opens a wave from the keyboard', async () => {
    const root = await mount(
      <ReleasesProvider colorMode="light">
        <ReleasesTable releases={FLEET} height={560} />
      </ReleasesProvider>,
      { width: '1400px' },
    );
    expect(headerTexts(root).slice(7)).toEqual(['dev', 'staging', 'wave-1', 'approve-1', 'wave-2', 'approve-2', 'wave-3', 'approve-3', 'wave-4']);
    expect(bodyRows(root).length).toBeLessThanOrEqual(80);
    const failed = bodyRows(root)[1]!.querySelectorAll('td')[headerTexts(root).indexOf('wave-2')]!;
    expect(failed.textContent).toContain('3 failed / 250');
    // The bar's segments are drawn in the status colours, as wide as their counts.
    const segments = [...failed.querySelectorAll<HTMLElement>('.gr-releases-table__group-segment')];
    expect(segments.map((segment) => segment.dataset.status)).toEqual(['succeeded', 'failed']);
    expect(getComputedStyle(segments[1]!).backgroundColor).not.toBe(getComputedStyle(segments[0]!).backgroundColor);
    expect(segments[0]!.getBoundingClientRect().width).toBeGreaterThan(segments[1]!.getBoundingClientRect().width * 20);

    // Tab reaches the header's button; Enter opens the wave into its regions.
    const wave = groupButton(root, 'wave-2')!;
    wave.focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(wave).toHaveAttribute('aria-expanded', 'true'));
    expect(headerTexts(root)).toContain('eu-west');
    await userEvent.tab();
    expect(document.activeElement).toBe(groupButton(root, 'wave-2/eu-west'));
    await userEvent.keyboard(' ');
    await vi.waitFor(() => expect(headerTexts(root).filter((text) => text!.startsWith('store-'))).toHaveLength(21));
    // The table scrolls sideways for the new columns; rows stay virtualised while it scrolls down.
    const box = scroller(root);
    expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    box.scrollTop = box.scrollHeight / 2;
    await vi.waitFor(() => expect(Number(bodyRows(root)[0]!.dataset.index)).toBeGreaterThan(60));
    expect(bodyRows(root).length).toBeLessThanOrEqual(80);
    groupButton(root, 'wave-2')!.focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(headerTexts(root)).not.toContain('eu-west'));
  });

  it.each(['light', 'dark'] as const)('has no axe violations in %s mode, a wave open and the Columns menu open', async (colorMode) => {
    const root = await mount(
      <ReleasesProvider colorMode={colorMode}>
        <div style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 16 }}>
          <ReleasesTable releases={FLEET.slice(0, 30)} height={480} defaultExpandedGroups={['wave-2', 'wave-2/eu-west']} />
        </div>
      </ReleasesProvider>,
      { width: '1400px' },
    );
    const columns = [...root.querySelectorAll<HTMLButtonElement>('.gr-releases-table__menu-button')].at(-1)!;
    await act(async () => columns.click());
    expect(root.querySelector('.gr-releases-table__columns-menu [data-depth="2"]')).not.toBeNull();
    const results = await axe.run(root);
    expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
  });
});
