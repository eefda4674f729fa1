"""Every page on the PostgreSQL backend: the AppTest of each page, the same assertions on the report
figures as on DuckDB (tests/test_halaman.py, test_laporan_halaman.py, test_unggah.py), run against a
copy of the bundled data on the throwaway PostgreSQL server (tests/pg.py).

Tests that only read share one database per module; tests that write get their own copy (a
``CREATE DATABASE ... TEMPLATE`` of the loaded bundled data, well under a second). Skipped, with the
reason, where PostgreSQL is not installed.
"""
import pytest

import test_halaman as h
import test_laporan_halaman as lap
import test_unggah as ung

# one or more tests per page that assert figures printed in the reports
BACA = [
    h.test_ringkasan_adil_tahun_terakhir_per_instansi,  # Ringkasan
    h.test_ringkasan_semua_tahun_dan_minimum_indikator,
    h.test_ubah_saringan_mengubah_angka,
    h.test_tren,  # Tren
    h.test_perbandingan,  # Perbandingan
    h.test_serapan,  # Serapan
    h.test_serapan_tanpa_baris_total_sebagai_program_rendah,
    h.test_kendali_halaman_dari_tautan,  # Serapan, Tren (standard indicators), Perbandingan, Kualitas from a link
    h.test_efisiensi,  # Efisiensi
    h.test_kualitas_data,  # Kualitas
    h.test_ringkasan_menampilkan_jumlah_temuan,
    lap.test_bab3_pratinjau_setiap_tabel,  # Laporan
    lap.test_bab3_ganti_instansi_dan_tahun,
    lap.test_perbandingan_mengikuti_saringan,
]
TULIS = [
    ung.test_unggah_pratinjau_simpan_ganti_batal,  # Unggah: upload, commit, replace, undo, redo
    ung.test_angka_salah_cetak_galat_atau_disimpan_sebagai_teks,
]


def _dibaca_dari_server(url: str) -> bool:
    """The app's store holds a connection to this very database (the page read PostgreSQL, not a file)."""
    import psycopg

    nama = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as con:
        return con.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [nama]).fetchone()[0] > 0


@pytest.mark.parametrize("uji", BACA, ids=lambda f: f.__name__.removeprefix("test_"))
def test_halaman_postgresql(uji, monkeypatch, pg_modul):
    uji(monkeypatch, pg_modul)
    assert _dibaca_dari_server(pg_modul)


@pytest.mark.parametrize("uji", TULIS, ids=lambda f: f.__name__.removeprefix("test_"))
def test_unggah_postgresql(uji, monkeypatch, pg_db):
    uji(monkeypatch, pg_db)
    assert _dibaca_dari_server(pg_db)


@pytest.mark.parametrize("halaman", h.HALAMAN + ["pages/laporan.py", "pages/unggah.py"])
def test_halaman_kosong_postgresql(monkeypatch, pg_klaster, halaman):
    """An empty server database: every page says there is no data yet, no traceback."""
    from lkjip.bawaan import buat_db

    url = buat_db(pg_klaster.buat_db(f"kosong_{halaman.split('/')[-1][:-3]}"), kosong=True)
    at = h.buka(monkeypatch, url, halaman if halaman != h.HALAMAN[0] else None)
    if halaman == "pages/unggah.py":
        assert at.get("file_uploader")  # the way to fill it
    else:
        assert any("Belum ada data" in i.value for i in at.info)
