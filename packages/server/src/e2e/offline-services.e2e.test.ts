/// <reference lib="dom" />
import { join } from "node:path";
import { addDays, todayIso } from "@tumbuh/core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";
import { uuidv7 } from "../util/ids";

// Issue 6 and 8 through the offline sync of issue 5: a KPM without signal records a service given to a
// child and a TPK visit; both stay on the phone across a reload, and arrive once when the signal returns.
const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const DESA = "64.01.05.2003";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `offline-services-${name}.png`), fullPage: true });
const pendingCount = (page: Page) => page.getByTestId("sync-pending").getAttribute("data-count").then(Number);

describe("service records and TPK visits offline in Chromium at 360 px", () => {
  const live = useLiveBrowser(SHOTS);
  const today = todayIso();

  it("records a service and a TPK visit without signal, keeps them over a reload, and sends each once", async () => {
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "kpm.sandeley");
    const call = async (method: "GET" | "POST", url: string, data?: object) => {
      const res = await page.request.fetch(`${live.server.url}${url}`, { method, ...(data ? { data } : {}) });
      expect(res.status(), `${url} ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    // The desa's registry and its TPK team with one family assigned, all made online before the day.
    const hh = await call("POST", "/api/households", {
      regionCode: `${DESA}.D01`,
      headName: "Hasan",
      address: "RT 3 Sandeley",
      waterSource: "sumur_tak_terlindung",
      latrineType: "cemplung",
    });
    const child = await call("POST", "/api/persons", {
      regionCode: DESA,
      householdId: hh.id,
      name: "Rizky Luring",
      sex: 1,
      birthDate: addDays(today, -500),
    });
    const childId: string = child.person.id;
    const teamId = uuidv7();
    const memberId = uuidv7();
    const assignmentId = uuidv7();
    await call("POST", "/api/tpk-teams", { id: teamId, regionCode: DESA, name: "TPK Sandeley Luring" });
    await call("POST", `/api/tpk-teams/${teamId}/members`, { id: memberId, name: "Ibu Yuni", role: "pkk" });
    await call("POST", "/api/tpk-assignments", {
      id: assignmentId,
      memberId,
      subjectKind: "keluarga",
      subjectId: hh.id,
      firstDueOn: today,
    });

    // Online once: the app (service worker) and the pages the KPM will use are kept on the phone.
    await page.goto(`${live.server.url}/layanan/${childId}`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByRole("heading", { name: "Catat layanan" }).waitFor();
    await expect
      .poll(() => page.getByTestId("sync-bar").textContent(), { timeout: 20_000 })
      .toContain("Sinkron terakhir");
    await page.goto(`${live.server.url}/tpk/${teamId}`);
    await page.getByRole("heading", { name: "TPK Sandeley Luring" }).waitFor();

    // No signal: a nutrition counselling for the child…
    await live.browser.context.setOffline(true);
    await page.goto(`${live.server.url}/layanan/${childId}`);
    await page.getByText("Konseling gizi / kelas ibu").click();
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.getByText("Layanan disimpan di HP").waitFor();
    await expect
      .poll(() => page.getByTestId("service-unsent").innerText())
      .toMatch(/Konseling gizi.*belum terkirim/);
    expect(await pendingCount(page)).toBe(1);
    await shot(page, "01-service-offline");

    // …and a TPK visit to the family.
    await page.goto(`${live.server.url}/tpk/${teamId}`);
    const card = page.getByRole("article").filter({ hasText: "Hasan" });
    await card.getByRole("button", { name: "Catat kunjungan" }).click();
    await card.getByLabel("Penyuluhan").fill("Air minum dimasak, cuci tangan pakai sabun");
    await shot(page, "02-visit-form-offline");
    await card.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.getByTestId("visit-unsent").waitFor();
    expect(await pendingCount(page)).toBe(2);

    // A reload without signal: both still on the phone, still waiting.
    await page.reload();
    await page.getByTestId("visit-unsent").waitFor();
    expect(await page.getByTestId("visit-unsent").innerText()).toMatch(/Kunjungan .* belum terkirim/);
    await expect.poll(() => pendingCount(page)).toBe(2);
    await shot(page, "03-visit-reloaded-offline");
    await page.goto(`${live.server.url}/layanan/${childId}`);
    await page.getByTestId("service-unsent").waitFor();
    expect(await pendingCount(page)).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Signal returns: the outbox goes by itself, the history shows the record from the live.server.
    await live.browser.context.setOffline(false);
    await expect.poll(() => pendingCount(page), { timeout: 20_000 }).toBe(0);
    await page.getByTestId("service-history").waitFor();
    expect(await page.getByTestId("service-history").innerText()).toMatch(/Konseling gizi/);
    expect(await page.getByTestId("service-unsent").count()).toBe(0);
    await shot(page, "04-service-synced");
    // A second sync by hand sends nothing twice.
    await page.getByRole("button", { name: "Sinkronkan" }).click();
    await expect.poll(() => pendingCount(page)).toBe(0);

    const records = await call("GET", `/api/persons/${childId}/service-records`);
    expect(records.map((r: { service: string }) => r.service)).toEqual(["konseling_gizi"]);
    const k = live.server.db.kysely;
    expect(
      await k.selectFrom("service_records").select("id").where("person_id", "=", childId).execute(),
    ).toHaveLength(1);
    expect(
      await k
        .selectFrom("tpk_visits")
        .select("counselling")
        .where("assignment_id", "=", assignmentId)
        .execute(),
    ).toEqual([{ counselling: "Air minum dimasak, cuci tangan pakai sabun" }]);
    await page.goto(`${live.server.url}/tpk/${teamId}`);
    await page.getByText(/Kunjungan terakhir/).waitFor();
    expect(await page.getByTestId("visit-unsent").count()).toBe(0);
    await shot(page, "05-visit-synced");
  });
});
