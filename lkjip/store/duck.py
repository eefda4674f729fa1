"""The embedded backend: one DuckDB file.

One ``StoreDuckDB`` per process owns the database file. Reads use a fresh cursor per call (a DuckDB
connection is not thread-safe); writes go through ``transaksi()``, serialised by a process-local lock
(DuckDB allows one writing process per file), all-or-nothing.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from typing import Iterator

import duckdb
import pandas as pd

from . import DDL_SCHEMA_MIGRASI, MIGRASI, SQL_NAIKKAN_VERSI, Store, StoreError, lokasi_db

PESAN_DIPAKAI = ("Basis data {path} sedang dipakai proses lain (misalnya aplikasi Streamlit). "
                 "Hentikan aplikasi itu dulu, atau pakai --db untuk basis data lain.")


class StoreDuckDB(Store):
    """The project's DuckDB database file."""

    backend = "duckdb"

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.path = lokasi_db(path)
        self.read_only = read_only
        self._kunci = threading.RLock()
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as e:
            pesan = str(e)
            if "lock" in pesan.lower():
                raise StoreError(PESAN_DIPAKAI.format(path=self.path)) from None
            raise StoreError(f"Basis data {self.path} tidak dapat dibuka: {pesan.splitlines()[0]}") from None
        except duckdb.Error as e:
            raise StoreError(f"Berkas {self.path} bukan basis data DuckDB yang dapat dibuka: {str(e).splitlines()[0]}") from None
        if not read_only:
            self.migrasi()

    def close(self) -> None:
        self._con.close()

    def baca(self, sql: str, params: list | tuple | None = None) -> pd.DataFrame:
        cur = self._con.cursor()
        try:
            return cur.execute(sql, params or []).df()
        finally:
            cur.close()

    def satu(self, sql: str, params: list | tuple | None = None):
        cur = self._con.cursor()
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
        cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    @contextmanager
    def transaksi(self, naikkan_versi: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._kunci:
            cur = self._con.cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
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
        with self._kunci:
            cur = self._con.cursor()
            cur.execute(DDL_SCHEMA_MIGRASI)
            sudah = {r[0] for r in cur.execute("SELECT versi FROM schema_migrasi").fetchall()}
            for versi, nama, sql in MIGRASI:
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

    def checkpoint(self) -> None:
        with self._kunci:
            self._con.execute("CHECKPOINT")
