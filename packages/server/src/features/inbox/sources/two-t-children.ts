// Children weighed twice without gaining (2T) this month, for the bidan and the kader who follow them up
// (Permenkes 2/2020; the registry's 2T list). One item per assigned region with any.
import type { InboxItem } from "@tumbuh/core";
import { registryLists } from "../../measurements/service";
import { findRegion } from "../../regions/service";
import type { InboxSource } from "../source";

/** Registry lists exist for a desa and below (the region page's rule). */
const LIST_LEVELS = new Set(["desa", "dusun", "posyandu"]);

export const twoTChildren: InboxSource = {
  kind: "two_t_children",
  roles: ["bidan", "kader_posyandu"],
  async items(db, actor, assignments, today) {
    const month = today.slice(0, 7);
    const items: InboxItem[] = [];
    for (const scope of new Set(assignments.map((a) => a.scope))) {
      const region = await findRegion(db, [scope], scope);
      if (!region || !LIST_LEVELS.has(region.level)) continue;
      const lists = await registryLists(db, actor, scope, month);
      const count = lists.counts?.twoT ?? lists.lists?.twoT?.length ?? 0;
      if (count > 0)
        items.push({
          id: `two_t_children:${scope}:${month}`,
          kind: "two_t_children",
          regionCode: scope,
          regionName: region.name,
          count,
          at: null,
          params: { month },
        });
    }
    return items;
  },
};
