import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { xlsx, xlsxBomb } from "./read/zip-fixtures";

describeEachDialect(
  "POST /api/imports/measurements",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeAll(async () => {
      api = await testApi(db());
    });
    afterAll(async () => api.app.close());

    const upload = (user: string, payload: Buffer | Readable, query = "fileName=agustus.xls&dryRun=true") =>
      api.request(user, {
        method: "POST",
        url: `/api/imports/measurements?${query}`,
        headers: { "content-type": "application/octet-stream" },
        payload,
      });
    const job = async (user: string, id: string) => {
      await api.jobs.idle();
      return (await api.request(user, { method: "GET", url: `/api/jobs/${id}` })).json();
    };

    it("refuses the read-only viewer before reading a byte of the body", async () => {
      let read = false;
      const body = new Readable({
        read() {
          read = true;
          this.push(Buffer.alloc(1024 * 1024));
          this.push(null);
        },
      });
      const res = await upload("peninjau", body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
      expect(read).toBe(false);
    });

    it("answers 202 with a job that imports the SIGIZI HTML export and reports its reconciliation", async () => {
      const file = readFileSync(join(import.meta.dirname, "fixtures", "sigizi-agustus-2026.xls"));
      const res = await upload("kpm.sandeley", file);
      expect(res.statusCode).toBe(202);
      const done = await job("kpm.sandeley", res.json().jobId);
      expect(done.status).toBe("done");
      expect(done.progress).toMatchObject({ total: expect.any(Number) });
      expect(done.result).toMatchObject({
        format: "html",
        rows: 6,
        dryRun: true,
        reconciliation: { counts: { zscore: 1, placeholder: 1, label: 1 } },
      });
      // The reconciliation as CSV, for its user only, and the download audited.
      const url = `/api/imports/jobs/${res.json().jobId}/reconciliation.csv`;
      const csv = await api.request("kpm.sandeley", { method: "GET", url });
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toMatch(/\r\n8,Dani,MELATI,TB\/U,"nilai pengganti \(999,99\)","999,99",-?\d/);
      expect((await api.request("bidan.sandeley", { method: "GET", url })).statusCode).toBe(404);
      // In English when the user reads English (the values stay as the file and Tumbuh wrote them).
      const en = await api.request("kpm.sandeley", { method: "GET", url, cookies: { tumbuh_lang: "en" } });
      const [head] = en.body.replace(/^\uFEFF/, "").split("\r\n");
      expect(head).toBe(
        "Village,Posyandu,Rows compared,Z-score differences,Placeholder values,Status differences",
      );
      expect(en.body).toContain("Row,Name,Posyandu,Index,Kind,e-PPGBM,Tumbuh");
      expect(en.body).toMatch(/\r\n8,Dani,MELATI,TB\/U,placeholder value \(999\.99\),"999,99",-?\d/);
      expect(en.headers["content-disposition"]).toContain("reconciliation-agustus.csv");
      expect(csv.body.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
        "Desa/Kel,Posyandu,Baris dibandingkan,Selisih z-score,Nilai pengganti,Status berbeda",
      );
      const audited = await db()
        .kysely.selectFrom("audit_log")
        .select("action")
        .where("action", "=", "import.reconciliation.export")
        .execute();
      expect(audited).toHaveLength(2); // the Indonesian and the English download
    });

    it("the rejected rows download as CSV with each reason in Indonesian, for the importer only, audited", async () => {
      const file = readFileSync(join(import.meta.dirname, "fixtures", "sigizi-baris-pendek.xls"));
      const res = await upload("kpm.sandeley", file);
      const done = await job("kpm.sandeley", res.json().jobId);
      expect(done.result.rejected).toContainEqual({
        line: 8,
        column: null,
        code: "row_too_short",
        params: { cells: 30, header: 37 },
      });
      const url = `/api/imports/jobs/${res.json().jobId}/rejections.csv`;
      const csv = await api.request("kpm.sandeley", { method: "GET", url });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-disposition"]).toMatch(/baris-ditolak-agustus\.csv/);
      expect(csv.body).toContain("Jenis,Baris,Kolom,Alasan,Kode");
      expect(csv.body).toContain(
        'Ditolak,8,,"Baris ini berisi 30 sel, padahal judul kolom ada 37; kolomnya tidak bisa dicocokkan, jadi tidak ada nilai yang dibaca.",row_too_short',
      );
      expect(csv.body).toMatch(/\r\nPeringatan,6,Total Pengukuran,"?Baris ini tidak punya sel/);
      // No English sentence from the code reaches the file.
      expect(csv.body).not.toMatch(/the row has|cells where the header/);
      expect((await api.request("bidan.sandeley", { method: "GET", url })).statusCode).toBe(404);
      // In English when the user reads English: headings, kinds and reasons.
      const en = await api.request("kpm.sandeley", { method: "GET", url, cookies: { tumbuh_lang: "en" } });
      expect(en.body.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Kind,Row,Column,Reason,Code");
      expect(en.body).toMatch(/\r\nRejected,8,,".*",row_too_short/);
      expect(en.body).not.toMatch(/Ditolak|Baris ini/);
      expect(en.headers["content-disposition"]).toContain("rejected-rows-agustus.csv");
      const audited = await db()
        .kysely.selectFrom("audit_log")
        .select("action")
        .where("action", "=", "import.rejections.export")
        .execute();
      expect(audited).toHaveLength(2);
    });

    it("an XLSX declaring 1.5 GB is refused at once with 413; one hiding it fails its job with file_too_large", async () => {
      const honest = await upload("kpm.sandeley", xlsxBomb(1500, true));
      expect(honest.statusCode).toBe(413);
      expect(honest.json().error.code).toBe("file_too_large");
      const lying = await upload("kpm.sandeley", xlsxBomb(400, false));
      expect(lying.statusCode).toBe(202);
      const failed = await job("kpm.sandeley", lying.json().jobId);
      expect(failed.status).toBe("failed");
      expect(failed.error).toMatchObject({
        code: "file_too_large",
        message: expect.stringMatching(/unpacks/),
      });
    }, 60_000);

    it("a malformed XLSX row fails the job with file_unreadable naming the row, not 'internal'", async () => {
      const res = await upload("kpm.sandeley", xlsx(`<row r="2"><c r="T2"><v>lima belas</v></c></row>`));
      expect(res.statusCode).toBe(202);
      const failed = await job("kpm.sandeley", res.json().jobId);
      expect(failed.error).toMatchObject({
        code: "file_unreadable",
        message: expect.stringMatching(/row 2, cell T2/),
      });
      const broken = await upload("kpm.sandeley", Buffer.from("PK\x03\x04 damaged"));
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.code).toBe("file_unreadable");
    });
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
