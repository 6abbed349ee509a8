import type { ImportReport } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/client";
import { formatFileSize, importErrorKey, isImportFile, nothingStored } from "./importFile";

describe("import file", () => {
  it("accepts e-PPGBM exports only", () => {
    expect(isImportFile("ppgbm_rantau_panjang_2025-05.xlsx")).toBe(true);
    expect(isImportFile("DATA.CSV")).toBe(true);
    expect(isImportFile("Daftar Anak Berdasarkan Status Gizi.xls")).toBe(true);
    expect(isImportFile("sigizi.HTML")).toBe(true);
    expect(isImportFile("foto.jpg")).toBe(false);
  });
  it("shows sizes people understand", () => {
    expect(formatFileSize(300, "id")).toBe("1 KB");
    expect(formatFileSize(870_400, "id")).toBe("850 KB");
    expect(formatFileSize(1_258_291, "id")).toBe("1,2 MB");
    expect(formatFileSize(1_258_291, "en")).toBe("1.2 MB");
  });
  it("knows when all-or-nothing stored nothing", () => {
    const report: ImportReport = {
      fileName: "a.xls",
      dryRun: true,
      allOrNothing: true,
      rows: 1,
      stored: { persons: 0, measurements: 0 },
      alreadyPresent: 0,
      rejected: [{ line: 4, column: "TB", code: "not_number", params: { value: "x" } }],
      warnings: [],
    };
    expect(nothingStored(report)).toBe(true);
    expect(nothingStored({ ...report, allOrNothing: false })).toBe(false);
    expect(nothingStored({ ...report, rejected: [] })).toBe(false);
  });
  it("maps upload failures", () => {
    expect(importErrorKey(new ApiError(413, "payload_too_large", ""))).toBe("import.tooLarge");
    expect(importErrorKey(new ApiError(400, "bad_file", ""))).toBe("import.badFile");
    expect(importErrorKey(new ApiError(0, "network", ""))).toBe("reg.offlineWrite");
    expect(importErrorKey(new ApiError(403, "forbidden", ""))).toBe("error.forbidden");
    expect(importErrorKey(new ApiError(413, "file_too_large", ""))).toBe("error.code.file_too_large");
  });
});
