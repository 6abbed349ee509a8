import { placeKey, type Region } from "@tumbuh/core";

/**
 * Finds region codes from the place names an export carries (Kab/Kota → Kec → Desa/Kel → Posyandu),
 * compared by `placeKey`. Names are unique among siblings in the Kemendagri list; a name that still
 * matches several regions is reported as ambiguous rather than guessed.
 */
export class PlaceIndex {
  private readonly children = new Map<string, Map<string, string[]>>();
  private readonly keys = new Map<string, string>();

  constructor(regions: readonly Region[]) {
    for (const r of regions) {
      const parent = r.parentCode ?? "";
      const byName = this.children.get(parent) ?? new Map<string, string[]>();
      this.children.set(parent, byName);
      const key = placeKey(r.name);
      byName.set(key, [...(byName.get(key) ?? []), r.code]);
    }
  }

  /** Codes of the regions named `name` directly under any of `parents`. */
  find(parents: readonly string[], name: string): string[] {
    // An export repeats the same few hundred place names on every row.
    let key = this.keys.get(name);
    if (key === undefined) {
      key = placeKey(name);
      this.keys.set(name, key);
    }
    return parents.flatMap((p) => this.children.get(p)?.get(key) ?? []);
  }

  childrenOf(parent: string): string[] {
    return [...(this.children.get(parent)?.values() ?? [])].flat();
  }
}
