"""Efisiensi: capaian vs serapan per sasaran, three labelled methods side by side, missing links said."""
import streamlit as st

from lkjip import charts, label, web
from lkjip.numbers import format_angka

s = web.saringan()
st.title(s.t("nav.efisiensi"))
if web.kosong(s, len(s.efisiensi_sasaran()) > 0):
    st.stop()
tertaut, tanpa, titik = s.efisiensi_bagian()  # with a capaian: linked to budget lines, not linked, the chart's points

st.subheader(s.t("e.scatter"))
if len(tertaut):
    if len(titik) < len(tertaut):
        st.caption(s.t("e.banyak", n=tertaut["instansi"].nunique(), titik=format_angka(len(titik), 0)))
    web.tampil_grafik(charts.kuadran_efisiensi, titik, s.bahasa, key="efisiensi_kuadran")
else:
    st.info(s.t("e.tanpa_tautan"))

st.subheader(s.t("e.metode"))
kolom = st.columns(3)
for kol, (kode, (judul, penjelasan)) in zip(kolom, label.metode_efisiensi(s.bahasa).items()):
    kol.markdown(f"**{judul}**")
    kol.caption(penjelasan)
web.tampil_tabel(
    tertaut[["instansi", "tahun", "sasaran", "rata_capaian", "serapan", "efisiensi_selisih", "efisiensi_rasio", "nilai_nka",
             "jumlah_indikator", "pagu", "realisasi", "sumber_anggaran"]],
    s, web.nama_unduhan("efisiensi", s.instansi, s.tahun or None, isi="sasaran_tertaut"), persen=("rata_capaian",), rupiah=("pagu", "realisasi"), progres=("serapan",),
    angka=("efisiensi_selisih", "efisiensi_rasio", "nilai_nka"), konteks={"halaman": s.t("nav.efisiensi")},
    lebar={"instansi": 150, "sasaran": 220},  # the three methods visible at 1366 px; pagu and the rest to the right
    per_halaman=web.BARIS_PER_HALAMAN,
)
if len(tanpa):
    st.subheader(s.t("e.tanpa_tautan"))
    web.tampil_tabel(tanpa[["instansi", "tahun", "sasaran", "rata_capaian", "jumlah_indikator"]], s,
                     web.nama_unduhan("efisiensi", s.instansi, s.tahun or None, isi="sasaran_tanpa_anggaran"),
                     persen=("rata_capaian",), konteks={"halaman": s.t("nav.efisiensi")}, per_halaman=web.BARIS_PER_HALAMAN)
web.rumus(s, "efisiensi", "rata", "serapan")
