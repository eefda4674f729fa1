"""Tren per tahun: agency averages, one indicator, one standard indicator across agencies, or one theme."""
import pandas as pd
import streamlit as st

from lkjip import analisis, charts, label, standar, web
from lkjip.vocab import TEMA

MAKS_GARIS = 12  # more agencies than this: median and quartile band instead of one line each

s = web.saringan()
st.title(s.t("nav.tren"))
if web.kosong(s, len(s.tren_instansi()) > 0):
    st.stop()

tahun_semua = list(s.tahun) or web.daftar_tahun()
web.pilihan_sah("tren_mode", ["instansi", "indikator", "standar", "tema"])
mode = st.segmented_control(s.t("t.pilih_mode"), ["instansi", "indikator", "standar", "tema"], key="tren_mode",
                            format_func=lambda m: s.t(f"t.mode_{m}"), **web.awal("tren_mode", default="instansi")) or "instansi"
st.caption(s.t("t.celah"))


def target_realisasi(df: pd.DataFrame, renstra: pd.DataFrame | None) -> None:
    st.subheader(s.t("t.target_realisasi"))
    for nama, g in df.groupby("instansi"):
        if g[["target", "realisasi"]].isna().all().all():
            continue  # only a printed capaian: nothing to draw here (it is in the line chart and the table)
        satuan = g["satuan"].dropna()
        st.markdown(f"**{web.md(nama)}**" + (f" · {web.md(satuan.iloc[-1])}" if len(satuan) else "")
                    + (f" · {web.md(g['indikator'].iloc[-1])}" if mode == "standar" else ""))
        ref = renstra[renstra["instansi"] == nama] if renstra is not None else None
        web.tampil_grafik(charts.target_realisasi, analisis.isi_celah_tahun(g[["instansi", "tahun", "target", "realisasi"]], tahun_semua),
                          s.t("m.realisasi"), ref, s.bahasa, key=f"tr_{nama}")


if mode == "indikator":
    hitung = s.daftar_indikator()
    if not len(hitung):
        web.kosong(s, False)
        st.stop()
    web.pilihan_sah("tren_indikator", list(hitung.index))
    pilih = st.selectbox(s.t("t.indikator"), list(hitung.index), key="tren_indikator",
                         format_func=lambda i: s.t("t.pilihan_indikator", indikator=i, n=hitung[i]))
    df = s.tren_indikator(pilih)
    if df["instansi"].nunique() > MAKS_GARIS:
        st.caption(s.t("t.banyak", n=df["instansi"].nunique(), k=MAKS_GARIS))
        df = df[df["instansi"].isin(sorted(df["instansi"].unique())[:MAKS_GARIS])]
    renstra = s.tabel("renstra")
    ref = renstra[(renstra["jenis"] == "target") & (renstra["indikator"].str.lower() == str(pilih).lower())][["instansi", "tahun", "target"]]
    st.subheader(s.t("t.capaian_tahun"))
    web.tampil_grafik(charts.garis_tahun, analisis.isi_celah_tahun(df[["instansi", "tahun", "capaian"]], tahun_semua), "capaian",
                      s.t("m.capaian"), bahasa=s.bahasa, key="tren_capaian")
    target_realisasi(df, ref)
    if df["dari_laporan"].any():
        st.caption(s.t("u.dari_laporan"))
    web.tampil_tabel(df[["instansi", "tahun", "indikator", "capaian", "capaian_dilaporkan", "target", "realisasi", "satuan", "dari_laporan", "sumber"]],
                     s, web.nama_unduhan("tren", s.instansi, s.tahun or None, isi=pilih), nilai=("target", "realisasi"),
                     persen=("capaian", "capaian_dilaporkan"), konteks={"halaman": s.t("nav.tren")},
                     per_halaman=web.BARIS_PER_HALAMAN)
    web.rumus(s, "capaian")
elif mode == "standar":
    tertaut = s.standar_tertaut()
    ada = s.standar_ada().groupby("standar")["instansi"].nunique()
    kode = [k for k in standar.STANDAR if k in ada.index]
    if not kode:
        st.info(s.t("t.standar_kosong"))
    else:
        web.pilihan_sah("tren_standar", kode)
        pilih = st.selectbox(s.t("t.standar"), kode, key="tren_standar",
                             format_func=lambda k: s.t("t.pilihan_indikator", indikator=standar.nama(k, s.bahasa), n=int(ada[k])))
        df = s.nilai_standar(pilih)
        st.subheader(s.t("t.capaian_tahun"))
        web.tampil_grafik(charts.garis_tahun, analisis.isi_celah_tahun(df[["instansi", "tahun", "capaian"]], tahun_semua), "capaian",
                          s.t("m.capaian"), bahasa=s.bahasa, key="tren_standar_capaian")
        st.caption(s.t("t.standar_cara"))
        target_realisasi(df, None)
        web.tampil_tabel(df.assign(cara=df["cara"].map(lambda c: s.t(f"t.cara_{c}")))[
            ["instansi", "tahun", "indikator", "capaian", "capaian_dilaporkan", "target", "realisasi", "satuan", "cara", "jumlah", "sumber"]],
            s, web.nama_unduhan("tren", s.instansi, s.tahun or None, isi=pilih), nilai=("target", "realisasi"),
            persen=("capaian", "capaian_dilaporkan"), konteks={"halaman": s.t("nav.tren"), "standar": standar.nama(pilih, s.bahasa)},
            per_halaman=web.BARIS_PER_HALAMAN)
    with st.expander(s.t("t.standar_atur"), icon=":material/link:"):
        st.caption(s.t("t.standar_atur_help"))
        pilihan = ["–", *standar.STANDAR]
        awal = tertaut.assign(standar=tertaut["standar"].fillna("–"), cara=tertaut["cara"].map(lambda c: s.t(f"t.cara_{c}") if c else "–"))
        ubah = st.data_editor(
            awal[["instansi", "indikator", "satuan", "standar", "cara", "tahun_data"]], hide_index=True, width="stretch",
            key="tren_standar_editor", disabled=["instansi", "indikator", "satuan", "cara", "tahun_data"], placeholder=web.KOSONG,
            column_config={
                "instansi": st.column_config.TextColumn(label.judul_kolom("instansi", s.bahasa), width=200, pinned=True),
                "indikator": st.column_config.TextColumn(label.judul_kolom("indikator", s.bahasa), width="large"),
                "satuan": st.column_config.TextColumn(label.judul_kolom("satuan", s.bahasa), width="small"),
                "standar": st.column_config.SelectboxColumn(label.judul_kolom("standar", s.bahasa), options=pilihan, required=True,
                                                            width="large", format_func=lambda k: standar.nama(k, s.bahasa)),
                "cara": st.column_config.TextColumn(label.judul_kolom("cara", s.bahasa), width="small"),
                "tahun_data": st.column_config.TextColumn(label.judul_kolom("tahun_data", s.bahasa), width="small"),
            })
        berubah = [(r.instansi, r.indikator, None if b == "–" else b) for r, b in zip(awal.itertuples(index=False), ubah["standar"])
                   if b != r.standar]
        sah = [(r.instansi, r.indikator, r.standar) for r in awal.itertuples(index=False) if r.cara != s.t("t.cara_dikonfirmasi")
               and r.standar != "–" and (r.instansi, r.indikator) not in {(a, b) for a, b, _ in berubah}]
        if berubah or sah:
            boleh, pengguna = web.izin_menulis(s)
            if boleh and st.button(s.t("t.standar_simpan", n=len(berubah) + len(sah)), type="primary", icon=":material/check:",
                                   key="tren_standar_simpan"):
                for inst, teks, kode_baru in berubah + sah:
                    standar.tetapkan(web.store(), inst, teks, kode_baru, pengguna)
                st.rerun()
else:
    tema = None
    if mode == "tema":
        tema = st.selectbox(s.t("f.tema"), list(TEMA), format_func=lambda k: label.tema(k, s.bahasa), key="tren_tema")
    df = s.tren_instansi(tema)
    banyak = df["instansi"].nunique() > MAKS_GARIS
    if banyak:
        st.caption(s.t("t.banyak", n=df["instansi"].nunique(), k=MAKS_GARIS))
    st.subheader(s.t("t.capaian_tahun") + (f" · {label.tema(tema, s.bahasa)}" if tema else ""))
    if banyak:
        web.tampil_grafik(charts.sebaran_tahun, df, "rata_capaian", s.t("m.rata_capaian"), s.bahasa, key="tren_rata")
    else:
        web.tampil_grafik(charts.garis_tahun, analisis.isi_celah_tahun(df[["instansi", "tahun", "rata_capaian"]], tahun_semua), "rata_capaian",
                          s.t("m.rata_capaian"), bahasa=s.bahasa, key="tren_rata")
    st.subheader(s.t("t.serapan_tahun"))
    ser = df.dropna(subset=["serapan"])[["instansi", "tahun", "serapan"]]
    if not len(ser):
        st.info(s.t("u.kosong_saring"))
    elif banyak:
        web.tampil_grafik(charts.sebaran_tahun, ser, "serapan", s.t("m.serapan"), s.bahasa, key="tren_serapan")
    else:
        web.tampil_grafik(charts.garis_tahun, analisis.isi_celah_tahun(ser, tahun_semua), "serapan", s.t("m.serapan"),
                          bahasa=s.bahasa, key="tren_serapan")
    web.tampil_tabel(df[["instansi", "tahun", "rata_capaian", "jumlah_indikator", "serapan", "pagu", "realisasi"]], s,
                     web.nama_unduhan("tren", s.instansi, s.tahun or None, isi=tema or "rata_rata"),
                     persen=("rata_capaian",), rupiah=("pagu", "realisasi"), progres=("serapan",), konteks={"halaman": s.t("nav.tren")},
                     per_halaman=web.BARIS_PER_HALAMAN)
    web.rumus(s, "rata", "serapan")
