"""Tren per tahun: agency averages, one indicator, or one theme over the years; serapan per year."""
import streamlit as st

from lkjip import analisis, charts, label, web
from lkjip.vocab import TEMA

MAKS_GARIS = 12  # more agencies than this: median and quartile band instead of one line each

s = web.saringan()
st.title(s.t("nav.tren"))
ind = s.indikator()
if web.kosong(s, len(ind) > 0 or len(s.anggaran()) > 0):
    st.stop()

warna = s.warna()
tahun_semua = list(s.tahun) or web.daftar_tahun()
mode = st.segmented_control(s.t("t.pilih_mode"), ["instansi", "indikator", "tema"], default="instansi", key="tren_mode",
                            format_func=lambda m: s.t(f"t.mode_{m}"))
st.caption(s.t("t.celah"))

if mode == "indikator":
    dasar = analisis.indikator_analisis(ind)
    hitung = dasar.groupby("indikator")["instansi"].nunique().sort_values(ascending=False)
    if not len(hitung):
        web.kosong(s, False)
        st.stop()
    pilih = st.selectbox(s.t("t.indikator"), list(hitung.index), key="tren_indikator",
                         format_func=lambda i: s.t("t.pilihan_indikator", indikator=i, n=hitung[i]))
    df = analisis.tren_indikator(ind, indikator=pilih)
    if df["instansi"].nunique() > MAKS_GARIS:
        st.caption(s.t("t.banyak", n=df["instansi"].nunique(), k=MAKS_GARIS))
        df = df[df["instansi"].isin(sorted(df["instansi"].unique())[:MAKS_GARIS])]
    renstra = s.tabel("renstra")
    ref = renstra[(renstra["jenis"] == "target") & (renstra["indikator"].str.lower() == str(pilih).lower())][["instansi", "tahun", "target"]]
    st.subheader(s.t("t.capaian_tahun"))
    st.plotly_chart(charts.garis_tahun(analisis.isi_celah_tahun(df[["instansi", "tahun", "capaian"]], tahun_semua), "capaian", warna,
                                       s.t("m.capaian")), width="stretch", key="tren_capaian")
    st.subheader(s.t("t.target_realisasi"))
    for nama, g in df.groupby("instansi"):
        st.markdown(f"**{web.md(nama)}**" + (f" · {web.md(g['satuan'].dropna().iloc[0])}" if g["satuan"].notna().any() else ""))
        st.plotly_chart(charts.target_realisasi(analisis.isi_celah_tahun(g[["instansi", "tahun", "target", "realisasi"]], tahun_semua),
                                                s.t("m.realisasi"), ref[ref["instansi"] == nama], s.bahasa), width="stretch", key=f"tr_{nama}")
    if df["dari_laporan"].any():
        st.caption(s.t("u.dari_laporan"))
    web.tampil_tabel(df[["instansi", "tahun", "indikator", "satuan", "target", "realisasi", "capaian", "capaian_dilaporkan", "dari_laporan", "sumber"]],
                     s, "tren_indikator", nilai=("target", "realisasi"), persen=("capaian", "capaian_dilaporkan"))
    web.rumus(s, "capaian")
else:
    tema = None
    if mode == "tema":
        tema = st.selectbox(s.t("f.tema"), list(TEMA), format_func=lambda k: label.tema(k, s.bahasa), key="tren_tema")
    df = analisis.tren_instansi(ind, s.anggaran(), s.batas, tema)
    banyak = df["instansi"].nunique() > MAKS_GARIS
    if banyak:
        st.caption(s.t("t.banyak", n=df["instansi"].nunique(), k=MAKS_GARIS))
    st.subheader(s.t("t.capaian_tahun") + (f" · {label.tema(tema, s.bahasa)}" if tema else ""))
    if banyak:
        st.plotly_chart(charts.sebaran_tahun(df, "rata_capaian", s.t("m.rata_capaian"), s.bahasa), width="stretch", key="tren_rata")
    else:
        st.plotly_chart(charts.garis_tahun(analisis.isi_celah_tahun(df[["instansi", "tahun", "rata_capaian"]], tahun_semua), "rata_capaian",
                                           warna, s.t("m.rata_capaian")), width="stretch", key="tren_rata")
    st.subheader(s.t("t.serapan_tahun"))
    ser = df.dropna(subset=["serapan"])[["instansi", "tahun", "serapan"]]
    if not len(ser):
        st.info(s.t("u.kosong_saring"))
    elif banyak:
        st.plotly_chart(charts.sebaran_tahun(ser, "serapan", s.t("m.serapan"), s.bahasa), width="stretch", key="tren_serapan")
    else:
        st.plotly_chart(charts.garis_tahun(analisis.isi_celah_tahun(ser, tahun_semua), "serapan", warna, s.t("m.serapan")),
                        width="stretch", key="tren_serapan")
    web.tampil_tabel(df, s, "tren_instansi", persen=("rata_capaian",), rupiah=("pagu", "realisasi"), progres=("serapan",))
    web.rumus(s, "rata", "serapan")
