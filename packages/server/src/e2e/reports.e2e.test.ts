/// <reference lib="dom" />
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { launchChromium, signIn } from "../testing/browser";
import { startLiveServer } from "../testing/live-server";
import { pdfText } from "../testing/pdf";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const SANDELEY = "64.01.05.2003";
const KUARO = "64.01.05";
const LAST_YEAR = String(new Date().getUTCFullYear() - 1);

describe("a yearly desa report issued, acknowledged and corrected in Chromium at 360 px", () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const shot = async (name: string) => {
    await page.screenshot({ path: join(SHOTS, `reports-${name}.png`), fullPage: true });
    await page.screenshot({ path: join(SHOTS, `reports-${name}-top.png`) });
  };
  async function login(username: string) {
    await page.request.post(`${server.url}/api/auth/logout`);
    await signIn(page, server.url, username);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer();
    browser = await launchChromium();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("goes desa → kecamatan → version 2 with version 1 still readable", async () => {
    // The desa opens its reports from the region page.
    await login("desa.sandeley");
    await page.goto(`${server.url}/wilayah/${SANDELEY}`);
    await page.getByRole("link", { name: /Laporan bulanan, rapat, tahunan/ }).click();
    await page.getByRole("heading", { name: /Laporan dan pertanggungjawaban — Sandeley/ }).waitFor();
    await page.getByLabel("Jenis laporan").selectOption("desa_yearly");
    await page.getByLabel("Periode").selectOption(LAST_YEAR);
    await shot("1-desa-list");
    await page.getByRole("button", { name: "Buka draf" }).click();
    await page
      .getByRole("heading", { name: "Laporan Tahunan Konvergensi Pencegahan Stunting Desa" })
      .waitFor();
    await page.getByText("Perbup PALI 64/2021 Pasal 40 ayat (2) huruf a–f").first().waitFor();
    await page.getByText("Anak 0–23 bulan terindikasi stunting (tika, merah)").first().waitFor();

    await page.getByLabel("Temuan").fill("Pengukuran panjang badan di Posyandu Mawar belum rutin.");
    await page.getByLabel(/Wali Desa — Nama/).fill("H. Abdul Karim");
    await page.getByLabel(/Kader Pembangunan Manusia \(KPM\) — Nama/).fill("Siti Rahmah");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.getByText("Draf disimpan.").waitFor();
    await shot("2-desa-draft");
    await page.getByRole("button", { name: "Terbitkan dan kirim" }).click();
    await page.getByRole("link", { name: "Unduh PDF" }).waitFor();
    const reportUrl = page.url();
    await shot("3-desa-issued");

    // The kecamatan sees it in its inbox and acknowledges it.
    await login("tpps.kuaro");
    await page.goto(`${server.url}/wilayah/${KUARO}/laporan`);
    await page.getByRole("heading", { name: /Laporan masuk dari tingkat di bawahnya/ }).waitFor();
    await page.getByText(/Sandeley · Versi 1 · Diterbitkan/).waitFor();
    await shot("4-kecamatan-inbox");
    await page
      .getByRole("region", { name: /Laporan masuk/ })
      .getByRole("link", { name: /Laporan Tahunan Konvergensi/ })
      .click();
    await page.getByLabel("Catatan tanggapan").fill("Diterima, mohon lengkapi data KEK.");
    await page.getByRole("button", { name: "Tandai sudah diterima" }).click();
    await page.getByText(/Ditanggapi .* — Diterima, mohon lengkapi data KEK\./).waitFor();
    await shot("5-kecamatan-acknowledged");

    // The desa corrects it: version 2 is a draft, version 1 stays as it was.
    await login("desa.sandeley");
    await page.goto(reportUrl);
    await page.getByRole("button", { name: "Buat koreksi (versi baru)" }).click();
    await page.getByRole("heading", { name: "Semua versi" }).waitFor();
    await page
      .getByText(/Versi 2 · Draf/)
      .first()
      .waitFor();
    await shot("6-desa-version2");
    await page.getByRole("link", { name: "Versi 1", exact: true }).click();
    await page.getByText(/Versi 1 · Sudah ditanggapi · Sudah dikoreksi/).waitFor();
    await page.getByText("Pengukuran panjang badan di Posyandu Mawar belum rutin.").waitFor();
    await shot("7-desa-version1-readable");
    const pdf = await page.request.get(
      page.url().replace("/laporan/", "/api/reports/").concat("/report.pdf"),
    );
    expect(pdf.status()).toBe(200);
    expect(pdfText(await pdf.body()).replace(/\s+/g, " ")).toContain("H. Abdul Karim");

    await page.setViewportSize({ width: 1280, height: 900 });
    await shot("8-desktop-version1");
  }, 180_000);
});
