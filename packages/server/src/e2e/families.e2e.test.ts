/// <reference lib="dom" />
import { join } from "node:path";
import { addDays, todayIso } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";
import { pdfText, pdfToPngs } from "../testing/pdf";
import { uuidv7 } from "../util/ids";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const DESA = "64.01.05.2003";

describe("families at risk, catin certificate and case audit in Chromium at 360 px", () => {
  const live = useLiveBrowser(SHOTS);
  const today = todayIso();

  it("a family with its reasons, a catin certificate, an audit whose overdue follow-up shows on the team's dashboard", async () => {
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "bidan.sandeley");
    const post = async (url: string, data: object) => {
      const res = await page.request.post(`${live.server.url}${url}`, { data });
      expect(res.status(), `${url} ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };

    // Registry: a household with an unprotected well and a pit latrine, a mother and a stunted 10-month-old.
    const hh = await post("/api/households", {
      regionCode: `${DESA}.D01`,
      headName: "Rahmat",
      address: "RT 2 Sandeley",
      waterSource: "sumur_tak_terlindung",
      latrineType: "cemplung",
    });
    const mother = await post("/api/persons", {
      regionCode: DESA,
      householdId: hh.id,
      name: "Wati",
      sex: 2,
      birthDate: addDays(today, -(36 * 365 + 20)),
    });
    const child = await post("/api/persons", {
      regionCode: DESA,
      householdId: hh.id,
      motherId: mother.person.id,
      name: "Nur Pendek",
      sex: 2,
      birthDate: addDays(today, -300),
    });
    await post("/api/measurements", {
      personId: child.person.id,
      measuredOn: today,
      weightKg: 7,
      lenheiCm: 62,
      measure: "l",
    });
    const teamId = uuidv7();
    await post("/api/tpk-teams", { id: teamId, regionCode: DESA, name: "TPK Sandeley 1" });
    await post(`/api/tpk-teams/${teamId}/members`, { id: uuidv7(), name: "Bd. Lestari", role: "bidan" });

    // The family page: registry reasons, then a screening where the screener sees food is not enough.
    await page.goto(`${live.server.url}/keluarga/${hh.id}`);
    await page.getByRole("heading", { name: "Keluarga Rahmat" }).waitFor();
    const form = page.getByTestId("family-screening-form");
    await form
      .getByRole("group", { name: "Ketersediaan pangan, pola makan dan asupan gizi cukup?" })
      .getByText("Tidak")
      .click();
    await form.getByRole("button", { name: "Simpan penapisan" }).click();
    const screening = page.getByTestId("screening").first();
    await screening.waitFor();
    const reasons = await screening.getByTestId("risk-reasons").innerText();
    expect(reasons).toMatch(/Sumber air minum tidak layak/);
    expect(reasons).toMatch(/Jamban tidak layak/);
    expect(reasons).toMatch(/Usia istri 35–40 tahun/);
    expect(reasons).toMatch(/Ketersediaan pangan.*\n?.*pengamatan petugas/);
    expect(reasons).toMatch(/data registri/);
    await page.screenshot({ path: join(SHOTS, "family-page.png"), fullPage: true });

    await page.goto(`${live.server.url}/wilayah/${DESA}/keluarga`);
    await page.getByTestId("family-row").first().waitFor();
    expect(await page.getByTestId("family-summary").innerText()).toMatch(/1 keluarga ditapis, 1 berisiko/);
    expect(await page.getByTestId("family-row").first().innerText()).toMatch(/Sumber air minum tidak layak/);
    await page.screenshot({ path: join(SHOTS, "families-list.png"), fullPage: true });

    // A catin registered through the form, screened 5 months before marriage: anaemic and KEK.
    await page.goto(`${live.server.url}/wilayah/${DESA}/catin`);
    const cf = page.getByTestId("catin-form");
    await cf.waitFor();
    await cf.getByLabel("Nama").fill("Sari Catin");
    await cf.getByLabel("Tanggal lahir").fill(addDays(today, -7700));
    await cf.getByLabel(/Calon pasangan/).fill("Budi");
    await cf.getByLabel("Rencana tanggal nikah").fill(addDays(today, 150));
    await cf.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("heading", { name: "Sari Catin" }).waitFor();
    const sf = page.getByTestId("catin-screening-form");
    await sf.getByLabel("Berat badan (kg)").fill("50");
    await sf.getByLabel("Tinggi badan (cm)").fill("155");
    await sf.getByLabel("LiLA (cm)").fill("23,4");
    await sf.getByLabel("Hb (g/dL)").fill("11,9");
    await sf.getByRole("button", { name: "Simpan pemeriksaan" }).click();
    const result = page.getByTestId("catin-result").first();
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toMatch(/Anemia/);
    expect(text).toMatch(/90 hari/);
    expect(text).toMatch(/Kurang Energi Kronis/);
    expect(text).toMatch(/Diperiksa ≥ 3 bulan sebelum nikah/);
    await page.screenshot({ path: join(SHOTS, "catin-page.png"), fullPage: true });
    const href = await result.getByTestId("certificate-link").getAttribute("href");
    const pdf = await page.request.get(`${live.server.url}${href}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const body = Buffer.from(await pdf.body());
    expect(pdfText(body)).toMatch(/Sari Catin[\s\S]*Anemia[\s\S]*paling lambat 3 bulan sebelum/);
    expect(pdfToPngs(body, "catin-browser")).toHaveLength(1);

    // The case audit: choose the stunted under-two, record findings and a recommendation already due.
    await page.goto(`${live.server.url}/wilayah/${DESA}/audit-kasus`);
    const kase = page.getByTestId("audit-case").filter({ hasText: "Nur Pendek" });
    await kase.getByRole("button", { name: "Audit kasus ini" }).click();
    const af = page.getByTestId("audit-form");
    await af.getByLabel("Tim audit").fill("Dokter Puskesmas Kuaro, Bd. Lestari, TPK");
    await af.getByLabel("Pemberian makan bayi & anak").fill("MP-ASI tidak beragam, kurang protein hewani");
    await af.getByLabel("Air minum & sanitasi").fill("Sumur tak terlindung, jamban cemplung");
    await af.getByRole("button", { name: "Tambah rekomendasi" }).click();
    await af.locator('input[name="rec-0"]').fill("Kelas MP-ASI dan PMT lokal 90 hari");
    await af.getByLabel("Penanggung jawab (TPK)").selectOption({ label: "TPK Sandeley 1" });
    await af.locator('input[name="due-0"]').fill(addDays(today, -3));
    await page.screenshot({ path: join(SHOTS, "audit-form.png"), fullPage: true });
    await af.getByRole("button", { name: "Simpan audit" }).click();
    await page.getByTestId("recommendation").first().waitFor();
    expect(await page.getByTestId("recommendation").first().innerText()).toMatch(/Terlambat sejak/);
    await page.screenshot({ path: join(SHOTS, "case-audit.png"), fullPage: true });

    await page.goto(`${live.server.url}/tpk/${teamId}`);
    const overdue = page.getByTestId("overdue-followups");
    await overdue.waitFor();
    expect(await overdue.innerText()).toMatch(
      /Tindak lanjut audit terlambat \(1\)[\s\S]*Nur Pendek[\s\S]*Kelas MP-ASI/,
    );
    expect(await page.getByTestId("audit-share").innerText()).toMatch(/1 dari 1 \(100%; target 50%\)/);
    await page.screenshot({ path: join(SHOTS, "tpk-dashboard.png"), fullPage: true });

    // Nothing overflows sideways at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The semester's verification by someone other than the screener: the KPM confirms the data.
    await page.request.post(`${live.server.url}/api/auth/logout`);
    await signIn(page, live.server.url, "kpm.sandeley");
    await page.goto(`${live.server.url}/keluarga/${hh.id}`);
    const first = page.getByTestId("screening").first();
    await first.getByLabel("Catatan verifikasi").fill("Dicek ke rumah");
    await first.getByRole("button", { name: "Sesuai", exact: true }).click();
    await first.getByText("Sesuai · kpm.sandeley · Dicek ke rumah").waitFor();
    await page.screenshot({ path: join(SHOTS, "family-verified.png"), fullPage: true });
  });
});
