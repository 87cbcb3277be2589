// Typed here rather than through Node's types: the package builds without them.
declare const process: { env: { NODE_ENV?: string } };

/**
 * True in a development build. Bundlers replace `process.env.NODE_ENV` with a literal, so a
 * production bundle drops what this guards; a page with no bundler and no `process` counts as
 * production (it would otherwise throw a ReferenceError).
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

const said = /* @__PURE__ */ new Set<string>();

/** `console.error` once per `key` in development builds: a warning repeated each render is noise. */
export function errorOnce(key: string, ...message: unknown[]): void {
  if (!isDevelopment() || said.has(key)) return;
  said.add(key);
  console.error(...message);
}
