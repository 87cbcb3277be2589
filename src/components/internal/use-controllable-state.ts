import { useCallback, useState } from 'react';

/**
 * Radix-style controlled/uncontrolled state: controlled while `value` is not `undefined` (so
 * `null` is a value, "nothing"), otherwise kept here from `defaultValue`. `onChange` fires only
 * for a real change, in both modes.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange: ((next: T) => void) | undefined,
): [T, (next: T) => void] {
  const [own, setOwn] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const set = useCallback(
    (next: T) => {
      if (Object.is(current, next)) return;
      if (!controlled) setOwn(next);
      onChange?.(next);
    },
    [current, controlled, onChange],
  );
  return [current, set];
}
