import { createElement, Fragment, type ReactNode } from 'react';

/** What fills a sentence's placeholders: text, or an element (a link, a name with its avatar). */
export type MessageValues = Readonly<Record<string, ReactNode>>;

// `[…]`: a part of the sentence that holds placeholders and is left out, with its words, when one
// of them has no value ("git commit[ by {author}]"); `{name}`: a placeholder.
const SECTION = /\[([^[\]]*\{[^{}[\]]+\}[^[\]]*)\]/g;
const PLACEHOLDER = /\{([^{}]+)\}/g;

const missing = (value: ReactNode) => value === undefined || value === null || value === false || value === '';

/**
 * A translated sentence as a list of text and values, in the sentence's own order, so a component
 * renders it as React children (text stays text, never markup). A placeholder the component does
 * not fill is left out; an optional `[…]` part goes with its words when a value in it is missing.
 * `wrapText` dresses the sentence's own words (muted, or for screen readers only).
 */
export function formatMessageParts(template: string, values: MessageValues, wrapText?: (text: string) => ReactNode): ReactNode[] {
  // The names come from host text: only the values' own properties count, never a prototype's.
  const valueOf = (name: string): ReactNode => (Object.hasOwn(values, name) ? values[name] : undefined);
  const kept = template.replace(SECTION, (_, inner: string) =>
    [...inner.matchAll(PLACEHOLDER)].some((match) => missing(valueOf(match[1]!))) ? '' : inner,
  );
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of kept.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(kept.slice(last, match.index));
    const value = valueOf(match[1]!);
    if (!missing(value)) parts.push(value);
    last = match.index + match[0].length;
  }
  if (last < kept.length) parts.push(kept.slice(last));
  // A left-out first or last part must not leave a space at the sentence's edge.
  const end = parts.length - 1;
  if (typeof parts[0] === 'string') parts[0] = parts[0].trimStart();
  if (typeof parts[end] === 'string') parts[end] = parts[end].trimEnd();
  // Keyed, as React wants for elements in a list of children.
  return parts
    .filter((part) => part !== '')
    .map((part, index) => (typeof part === 'string' && !wrapText ? part : createElement(Fragment, { key: index }, typeof part === 'string' ? wrapText!(part) : part)));
}

/**
 * A translated sentence with its placeholders filled, as plain text (an accessible name, a
 * tooltip): `formatMessageParts` with text values, joined.
 */
export function formatMessage(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return formatMessageParts(template, values).join('');
}
