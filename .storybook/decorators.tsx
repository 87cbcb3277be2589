import type { Decorator } from '@storybook/react-vite';
import { ReleasesProvider, type ColorMode } from '../src/components/provider';

const MODES: readonly ColorMode[] = ['light', 'dark', 'system'];

/**
 * Wraps every story in a ReleasesProvider whose colour mode comes from the toolbar (the
 * `colorMode` global, which a story may set with `globals: { colorMode: 'dark' }`; a story's
 * `parameters: { colorMode: 'dark' }` forces a mode whatever the toolbar says). The wrapper
 * paints the page with the surface token so dark stories look dark and axe measures contrast
 * against the real background.
 */
export const withReleasesProvider: Decorator = (Story, context) => {
  // A story's `parameters.colorMode` forces a mode; otherwise the toolbar global decides.
  const requested = (context.parameters.colorMode ?? context.globals.colorMode) as ColorMode | undefined;
  const colorMode: ColorMode = requested && MODES.includes(requested) ? requested : 'light';
  const padded = (context.parameters.layout ?? 'padded') === 'padded';
  return (
    <ReleasesProvider
      colorMode={colorMode}
      className="gr-story-root"
      style={{
        // The story page plays the host: it picks a font the components inherit.
        ['--gr-font-family' as string]: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        background: 'var(--gr-surface, var(--gr-surface-default))',
        color: 'var(--gr-text, var(--gr-text-default))',
        boxSizing: 'border-box',
        // The story owns the whole page (dark stories must not end in a white band): with the
        // default padded layout, cover Storybook's 1rem padding too.
        minHeight: '100vh',
        ...(padded ? { padding: '1rem', margin: '-1rem' } : {}),
      }}
    >
      <Story />
    </ReleasesProvider>
  );
};
