import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReleaseHref } from 'gitops-releases/headless';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { freePort } from '../../../scripts/free-port.mjs';

/**
 * The example host in a real browser: its own dev server (the library comes from the built
 * package, through node_modules, as in any app), Debian's Chromium, and a reader's walk through
 * the dashboard with the URL checked at every step.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
// Slow enough to see every state of the live release, fast enough to see it finish in a test.
const TICK_MS = 250;

let server: ViteDevServer;
let browser: Browser;
let origin: string;
let cacheDir: string;

beforeAll(async () => {
  const port = await freePort();
  // Its own optimizer cache: a dashboard started by hand meanwhile keeps its own.
  cacheDir = mkdtempSync(join(tmpdir(), 'host-dashboard-vite-'));
  server = await createServer({
    root,
    configFile: join(root, 'vite.config.ts'),
    cacheDir,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
  });
  await server.listen();
  origin = `http://127.0.0.1:${port}`;
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

interface Session {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  problems: string[];
}

async function open(path: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript((tick) => {
    window.localStorage.setItem('host-dashboard:tick-ms', String(tick));
    if (!window.localStorage.getItem('host-dashboard:theme')) window.localStorage.setItem('host-dashboard:theme', 'light');
  }, TICK_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(origin + path);
  return { page, problems };
}

const url = (page: Page) => new URL(page.url());
const pathOf = (page: Page) => url(page).pathname;
const query = (page: Page, key: string) => url(page).searchParams.get(key);

const table = (page: Page) => page.locator('.gr-releases-table[data-state="ready"]');
const row = (page: Page, index: number) => page.locator(`.gr-releases-table__row[data-index="${index}"]`);
const view = (page: Page) => page.locator('.gr-release-view[data-state="ready"]');
const drawer = (page: Page) => page.locator('aside.host-drawer .gr-environment-details');
const graphNode = (page: Page, name: string) => page.locator(`.gr-release-graph__node[data-env-id="${name}"]`);

/** The release page a table row links to (its date link), as a path. */
async function rowHref(target: Locator): Promise<string> {
  const href = await target.locator('a.gr-releases-table__date-link').getAttribute('href');
  expect(href).toMatch(/^\/products\/checkout\/releases\/[^/?]+$/);
  return href!;
}

async function expectNoProblems(session: Session) {
  // A last render after the walk, so errors from the final navigation are in.
  await session.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(session.problems).toEqual([]);
}

describe('host dashboard (example)', () => {
  it('walks table → release (live) → environment → notes, and back again, with the URL at every step', async () => {
    const session = await open('/');
    const { page } = session;

    // Home sends the reader to the first product, whose page shows its releases.
    await expect.poll(() => pathOf(page)).toBe('/products/checkout');
    await table(page).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();

    // A click on the newest release's row (not on its link) opens the release page.
    const newest = row(page, 0);
    const newestHref = await rowHref(newest);
    await newest.locator('td[data-column="version"]').click();
    await expect.poll(() => pathOf(page)).toBe(newestHref);
    expect(url(page).search).toBe('');
    await view(page).waitFor();

    // The newest release is still being promoted, and its status follows the live feed.
    const first = await view(page).getAttribute('data-status');
    expect(['queued', 'running']).toContain(first);
    await expect.poll(() => graphNode(page, 'dev').getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');
    await expect.poll(() => graphNode(page, 'qa').getAttribute('data-status'), { timeout: 30_000 }).not.toBe('pending');

    // A workflow step clicked in the graph: its environment and the step go into the URL, and the
    // drawer opens on that environment with the step highlighted.
    const stepButton = graphNode(page, 'dev').locator('.gr-release-graph__step').first();
    const stepName = (await stepButton.getAttribute('title'))!;
    await stepButton.click();
    await expect.poll(() => query(page, 'environment')).toBe('dev');
    expect(query(page, 'step')).toBe(stepName);
    await drawer(page).getByRole('heading', { name: 'dev' }).waitFor();
    await expect.poll(() => drawer(page).locator('[aria-current="true"]').first().innerText()).toContain(stepName);
    await page.goBack();
    await expect.poll(() => query(page, 'environment')).toBeNull();
    expect(query(page, 'step')).toBeNull();
    await drawer(page).waitFor({ state: 'detached' });

    // An environment clicked in the graph goes into the URL and opens its details.
    await graphNode(page, 'qa').locator('.gr-release-graph__node-name').click();
    await expect.poll(() => query(page, 'environment')).toBe('qa');
    expect(pathOf(page)).toBe(newestHref);
    await drawer(page).getByRole('heading', { name: 'qa' }).waitFor();
    await expect.poll(() => graphNode(page, 'qa').getAttribute('data-selected')).toBe('');

    // The notes tab is part of the URL too; the environment stays.
    await page.getByRole('tab', { name: 'Release notes' }).click();
    await expect.poll(() => query(page, 'tab')).toBe('notes');
    expect(query(page, 'environment')).toBe('qa');
    await page.locator('[data-tab="notes"] .gr-release-notes').waitFor();

    // Back: the graph tab with qa open, then the release alone, then the table.
    await page.goBack();
    await expect.poll(() => query(page, 'tab')).toBeNull();
    expect(query(page, 'environment')).toBe('qa');
    await expect.poll(() => page.getByRole('tab', { name: 'Graph' }).getAttribute('aria-selected')).toBe('true');
    await drawer(page).getByRole('heading', { name: 'qa' }).waitFor();

    await page.goBack();
    await expect.poll(() => url(page).search).toBe('');
    expect(pathOf(page)).toBe(newestHref);
    await drawer(page).waitFor({ state: 'detached' });
    await view(page).waitFor();

    await page.goBack();
    await expect.poll(() => pathOf(page)).toBe('/products/checkout');
    await table(page).waitFor();

    // By keyboard: Enter on a focused row opens that release.
    const older = row(page, 4);
    const olderHref = await rowHref(older);
    expect(olderHref).not.toBe(newestHref);
    const version = await older.locator('td[data-column="version"]').innerText();
    await older.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => pathOf(page)).toBe(olderHref);
    await view(page).locator('.gr-release-header').getByText(version.trim(), { exact: true }).waitFor();

    // An environment from the page's list: into the URL, details open; Close takes it out again.
    await page.getByRole('list', { name: 'Environments' }).getByRole('link', { name: /staging/ }).click();
    await expect.poll(() => query(page, 'environment')).toBe('staging');
    await drawer(page).getByRole('heading', { name: 'staging' }).waitFor();
    await drawer(page).getByRole('button', { name: /close/i }).click();
    await expect.poll(() => query(page, 'environment')).toBeNull();
    await drawer(page).waitFor({ state: 'detached' });

    // The breadcrumb leads back to the table, where the live release has finished meanwhile.
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Checkout' }).click();
    await expect.poll(() => pathOf(page)).toBe('/products/checkout');
    await expect.poll(() => row(page, 0).getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');

    await expectNoProblems(session);
    await page.context().close();
  });

  it('opens deep links, and the Details link of a commit status, in the app', async () => {
    const probe = await open('/products/checkout');
    const href = await rowHref(row(probe.page, 2));
    await probe.page.context().close();

    // A shared link to a release's environment, opened in a new page.
    const session = await open(`${href}?environment=staging`);
    const { page } = session;
    await view(page).waitFor();
    await drawer(page).getByRole('heading', { name: 'staging' }).waitFor();
    await expect.poll(() => graphNode(page, 'staging').getAttribute('data-selected')).toBe('');

    // The checks Git shows for the release's commit: each Details link is this dashboard's URL
    // for the release (and environment), absolute, as a Git host needs it.
    const checks = page.locator('.host-checks');
    const details = checks.getByRole('link', { name: 'Details of gitops-releases/checkout/production', exact: true });
    const target = await details.getAttribute('href');
    expect(target).toBe(`${origin}${href}?environment=production`);
    expect(parseReleaseHref(target!, { origin })).toEqual({
      product: 'checkout',
      releaseId: href.split('/').pop(),
      environment: 'production',
    });
    expect(await checks.getByRole('link', { name: 'Details of gitops-releases/checkout', exact: true }).getAttribute('href')).toBe(origin + href);

    // Followed here, it navigates in the app: no page load (the marker survives), a history entry.
    await page.evaluate(() => Object.assign(window, { __samePage: true }));
    await details.click();
    await expect.poll(() => query(page, 'environment')).toBe('production');
    await drawer(page).getByRole('heading', { name: 'production' }).waitFor();
    expect(await page.evaluate(() => (window as { __samePage?: boolean }).__samePage)).toBe(true);
    await page.goBack();
    await expect.poll(() => query(page, 'environment')).toBe('staging');

    // A link with a tab opens that tab.
    await page.goto(`${origin}${href}?tab=timeline`);
    await page.locator('[data-tab="timeline"] .gr-release-timeline').waitFor();
    expect(await page.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe('true');

    // Links that are not the dashboard's releases show a page that says so.
    await page.goto(`${origin}/products/checkout/releases/no-such-release`);
    await page.getByRole('heading', { name: 'Release not found' }).waitFor();
    await page.goto(`${origin}/products/checkout/releases/a%2Fb`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();

    await expectNoProblems(session);
    await page.context().close();
  });

  it('opens a product’s insights from its page, keeps the window in the URL, and links failed deployments to their releases', async () => {
    const session = await open('/products/checkout');
    const { page } = session;
    await table(page).waitFor();

    // The product's header measures the last 30 days as the Insights page does; no rate of its own.
    const stats = page.locator('.host-stats');
    await stats.getByText('Deployments, 30 days').waitFor();
    expect(await stats.getByText('Change fail rate, 30 days').locator('xpath=following-sibling::dd').innerText()).toMatch(/^[\d.]+%$/);
    expect(await stats.getByText('Success rate').count()).toBe(0);

    // Insights, from the product's pages.
    const pages = page.getByRole('navigation', { name: 'Checkout pages' });
    expect(await pages.getByRole('link', { name: 'Releases' }).getAttribute('aria-current')).toBe('page');
    await pages.getByRole('link', { name: 'Insights' }).click();
    await expect.poll(() => pathOf(page)).toBe('/products/checkout/insights');
    expect(query(page, 'days')).toBe('30');
    expect(await pages.getByRole('link', { name: 'Insights' }).getAttribute('aria-current')).toBe('page');
    const insights = page.getByRole('region', { name: 'Checkout delivery insights' });
    const tile = (name: string) => insights.getByRole('region', { name, exact: true });
    const deployments = () => tile('Deployment frequency').getByText(/^\d+ deployments?$/).innerText();

    // The four keys, each with a value: a team that deploys several times a day, some failures.
    await tile('Deployment frequency').getByText(/^[\d.]+ per day$/).waitFor();
    await tile('Change lead time').getByText(/^(\d+[dhms] ?)+$/).waitFor();
    await tile('Change fail rate').getByText(/^[\d.]+%$/).waitFor();
    await tile('Failed deployment recovery time').getByText(/^(\d+[dhms] ?)+$/).waitFor();
    expect(await insights.getByRole('radio', { name: '30 days' }).isChecked()).toBe(true);
    const month = await deployments();

    // A shorter window: into the URL, fewer deployments; a reload (or a shared link) shows the same.
    await insights.getByRole('radio', { name: '7 days' }).check();
    await expect.poll(() => query(page, 'days')).toBe('7');
    await expect.poll(deployments).not.toBe(month);
    const week = await deployments();
    expect(Number.parseInt(week, 10)).toBeLessThan(Number.parseInt(month, 10));
    await page.reload();
    await insights.getByRole('radio', { name: '7 days' }).waitFor();
    expect(await insights.getByRole('radio', { name: '7 days' }).isChecked()).toBe(true);
    expect(await deployments()).toBe(week);

    // A failed deployment (the longest window has plenty) opens its release page through the app's links.
    await insights.getByRole('radio', { name: '90 days' }).check();
    await expect.poll(() => query(page, 'days')).toBe('90');
    const failed = insights.getByRole('region', { name: 'Failed deployments' }).getByRole('link').first();
    const version = (await failed.innerText()).trim();
    await failed.click();
    await expect.poll(() => pathOf(page)).toMatch(/^\/products\/checkout\/releases\/[^/?]+$/);
    await view(page).locator('.gr-release-header').getByText(version, { exact: true }).waitFor();
    await view(page).locator('.gr-release-header').getByText('Failed', { exact: true }).first().waitFor();

    // Back to the insights as they were, and from there back to the releases.
    await page.goBack();
    await expect.poll(() => pathOf(page)).toBe('/products/checkout/insights');
    expect(query(page, 'days')).toBe('90');
    await pages.getByRole('link', { name: 'Releases' }).click();
    await expect.poll(() => pathOf(page)).toBe('/products/checkout');
    await table(page).waitFor();

    await expectNoProblems(session);
    await page.context().close();
  });

  it('finds the two releases still selected on Back from their comparison, and after a reload', async () => {
    const session = await open('/products/checkout');
    const { page } = session;
    await table(page).waitFor();
    const versionOf = async (index: number) => (await row(page, index).locator('td[data-column="version"]').innerText()).trim();
    const [newer, older] = [await versionOf(1), await versionOf(4)];
    const box = (version: string) => page.getByRole('checkbox', { name: `Select checkout ${version}` });
    await box(newer).check();
    await box(older).check();
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => pathOf(page)).toBe('/products/checkout/compare');

    await page.goBack();
    await expect.poll(() => pathOf(page)).toBe('/products/checkout');
    await table(page).waitFor();
    await page.getByText('2 selected').waitFor();
    expect(await box(newer).isChecked()).toBe(true);
    expect(await box(older).isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Compare' }).isDisabled()).toBe(false);

    // The table's own state shares the URL: a sort keeps the selection, and a reload finds both.
    await page.getByRole('button', { name: /^Version/ }).click();
    await expect.poll(() => query(page, 'sort')).not.toBeNull();
    await page.reload();
    await table(page).waitFor();
    await page.getByText('2 selected').waitFor();
    expect(new URL(page.url()).searchParams.getAll('selected')).toHaveLength(2);

    await expectNoProblems(session);
    await page.context().close();
  });

  it('compares two releases selected in the table, by a URL that holds both, and says when one is unknown', async () => {
    const session = await open('/products/checkout');
    const { page } = session;
    await table(page).waitFor();
    const versionOf = async (index: number) => (await row(page, index).locator('td[data-column="version"]').innerText()).trim();
    const idOf = async (index: number) => (await rowHref(row(page, index))).split('/').pop()!;
    const [newer, older] = [await versionOf(2), await versionOf(5)];
    const [newerId, olderId] = [await idOf(2), await idOf(5)];

    // Compare is offered once two releases are selected; selecting opens nothing.
    const compare = page.getByRole('button', { name: 'Compare' });
    expect(await compare.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: `Select checkout ${newer}` }).check();
    await page.getByRole('checkbox', { name: `Select checkout ${older}` }).check();
    expect(pathOf(page)).toBe('/products/checkout');
    await page.getByText('2 selected').waitFor();
    await compare.click();

    // The comparison's page: both ids in the URL, older first, and the heading naming both.
    await expect.poll(() => pathOf(page)).toBe('/products/checkout/compare');
    expect(query(page, 'from')).toBe(olderId);
    expect(query(page, 'to')).toBe(newerId);
    const heading = page.getByRole('heading', { level: 2, name: `From checkout ${older} to checkout ${newer}` });
    await heading.waitFor();
    await page.getByRole('heading', { name: /^Changes to promote \(\d+\)$/ }).waitFor();

    // The same URL, reloaded, shows the same comparison; each release's name opens its page.
    await page.reload();
    await heading.waitFor();
    await page.getByRole('link', { name: `checkout ${newer}`, exact: true }).click();
    await expect.poll(() => pathOf(page)).toBe(`/products/checkout/releases/${newerId}`);
    await page.goBack();
    await heading.waitFor();

    // Ids are the URL's data: an unknown one (even one named like an object's property) says so,
    // with a way back, and escaped characters arrive decoded.
    await page.goto(`${origin}/products/checkout/compare?from=__proto__&to=${encodeURIComponent(newerId)}`);
    await page.getByRole('heading', { level: 1, name: 'Release not found' }).waitFor();
    await page.getByText('Checkout has no release “__proto__”', { exact: false }).waitFor();
    await page.goto(`${origin}/products/checkout/compare?from=a%26b%20c&to=constructor`);
    await page.getByRole('heading', { level: 1, name: 'Releases not found' }).waitFor();
    await page.getByText('Checkout has no release “a&b c” or “constructor”', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Back to Checkout' }).click();
    await expect.poll(() => pathOf(page)).toBe('/products/checkout');
    await table(page).waitFor();

    await expectNoProblems(session);
    await page.context().close();
  });

  it('shows a fleet of 2,000 stores as group columns in the table and as groups in the live graph', async () => {
    const session = await open('/products/store-fleet');
    const { page } = session;
    await table(page).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Store fleet' }).waitFor();

    // One column per wave, not one per store: each cell sums its stores up.
    const headers = page.locator('.gr-releases-table thead');
    for (const wave of ['canary', 'wave-1', 'wave-2', 'wave-3']) await headers.getByRole('button', { name: wave, exact: true }).waitFor();
    expect(await headers.locator('th', { hasText: /^store-/ }).count()).toBe(0);
    // A release that failed in wave-2 says how many of its stores failed.
    await page.getByText(/^\d+ failed \/ 500$/).first().waitFor();

    // The newest release, live: its graph draws the waves as groups (a big graph may draw them a
    // moment after the page), and they follow the feed.
    await row(page, 0).locator('td[data-column="version"]').click();
    await expect.poll(() => pathOf(page)).toMatch(/^\/products\/store-fleet\/releases\/[^/?]+$/);
    await view(page).waitFor();
    const group = (name: string) => page.locator(`.gr-release-graph__group[aria-label^="${name},"]`);
    await group('wave-3').waitFor();
    expect(await page.locator('.gr-release-graph__group').count()).toBe(4);
    expect(await group('wave-2').getAttribute('aria-label')).toMatch(/^wave-2, 500 environments: /);
    await expect.poll(() => group('canary').getAttribute('aria-label'), { timeout: 30_000 }).toBe('canary, 10 environments: 10 succeeded');

    // The environments list names each wave once; a wave's link opens it in the graph, by the URL.
    const list = page.locator('.host-release__extras').getByRole('list', { name: 'Environments' });
    expect(await list.getByRole('listitem').count()).toBe(9);
    await list.getByRole('link', { name: /^wave-2 · 500/ }).click();
    await expect.poll(() => query(page, 'group')).toBe('wave-2');
    await page.getByRole('button', { name: 'Hide what is in wave-2' }).waitFor();
    // Git shows one check per environment outside the waves, not one per store.
    expect(await page.locator('.host-check').count()).toBeLessThan(10);

    await expectNoProblems(session);
    await page.context().close();
  });

  it('switches the host and the components to dark mode, and keeps the choice', async () => {
    const session = await open('/products/payments');
    const { page } = session;
    await table(page).waitFor();
    const shell = page.locator('.host');
    const background = () => shell.evaluate((element) => getComputedStyle(element).backgroundColor);
    const tableSurface = () => page.locator('.gr-releases-table__scroller').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await shell.getAttribute('data-color-mode')).toBe('light');
    const light = [await background(), await tableSurface()];

    const toggle = page.getByRole('button', { name: 'Dark mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => shell.getAttribute('data-color-mode')).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const dark = [await background(), await tableSurface()];
    expect(dark[0]).not.toBe(light[0]);
    expect(dark[1]).not.toBe(light[1]);

    await page.reload();
    await table(page).waitFor();
    expect(await shell.getAttribute('data-color-mode')).toBe('dark');

    await expectNoProblems(session);
    await page.context().close();
  });

  it('type-checks against the types of the built package', async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const run = promisify(execFile);
    const result = await run(process.execPath, [tsc, '-p', join(root, 'tsconfig.json'), '--noEmit', '--listFiles'], { cwd: root });
    const library = result.stdout.split('\n').filter((file) => /gitops-releases|\/dist\/|\/src\/(headless|components)\//.test(file) && !file.includes('node_modules/typescript'));
    // Through the package's exports, to dist/: never the library's sources.
    expect(library.some((file) => file.endsWith('/dist/index.d.ts'))).toBe(true);
    expect(library.some((file) => file.endsWith('/dist/headless.d.ts'))).toBe(true);
    expect(library.filter((file) => /\/src\/(headless|components)\//.test(file) && !file.includes('/examples/'))).toEqual([]);
  });
});
