// Indonesian for the one search across the user's area (issue 17).
export const searchId = {
  "search.title": "Cari",
  "search.label": "Nama atau NIK",
  "search.hint": "Nama boleh ditulis seperti terdengar (Riski, Rizky). NIK harus lengkap 16 angka.",
  "search.submit": "Cari",
  "search.tooShort": "Tulis paling sedikit 2 huruf.",
  "search.none": "Tidak ada orang yang cocok di wilayah Anda.",
  "search.count": "{count} orang ditemukan",
  "search.byNik": "Dicari menurut NIK.",
  "search.truncated": "Hanya {count} hasil pertama yang ditampilkan. Tulis nama lebih lengkap.",
  "search.born": "lahir {date}",
};
