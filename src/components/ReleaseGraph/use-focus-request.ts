import { useCallback, useEffect, useRef, type RefObject } from 'react';

/** Long enough for the pan to the node (200 ms) to have rendered it. */
const AFTER_PAN_MS = 250;

function focusIn(wrapper: RefObject<HTMLElement | null>, id: string, tile: number | undefined): void {
  const escaped = CSS.escape(id);
  const node = wrapper.current?.querySelector<HTMLElement>(`[data-env-id="${escaped}"], [data-node-id="${escaped}"]`);
  (tile === undefined ? node : node?.querySelector<HTMLElement>(`[data-index="${tile}"]`))?.focus({ preventScroll: true });
}

/** Focus is nowhere a reader put it: on the page's body, or on an element no longer in it. */
const focusLost = () => {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
};

/**
 * Moves keyboard focus to a node (by its id, `domId`), or to tile `tile` of a grid, which may only
 * be rendered once the pan brings it into view: it tries now, on the next frame and after the pan,
 * unless the focus has moved elsewhere meanwhile. At most one request is pending: a newer one
 * cancels the older (else an old attempt moves focus back to where a quick arrow press had left),
 * and so does unmounting.
 */
export function useFocusRequest(wrapper: RefObject<HTMLElement | null>): (id: string, tile?: number) => void {
  const pending = useRef<{ frame: number; timer: ReturnType<typeof setTimeout> } | undefined>(undefined);
  const cancel = useCallback(() => {
    if (!pending.current) return;
    cancelAnimationFrame(pending.current.frame);
    clearTimeout(pending.current.timer);
    pending.current = undefined;
  }, []);
  useEffect(() => cancel, [cancel]);
  return useCallback(
    (id: string, tile?: number) => {
      cancel();
      // Again only while the focus is where this left it (on the node, or where it was when the
      // node was not drawn yet) or lost (the pan re-rendered the node). A key pressed meanwhile
      // (Escape to the group's header, another arrow) moved it on purpose, and wins.
      focusIn(wrapper, id, tile);
      const from = document.activeElement;
      const attempt = () => {
        if (document.activeElement !== from && !focusLost()) return cancel();
        focusIn(wrapper, id, tile);
      };
      pending.current = {
        frame: requestAnimationFrame(attempt),
        timer: setTimeout(() => {
          pending.current = undefined;
          attempt();
        }, AFTER_PAN_MS),
      };
    },
    [wrapper, cancel],
  );
}
