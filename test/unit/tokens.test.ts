import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEALTH_STATUSES, STATUSES, SYNC_STATUSES } from 'gitops-releases/headless';

/**
 * Reads src/styles/tokens.css as text and checks WCAG AA contrast (4.5:1) for every text colour
 * against its background, in light and dark mode. Changing a token to a colour that fails makes
 * this test fail.
 */

const TOKENS_CSS = readFileSync(new URL('../../src/styles/tokens.css', import.meta.url), 'utf8');
const BADGE_CSS = readFileSync(new URL('../../src/styles/status-badge.css', import.meta.url), 'utf8');

interface Block {
  selector: string;
  media: string | null;
  declarations: Map<string, string>;
}

/** A small CSS reader: rules and one level of @media, which is all tokens.css uses. */
function parseBlocks(css: string): Block[] {
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const blocks: Block[] = [];
  const walk = (text: string, media: string | null) => {
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      if (open === -1) break;
      const prelude = text.slice(i, open).trim();
      let depth = 1;
      let j = open + 1;
      for (; j < text.length && depth > 0; j += 1) {
        if (text[j] === '{') depth += 1;
        else if (text[j] === '}') depth -= 1;
      }
      const body = text.slice(open + 1, j - 1);
      if (prelude.startsWith('@media')) walk(body, prelude.slice('@media'.length).trim());
      else if (!prelude.startsWith('@')) {
        const declarations = new Map<string, string>();
        for (const part of body.split(';')) {
          const colon = part.indexOf(':');
          if (colon === -1) continue;
          declarations.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
        }
        blocks.push({ selector: prelude, media, declarations });
      }
      i = j;
    }
  };
  walk(source, null);
  return blocks;
}

type Tokens = Map<string, string>;

/** The custom properties one element gets in a mode: light defaults, then that mode's overrides. */
function modeTokens(css: string): {
  light: Tokens;
  dark: Tokens;
  systemDark: Tokens;
  darkBlock: Tokens;
  systemBlock: Tokens;
} {
  const blocks = parseBlocks(css);
  const collect = (match: (b: Block) => boolean) => {
    const out: Tokens = new Map();
    for (const block of blocks.filter(match)) {
      for (const [name, value] of block.declarations) if (name.startsWith('--')) out.set(name, value);
    }
    return out;
  };
  const light = collect((b) => b.media === null && b.selector === ':where(.gr-root)');
  const darkBlock = collect((b) => b.media === null && b.selector === ':where(.gr-root[data-color-mode="dark"])');
  const systemBlock = collect(
    (b) => b.media === '(prefers-color-scheme: dark)' && b.selector === ':where(.gr-root[data-color-mode="system"])',
  );
  return {
    light,
    dark: new Map([...light, ...darkBlock]),
    systemDark: new Map([...light, ...systemBlock]),
    darkBlock,
    systemBlock,
  };
}

/** Resolves a value the way the browser would with no host override: `var(--x, fallback)` chains. */
function resolve(value: string, tokens: Tokens, seen: string[] = []): string {
  const text = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(text)) return text.toLowerCase();
  const match = /^var\(\s*(--[\w-]+)\s*(?:,([\s\S]*))?\)$/.exec(text);
  if (!match) throw new Error(`not a 6-digit hex colour or var(): ${text}`);
  const [, name, fallback] = match;
  if (seen.includes(name!)) throw new Error(`cycle: ${[...seen, name].join(' -> ')}`);
  const own = tokens.get(name!);
  if (own !== undefined) return resolve(own, tokens, [...seen, name!]);
  if (fallback === undefined) throw new Error(`${name} is not defined and has no fallback`);
  return resolve(fallback, tokens, [...seen, name!]);
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two opaque colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const GROUPS = [
  ['status', STATUSES],
  ['sync', SYNC_STATUSES],
  ['health', HEALTH_STATUSES],
] as const;

/** Every text/background pair the components draw, named for the failure message. */
function pairs(): [fg: string, bg: string][] {
  const out: [string, string][] = [
    ['--gr-text-default', '--gr-surface-default'],
    ['--gr-text-default', '--gr-surface-raised-default'],
    ['--gr-text-muted-default', '--gr-surface-default'],
    ['--gr-text-muted-default', '--gr-surface-raised-default'],
  ];
  for (const [group, values] of GROUPS) {
    for (const value of values) {
      const t = (part: string) => `--gr-${group}-${value}-${part}-default`;
      out.push([t('fg'), t('bg')], [t('fg'), '--gr-surface-default'], [t('fg'), '--gr-surface-raised-default'], [
        t('solid-fg'),
        t('solid-bg'),
      ]);
    }
  }
  return out;
}

/** Pairs below 4.5:1 in any mode, as readable lines. */
function contrastFailures(css: string): string[] {
  const modes = modeTokens(css);
  const failures: string[] = [];
  for (const [mode, tokens] of [
    ['light', modes.light],
    ['dark', modes.dark],
    ['system (dark)', modes.systemDark],
  ] as const) {
    for (const [fg, bg] of pairs()) {
      const fgHex = resolve(`var(${fg})`, tokens);
      const bgHex = resolve(`var(${bg})`, tokens);
      const ratio = contrast(fgHex, bgHex);
      if (!(ratio >= 4.5)) failures.push(`${mode}: ${fg} ${fgHex} on ${bg} ${bgHex} = ${ratio.toFixed(2)}:1`);
    }
  }
  return failures;
}

describe('tokens.css', () => {
  it('finds the light, dark and system-dark blocks', () => {
    const { light, darkBlock, systemBlock } = modeTokens(TOKENS_CSS);
    // 6 surface tokens + 4 per status (44), then sync and health (44) linked to the statuses.
    expect(light.size).toBeGreaterThanOrEqual(94);
    expect(darkBlock.size).toBeGreaterThanOrEqual(50);
    expect(systemBlock.size).toBe(darkBlock.size);
  });

  it('defines every colour token with a hex value (or a link to another token) in both modes', () => {
    const { light, dark } = modeTokens(TOKENS_CSS);
    const names = ['surface', 'surface-raised', 'text', 'text-muted', 'border', 'focus-ring'].map((n) => `--gr-${n}-default`);
    for (const [group, values] of GROUPS) {
      for (const value of values) {
        for (const part of ['fg', 'bg', 'solid-bg', 'solid-fg']) names.push(`--gr-${group}-${value}-${part}-default`);
      }
    }
    for (const tokens of [light, dark]) {
      for (const name of names) {
        expect(tokens.has(name), name).toBe(true);
        expect(resolve(`var(${name})`, tokens)).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
  });

  it('gives the dark colour mode its own status colours', () => {
    const { light, darkBlock } = modeTokens(TOKENS_CSS);
    for (const status of STATUSES) {
      const name = `--gr-status-${status}-fg-default`;
      expect(darkBlock.get(name), name).toBeDefined();
      expect(darkBlock.get(name)).not.toBe(light.get(name));
    }
  });

  it('keeps the system (prefers dark) block identical to the dark block', () => {
    const { dark, systemDark } = modeTokens(TOKENS_CSS);
    expect(Object.fromEntries(systemDark)).toEqual(Object.fromEntries(dark));
  });

  it('meets WCAG AA (4.5:1) for every text colour on its background, in every mode', () => {
    const failures = contrastFailures(TOKENS_CSS);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('would catch a colour that breaks contrast (the check itself works)', () => {
    const broken = TOKENS_CSS.replace('--gr-status-failed-fg-default: #b3161f;', '--gr-status-failed-fg-default: #ff9999;');
    expect(broken).not.toBe(TOKENS_CSS);
    expect(contrastFailures(broken).some((line) => line.startsWith('light: --gr-status-failed-fg-default'))).toBe(true);
  });

  it('uses only hex colour literals and no element selectors', () => {
    const source = TOKENS_CSS.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(source).not.toMatch(/\b(rgb|rgba|hsl|hsla|oklch)\(/);
    for (const block of parseBlocks(source)) expect(block.selector).toMatch(/^:where\(\.gr-root[^)]*\)$/);
  });
});

describe('status-badge.css', () => {
  it('has a colour rule reading the tokens for every kind and status', () => {
    for (const [group, values] of GROUPS) {
      const kind = group === 'status' ? 'release' : group;
      for (const value of values) {
        expect(BADGE_CSS).toContain(`:where(.gr-status-badge[data-kind="${kind}"][data-status="${value}"])`);
        expect(BADGE_CSS).toContain(`var(--gr-${group}-${value}-fg, var(--gr-${group}-${value}-fg-default))`);
      }
    }
  });

  it('has no colour literals and only :where() selectors of its own classes', () => {
    const source = BADGE_CSS.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(source).not.toMatch(/#[0-9a-f]{3,8}\b|\b(rgb|rgba|hsl|hsla)\(/i);
    for (const block of parseBlocks(source)) {
      if (/^(to|from|\d+%)$/.test(block.selector)) continue; // keyframe steps
      expect(block.selector).toMatch(/^:where\(\.gr-status-badge[^\s]*\)$/);
    }
  });
});
