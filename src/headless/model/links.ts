const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL itself when it is safe to put in an `href` (absolute `http:`, `https:` or `mailto:`),
 * otherwise `undefined`. Release data is untrusted: a `javascript:` or `data:` URL from a source
 * system must never become a link. With `allowPath`, for URLs a host builds itself, a
 * root-relative path (`/releases/42`) is accepted too.
 */
export function safeHref(url: unknown, options: { allowPath?: boolean } = {}): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  // A host's own route ('/products/checkout'), only when the caller says the URL is the host's:
  // not '//host' (another site) nor '/\\host' (which browsers read the same way).
  if (options.allowPath && /^\/(?![/\\])/.test(trimmed)) return trimmed;
  try {
    return ALLOWED.has(new URL(trimmed).protocol) ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** The first 7 characters of a commit SHA, as Git hosts show it. */
export function shortSha(sha: string | undefined): string | undefined {
  return typeof sha === 'string' && sha.length > 0 ? sha.slice(0, 7) : undefined;
}
