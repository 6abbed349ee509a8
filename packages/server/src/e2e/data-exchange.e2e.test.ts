/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bundle, FhirResource } from "fhir/r4";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, signIn } from "../testing/browser";
import { adxProblems, DataValueSetJson, DHIS2_CSV_HEADER } from "../testing/dhis2-formats";
import { fhirBundleProblems } from "../testing/fhir-check";
import { startLiveServer } from "../testing/live-server";

const SHOTS = join(process.cwd(), ".tmp/screenshots");

/** Clicks a link of the section and reads the file the browser saved. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, "utf8") };
}

describe('the dashboard\'s "Unduh data" section in Chromium (issue 16)', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // A small population, so the month has measurements to count and to bundle.
    server = await startLiveServer({ children: 400, log: () => {} });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("downloads DHIS2 JSON, CSV and ADX, a FHIR bundle and a Satu Data CSV with its metadata, at 360 px", async () => {
    const page = await browser.context.newPage();
    await signIn(page, server.url, "dinkes");
    // The regency's dashboard (DHIS2's org units are the regency's; see the report on desa pages).
    await page.goto(`${server.url}/wilayah/64.01/indikator`);
    const section = page.locator("section.ind-exchange");
    await section.getByRole("heading", { name: "Unduh data" }).waitFor();
    await section.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await section.screenshot({ path: join(SHOTS, "unduh-data-360.png") });

    const json = await download(page, () => section.getByRole("link", { name: "DHIS2 JSON" }).click());
    expect(json.name).toMatch(/^dhis2-kabupaten-paser-[a-z0-9-]+\.json$/);
    expect(DataValueSetJson.safeParse(JSON.parse(json.text)).success).toBe(true);

    const csv = await download(page, () => section.getByRole("link", { name: "DHIS2 CSV" }).click());
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe(DHIS2_CSV_HEADER.join(","));

    const adx = await download(page, () => section.getByRole("link", { name: "DHIS2 ADX" }).click());
    expect(adx.name).toMatch(/\.xml$/);
    expect(adxProblems(adx.text)).toEqual([]);

    // The place of a FHIR bundle by name: the kecamatan, then its desa (no code to type).
    await section.getByRole("combobox", { name: /^Kecamatan/ }).selectOption({ label: "Kecamatan Kuaro" });
    await section.getByLabel("Desa atau posyandu").selectOption({ label: "Desa Sandeley" });
    // The month is said as a user reads it, never as 2026-11.
    expect(await section.textContent()).not.toMatch(/bulan \d{4}-\d{2}/);
    const fhir = await download(page, () => section.getByRole("link", { name: "Unduh bundel FHIR" }).click());
    expect(fhir.name).toMatch(/^fhir-desa-sandeley-[a-z]+-\d{4}\.json$/);
    const bundle = JSON.parse(fhir.text) as Bundle<FhirResource>;
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.type).toBe("transaction");
    expect(bundle.entry?.some((e) => e.resource?.resourceType === "Observation")).toBe(true);
    expect(fhirBundleProblems(bundle)).toEqual([]);

    const first = section.locator(".ind-exchange__row").first();
    const satu = await download(page, () => first.getByRole("link", { name: "CSV" }).click());
    expect(satu.text.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe(
      "kode_wilayah,nama_wilayah,tingkat,periode,pembilang,penyebut,nilai,satuan,sumber,catatan",
    );
    const meta = await download(page, () => first.getByRole("link", { name: "Metadata" }).click());
    expect(JSON.parse(meta.text)).toBeTypeOf("object");

    // Every file was audited.
    const audited = await server.db.kysely
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "%export%")
      .execute();
    expect(audited.length).toBeGreaterThanOrEqual(6);
    await page.setViewportSize({ width: 1280, height: 900 });
    await section.screenshot({ path: join(SHOTS, "unduh-data-1280.png") });
  });

  it("a desa's dashboard offers no DHIS2 link that would fail: it says where the download is (issue 16)", async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, server.url, "kpm.sandeley");
    await page.goto(`${server.url}/wilayah/64.01.05.2003/indikator`);
    const section = page.locator("section.ind-exchange");
    await section.getByTestId("dhis2-none").waitFor();
    expect(await section.getByTestId("dhis2-none").textContent()).toContain("Kecamatan Kuaro");
    expect(await section.getByRole("link", { name: /DHIS2/ }).count()).toBe(0);
    // The desa's own FHIR bundle is one tap away, its file named by the desa.
    const fhir = await download(page, () => section.getByRole("link", { name: "Unduh bundel FHIR" }).click());
    expect(fhir.name).toMatch(/^fhir-desa-sandeley-/);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: join(SHOTS, "unduh-data-desa-360.png") });
    // The kecamatan's dashboard has its org unit: the links are there.
    await browser.context.clearCookies();
    await signIn(page, server.url, "tpps.kuaro");
    await page.goto(`${server.url}/wilayah/64.01.05/indikator`);
    await section.getByTestId("dhis2-links").waitFor();
    expect(await section.getByRole("link", { name: /DHIS2/ }).count()).toBe(3);
    await page.close();
  });
});
