"""Reconciliation checks (lkjip.checks): where a report disagrees with itself.

Report figures are cited as (report, table, line in /work/shared/seeds/<file>.txt):
Parepare = 000_8f1909c004a6c784.txt, Pasuruan = 001_5c7e20ea8ffc3aed.txt, Bekasi = 004_6d435797d8fb9ce4.txt.
Every finding on the bundled data was checked by hand against the report text (see EXPECTED below).
"""
import csv
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from lkjip import checks
from lkjip.checks import KOLOM_TEMUAN, cocok_dibulatkan, desimal_tercetak
from lkjip.ingest import pratinjau
from lkjip.ingest.simpan import simpan
from lkjip.store import Store

ROOT = Path(__file__).resolve().parent.parent
PAREPARE, PASURUAN, BEKASI = "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan", "Dinas Sosial Kota Bekasi"


# ---------------------------------------------------------------------------------------------------
# fixtures and helpers

@pytest.fixture(scope="module")
def temuan(db_bawaan, tmp_path_factory):
    """The findings on the bundled data (computed once, on a private copy of the bundled database)."""
    salinan = tmp_path_factory.mktemp("cek") / "bawaan.duckdb"
    shutil.copy(db_bawaan, salinan)
    with Store(salinan) as s:
        return checks.periksa(s)


def _pilih(df, **kw):
    for k, v in kw.items():
        df = df[df[k] == v]
    return df


def _toko(tmp_path, *berkas: tuple[str, str]) -> Store:
    """A tiny store: each (file name, CSV text) goes through the user import path (typos kept as text)."""
    s = Store(tmp_path / "x.duckdb")
    for nama, teks in berkas:
        p = pratinjau(teks.encode("utf-8"), nama, simpan_salah_cetak=True)
        assert not p.galat, [m.teks() for m in p.galat]
        simpan(s, p)
    return s


IND = "instansi,tahun,sasaran,indikator,tingkat,polaritas,target,realisasi,capaian_dilaporkan,utama,sumber\n"
ANG = ("instansi,tahun,level,uraian,sasaran,pagu_awal,pagu,realisasi,serapan_dilaporkan,"
       "rencana_tw1,rencana_tw2,rencana_tw3,rencana_tw4,utama,sumber\n")
UJI = "Dinas Sosial Kota Uji"


def _ind(*baris: str) -> tuple[str, str]:
    return "indikator.csv", IND + "".join(f"{UJI},{b}\n" for b in baris)


def _ang(*baris: str, nama: str = "anggaran.csv") -> tuple[str, str]:
    return nama, ANG + "".join(f"{UJI},{b}\n" for b in baris)


def _jenis(df) -> list[str]:
    return sorted(df["jenis"])


# ---------------------------------------------------------------------------------------------------
# tolerance for honest rounding

@pytest.mark.parametrize("dicetak, dihitung, cocok", [
    ("94.73%", 90 / 95 * 100, True),     # Parepare 2023 Tabel 3.9 (baris 806): 94,7368 truncated
    ("94,74%", 90 / 95 * 100, True),     # rounded
    ("94,72%", 90 / 95 * 100, False),
    ("95%", 90 / 95 * 100, True),        # Parepare 2023 Tabel 3.2 (baris 618)
    ("109", 98.2 / 90 * 100, True),      # Pasuruan 2022 Tabel 3.2: 109,11
    ("82", 70 / 85 * 100, True),         # Parepare 2023 Tabel 3.2 (baris 619): 82,35
    ("106%", 85.77 / 80.50 * 100, True),  # Bekasi 2023 Tabel 3.1 (baris 508): 106,55 truncated
    ("107%", 85.77 / 80.50 * 100, True),
    ("105%", 85.77 / 80.50 * 100, False),
    ("85,2", 106.5, False),              # Parepare 2023 Tabel 3.8 (baris 767)
    ("98,67", 98.616, False),            # Parepare 2023 Tabel 3.11 (baris 859)
    ("90,35", 11488039623 / 12713646335 * 100, True),  # Bekasi 2023 Tabel 3.18 (baris 883): 90,3599 truncated
    ("0,53", 47959000 / 9202224555 * 100, False),       # Parepare 2023 Tabel 2.6 (baris 551): 0,5212
    ("72,24%", 20215254 / 287982480 * 100, False),      # Pasuruan 2022 Tabel 3.9 (baris 636): 7,02
    ("-14,8", -14.87, True),             # negative: truncated toward zero
    ("-14,9", -14.87, True),
    ("-15", -14.87, True),
    ("-14,7", -14.87, False),
    ("100,00", 100.004, True),
    ("100,00", 100.02, False),
    ("4.207", 4207.0, True),             # a thousands separator is not a decimal mark
    (94.73, 90 / 95 * 100, True),        # a number: its own decimals
    (85.2, 106.5, False),
    ("BB", 100.0, False),
    ("94,73", None, False),
])
def test_cocok_dibulatkan(dicetak, dihitung, cocok):
    assert cocok_dibulatkan(dicetak, dihitung) is cocok


@pytest.mark.parametrize("teks, desimal", [
    ("94.73%", 2), ("106%", 0), ("85,2", 1), ("4.207", 0), ("4207 KPM", 0), ("Rp 3.266.735.000,00", 2),
    ("70,10 (BB)", 2), ("100.00", 2), ("0,53", 2), ("Rp1,5M", 0), ("-14.8%", 1), ("98,2 %", 1),
])
def test_desimal_tercetak(teks, desimal):
    assert desimal_tercetak(teks) == desimal


def test_toleransi_menentukan_temuan(tmp_path):
    """90 against 95 is 94,7368%: printed 95, 94, 94,7, 94,73 and 94,74 are honest; 94,8 and 93 are not.
    This fails both if truncation were refused (94,73, 94) and if the tolerance were looser (94,8)."""
    printed = ["95%", "94%", "94,7%", "94,73%", "94,74%", "94,8%", "93%"]
    s = _toko(tmp_path, _ind(*[f'2024,S,Lansia {i},sasaran,positif,95%,90%,"{p}",1,LKjIP Uji 2024 Tabel 3.1'
                               for i, p in enumerate(printed)]))
    df = _pilih(checks.periksa(s), jenis="capaian_tidak_sesuai")
    assert sorted(df["baris"]) == ["Lansia 5", "Lansia 6"]
    r = _pilih(df, baris="Lansia 5").iloc[0]
    assert r["dilaporkan"] == 94.8 and r["dihitung"] == pytest.approx(94.7368, abs=1e-4)
    assert r["tingkat"] == "peringatan"  # off by less than one point
    assert _pilih(df, baris="Lansia 6")["tingkat"].iloc[0] == "galat"
    assert "94,74%" in r["penjelasan"] and "1 desimal" in r["penjelasan"]


# ---------------------------------------------------------------------------------------------------
# the bundled reports: every finding, each checked by hand against the report text

EXPECTED = {
    # Bekasi 2023
    (BEKASI, "angka_salah_cetak", "LKjIP Bekasi 2023, Tabel 3.18", "Program Pemberdayaan Sosial"),  # baris 884 'Rp 3.266.735000'
    (BEKASI, "jumlah_bagian_tidak_sesuai", "LKjIP Bekasi 2023, Tabel 3.17", "JUMLAH"),  # baris 866-872: pagu awal 25.106.563.484 vs 25.106.561.484
    (BEKASI, "beda_antar_tabel", "LKjIP Bekasi 2023, Tabel 3.1; Tabel 2.3; Tabel 3.4; Tabel 3.8; Tabel 2.2",
     "Persentase PPKS binaan yang mandiri"),  # target 13% (Tabel 2.2, baris 382) vs 14 (Tabel 2.3 baris 407, Tabel 3.1 baris 509)
    # Parepare 2023
    (PAREPARE, "jumlah_bagian_tidak_sesuai", "LKjIP Parepare 2023, Bab II (teks); Tabel 2.6; Tabel 2.7; Bab III (teks)",
     "Jumlah pendanaan Tahun Anggaran 2023 (DPA)"),  # 7 programs (baris 692, 780, 873, 932) pagu 9.853.671.455 > 9.202.224.555 (baris 547, 552, 571)
    (PAREPARE, "jumlah_bagian_tidak_sesuai", "LKjIP Parepare 2023, Bab III (teks); Tabel 3.15",
     "Realisasi anggaran Dinas Sosial TA 2023"),  # program realisasi 6.682.270.364 > 6.447.258.513 (baris 964, 969)
    (PAREPARE, "jumlah_bagian_tidak_sesuai", "LKjIP Parepare 2023, Tabel 2.7; Bab III (teks)",
     "Meningkatnya Pemberdayaan bagi penyandang masalah kesejahteraan sosial (PMKS) serta Potensi dan Sumber Kesejahteraan Sosial (PSKS)"),
    # ^ 3 programs of sasaran 2 (baris 780) 4.826.817.400 > Tabel 2.7 4.175.370.900 (baris 561)
    (PAREPARE, "jumlah_bagian_tidak_sesuai", "LKjIP Parepare 2023, Tabel 2.7; Bab III (teks)",
     "Meningkatnya akuntabilitas kinerja urusan sosial"),  # baris 692 Rp3.912.417.555 vs Tabel 2.7 baris 560 Rp3.912.417.155
    (PAREPARE, "rata_rata_tidak_sesuai", "LKjIP Parepare 2023, Bab III (teks); Tabel 3.2",
     "Sasaran 2: Meningkatnya Pemberdayaan bagi penyandang masalah kesejahteraan sosial (PMKS) serta Potensi dan Sumber Kesejahteraan Sosial (PSKS)"),
    # ^ baris 772 '85,2%' vs Tabel 3.2 88, 133, 105, 100 (baris 613-616)
    (PAREPARE, "rata_rata_tidak_sesuai", "LKjIP Parepare 2023, Tabel 3.8",
     "Sasaran 2: Meningkatnya Pemberdayaan bagi penyandang masalah kesejahteraan sosial (PMKS) serta Potensi dan Sumber Kesejahteraan Sosial (PSKS)"),
    # ^ baris 763-767: 85,2 vs mean 106,5
    (PAREPARE, "rata_rata_tidak_sesuai", "LKjIP Parepare 2023, Bab III (teks); Tabel 3.2",
     "Sasaran 3: Meningkatnya Rehabilitasi dan perlindungan jaminan sosial bagi PMKS"),  # baris 865 98,67 vs Tabel 3.2 mean 98,6
    (PAREPARE, "rata_rata_tidak_sesuai", "LKjIP Parepare 2023, Tabel 3.11",
     "Sasaran 3: Meningkatnya Rehabilitasi dan perlindungan jaminan sosial bagi PMKS"),  # baris 854-859: 98,67 vs 98,616
    (PAREPARE, "serapan_tidak_sesuai", "LKjIP Parepare 2023, Bab III (teks)",
     "Sasaran 2: Meningkatnya Pemberdayaan bagi penyandang masalah kesejahteraan sosial (PMKS) serta Potensi dan Sumber Kesejahteraan Sosial (PSKS)"),
    # ^ baris 772 67,43% vs programs of baris 780: 2.636.022.650 / 4.826.817.400 = 54,61%
    (PAREPARE, "serapan_tidak_sesuai", "LKjIP Parepare 2023, Tabel 3.8",
     "Sasaran 2: Meningkatnya Pemberdayaan bagi penyandang masalah kesejahteraan sosial (PMKS) serta Potensi dan Sumber Kesejahteraan Sosial (PSKS)"),
    (PAREPARE, "serapan_tidak_sesuai", "LKjIP Parepare 2023, Bab III (teks)",
     "Sasaran 3: Meningkatnya Rehabilitasi dan perlindungan jaminan sosial bagi PMKS"),  # baris 867 81.01% vs 769.120.700 / 985.072.200 = 78,08%
    (PAREPARE, "serapan_tidak_sesuai", "LKjIP Parepare 2023, Tabel 3.11",
     "Sasaran 3: Meningkatnya Rehabilitasi dan perlindungan jaminan sosial bagi PMKS"),  # baris 854
    (PAREPARE, "beda_antar_tabel", "LKjIP Parepare 2023, Tabel 3.2; Tabel 3.6; Tabel 3.7; Tabel 3.8; Tabel 3.16",
     "Jumlah rumah tangga yang mendapatkan bantuan tunai bersyarat/Program Keluarga Harapan."),  # capaian 105% vs 4207 (Tabel 3.16, baris 1009)
    (PAREPARE, "nilai_kembar", "LKjIP Parepare 2023, Bab III (teks)",
     "Program Pemberdayaan Sosial / Program Rehabilitasi Sosial"),  # Rp832.495.000 at baris 780 and baris 873
    (PAREPARE, "beda_antar_tabel", "LKjIP Parepare 2023, Tabel 3.2; Tabel 3.16; Tabel 3.9; Tabel 3.10; Tabel 3.11",
     "Persentase gelandangan dan pengemis di luar panti yang mendapatkan pelayanan"),  # 82% (baris 619, 1013) vs 82.35% (baris 807, 820, 857)
    (PAREPARE, "beda_antar_tabel", "LKjIP Parepare 2023, Tabel 3.2; Tabel 3.16; Tabel 3.9; Tabel 3.10; Tabel 3.11",
     "Persentase penduduk lanjut usia telantar di luar panti yang mendapatkan pelayanan"),  # 95% (baris 618, 1012) vs 94.73% (baris 806, 819, 856)
    # Pasuruan 2022
    (PASURUAN, "angka_salah_cetak", "LKjIP Pasuruan 2022, Tabel 2.5",
     "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat Kewenangan Kab/Kota"),  # baris 410 'Rp. 36.0509.030'
    (PASURUAN, "angka_salah_cetak", "LKjIP Pasuruan 2022, Tabel 3.9", "Program Perlindungan dan Jaminan Sosial"),  # baris 634 'Rp91-.160.954'
    (PASURUAN, "jumlah_bagian_tidak_sesuai", "LKjIP Pasuruan 2022, Tabel 2.5",
     "Pengelolaan Data Fakir Miskin Cakupan Daerah Kab/Kota"),  # baris 424-426: 910.960.954 vs 239.948.300 + 670.212.654
    (PASURUAN, "jumlah_bagian_tidak_sesuai", "LKjIP Pasuruan 2022, Tabel 3.9",
     "Meningkatnya Layanan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"),  # baris 632-636: realisasi 17.713.282.070 vs 16.508.887.834
    (PASURUAN, "serapan_tidak_sesuai", "LKjIP Pasuruan 2022, Tabel 3.9", "Program Pengelolaan Taman Makam Pahlawan"),  # baris 636: 72,24% vs 7,02%
    (PASURUAN, "beda_antar_tabel", "LKjIP Pasuruan 2022, Tabel 3.9; Bab II (teks)",
     "Program Pengelolaan Taman Makam Pahlawan"),  # Rp287.982.480 (baris 636) vs Rp. 27.982.480,00 (baris 332)
    (PASURUAN, "beda_antar_tabel", "LKjIP Pasuruan 2022, Tabel 3.9; Tabel 3.7",
     "Meningkatnya Layanan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"),  # pagu 24.055.295.545 (baris 632) vs 28.568.613.969 (baris 580)
    (PASURUAN, "jumlah_bagian_tidak_sesuai", "LKjIP Pasuruan 2022, Tabel 3.9; Bab II (teks)",
     "Meningkatnya Layanan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"),  # 5 programs (baris 328-332) 24.055.295.451 vs 24.055.295.545
} | {
    # --- percentages, averages, sub-targets, totals, scores, categories and narrative claims (klaim.csv) ---
    # Parepare 2023
    (PAREPARE, "persen_tidak_sesuai", "LKjIP Parepare 2023, Tabel 3.2 (Formulasi) (baris 635)",
     "Persentase anak telantar di luar panti yang mendapatkan pelayanan"),  # '5/6 × 100% = 85%', 5/6 = 83,33%
    (PAREPARE, "persen_tidak_sesuai", "LKjIP Parepare 2023, Bab III (teks) (baris 743)",
     "Persentase PMKS yang Memeroleh Bantuan Sosial"),  # '56.55% di tahun 2021': 170,88 (Tabel 3.7, baris 730) − 88 = 82,88
    (PAREPARE, "persen_tidak_sesuai", "LKjIP Parepare 2023, Tabel 2.6", "Belanja Modal"),
    # ^ info only: 0,53 for 47.959.000 / 9.202.224.555 = 0,521% (baris 551), one unit off so that 99,47 + 0,53 = 100
    (PAREPARE, "klaim_bertentangan", "LKjIP Parepare 2023, Bab III (teks) (baris 747)", "Persentase PMKS yang tertangani"),
    # ^ 'terjadi penurunan kinerja dibanding tahun 2022' but Tabel 3.7: 114,33% (2022) -> 133% (2023)
    (PAREPARE, "klaim_bertentangan", "LKjIP Parepare 2023, Ikhtisar Eksekutif (teks) (baris 49)", "seluruh indikator kinerja utama"),
    # ^ 'mencapai target 100% untuk keseluruhan indikator' but Tabel 3.2: 88% (baris 613), 95% (618), 82% (619)
    (PAREPARE, "efisiensi_tidak_sesuai", "LKjIP Parepare 2023, Tabel 3.5",
     "Sasaran 1: Meningkatnya akuntabilitas kinerja urusan sosial"),  # baris 680: 14,2 beside 100 and 80.76 (100 − 80,76 = 19,24)
    (PAREPARE, "efisiensi_tidak_sesuai", "LKjIP Parepare 2023, Bab III (teks)",
     "Sasaran 1: Meningkatnya akuntabilitas kinerja urusan sosial"),  # baris 686: the same 14,2%
    (PAREPARE, "efisiensi_tidak_sesuai", "LKjIP Parepare 2023, Tabel 3.8",
     "Sasaran 2: Meningkatnya Pemberdayaan bagi penyandang masalah kesejahteraan sosial (PMKS) serta Potensi dan Sumber Kesejahteraan Sosial (PSKS)"),
    # ^ baris 763: −14.8 beside 85,2 and 67.43 (17,77 expected; −14,8 = 85,2 − 100)
    (PAREPARE, "efisiensi_tidak_sesuai", "LKjIP Parepare 2023, Bab III (teks)",
     "Sasaran 2: Meningkatnya Pemberdayaan bagi penyandang masalah kesejahteraan sosial (PMKS) serta Potensi dan Sumber Kesejahteraan Sosial (PSKS)"),
    # ^ baris 772
    (PAREPARE, "efisiensi_tidak_sesuai", "LKjIP Parepare 2023, Tabel 3.11",
     "Sasaran 3: Meningkatnya Rehabilitasi dan perlindungan jaminan sosial bagi PMKS"),  # baris 854: −1.38 beside 98,67 and 81.01
    (PAREPARE, "efisiensi_tidak_sesuai", "LKjIP Parepare 2023, Bab III (teks)",
     "Sasaran 3: Meningkatnya Rehabilitasi dan perlindungan jaminan sosial bagi PMKS"),  # baris 867
    (PAREPARE, "efisiensi_tidak_sesuai", "LKjIP Parepare 2023, Tabel 3.14",
     "Sasaran 4: Terwujudnya pelestarian nilai- nilai kepahlawanan"),  # baris 920: 0 beside 100,00 and 90,89 (9,11 expected)
    (PAREPARE, "efisiensi_tidak_sesuai", "LKjIP Parepare 2023, Bab III (teks)",
     "Sasaran 4: Terwujudnya pelestarian nilai- nilai kepahlawanan"),  # baris 926
    # Pasuruan 2022
    (PASURUAN, "persen_tidak_sesuai", "LKjIP Pasuruan 2022, Tabel 3.4 (baris 537)",
     "Tingkat kemajuan terhadap target akhir Renstra: %PPKS yang terakses layanan sosial dasar"),  # 100% for 98,2 / 99 = 99,19%
    (PASURUAN, "rata_rata_teks_tidak_sesuai", "LKjIP Pasuruan 2022, Bab III (teks) (baris 527)",
     "%PPKS yang terakses layanan sosial dasar"),  # 'rata-rata ... 98,2 %' of Tabel 3.3 (baris 523) 3,97; 57,05; 98,2 = 53,07
    (PASURUAN, "rincian_tidak_sesuai", "LKjIP Pasuruan 2022, Tabel 2.5 (baris 352-361)",
     "Pemberian Pelayanan Reunifikasi Keluarga: Jumlah orang yang mendapatkan pelayanan reunifikasi keluarga Kewenangan Kabupaten/Kota"),
    # ^ 220 Orang vs 110 + 10 + 11 + 6 + 76 + 6 = 219
    (PASURUAN, "klaim_bertentangan", "LKjIP Pasuruan 2022, Ikhtisar Eksekutif (teks) (baris 45)", "jumlah program"),  # 6 vs 5 (baris 328-332)
    (PASURUAN, "klaim_bertentangan", "LKjIP Pasuruan 2022, Ikhtisar Eksekutif (teks) (baris 45)", "jumlah kegiatan"),  # 14 vs 7 (Tabel 2.5)
    (PASURUAN, "klaim_bertentangan", "LKjIP Pasuruan 2022, Ikhtisar Eksekutif (teks) (baris 45)", "jumlah sub kegiatan"),  # 38 vs 18
    (PASURUAN, "total_beda_antar_tabel", "LKjIP Pasuruan 2022, Tabel 1.1; Tabel 3.7", "APBD"),
    # ^ APBD 2022 Rp. 28.155.762.151 (baris 166) vs the only sasaran's budget 28.568.613.969 (baris 580)
    (PASURUAN, "total_beda_antar_tabel", "LKjIP Pasuruan 2022, Tabel 1.1; Tabel 3.9", "APBD"),  # vs Rp24.055.295.545 (baris 632)
    (PASURUAN, "kategori_tidak_sesuai", "LKjIP Pasuruan 2022, Bab IV (teks) (baris 656)",
     "Sasaran: Meningkatnya Layanan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"),  # 109 'Berhasil'; Tabel 3.1 (baris 448): Sangat Tinggi
    # Bekasi 2023
    (BEKASI, "persen_tidak_sesuai", "LKjIP Bekasi 2023, Bab I (teks) (baris 140)", "Nilai Indeks Kepuasan Masyarakat (IKM): capaian 2022"),
    # ^ IKM 2022 'capaian 100%' with 82,90 against the 2022 target 80,50 (Tabel 2.1, baris 357): 102,98%
    (BEKASI, "klaim_bertentangan", "LKjIP Bekasi 2023, Bab III (teks) (baris 520)", "jumlah program"),  # '5 Program' vs Tabel 3.9: 2
    (BEKASI, "klaim_bertentangan", "LKjIP Bekasi 2023, Bab III (teks) (baris 520)", "jumlah kegiatan"),  # '6 Kegiatan' vs Tabel 3.9: 4
    (BEKASI, "klaim_bertentangan", "LKjIP Bekasi 2023, Bab III (teks) (baris 569)", "jumlah kegiatan"),  # '2 Program dan 6 Kegiatan'
    (BEKASI, "skor_berbeda", "LKjIP Bekasi 2023, Bab I (teks); Tabel 3.2 (baris 538-545)", "Nilai SAKIP"),
    # ^ column '2021' of Tabel 3.2 prints 77,26; Bab I (baris 139) gives 77,23 for 2021
    (BEKASI, "beda_antar_tabel", "LKjIP Bekasi 2023, Tabel 3.17; Bab III (teks)", "JUMLAH"),
    # ^ baris 858 'alokasi anggaran sebesar Rp. 32.019.890.719, pada penetapan APBD' vs Tabel 3.17 JUMLAH pagu awal
    #   Rp 25.106.563.484 (baris 872); 32.019.890.719 is the PERUBAHAN column
    (PAREPARE, "porsi_sasaran_tertukar", "LKjIP Parepare 2023, Bab II (teks); Tabel 2.7",
     "Sasaran 2: Meningkatnya Pemberdayaan bagi penyandang masalah kesejahteraan sosial (PMKS) serta Potensi dan Sumber Kesejahteraan Sosial (PSKS)"),
    # ^ baris 576 gives 10,70% to 'Meningkatnya Pemberdayaan Bagi PMKS serta PSKS' (sasaran 2, 45.37% in Tabel 2.7 baris 561);
    #   10.70% is sasaran 3's share (Rp985.072.200 / Rp9.202.224.555, baris 565)
}


def test_semua_temuan_data_bawaan_sudah_diperiksa(temuan):
    """Exactly the disagreements verified by hand: no false alarm, none missed."""
    ada = {(r.instansi, r.jenis, r.sumber, r.baris) for r in temuan.itertuples()}
    assert ada == EXPECTED
    # one finding per line, except the two realisasi comparisons of the Pasuruan sasaran (Tabel 3.7 vs 3.9)
    assert len(temuan) == len(EXPECTED) + 1
    assert len(_pilih(temuan, instansi=PASURUAN, jenis="beda_antar_tabel", sumber="LKjIP Pasuruan 2022, Tabel 3.9; Tabel 3.7")) == 2


def test_kolom_urutan_dan_deterministik(temuan, db):
    assert list(temuan.columns) == KOLOM_TEMUAN
    assert set(temuan["jenis"]) <= set(checks.JENIS) and set(temuan["tingkat"]) <= set(checks.TINGKAT)
    peringkat = temuan["tingkat"].map({"galat": 0, "peringatan": 1, "info": 2})
    kunci = list(zip(temuan["instansi"], temuan["tahun"], peringkat, temuan["jenis"]))
    assert kunci == sorted(kunci)
    with Store(db) as s:
        lagi = checks.periksa(s)
    pd.testing.assert_frame_equal(temuan, lagi)
    tanpa_kutipan = temuan["penjelasan"].str.replace(r"'[^']*'", "''", regex=True)  # printed text may hold 'Rp. '
    assert all(p.endswith(".") and p.count(". ") == 0 for p in tanpa_kutipan)  # one sentence each
    assert all(i and all(x.isdigit() for x in i.split(",")) for i in temuan["ids"])


def test_ids_menunjuk_baris_yang_terlibat(temuan, db):
    """The ids are indikator / anggaran / nilai_dilaporkan ids of the rows involved."""
    with Store(db) as s:
        ang = s.anggaran().set_index("id")
        nd = s.tabel("nilai_dilaporkan").set_index("id")
    r = _pilih(temuan, instansi=BEKASI, jenis="jumlah_bagian_tidak_sesuai").iloc[0]
    ids = [int(x) for x in r["ids"].split(",")]
    assert sorted(ang.loc[ids, "level"]) == ["program"] * 6 + ["total"]
    assert set(ang.loc[ids, "sumber"]) == {"LKjIP Bekasi 2023, Tabel 3.17"}
    r = _pilih(temuan, instansi=PAREPARE, jenis="rata_rata_tidak_sesuai", sumber="LKjIP Parepare 2023, Tabel 3.8").iloc[0]
    ids = [int(x) for x in r["ids"].split(",")]
    assert [i for i in ids if i in nd.index] and nd.loc[[i for i in ids if i in nd.index], "nilai_teks"].tolist() == ["85,2"]


def test_parepare_rata_rata_tabel_3_8(temuan):
    """LKjIP Parepare 2023, Tabel 3.8 (baris 763-767): capaian 88, 133, 105, 100; printed average 85,2; mean 106,5."""
    r = _pilih(temuan, instansi=PAREPARE, jenis="rata_rata_tidak_sesuai", sumber="LKjIP Parepare 2023, Tabel 3.8")
    assert len(r) == 1
    r = r.iloc[0]
    assert r["dilaporkan"] == pytest.approx(85.2) and r["dihitung"] == pytest.approx(106.5)
    assert r["selisih"] == pytest.approx(-21.3) and r["tingkat"] == "galat"
    assert "85,2" in r["penjelasan"] and "106,5" in r["penjelasan"] and "88; 133; 105; 100" in r["penjelasan"]


def test_bekasi_ikm_106_persen_bukan_temuan(temuan):
    """LKjIP Bekasi 2023, Tabel 3.1 (baris 508): IKM 85,77 against 80,50 printed 106%; 106,55 truncated: honest."""
    ikm = temuan[temuan["baris"].str.contains("Kepuasan Masyarakat") & (temuan["tahun"] == 2023)]
    assert ikm.empty  # (the 2022 IKM 'capaian 100%' of Bab I, baris 140, is a finding: see EXPECTED)
    assert _pilih(temuan, jenis="capaian_tidak_sesuai").empty


def test_parepare_lansia_beda_antar_tabel(temuan):
    """LKjIP Parepare 2023: lansia capaian 95% in Tabel 3.2 (baris 618) but 94.73% in Tabel 3.9 (baris 806)."""
    r = temuan[(temuan["jenis"] == "beda_antar_tabel") & temuan["baris"].str.contains("lanjut usia")]
    assert len(r) == 1
    r = r.iloc[0]
    assert (r["dilaporkan"], r["dihitung"]) == (95.0, 94.73)
    assert r["tingkat"] == "info"  # one is the rounding of the other: a precision difference
    assert "Tabel 3.2" in r["sumber"] and "Tabel 3.9" in r["sumber"]
    assert "95%" in r["penjelasan"] and "94.73%" in r["penjelasan"]


def test_bekasi_tabel_3_17_pagu_awal(temuan):
    """LKjIP Bekasi 2023, Tabel 3.17 (baris 866-872): JUMLAH pagu awal Rp 25.106.563.484, programs add to 25.106.561.484."""
    r = _pilih(temuan, instansi=BEKASI, jenis="jumlah_bagian_tidak_sesuai")
    assert len(r) == 1
    r = r.iloc[0]
    assert (r["dilaporkan"], r["dihitung"], r["selisih"]) == (25106563484.0, 25106561484.0, 2000.0)
    assert r["sumber"] == "LKjIP Bekasi 2023, Tabel 3.17" and r["baris"] == "JUMLAH"
    assert "Pagu awal" in r["penjelasan"] and "Rp 2.000" in r["penjelasan"]


def test_bekasi_penetapan_apbd_adalah_pagu_perubahan(temuan):
    """LKjIP Bekasi 2023, baris 858: 'alokasi anggaran sebesar Rp. 32.019.890.719, pada penetapan APBD Tahun 2023'; Tabel 3.17
    (baris 872) prints JUMLAH pagu AWAL Rp 25.106.563.484 and PERUBAHAN Rp 32.019.890.719 (and baris 876 says the total
    'berubah pada saat penetapan P-APBD menjadi' 32.019.890.719): the text gives the changed pagu as the original one."""
    r = _pilih(temuan, instansi=BEKASI, jenis="beda_antar_tabel", sumber="LKjIP Bekasi 2023, Tabel 3.17; Bab III (teks)")
    assert len(r) == 1
    r = r.iloc[0]
    assert (r["dilaporkan"], r["dihitung"], r["selisih"]) == (25106563484.0, 32019890719.0, -6913327235.0)
    assert r["tahun"] == 2023 and r["tingkat"] == "peringatan"
    assert "Pagu awal" in r["penjelasan"] and "Rp 32.019.890.719 adalah pagu setelah perubahan APBD di Tabel 3.17" in r["penjelasan"]


def test_parepare_porsi_anggaran_untuk_sasaran_yang_salah(temuan):
    """LKjIP Parepare 2023, baris 576: 'sasaran ... Meningkatnya Pemberdayaan Bagi PMKS serta PSKS dan ... Kepahlawanan sebesar
    10,70% dan 1,40%'. Tabel 2.7: sasaran 2 (Pemberdayaan ... PSKS) Rp4.175.370.900 = 45.37% (baris 561); 10.70% is sasaran 3
    (Rehabilitasi, Rp985.072.200, baris 565) of Rp9.202.224.555 (baris 571)."""
    r = _pilih(temuan, instansi=PAREPARE, jenis="porsi_sasaran_tertukar")
    assert len(r) == 1
    r = r.iloc[0]
    assert r["dilaporkan"] == pytest.approx(10.70) and r["dihitung"] == pytest.approx(4175370900 / 9202224555 * 100)
    assert r["tingkat"] == "galat" and r["baris"].startswith("Sasaran 2: Meningkatnya Pemberdayaan")
    p = r["penjelasan"]
    assert "10,70%" in p and "Rp 4.175.370.900" in p and "Rp 9.202.224.555" in p and "45,37%" in p
    assert "'Meningkatnya Rehabilitasi dan perlindungan jaminan sosial bagi PMKS'" in p and "Rp 985.072.200" in p
    # the same share given to its own sasaran (Tabel 2.7 and the 45,37% of baris 576) is no finding
    assert _pilih(temuan, instansi=PAREPARE, jenis="persen_tidak_sesuai", sumber="LKjIP Parepare 2023, Bab II (teks)").empty


def test_pasuruan_angka_salah_cetak(temuan):
    """LKjIP Pasuruan 2022, Tabel 3.9 (baris 634): pagu printed 'Rp91-.160.954'."""
    r = _pilih(temuan, instansi=PASURUAN, jenis="angka_salah_cetak", sumber="LKjIP Pasuruan 2022, Tabel 3.9").iloc[0]
    assert r["baris"] == "Program Perlindungan dan Jaminan Sosial"
    assert "'Rp91-.160.954'" in r["penjelasan"] and r["tingkat"] == "galat"
    assert pd.isna(r["dilaporkan"]) and pd.isna(r["dihitung"])


def test_parepare_nilai_kembar(temuan):
    """LKjIP Parepare 2023, Bab III: Program Pemberdayaan Sosial (baris 780) and Program Rehabilitasi Sosial
    (baris 873) both Rp832.495.000."""
    r = _pilih(temuan, jenis="nilai_kembar")
    assert len(r) == 1
    r = r.iloc[0]
    assert r["instansi"] == PAREPARE and r["dilaporkan"] == 832495000.0
    assert "Program Pemberdayaan Sosial" in r["baris"] and "Program Rehabilitasi Sosial" in r["baris"]
    assert len(r["ids"].split(",")) == 2


def test_bekasi_tabel_2_4_triwulan_cocok(temuan, db):
    """LKjIP Bekasi 2023, Tabel 2.4 (baris 424-468): 40 sub kegiatan, their TW I-IV and the three total rows add up:
    no finding. A changed quarter is found, so the check does look at this table."""
    assert not temuan["sumber"].str.contains("Tabel 2.4").any()
    with Store(db) as s:
        ang = s.anggaran([BEKASI], [2023])
    t24 = ang[ang["sumber"] == "LKjIP Bekasi 2023, Tabel 2.4"]
    assert len(t24) == 43 and checks.cek_jumlah_bagian(t24).empty
    ubah = t24.copy()
    i = ubah.index[ubah["uraian"] == "Penyediaan Gaji dan Tunjangan ASN"][0]
    ubah.loc[i, "rencana_tw2"] += 1000
    df = checks.cek_jumlah_bagian(ubah)
    assert len(_pilih(df, baris="Penyediaan Gaji dan Tunjangan ASN")) == 1  # its own TW I-IV vs pagu
    assert len(_pilih(df, baris="Dinas Sosial")) + len(_pilih(df, baris="TOTAL")) == 3  # each printed total's TW II
    assert set(df["selisih"].abs()) == {1000.0}


def test_ringkas_per_instansi(temuan):
    r = checks.ringkas_per_instansi(temuan)
    assert list(r.columns) == ["instansi", "jumlah", "galat", "peringatan", "info"]
    assert list(r["instansi"]) == [BEKASI, PAREPARE, PASURUAN]
    assert r["jumlah"].sum() == len(temuan)
    assert (r["galat"] + r["peringatan"] + r["info"] == r["jumlah"]).all()
    assert r.set_index("instansi").loc[PAREPARE, "info"] == len(_pilih(temuan, instansi=PAREPARE, tingkat="info")) == 3
    assert checks.ringkas_per_instansi(temuan.iloc[0:0]).empty


def test_jumlah_per_instansi_dihitung_di_basis_data(db_bawaan, tmp_path):
    """The count the Ringkasan cards show, done in SQL, equals the summary of the findings read whole."""
    salinan = tmp_path / "bawaan.duckdb"
    shutil.copy(db_bawaan, salinan)
    with Store(salinan) as s:
        for pilih in ({}, {"instansi": [PAREPARE]}, {"tahun": [2023]}, {"instansi": [BEKASI, PASURUAN], "tahun": [2022]}):
            sql = checks.jumlah_per_instansi(s, **pilih)
            pd.testing.assert_frame_equal(sql, checks.ringkas_per_instansi(checks.temuan(s, **pilih)))
        assert checks.jumlah_per_instansi(s)["jumlah"].sum() == 57  # every finding on the bundled data
        assert checks.jumlah_per_instansi(s, tahun=[1999]).empty


def test_saring_instansi_dan_tahun(db):
    with Store(db) as s:
        df = checks.periksa(s, [PASURUAN], [2022])
        assert set(df["instansi"]) == {PASURUAN}
        assert len(df) == len([e for e in EXPECTED if e[0] == PASURUAN]) + 1  # + the second Tabel 3.7/3.9 realisasi
        assert checks.periksa(s, [PASURUAN], [2023]).empty
        assert list(checks.periksa(s, [PASURUAN], [2023]).columns) == KOLOM_TEMUAN


# ---------------------------------------------------------------------------------------------------
# each check on a tiny store or small frames

def test_salah_polaritas(tmp_path):
    """DOMAIN.md: negatif, target 7, realisasi 6,5 -> 107,14; printing 92,86 (= 6,5/7) uses the positive
    formula. Positif, target 10, realisasi 8, printed 120 (= the negative formula)."""
    s = _toko(tmp_path, _ind(
        '2024,S,Angka kemiskinan,sasaran,negatif,7,"6,5","92,86%",1,LKjIP Uji 2024 Tabel 3.1',
        "2024,S,Jumlah KPM,sasaran,positif,10,8,120%,1,LKjIP Uji 2024 Tabel 3.1",
        "2024,S,Jumlah PSKS,sasaran,positif,10,12,70%,1,LKjIP Uji 2024 Tabel 3.1",
    ))
    df = checks.periksa(s)
    assert list(zip(df["baris"], df["jenis"])) == [("Jumlah PSKS", "capaian_tidak_sesuai"), ("Angka kemiskinan", "salah_polaritas"),
                                                   ("Jumlah KPM", "salah_polaritas")]  # one finding per row
    r = _pilih(df, baris="Angka kemiskinan").iloc[0]
    assert r["dihitung"] == pytest.approx(107.142857) and r["dilaporkan"] == pytest.approx(92.86)
    assert "tertukar" in r["penjelasan"] and "negatif" in r["penjelasan"] and "92,86%" in r["penjelasan"]
    assert "tertukar" in _pilih(df, baris="Jumlah KPM")["penjelasan"].iloc[0]
    # 70 is below 100 although realisasi passed the target, but it is neither formula (120 / 80): a plain mismatch
    psks = _pilih(df, baris="Jumlah PSKS").iloc[0]
    assert psks["tingkat"] == "galat" and "di bawah 100%" in psks["penjelasan"] and "tertukar" not in psks["penjelasan"]


def test_target_realisasi_kosong(tmp_path):
    s = _toko(tmp_path, _ind(
        "2024,S,Tanpa realisasi,sasaran,positif,80%,,,1,LKjIP Uji 2024 Tabel 3.1",
        "2024,S,Tanpa target,sasaran,positif,,70%,,1,LKjIP Uji 2024 Tabel 3.1",
        "2024,S,Predikat,sasaran,ordinal,BB,BB,100%,1,LKjIP Uji 2024 Tabel 3.1",
        "2024,S,Bukan utama,sasaran,positif,80%,,,0,LKjIP Uji 2024 Tabel 3.1",
        "2024,S,Indikator program,program,positif,80%,,,1,LKjIP Uji 2024 Tabel 3.1",
        "2023,S,Tanpa realisasi,sasaran,positif,,,90%,1,LKjIP Uji 2024 Tabel 3.4",  # an earlier year quoted: only capaian
    ))
    df = _pilih(checks.periksa(s), jenis="target_realisasi_kosong")
    assert sorted(df["baris"]) == ["Tanpa realisasi", "Tanpa target"]
    assert set(df["tahun"]) == {2024} and set(df["tingkat"]) == {"peringatan"}
    assert "tidak mencantumkan realisasi" in _pilih(df, baris="Tanpa realisasi")["penjelasan"].iloc[0]


def test_beda_antar_tabel_indikator_dan_anggaran(tmp_path):
    s = _toko(tmp_path, _ind(
        "2024,S,Lansia,sasaran,positif,95%,90%,95%,1,LKjIP Uji 2024 Tabel 3.1",
        "2024,S,Lansia,sasaran,positif,90%,90%,100%,0,LKjIP Uji 2024 Tabel 3.9",
    ), _ang(
        "2024,program,PROGRAM REHABILITASI SOSIAL KABUPATEN/KOTA,,,1.000.000.000,,,,,,,1,LKjIP Uji 2024 Tabel 3.18",
        "2024,program,Program Penanganan Bencana,,,200.000.000,,,,,,,1,LKjIP Uji 2024 Tabel 3.18",
        "2024,program,Rehabilitasi Sosial,,,1.100.000.000,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
        "2024,program,Program Penanganan Bencana,,,200.000.000,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
        "2024,sub_kegiatan,Penyediaan Sandang,,,300.000.000,,,,,,,0,LKjIP Uji 2024 Tabel 2.4",
        "2024,sub_kegiatan,Penyediaan Sandang,,,263.650.000,,,,,,,0,LKjIP Uji 2024 Tabel 2.4",
        "2024,sub_kegiatan,Penyediaan sandang,,,263.000.000,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
    ))
    df = _pilih(checks.periksa(s), jenis="beda_antar_tabel")
    ind = df[df["baris"] == "Lansia"].sort_values("dihitung")
    assert list(ind["dihitung"]) == [90.0, 100.0]  # target 95 vs 90, capaian 95 vs 100; the utama table is the reference
    assert set(ind["dilaporkan"]) == {95.0} and set(ind["tingkat"]) == {"peringatan"}
    ang = df[df["baris"].str.contains("REHABILITASI")]
    assert len(ang) == 1  # 'PROGRAM X KABUPATEN/KOTA' and 'X' are one program
    assert (ang["dilaporkan"].iloc[0], ang["dihitung"].iloc[0]) == (1e9, 1.1e9)
    assert "sebagai 'Rehabilitasi Sosial'" in ang["penjelasan"].iloc[0]
    assert not df["baris"].str.contains("Sandang|Bencana").any()  # a name twice in one table is ambiguous


def test_jumlah_bagian_total_di_atas_dan_di_bawah(tmp_path):
    s = _toko(tmp_path, _ang(
        "2024,total,Jumlah,,,300,,,,,,,1,LKjIP Uji 2024 Tabel A",
        "2024,program,Program Satu,,,100,,,,,,,1,LKjIP Uji 2024 Tabel A",
        "2024,program,Program Dua,,,250,,,,,,,1,LKjIP Uji 2024 Tabel A",
        "2024,program,Program Satu,,,100,,,,,,,0,LKjIP Uji 2024 Tabel B",
        "2024,program,Program Dua,,,200,,,,,,,0,LKjIP Uji 2024 Tabel B",
        "2024,total,JUMLAH,,,300,,,,,,,0,LKjIP Uji 2024 Tabel B",
        "2024,program,Program Tiga,,,Rp91-.160.954,,,,,,,0,LKjIP Uji 2024 Tabel C",
        "2024,program,Program Empat,,,100,,,,,,,0,LKjIP Uji 2024 Tabel C",
        "2024,total,Jumlah,,,500,,,,,,,0,LKjIP Uji 2024 Tabel C",
        "2024,kegiatan,Kegiatan X,,,90,,,30,30,30,10,0,LKjIP Uji 2024 Tabel D",
        "2024,sub_kegiatan,Sub X1,,,40,,,10,10,10,10,0,LKjIP Uji 2024 Tabel D",
        "2024,sub_kegiatan,Sub X2,,,50,,,20,20,20,0,0,LKjIP Uji 2024 Tabel D",
    ))
    df = checks.periksa(s)
    jb = _pilih(df, jenis="jumlah_bagian_tidak_sesuai")
    a = _pilih(jb, sumber="LKjIP Uji 2024 Tabel A")
    assert len(a) == 1 and (a["dilaporkan"].iloc[0], a["dihitung"].iloc[0]) == (300.0, 350.0)  # total printed on top
    assert _pilih(jb, sumber="LKjIP Uji 2024 Tabel B").empty  # total printed below, adds up
    assert _pilih(jb, sumber="LKjIP Uji 2024 Tabel C").empty  # an unreadable part: the sum is unknown ...
    assert len(_pilih(df, jenis="angka_salah_cetak", sumber="LKjIP Uji 2024 Tabel C")) == 1  # ... and the typo is reported
    d = _pilih(jb, sumber="LKjIP Uji 2024 Tabel D")
    # Kegiatan X: parts 40 + 50 = 90 fine; its TW I-IV 100 vs pagu 90; Sub X2 TW 60 vs 50; TW IV of the parts 10 vs 10 fine,
    # TW I-III parts 30 = 30 fine.
    assert sorted(zip(d["baris"], d["dilaporkan"], d["dihitung"])) == [("Kegiatan X", 90.0, 100.0), ("Sub X2", 50.0, 60.0)]


def test_jumlah_program_terhadap_sasaran_di_tabel_lain(tmp_path):
    """Programs listed in the text for a sasaran against its budget in a table (the Parepare 2023 pattern,
    Tabel 2.7 baris 560 vs baris 692): above the total always; a shortfall only if no program could be missing."""
    s = _toko(tmp_path, _ang(
        "2024,sasaran,Sasaran Satu,Sasaran Satu,,1.000.000,,,,,,,0,LKjIP Uji 2024 Tabel 2.7",
        "2024,sasaran,Sasaran Dua,Sasaran Dua,,5.000.000,,,,,,,0,LKjIP Uji 2024 Tabel 2.7",
        "2024,sasaran,Sasaran Tiga,Sasaran Tiga,,3.000.100,,,,,,,0,LKjIP Uji 2024 Tabel 2.7",
        "2024,program,Program A,Sasaran Satu,,1.000.400,,,,,,,1,LKjIP Uji 2024 Bab III (teks)",
        "2024,program,Program B,Sasaran Dua,,1.000.000,,,,,,,1,LKjIP Uji 2024 Bab III (teks)",
        "2024,program,Program C,Sasaran Tiga,,1.500.000,,,,,,,1,LKjIP Uji 2024 Bab III (teks)",
        "2024,program,Program D,Sasaran Tiga,,1.500.000,,,,,,,1,LKjIP Uji 2024 Bab III (teks)",
    ))
    df = _pilih(checks.periksa(s), jenis="jumlah_bagian_tidak_sesuai")
    hasil = {(r.baris, r.dilaporkan, r.dihitung, r.tingkat) for r in df.itertuples()}
    assert hasil == {("Sasaran Satu", 1_000_000.0, 1_000_400.0, "galat"),     # programs above the sasaran budget
                     ("Sasaran Tiga", 3_000_100.0, 3_000_000.0, "peringatan")}  # 100 short: no program that small
    # Sasaran Dua: 4.000.000 short, a program may simply not be mentioned: no finding


def test_serapan_baris_dan_serapan_tanpa_jumlah(tmp_path):
    """Printed serapan on a line, and a printed agency serapan checked against the totals printed elsewhere
    (LKjIP Parepare 2023: 70,06% at baris 1028 = 6.447.258.513 / 9.202.224.555)."""
    nilai = ("nilai.csv", "instansi,tahun,lingkup,jenis,nilai,sumber\n"
             f"{UJI},2024,instansi,serapan,\"70,06%\",LKjIP Uji 2024 Bab IV (teks)\n"
             f"{UJI},2024,Sasaran 1: Sasaran Satu,serapan,\"90%\",LKjIP Uji 2024 Tabel 3.5\n")
    s = _toko(tmp_path, _ang(
        "2024,total,Jumlah,,,9.202.224.555,,,,,,,0,LKjIP Uji 2024 Tabel 2.6",
        "2024,total,Total,,,,6.447.258.513,,,,,,0,LKjIP Uji 2024 Tabel 3.15",
        '2024,program,Program A,Sasaran Satu,,"1.000.000","800.000","80,00",,,,,1,LKjIP Uji 2024 Bab III (teks)',
        '2024,program,Program B,Sasaran Satu,,"1.000.000","900.000","90,1",,,,,1,LKjIP Uji 2024 Bab III (teks)',
    ), nilai)
    df = _pilih(checks.periksa(s), jenis="serapan_tidak_sesuai")
    assert sorted(df["baris"]) == ["Program B", "Sasaran 1: Sasaran Satu"]
    r = _pilih(df, baris="Sasaran 1: Sasaran Satu").iloc[0]
    assert r["dihitung"] == pytest.approx(85.0) and "2 program" in r["penjelasan"]
    assert _pilih(df, baris="Program B")["tingkat"].iloc[0] == "peringatan"  # 90,1 vs 90: under one point


def test_porsi_anggaran_untuk_sasaran_yang_salah(tmp_path):
    """A share printed for a sasaran is its own pagu over a printed total; a share that is not its own but fits
    another sasaran of the same table is porsi_sasaran_tertukar (the Parepare 2023 pattern, baris 576 vs Tabel 2.7);
    one that fits no sasaran stays persen_tidak_sesuai."""
    nilai = ("nilai.csv", "instansi,tahun,lingkup,jenis,nilai,sumber\n"
             f"{UJI},2024,Sasaran 1: Sasaran Satu,persentase_anggaran,\"25%\",LKjIP Uji 2024 Bab II (teks)\n"  # its own: fine
             f"{UJI},2024,Sasaran 2: Sasaran Dua,persentase_anggaran,\"25%\",LKjIP Uji 2024 Bab II (teks)\n"  # Satu's share
             f"{UJI},2024,Sasaran 1: Sasaran Satu,persentase_anggaran,\"40%\",LKjIP Uji 2024 Bab II (teks)\n")  # nobody's
    s = _toko(tmp_path, _ang(
        "2024,total,Jumlah,,,4.000.000,,,,,,,0,LKjIP Uji 2024 Tabel 2.7",
        "2024,sasaran,Sasaran Satu,Sasaran Satu,,1.000.000,,,,,,,0,LKjIP Uji 2024 Tabel 2.7",
        "2024,sasaran,Sasaran Dua,Sasaran Dua,,3.000.000,,,,,,,0,LKjIP Uji 2024 Tabel 2.7",
    ), nilai)
    df = checks.periksa(s)
    tukar = _pilih(df, jenis="porsi_sasaran_tertukar")
    assert list(tukar["baris"]) == ["Sasaran 2: Sasaran Dua"] and tukar["dihitung"].iloc[0] == pytest.approx(75.0)
    assert "'Sasaran Satu'" in tukar["penjelasan"].iloc[0] and "'Sasaran Satu'" in tukar["penjelasan_en"].iloc[0]
    lain = _pilih(df, jenis="persen_tidak_sesuai")
    assert list(zip(lain["baris"], lain["dilaporkan"])) == [("Sasaran 1: Sasaran Satu", 40.0)]


def test_rata_rata_dari_baris_rata_rata_tabel_laporan(tmp_path):
    """A report-style table with a 'Rata-rata' row (as Parepare 2023 Tabel 3.8 prints it)."""
    teks = ("DINAS SOSIAL KOTA UJI TAHUN 2024\nSasaran;Indikator;Target;Realisasi;Capaian\n"
            "Sasaran B;Indikator satu;100;80;80%\n;Indikator dua;100;100;100%\n;Rata-rata;;;\"85,2\"\n")
    s = _toko(tmp_path, ("rata.csv", teks))
    df = checks.periksa(s)
    assert _jenis(df) == ["rata_rata_tidak_sesuai"]
    assert (df["dilaporkan"].iloc[0], df["dihitung"].iloc[0]) == (85.2, 90.0)
    lain = tmp_path / "lain"
    lain.mkdir()
    s2 = _toko(lain, ("rata.csv", teks.replace('"85,2"', "90")))
    assert checks.periksa(s2).empty


@pytest.mark.parametrize("dicetak, temuan", [("110", False), ("95", False), ("105", False), ("100", True), ("110,5", True)])
def test_rata_rata_varian_yang_diterima(dicetak, temuan):
    """Rows 130 and 90: the plain mean 110, capped at 100 -> 95, capped at 120 -> 105 are all honest averages."""
    ind = pd.DataFrame({"id": [1, 2], "instansi": UJI, "tahun": 2024, "sumber": "LKjIP Uji 2024, Tabel 3.8", "sasaran": "S",
                        "utama": False, "tingkat": "sasaran", "capaian": [130.0, 90.0], "capaian_dilaporkan": [130.0, 90.0]})
    nilai = pd.DataFrame({"id": [3], "instansi": UJI, "tahun": 2024, "sumber": "LKjIP Uji 2024, Tabel 3.8", "lingkup": "Sasaran 1: S",
                          "jenis": "rata_capaian", "nilai": [float(dicetak.replace(",", "."))], "nilai_teks": [dicetak]})
    df = checks.cek_rata_rata(ind, nilai)
    assert len(df) == int(temuan)
    if temuan:
        assert df["dihitung"].iloc[0] == 110.0 and df["ids"].iloc[0] == "1,2,3"


def test_realisasi_melebihi_pagu_dan_nilai_kembar(tmp_path):
    s = _toko(tmp_path, _ang(
        "2024,program,Program A,,,1.234.567.000,1.300.000.000,,,,,,1,LKjIP Uji 2024 Tabel 3.18",
        "2024,program,Program B,,,1.234.567.000,1.000.000.000,,,,,,1,LKjIP Uji 2024 Tabel 3.18",
        "2024,program,Program C,,,300.000.000,1.000,,,,,,1,LKjIP Uji 2024 Tabel 3.18",
        "2024,program,Program D,,,300.000.000,2.000,,,,,,1,LKjIP Uji 2024 Tabel 3.18",
        "2024,program,Program E,,,7.777.777,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
        "2024,kegiatan,Kegiatan E1,,,7.777.777,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
        "2024,sub_kegiatan,Sub E1a,,,7.777.777,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
        "2024,program,Program F,,,1.234.567.000,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
        "2024,kegiatan,Kegiatan F1,,,1.234.567.000,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
        "2024,kegiatan,Kegiatan F2,,,0,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
        "2024,program,Program G,,,1.234.500.000,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
        "2024,sub_kegiatan,Sub G1,,,1.234.567.000,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
        "2024,program,Program H,,,1.234.500.000,,,,,,,0,LKjIP Uji 2024 Tabel 3.9",
    ))
    df = checks.periksa(s)
    lebih = _pilih(df, jenis="realisasi_melebihi_pagu")
    assert list(lebih["baris"]) == ["Program A"] and lebih["selisih"].iloc[0] == 1.3e9 - 1_234_567_000
    kembar = _pilih(df, jenis="nilai_kembar")
    # A and B share a non-round pagu; C and D share a round one (an allocation, not a copy); E, its only
    # kegiatan and sub kegiatan are one figure; F is in another table, and its kegiatan F1 and Sub G1 are
    # not programs; G and H share 1.234.500.000 (12345: five significant digits)
    assert list(kembar["baris"]) == ["Program A / Program B", "Program G / Program H"]


def test_masalah_impor_tanpa_sel(tmp_path):
    """An importer 'angka salah cetak' problem with no stored cell (a quarter column has no *_teks) is still shown."""
    ang = pd.DataFrame({"id": [5], "instansi": [UJI], "tahun": [2024], "sumber": ["LKjIP Uji 2024, Tabel 2.4"], "impor_id": [7],
                        "uraian": ["Program A"], "pagu": [1.0], "pagu_teks": ["1"], "pagu_awal": [None], "pagu_awal_teks": [None],
                        "realisasi": [None], "realisasi_teks": [None], "serapan_dilaporkan": [None], "serapan_dilaporkan_teks": [None]})
    masalah = pd.DataFrame({"impor_id": [7], "lembar": ["Tabel"], "baris": [12], "kolom": ["K (TW II)"], "nilai": ["1.0.00"],
                            "pesan": ["angka salah cetak (pemisah ribuan tidak pada tempatnya)"], "nama_file": ["x.xlsx"]})
    df = checks.cek_salah_cetak(pd.DataFrame(), ang, pd.DataFrame(), masalah)
    assert len(df) == 1 and df["instansi"].iloc[0] == UJI and "'1.0.00'" in df["penjelasan"].iloc[0]
    assert df["baris"].iloc[0] == "lembar 'Tabel' baris 12"


def test_data_kosong(tmp_path):
    with Store(tmp_path / "kosong.duckdb") as s:
        df = checks.periksa(s)
    assert df.empty and list(df.columns) == KOLOM_TEMUAN
    assert checks.tabel_teks(df) == "Tidak ada temuan.\n" and checks.ke_json(df) == "[]\n"


# ---------------------------------------------------------------------------------------------------
# command line

def lkjip(*args):
    """The command line run in-process (tests/cli.py): exit code and output as a user sees them."""
    from cli import jalankan

    return jalankan(*args)


def satu_baris_galat(r):
    assert r.returncode == 2, (r.stdout, r.stderr)
    baris = [b for b in r.stderr.splitlines() if b.strip()]
    assert len(baris) == 1 and baris[0].startswith("galat: ") and "Traceback" not in r.stderr
    return baris[0]


def test_cli_check_tabel(db):
    r = lkjip("check", "--db", db)
    assert r.returncode == 0, r.stderr  # findings are not errors
    kepala = r.stdout.splitlines()[0]
    assert [k.strip() for k in kepala.split("|")] == [k for k in KOLOM_TEMUAN if k != "penjelasan_en"]  # English: CSV/JSON
    assert "25.106.563.484" in r.stdout and "25.106.561.484" in r.stdout  # Indonesian numbers
    with Store(db) as s:
        n = checks.periksa(s)["tingkat"].value_counts()
    assert r.stdout.rstrip().splitlines()[-1] == (f"{len(EXPECTED) + 1} temuan: {n['galat']} galat, {n['peringatan']} peringatan, "
                                                  f"{n['info']} info.")
    assert n["info"] == 3  # the two precision-only differences of Parepare and the 0,53 share


def test_cli_check_csv_dan_json(db):
    r = lkjip("check", "--db", db, "--format", "csv", "--instansi", PAREPARE)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0].keys()) == KOLOM_TEMUAN
    assert {x["instansi"] for x in rows} == {PAREPARE} and len(rows) == len([e for e in EXPECTED if e[0] == PAREPARE])
    rata = [x for x in rows if x["jenis"] == "rata_rata_tidak_sesuai" and x["sumber"].endswith("Tabel 3.8")][0]
    assert (rata["dilaporkan"], rata["dihitung"]) == ("85.2", "106.5")
    r = lkjip("check", "--db", db, "--format", "json", "--instansi", BEKASI, "--tahun", 2023)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    bekasi_2023 = len([e for e in EXPECTED if e[0] == BEKASI]) - 2  # two Bekasi findings are about 2021 and 2022
    assert isinstance(data, list) and len(data) == bekasi_2023 and list(data[0].keys()) == KOLOM_TEMUAN
    assert {d["tahun"] for d in data} == {2023}
    jb = [d for d in data if d["jenis"] == "jumlah_bagian_tidak_sesuai"][0]
    assert jb["tahun"] == 2023 and jb["dilaporkan"] == 25106563484 and jb["selisih"] == 2000
    cetak = [d for d in data if d["jenis"] == "angka_salah_cetak"][0]
    assert cetak["dilaporkan"] is None and cetak["ids"].isdigit()


def test_cli_check_kosong(tmp_path):
    db = tmp_path / "k.duckdb"
    assert lkjip("init", "--db", db, "--empty").returncode == 0
    r = lkjip("check", "--db", db)
    assert r.returncode == 0 and r.stdout == "Tidak ada temuan.\n"


@pytest.mark.parametrize("args, pesan", [
    (["--instansi", "Dinas Antah"], "tidak ditemukan"),
    (["--tahun", "dua"], "bukan angka"),
    (["--tahun", "1890"], "di luar rentang"),
    (["--format", "xml"], "argumen tidak valid"),
])
def test_cli_check_galat_pengguna(db, args, pesan):
    assert pesan in satu_baris_galat(lkjip("check", "--db", db, *args))


def test_temuan_tersimpan_sama_dengan_hitungan_dan_diperbarui_setelah_impor(store):
    """Stored findings equal a fresh computation; an import and its undo refresh only what they touch."""
    from lkjip.ingest import pratinjau
    from lkjip.ingest.simpan import batalkan, simpan

    pd.testing.assert_frame_equal(checks.temuan(store), checks.periksa(store))
    assert store.satu("SELECT count(*) FROM temuan_kotor") == 0
    csv = ("Indikator,Target,Realisasi,Capaian\nPersentase anak telantar yang mendapatkan pelayanan,80,72,95%\n").encode()
    h = simpan(store, pratinjau(csv, "depok.csv", instansi="Dinas Sosial Kota Depok", tahun=2020))
    assert store.baca("SELECT instansi FROM temuan_kotor")["instansi"].tolist() == ["Dinas Sosial Kota Depok"]
    depok = checks.temuan(store, ["Dinas Sosial Kota Depok"])
    assert depok["jenis"].tolist() == ["capaian_tidak_sesuai"]  # printed 95% for 72 / 80 = 90%
    pd.testing.assert_frame_equal(checks.temuan(store), checks.periksa(store))
    batalkan(store, h.impor_id)
    assert checks.temuan(store, ["Dinas Sosial Kota Depok"]).empty
    pd.testing.assert_frame_equal(checks.temuan(store), checks.periksa(store))


def test_kunci_temuan_tetap_antar_versi(temuan):
    """A finding's key is stored with its verdict (lkjip.reviu): its recipe must not change. sha1 of
    agency|year|kind|source|row|printed value (6 decimals), first 16 hex digits; a repeat gets -2, -3..."""
    import hashlib

    def resep(instansi, tahun, jenis, sumber, baris, dilaporkan) -> str:
        teks = f"{instansi}|{tahun}|{jenis}|{sumber}|{baris}|{dilaporkan}"
        return hashlib.sha1(teks.encode("utf-8")).hexdigest()[:16]

    kunci = checks.kunci_temuan(temuan)
    r = _pilih(temuan, instansi=PAREPARE, jenis="rata_rata_tidak_sesuai", sumber="LKjIP Parepare 2023, Tabel 3.8").iloc[0]
    assert kunci[r.name] == resep(PAREPARE, 2023, "rata_rata_tidak_sesuai", "LKjIP Parepare 2023, Tabel 3.8", r["baris"], "85.200000")
    assert kunci.is_unique and len(kunci) == len(temuan)
    # empty year and value, a float row label, nullable integers, a repeated finding
    aneh = pd.DataFrame({"instansi": pd.array(["A", "A", "A", None], dtype="str"), "tahun": pd.array([pd.NA, 2024, 2024, 2023], dtype="Int64"),
                         "jenis": ["x", "y", "y", "z"], "sumber": ["s", "s", "s", "s"], "baris": [1.5, "Total", "Total", 7],
                         "dilaporkan": [float("nan"), -2.5, -2.5, 3]})
    assert list(checks.kunci_temuan(aneh)) == [resep("A", "", "x", "s", 1.5, ""), resep("A", 2024, "y", "s", "Total", "-2.500000"),
                                               resep("A", 2024, "y", "s", "Total", "-2.500000") + "-2", resep("nan", 2023, "z", "s", 7, "3.000000")]
