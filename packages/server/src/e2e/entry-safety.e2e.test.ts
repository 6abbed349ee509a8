/// <reference lib="dom" />
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const P01 = "64.01.05.2003.P01";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `safety-${name}.png`), fullPage: true });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

async function allSent(page: Page) {
  await expect
    .poll(() => page.getByTestId("sync-pending").getAttribute("data-count").then(Number), { timeout: 20_000 })
    .toBe(0);
  await expect.poll(() => page.getByTestId("sync-bar").textContent()).toContain("Sinkron terakhir");
}

/** The regions of the records the phone holds for this user (IndexedDB `tumbuh-sync-<id>`). */
function storedRegions(page: Page, userId: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === name)) return [];
    return new Promise<string[]>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains("records")) return resolve([]);
        const all = db.transaction("records").objectStore("records").getAll();
        all.onsuccess = () => resolve((all.result as { regionCode: string }[]).map((r) => r.regionCode));
        all.onerror = () => reject(all.error);
      };
    });
  }, `tumbuh-sync-${userId}`);
}

describe("safety of entered data in Chromium at 360 px", () => {
  const live = useLiveBrowser(SHOTS);
  let childId = "";

  async function post(page: Page, path: string, data: object) {
    const res = await page.request.post(`${live.server.url}${path}`, { data });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  }

  it("kader: the day shows last weight, T/2T and stunting flags and who is due; an implausible value is confirmed, then corrected", async () => {
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "kader.melati");
    const born = monthsAgo(20);
    const child = async (name: string, parentName: string) =>
      (await post(page, "/api/persons", { regionCode: P01, name, sex: 1, birthDate: born, parentName }))
        .person.id as string;
    const tidak = await child("Raka Tidak Naik", "Ibu Wulan");
    const pendek = await child("Bagas Pendek", "Ibu Sri");
    const salah = await child("Dimas Salah Ketik", "Ibu Nurhayati");
    childId = salah;
    // Two weighings without gain after a first: T, T = 2T (refer).
    for (const [n, kg] of [
      [3, 10.2],
      [2, 10.2],
      [1, 10.1],
    ] as const) {
      await post(page, "/api/measurements", { personId: tidak, measuredOn: monthsAgo(n), weightKg: kg });
    }
    await post(page, "/api/measurements", {
      personId: pendek,
      measuredOn: monthsAgo(1),
      weightKg: 9.4,
      lenheiCm: 75.5,
      measure: "l",
    });
    await post(page, "/api/measurements", {
      personId: salah,
      measuredOn: monthsAgo(1),
      weightKg: 10.6,
      lenheiCm: 81,
      measure: "l",
    });

    await page.goto(`${live.server.url}/posyandu/${encodeURIComponent(P01)}`);
    await allSent(page);
    const rows = page.getByTestId("pd-children");
    await expect.poll(() => rows.getAttribute("data-count")).toBe("3");
    await shot(page, "01-kader-day-flags");
    const rowOf = (name: string) => page.locator("[data-testid=pd-children] li", { hasText: name });
    await expect.poll(() => rowOf("Raka Tidak Naik").locator('[data-flag="2T"]').count()).toBe(1);
    expect(await rowOf("Raka Tidak Naik").textContent()).toMatch(/Terakhir 10,1 kg/);
    expect(await rowOf("Bagas Pendek").locator("[data-flag=stunting]").count()).toBe(1);
    expect(await page.locator("[data-flag=due]").count()).toBe(3);

    // Sound-alike search by the mother's name.
    await page.getByTestId("pd-search").fill("Nurhayati");
    await expect.poll(() => rows.getAttribute("data-count")).toBe("1");
    await page.getByTestId("pd-search").fill("Nurhajati");
    await expect.poll(() => rows.getAttribute("data-count")).toBe("1");

    await rowOf("Dimas Salah Ketik").getByRole("link").click();
    const form = page.getByTestId("pd-form");
    await form.getByLabel("Berat badan (kg)").fill("10,8");
    await form.getByLabel("Panjang/Tinggi badan (cm)").fill("45");
    await form.getByRole("button", { name: "Simpan pengukuran" }).click();
    const confirm = page.getByTestId("implausible");
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain("kesalahan ukur 0,7 cm");
    await shot(page, "02-kader-implausible-asks");
    await confirm.getByLabel("Alasan tetap menyimpan").fill("Diukur ulang, tetap 45");
    await confirm.getByRole("button", { name: "Simpan dengan alasan" }).click();
    await page.getByTestId("pd-result").waitFor();
    await allSent(page);

    // Afterwards the cadre sees the typo and corrects it: a new revision, the old value kept on the server.
    await page.getByRole("button", { name: "Koreksi pengukuran ini" }).click();
    const fix = page.getByTestId("pd-form");
    await fix.getByLabel("Panjang/Tinggi badan (cm)").fill("81,5");
    await fix.getByLabel("Alasan koreksi").fill("Salah ketik, seharusnya 81,5");
    await shot(page, "03-kader-correcting");
    await fix.getByRole("button", { name: "Simpan koreksi" }).click();
    await page.getByTestId("pd-result").waitFor();
    await allSent(page);
    await shot(page, "04-kader-corrected");

    const rowsOnServer = await live.server.db.kysely
      .selectFrom("measurements")
      .select(["lenhei_cm", "deleted_at", "supersedes", "implausible_json", "change_reason"])
      .where("person_id", "=", salah)
      .where("measured_on", "=", daysAgo(0))
      .orderBy("created_at")
      .execute();
    expect(rowsOnServer).toHaveLength(2);
    expect(rowsOnServer[0]).toMatchObject({ lenhei_cm: 45, change_reason: "Salah ketik, seharusnya 81,5" });
    expect(rowsOnServer[0]?.deleted_at).not.toBeNull();
    expect(JSON.parse(rowsOnServer[0]?.implausible_json ?? "{}").reason).toBe("Diukur ulang, tetap 45");
    expect(rowsOnServer[1]).toMatchObject({ lenhei_cm: 81.5, deleted_at: null });
    const view = await (await page.request.get(`${live.server.url}/api/persons/${salah}`)).json();
    expect(view.measurements.map((m: { lenheiCm: number }) => m.lenheiCm)).toEqual([81, 81.5]);
    await page.close();
  });

  it("viewer: the posyandu day downloads nothing and no page offers an edit control", async () => {
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "peninjau");
    await page.goto(`${live.server.url}/posyandu`);
    await page.getByTestId("pd-read-only").waitFor();
    await shot(page, "05-viewer-posyandu");
    const me = await (await page.request.get(`${live.server.url}/api/me`)).json();
    expect(await storedRegions(page, me.id)).toEqual([]);
    const editWords =
      /^(\+ )?(Simpan|Ubah|Daftarkan|Catat|Tambah|Hapus|Koreksi|Batalkan|Impor|Buat|Gabungkan)/;
    for (const path of [
      "/",
      `/wilayah/${encodeURIComponent("64.01.05.2003")}`,
      `/wilayah/${encodeURIComponent(P01)}`,
      `/wilayah/${encodeURIComponent("64.01.05.2003")}/daftar`,
      `/wilayah/${encodeURIComponent("64.01.05.2003")}/sasaran`,
      `/anak/${childId}`,
      "/posyandu",
    ]) {
      await page.goto(`${live.server.url}${path}`);
      await page.waitForLoadState("networkidle");
      const controls = await page
        .locator("main button, main a.button, main input[type=submit]")
        .allTextContents();
      await shot(page, `viewer${path.replace(/[^a-z0-9]+/gi, "-")}`);
      expect(
        // Changing one's own password is everyone's right; it writes no data.
        controls.filter((c) => editWords.test(c.trim()) && !c.includes("kata sandi")),
        path,
      ).toEqual([]);
    }
    await shot(page, "06-viewer-region");
    await page.close();
  });

  it("regency user: the posyandu day first asks which posyandu to keep, and downloads only that one", async () => {
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "tpps.paser");
    await page.goto(`${live.server.url}/posyandu`);
    const chooser = page.getByTestId("pd-keep");
    await chooser.waitFor();
    const me = await (await page.request.get(`${live.server.url}/api/me`)).json();
    expect(await storedRegions(page, me.id)).toEqual([]);
    await chooser.getByTestId("pd-keep-search").fill("Melati");
    await shot(page, "07-regency-choose");
    await chooser.getByRole("button", { name: /Posyandu Melati/ }).click();
    await page.getByTestId("pd-kept").waitFor();
    await allSent(page);
    await expect.poll(() => page.getByTestId("pd-children").getAttribute("data-count")).not.toBe("0");
    await shot(page, "08-regency-day");
    const regions = await storedRegions(page, me.id);
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r === P01 || r.startsWith(`${P01}.`))).toBe(true);
    await page.close();
  });
});
