import type { ReactNode } from 'react';
import type { HealthStatus, Status, SyncStatus } from 'gitops-releases/headless';
import { cx } from '../internal/cx';

/**
 * Status glyphs: 16x16, drawn with `currentColor` so the badge's text colour paints them. Each
 * status has its own shape, so colour is never the only cue (WCAG 1.4.1).
 */

/** The outlined ring most glyphs sit in. */
const ring = <circle cx="8" cy="8" r="6.25" />;
/** A broken ring for "in between" states (terminating, missing). */
const dashedRing = <circle cx="8" cy="8" r="6.25" strokeDasharray="2.45 1.65" />;
const dot = (cy: number) => <circle cx="8" cy={cy} r="0.9" fill="currentColor" stroke="none" />;
const heartPath =
  'M8 13.25C5 11.3 2 9 2 6.1 2 4.4 3.35 3 5 3c1.25 0 2.3.7 3 1.75C8.7 3.7 9.75 3 11 3c1.65 0 3 1.4 3 3.1 0 2.9-3 5.2-6 7.15Z';

const GLYPHS = {
  succeeded: (
    <>
      {ring}
      <path d="M5.25 8.25 7.15 10.1 10.75 6.2" />
    </>
  ),
  failed: (
    <>
      {ring}
      <path d="M5.9 5.9 10.1 10.1M10.1 5.9 5.9 10.1" />
    </>
  ),
  error: (
    <>
      <path d="M8 1.9 14.5 13.6H1.5Z" />
      <path d="M8 6.1v3.4" />
      {/* @__PURE__ */ dot(11.55)}
    </>
  ),
  running: (
    <>
      <circle cx="8" cy="8" r="6.25" opacity="0.3" />
      {/* Three quarters of the ring: a quarter arc all but vanished at 14px on dark surfaces. */}
      <path d="M8 1.75A6.25 6.25 0 1 1 1.75 8" />
    </>
  ),
  suspended: (
    <>
      {ring}
      <path d="M6.5 5.75v4.5M9.5 5.75v4.5" />
    </>
  ),
  pending: (
    <>
      {ring}
      <path d="M8 4.75V8l2.25 1.5" />
    </>
  ),
  queued: (
    <>
      {ring}
      <path d="M5.25 6h5.5M5.25 8h5.5M5.25 10h3.25" />
    </>
  ),
  terminating: (
    <>
      {dashedRing}
      <rect x="5.75" y="5.75" width="4.5" height="4.5" rx="0.75" />
    </>
  ),
  terminated: (
    <>
      {ring}
      <rect x="5.5" y="5.5" width="5" height="5" rx="1" fill="currentColor" stroke="none" />
    </>
  ),
  skipped: (
    <>
      {ring}
      <path d="M5.6 5.5 8.35 8 5.6 10.5M10.4 5.5v5" />
    </>
  ),
  unknown: (
    <>
      {ring}
      <path d="M6.1 6.35a1.95 1.95 0 1 1 2.75 1.75c-.55.25-.85.6-.85 1.2v.25" />
      {/* @__PURE__ */ dot(11.3)}
    </>
  ),
  'pull-request': (
    <>
      <circle cx="4.5" cy="3.75" r="1.75" />
      <circle cx="4.5" cy="12.25" r="1.75" />
      <circle cx="11.5" cy="12.25" r="1.75" />
      <path d="M4.5 5.5v5M11.5 10.5V6.75a2 2 0 0 0-2-2H7.25" />
      <path d="M8.75 3.25 7.25 4.75l1.5 1.5" />
    </>
  ),
  synced: (
    <>
      <path d="M2.75 8a5.25 5.25 0 0 1 9.1-3.6l1.4 1.35M13.25 2.75v3h-3" />
      <path d="M13.25 8a5.25 5.25 0 0 1-9.1 3.6l-1.4-1.35M2.75 13.25v-3h3" />
    </>
  ),
  'out-of-sync': (
    <>
      {ring}
      <path d="M8 11V5M5.5 7.5 8 5l2.5 2.5" />
    </>
  ),
  syncing: (
    <>
      <path d="M13.25 8A5.25 5.25 0 1 1 11.7 4.3" />
      <path d="M11.7 1.8v2.5H9.2" />
    </>
  ),
  healthy: <path d={heartPath} />,
  degraded: (
    <>
      <path d={heartPath} />
      <path d="M8 4.75 6.9 7.3 9 8.6 8 11" />
    </>
  ),
  missing: (
    <>
      {dashedRing}
      <path d="M6 8h4" />
    </>
  ),
} satisfies Record<string, ReactNode>;

/** The name of one drawn glyph; also rendered as the icon's `data-glyph` attribute. */
export type StatusGlyph = keyof typeof GLYPHS;

/** Glyphs that spin (CSS animation, off under `prefers-reduced-motion`). */
const ANIMATED: ReadonlySet<StatusGlyph> = new Set<StatusGlyph>(['running', 'syncing']);

const HEALTH_GLYPH: Readonly<Record<HealthStatus, StatusGlyph>> = {
  healthy: 'healthy',
  progressing: 'running',
  degraded: 'degraded',
  suspended: 'suspended',
  missing: 'missing',
  unknown: 'unknown',
  terminated: 'terminated',
};

const SYNC_GLYPH: Readonly<Record<SyncStatus, StatusGlyph>> = {
  synced: 'synced',
  'out-of-sync': 'out-of-sync',
  syncing: 'syncing',
  unknown: 'unknown',
};

/** Which glyph a (valid) status of a kind is drawn with. */
export function glyphFor(
  kind: 'release' | 'sync' | 'health',
  status: string,
  waitingFor?: 'pull-request',
): StatusGlyph {
  if (kind === 'sync') return SYNC_GLYPH[status as SyncStatus] ?? 'unknown';
  if (kind === 'health') return HEALTH_GLYPH[status as HealthStatus] ?? 'unknown';
  if (status === 'suspended' && waitingFor === 'pull-request') return 'pull-request';
  return Object.prototype.hasOwnProperty.call(GLYPHS, status) ? (status as Status) : 'unknown';
}

export interface StatusIconProps {
  /** The glyph to draw. */
  glyph: StatusGlyph;
  /** Extra class names for the `<svg>`. */
  className?: string;
}

/** One status glyph as inline SVG; decorative (the badge carries the text or accessible name). */
export function StatusIcon({ glyph, className }: StatusIconProps) {
  return (
    <svg
      className={cx('gr-status-badge__icon', className)}
      data-glyph={glyph}
      data-animated={ANIMATED.has(glyph) ? '' : undefined}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {GLYPHS[glyph]}
    </svg>
  );
}
