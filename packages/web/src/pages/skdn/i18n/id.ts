// Bahasa Indonesia for the SKDN report: the letters of the posyandu's F1/F2 forms.
export const skdnId = {
  "skdn.title": "Laporan SKDN (penimbangan balita)",
  "skdn.month": "Bulan",
  "skdn.area": "Wilayah",
  "skdn.total": "Jumlah",
  "skdn.downloadXlsx": "Unduh XLSX",
  "skdn.downloadPdf": "Unduh PDF",
  "skdn.empty": "Tidak ada balita terdaftar di wilayah ini.",
  "skdn.legend":
    "S: balita terdaftar · K: memiliki KMS/catatan penimbangan · D: ditimbang bulan ini (N+T+O+B) · N: naik · T: tidak naik · 2T: tidak naik 2 kali berturut-turut · O: tidak ditimbang bulan lalu · B: baru pertama kali ditimbang · BGM: di bawah garis merah",
  "skdn.rule":
    "N dan T menurut Buku KIA: berat badan mengikuti garis pertumbuhan, atau naik minimal sebesar KBM.",
} as const satisfies Record<string, string>;
