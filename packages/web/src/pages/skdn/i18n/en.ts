import type { skdnId } from "./id";

export const skdnEn: Record<keyof typeof skdnId, string> = {
  "skdn.title": "SKDN report (under-five weighing)",
  "skdn.month": "Month",
  "skdn.area": "Area",
  "skdn.total": "Total",
  "skdn.downloadXlsx": "Download XLSX",
  "skdn.downloadPdf": "Download PDF",
  "skdn.empty": "No under-fives registered in this area.",
  "skdn.legend":
    "S: registered under-fives · K: with a growth card · D: weighed this month (N+T+O+B) · N: gained · T: did not gain · 2T: twice in a row · O: not weighed last month · B: first weighing · BGM: below the red line",
  "skdn.rule": "N and T by the Buku KIA: the weight follows its growth line, or gains at least the KBM.",
};
