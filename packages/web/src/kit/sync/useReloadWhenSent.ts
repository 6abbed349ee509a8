import { useEffect, useRef } from "react";

/**
 * Pages that show server figures beside records made on the phone: when the phone's unsent records of the
 * page drop to none (the server accepted them), load the page's server data again so they appear there.
 */
export function useReloadWhenSent(unsent: number, reload: () => void): void {
  const before = useRef(unsent);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (before.current > 0 && unsent === 0) reloadRef.current();
    before.current = unsent;
  }, [unsent]);
}
