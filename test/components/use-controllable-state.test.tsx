import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useControllableState } from '../../src/components/internal/use-controllable-state';

type Setter = (next: number | ((previous: number) => number)) => void;

describe('useControllableState', () => {
  it('takes a value or an updater, uncontrolled', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState<number>(undefined, 1, onChange));
    act(() => result.current[1](2));
    act(() => (result.current[1] as Setter)((n) => n * 10));
    expect(result.current[0]).toBe(20);
    expect(onChange.mock.calls).toEqual([[2], [20]]);
  });

  it('composes two updaters in one event, uncontrolled (regression: the second saw the render-time value)', () => {
    const { result } = renderHook(() => useControllableState<number>(undefined, 1, undefined));
    act(() => {
      (result.current[1] as Setter)((n) => n + 1);
      (result.current[1] as Setter)((n) => n * 10);
    });
    expect(result.current[0]).toBe(20);
  });

  it('composes two updaters in one event while the controlling parent has not re-rendered yet', () => {
    const onChange = vi.fn();
    const { result, rerender } = renderHook(({ value }) => useControllableState<number>(value, 0, onChange), { initialProps: { value: 1 } });
    act(() => {
      (result.current[1] as Setter)((n) => n + 1);
      (result.current[1] as Setter)((n) => n * 10);
    });
    expect(onChange.mock.calls).toEqual([[2], [20]]);
    rerender({ value: 20 });
    expect(result.current[0]).toBe(20);
  });

  it('starts the next event from the value the parent kept, not from a change it refused', async () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState<number>(1, 0, onChange));
    act(() => (result.current[1] as Setter)((n) => n + 1));
    // The parent ignored the change and did not re-render; the event is over.
    await Promise.resolve();
    act(() => (result.current[1] as Setter)((n) => n + 5));
    expect(onChange.mock.calls).toEqual([[2], [6]]);
  });

  it('reports nothing when the value does not change', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState<number>(undefined, 3, onChange));
    act(() => result.current[1](3));
    act(() => (result.current[1] as Setter)((n) => n));
    expect(onChange).not.toHaveBeenCalled();
  });
});
