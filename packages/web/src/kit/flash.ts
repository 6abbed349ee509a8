// A one-time message carried from a form to the page it navigates to (e.g. the NIK warnings of a new
// person, shown on that person's page). In memory only: a reload drops it, which is fine.
const messages = new Map<string, { warnings: string[] }>();

export function setFlash(key: string, value: { warnings: string[] }) {
  messages.set(key, value);
}

export function takeFlash(key: string): { warnings: string[] } | null {
  const value = messages.get(key) ?? null;
  messages.delete(key);
  return value;
}
