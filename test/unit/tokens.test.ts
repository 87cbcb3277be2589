import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROUP_METRICS, HEALTH_STATUSES, NODE_METRICS, STATUSES, SYNC_STATUSES, TILE_METRICS, groupNodeSize } from 'gitops-releases/headless';

/**
 * Reads the stylesheets in src/styles as text and checks the theming contract: WCAG AA contrast
 * (4.5:1) for every text colour against its background in light and dark mode, two-level token
 * reads with a default for each, no hard-coded colours or spacing in component stylesheets,
 * zero-specificity selectors, and the README's token table matching tokens.css.
 */

const STYLES = new URL('../../src/styles/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, STYLES), 'utf8');
const TOKENS_CSS = read('tokens.css');
const BADGE_CSS = read('status-badge.css');
/** Every stylesheet but the entry (index.css only imports). */
const SHEETS = readdirSync(STYLES)
  .filter((name) => name.endsWith('.css') && name !== 'index.css')
  .sort()
  .map((name) => ({ name, css: read(name) }));
const COMPONENT_SHEETS = SHEETS.filter((sheet) => sheet.name !== 'tokens.css');
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

interface Block {
  selector: string;
  media: string | null;
  declarations: Map<string, string>;
  /** The same declarations in source order, repeats kept. */
  list: [property: string, value: string][];
}

/** A small CSS reader: rules and @media (nested ones too); @keyframes steps are skipped. */
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
        const list: [string, string][] = [];
        for (const part of body.split(';')) {
          const colon = part.indexOf(':');
          if (colon === -1) continue;
          list.push([part.slice(0, colon).trim(), part.slice(colon + 1).trim()]);
        }
        blocks.push({ selector: prelude.replace(/\s+/g, ' '), media, declarations: new Map(list), list });
      }
      i = j;
    }
  };
  walk(source, null);
  return blocks;
}

type Tokens = Map<string, string>;

/** Where the light defaults live: the root, and the comfortable density (which a table may ask for). */
const ROOT = ':where(.gr-root)';
const COMFORTABLE = ':where(.gr-root, .gr-releases-table[data-density="comfortable"])';
const COMPACT = ':where(.gr-root[data-density="compact"], .gr-releases-table[data-density="compact"])';
const isDefaults = (b: Block) => b.media === null && (b.selector === ROOT || b.selector === COMFORTABLE);

/** The custom properties declared in the blocks that `match` picks, later ones winning. */
function collectTokens(css: string, match: (b: Block) => boolean): Tokens {
  const out: Tokens = new Map();
  for (const block of parseBlocks(css).filter(match)) {
    for (const [name, value] of block.declarations) if (name.startsWith('--')) out.set(name, value);
  }
  return out;
}

/** The custom properties one element gets in a mode: light defaults, then that mode's overrides. */
function modeTokens(css: string): {
  light: Tokens;
  dark: Tokens;
  systemDark: Tokens;
  darkBlock: Tokens;
  systemBlock: Tokens;
} {
  const collect = (match: (b: Block) => boolean) => collectTokens(css, match);
  const light = collect(isDefaults);
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

/** Backgrounds that text is drawn on besides the status tints. */
const TEXT_BACKGROUNDS = [
  '--gr-surface-default',
  '--gr-surface-raised-default',
  '--gr-hover-bg-default',
  '--gr-hover-bg-raised-default',
  '--gr-selected-bg-default',
];

/** Every text/background pair the components draw (4.5:1), named for the failure message. */
function pairs(): [fg: string, bg: string][] {
  const out: [string, string][] = [];
  for (const fg of ['--gr-text-default', '--gr-text-muted-default', '--gr-link-default']) {
    for (const bg of TEXT_BACKGROUNDS) out.push([fg, bg]);
  }
  // Links and muted text in a running release's row of the table.
  out.push(['--gr-link-default', '--gr-status-running-bg-default'], ['--gr-text-muted-default', '--gr-status-running-bg-default']);
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

/** Shapes that must stand out from what they are drawn on (3:1, WCAG's non-text contrast). */
const GRAPHIC_PAIRS: [fg: string, bg: string][] = [
  ['--gr-focus-ring-default', '--gr-surface-default'],
  ['--gr-focus-ring-default', '--gr-surface-raised-default'],
  ['--gr-accent-default', '--gr-surface-default'],
  ['--gr-graph-edge-default', '--gr-graph-bg-default'],
  ['--gr-graph-minimap-node-default', '--gr-graph-minimap-bg-default'],
];

/** Pairs below 4.5:1 (text) or 3:1 (graphics) in any mode, as readable lines. */
function contrastFailures(css: string): string[] {
  const modes = modeTokens(css);
  const failures: string[] = [];
  for (const [mode, tokens] of [
    ['light', modes.light],
    ['dark', modes.dark],
    ['system (dark)', modes.systemDark],
  ] as const) {
    for (const [min, list] of [
      [4.5, pairs()],
      [3, GRAPHIC_PAIRS],
    ] as const) {
      for (const [fg, bg] of list) {
        const fgHex = resolve(`var(${fg})`, tokens);
        const bgHex = resolve(`var(${bg})`, tokens);
        const ratio = contrast(fgHex, bgHex);
        if (!(ratio >= min)) failures.push(`${mode}: ${fg} ${fgHex} on ${bg} ${bgHex} = ${ratio.toFixed(2)}:1`);
      }
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
    const names = [
      'surface',
      'surface-raised',
      'text',
      'text-muted',
      'border',
      'focus-ring',
      'link',
      'accent',
      'hover-bg',
      'hover-bg-raised',
      'selected-bg',
      'highlight',
      'graph-bg',
      'graph-edge',
      'graph-minimap-bg',
      'graph-minimap-node',
    ].map((n) => `--gr-${n}-default`);
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
    for (const block of parseBlocks(source)) {
      if (block.selector === COMFORTABLE || block.selector === COMPACT) continue;
      expect(block.selector).toMatch(/^:where\(\.gr-root[^)]*\)$/);
    }
  });

  it('redefines every spacing and height token for compact density, each smaller', () => {
    const { light } = modeTokens(TOKENS_CSS);
    const compact = collectTokens(TOKENS_CSS, (b) => b.media === null && b.selector === COMPACT);
    const comfortable = collectTokens(TOKENS_CSS, (b) => b.media === null && b.selector === COMFORTABLE);
    const sized = [...light.keys()].filter((name) => /^--gr-(space-\d|[\w-]+-height)-default$/.test(name));
    expect(sized.length).toBeGreaterThanOrEqual(8);
    expect([...compact.keys()].sort()).toEqual(sized.sort());
    expect([...comfortable.keys()].sort()).toEqual(sized.sort());
    const rem = (value: string) => {
      const match = /^(\d*\.?\d+)rem$/.exec(value);
      if (!match) throw new Error(`not a rem length: ${value}`);
      return Number(match[1]);
    };
    for (const name of sized) expect(rem(compact.get(name)!), name).toBeLessThan(rem(light.get(name)!));
  });

  it('keeps the graph node geometry equal to NODE_METRICS, which the layout sizes nodes by', () => {
    const graph = parseBlocks(read('release-graph.css')).find((b) => b.selector === ':where(.gr-release-graph)')!;
    const px = (name: string) => (graph.declarations.get(name) ?? '').split(' ').map((v) => Number(/^(\d+)px$/.exec(v)?.[1]));
    expect(px('--_gr-graph-node-padding')).toEqual([NODE_METRICS.padding]);
    expect(px('--_gr-graph-header-rows').reduce((a, b) => a + b, 0)).toBe(NODE_METRICS.header);
    expect(px('--_gr-graph-row')).toEqual([NODE_METRICS.row]);
    expect(px('--_gr-graph-issues-row')).toEqual([NODE_METRICS.issuesRow]);
    expect(px('--_gr-graph-section-title')).toEqual([NODE_METRICS.sectionTitle]);
    expect(px('--_gr-graph-apps-row')).toEqual([NODE_METRICS.applicationsRow]);
  });

  it('keeps the group and tile geometry equal to GROUP_METRICS and TILE_METRICS', () => {
    const declarations = new Map(
      parseBlocks(read('release-graph.css'))
        .filter((b) => b.selector === ':where(.gr-release-graph)')
        .flatMap((b) => [...b.declarations]),
    );
    const px = (name: string) => (declarations.get(name) ?? '').split(' ').map((v) => Number(/^(\d+)px$/.exec(v)?.[1]));
    expect(px('--_gr-group-rows')).toEqual([GROUP_METRICS.header, GROUP_METRICS.bar, GROUP_METRICS.names, GROUP_METRICS.footer]);
    expect(px('--_gr-group-subgroup-row')).toEqual([GROUP_METRICS.subgroupRow]);
    expect(px('--_gr-group-subgroups-gap')).toEqual([groupNodeSize(1).height - groupNodeSize(0).height - GROUP_METRICS.subgroupRow]);
    expect(px('--_gr-tile')).toEqual([TILE_METRICS.tile]);
    expect(px('--_gr-tile-gap')).toEqual([TILE_METRICS.gap]);
    expect(px('--_gr-tiles-header')).toEqual([TILE_METRICS.header]);
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

const stripComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** Public token names (`--gr-x`) that tokens.css gives a `--gr-x-default`. */
const DEFINED = new Set(
  [...collectTokens(TOKENS_CSS, isDefaults).keys()]
    .filter((name) => /^--gr-[\w-]+-default$/.test(name))
    .map((name) => name.slice(0, -'-default'.length)),
);

/** The tokens a stylesheet reads the two-level way, and any other `var(--gr-…)` left over. */
function tokenReads(css: string): { names: string[]; stray: string[] } {
  const names: string[] = [];
  const rest = stripComments(css).replace(/var\(--gr-([\w-]+), var\(--gr-\1-default\)\)/g, (_, name: string) => {
    names.push(`--gr-${name}`);
    return '';
  });
  return { names, stray: rest.match(/var\(\s*--gr-[^)]*\)?/g) ?? [] };
}

describe('token reads', () => {
  it.each(SHEETS.map((s) => [s.name, s.css]))('%s reads every token as var(--gr-x, var(--gr-x-default)) with a default in tokens.css', (_, css) => {
    const { names, stray } = tokenReads(css);
    expect(stray).toEqual([]);
    expect(names.filter((name) => !DEFINED.has(name))).toEqual([]);
  });

  it('finds reads without a default and one-level reads (the check itself works)', () => {
    expect(tokenReads(':where(.x) { color: var(--gr-text); }').stray).toEqual(['var(--gr-text)']);
    expect(tokenReads(':where(.x) { color: var(--gr-text, #000); }').stray).toHaveLength(1);
    const { names } = tokenReads(':where(.x) { color: var(--gr-nope, var(--gr-nope-default)); }');
    expect(names.filter((name) => !DEFINED.has(name))).toEqual(['--gr-nope']);
  });

  it('defines tokens in tokens.css only, and reads every one it defines', () => {
    for (const { name, css } of COMPONENT_SHEETS) {
      for (const block of parseBlocks(stripComments(css))) {
        expect(block.list.filter(([property]) => property.startsWith('--gr-')).map(([p]) => `${name}: ${p}`)).toEqual([]);
      }
    }
    const read = new Set(SHEETS.flatMap((sheet) => tokenReads(sheet.css).names));
    expect([...DEFINED].filter((name) => !read.has(name))).toEqual([]);
  });
});

const NAMED_COLOURS = new Set(
  ('aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood ' +
    'cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray ' +
    'darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
    'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue ' +
    'firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
    'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue ' +
    'mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred ' +
    'midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
    'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white ' +
    'whitesmoke yellow yellowgreen canvas canvastext linktext graytext buttonface buttontext field fieldtext highlight ' +
    'highlighttext accentcolor accentcolortext mark marktext'
  ).split(' '),
);

/** Spacing, radius and type: only tokens (or 0, ±1px hairlines, percentages, em). */
const TOKEN_ONLY_LENGTHS = /^(padding|margin|gap|row-gap|column-gap|scroll-margin|inset|top|right|bottom|left|border(-[a-z]+)*-radius|font-size)(-[a-z-]+)?$/;
/** Row and control heights are tokens too (or fixed geometry named below). */
const ROWS_AND_CONTROLS = /__(row|th|input|button|menu-button|search|close|apps|issues|section-title|node-header)(?![\w-])/;
const HEIGHTS = /^(height|min-height|grid-template-rows)$/;

/**
 * Private properties that may hold a length: sizes that truly are not tokens (drawings, column
 * widths, the focus ring's placement) and geometry that JavaScript computes with.
 */
const FIXED_PRIVATE: Record<string, string> = {
  '--_gr-graph-node-padding': 'graph node geometry: NODE_METRICS (checked above)',
  '--_gr-graph-header-rows': 'graph node geometry: NODE_METRICS',
  '--_gr-graph-row': 'graph node geometry: NODE_METRICS',
  '--_gr-graph-issues-row': 'graph node geometry: NODE_METRICS',
  '--_gr-graph-section-title': 'graph node geometry: NODE_METRICS',
  '--_gr-graph-apps-row': 'graph node geometry: NODE_METRICS',
  '--_gr-graph-status-bar': 'graph node geometry: the status bar is part of the padding',
  '--_gr-group-rows': 'graph group geometry: GROUP_METRICS (checked above)',
  '--_gr-group-subgroup-row': 'graph group geometry: GROUP_METRICS',
  '--_gr-group-subgroups-gap': 'graph group geometry: GROUP_METRICS',
  '--_gr-tile': 'graph tile geometry: TILE_METRICS (checked above)',
  '--_gr-tile-gap': 'graph tile geometry: TILE_METRICS',
  '--_gr-tiles-header': 'graph tile geometry: TILE_METRICS',
  '--_gr-table-header-height': "ReleasesTable's scrolling keeps rows below a header of this height",
  '--_gr-focus-offset': 'where the focus ring sits, not spacing',
  '--_gr-badge-icon-size': 'glyph size',
  '--_gr-ed-chevron': 'glyph size',
  '--_gr-avatar-size': 'picture size',
  '--_gr-timeline-name': 'column width',
  '--_gr-timeline-duration': 'column width',
  '--_gr-table-select-width': "column width: the date column sticks beside it (ReleasesTable's tableMinWidth counts it)",
};

/** Hard-coded colours and lengths in one stylesheet, as readable lines. */
function literals(css: string): string[] {
  const found: string[] = [];
  for (const block of parseBlocks(stripComments(css))) {
    for (const [property, value] of block.list) {
      const where = `${block.selector} { ${property}: ${value} }`;
      const words = value.match(/(?<![\w-])[a-z]+(?![\w-])/gi) ?? [];
      if (/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i.test(value) || words.some((w) => NAMED_COLOURS.has(w.toLowerCase()))) {
        found.push(`colour: ${where}`);
      }
      // Lengths outside var(): what is left once every var(…) is removed.
      let bare = value;
      for (let previous = ''; previous !== bare; ) [previous, bare] = [bare, bare.replace(/var\([^()]*\)/g, '')];
      const lengths = (bare.match(/-?\d*\.?\d+(px|rem)\b/g) ?? []).filter((length) => !/^-?(0|1px)$/.test(length));
      if (lengths.length === 0) continue;
      const checked =
        TOKEN_ONLY_LENGTHS.test(property) ||
        (HEIGHTS.test(property) && ROWS_AND_CONTROLS.test(block.selector)) ||
        (property.startsWith('--') && !(property in FIXED_PRIVATE));
      if (checked) found.push(`length ${lengths.join(' ')}: ${where}`);
    }
    for (const [property, value] of block.list) {
      if (/^font-(family|weight)$/.test(property) && !/^var\(--gr-/.test(value)) found.push(`type: ${block.selector} { ${property}: ${value} }`);
    }
  }
  return found;
}

/** Selectors split at the commas of the list, not the commas inside :where(…) or :is(…). */
function splitSelectors(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i += 1) {
    if (selector[i] === '(') depth += 1;
    else if (selector[i] === ')') depth -= 1;
    else if (selector[i] === ',' && depth === 0) {
      parts.push(selector.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(selector.slice(start).trim());
  return parts;
}

/** True when the whole selector is one :where(…), optionally followed by a pseudo-element. */
function zeroSpecificity(selector: string): boolean {
  if (!selector.startsWith(':where(')) return false;
  let depth = 0;
  for (let i = ':where'.length; i < selector.length; i += 1) {
    if (selector[i] === '(') depth += 1;
    else if (selector[i] === ')') {
      depth -= 1;
      if (depth === 0) return /^(::[\w-]+)?$/.test(selector.slice(i + 1));
    }
  }
  return false;
}

/**
 * React Flow's base.css rules (specificity 0,1,1) that no :where() rule can beat; ours match
 * their weight and come later. Each names the rule of base.css it answers.
 */
const REACT_FLOW_OVERRIDES: Record<string, string> = {
  ':where(.gr-release-graph) .react-flow__attribution a': '.react-flow__attribution a',
  ':where(.gr-release-graph) .gr-release-graph__direction svg': '.react-flow__controls-button svg',
};

describe('component stylesheets', () => {
  it.each(COMPONENT_SHEETS.map((s) => [s.name, s.css]))('%s has no hard-coded colour, spacing, radius, font or row height', (_, css) => {
    expect(literals(css)).toEqual([]);
  });

  it('finds hard-coded values (the check itself works)', () => {
    const found = literals(`
      :where(.a) { color: #fff; background: white; border-color: rgb(0 0 0); }
      :where(.b) { padding: 0.5rem 0; gap: 8px; border-radius: 3px; font-size: 12px; font-weight: 600; font-family: serif; }
      :where(.c__row) { height: 44px; }
      :where(.d) { --_gr-made-up: 4px; margin: 0 1px; width: 12rem; height: 1rem; border: 1px solid transparent; }
    `);
    expect(found.map((line) => line.split(':')[0])).toEqual([
      'colour', 'colour', 'colour', 'length 0.5rem', 'length 8px', 'length 3px', 'length 12px', 'type', 'type', 'length 44px', 'length 4px',
    ]);
  });

  it.each(SHEETS.map((s) => [s.name, s.css]))('%s wraps every selector in :where() (specificity 0)', (_, css) => {
    const selectors = parseBlocks(stripComments(css)).flatMap((block) => splitSelectors(block.selector));
    expect(selectors.length).toBeGreaterThan(0);
    expect(selectors.filter((s) => !zeroSpecificity(s) && !(s in REACT_FLOW_OVERRIDES))).toEqual([]);
  });

  it('finds selectors with specificity (the check itself works)', () => {
    expect(zeroSpecificity(':where(.a) :where(.b)')).toBe(false);
    expect(zeroSpecificity(':where(.a) .b')).toBe(false);
    expect(zeroSpecificity(':where(.a):focus-visible')).toBe(false);
    expect(zeroSpecificity('.a')).toBe(false);
    expect(zeroSpecificity(':where(.a :is(b, c):focus-visible)')).toBe(true);
    expect(zeroSpecificity(':where(.a)::after')).toBe(true);
    expect(splitSelectors(':where(.a, .b), :where(.c)')).toEqual([':where(.a, .b)', ':where(.c)']);
  });

  it('keeps the React Flow overrides only while React Flow has the rules they answer', () => {
    const base = stripComments(readFileSync(new URL('../../node_modules/@xyflow/react/dist/base.css', import.meta.url), 'utf8'));
    const graph = parseBlocks(stripComments(read('release-graph.css'))).flatMap((b) => splitSelectors(b.selector));
    for (const [ours, theirs] of Object.entries(REACT_FLOW_OVERRIDES)) {
      expect(graph).toContain(ours);
      expect(parseBlocks(base).some((b) => splitSelectors(b.selector).includes(theirs)), theirs).toBe(true);
    }
  });
});

/** The Theming section's token names, patterns expanded: `--gr-status-<status>-{fg,bg}`, `--gr-space-{1..8}`. */
function documentedTokens(readme: string): { tokens: Set<string>; problems: string[]; values: DocumentedValue[] } {
  const start = readme.indexOf('\n## Theming\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const placeholders: Record<string, readonly string[]> = { status: STATUSES, sync: SYNC_STATUSES, health: HEALTH_STATUSES };
  const tokens = new Set<string>();
  const problems: string[] = [];
  const values: DocumentedValue[] = [];
  let header: string[] = [];
  for (const row of section.split('\n').filter((line) => line.startsWith('| '))) {
    const cells = row.split('|').slice(1, -1).map((cell) => cell.trim());
    if (!cells[0]!.startsWith('`--gr-')) {
      header = cells;
      continue;
    }
    // A plain token's defaults, written as `literal` or as the `--gr-token` it follows.
    const single = /^`(--gr-[\w-]+)`$/.exec(cells[0]!)?.[1];
    if (single) {
      for (let i = 2; i < cells.length; i += 1) values.push({ token: single, column: header[i] ?? '', cell: cells[i]! });
    }
    const first = row.split('|')[1]!;
    for (const [, pattern] of first.matchAll(/`(--gr-[^`]+)`/g)) {
      let names = [pattern!];
      const expand = (re: RegExp, values: (match: RegExpExecArray) => readonly string[]) => {
        names = names.flatMap((name) => {
          const match = re.exec(name);
          return match ? values(match).map((v) => name.replace(match[0], v)) : [name];
        });
      };
      for (let guard = 0; guard < 4 && names.some((n) => /[<{]/.test(n)); guard += 1) {
        expand(/<(\w+)>/, ([, key]) => {
          const values = placeholders[key!];
          if (!values) {
            problems.push(`unknown placeholder <${key}> in ${pattern}`);
            return [];
          }
          // The row must say what the placeholder stands for.
          for (const value of values) if (!row.includes(`\`${value}\``)) problems.push(`${pattern}: the row does not list \`${value}\``);
          return values;
        });
        expand(/\{(\d+)\.\.(\d+)\}/, ([, from, to]) =>
          Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => String(Number(from) + i)),
        );
        expand(/\{([\w,-]+)\}/, ([, list]) => list!.split(','));
      }
      for (const name of names) tokens.add(name);
    }
  }
  return { tokens, problems, values };
}

interface DocumentedValue {
  token: string;
  /** The table's column title: Light default, Dark default, Default, Comfortable, Compact. */
  column: string;
  cell: string;
}

/** How tokens.css writes a default the README gives as `value` or as a token it follows. */
const asDeclared = (cell: string) => {
  const value = /^`([^`]+)`/.exec(cell)?.[1];
  if (value === undefined) return undefined;
  return /^--gr-[\w-]+$/.test(value) ? `var(${value}, var(${value}-default))` : value;
};

describe('README token table', () => {
  it('documents every token of tokens.css, and only those', () => {
    const { tokens, problems } = documentedTokens(README);
    expect(problems).toEqual([]);
    expect([...DEFINED].filter((name) => !tokens.has(name)).sort(), 'defined but not documented').toEqual([]);
    expect([...tokens].filter((name) => !DEFINED.has(name)).sort(), 'documented but not defined').toEqual([]);
    expect(DEFINED.size).toBeGreaterThan(100);
  });

  it('gives the defaults tokens.css has, in every mode and density', () => {
    const modes = modeTokens(TOKENS_CSS);
    const compact = new Map([...modes.light, ...collectTokens(TOKENS_CSS, (b) => b.media === null && b.selector === COMPACT)]);
    const columns: Record<string, Tokens> = { 'Light default': modes.light, Default: modes.light, Comfortable: modes.light, 'Dark default': modes.dark, Compact: compact };
    const { values } = documentedTokens(README);
    expect(values.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const { token, column, cell } of values) {
      const tokens = columns[column];
      if (!tokens) {
        wrong.push(`${token}: unknown column "${column}"`);
        continue;
      }
      const actual = tokens.get(`${token}-default`);
      // An empty dark cell means the same as light.
      const expected = cell === '' && column === 'Dark default' ? modes.light.get(`${token}-default`) : asDeclared(cell);
      if (actual !== expected) wrong.push(`${token} (${column}): README ${cell || '(same)'}, tokens.css ${actual}`);
    }
    expect(wrong).toEqual([]);
  });

  it('expands patterns and notices missing rows (the check itself works)', () => {
    const readme = [
      '## Theming',
      '| `--gr-a-{fg,bg}` and `--gr-space-{1..3}` | x |',
      '| `--gr-status-<status>-fg` | statuses: `queued` |',
      '## Next',
    ].join('\n');
    const { tokens, problems } = documentedTokens(`\n${readme}`);
    expect([...tokens].slice(0, 5)).toEqual(['--gr-a-fg', '--gr-a-bg', '--gr-space-1', '--gr-space-2', '--gr-space-3']);
    expect(tokens.has('--gr-status-failed-fg')).toBe(true);
    expect(problems.some((p) => p.includes('`failed`'))).toBe(true);
  });
});
