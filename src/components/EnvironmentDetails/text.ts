import { durationMs, parseTime } from '../../headless/internal';

/** A label from a fixed vocabulary; a value outside it (untyped data) is shown as received, else `fallback`. */
export function labelOf<K extends string>(labels: Readonly<Record<K, string>>, value: unknown, fallback: string): string {
  if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(labels, value)) return labels[value as K];
  return typeof value === 'string' && value ? value : fallback;
}

/**
 * How long something took, or has taken so far, written by `format`. `undefined` when it never
 * started, and while it is unfinished on the server (`now` is 0: no clock yet, so server and
 * client markup agree).
 */
export function elapsed(
  startedAt: string | undefined,
  finishedAt: string | undefined,
  now: number,
  format: (ms: number) => string,
): string | undefined {
  if (parseTime(finishedAt) === undefined && now === 0) return undefined;
  const ms = durationMs(startedAt, finishedAt, now);
  return ms === undefined ? undefined : format(ms);
}
