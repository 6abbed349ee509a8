// Aggregate export to DHIS2 (issue 16): the counts by sex and age band, the mapping file, the three formats.
export * from "./breakdown";
export * from "./data-values";
export * from "./mapping";
