"""Ringkasan: one card per agency on a fair basis (latest report year by default), ranking, categories."""
import pandas as pd
import streamlit as st

from lkjip import charts, label, measures, web
from lkjip.numbers import format_angka, format_persen, format_rupiah_singkat

s = web.saringan()
st.title(s.t("app.judul"))
st.caption(s.t("app.sub"))

web.serentak(s.temuan_per_instansi, s.ringkasan)  # up front, side by side on a server (the findings first: they may show a spinner)
ring = s.ringkasan()
if web.kosong(s, len(ring) > 0):
    st.stop()
ring["temuan"] = ring["instansi"].map(s.temuan_per_instansi().set_index("instansi")["jumlah"]).fillna(0).astype(int)

MAKS_KARTU = 12
kategori = list(measures.KATEGORI)
singkat = {k: label.kategori_singkat(k, s.bahasa) for k in kategori}

st.subheader(s.t("r.kartu"))
st.caption(s.t(f"r.periode_{s.periode}", min=s.min_indikator))
if len(ring) > MAKS_KARTU:
    st.caption(s.t("r.terlalu_banyak", n=len(ring), k=MAKS_KARTU))
kolom = st.columns(2)
per_kategori = ring.head(MAKS_KARTU)[kategori].to_numpy(dtype=int)
for i, r in enumerate(ring.head(MAKS_KARTU).itertuples(index=False)):
    with kolom[i % 2].container(border=True):
        st.markdown(f"**{web.md(r.instansi)}**")
        tahun = s.t("r.tahun_kartu", tahun=r.tahun) if pd.notna(r.tahun) else s.t("r.tahun_gabung", tahun=r.tahun_data or web.KOSONG)
        urutan = f"{s.t('m.peringkat')} {r.peringkat}" if pd.notna(r.peringkat) else s.t("r.tanpa_peringkat")
        st.caption(f"{tahun} · {urutan}")
        if r.sedikit:
            st.warning(s.t("r.sedikit", n=r.jumlah_indikator, min=s.min_indikator), icon=":material/warning:")
        a, b, c = st.columns(3)
        a.metric(s.t("m.rata_capaian"), format_persen(r.rata_capaian, 1),
                 help=s.t("r.help_rata", n=r.jumlah_indikator, batas=format_angka(s.batas), d=r.dibatasi)
                 + label.rumus_capaian("positif", s.bahasa))
        b.metric(s.t("m.serapan"), format_persen(r.serapan, 1),
                 help=s.t("r.help_serapan", rumus=label.rumus("serapan", s.bahasa), pagu=format_rupiah_singkat(r.pagu),
                          realisasi=format_rupiah_singkat(r.realisasi)))
        c.metric(s.t("m.efisiensi"), format_angka(r.efisiensi_selisih, 1) if pd.notna(r.efisiensi_selisih) else web.KOSONG,
                 help=s.t("r.help_efisiensi"))
        st.caption(s.t("r.kategori") + ": " + " · ".join(f"{singkat[k]} {n}" for k, n in zip(kategori, per_kategori[i]))
                   + f" — {s.t('m.temuan')}: **{r.temuan}**")

st.subheader(s.t("r.peringkat"))
web.tampil_grafik(charts.peringkat, ring.head(30), s.batas, s.t("m.rata_capaian"), s.bahasa)
web.tampil_grafik(charts.sebaran_kategori, ring.head(30), kategori, bahasa=s.bahasa)
semua_kolom = ring[["instansi", "tahun", "peringkat", "rata_capaian", "jumlah_indikator", "sedikit", "serapan", "efisiensi_selisih",
                     "temuan", "pagu", "realisasi", *kategori, "dibatasi", "tahun_data"]]
web.tampil_tabel(
    semua_kolom[["instansi", "tahun", "peringkat", "rata_capaian", "jumlah_indikator", "sedikit", "serapan", "efisiensi_selisih",
                 "pagu"]], s, unduh=semua_kolom, nama_berkas=web.nama_unduhan("ringkasan", s.instansi, s.tahun or None, isi=s.periode), persen=("rata_capaian",),
    rupiah=("pagu", "realisasi"), progres=("serapan",), angka=("efisiensi_selisih",),
    konteks={"halaman": s.t("nav.ringkasan"), "periode": s.t(f"f.periode_{s.periode}")}, per_halaman=web.BARIS_PER_HALAMAN,
)
web.rumus(s, "rata", "kategori", "serapan", "efisiensi")
