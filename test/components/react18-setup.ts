import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { version as serverVersion } from 'react-dom/server';
import { afterAll, expect } from 'vitest';

// This project must really run React 18: a silent fallback to React 19 would prove nothing. The
// renderers are checked too: React 18's hooks under React 19's renderer (or the reverse) would
// fail anyway, but only where a hook runs.
afterAll(() => {
  expect({ react: version, reactDom: domVersion, server: serverVersion }).toEqual({ react: '18.3.1', reactDom: '18.3.1', server: '18.3.1' });
});
