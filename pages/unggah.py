"""Unggah data: upload -> preview (mapping, rows, problems, polarity/theme fixes) -> commit or cancel;
recent imports with undo. One importer serves this page and `python -m lkjip import`."""
import pandas as pd
import streamlit as st

from lkjip import web
from lkjip.ingest import GalatBerkas, atur_polaritas, atur_tema, cuplikan, pratinjau
from lkjip.ingest.berkas import BATAS_UKURAN
from lkjip.ingest.simpan import GalatImpor, batalkan, konflik, riwayat, simpan
from lkjip.numbers import format_persen
from lkjip.templat import buat_templat
from lkjip.vocab import TEMA

s = web.saringan()
st.title(s.t("nav.unggah"))
boleh, pengguna = web.izin_menulis(s)
store = web.store()
batas_mb = BATAS_UKURAN // (1024 * 1024)

st.markdown(
    f"Unggah lembar kerja LKjIP (xlsx, xlsm, xls atau csv; paling besar **{batas_mb} MB**): templat kami, atau tabel yang "
    "disalin dari laporan / e-monev. Judul kolom seperti *Indikator, Target, Realisasi, Capaian* atau *Program, Pagu, "
    "Realisasi* dikenali. Tidak ada yang disimpan sebelum Anda menekan **Simpan**."
)
st.download_button("Unduh templat unggah (xlsx)", data=buat_templat, file_name="templat_unggah_lkjip.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                   icon=":material/download:")

if boleh:
    berkas = st.file_uploader("Berkas", type=["xlsx", "xlsm", "xls", "csv"], key="unggah_berkas", max_upload_size=batas_mb)
    k1, k2 = st.columns(2)
    instansi = k1.selectbox("Instansi (bila berkas tidak menyebutkannya)", web.daftar_instansi(), index=None,
                            accept_new_options=True, placeholder="mis. Dinas Sosial Kota Depok", key="unggah_instansi")
    tahun = k2.number_input("Tahun (bila berkas tidak menyebutkannya)", min_value=2000, max_value=2100, value=None, step=1,
                            placeholder="mis. 2023", key="unggah_tahun")
    if berkas is not None:
        data = berkas.getvalue()
        kunci = (berkas.name, len(data), instansi, tahun)
        if st.session_state.get("unggah_kunci") != kunci:
            try:
                st.session_state["unggah_pratinjau"] = pratinjau(data, berkas.name, instansi=instansi, tahun=int(tahun) if tahun else None)
                st.session_state["unggah_galat_berkas"] = None
            except GalatBerkas as e:
                st.session_state["unggah_pratinjau"] = None
                st.session_state["unggah_galat_berkas"] = str(e)
            st.session_state["unggah_kunci"] = kunci
        if st.session_state.get("unggah_galat_berkas"):
            st.error(st.session_state["unggah_galat_berkas"], icon=":material/error:")
        p = st.session_state.get("unggah_pratinjau")
        if p is not None:
            st.subheader("Pratinjau")
            jumlah = p.jumlah()
            st.markdown("Akan ditulis: " + (", ".join(f"**{n}** baris {t}" for t, n in jumlah.items()) or "tidak ada baris"))
            with st.expander("Kolom yang dikenali", expanded=False, icon=":material/table_view:"):
                for lb in p.lembar:
                    if not lb.jenis:
                        st.caption(f"Lembar '{lb.nama}': tidak ada tabel yang dikenali.")
                        continue
                    st.markdown(f"**Lembar '{lb.nama}'** — tabel {lb.jenis}, baris judul {', '.join(map(str, lb.baris_header))}")
                    st.dataframe(pd.DataFrame(lb.pemetaan, columns=["kolom", "judul di berkas", "dibaca sebagai", "tahun"]),
                                 hide_index=True, width="stretch")
            if p.masalah:
                galat = len(p.galat)
                (st.error if galat else st.warning)(
                    f"{galat} galat (harus diperbaiki), {sum(m.tingkat == 'peringatan' for m in p.masalah)} peringatan.",
                    icon=":material/report:")
                st.dataframe(pd.DataFrame([m.__dict__ for m in p.masalah]).rename(columns={
                    "tingkat": "Tingkat", "lembar": "Lembar", "baris": "Baris", "kolom": "Kolom", "nilai": "Isi sel", "pesan": "Masalah"}),
                    hide_index=True, width="stretch")
            ind = p.tabel.get("indikator")
            if ind is not None and len(ind):
                st.markdown("**Indikator** — capaian dihitung ulang di samping capaian tercetak. Perbaiki polaritas dan tema bila perlu.")
                cup = cuplikan(p, n=len(ind))
                st.dataframe(cup.assign(capaian=cup["capaian"].map(lambda v: format_persen(v) if v is not None else "–")).fillna("–").rename(columns={
                    "target_teks": "target", "realisasi_teks": "realisasi", "capaian_dilaporkan_teks": "capaian tercetak"}),
                    hide_index=True, width="stretch")
                daftar = ind.drop_duplicates("indikator")[["indikator", "polaritas", "tema"]].reset_index(drop=True)
                ubah = st.data_editor(daftar, hide_index=True, width="stretch", key="unggah_editor", disabled=["indikator"],
                                      column_config={
                                          "polaritas": st.column_config.SelectboxColumn("Polaritas", options=["positif", "negatif", "ordinal"], required=True,
                                                                                        help="negatif: semakin rendah semakin baik (mis. angka kemiskinan)"),
                                          "tema": st.column_config.SelectboxColumn("Tema", options=list(TEMA), required=True),
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
                st.warning("Data untuk " + "; ".join(daftar_konflik) + " sudah ada.", icon=":material/content_copy:")
                ganti = st.checkbox("Ganti data yang sudah ada (data lama disimpan dan dapat dipulihkan dengan membatalkan impor ini)",
                                    key="unggah_ganti")
            b1, b2, _ = st.columns([1, 1, 4])
            if b1.button("Simpan ke basis data", type="primary", disabled=not p.bisa_disimpan or (bool(ada) and not ganti),
                         icon=":material/save:", key="unggah_simpan"):
                try:
                    hasil = simpan(store, p, ganti=ganti, pengguna=pengguna)
                    st.session_state["unggah_pesan"] = (
                        f"Impor #{hasil.impor_id} tersimpan: " + ", ".join(f"{n} baris {t}" for t, n in hasil.ditulis.items())
                        + (f"; diganti: " + ", ".join(f"{n} {t}" for t, n in hasil.diganti.items()) if hasil.diganti else "") + ".")
                    for k in ("unggah_pratinjau", "unggah_kunci", "unggah_berkas"):
                        st.session_state.pop(k, None)
                    st.rerun()
                except GalatImpor as e:
                    st.error(str(e), icon=":material/error:")
            if b2.button("Batal", icon=":material/close:", key="unggah_batal"):
                for k in ("unggah_pratinjau", "unggah_kunci", "unggah_berkas"):
                    st.session_state.pop(k, None)
                st.rerun()
    if st.session_state.get("unggah_pesan"):
        st.success(st.session_state.pop("unggah_pesan"), icon=":material/check_circle:")

st.subheader("Impor terakhir")
r = riwayat(store, 20)
if not len(r):
    st.caption("Belum ada impor.")
else:
    st.dataframe(r[["id", "waktu", "nama_file", "pengguna", "status", "ringkasan"]], hide_index=True, width="stretch",
                 column_config={"waktu": st.column_config.DatetimeColumn("Waktu", format="DD-MM-YYYY HH:mm")})
    bisa = r[r["bisa_dibatalkan"]]
    if boleh and len(bisa):
        k1, k2 = st.columns([3, 1])
        pilih = k1.selectbox("Batalkan impor", list(bisa["id"]), key="unggah_undo",
                             format_func=lambda i: f"#{i} · {bisa.set_index('id').loc[i, 'ringkasan']}")
        if k2.button("Batalkan impor", icon=":material/undo:", key="unggah_undo_tombol"):
            try:
                pulih = batalkan(store, int(pilih))
                st.session_state["unggah_pesan"] = f"Impor #{pilih} dibatalkan" + (
                    "; dipulihkan: " + ", ".join(f"{n} {t}" for t, n in pulih.items()) if pulih else "") + "."
                st.rerun()
            except GalatImpor as e:
                st.error(str(e), icon=":material/error:")
