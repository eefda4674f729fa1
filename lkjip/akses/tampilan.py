"""The Streamlit side of write access: sign-in (password or OIDC), the current user's role, the
read-only notice when protection cannot be loaded, and the activity log for admins.

Reached through ``lkjip.web`` (``pengguna_aktif``, ``izin_menulis``); the
decisions themselves are in ``lkjip.akses`` and are enforced again by the library at every write.
"""
from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from . import LOKAL, NAMA_BERSAMA, Pembatas, Pengaturan, Pengguna, alamat_klien, baca, boleh_impor, masuk_sandi, \
    periksa_berkas

_LOG = logging.getLogger("lkjip.akses")


def _berkas_rahasia() -> list[Path]:
    """The secrets files Streamlit reads (option ``secrets.files``)."""
    from streamlit import config

    return [Path(p) for p in config.get_option("secrets.files") if str(p).endswith(".toml")]


def pengaturan() -> Pengaturan:
    """The protection settings for this run; read every run so that a change applies at once."""
    _, masalah = periksa_berkas(_berkas_rahasia())
    try:
        rahasia = st.secrets.to_dict()
    except Exception:  # no secrets file (fine) or one Streamlit could not parse (reported by periksa_berkas)
        rahasia = {}
    p = baca(rahasia, masalah_berkas=masalah)
    if p.mode == "tertutup":
        _LOG.warning("perlindungan tulis tidak dapat dimuat; aplikasi hanya-baca: %s", " | ".join(p.masalah))
    return p


@st.cache_resource
def _pembatas(path: str) -> Pembatas:
    from ..web import store

    return Pembatas(store())


def _nama_peran(s, peran: str) -> str:
    return s.t(f"a.peran_{peran}")


def _tampil_masuk(s, u: Pengguna, tombol_keluar) -> None:
    from ..web import md

    peran = _nama_peran(s, u.peran)
    nama = md(u.nama or "")
    if u.peran == "operator":
        teks = s.t("a.sebagai_instansi", nama=nama, peran=peran, instansi=", ".join(md(i) for i in sorted(u.instansi)))
    else:
        teks = s.t("a.sebagai", nama=nama, peran=peran)
    k1, k2 = st.columns([5, 1], vertical_alignment="center")
    k1.caption(teks)
    k2.button(s.t("a.keluar"), on_click=tombol_keluar, icon=":material/logout:", key="akses_keluar")


def _keluar_sandi() -> None:
    st.session_state.pop("akses_nama", None)


def _alamat(p: Pengaturan) -> str:
    try:
        xff = st.context.headers.get_all("x-forwarded-for")
    except Exception:  # no request headers (tests)
        xff = []
    return alamat_klien(st.context.ip_address, xff, p.proksi)


def pengguna_aktif(s) -> Pengguna:
    """Render the sign-in state for this page and return the current user (call once per page run).

    A viewer is returned whenever nobody is signed in or the settings cannot be loaded.
    """
    from ..web import md, store

    p = pengaturan()
    if p.mode == "tertutup":
        st.error(s.t("a.tertutup") + "\n\n" + s.t("a.tertutup_admin") + "\n" + "\n".join(f"- {md(m)}" for m in p.masalah),
                 icon=":material/lock:")
        return Pengguna(None, "pembaca", cara="tertutup")
    if p.mode == "lokal":
        st.info(s.t("a.lokal"), icon=":material/lock_open:")
        return LOKAL
    if p.mode == "oidc":
        if not st.user.get("is_logged_in", False):
            st.warning(s.t("a.perlu_masuk"), icon=":material/lock:")
            st.button(s.t("a.sign_in"), on_click=st.login, icon=":material/login:")
            return Pengguna(None, "pembaca", cara="oidc")
        surel = st.user.get("email")
        u = p.pengguna_oidc(surel)
        _tampil_masuk(s, u, st.logout)
        if u.peran == "pembaca":
            st.error(s.t("a.bukan_penulis", surel=md(surel or "")), icon=":material/block:")
        return u
    # password accounts
    nama = st.session_state.get("akses_nama")
    if nama is not None:
        u = p.pengguna_sandi(nama)
        if u is not None:
            _tampil_masuk(s, u, _keluar_sandi)
            return u
        st.session_state.pop("akses_nama", None)  # the account was removed from the settings
    with st.form("form_sandi"):
        st.markdown(s.t("a.masuk_perlu_akun") if p.nama_wajib else s.t("a.sandi_perlu"))
        isi_nama = ""
        if p.nama_wajib:
            label_nama = s.t("a.nama_bersama") if NAMA_BERSAMA in p.akun else s.t("a.nama_pengguna")
            isi_nama = st.text_input(label_nama, key="akses_nama_isi", autocomplete="username")
        sandi = st.text_input(s.t("a.sandi_akun") if p.nama_wajib else s.t("a.sandi"), type="password", key="akses_sandi",
                              autocomplete="current-password")
        kirim = st.form_submit_button(s.t("a.masuk"), icon=":material/key:", key="akses_masuk")
    if kirim:
        nama = (isi_nama or "").strip() or NAMA_BERSAMA
        hasil = masuk_sandi(_pembatas(str(store().path)), p, nama, sandi or "", _alamat(p))
        if hasil.tunggu > 0:
            st.error(s.t("a.tunggu_detik", detik=int(hasil.tunggu) + 1), icon=":material/timer:")
        elif hasil.pengguna is not None:
            st.session_state["akses_nama"] = nama
            st.rerun()
        else:
            st.error(s.t("a.sandi_salah"), icon=":material/error:")
    return Pengguna(None, "pembaca", cara="sandi")


def izin_menulis(s) -> tuple[bool, Pengguna]:
    """(may import for at least one agency, the user); tells a signed-in viewer or reviewer why there
    is no upload."""
    u = pengguna_aktif(s)
    boleh = boleh_impor(u)
    if not boleh and u.nama and not (u.cara == "oidc" and u.peran == "pembaca"):  # that case has its message already
        st.info(s.t("a.reviewer_tanpa_impor") if u.peran == "reviewer" else s.t("a.hanya_lihat", peran=_nama_peran(s, u.peran)),
                icon=":material/visibility:")
    return boleh, u
