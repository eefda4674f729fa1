"""Perbandingan instansi: averages on a fair basis, categories, agency x theme heatmap, program serapan, table."""
import streamlit as st

from lkjip import charts, label, measures, web

s = web.saringan()
st.title(s.t("nav.perbandingan"))
ring = s.ringkasan()
if web.kosong(s, len(ring) > 0):
    st.stop()
st.caption(s.t(f"r.periode_{s.periode}", min=s.min_indikator))

warna = s.warna()
k1, k2 = st.columns([2, 1])
cari = k1.text_input(s.t("u.cari"), key="banding_cari", placeholder=s.t("p.cari_contoh"))
maks = max(1, len(ring))
if st.session_state.get("banding_n") is not None and not 1 <= st.session_state["banding_n"] <= maks:
    st.session_state["banding_n"] = maks  # a link made when more agencies were chosen
n = k2.number_input(s.t("u.teratas"), min_value=1, max_value=maks, value=min(20, maks), key="banding_n")
if cari:
    ring = ring[ring["instansi"].str.contains(cari, case=False, regex=False)]
atas = ring.head(int(n))
nama = list(atas["instansi"])

st.subheader(s.t("m.rata_capaian"))
st.plotly_chart(charts.peringkat(atas, warna, s.batas, s.t("m.rata_capaian"), s.bahasa), width="stretch", key="banding_peringkat")
st.subheader(s.t("p.distribusi"))
st.plotly_chart(charts.sebaran_kategori(atas, list(measures.KATEGORI), bahasa=s.bahasa), width="stretch", key="banding_kategori")

st.subheader(s.t("p.heatmap"))
m = s.matriks_tema()
m = m.loc[[i for i in nama if i in m.index]] if len(m) else m
if len(m):
    st.plotly_chart(charts.peta_panas(m, label.tema_semua(s.bahasa), s.t("m.capaian")), width="stretch", key="banding_tema")
    st.caption(s.t("p.sel_kosong"))
else:
    st.info(s.t("u.kosong_saring"))

st.subheader(s.t("p.program"))
prog = s.serapan_program()
prog = prog[prog["instansi"].isin(nama)]
if len(prog):
    if prog["instansi"].nunique() <= 8:
        st.plotly_chart(charts.serapan_program(prog, warna, s.bahasa), width="stretch", key="banding_program")
    web.tampil_tabel(prog, s, web.nama_unduhan("perbandingan", nama, s.tahun or None, isi="serapan_program"),
                     rupiah=("pagu", "realisasi"), progres=("serapan",), konteks={"halaman": s.t("nav.perbandingan")})
else:
    st.info(s.t("u.kosong_saring"))

st.subheader(s.t("p.tabel"))
web.tampil_tabel(atas[["instansi", "tahun", "peringkat", "rata_capaian", "jumlah_indikator", "sedikit", "serapan", "efisiensi_selisih",
                       "pagu"]], s, unduh=atas[["instansi", "tahun", "peringkat", "rata_capaian", "jumlah_indikator", "sedikit", "serapan",
                                                "efisiensi_selisih", "pagu", "realisasi", *measures.KATEGORI, "dibatasi", "tahun_data"]],
                 nama_berkas=web.nama_unduhan("perbandingan", nama, s.tahun or None, isi=s.periode), persen=("rata_capaian",),
                 rupiah=("pagu", "realisasi"), progres=("serapan",), angka=("efisiensi_selisih",),
                 konteks={"halaman": s.t("nav.perbandingan"), "periode": s.t(f"f.periode_{s.periode}")})
web.rumus(s, "rata", "kategori", "serapan", "efisiensi")
