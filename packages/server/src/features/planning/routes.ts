import { ACTIVITY_CATALOG, FUNDING_SOURCES, KPM_CRITERIA, PACKAGE_LABELS, planningApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { beritaAcaraPdf } from "./berita-acara";
import { planningOverview, planningOverviewCsv } from "./overview";
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
import { addMember, createInstitution, institutionsOf, registerKpm } from "./teams";

export function planningRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const api = planningApi;
  mount(app, api.catalog, () => ({
    activities: [...ACTIVITY_CATALOG],
    packages: PACKAGE_LABELS,
    fundingSources: [...FUNDING_SOURCES],
    kpmCriteria: [...KPM_CRITERIA],
  }));
  mount(app, api.cycleOf, async ({ query }, req) => {
    const { region, kind, detail } = await cycleOf(db, actorOf(req), query.region, query.year);
    return { regionCode: region.code, regionName: region.name, kind, detail };
  });
  mount(app, api.openCycle, async ({ body }, req) => openCycle(db, actorOf(req), body.regionCode, body.year));
  mount(app, api.cycle, async ({ params }, req) => cycleDetail(db, actorOf(req), params.id));
  mount(app, api.updateCycle, async ({ params, body }, req) =>
    updateCycleSettings(db, actorOf(req), params.id, body),
  );
  mount(app, api.setStage, async ({ params, body }, req) =>
    updateStage(db, actorOf(req), params.id, params.stage, body),
  );
  mount(app, api.addMeeting, async ({ params, body }, req) => addMeeting(db, actorOf(req), params.id, body));
  mount(app, api.addProposal, async ({ params, body }, req) =>
    addProposal(db, actorOf(req), params.id, body),
  );
  mount(app, api.rankProposals, async ({ params, body }, req) =>
    rankProposals(db, actorOf(req), params.id, body.order),
  );
  mount(app, api.setProposalOutcome, async ({ params, body }, req) =>
    setProposalOutcome(db, actorOf(req), params.id, body),
  );
  mount(app, api.addReview, async ({ params, body }, req) => addReview(db, actorOf(req), params.id, body));
  mount(app, api.addCampaign, async ({ params, body }, req) =>
    addCampaign(db, actorOf(req), params.id, body),
  );
  mount(app, api.beritaAcara, async ({ params }, req, reply) => {
    const { pdf, fileName } = await beritaAcaraPdf(db, actorOf(req), params.id);
    return sendDownload(reply, {
      fileName,
      contentType: "application/pdf",
      body: pdf,
    });
  });
  mount(app, api.socialMapping, async ({ query }, req) => socialMappingOf(db, actorOf(req), query.region));
  mount(app, api.overview, async ({ query }, req) =>
    planningOverview(db, actorOf(req), query.region, query.year),
  );
  mount(app, api.overviewCsv, async ({ query }, req, reply) => {
    const { fileName, csv } = await planningOverviewCsv(
      db,
      actorOf(req),
      query.region,
      query.year,
      languageOf(req),
    );
    return sendDownload(reply, { fileName, contentType: "text/csv; charset=utf-8", body: csv });
  });
  mount(app, api.regencyRembuk, async ({ query }, req) => ({
    meetings: await listRegencyRembuk(db, actorOf(req), query.region, query.year),
  }));
  mount(app, api.recordRegencyRembuk, async ({ body }, req) => recordRegencyRembuk(db, actorOf(req), body));
  mount(app, api.institutions, async ({ query }, req) => institutionsOf(db, actorOf(req), query.region));
  mount(app, api.createInstitution, async ({ body }, req) => createInstitution(db, actorOf(req), body));
  mount(app, api.addMember, async ({ params, body }, req) => addMember(db, actorOf(req), params.id, body));
  mount(app, api.registerKpm, async ({ body }, req) => registerKpm(db, actorOf(req), body));
}
