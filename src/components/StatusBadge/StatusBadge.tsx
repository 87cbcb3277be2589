import { forwardRef, type CSSProperties, type ReactNode } from 'react';
import type { HealthStatus, Status, SyncStatus } from 'gitops-releases/headless';
import { HEALTH_STATUSES, STATUSES, SYNC_STATUSES } from '../../headless/internal';
import { cx } from '../internal/cx';
import { rootElementProps, type RootElementProps } from '../internal/root-props';
import { useStatusMessages } from '../provider/component-messages';
import { useRootClassName } from '../provider/ReleasesProvider';
import { glyphFor, StatusIcon } from './icons';

/** Which vocabulary a badge's `status` belongs to. */
export type StatusBadgeKind = 'release' | 'sync' | 'health';
export type StatusBadgeVariant = 'solid' | 'subtle' | 'icon-only';
export type StatusBadgeSize = 'sm' | 'md' | 'lg';

/** Extra class names for a badge's parts. */
export interface StatusBadgeClassNames {
  /** The outer `span.gr-status-badge`. @default undefined */
  root?: string;
  /** The `svg.gr-status-badge__icon`. @default undefined */
  icon?: string;
  /** The `span.gr-status-badge__label` (absent in the icon-only variant). @default undefined */
  label?: string;
}

/** Props every kind of badge shares. */
export interface StatusBadgeCommonProps extends RootElementProps {
  /**
   * Look of the badge: `subtle` (tinted background), `solid` (strong background) or `icon-only`
   * (the glyph alone, with the label as its accessible name and tooltip).
   * @default 'subtle'
   */
  variant?: StatusBadgeVariant;
  /**
   * Size of the text and icon.
   * @default 'md'
   */
  size?: StatusBadgeSize;
  /**
   * Replaces the text (and the icon-only accessible name when it is a string). Rendered as text,
   * never as HTML.
   * @default the status label from the provider's `messages` (English by default)
   */
  label?: ReactNode;
  /**
   * Tooltip (`title` attribute). For a status outside the vocabulary the default tooltip also
   * shows the raw value received.
   * @default the label text
   */
  title?: string;
  /**
   * Extra class names for the root.
   * @default undefined
   */
  className?: string;
  /**
   * Inline styles for the root (e.g. `--gr-status-failed-fg` for one badge).
   * @default undefined
   */
  style?: CSSProperties;
  /**
   * Extra class names per part: `{ root, icon, label }`.
   * @default undefined
   */
  classNames?: StatusBadgeClassNames;
  /**
   * The status is still being fetched: shows a neutral placeholder (`data-loading`, `aria-busy`)
   * named by the `loading` message ("Loading status") instead of a status, so a missing value never reads as Unknown while
   * data is on its way.
   * @default false
   */
  loading?: boolean;
}

/** A badge for the release/environment/workflow status vocabulary. */
export interface ReleaseStatusBadgeProps extends StatusBadgeCommonProps {
  /**
   * The vocabulary of `status`.
   * @default 'release'
   */
  kind?: 'release';
  /**
   * The status to show. A value outside the vocabulary (untyped data) shows as Unknown.
   */
  status: Status;
  /**
   * With `status="suspended"`: the step waits for a pull request to be merged, shown with a pull
   * request glyph and its own label. Ignored for other statuses.
   * @default undefined
   */
  waitingFor?: 'pull-request';
}

/** A badge for an application's Argo CD sync status. */
export interface SyncStatusBadgeProps extends StatusBadgeCommonProps {
  /** The vocabulary of `status`: an application's sync status. */
  kind: 'sync';
  /** The sync status to show. A value outside the vocabulary shows as Unknown. */
  status: SyncStatus;
  /**
   * Only for release statuses.
   * @default undefined
   */
  waitingFor?: never;
}

/** A badge for an application's Argo CD health status. */
export interface HealthStatusBadgeProps extends StatusBadgeCommonProps {
  /** The vocabulary of `status`: an application's health status. */
  kind: 'health';
  /** The health status to show. A value outside the vocabulary shows as Unknown. */
  status: HealthStatus;
  /**
   * Only for release statuses.
   * @default undefined
   */
  waitingFor?: never;
}

/** Props of `StatusBadge`: a status of one of the three vocabularies, told apart by `kind`. */
export type StatusBadgeProps = ReleaseStatusBadgeProps | SyncStatusBadgeProps | HealthStatusBadgeProps;

const VOCABULARY: Readonly<Record<StatusBadgeKind, readonly string[]>> = {
  release: STATUSES,
  sync: SYNC_STATUSES,
  health: HEALTH_STATUSES,
};
const VARIANTS: readonly StatusBadgeVariant[] = ['solid', 'subtle', 'icon-only'];
const SIZES: readonly StatusBadgeSize[] = ['sm', 'md', 'lg'];

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** A printable form of a value that came from untyped data. */
function describeRaw(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  return typeof value;
}

/**
 * A status shown as icon + text (or icon with an accessible name): release, environment and
 * workflow statuses, or an application's sync or health status with `kind`.
 *
 * Renders `<span class="gr-status-badge" data-kind data-status data-variant data-size>`.
 */
export const StatusBadge = /* @__PURE__ */ forwardRef<HTMLSpanElement, StatusBadgeProps>(function StatusBadge(props, ref) {
  const { status: rawStatus, waitingFor, label, title, className, style, classNames, loading, kind: _kind, variant: _variant, size: _size, ...rest } = props;
  const passed = rootElementProps(rest);
  const messages = useStatusMessages();
  const rootClassName = useRootClassName();

  if (loading) {
    const size = oneOf(SIZES, props.size, 'md');
    const variant = oneOf(VARIANTS, props.variant, 'subtle');
    return (
      <span
        {...passed}
        ref={ref}
        className={cx(rootClassName, 'gr-status-badge', classNames?.root, className)}
        data-loading=""
        data-variant={variant}
        data-size={size}
        role="status"
        aria-busy="true"
        aria-label={messages.loading}
        title={title ?? messages.loading}
        style={style}
      >
        <span className={cx('gr-status-badge__placeholder', classNames?.label)} aria-hidden="true" />
      </span>
    );
  }

  // Props may come from untyped data at run time: anything unexpected falls back, never throws.
  const kind = oneOf<StatusBadgeKind>(['release', 'sync', 'health'], props.kind, 'release');
  const variant = oneOf(VARIANTS, props.variant, 'subtle');
  const size = oneOf(SIZES, props.size, 'md');
  const known = typeof rawStatus === 'string' && VOCABULARY[kind].includes(rawStatus);
  const status: string = known ? rawStatus : 'unknown';
  const waitingForPullRequest = kind === 'release' && status === 'suspended' && waitingFor === 'pull-request';

  const labels: Readonly<Record<string, string>> =
    kind === 'sync' ? messages.sync : kind === 'health' ? messages.health : messages.status;
  const defaultText = waitingForPullRequest ? messages.waitingForPullRequest : (labels[status] ?? labels.unknown ?? status);
  const hasCustomLabel = label !== undefined && label !== null && label !== false;
  const text: ReactNode = hasCustomLabel ? label : defaultText;
  const textString = typeof text === 'string' || typeof text === 'number' ? String(text) : defaultText;
  const tooltip = title ?? (known ? textString : messages.badge.received(textString, describeRaw(rawStatus)));
  const iconOnly = variant === 'icon-only';

  return (
    <span
      {...passed}
      ref={ref}
      className={cx(rootClassName, 'gr-status-badge', classNames?.root, className)}
      data-kind={kind}
      data-status={status}
      data-variant={variant}
      data-size={size}
      data-waiting-for={waitingForPullRequest ? 'pull-request' : undefined}
      role={iconOnly ? 'img' : undefined}
      aria-label={iconOnly ? textString : undefined}
      title={tooltip}
      style={style}
    >
      <StatusIcon glyph={glyphFor(kind, status, waitingFor)} className={classNames?.icon} />
      {iconOnly ? null : <span className={cx('gr-status-badge__label', classNames?.label)}>{text}</span>}
    </span>
  );
});
