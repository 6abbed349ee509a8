/**
 * Small-cell suppression for published aggregates (the public page of the annex's yearly publication,
 * Paser Lampiran pillar 5; personal data protection: UU 27/2022 on personal data). Counts of 1–4 children
 * could point at a family in a small desa, so they are never published.
 *
 * Rule, applied to a region tree (regency → kecamatan → desa) one count column at a time:
 * 1. Primary: a count of 1–4 is suppressed (0 is published: it identifies nobody).
 * 2. Complementary: a parent's total is the sum of its children, so within every group of siblings whose
 *    group needs protecting — a child was suppressed, or the parent itself is suppressed — more siblings
 *    are suppressed, smallest first, until the suppressed siblings are at least two AND add up to at least
 *    5 (or every sibling is suppressed). Then subtracting the shown siblings from the parent gives only the
 *    sum of two or more hidden cells, never one of them; and a hidden parent cannot be rebuilt by adding
 *    up its children.
 * Groups are handled top-down, so a kecamatan hidden to protect a sibling kecamatan also hides enough of
 * its own desa. Derived figures (a prevalence) are hidden whenever a count they are made of is.
 * 3. Differences (issue 18): two counts of one row shown side by side publish their difference too —
 *    registered − weighed is the number of children not weighed. `suppressTable` treats each such
 *    difference as one more count column (steps 1–2) and hides the part (weighed) where the difference
 *    must be hidden, repeating until nothing changes (each pass only hides more, so it ends).
 */
export const MIN_PUBLISHED_COUNT = 5;

export function isSmallCell(count: number): boolean {
  return count > 0 && count < MIN_PUBLISHED_COUNT;
}

export interface CountNode {
  code: string;
  /** The node this one adds up into; null for the root(s). */
  parent: string | null;
  count: number;
}

/**
 * Codes whose count must not be published. Children must add up to their parent. `alreadyHidden`: codes
 * hidden for another reason, which the complementary step then protects like small cells.
 */
export function suppressCounts(
  nodes: readonly CountNode[],
  alreadyHidden: Iterable<string> = [],
): Set<string> {
  const hidden = new Set<string>(alreadyHidden);
  const children = new Map<string | null, CountNode[]>();
  for (const n of nodes) {
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
    if (isSmallCell(n.count)) hidden.add(n.code);
  }
  // Top-down: a parent's hidden state is final before its children's group is looked at.
  const known = new Set(nodes.map((n) => n.code));
  const queue: (string | null)[] = [
    null,
    ...nodes.filter((n) => n.parent && !known.has(n.parent)).map((n) => n.parent),
  ];
  const seen = new Set<string | null>();
  while (queue.length > 0) {
    const parent = queue.shift() as string | null;
    if (seen.has(parent)) continue;
    seen.add(parent);
    const group = children.get(parent) ?? [];
    protectGroup(group, parent !== null && hidden.has(parent), hidden);
    for (const c of group) queue.push(c.code);
  }
  return hidden;
}

function protectGroup(group: readonly CountNode[], parentHidden: boolean, hidden: Set<string>): void {
  let n = 0;
  let sum = 0;
  for (const c of group) {
    if (hidden.has(c.code)) {
      n++;
      sum += c.count;
    }
  }
  if (n === 0 && !parentHidden) return;
  const rest = group
    .filter((c) => !hidden.has(c.code))
    .sort((a, b) => a.count - b.count || (a.code < b.code ? -1 : 1));
  for (const c of rest) {
    if (n >= 2 && sum >= MIN_PUBLISHED_COUNT) break;
    hidden.add(c.code);
    n++;
    sum += c.count;
  }
}

/** A region tree node for `suppressTable`. */
export interface TreeNode {
  code: string;
  parent: string | null;
}

/**
 * Every column of a table of counts suppressed (steps 1–2), and every difference `[whole, part]` of two
 * columns too (step 3): where a difference must be hidden, the part is hidden, and its column is protected
 * again. Returns the hidden codes per column.
 */
export function suppressTable<C extends string>(
  nodes: readonly TreeNode[],
  count: (code: string, column: C) => number,
  columns: readonly C[],
  differences: readonly (readonly [whole: C, part: C])[],
): Record<C, Set<string>> {
  const column = (col: C, seed: Iterable<string> = []) =>
    suppressCounts(
      nodes.map((n) => ({ code: n.code, parent: n.parent, count: count(n.code, col) })),
      seed,
    );
  const hidden = Object.fromEntries(columns.map((c) => [c, column(c)])) as Record<C, Set<string>>;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [whole, part] of differences) {
      const seed = new Set([...hidden[whole], ...hidden[part]]);
      const diff = suppressCounts(
        nodes.map((n) => ({
          code: n.code,
          parent: n.parent,
          count: count(n.code, whole) - count(n.code, part),
        })),
        seed,
      );
      const more = [...diff].filter((c) => !seed.has(c));
      if (more.length === 0) continue;
      hidden[part] = column(part, [...hidden[part], ...more]);
      changed = true;
    }
  }
  return hidden;
}
