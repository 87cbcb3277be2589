import { createContext, useContext, useMemo, type CSSProperties, type ReactNode } from 'react';
import {
  HEALTH_LABELS,
  STATUS_LABELS,
  SYNC_LABELS,
  type HealthStatus,
  type Status,
  type SyncStatus,
} from 'gitops-releases/headless';
import { cx } from '../internal/cx';

/**
 * How the components pick their colours. `system` follows the reader's operating system through
 * a CSS media query (no JavaScript, so server and client render the same markup).
 */
export type ColorMode = 'light' | 'dark' | 'system';

const COLOR_MODES: readonly ColorMode[] = ['light', 'dark', 'system'];

/** Every text the components show for a status, fully resolved (English by default). */
export interface ReleasesMessages {
  /** Labels of the release/environment/workflow status vocabulary. */
  status: Readonly<Record<Status, string>>;
  /** Labels of an application's sync status. */
  sync: Readonly<Record<SyncStatus, string>>;
  /** Labels of an application's health status. */
  health: Readonly<Record<HealthStatus, string>>;
  /** Label of a suspended step that waits for its pull request to be merged. */
  waitingForPullRequest: string;
  /** Accessible name of a status that is still being fetched. */
  loading: string;
}

/** What a host passes to relabel statuses: any subset of `ReleasesMessages`. */
export interface PartialReleasesMessages {
  status?: Partial<Record<Status, string>>;
  sync?: Partial<Record<SyncStatus, string>>;
  health?: Partial<Record<HealthStatus, string>>;
  waitingForPullRequest?: string;
  loading?: string;
}

export const DEFAULT_MESSAGES: ReleasesMessages = {
  status: STATUS_LABELS,
  sync: SYNC_LABELS,
  health: HEALTH_LABELS,
  waitingForPullRequest: 'Waiting for PR merge',
  loading: 'Loading status',
};

/** What components read from the nearest `ReleasesProvider` (or the defaults without one). */
export interface ReleasesContextValue {
  colorMode: ColorMode;
  /** BCP 47 locale for dates and numbers. */
  locale: string;
  /** IANA time zone; `undefined` means the runtime's local zone. */
  timeZone: string | undefined;
  messages: ReleasesMessages;
  /** Renders every link the components draw (a host's router link); `undefined` means `<a>`. */
  renderLink: RenderLink | undefined;
  /**
   * False when no provider is above. A component's root then carries the `gr-root` class itself,
   * so the token defaults (light) still reach it; inside a provider it must not, or it would
   * reset a dark provider's tokens back to light.
   */
  hasProvider: boolean;
}

const DEFAULT_CONTEXT: ReleasesContextValue = {
  // Without a provider nothing sets data-color-mode, so the light defaults apply.
  colorMode: 'light',
  locale: 'en-US',
  timeZone: undefined,
  messages: DEFAULT_MESSAGES,
  renderLink: undefined,
  hasProvider: false,
};

const ReleasesContext = createContext<ReleasesContextValue>(DEFAULT_CONTEXT);
ReleasesContext.displayName = 'ReleasesContext';

/**
 * Internal: the nearest provider's settings, or the defaults when there is none, so every
 * component also works on its own.
 */
export function useReleasesContext(): ReleasesContextValue {
  return useContext(ReleasesContext);
}

/** Class names to put on a component's root: adds `gr-root` only when no provider is above. */
export function useRootClassName(): string | undefined {
  return useContext(ReleasesContext).hasProvider ? undefined : 'gr-root';
}

function mergeRecord<K extends string>(
  base: Readonly<Record<K, string>>,
  override: Partial<Record<K, string>> | undefined,
): Readonly<Record<K, string>> {
  if (!override) return base;
  const merged: Record<K, string> = { ...base };
  for (const key of Object.keys(override) as K[]) {
    const value = override[key];
    // Only keys of the vocabulary, only strings: labels are text, never markup.
    if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(base, key)) merged[key] = value;
  }
  return merged;
}

/** Merges a host's partial messages over a complete set. */
export function mergeMessages(base: ReleasesMessages, override: PartialReleasesMessages | undefined): ReleasesMessages {
  if (!override) return base;
  return {
    status: mergeRecord(base.status, override.status),
    sync: mergeRecord(base.sync, override.sync),
    health: mergeRecord(base.health, override.health),
    waitingForPullRequest:
      typeof override.waitingForPullRequest === 'string' ? override.waitingForPullRequest : base.waitingForPullRequest,
    loading: typeof override.loading === 'string' ? override.loading : base.loading,
  };
}

/** What `renderLink` receives: `href` has already passed `safeHref` (http, https or mailto). */
export interface LinkRenderProps {
  href: string;
  className?: string;
  title?: string;
  /** True for links that leave the host (a Git host, Argo CD): open them in a new tab. */
  external: boolean;
  children: ReactNode;
}

export type RenderLink = (props: LinkRenderProps) => ReactNode;

export interface ReleasesProviderProps {
  /**
   * Colour mode of everything inside. `system` follows `prefers-color-scheme` with CSS only.
   * A nested provider without this prop keeps its parent provider's mode.
   * @default 'system'
   */
  colorMode?: ColorMode;
  /**
   * Relabels statuses: any subset of `{ status, sync, health, waitingForPullRequest, loading }`, merged over
   * the English defaults (and over an enclosing provider's messages). Plain text only.
   * @default undefined (English labels from `gitops-releases/headless`)
   */
  messages?: PartialReleasesMessages;
  /**
   * BCP 47 locale for dates and numbers. Fixed by default so server and client render alike.
   * @default 'en-US'
   */
  locale?: string;
  /**
   * IANA time zone for dates, e.g. `'UTC'` or `'Europe/Paris'`. Pass one when rendering on a
   * server, or server and browser may disagree.
   * @default undefined (the runtime's local time zone)
   */
  timeZone?: string;
  /**
   * Renders every link inside (release, workflow, application, pull request links), so a host's
   * router can handle them. Receives only safe `href`s.
   * @default undefined (a plain `<a>`; external links open in a new tab)
   */
  renderLink?: RenderLink;
  /**
   * Extra class names for the wrapper `div.gr-root`.
   * @default undefined
   */
  className?: string;
  /**
   * Inline styles for the wrapper; the place to set `--gr-*` tokens for this subtree.
   * @default undefined
   */
  style?: CSSProperties;
  /**
   * The components (and anything else) to theme.
   * @default undefined
   */
  children?: ReactNode;
}

/**
 * Sets colour mode, labels, locale and time zone for the components inside. Renders a
 * `<div class="gr-root" data-color-mode="…">` that carries the token defaults.
 */
export function ReleasesProvider({
  colorMode,
  messages,
  locale,
  timeZone,
  renderLink,
  className,
  style,
  children,
}: ReleasesProviderProps) {
  const parent = useContext(ReleasesContext);
  const mode: ColorMode =
    colorMode !== undefined && COLOR_MODES.includes(colorMode)
      ? colorMode
      : parent.hasProvider
        ? parent.colorMode
        : 'system';
  const resolvedLocale = locale ?? parent.locale;
  const resolvedTimeZone = timeZone ?? parent.timeZone;
  const resolvedRenderLink = renderLink ?? parent.renderLink;
  const value = useMemo<ReleasesContextValue>(
    () => ({
      colorMode: mode,
      locale: resolvedLocale,
      timeZone: resolvedTimeZone,
      messages: mergeMessages(parent.messages, messages),
      renderLink: resolvedRenderLink,
      hasProvider: true,
    }),
    [mode, resolvedLocale, resolvedTimeZone, parent.messages, messages, resolvedRenderLink],
  );

  return (
    <ReleasesContext.Provider value={value}>
      <div className={cx('gr-root', className)} data-color-mode={mode} style={style}>
        {children}
      </div>
    </ReleasesContext.Provider>
  );
}
