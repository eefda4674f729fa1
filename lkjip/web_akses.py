"""Streamlit glue for who may write (upload, replace, undo): local mode, upload password or OIDC sign-in."""
from __future__ import annotations

import streamlit as st


@st.cache_resource
def _pembatas():
    from .akses import Pembatas

    return Pembatas()


def _rahasia() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml: that is fine, it means local mode unless the environment says otherwise
        return {}


def izin_menulis(s) -> tuple[bool, str | None]:
    """Render what the write-protection mode needs; return (may write, user name for the import log)."""
    from . import akses

    p = akses.pengaturan(_rahasia())
    if p.mode == "lokal":
        st.info(s.t("a.lokal"), icon=":material/lock_open:")
        return True, None
    if p.mode == "oidc":
        if not st.user.get("is_logged_in", False):
            st.warning(s.t("a.perlu_masuk"), icon=":material/lock:")
            st.button(s.t("a.sign_in"), on_click=st.login, icon=":material/login:")
            return False, None
        surel = st.user.get("email")
        if not akses.penulis_diizinkan(surel, p):
            st.error(s.t("a.bukan_penulis", surel=surel), icon=":material/block:")
            st.button(s.t("a.sign_out"), on_click=st.logout)
            return False, surel
        st.caption(s.t("a.masuk_sebagai", surel=surel))
        return True, surel
    if st.session_state.get("akses_sandi_ok"):
        return True, "pengguna dengan kata sandi"
    kunci = st.context.ip_address or "tanpa-ip"
    with st.form("form_sandi"):
        st.markdown(s.t("a.sandi_perlu"))
        sandi = st.text_input(s.t("a.sandi"), type="password", key="akses_sandi")
        kirim = st.form_submit_button(s.t("a.masuk"), icon=":material/key:", key="akses_masuk")
    if kirim:
        tunggu = _pembatas().tunggu(kunci)
        if tunggu > 0:
            st.error(s.t("a.terlalu_sering", menit=int(tunggu // 60) + 1), icon=":material/timer:")
        elif akses.cocok(sandi, p.password_hash):
            _pembatas().bersihkan(kunci)
            st.session_state["akses_sandi_ok"] = True
            st.rerun()
        else:
            _pembatas().catat_gagal(kunci)
            st.error(s.t("a.sandi_salah"), icon=":material/error:")
    return False, None
