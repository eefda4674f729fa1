"""Streamlit glue, charts: a figure is built once for its data and options and shared by every rerun and
session that shows the same (plotly validates every property it is given, about 10 ms per figure and more
for hundreds of bars; a warm rerun of an unchanged page then only sends the figure)."""
from __future__ import annotations

from typing import Callable

import streamlit as st


@st.cache_resource(show_spinner=False, max_entries=64)
def _figur(nama: str, _fungsi: Callable, args: tuple, kw: dict):
    # keyed by the builder's name and its arguments' content (Streamlit hashes frames by value); st.plotly_chart
    # reads the figure without changing it, so one object can serve every session
    return _fungsi(*args, **kw)


def tampil_grafik(fungsi: Callable, *args, key: str | None = None, on_select="ignore", selection_mode=None, **kw):
    """Draw ``fungsi(*args, **kw)`` (a builder of lkjip.charts) at full width; returns the chart's selection
    state when ``on_select`` is "rerun"."""
    fig = _figur(f"{fungsi.__module__}.{fungsi.__qualname__}", fungsi, args, kw)
    pilih = {"on_select": on_select, "selection_mode": selection_mode} if on_select != "ignore" else {}
    return st.plotly_chart(fig, width="stretch", key=key, **pilih)
