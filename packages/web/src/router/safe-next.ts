// Where to go after signing in: only a path on this site, never the login page itself. Pure.

/** Where to go after login when no (safe) destination was given. */
export const DEFAULT_AFTER_LOGIN = "/";

/**
 * Only same-origin absolute paths are allowed as a post-login destination (no "//evil.example",
 * no "https://…", no backslash tricks), and never the login page itself.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    return DEFAULT_AFTER_LOGIN;
  }
  // reject control characters (a raw newline or tab in a URL is never legitimate here)
  for (let i = 0; i < next.length; i++) if (next.charCodeAt(i) < 0x20) return DEFAULT_AFTER_LOGIN;
  const path = next.split(/[?#]/, 1)[0] ?? "";
  if (path === "/login" || path === "/login/") return DEFAULT_AFTER_LOGIN;
  return next;
}
