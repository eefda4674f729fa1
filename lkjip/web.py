"""Streamlit glue shared by app.py and the pages, by job:

- ``web_data``: the store, cached queries and typed, cached figure functions;
- ``web_saringan``: shared filters, page controls and the URL (mapping in ``lkjip.tautan``);
- ``web_tabel``: tables with sortable Indonesian numbers, downloads, formula expanders;
- ``web_grafik``: charts, each figure built once for its data;
- ``web_akses``: who may write;
- ``web_riwayat``: the import history with undo (confirmed) and redo;
- ``teks_aman``: the one escaping path for data text.

Pages import this module only; the rest of lkjip never imports Streamlit.
"""
from __future__ import annotations

from .teks_aman import grafik, md  # noqa: F401
from .web_akses import boleh_lihat_log_sesi, izin_menulis, izin_reviu, pengguna_aktif, pengguna_sesi  # noqa: F401
from .web_riwayat import batal_dan_ulang, riwayat_terakhir, tampil_riwayat  # noqa: F401
from .web_data import daftar_instansi, daftar_log, daftar_tahun, kunci, kunci_log, pilihan_log, serentak, store  # noqa: F401
from .web_grafik import tampil_grafik  # noqa: F401
from .web_saringan import (Saringan, awal, dari_url, ikut_data, ke_url, pilihan_sah, query_tampilan, salin_tautan,  # noqa: F401
                           saringan, saringan_sidebar)
from .web_tabel import (BARIS_PER_HALAMAN, KOSONG, konfigurasi_kolom, kosong, nama_unduhan, potong_halaman, rumus,  # noqa: F401
                        tampil_tabel, tinggi_baris, tombol_unduh)

__all__ = ["KOSONG", "Saringan", "awal", "batal_dan_ulang", "boleh_lihat_log_sesi", "pengguna_sesi", "daftar_instansi", "daftar_log", "daftar_tahun",
           "dari_url", "grafik", "ikut_data", "izin_menulis", "izin_reviu", "pengguna_aktif", "ke_url", "kosong", "kunci", "kunci_log", "md", "nama_unduhan", "pilihan_log", "pilihan_sah", "query_tampilan",
           "rumus", "salin_tautan", "saringan", "serentak", "saringan_sidebar", "store", "tampil_riwayat", "riwayat_terakhir", "tampil_tabel", "tampil_grafik", "tinggi_baris", "konfigurasi_kolom", "tombol_unduh",
           "BARIS_PER_HALAMAN", "potong_halaman"]
