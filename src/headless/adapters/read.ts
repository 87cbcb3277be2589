import { safeHref } from '../model/links';
import { ReleaseDataError } from './errors';

/**
 * Reading untrusted JSON from a source system: each reader checks one value at a JSON path and
 * raises `ReleaseDataError` naming the path, the expected shape and the value found. Extra
 * fields are always allowed (APIs grow); `null` counts as absent for optional values, as
 * GraphQL and REST APIs send it.
 */
export type Json = Record<string, unknown>;

const fail = (path: string, value: unknown, expected: string): never => {
  throw new ReleaseDataError(`Unexpected ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`, path, value, expected);
};

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object (not an array, not null). */
export function readObject(value: unknown, path: string): Json {
  return isObject(value) ? value : fail(path, value, 'an object');
}

/** An optional object: `undefined` for null or absent. */
export function readOptionalObject(value: unknown, path: string): Json | undefined {
  return value === undefined || value === null ? undefined : readObject(value, path);
}

/** A non-empty string. */
export function readString(value: unknown, path: string): string {
  return typeof value === 'string' && value !== '' ? value : fail(path, value, 'a non-empty string');
}

/** An optional string: `undefined` for null, absent or empty. */
export function readOptionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : fail(path, value, 'a string');
}

/** An optional number (finite). */
export function readOptionalNumber(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : fail(path, value, 'a number');
}

/** An optional boolean. */
export function readOptionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'boolean' ? value : fail(path, value, 'true or false');
}

/** A list; `[]` for null or absent. Each item is read by `item` with its own path. */
export function readList<T>(value: unknown, path: string, item: (value: unknown, path: string, index: number) => T): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail(path, value, 'a list');
  // Not `map`: it skips the holes of a sparse array and keeps them, so a hole would reach the
  // model; here a hole is read as the `undefined` it is.
  const out = new Array<T>(value.length);
  for (let index = 0; index < value.length; index++) out[index] = item(value[index], `${path}[${index}]`, index);
  return out;
}

/** An optional ISO-8601 date-time, returned as given; anything `Date.parse` cannot read is an error. */
export function readOptionalTime(value: unknown, path: string): string | undefined {
  const text = readOptionalString(value, path);
  if (text === undefined) return undefined;
  return Number.isNaN(Date.parse(text)) ? fail(path, value, 'an ISO-8601 date-time') : text;
}

/** One of the given words (a source's enum), else an error listing them. */
export function readEnum<T extends string>(value: unknown, path: string, words: readonly T[]): T {
  return typeof value === 'string' && (words as readonly string[]).includes(value) ? (value as T) : fail(path, value, `one of ${words.join(', ')}`);
}

/**
 * A link or an image: an absolute `http:`/`https:` URL (trimmed), else `undefined`. Never
 * `mailto:` (that is a person's address, not a page or a picture) nor anything else.
 */
export function httpUrl(url: unknown): string | undefined {
  const text = typeof url === 'string' ? url.trim() : '';
  if (!/^https?:/i.test(text)) return undefined;
  // `URL.canParse` is quicker than `safeHref`'s `new URL` where there is one.
  return (typeof URL.canParse === 'function' ? URL.canParse(text) : safeHref(text) !== undefined) ? text : undefined;
}
