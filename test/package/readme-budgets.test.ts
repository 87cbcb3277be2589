import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README lists the size budgets `npm test` enforces; a budget added, removed or changed in
// .size-limit.cjs without the README following fails here. (Reads the built dist, like the budgets.)
const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const budgets = require(`${root}/.size-limit.cjs`) as Array<{ name: string; limit: string }>;
const readme = readFileSync(`${root}/README.md`, 'utf8');

function sizeTable(): Map<string, string> {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Size'));
  if (!section) throw new Error('README has no "## Size" section');
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // | what | budget | measured |
    if (cells.length >= 4 && cells[1] && !/^-+$/.test(cells[1]) && cells[1] !== 'what') rows.set(cells[1], cells[2]!);
  }
  return rows;
}

describe('README size budgets', () => {
  it('lists every budget of .size-limit.cjs with its limit, and nothing else', () => {
    const rows = sizeTable();
    expect(budgets.length).toBeGreaterThan(10);
    for (const budget of budgets) expect(rows.get(budget.name), budget.name).toBe(budget.limit);
    expect([...rows.keys()].sort()).toEqual(budgets.map((budget) => budget.name).sort());
  });
});
