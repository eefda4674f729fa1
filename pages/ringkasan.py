"""Ringkasan: the indicators and budgets in the database."""
import streamlit as st

from lkjip import web
from lkjip.numbers import format_nilai, format_persen, format_rupiah

st.title("Dasbor LKjIP")
st.caption("Kinerja Dinas Sosial kabupaten/kota dari Laporan Kinerja Instansi Pemerintah (LKjIP).")

capaian = web.capaian()
anggaran = web.anggaran()
if capaian.empty and anggaran.empty:
    st.info("Belum ada data. Jalankan `python -m lkjip init --force` untuk memuat data bawaan, atau impor berkas.")
    st.stop()

kol = st.columns(3)
kol[0].metric("Instansi", capaian["instansi"].nunique())
kol[1].metric("Baris indikator", len(capaian))
kol[2].metric("Baris anggaran", len(anggaran))

st.subheader("Capaian indikator")
tampil = capaian.assign(
    target=capaian["target"].map(format_nilai),
    realisasi=capaian["realisasi"].map(format_nilai),
    capaian=capaian["capaian"].map(format_persen),
    capaian_dilaporkan=capaian["capaian_dilaporkan"].map(format_persen),
)
st.dataframe(tampil, hide_index=True, width="stretch")
st.subheader("Anggaran (tabel utama tiap laporan)")
st.dataframe(
    anggaran.assign(pagu=anggaran["pagu"].map(format_rupiah), realisasi=anggaran["realisasi"].map(format_rupiah),
                    serapan=anggaran["serapan"].map(format_persen)),
    hide_index=True, width="stretch",
)
