/**
 * Not a public entry: what the package's own components need from headless that hosts should
 * not build on. The components import it by a relative path, which the build points at
 * `dist/headless-internal.js`: that file shares headless's chunks, so the row caches warmed here
 * are the ones `queryReleaseRows` reads. It is not in package.json's `exports`, so no host can
 * import it.
 */
export { warmReleaseRows, columnsForEnvironments } from './table/rows';
export { COLLAPSED_PREFIX } from './graph/derive';
export { shownTimeZone, type ShownTimeZone } from './model/time-zone';
