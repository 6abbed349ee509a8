import { KINDS, LEVELS, ROLES } from "@tumbuh/core";
import { z } from "zod";

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

export const RegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(LEVELS),
  kind: z.enum(KINDS),
  parentCode: z.string().nullable(),
});

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  assignments: z.array(
    z.object({
      role: z.enum(ROLES),
      scope: z.string(),
      scopeName: z.string(),
      scopeLevel: z.enum(LEVELS).nullable(),
    }),
  ),
});
