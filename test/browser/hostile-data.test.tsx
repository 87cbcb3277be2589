/// <reference types="vite/client" />
// Release data is untrusted: a corpus of hostile strings, through every component that shows
// text from it, in a real browser. Nothing may run, no element may be injected, only http(s) and
// mailto links may appear, and the text must reach the reader as it was sent.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { sampleRelease, type Release } from 'gitops-releases/headless';
import { ReleaseHeader, ReleaseNotes, ReleasesProvider, ReleasesTable } from '../../src';
import '../../src/styles/index.css';
import { describeViolations, mount } from './harness';

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
