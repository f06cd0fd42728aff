/** The width of a DOM element, followed with a ResizeObserver, for canvases sized in pixels. */
import { useEffect, useState } from 'react';

/**
 * Width in CSS pixels of the element `ref` points at (`initial` until it is measured).
 * @example
 * const ref = useRef<HTMLDivElement>(null); const width = useElementWidth(ref, 300);
 */
export function useElementWidth(ref: { current: HTMLElement | null }, initial: number): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.getBoundingClientRect().width) || initial);
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, initial]);
  return width;
}
