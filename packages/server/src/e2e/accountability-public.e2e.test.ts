/// <reference lib="dom" />
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { launchChromium, signIn } from "../testing/browser";
import { startLiveServer } from "../testing/live-server";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const YEAR = new Date().getUTCFullYear();

describe("reports owed on the home page, the method edited, achievements published — Chromium at 360 px and desktop", () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const shot = async (name: string) => {
    await page.screenshot({ path: join(SHOTS, `accountability-${name}.png`), fullPage: true });
    await page.screenshot({ path: join(SHOTS, `accountability-${name}-top.png`) });
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
    await page.setViewportSize({ width: 360, height: 780 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a kecamatan sees on its home page which desa have not sent their monthly report, and finds them on its reports page", async () => {
    await login("tpps.kuaro");
    await page.goto(`${server.url}/`);
    const line = page.getByRole("link", {
      name: /desa\/kelurahan di Kuaro belum mengirim Laporan Pemantauan Bulanan Layanan 1000 HPK/,
    });
    await line.waitFor();
    expect(Number(await page.getByTestId("inbox-count").textContent())).toBeGreaterThan(0);
    await shot("1-kecamatan-home");
    await line.click();
    await page.getByRole("heading", { name: /Laporan dan pertanggungjawaban — Kuaro/ }).waitFor();
    const due = page.getByRole("region", { name: /Laporan yang ditunggu/ });
    // a kecamatan expects ~100 reports: the list is folded, overdue ones first
    await due.getByText(/Tampilkan daftar/).click();
    await due.getByText("Sandeley").first().waitFor();
    await due.getByText("Terlambat").first().waitFor();
    await shot("2-kecamatan-due");
  }, 120_000);

  it("the regency TPPS changes a weight, the ranking is recomputed, published, and the public page shows it", async () => {
    await login("tpps.paser");
    await page.goto(`${server.url}/wilayah/64.01/penilaian-kinerja?tahun=${YEAR}`);
    await page.getByRole("button", { name: "Simpan sebagai draf" }).click();
    await page.getByText("Draf, menunggu penetapan TPPS").waitFor();
    await page.getByText("Ubah cara penilaian").click();
    await page.getByLabel("Bobot (0–100)").first().fill("20");
    await page.getByText(/Jumlah bobot: 90 dari 100\. Jumlah bobot harus 100\./).waitFor();
    expect(await page.getByRole("button", { name: "Simpan cara penilaian" }).isDisabled()).toBe(true);
    await page.locator("#as-edit-reports_on_time-weight").fill("20");
    await page.getByText("Jumlah bobot: 100 dari 100.").waitFor();
    await page.getByLabel(/Alasan pemilihan bobot/).fill("Laporan tepat waktu diutamakan tahun ini.");
    await shot("3-method-editor");
    await page.getByRole("button", { name: "Simpan cara penilaian" }).click();
    await page.getByText("Cara penilaian disimpan; peringkat sedang dihitung ulang.").waitFor();
    await page
      .getByText(/Bobot 20, persentase ÷ 100/)
      .first()
      .waitFor();
    await page.getByText("Laporan tepat waktu diutamakan tahun ini.").first().waitFor();
    await page.getByRole("button", { name: "Tetapkan dan umumkan" }).click();
    await page
      .getByText(/Ditetapkan dan diumumkan/)
      .first()
      .waitFor();
    await shot("4-ranking-published");

    // The public page, signed out.
    await page.request.post(`${server.url}/api/auth/logout`);
    await page.context().clearCookies();
    await page.goto(`${server.url}/publikasi/${YEAR}`);
    await page.getByRole("heading", { name: `Capaian kinerja ${YEAR}` }).waitFor();
    await page.getByText(/Ditetapkan dan diumumkan TPPS Kabupaten/).waitFor();
    await page.getByTestId("pa-met").waitFor();
    const desa = page.getByRole("table", { name: /Peringkat desa\/kelurahan \(144\)/ });
    expect(await desa.getByRole("row").count()).toBe(11);
    await page.getByRole("button", { name: "Tampilkan semua 144 desa" }).click();
    expect(await desa.getByRole("row").count()).toBe(145);
    await page.getByRole("button", { name: "Tampilkan 10 teratas saja" }).click();
    await page.getByRole("heading", { name: `Capaian kinerja ${YEAR}` }).scrollIntoViewIfNeeded();
    await shot("5-public-360");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("heading", { name: `Capaian kinerja ${YEAR}` }).scrollIntoViewIfNeeded();
    await shot("6-public-desktop");
  }, 180_000);
});
