"""Kualitas data: where a report disagrees with itself — findings by agency, year, kind and severity."""
import pandas as pd
import streamlit as st

from lkjip import checks, web
from lkjip.numbers import format_angka

s = web.saringan()
st.title(s.t("nav.kualitas"))
st.caption("Angka tercetak dibandingkan dengan hitungan ulang dan dengan tabel lain dari laporan yang sama. "
           "Pembulatan yang wajar (mis. 94,73 untuk 94,7368) tidak dianggap temuan.")
temuan = s.temuan()
if web.kosong(s, len(web.daftar_instansi()) > 0):
    st.stop()

k1, k2 = st.columns(2)
jenis = k1.multiselect("Jenis temuan", list(checks.JENIS), format_func=checks.JENIS.get, key="kualitas_jenis",
                       placeholder="Semua jenis")
tingkat = k2.multiselect("Tingkat", list(checks.TINGKAT), format_func=checks.TINGKAT.get, key="kualitas_tingkat",
                         placeholder="Semua tingkat")
df = temuan
if jenis:
    df = df[df["jenis"].isin(jenis)]
if tingkat:
    df = df[df["tingkat"].isin(tingkat)]

m = st.columns(4)
m[0].metric("Temuan", len(df))
for kol, (kode, nama) in zip(m[1:], checks.TINGKAT.items()):
    kol.metric(nama, int((df["tingkat"] == kode).sum()))
if not len(df):
    st.success("Tidak ada temuan untuk pilihan ini.", icon=":material/check_circle:")
    st.stop()

per = checks.ringkas_per_instansi(df)
st.dataframe(per, hide_index=True, width="stretch", column_config={"instansi": "Instansi", "jumlah": "Jumlah temuan"})

tampil = df.assign(jenis=df["jenis"].map(checks.JENIS), tingkat=df["tingkat"].map(checks.TINGKAT))
st.subheader("Temuan")
pilih = st.dataframe(
    tampil.assign(dilaporkan=df["dilaporkan"].map(lambda v: format_angka(v) if isinstance(v, (int, float)) and pd.notna(v) else (v if v is not None else "–")),
                  dihitung=df["dihitung"].map(format_angka), selisih=df["selisih"].map(format_angka)).drop(columns=["ids"]),
    hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="kualitas_tabel",
    column_config={"instansi": "Instansi", "tahun": st.column_config.NumberColumn("Tahun", format="%d"), "jenis": "Jenis",
                   "tingkat": "Tingkat", "sumber": "Sumber", "baris": "Baris", "dilaporkan": "Tercetak",
                   "dihitung": "Dihitung ulang", "selisih": "Selisih", "penjelasan": st.column_config.TextColumn("Penjelasan", width="large")},
)
web.tombol_unduh(df, s, "temuan_kualitas_data")

baris_pilih = pilih.selection.rows if pilih and pilih.selection else []
if baris_pilih:
    t = df.iloc[baris_pilih[0]]
    st.subheader("Baris yang terlibat")
    st.markdown(f"**{checks.JENIS.get(t['jenis'], t['jenis'])}** — {t['penjelasan']}")
    ids = [int(x) for x in str(t["ids"] or "").split(",") if x.strip().isdigit()]
    ind = s.indikator()
    ang = s.anggaran()
    nil = s.tabel("nilai_dilaporkan")
    for nama, data, kolom in (
        ("Indikator", ind, ["instansi", "tahun", "indikator", "target_teks", "realisasi_teks", "capaian", "capaian_dilaporkan_teks", "sumber"]),
        ("Anggaran", ang, ["instansi", "tahun", "level", "kode", "uraian", "pagu_teks", "realisasi_teks", "serapan", "serapan_dilaporkan_teks", "sumber"]),
        ("Nilai tercetak", nil, ["instansi", "tahun", "lingkup", "jenis", "nilai_teks", "sumber"]),
    ):
        bagian = data[data["id"].isin(ids)] if len(data) else data
        if len(bagian):
            st.markdown(f"*{nama}*")
            st.dataframe(bagian[kolom], hide_index=True, width="stretch")
else:
    st.caption("Pilih satu temuan di tabel untuk melihat baris yang terlibat.")
