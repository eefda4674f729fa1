"""The store: one contract, two backends, and the only place in lkjip with SQL plumbing.

``Store(lokasi)`` opens the embedded DuckDB file for a path (the default) and a PostgreSQL server for a
``postgresql://`` URL (``$LKJIP_DB`` or ``--db``). Both backends run the same numbered migrations
(``MIGRASI``, written in DuckDB's dialect and translated for PostgreSQL by ``dialek``) and offer the
same methods:

- ``baca(sql, params) -> DataFrame`` and ``satu(sql, params) -> value`` for reads;
- ``transaksi()``: one serialised, all-or-nothing write whose cursor has ``execute``, ``executemany``,
  ``fetchone``, ``fetchall``, ``df``, ``register``/``unregister``; each write bumps ``versi_data`` so
  cached query results are invalidated (on PostgreSQL in every process that shares the database);
- ``kunci_tulis()``: hold the write lock across a check and the write that depends on it;
- ``kursor()``: a read cursor for several statements (e.g. a join with a registered DataFrame);
- the queries the pages, exports and checks use (``indikator``, ``anggaran``, ``tabel``, ...).

SQL is written once, in DuckDB's dialect with ``?`` placeholders; ``dialek.ke_postgres`` lists the
translation rules and refuses what it cannot translate.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pandas as pd

from .migrasi import MIGRASI  # re-exported: the adapters read store.MIGRASI at call time (tests extend it)

ROOT = Path(__file__).resolve().parent.parent.parent
DB_BAWAAN = ROOT / "data" / "lkjip.duckdb"
_RE_URL = re.compile(r"^postgres(ql)?://", re.I)


class StoreError(Exception):
    """A problem with the database that a user can act on (message in Bahasa Indonesia)."""


def adalah_url(lokasi) -> bool:
    """True for a PostgreSQL connection URL (postgresql://user@host:port/db), False for a file path."""
    return isinstance(lokasi, str) and bool(_RE_URL.match(lokasi))


def lokasi_db(path: str | os.PathLike | None = None) -> Path | str:
    """The database: explicit path or URL, else $LKJIP_DB, else data/lkjip.duckdb.

    A ``postgresql://`` URL is returned as a string, a file as a Path.
    """
    lokasi = path or os.environ.get("LKJIP_DB") or DB_BAWAAN
    if adalah_url(str(lokasi)):
        return str(lokasi)
    return Path(lokasi)


def samarkan(lokasi) -> str:
    """The database for messages: a URL without its password."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", str(lokasi))


TABEL_DATA = ("indikator", "renstra", "anggaran", "skor", "nilai_dilaporkan")


class Store:
    """The store contract. ``Store(lokasi)`` returns the adapter for that location.

    Adapters implement the plumbing (``baca``, ``satu``, ``transaksi``, ``kunci_tulis``, ``kursor``,
    ``migrasi``, ``checkpoint``, ``close`` and the backup helpers); the queries below are shared.
    """

    backend = ""
    path: Path | str
    read_only: bool
    sibuk = False  # True while the data version could not be read and the last one seen is served

    def __new__(cls, path: str | os.PathLike | None = None, read_only: bool = False, **opsi):
        if cls is Store:
            if adalah_url(lokasi_db(path)):
                from .postgres import StorePostgres as cls
            else:
                from .duck import StoreDuckDB as cls
        return super().__new__(cls)

    # --- plumbing (each adapter) --------------------------------------------------------------------
    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def baca(self, sql: str, params: list | tuple | None = None) -> pd.DataFrame:
        """Run a read query; returns a DataFrame."""
        raise NotImplementedError

    def satu(self, sql: str, params: list | tuple | None = None):
        """The first column of the first row of a read query, or None."""
        raise NotImplementedError

    @contextmanager
    def transaksi(self, naikkan_versi: bool = True) -> Iterator:
        """One serialised, all-or-nothing write; bumps the data version on success.

        ``naikkan_versi=False`` only for writes of derived data (stored findings) that leave the
        figures the pages show unchanged.
        """
        raise NotImplementedError
        yield

    @contextmanager
    def kunci_tulis(self) -> Iterator[None]:
        """Hold the write lock (re-entrant; ``transaksi`` takes it again) across a check and its write."""
        raise NotImplementedError
        yield

    @contextmanager
    def kursor(self) -> Iterator:
        """A cursor for several read statements (``register`` a DataFrame and join it, ...)."""
        raise NotImplementedError
        yield

    def migrasi(self) -> None:
        raise NotImplementedError

    def checkpoint(self) -> None:
        """Make everything written durable in the main database file (no-op on a server)."""

    def perbarui_statistik(self) -> None:
        """Refresh the planner's statistics after a large write (``ANALYZE``, on both backends): measured on
        PostgreSQL at 514 x 10, the page aggregates took ~380 ms right after a bulk import and ~230 ms after."""
        with self.kursor() as cur:
            cur.execute("ANALYZE")

    @property
    def versi_data(self) -> int:
        return int(self.satu("SELECT nilai FROM meta WHERE kunci = 'versi_data'"))

    def tandai_kotor(self, cur, instansi: list[str]) -> None:
        """Inside a write that changes these agencies' data rows: their stored findings are out of date, and their
        summary rows (``ringkasan``) are rebuilt before the write commits."""
        if instansi:
            cur.execute("INSERT OR IGNORE INTO temuan_kotor SELECT unnest(?)", [sorted(set(instansi))])
            if self._kotor is not None:
                self._kotor.update(instansi)

    _kotor: set[str] | None = None  # agencies marked by the write in progress (one writer per process at a time)

    @contextmanager
    def _ringkasan_tulisan(self, cur) -> Iterator[None]:
        """Around the body of one outermost write: rebuild the summary rows of the agencies it marked, last."""
        from . import ringkasan

        luar, self._kotor = self._kotor, set()
        try:
            yield
            if self._kotor:
                ringkasan.bangun(cur, sorted(self._kotor))
        finally:
            self._kotor = luar

    def _pastikan_ringkasan(self) -> None:
        """After the migrations: summary tables built by these rules (rebuilt when new, restored or outdated)."""
        from . import ringkasan

        ringkasan.pastikan(self)

    def kosong(self) -> bool:
        return not self.satu("SELECT count(*) FROM instansi")

    # --- queries for pages, exports and checks ------------------------------------------------------
    def daftar_instansi(self) -> pd.DataFrame:
        return self.baca("SELECT id, nama, jenis, provinsi FROM instansi ORDER BY nama")

    def daftar_tahun(self) -> list[int]:
        df = self.baca("SELECT DISTINCT tahun FROM ringkas_tahun WHERE tabel IN ('indikator', 'anggaran') ORDER BY tahun")
        return [int(t) for t in df["tahun"]]

    @staticmethod
    def _saring(instansi: list[str] | None, tahun: list[int] | None, alias: str = "t",
                kolom_instansi: str = "i.nama", ids: list[int] | None = None) -> tuple[str, list]:
        """`` AND ...`` conditions (parameterised) for a choice of agencies and years (empty = all) and, when
        given, of row ids (empty = none)."""
        syarat, params = [], []
        if ids is not None:
            syarat.append(f"{alias}.id IN ({', '.join('?' * len(ids))})" if ids else "FALSE")
            params += [int(x) for x in ids]
        if instansi:
            syarat.append(f"{kolom_instansi} IN ({', '.join('?' * len(instansi))})")
            params += list(instansi)
        if tahun:
            syarat.append(f"{alias}.tahun IN ({', '.join('?' * len(tahun))})")
            params += [int(x) for x in tahun]
        return (" AND " + " AND ".join(syarat)) if syarat else "", params

    def indikator(self, instansi: list[str] | None = None, tahun: list[int] | None = None, hanya_utama: bool = False,
                  indikator: str | list[str] | None = None, tema: str | None = None, ids: list[int] | None = None) -> pd.DataFrame:
        """Indicator rows; ``indikator``/``tema`` narrow them to one wording (or a list of them) or one theme,
        ``ids`` to those rows."""
        where, params = self._saring(instansi, tahun, ids=ids)
        if hanya_utama:
            where += " AND t.utama"
        if indikator is not None:
            rumusan = [indikator] if isinstance(indikator, str) else list(indikator)
            where += f" AND t.indikator IN ({', '.join('?' * len(rumusan))})" if rumusan else " AND FALSE"
            params += rumusan
        if tema is not None:
            where += " AND t.tema = ?"
            params.append(tema)
        return self.baca(
            f"""SELECT t.id, i.nama AS instansi, t.tahun, t.sasaran, t.indikator, t.tingkat, t.satuan, t.polaritas,
                       t.target, t.target_teks, t.target_predikat, t.realisasi, t.realisasi_teks,
                       t.realisasi_predikat, t.capaian, t.capaian_alasan, t.capaian_dilaporkan,
                       t.capaian_dilaporkan_teks, t.tema, t.utama, t.sumber, t.catatan, t.impor_id,
                       t.realisasi_tw1, t.realisasi_tw2, t.realisasi_tw3, t.realisasi_tw4
                FROM indikator t JOIN instansi i ON i.id = t.instansi_id
                WHERE TRUE {where}
                ORDER BY i.nama, t.tahun, t.id""",
            params,
        )

    def anggaran(self, instansi: list[str] | None = None, tahun: list[int] | None = None, ids: list[int] | None = None) -> pd.DataFrame:
        where, params = self._saring(instansi, tahun, ids=ids)
        return self.baca(
            f"""SELECT t.id, i.nama AS instansi, t.tahun, t.urutan, t.level, t.kode, t.uraian, t.induk_id,
                       t.sasaran, t.pagu_awal, t.pagu_awal_teks, t.pagu, t.pagu_teks, t.realisasi,
                       t.realisasi_teks, t.serapan, t.serapan_dilaporkan, t.serapan_dilaporkan_teks,
                       t.rencana_tw1, t.rencana_tw2, t.rencana_tw3, t.rencana_tw4,
                       t.realisasi_tw1, t.realisasi_tw2, t.realisasi_tw3, t.realisasi_tw4,
                       t.utama, t.sumber, t.catatan, t.impor_id
                FROM anggaran t JOIN instansi i ON i.id = t.instansi_id
                WHERE TRUE {where}
                ORDER BY i.nama, t.tahun, t.sumber, t.urutan""",
            params,
        )

    def tabel(self, nama: str, instansi: list[str] | None = None, tahun: list[int] | None = None,
              ids: list[int] | None = None) -> pd.DataFrame:
        """skor, renstra or nilai_dilaporkan rows with the agency name."""
        if nama not in ("skor", "renstra", "nilai_dilaporkan"):
            raise ValueError(nama)
        where, params = self._saring(instansi, tahun, ids=ids)
        df = self.baca(
            f"SELECT i.nama AS instansi, t.* FROM {nama} t JOIN instansi i ON i.id = t.instansi_id "
            f"WHERE TRUE {where} ORDER BY i.nama, t.tahun, t.id",
            params,
        )
        return df.drop(columns="instansi_id")

    def riwayat_impor(self, batas: int = 50) -> pd.DataFrame:
        return self.baca("SELECT * FROM impor ORDER BY id DESC LIMIT ?", [batas])


# Same DDL on both backends (cadangan compares a restored schema with a fresh one).
DDL_SCHEMA_MIGRASI = ("CREATE TABLE IF NOT EXISTS schema_migrasi (versi INTEGER PRIMARY KEY, nama VARCHAR, "
                      "diterapkan TIMESTAMP DEFAULT current_timestamp)")
SQL_NAIKKAN_VERSI = "UPDATE meta SET nilai = CAST(CAST(nilai AS BIGINT) + 1 AS VARCHAR) WHERE kunci = 'versi_data'"

__all__ = ["DB_BAWAAN", "MIGRASI", "ROOT", "TABEL_DATA", "Store", "StoreError", "adalah_url", "lokasi_db", "samarkan"]
