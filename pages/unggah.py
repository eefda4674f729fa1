"""Unggah data: upload -> preview (mapping, rows, problems, polarity/theme fixes) -> commit or cancel;
recent imports with undo. One importer serves this page and `python -m lkjip import`."""
import pandas as pd
import streamlit as st

from lkjip import label, web
from lkjip.ingest import GalatBerkas, atur_polaritas, atur_tema, cuplikan, pratinjau
from lkjip.ingest.berkas import BATAS_UKURAN
from lkjip.ingest.simpan import GalatImpor, konflik, riwayat, simpan
from lkjip.numbers import format_persen
from lkjip.templat import buat_templat
from lkjip.vocab import TEMA

s = web.saringan()
st.title(s.t("nav.unggah"))
boleh, pengguna = web.izin_menulis(s)
store = web.store()
batas_mb = BATAS_UKURAN // (1024 * 1024)


def per_tabel(jumlah: dict[str, int]) -> str:
    """Row counts per table for messages: "2 indikator, 1 anggaran"."""
    return ", ".join(f"{n} {label.nama_tabel(t, s.bahasa)}" for t, n in jumlah.items())


st.markdown(s.t("ug.petunjuk", batas_mb=batas_mb))
st.download_button(s.t("ug.templat"), data=buat_templat, file_name="templat_unggah_lkjip.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                   icon=":material/download:")

if boleh:
    berkas = st.file_uploader(s.t("ug.berkas"), type=["xlsx", "xlsm", "xls", "csv"], key="unggah_berkas", max_upload_size=batas_mb)
    k1, k2 = st.columns(2)
    instansi = k1.selectbox(s.t("ug.instansi"), web.daftar_instansi(), index=None,
                            accept_new_options=True, placeholder=s.t("ug.instansi_contoh"), key="unggah_instansi")
    tahun = k2.number_input(s.t("ug.tahun"), min_value=2000, max_value=2100, value=None, step=1,
                            placeholder=s.t("ug.tahun_contoh"), key="unggah_tahun")
    salah_cetak = st.checkbox(s.t("ug.salah_cetak"), key="unggah_salah_cetak", help=s.t("ug.salah_cetak_help"))
    if berkas is not None:
        data = berkas.getvalue()
        kunci = (berkas.name, len(data), instansi, tahun, salah_cetak)
        if st.session_state.get("unggah_kunci") != kunci:
            try:
                st.session_state["unggah_pratinjau"] = pratinjau(data, berkas.name, instansi=instansi, tahun=int(tahun) if tahun else None,
                                                                 simpan_salah_cetak=salah_cetak)
                st.session_state["unggah_galat_berkas"] = None
            except GalatBerkas as e:
                st.session_state["unggah_pratinjau"] = None
                st.session_state["unggah_galat_berkas"] = str(e)
            st.session_state["unggah_kunci"] = kunci
        if st.session_state.get("unggah_galat_berkas"):
            st.error(web.md(st.session_state["unggah_galat_berkas"]), icon=":material/error:")
        p = st.session_state.get("unggah_pratinjau")
        if p is not None:
            st.subheader(s.t("ug.pratinjau"))
            ditulis = [s.t("ug.baris", n=f"**{n}**", tabel=label.nama_tabel(t, s.bahasa)) for t, n in p.jumlah().items()]
            st.markdown(s.t("ug.akan_ditulis", daftar=", ".join(ditulis) or s.t("ug.tanpa_baris")))
            with st.expander(s.t("ug.kolom_dikenali"), expanded=False, icon=":material/table_view:"):
                for lb in p.lembar:
                    if not lb.jenis:
                        st.caption(s.t("ug.lembar_kosong", nama=web.md(lb.nama)))
                        continue
                    st.markdown(s.t("ug.lembar", nama=web.md(lb.nama), jenis=label.nama_tabel(lb.jenis, s.bahasa),
                                    baris=", ".join(map(str, lb.baris_header))))
                    st.dataframe(pd.DataFrame(lb.pemetaan, columns=[s.t(f"ug.peta_{k}") for k in ("kolom", "judul", "bidang", "tahun")]),
                                 hide_index=True, width="stretch")
                    if lb.diabaikan:
                        st.caption(s.t("ug.diabaikan") + " " + "; ".join(
                            f"{web.md(huruf)} '{web.md(judul)}' ({web.md(alasan)})" for huruf, judul, alasan in lb.diabaikan))
            if p.masalah:
                galat = len(p.galat)
                (st.error if galat else st.warning)(
                    s.t("ug.ringkas_masalah", galat=galat, peringatan=sum(m.tingkat == "peringatan" for m in p.masalah)),
                    icon=":material/report:")
                st.dataframe(pd.DataFrame([m.__dict__ for m in p.masalah]).rename(columns={
                    k: s.t(f"ug.masalah_{k}") for k in ("tingkat", "lembar", "baris", "kolom", "nilai", "pesan")}),
                    hide_index=True, width="stretch")
            ind = p.tabel.get("indikator")
            if ind is not None and len(ind):
                st.markdown(s.t("ug.indikator"))
                cup = cuplikan(p, n=len(ind))
                st.dataframe(cup.assign(capaian=cup["capaian"].map(lambda v: format_persen(v) if v is not None else "–")).fillna("–").rename(columns={
                    "target_teks": s.t("ug.cup_target"), "realisasi_teks": s.t("ug.cup_realisasi"),
                    "capaian_dilaporkan_teks": s.t("ug.cup_tercetak")}),
                    hide_index=True, width="stretch")
                daftar = ind.drop_duplicates("indikator")[["indikator", "polaritas", "tema"]].reset_index(drop=True)
                ubah = st.data_editor(daftar, hide_index=True, width="stretch", key="unggah_editor", disabled=["indikator"],
                                      column_config={
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
            ada = konflik(store, p) if p.bisa_disimpan else {}
            ganti = False
            if ada:
                daftar_konflik = sorted({f"{i} {t}" for v in ada.values() for i, t in v})
                st.warning(s.t("ug.sudah_ada", daftar="; ".join(web.md(d) for d in daftar_konflik)), icon=":material/content_copy:")
                ganti = st.checkbox(s.t("ug.ganti"), key="unggah_ganti")
            b1, b2, _ = st.columns([1, 1, 4])
            if b1.button(s.t("ug.simpan"), type="primary", disabled=not p.bisa_disimpan or (bool(ada) and not ganti),
                         icon=":material/save:", key="unggah_simpan"):
                try:
                    hasil = simpan(store, p, ganti=ganti, pengguna=pengguna)
                    ditulis = ", ".join(s.t("ug.baris", n=n, tabel=label.nama_tabel(t, s.bahasa)) for t, n in hasil.ditulis.items())
                    diganti = s.t("ug.diganti", daftar=per_tabel(hasil.diganti)) if hasil.diganti else ""
                    st.session_state["unggah_pesan"] = s.t("ug.tersimpan", id=hasil.impor_id, ditulis=ditulis, diganti=diganti)
                    for k in ("unggah_pratinjau", "unggah_kunci", "unggah_berkas"):
                        st.session_state.pop(k, None)
                    st.rerun()
                except GalatImpor as e:
                    st.error(web.md(e), icon=":material/error:")
            if b2.button(s.t("ug.batal"), icon=":material/close:", key="unggah_batal"):
                for k in ("unggah_pratinjau", "unggah_kunci", "unggah_berkas"):
                    st.session_state.pop(k, None)
                st.rerun()
    if st.session_state.get("unggah_pesan"):
        st.success(st.session_state.pop("unggah_pesan"), icon=":material/check_circle:")

st.subheader(s.t("ug.terakhir"))
r = riwayat(store, 20)
if not len(r):
    st.caption(s.t("ug.belum"))
else:
    web.tampil_riwayat(r, s)
    if boleh:
        web.batal_dan_ulang(r, s, pengguna)
