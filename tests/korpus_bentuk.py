"""A corpus of files in the layouts planners really have, none of them ours, with expected figures.

Each case copies the layout of a public form or export (sources cited per case); the figures are
generated, and the expected figures (``Harapan`` of ``korpus.py``) are computed here from the same
numbers, independently of the importer.

Sources of the layouts:
- Renja evaluation form: Permendagri 86/2017, lampiran "Evaluasi terhadap Hasil Renja Perangkat Daerah"
  (columns 1–17, K/Rp pairs, TW I–IV); as filled in by a regency, e.g. "Formulir Evaluasi Hasil Renja PD
  Kabupaten Barru" (https://docplayer.info/70519165-Formulir-evaluasi-hasil-renja-pd-kabupaten-barru-
  perangkat-daerah-periode-pelaksanaan-tahun-2017-sampai-dengan-semester-i-kab.html).
- SIPD / accounting exports: codes of Permendagri 90/2019 (urusan 1, bidang 1.06, program 1.06.01,
  kegiatan 1.06.01.2.01, sub kegiatan 1.06.01.2.01.0001, accounts 5.1.02...), header lines as in a DPA
  export ("PEMERINTAH KABUPATEN ...", "TAHUN ANGGARAN ...", "Organisasi : 1.06.01 Dinas Sosial",
  https://id.scribd.com/document/388605936/DPA-2018-xlsx), amounts as text "1.400.000.000,00".
- Agency names: "DINAS SOSIAL DAERAH ISTIMEWA YOGYAKARTA" (Laporan Keuangan 2020 Dinas Sosial DIY,
  https://vdokumen.com/laporan-keuangan-2020.html); combined agencies and provinces as in LKjIP titles.
- Perjanjian Kinerja (PermenPAN-RB 53/2014, lampiran: sasaran strategis | indikator kinerja | target,
  then program | anggaran | keterangan).
"""
from __future__ import annotations

import io
import zipfile

from korpus import Harapan, Kasus, Lembar, _csv, _xlsx
from lkjip.templat import tetapkan_zip

BARRU, BEKASI = "Dinas Sosial Kabupaten Barru", "Dinas Sosial Kota Bekasi"


def _rp(n: float) -> str:
    return f"{n:,.0f}".replace(",", ".")


# --- 1. Renja evaluation form (Permendagri 86/2017) -----------------------------------------------------
# (kode, uraian, sasaran, indikator, renstra K, target K, realisasi K, pagu, realisasi Rp per TW, realisasi K per TW)
# The form's column (13) is (9)+(10)+(11)+(12): the year's realisation is the sum of the quarters, for K as for Rp.
_RENJA = [
    ("1.06.02", "Program Pemberdayaan Sosial", "Meningkatnya kualitas penanganan PMKS",
     "Persentase PSKS yang aktif dalam penyelenggaraan kesejahteraan sosial", "80%", "75%", "72%",
     450_000_000, [90_000_000, 110_000_000, 120_000_000, 115_000_000], ["18%", "17,5%", "18,5%", "18%"]),
    ("1.06.02.2.01", "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota", None,
     "Jumlah PSKS yang mendapatkan pembinaan", "600", "120", "118", 250_000_000,
     [50_000_000, 60_000_000, 70_000_000, 61_500_000], ["30", "30", "30", "28"]),
    ("1.06.04", "Program Rehabilitasi Sosial", "Meningkatnya kualitas penanganan PMKS",
     "Persentase PPKS yang mendapatkan rehabilitasi sosial dasar di luar panti", "75%", "70%", "74%",
     600_000_000, [120_000_000, 150_000_000, 160_000_000, 140_250_000], ["20%", "18%", "18%", "18%"]),
    (None, None, None, "Persentase penurunan jumlah gelandangan dan pengemis", "5%", "10%", "12%", None, None,
     ["3%", "3%", "3%", "3%"]),
    ("1.06.04.2.02", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia "
     "Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial", None,
     "Jumlah anak terlantar yang mendapatkan pemenuhan kebutuhan dasar", "700", "150", "162", 350_000_000,
     [70_000_000, 80_000_000, 90_000_000, 91_000_000], ["40", "40", "41", "41"]),
]


def _angka_k(teks: str) -> float:
    return float(teks.rstrip("%").replace(",", "."))


def _k(nilai: float, persen: bool) -> str:
    t = f"{nilai:g}".replace(".", ",")
    return t + "%" if persen else t


def _renja(tahun: int = 2024, sampai_tw: int = 4, tw_terpisah: bool = False) -> tuple[bytes, Harapan]:
    """The form as filled in at the end of the year, or during it (``sampai_tw`` < 4: the later quarters
    blank, the year's realisation the sum of the quarters so far). ``tw_terpisah``: the label "Realisasi
    Kinerja Pada Triwulan" alone in the row above the header, centred across its columns without merging
    them (Excel's "Center Across Selection"), so it is one filled cell in a row of its own."""
    judul = [["EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN BARRU"],
             ["RENJA PERANGKAT DAERAH : DINAS SOSIAL KABUPATEN BARRU"],
             [f"PERIODE PELAKSANAAN : TAHUN {tahun}"], []]
    if tw_terpisah:
        judul[-1] = [None] * 11 + ["Realisasi Kinerja Pada Triwulan"]
    h1 = ["No", "Sasaran", "Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
          "Indikator Kinerja Program (outcome)/Kegiatan (output)",
          "Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra PD)", None,
          f"Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu ({tahun - 1})", None,
          f"Target Kinerja dan Anggaran Renja PD Tahun Berjalan ({tahun}) yang Dievaluasi", None,
          "Realisasi Kinerja Pada Triwulan", None, None, None, None, None, None, None,
          "Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi", None,
          f"Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun {tahun} (Akhir Tahun Pelaksanaan Renja PD)", None,
          f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun {tahun} (%)", None,
          "Unit PD Penanggung Jawab", "Keterangan"]
    if tw_terpisah:
        h1[11] = None
    h2 = [None] * 11 + ["I", None, "II", None, "III", None, "IV", None] + [None] * 8
    h3 = [None] * 5 + ["K", "Rp"] * 10 + [None, None]
    # the numbered-column row: one number per column, K and Rp of a pair share it (13 = 9+10+11+12)
    nomor = [f"({i})" for i in range(1, 6)] + [f"({i})" for i in range(6, 16) for _ in (0, 1)] + ["(16)", "(17)"]
    rows = judul + [h1, h2, h3, nomor,
                    [None, None, "1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"],
                    [None, None, "1.06", "SOSIAL", None, None, None, None, None, None,
                     _rp(sum(r[7] for r in _RENJA if r[7]))]]
    harapan_angg, harapan_ind, gabung = [], [], []
    n = 0
    for kode, uraian, sasaran, ind, renstra, target, real, pagu, tw, k_tw in _RENJA:
        tw = tw and tw[:sampai_tw] + [None] * (4 - sampai_tw)
        k_tw = k_tw[:sampai_tw] + [None] * (4 - sampai_tw)
        if sampai_tw < 4:
            real = _k(round(sum(_angka_k(v) for v in k_tw if v), 2), real.endswith("%"))
        baris = [None] * 27
        if kode:
            n += 1
            baris[0], baris[2], baris[3] = n, kode, uraian
        baris[1] = sasaran
        baris[4], baris[5], baris[9], baris[19] = ind, renstra, target, real
        for i, v in enumerate(k_tw):
            baris[11 + 2 * i] = v
        if pagu:
            baris[6] = _rp(pagu * 3)
            baris[10] = _rp(pagu)
            for i, v in enumerate(tw):
                baris[12 + 2 * i] = _rp(v) if v is not None else None
            baris[20] = _rp(sum(v for v in tw if v))
            baris[25] = "Bidang Rehabilitasi Sosial" if "04" in kode else "Bidang Pemberdayaan Sosial"
            level = "program" if kode.count(".") == 2 else "kegiatan"
            harapan_angg.append({"instansi": BARRU, "tahun": tahun, "kode": kode, "level": level, "pagu": float(pagu),
                                 "realisasi": float(sum(v for v in tw if v)),
                                 **{f"realisasi_tw{i + 1}": float(v) if v is not None else None for i, v in enumerate(tw)}})
        rows.append(baris)
        harapan_ind.append({"instansi": BARRU, "tahun": tahun, "indikator": ind,
                            "tingkat": "kegiatan" if kode and kode.count(".") > 2 else "program",
                            "realisasi": _angka_k(real),
                            **{f"realisasi_tw{i + 1}": _angka_k(v) if v else None for i, v in enumerate(k_tw)}})
    # the second indicator of Program Rehabilitasi Sosial: No, Kode and Uraian merged over both rows
    r0 = len(judul) + 4 + 2 + 3  # 1-based row of Program Rehabilitasi Sosial
    gabung += [f"A{r0}:A{r0 + 1}", f"C{r0}:C{r0 + 1}", f"D{r0}:D{r0 + 1}", f"B{r0}:B{r0 + 1}"]
    total_pagu = sum(r[7] for r in _RENJA if r[7] and r[0].count(".") == 2)
    total_real = sum(sum(r[8][:sampai_tw]) for r in _RENJA if r[7] and r[0].count(".") == 2)
    rows.append(["JUMLAH", None, None, None, None, None, None, None, None, None, _rp(total_pagu)] + [None] * 9 + [_rp(total_real)])
    harapan_angg.append({"instansi": BARRU, "tahun": tahun, "level": "total", "pagu": float(total_pagu), "realisasi": float(total_real)})
    rows += [["Rata-rata capaian kinerja (%)"], ["Predikat kinerja", None, None, None, None, None, None, None, None, None,
                                                 None, None, None, None, None, None, None, None, None, "Sangat Tinggi"],
             ["Faktor pendorong keberhasilan pencapaian: koordinasi dengan TKSK dan PSM"],
             ["Faktor penghambat pencapaian kinerja: data PPKS belum mutakhir"], [],
             [None] * 20 + ["Barru, 15 Januari 2025"], [None] * 20 + ["Kepala Dinas Sosial Kabupaten Barru"], [], [],
             [None] * 20 + ["NIP. 19700101 199503 1 004"]]
    hdr = len(judul) + 1
    for c0 in range(5):
        gabung.append(f"{chr(65 + c0)}{hdr}:{chr(65 + c0)}{hdr + 2}")
    kol = [chr(65 + i) if i < 26 else "A" + chr(65 + i - 26) for i in range(27)]
    for c in (5, 7, 9, 19, 21, 23):
        gabung.append(f"{kol[c]}{hdr}:{kol[c + 1]}{hdr + 1}")
    if not tw_terpisah:
        gabung.append(f"L{hdr}:S{hdr}")
    for c in (11, 13, 15, 17):
        gabung.append(f"{kol[c]}{hdr + 1}:{kol[c + 1]}{hdr + 1}")
    for c in (25, 26):
        gabung.append(f"{kol[c]}{hdr}:{kol[c]}{hdr + 2}")
    data = _xlsx(Lembar("Evaluasi Renja", rows, gabung=gabung, tebal=[hdr, hdr + 1, hdr + 2]))
    return data, Harapan(
        jumlah={"anggaran": len(harapan_angg), "indikator": len(harapan_ind), "renstra": len(harapan_ind)},
        baris={"anggaran": harapan_angg, "indikator": harapan_ind},
        angka=[("renstra", {"indikator": "Persentase PSKS yang aktif dalam penyelenggaraan kesejahteraan sosial"}, "tahun", "first", 2026),
               # "penurunan" without a printed capaian: negatif suggested, (2 × 10 − realisasi) / 10
               ("indikator", {"indikator": "Persentase penurunan jumlah gelandangan dan pengemis"}, "capaian", "first",
                80.0 if sampai_tw == 4 else 110.0),
               ("anggaran", {"level": "program"}, "pagu", "sum", float(total_pagu))]
        + ([] if sampai_tw == 4 else [(t, {}, "catatan", "first", "realisasi s.d. TW III (tahun berjalan)")
                                      for t in ("indikator", "anggaran")]),
        masalah=[("info", "Evaluasi Renja", None, None, "bidang urusan"),
                 ("info", "Evaluasi Renja", None, None, "tanda tangan"),
                 # the polarity was not decided from evidence: a warning on that row, saying where to set it
                 ("peringatan", "Evaluasi Renja", 14, "E", "belum ditetapkan dari bukti")]
        + ([] if sampai_tw == 4 else [("peringatan", "Evaluasi Renja", hdr, None, "TW IV kosong")]))


# --- 2. SIPD realisation export: one code column holds the hierarchy; amounts as text ----------------------
_SIPD = [
    ("1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", 3_300_000_000, 3_050_000_000),
    ("1.06", "SOSIAL", 3_300_000_000, 3_050_000_000),
    ("1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 2_000_000_000, 1_900_000_000),
    ("1.06.01.2.02", "Administrasi Keuangan Perangkat Daerah", 2_000_000_000, 1_900_000_000),
    ("1.06.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 2_000_000_000, 1_900_000_000),
    ("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 1_400_000_000, 1_350_000_000),
    ("5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS", 600_000_000, 550_000_000),
    ("1.06.04", "PROGRAM REHABILITASI SOSIAL", 1_300_000_000, 1_150_000_000),
    ("1.06.04.2.02", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, "
     "serta Gelandangan Pengemis di Luar Panti Sosial", 1_300_000_000, 1_150_000_000),
    ("1.06.04.2.02.0003", "Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial", 1_300_000_000, 1_150_000_000),
    ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat", 300_000_000, 250_000_000),
    ("5.1.02.01.01.0012", "Belanja Bahan-Bahan Lainnya", 1_000_000_000, 900_000_000),
]
_LEVEL_SIPD = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}


def _sipd() -> tuple[bytes, Harapan]:
    rows = [["PEMERINTAH KOTA BEKASI"], ["LAPORAN REALISASI ANGGARAN PER SUB KEGIATAN"], ["TAHUN ANGGARAN 2024"],
            ["SKPD : 1.06.0.00.0.00.01.0000 DINAS SOSIAL"], [],
            ["Kode Rekening", "Uraian", "Anggaran", "Realisasi", "%", "Sisa Anggaran"]]
    harapan = []
    for kode, uraian, pagu, real in _SIPD:
        rows.append([kode, uraian, f"{_rp(pagu)},00", f"{_rp(real)},00", f"{real / pagu * 100:.2f}".replace(".", ","),
                     f"{_rp(pagu - real)},00"])
        lv = _LEVEL_SIPD.get(len(kode.split("."))) if kode.startswith("1.06.") else None
        if lv:
            harapan.append({"kode": kode, "level": lv, "pagu": float(pagu), "realisasi": float(real), "instansi": BEKASI, "tahun": 2024})
    rows.append(["JUMLAH BELANJA", None, "3.300.000.000,00", "3.050.000.000,00", "92,42", "250.000.000,00"])
    harapan.append({"level": "total", "pagu": 3.3e9, "realisasi": 3.05e9})
    rows += [[], [None, None, None, "Bekasi, 31 Desember 2024"], [None, None, None, "Kepala Dinas Sosial"], [],
             [None, None, None, "NIP. 19680930 199007 1 001"]]
    return _xlsx(Lembar("LRA SKPD", rows)), Harapan(
        jumlah={"anggaran": len(harapan)}, baris={"anggaran": harapan},
        angka=[("anggaran", {"level": "program"}, "pagu", "sum", 3.3e9)],
        masalah=[("info", "LRA SKPD", 7, None, "baris urusan"), ("info", "LRA SKPD", 7, None, "4 baris rekening")])


# --- 3. Units stated once ------------------------------------------------------------------------------
def _ribuan() -> tuple[bytes, Harapan]:
    rows = [["REALISASI ANGGARAN PER PROGRAM DINAS SOSIAL KOTA DEPOK TAHUN 2022"], ["(dalam ribuan rupiah)"],
            ["No", "Program", "Pagu", "Realisasi", "%"],
            ["1", "Program Pemberdayaan Sosial", "1.250.500", "1.190.250", "95,18"],
            ["2", "Program Rehabilitasi Sosial", "2.004.000", "1.870.125", "93,32"],
            ["", "JUMLAH", "3.254.500", "3.060.375", "94,04"]]
    return _csv(rows, pemisah=";"), Harapan(
        jumlah={"anggaran": 3},
        baris={"anggaran": [{"uraian": "Program Pemberdayaan Sosial", "pagu": 1_250_500_000.0, "realisasi": 1_190_250_000.0,
                             "pagu_teks": "1.250.500"},
                            {"uraian": "Program Rehabilitasi Sosial", "pagu": 2_004_000_000.0, "realisasi": 1_870_125_000.0},
                            {"level": "total", "pagu": 3_254_500_000.0}]},
        masalah=[("peringatan", "ribuan_depok_2022", 3, None, "ribuan rupiah")])


def _juta() -> tuple[bytes, Harapan]:
    rows = [["DINAS SOSIAL KOTA DEPOK TAHUN 2021"],
            ["No", "Program", "Pagu (juta rupiah)", "Realisasi (juta rupiah)"],
            ["1", "Program Perlindungan dan Jaminan Sosial", "1.250,5", "1.190,25"]]
    return _csv(rows, pemisah=";"), Harapan(
        jumlah={"anggaran": 1}, baris={"anggaran": [{"pagu": 1_250_500_000.0, "realisasi": 1_190_250_000.0}]},
        masalah=[("peringatan", "juta_depok_2021", 2, None, "jutaan rupiah")])


# --- 4. Polarity from evidence ---------------------------------------------------------------------------
def _polaritas() -> tuple[bytes, Harapan]:
    rows = [["DINAS SOSIAL KOTA DEPOK TAHUN 2021"], ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"],
            # "penurunan" is what is measured: a larger decrease than targeted is better (printed 12/10 = 120%)
            ["1", "Persentase penurunan jumlah PMKS yang belum tertangani", "%", "10", "12", "120%"],
            # a poverty rate: lower is better, and the printed capaian (2x8,5-8,2)/8,5 = 103,53% agrees
            ["2", "Angka kemiskinan", "%", "8,5", "8,2", "103,53%"],
            # printed capaian fits neither formula (72/80 = 90%): stored 90, with a warning
            ["3", "Persentase anak telantar yang mendapatkan pelayanan", "%", "80", "72", "95%"]]
    return _csv(rows, pemisah=";"), Harapan(
        jumlah={"indikator": 3},
        baris={"indikator": [{"polaritas": "positif", "capaian": 120.0}, {"polaritas": "negatif", "capaian": 103.53},
                             {"polaritas": "positif", "capaian": 90.0, "capaian_dilaporkan": 95.0}]},
        masalah=[("peringatan", "polaritas_depok_2021", 3, "F", "polaritas positif dipakai"),
                 ("peringatan", "polaritas_depok_2021", 5, "F", "berbeda dari capaian tercetak")])


# --- 5/6. PK target table and a program budget table on one sheet; footnote and signature ----------------
def _pk_anggaran() -> tuple[bytes, Harapan]:
    inst = "Dinas Sosial Provinsi Jawa Timur"
    rows = [["PERJANJIAN KINERJA TAHUN 2024"], ["DINAS SOSIAL PROVINSI JAWA TIMUR"], [],
            ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"],
            [1, "Meningkatnya kualitas hidup PPKS", "Persentase PPKS yang tertangani", "%", "85%"],
            [2, None, "Persentase PSKS yang berperan aktif", "%", "70%"],
            [3, "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP Dinas Sosial", "nilai", "78"],
            [], ["Tabel 2. Program dan Anggaran"],
            ["No", "Program", "Anggaran (Rp 000)", "Keterangan"],
            [1, "Program Rehabilitasi Sosial", "45.250.000", "APBD"],
            [2, "Program Perlindungan dan Jaminan Sosial", "12.500.500", "APBD"],
            [3, "Program Penanganan Bencana", "3.000.000", "APBD"],
            [None, "JUMLAH", "60.750.500", None],
            ["Sumber: DPA Dinas Sosial Provinsi Jawa Timur Tahun 2024"], [],
            [None, None, "Surabaya, 2 Januari 2024"], [None, None, "Kepala Dinas Sosial Provinsi Jawa Timur"], [],
            [None, None, "NIP. 19671212 199303 1 008"]]
    return _xlsx(Lembar("PK 2024", rows, gabung=["B5:B6"])), Harapan(
        jumlah={"indikator": 3, "anggaran": 4},
        baris={"indikator": [{"instansi": inst, "tahun": 2024, "indikator": "Persentase PPKS yang tertangani", "target": 85.0,
                              "realisasi": None, "capaian": None},
                             {"indikator": "Persentase PSKS yang berperan aktif", "sasaran": "Meningkatnya kualitas hidup PPKS"},
                             {"indikator": "Nilai SAKIP Dinas Sosial", "target": 78.0}],
               "anggaran": [{"instansi": inst, "uraian": "Program Rehabilitasi Sosial", "pagu": 45_250_000_000.0, "level": "program"},
                            {"pagu": 12_500_500_000.0}, {"pagu": 3_000_000_000.0}, {"level": "total", "pagu": 60_750_500_000.0}]},
        masalah=[("info", "PK 2024", 15, None, "tanda tangan"), ("peringatan", "PK 2024", 10, None, "ribuan rupiah")])


# --- 7. Quarterly sheets -----------------------------------------------------------------------------------
def _triwulan_sd() -> tuple[bytes, Harapan]:
    rows = [["LAPORAN REALISASI ANGGARAN S.D. TRIWULAN III"], ["DINAS SOSIAL KOTA YOGYAKARTA TAHUN 2024"],
            ["Kode", "Program/Kegiatan", "Pagu", "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV"],
            ["1.06.02", "Program Pemberdayaan Sosial", 800_000_000, 150_000_000, 210_000_000, 190_000_000, None],
            ["1.06.05", "Program Perlindungan dan Jaminan Sosial", 1_200_000_000, 300_000_000, 280_000_000, 330_000_000, None]]
    return _xlsx(Lembar("TW III", rows)), Harapan(
        jumlah={"anggaran": 2},
        baris={"anggaran": [{"kode": "1.06.02", "pagu": 8e8, "realisasi": 5.5e8, "realisasi_tw3": 1.9e8, "realisasi_tw4": None},
                            {"kode": "1.06.05", "realisasi": 9.1e8}]},
        angka=[("anggaran", {}, "catatan", "first", "realisasi s.d. TW III (tahun berjalan)")],
        masalah=[("peringatan", "TW III", 3, None, "jumlah realisasi TW I–III")])


def _triwulan_jumlah() -> tuple[bytes, Harapan]:
    rows = [["REALISASI ANGGARAN PER TRIWULAN DINAS SOSIAL KOTA YOGYAKARTA TAHUN 2023"],
            ["Kode", "Program", "Pagu", "Realisasi", None, None, None, None],
            [None, None, None, "TW I", "TW II", "TW III", "TW IV", "Jumlah"],
            ["1.06.02", "Program Pemberdayaan Sosial", "800.000.000", "150.000.000", "210.000.000", "190.000.000", "230.000.000", "780.000.000"]]
    return _xlsx(Lembar("2023", rows, gabung=["D2:H2", "A2:A3", "B2:B3", "C2:C3"])), Harapan(
        jumlah={"anggaran": 1}, baris={"anggaran": [{"pagu": 8e8, "realisasi": 7.8e8, "realisasi_tw4": 2.3e8, "catatan": None}]})


# --- 8. Workbooks: cover, hidden and chart sheets -----------------------------------------------------------
def buku_lembar_khusus() -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    wb = Workbook()
    ws = wb.active
    ws.title = "Sampul"
    ws.append(["LAPORAN KINERJA"])
    ws.append(["DINAS SOSIAL KOTA MAGELANG"])
    ws.append(["TAHUN 2023"])
    data = wb.create_sheet("Data")
    for r in (["DINAS SOSIAL KOTA MAGELANG TAHUN 2023"], ["No", "Indikator Kinerja", "Target", "Realisasi"],
              [1, "Persentase PMKS yang tertangani", 80, 84], [2, "Persentase PSKS yang aktif", 60, 57]):
        data.append(r)
    lama = wb.create_sheet("Cadangan lama")
    for r in (["DINAS SOSIAL KOTA MAGELANG TAHUN 2022"], ["No", "Indikator Kinerja", "Target", "Realisasi"],
              [1, "Persentase PMKS yang tertangani", 75, 70]):
        lama.append(r)
    lama.sheet_state = "hidden"
    grafik = wb.create_chartsheet("Grafik")
    ch = BarChart()
    ch.add_data(Reference(data, min_col=3, min_row=2, max_row=4), titles_from_data=True)
    grafik.add_chart(ch)
    buf = io.BytesIO()
    wb.save(buf)
    return tetapkan_zip(buf.getvalue())


# --- 9. The agency from titles --------------------------------------------------------------------------------
def _judul_instansi(judul: list[list[str]]) -> bytes:
    return _csv(judul + [["No", "Indikator Kinerja", "Target", "Realisasi"], ["1", "Persentase PMKS yang tertangani", "80", "84"]],
                pemisah=";")


# --- 10. Annotated numbers -------------------------------------------------------------------------------------
def _bertanda() -> tuple[bytes, Harapan]:
    rows = [["DINAS SOSIAL KOTA DEPOK TAHUN 2022"], ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi"],
            ["1", "Jumlah KPM PKH yang didampingi", "KPM", "2.500", "± 2.612"],
            ["2", "Persentase penerima bansos tepat sasaran", "%", "> 75%", "78%"],
            ["3", "Jumlah lansia terlantar yang dilayani", "orang", "40", "kurang lebih 40"],
            ["4", "Jumlah anak terlantar yang dilayani", "anak", "120", "126"]]
    return _csv(rows, pemisah=";"), Harapan(
        jumlah={"indikator": 4},
        baris={"indikator": [{"target": 2500.0, "realisasi": None, "realisasi_teks": "± 2.612", "capaian": None},
                             {"target": None, "target_teks": "> 75%", "realisasi": 78.0},
                             {"realisasi": None, "realisasi_teks": "kurang lebih 40"},
                             {"realisasi": 126.0}]},
        masalah=[("peringatan", "bertanda_depok_2022", 3, "E", "angka bertanda"),
                 ("peringatan", "bertanda_depok_2022", 4, "D", "angka bertanda")])


# --- 11. Formats: .ods and an HTML table named .xls --------------------------------------------------------------
def ods(rows: list[list[object]], nama_lembar: str = "Sheet1") -> bytes:
    """A minimal OpenDocument spreadsheet (what LibreOffice writes, without styles)."""
    from xml.sax.saxutils import escape

    sel = []
    for r in rows:
        isi = []
        for v in r:
            if v is None or v == "":
                isi.append("<table:table-cell/>")
            elif isinstance(v, (int, float)):
                isi.append(f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>')
            else:
                isi.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>')
        sel.append("<table:table-row>" + "".join(isi) + "</table:table-row>")
    konten = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
              'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
              'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
              f'<office:body><office:spreadsheet><table:table table:name="{nama_lembar}">' + "".join(sel)
              + "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", (2024, 1, 1, 0, 0, 0)), "application/vnd.oasis.opendocument.spreadsheet")
        for nama, isi in (("META-INF/manifest.xml", manifest), ("content.xml", konten)):
            info = zipfile.ZipInfo(nama, (2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, isi)
    return buf.getvalue()


def _html_xls() -> tuple[bytes, Harapan]:
    html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<h3>REALISASI ANGGARAN DINAS SOSIAL KABUPATEN SLEMAN</h3><p>TAHUN ANGGARAN 2023</p>
<table border="1"><tr><th rowspan="2">Kode</th><th rowspan="2">Uraian</th><th colspan="2">Anggaran</th></tr>
<tr><th>Pagu</th><th>Realisasi</th></tr>
<tr><td>1.06.02</td><td>Program Pemberdayaan Sosial</td><td>1.500.000.000,00</td><td>1.425.300.000,00</td></tr>
<tr><td>1.06.02.2.01</td><td>Pengembangan Potensi Sumber Kesejahteraan Sosial</td><td>1.500.000.000,00</td><td>1.425.300.000,00</td></tr>
<tr><td colspan="2">JUMLAH</td><td>1.500.000.000,00</td><td>1.425.300.000,00</td></tr>
</table><p>Dicetak dari aplikasi pada 05-01-2024 10:12</p></body></html>"""
    return html.encode("utf-8"), Harapan(
        jumlah={"anggaran": 3},
        baris={"anggaran": [{"instansi": "Dinas Sosial Kabupaten Sleman", "tahun": 2023, "level": "program", "pagu": 1.5e9,
                             "realisasi": 1.4253e9}, {"level": "kegiatan"}, {"level": "total"}]},
        masalah=[("info", "", None, None, "tabel HTML")])


def kasus() -> list[Kasus]:
    renja, h_renja = _renja()
    renja_tw3, h_renja_tw3 = _renja(sampai_tw=3)
    sipd, h_sipd = _sipd()
    hasil = [
        Kasus("renja_86_2017", "Formulir Evaluasi Hasil Renja PD (Permendagri 86/2017): K/Rp, TW I–IV, kode bertingkat, "
              "baris urusan/bidang, JUMLAH, rata-rata/predikat, faktor pendorong, tanda tangan", "evaluasi_renja_2024.xlsx", renja, h_renja),
        Kasus("renja_86_2017_tw3", "Formulir Evaluasi Renja yang sama diisi saat tahun berjalan: TW IV kosong, realisasi s.d. TW III",
              "evaluasi_renja_2024_tw3.xlsx", renja_tw3, h_renja_tw3),
        Kasus("sipd_lra", "Ekspor SIPD: satu kolom kode (urusan, bidang, program, kegiatan, sub kegiatan, rekening), angka teks ',00', "
              "SKPD di baris judul", "lra_dinsos_2024.xlsx", sipd, h_sipd),
    ]
    for nama, fungsi, berkas, letak in (
            ("ribuan", _ribuan, "ribuan_depok_2022.csv", "Satuan '(dalam ribuan rupiah)' di baris judul"),
            ("juta", _juta, "juta_depok_2021.csv", "Satuan '(juta rupiah)' di judul kolom"),
            ("polaritas_bukti", _polaritas, "polaritas_depok_2021.csv", "Capaian tercetak sebagai bukti polaritas"),
            ("pk_dan_anggaran", _pk_anggaran, "pk_jatim_2024.xlsx", "Tabel PK (target saja) lalu tabel program-anggaran "
                                                                   "(Rp 000) di satu lembar, sumber dan tanda tangan"),
            ("triwulan_sd_tw3", _triwulan_sd, "tw3_yogya_2024.xlsx", "Realisasi TW I–IV tanpa kolom jumlah, judul s.d. TW III"),
            ("triwulan_jumlah", _triwulan_jumlah, "tw_yogya_2023.xlsx", "Realisasi TW I–IV dan Jumlah di bawah 'Realisasi'"),
            ("angka_bertanda", _bertanda, "bertanda_depok_2022.csv", "Angka bertanda: ± 2.612, > 75%, kurang lebih 40"),
            ("html_sebagai_xls", _html_xls, "realisasi_sleman.xls", "Ekspor aplikasi web: tabel HTML bernama .xls")):
        data, h = fungsi()
        hasil.append(Kasus(nama, letak, berkas, data, h))
    hasil.append(Kasus("lembar_khusus", "Buku kerja dengan sampul, lembar tersembunyi dan lembar grafik", "magelang_2023.xlsx",
                       buku_lembar_khusus(), Harapan(jumlah={"indikator": 2}, baris={"indikator": [
                           {"instansi": "Dinas Sosial Kota Magelang", "tahun": 2023, "realisasi": 84.0}, {"realisasi": 57.0}]},
                           masalah=[("info", "Cadangan lama", None, None, "tersembunyi")])))
    for nama, judul, inst in (
            ("instansi_diy", [["LAPORAN KINERJA"], ["DINAS SOSIAL DAERAH ISTIMEWA YOGYAKARTA"], ["TAHUN 2023"]],
             "Dinas Sosial Daerah Istimewa Yogyakarta"),
            ("instansi_gabungan_dua_baris", [["CAPAIAN KINERJA DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK"],
                                             ["KOTA TOMOHON TAHUN 2023"]],
             "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kota Tomohon"),
            ("instansi_provinsi", [["DINAS SOSIAL PROVINSI SULAWESI SELATAN"], ["TAHUN ANGGARAN 2023"]],
             "Dinas Sosial Provinsi Sulawesi Selatan")):
        hasil.append(Kasus(nama, "Nama instansi di judul: " + " / ".join(j[0] for j in judul), f"{nama}.csv", _judul_instansi(judul),
                           Harapan(jumlah={"indikator": 1}, baris={"indikator": [{"instansi": inst, "tahun": 2023}]})))
    _, h_ods = _sipd()
    hasil.append(Kasus("ods_libreoffice", "Ekspor SIPD yang sama disimpan LibreOffice sebagai .ods", "lra_dinsos_2024.ods",
                       ods(_sipd_rows(), "LRA SKPD"), h_ods))
    return hasil


def _sipd_rows() -> list[list[object]]:
    from lkjip.ingest.berkas import baca_lembar

    data, _ = _sipd()
    return baca_lembar(data, "x.xlsx")[0].baris


# --- a form the importer does not understand by itself: the same every quarter ----------------------------------
MONEV = {1: [("Program Pemberdayaan Sosial", 500_000_000, 120_000_000), ("Program Rehabilitasi Sosial", 900_000_000, 210_000_000)],
         2: [("Program Pemberdayaan Sosial", 500_000_000, 260_000_000), ("Program Rehabilitasi Sosial", 900_000_000, 450_000_000)]}


def monev_madiun(tw: int) -> bytes:
    """A quarterly finance monitoring sheet whose amount headers ("Dana", "Terserap") name no known field."""
    rows = [[f"MONITORING DAN EVALUASI KEUANGAN TRIWULAN {'I' * tw}"], ["DINAS SOSIAL KOTA MADIUN TAHUN 2024"],
            ["No", "Nama Program", "Dana", "Terserap", "Catatan"]]
    for i, (prog, dana, serap) in enumerate(MONEV[tw], 1):
        rows.append([i, prog, dana, serap, None])
    return _xlsx(Lembar("Monev", rows))
