/**
 * Activity catalogs as data, each entry with its letter in the regulation, so a proposal at the rembuk stunting
 * names the activity it comes from. Texts copied from the seeds (../shared/seeds), trailing "dan" dropped.
 * - Paser Pasal 23 a–kk: the kinds of activity within the authority of the desa/kelurahan.
 * - PALI Pasal 4(3)–(7): the activities of each of the five service packages of Pasal 4(2).
 */

export const SERVICE_PACKAGES = ["kia", "konseling_gizi", "sanitasi_air", "perlindungan_sosial", "paud", "pengasuhan", "pekarangan"] as const;
export type ServicePackage = (typeof SERVICE_PACKAGES)[number];

/** Paser Pasal 24(1) a–g groups village activities into seven packages; PALI Pasal 4(2) names the first five. */
export const PACKAGE_LABELS: Record<ServicePackage, { id: string; en: string; source: string }> = {
  kia: { id: "Kesehatan ibu dan anak (KIA)", en: "Maternal and child health", source: "Paser Pasal 24(1) a; PALI Pasal 4(2) a" },
  konseling_gizi: { id: "Konseling gizi terpadu", en: "Integrated nutrition counselling", source: "Paser Pasal 24(1) b; PALI Pasal 4(2) b" },
  sanitasi_air: { id: "Air bersih dan sanitasi", en: "Clean water and sanitation", source: "Paser Pasal 24(1) c; PALI Pasal 4(2) c" },
  perlindungan_sosial: { id: "Perlindungan sosial", en: "Social protection", source: "Paser Pasal 24(1) d; PALI Pasal 4(2) d" },
  paud: { id: "Pendidikan anak usia dini (PAUD)", en: "Early childhood education", source: "Paser Pasal 24(1) e; PALI Pasal 4(2) e" },
  pengasuhan: { id: "Pengasuhan anak di keluarga", en: "Parenting in the family", source: "Paser Pasal 24(1) f" },
  pekarangan: { id: "Pendayagunaan lahan pekarangan dan tanah kas Desa", en: "Use of home gardens and village land", source: "Paser Pasal 24(1) g" },
};

export interface CatalogActivity {
  /** Stable code: "paser-23-h", "pali-4-3-b". */
  code: string;
  catalog: "paser" | "pali";
  /** The article and letter, as a reader finds it in the regulation. */
  source: string;
  text: string;
  /** The package the activity belongs to (PALI: by its ayat; Paser: the closest of Pasal 24(1), suggested, editable). */
  package: ServicePackage;
}

export const PASER_ACTIVITIES: CatalogActivity[] = [
  { code: "paser-23-a", catalog: "paser", source: "Paser Pasal 23 huruf a", text: "pembinaan kesehatan masyarakat", package: "kia" },
  { code: "paser-23-b", catalog: "paser", source: "Paser Pasal 23 huruf b", text: "pengelolaan air minum berskala lokal Desa dan antar Desa", package: "sanitasi_air" },
  { code: "paser-23-c", catalog: "paser", source: "Paser Pasal 23 huruf c", text: "pengembangan pos kesehatan Desa dan poliklinik Desa", package: "kia" },
  { code: "paser-23-d", catalog: "paser", source: "Paser Pasal 23 huruf d", text: "pengelolaan dan pembinaan posyandu", package: "kia" },
  { code: "paser-23-e", catalog: "paser", source: "Paser Pasal 23 huruf e", text: "penyediaan alat-alat pendukung layanan kesehatan, seperti antropometri dan alat kesehatan pendukung lainnya", package: "kia" },
  { code: "paser-23-f", catalog: "paser", source: "Paser Pasal 23 huruf f", text: "pembinaan dan pelatihan kader posyandu, Kader Tim Pendamping Keluarga, Kader Poktan, KPM", package: "konseling_gizi" },
  { code: "paser-23-g", catalog: "paser", source: "Paser Pasal 23 huruf g", text: "penyediaan operasional/honorarium kader", package: "konseling_gizi" },
  { code: "paser-23-h", catalog: "paser", source: "Paser Pasal 23 huruf h", text: "pemberian makanan tambahan melalui dapur sehat atasi Stunting", package: "konseling_gizi" },
  { code: "paser-23-i", catalog: "paser", source: "Paser Pasal 23 huruf i", text: "gerakan hidup bersih dan sehat", package: "sanitasi_air" },
  { code: "paser-23-j", catalog: "paser", source: "Paser Pasal 23 huruf j", text: "Pemantauan, pertumbuhan dan perkembangan anak berusia dibawah lima tahun (Balita) melalui layanan posyandu termasuk kunjungan rumah kepada yang tidak datang posyandu", package: "kia" },
  { code: "paser-23-k", catalog: "paser", source: "Paser Pasal 23 huruf k", text: "pengelolaan kegiatan tanaman obat keluarga", package: "pekarangan" },
  { code: "paser-23-l", catalog: "paser", source: "Paser Pasal 23 huruf l", text: "pengadaan sarana prasarana kesehatan tingkat Desa/Kelurahan", package: "kia" },
  { code: "paser-23-m", catalog: "paser", source: "Paser Pasal 23 huruf m", text: "penyelenggaraan upaya promosi kesehatan", package: "konseling_gizi" },
  { code: "paser-23-n", catalog: "paser", source: "Paser Pasal 23 huruf n", text: "fasilitasi penyelenggaraan Desa siaga", package: "kia" },
  { code: "paser-23-o", catalog: "paser", source: "Paser Pasal 23 huruf o", text: "pengelolaan dan pengembangan Rumah Desa Sehat", package: "konseling_gizi" },
  { code: "paser-23-p", catalog: "paser", source: "Paser Pasal 23 huruf p", text: "Rembuk Stunting Desa/Kelurahan", package: "konseling_gizi" },
  { code: "paser-23-q", catalog: "paser", source: "Paser Pasal 23 huruf q", text: "pembinaan dan pengelolaan pendidikan anak usia dini", package: "paud" },
  { code: "paser-23-r", catalog: "paser", source: "Paser Pasal 23 huruf r", text: "fasilitasi penyelenggaraan pendidikan anak usia dini dan kelas pengasuhan", package: "paud" },
  { code: "paser-23-s", catalog: "paser", source: "Paser Pasal 23 huruf s", text: "pembangunan dan pemeliharaan sanitasi lingkungan", package: "sanitasi_air" },
  { code: "paser-23-t", catalog: "paser", source: "Paser Pasal 23 huruf t", text: "fasilitasi pembangunan dan pengelolaan tempat mandi, cuci dan kakus komunal", package: "sanitasi_air" },
  { code: "paser-23-u", catalog: "paser", source: "Paser Pasal 23 huruf u", text: "pembangunan jamban keluarga miskin, terutama keluarga yang memiliki anggota keluarga sasaran 1000 (seribu) Hari Pertama Kehidupan", package: "sanitasi_air" },
  { code: "paser-23-v", catalog: "paser", source: "Paser Pasal 23 huruf v", text: "fasilitasi bantuan pelayanan kesehatan bagi keluarga miskin, terutama keluarga yang memiliki anggota keluarga sasaran 1000 (seribu) Hari Pertama Kehidupan", package: "perlindungan_sosial" },
  { code: "paser-23-w", catalog: "paser", source: "Paser Pasal 23 huruf w", text: "pelaksanaan penyuluhan tentang keluarga berencana", package: "pengasuhan" },
  { code: "paser-23-x", catalog: "paser", source: "Paser Pasal 23 huruf x", text: "pengelolaan kelompok Bina Keluarga Balita", package: "pengasuhan" },
  { code: "paser-23-y", catalog: "paser", source: "Paser Pasal 23 huruf y", text: "fasilitasi keikutsertaan rumah tangga miskin dalam keluarga berencana", package: "perlindungan_sosial" },
  { code: "paser-23-z", catalog: "paser", source: "Paser Pasal 23 huruf z", text: "fasilitasi keikutsertaan rumah tangga miskin untuk mendapatkan jaminan kesehatan", package: "perlindungan_sosial" },
  { code: "paser-23-aa", catalog: "paser", source: "Paser Pasal 23 huruf aa", text: "fasilitasi keikutsertaan rumah tangga miskin untuk mendapatkan jaminan pendidikan yang layak", package: "perlindungan_sosial" },
  { code: "paser-23-bb", catalog: "paser", source: "Paser Pasal 23 huruf bb", text: "fasilitasi penyelenggaraan pendidikan anak usia dini holistic integrative", package: "paud" },
  { code: "paser-23-cc", catalog: "paser", source: "Paser Pasal 23 huruf cc", text: "penyediaan sarana prasarana bermain anak", package: "paud" },
  { code: "paser-23-dd", catalog: "paser", source: "Paser Pasal 23 huruf dd", text: "penyuluhan pencegahan pernikahan dini", package: "pengasuhan" },
  { code: "paser-23-ee", catalog: "paser", source: "Paser Pasal 23 huruf ee", text: "fasilitasi calon pengantin/calon pasangan usia subur (PUS)", package: "pengasuhan" },
  { code: "paser-23-ff", catalog: "paser", source: "Paser Pasal 23 huruf ff", text: "pendataan keluarga beresiko Stunting", package: "perlindungan_sosial" },
  { code: "paser-23-gg", catalog: "paser", source: "Paser Pasal 23 huruf gg", text: "Evaluasi Tim Pendamping Keluarga Tingkat Desa", package: "pengasuhan" },
  { code: "paser-23-hh", catalog: "paser", source: "Paser Pasal 23 huruf hh", text: "penyebarluasan informasi melalui berbagai media yang ada di Desa", package: "konseling_gizi" },
  { code: "paser-23-ii", catalog: "paser", source: "Paser Pasal 23 huruf ii", text: "fasilitasi jaminan perlindungan sosial", package: "perlindungan_sosial" },
  { code: "paser-23-jj", catalog: "paser", source: "Paser Pasal 23 huruf jj", text: "pengembangan ketahanan pangan salah satunya melalui kegiatan Pangan Beragam, Bergizi, Seimbang, dan Aman (B2SA)", package: "pekarangan" },
  { code: "paser-23-kk", catalog: "paser", source: "Paser Pasal 23 huruf kk", text: "penyediaan bahan tata laksana gizi buruk", package: "konseling_gizi" },
];

export const PALI_ACTIVITIES: CatalogActivity[] = [
  { code: "pali-4-3-a", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf a", text: "penyelenggaraan pos kesehatan desa (PKD) /polindes milik desa (obat-obatan, tambahan insentif bidan desa/perawat desa, penyediaan pelayanan kb dan alat kontrasepsi bagi keluarga miskin)", package: "kia" },
  { code: "pali-4-3-b", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf b", text: "penyelenggaraan posyandu (makanan tambahan, kelas ibu hamil, kelas lansia, insentif kader posyandu)", package: "kia" },
  { code: "pali-4-3-c", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf c", text: "penyuluhan dan pelatihan bidang kesehatan untuk masyarakat, bidan Desa/perawat Desa, kader kesehatan", package: "kia" },
  { code: "pali-4-3-d", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf d", text: "penyelenggaraan desa siaga kesehatan", package: "kia" },
  { code: "pali-4-3-e", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf e", text: "pembinaan palang merah remaja tingkat Desa", package: "kia" },
  { code: "pali-4-3-f", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf f", text: "pengasuhan bersama dan bina keluarga balita", package: "kia" },
  { code: "pali-4-3-g", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf g", text: "pembinaan dan pengawasan upaya kesehatan tradisional", package: "kia" },
  { code: "pali-4-3-h", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf h", text: "pemeliharaan sarana/prasarana posyandu/polindes", package: "kia" },
  { code: "pali-4-3-i", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf i", text: "pembangunan/rehabilitas/peningkatan/pengadaan/pengadaan sarana/prasarana posyandu/polindes", package: "kia" },
  { code: "pali-4-3-j", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf j", text: "pemantauan perkembangan kesehatan ibu hamil dan ibu menyusui", package: "kia" },
  { code: "pali-4-3-k", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf k", text: "konseling terintegrasi melalui kunjungan rumah bagi keluarga tergolong rentan", package: "kia" },
  { code: "pali-4-3-l", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf l", text: "akta kelahiran anak usia 0-2 tahun", package: "kia" },
  { code: "pali-4-3-m", catalog: "pali", source: "PALI Pasal 4 ayat (3) huruf m", text: "pemberian imunisasi dasar lengkap untuk setiap anak", package: "kia" },
  { code: "pali-4-4-a", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf a", text: "transportasi petugas gizi", package: "konseling_gizi" },
  { code: "pali-4-4-b", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf b", text: "insentif/transportasi kader", package: "konseling_gizi" },
  { code: "pali-4-4-c", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf c", text: "pelatihan kader", package: "konseling_gizi" },
  { code: "pali-4-4-d", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf d", text: "transportasi kegiatan", package: "konseling_gizi" },
  { code: "pali-4-4-e", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf e", text: "transportasi kegiatan kunjungan ke rumah", package: "konseling_gizi" },
  { code: "pali-4-4-f", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf f", text: "pengadaan alat dan perlengkapan, seperti alat peraga konseling", package: "konseling_gizi" },
  { code: "pali-4-4-g", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf g", text: "penyediaan pemberian makanan tambahan, penyuluhan bahan lokal", package: "konseling_gizi" },
  { code: "pali-4-4-h", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf h", text: "penyediaan pemberian makanan tambahan pemulihan berbahan pangan lokal", package: "konseling_gizi" },
  { code: "pali-4-4-i", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf i", text: "pengadaan kebun gizi", package: "konseling_gizi" },
  { code: "pali-4-4-j", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf j", text: "pengadaan makanan sesuai dengan \"isi piringku\"", package: "konseling_gizi" },
  { code: "pali-4-4-k", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf k", text: "kampanye dan penyuluhan kesehatan", package: "konseling_gizi" },
  { code: "pali-4-4-l", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf l", text: "pengembangan apotik hidup desa dan produk hortikultura untuk memenuhi kebutuhan gizi ibu hamil dan ibu menyusui", package: "konseling_gizi" },
  { code: "pali-4-4-m", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf m", text: "perbaikan pola konsumsi makanan", package: "konseling_gizi" },
  { code: "pali-4-4-n", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf n", text: "pengembangan dan peningkatan sistem ketahanan pangan dan gizi di desa", package: "konseling_gizi" },
  { code: "pali-4-4-o", catalog: "pali", source: "PALI Pasal 4 ayat (4) huruf o", text: "melakukan fortifikasi bahan pangan", package: "konseling_gizi" },
  { code: "pali-4-5-a", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf a", text: "pemeliharaan sumur resapan milik desa", package: "sanitasi_air" },
  { code: "pali-4-5-b", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf b", text: "pemeliharaan sumber air bersih milik Desa (mata air/tandon penampungan air hujan/sumur bor)", package: "sanitasi_air" },
  { code: "pali-4-5-c", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf c", text: "pemeliharaan sambungan air bersih milik Desa ke rumah tangga (pipanisasi)", package: "sanitasi_air" },
  { code: "pali-4-5-d", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf d", text: "pemeliharaan sanitasi permukiman (Gorong-gorong, Selokan, Parit)", package: "sanitasi_air" },
  { code: "pali-4-5-e", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf e", text: "pemeliharaan fasilitas jamban umum", package: "sanitasi_air" },
  { code: "pali-4-5-f", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf f", text: "pemeliharaan fasilitas pengelolaan sampah Desa/permukiman (penampungan, bank sampah)", package: "sanitasi_air" },
  { code: "pali-4-5-g", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf g", text: "pemeliharaan sistem pembuangan air limbah (drainase, air limbah rumah tangga)", package: "sanitasi_air" },
  { code: "pali-4-5-h", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf h", text: "pembangunan/rehabilitasi/sumur resapan", package: "sanitasi_air" },
  { code: "pali-4-5-i", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf i", text: "pembangunan/rehabilitasi/peningkatan sumber air milik Desa (mata air/tandon penampungan air hujan/sumur bor)", package: "sanitasi_air" },
  { code: "pali-4-5-j", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf j", text: "pembangunan/rehabilitasi/peningkatan sambungan air bersih ke rumah tangga (pipanisasi)", package: "sanitasi_air" },
  { code: "pali-4-5-k", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf k", text: "pembangunan/rehabilitasi/peningkatan sanitasi permukiman (gorong-gorong, selokan parit)", package: "sanitasi_air" },
  { code: "pali-4-5-l", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf l", text: "pembangunan/rehabilitasi/peningkatan fasilitas jamban umum", package: "sanitasi_air" },
  { code: "pali-4-5-m", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf m", text: "pembangunan/rehabilitasi/peningkatan fasilitas pengelolaan sampah Desa/Permukiman (penampungan, bank sampah)", package: "sanitasi_air" },
  { code: "pali-4-5-n", catalog: "pali", source: "PALI Pasal 4 ayat (5) huruf n", text: "pembangunan/rehabilitasi/peningkatan sistem pembuangan air limbah (drainase, air limbah rumah tangga)", package: "sanitasi_air" },
  { code: "pali-4-6-a", catalog: "pali", source: "PALI Pasal 4 ayat (6) huruf a", text: "peningkatan kapasitas perangkat Desa", package: "perlindungan_sosial" },
  { code: "pali-4-6-b", catalog: "pali", source: "PALI Pasal 4 ayat (6) huruf b", text: "pelatihan/penyuluhan pemberdayaan perempuan", package: "perlindungan_sosial" },
  { code: "pali-4-6-c", catalog: "pali", source: "PALI Pasal 4 ayat (6) huruf c", text: "pelatihan/penyuluhan perlindungan anak", package: "perlindungan_sosial" },
  { code: "pali-4-6-d", catalog: "pali", source: "PALI Pasal 4 ayat (6) huruf d", text: "menyediakan Jaminan Kesehatan Nasional (JKN)", package: "perlindungan_sosial" },
  { code: "pali-4-6-e", catalog: "pali", source: "PALI Pasal 4 ayat (6) huruf e", text: "menyediakan Jaminan Persalinan Universal (Jampersal)", package: "perlindungan_sosial" },
  { code: "pali-4-6-f", catalog: "pali", source: "PALI Pasal 4 ayat (6) huruf f", text: "menyediakan akses kepada layanan kesehatan dan Keluarga Berencana (KB)", package: "perlindungan_sosial" },
  { code: "pali-4-7-a", catalog: "pali", source: "PALI Pasal 4 ayat (7) huruf a", text: "penyelenggaraan PAUD/TK/TPA/TKA/TPQ/Madrasah Non-Formal milik Desa berupa bantuan honor pengajar, pakaian seragam, operasional", package: "paud" },
  { code: "pali-4-7-b", catalog: "pali", source: "PALI Pasal 4 ayat (7) huruf b", text: "dukungan penyelenggaraan PAUD berupa APE, Sarana PAUD", package: "paud" },
  { code: "pali-4-7-c", catalog: "pali", source: "PALI Pasal 4 ayat (7) huruf c", text: "penyuluhan dan pelatihan pendidikan bagi masyarakat", package: "paud" },
  { code: "pali-4-7-d", catalog: "pali", source: "PALI Pasal 4 ayat (7) huruf d", text: "pemeliharaan sarana dan prasana PAUD/TK/TPA/TKA/TPQ/Madrasah Non-Formal milik Desa", package: "paud" },
  { code: "pali-4-7-e", catalog: "pali", source: "PALI Pasal 4 ayat (7) huruf e", text: "pembangunan/rehabilitasi/peningkatan/pengadaan sarana/prasarana/alat peraga edukatif (APE) PAUD/TK/TPA/TKA/TPQ/Madrasah Non-Formal milik Desa", package: "paud" },
];

export const ACTIVITY_CATALOG: readonly CatalogActivity[] = [...PASER_ACTIVITIES, ...PALI_ACTIVITIES];

export function findActivity(code: string): CatalogActivity | undefined {
  return ACTIVITY_CATALOG.find((a) => a.code === code);
}
