/// <reference types="vite/client" />
// A server and a browser in different time zones and locales, as in production: the HTML comes
// from a Node process in Pacific/Auckland with a French default locale (see commands.ts), and
// this Chromium runs in America/Los_Angeles with a German one (the project's Playwright context
// options). Every public component must hydrate over that HTML without a recoverable error, a
// console error or warning, or a first client render that differs from the server's; and once
// hydrated, the reader must see times in their own zone (or the one the host pinned).
import { act, useLayoutEffect, type ReactElement, type ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { allCases, sampleData, type Variant } from './cases';
import type { ServerRender } from './commands.mjs';
import { BROWSER, SERVER } from './zones.mjs';
import '../../src/styles/index.css';

declare module 'vitest/browser' {
  interface BrowserCommands {
    renderOnServer: (now: string) => Promise<ServerRender>;
  }
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// The data was seen five minutes before the page hydrates: running releases have been running
// for a while, the newest release was created "5 min ago".
const now = new Date(Date.now() - 5 * 60_000).toISOString();
const CASES = allCases(now);
let server: ServerRender;

beforeAll(async () => {
  server = await commands.renderOnServer(now);
}, 60_000);

/** Renders nothing of its own; notes the container's markup when the hydration commits. */
function AtCommit({ onCommit, children }: { onCommit?: () => void; children: ReactNode }) {
  // Layout effects run in the hydration's own commit, before any effect could re-render.
  useLayoutEffect(() => onCommit?.(), [onCommit]);
  return children;
}

/** Where two pieces of markup part, with some context, or undefined when they are the same. */
function firstDifference(server: string, client: string): string | undefined {
  if (server === client) return undefined;
  let at = 0;
  while (server[at] === client[at]) at += 1;
  const around = (html: string) => html.slice(Math.max(0, at - 160), at + 160);
  return `at ${at}:\n  server: …${around(server)}…\n  client: …${around(client)}…`;
}

/** `html` parsed into a detached element, to query the server's markup. */
function parsed(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

let mounted: { container: HTMLElement; root?: Root; spies: Array<{ mockRestore(): void }> } | undefined;
afterEach(async () => {
  if (!mounted) return;
  const { root, container, spies } = mounted;
  mounted = undefined;
  if (root) await act(async () => root.unmount());
  container.remove();
  for (const spy of spies) spy.mockRestore();
});

/**
 * Puts `html` in the page and hydrates `element` over it. Returns the markup when the hydration
 * committed and every problem: recoverable errors, errors caught by a boundary, and any console
 * error or warning until the test ends.
 */
async function hydrate(html: string, element: ReactElement) {
  const problems: string[] = [];
  const container = document.createElement('div');
  container.style.width = '1400px';
  container.innerHTML = html;
  document.body.append(container);
  const spies = (['error', 'warn'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void problems.push(`console.${level}: ${args.map(String).join(' ')}`)),
  );
  mounted = { container, spies };
  const serverHtml = container.innerHTML;
  let committedHtml = '';
  const onCommit = () => {
    committedHtml = container.innerHTML;
  };
  await act(async () => {
    mounted!.root = hydrateRoot(container, <AtCommit onCommit={onCommit}>{element}</AtCommit>, {
      onRecoverableError: (error) => void problems.push(`recoverable: ${error instanceof Error ? error.message : String(error)}`),
      onCaughtError: (error) => void problems.push(`caught by a boundary: ${error instanceof Error ? error.message : String(error)}`),
    });
  });
  // Effects run, observers report sizes, the clock starts: two frames let it all land.
  await act(nextFrame);
  await act(nextFrame);
  return { container, serverHtml, committedHtml, problems };
}

/** How the components write a date and time (`dateStyle: medium, timeStyle: short`) in `timeZone`. */
function dateTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(Date.parse(iso));
}

/** The zone and locale a variant's times show in once hydrated. */
function shownIn(variant: Variant): { timeZone: string; locale: string } {
  return { timeZone: variant.timeZone ?? BROWSER.timeZone, locale: variant.timeZone ? 'en-GB' : 'en-US' };
}

describe(`server in ${SERVER.timeZone} (${SERVER.locale}), browser in ${BROWSER.timeZone} (${BROWSER.locale})`, () => {
  it('really renders in two zones and locales', () => {
    expect({ timeZone: server.timeZone, locale: server.locale }).toEqual({ timeZone: SERVER.timeZone, locale: SERVER.locale });
    expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(BROWSER.timeZone);
    expect(navigator.language).toBe(BROWSER.locale);
    expect(server.problems).toEqual([]);
    expect([...Object.keys(server.html)].sort()).toEqual([...CASES.keys()].sort());
  });

  it.each([...CASES.keys()])('%s', async (name) => {
    const { variant, element } = CASES.get(name)!;
    const html = server.html[name]!;
    if (variant.timeZone === undefined) {
      // Before hydration the reader's zone is unknown: UTC, and said so, not the server's zone.
      for (const time of parsed(html).querySelectorAll('time[datetime]')) {
        expect([time.textContent, time.getAttribute('title')]).toContain(`${dateTime(time.getAttribute('datetime')!, 'en-US', 'UTC')} UTC`);
      }
    }
    const hydrated = await hydrate(html, element);
    expect(hydrated.problems).toEqual([]);
    expect(hydrated.committedHtml).not.toBe('');
    expect(firstDifference(hydrated.serverHtml, hydrated.committedHtml)).toBeUndefined();
    // The browser's first render (what hydration compares the server's HTML with) is the
    // server's, character for character, also where React would not have noticed.
    expect(firstDifference(html, renderToString(element))).toBeUndefined();

    // Hydrated, every time the page shows is in the reader's zone (or the pinned one): as its
    // text, or, where the text says how long ago ("5 min ago"), as its tooltip.
    const { timeZone, locale } = shownIn(variant);
    const times = [...hydrated.container.querySelectorAll('time[datetime]')];
    if (/Table|Graph|View|Header|Details/.test(name)) expect(times.length, 'times shown').toBeGreaterThan(0);
    await vi.waitFor(() => {
      for (const time of times) {
        const expected = dateTime(time.getAttribute('datetime')!, locale, timeZone);
        expect([time.textContent, time.getAttribute('title')], time.outerHTML).toContain(expected);
      }
    });
    if (name.endsWith(': ReleasesTable')) {
      // The newest release was created five minutes ago (its tooltip says when, as checked above),
      // and a running release's duration, which the server left out, counts on.
      expect(times[0]!.textContent).toMatch(/min/);
      const duration = hydrated.container.querySelector('tr[data-status="running"] td[data-column="duration"]')!;
      expect(parsed(html).querySelector('tr[data-status="running"] td[data-column="duration"]')!.textContent).toBe('');
      await vi.waitFor(() => expect(duration.textContent).toMatch(/\d/));
    }
    if (/timeline/.test(name)) {
      // Each row also says in words when its environment started: the first row, the earliest.
      const starts = sampleData(now).running.environments.flatMap((environment) => (environment.startedAt ? [environment.startedAt] : []));
      const first = starts.sort((a, b) => Date.parse(a) - Date.parse(b))[0]!;
      const detail = hydrated.container.querySelector('.gr-release-timeline__row .gr-visually-hidden');
      expect(detail?.textContent).toContain(dateTime(first, locale, timeZone));
    }
    // Nothing went wrong while the page settled either.
    expect(hydrated.problems).toEqual([]);
  });
});
