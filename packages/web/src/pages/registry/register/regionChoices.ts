import type { RegionView } from "../../../api";
import type { Kind } from "../../../api/types";

/**
 * Where a new record can be placed from a region page: the region itself and its dusun (households)
 * or dusun and posyandu (persons) children. The region's own name comes first.
 */
export function regionChoices(
  view: RegionView,
  kinds: readonly Kind[],
  selfLabel: string = view.region.name,
): { value: string; label: string }[] {
  return [
    { value: view.region.code, label: selfLabel },
    ...view.children.filter((c) => kinds.includes(c.kind)).map((c) => ({ value: c.code, label: c.name })),
  ];
}

/** The region whose people are searched for a mother: the desa above a dusun or posyandu. */
export function searchRegion(view: RegionView): string {
  const { level, parentCode, code } = view.region;
  return (level === "dusun" || level === "posyandu") && parentCode ? parentCode : code;
}
