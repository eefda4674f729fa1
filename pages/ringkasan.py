"""Ringkasan: one card per agency, ranking, categories — for the chosen years."""
import pandas as pd
import streamlit as st

from lkjip import charts, checks, label, measures, web
from lkjip.numbers import format_angka, format_persen, format_rupiah_singkat

s = web.saringan()
st.title(s.t("app.judul"))
st.caption(s.t("app.sub"))

ring = s.analisis("ringkasan_instansi")
if web.kosong(s, len(ring) > 0):
    st.stop()
temuan = checks.ringkas_per_instansi(s.temuan()).set_index("instansi")
ring["temuan"] = [int(temuan["jumlah"].get(i, 0)) for i in ring["instansi"]]

MAKS_KARTU = 12
kategori = list(measures.KATEGORI)
singkat = {k: label.kategori_singkat(k, s.bahasa) for k in kategori}
warna = s.warna()

st.subheader(s.t("r.kartu"))
if len(ring) > MAKS_KARTU:
    st.caption(s.t("r.terlalu_banyak", n=len(ring), k=MAKS_KARTU))
kolom = st.columns(2)
for i, r in enumerate(ring.head(MAKS_KARTU).itertuples(index=False)):
    with kolom[i % 2].container(border=True):
        st.markdown(f"**{web.md(r.instansi)}**")
        st.caption(f"{s.t('f.tahun')}: {r.tahun_data or '–'} · {s.t('m.peringkat')} {r.peringkat if r.peringkat is not None else '–'}")
        a, b, c = st.columns(3)
        a.metric(s.t("m.rata_capaian"), format_persen(r.rata_capaian, 1),
                 help=s.t("r.help_rata", n=r.jumlah_indikator, batas=format_angka(s.batas), d=r.dibatasi)
                 + label.rumus_capaian("positif", s.bahasa))
        b.metric(s.t("m.serapan"), format_persen(r.serapan, 1),
                 help=s.t("r.help_serapan", rumus=label.rumus("serapan", s.bahasa), pagu=format_rupiah_singkat(r.pagu),
                          realisasi=format_rupiah_singkat(r.realisasi)))
        c.metric(s.t("m.efisiensi"), format_angka(r.efisiensi_selisih, 1) if pd.notna(r.efisiensi_selisih) else "–",
                 help=s.t("r.help_efisiensi"))
        st.caption(s.t("r.kategori") + ": " + " · ".join(f"{singkat[k]} {int(ring.loc[i, k])}" for k in kategori)
                   + f" — {s.t('m.temuan')}: **{r.temuan}**")

st.subheader(s.t("r.peringkat"))
st.plotly_chart(charts.peringkat(ring.head(30), warna, s.batas, s.t("m.rata_capaian")), width="stretch")
st.plotly_chart(charts.sebaran_kategori(ring.head(30), kategori, bahasa=s.bahasa), width="stretch")
web.tampil_tabel(
    ring, s, "ringkasan_instansi", persen=("rata_capaian",), rupiah=("pagu", "realisasi"), progres=("serapan",),
    angka=("efisiensi_selisih",),
)
web.rumus(s, "rata", "kategori", "serapan", "efisiensi")
