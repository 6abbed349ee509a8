import type { Bundle, FhirResource } from "fhir/r4";

/**
 * An offline structural check of a FHIR R4 transaction Bundle, from the R4 specification's own rules
 * (hl7.org/fhir/R4: bundle.html, encounter.html, observation.html, organization.html): a transaction's
 * entries each have a fullUrl, a resource and a request (method + url) (bdl-3, bdl-7: fullUrl unique);
 * urn:uuid fullUrls are well-formed; every reference resolves to an entry of the bundle; the elements
 * with cardinality 1..1 are present (Encounter.status, Encounter.class, Observation.status,
 * Observation.code); Organization has a name or identifier (org-1); Quantity values are numbers with a
 * UCUM system and code. Returns the problems found.
 */
export function fhirBundleProblems(bundle: Bundle<FhirResource>): string[] {
  const out: string[] = [];
  if (bundle.resourceType !== "Bundle") out.push("not a Bundle");
  if (bundle.type !== "transaction") out.push(`type ${bundle.type}`);
  const entries = bundle.entry ?? [];
  const urls = new Set<string>();
  const uuid = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  for (const [i, e] of entries.entries()) {
    if (!e.fullUrl || !uuid.test(e.fullUrl)) out.push(`entry ${i}: fullUrl ${e.fullUrl}`);
    else if (urls.has(e.fullUrl)) out.push(`entry ${i}: duplicate fullUrl`);
    else urls.add(e.fullUrl);
    if (!e.resource) out.push(`entry ${i}: no resource`);
    if (!e.request || !["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].includes(e.request.method))
      out.push(`entry ${i}: request.method`);
    if (e.request && e.resource && e.request.method === "POST" && e.request.url !== e.resource.resourceType)
      out.push(`entry ${i}: request.url ${e.request.url} for a ${e.resource.resourceType}`);
  }
  const refs = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) refs(v, `${path}[${i}]`);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (k === "reference" && typeof v === "string" && !urls.has(v))
          out.push(`${path}.reference ${v} unresolved`);
        else refs(v, `${path}.${k}`);
      }
    }
  };
  for (const [i, e] of entries.entries()) {
    const r = e.resource;
    if (!r) continue;
    refs(r, `entry ${i} ${r.resourceType}`);
    if (r.resourceType === "Encounter" && (!r.status || !r.class?.code))
      out.push(`entry ${i}: Encounter status/class`);
    if (r.resourceType === "Observation") {
      if (!r.status || !r.code?.coding?.[0]?.code || !r.code.coding[0].system)
        out.push(`entry ${i}: Observation code`);
      const q = r.valueQuantity;
      if (!q || typeof q.value !== "number" || q.system !== "http://unitsofmeasure.org" || !q.code)
        out.push(`entry ${i}: Observation valueQuantity`);
    }
    if (r.resourceType === "Organization" && !r.name && !r.identifier?.length) out.push(`entry ${i}: org-1`);
  }
  return out;
}
