/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { join } from "node:path";
import { addDays, todayIso } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const DESA = "64.01.05.2003";

describe("the midwife's list of pregnant women in Chromium at 360 px (issue 17)", () => {
  const live = useLiveBrowser(SHOTS);

  it("lists each woman with her week, trimester, ANC, TTD, risks and HPL, and opens her visits", async () => {
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "bidan.sandeley");
    const post = async (url: string, data: object) => {
      const res = await page.request.post(`${live.server.url}${url}`, { data });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json();
    };
    const today = todayIso();
    const woman = async (name: string, birthDate: string, regionCode: string) =>
      (await post("/api/persons", { regionCode, name, sex: 2, birthDate })).person.id as string;
    // Sari: 34 weeks, KEK, two ANC visits and iron tablets; Dewi: 10 weeks, anaemic and high-risk;
    // Wati: 18 weeks with no visit at all (T1 is over: one ANC missing).
    const sari = await woman("Sari Wulandari", "1999-03-02", `${DESA}.P01`);
    const dewi = await woman("Dewi Lestari", "2004-11-20", `${DESA}.P02`);
    const wati = await woman("Wati Susanti", "1996-07-15", `${DESA}.P01`);
    await post("/api/pregnancies", {
      personId: sari,
      lmpDate: addDays(today, -240),
      gravida: 2,
      muacCm: 22,
      hbGdl: 11.8,
      highRisk: false,
    });
    await post("/api/pregnancies", {
      personId: dewi,
      lmpDate: addDays(today, -70),
      gravida: 1,
      hbGdl: 10.1,
      highRisk: true,
      highRiskNote: "Preeklamsia pada kehamilan lalu",
    });
    await post("/api/pregnancies", {
      personId: wati,
      lmpDate: addDays(today, -126),
      gravida: 3,
      highRisk: false,
    });
    for (const [service, days] of [
      ["anc", -200],
      ["anc", -120],
      ["ttd", -120],
      ["ttd", -60],
    ] as const) {
      await post("/api/service-records", { personId: sari, service, givenOn: addDays(today, days) });
    }

    // From the home page, the midwife's first task is her list of pregnant women
    await page.goto(`${live.server.url}/`);
    // the home page: the inbox with its count first, then the midwife's main tasks
    await page.getByTestId("inbox-count").waitFor();
    await page.screenshot({ path: join(SHOTS, "home-bidan-360.png"), fullPage: true });
    await page
      .getByRole("link", { name: /Ibu hamil/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Ibu hamil", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/wilayah/${DESA}/ibu-hamil`);

    const card = (name: string) => page.locator("a.anc-card", { hasText: name });
    await card("Sari Wulandari").waitFor();
    // soonest HPL first
    const names = await page.locator("a.anc-card .link-card__title").allTextContents();
    expect(names).toEqual(["Sari Wulandari", "Wati Susanti", "Dewi Lestari"]);
    const sariText = (await card("Sari Wulandari").textContent()) ?? "";
    expect(sariText).toContain("Posyandu Melati");
    expect(sariText).toContain("Usia kehamilan 34 minggu 2 hari · Trimester III");
    expect(sariText).toContain("ANC 2 kali (T1: 1 · T2: 1 · T3: 0)");
    expect(sariText).toContain("TTD diberikan 2 bulan");
    expect(sariText).toContain("KEK");
    expect(sariText).toContain("(40 hari lagi)");
    // dates as Indonesians write them, month in words
    expect(sariText).toMatch(
      /HPL \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/,
    );
    const dewiText = (await card("Dewi Lestari").textContent()) ?? "";
    expect(dewiText).toContain("Risiko tinggi");
    expect(dewiText).toContain("Anemia");
    expect(dewiText).toContain("Trimester I");
    expect(await card("Wati Susanti").textContent()).toContain("ANC kurang 1");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "pregnant-women-360.png"), fullPage: true });

    // the filters: at risk = Sari (KEK) and Dewi
    await page.getByRole("button", { name: /Berisiko/ }).click();
    expect(await page.locator("a.anc-card .link-card__title").allTextContents()).toEqual([
      "Sari Wulandari",
      "Dewi Lestari",
    ]);
    await page.getByRole("button", { name: /ANC tertinggal/ }).click();
    expect(await page.locator("a.anc-card .link-card__title").allTextContents()).toEqual(["Wati Susanti"]);
    await page.getByRole("button", { name: /Semua/ }).click();

    // her page shows the visits of this pregnancy
    await card("Sari Wulandari").click();
    await page.getByRole("heading", { name: "Sari Wulandari", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Kunjungan dan layanan (ANC 2 kali)" }).waitFor();
    expect(await page.getByText("Pemeriksaan kehamilan (ANC)").count()).toBe(2);
    expect(await page.getByText("Tablet tambah darah (TTD)").count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, "pregnant-woman-visits-360.png"), fullPage: true });

    await page.goto(`${live.server.url}/wilayah/${DESA}/ibu-hamil`);
    await card("Sari Wulandari").waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SHOTS, "pregnant-women-1280.png"), fullPage: true });
    await page.close();
  });
});
