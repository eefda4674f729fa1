"""Dasbor LKjIP — router: shared sidebar filters (kept in the URL) and navigation.

Run: streamlit run app.py

This script is the one boundary between errors and pages: whatever a page raises (other than
Streamlit's own rerun/stop signals) is written to the server log with its traceback and a short code,
and the page shows one clear message with that code; no traceback or server path reaches a browser
(``client.showErrorDetails = "none"`` in .streamlit/config.toml is the second line of defence).
"""
import logging
import uuid
from pathlib import Path

import streamlit as st

from lkjip import label, web
from lkjip.store import StoreError

log = logging.getLogger("lkjip.app")

st.set_page_config(page_title="Dasbor LKjIP", page_icon=str(Path(__file__).parent / "assets" / "ikon.png"), layout="wide")  # a local icon: no outside host
bahasa = "en" if st.session_state.get("f_bahasa") else "id"


def _galat(e: BaseException) -> None:
    """Log the detail (traceback, code) and show the short message; never the exception text itself."""
    if isinstance(e, StoreError):
        log.error("basis data tidak dapat dibuka: %s", e)
        sibuk = "dipakai proses lain" in str(e)
        pesan = ("sedang dipakai proses lain." if bahasa == "id" else "it is in use by another process.") if sibuk else (
            "berkasnya tidak dapat dibuka." if bahasa == "id" else "its file cannot be opened.")
        st.error(label.teks("galat.db", bahasa, pesan=pesan), icon=":material/database:")
        return
    kode = uuid.uuid4().hex[:8]
    log.error("galat halaman (kode %s)", kode, exc_info=e)
    st.error(label.teks("galat.halaman", bahasa, kode=kode), icon=":material/error:")


try:
    web.store()  # creates data/lkjip.duckdb with the bundled data on first run
    web.dari_url()  # the filters, page controls and language of a shared link, before the navigation is labelled
    bahasa = "en" if st.session_state.get("f_bahasa") else "id"
    t = lambda k: label.teks(k, bahasa)  # noqa: E731
    halaman = st.navigation([
        st.Page("pages/ringkasan.py", title=t("nav.ringkasan"), icon=":material/dashboard:", default=True),
        st.Page("pages/tren.py", title=t("nav.tren"), icon=":material/show_chart:"),
        st.Page("pages/perbandingan.py", title=t("nav.perbandingan"), icon=":material/compare_arrows:"),
        st.Page("pages/serapan.py", title=t("nav.serapan"), icon=":material/account_balance_wallet:"),
        st.Page("pages/efisiensi.py", title=t("nav.efisiensi"), icon=":material/speed:"),
        st.Page("pages/kualitas.py", title=t("nav.kualitas"), icon=":material/fact_check:"),
        st.Page("pages/laporan.py", title=t("nav.laporan"), icon=":material/description:"),
        st.Page("pages/unggah.py", title=t("nav.unggah"), icon=":material/upload_file:"),
        # listed for admins only; reachable by its link by anyone, where the page itself refuses non-admins
        st.Page("pages/log_aktivitas.py", title=t("nav.log"), icon=":material/history:",
                visibility="visible" if web.boleh_lihat_log_sesi() else "hidden"),
    ])
    s = web.saringan_sidebar()
    st.session_state["saringan"] = s
    with st.sidebar:
        web.salin_tautan(s, halaman.url_path)
    try:
        halaman.run()
    finally:
        web.ke_url(halaman.url_path)  # the view's link, also when a page stops early (empty state)
except Exception as e:  # Streamlit's rerun/stop are BaseException and pass through
    _galat(e)
