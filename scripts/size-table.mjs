// Rewrites the README's size table (`| what | budget | measured |`) from `.size-limit.cjs` and a
// fresh `size-limit --json` (run `npm run build` first). A test compares the two.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const budgets = require('../.size-limit.cjs');
const measured = JSON.parse(execFileSync('npx', ['size-limit', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const sizeOf = new Map(measured.map((entry) => [entry.name, entry.size]));
const rows = budgets.map((entry) => `| ${entry.name} | ${entry.limit} | ${(sizeOf.get(entry.name) / 1000).toFixed(2)} kB |`);
const readme = readFileSync('README.md', 'utf8');
const table = /\| what \| budget \| measured \|\n\|---\|---\|---\|\n(?:\|.*\|\n)+/;
if (!table.test(readme)) throw new Error('no size table in README.md');
writeFileSync('README.md', readme.replace(table, `| what | budget | measured |\n|---|---|---|\n${rows.join('\n')}\n`));
