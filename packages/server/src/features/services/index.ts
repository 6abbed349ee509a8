import type { Feature } from "../feature";
import { createDemoServiceRecords } from "./demo";
import { serviceRoutes } from "./routes";
import { serviceRecord, serviceRecordVoid } from "./sync";

export const servicesFeature: Feature = {
  name: "services",
  routes: serviceRoutes,
  syncEntities: [serviceRecord, serviceRecordVoid],
  async demo({ db, regency, seed, today, children, log }) {
    if (children === 0) return;
    const r = await createDemoServiceRecords(db, { regency, seed, today });
    log(
      `Demo service records: ${r.records.toLocaleString("en")} in ${r.seconds.toFixed(1)} s ` +
        `(${r.readAndGenerateSeconds.toFixed(1)} s reading and generating)`,
    );
  },
};
