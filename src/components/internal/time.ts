import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { DurationUnit } from 'gitops-releases/headless';
import { durationParts, parseTime } from '../../headless/internal';
import { useReleasesContext } from '../provider/ReleasesProvider';

// Locales and zones come from the provider, which replaced any that `Intl` rejects (a host's
// typo must not take the page down): the formatters here are built without a fallback.

/** One formatter per key for the whole page: building an `Intl` formatter costs tens of µs. */
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

const dateFormatters = /* @__PURE__ */ new Map<string, (iso: string | undefined) => string | undefined>();

/**
 * Formats ISO times with the provider's locale and time zone. The formatter is built once per
 * locale/zone, not per call: a 300-node graph formats hundreds of dates per render.
 */
export function useDateFormatter(): (iso: string | undefined) => string | undefined {
  const { locale, timeZone } = useReleasesContext();
  return useMemo(() => dateFormatter(locale, timeZone), [locale, timeZone]);
}

function dateFormatter(locale: string, timeZone: string | undefined) {
  return cached(dateFormatters, `${locale}|${timeZone ?? ''}`, () => {
    const format = dateTimeFormat(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string | undefined) => {
      const ms = parseTime(iso);
      return ms === undefined ? undefined : format.format(ms);
    };
  });
}

/** An `Intl.DateTimeFormat` in the provider's locale and zone (`undefined`: the local one). */
export function dateTimeFormat(locale: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone });
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
