"""Dasbor LKjIP — router: shared sidebar filters (kept in the URL) and navigation.

Run: streamlit run app.py
"""
from pathlib import Path

import streamlit as st

from lkjip import label, web

st.set_page_config(page_title="Dasbor LKjIP", page_icon=str(Path(__file__).parent / "assets" / "ikon.png"), layout="wide")  # a local icon: no outside host
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
    st.Page("pages/unggah.py", title=t("nav.unggah"), icon=":material/upload_file:"),
])
s = web.saringan_sidebar()
st.session_state["saringan"] = s
with st.sidebar:
    web.salin_tautan(s, halaman.url_path)
try:
    halaman.run()
finally:
    web.ke_url(halaman.url_path)  # the view's link, also when a page stops early (empty state)
