import type { ReactNode } from 'react';
import { cx } from '../internal';

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** A heading of a level chosen at run time (the host decides where the panel sits in its outline). */
export function Heading({
  level,
  id,
  className,
  children,
}: {
  level: HeadingLevel;
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  const Tag = `h${level}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

/** Text for screen readers only (e.g. "Started" before a date shown without a label). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="gr-visually-hidden">{children}</span>;
}

/** A small text tag; `tone` picks its colours (from the status tokens) in the CSS. */
export function Tag({
  tone,
  part,
  children,
  ...data
}: {
  tone: 'neutral' | 'error' | 'warning' | 'open' | 'merged' | 'closed';
  part?: string;
  children: ReactNode;
  [key: `data-${string}`]: string | undefined;
}) {
  return (
    <span className={cx('gr-environment-details__tag', part && `gr-environment-details__${part}`)} data-tone={tone} {...data}>
      {children}
    </span>
  );
}

/**
 * Non-empty nodes with a space between each: flex layouts ignore the spaces, but they keep words
 * apart in text content and accessible names (jsdom and some browsers join flex items without one).
 */
export function spaced(nodes: readonly ReactNode[]): ReactNode[] {
  const present = nodes.filter((node) => node !== null && node !== undefined && node !== false && node !== '');
  return present.flatMap((node, index) => (index === 0 ? [node] : [' ', node]));
}
