// What every real-browser test needs: mount into the page, unmount after each test, and say
// which axe rules failed and where.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type axe from 'axe-core';
import { afterEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement | undefined;

/** Renders `node` into a fresh container in the page; `width` gives the container a size. */
export async function mount(node: ReactNode, { width }: { width?: string } = {}): Promise<HTMLElement> {
  container = document.createElement('div');
  if (width) container.style.width = width;
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(node));
  return container;
}

/** Renders again into the mounted root: a live update. */
export function rerender(node: ReactNode): void {
  act(() => root!.render(node));
}

/** Unmounts what `mount` rendered (done after every test anyway). */
export async function unmount(): Promise<void> {
  await act(async () => root?.unmount());
  container?.remove();
  root = undefined;
  container = undefined;
}

afterEach(unmount);

export function describeViolations(results: axe.AxeResults): string {
  return results.violations
    .map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}
