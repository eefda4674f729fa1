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
                       placeholder=s.t("k.jenis_semua"))
tingkat = k2.multiselect(s.t("k.tingkat"), list(checks.TINGKAT), format_func=nama_tingkat, key="kualitas_tingkat",
                         placeholder=s.t("k.tingkat_semua"))
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

tampil = df.drop(columns=["ids", "kunci", "status", "catatan_putusan", "pengguna_putusan", "waktu_putusan"]).assign(
    putusan=web_reviu.kolom_putusan(df, s),
    jenis=df["jenis"].map(nama_jenis), tingkat=df["tingkat"].map(nama_tingkat),
    dilaporkan=df["dilaporkan"].map(lambda v: format_angka(v) if isinstance(v, (int, float)) and pd.notna(v) else (v if v is not None else "–")),
    dihitung=df["dihitung"].map(format_angka), selisih=df["selisih"].map(format_angka))
tampil.insert(tampil.columns.get_loc("tingkat") + 1, "putusan", tampil.pop("putusan"))  # the verdict next to the severity
st.subheader(s.t("k.temuan"))
tampil, awal = web.potong_halaman(tampil, s, "kualitas_tabel")  # a page of findings at a time; the download has all
pilih = st.dataframe(
    tampil, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
    key="kualitas_tabel" if awal == 0 else f"kualitas_tabel_{awal}",  # a selection belongs to its page
    column_config={**label.judul_kolom_semua(list(tampil.columns), s.bahasa),
                   "tahun": st.column_config.NumberColumn(label.judul_kolom("tahun", s.bahasa), format="%d"),
                   "penjelasan": st.column_config.TextColumn(label.judul_kolom("penjelasan", s.bahasa), width="large"),
                   "putusan": st.column_config.TextColumn(label.judul_kolom("putusan", s.bahasa), width="medium")},
)
web.tombol_unduh(df[[*checks.KOLOM_TEMUAN, "putusan", "catatan_putusan"]], s, "temuan_kualitas_data")
web_reviu.bagian_selesai(s, semua)

baris_pilih = pilih.selection.rows if pilih and pilih.selection else []
if baris_pilih:
    t = df.iloc[awal + baris_pilih[0]]
    st.subheader(s.t("k.terlibat"))
    st.markdown(f"**{nama_jenis(t['jenis'])}** — {web.md(t['penjelasan'])}")
    ids = [int(x) for x in str(t["ids"] or "").split(",") if x.strip().isdigit()]
    ind = s.indikator()
    ang = s.anggaran()
    nil = s.tabel("nilai_dilaporkan")
    for nama, data, kolom in (
        (s.t("k.bagian_indikator"), ind, ["instansi", "tahun", "indikator", "target_teks", "realisasi_teks", "capaian", "capaian_dilaporkan_teks", "sumber"]),
        (s.t("k.bagian_anggaran"), ang, ["instansi", "tahun", "level", "kode", "uraian", "pagu_teks", "realisasi_teks", "serapan", "serapan_dilaporkan_teks", "sumber"]),
        (s.t("k.bagian_nilai"), nil, ["instansi", "tahun", "lingkup", "jenis", "nilai_teks", "sumber"]),
    ):
        bagian = data[data["id"].isin(ids)] if len(data) else data
        if len(bagian):
            st.markdown(f"*{nama}*")
            st.dataframe(bagian[kolom], hide_index=True, width="stretch", column_config=label.judul_kolom_semua(kolom, s.bahasa))
    web_reviu.bagian_putusan(s, t, pengguna)
else:
    st.caption(s.t("k.pilih"))
