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


def tampil_log_aktivitas(s, pengguna) -> None:
    """The activity log and its downloads, for admins only."""
    from .akses import tampilan

    tampilan.tampil_log_aktivitas(s, pengguna)


def izin_reviu(pengguna) -> tuple[bool, str | None]:
    """(may give verdicts and write review notes, the name for the log) for the user that
    ``pengguna_aktif`` returned: reviewer or admin (lkjip.akses decides; lkjip.reviu enforces it again)."""
    from . import akses

    return akses.boleh_mereviu(pengguna), akses.nama_log(pengguna)
