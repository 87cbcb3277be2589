import { afterAll, beforeAll } from 'vitest';

/**
 * jsdom lays nothing out: for the test file that calls this, the table's scrolling box
 * (`.gr-releases-table__scroller`) reports the size a browser would give it, which is also the
 * size the server assumes (560 × 1,200), so the virtualiser draws the rows that fit and keeps
 * the rows the server drew. Every other element stays 0 × 0. The browser tests need no such help.
 */
export function sizeTableScroller(sizes: { clientHeight: number; clientWidth: number } = { clientHeight: 560, clientWidth: 1200 }): void {
  const original = new Map<string, PropertyDescriptor | undefined>();
  beforeAll(() => {
    for (const [name, value] of Object.entries(sizes)) {
      original.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
      Object.defineProperty(HTMLElement.prototype, name, {
        configurable: true,
        get(this: HTMLElement) {
          return this.classList.contains('gr-releases-table__scroller') ? value : 0;
        },
      });
    }
  });
  afterAll(() => {
    for (const [name, descriptor] of original) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
    }
  });
}
