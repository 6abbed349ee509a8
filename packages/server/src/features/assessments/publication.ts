import {
  AchievementRowSchema,
  AssessmentMethod,
  type PublicAchievements,
  type PublicRank,
  publicIndicator,
  RankedUnitSchema,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import { parseJsonColumn } from "../../db/json-column";
import type { Database } from "../../db/schema";
import { errors } from "../../errors";
import { publicCatalog } from "../indicator-catalog/service";
import { findRegion } from "../regions/service";
import { storedAssessment } from "./repository";

const Results = z.object({ desa: z.array(RankedUnitSchema), kecamatan: z.array(RankedUnitSchema) });

/**
 * The public page's achievements (Paser Pasal 9 p): the deployment's regency (the one its catalog names, as
 * the publication) and the year's assessment as the TPPS published it — its ranking and the indicator
 * achievements computed with it, read as stored (an anonymous request computes nothing), small cells held
 * back (core publicIndicator). Before publication: `published: false` and empty lists.
 */
export async function publicAchievements(
  db: Kysely<Database>,
  year: number,
  today = todayIso(),
): Promise<PublicAchievements> {
  if (!Number.isInteger(year) || year < 2000 || year > Number(today.slice(0, 4))) throw errors.notFound();
  const regencyCode = (await publicCatalog(db)).regency;
  const regency = await findRegion(db, [regencyCode], regencyCode);
  if (!regency) throw errors.notFound();
  const head = { regency: { code: regency.code, name: regency.name }, year };
  const row = await storedAssessment(db, regency.code, year);
  if (row?.status !== "published")
    return {
      ...head,
      published: false,
      publishedAt: null,
      computedAt: null,
      weights: [],
      indicators: [],
      kecamatan: [],
      desa: [],
    };
  const results = parseJsonColumn(Results, row.results_json);
  const method = parseJsonColumn(AssessmentMethod, row.method_json);
  const achievements =
    row.achievements_json === null
      ? []
      : parseJsonColumn(z.array(AchievementRowSchema), row.achievements_json);
  const kecName = new Map(results.kecamatan.map((k) => [k.code, k.name]));
  const rank =
    (withParent: boolean) =>
    (u: z.infer<typeof RankedUnitSchema>): PublicRank => ({
      rank: u.rank,
      code: u.code,
      name: u.name,
      parentName: withParent ? (kecName.get(u.code.split(".").slice(0, 3).join(".")) ?? null) : null,
      score: u.score,
      strongest: u.strongest,
      weakest: u.weakest,
    });
  return {
    ...head,
    published: true,
    publishedAt: row.published_at,
    computedAt: row.computed_at,
    weights: method.components.map((c) => ({ code: c.code, weight: c.weight })),
    indicators: achievements.map(publicIndicator),
    kecamatan: results.kecamatan.map(rank(false)),
    desa: results.desa.map(rank(true)),
  };
}
