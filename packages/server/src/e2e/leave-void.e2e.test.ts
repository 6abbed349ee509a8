/// <reference lib="dom" />
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";

// Issue 17 in Chromium at 360 px: a kader marks a child moved away and the child leaves the posyandu day;
// a service recorded by mistake is voided with a reason and leaves the figures; a TPK visit recorded by
// mistake is voided from the team's page (the viewer sees no button); a mistaken moved-away mark is undone
// on the person's page and the child is back on the posyandu day.
const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const P01 = "64.01.05.2003.P01";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `leave-void-${name}.png`), fullPage: true });
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

describe("moved away and voided records in Chromium at 360 px", () => {
  const live = useLiveBrowser(SHOTS);

  async function post(page: Page, path: string, data: object) {
    const res = await page.request.post(`${live.server.url}${path}`, { data });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  }

  it("kader: a child marked moved away (after a confirm step) leaves the posyandu day, on the phone and the server", async () => {
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "kader.melati");
    const child = async (name: string) =>
      (await post(page, "/api/persons", { regionCode: P01, name, sex: 2, birthDate: monthsAgo(14) })).person
        .id as string;
    await child("Nadia Tetap");
    const rafa = await child("Rafa Pindah");

    await page.goto(`${live.server.url}/posyandu/${encodeURIComponent(P01)}`);
    await allSent(page);
    const rows = page.getByTestId("pd-children");
    await expect.poll(() => rows.getAttribute("data-count")).toBe("2");
    await page.locator("[data-testid=pd-children] li", { hasText: "Rafa Pindah" }).getByRole("link").click();

    await page.getByTestId("leave-open").click();
    const form = page.getByTestId("leave-form");
    await form.getByText("Pindah tempat tinggal").click();
    await form.getByLabel("Catatan").fill("Ikut orang tua ke Balikpapan");
    await form.getByRole("button", { name: "Lanjut" }).click();
    const warning = form.locator(".alert--warn");
    await warning.waitFor();
    // The confirmation says from when and what follows, in Indonesian, the date written out.
    expect(await warning.textContent()).toMatch(
      /^Mulai \d{1,2} [A-Z][a-z]+ \d{4} orang ini tidak lagi muncul/,
    );
    await shot(page, "01-kader-confirm-moved");
    await form.getByRole("button", { name: "Ya, tandai" }).click();

    // Back on the day: one child left, at once (offline-first), and still after the server answered.
    await expect.poll(() => rows.getAttribute("data-count")).toBe("1");
    expect(await rows.textContent()).not.toContain("Rafa Pindah");
    await allSent(page);
    await expect.poll(() => rows.getAttribute("data-count")).toBe("1");
    await shot(page, "02-kader-day-without-rafa");
    const stored = await live.server.db.kysely
      .selectFrom("persons")
      .select(["left_on", "left_reason"])
      .where("id", "=", rafa)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ left_on: new Date().toISOString().slice(0, 10), left_reason: "moved" });

    // The person page (online) says since when, and offers no second mark.
    await page.goto(`${live.server.url}/anak/${rafa}`);
    await page.getByTestId("person-left").waitFor();
    expect(await page.getByTestId("person-left").textContent()).toMatch(
      /^Pindah sejak \d{1,2} [A-Z][a-z]+ \d{4}$/,
    );
    expect(await page.getByTestId("leave-open").count()).toBe(0);
    await shot(page, "03-person-page-moved");
    await page.close();
  });

  it("KPM: a service recorded for the wrong child is voided with a reason and confirmed; kept, marked, sent once", async () => {
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "kpm.sandeley");
    const { person } = await post(page, "/api/persons", {
      regionCode: P01,
      name: "Salsa Layanan",
      sex: 2,
      birthDate: monthsAgo(10),
    });
    const rec = await post(page, "/api/service-records", {
      personId: person.id,
      service: "konseling_gizi",
      givenOn: monthsAgo(0),
    });
    await page.goto(`${live.server.url}/layanan/${person.id}`);
    const history = page.getByTestId("service-history");
    await history.waitFor();
    await history.getByRole("button", { name: /^Batalkan/ }).click();
    const form = page.getByTestId("void-form");
    await form.getByLabel("Alasan pembatalan").fill("Salah anak, seharusnya kakaknya");
    await form.getByRole("button", { name: "Lanjut" }).click();
    await form.locator(".alert--warn").waitFor();
    expect(await form.locator(".alert--warn").textContent()).toContain("tidak lagi dihitung di kartu skor");
    await shot(page, "04-kpm-void-confirm");
    await form.getByRole("button", { name: "Ya, batalkan" }).click();
    await allSent(page);
    await expect.poll(() => history.textContent()).toContain("dibatalkan: Salah anak, seharusnya kakaknya");
    expect(await history.getByRole("button", { name: /^Batalkan/ }).count()).toBe(0);
    await shot(page, "05-kpm-voided");
    const row = await live.server.db.kysely
      .selectFrom("service_records")
      .select(["voided_at", "void_reason"])
      .where("id", "=", rec.id)
      .executeTakeFirstOrThrow();
    expect(row.void_reason).toBe("Salah anak, seharusnya kakaknya");
    expect(row.voided_at).not.toBeNull();
    const audit = await live.server.db.kysely
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", rec.id)
      .where("action", "=", "service.void")
      .execute();
    expect(audit).toHaveLength(1);
    await page.close();
  });
  it("KPM: a TPK visit recorded by mistake is voided with a reason from the team page; the viewer sees no button", async () => {
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "kpm.sandeley");
    const today = monthsAgo(0);
    const household = await post(page, "/api/households", {
      regionCode: "64.01.05.2003.D01",
      headName: "Hasan",
      address: "RT 3 Sandeley",
      waterSource: "ledeng",
      latrineType: "sendiri_septik",
    });
    const teamId = crypto.randomUUID();
    await post(page, "/api/tpk-teams", { id: teamId, regionCode: "64.01.05.2003", name: "TPK Uji Batal" });
    const memberId = crypto.randomUUID();
    await post(page, `/api/tpk-teams/${teamId}/members`, { id: memberId, name: "Ibu Yuni", role: "pkk" });
    const assignmentId = crypto.randomUUID();
    const dueBefore = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await post(page, "/api/tpk-assignments", {
      id: assignmentId,
      memberId,
      subjectKind: "keluarga",
      subjectId: household.id,
      firstDueOn: dueBefore,
    });
    const visitId = crypto.randomUUID();
    await post(page, "/api/tpk-visits", {
      id: visitId,
      assignmentId,
      visitedOn: today,
      counselling: "Makanan bergizi seimbang",
    });

    await page.goto(`${live.server.url}/tpk/${teamId}`);
    const history = page.getByTestId("visit-history");
    await history.waitFor();
    await history.locator("summary").click();
    expect(await history.locator("summary").textContent()).toBe("Riwayat kunjungan (1)");
    await history.getByRole("button", { name: /^Batalkan/ }).click();
    const form = page.getByTestId("void-form");
    await form.getByLabel("Alasan pembatalan").fill("Salah keluarga, yang dikunjungi tetangga");
    await form.getByRole("button", { name: "Lanjut" }).click();
    const warning = form.locator(".alert--warn");
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(
      /^Kunjungan Hasan — RT 3 Sandeley \d{1,2} [A-Z][a-z]+ \d{4} akan dibatalkan dengan alasan “Salah keluarga, yang dikunjungi tetangga”\. .*jadwal kunjungan/,
    );
    await shot(page, "06-kpm-visit-void-confirm");
    await form.getByRole("button", { name: "Ya, batalkan" }).click();
    await allSent(page);
    // Back from the server: kept in the history, struck, with the reason; the visit no longer moves the due date.
    await expect
      .poll(() => history.textContent(), { timeout: 20_000 })
      .toContain("Dibatalkan: Salah keluarga, yang dikunjungi tetangga");
    // The reload after sending may have closed the history: open it again to see the struck visit.
    if (!(await history.evaluate((el) => (el as HTMLDetailsElement).open)))
      await history.locator("summary").click();
    expect(await history.getByRole("button", { name: /^Batalkan/ }).count()).toBe(0);
    const card = page.locator("article", { has: history });
    expect(await card.textContent()).toMatch(/Terlambat sejak/);
    expect(await card.textContent()).not.toMatch(/Kunjungan terakhir/);
    const struck = await history
      .locator(".fam-visit__what")
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(struck).toBe("line-through");
    await shot(page, "07-kpm-visit-voided");
    const row = await live.server.db.kysely
      .selectFrom("tpk_visits")
      .select(["voided_at", "void_reason"])
      .where("id", "=", visitId)
      .executeTakeFirstOrThrow();
    expect(row.void_reason).toBe("Salah keluarga, yang dikunjungi tetangga");
    const audit = await live.server.db.kysely
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", visitId)
      .where("action", "=", "tpk_visit.void")
      .execute();
    expect(audit).toHaveLength(1);

    // A family screening recorded for the wrong household, voided on the family page the same way.
    await post(page, "/api/family-screenings", {
      id: crypto.randomUUID(),
      householdId: household.id,
      screenedOn: today,
      observed: { foodAdequate: false },
    });
    await page.goto(`${live.server.url}/keluarga/${household.id}`);
    const screening = page.getByTestId("screening");
    await screening.waitFor();
    await screening.getByRole("button", { name: /^Batalkan/ }).click();
    const sForm = page.getByTestId("void-form");
    await sForm.getByLabel("Alasan pembatalan").fill("Rumah yang salah");
    await sForm.getByRole("button", { name: "Lanjut" }).click();
    expect(await sForm.locator(".alert--warn").textContent()).toContain("status risiko");
    await sForm.getByRole("button", { name: "Ya, batalkan" }).click();
    await allSent(page);
    await expect
      .poll(() => screening.textContent(), { timeout: 20_000 })
      .toContain("Dibatalkan: Rumah yang salah");
    expect(await screening.getByRole("button").count()).toBe(0);
    await shot(page, "08-kpm-screening-voided");
    await page.close();

    // The read-only viewer sees the history, never a button.
    await live.browser.context.clearCookies();
    const viewer = await live.browser.context.newPage();
    await signIn(viewer, live.server.url, "peninjau");
    await viewer.goto(`${live.server.url}/tpk/${teamId}`);
    const seen = viewer.getByTestId("visit-history");
    await seen.waitFor();
    await seen.locator("summary").click();
    expect(await seen.textContent()).toContain("Dibatalkan: Salah keluarga");
    expect(await viewer.getByRole("button", { name: /Batalkan/ }).count()).toBe(0);
    expect(await viewer.getByRole("button", { name: /Catat kunjungan/ }).count()).toBe(0);
    await shot(viewer, "08-viewer-no-void-button-tpk");
    await viewer.setViewportSize({ width: 1280, height: 900 });
    await shot(viewer, "08-viewer-no-void-button-tpk-desktop");
    await viewer.close();
  });

  it("kader: a moved-away mark made by mistake is undone on the person page (confirm step); the child is back", async () => {
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "kader.melati");
    const { person } = await post(page, "/api/persons", {
      regionCode: P01,
      name: "Dimas Kembali",
      sex: 1,
      birthDate: monthsAgo(20),
    });
    await post(page, `/api/persons/${person.id}/leave`, { leftOn: monthsAgo(0), reason: "moved" });

    await page.goto(`${live.server.url}/anak/${person.id}`);
    await page.getByTestId("person-left").waitFor();
    await page.getByTestId("leave-undo-open").click();
    const form = page.getByTestId("leave-undo-form");
    await form.getByRole("button", { name: "Lanjut" }).click();
    // No reason: the form says so and stays.
    expect(await form.getByRole("alert").textContent()).toBe("Tulis alasannya (minimal 3 huruf).");
    await form.getByLabel("Alasan pembatalan").fill("Salah tandai, yang pindah kakaknya");
    await form.getByRole("button", { name: "Lanjut" }).click();
    const warning = form.locator(".alert--warn");
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(
      /^Tanda “Pindah sejak \d{1,2} [A-Z][a-z]+ \d{4}” dihapus dengan alasan “Salah tandai, yang pindah kakaknya”\. Orang ini kembali muncul/,
    );
    await shot(page, "09-kader-undo-confirm");
    await form.getByRole("button", { name: "Ya, batalkan tanda" }).click();
    await page.getByTestId("leave-open").waitFor();
    expect(await page.getByTestId("person-left").count()).toBe(0);
    await shot(page, "10-person-page-back");
    const stored = await live.server.db.kysely
      .selectFrom("persons")
      .select(["left_on", "left_reason"])
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ left_on: null, left_reason: null });

    // Back on the posyandu day.
    await page.goto(`${live.server.url}/posyandu/${encodeURIComponent(P01)}`);
    await allSent(page);
    await expect
      .poll(() => page.getByTestId("pd-children").textContent(), { timeout: 20_000 })
      .toContain("Dimas Kembali");
    await shot(page, "11-kader-day-with-dimas");
    await page.close();
  });
  it("bidan: a catin screening with a wrong weight is voided; no certificate is offered from it", async () => {
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "bidan.sandeley");
    const catinId = crypto.randomUUID();
    await post(page, "/api/catin", {
      id: catinId,
      person: { regionCode: "64.01.05.2003", name: "Sari Catin", sex: 2, birthDate: "2003-04-04" },
      marriageDate: new Date(Date.now() + 150 * 86_400_000).toISOString().slice(0, 10),
    });
    await post(page, `/api/catin/${catinId}/screenings`, {
      id: crypto.randomUUID(),
      screenedOn: monthsAgo(0),
      weightKg: 140,
      heightCm: 155,
    });
    await page.goto(`${live.server.url}/catin/${catinId}`);
    const result = page.getByTestId("catin-result");
    await result.waitFor();
    expect(await result.getByTestId("certificate-link").count()).toBe(1);
    await result.getByRole("button", { name: /^Batalkan/ }).click();
    const form = page.getByTestId("void-form");
    await form.getByLabel("Alasan pembatalan").fill("Berat badan salah tulis, 40 bukan 140");
    await form.getByRole("button", { name: "Lanjut" }).click();
    expect(await form.locator(".alert--warn").textContent()).toContain("cakupan catin");
    await form.getByRole("button", { name: "Ya, batalkan" }).click();
    await allSent(page);
    await expect
      .poll(() => result.textContent(), { timeout: 20_000 })
      .toContain("Dibatalkan: Berat badan salah tulis, 40 bukan 140");
    expect(await result.getByTestId("certificate-link").count()).toBe(0);
    expect(await result.getByRole("button").count()).toBe(0);
    await shot(page, "12-bidan-catin-voided");
    await page.close();
  });
});
