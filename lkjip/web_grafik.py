"""Streamlit glue, charts: a figure is built once for its data and options and shared by every rerun and
session that shows the same (plotly validates every property it is given, about 10 ms per figure and more
for hundreds of bars; a warm rerun of an unchanged page then only sends the figure)."""
from __future__ import annotations

from typing import Callable

import streamlit as st

from .web_sidik import sidik


@st.cache_resource(show_spinner=False, max_entries=64)
def _figur(kunci: object, _fungsi: Callable, _args: tuple, _kw: dict):
    # kunci: the builder's name and the hash of its arguments' fingerprint (web_sidik; a string, which Streamlit
    # hashes at once, where frames cost 4-8 ms each), or for arguments without a fingerprint the name and the
    # arguments themselves (Streamlit's own hashing); st.plotly_chart reads the figure without changing it, so
    # one object can serve every session
    return _fungsi(*_args, **_kw)


def tampil_grafik(fungsi: Callable, *args, key: str | None = None, on_select="ignore", selection_mode=None, **kw):
    """Draw ``fungsi(*args, **kw)`` (a builder of lkjip.charts) at full width; returns the chart's selection
    state when ``on_select`` is "rerun"."""
    nama = f"{fungsi.__module__}.{fungsi.__qualname__}"
    try:
        kunci: object = f"{nama}:{hash((sidik(args), sidik(kw)))}"
    except TypeError:
        kunci = (nama, args, kw)
    fig = _figur(kunci, fungsi, args, kw)
    pilih = {"on_select": on_select, "selection_mode": selection_mode} if on_select != "ignore" else {}
    return st.plotly_chart(fig, width="stretch", key=key, **pilih)
