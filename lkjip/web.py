"""Streamlit glue shared by app.py and the pages: the store, cached queries, formatting helpers.

Only the pages import this module; the rest of lkjip never imports Streamlit.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import bawaan, export
from .store import Store, lokasi_db


@st.cache_resource(show_spinner="Menyiapkan basis data…")
def _store(path: str) -> Store:
    return bawaan.buka(path)


def store() -> Store:
    """The process-wide store (created with the bundled data on first use)."""
    return _store(str(lokasi_db()))


@st.cache_data(show_spinner=False, max_entries=64)
def _capaian(path: str, versi: int, instansi: tuple | None, tahun: tuple | None) -> pd.DataFrame:
    return export.tabel_capaian(store(), list(instansi) if instansi else None, list(tahun) if tahun else None)


@st.cache_data(show_spinner=False, max_entries=64)
def _anggaran(path: str, versi: int, instansi: tuple | None, tahun: tuple | None) -> pd.DataFrame:
    return export.tabel_anggaran(store(), list(instansi) if instansi else None, list(tahun) if tahun else None)


def capaian(instansi=None, tahun=None) -> pd.DataFrame:
    s = store()
    return _capaian(str(s.path), s.versi_data, tuple(instansi or ()), tuple(tahun or ()))


def anggaran(instansi=None, tahun=None) -> pd.DataFrame:
    s = store()
    return _anggaran(str(s.path), s.versi_data, tuple(instansi or ()), tuple(tahun or ()))
