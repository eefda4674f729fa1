"""Streamlit glue, filters and links: the shared sidebar filters, each page's own controls, and the URL.

The mapping URL <-> widget values is lkjip.tautan (pure, tested); this module binds it: ``dari_url``
seeds the widgets of a new session from the link, ``ke_url`` writes the current view back after each
run, and ``salin_tautan`` offers the link to copy.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from . import analisis, label, tautan, web_data
from .vocab import TEMA


@dataclass(frozen=True)
class Saringan:
    instansi: tuple[str, ...]  # empty = all
    tahun: tuple[int, ...]  # empty = all
    tema: str | None
    bahasa: str
    batas: float
    periode: str = analisis.PERIODE[0]  # terakhir: each agency's latest report year | semua: all chosen years
    min_indikator: int = analisis.MIN_INDIKATOR_PERINGKAT

    def t(self, kunci: str, **isi) -> str:
        return label.teks(kunci, self.bahasa, **isi)

    def _k(self) -> tuple:
        return (*web_data.kunci(), self.instansi, self.tahun)

    # rows
    def tabel(self, nama: str) -> pd.DataFrame:
        k = self._k()
        return web_data._tabel(k[0], k[1], nama, k[2], k[3])

    # figures (typed, cached)
    def ringkasan(self) -> pd.DataFrame:
        return web_data.ringkasan_instansi(*self._k(), self.tema, self.batas, self.periode, self.min_indikator)

    def matriks_tema(self) -> pd.DataFrame:
        return web_data.matriks_tema(*self._k(), self.tema, self.batas, self.periode)

    def serapan_program(self) -> pd.DataFrame:
        return web_data.serapan_program(*self._k(), self.periode)

    def efisiensi_sasaran(self) -> pd.DataFrame:
        return web_data.efisiensi_sasaran(*self._k(), self.tema, self.batas)

    def efisiensi_bagian(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        return web_data.efisiensi_bagian(*self._k(), self.tema, self.batas)

    def tren_instansi(self, tema: str | None = None) -> pd.DataFrame:
        return web_data.tren_instansi(*self._k(), tema or self.tema, self.batas)

    def daftar_indikator(self) -> pd.Series:
        return web_data.daftar_indikator(*self._k(), self.tema)

    def tren_indikator(self, indikator: str) -> pd.DataFrame:
        return web_data.tren_indikator(*self._k(), self.tema, indikator)

    def tahun_anggaran(self) -> pd.DataFrame:
        return web_data.tahun_anggaran(*self._k())

    def sumber_serapan(self, instansi: str, tahun: int) -> tuple[list[str], str]:
        return web_data.sumber_serapan(*web_data.kunci(), instansi, tahun)

    def rincian_serapan(self, instansi: str, tahun: int, sumber: str, ambang: int) -> dict:
        return web_data.rincian_serapan(*web_data.kunci(), instansi, tahun, sumber, ambang)

    def standar_tertaut(self) -> pd.DataFrame:
        return web_data.standar_tertaut(*self._k())

    def standar_ada(self) -> pd.DataFrame:
        return web_data.standar_ada(*self._k())

    def nilai_standar(self, kode: str) -> pd.DataFrame:
        return web_data.nilai_standar(*self._k(), kode)

    def temuan_per_instansi(self) -> pd.DataFrame:
        """Number of findings per agency and severity (lkjip.checks.ringkas_per_instansi)."""
        return web_data.temuan_per_instansi(*self._k())


def dari_url() -> None:
    """Seed the shared filters and every page's controls from the URL, once per session."""
    if "f_siap" in st.session_state:
        return
    qp = st.query_params
    nilai = tautan.dari_query({k: qp.get_all(k) for k in qp})
    semua_i, semua_t = web_data.daftar_instansi(), web_data.daftar_tahun()
    nilai["f_instansi"] = [i for i in nilai.get("f_instansi", []) if i in semua_i]
    nilai["f_tahun"] = [t for t in nilai.get("f_tahun", []) if t in semua_t]
    for p in tautan.PARAM[""]:
        st.session_state[p.kunci] = nilai.get(p.kunci, p.bawaan if not p.jenis.startswith("daftar") else [])
    for k, v in nilai.items():
        if not k.startswith("f_"):
            st.session_state[k] = v
    st.session_state["f_siap"] = True


def pilihan_sah(kunci: str, pilihan: list) -> None:
    """Before a page control with these options is drawn: drop a value (from a link) that is not one of them."""
    if kunci in st.session_state:
        v = st.session_state[kunci]
        sah = [x for x in v if x in pilihan] if isinstance(v, list) else (v if v in pilihan else None)
        if sah is None or sah != v:
            if sah is None:
                del st.session_state[kunci]
            else:
                st.session_state[kunci] = sah


def ikut_data(kunci: str, bawaan) -> None:
    """Before a page control whose default comes from the data (the log's date range, ending at its newest day):
    a value left at the default moves with it when the data grows; a value the user chose stays. Draw the control
    without a default: its value is in the session state."""
    lama, v = st.session_state.get("_bawaan_" + kunci), st.session_state.get(kunci)
    if v is None or (tuple(v) if isinstance(v, list) else v) == lama:
        st.session_state[kunci] = bawaan
    st.session_state["_bawaan_" + kunci] = bawaan


def awal(kunci: str, **bawaan) -> dict:
    """A page control's default (value=, index=, default=...) only when its key holds no value yet (e.g. from a
    link): Streamlit warns when a widget gets both a default and a value set through the session state."""
    return {} if kunci in st.session_state else bawaan


def query_tampilan(halaman: str | None) -> dict[str, str | list[str]]:
    """The URL parameters of the current view: shared filters plus the page's controls."""
    nilai = {p.kunci: st.session_state[p.kunci] for p in tautan.param_halaman(halaman) if p.kunci in st.session_state}
    return tautan.ke_query(nilai, halaman)


def ke_url(halaman: str | None) -> None:
    """Write the current view into the address bar (only when it changed)."""
    baru = query_tampilan(halaman)
    lama = {k: (st.query_params.get_all(k) if isinstance(baru.get(k), list) else st.query_params.get(k)) for k in st.query_params}
    if lama != baru:
        st.query_params.from_dict(baru)


def salin_tautan(s: Saringan, halaman: str | None) -> None:
    """A "Salin tautan" button that copies the link of the current view (the address bar as it is now)."""
    teks_tombol, teks_ok = html.escape(s.t("f.salin")), s.t("f.disalin")
    st.iframe(
        f"""<button id="b" style="font:14px sans-serif;padding:6px 12px;border:1px solid #ccc;border-radius:8px;background:#fff;cursor:pointer">
        <svg width="14" height="14" viewBox="0 0 24 24" style="vertical-align:-2px"><path fill="currentColor" d="M3.9 12a3.1 3.1 0 0 1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7A3.1 3.1 0 0 1 3.9 12M8 13h8v-2H8zm9-6h-4v1.9h4a3.1 3.1 0 0 1 0 6.2h-4V17h4a5 5 0 0 0 0-10"/></svg>
        {teks_tombol}</button><span id="ok" style="font:13px sans-serif;margin-left:8px;color:#0f766e"></span>
        <script>
        const b = document.getElementById('b');
        b.onclick = async () => {{
          let url = window.location.href;
          try {{ url = window.parent.location.href; }} catch (e) {{}}
          try {{ await navigator.clipboard.writeText(url); }} catch (e) {{
            const t = document.createElement('textarea'); t.value = url; document.body.appendChild(t); t.select();
            document.execCommand('copy'); t.remove();
          }}
          document.getElementById('ok').textContent = {json.dumps(teks_ok)};
        }};
        </script>""",
        height=42,
    )


def saringan_sidebar() -> Saringan:
    """The sidebar filters shared by every page; their state is mirrored in the URL."""
    dari_url()
    bahasa = "en" if st.session_state.get("f_bahasa") else "id"
    t = lambda k: label.teks(k, bahasa)  # noqa: E731
    with st.sidebar:
        st.header(t("f.judul"))
        st.multiselect(t("f.instansi"), web_data.daftar_instansi(), key="f_instansi", placeholder=t("f.instansi_semua"),
                       select_all=False)  # none chosen already means all; no English "Select all" entry
        st.multiselect(t("f.tahun"), web_data.daftar_tahun(), key="f_tahun", placeholder=t("f.tahun_semua"), select_all=False)
        st.selectbox(t("f.tema"), list(TEMA), key="f_tema", format_func=lambda k: label.tema(k, bahasa), index=None, placeholder=t("f.tema_semua"))
        st.radio(t("f.periode"), list(analisis.PERIODE), key="f_periode", format_func=lambda k: t(f"f.periode_{k}"), help=t("f.periode_help"))
        st.number_input(t("f.min"), min_value=1, max_value=100, step=1, key="f_min", help=t("f.min_help"))
        st.number_input(t("f.batas"), min_value=100.0, max_value=1000.0, step=5.0, format="%.0f", key="f_batas", help=t("f.batas_help"))
        st.toggle(t("f.bahasa"), key="f_bahasa")
    ss = st.session_state
    return Saringan(tuple(ss["f_instansi"]), tuple(sorted(ss["f_tahun"])), ss["f_tema"], "en" if ss["f_bahasa"] else "id",
                    float(ss["f_batas"]), ss["f_periode"] or analisis.PERIODE[0], int(ss["f_min"]))


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


