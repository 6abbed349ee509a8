import { type Actor, type InstitutionTpkTeam, readScopes } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { findRegionsByCode } from "../regions/service";
import { memberCounts, teamsIn } from "../tpk/service";

/**
 * The family support teams (TPK, Paser Pasal 13) of a region and below, for the institutions page: read
 * through the TPK feature's repository (scoped by the actor's read scopes), with each team's member count.
 */
export async function tpkTeamsOf(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
): Promise<InstitutionTpkTeam[]> {
  const teams = await teamsIn(db, readScopes(actor), regionCode);
  const counts = await memberCounts(
    db,
    teams.map((t) => t.id),
  );
  const names = new Map(
    (await findRegionsByCode(db, [...new Set(teams.map((t) => t.region_code))])).map((r) => [r.code, r.name]),
  );
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    regionCode: t.region_code,
    regionName: names.get(t.region_code) ?? t.region_code,
    members: counts.get(t.id) ?? 0,
  }));
}
