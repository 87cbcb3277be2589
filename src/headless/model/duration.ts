import type { IsoDateTime } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A unit of a written duration, named as `Intl.NumberFormat`'s `unit` option names it. */
export type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

const UNITS: ReadonlyArray<[size: number, unit: DurationUnit, short: string]> = [
  [DAY, 'day', 'd'],
  [HOUR, 'hour', 'h'],
  [MINUTE, 'minute', 'm'],
  [SECOND, 'second', 's'],
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
 * The units a duration is written in: the largest unit and at most two more, leaving out units
 * that are zero (`[[8, 'day'], [4, 'hour'], [39, 'minute']]`, `[[2, 'day'], [5, 'minute']]`).
 * Below a second, negative or not a number, it is `[[0, 'second']]`. Every written duration
 * (`formatDuration`, and the components' in the reader's language) picks its units here.
 */
export function durationParts(ms: number): Array<[amount: number, unit: DurationUnit]> {
  if (!Number.isFinite(ms) || ms < SECOND) return [[0, 'second']];
  const parts: Array<[number, DurationUnit]> = [];
  let rest = Math.floor(ms);
  let slots = 3;
  for (const [size, unit] of UNITS) {
    if (slots === 0) break;
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0) parts.push([amount, unit]);
    if (parts.length > 0) slots -= 1;
  }
  return parts;
}

/** A duration the way the release views write it: `42s`, `1m 4s`, `3h 12m`, `8d 4h 39m`, `2d 5m`, `0s`. */
export function formatDuration(ms: number): string {
  return durationParts(ms)
    .map(([amount, unit]) => `${amount}${UNITS.find((entry) => entry[1] === unit)![2]}`)
    .join(' ');
}
