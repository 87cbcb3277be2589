// The server's side of the cross-zone hydration test, run as its own Node process so it really
// is in another zone and locale than the browser (see commands.mjs): loads the cases through
// Vite's module runner (TSX, the package's aliases), renders each to HTML and prints them as JSON.
import { fileURLToPath } from 'node:url';
import { renderToString } from 'react-dom/server';
import { runnerImport } from 'vite';

const now = process.argv[2];
if (!now) throw new Error('usage: server-render.mjs <now as an ISO time>');

const problems = [];
for (const level of ['error', 'warn']) {
  console[level] = (...args) => void problems.push(`console.${level}: ${args.map(String).join(' ')}`);
}

const { module } = await runnerImport(fileURLToPath(new URL('./cases.tsx', import.meta.url)), {
  configFile: false,
  logLevel: 'error',
  resolve: { alias: { 'gitops-releases/headless': fileURLToPath(new URL('../../src/headless/index.ts', import.meta.url)) } },
});

const html = {};
for (const [name, { element }] of module.allCases(now)) html[name] = renderToString(element);

const { timeZone, locale } = new Intl.DateTimeFormat().resolvedOptions();
process.stdout.write(JSON.stringify({ timeZone, locale, html, problems }));
