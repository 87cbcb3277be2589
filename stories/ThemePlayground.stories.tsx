import { useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { STATUSES, sampleRelease, sampleReleaseHistory } from 'gitops-releases/headless';
import { ReleaseGraph, ReleasesProvider, ReleasesTable, StatusBadge, type ColorMode, type Density } from '../src';

/**
 * Edits the main tokens live: every change sets a plain `--gr-*` name on the provider's `style`,
 * as a host would in its own CSS, over the library's `-default`s. The CSS to copy is shown below
 * the inputs.
 */
const meta: Meta = {
  title: 'Embedding/Theme playground',
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj;

const NOW = '2026-11-20T10:00:00.000Z';
const HISTORY = sampleReleaseHistory({ count: 12, shape: 'regions', seed: 4, now: NOW });
const RELEASE = sampleRelease({ shape: 'parallel', state: 'failed', now: NOW });

/** The colour tokens the panel offers, with what each colours. */
const COLOURS: readonly [token: string, label: string][] = [
  ['--gr-surface', 'Surface'],
  ['--gr-surface-raised', 'Raised surface'],
  ['--gr-text', 'Text'],
  ['--gr-text-muted', 'Muted text'],
  ['--gr-border', 'Border'],
  ['--gr-focus-ring', 'Focus ring'],
  ['--gr-link', 'Links'],
  ['--gr-accent', 'Selection'],
  ['--gr-status-succeeded-fg', 'Succeeded'],
  ['--gr-status-running-fg', 'Running'],
  ['--gr-status-failed-fg', 'Failed'],
  ['--gr-status-suspended-fg', 'Suspended'],
  ['--gr-graph-bg', 'Graph canvas'],
  ['--gr-graph-edge', 'Graph edges'],
];

const FONTS: readonly [value: string, label: string][] = [
  ['', 'System UI (the default)'],
  ['Georgia, serif', 'Georgia (serif)'],
  ['ui-monospace, monospace', 'Monospace'],
];

/** `#rgb` as `#rrggbb`, which a colour input needs (a minifier may have shortened the defaults). */
const longHex = (hex: string) => (/^#[0-9a-f]{3}$/i.test(hex) ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex);

/** The `-default` values in force on `element` (they change with the colour mode). */
function readDefaults(element: HTMLElement): Record<string, string> {
  const style = getComputedStyle(element);
  return Object.fromEntries(COLOURS.map(([token]) => [token, longHex(style.getPropertyValue(`${token}-default`).trim())]));
}

const panelStyle: CSSProperties = {
  flex: '0 0 17rem',
  display: 'flex',
  flexDirection: 'column',
  gap: 'var(--gr-space-5, var(--gr-space-5-default))',
  padding: 'var(--gr-space-6, var(--gr-space-6-default))',
  border: '1px solid var(--gr-border, var(--gr-border-default))',
  borderRadius: 'var(--gr-radius, var(--gr-radius-default))',
  background: 'var(--gr-surface-raised, var(--gr-surface-raised-default))',
  fontSize: 'var(--gr-font-size-sm, var(--gr-font-size-sm-default))',
};
const fieldStyle: CSSProperties = { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '0.5rem' };
const controlStyle: CSSProperties = {
  font: 'inherit',
  color: 'inherit',
  background: 'var(--gr-surface, var(--gr-surface-default))',
  border: '1px solid var(--gr-border, var(--gr-border-default))',
  borderRadius: 'var(--gr-radius-sm, var(--gr-radius-sm-default))',
  padding: '0.125rem 0.25rem',
};

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div style={fieldStyle}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function Playground() {
  const [colorMode, setColorMode] = useState<ColorMode>('light');
  const [density, setDensity] = useState<Density>('comfortable');
  const [radius, setRadius] = useState<number | null>(null);
  const [font, setFont] = useState('');
  const [colours, setColours] = useState<Record<string, string>>({});
  const [defaults, setDefaults] = useState<Record<string, string>>({});
  const root = useRef<HTMLDivElement>(null);

  const tokens = useMemo(() => {
    const out: Record<string, string> = { ...colours };
    if (radius !== null) out['--gr-radius'] = `${radius}px`;
    if (font) out['--gr-font-family'] = font;
    return out;
  }, [colours, radius, font]);

  // The pickers show the value in force: the host's if set, else the default, which depends on
  // the mode and on the tokens it follows (links follow the focus ring).
  useLayoutEffect(() => {
    const element = root.current?.querySelector<HTMLElement>('.gr-root');
    if (element) setDefaults(readDefaults(element));
  }, [colorMode, tokens]);
  const css = Object.keys(tokens).length
    ? `.gr-root {\n${Object.entries(tokens)
        .map(([name, value]) => `  ${name}: ${value};`)
        .join('\n')}\n}`
    : '/* No token set: the defaults apply. */';

  return (
    <div ref={root}>
      <ReleasesProvider
        colorMode={colorMode}
        density={density}
        style={{
          ...(tokens as CSSProperties),
          minHeight: '100vh',
          boxSizing: 'border-box',
          padding: '1rem',
          background: 'var(--gr-surface, var(--gr-surface-default))',
          color: 'var(--gr-text, var(--gr-text-default))',
        }}
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: '1rem' }}>
          <form style={panelStyle} aria-label="Theme tokens" onSubmit={(event) => event.preventDefault()}>
            <Field label="Colour mode">
              {(id) => (
                <select id={id} style={controlStyle} value={colorMode} onChange={(e) => setColorMode(e.target.value as ColorMode)}>
                  <option value="light">Light</option>
                  <option value="dark">Dark</option>
                  <option value="system">System</option>
                </select>
              )}
            </Field>
            <Field label="Density">
              {(id) => (
                <select id={id} style={controlStyle} value={density} onChange={(e) => setDensity(e.target.value as Density)}>
                  <option value="comfortable">Comfortable</option>
                  <option value="compact">Compact</option>
                </select>
              )}
            </Field>
            <Field label={`Corner radius (${radius ?? 6}px)`}>
              {(id) => (
                <input id={id} type="range" min={0} max={16} value={radius ?? 6} onChange={(e) => setRadius(Number(e.target.value))} />
              )}
            </Field>
            <Field label="Font">
              {(id) => (
                <select id={id} style={controlStyle} value={font} onChange={(e) => setFont(e.target.value)}>
                  {FONTS.map(([value, label]) => (
                    <option key={label} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {COLOURS.map(([token, label]) => (
              <Field key={token} label={`${label} (${token})`}>
                {(id) => (
                  <input
                    id={id}
                    type="color"
                    value={colours[token] ?? (defaults[token] && /^#[0-9a-f]{6}$/i.test(defaults[token]) ? defaults[token] : '#000000')}
                    onChange={(e) => setColours((current) => ({ ...current, [token]: e.target.value }))}
                  />
                )}
              </Field>
            ))}
            <button
              type="button"
              style={{ ...controlStyle, padding: '0.375rem 0.75rem', cursor: 'pointer' }}
              onClick={() => {
                setColours({});
                setRadius(null);
                setFont('');
              }}
            >
              Reset tokens
            </button>
            <section aria-label="CSS for the host">
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontFamily: 'var(--gr-font-family-mono, var(--gr-font-family-mono-default))' }}>{css}</pre>
            </section>
          </form>
          <div style={{ flex: '1 1 40rem', minWidth: 0, display: 'flex', flexDirection: 'column', gap: '1rem' }}>
            <div role="group" aria-label="Statuses" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
              {STATUSES.map((status) => (
                <StatusBadge key={status} status={status} />
              ))}
              {(['succeeded', 'running', 'failed'] as const).map((status) => (
                <StatusBadge key={`solid-${status}`} status={status} variant="solid" />
              ))}
            </div>
            <ReleasesTable releases={HISTORY} height={300} aria-label="Releases of checkout" />
            <ReleaseGraph release={RELEASE} height={380} showMinimap aria-label="Promotion graph of the sample release" />
          </div>
        </div>
      </ReleasesProvider>
    </div>
  );
}

/** Change a token, a mode or the density: the badges, table and graph follow at once. */
export const ThemePlayground: Story = {
  render: () => <Playground />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const badge = () => canvasElement.querySelector<HTMLElement>('[role="group"] .gr-status-badge[data-status="failed"]')!;
    await waitFor(() => expect(badge()).not.toBeNull());
    const before = getComputedStyle(badge()).color;
    await expect(before).toBe('rgb(179, 22, 31)');

    fireEvent.input(canvas.getByLabelText('Failed (--gr-status-failed-fg)'), { target: { value: '#6a1b9a' } });
    await waitFor(() => expect(getComputedStyle(badge()).color).toBe('rgb(106, 27, 154)'));
    await expect(canvas.getByText(/--gr-status-failed-fg: #6a1b9a;/)).toBeInTheDocument();

    // Compact density lowers the table's rows.
    const row = () => canvasElement.querySelector<HTMLElement>('tr.gr-releases-table__row')!;
    await expect(row().getBoundingClientRect().height).toBe(44);
    await userEvent.selectOptions(canvas.getByLabelText('Density'), 'compact');
    await waitFor(() => expect(row().getBoundingClientRect().height).toBe(32));

    await userEvent.click(canvas.getByRole('button', { name: 'Reset tokens' }));
    await userEvent.selectOptions(canvas.getByLabelText('Density'), 'comfortable');
    await waitFor(() => expect(getComputedStyle(badge()).color).toBe(before));
  },
};
