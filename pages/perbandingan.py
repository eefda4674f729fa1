"""Perbandingan instansi: averages, categories, agency x theme heatmap, program serapan, export table."""
import streamlit as st

from lkjip import charts, label, measures, web

s = web.saringan()
st.title(s.t("nav.perbandingan"))
ring = s.analisis("ringkasan_instansi")
if web.kosong(s, len(ring) > 0):
    st.stop()

warna = s.warna()
k1, k2 = st.columns([2, 1])
cari = k1.text_input(s.t("u.cari"), key="banding_cari", placeholder=s.t("p.cari_contoh"))
n = k2.number_input(s.t("u.teratas"), min_value=1, max_value=max(1, len(ring)), value=min(20, len(ring)), key="banding_n")
if cari:
    ring = ring[ring["instansi"].str.contains(cari, case=False, regex=False)]
atas = ring.head(int(n))
nama = list(atas["instansi"])

st.subheader(s.t("m.rata_capaian"))
st.plotly_chart(charts.peringkat(atas, warna, s.batas, s.t("m.rata_capaian")), width="stretch", key="banding_peringkat")
st.subheader(s.t("p.distribusi"))
st.plotly_chart(charts.sebaran_kategori(atas, list(measures.KATEGORI), bahasa=s.bahasa), width="stretch", key="banding_kategori")

st.subheader(s.t("p.heatmap"))
m = s.analisis("matriks_tema")
m = m.loc[[i for i in nama if i in m.index]] if len(m) else m
if len(m):
    st.plotly_chart(charts.peta_panas(m, label.tema_semua(s.bahasa), s.t("m.capaian")), width="stretch", key="banding_tema")
    st.caption(s.t("p.sel_kosong"))
else:
    st.info(s.t("u.kosong_saring"))

st.subheader(s.t("p.program"))
prog = s.analisis("serapan_program")
prog = prog[prog["instansi"].isin(nama)]
if len(prog):
    if prog["instansi"].nunique() <= 8:
        st.plotly_chart(charts.serapan_program(prog, warna, s.bahasa), width="stretch", key="banding_program")
    web.tampil_tabel(prog, s, "serapan_program", rupiah=("pagu", "realisasi"), progres=("serapan",))
else:
    st.info(s.t("u.kosong_saring"))

st.subheader(s.t("p.tabel"))
web.tampil_tabel(ring, s, "perbandingan_instansi", persen=("rata_capaian",), rupiah=("pagu", "realisasi"), progres=("serapan",),
                 angka=("efisiensi_selisih",))
web.rumus(s, "rata", "kategori", "serapan", "efisiensi")
