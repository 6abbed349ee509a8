import { safeCell } from "@tumbuh/core";
import type { Workbook } from "exceljs";

/**
 * Every text cell of the workbook through core's `safeCell` (the same rule as the CSV writer), so a name
 * typed as `=HYPERLINK(...)` is shown as text, not run, when the file is opened. Numbers are untouched.
 * Call it on a finished workbook just before writing it.
 */
export function neutraliseFormulas(wb: Workbook): void {
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === "string") cell.value = safeCell(cell.value);
      });
    });
  });
}
