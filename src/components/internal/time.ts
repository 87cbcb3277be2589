import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseTime } from 'gitops-releases/headless';
import { useReleasesContext } from '../provider/ReleasesProvider';

/**
 * Formats ISO times with the provider's locale and time zone. The formatter is built once per
 * locale/zone, not per call: a 300-node graph formats hundreds of dates per render.
 */
export function useDateFormatter(): (iso: string | undefined) => string | undefined {
  const { locale, timeZone } = useReleasesContext();
  return useMemo(() => dateFormatter(locale, timeZone), [locale, timeZone]);
}

// One formatter per locale and zone for the whole page: building an Intl.DateTimeFormat costs
// about 60 µs, and a 300-node graph would build one per node.
const formatters = new Map<string, (iso: string | undefined) => string | undefined>();

function dateFormatter(locale: string, timeZone: string | undefined) {
  const key = `${locale}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    } catch {
      // A bad locale or zone from a host must not take the page down.
      format = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
    }
    formatter = (iso) => {
      const ms = parseTime(iso);
      return ms === undefined ? undefined : format.format(ms);
    };
    formatters.set(key, formatter);
  }
  return formatter;
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
