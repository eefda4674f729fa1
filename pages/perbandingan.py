"""Perbandingan instansi: averages on a fair basis, categories, agency x theme heatmap, program serapan, table."""
import streamlit as st

from lkjip import charts, label, measures, standar, web

s = web.saringan()
st.title(s.t("nav.perbandingan"))
web.serentak(s.ringkasan, s.matriks_tema, s.standar_ada, s.serapan_program)  # the page's figures up front (side by side on a server)
ring = s.ringkasan()
if web.kosong(s, len(ring) > 0):
    st.stop()
st.caption(s.t(f"r.periode_{s.periode}", min=s.min_indikator))

k1, k2 = st.columns([2, 1])
cari = k1.text_input(s.t("u.cari"), key="banding_cari", placeholder=s.t("p.cari_contoh"))
maks = max(1, len(ring))
if st.session_state.get("banding_n") is not None and not 1 <= st.session_state["banding_n"] <= maks:
    st.session_state["banding_n"] = maks  # a link made when more agencies were chosen
n = k2.number_input(s.t("u.teratas"), min_value=1, max_value=maks, key="banding_n", **web.awal("banding_n", value=min(20, maks)))
if cari:
    ring = ring[ring["instansi"].str.contains(cari, case=False, regex=False)]
atas = ring.head(int(n))
nama = list(atas["instansi"])

st.subheader(s.t("m.rata_capaian"))
web.tampil_grafik(charts.peringkat, atas, s.batas, s.t("m.rata_capaian"), s.bahasa, key="banding_peringkat")
st.subheader(s.t("p.distribusi"))
web.tampil_grafik(charts.sebaran_kategori, atas, list(measures.KATEGORI), bahasa=s.bahasa, key="banding_kategori")

st.subheader(s.t("p.heatmap"))
m = s.matriks_tema()
m = m.loc[[i for i in nama if i in m.index]] if len(m) else m
if len(m):
    web.tampil_grafik(charts.peta_panas, m, label.tema_semua(s.bahasa), s.t("m.capaian"), key="banding_tema")
    st.caption(s.t("p.sel_kosong"))
else:
    st.info(s.t("u.kosong_saring"))

st.subheader(s.t("p.standar"))
ada = s.standar_ada()
ada = ada[ada["instansi"].isin(nama)].groupby("standar")["instansi"].nunique()  # agencies shown per standard indicator
kode = [k for k in standar.STANDAR if k in ada.index]
if kode:
    web.pilihan_sah("banding_standar", kode)
    pilih = st.selectbox(s.t("t.standar"), kode, key="banding_standar", index=None, placeholder=s.t("p.standar_pilih"),
                         format_func=lambda k: s.t("t.pilihan_indikator", indikator=standar.nama(k, s.bahasa), n=int(ada[k])))
    if pilih:
        nilai = s.nilai_standar(pilih)
        nilai = nilai[nilai["instansi"].isin(nama)]
        terakhir = nilai.sort_values("tahun").drop_duplicates("instansi", keep="last")  # each agency's latest year
        web.tampil_grafik(charts.peringkat, terakhir.rename(columns={"capaian": "rata_capaian"}), s.batas, s.t("m.capaian"), s.bahasa,
                          key="banding_standar_grafik")
        st.caption(s.t("p.standar_tahun") + " " + s.t("t.standar_cara"))
        web.tampil_tabel(terakhir.assign(cara=terakhir["cara"].map(lambda c: s.t(f"t.cara_{c}")))[
            ["instansi", "tahun", "indikator", "capaian", "capaian_dilaporkan", "target", "realisasi", "satuan", "cara", "sumber"]], s,
            web.nama_unduhan("perbandingan", nama, s.tahun or None, isi=pilih), persen=("capaian", "capaian_dilaporkan"),
            nilai=("target", "realisasi"), konteks={"halaman": s.t("nav.perbandingan"), "standar": standar.nama(pilih, s.bahasa)})
else:
    st.caption(s.t("t.standar_kosong"))

st.subheader(s.t("p.program"))
prog = s.serapan_program()
prog = prog[prog["instansi"].isin(nama)]
if len(prog):
    if prog["instansi"].nunique() <= 8:
        web.tampil_grafik(charts.serapan_program, prog, s.bahasa, key="banding_program")
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
