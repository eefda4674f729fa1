"""Kualitas data: where a report disagrees with itself — findings by agency, year, kind and severity."""
import pandas as pd
import streamlit as st

from lkjip import checks, label, web, web_reviu
from lkjip.numbers import format_angka

s = web.saringan()
st.title(s.t("nav.kualitas"))
st.caption(s.t("k.penjelasan"))
semua = web_reviu.temuan(s)  # current findings with their verdicts, and the resolved ones
temuan = semua[semua["status"] != "selesai"].reset_index(drop=True)
if web.kosong(s, len(web.daftar_instansi()) > 0):
    st.stop()
with st.expander(s.t("rv.akun"), icon=":material/person:"):
    pengguna = web.pengguna_aktif(s)  # reviewers and admins give verdicts and write notes
with st.expander(s.t("rv.lembar"), icon=":material/assignment:"):
    web_reviu.bagian_lembar_kerja(s)
with st.expander(s.t("rv.catatan"), icon=":material/edit_note:"):
    web_reviu.bagian_catatan(s, pengguna)

k1, k2 = st.columns(2)
nama_jenis = lambda k: label.jenis_temuan(k, s.bahasa)  # noqa: E731
nama_tingkat = lambda k: label.tingkat_temuan(k, s.bahasa)  # noqa: E731
jenis = k1.multiselect(s.t("k.jenis"), list(checks.JENIS), format_func=nama_jenis, key="kualitas_jenis",
                       placeholder=s.t("k.jenis_semua"), select_all=False)  # none chosen means all: no English "Select all"
tingkat = k2.multiselect(s.t("k.tingkat"), list(checks.TINGKAT), format_func=nama_tingkat, key="kualitas_tingkat",
                         placeholder=s.t("k.tingkat_semua"), select_all=False)
df = temuan
if jenis:
    df = df[df["jenis"].isin(jenis)]
if tingkat:
    df = df[df["tingkat"].isin(tingkat)]

m = st.columns(4)
m[0].metric(s.t("k.temuan"), len(df))
for kol, kode in zip(m[1:], checks.TINGKAT):
    kol.metric(nama_tingkat(kode), int((df["tingkat"] == kode).sum()))
if not len(df):
    st.success(s.t("k.tidak_ada"), icon=":material/check_circle:")
    web_reviu.bagian_selesai(s, semua)
    st.stop()

per = checks.ringkas_per_instansi(df)
st.dataframe(per, hide_index=True, width="stretch", column_config={"instansi": label.judul_kolom("instansi", s.bahasa),
             "jumlah": s.t("k.jumlah"), **{k: nama_tingkat(k) for k in checks.TINGKAT}})

st.subheader(s.t("k.temuan"))
halaman, awal = web.potong_halaman(df, s, "kualitas_tabel", kolom_urut=["instansi", "tahun", "jenis", "tingkat", "dilaporkan",
                                                                        "dihitung", "selisih", "sumber"])  # the download has all
penjelasan = checks.penjelasan_bahasa(halaman, s.bahasa)  # English where the finding has it
tampil = halaman.assign(
    putusan=web_reviu.kolom_putusan(halaman, s), penjelasan=penjelasan,
    jenis=halaman["jenis"].map({k: nama_jenis(k) for k in halaman["jenis"].unique()}),
    tingkat=halaman["tingkat"].map({k: nama_tingkat(k) for k in halaman["tingkat"].unique()}),
    dilaporkan=halaman["dilaporkan"].map(lambda v: format_angka(v) if isinstance(v, (int, float)) and pd.notna(v) else (v if v is not None else "–")),
    dihitung=halaman["dihitung"].map(format_angka), selisih=halaman["selisih"].map(format_angka))
# what a planner came for first (printed vs recomputed, the explanation), then the verdict and where it is
tampil = tampil[["instansi", "tahun", "jenis", "tingkat", "dilaporkan", "dihitung", "selisih", "penjelasan", "putusan", "sumber", "baris"]]
# up to the explanation it fits beside the sidebar at 1366 px with the row-selection column (the verdict and source
# scroll into view); a long explanation is cut after five lines, whole below once chosen
config = web.konfigurasi_kolom(tampil, list(tampil.columns), s.bahasa, lebar={
    "instansi": 125, "jenis": 112, "tingkat": 80, "dilaporkan": 110, "dihitung": 110, "selisih": 115, "penjelasan": 160,
    "putusan": 150, "sumber": 125})
config["tahun"] = st.column_config.NumberColumn(config["tahun"]["label"], format="%d", width=60)
baris_px = web.tinggi_baris(tampil, config)
pilih = st.dataframe(
    tampil, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
    key="kualitas_tabel" if awal == 0 else f"kualitas_tabel_{awal}",  # a selection belongs to its page
    column_config=config, row_height=baris_px, placeholder=web.KOSONG,
    height=38 + min(len(tampil), 8) * (baris_px or 35) + 2,
)
web.tombol_unduh(df[[*checks.KOLOM_TEMUAN, "putusan", "catatan_putusan"]], s, "temuan_kualitas_data")
web_reviu.bagian_selesai(s, semua)

baris_pilih = pilih.selection.rows if pilih and pilih.selection else []
if baris_pilih:
    t = halaman.iloc[baris_pilih[0]]
    web_reviu.bagian_terlibat(s, t, penjelasan.iloc[baris_pilih[0]])
    web_reviu.bagian_putusan(s, t, pengguna)
else:
    st.caption(s.t("k.pilih"))
