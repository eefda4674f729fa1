"""Streamlit glue, cell formats: the Indonesian display of a table's numbers (``Rp 9.202.224.555``, ``98,20%``)
over the real numbers, so that a column still sorts as numbers.

st.dataframe takes the display text from a pandas Styler, and renders it per cell in Python (pandas'
``_translate``, then Streamlit's reading of it): about 15 µs a cell, 70 ms for the 514-agency ranking, on every
rerun. The rendering is therefore done once per table content and format (``gaya``) and shared by every rerun
and session that shows the same table; so is Streamlit's table of display text made from it (its
``_marshall_display_values``: a text copy of the frame filled cell by cell, 20–30 ms for a page of 100 rows),
kept with the rendering as the Arrow bytes Streamlit made.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler
from streamlit.elements.lib import pandas_styler_utils

from .numbers import format_angka, format_nilai, format_rupiah
from .web_sidik import sidik_frame

KOSONG = "–"
MAKS_SEL_GAYA = 250_000  # beyond this many cells the display formats fall back to Streamlit's own
MAKS_SEL_SIMPAN = 12_000  # a rendering kept for reuse (the 514-agency ranking and a page of long table fit); larger ones are redone


def angka_dua(v: float) -> str:
    """A figure with always two decimals, so that a column's decimals line up: ``-1,49``, ``1,00``, ``46,00``."""
    teks = format_angka(v, 2)
    return teks.split(",")[0] + "," + f"{abs(v):.2f}".split(".")[1] if teks != KOSONG else KOSONG


def persen_dua(v: float) -> str:
    """Capaian and serapan as the reports print them: always two decimals, ``100,60%``, ``85,62%``."""
    teks = angka_dua(v)
    return teks + "%" if teks != KOSONG else KOSONG


# a column's format by kind; "tanda" and "sedikit" are True/False columns (✓, or ⚠ for too few indicators)
FORMAT: dict[str, Callable] = {
    "rupiah": format_rupiah,
    "persen": persen_dua,
    "angka": angka_dua,
    "nilai": format_nilai,
    "bulat": lambda v: str(int(v)),
    "tanda": lambda v: "✓" if v else "",
    "sedikit": lambda v: "⚠" if v else "",
}


def _kosong_atau(f: Callable) -> Callable:
    return lambda v: KOSONG if v is None or (isinstance(v, float) and v != v) or v is pd.NA else f(v)


@dataclass
class _TeksTampil:
    """Streamlit's display text of a kept rendering (Arrow bytes), made at its first showing."""
    kunci: threading.Lock = field(default_factory=threading.Lock)
    isi: bytes | None = None


_SLOT_TEKS = "_lkjip_teks_tampil"  # the key of a kept rendering's _TeksTampil in its translation


def _pasang_teks_tetap() -> None:
    """Have Streamlit's ``_marshall_display_values`` reuse the display text of a kept rendering (one whose
    translation carries a _TeksTampil): made by Streamlit's own function the first time, then given back as the
    same bytes (the rendering's cells, which only that function read, are then let go). Any other Styler goes
    through Streamlit's function as before. Without that function (another Streamlit version) nothing is changed
    and tables are only slower; tests/test_web_format.py checks the hook is in place."""
    asli = getattr(pandas_styler_utils, "_marshall_display_values", None)
    if asli is None or getattr(asli, "_teks_tetap", False):
        return

    def _marshall_display_values(proto, df, styles):
        slot = styles.get(_SLOT_TEKS) if isinstance(styles, dict) else None
        if not isinstance(slot, _TeksTampil):
            return asli(proto, df, styles)
        with slot.kunci:
            if slot.isi is None:
                asli(proto, df, styles)
                slot.isi = proto.styler.display_values
                styles["body"] = []  # only the display text read it: the cells' memory goes with it
            else:
                proto.styler.display_values = slot.isi

    _marshall_display_values._teks_tetap = True
    pandas_styler_utils._marshall_display_values = _marshall_display_values


_pasang_teks_tetap()


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
                hasil.update(terjemahan, **{_SLOT_TEKS: _TeksTampil()})
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


def gaya(tampil: pd.DataFrame, jenis: dict[str, str], warna: dict[str, Callable] | None = None) -> Styler | pd.DataFrame:
    """The table as st.dataframe should get it: a Styler showing each column of ``jenis`` in its format (see
    FORMAT; empty cells read "–") and the CSS that ``warna`` (column -> function value -> CSS) gives each cell.
    A table too large to style is returned as it is."""
    if tampil.size > MAKS_SEL_GAYA or not (jenis or warna):
        return tampil
    css = {k: tampil[k].map(f) for k, f in (warna or {}).items()}
    if tampil.size <= MAKS_SEL_SIMPAN:
        try:
            sidik = (sidik_frame(tampil), tuple(sorted(jenis.items())), tuple((k, sidik_frame(v.to_frame())) for k, v in css.items()))
        except TypeError:  # a value pandas cannot hash (e.g. a list): rendered for this run only
            return _bangun(tampil, jenis, css)
        return _gaya_tetap(sidik, tampil, jenis, css)
    return _bangun(tampil, jenis, css)
