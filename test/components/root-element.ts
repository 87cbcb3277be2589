import { expect } from 'vitest';

/**
 * What a host sees of a component's root when it passes `ref`, `id`, `data-testid` and
 * `aria-describedby="help"` like it would to an element.
 */
export function expectElementLikeRoot(root: HTMLElement, ref: { current: unknown }, id: string): void {
  expect(ref.current).toBe(root);
  expect(root).toHaveAttribute('id', id);
  expect(root).toHaveAttribute('aria-describedby', 'help');
}
