import { version } from 'react';
import { afterAll, expect } from 'vitest';

// This project must really run React 18: a silent fallback to React 19 would prove nothing.
afterAll(() => {
  expect(version.startsWith('18.')).toBe(true);
});
