"""Streamlit glue shared by app.py and the pages: the store, shared filters, cached figures, tables.

Only the pages import this module; the rest of lkjip never imports Streamlit. Cached results are
keyed by the database's data version, which every write bumps, so an upload is seen at once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from . import analisis, bawaan, export, label, measures
from .charts import warna_instansi
from .numbers import format_angka, format_nilai, format_persen, format_rupiah
from .store import Store, StoreError, lokasi_db
from .vocab import TEMA


@st.cache_resource(show_spinner="Menyiapkan basis data…")
def _store(path: str) -> Store:
    return bawaan.buka(path, singgah=True)  # a DuckDB file stays free for the CLI between operations


def store() -> Store:
    """The process-wide store (created with the bundled data on first use).

    When the database cannot be reached (a PostgreSQL server down, a DuckDB file held by another
    process on first load) the page shows the store's message and stops, instead of a traceback.
    """
    try:
        return _store(str(lokasi_db()))
    except StoreError as e:
        # only the first call of a run can fail (app.py, before the navigation): no page list then
        st.navigation([st.Page(lambda: None, title="Dasbor LKjIP", url_path="galat")], position="hidden")
        st.error(str(e))
        st.stop()


def _kunci() -> tuple[str, int]:
    s = store()
    versi = s.versi_data
    if s.sibuk:  # another process (a CLI import) holds the DuckDB file: cached figures, said so
        st.toast(label.teks("db.sibuk", "en" if st.session_state.get("f_bahasa") else "id"), icon="⏳")
    return str(s.path), versi


# --- cached queries (keyed by path and data version) ---------------------------------------------
@st.cache_data(show_spinner=False, max_entries=16)
def _daftar(path: str, versi: int) -> tuple[list[str], list[int]]:
    s = store()
    return list(s.daftar_instansi()["nama"]), s.daftar_tahun()


# The raw rows are large (all agencies: ~60k indicator and ~220k budget rows at national scale), so
# they are cached as shared read-only objects (cache_resource: no pickled copy, no copy per rerun).
# Nothing mutates them: pandas copy-on-write makes every derived frame independent, and Saringan
# hands out shallow copies.
@st.cache_resource(show_spinner=False, max_entries=4)
def _indikator(path: str, versi: int, instansi: tuple, tahun: tuple) -> pd.DataFrame:
    return store().indikator(list(instansi) or None, list(tahun) or None)


@st.cache_resource(show_spinner=False, max_entries=4)
def _anggaran(path: str, versi: int, instansi: tuple, tahun: tuple) -> pd.DataFrame:
    return store().anggaran(list(instansi) or None, list(tahun) or None)


@st.cache_data(show_spinner=False, max_entries=32)
def _tabel(path: str, versi: int, nama: str, instansi: tuple, tahun: tuple) -> pd.DataFrame:
    return store().tabel(nama, list(instansi) or None, list(tahun) or None)


@st.cache_data(show_spinner=False, max_entries=64)
def _analisis(path: str, versi: int, fungsi: str, instansi: tuple, tahun: tuple, tema: str | None, batas: float | None):
    ind = _indikator(path, versi, instansi, tahun)
    ang = _anggaran(path, versi, instansi, tahun)
    if tema:
        ind = ind[ind["tema"] == tema]
    f = getattr(analisis, fungsi)
    if fungsi in ("anggaran_instansi", "serapan_program"):
        return f(ang)
    if fungsi == "matriks_tema":
        return f(ind, batas)
    return f(ind, ang, batas)


@st.cache_data(show_spinner="Memeriksa kecocokan angka…", max_entries=16)
def _temuan(path: str, versi: int, instansi: tuple, tahun: tuple) -> pd.DataFrame:
    from . import checks

    return checks.temuan(store(), list(instansi) or None, list(tahun) or None)


_MD_KHUSUS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(teks: object) -> str:
    """Data text (agency, indicator, file names...) shown as text inside Markdown: every Markdown, HTML
    and LaTeX character escaped, so a name never becomes a link, a heading, a formula or markup."""
    return _MD_KHUSUS.sub(r"\\\1", str(teks))


def daftar_instansi() -> list[str]:
    return _daftar(*_kunci())[0]


def daftar_tahun() -> list[int]:
    return _daftar(*_kunci())[1]


# --- shared filters, kept in the URL -------------------------------------------------------------
@dataclass(frozen=True)
class Saringan:
    instansi: tuple[str, ...]  # empty = all
    tahun: tuple[int, ...]  # empty = all
    tema: str | None
    bahasa: str
    batas: float

    def t(self, kunci: str, **isi) -> str:
        return label.teks(kunci, self.bahasa, **isi)

    def indikator(self) -> pd.DataFrame:
        ind = _indikator(*_kunci(), self.instansi, self.tahun)
        return ind[ind["tema"] == self.tema] if self.tema else ind.copy(deep=False)

    def anggaran(self) -> pd.DataFrame:
        return _anggaran(*_kunci(), self.instansi, self.tahun).copy(deep=False)

    def tabel(self, nama: str) -> pd.DataFrame:
        return _tabel(*_kunci(), nama, self.instansi, self.tahun)

    def analisis(self, fungsi: str) -> pd.DataFrame:
        return _analisis(*_kunci(), fungsi, self.instansi, self.tahun, self.tema, self.batas)

    def temuan(self) -> pd.DataFrame:
        """Reconciliation findings (lkjip.checks) for the chosen agencies and years."""
        return _temuan(*_kunci(), self.instansi, self.tahun)

    def warna(self) -> dict[str, str]:
        return warna_instansi(daftar_instansi())


def dari_url() -> None:
    """Initialise the filter widgets from the URL query parameters, once per session."""
    if "f_siap" in st.session_state:
        return
    qp = st.query_params
    semua_i, semua_t = daftar_instansi(), daftar_tahun()
    st.session_state["f_instansi"] = [i for i in qp.get_all("instansi") if i in semua_i]
    st.session_state["f_tahun"] = [int(t) for t in qp.get_all("tahun") if t.isdigit() and int(t) in semua_t]
    tema = qp.get("tema")
    st.session_state["f_tema"] = tema if tema in TEMA else None
    st.session_state["f_bahasa"] = qp.get("bahasa") == "en"
    try:
        st.session_state["f_batas"] = float(qp.get("batas", measures.BATAS_RATA_RATA_BAWAAN))
    except ValueError:
        st.session_state["f_batas"] = measures.BATAS_RATA_RATA_BAWAAN
    st.session_state["f_siap"] = True


def _ke_url(s: Saringan) -> None:
    baru = {}
    if s.instansi:
        baru["instansi"] = list(s.instansi)
    if s.tahun:
        baru["tahun"] = [str(t) for t in s.tahun]
    if s.tema:
        baru["tema"] = s.tema
    if s.bahasa == "en":
        baru["bahasa"] = "en"
    if s.batas != measures.BATAS_RATA_RATA_BAWAAN:
        baru["batas"] = format(s.batas, "g")
    lama = {k: st.query_params.get_all(k) if k in ("instansi", "tahun") else st.query_params.get(k) for k in st.query_params}
    if lama != baru:
        st.query_params.from_dict(baru)


def saringan_sidebar() -> Saringan:
    """The sidebar filters shared by every page; their state is mirrored in the URL."""
    dari_url()
    bahasa = "en" if st.session_state.get("f_bahasa") else "id"
    t = lambda k: label.teks(k, bahasa)  # noqa: E731
    with st.sidebar:
        st.header(t("f.judul"))
        st.multiselect(t("f.instansi"), daftar_instansi(), key="f_instansi", placeholder=t("f.instansi_semua"))
        st.multiselect(t("f.tahun"), daftar_tahun(), key="f_tahun", placeholder=t("f.tahun_semua"))
        st.selectbox(t("f.tema"), list(TEMA), key="f_tema", format_func=lambda k: label.tema(k, bahasa), index=None, placeholder=t("f.tema_semua"))
        st.number_input(t("f.batas"), min_value=100.0, max_value=1000.0, step=5.0, format="%.0f", key="f_batas", help=t("f.batas_help"))
        st.toggle(t("f.bahasa"), key="f_bahasa")
        st.caption(t("f.tautan"))
    s = Saringan(tuple(st.session_state["f_instansi"]), tuple(sorted(st.session_state["f_tahun"])), st.session_state["f_tema"],
                 "en" if st.session_state["f_bahasa"] else "id", float(st.session_state["f_batas"]))
    _ke_url(s)
    return s


def saringan() -> Saringan:
    """The current filters (set by app.py's sidebar before the page runs).

    Because the page files live in ``pages/``, Streamlit may run a page on its own in its legacy
    multipage mode (the first request after a restart being a deep link such as ``/tren``, and every
    AppTest rerun). Then app.py has not run: switch that mode off and rerun through app.py, whose
    ``st.navigation`` resolves the same URL to the same page.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory or "saringan" not in st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state["saringan"]


# --- tables and downloads ------------------------------------------------------------------------
def tampil_tabel(df: pd.DataFrame, s: Saringan, nama_berkas: str, rupiah: tuple[str, ...] = (), persen: tuple[str, ...] = (),
                 progres: tuple[str, ...] = (), angka: tuple[str, ...] = (), nilai: tuple[str, ...] = (), tinggi: int | None = None,
                 kunci: str | None = None) -> None:
    """Show a table with Indonesian number formats and headers, and its xlsx/CSV downloads.

    The downloads carry the real numbers (export.ke_xlsx / ke_csv, the CLI's code path).
    """
    tampil = df.copy()
    for k in rupiah:
        tampil[k] = df[k].map(format_rupiah)
    for k in persen:
        tampil[k] = df[k].map(format_persen)
    for k in angka:
        tampil[k] = df[k].map(format_angka)
    for k in nilai:
        tampil[k] = df[k].map(format_nilai)
    config = {k: st.column_config.Column(label.judul_kolom(k, s.bahasa)) for k in df.columns}
    for k in progres:
        tampil[k] = df[k].clip(lower=0)
        config[k] = st.column_config.ProgressColumn(label.judul_kolom(k, s.bahasa), min_value=0, max_value=100, format="%.0f%%")
    if "tahun" in df.columns:
        config["tahun"] = st.column_config.NumberColumn(label.judul_kolom("tahun", s.bahasa), format="%d")
    st.dataframe(tampil, hide_index=True, width="stretch", column_config=config, height=tinggi or "auto", key=kunci)
    tombol_unduh(df, s, nama_berkas)


def tombol_unduh(df: pd.DataFrame, s: Saringan, nama_berkas: str) -> None:
    judul = label.judul_kolom_semua(list(df.columns), s.bahasa)
    k1, k2, _ = st.columns([1, 1, 4])
    k1.download_button(s.t("u.unduh_xlsx"), data=lambda: export.ke_xlsx(df, nama_berkas[:31], judul), file_name=f"{nama_berkas}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                       icon=":material/download:", key=f"xlsx_{nama_berkas}")
    k2.download_button(s.t("u.unduh_csv"), data=lambda: export.ke_csv(df.rename(columns=judul)), file_name=f"{nama_berkas}.csv",
                       mime="text/csv", on_click="ignore", icon=":material/download:", key=f"csv_{nama_berkas}")


def rumus(s: Saringan, *kunci: str) -> None:
    """An expander explaining the formulas of the measures shown."""
    with st.expander(s.t("u.rumus"), icon=":material/function:"):
        for k in kunci:
            st.markdown(label.rumus(k, s.bahasa))


def kosong(s: Saringan, ada_data: bool) -> bool:
    """Show the empty state and return True when there is nothing to show."""
    if not daftar_instansi():
        st.info(s.t("u.kosong"), icon=":material/info:")
        return True
    if not ada_data:
        st.info(s.t("u.kosong_saring"), icon=":material/filter_alt_off:")
        return True
    return False


# --- who may write (lkjip.akses; the Streamlit side in lkjip.akses.tampilan) ---------------------
def pengguna_aktif(s: Saringan):
    """Render the sign-in state and return the current ``lkjip.akses.Pengguna`` (once per page run)."""
    from .akses import tampilan

    return tampilan.pengguna_aktif(s)


def izin_menulis(s: Saringan):
    """Render the sign-in state; return (may import for at least one agency, the ``Pengguna``)."""
    from .akses import tampilan

    return tampilan.izin_menulis(s)


def tampil_log_aktivitas(s: Saringan, pengguna) -> None:
    """The activity log and its downloads, for admins only."""
    from .akses import tampilan

    tampilan.tampil_log_aktivitas(s, pengguna)


def izin_reviu(pengguna) -> tuple[bool, str | None]:
    """(may give verdicts and write review notes, the name for the log) for the user that
    ``pengguna_aktif`` returned: reviewer or admin (lkjip.akses decides; lkjip.reviu enforces it again)."""
    from . import akses

    return akses.boleh_mereviu(pengguna), akses.nama_log(pengguna)
