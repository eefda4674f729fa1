"""Dasbor LKjIP — router: shared page setup and navigation. Run: streamlit run app.py"""
import streamlit as st

from lkjip import web

st.set_page_config(page_title="Dasbor LKjIP", page_icon=":material/monitoring:", layout="wide")
web.store()  # creates data/lkjip.duckdb with the bundled data on first run

halaman = st.navigation([
    st.Page("pages/ringkasan.py", title="Ringkasan", icon=":material/dashboard:", default=True),
])
halaman.run()
