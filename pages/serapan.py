"""Serapan anggaran: program -> kegiatan -> sub kegiatan for one agency-year and budget table, quarterly plan, flags."""
import streamlit as st

from lkjip import charts, label, rincian_anggaran, web
from lkjip.numbers import format_persen, format_rupiah

s = web.saringan()
st.title(s.t("nav.serapan"))
ada = s.tahun_anggaran()  # the agency-years with budget lines; rows are read for the one chosen
if web.kosong(s, len(ada) > 0):
    st.stop()

k1, k2, k3, k4 = st.columns([3, 1, 3, 2])
semua_instansi = sorted(ada["instansi"].unique())
web.pilihan_sah("serapan_instansi", semua_instansi)
instansi = k1.selectbox(s.t("s.pilih_instansi"), semua_instansi, key="serapan_instansi")
tahun_ada = [int(t) for t in sorted(ada[ada["instansi"] == instansi]["tahun"].unique(), reverse=True)]
web.pilihan_sah("serapan_tahun", tahun_ada)
tahun = k2.selectbox(s.t("s.pilih_tahun"), tahun_ada, key="serapan_tahun")
daftar_sumber, bawaan = s.sumber_serapan(instansi, tahun)
web.pilihan_sah("serapan_sumber", daftar_sumber)
sumber = k3.selectbox(s.t("s.sumber"), daftar_sumber, key="serapan_sumber", help=s.t("s.sumber_help"),
                      **web.awal("serapan_sumber", index=daftar_sumber.index(bawaan)))
ambang = k4.slider(s.t("s.ambang"), 0, 100, step=5, key="serapan_ambang", **web.awal("serapan_ambang", value=50))

rincian = s.rincian_serapan(instansi, tahun, sumber, ambang)
baris, utama, tabel = rincian["baris"], rincian["utama"], rincian["tabel"]
m1, m2, m3 = st.columns(3)
m1.metric(s.t("m.pagu"), format_rupiah(utama.pagu))
m2.metric(s.t("m.realisasi"), format_rupiah(utama.realisasi))
m3.metric(s.t("m.serapan"), format_persen(utama.serapan, 2), help=s.t("s.serapan_help", rumus=label.rumus("serapan", s.bahasa)))
st.caption(s.t("s.asal", pagu=web.md(utama.sumber.get("pagu") or web.KOSONG), realisasi=web.md(utama.sumber.get("realisasi") or web.KOSONG)))

fokus = None
if baris["pagu"].notna().any() and baris["level"].isin(["program", "kegiatan", "sub_kegiatan"]).any():
    st.subheader(s.t("s.pohon"))
    klik = web.tampil_grafik(charts.treemap_anggaran, baris, ambang, s.bahasa, key="serapan_treemap",
                             on_select="rerun", selection_mode="points")
    titik = (klik.selection.points if klik and klik.selection else []) or []
    for t in titik:  # the browser sends the box's id (the budget line's id); customdata is not always sent along
        if not isinstance(t, dict):
            continue
        data = t.get("customdata")
        if t.get("percent_entry") == 1 and (t.get("percent_root") or 0) < 1:
            fokus = None  # a click on the box the map is zoomed into zooms out: all rows again
        elif str(t.get("id", "")).isdigit():
            fokus = int(t["id"])
        elif data and len(data) > 3 and data[3] is not None:
            fokus = int(data[3])
    if baris["serapan"].isna().any():
        st.caption(s.t("s.abu"))
    tanpa_pagu = baris[baris["pagu"].isna() & baris["level"].isin(["program", "kegiatan", "sub_kegiatan"])]
    if len(tanpa_pagu):
        contoh = tanpa_pagu["pagu_teks"].dropna().iloc[0] if tanpa_pagu["pagu_teks"].notna().any() else web.KOSONG
        st.caption(s.t("s.tanpa_pagu", n=len(tanpa_pagu), contoh=web.md(contoh)))
rendah = tabel[tabel["status"] == "rendah"]
lebih = tabel[tabel["status"] == "lebih"]
if len(rendah):
    st.warning(f"{s.t('s.rendah')} ({ambang}%): " + "; ".join(web.md(u) for u in rendah["uraian"].head(10)), icon=":material/trending_down:")
if len(lebih):
    st.error(f"{s.t('s.lebih')}: " + "; ".join(web.md(u) for u in lebih["uraian"].head(10)), icon=":material/warning:")

st.subheader(s.t("s.rincian"))
if fokus is not None:
    bagian = rincian_anggaran.turunan(baris, fokus)
    tabel = tabel[tabel["id"].isin(bagian)]
    st.caption(s.t("s.fokus", nama=web.md(tabel.loc[tabel["id"] == fokus, "uraian"].iloc[0]) if (tabel["id"] == fokus).any() else web.KOSONG))
tampil = tabel.assign(level=tabel["level"].map(lambda k: label.level(k, s.bahasa)),
                      status=[s.t(f"s.status_{k}", ambang=ambang) if k else "" for k in tabel["status"]])
indentasi = tampil["uraian"].copy()
indentasi[:] = ["\u2003" * d + u for d, u in zip(tampil["kedalaman"], tampil["uraian"])]
web.tampil_tabel(
    tampil[["uraian", "serapan", "pagu", "realisasi", "status", "level", "kedalaman", "kode"]], s,
    web.nama_unduhan("serapan", instansi, tahun, sumber), rupiah=("pagu", "realisasi"), progres=("serapan",),
    tampilan={"uraian": indentasi},
    warna={"serapan": lambda v: ("background-color: #fde2cc" if v == v and v is not None and v < ambang else
                                 ("background-color: #f9c6c6" if v == v and v is not None and v > 100 else ""))},
    konteks={"halaman": s.t("nav.serapan"), "instansi": instansi, "tahun": tahun, "sumber": sumber},
    lebar={"uraian": 280, "status": 105, "level": 90},  # uraian to status visible at 1366 px
)

st.subheader(s.t("s.triwulan"))
tw, tw_lain = rincian["triwulan"]
if len(tw) and tw[["rencana", "realisasi"]].notna().any().any():
    web.tampil_grafik(charts.triwulan, tw, s.bahasa, key="serapan_tw")
    if tw["realisasi"].isna().all():
        st.caption(s.t("s.hanya_rencana"))
elif tw_lain:
    st.caption(s.t("s.tanpa_triwulan_tabel", daftar="; ".join(web.md(x) for x in tw_lain)))
else:
    st.caption(s.t("s.tanpa_triwulan"))
web.rumus(s, "serapan")
