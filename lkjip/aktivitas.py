"""The activity log: who imported, replaced, undid, gave a verdict or wrote a note, when, for which
agency-year. Written inside the same transaction as the change it records, so a write and its log
line land together or not at all.
"""
from __future__ import annotations

import pandas as pd

from .store import Store


def catat(cur, pengguna, aksi: str, instansi: str | None = None, tahun: int | None = None,
          rincian: str | None = None) -> None:
    """Add one line to the log, on the cursor of an open ``Store.transaksi()``. ``pengguna``: a name, or an
    ``lkjip.akses.Pengguna`` (logged by its name)."""
    if pengguna is not None and not isinstance(pengguna, str):
        pengguna = getattr(pengguna, "nama", None)
    cur.execute(
        "INSERT INTO log_aktivitas (pengguna, aksi, instansi, tahun, rincian) VALUES (?, ?, ?, ?, ?)",
        [pengguna, aksi, instansi, tahun, rincian],
    )


def daftar(store: Store, instansi: str | None = None, batas: int = 500) -> pd.DataFrame:
    """The newest lines first (columns: id, waktu, pengguna, aksi, instansi, tahun, rincian)."""
    syarat, param = ("WHERE instansi = ?", [instansi]) if instansi else ("", [])
    return store.baca(
        f"SELECT id, waktu, pengguna, aksi, instansi, tahun, rincian FROM log_aktivitas {syarat} "
        "ORDER BY id DESC LIMIT ?",
        [*param, batas],
    )
