import {
  ACTIVITY_CATALOG,
  CampaignInput,
  CycleSettings,
  FUNDING_SOURCES,
  InstitutionInput,
  KPM_CRITERIA,
  KpmInput,
  MeetingInput,
  MemberInput,
  PACKAGE_LABELS,
  ProposalInput,
  ProposalOutcome,
  ProposalRanking,
  RegencyRembukInput,
  ReviewInput,
  StageUpdate,
} from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { todayIso } from "../region-guard";
import { beritaAcaraPdf } from "./berita-acara";
import { overviewCsv, planningOverview } from "./overview";
import { listRegencyRembuk, recordRegencyRembuk } from "./regency-rembuk";
import {
  addCampaign,
  addMeeting,
  addProposal,
  addReview,
  cycleDetail,
  cycleOf,
  openCycle,
  rankProposals,
  setProposalOutcome,
  updateCycleSettings,
  updateStage,
} from "./service";
import { socialMappingOf } from "./social-mapping";
import {
  addMember,
  createInstitution,
  desaWithoutKpm,
  listInstitutions,
  listKpm,
  registerKpm,
} from "./teams";
import { tpkTeamsOf } from "./tpk-teams";

const Id = z.strictObject({ id: z.string().uuid() });
const Year = z.coerce.number().int().min(2020).max(2100);
const RegionYear = z.strictObject({ region: z.string().min(2).max(40), year: Year });
const tags = ["planning"];

export function planningRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = typed(app);
  r.get("/api/planning/catalog", { schema: { tags } }, async () => ({
    activities: ACTIVITY_CATALOG,
    packages: PACKAGE_LABELS,
    fundingSources: FUNDING_SOURCES,
    kpmCriteria: KPM_CRITERIA,
  }));
  r.get("/api/planning/cycles", { schema: { tags, querystring: RegionYear } }, async (req) => {
    const { region, kind, detail } = await cycleOf(db, actorOf(req), req.query.region, req.query.year);
    return { regionCode: region.code, regionName: region.name, kind, detail };
  });
  r.post(
    "/api/planning/cycles",
    { schema: { tags, body: z.strictObject({ regionCode: z.string().min(2).max(40), year: Year }) } },
    async (req, reply) =>
      reply.status(201).send(await openCycle(db, actorOf(req), req.body.regionCode, req.body.year)),
  );
  r.get("/api/planning/cycles/:id", { schema: { tags, params: Id } }, async (req) =>
    cycleDetail(db, actorOf(req), req.params.id),
  );
  r.patch("/api/planning/cycles/:id", { schema: { tags, params: Id, body: CycleSettings } }, async (req) =>
    updateCycleSettings(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    "/api/planning/cycles/:id/stages/:stage",
    {
      schema: {
        tags,
        params: z.strictObject({ id: z.string().uuid(), stage: z.string().max(40) }),
        body: StageUpdate,
      },
    },
    async (req) => updateStage(db, actorOf(req), req.params.id, req.params.stage, req.body),
  );
  r.post(
    "/api/planning/cycles/:id/meetings",
    { schema: { tags, params: Id, body: MeetingInput } },
    async (req, reply) => reply.status(201).send(await addMeeting(db, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    "/api/planning/cycles/:id/proposals",
    { schema: { tags, params: Id, body: ProposalInput } },
    async (req, reply) =>
      reply.status(201).send(await addProposal(db, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    "/api/planning/cycles/:id/ranking",
    { schema: { tags, params: Id, body: ProposalRanking } },
    async (req) => rankProposals(db, actorOf(req), req.params.id, req.body.order),
  );
  r.patch(
    "/api/planning/proposals/:id",
    { schema: { tags, params: Id, body: ProposalOutcome } },
    async (req) => setProposalOutcome(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    "/api/planning/cycles/:id/reviews",
    { schema: { tags, params: Id, body: ReviewInput } },
    async (req, reply) => reply.status(201).send(await addReview(db, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    "/api/planning/cycles/:id/campaigns",
    { schema: { tags, params: Id, body: CampaignInput } },
    async (req, reply) =>
      reply.status(201).send(await addCampaign(db, actorOf(req), req.params.id, req.body)),
  );
  r.get("/api/planning/cycles/:id/berita-acara.pdf", { schema: { tags, params: Id } }, async (req, reply) => {
    const pdf = await beritaAcaraPdf(db, actorOf(req), req.params.id);
    return reply
      .header("content-type", "application/pdf")
      .header("content-disposition", 'attachment; filename="berita-acara-rembuk-stunting.pdf"')
      .send(pdf);
  });
  r.get(
    "/api/planning/social-mapping",
    { schema: { tags, querystring: z.strictObject({ region: z.string().min(2).max(40) }) } },
    async (req) => socialMappingOf(db, actorOf(req), req.query.region, todayIso()),
  );
  r.get("/api/planning/overview", { schema: { tags, querystring: RegionYear } }, async (req) =>
    planningOverview(db, actorOf(req), req.query.region, req.query.year),
  );
  r.get("/api/planning/overview.csv", { schema: { tags, querystring: RegionYear } }, async (req, reply) => {
    const o = await planningOverview(db, actorOf(req), req.query.region, req.query.year);
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header(
        "content-disposition",
        `attachment; filename="siklus-perencanaan-${o.regionCode}-${o.year}.csv"`,
      )
      .send(overviewCsv(o));
  });
  r.get("/api/planning/regency-rembuk", { schema: { tags, querystring: RegionYear } }, async (req) => ({
    meetings: await listRegencyRembuk(db, actorOf(req), req.query.region, req.query.year),
  }));
  r.post("/api/planning/regency-rembuk", { schema: { tags, body: RegencyRembukInput } }, async (req, reply) =>
    reply.status(201).send(await recordRegencyRembuk(db, actorOf(req), req.body)),
  );
  r.get(
    "/api/planning/institutions",
    { schema: { tags, querystring: z.strictObject({ region: z.string().min(2).max(40) }) } },
    async (req) => {
      const actor = actorOf(req);
      return {
        institutions: await listInstitutions(db, actor, req.query.region),
        kpm: await listKpm(db, actor, req.query.region),
        desaWithoutKpm: await desaWithoutKpm(db, actor, req.query.region),
        tpk: await tpkTeamsOf(db, actor, req.query.region),
      };
    },
  );
  r.post("/api/planning/institutions", { schema: { tags, body: InstitutionInput } }, async (req, reply) =>
    reply.status(201).send(await createInstitution(db, actorOf(req), req.body)),
  );
  r.post(
    "/api/planning/institutions/:id/members",
    { schema: { tags, params: Id, body: MemberInput } },
    async (req, reply) => reply.status(201).send(await addMember(db, actorOf(req), req.params.id, req.body)),
  );
  r.post("/api/planning/kpm", { schema: { tags, body: KpmInput } }, async (req, reply) =>
    reply.status(201).send(await registerKpm(db, actorOf(req), req.body)),
  );
}
