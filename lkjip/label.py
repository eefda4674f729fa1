"""Every label the pages show, in Bahasa Indonesia (default) and English — in one place.

``teks(kunci, bahasa)`` returns the label; a missing English label falls back to Indonesian, and a
missing key raises KeyError (tests catch it). Column headers of exported tables use ``judul_kolom``.
"""
from __future__ import annotations

from . import measures

BAHASA = ("id", "en")

_LABEL: dict[str, tuple[str, str]] = {
    # navigation
    "app.judul": ("Dasbor LKjIP", "LKjIP Dashboard"),
    "app.sub": ("Kinerja Dinas Sosial kabupaten/kota dari Laporan Kinerja Instansi Pemerintah (LKjIP).",
                "Performance of city/regency social-service agencies from their annual performance reports (LKjIP)."),
    "nav.ringkasan": ("Ringkasan", "Overview"),
    "nav.tren": ("Tren per tahun", "Trends by year"),
    "nav.perbandingan": ("Perbandingan instansi", "Agency comparison"),
    "nav.serapan": ("Serapan anggaran", "Budget absorption"),
    "nav.efisiensi": ("Efisiensi", "Efficiency"),
    "nav.unggah": ("Unggah data", "Upload data"),
    "nav.kualitas": ("Kualitas data", "Data quality"),
    # sidebar filters
    "f.judul": ("Saring", "Filters"),
    "f.instansi": ("Instansi", "Agencies"),
    "f.instansi_semua": ("Semua instansi", "All agencies"),
    "f.tahun": ("Tahun", "Years"),
    "f.tahun_semua": ("Semua tahun", "All years"),
    "f.tema": ("Tema", "Theme"),
    "f.tema_semua": ("Semua tema", "All themes"),
    "f.bahasa": ("English", "English"),
    "f.batas": ("Batas capaian saat dirata-rata (%)", "Cap on capaian when averaging (%)"),
    "f.batas_help": ("Setiap capaian dibatasi pada nilai ini sebelum dirata-rata, agar satu capaian sangat tinggi "
                     "tidak menutupi kegagalan indikator lain. Nilai tanpa batas tetap ditampilkan di tabel.",
                     "Each capaian is capped at this value before averaging so that one over-achievement cannot hide "
                     "a failure; uncapped values stay in the tables."),
    "f.tautan": ("Tautan ke tampilan ini ada di bilah alamat peramban.", "The browser address bar links to this view."),
    # common
    "u.kosong": ("Belum ada data. Unggah berkas LKjIP di halaman **Unggah data**, atau jalankan "
                 "`python -m lkjip init --force` untuk memuat data bawaan.",
                 "No data yet. Upload an LKjIP file on the **Upload data** page, or run "
                 "`python -m lkjip init --force` to load the bundled data."),
    "u.kosong_saring": ("Tidak ada data untuk pilihan ini. Ubah saringan di bilah samping.",
                        "No data for this selection. Change the filters in the sidebar."),
    "u.unduh_xlsx": ("Unduh xlsx", "Download xlsx"),
    "u.unduh_csv": ("Unduh CSV", "Download CSV"),
    "u.rumus": ("Rumus dan cara baca", "Formulas and how to read this"),
    "u.cari": ("Cari instansi", "Search agencies"),
    "u.teratas": ("Tampilkan", "Show"),
    "u.dari_laporan": ("† capaian tercetak (tidak dapat dihitung ulang)", "† printed capaian (cannot be recomputed)"),
    # measures
    "m.rata_capaian": ("Rata-rata capaian", "Average capaian"),
    "m.capaian": ("Capaian", "Achievement"),
    "m.serapan": ("Serapan", "Absorption"),
    "m.efisiensi": ("Efisiensi (selisih)", "Efficiency (gap)"),
    "m.indikator": ("Indikator", "Indicators"),
    "m.temuan": ("Temuan kualitas data", "Data-quality findings"),
    "m.pagu": ("Pagu", "Budget"),
    "m.realisasi": ("Realisasi", "Actual"),
    "m.target": ("Target", "Target"),
    "m.peringkat": ("Peringkat", "Rank"),
    # pages
    "r.kartu": ("Kartu instansi", "Agency cards"),
    "r.peringkat": ("Peringkat instansi", "Agency ranking"),
    "r.kategori": ("Indikator per kategori", "Indicators per category"),
    "r.terlalu_banyak": ("{n} instansi dipilih: kartu ditampilkan untuk {k} teratas; semua ada di tabel peringkat.",
                         "{n} agencies selected: cards for the top {k}; all are in the ranking table."),
    "t.pilih_mode": ("Tampilkan", "Show"),
    "t.mode_indikator": ("Satu indikator", "One indicator"),
    "t.mode_tema": ("Rata-rata per tema", "Average per theme"),
    "t.mode_instansi": ("Rata-rata instansi", "Agency average"),
    "t.indikator": ("Indikator", "Indicator"),
    "t.target_realisasi": ("Target dan realisasi per tahun", "Target and actual per year"),
    "t.capaian_tahun": ("Capaian per tahun", "Achievement per year"),
    "t.serapan_tahun": ("Serapan anggaran per tahun", "Budget absorption per year"),
    "t.renstra": ("Target Renstra", "Renstra target"),
    "t.banyak": ("{n} instansi dipilih: grafik menampilkan median dan rentang kuartil (atau {k} instansi pertama); "
                 "pilih instansi di bilah samping untuk garis per instansi.",
                 "{n} agencies selected: the chart shows the median and quartile band (or the first {k}); pick agencies "
                 "in the sidebar for one line each."),
    "t.celah": ("Tahun tanpa data tampil sebagai celah, bukan nol.", "Years without data are gaps, not zeros."),
    "p.distribusi": ("Sebaran kategori capaian", "Distribution of achievement categories"),
    "p.heatmap": ("Rata-rata capaian per tema (instansi × tema)", "Average achievement by theme (agency × theme)"),
    "p.program": ("Serapan per program (nomenklatur nasional)", "Absorption by programme (national nomenclature)"),
    "p.tabel": ("Tabel perbandingan", "Comparison table"),
    "s.pilih_instansi": ("Instansi", "Agency"),
    "s.pilih_tahun": ("Tahun", "Year"),
    "s.sumber": ("Tabel anggaran", "Budget table"),
    "s.ambang": ("Ambang serapan rendah (%)", "Low-absorption threshold (%)"),
    "s.pohon": ("Program → kegiatan → sub kegiatan", "Programme → activity → sub-activity"),
    "s.rincian": ("Rincian", "Details"),
    "s.triwulan": ("Rencana kas vs realisasi per triwulan", "Quarterly cash plan vs actual"),
    "s.tanpa_triwulan": ("Laporan ini tidak memuat rencana kas per triwulan.", "This report has no quarterly cash plan."),
    "s.rendah": ("Serapan di bawah ambang", "Absorption below threshold"),
    "s.lebih": ("Realisasi melebihi pagu", "Spending above budget"),
    "e.scatter": ("Capaian vs serapan per sasaran", "Achievement vs absorption per objective"),
    "e.metode": ("Tiga metode efisiensi", "Three efficiency methods"),
    "e.tanpa_tautan": ("Sasaran berikut tidak memiliki tautan ke anggaran dalam laporannya; efisiensinya tidak dihitung.",
                       "These objectives have no link to budget lines in their report; their efficiency is not computed."),
}

# Column headers for tables and exports.
_KOLOM: dict[str, tuple[str, str]] = {
    "instansi": ("Instansi", "Agency"), "tahun": ("Tahun", "Year"), "sasaran": ("Sasaran", "Objective"),
    "indikator": ("Indikator", "Indicator"), "satuan": ("Satuan", "Unit"), "polaritas": ("Polaritas", "Polarity"),
    "target": ("Target", "Target"), "realisasi": ("Realisasi", "Actual"), "capaian": ("Capaian (%)", "Achievement (%)"),
    "capaian_dilaporkan": ("Capaian tercetak (%)", "Printed achievement (%)"), "kategori": ("Kategori", "Category"),
    "tema": ("Tema", "Theme"), "sumber": ("Sumber", "Source"), "level": ("Level", "Level"), "kode": ("Kode", "Code"),
    "uraian": ("Uraian", "Description"), "pagu": ("Pagu (Rp)", "Budget (Rp)"), "serapan": ("Serapan (%)", "Absorption (%)"),
    "rata_capaian": ("Rata-rata capaian (%)", "Average achievement (%)"), "jumlah_indikator": ("Jumlah indikator", "Indicators"),
    "dibatasi": ("Dibatasi", "Capped"), "efisiensi_selisih": ("Efisiensi selisih (poin)", "Efficiency gap (points)"),
    "efisiensi_rasio": ("Efisiensi rasio", "Efficiency ratio"), "nilai_nka": ("Nilai efisiensi NKA", "NKA efficiency score"),
    "tahun_data": ("Tahun data", "Data years"), "peringkat": ("Peringkat", "Rank"), "program": ("Program", "Programme"),
    "sumber_anggaran": ("Sumber anggaran", "Budget source"), "tautan": ("Tertaut ke anggaran", "Linked to budget"),
    "temuan": ("Temuan", "Findings"), "dari_laporan": ("Capaian tercetak", "Printed achievement"),
    "Sangat Tinggi": ("Sangat Tinggi", "Very high"), "Tinggi": ("Tinggi", "High"), "Sedang": ("Sedang", "Medium"),
    "Rendah": ("Rendah", "Low"), "Sangat Rendah": ("Sangat Rendah", "Very low"),
}

RUMUS = {
    "capaian": (
        f"{measures.RUMUS_CAPAIAN['positif']}\n\n{measures.RUMUS_CAPAIAN['negatif']}\n\n{measures.RUMUS_CAPAIAN['ordinal']}\n\n"
        "Target 0 atau kosong: capaian tidak dihitung dan alasannya ditampilkan."
    ),
    "kategori": measures.RUMUS_KATEGORI,
    "serapan": measures.RUMUS_SERAPAN,
    "rata": "Rata-rata capaian = rata-rata capaian indikator IKU/PK, masing-masing dibatasi pada batas yang dipilih "
            "(bawaan 120%) agar satu capaian sangat tinggi tidak menutupi kegagalan indikator lain.",
    "efisiensi": "\n\n".join(f"**{judul}** — {penjelasan}" for judul, penjelasan in measures.METODE_EFISIENSI.values())
    + "\n\nTidak ada rumus efisiensi LKjIP yang tunggal dan resmi; ketiganya ditampilkan berdampingan.",
}


def teks(kunci: str, bahasa: str = "id", **isi) -> str:
    idn, eng = _LABEL[kunci]
    hasil = eng if bahasa == "en" and eng else idn
    return hasil.format(**isi) if isi else hasil


def judul_kolom(kolom: str, bahasa: str = "id") -> str:
    if kolom not in _KOLOM:
        return kolom
    idn, eng = _KOLOM[kolom]
    return eng if bahasa == "en" else idn


def judul_kolom_semua(kolom: list[str], bahasa: str = "id") -> dict[str, str]:
    return {k: judul_kolom(k, bahasa) for k in kolom}
