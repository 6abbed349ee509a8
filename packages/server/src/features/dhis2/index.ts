import type { Feature } from "../feature";
import { dhis2Routes } from "./routes";

/** Aggregate export to DHIS2 (issue 16): JSON, CSV and ADX downloads; the CLI also pushes. */
export const dhis2Feature: Feature = {
  name: "dhis2",
  routes: dhis2Routes,
};
