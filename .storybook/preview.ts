import type { Preview } from '@storybook/react-vite';
import { withReleasesProvider } from './decorators';
import '../src/styles/index.css';

const preview: Preview = {
  decorators: [withReleasesProvider],
  globalTypes: {
    colorMode: {
      description: 'Colour mode of the components',
      toolbar: {
        title: 'Colour mode',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'system', title: 'System' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { colorMode: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is checked with axe in the browser tests; a violation fails the run.
    a11y: { test: 'error' },
  },
};

export default preview;
