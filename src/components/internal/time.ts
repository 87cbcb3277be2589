import { useCallback, useSyncExternalStore } from 'react';
import type { DurationUnit } from 'gitops-releases/headless';
import { durationParts, parseTime, shownTimeZone } from '../../headless/internal';
import { useReleasesContext } from '../provider/ReleasesProvider';
import { useHydrated } from './use-hydrated';

// Locales and zones come from the provider, which replaced any that `Intl` rejects (a host's
// typo must not take the page down): the formatters here are built without a fallback.

/** One formatter per key for the whole page: building an `Intl` formatter costs tens of µs. */
function cached<K, T>(cache: Map<K, T>, key: K, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/** How dates are written (Nov 20, 2026, 9:51 AM): `useTimeFormatter`'s default. */
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** An ISO time or epoch ms, written; `undefined` when it is not a time. */
export type TimeFormatter = (time: string | number | undefined) => string | undefined;

// By options (module constants), then by locale and zone.
const timeFormatters = /* @__PURE__ */ new Map<Intl.DateTimeFormatOptions, Map<string, TimeFormatter>>();

/**
 * Writes times (ISO strings or epoch ms) in the provider's locale with `options` (a module
 * constant), in the zone `shownTimeZone` picks: the provider's, or with `'local'` UTC, named, until
 * the page is hydrated, then the reader's. Every time the components show goes through here, so
 * server and first client render agree whatever zones they run in. Call it in the small component
 * that shows the time: that component renders again when the page hydrates, its parents need not.
 * A formatter is built once per options, locale and zone (a 300-node graph formats hundreds of
 * dates per render) and keeps its identity, so memoized children that receive it stay put.
 */
export function useTimeFormatter(options: Intl.DateTimeFormatOptions = DATE_TIME): TimeFormatter {
  const { locale, timeZone } = useReleasesContext();
  const shown = shownTimeZone(timeZone, useHydrated());
  return cached(cached(timeFormatters, options, () => new Map()), `${locale}|${shown.timeZone}|${shown.named}`, () => {
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: shown.timeZone });
    return (time) => {
      const ms = typeof time === 'number' ? time : parseTime(time);
      // Named by its IANA name ("UTC"): `dateStyle` cannot be combined with `timeZoneName`.
      return ms === undefined ? undefined : shown.named ? `${format.format(ms)} ${shown.timeZone}` : format.format(ms);
    };
  });
}

const numberFormatters = /* @__PURE__ */ new Map<string, (value: number) => string>();

/** Writes numbers in the provider's locale (counts in messages, pages). */
export function useNumberFormatter(): (value: number) => string {
  const { locale } = useReleasesContext();
  return cached(numberFormatters, locale, () => {
    const format = new Intl.NumberFormat(locale);
    return (value: number) => format.format(value);
  });
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const durationFormatters = /* @__PURE__ */ new Map<string, (ms: number) => string>();

/**
 * A duration in the locale's narrow units ("1h 20m" in en-US, "1 Std., 20 Min." or the like
 * elsewhere); which units, the headless `durationParts` decides.
 */
export function durationFormatter(locale: string): (ms: number) => string {
  return cached(durationFormatters, locale, () => {
    const units = new Map<string, Intl.NumberFormat>();
    const unit = (name: DurationUnit) => cached(units, name, () => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }));
    // Older runtimes have no ListFormat: the parts joined by spaces.
    const list = Intl.ListFormat ? new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }) : undefined;
    return (ms: number) => {
      const parts = durationParts(ms).map(([amount, name]) => unit(name).format(amount));
      return list ? list.format(parts) : parts.join(' ');
    };
  });
}

/** Formats durations (ms) in the provider's locale. */
export function useDurationFormatter(): (ms: number) => string {
  return durationFormatter(useReleasesContext().locale);
}

const relativeFormats = /* @__PURE__ */ new Map<string, Intl.RelativeTimeFormat>();
const RELATIVE_STEPS: ReadonlyArray<[limit: number, size: number, unit: Intl.RelativeTimeFormatUnit]> = [
  [MINUTE, SECOND, 'second'],
  [HOUR, MINUTE, 'minute'],
  [DAY, HOUR, 'hour'],
  [7 * DAY, DAY, 'day'],
  [30 * DAY, 7 * DAY, 'week'],
  [365 * DAY, 30 * DAY, 'month'],
  [Infinity, 365 * DAY, 'year'],
];

/** "3 min ago", "yesterday", "2 mo. ago" in the locale; under a minute is "now". */
export function relativeTime(ms: number, now: number, locale: string): string {
  const format = cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
  const diff = ms - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return format.format(0, 'second');
  for (const [limit, size, unit] of RELATIVE_STEPS) {
    if (abs < limit) return format.format(Math.round(diff / size), unit);
  }
  return format.format(Math.round(diff / (365 * DAY)), 'year');
}

// One clock for every component on the page: one interval, however many durations tick.
let current = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();
const TICK_MS = 1000;

function subscribeToClock(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    // Refreshed only when stale (the clock was idle): a fresh value would make every node that
    // just read it during a mount render again.
    if (Math.abs(Date.now() - current) > TICK_MS) current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const subscribeToNothing = () => () => {};
// While nothing ticks, a reading more than a tick off (either way: clocks can be set back) is
// refreshed; otherwise it stays, so every reader in one render sees the same time.
const readClock = () => {
  if (timer === undefined && Math.abs(Date.now() - current) > TICK_MS) current = Date.now();
  return current;
};

/**
 * The current time in ms, ticking every second while `active` (something is running) so
 * durations count up; with a `resolution` (e.g. 60,000) it changes only that often. On the server (and while hydrating) it is `serverNow` (default 0, which
 * callers treat as "no clock yet"), so server and client markup agree.
 */
export function useNow(active: boolean, serverNow = 0, resolution = TICK_MS): number {
  // Rounded to the resolution: a component that shows minutes ("3 min ago") re-renders once a
  // minute, not on every tick of the shared clock.
  const read = useCallback(() => (resolution > TICK_MS ? Math.floor(readClock() / resolution) * resolution : readClock()), [resolution]);
  return useSyncExternalStore(active ? subscribeToClock : subscribeToNothing, read, () => serverNow);
}
