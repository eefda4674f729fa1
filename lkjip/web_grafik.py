"""Streamlit glue, charts: a figure is built once for its data and options and shared by every rerun and
session that shows the same (plotly validates every property it is given, about 10 ms per figure and more
for hundreds of bars); so is what Streamlit sends of it. For a figure, st.plotly_chart makes a deep copy as
a dict (plotly's ``to_dict``) and writes it as JSON (``plotly.io.to_json``) on every rerun: 30 ms for the
efficiency chart of 514 agencies. A shown figure is therefore kept as that dict (``_Spek``), its JSON made
once, and Streamlit's two calls take them as they are (``_pasang_spek_tetap``)."""
from __future__ import annotations

import threading
from typing import Callable

import plotly.io
import plotly.tools
import streamlit as st

from .web_sidik import sidik


class _Spek(dict):
    """A built figure as Streamlit reads it: plotly's ``to_dict()`` of it, and its JSON once made."""

    def __init__(self, figur):
        super().__init__(figur.to_dict())
        self.json: str | None = None
        self.kunci = threading.Lock()


def _pasang_spek_tetap() -> bool:
    """Have st.plotly_chart take a _Spek as it is: ``plotly.tools.return_figure_from_figure_or_data`` returns it
    (it is the dict of a figure plotly already validated) and ``plotly.io.to_json`` gives its JSON, made by plotly's
    own function the first time. Anything else goes through plotly's functions as before. Without them (another
    plotly) nothing is changed, and figures are sent as figures (tampil_grafik); tests/test_web_sidik.py checks."""
    asli_figur = getattr(plotly.tools, "return_figure_from_figure_or_data", None)
    asli_json = getattr(plotly.io, "to_json", None)
    if asli_figur is None or asli_json is None:
        return False
    if getattr(asli_figur, "_spek_tetap", False):
        return True

    def return_figure_from_figure_or_data(figure_or_data, validate_figure):
        if isinstance(figure_or_data, _Spek):
            return figure_or_data
        return asli_figur(figure_or_data, validate_figure)

    def to_json(fig, *a, **k):
        if not isinstance(fig, _Spek):
            return asli_json(fig, *a, **k)
        with fig.kunci:
            if fig.json is None:
                fig.json = asli_json(dict(fig), *a, **k)
        return fig.json

    return_figure_from_figure_or_data._spek_tetap = True
    plotly.tools.return_figure_from_figure_or_data = return_figure_from_figure_or_data
    plotly.io.to_json = to_json
    return True


_SPEK_TETAP = _pasang_spek_tetap()


@st.cache_resource(show_spinner=False, max_entries=64)
def _figur(kunci: object, _fungsi: Callable, _args: tuple, _kw: dict):
    # kunci: the builder's name and the hash of its arguments' fingerprint (web_sidik; a string, which Streamlit
    # hashes at once, where frames cost 4-8 ms each), or for arguments without a fingerprint the name and the
    # arguments themselves (Streamlit's own hashing); st.plotly_chart reads the figure without changing it, so
    # one object can serve every session
    figur = _fungsi(*_args, **_kw)
    return _Spek(figur) if _SPEK_TETAP else figur


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
