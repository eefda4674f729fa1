"""Streamlit glue for who may write: the sign-in state and the user's role (the work is in lkjip.akses;
its Streamlit side is lkjip.akses.tampilan)."""
from __future__ import annotations


def pengguna_aktif(s):
    """Render the sign-in state and return the current ``lkjip.akses.Pengguna`` (once per page run)."""
    from .akses import tampilan

    return tampilan.pengguna_aktif(s)


def izin_menulis(s):
    """Render the sign-in state; return (may import for at least one agency, the ``Pengguna``)."""
    from .akses import tampilan

    return tampilan.izin_menulis(s)


def izin_reviu(pengguna) -> tuple[bool, str | None]:
    """(may give verdicts and write review notes, the name for the log) for the user that
    ``pengguna_aktif`` returned: reviewer or admin (lkjip.akses decides; lkjip.reviu enforces it again)."""
    from . import akses

    return akses.boleh_mereviu(pengguna), akses.nama_log(pengguna)


def pengguna_sesi():
    """The current user without drawing anything (for the navigation, before any page runs): the role of
    the password account signed in this session, of the OIDC e-mail, the local admin, or a viewer."""
    import streamlit as st

    from . import akses
    from .akses import tampilan

    p = tampilan.pengaturan()
    if p.mode == "lokal":
        return akses.LOKAL
    if p.mode == "oidc":
        try:
            masuk = st.user.get("is_logged_in", False)
        except Exception:  # no [auth] section
            masuk = False
        return p.pengguna_oidc(st.user.get("email")) if masuk else akses.Pengguna(None, "pembaca", cara="oidc")
    if p.mode == "sandi" and st.session_state.get("akses_nama") is not None:
        u = p.pengguna_sandi(st.session_state["akses_nama"])
        if u is not None:
            return u
    return akses.Pengguna(None, "pembaca", cara=p.mode)


def boleh_lihat_log_sesi() -> bool:
    """Whether this session's user may see the activity log (admin): the log page is listed only then."""
    from . import akses

    return akses.boleh_lihat_log(pengguna_sesi())
