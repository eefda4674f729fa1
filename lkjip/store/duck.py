"""The embedded backend: one DuckDB file.

DuckDB lets one process at a time open a file for writing, so two modes:

- by default (CLI, scripts, tests) the store holds the file from open to close;
- ``singgah=True`` (the app) borrows it: the file is opened when an operation needs it and closed again
  once no operation has used it for ``LKJIP_DUCKDB_LEPAS`` seconds (default 1). The data version is
  read from the file only when the file changed on disk (size and modification time of the file and
  its write-ahead log), so a rerun whose figures are cached does not open the file at all. While
  another process (``python -m lkjip import``) holds the file, the app waits up to
  ``LKJIP_DUCKDB_TUNGGU`` seconds (default 2), then keeps serving what it has cached: ``versi_data``
  returns the last version it saw and ``sibuk`` is True, so a page can say so.

Opening the file waits too (``LKJIP_DB_TUNGGU`` seconds, default 3) before refusing, so a CLI command
started while the app is between two operations gets the file. What stays impossible on DuckDB: two
processes writing at once, and reading in one process while another writes (a long CLI import makes
uncached views wait or fail with a clear message until it finishes). That is what PostgreSQL is for.

Reads use a fresh cursor per call (a DuckDB connection is not thread-safe); writes go through
``transaksi()``, serialised by a process-local lock, all-or-nothing.
"""
from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb
import pandas as pd

from .. import store as _paket  # MIGRASI read at call time (tests extend it)
from . import DDL_SCHEMA_MIGRASI, SQL_NAIKKAN_VERSI, Store, StoreError, lokasi_db

PESAN_DIPAKAI = ("Basis data {path} sedang dipakai proses lain (misalnya aplikasi Streamlit). "
                 "Hentikan aplikasi itu dulu, atau pakai --db untuk basis data lain.")


# A file's generation in this process: bumped when a connection to it opens and around every use that may
# write, through any store of this process (DuckDB shares one database per file in a process). While this
# process holds the file open no other process can write it, so a data version read at one generation stays
# true until the generation moves; the app then reads the version once instead of once per figure.
_GENERASI: dict[Path, int] = {}
_KUNCI_GENERASI = threading.Lock()


def _naikkan_generasi(path: Path) -> None:
    with _KUNCI_GENERASI:
        _GENERASI[path] = _GENERASI.get(path, 0) + 1


def _tunggu(nama: str, bawaan: float) -> float:
    try:
        return max(0.0, float(os.environ.get(nama, bawaan)))
    except ValueError:
        return bawaan


def _buka(path, read_only: bool, tunggu: float) -> duckdb.DuckDBPyConnection:
    """Connect, retrying while another process holds the file (up to ``tunggu`` seconds)."""
    batas = time.monotonic() + tunggu
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as e:
            pesan = str(e)
            if "lock" in pesan.lower():
                if time.monotonic() < batas:
                    time.sleep(0.1)
                    continue
                raise StoreError(PESAN_DIPAKAI.format(path=path)) from None
            raise StoreError(f"Basis data {path} tidak dapat dibuka: {pesan.splitlines()[0]}") from None
        except duckdb.Error as e:
            raise StoreError(f"Berkas {path} bukan basis data DuckDB yang dapat dibuka: {str(e).splitlines()[0]}") from None


class StoreDuckDB(Store):
    """The project's DuckDB database file."""

    backend = "duckdb"

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False, singgah: bool = False):
        self.path = lokasi_db(path)
        self.read_only = read_only
        self.singgah = singgah
        self.sibuk = False
        self._kunci = threading.RLock()
        self._kunci_con = threading.Lock()
        self._pakai = 0
        self._dipakai_terakhir = 0.0
        self._jejak: tuple | None = None
        self._versi: int | None = None
        self._versi_generasi = -1
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = _buka(self.path, read_only, _tunggu("LKJIP_DB_TUNGGU", 3.0))
        if not read_only:
            self.migrasi()
        if singgah:
            self._con.close()
            self._con = None
            self._lepas = _tunggu("LKJIP_DUCKDB_LEPAS", 1.0)
            threading.Thread(target=self._pelepas, daemon=True, name="lkjip-duckdb-lepas").start()

    def close(self) -> None:
        with self._kunci_con:
            self.singgah = False
            if self._con is not None:
                self._con.close()
                self._con = None

    # --- the connection, held or borrowed -----------------------------------------------------------
    @contextmanager
    def _sambungan(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if not self.singgah:
            yield self._con
            return
        with self._kunci_con:
            if self._con is None:
                self._con = _buka(self.path, self.read_only, _tunggu("LKJIP_DUCKDB_TUNGGU", 2.0))
                _naikkan_generasi(self.path)
            self._pakai += 1
        try:
            yield self._con
        finally:
            with self._kunci_con:
                self._pakai -= 1
                self._dipakai_terakhir = time.monotonic()

    def _pelepas(self) -> None:
        """Close the borrowed file once nothing has used it for a moment (so the CLI can open it)."""
        while self.singgah:
            time.sleep(max(0.05, self._lepas / 4))
            with self._kunci_con:
                if (self._con is not None and self._pakai == 0
                        and time.monotonic() - self._dipakai_terakhir >= self._lepas):
                    self._con.close()
                    self._con = None

    @contextmanager
    def _menulis(self) -> Iterator[None]:
        """Around a use that may write: the data version read before or during it is read again after it."""
        _naikkan_generasi(self.path)
        try:
            yield
        finally:
            _naikkan_generasi(self.path)

    def _jejak_berkas(self) -> tuple:
        hasil = []
        for p in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = os.stat(p)
                hasil.append((st.st_mtime_ns, st.st_size))
            except OSError:
                hasil.append(None)
        return tuple(hasil)

    @property
    def versi_data(self) -> int:
        if not self.singgah:
            return int(self.satu("SELECT nilai FROM meta WHERE kunci = 'versi_data'"))
        jejak = self._jejak_berkas()
        if self._versi is not None and ((self._con is None and jejak == self._jejak)
                                        or (self._con is not None and self._versi_generasi == _GENERASI.get(self.path, 0))):
            self.sibuk = False
            return self._versi
        generasi = _GENERASI.get(self.path, 0)
        try:
            versi = int(self.satu("SELECT nilai FROM meta WHERE kunci = 'versi_data'"))
        except StoreError:
            if self._versi is None:
                raise
            self.sibuk = True  # another process holds the file: serve what is cached
            return self._versi
        self.sibuk = False
        self._versi, self._jejak, self._versi_generasi = versi, jejak, generasi
        return versi

    def baca(self, sql: str, params: list | tuple | None = None) -> pd.DataFrame:
        with self._sambungan() as con:
            cur = con.cursor()
            try:
                return cur.execute(sql, params or []).df()
            finally:
                cur.close()

    def satu(self, sql: str, params: list | tuple | None = None):
        with self._sambungan() as con:
            cur = con.cursor()
            try:
                baris = cur.execute(sql, params or []).fetchone()
                return baris[0] if baris else None
            finally:
                cur.close()

    @contextmanager
    def kunci_tulis(self) -> Iterator[None]:
        with self._kunci:
            yield

    @contextmanager
    def kursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._menulis(), self._sambungan() as con:
            cur = con.cursor()
            try:
                yield cur
            finally:
                cur.close()

    @contextmanager
    def transaksi(self, naikkan_versi: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._kunci, self._menulis(), self._sambungan() as con:
            cur = con.cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                with self._ringkasan_tulisan(cur):
                    yield cur
                if naikkan_versi:
                    cur.execute(SQL_NAIKKAN_VERSI)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                cur.close()

    def migrasi(self) -> None:
        with self._kunci, self._menulis(), self._sambungan() as con:
            cur = con.cursor()
            cur.execute(DDL_SCHEMA_MIGRASI)
            sudah = {r[0] for r in cur.execute("SELECT versi FROM schema_migrasi").fetchall()}
            for versi, nama, sql in _paket.MIGRASI:
                if versi in sudah:
                    continue
                cur.execute("BEGIN TRANSACTION")
                try:
                    cur.execute(sql)
                    cur.execute("INSERT INTO schema_migrasi (versi, nama) VALUES (?, ?)", [versi, nama])
                    cur.execute("COMMIT")
                except BaseException:
                    cur.execute("ROLLBACK")
                    raise
            cur.close()
            self._pastikan_ringkasan()

    def checkpoint(self) -> None:
        with self._kunci, self._sambungan() as con:
            con.execute("CHECKPOINT")
