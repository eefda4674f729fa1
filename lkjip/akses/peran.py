"""Roles and what each may do. Every write in the library asks here, whoever calls it (page, CLI, tests).

- ``pembaca`` (viewer, the default for anyone signed in but not listed): reads only.
- ``operator`` (operator instansi): imports, replaces and undoes data only for the agencies assigned.
- ``reviewer``: verdicts and notes on every agency; no import.
- ``admin``: everything, including the activity log.

``pengguna=None`` in a library call means the machine's own operator (the command line without
``--pengguna``, scripts, tests): an admin, as whoever can run the CLI can open the database file anyway.
"""
from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from typing import Iterable

PERAN = ("pembaca", "operator", "reviewer", "admin")
NAMA_PERAN = {"pembaca": "pembaca", "operator": "operator instansi", "reviewer": "reviewer", "admin": "admin"}
_AKSI = {"impor": "mengimpor data", "ganti": "mengganti data", "batal": "membatalkan impor", "ulang": "mengulang impor",
         "putusan": "memberi putusan temuan", "catatan": "menulis catatan reviu", "log": "melihat log aktivitas"}


class AksesDitolak(Exception):
    """The user may not do this; the message says who, what, for which agency and whom to ask."""


@dataclass(frozen=True)
class Pengguna:
    nama: str | None
    peran: str = "pembaca"
    instansi: frozenset[str] = field(default_factory=frozenset)  # operator only: the agencies they may write
    cara: str = "lokal"  # lokal | sandi | oidc | cli

    def teks(self) -> str:
        """"sari (operator instansi: Dinas Sosial Kota Depok)" for messages."""
        nama = self.nama or "pengguna lokal"
        peran = NAMA_PERAN.get(self.peran, self.peran)
        if self.peran == "operator":
            peran += ": " + (", ".join(sorted(self.instansi)) or "belum ada instansi")
        return f"{nama} ({peran})"


def pengguna_cli(nama: str | None = None) -> Pengguna:
    """The command line acting locally: an admin, logged under the system user's name."""
    try:
        sistem = getpass.getuser()
    except (KeyError, OSError):
        sistem = "?"
    return Pengguna(nama or f"cli:{sistem}", "admin", cara="cli")


LOKAL = Pengguna(None, "admin", cara="lokal")


def _pengguna(p: Pengguna | str | None) -> Pengguna:
    if p is None:
        return pengguna_cli()
    if isinstance(p, str):  # a plain name from local code: the machine's operator, under that name
        return Pengguna(p, "admin", cara="cli")
    return p


def boleh_impor(pengguna: Pengguna | None, instansi: str | None = None) -> bool:
    """May import/replace/undo for this agency (``instansi=None``: for at least one agency)."""
    p = _pengguna(pengguna)
    if p.peran == "admin":
        return True
    if p.peran != "operator":
        return False
    return bool(p.instansi) if instansi is None else instansi in p.instansi


def boleh_mereviu(pengguna: Pengguna | None) -> bool:
    """May give verdicts on findings and write review notes, for every agency: reviewer or admin."""
    return _pengguna(pengguna).peran in ("reviewer", "admin")


def boleh_lihat_log(pengguna: Pengguna | None) -> bool:
    return _pengguna(pengguna).peran == "admin"


def instansi_boleh(pengguna: Pengguna | None, semua: Iterable[str]) -> list[str]:
    """Of these agencies, those the user may write (in the given order)."""
    return [i for i in semua if boleh_impor(pengguna, i)]


def pilihan_instansi(pengguna: Pengguna | None, semua: Iterable[str]) -> tuple[list[str], bool]:
    """The agencies to offer on an upload form, and whether a new agency name may be typed (admin only)."""
    p = _pengguna(pengguna)
    if p.peran == "admin":
        return list(semua), True
    return (sorted(p.instansi) if p.peran == "operator" else []), False


def pesan_tolak(pengguna: Pengguna | None, instansi: Iterable[str], aksi: str = "impor") -> str | None:
    """The refusal message when any of these agencies may not be written by the user, else None."""
    p = _pengguna(pengguna)
    daftar = sorted({i for i in instansi if i})
    if aksi in ("putusan", "catatan"):
        if boleh_mereviu(p):
            return None
        return (f"Akun {p.teks()} tidak berhak {_AKSI[aksi]}: hanya reviewer atau admin. "
                "Minta admin mengubah peran akun ini di pengaturan akses.")
    if p.peran == "admin":
        return None
    if p.peran == "operator":
        tidak = [i for i in daftar if i not in p.instansi]
        if daftar and not tidak:
            return None
        sasaran = ", ".join(tidak) if tidak else "instansi mana pun"
        return (f"Akun {p.teks()} tidak berhak {_AKSI.get(aksi, aksi)} untuk {sasaran}. Operator hanya dapat menulis data "
                "instansi yang ditugaskan kepadanya; tidak ada yang ditulis. Minta admin menambahkan instansi itu bila memang tugas Anda.")
    return (f"Akun {p.teks()} tidak berhak {_AKSI.get(aksi, aksi)}: peran {NAMA_PERAN.get(p.peran, p.peran)} hanya dapat "
            "melihat data. Tidak ada yang ditulis.")


def pastikan_boleh_impor(pengguna: Pengguna | None, instansi: Iterable[str], aksi: str = "impor") -> Pengguna:
    """Raise AksesDitolak unless the user may write every one of these agencies; returns the user."""
    pesan = pesan_tolak(pengguna, instansi, aksi)
    if pesan:
        raise AksesDitolak(pesan)
    return _pengguna(pengguna)


def pastikan_boleh_mereviu(pengguna: Pengguna | None, aksi: str = "putusan") -> Pengguna:
    """Raise AksesDitolak unless the user may give verdicts and notes (reviewer or admin); returns the user."""
    pesan = pesan_tolak(pengguna, [], aksi)
    if pesan:
        raise AksesDitolak(pesan)
    return _pengguna(pengguna)


def nama_log(pengguna: Pengguna | str | None) -> str | None:
    """The name written in the import and activity logs."""
    return _pengguna(pengguna).nama
