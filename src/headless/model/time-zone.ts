/** The zone a time is shown in, and whether its text names that zone. */
export interface ShownTimeZone {
  /** An IANA zone; `undefined` is the runtime's own (the reader's, in a browser). */
  timeZone: string | undefined;
  /** True when the text must say which zone it is in ("9:51 AM UTC"): not one the reader chose. */
  named: boolean;
}

/**
 * Where to show times, given the host's zone (`undefined`: the reader's own, the `'local'`
 * setting) and whether the page is hydrated. A zone the host pins is used everywhere. The
 * reader's zone cannot be known on a server, and the browser's first render must repeat the
 * server's markup to hydrate it: until then times show in UTC and say so, the same markup
 * whatever zones server and browser run in, and never a server's local time passed off as the
 * reader's.
 */
export function shownTimeZone(timeZone: string | undefined, hydrated: boolean): ShownTimeZone {
  if (timeZone !== undefined) return { timeZone, named: false };
  return hydrated ? { timeZone: undefined, named: false } : { timeZone: 'UTC', named: true };
}
