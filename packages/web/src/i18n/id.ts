// Bahasa Indonesia — the default locale and the source of the message key set.
// Terms follow the regulations (Perbup Paser 47/2024, Perbup PALI 64/2021).
// Placeholders are written {name}; every locale must use the same placeholders.
import { catalogId } from "./catalog.id";
import { familiesId } from "./families.id";
import { indicatorsId } from "./indicators.id";
import { planningId } from "./planning.id";
import { registryId } from "./registry.id";
import { servicesId } from "./services.id";
import { syncId } from "./sync.id";

export const id = {
  "app.name": "Tumbuh",
  "app.tagline": "Percepatan penurunan stunting",
  "app.skipToContent": "Lewati ke konten utama",
  "app.offline": "Anda sedang offline.",

  "lang.label": "Bahasa",
  "lang.id": "Bahasa Indonesia",
  "lang.en": "English",

  "common.loading": "Memuat…",
  "common.retry": "Coba lagi",
  "common.backHome": "Kembali ke beranda",
  "common.home": "Beranda",
  "common.savedAt": "Menampilkan data yang tersimpan di perangkat ini, terakhir diperbarui {time}.",
  "error.network": "Tidak ada koneksi internet. Periksa sinyal Anda, lalu coba lagi.",
  "error.server": "Server sedang bermasalah. Coba lagi beberapa saat lagi.",
  "error.unknown": "Terjadi kesalahan yang tidak terduga. Coba lagi.",
  "error.throttled": "Terlalu banyak percobaan. Tunggu sebentar, lalu coba lagi.",
  "error.forbidden": "Anda tidak memiliki akses ke halaman ini.",

  "login.title": "Masuk",
  "login.intro": "Masuk dengan akun yang diberikan oleh Admin Kabupaten.",
  "login.username": "Nama pengguna",
  "login.password": "Kata sandi",
  "login.showPassword": "Tampilkan kata sandi",
  "login.submit": "Masuk",
  "login.submitting": "Sedang masuk…",
  "login.waitButton": "Tunggu {seconds} detik",
  "login.sessionExpired": "Sesi Anda telah berakhir. Silakan masuk kembali.",
  "login.error.invalid": "Nama pengguna atau kata sandi salah.",
  "login.error.throttledSeconds": "Terlalu banyak percobaan masuk. Tunggu {seconds} detik, lalu coba lagi.",
  "login.error.throttled": "Terlalu banyak percobaan masuk. Tunggu beberapa menit, lalu coba lagi.",
  "login.error.offline": "Anda sedang offline. Sambungkan perangkat ke internet untuk masuk.",
  "login.error.required": "Isi nama pengguna dan kata sandi.",

  "home.greeting": "Halo, {name}",
  "home.signedInAs": "Masuk sebagai {username}",
  "home.yourRegions": "Wilayah Anda",
  "home.yourRegionsIntro": "Peran dan wilayah tugas Anda. Ketuk wilayah untuk membukanya.",
  "home.noAssignments": "Akun Anda belum memiliki peran. Hubungi Admin Kabupaten.",
  "home.admin": "Administrasi",
  "home.auditLink": "Log audit",
  "home.auditHint": "Catatan siapa mengubah apa dan kapan",
  "home.account": "Akun",
  "home.logout": "Keluar",
  "home.loggingOut": "Sedang keluar…",
  "home.logoutOffline": "Tidak dapat keluar saat offline. Sambungkan ke internet, lalu coba lagi.",

  "password.title": "Ganti kata sandi",
  "password.current": "Kata sandi saat ini",
  "password.new": "Kata sandi baru",
  "password.newHint": "Minimal {min} karakter.",
  "password.confirm": "Ulangi kata sandi baru",
  "password.submit": "Simpan kata sandi baru",
  "password.submitting": "Menyimpan…",
  "password.success": "Kata sandi berhasil diganti.",
  "password.error.required": "Isi kata sandi saat ini.",
  "password.error.tooShort": "Kata sandi baru minimal {min} karakter.",
  "password.error.mismatch": "Kata sandi baru dan ulangannya tidak sama.",
  "password.error.sameAsCurrent": "Kata sandi baru harus berbeda dari kata sandi saat ini.",
  "password.error.wrongCurrent": "Kata sandi saat ini salah.",
  "password.error.rejected": "Kata sandi baru tidak memenuhi syarat. Pilih kata sandi lain.",

  "region.breadcrumb": "Jejak wilayah",
  "region.code": "Kode wilayah {code}",
  "region.children": "Wilayah di bawahnya",
  "region.childCount": "{count} wilayah di bawahnya",
  "region.childCountOne": "1 wilayah di bawahnya",
  "region.noChildren": "Belum ada wilayah yang terdaftar di bawah {name}.",
  "region.filter": "Cari nama wilayah",
  "region.filterNoMatch": "Tidak ada wilayah yang cocok dengan “{query}”.",
  "region.offlineMissing":
    "Anda sedang offline dan wilayah ini belum pernah dibuka di perangkat ini. Sambungkan ke internet, lalu coba lagi.",

  "notFound.title": "Tidak ditemukan",
  "notFound.body": "Wilayah atau halaman ini tidak ada, atau berada di luar wilayah akses Anda.",

  "audit.title": "Log audit",
  "audit.intro": "Catatan perubahan data, yang terbaru di atas.",
  "audit.when": "Waktu",
  "audit.who": "Pengguna",
  "audit.action": "Tindakan",
  "audit.entity": "Entitas",
  "audit.entityId": "ID entitas",
  "audit.details": "Rincian",
  "audit.before": "Sebelum",
  "audit.after": "Sesudah",
  "audit.system": "Sistem",
  "audit.empty": "Belum ada catatan audit.",
  "audit.loadMore": "Muat lebih banyak",
  "audit.end": "Semua catatan sudah ditampilkan.",

  "role.admin_kabupaten": "Admin Kabupaten",
  "role.tpps_kabupaten": "TPPS Kabupaten",
  "role.opd": "Perangkat Daerah (OPD)",
  "role.tpps_kecamatan": "TPPS Kecamatan",
  "role.pemerintah_desa": "Pemerintah Desa/Kelurahan",
  "role.kpm": "KPM (Kader Pembangunan Manusia)",
  "role.kader_posyandu": "Kader Posyandu",
  "role.bidan": "Bidan Desa",
  "role.viewer": "Peninjau (hanya baca)",

  "level.provinsi": "Provinsi",
  "level.kabupaten": "Kabupaten/Kota",
  "level.kecamatan": "Kecamatan",
  "level.desa": "Desa/Kelurahan",
  "level.dusun": "Dusun",
  "level.posyandu": "Posyandu",

  "kind.provinsi": "Provinsi",
  "kind.kab": "Kabupaten",
  "kind.kota": "Kota",
  "kind.kecamatan": "Kecamatan",
  "kind.desa": "Desa",
  "kind.kelurahan": "Kelurahan",
  "kind.desa_adat": "Desa Adat",
  "kind.dusun": "Dusun",
  "kind.posyandu": "Posyandu",

  ...registryId,
  ...catalogId,
  ...indicatorsId,
  ...syncId,
  ...servicesId,
  ...familiesId,
  ...planningId,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof id;
