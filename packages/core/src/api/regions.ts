import { z } from "zod";
import { CodeParams, RegionSchema } from "./common";
import { endpoint } from "./endpoint";

export const RegionViewSchema = z.object({
  region: RegionSchema,
  ancestors: z.array(RegionSchema.omit({ parentCode: true }).extend({ visible: z.boolean() })),
  children: z.array(RegionSchema.extend({ childCount: z.number().int() })),
});
export type RegionView = z.infer<typeof RegionViewSchema>;
export type RegionChild = RegionView["children"][number];
export type Ancestor = RegionView["ancestors"][number];

export const regionsApi = {
  mine: endpoint({
    method: "GET",
    path: "/api/regions",
    tag: "regions",
    response: z.object({ regions: z.array(RegionSchema) }),
  }),
  view: endpoint({
    method: "GET",
    path: "/api/regions/:code",
    tag: "regions",
    params: CodeParams,
    response: RegionViewSchema,
  }),
  createChild: endpoint({
    method: "POST",
    path: "/api/regions/:code/children",
    tag: "regions",
    status: 201,
    params: CodeParams,
    body: z.strictObject({ kind: z.enum(["dusun", "posyandu"]), name: z.string().min(1).max(120) }),
    response: RegionSchema,
  }),
};
