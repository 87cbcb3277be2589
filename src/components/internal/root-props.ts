import type { AriaAttributes } from 'react';

/**
 * What a component's root takes from its host like any element would: an `id`, `data-*` and
 * `aria-*` attributes. Every component's props extend this.
 */
export interface RootElementProps extends AriaAttributes {
  /** The root element's `id`. @default undefined */
  id?: string;
  /** Any `data-*` attribute, written on the root element. @default undefined */
  [dataAttribute: `data-${string}`]: string | number | boolean | undefined;
}

const PASSED = /^(?:aria-|data-)/;

/**
 * Picks the root's pass-through attributes (`id`, `data-*`, `aria-*`) from a component's
 * remaining props. A component spreads the result on its root before its own attributes, so its
 * own `data-status` or `aria-busy` stay true to what it shows.
 */
export function rootElementProps(props: object): Record<string, unknown> {
  // Prototype-free like every map here, though only `id`, `aria-*` and `data-*` keys reach it.
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(props)) {
    if (key === 'id' || PASSED.test(key)) out[key] = (props as Record<string, unknown>)[key];
  }
  return out;
}
