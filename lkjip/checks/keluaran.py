"""Findings for the command line: a fixed-width text table and JSON."""
from __future__ import annotations

import math

import pandas as pd

from ..numbers import format_angka
from .umum import KOLOM_TEMUAN, TINGKAT

_LEBAR_TEKS = {"instansi": 22, "tahun": 5, "jenis": 26, "tingkat": 10, "sumber": 26, "baris": 28, "dilaporkan": 17,
               "dihitung": 17, "selisih": 15, "penjelasan": 56, "ids": 12}
_KOLOM_ANGKA = ("dilaporkan", "dihitung", "selisih")


def tabel_teks(df: pd.DataFrame) -> str:
    """A fixed-width text table of the findings (long cells wrapped inside their column), Indonesian
    numbers, and a closing count per severity."""
    import textwrap

    if df is None or df.empty:
        return "Tidak ada temuan.\n"
    kolom = [k for k in KOLOM_TEMUAN if k in _LEBAR_TEKS]  # the English explanation is in the CSV and JSON
    lebar = dict(_LEBAR_TEKS)

    def sel(k, v) -> list[str]:
        if k in _KOLOM_ANGKA:
            return [format_angka(None if pd.isna(v) else float(v), 2, kosong="")]
        if k == "tahun":
            return ["" if pd.isna(v) else str(int(v))]
        teks = "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
        if k == "ids":
            teks = teks.replace(",", ", ")
        return textwrap.wrap(teks, lebar[k], break_long_words=True, break_on_hyphens=False) or [""]

    def baris(isi: dict[str, list[str]]) -> list[str]:
        tinggi = max(len(v) for v in isi.values())
        keluar = []
        for i in range(tinggi):
            bagian = []
            for k in kolom:
                t = isi[k][i] if i < len(isi[k]) else ""
                bagian.append(t.rjust(lebar[k]) if k in _KOLOM_ANGKA else t.ljust(lebar[k]))
            keluar.append(" | ".join(bagian).rstrip())
        return keluar

    garis = ["-+-".join("-" * lebar[k] for k in kolom)]
    hasil = baris({k: [k] for k in kolom}) + garis
    for r in df[kolom].itertuples(index=False):
        hasil += baris({k: sel(k, v) for k, v in zip(kolom, r)})
        hasil += [""]
    hitung = df["tingkat"].value_counts()
    hasil.append(f"{len(df)} temuan: " + ", ".join(f"{int(hitung.get(t, 0))} {t}" for t in TINGKAT) + ".")
    return "\n".join(hasil) + "\n"


def ke_json(df: pd.DataFrame) -> str:
    """The findings as a JSON list of objects (numbers as numbers, empty as null)."""
    import json

    catatan = []
    for r in df[KOLOM_TEMUAN].itertuples(index=False):
        o = {}
        for k, v in zip(KOLOM_TEMUAN, r):
            if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
                o[k] = None
            elif k == "tahun":
                o[k] = int(v)
            elif k in _KOLOM_ANGKA:
                o[k] = float(v)
            else:
                o[k] = str(v)
        catatan.append(o)
    return json.dumps(catatan, ensure_ascii=False, indent=2) + "\n"
