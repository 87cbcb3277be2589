import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { installPackage } from '../scripts/install-package.mjs';
import { freePort } from '../../../scripts/free-port.mjs';

/**
 * The Next.js example host as its users run it: the packed library installed from its tarball,
 * `next build`, `next start` on a loopback port with the server in UTC, and Debian's Chromium in
 * Los Angeles with a German locale walking the app. Any console error or warning, page error or
 * failed hydration fails the walk.
 */

const app = fileURLToPath(new URL('..', import.meta.url));
const SERVER_TIME_ZONE = 'UTC';
const BROWSER_TIME_ZONE = 'America/Los_Angeles';
const BROWSER: BrowserContextOptions = { timezoneId: BROWSER_TIME_ZONE, locale: 'de-DE', viewport: { width: 1400, height: 900 } };
// The library's share of a table-only page's client JS, gzipped (the README gives the figure).
// 35 kB until the table got group columns (roll-ups per release, expandable group headers, their
// state and URL) and the provider the groups' messages: 39,326 bytes.
// 41 kB until the table's selection mode (checkboxes, ranges, the Compare bar) and the provider's
// words for insights and comparisons: 42,875 bytes.
const TABLE_PAGE_BUDGET = 43 * 1024;

const nextCli = createRequire(join(app, 'package.json')).resolve('next/dist/bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TZ: SERVER_TIME_ZONE, LANG: 'en_US.UTF-8', NODE_ENV: 'production' };

let server: ChildProcess | undefined;
let serverLog = '';
let browser: Browser;
let origin: string;

/** `next build`; rejects with its output when it fails. */
function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextCli, 'build'], { cwd: app, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}:\n${output}`))));
  });
}

/** `next start` on a free loopback port; resolves with its origin once it answers. */
async function start(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [nextCli, 'start', '--hostname', '127.0.0.1', '--port', String(port)], { cwd: app, env });
  server = child;
  child.stdout!.on('data', (chunk) => (serverLog += chunk));
  child.stderr!.on('data', (chunk) => (serverLog += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${serverLog}`);
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  installPackage();
  await build();
  origin = await start();
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

interface Session {
  page: Page;
  /** Console errors and warnings, page errors and failed requests seen so far. */
  problems: string[];
  /** The JavaScript files the page loaded, as paths of the build's output. */
  scripts: Set<string>;
}

async function open(path: string, options: BrowserContextOptions = {}, cookies: Record<string, string> = {}): Promise<Session> {
  const context = await browser.newContext({ ...BROWSER, ...options });
  await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: origin })));
  const page = await context.newPage();
  const problems: string[] = [];
  const scripts = new Set<string>();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()} (${message.location().url || 'no location'})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    const { pathname } = new URL(response.url());
    if (response.request().resourceType() === 'script' && pathname.startsWith('/_next/static/')) {
      scripts.add(join(app, '.next', 'static', decodeURIComponent(pathname.slice('/_next/static/'.length))));
    }
  });
  await page.goto(origin + path);
  await page.waitForLoadState('networkidle');
  return { page, problems, scripts };
}

async function close(session: Session) {
  // A last frame, so errors from the final render are in.
  await session.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const problems = [...session.problems];
  await session.page.context().close();
  expect(problems, serverLog).toEqual([]);
}

const pathOf = (page: Page) => new URL(page.url()).pathname;
const query = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const table = (page: Page) => page.locator('.gr-releases-table[data-state="ready"]');
const row = (page: Page, index: number) => page.locator(`.gr-releases-table__row[data-index="${index}"]`);
const view = (page: Page) => page.locator('.gr-release-view[data-state="ready"]');
const drawer = (page: Page) => page.locator('aside .gr-environment-details');
const graphNode = (page: Page, name: string) => page.locator(`.gr-release-graph__node[data-env-id="${name}"]`);

/** How the table shows a release's date in the browser's zone, once hydrated. */
const browserDate = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: BROWSER_TIME_ZONE }).format(new Date(iso));

describe('Next.js App Router host (example)', () => {
  it('walks table → release → environment → back, in another time zone and locale than the server, without a hydration error', async () => {
    const session = await open('/products/checkout');
    const { page } = session;
    await table(page).waitFor();

    // The reader sees their own time: the date's full form is in Los Angeles time, not the server's UTC.
    const time = row(page, 0).locator('time').first();
    const iso = (await time.getAttribute('datetime'))!;
    await expect.poll(() => time.getAttribute('title')).toBe(browserDate(iso));

    // The row's link goes through next/link: a client-side navigation to the release page.
    const link = row(page, 0).locator('a.gr-releases-table__date-link');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/products\/checkout\/releases\/[^/?]+$/);
    await page.evaluate(() => ((window as unknown as { walkMarker: boolean }).walkMarker = true));
    await link.click();
    await expect.poll(() => pathOf(page)).toBe(href);
    await view(page).waitFor();
    expect(await page.evaluate(() => (window as unknown as { walkMarker?: boolean }).walkMarker)).toBe(true);

    // An environment opened from the graph goes into the URL and its details open beside it.
    await graphNode(page, 'qa').locator('.gr-release-graph__node-name').click();
    await expect.poll(() => query(page, 'environment')).toBe('qa');
    await drawer(page).getByRole('heading', { name: 'qa' }).waitFor();

    // Back: the release alone, then the table.
    await page.goBack();
    await expect.poll(() => query(page, 'environment')).toBeNull();
    await drawer(page).waitFor({ state: 'detached' });
    await page.goBack();
    await expect.poll(() => pathOf(page)).toBe('/products/checkout');
    await table(page).waitFor();

    await close(session);
  });

  it('hydrates a release page loaded directly, with an environment open, in another zone and locale', async () => {
    const first = await open('/products/checkout');
    const href = (await row(first.page, 1).locator('a.gr-releases-table__date-link').getAttribute('href'))!;
    await close(first);

    const session = await open(`${href}?environment=dev`);
    await view(session.page).waitFor();
    await drawer(session.page).getByRole('heading', { name: 'dev' }).waitFor();
    await close(session);
  });

  it('answers the browser’s own /favicon.ico request, which Chromium makes after some client-side navigations', async () => {
    // A 404 here is a console error on the reader's page (it failed one walk in four under load).
    const response = await fetch(`${origin}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
  });

  it('paints the reader’s theme from its cookie before any script runs (no flash)', async () => {
    const session = await open('/products/checkout', { javaScriptEnabled: false, colorScheme: 'light' }, { theme: 'dark' });
    const { page } = session;
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.locator('.gr-root').first().getAttribute('data-color-mode')).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(15, 18, 22)');
    await page.context().close();
  });

  it('loads neither React Flow nor dagre on a table-only page, and keeps the library’s share of its JS in budget', async () => {
    // Read from the build's output: the files `next start` served to the page.
    const gzipped = (session: Session) => {
      let total = 0;
      const bodies: string[] = [];
      for (const file of session.scripts) {
        const bytes = readFileSync(file);
        total += gzipSync(bytes).length;
        bodies.push(bytes.toString('utf8'));
      }
      return { total, bodies };
    };
    // The home page is the same app without any of the library's code: the difference is the library's.
    const home = await open('/');
    const table = await open('/products/checkout');
    const baseline = gzipped(home);
    const withTable = gzipped(table);
    await close(home);
    await close(table);

    const all = withTable.bodies.join('\n');
    expect(all).toContain('gr-releases-table');
    // React Flow's class names and dagre's ranker name survive minification.
    expect(all).not.toContain('react-flow__');
    expect(all).not.toContain('network-simplex');
    const share = withTable.total - baseline.total;
    console.info(`library client JS on the table page: ${(share / 1024).toFixed(1)} kB gzip (page ${(withTable.total / 1024).toFixed(1)} kB, without the library ${(baseline.total / 1024).toFixed(1)} kB)`);
    expect(share).toBeLessThanOrEqual(TABLE_PAGE_BUDGET);
  });
});
