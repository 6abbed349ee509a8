import { type RefObject, useLayoutEffect, useState } from "react";

/**
 * The content width of an element, updated on resize (rotation, window resize). Rounded to whole
 * pixels and only set when it changes, so a chart re-computes its geometry only when it must.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
