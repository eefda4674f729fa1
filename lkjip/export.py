"""Export tables to CSV and xlsx — one code path for the CLI and the pages.

CSV: UTF-8, comma, dot decimals, no thousands separators, CRLF line ends (RFC 4180); or the Indonesian Excel dialect
(semicolon, decimal comma, UTF-8 with BOM) with ``excel_id=True``. xlsx: real numbers with number
formats, bold frozen header, sensible widths. Text that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or CR) is written as text (OWASP CSV injection).
"""
from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pandas as pd

from . import measures
from .store import Store

KOLOM_CAPAIAN = ["instansi", "tahun", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi",
                 "capaian", "capaian_dilaporkan", "kategori", "tema", "sumber"]
KOLOM_ANGGARAN = ["instansi", "tahun", "level", "kode", "uraian", "pagu", "realisasi", "serapan", "sumber"]

# Number formats for xlsx, by column name.
FORMAT_XLSX = {
    "pagu": "#,##0", "pagu_awal": "#,##0", "realisasi_anggaran": "#,##0",
    "capaian": "0.00", "capaian_dilaporkan": "0.00", "serapan": "0.00", "serapan_dilaporkan": "0.00",
    "tahun": "0",
}
_AWALAN_BAHAYA = ("=", "+", "-", "@", "\t", "\r")


def tabel_capaian(store: Store, instansi: list[str] | None = None, tahun: list[int] | None = None,
                  semua_sumber: bool = False) -> pd.DataFrame:
    """The capaian export: one row per indicator and year (or every printed row with semua_sumber)."""
    df = store.indikator(instansi, tahun, hanya_utama=not semua_sumber)
    keluar = pd.DataFrame({
        "instansi": df["instansi"], "tahun": df["tahun"].astype("Int64"), "sasaran": df["sasaran"],
        "indikator": df["indikator"], "satuan": df["satuan"], "polaritas": df["polaritas"],
        "target": [_angka_atau_predikat(v, p) for v, p in zip(df["target"], df["target_predikat"])],
        "realisasi": [_angka_atau_predikat(v, p) for v, p in zip(df["realisasi"], df["realisasi_predikat"])],
        "capaian": df["capaian"].round(2),
        "capaian_dilaporkan": df["capaian_dilaporkan"],
        "kategori": [measures.kategori(None if pd.isna(c) else c) for c in df["capaian"]],
        "tema": df["tema"], "sumber": df["sumber"],
    })
    return keluar[KOLOM_CAPAIAN].reset_index(drop=True)


def tabel_anggaran(store: Store, instansi: list[str] | None = None, tahun: list[int] | None = None,
                   semua_sumber: bool = False) -> pd.DataFrame:
    df = store.anggaran(instansi, tahun)
    if not semua_sumber:
        df = df[df["utama"]]
    keluar = df[["instansi", "tahun", "level", "kode", "uraian", "pagu", "realisasi", "serapan", "sumber"]].copy()
    keluar["tahun"] = keluar["tahun"].astype("Int64")
    keluar["serapan"] = keluar["serapan"].round(2)
    return keluar[KOLOM_ANGGARAN].reset_index(drop=True)


def _angka_atau_predikat(v, predikat):
    if v is not None and not (isinstance(v, float) and math.isnan(v)):
        return v
    return predikat if isinstance(predikat, str) else None


def aman(v):
    """A cell value safe for spreadsheets: formula-like text gets a leading apostrophe in CSV."""
    if isinstance(v, str) and v.startswith(_AWALAN_BAHAYA):
        return "'" + v
    return v


def _sel(v):
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, "item"):  # numpy scalar
        return v.item()
    return v


def ke_csv(df: pd.DataFrame, excel_id: bool = False) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if excel_id else ",", lineterminator="\r\n")
    w.writerow(df.columns)
    for row in df.itertuples(index=False):
        keluar = []
        for v in row:
            v = _sel(v)
            if v is None:
                keluar.append("")
            elif isinstance(v, bool):
                keluar.append("1" if v else "0")
            elif isinstance(v, (int, float)):
                teks = repr(int(v)) if float(v).is_integer() and abs(v) < 1e15 else repr(float(v))
                keluar.append(teks.replace(".", ",") if excel_id else teks)
            else:
                keluar.append(aman(str(v)))
        w.writerow(keluar)
    teks = buf.getvalue()
    return ("\ufeff" + teks).encode("utf-8") if excel_id else teks.encode("utf-8")


def ke_xlsx(df: pd.DataFrame, nama_lembar: str = "Data", judul: dict[str, str] | None = None) -> bytes:
    """xlsx bytes: header in bold (optionally relabelled), frozen, numbers as numbers with formats."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = nama_lembar[:31]
    isi_lembar(ws, df, judul)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def isi_lembar(ws, df: pd.DataFrame, judul: dict[str, str] | None = None, baris_awal: int = 1,
               format_kolom: dict[str, str] | None = None, beku: bool = True) -> None:
    """Write ``df`` into an openpyxl sheet from row ``baris_awal``: bold header (optionally relabelled),
    numbers as numbers with a number format (``format_kolom`` by column name, else ``FORMAT_XLSX``), text
    never a formula, columns sized (only widened, so tables can be stacked on one sheet). ``beku``: the
    header is frozen and carries a filter (for the one table of a sheet)."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    kolom = list(df.columns)
    for c, k in enumerate(kolom, start=1):
        sel = ws.cell(row=baris_awal, column=c, value=str((judul or {}).get(k, k)))
        sel.data_type = "s"
        sel.font = Font(bold=True)
    for r, row in enumerate(df.itertuples(index=False), start=baris_awal + 1):
        for c, v in enumerate(row, start=1):
            v = _sel(v)
            sel = ws.cell(row=r, column=c)
            if isinstance(v, str):
                sel.value = v
                sel.data_type = "s"  # never a formula, whatever it starts with
            else:
                sel.value = v
                fmt = (format_kolom or {}).get(kolom[c - 1]) or FORMAT_XLSX.get(kolom[c - 1])
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    sel.number_format = fmt or ("#,##0" if float(v).is_integer() and abs(v) >= 1000 else "General")
    for i, k in enumerate(kolom, start=1):
        panjang = [len(str((judul or {}).get(k, k)))] + [len(str(_sel(v) or "")) for v in df[k].head(500)]
        huruf = get_column_letter(i)
        lama = ws.column_dimensions[huruf].width or 0
        ws.column_dimensions[huruf].width = max(lama, 8, min(60, max(panjang) + 2))
    if beku and kolom:
        ws.freeze_panes = ws.cell(row=baris_awal + 1, column=1).coordinate
        ws.auto_filter.ref = f"A{baris_awal}:{get_column_letter(len(kolom))}{baris_awal + len(df)}"


def tulis(df: pd.DataFrame, path: str | Path, excel_id: bool = False) -> None:
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        data = ke_xlsx(df)
    elif path.suffix.lower() == ".csv":
        data = ke_csv(df, excel_id=excel_id)
    else:
        raise ValueError(f"format keluaran {path.suffix or '(tanpa akhiran)'} tidak didukung; pakai .csv atau .xlsx")
    path.write_bytes(data)
