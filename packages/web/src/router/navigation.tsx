// React bindings for the history-API router: the current location, navigate(), and <Link>.
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/** Current path plus search, e.g. "/login?next=%2Faudit". Re-renders on navigation. */
export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, snapshot);
}

export function currentPath(): string {
  return snapshot();
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === snapshot() && !window.location.hash) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else {
    window.history.pushState(null, "", to);
    window.scrollTo(0, 0);
  }
  notify();
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

/** An ordinary <a href> that navigates in-app on a plain left click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (rest.target && rest.target !== "_self")
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={handleClick} {...rest} />;
}

/** The current query string as URLSearchParams; re-renders on navigation. */
export function useSearchParam(name: string): string | null {
  const path = useLocationPath();
  const i = path.indexOf("?");
  return i === -1 ? null : new URLSearchParams(path.slice(i)).get(name);
}

/** Sets (or, with null, removes) query parameters of the current page without a new history entry. */
export function replaceSearchParams(updates: Record<string, string | null>) {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  navigate(window.location.pathname + (query ? `?${query}` : ""), { replace: true });
}
