import { useCallback, useRef, useState, type SetStateAction } from 'react';

/**
 * Radix-style controlled/uncontrolled state: controlled while `value` is not `undefined` (so
 * `null` is a value, "nothing"), otherwise kept here from `defaultValue`. `onChange` fires only
 * for a real change, in both modes.
 *
 * The setter takes a value or an updater. Calls made in one event compose: each updater sees the
 * previous call's result, even while a controlling parent has not re-rendered with it yet. The
 * updater runs at once and once (unlike React's), so a caller may read what it computed right
 * after the call. `T` must not itself be a function.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange: ((next: T) => void) | undefined,
): [T, (next: SetStateAction<T>) => void] {
  const [own, setOwn] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  // The last value set in the current event, with the rendered value it was built on: until the
  // next render (or the end of the event) that value is the truth, not the one rendered.
  const pending = useRef<{ base: T; value: T; scheduled: boolean } | null>(null);
  const set = useCallback(
    (action: SetStateAction<T>) => {
      const last = pending.current;
      const previous = last !== null && Object.is(last.base, current) ? last.value : current;
      const next = typeof action === 'function' ? (action as (previous: T) => T)(previous) : action;
      if (Object.is(previous, next)) return;
      const scheduled = last !== null && last.scheduled;
      pending.current = { base: current, value: next, scheduled: true };
      // A parent may refuse a change and never re-render: the next event must start from the
      // value it kept. A microtask runs once the event's handlers are done; it only forgets, so
      // it needs no cancelling, and one per event is enough.
      if (!scheduled) {
        queueMicrotask(() => {
          pending.current = null;
        });
      }
      if (!controlled) setOwn(next);
      onChange?.(next);
    },
    [current, controlled, onChange],
  );
  return [current, set];
}
