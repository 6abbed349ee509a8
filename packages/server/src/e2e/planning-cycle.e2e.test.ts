/// <reference lib="dom" />
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { launchChromium, signIn } from "../testing/browser";
import { startLiveServer } from "../testing/live-server";
import { pdfText, pdfToPngs } from "../testing/pdf";

const TEAM_ID = "01900000-0000-7000-8000-0000000000aa";
const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const SANDELEY = "64.01.05.2003";
const YEAR = new Date().getUTCFullYear();

describe("a demo desa through the whole planning cycle in Chromium", () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  async function login(username: string) {
    await page.request.post(`${server.url}/api/auth/logout`);
    await signIn(page, server.url, username);
  }
  const form = (submit: string) =>
    page.locator("form", { has: page.getByRole("button", { name: submit, exact: true }) });
  async function stage(action: "Mulai" | "Tandai selesai" | "Tidak dibutuhkan", name: string, done: string) {
    await page.getByRole("button", { name: `${action}: ${name}`, exact: true }).click();
    await page.getByText(`${name}: ${done}`, { exact: true }).waitFor();
  }

  /** A stunted girl at Posyandu Melati and a pregnant mother, so the social-mapping table has figures. */
  async function registerTargets() {
    const today = new Date().toISOString().slice(0, 10);
    const mother = await page.request.post(`${server.url}/api/persons`, {
      data: { regionCode: SANDELEY, name: "Rahmawati", sex: 2, birthDate: "1997-05-02" },
    });
    expect(mother.status()).toBe(201);
    const lmp = new Date(Date.parse(`${today}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
    const preg = await page.request.post(`${server.url}/api/pregnancies`, {
      data: { personId: (await mother.json()).person.id, lmpDate: lmp, gravida: 2, highRisk: false },
    });
    expect(preg.status(), await preg.text()).toBe(201);
    const birth = new Date(Date.parse(`${today}T00:00:00Z`) - 20 * 30.44 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const child = await page.request.post(`${server.url}/api/persons`, {
      data: {
        regionCode: `${SANDELEY}.P01`,
        name: "Nur Aisyah",
        sex: 2,
        birthDate: birth,
        parentName: "Rahmawati",
      },
    });
    expect(child.status()).toBe(201);
    // Measured last month at 72 cm for ~19 months: below −2 SD length-for-age (WHO girls' median ≈ 80 cm).
    const lastMonth = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
    const m = await page.request.post(`${server.url}/api/measurements`, {
      data: {
        personId: (await child.json()).person.id,
        measuredOn: lastMonth,
        weightKg: 8.4,
        lenheiCm: 72,
        measure: "l",
      },
    });
    expect(m.status(), await m.text()).toBe(201);
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

  it("the KPM of Sandeley walks socialisation → mapping → FGD → rembuk with berita acara → campaign → advocacy → RKP Desa → APB Desa", async () => {
    await login("kpm.sandeley");
    await registerTargets();
    await page.goto(`${server.url}/wilayah/${SANDELEY}`);
    await page.getByRole("link", { name: /Siklus perencanaan desa/ }).click();
    await page.getByRole("button", { name: `Mulai siklus ${YEAR}` }).click();
    await page.getByText("Tahap sekarang: Sosialisasi").waitFor();
    await page.screenshot({ path: join(SHOTS, "planning-cycle-start.png"), fullPage: true });

    await stage("Mulai", "Sosialisasi", "Berjalan");
    await stage("Tandai selesai", "Sosialisasi", "Selesai");
    await stage("Mulai", "Pemetaan sosial", "Berjalan");
    await stage("Tandai selesai", "Pemetaan sosial", "Selesai");
    // The social-mapping data from the registry is on the page (posyandu of the desa).
    await page.getByRole("heading", { name: "Data pemetaan sosial" }).waitFor();
    const melati = page.getByRole("row", { name: /Posyandu Melati/ });
    const cells = await melati.getByRole("cell").allTextContents();
    expect(cells.slice(0, 5)).toEqual(["0", "1", "0", "1", "0"]);
    // Scorecard convergence and families at risk come from their features, through the planning API.
    const mapping = await (
      await page.request.get(`${server.url}/api/planning/social-mapping?region=${SANDELEY}`)
    ).json();
    const melatiUnit = mapping.units.find((u: { name: string }) => u.name === "Posyandu Melati");
    expect(cells[6]).toBe(`${melatiUnit.families.atRisk}/${melatiUnit.families.screened}`);
    expect(cells[5]).toMatch(/%|–/);
    const fam = mapping.total.families;
    await page
      .getByText(`${fam.atRisk} dari ${fam.screened} keluarga yang didata berisiko stunting.`, {
        exact: true,
      })
      .waitFor();
    await page
      .getByRole("heading", {
        name: /^Kesenjangan layanan \(scorecard konvergensi\) bulan \p{L}+ \d{4}$/u,
      })
      .waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole("heading", { name: /Keluarga berisiko stunting semester/ }).scrollIntoViewIfNeeded();
    // The gaps fit the phone's width (the table above scrolls sideways inside its own wrapper).
    const gapsBox = await page.locator(".pl-gaps").boundingBox();
    expect((gapsBox?.x ?? 0) + (gapsBox?.width ?? 999)).toBeLessThanOrEqual(360);
    await page
      .locator("section[aria-labelledby=pl-mapping]")
      .screenshot({ path: join(SHOTS, "planning-mapping-360.png") });

    // Finishing the FGD needs its meeting record: refused first, with the reason.
    await stage("Mulai", "Diskusi kelompok terarah (FGD) di desa", "Berjalan");
    await page
      .getByRole("button", { name: "Tandai selesai: Diskusi kelompok terarah (FGD) di desa" })
      .click();
    await page.getByText(/Yang belum ada: berita acara FGD desa/).waitFor();
    await page.getByRole("button", { name: "Catat pertemuan" }).click();
    const meeting = form("Simpan pertemuan");
    await meeting.getByLabel("Jenis pertemuan").selectOption("fgd_desa");
    await meeting.getByLabel("Tempat").fill("Rumah Desa Sehat Sandeley");
    await meeting.getByLabel("Jumlah hadir").fill("18");
    await meeting
      .getByLabel("Masalah yang diidentifikasi (satu per baris)")
      .fill("9 baduta belum diukur panjang badannya\n3 rumah tangga 1000 HPK tanpa jamban layak");
    await meeting.getByLabel("Peluang dan potensi (satu per baris)").fill("Dana Desa untuk PMT lokal");
    await meeting.getByRole("button", { name: "Simpan pertemuan" }).click();
    await page.getByText("FGD di desa (RDS)", { exact: true }).waitFor();
    await stage("Tandai selesai", "Diskusi kelompok terarah (FGD) di desa", "Selesai");
    await stage("Tidak dibutuhkan", "FGD antar desa", "Tidak dibutuhkan");

    // Two proposals from the activity catalogs.
    for (const p of [
      {
        code: "paser-23-h",
        title: "PMT lokal dapur sehat",
        target: "Baduta gizi kurang",
        vol: "90",
        unit: "hari",
        cost: "27.000.000",
      },
      {
        code: "pali-4-5-l",
        title: "Jamban umum Dusun II",
        target: "Rumah tangga 1000 HPK",
        vol: "2",
        unit: "unit",
        cost: "60.000.000",
      },
    ]) {
      await page.getByRole("button", { name: "Tambah usulan" }).click();
      const f = form("Simpan usulan");
      await f.getByLabel("Kegiatan dari katalog").selectOption(p.code);
      await f.getByLabel("Nama kegiatan").fill(p.title);
      await f.getByLabel("Kelompok sasaran").fill(p.target);
      await f.getByLabel("Volume").fill(p.vol);
      await f.getByLabel("Satuan").fill(p.unit);
      await f.getByLabel("Biaya (Rp)").fill(p.cost);
      await f.getByRole("button", { name: "Simpan usulan" }).click();
      await page.locator(`[data-proposal="${p.title}"]`).waitFor();
    }

    await stage("Mulai", "Rembuk stunting", "Berjalan");
    await page.getByRole("button", { name: "Catat pertemuan" }).click();
    const rembuk = form("Simpan pertemuan");
    await rembuk.getByLabel("Jenis pertemuan").selectOption("rembuk");
    await rembuk.getByLabel("Tempat").fill("Balai Desa Sandeley");
    await rembuk.getByLabel("Jumlah hadir").fill("42");
    await rembuk
      .getByLabel("Masalah yang diidentifikasi (satu per baris)")
      .fill("Stunting di Dusun II tinggi");
    for (const [side, name, position] of [
      ["Perwakilan Rumah Desa Sehat", "Siti Rahmah", "Ketua Pengurus Harian RDS"],
      ["Perwakilan masyarakat", "Yohana Lestari", "Tokoh perempuan"],
      ["Perwakilan pemerintah desa", "H. Abdul Karim", "Kepala Desa Sandeley"],
    ] as const) {
      await rembuk.getByLabel(`${side}: nama`).fill(name);
      await rembuk.getByLabel(`${side}: jabatan`).fill(position);
    }
    await page.screenshot({ path: join(SHOTS, "planning-rembuk-form.png"), fullPage: true });
    // Partway through the cycle (stages "berjalan" with long labels) the page still fits a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await rembuk.getByRole("button", { name: "Simpan pertemuan" }).click();
    await page.getByText("Rembuk stunting", { exact: true }).first().waitFor();
    // The rembuk agrees the jamban first: move it up and save the ranking.
    await page.getByRole("button", { name: "Naikkan Jamban umum Dusun II" }).click();
    await page.getByRole("button", { name: "Simpan peringkat yang disepakati" }).click();
    await page.locator('[data-proposal="Jamban umum Dusun II"]').getByText("Peringkat 1").waitFor();
    await stage("Tandai selesai", "Rembuk stunting", "Selesai");

    // The berita acara, as downloaded from the page's link.
    const href = await page
      .getByRole("link", { name: /Unduh berita acara rembuk stunting/ })
      .getAttribute("href");
    const pdfRes = await page.request.get(`${server.url}${href}`);
    expect(pdfRes.status()).toBe(200);
    const pdf = Buffer.from(await pdfRes.body());
    expect(pdfToPngs(pdf, "planning-berita-acara").length).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain("BERITA ACARA REMBUK STUNTING");
    expect(text.indexOf("Jamban umum")).toBeLessThan(text.indexOf("PMT lokal dapur sehat"));
    for (const n of ["Siti Rahmah", "Yohana Lestari", "H. Abdul Karim", "Rp 87.000.000"])
      expect(text).toContain(n);

    await stage("Mulai", "Kampanye stunting", "Berjalan");
    const camp = form("Simpan kampanye");
    await camp.getByLabel("Media").selectOption("lomba_bayi_sehat");
    await camp.getByLabel("Jangkauan (orang)").fill("120");
    await camp.getByLabel("Uraian").fill("Lomba bayi sehat di Posyandu Melati");
    await camp.getByRole("button", { name: "Simpan kampanye" }).click();
    await page.getByText("Lomba bayi sehat di Posyandu Melati").waitFor();
    await stage("Tandai selesai", "Kampanye stunting", "Selesai");
    await stage("Mulai", "Advokasi", "Berjalan");
    await stage("Tandai selesai", "Advokasi", "Selesai");

    // The village budget and what went into the RKP Desa / APB Desa.
    const settings = form("Simpan");
    await settings.getByLabel("Pagu APB Desa / alokasi APBD (Rp)").fill("1.000.000.000");
    await settings.getByRole("button", { name: "Simpan", exact: true }).click();
    await settings.getByText("Tersimpan.").waitFor();
    await stage("Mulai", "Masuk RKP Desa", "Berjalan");
    for (const [title, amount] of [
      ["Jamban umum Dusun II", "55.000.000"],
      ["PMT lokal dapur sehat", "25.000.000"],
    ] as const) {
      const card = page.locator(`[data-proposal="${title}"]`);
      await card.getByLabel("Masuk RKP Desa / usulan").check();
      await card.getByLabel("Anggaran APB Desa (Rp)").fill(amount);
      await card.getByRole("button", { name: `Simpan: ${title}` }).click();
      await card.getByText("Tersimpan.").waitFor();
    }
    await stage("Tandai selesai", "Masuk RKP Desa", "Selesai");
    await stage("Mulai", "Masuk APB Desa", "Berjalan");
    await stage("Tandai selesai", "Masuk APB Desa", "Selesai");
    await page.getByText("Semua tahap selesai.").waitFor();
    await page.getByText("Anggaran stunting: Rp 80.000.000 (8%)").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "planning-cycle-complete.png"), fullPage: true });
  });

  it("the institutions page lists the desa's TPK team, linking to its page; the kecamatan sees it per desa", async () => {
    // The desa forms a team of two in the TPK feature; the institutions page shows it.
    await login("desa.sandeley");
    const team = await page.request.post(`${server.url}/api/tpk-teams`, {
      data: { id: TEAM_ID, regionCode: SANDELEY, name: "TPK Mawar" },
    });
    expect(team.status(), await team.text()).toBe(201);
    for (const [i, role] of (["bidan", "pkk"] as const).entries()) {
      const m = await page.request.post(`${server.url}/api/tpk-teams/${TEAM_ID}/members`, {
        data: { id: `01900000-0000-7000-8000-00000000000${i + 1}`, name: `Anggota ${i + 1}`, role },
      });
      expect(m.status(), await m.text()).toBe(201);
    }
    await login("kpm.sandeley");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/wilayah/${SANDELEY}/kelembagaan`);
    const tpk = page.locator("section[aria-labelledby=in-tpk]");
    await tpk.getByRole("heading", { name: "Tim Pendamping Keluarga (TPK)" }).waitFor();
    await tpk.getByText("2 anggota", { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await tpk.screenshot({ path: join(SHOTS, "planning-institutions-tpk-360.png") });
    await tpk.getByRole("link", { name: "TPK Mawar" }).click();
    await page.waitForURL(`${server.url}/tpk/${TEAM_ID}`);
    await page.getByRole("heading", { name: "TPK Mawar" }).waitFor();

    await login("tpps.kuaro");
    await page.goto(`${server.url}/wilayah/64.01.05/kelembagaan`);
    const kec = page.locator("section[aria-labelledby=in-tpk]");
    await kec.getByRole("link", { name: "Sandeley" }).waitFor();
    expect(await kec.getByRole("link", { name: "Buka daftar TPK" }).getAttribute("href")).toBe(
      "/wilayah/64.01.05/tpk",
    );
  });

  it("the kecamatan team reviews and approves Sandeley's plan from its summary page", async () => {
    await login("tpps.kuaro");
    await page.goto(`${server.url}/wilayah/64.01.05/rekap-perencanaan`);
    await page.locator('[data-village="Sandeley"]').waitFor();
    await page.screenshot({ path: join(SHOTS, "planning-kecamatan-summary.png"), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator('[data-village="Sandeley"]').getByRole("link", { name: "Sandeley" }).click();
    await page.getByRole("heading", { name: "Reviu kecamatan" }).waitFor();
    expect(await page.getByRole("button", { name: /Tandai selesai/ }).count()).toBe(0);
    const review = form("Kirim reviu");
    await review.getByLabel("Keputusan").selectOption("setuju");
    await review.getByLabel("Catatan reviu").fill("Usulan sesuai kewenangan Desa (Paser Pasal 23).");
    await review.getByRole("button", { name: "Kirim reviu" }).click();
    await page.getByText("Disetujui TPPS Kecamatan").waitFor();
  });

  it("the regency sees every village's stage, the late ones and the stunting share of the APB Desa", async () => {
    await login("tpps.paser");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/wilayah/64.01/rekap-perencanaan`);
    const row = page.locator('[data-village="Sandeley"]');
    await row.waitFor();
    expect(await row.locator("td.cell-stage--selesai").count()).toBe(8);
    await row.getByText("8%").waitFor();
    expect(await page.locator("tbody tr").count()).toBe(144);
    // The demo (Kuaro seeded) has late villages; villages without any cycle are late too.
    const lateHeading = await page.getByRole("heading", { name: /Desa terlambat/ }).textContent();
    expect(Number(lateHeading?.match(/\((\d+)\)/)?.[1])).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, "planning-regency-summary.png"), fullPage: false });
    await page.locator("svg.share-chart").screenshot({ path: join(SHOTS, "planning-share-chart.png") });
    const csvHref = await page.getByRole("link", { name: "Unduh rekap (CSV)" }).getAttribute("href");
    const csv = await (await page.request.get(`${server.url}${csvHref}`)).text();
    // Names and stage words, no codes (issue 17).
    expect(csv).toContain("Sandeley,Kuaro,Desa,Selesai,Selesai,Selesai,Tidak dibutuhkan,Selesai");
    expect(csv).not.toContain(SANDELEY);
    // The yearly regency rembuk stunting (Paser Pasal 9 g), recorded on the same page.
    const rk = form("Simpan rembuk kabupaten");
    await rk.getByLabel("Tempat").fill("Aula Bappedalitbang");
    await rk.getByLabel("Jumlah hadir").fill("80");
    await rk.getByLabel("Peserta (satu per baris)").fill("Dinas Kesehatan\nCamat se-Kabupaten Paser");
    await rk
      .getByLabel("Kesepakatan (satu per baris)")
      .fill("Lokus stunting 2027: 20 desa\nDana Desa minimal 8% untuk stunting");
    await rk.getByRole("button", { name: "Simpan rembuk kabupaten" }).click();
    await page
      .getByRole("listitem")
      .filter({ hasText: /^Lokus stunting 2027: 20 desa$/ })
      .waitFor();
    await page.getByRole("heading", { name: /Rembuk stunting kabupaten/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "planning-regency-rembuk.png") });
    await page.setViewportSize({ width: 360, height: 740 });
  });
});
