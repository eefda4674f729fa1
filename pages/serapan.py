"""Serapan anggaran: program -> kegiatan -> sub kegiatan for one agency and year, quarterly plan, flags."""
import pandas as pd
import streamlit as st

from lkjip import analisis, charts, label, measures, web
from lkjip.numbers import format_persen, format_rupiah

s = web.saringan()
st.title(s.t("nav.serapan"))
ang = s.anggaran()
if web.kosong(s, len(ang) > 0):
    st.stop()

k1, k2, k3, k4 = st.columns([3, 1, 3, 2])
instansi = k1.selectbox(s.t("s.pilih_instansi"), sorted(ang["instansi"].unique()), key="serapan_instansi")
tahun_ada = sorted(ang[ang["instansi"] == instansi]["tahun"].unique(), reverse=True)
tahun = k2.selectbox(s.t("s.pilih_tahun"), tahun_ada, key="serapan_tahun")
sumber = k3.selectbox(s.t("s.sumber"), analisis.sumber_anggaran(ang, instansi, tahun), key="serapan_sumber",
                      help=s.t("s.sumber_help"))
ambang = k4.slider(s.t("s.ambang"), 0, 100, 50, step=5, key="serapan_ambang")

baris = analisis.pohon_anggaran(ang, instansi, tahun, sumber)
total = baris[baris["level"] == "total"]
puncak = total.head(1) if len(total) else baris[baris["induk_id"].isna()]
pagu, real = puncak["pagu"].sum(min_count=1), puncak["realisasi"].sum(min_count=1)
m1, m2, m3 = st.columns(3)
m1.metric(s.t("m.pagu"), format_rupiah(pagu))
m2.metric(s.t("m.realisasi"), format_rupiah(real))
m3.metric(s.t("m.serapan"), format_persen(measures.serapan(None if pd.isna(pagu) else pagu, None if pd.isna(real) else real).nilai, 2),
          help=s.t("s.serapan_help", rumus=label.rumus("serapan", s.bahasa)))

kedalaman = {i: 0 for i in baris["id"]}
for rid, induk in zip(baris["id"], baris["induk_id"]):
    kedalaman[rid] = kedalaman.get(induk, -1) + 1 if pd.notna(induk) else 0
status = ["lebih" if pd.notna(x) and x > 100 else ("rendah" if pd.notna(x) and x < ambang else "") for x in baris["serapan"]]
tabel = pd.DataFrame({
    "level": baris["level"].map(lambda k: label.level(k, s.bahasa)),
    "kode": baris["kode"],
    "uraian": ["\u2003" * kedalaman[i] + u for i, u in zip(baris["id"], baris["uraian"])],
    "pagu": baris["pagu"], "realisasi": baris["realisasi"], "serapan": baris["serapan"],
    "status": [s.t(f"s.status_{k}", ambang=ambang) if k else "" for k in status],
})
if baris[["pagu"]].notna().any().any() and baris["level"].isin(["program", "kegiatan", "sub_kegiatan"]).any():
    st.subheader(s.t("s.pohon"))
    st.plotly_chart(charts.treemap_anggaran(baris, ambang, s.bahasa), width="stretch", key="serapan_treemap")
    if baris["serapan"].isna().any():
        st.caption(s.t("s.abu"))
    tanpa_pagu = baris[baris["pagu"].isna() & baris["level"].isin(["program", "kegiatan", "sub_kegiatan"])]
    if len(tanpa_pagu):
        contoh = tanpa_pagu["pagu_teks"].dropna().iloc[0] if tanpa_pagu["pagu_teks"].notna().any() else "–"
        st.caption(s.t("s.tanpa_pagu", n=len(tanpa_pagu), contoh=contoh))
rendah = tabel[[k == "rendah" for k in status]]
lebih = tabel[[k == "lebih" for k in status]]
if len(rendah):
    st.warning(f"{s.t('s.rendah')} ({ambang}%): " + "; ".join(web.md(u.strip()) for u in rendah["uraian"].head(10)), icon=":material/trending_down:")
if len(lebih):
    st.error(f"{s.t('s.lebih')}: " + "; ".join(web.md(u.strip()) for u in lebih["uraian"].head(10)), icon=":material/warning:")
st.subheader(s.t("s.rincian"))
web.tampil_tabel(tabel, s, "serapan_anggaran", rupiah=("pagu", "realisasi"), progres=("serapan",))

st.subheader(s.t("s.triwulan"))
tw = analisis.triwulan(baris)
if len(tw) and tw[["rencana", "realisasi"]].notna().any().any():
    st.plotly_chart(charts.triwulan(tw, s.bahasa), width="stretch", key="serapan_tw")
    if tw["realisasi"].isna().all():
        st.caption(s.t("s.hanya_rencana"))
else:
    st.caption(s.t("s.tanpa_triwulan"))
web.rumus(s, "serapan")
