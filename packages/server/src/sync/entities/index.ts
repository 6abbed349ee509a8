import { registerEntity } from "../registry";
import { auditFollowUp, caseAudit, catin, catinScreening, familyScreening, tpkVisit } from "./families";
import { household } from "./household";
import { measurement } from "./measurement";
import { person } from "./person";
import { pregnancy } from "./pregnancy";
import { serviceRecord } from "./service-record";

// The registry's entities. A new feature adds its handler file here (and its table to the feed triggers).
let done = false;
export function registerBuiltInEntities(): void {
  if (done) return;
  done = true;
  for (const h of [household, person, pregnancy, measurement]) registerEntity(h);
  // Issue 6 (services) and issue 8 (families, catin, TPK, case audits): appends/creates only.
  for (const h of [serviceRecord, familyScreening, catin, catinScreening, tpkVisit, caseAudit, auditFollowUp])
    registerEntity(h);
}
