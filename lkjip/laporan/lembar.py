"""The draft's tables as XLSX: one sheet per table (number, title, sentence and source above the table),
real numbers with number formats, written through lkjip.export (formula-safe)."""
from __future__ import annotations

import io

import pandas as pd

from .. import export
from .model import Laporan, Tabel
from .susun import BELUM_DICATAT
from .sumber import JENIS_CATATAN

FORMAT_JENIS = {"persen": "0.00", "rupiah": "#,##0", "angka": "#,##0.00", "rasio": "0.00", "bulat": "0", "tahun": "0"}
BARIS_JUDUL_TABEL = 5  # the table's header row on every table sheet


def nama_lembar(t: Tabel) -> str:
    return (f"Tabel {t.nomor}" if t.nomor else t.kunci)[:31]


def _teks(ws, baris: int, teks: str, tebal: bool = False) -> None:
    from openpyxl.styles import Alignment, Font

    sel = ws.cell(row=baris, column=1, value=teks)
    sel.data_type = "s"
    sel.font = Font(bold=tebal)
    sel.alignment = Alignment(wrap_text=False, vertical="top")


def ke_xlsx(lap: Laporan) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    info = wb.active
    info.title = "Info"
    _teks(info, 1, lap.judul, True)
    _teks(info, 2, lap.subjudul)
    for i, c in enumerate(lap.catatan_umum, start=4):
        _teks(info, i, c)
    daftar = pd.DataFrame({"lembar": [nama_lembar(t) for t in lap.semua_tabel()], "judul": [t.judul for t in lap.semua_tabel()]})
    export.isi_lembar(info, daftar, {"lembar": "Lembar", "judul": "Judul tabel"}, baris_awal=5 + len(lap.catatan_umum))
    info.column_dimensions["A"].width = 14
    for t in lap.semua_tabel():
        ws = wb.create_sheet(nama_lembar(t))
        _teks(ws, 1, t.label, True)
        _teks(ws, 2, t.kalimat)
        _teks(ws, 3, f"Sumber: {t.sumber}" if t.sumber else "")
        format_kolom = {k.judul: FORMAT_JENIS[k.jenis] for k in t.kolom if k.jenis in FORMAT_JENIS}
        export.isi_lembar(ws, t.xlsx(), baris_awal=BARIS_JUDUL_TABEL, format_kolom=format_kolom)
    catatan = [(c.indikator, nama, isi) for b in lap.bab for c in b.catatan for jenis, nama in JENIS_CATATAN.items()
               for isi in (c.isi.get(jenis) or [BELUM_DICATAT.format(jenis=nama.lower())])]
    if catatan:
        ws = wb.create_sheet("Catatan indikator")
        _teks(ws, 1, "Faktor pendukung, penghambat dan tindak lanjut per indikator", True)
        export.isi_lembar(ws, pd.DataFrame(catatan, columns=["Indikator", "Jenis", "Isi"]), baris_awal=3)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
