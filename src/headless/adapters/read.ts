import { topologicalOrder } from '../graph/validate';
import { safeHref } from '../model/links';
import type { Person } from '../model/types';
import { isReleaseDataError, ReleaseDataError } from './errors';

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

/** Raises `ReleaseDataError`: usable where an expression is expected (`a ?? raise(…)`). */
export function raise(message: string, path: string, value: unknown, expected?: string): never {
  throw new ReleaseDataError(message, path, value, expected);
}

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object (not an array, not null). */
export function readObject(value: unknown, path: string): Json {
  return isObject(value) ? value : fail(path, value, 'an object');
}

/** An optional object: `undefined` for null or absent. */
export function readOptionalObject(value: unknown, path: string): Json | undefined {
  return value === undefined || value === null ? undefined : readObject(value, path);
}

/**
 * The object's own value for a key that came from data (a name, a label, an id). A plain `object[key]`
 * would find `toString` or `constructor` on the prototype when the input has no such key.
 */
export function readOwn<T>(object: Readonly<Record<string, T>> | undefined, key: string | undefined): T | undefined {
  return object !== undefined && key !== undefined && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** The path of an object's value for a key from data (a label, a name): `$.a.labels["kargo.akuity.io/shard"]`. */
export const keyPath = (path: string, key: string): string => `${path}[${JSON.stringify(key)}]`;

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
  const out: T[] = [];
  for (let index = 0; index < value.length; index++) out.push(item(value[index], `${path}[${index}]`, index));
  return out;
}

/** A required ISO-8601 date-time, returned as given. */
export function readTime(value: unknown, path: string): string {
  return readOptionalTime(readString(value, path), path)!;
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

// Readers of one field, `object[key]` at `${path}.${key}`, for the keys an adapter names (never a
// key from data: see `readOwn`). Valid data takes the quick test; the path is built only for an error.

/** `object[key]` as an optional string. */
export function readOptionalStringField(object: Json, key: string, path: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : readOptionalString(value, `${path}.${key}`);
}

/** `object[key]` as a non-empty string. */
export function readStringField(object: Json, key: string, path: string): string {
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : readString(value, `${path}.${key}`);
}

/** `object[key]` as an optional ISO-8601 date-time. */
export function readOptionalTimeField(object: Json, key: string, path: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value)) ? value : readOptionalTime(value, `${path}.${key}`);
}

/** `object[key]` as an optional object. */
export function readOptionalObjectField(object: Json, key: string, path: string): Json | undefined {
  const value = object[key];
  return isObject(value) ? value : readOptionalObject(value, `${path}.${key}`);
}

/** `object[key]` as an optional boolean. */
export function readOptionalBooleanField(object: Json, key: string, path: string): boolean | undefined {
  const value = object[key];
  return typeof value === 'boolean' ? value : readOptionalBoolean(value, `${path}.${key}`);
}

/** `object[key]` as a list (`[]` for null or absent), each item read by `item`. */
export function readListField<T>(object: Json, key: string, path: string, item: (value: unknown, path: string, index: number) => T): T[] {
  const value = object[key];
  return value === undefined || value === null ? [] : readList(value, `${path}.${key}`, item);
}

/** Milliseconds since the epoch of an optional date-time; `-Infinity` (before everything) when absent. */
export function timeValue(value: string | undefined): number {
  return value === undefined ? -Infinity : Date.parse(value);
}

/** The object without its `undefined` values, so the model has no `key: undefined` (a copy: `delete` is slow). */
export function withoutUndefined<T extends object>(value: T): T {
  const out = {} as T;
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/**
 * A person from a name, or from `Name <email>` as Git writes an author (`<email>` alone: the
 * address is the name too). Only an address with an `@` counts as one; the avatar is kept only
 * as an http(s) image.
 */
export function parsePerson(text: string | undefined, avatar?: unknown): Person | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const git = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(trimmed);
  const person: Person = git ? { name: git[1] || git[2]!, email: git[2]! } : { name: trimmed || text };
  const avatarUrl = httpUrl(avatar);
  if (avatarUrl !== undefined) person.avatarUrl = avatarUrl;
  return person;
}

/**
 * The environments in dependency order (`topologicalOrder`), its cycle error raised again at the
 * source's own path: `edgeAt(from, to)` gives the path of the value that makes `from` depend on
 * `to`, for the last edge of the cycle; `what` names the environments in the source's word
 * (`Stages`). Call it once names and dependsOn are checked.
 */
export function orderWithoutCycles<T extends { name: string; dependsOn: readonly string[] }>(
  environments: T[],
  edgeAt: (from: string, to: string) => string | undefined,
  what: string,
): T[] {
  try {
    return topologicalOrder(environments);
  } catch (error) {
    if (!isReleaseDataError(error) || !Array.isArray(error.value)) throw error;
    const cycle = error.value as string[];
    const [from, to] = [cycle[cycle.length - 2] ?? '', cycle[cycle.length - 1] ?? ''];
    const path = edgeAt(from, to);
    if (path === undefined) throw error;
    return raise(`The ${what} form a cycle: ${cycle.join(' -> ')}`, path, to, `${what} that form no cycle`);
  }
}

/** The most levels a group path has (`EnvironmentStep.group`: `wave-2/eu-west/cell-1`). */
export const GROUP_LEVELS = 3;

/** The label (or annotation, or label pair) that names an environment's group in a source, unless an option names another. */
export const GROUP_LABEL = 'gitops-releases/group';

/**
 * A group path from text: trimmed, each level trimmed, `undefined` when blank. An empty level
 * (`a//b`, `/a`) or more than `GROUP_LEVELS` levels raises `ReleaseDataError` at `path`, carrying
 * `value` (the value found there, which may be the text the group was made from).
 */
export function groupPath(text: string | undefined, path: string, value: unknown = text): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const levels = trimmed.split('/').map((level) => level.trim());
  return levels.length <= GROUP_LEVELS && !levels.includes('')
    ? levels.join('/')
    : raise('Not a group path', path, value, `1 to ${GROUP_LEVELS} non-empty levels separated by /`);
}

/** An optional group path read from data: a string (else `ReleaseDataError`), as `groupPath` reads it. */
export const readGroupPath = (value: unknown, path: string): string | undefined => groupPath(readOptionalString(value, path), path, value);
