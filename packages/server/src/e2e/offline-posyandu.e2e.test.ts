/// <reference lib="dom" />
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { launchChromium, signIn } from "../testing/browser";
import { startLiveServer } from "../testing/live-server";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const P01 = "64.01.05.2003.P01";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `posyandu-${name}.png`), fullPage: true });

async function login(page: Page, url: string, username: string) {
  await signIn(page, url, username);
}

/** The service worker controls the page, so the app opens without a network. */
async function controlledBySw(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

const pendingCount = (page: Page) => page.getByTestId("sync-pending").getAttribute("data-count").then(Number);

async function allSent(page: Page) {
  await expect.poll(() => pendingCount(page), { timeout: 20_000 }).toBe(0);
  await expect.poll(() => page.getByTestId("sync-bar").textContent()).toContain("Sinkron terakhir");
}

describe("offline posyandu day in Chromium at 360 px", () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let a: Awaited<ReturnType<typeof launchChromium>>;
  let b: Awaited<ReturnType<typeof launchChromium>>;
  const names = Array.from({ length: 12 }, (_, i) => `Anak Melati ${String(i + 1).padStart(2, "0")}`);
  const ids: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer();
    a = await launchChromium();
    b = await launchChromium();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
  });

  async function api(context: BrowserContext, method: "GET" | "POST", path: string, data?: object) {
    const res = await context.request.fetch(`${server.url}${path}`, { method, ...(data ? { data } : {}) });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  }

  it("weighs 10 children and registers one without signal, survives a reload, and syncs each exactly once", async () => {
    const page = await a.context.newPage();
    await login(page, server.url, "kader.melati");
    // The posyandu's children, registered online before the day (one with an earlier weighing).
    for (const [i, name] of names.entries()) {
      const birth = `2024-${String((i % 12) + 1).padStart(2, "0")}-15`;
      const r = await api(a.context, "POST", "/api/persons", {
        regionCode: P01,
        name,
        sex: (i % 2) + 1,
        birthDate: birth,
        parentName: `Ibu ${i + 1}`,
      });
      ids.push(r.person.id);
    }
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await api(a.context, "POST", "/api/measurements", {
      personId: ids[0],
      measuredOn: monthAgo,
      weightKg: 8.2,
      lenheiCm: 74,
      measure: "l",
    });

    await page.goto(`${server.url}/posyandu`);
    await controlledBySw(page);
    await page.getByRole("link", { name: /Posyandu Melati/ }).waitFor();
    await allSent(page);
    await shot(page, "01-pick");
    await page.getByRole("link", { name: /Posyandu Melati/ }).click();
    await expect.poll(() => page.getByTestId("pd-children").getAttribute("data-count")).toBe("12");
    await shot(page, "02-children-due");

    await a.context.setOffline(true);
    await page.getByRole("link", { name: /Anak Melati 01/ }).click();
    for (let n = 0; n < 10; n++) {
      const form = page.getByTestId("pd-form");
      await form.waitFor();
      await form.getByLabel("Berat badan (kg)").fill(`${9 + n / 10}`.replace(".", ","));
      await form.getByLabel("Panjang/Tinggi badan (cm)").fill(`${78 + n}`);
      if (n === 0) await shot(page, "03-entry-offline");
      await form.getByRole("button", { name: "Simpan pengukuran" }).click();
      const result = page.getByTestId("pd-result");
      await result.waitFor();
      await expect.poll(() => result.textContent()).toContain("Yang perlu dilakukan");
      if (n === 0) {
        // N/T against the earlier weighing, computed on the phone.
        expect(await result.textContent()).toMatch(/N – /);
        await shot(page, "04-result-offline");
      }
      await result.getByRole("button", { name: "Anak berikutnya" }).click();
    }
    expect(await pendingCount(page)).toBe(10);

    await page.goto(`${server.url}/posyandu/${encodeURIComponent(P01)}/baru`).catch(() => undefined);
    const newForm = page.getByTestId("pd-new");
    await newForm.waitFor();
    await newForm.getByLabel("Nama lengkap").fill("Bayi Baru Lahir");
    await newForm.getByText("Perempuan").click();
    await newForm.getByLabel("Tanggal lahir").fill("2026-01-02");
    await newForm.getByLabel("Nama orang tua/wali").fill("Ibu Sari");
    await shot(page, "05-new-child-offline");
    await newForm.getByRole("button", { name: "Daftarkan dan timbang" }).click();
    await page.getByTestId("pd-form").waitFor();
    expect(await pendingCount(page)).toBe(11);

    // A pregnant woman met on a home visit, registered with her pregnancy on the spot.
    await page.goto(`${server.url}/posyandu/${encodeURIComponent(P01)}/hamil`);
    const womanPart = page.getByTestId("pd-woman");
    await womanPart.getByText("Ibu baru").click();
    await womanPart.getByLabel("Nama lengkap").fill("Ibu Hamil Baru");
    await womanPart.getByLabel("Tanggal lahir").fill("2000-03-03");
    const preg = page.getByTestId("pd-pregnancy");
    const lmp = new Date(Date.now() - 70 * 86_400_000).toISOString().slice(0, 10);
    await preg.getByLabel("HPHT (hari pertama haid terakhir)").fill(lmp);
    await preg.getByLabel("Kehamilan ke- (gravida)").fill("1");
    await shot(page, "05b-pregnancy-offline");
    await preg.getByRole("button", { name: "Simpan" }).click();
    await page.getByTestId("pd-progress").waitFor();
    expect(await pendingCount(page)).toBe(13);
    await page.goto(`${server.url}/posyandu/${encodeURIComponent(P01)}`);
    await page.getByRole("link", { name: /Bayi Baru Lahir/ }).click();

    await page.reload();
    await page.getByRole("heading", { name: "Bayi Baru Lahir" }).waitFor();
    await page.getByRole("link", { name: "Kembali ke daftar anak" }).click();
    await expect
      .poll(() => page.getByTestId("pd-progress").textContent())
      .toContain("Sudah ditimbang 10 dari 13 anak");
    expect(await pendingCount(page)).toBe(13);
    await shot(page, "06-reloaded-offline");

    // Signal returns: the outbox goes by itself.
    await a.context.setOffline(false);
    await allSent(page);
    await shot(page, "07-synced");
    await page.getByRole("button", { name: "Sinkronkan" }).click();
    await allSent(page);

    for (const id of ids.slice(0, 10)) {
      const view = await api(a.context, "GET", `/api/persons/${id}`);
      expect(
        view.measurements.filter(
          (m: { measuredOn: string }) => m.measuredOn === new Date().toISOString().slice(0, 10),
        ),
      ).toHaveLength(1);
    }
    const found = await api(a.context, "GET", `/api/persons?region=${P01}&q=Bayi%20Baru`);
    expect(found.persons.map((p: { name: string }) => p.name)).toEqual(["Bayi Baru Lahir"]);
    const mothers = await api(a.context, "GET", `/api/persons?region=${P01}&q=Ibu%20Hamil`);
    expect(mothers.persons).toHaveLength(1);
    const mother = await api(a.context, "GET", `/api/persons/${mothers.persons[0].id}`);
    expect(
      mother.pregnancies.map((p: { lmpDate: string; gravida: number }) => [p.lmpDate, p.gravida]),
    ).toEqual([[lmp, 1]]);
    await page.close();
  });

  it("two phones rename the same child offline: one conflict, both names kept, a person decides", async () => {
    const pa = await a.context.newPage();
    const pb = await b.context.newPage();
    await login(pb, server.url, "bidan.sandeley");
    const id = ids[11] as string;
    const childUrl = `${server.url}/posyandu/${encodeURIComponent(P01)}/anak/${id}`;
    for (const p of [pa, pb]) {
      await p.goto(childUrl);
      await p.getByRole("heading", { name: "Anak Melati 12" }).waitFor();
      await allSent(p);
    }
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    for (const [p, name] of [
      [pa, "Anak Melati Dua Belas"],
      [pb, "Anak Melati XII"],
    ] as const) {
      await p.getByText("Ubah data anak").click();
      const edit = p.getByTestId("pd-edit");
      await edit.getByLabel("Nama lengkap").fill(name);
      await edit.getByRole("button", { name: "Simpan" }).click();
      await p.getByRole("heading", { name }).waitFor();
    }
    await a.context.setOffline(false);
    await allSent(pa);
    await b.context.setOffline(false);
    await allSent(pb);
    await pb.getByRole("link", { name: /bertabrakan/ }).click();
    const card = pb.getByTestId("conflict");
    await card.waitFor();
    expect(await card.getByTestId("conflict-mine").textContent()).toContain("Anak Melati XII");
    expect(await card.getByTestId("conflict-theirs").textContent()).toContain("Anak Melati Dua Belas");
    expect(await pb.getByTestId("conflict").count()).toBe(1);
    await shot(pb, "08-conflict");
    await card.getByRole("button", { name: "Pakai perubahan ini" }).click();
    await card.getByText("Sudah diputuskan.").or(pb.getByText("Tidak ada data yang bertabrakan.")).waitFor();
    const view = await api(b.context, "GET", `/api/persons/${id}`);
    expect(view.person.name).toBe("Anak Melati XII");
    const all = await api(b.context, "GET", "/api/sync/conflicts?open=0");
    expect(all.conflicts).toHaveLength(1);
    expect(all.conflicts[0]).toMatchObject({
      mine: { name: "Anak Melati XII" },
      theirs: { name: "Anak Melati Dua Belas" },
      resolution: "mine",
    });
    // Device A learns the decision through pull.
    await pa.reload();
    await pa.getByRole("button", { name: "Sinkronkan" }).click();
    await pa.getByRole("heading", { name: "Anak Melati XII" }).waitFor();
    await pa.close();
    await pb.close();
  });

  it("a login that expires while offline keeps the outbox; after logging in again it is sent once", async () => {
    const page = await a.context.newPage();
    const id = ids[10] as string;
    await page.goto(`${server.url}/posyandu/${encodeURIComponent(P01)}/anak/${id}`);
    await page.getByRole("heading", { name: "Anak Melati 11" }).waitFor();
    await allSent(page);
    await a.context.setOffline(true);
    const form = page.getByTestId("pd-form");
    await form.getByLabel("Berat badan (kg)").fill("11,4");
    await form.getByRole("button", { name: "Simpan pengukuran" }).click();
    await page.getByTestId("pd-result").waitFor();
    expect(await pendingCount(page)).toBe(1);
    // Meanwhile the session ends on the server (expiry, or an admin signing the user out).
    const out = await a.context.request.post(`${server.url}/api/auth/logout`);
    expect(out.status()).toBeLessThan(300);
    await a.context.setOffline(false);
    await page.waitForURL((u) => u.pathname === "/login");
    await shot(page, "09-login-expired");
    await page.getByLabel("Nama pengguna").fill("kader.melati");
    await page.getByLabel("Kata sandi", { exact: true }).fill("tumbuh-demo");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByRole("heading", { name: "Anak Melati 11" }).waitFor();
    await allSent(page);
    const view = await api(a.context, "GET", `/api/persons/${id}`);
    expect(view.measurements.map((m: { weightKg: number }) => m.weightKg)).toEqual([11.4]);
    await page.close();
  });
});
