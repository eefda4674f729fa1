"""Streamlit glue, cell formats: the Indonesian display of a table's numbers (``Rp 9.202.224.555``, ``98,20%``)
over the real numbers, so that a column still sorts as numbers.

st.dataframe takes the display text from a pandas Styler: pandas renders it cell by cell (``_translate``, about
15 µs a cell) and Streamlit copies it into a text table cell by cell (``_marshall_display_values``, 20–30 ms for
a page of 100 rows), on every rerun. A table shown here (``gaya``) is rendered instead column by column, once
per table content and format, into what Streamlit reads of it (the CSS rules and the Arrow bytes of the text
table), shared by every rerun and session that shows it. Tests check the bytes and CSS are those pandas and
Streamlit make.
"""
from __future__ import annotations

import threading
from enum import Enum
from typing import Callable

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler
from streamlit import dataframe_util
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


# the key, in a kept rendering's translation, of its display text: the Arrow bytes Streamlit's
# ``_marshall_display_values`` would make
_SLOT_TEKS = "_lkjip_teks_tampil"


def _pasang_teks_tetap() -> None:
    """Have Streamlit's ``_marshall_display_values`` take the display text of a kept rendering (one whose
    translation carries its bytes under ``_SLOT_TEKS``) as they are, instead of making it again cell by cell. Any other Styler goes
    through Streamlit's function as before. Without that function (another Streamlit version) nothing is changed
    and tables are only slower; tests/test_web_format.py checks the hook is in place."""
    asli = getattr(pandas_styler_utils, "_marshall_display_values", None)
    if asli is None or getattr(asli, "_teks_tetap", False):
        return

    def _marshall_display_values(proto, df, styles):
        teks = styles.get(_SLOT_TEKS) if isinstance(styles, dict) else None
        if not isinstance(teks, bytes):
            return asli(proto, df, styles)
        proto.styler.display_values = teks

    _marshall_display_values._teks_tetap = True
    pandas_styler_utils._marshall_display_values = _marshall_display_values


_pasang_teks_tetap()


def _teks_sel(v) -> str:
    return str(v.value) if isinstance(v, Enum) else str(v)  # as Streamlit writes a display value


def _terjemahan(gaya: Styler) -> dict:
    """What Streamlit reads of a Styler's translation, made column by column: its ``table_styles``, the
    ``cellstyle`` rules (cells of the same CSS together, in the order pandas lists them) and, in the slot
    ``_SLOT_TEKS``, the display text: each cell through the column's display function, as pandas' ``_translate``
    and Streamlit's ``_use_display_values`` make it cell by cell (15 µs a cell). Tested equal to them."""
    data = gaya.data
    Styler._compute(gaya)  # the CSS of each cell (the class's method: _tetapkan replaces the object's own)
    teks = pd.DataFrame({j: [_teks_sel(gaya._display_funcs[(0, j)](v)) for v in data.iloc[:, j]] for j in range(data.shape[1])},
                        index=data.index)
    teks.columns = data.columns
    peta: dict[tuple, list[str]] = {}
    for (r, c) in sorted(k for k, v in gaya.ctx.items() if v):
        peta.setdefault(tuple(gaya.ctx[r, c]), []).append(f"row{r}_col{c}")
    return {"table_styles": [{"selector": x["selector"], "props": x["props"]} for x in gaya.table_styles or []],
            "cellstyle": [{"props": list(p), "selectors": sel} for p, sel in peta.items()],
            _SLOT_TEKS: dataframe_util.convert_pandas_df_to_arrow_bytes(teks.astype(str))}


def _tetapkan(gaya: Styler) -> Styler:
    """Make a Styler render once, column by column (``_terjemahan``). Streamlit's ``marshall_styler`` calls
    ``_compute()`` and ``_translate(False, False)``; Streamlit knows a Styler by its exact class, so the object
    stays a Styler and its two methods are replaced on the object."""
    kunci = threading.Lock()
    hasil: dict = {}

    def _translate(*a, **k):
        with kunci:
            if not hasil:
                hasil.update(_terjemahan(gaya))
        return hasil

    gaya._compute, gaya._translate = (lambda: gaya), _translate
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
            sidik = None
        if sidik is not None:
            return _gaya_tetap(sidik, tampil, jenis, css)
    return _tetapkan(_bangun(tampil, jenis, css))  # rendered column by column, for this run only
