/// <reference types="vite/client" />
import type { CSSProperties, ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleRelease, sampleReleaseHistory } from 'gitops-releases/headless';
import { ReleaseGraph, ReleasesProvider, ReleasesTable, ReleaseView, StatusBadge, type ColorMode } from '../../src';
// The whole stylesheet as text (React Flow's base styles and ours, imports inlined), so each test
// can put it in the page plainly, as styles.css, or inside a layer, as styles.layer.css.
import STYLES from '../../src/styles/index.css?inline';
import { mount, unmount } from './harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const LAYERED = `@layer gitops-releases {\n${STYLES}}\n`;

/** Adds a stylesheet to the page, in order after any added before; all are removed after each test. */
function addStyle(css: string): void {
  const element = document.createElement('style');
  element.dataset.theming = '';
  element.textContent = css;
  document.head.append(element);
}

afterEach(() => {
  for (const element of document.querySelectorAll('style[data-theming]')) element.remove();
});

/** `#rrggbb` as getComputedStyle writes it. */
const rgb = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
};

const failedBadge = () => document.querySelector<HTMLElement>('.gr-status-badge[data-status="failed"]')!;

function Badges({ colorMode = 'light', style }: { colorMode?: ColorMode; style?: CSSProperties }) {
  return (
    <ReleasesProvider colorMode={colorMode} style={style}>
      <StatusBadge status="failed" />
    </ReleasesProvider>
  );
}

describe.each([
  ['styles.css', STYLES],
  ['styles.layer.css', LAYERED],
])('tokens with %s', (_, css) => {
  it('lets a host ancestor recolour a failed badge with --gr-status-failed-fg', async () => {
    addStyle(css);
    await mount(<Badges />);
    expect(getComputedStyle(failedBadge()).color).toBe(rgb('#b3161f'));
    await unmountAndMount(
      <div style={{ ['--gr-status-failed-fg' as string]: '#123456' }}>
        <Badges />
      </div>,
    );
    expect(getComputedStyle(failedBadge()).color).toBe(rgb('#123456'));
  });

  it('keeps a host token over the dark default, and the dark default without one', async () => {
    addStyle(css);
    await mount(<Badges colorMode="dark" />);
    expect(getComputedStyle(failedBadge()).color).toBe(rgb('#ff8a80'));
    await unmountAndMount(<Badges colorMode="dark" style={{ ['--gr-status-failed-fg' as string]: '#123456' }} />);
    expect(getComputedStyle(failedBadge()).color).toBe(rgb('#123456'));
  });
});

const HISTORY = sampleReleaseHistory({ count: 12, seed: 3 });
const rowHeight = () => document.querySelector<HTMLElement>('tr.gr-releases-table__row')!.getBoundingClientRect().height;
const searchHeight = () => document.querySelector<HTMLElement>('.gr-releases-table__input')!.getBoundingClientRect().height;
const cellPadding = () => getComputedStyle(document.querySelector<HTMLElement>('td.gr-releases-table__td')!).paddingLeft;

// ---- fonts ------------------------------------------------------------------------------------

/** The default stack, as getComputedStyle writes it. */
const SYSTEM_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const MONO_STACK = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';
const GEORGIA = 'Georgia, serif';
const FONT_RELEASE = sampleRelease({ shape: 'sequential', state: 'failed' });

/**
 * One page of components as hosts use them: a badge alone, a table in a provider, a release view
 * without one (its graph, header and details are roots of their own inside it).
 */
function FontPage({ host, table }: { host?: CSSProperties; table?: CSSProperties }) {
  return (
    <div style={host}>
      <StatusBadge status="failed" />
      <ReleasesProvider colorMode="light">
        <ReleasesTable releases={HISTORY.slice(0, 3)} height={300} style={table} />
      </ReleasesProvider>
      <ReleaseView release={FONT_RELEASE} defaultOpenEnvironment="qa" />
    </div>
  );
}

/** The computed font of texts across the page; the SHA's is mono, whatever the others are. */
async function fonts(): Promise<Record<string, string>> {
  await vi.waitFor(() => expect(document.querySelector('.gr-release-graph__node-name')).not.toBeNull(), { timeout: 20_000 });
  const of = (selector: string) => {
    const element = document.querySelector(selector);
    if (!element) throw new Error(`no ${selector} in the page`);
    return getComputedStyle(element).fontFamily;
  };
  return {
    badge: of('.gr-status-badge__label'),
    tableCell: of('td.gr-releases-table__td'),
    tableButton: of('.gr-releases-table__menu-button'),
    tableSearch: of('.gr-releases-table__input'),
    header: of('.gr-release-header'),
    tab: of('.gr-release-view [role="tab"]'),
    graphNode: of('.gr-release-graph__node-name'),
    details: of('.gr-environment-details__title'),
    sha: of('.gr-releases-table__sha'),
  };
}
const everywhere = (font: string) => ({
  badge: font,
  tableCell: font,
  tableButton: font,
  tableSearch: font,
  header: font,
  tab: font,
  graphNode: font,
  details: font,
  sha: MONO_STACK,
});

describe.each([
  ['styles.css', STYLES],
  ['styles.layer.css', LAYERED],
])('the font with %s', (_, css) => {
  it('is a system UI stack when the host sets no font, not the browser’s serif', async () => {
    addStyle(css);
    await mount(<FontPage />, { width: '1400px' });
    // The page around it has the browser's default font.
    expect(getComputedStyle(document.body).fontFamily).not.toMatch(/system-ui|sans-serif/);
    expect(await fonts()).toEqual(everywhere(SYSTEM_STACK));
  });

  it('is the host’s --gr-font-family, from an ancestor or on one component', async () => {
    addStyle(css);
    await mount(<FontPage host={{ ['--gr-font-family' as string]: GEORGIA }} />, { width: '1400px' });
    expect(await fonts()).toEqual(everywhere(GEORGIA));
    await unmountAndMount(<FontPage table={{ ['--gr-font-family' as string]: GEORGIA }} />, { width: '1400px' });
    const table = await fonts();
    expect([table.tableCell, table.tableButton, table.tableSearch, table.badge]).toEqual([GEORGIA, GEORGIA, GEORGIA, SYSTEM_STACK]);
  });

  it('follows the page’s font with one host rule, `.gr-root { font-family: inherit }`', async () => {
    addStyle(css);
    addStyle('.gr-root { font-family: inherit; }');
    await mount(<FontPage host={{ fontFamily: GEORGIA }} />, { width: '1400px' });
    expect(await fonts()).toEqual(everywhere(GEORGIA));
  });

  // What the README warns about: a CSS-wide keyword in a custom property applies to the custom
  // property itself, so `inherit` there inherits the (unset) token from the parent.
  it('is not the page’s font with --gr-font-family: inherit, which is the same as no value', async () => {
    addStyle(css);
    await mount(<FontPage host={{ fontFamily: GEORGIA, ['--gr-font-family' as string]: 'inherit' }} />, { width: '1400px' });
    expect(await fonts()).toEqual(everywhere(SYSTEM_STACK));
  });
});

describe('density', () => {
  it('compact density lowers table rows and controls and tightens cells, from the provider or the table', async () => {
    addStyle(STYLES);
    await mount(
      <ReleasesProvider colorMode="light">
        <ReleasesTable releases={HISTORY} height={400} />
      </ReleasesProvider>,
      { width: '1400px' },
    );
    const comfortable = { row: rowHeight(), control: searchHeight(), padding: cellPadding() };
    expect(comfortable).toEqual({ row: 44, control: 32, padding: '12px' });

    await unmountAndMount(
      <ReleasesProvider colorMode="light" density="compact">
        <ReleasesTable releases={HISTORY} height={400} />
      </ReleasesProvider>,
      { width: '1400px' },
    );
    expect({ row: rowHeight(), control: searchHeight(), padding: cellPadding() }).toEqual({ row: 32, control: 28, padding: '8px' });

    // The table's own prop wins over its provider's, spacing included.
    await unmountAndMount(
      <ReleasesProvider colorMode="light" density="compact">
        <ReleasesTable releases={HISTORY} height={400} density="comfortable" />
      </ReleasesProvider>,
      { width: '1400px' },
    );
    expect({ row: rowHeight(), control: searchHeight(), padding: cellPadding() }).toEqual(comfortable);

    // Without a provider too.
    await unmountAndMount(<ReleasesTable releases={HISTORY} height={400} density="compact" />, { width: '1400px' });
    expect({ row: rowHeight(), control: searchHeight(), padding: cellPadding() }).toEqual({ row: 32, control: 28, padding: '8px' });
  });
});

describe('styles.layer.css', () => {
  it('lets any unlayered host rule win, where the plain stylesheet wins ties that come before it', async () => {
    // A host rule of the same zero specificity that the page loads before our stylesheet.
    const host = ':where(.gr-status-badge) { color: rgb(1, 2, 3); }';

    addStyle(host);
    addStyle(STYLES);
    await mount(<Badges />);
    expect(getComputedStyle(failedBadge()).color).toBe(rgb('#b3161f'));

    for (const element of document.querySelectorAll('style[data-theming]')) element.remove();
    addStyle(host);
    addStyle(LAYERED);
    expect(getComputedStyle(failedBadge()).color).toBe('rgb(1, 2, 3)');
  });

  it('lets an ordinary host class rule beat even the graph rules that match React Flow weight', async () => {
    addStyle(LAYERED);
    addStyle('.react-flow__attribution a { color: rgb(4, 5, 6); }');
    await mount(
      <ReleasesProvider colorMode="light">
        <ReleaseGraph release={sampleRelease({ shape: 'sequential', state: 'queued' })} height={400} />
      </ReleasesProvider>,
      { width: '1000px' },
    );
    await graphDrawn();
    expect(getComputedStyle(document.querySelector('.react-flow__attribution a')!).color).toBe('rgb(4, 5, 6)');
  });
});

const graphDrawn = () =>
  vi.waitFor(() => expect(document.querySelector('.gr-release-graph__edge[data-state="pending"] .gr-release-graph__edge-path')).not.toBeNull(), {
    timeout: 20_000,
  });

describe('React Flow variables', () => {
  async function drawGraph(colorMode: ColorMode, style?: CSSProperties) {
    await mount(
      <ReleasesProvider colorMode={colorMode} style={style}>
        <ReleaseGraph release={sampleRelease({ shape: 'sequential', state: 'queued' })} height={400} />
      </ReleasesProvider>,
      { width: '1000px' },
    );
    await graphDrawn();
    const flow = document.querySelector<HTMLElement>('.react-flow')!;
    const edge = document.querySelector<SVGElement>('.gr-release-graph__edge[data-state="pending"] .gr-release-graph__edge-path')!;
    const button = document.querySelector<HTMLElement>('.react-flow__controls-button')!;
    return {
      background: getComputedStyle(flow).backgroundColor,
      edgeVariable: getComputedStyle(flow).getPropertyValue('--xy-edge-stroke').trim(),
      edge: getComputedStyle(edge).stroke,
      button: getComputedStyle(button).backgroundColor,
    };
  }

  it('follows the colour mode: canvas, edges and controls', async () => {
    addStyle(STYLES);
    const light = await drawGraph('light');
    expect(light).toEqual({ background: rgb('#ffffff'), edgeVariable: '#59636e', edge: rgb('#59636e'), button: rgb('#f6f8fa') });
    await unmount();
    const dark = await drawGraph('dark');
    expect(dark).toEqual({ background: rgb('#0d1117'), edgeVariable: '#9198a1', edge: rgb('#9198a1'), button: rgb('#161b22') });
  });

  it("follows a host's graph tokens", async () => {
    addStyle(STYLES);
    const themed = await drawGraph('dark', { ['--gr-graph-bg' as string]: '#102030', ['--gr-graph-edge' as string]: '#405060' });
    expect(themed.background).toBe(rgb('#102030'));
    expect(themed.edgeVariable).toBe('#405060');
    expect(themed.edge).toBe(rgb('#405060'));
  });
});

async function unmountAndMount(node: ReactNode, options?: { width?: string }): Promise<void> {
  await unmount();
  await mount(node, options);
}
