"""The activity log: who imported, replaced, undid, gave a verdict or wrote a note, when, for which
agency-year. Written inside the same transaction as the change it records, so a write and its log
line land together or not at all.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

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


AKSI = ("impor", "ganti", "batal", "ulang", "ditolak", "putusan", "catatan", "klaim", "indikator_standar", "profil")


def daftar(store: Store, instansi: str | None = None, batas: int = 500, *, pengguna: list[str] | None = None,
           aksi: list[str] | None = None, tahun: list[int] | None = None, dari: date | None = None,
           sampai: date | None = None) -> pd.DataFrame:
    """The newest lines first (columns: id, waktu, pengguna, aksi, instansi, tahun, rincian), at most ``batas``.

    Filters (each optional, combined with AND): one agency; users, actions and years (any of the list);
    ``dari``/``sampai``: calendar days, both included."""
    syarat: list[str] = []
    param: list[object] = []
    if instansi:
        syarat.append("instansi = ?")
        param.append(instansi)
    for kolom, nilai in (("pengguna", pengguna), ("aksi", aksi)):
        if nilai:
            syarat.append(f"{kolom} IN ({', '.join('?' * len(nilai))})")
            param.extend(str(v) for v in nilai)
    if tahun:
        syarat.append(f"tahun IN ({', '.join('?' * len(tahun))})")
        param.extend(int(v) for v in tahun)
    if dari:
        syarat.append("waktu >= ?")
        param.append(datetime.combine(dari, time.min))
    if sampai:
        syarat.append("waktu < ?")
        param.append(datetime.combine(sampai + timedelta(days=1), time.min))
    where = f"WHERE {' AND '.join(syarat)} " if syarat else ""
    return store.baca(
        f"SELECT id, waktu, pengguna, aksi, instansi, tahun, rincian FROM log_aktivitas {where}"
        "ORDER BY id DESC LIMIT ?",
        [*param, batas],
    )


_KOLOM_PILIHAN = ("pengguna", "aksi", "instansi", "tahun")


def pilihan(store: Store) -> dict[str, list]:
    """What the log holds, for filter choices: users, actions, agencies and years present (sorted), and the first
    and last day (``hari``: [] when the log is empty). One query (grouping sets): the page reads it on every rerun."""
    kolom = ", ".join(_KOLOM_PILIHAN)
    df = store.baca(f"SELECT {', '.join(f'GROUPING({k}) AS g_{k}' for k in _KOLOM_PILIHAN)}, {kolom}, "
                    f"min(waktu) AS awal, max(waktu) AS akhir FROM log_aktivitas "
                    f"GROUP BY GROUPING SETS ({', '.join(f'({k})' for k in _KOLOM_PILIHAN)}, ())")
    hasil: dict[str, list] = {}
    for k in _KOLOM_PILIHAN:
        nilai = df.loc[(df[f"g_{k}"] == 0) & df[k].notna(), k]
        hasil[k] = sorted(int(v) for v in nilai) if k == "tahun" else sorted(nilai.tolist())
    semua = df[(df[[f"g_{k}" for k in _KOLOM_PILIHAN]] == 1).all(axis=1)]
    awal, akhir = (semua.iloc[0]["awal"], semua.iloc[0]["akhir"]) if len(semua) else (None, None)
    hasil["hari"] = [] if pd.isna(awal) else [pd.Timestamp(awal).date(), pd.Timestamp(akhir).date()]
    return hasil
