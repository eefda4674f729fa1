"""What every command of the command line shares: the user error and who the command line writes as."""
from __future__ import annotations

from pathlib import Path


class GalatPengguna(Exception):
    """A user error: printed as one line, exit status 2."""


def pengguna_cli(nama: str | None):
    """Who the command line writes as: the local admin, or with --pengguna a configured account and its role."""
    from . import akses
    from .store import ROOT

    if not nama:
        return akses.pengguna_cli()
    dasar = list(dict.fromkeys([Path.home(), ROOT, Path.cwd()]))
    isi, masalah = akses.periksa_berkas(akses.berkas_rahasia(dasar))
    p = akses.baca(isi, masalah_berkas=masalah)
    if p.mode == "tertutup":
        raise GalatPengguna("pengaturan akses tidak dapat dimuat: " + " ".join(p.masalah))
    u = akses.cari_pengguna(p, nama)
    if u is None:
        raise GalatPengguna(f"pengguna '{nama}' tidak ada di pengaturan akses (.streamlit/secrets.toml, [akses.pengguna] atau [akses.oidc])")
    return akses.Pengguna(u.nama, u.peran, u.instansi, cara="cli")
