import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { cx } from '../internal/cx';
import { mergeMessages, reportUnknownGroups, type PartialReleasesMessages } from './messages';

/**
 * How the components pick their colours. `system` follows the reader's operating system through
 * a CSS media query (no JavaScript, so server and client render the same markup).
 */
export type ColorMode = 'light' | 'dark' | 'system';

/** How tightly the components draw rows: `compact` fits more on a screen. */
export type Density = 'comfortable' | 'compact';

/**
 * `'local'` (the reader's own zone; UTC, named, until a server-rendered page hydrates), `'UTC'`,
 * or an IANA zone such as `'Europe/Berlin'`.
 */
export type TimeZone = 'local' | 'UTC' | (string & {});

const COLOR_MODES: readonly ColorMode[] = ['light', 'dark', 'system'];
const DENSITIES: readonly Density[] = ['comfortable', 'compact'];

/** What components read from the nearest `ReleasesProvider` (or the defaults without one). */
export interface ReleasesContextValue {
  colorMode: ColorMode;
  /** BCP 47 locale for dates and numbers. */
  locale: string;
  /**
   * A valid IANA time zone; `undefined` means the reader's local zone (UTC before hydration, see
   * `useTimeFormatter`).
   */
  timeZone: string | undefined;
  density: Density;
  /**
   * The `messages` of every provider above, outermost first (already read as plain data). A
   * component merges them over its own English defaults with `useMessages`, so a bundle holds
   * only the defaults of the components it uses.
   */
  messages: readonly PartialReleasesMessages[];
  /** `useMessages`' results for this provider, by the defaults they were merged over. */
  merged: Map<object, object>;
  /** Renders every link the components draw (a host's router link); `undefined` means `<a>`. */
  renderLink: RenderLink | undefined;
  /**
   * False when no provider is above. A component's root then carries the `gr-root` class itself,
   * so the token defaults (light) still reach it; inside a provider it must not, or it would
   * reset a dark provider's tokens back to light.
   */
  hasProvider: boolean;
  /** The nearest provider's `onError`, inherited by nested providers that set none. */
  onError: ReleasesErrorHandler | undefined;
}

/** Which component showed a data error, and where in React's tree (for a boundary's catch). */
export interface ReleasesErrorInfo {
  /** The public component that showed the error inline, e.g. `'ReleaseGraph'`. */
  component: string;
  /** React's component stack, when the error was thrown while rendering. */
  componentStack?: string;
}

/**
 * Hears of every data error a component shows inline instead of its content (a
 * `ReleaseDataError` naming the path and value, or anything a render threw), so a host can log
 * what its users saw.
 */
export type ReleasesErrorHandler = (error: unknown, info: ReleasesErrorInfo) => void;

const DEFAULT_CONTEXT: ReleasesContextValue = {
  // Without a provider nothing sets data-color-mode, so the light defaults apply.
  colorMode: 'light',
  locale: 'en-US',
  timeZone: undefined,
  density: 'comfortable',
  messages: [],
  merged: /* @__PURE__ */ new Map(),
  renderLink: undefined,
  hasProvider: false,
  onError: undefined,
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

/**
 * Internal: `defaults` (a component's English messages, shaped like part of `ReleasesMessages`)
 * with the messages of every provider above merged over them.
 */
export function useMessages<T extends object>(defaults: T): T {
  const { messages, merged } = useContext(ReleasesContext);
  // Once per provider and set of defaults, however many nodes of a graph ask.
  let result = merged.get(defaults) as T | undefined;
  if (!result) merged.set(defaults, (result = messages.reduce<T>(mergeMessages, defaults)));
  return result;
}

/** A locale `Intl` accepts, else `en-US`: a host's typo must not take the page down. */
function validLocale(locale: string | undefined): string | undefined {
  if (locale === undefined) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** `'local'` and unknown zones are the reader's zone (`undefined`); any other zone as given. */
function validTimeZone(timeZone: string): string | undefined {
  if (timeZone === 'local') return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** What `renderLink` receives: `href` has already passed `safeHref` (http, https or mailto). */
export interface LinkRenderProps {
  /** Where the link goes: already checked to be `http:`, `https:` or `mailto:`, or a host path. */
  href: string;
  /** The component's class names for the link; put them on the element you render. @default undefined */
  className?: string;
  /** The link's tooltip. @default undefined */
  title?: string;
  /** True for links that leave the host (a Git host, Argo CD): open them in a new tab. */
  external: boolean;
  /** The link's content (text, sometimes an icon). */
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
   * Every text the components show, grouped per component (`table`, `graph`, `view`,
   * `environment`, `notes`, `diff`, `insights`, `common`, `badge`) plus the status labels (`status`, `sync`,
   * `health`, `waitingForPullRequest`, `loading`): any subset at any depth, merged over the
   * English defaults (`DEFAULT_MESSAGES`) and over an enclosing provider's messages. Strings stay
   * strings and functions functions (returning plain text); anything else is ignored. Pass a
   * stable object (a module constant, or memoized): a new one re-renders every component inside.
   * @default undefined (English)
   */
  messages?: PartialReleasesMessages;
  /**
   * BCP 47 locale for dates and numbers. Fixed by default so server and client render alike (the
   * runtime's own locale is never read); a host that follows the reader's language passes the
   * same one on the server and in the browser, e.g. from the request's `Accept-Language`.
   * @default 'en-US'
   */
  locale?: string;
  /**
   * Time zone of every date and time shown: `'local'` (the reader's zone), `'UTC'` or an IANA
   * zone such as `'Europe/Paris'`. A server cannot know the reader's zone: with `'local'`, server
   * HTML and the browser's first render write UTC and name it ("9:51 AM UTC"), and the page
   * switches to the reader's zone once hydrated. Pin a zone to show it from the first byte. An
   * unknown zone falls back to `'local'`. A nested provider without it keeps its parent's.
   * @default 'local'
   */
  timeZone?: TimeZone;
  /**
   * Row density of the components inside (`ReleasesTable` unless given its own `density`),
   * written as `data-density` for the styles. A nested provider without it keeps its parent's.
   * @default 'comfortable'
   */
  density?: Density;
  /**
   * Renders every link inside (release, workflow, application, pull request links), so a host's
   * router can handle them. Receives only safe `href`s. A stable function (module level or
   * `useCallback`) keeps a host's re-render from re-rendering every component inside.
   * @default undefined (a plain `<a>`; external links open in a new tab)
   */
  renderLink?: RenderLink;
  /**
   * Called when a component inside shows a data error inline (bad data it could not draw), with
   * the error and `{ component, componentStack }`. A component's own `onError` prop takes its
   * place for that component; a nested provider without it keeps its parent's. Development
   * builds also log each such error once with `console.error`. Read when an error happens, so an
   * inline function is fine here.
   * @default undefined
   */
  onError?: ReleasesErrorHandler;
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
 * Sets colour mode, density, messages, locale and time zone for the components inside. Renders a
 * `<div class="gr-root" data-color-mode="…" data-density="…">` that carries the token defaults.
 */
export function ReleasesProvider({
  colorMode,
  messages,
  locale,
  timeZone,
  density,
  renderLink,
  onError,
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
  const resolvedDensity: Density = density !== undefined && DENSITIES.includes(density) ? density : parent.density;
  const ownLocale = useMemo(() => validLocale(locale), [locale]);
  const resolvedLocale = ownLocale ?? parent.locale;
  const ownTimeZone = useMemo(() => (typeof timeZone === 'string' ? validTimeZone(timeZone) : null), [timeZone]);
  const resolvedTimeZone = ownTimeZone === null ? parent.timeZone : ownTimeZone;
  const resolvedRenderLink = renderLink ?? parent.renderLink;
  // Read when an error happens, not as a dependency: a host's inline function must not make
  // every component inside re-render each time the host does.
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  });
  const parentOnError = parent.onError;
  const resolvedOnError = useCallback<ReleasesErrorHandler>(
    (error, info) => (onErrorRef.current ?? parentOnError)?.(error, info),
    [parentOnError],
  );
  const parentMessages = parent.messages;
  // A handful of keys: cheaper than memoizing, and quiet once each typo was reported.
  reportUnknownGroups(messages);
  const value = useMemo<ReleasesContextValue>(
    () => ({
      colorMode: mode,
      locale: resolvedLocale,
      timeZone: resolvedTimeZone,
      density: resolvedDensity,
      messages: messages !== null && typeof messages === 'object' ? [...parentMessages, messages] : parentMessages,
      merged: new Map(),
      renderLink: resolvedRenderLink,
      hasProvider: true,
      onError: resolvedOnError,
    }),
    [mode, resolvedLocale, resolvedTimeZone, resolvedDensity, parentMessages, messages, resolvedRenderLink, resolvedOnError],
  );

  return (
    <ReleasesContext.Provider value={value}>
      <div className={cx('gr-root', className)} data-color-mode={mode} data-density={resolvedDensity} style={style}>
        {children}
      </div>
    </ReleasesContext.Provider>
  );
}
