import { describe, expect, it } from 'vitest';
import { durationMs, durationParts, formatDuration, parseTime } from '../../src/headless';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [42 * s, '42s'],
    [64 * s, '1m 4s'],
    [3 * h + 12 * m + 9 * s, '3h 12m 9s'],
    [8 * d + 4 * h + 39 * m + 59 * s, '8d 4h 39m'],
    [2 * d + 5 * m, '2d 5m'],
    [1 * h, '1h'],
    [-5 * s, '0s'],
    [Number.NaN, '0s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('durationParts', () => {
  it.each([
    [42 * s, [[42, 'second']]],
    [8 * d + 4 * h + 39 * m + 59 * s, [[8, 'day'], [4, 'hour'], [39, 'minute']]],
    [2 * d + 5 * m, [[2, 'day'], [5, 'minute']]],
    [-5 * s, [[0, 'second']]],
    [Number.POSITIVE_INFINITY, [[0, 'second']]],
  ])('%d ms is written in %j', (ms, parts) => {
    expect(durationParts(ms)).toEqual(parts);
  });
});

describe('durationMs', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');

  it('runs from start to finish', () => {
    expect(durationMs('2026-11-26T10:00:00Z', '2026-11-26T10:01:04Z', now)).toBe(64 * s);
  });

  it('runs to now while unfinished', () => {
    expect(durationMs('2026-11-26T11:59:00Z', undefined, now)).toBe(m);
  });

  it('is undefined when it never started or the start is not a date', () => {
    expect(durationMs(undefined, undefined, now)).toBeUndefined();
    expect(durationMs('yesterday-ish', undefined, now)).toBeUndefined();
  });

  it('never goes negative when clocks disagree', () => {
    expect(durationMs('2026-11-26T12:00:05Z', '2026-11-26T12:00:00Z', now)).toBe(0);
  });

  it('parses ISO strings and rejects the rest', () => {
    expect(parseTime('2026-11-26T12:00:00Z')).toBe(now);
    expect(parseTime('')).toBeUndefined();
    expect(parseTime(undefined)).toBeUndefined();
  });
});
