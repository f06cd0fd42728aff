/** Pointer handlers for a drag that keeps going outside the element (pointer capture), for mouse, pen and touch alike. */
import { useRef, type PointerEvent as ReactPointerEvent } from 'react';

/** The stage of a drag a callback is told about. */
export type DragPhase = 'start' | 'move' | 'end';

/**
 * Returns props to spread on the element: `onMove` gets every position of the primary pointer while
 * it is down, with 'end' on release or cancel.
 * @example
 * const drag = usePointerDrag((e, phase) => setFromX(e.clientX));
 * return <div {...drag} />;
 */
export function usePointerDrag(onMove: (event: ReactPointerEvent<HTMLElement>, phase: DragPhase) => void) {
  const active = useRef<number | null>(null);
  const latest = useRef(onMove);
  latest.current = onMove;
  const finish = (e: ReactPointerEvent<HTMLElement>): void => {
    if (active.current !== e.pointerId) return;
    active.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    latest.current(e, 'end');
  };
  return {
    onPointerDown(e: ReactPointerEvent<HTMLElement>) {
      if (active.current !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
      active.current = e.pointerId;
      e.currentTarget.setPointerCapture(e.pointerId);
      e.currentTarget.focus({ preventScroll: true });
      e.preventDefault();
      latest.current(e, 'start');
    },
    onPointerMove(e: ReactPointerEvent<HTMLElement>) {
      if (active.current === e.pointerId) latest.current(e, 'move');
    },
    onPointerUp: finish,
    onPointerCancel: finish,
  };
}
