/** A class name part: falsy parts are dropped, so `cx('a', cond && 'b')` reads naturally. */
export type ClassValue = string | false | null | undefined | 0;

/**
 * Joins class names, skipping empty and falsy parts. Returns `undefined` when nothing is left,
 * so React renders no empty `class=""` attribute.
 */
export function cx(...parts: ClassValue[]): string | undefined {
  let out = '';
  for (const part of parts) {
    if (!part) continue;
    out = out ? `${out} ${part}` : part;
  }
  return out || undefined;
}
