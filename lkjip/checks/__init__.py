"""Reconciliation: where a report disagrees with itself.

``periksa(store)`` reads the indicator, budget, printed-figure, score, Renstra and claim tables and returns
one row per finding (``KOLOM_TEMUAN``). The checks live in the modules of this package, each registered
with the kinds of finding it produces (``registri``); the tolerance for honest rounding and truncation is
shared (``toleransi``); findings are kept in the store and recomputed when the data or the checks change
(``simpan``).

Each finding is explained in Bahasa Indonesia (``penjelasan``) and in English (``penjelasan_en``): a check writes
both sentences side by side (``umum.Teks``), names and printed figures quoted as printed in both;
``penjelasan_bahasa(df, bahasa)`` picks the language (Indonesian for findings stored before the English existed).

A printed percentage is accepted when it equals the recomputed value rounded *or truncated* to the
number of decimals printed (``cocok_dibulatkan``): reports truncate as often as they round.
"""
from __future__ import annotations

# the checks, in the order their findings are listed (each module registers its own)
from . import indikator, anggaran, salah_cetak, klaim, persen, skor_kategori  # noqa: F401  (registration)
from .keluaran import ke_json, tabel_teks
from .registri import DAFTAR, VERSI, jenis_semua
from .simpan import jumlah_per_instansi, perbarui, periksa, periksa_data, ringkas_per_instansi, segarkan, temuan, versi_tersimpan
from .toleransi import (BATAS_GALAT_PERSEN, TOLERANSI_RUPIAH, cocok_dibulatkan, cocok_seri, desimal_tercetak)
from .umum import KOLOM_TEMUAN, TINGKAT, Teks, gabung_sumber, kunci_temuan, nama_baku, penjelasan_bahasa, rapikan
from .anggaran import (NILAI_KEMBAR_DIGIT, NILAI_KEMBAR_MIN, cek_bagian_antar_tabel, cek_beda_anggaran, cek_jumlah_bagian,
                       cek_nilai_kembar, cek_realisasi_melebihi_pagu, cek_serapan, cek_serapan_dilaporkan)
from .indikator import cek_beda_indikator, cek_capaian, cek_rata_rata, cek_target_realisasi_kosong
from .salah_cetak import cek_salah_cetak

# kind -> Indonesian label, and kind -> English label, for every registered check
JENIS: dict[str, str] = {k: v[0] for k, v in jenis_semua().items()}
JENIS_EN: dict[str, str] = {k: v[1] for k, v in jenis_semua().items()}

__all__ = [
    "DAFTAR", "VERSI", "JENIS", "JENIS_EN", "KOLOM_TEMUAN", "TINGKAT", "BATAS_GALAT_PERSEN", "TOLERANSI_RUPIAH",
    "NILAI_KEMBAR_DIGIT", "NILAI_KEMBAR_MIN", "periksa", "periksa_data", "perbarui", "segarkan", "temuan", "versi_tersimpan",
    "ringkas_per_instansi", "jumlah_per_instansi", "rapikan", "kunci_temuan", "cocok_dibulatkan", "cocok_seri", "desimal_tercetak", "gabung_sumber",
    "nama_baku", "penjelasan_bahasa", "Teks", "tabel_teks", "ke_json", "jenis_semua",
    "cek_capaian", "cek_rata_rata", "cek_beda_indikator", "cek_target_realisasi_kosong", "cek_serapan", "cek_serapan_dilaporkan",
    "cek_jumlah_bagian", "cek_bagian_antar_tabel", "cek_beda_anggaran", "cek_realisasi_melebihi_pagu", "cek_nilai_kembar",
    "cek_salah_cetak", "indikator", "anggaran", "salah_cetak", "klaim", "persen", "skor_kategori",
]
