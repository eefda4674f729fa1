"""Unggah data: upload -> preview (mapping, rows, problems, polarity/theme fixes) -> commit or cancel;
recent imports with undo. One importer serves this page and `python -m lkjip import`."""
import pandas as pd
import streamlit as st

from lkjip import akses, label, tampil_impor, web, web_gaya
from lkjip.ingest import GalatBerkas, Keputusan, atur_polaritas, atur_tema, cuplikan
from lkjip.ingest.berkas import BATAS_MB
from lkjip.ingest.penjaga import pratinjau_terjaga
from lkjip.ingest.profil import kandidat_profil, tandai_dipakai
from lkjip.ingest.simpan import GalatImpor, instansi_berkas, konflik, simpan
from lkjip.numbers import format_persen
from lkjip.templat import buat_templat
from lkjip.vocab import TEMA

s = web.saringan()
st.title(s.t("nav.unggah"))
boleh, pengguna = web.izin_menulis(s)
store = web.store()
batas_mb = BATAS_MB


def per_tabel(jumlah: dict[str, int]) -> str:
    """Row counts per table for messages: "2 indikator, 1 anggaran"."""
    return ", ".join(f"{n} {label.nama_tabel(t, s.bahasa)}" for t, n in jumlah.items())


st.markdown(s.t("ug.petunjuk", batas_mb=batas_mb))
st.caption(s.t("ug.pm_format"))
st.download_button(s.t("ug.templat"), data=buat_templat, file_name="templat_unggah_lkjip.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                   icon=":material/download:")

if boleh:
    jenis_berkas = ["xlsx", "xlsm", "xls", "csv", "ods", "htm", "html"]
    web_gaya.pengunggah(s, batas_mb, jenis_berkas)  # the uploader's own texts in the page's language
    berkas = st.file_uploader(s.t("ug.berkas"), type=jenis_berkas, key="unggah_berkas", max_upload_size=batas_mb)
    k1, k2 = st.columns(2)
    pilihan, instansi_baru = akses.pilihan_instansi(pengguna, web.daftar_instansi())
    instansi = k1.selectbox(s.t("ug.instansi"), pilihan, index=None,
                            accept_new_options=instansi_baru, placeholder=s.t("ug.instansi_contoh"), key="unggah_instansi")
    tahun = k2.number_input(s.t("ug.tahun"), min_value=2000, max_value=2100, value=None, step=1,
                            placeholder=s.t("ug.tahun_contoh"), key="unggah_tahun")
    salah_cetak = st.checkbox(s.t("ug.salah_cetak"), key="unggah_salah_cetak", help=s.t("ug.salah_cetak_help"))
    if berkas is not None:
        data = berkas.getvalue()
        if st.session_state.get("unggah_ident") != (berkas.name, len(data)):
            # a new file: the guarded reader applies at once a saved profile whose header shape it has
            st.session_state["unggah_ident"] = (berkas.name, len(data))
            tampil_impor.lupakan_koreksi()
            st.session_state["unggah_profil"], st.session_state["unggah_keputusan"] = None, None
        keputusan = st.session_state["unggah_keputusan"]
        profil = st.session_state.get("unggah_profil")
        kunci = (berkas.name, len(data), instansi, tahun, salah_cetak, keputusan.ke_json() if keputusan else None, profil)
        if st.session_state.get("unggah_kunci") != kunci:
            bilah = st.progress(0.0, text=s.t("ug.membaca"))
            pilih = {"keputusan": keputusan, "profil": profil} if keputusan is not None else {"profil_kandidat": kandidat_profil(store)}
            try:  # read in a worker process with memory and time limits (lkjip/ingest/penjaga.py)
                st.session_state["unggah_pratinjau"] = p = pratinjau_terjaga(
                    data, berkas.name, kemajuan=lambda b, _t: bilah.progress(min(max(b, 0.0), 1.0), text=s.t("ug.membaca")),
                    instansi=instansi, tahun=int(tahun) if tahun else None, simpan_salah_cetak=salah_cetak, **pilih)
                st.session_state["unggah_galat_berkas"] = None
                if keputusan is None:
                    st.session_state["unggah_profil"], keputusan = p.profil, p.keputusan or Keputusan()
            except GalatBerkas as e:
                st.session_state["unggah_pratinjau"] = None
                st.session_state["unggah_galat_berkas"] = str(e)
            bilah.empty()
            keputusan = keputusan or Keputusan()
            st.session_state["unggah_keputusan"] = keputusan
            st.session_state["unggah_kunci"] = kunci[:-2] + (keputusan.ke_json(), st.session_state.get("unggah_profil"))
        if st.session_state.get("unggah_galat_berkas"):
            st.error(web.md(st.session_state["unggah_galat_berkas"]), icon=":material/error:")
        p = st.session_state.get("unggah_pratinjau")
        if p is not None:
            st.subheader(s.t("ug.pratinjau"))
            ditulis = [s.t("ug.baris", n=f"**{n}**", tabel=label.nama_tabel(t, s.bahasa)) for t, n in p.jumlah().items()]
            st.markdown(s.t("ug.akan_ditulis", daftar=", ".join(ditulis) or s.t("ug.tanpa_baris")))
            if tampil_impor.pemahaman(s, p, keputusan, boleh):
                st.rerun()
            if p.masalah:
                galat = len(p.galat)
                (st.error if galat else st.warning)(
                    s.t("ug.ringkas_masalah", galat=galat, peringatan=sum(m.tingkat == "peringatan" for m in p.masalah)),
                    icon=":material/report:")
                masalah = pd.DataFrame([m.__dict__ for m in p.masalah]).rename(columns={
                    k: s.t(f"ug.masalah_{k}") for k in ("tingkat", "lembar", "baris", "kolom", "nilai", "pesan")})
                # the message is what a planner reads: wide, wrapped (up to five lines); an empty cell reads "–"
                lebar = {"tingkat": 85, "lembar": 120, "baris": 55, "kolom": 75, "nilai": 150, "pesan": 410}  # fits 1366 px
                config = {s.t(f"ug.masalah_{k}"): (st.column_config.NumberColumn if k == "baris" else st.column_config.TextColumn)(
                    s.t(f"ug.masalah_{k}"), width=w) for k, w in lebar.items()}
                st.dataframe(masalah, hide_index=True, width="stretch", placeholder=web.KOSONG, column_config=config,
                             row_height=web.tinggi_baris(masalah, config))
            ind = p.tabel.get("indikator")
            if ind is not None and len(ind):
                st.markdown(s.t("ug.indikator"))
                cup = cuplikan(p, n=len(ind))
                # printed vs recomputed first (what the planner checks against the paper); agency, year, sasaran after
                depan = ["indikator", "target_teks", "realisasi_teks", "capaian", "capaian_dilaporkan_teks", "polaritas"]
                cup = cup[[c for c in depan if c in cup] + [c for c in cup.columns if c not in depan]]
                st.dataframe(cup.assign(capaian=cup["capaian"].map(lambda v: format_persen(v) if v is not None else "–")).fillna("–").rename(columns={
                    "target_teks": s.t("ug.cup_target"), "realisasi_teks": s.t("ug.cup_realisasi"),
                    "capaian_dilaporkan_teks": s.t("ug.cup_tercetak"),
                    **{b: label.judul_kolom(b, s.bahasa) for b in cup.columns
                       if b not in ("target_teks", "realisasi_teks", "capaian_dilaporkan_teks")}}),
                    hide_index=True, width="stretch", placeholder=web.KOSONG)
                daftar = ind.drop_duplicates("indikator")[["indikator", "polaritas", "tema"]].reset_index(drop=True)
                ubah = st.data_editor(daftar, hide_index=True, width="stretch", key="unggah_editor", disabled=["indikator"],
                                      column_config={
                                          "indikator": st.column_config.TextColumn(label.judul_kolom("indikator", s.bahasa)),
                                          "polaritas": st.column_config.SelectboxColumn(label.judul_kolom("polaritas", s.bahasa),
                                                                                        options=["positif", "negatif", "ordinal"], required=True,
                                                                                        help=s.t("ug.polaritas_help")),
                                          "tema": st.column_config.SelectboxColumn(label.judul_kolom("tema", s.bahasa), options=list(TEMA),
                                                                                   required=True),
                                      })
                for lama, baru in zip(daftar.itertuples(index=False), ubah.itertuples(index=False)):
                    if baru.polaritas != lama.polaritas:
                        atur_polaritas(p, baru.indikator, baru.polaritas)
                    if baru.tema != lama.tema:
                        atur_tema(p, baru.indikator, baru.tema)
            tampil_impor.simpan_profil(s, store, p, pengguna, instansi)
            ada = konflik(store, p) if p.bisa_disimpan else {}
            ganti = False
            if ada:
                daftar_konflik = sorted({f"{i} {t}" for v in ada.values() for i, t in v})
                st.warning(s.t("ug.sudah_ada", daftar="; ".join(web.md(d) for d in daftar_konflik)), icon=":material/content_copy:")
                ganti = st.checkbox(s.t("ug.ganti"), key="unggah_ganti")
            # the library refuses this write anyway; say so before the click
            tolak = akses.pesan_tolak(pengguna, instansi_berkas(p), "ganti" if ada else "impor") if p.bisa_disimpan else None
            if tolak:
                st.error(web.md(tolak), icon=":material/block:")
            b1, b2, _ = st.columns([2, 1, 3])
            if b1.button(s.t("ug.simpan"), type="primary", disabled=not p.bisa_disimpan or (bool(ada) and not ganti) or bool(tolak),
                         icon=":material/save:", key="unggah_simpan"):
                try:
                    hasil = simpan(store, p, ganti=ganti, pengguna=pengguna)
                    ditulis = ", ".join(s.t("ug.baris", n=n, tabel=label.nama_tabel(t, s.bahasa)) for t, n in hasil.ditulis.items())
                    diganti = s.t("ug.diganti", daftar=per_tabel(hasil.diganti)) if hasil.diganti else ""
                    st.session_state["unggah_pesan"] = s.t("ug.tersimpan", id=hasil.impor_id, ditulis=ditulis, diganti=diganti)
                    if p.profil:
                        tandai_dipakai(store, p.profil)
                    for k in ("unggah_pratinjau", "unggah_kunci", "unggah_berkas", "unggah_ident"):
                        st.session_state.pop(k, None)
                    st.rerun()
                except GalatImpor as e:
                    st.error(web.md(e), icon=":material/error:")
            if b2.button(s.t("ug.batal"), icon=":material/close:", key="unggah_batal"):
                for k in ("unggah_pratinjau", "unggah_kunci", "unggah_berkas", "unggah_ident"):
                    st.session_state.pop(k, None)
                st.rerun()
    if st.session_state.get("unggah_pesan"):
        st.success(st.session_state.pop("unggah_pesan"), icon=":material/check_circle:")
tampil_impor.daftar_profil(s, store, boleh, pengguna)

st.subheader(s.t("ug.terakhir"))
r = web.riwayat_terakhir(20)
if not len(r):
    st.caption(s.t("ug.belum"))
else:
    web.tampil_riwayat(r, s)
    if boleh:  # only the imports this user may undo or redo are offered (lkjip.ingest.simpan refuses the others too)
        web.batal_dan_ulang(r[[akses.pesan_tolak(pengguna, list(t), "batal") is None for t in r["instansi_tersentuh"]]],
                            s, pengguna)

if akses.boleh_lihat_log(pengguna):  # the activity log has its own page, listed for admins
    st.page_link("pages/log_aktivitas.py", label=s.t("a.log_tautan"), icon=":material/history:")
