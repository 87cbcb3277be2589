// Takes the README's picture of a fleet: a story of the built Storybook, drawn in Chromium at
// 1400x900 as a reader first sees it (fitted, nothing clicked), the graph's box saved as a PNG.
//
//   npm run build-storybook && node scripts/fleet-screenshot.mjs
//   node scripts/fleet-screenshot.mjs --story=components-releasegraph-fleet--dark --out=/tmp/dark.png
//   node scripts/fleet-screenshot.mjs --url=http://127.0.0.1:6006   # a running `npm start` instead
//
// Options: --story (a story id; default the fitted 5,000-store blocked fleet), --out (default
// docs/fleet-5000.png), --dir (a built Storybook; default storybook-static), --url (a Storybook
// server instead of --dir), --globals (Storybook globals, e.g. colorMode:dark). A flat picture of
// a few colours compresses well: about 30 kB, no optimiser needed.
/* global document, getComputedStyle -- in the functions run in the page */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const story = option('story', 'components-releasegraph-fleet--fleet-5000-stores');
const out = resolve(repo, option('out', 'docs/fleet-5000.png'));
const dir = resolve(repo, option('dir', 'storybook-static'));
const globals = option('globals', '');

const TYPES = new Map([
  ['.html', 'text/html'],
  ['.js', 'text/javascript'],
  ['.mjs', 'text/javascript'],
  ['.css', 'text/css'],
  ['.json', 'application/json'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.woff2', 'font/woff2'],
]);

/** A static server for the built Storybook, on a free loopback port. */
async function serve(root) {
  if (!existsSync(join(root, 'iframe.html'))) throw new Error(`No built Storybook in ${root}: run npm run build-storybook first.`);
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(root, path || 'index.html');
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES.get(extname(file)) ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

const served = option('url') ? undefined : await serve(dir);
const origin = option('url') ?? served.origin;
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const query = new URLSearchParams({ id: story, viewMode: 'story' });
  if (globals) query.set('globals', globals);
  await page.goto(`${origin}/iframe.html?${query}`);
  // Drawn: nodes in the canvas, no layout still under way, and the fitted view settled.
  await page.waitForSelector('.gr-release-graph .react-flow__node', { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.gr-release-graph[aria-busy="true"]'), null, { timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready);
  // The view is fitted once the canvas has measured its nodes: wait until it stops moving.
  const transform = () => page.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')).transform);
  let last;
  let now = await transform();
  do {
    last = now;
    await page.waitForTimeout(250);
    now = await transform();
  } while (now !== last);
  if (problems.length) throw new Error(`The story threw: ${problems.join('; ')}`);
  mkdirSync(dirname(out), { recursive: true });
  await page.locator('.gr-release-graph').first().screenshot({ path: out });
  console.log(`${out}: ${story}${globals ? ` (${globals})` : ''}, ${Math.round(statSync(out).size / 1024)} kB`);
} finally {
  await browser.close();
  served?.server.close();
}
