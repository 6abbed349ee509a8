import { safeCell } from "@tumbuh/core";
import type { Workbook } from "exceljs";

/**
 * Every text cell of the workbook through core's `safeCell` (the same rule as the CSV writer), so a name
 * typed as `=HYPERLINK(...)` is shown as text, not run, when the file is opened. Numbers are untouched.
 * `xlsxBytes` does it for every workbook Tumbuh writes.
 */
function neutraliseFormulas(wb: Workbook): void {
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === "string") cell.value = safeCell(cell.value);
      });
    });
  });
}

/** The one way a workbook becomes bytes: formulas neutralised first, so no writer can forget it. */
export async function xlsxBytes(wb: Workbook): Promise<Buffer> {
  neutraliseFormulas(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
