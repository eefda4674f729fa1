"""Streamlit glue for the import history on the upload page: the list (in the chosen language), undo with
a confirmation that says what will be removed, the bundled data protected, and redo of an undone import."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import label
from .akses.tulis import instansi_per_impor
from .ingest.simpan import GalatImpor, batalkan, riwayat, rincian, ulangi
from .teks_aman import md
from .web_data import bersama


def _per_tabel(jumlah: dict[str, int], s) -> str:
    return ", ".join(f"{n} {label.nama_tabel(t, s.bahasa)}" for t, n in jumlah.items() if n) or "–"


def _bagian(daftar: list[tuple[str, str, int | None, int]], s) -> str:
    return "; ".join(f"{n} {label.nama_tabel(t, s.bahasa)} · {md(i)}{f' {th}' if th is not None else ''}" for t, i, th, n in daftar)


@bersama(max_entries=8)
def _riwayat(path: str, versi: int, batas: int) -> pd.DataFrame:
    from .web_data import store

    r = riwayat(store(), batas)
    # the agencies each import wrote or replaced: whose writers may undo it (asked per user on the page)
    tersentuh = instansi_per_impor(store(), [int(i) for i in r["id"]])
    return r.assign(instansi_tersentuh=[tersentuh[int(i)] for i in r["id"]])


def riwayat_terakhir(batas: int = 20) -> pd.DataFrame:
    """lkjip.ingest.simpan.riwayat with ``instansi_tersentuh`` (lkjip.ingest.simpan.instansi_impor) per import;
    cached by data version, which every import, undo and redo bumps."""
    from .web_data import kunci

    return _riwayat(*kunci(), batas)


def tampil_riwayat(r: pd.DataFrame, s) -> None:
    """The recent imports, headers and values in the chosen language."""
    tabel = pd.DataFrame({
        "id": r["id"], "waktu": r["waktu"], "nama_file": r["nama_file"], "pengguna": r["pengguna"],
        "status": [s.t(f"ug.status_{x}") for x in r["status"]],
        "ditulis": [_per_tabel(d, s) for d in r["ditulis"]], "instansi_tahun": r["instansi_tahun"].replace("", None),
        "diganti": [_per_tabel(d, s) if d else None for d in r["diganti"]],
    })
    judul = {k: s.t(f"ug.kol_{k}") for k in tabel.columns}
    st.dataframe(tabel, hide_index=True, width="stretch", placeholder="–", key="unggah_riwayat", column_config={
        **{k: st.column_config.TextColumn(v) for k, v in judul.items()},
        "id": st.column_config.NumberColumn(judul["id"], format="#%d", width="small"),
        "waktu": st.column_config.DatetimeColumn(judul["waktu"], format="DD-MM-YYYY HH:mm"),
        "instansi_tahun": st.column_config.TextColumn(judul["instansi_tahun"], width="medium"),
    })


def _pilihan(baris: pd.DataFrame, s):
    ringkas = {int(r.id): f"#{r.id} · {r.nama_file} · {r.instansi_tahun or '–'}" for r in baris.itertuples(index=False)}
    return list(ringkas), ringkas.get


def batal_dan_ulang(r: pd.DataFrame, s, pengguna: str | None) -> None:
    """Undo (after a confirmation listing what is removed and put back) and redo."""
    k1, k2 = st.columns([3, 1])
    bawaan_boleh = st.checkbox(s.t("ug.izinkan_bawaan"), key="unggah_undo_bawaan", help=s.t("ug.izinkan_bawaan_help"))
    bisa = r[r["bisa_dibatalkan"] & (bawaan_boleh | ~r["bawaan"])]
    if len(bisa):
        ids, teks = _pilihan(bisa, s)
        pilih = k1.selectbox(s.t("ug.pilih_batal"), ids, key="unggah_undo", format_func=teks)
        if k2.button(s.t("ug.tombol_batal"), icon=":material/undo:", key="unggah_undo_tombol"):
            st.session_state["unggah_konfirmasi"] = int(pilih)
    else:
        k1.caption(s.t("ug.tak_ada_batal"))
    konfirmasi = st.session_state.get("unggah_konfirmasi")
    if konfirmasi is not None:
        try:
            info = rincian(s_store(), konfirmasi)
        except GalatImpor as e:
            st.error(md(e), icon=":material/error:")
            st.session_state.pop("unggah_konfirmasi", None)
            return
        with st.container(border=True):
            st.warning(s.t("ug.konfirmasi", id=info.impor_id, berkas=md(info.nama_file), hapus=_bagian(info.hapus, s) or "–",
                           pulih=_bagian(info.pulih, s) or s.t("ug.tanpa_pulih")), icon=":material/warning:")
            if info.bawaan:
                st.error(s.t("ug.konfirmasi_bawaan"), icon=":material/shield:")
            b1, b2, _ = st.columns([1, 1, 3])
            if b1.button(s.t("ug.ya_batal"), type="primary", icon=":material/undo:", key="unggah_undo_ya"):
                try:
                    pulih = batalkan(s_store(), info.impor_id, pengguna=pengguna, izinkan_bawaan=bawaan_boleh)
                    dipulihkan = s.t("ug.dipulihkan", daftar=_per_tabel(pulih, s)) if pulih else ""
                    st.session_state["unggah_pesan"] = s.t("ug.dibatalkan", id=info.impor_id, pulih=dipulihkan)
                except GalatImpor as e:
                    st.session_state["unggah_galat_riwayat"] = str(e)
                st.session_state.pop("unggah_konfirmasi", None)
                st.rerun()
            if b2.button(s.t("ug.jangan"), icon=":material/close:", key="unggah_undo_tidak"):
                st.session_state.pop("unggah_konfirmasi", None)
                st.rerun()
    ulang = r[r["bisa_diulang"]]
    if len(ulang):
        u1, u2 = st.columns([3, 1])
        ids, teks = _pilihan(ulang, s)
        pilih_u = u1.selectbox(s.t("ug.pilih_ulang"), ids, key="unggah_ulang", format_func=teks)
        if u2.button(s.t("ug.tombol_ulang"), icon=":material/redo:", key="unggah_ulang_tombol"):
            try:
                ditulis = ulangi(s_store(), int(pilih_u), pengguna=pengguna)
                st.session_state["unggah_pesan"] = s.t("ug.diulang", id=int(pilih_u), daftar=_per_tabel(ditulis, s))
            except GalatImpor as e:
                st.session_state["unggah_galat_riwayat"] = str(e)
            st.rerun()
    if st.session_state.get("unggah_galat_riwayat"):
        st.error(md(st.session_state.pop("unggah_galat_riwayat")), icon=":material/error:")
    if st.session_state.get("unggah_pesan"):
        st.success(st.session_state.pop("unggah_pesan"), icon=":material/check_circle:")


def s_store():
    from .web_data import store

    return store()
