"""Streamlit glue, cell formats: the Indonesian display of a table's numbers (``Rp 9.202.224.555``, ``98,20%``)
over the real numbers, so that a column still sorts as numbers.

st.dataframe takes the display text from a pandas Styler, and renders it per cell in Python (pandas'
``_translate``, then Streamlit's reading of it): about 15 µs a cell, 70 ms for the 514-agency ranking, on every
rerun. The rendering is therefore done once per table content and format (``gaya``) and shared by every rerun
and session that shows the same table.
"""
from __future__ import annotations

import threading
from typing import Callable

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from .numbers import format_angka, format_nilai, format_rupiah

KOSONG = "–"
MAKS_SEL_GAYA = 250_000  # beyond this many cells the display formats fall back to Streamlit's own
MAKS_SEL_SIMPAN = 12_000  # a rendering kept for reuse (the 514-agency ranking and a page of long table fit); larger ones are redone


def persen_dua(v: float) -> str:
    """Capaian and serapan as the reports print them: always two decimals, ``100,60%``, ``85,62%``."""
    return format_angka(v, 2).split(",")[0] + "," + f"{abs(v):.2f}".split(".")[1] + "%" if format_angka(v, 2) != "–" else KOSONG


# a column's format by kind; "tanda" and "sedikit" are True/False columns (✓, or ⚠ for too few indicators)
FORMAT: dict[str, Callable] = {
    "rupiah": format_rupiah,
    "persen": persen_dua,
    "angka": lambda v: format_angka(v, 2),
    "nilai": format_nilai,
    "bulat": lambda v: str(int(v)),
    "tanda": lambda v: "✓" if v else "",
    "sedikit": lambda v: "⚠" if v else "",
}


def _kosong_atau(f: Callable) -> Callable:
    return lambda v: KOSONG if v is None or (isinstance(v, float) and v != v) or v is pd.NA else f(v)


def _tetapkan(gaya: Styler) -> Styler:
    """Make a Styler render once. Streamlit's ``marshall_styler`` calls ``_compute()`` and ``_translate(False, False)``
    and reads, of the result, ``table_styles``, ``cellstyle`` and each body cell's ``id`` and ``display_value``: the
    body is kept with only those (a third of the memory). Streamlit knows a Styler by its exact class, so the
    object stays a Styler and its two methods are replaced on the object."""
    kunci = threading.Lock()
    hasil: dict = {}
    compute, translate = gaya._compute, gaya._translate

    def _compute():
        with kunci:
            if not hasil:
                compute()
        return gaya

    def _translate(*a, **k):
        with kunci:
            if not hasil:
                terjemahan = translate(*a, **k)
                terjemahan["body"] = [[{"id": c.get("id"), "display_value": c.get("display_value")} for c in baris]
                                      for baris in terjemahan.get("body", [])]
                hasil.update(terjemahan)
        return hasil

    gaya._compute, gaya._translate = _compute, _translate
    return gaya


def _bangun(tampil: pd.DataFrame, jenis: dict[str, str], css: dict[str, pd.Series]) -> Styler:
    gaya = tampil.style.format({k: _kosong_atau(FORMAT[j]) for k, j in jenis.items() if k in tampil.columns}, na_rep=KOSONG)
    for k, seri in css.items():
        gaya = gaya.apply(lambda _, s=seri: s.to_numpy(), subset=[k])
    return gaya


@st.cache_resource(show_spinner=False, max_entries=24)
def _gaya_tetap(sidik: tuple, _tampil: pd.DataFrame, _jenis: dict, _css: dict) -> Styler:
    return _tetapkan(_bangun(_tampil, _jenis, _css))


def _sidik(df: pd.DataFrame) -> tuple:
    """The content of a frame, as a cache key: its columns, types and every value (numbers by their bytes, text
    by Python's own string hash, which each string computes once). Raises TypeError for an unhashable value."""
    isi = []
    for k in df.columns:
        nilai = df[k].to_numpy()
        if nilai.dtype.kind in "biufM":
            isi.append(hash(nilai.tobytes()))
        else:  # an empty cell counts as None whatever its kind (NaN, None, pd.NA); NaN would hash by identity
            isi.append(hash(tuple(None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v for v in nilai)))
    return tuple(df.columns), tuple(str(t) for t in df.dtypes), len(df), tuple(isi)


def gaya(tampil: pd.DataFrame, jenis: dict[str, str], warna: dict[str, Callable] | None = None) -> Styler | pd.DataFrame:
    """The table as st.dataframe should get it: a Styler showing each column of ``jenis`` in its format (see
    FORMAT; empty cells read "–") and the CSS that ``warna`` (column -> function value -> CSS) gives each cell.
    A table too large to style is returned as it is."""
    if tampil.size > MAKS_SEL_GAYA or not (jenis or warna):
        return tampil
    css = {k: tampil[k].map(f) for k, f in (warna or {}).items()}
    if tampil.size <= MAKS_SEL_SIMPAN:
        try:
            sidik = (_sidik(tampil), tuple(sorted(jenis.items())), tuple((k, _sidik(v.to_frame())) for k, v in css.items()))
        except TypeError:  # a value pandas cannot hash (e.g. a list): rendered for this run only
            return _bangun(tampil, jenis, css)
        return _gaya_tetap(sidik, tampil, jenis, css)
    return _bangun(tampil, jenis, css)
