/// <reference types="vite/client" />
// Release data is untrusted: a corpus of hostile strings, through every component that shows
// text from it, in a real browser. Nothing may run, no element may be injected, only http(s) and
// mailto links may appear, and the text must reach the reader as it was sent.
import { act } from 'react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleRelease, type Release } from 'gitops-releases/headless';
import { ReleaseHeader, ReleaseNotes, ReleasesProvider, ReleasesTable, ReleaseView } from '../../src';
import '../../src/styles/index.css';
import { HOSTILE_NAMES, LONG_NAME, prototypeChanges, prototypeState, restorePrototypes, type PrototypeState } from '../fixtures/hostile-names';
import { hostileEnvironments, hostileRelease } from '../fixtures/hostile-release';
import { describeViolations, mount, unmount } from './harness';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  '[click](javascript:window.__pwned=1)',
  'javascript:window.__pwned=1',
  'pay\u202Egnp.exe\u202C',
  'zero\u200Bwidth\u200D\uFEFFjoiner',
  `100 kB: ${'A long commit message that goes on. '.repeat(2_900)}`,
];
const BAD_URLS = ['javascript:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>', 'vbscript:msgbox(1)', '//evil.example/x'];

const base = sampleRelease({ shape: 'regions', state: 'failed' });
const hostile = (text: string, i: number): Release => ({
  ...base,
  id: `hostile-${i}`,
  version: text.slice(0, 300),
  flow: { name: text.slice(0, 300) },
  statusReason: text,
  error: { code: 'STEP_FAILED', message: text },
  initiator: { name: text.slice(0, 300), avatarUrl: BAD_URLS[i % BAD_URLS.length] },
  trigger: { ...base.trigger, commit: { sha: 'abcdef1234567890', message: `${text}\nsecond line`, url: BAD_URLS[i % BAD_URLS.length], author: { name: text.slice(0, 300) } } },
  notes: {
    images: [{ reference: text.slice(0, 500), url: BAD_URLS[i % BAD_URLS.length] }],
    issues: [{ key: `HX-${i}`, title: text, url: BAD_URLS[(i + 1) % BAD_URLS.length], assignee: { name: text.slice(0, 200), avatarUrl: BAD_URLS[i % BAD_URLS.length] } }],
    pullRequests: [{ id: String(i), title: text, url: BAD_URLS[(i + 2) % BAD_URLS.length], state: 'open', repo: 'acme/x' }],
    commits: [{ sha: `${'c'.repeat(39)}${i}`, message: text, url: BAD_URLS[(i + 3) % BAD_URLS.length] }],
  },
});
const releases = HOSTILE.map(hostile);

function expectInert(root: HTMLElement) {
  expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  expect(root.querySelector('script, img[src="x"], svg[onload], [onerror], [onload]')).toBeNull();
  for (const link of root.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:|\/(?!\/))/);
  for (const image of root.querySelectorAll('img')) expect(image.getAttribute('src')).toMatch(/^https?:\/\//);
}

describe('hostile release data in a real browser', () => {
  it('stays text in the release notes, as it was sent', async () => {
    const root = await mount(<ReleaseNotes release={releases} />, { width: '900px' });
    expectInert(root);
    const text = root.textContent!;
    expect(text).toContain('<script>window.__pwned=1</script>');
    // Right-to-left overrides and zero-width characters reach the reader unchanged, as text.
    expect(text).toContain('pay\u202Egnp.exe\u202C');
    expect(text).toContain('zero\u200Bwidth\u200D\uFEFFjoiner');
    const results = await axe.run(root);
    expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
  });

  it('stays text in the releases table', async () => {
    const root = await mount(<ReleasesTable releases={releases} getReleaseHref={() => 'javascript:window.__pwned=1'} getFlowHref={() => '//evil.example'} />, {
      width: '1400px',
    });
    expectInert(root);
    expect(root.querySelectorAll('tbody tr.gr-releases-table__row').length).toBe(HOSTILE.length);
    expect(root.textContent).toContain('"><svg onload=window.__pwned=1>');
  });

  it('stays text in the release header, with a 100 kB message on one line', async () => {
    const root = await mount(
      <ReleasesProvider colorMode="dark">
        {releases.map((release) => (
          <ReleaseHeader key={release.id} release={release} getCommitHref={() => 'javascript:window.__pwned=1'} />
        ))}
      </ReleasesProvider>,
      { width: '1000px' },
    );
    expectInert(root);
    expect(root.textContent).toContain('[click](javascript:window.__pwned=1)');
    // The long message is clipped to its box: no header grows wider than the 1000 px it was given.
    for (const header of root.querySelectorAll<HTMLElement>('.gr-release-header')) expect(header.scrollWidth).toBeLessThanOrEqual(1001);
  });
});

// Names are data too: environments, applications, steps and flows named after Object.prototype's
// members, or holding spaces, `/`, `#`, `?`, quotes, emoji, 200 characters. They must show as
// text, be found by their name, and open like any other.
describe('hostile names in a real browser', () => {
  let logged: ReturnType<typeof vi.spyOn>[];
  let before: PrototypeState;
  beforeEach(() => {
    before = prototypeState();
    logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
  });
  afterEach(() => {
    const messages = logged.flatMap((spy) => spy.mock.calls.map((call: unknown[]) => call.map(String).join(' ')));
    for (const spy of logged) spy.mockRestore();
    const changes = prototypeChanges(before);
    restorePrototypes(before);
    expect(changes, 'Object.prototype or Array.prototype changed').toEqual([]);
    expect(messages, 'console.error or console.warn').toEqual([]);
  });

  const release = hostileRelease();
  const graphNodes = (root: HTMLElement) => new Map([...root.querySelectorAll<HTMLElement>('[data-env-id]')].map((el) => [el.dataset.envId!, el]));
  const drawn = async (root: HTMLElement) => {
    // React Flow draws its nodes after measuring them.
    await vi.waitFor(() => expect(graphNodes(root).size).toBe(HOSTILE_NAMES.length), { timeout: 20_000 });
    return graphNodes(root);
  };
  const detailsTitle = (root: HTMLElement) => root.querySelector('.gr-environment-details__title')?.textContent;
  const press = async (element: HTMLElement, key: string) => {
    element.focus();
    await act(async () => element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
  };

  it('draws a node per environment, each found by its name, and opens __proto__ and constructor', async () => {
    const root = await mount(<ReleaseView release={release} graphHeight={700} />, { width: '1400px' });
    const nodes = await drawn(root);
    expect([...nodes.keys()].sort()).toEqual([...HOSTILE_NAMES].sort());
    for (const name of HOSTILE_NAMES) {
      const node = nodes.get(name)!;
      expect(node.textContent).toContain(name);
      // Found by an attribute selector of its name, as the graph's own focus code does.
      expect(root.querySelector(`[data-env-id="${CSS.escape(name)}"]`)).toBe(node);
      const box = node.getBoundingClientRect();
      expect(Number.isFinite(box.left) && box.width > 0, name).toBe(true);
    }
    await press(nodes.get('__proto__')!, 'Enter');
    await vi.waitFor(() => expect(detailsTitle(root)).toContain('__proto__'));
    // Open details follow the selection: a click on constructor shows constructor's.
    await act(async () => graphNodes(root).get('constructor')!.click());
    await vi.waitFor(() => expect(detailsTitle(root)).toContain('constructor'));
    const details = root.querySelector<HTMLElement>('.gr-release-view__details')!;
    expect(details.textContent).toContain('toString');
    await press(graphNodes(root).get(LONG_NAME)!, 'Enter');
    await vi.waitFor(() => expect(detailsTitle(root)).toContain(LONG_NAME));
  });

  it('moves between hostile names with the arrow keys', async () => {
    const root = await mount(<ReleaseView release={release} graphHeight={700} />, { width: '1400px' });
    const nodes = await drawn(root);
    await press(nodes.get('__proto__')!, 'Enter');
    await press(graphNodes(root).get('constructor')!, 'ArrowRight');
    await vi.waitFor(() => expect(detailsTitle(root)).toContain('toString'));
  });

  it('lists hostile names in the timeline and the applications table', async () => {
    const timeline = await mount(<ReleaseView release={release} defaultTab="timeline" />, { width: '1400px' });
    const rows = [...timeline.querySelectorAll('.gr-release-timeline__row')].map((row) => row.textContent);
    for (const name of HOSTILE_NAMES) expect(rows.some((text) => text!.includes(name)), name).toBe(true);
    await unmount();
    const applications = await mount(<ReleaseView release={release} defaultTab="applications" />, { width: '1400px' });
    for (const name of HOSTILE_NAMES) expect(applications.textContent).toContain(name);
  });

  it('shows notes grouped by hostile application names', async () => {
    const root = await mount(<ReleaseNotes release={[release, hostileRelease({ id: 'second' })]} groupBy="application" />, { width: '900px' });
    const groups = [...root.querySelectorAll<HTMLElement>('.gr-release-notes__group')];
    expect(groups.map((group) => group.querySelector('.gr-release-notes__heading')!.textContent)).toEqual([
      expect.stringContaining('__proto__'),
      expect.stringContaining('toString'),
      expect.stringContaining('valueOf'),
    ]);
  });

  it('gives the table a column per hostile environment, filters by one and hides one', async () => {
    const other = hostileRelease({ id: 'other', flow: { name: 'constructor' }, environments: hostileEnvironments(['constructor', 'toString']) });
    const root = await mount(<ReleasesTable releases={[release, other]} />, { width: '1400px' });
    const headers = () => [...root.querySelectorAll<HTMLElement>('th[data-kind="environment"]')].map((th) => th.textContent);
    expect(headers()).toEqual([...HOSTILE_NAMES]);
    // The Environment menu's radio buttons, one per name, each value kept as text.
    const choose = (name: string) =>
      act(async () => [...root.querySelectorAll<HTMLInputElement>('[role="radiogroup"] input[type="radio"]')].find((input) => input.closest('label')!.textContent === name)!.click());
    await choose('__proto__');
    expect(root.querySelectorAll('tbody tr.gr-releases-table__row')).toHaveLength(1);
    await choose('constructor');
    expect(root.querySelectorAll('tbody tr.gr-releases-table__row')).toHaveLength(2);
    const option = [...root.querySelectorAll<HTMLLabelElement>('.gr-releases-table__columns-menu label')].find((label) => label.textContent === '__proto__')!;
    await act(async () => option.querySelector('input')!.click());
    expect(headers()).toEqual(HOSTILE_NAMES.filter((name) => name !== '__proto__'));
  });
});
