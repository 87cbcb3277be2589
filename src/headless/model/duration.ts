import type { IsoDateTime } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: ReadonlyArray<[number, string]> = [
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'm'],
  [SECOND, 's'],
];

/** Parses an ISO-8601 string to epoch milliseconds; `undefined` for a missing or invalid date. */
export function parseTime(value: IsoDateTime | undefined | null): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Milliseconds from `startedAt` to `finishedAt`, or to `now` while unfinished. `undefined` when it
 * never started (or the start is not a date); never negative, so clock skew shows as `0s`.
 */
export function durationMs(
  startedAt: IsoDateTime | undefined,
  finishedAt: IsoDateTime | undefined,
  now: number = Date.now(),
): number | undefined {
  const start = parseTime(startedAt);
  if (start === undefined) return undefined;
  const end = parseTime(finishedAt) ?? now;
  return Math.max(0, end - start);
}

/**
 * Formats a duration the way the release views write it: the largest unit and at most two more,
 * leaving out units that are zero: `42s`, `1m 4s`, `3h 12m`, `8d 4h 39m`, `2d 5m`. Below a second
 * it is `0s`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < SECOND) return '0s';
  const parts: string[] = [];
  let rest = Math.floor(ms);
  let started = false;
  let slots = 3;
  for (const [size, unit] of UNITS) {
    if (slots === 0) break;
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0) parts.push(`${amount}${unit}`);
    if (amount > 0 || started) {
      started = true;
      slots -= 1;
    }
  }
  return parts.join(' ');
}
