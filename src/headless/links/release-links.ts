import { ReleaseDataError } from '../adapters/errors';

/**
 * Release URLs: a commit status's Details link, a chat message or a bookmark must open the right
 * release and environment, and the host must be able to read such a link back without trusting
 * it (it arrives from outside: a redirect target, a `?next=` parameter, a pasted link).
 *
 * The shape is `<basePath>/products/<product>/releases/<releaseId>?environment=<name>&step=<name>`,
 * then one `&group=<id>` per group open in the graph.
 */

/** What a release link points at. */
export interface ReleaseTarget {
  product: string;
  releaseId: string;
  environment?: string;
  step?: string;
  /**
   * The ids of the groups open in the graph (`ReleaseGraph`'s `expandedGroups`), in order. Any
   * id travels: an automatic group's (which starts with a NUL) and names with `~` or control
   * characters are escaped with `~` in the link and read back as they were.
   * @default undefined (every group closed)
   */
  groups?: readonly string[];
}

export interface ReleaseLinksOptions {
  /** Where the host mounts the release views, e.g. `/gitops`. Default `''` (the root). */
  basePath?: string;
  /** The host's own origin, e.g. `https://gitops.example.com`: enables `url()` and absolute input to `parse()`. */
  origin?: string;
}

export interface ReleaseLinks {
  /** The root-relative link, for the host's own pages and router. */
  href(target: ReleaseTarget): string;
  /** The absolute link, for places outside the host (Git, chat, e-mail); needs `origin`. */
  url(target: ReleaseTarget): string;
  /**
   * The target a link points at, or `undefined` for anything that is not one of the host's own
   * release links. Never throws: the input is untrusted.
   */
  parse(input: string | URL): ReleaseTarget | undefined;
}

/**
 * Longer input is refused by `parse` (and `href` refuses to make it): real links are far
 * shorter, and a limit bounds the work done on hostile input.
 */
export const MAX_RELEASE_LINK_LENGTH = 2000;

// Control characters in a name would reach logs and screens of whoever reads the link.
const CONTROL = /\p{Cc}/u;
// Browsers and servers resolve these segments as "this folder" and "parent folder", before any router sees them.
const DOT_SEGMENT = /^\.{1,2}$/;
// `%2F` inside a segment: many servers and proxies decode it into a separator and route elsewhere.
const ENCODED_SLASH = /%2f/i;
/** The start of an automatic group's id (`AUTO_GROUP_PREFIX`, kept equal by a test). */
const AUTO_GROUP = '\u0000auto:';
/** What a group id escapes: the escape itself, control characters and lone surrogates. */
const GROUP_ESCAPED = /~|\p{Cc}|\p{Cs}/gu;

/** Release links under `basePath`, absolute ones on `origin`. */
export function createReleaseLinks(options: ReleaseLinksOptions = {}): ReleaseLinks {
  const basePath = normaliseBasePath(options.basePath);
  const origin = normaliseOrigin(options.origin);

  const href = (target: ReleaseTarget): string => {
    if (typeof target !== 'object' || target === null) throw new ReleaseDataError('A release link needs a target', '$', target);
    let path = `${basePath}/products/${segment(target.product, '$.product')}/releases/${segment(target.releaseId, '$.releaseId')}`;
    const query = new URLSearchParams();
    const environment = param(target.environment, '$.environment');
    const step = param(target.step, '$.step');
    if (environment !== undefined) query.append('environment', environment);
    if (step !== undefined) query.append('step', step);
    if (environment !== undefined || step !== undefined) path += `?${query.toString()}`;
    if ((origin ?? '').length + path.length > MAX_RELEASE_LINK_LENGTH) {
      throw new ReleaseDataError(`A release link must be at most ${MAX_RELEASE_LINK_LENGTH} characters`, '$', target);
    }
    // Open groups are a view's state, not where the link goes: those that do not fit are left out.
    for (const token of groupTokens(target.groups)) {
      const next = `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams([['group', token]]).toString()}`;
      if ((origin ?? '').length + next.length > MAX_RELEASE_LINK_LENGTH) break;
      path = next;
    }
    return path;
  };

  const url = (target: ReleaseTarget): string => {
    if (origin === undefined) throw new ReleaseDataError('An absolute release link needs the origin option', '$.options.origin', options.origin);
    return origin + href(target);
  };

  const parse = (input: string | URL): ReleaseTarget | undefined => {
    const text = input instanceof URL ? input.href : input;
    if (typeof text !== 'string' || text.length > MAX_RELEASE_LINK_LENGTH || CONTROL.test(text) || text.includes('\\')) return undefined;
    let rest: string;
    if (text.startsWith('/') && !text.startsWith('//')) rest = text;
    else if (origin !== undefined && text.slice(0, origin.length).toLowerCase() === origin.toLowerCase()) {
      // The exact origin, then the path: `https://host.evil.example` and `https://host@evil.example` are other sites.
      rest = text.slice(origin.length);
      if (!rest.startsWith('/')) return undefined;
    } else return undefined;

    const [beforeHash = ''] = rest.split('#', 1);
    const queryAt = beforeHash.indexOf('?');
    let path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
    if (!path.startsWith(`${basePath}/`)) return undefined;
    path = path.slice(basePath.length);
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const parts = path.split('/');
    if (parts.length !== 5 || parts[1] !== 'products' || parts[3] !== 'releases') return undefined;
    const product = decodeSegment(parts[2]);
    const releaseId = decodeSegment(parts[4]);
    if (product === undefined || releaseId === undefined) return undefined;

    const target: ReleaseTarget = { product, releaseId };
    const query = new URLSearchParams(queryAt < 0 ? '' : beforeHash.slice(queryAt + 1));
    for (const key of ['environment', 'step'] as const) {
      const value = query.get(key);
      if (value === null || value === '') continue;
      if (CONTROL.test(value)) return undefined;
      target[key] = value;
    }
    const groups = query.getAll('group').flatMap((token) => {
      const id = decodeGroup(token);
      return id === undefined ? [] : [id];
    });
    if (groups.length > 0) target.groups = groups;
    return target;
  };

  return { href, url, parse };
}

/** `createReleaseLinks(options).href(target)`, for a single link. */
export function releaseHref(target: ReleaseTarget, options?: ReleaseLinksOptions): string {
  return createReleaseLinks(options).href(target);
}

/** `createReleaseLinks(options).parse(input)`, for a single link. */
export function parseReleaseHref(input: string | URL, options?: ReleaseLinksOptions): ReleaseTarget | undefined {
  return createReleaseLinks(options).parse(input);
}

/**
 * A product or release id as one path segment. Refused (so that every link made here parses
 * back to the same target): empty values, `.` and `..`, values with `/` (their `%2F` is refused
 * by `parse`), control characters, and unpaired surrogates (which cannot be percent-encoded).
 */
function segment(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '' || DOT_SEGMENT.test(value) || value.includes('/') || CONTROL.test(value)) {
    throw new ReleaseDataError('Not a name a release link can carry', path, value);
  }
  try {
    return encodeURIComponent(value);
  } catch {
    throw new ReleaseDataError('Not a name a release link can carry', path, value);
  }
}

/** An optional query value; empty means absent. */
function param(value: unknown, path: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || CONTROL.test(value) || !isWellFormed(value)) {
    throw new ReleaseDataError('Not a name a release link can carry', path, value);
  }
  return value;
}

/** Each group id as a `group` parameter's value (see `ReleaseTarget.groups`); empty ids are left out. */
function groupTokens(groups: unknown): string[] {
  if (groups === undefined) return [];
  if (!Array.isArray(groups)) throw new ReleaseDataError('Open groups must be a list of group ids', '$.groups', groups);
  return groups.flatMap((id: unknown, i) => {
    if (typeof id !== 'string') throw new ReleaseDataError('A group id must be a string', `$.groups[${i}]`, id);
    if (id === '') return [];
    const auto = id.startsWith(AUTO_GROUP);
    const rest = auto ? id.slice(AUTO_GROUP.length) : id;
    const escaped = rest.replace(GROUP_ESCAPED, (c) => (c === '~' ? '~~' : `~u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    return [auto ? `~a${escaped}` : escaped];
  });
}

/** A group id from a `group` parameter, or `undefined` for one this module did not write. */
function decodeGroup(token: string): string | undefined {
  const auto = token.startsWith('~a');
  let id = '';
  for (let i = auto ? 2 : 0; i < token.length; ) {
    const c = token[i]!;
    if (c !== '~') {
      // Written escaped, so a raw one comes from elsewhere.
      if (CONTROL.test(c)) return undefined;
      id += c;
      i += 1;
    } else if (token[i + 1] === '~') {
      id += '~';
      i += 2;
    } else if (token[i + 1] === 'u' && /^[0-9a-f]{4}$/i.test(token.slice(i + 2, i + 6))) {
      id += String.fromCharCode(parseInt(token.slice(i + 2, i + 6), 16));
      i += 6;
    } else return undefined;
  }
  if (id === '') return undefined;
  return auto ? AUTO_GROUP + id : id;
}

function decodeSegment(raw: string | undefined): string | undefined {
  if (!raw || ENCODED_SLASH.test(raw)) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  // Checked after decoding, so `%2e%2e` and `%0a` are caught as well as `..` and a raw newline.
  return DOT_SEGMENT.test(value) || CONTROL.test(value) ? undefined : value;
}

function normaliseBasePath(basePath: unknown): string {
  if (basePath === undefined || basePath === '' || basePath === '/') return '';
  const trimmed = typeof basePath === 'string' ? basePath.replace(/\/+$/, '') : undefined;
  // Plain segments only: the prefix is compared as written, never decoded.
  if (trimmed === undefined || !/^(\/[^/?#%\\\s\p{Cc}]+)+$/u.test(trimmed) || trimmed.split('/').some((part) => DOT_SEGMENT.test(part))) {
    throw new ReleaseDataError('basePath must be a path such as /gitops', '$.options.basePath', basePath);
  }
  return trimmed;
}

function normaliseOrigin(origin: unknown): string | undefined {
  if (origin === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = typeof origin === 'string' ? new URL(origin) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw new ReleaseDataError('origin must be an http(s) origin such as https://gitops.example.com', '$.options.origin', origin);
  }
  return url.origin;
}

function isWellFormed(value: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}
