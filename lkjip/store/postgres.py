"""The server backend: PostgreSQL through psycopg 3 and a connection pool.

Many processes (app replicas, the CLI) share one database. Reads take a pooled connection in autocommit
mode. Writes are serialised across every process by one PostgreSQL advisory lock, held by the
connection that ``kunci_tulis()`` binds to the calling thread; ``transaksi()`` runs on that connection
inside a database transaction, so a write is all-or-nothing even when the process dies halfway (the
server rolls back and releases the lock when the connection drops). While a thread holds the lock its
reads run on the same connection, so a check sees the writes of its own transaction.

SQL arrives in DuckDB's dialect and is translated by ``dialek.ke_postgres``. Results come back as DuckDB
would give them: rows as tuples, DML returning its row count, and DataFrames with the same dtypes
(converted through Arrow and DuckDB's own DataFrame conversion).
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

import duckdb
import pandas as pd
import pyarrow as pa

from . import DDL_SCHEMA_MIGRASI, SQL_NAIKKAN_VERSI, Store, StoreError, lokasi_db, samarkan
from .. import store as _paket  # MIGRASI read at call time (tests extend it)
from .dialek import GalatDialek, ke_postgres

try:
    import psycopg
    from psycopg_pool import ConnectionPool, PoolTimeout
except ImportError:  # pragma: no cover - the requirement is pinned
    psycopg = None

# The advisory lock every writer takes (any fixed 64-bit number, the same in every process).
KUNCI_TULIS = 7_312_015_001

_ARROW = {16: pa.bool_(), 20: pa.int64(), 21: pa.int16(), 23: pa.int32(), 26: pa.int64(), 700: pa.float32(),
          701: pa.float64(), 1700: pa.float64(), 1114: pa.timestamp("us"), 1184: pa.timestamp("us", tz="UTC"),
          1082: pa.date32()}
_TEKS = {25, 1042, 1043}  # text, char, varchar: psycopg gives str (or None)
_duck = duckdb.connect(":memory:")
_duck_kunci = threading.Lock()


def _ke_df(kolom: list[str], oid: list[int], baris: list[tuple]) -> pd.DataFrame:
    """A DataFrame with the dtypes DuckDB's ``.df()`` gives for the same result."""
    larik = []
    per_kolom = list(zip(*baris)) if baris else [()] * len(kolom)  # one pass over the rows, in C
    for nilai, o in zip(per_kolom, oid):
        tipe = _ARROW.get(o)
        if o == 1700:
            nilai = [None if v is None else float(v) for v in nilai]
        if tipe is None:
            tipe = pa.string()
            if o not in _TEKS:  # text arrives as str; any other type is written as text
                nilai = [None if v is None else v if isinstance(v, str) else str(v) for v in nilai]
        larik.append(pa.array(nilai, type=tipe))
    tabel = pa.Table.from_arrays(larik, names=[f"k{j}" for j in range(len(kolom))])
    with _duck_kunci:
        cur = _duck.cursor()
    try:
        df = cur.from_arrow(tabel).df()
    finally:
        cur.close()
    df.columns = kolom
    return df


def _ke_python(v):
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        return v.item()
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    return v


def _tipe_pandas(seri: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(seri):
        return "BOOLEAN"
    if pd.api.types.is_integer_dtype(seri):
        return "BIGINT"
    if pd.api.types.is_float_dtype(seri):
        return "DOUBLE PRECISION"
    if pd.api.types.is_datetime64_any_dtype(seri):
        return "TIMESTAMP"
    contoh = seri.dropna()
    if len(contoh):
        v = contoh.iloc[0]
        if isinstance(v, bool):
            return "BOOLEAN"
        if isinstance(v, int):
            return "BIGINT"
        if isinstance(v, (float, Decimal)):
            return "DOUBLE PRECISION"
    return "TEXT"


class KursorPG:
    """A cursor with the methods code written for DuckDB uses: execute, executemany, fetchone, fetchall,
    df, register, unregister, close."""

    def __init__(self, con):
        self._con = con
        self._cur = con.cursor()
        self._hasil: list | None = None
        self._terdaftar: dict[str, pd.DataFrame] = {}
        self._dibuat: set[str] = set()

    # --- statements ---------------------------------------------------------------------------------
    def execute(self, sql: str, params: list | tuple | None = None) -> "KursorPG":
        self._siapkan_terdaftar(sql)
        berparam = bool(params)
        q = ke_postgres(sql, berparam)
        self._cur.execute(q, [_ke_python(p) if not isinstance(p, (list, tuple)) else [_ke_python(x) for x in p]
                              for p in params] if berparam else None)
        self._hasil = None if self._cur.description is not None else [(max(self._cur.rowcount, 0),)]
        return self

    def executemany(self, sql: str, params: list) -> "KursorPG":
        self._siapkan_terdaftar(sql)
        self._cur.executemany(ke_postgres(sql, True), [[_ke_python(x) for x in p] for p in params])
        self._hasil = [(max(self._cur.rowcount, 0),)]
        return self

    def fetchone(self):
        if self._hasil is not None:
            return self._hasil.pop(0) if self._hasil else None
        return self._cur.fetchone()

    def fetchall(self) -> list[tuple]:
        if self._hasil is not None:
            hasil, self._hasil = self._hasil, []
            return hasil
        return self._cur.fetchall()

    def df(self) -> pd.DataFrame:
        if self._cur.description is None:
            return pd.DataFrame({"Count": [r[0] for r in self.fetchall()]})
        kolom = [d.name for d in self._cur.description]
        oid = [d.type_code for d in self._cur.description]
        return _ke_df(kolom, oid, self._cur.fetchall())

    @property
    def description(self):
        return self._cur.description

    # --- DataFrames as tables -----------------------------------------------------------------------
    def register(self, nama: str, df: pd.DataFrame) -> "KursorPG":
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", nama):
            raise GalatDialek(f"nama tabel sementara tidak sah: {nama!r}")
        self.unregister(nama)
        self._terdaftar[nama] = df
        return self

    def unregister(self, nama: str) -> "KursorPG":
        self._terdaftar.pop(nama, None)
        if nama in self._dibuat:
            self._dibuat.discard(nama)
            self._cur.execute(f'DROP TABLE IF EXISTS pg_temp."{nama}"')
        return self

    def _siapkan_terdaftar(self, sql: str) -> None:
        for nama, df in list(self._terdaftar.items()):
            if nama in self._dibuat or not re.search(rf"\b{nama}\b", sql):
                continue
            tujuan = re.match(r"\s*INSERT\s+(?:OR\s+IGNORE\s+)?INTO\s+(\w+)", sql, re.I)
            tipe_tujuan = {}
            if tujuan:
                tipe_tujuan = dict(self._cur.execute(
                    "SELECT column_name, format_type(a.atttypid, a.atttypmod) FROM information_schema.columns c "
                    "JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass "
                    "AND a.attname = c.column_name WHERE c.table_name = %s AND c.table_schema = current_schema()",
                    [tujuan.group(1)]).fetchall())
            kolom = [str(k) for k in df.columns]
            definisi = ", ".join(f'"{k}" {tipe_tujuan.get(k) or _tipe_pandas(df[k])}' for k in kolom)
            self._cur.execute(f'DROP TABLE IF EXISTS pg_temp."{nama}"')
            self._cur.execute(f'CREATE TEMP TABLE "{nama}" ({definisi})')
            self._dibuat.add(nama)
            daftar = ", ".join(f'"{k}"' for k in kolom)
            bulat = [str(tipe_tujuan.get(k, "")).lower() in ("bigint", "integer", "smallint") for k in kolom]
            with self._cur.copy(f'COPY "{nama}" ({daftar}) FROM STDIN') as salin:
                for baris in df.itertuples(index=False, name=None):
                    nilai = [_ke_python(v) for v in baris]
                    salin.write_row([int(v) if b and isinstance(v, float) and v.is_integer() else v
                                     for v, b in zip(nilai, bulat)])

    def close(self) -> None:
        for nama in list(self._dibuat):
            try:
                self.unregister(nama)
            except psycopg.Error:
                break
        self._cur.close()


@dataclass
class _Ikatan:
    """The connection a thread holds while it has the write lock."""
    con: object
    dalam_transaksi: bool = False
    naikkan: bool = False


class StorePostgres(Store):
    """The project's database on a PostgreSQL server, shared by any number of processes."""

    backend = "postgresql"

    def __init__(self, url: str | None = None, read_only: bool = False, singgah: bool = False, ukuran_pool: int = 8):
        if psycopg is None:
            raise StoreError("Paket psycopg dan psycopg-pool belum terpasang: pip install -r requirements.txt")
        self.path = lokasi_db(url)
        self.read_only = read_only
        self._lokal = threading.local()
        self._kunci_proses = threading.RLock()
        self.baru = False
        try:
            psycopg.connect(self.path, connect_timeout=10).close()
        except psycopg.Error as e:
            pesan = (str(e).strip().splitlines() or [type(e).__name__])[-1]
            raise StoreError(f"Basis data PostgreSQL {samarkan(self.path)} tidak dapat dihubungi: periksa bahwa server "
                             f"berjalan dan host, port, nama basis data, pengguna dan sandi di LKJIP_DB/--db benar "
                             f"(pesan server: {pesan})") from None
        self._pool = ConnectionPool(self.path, min_size=1, max_size=ukuran_pool, kwargs={"autocommit": True},
                                    open=True, timeout=30, name="lkjip")
        try:
            self._pool.wait(timeout=30)
        except PoolTimeout:
            self._pool.close()
            raise StoreError(f"Basis data PostgreSQL {samarkan(self.path)} tidak menjawab") from None
        if not read_only:
            self.migrasi()

    def close(self) -> None:
        self._pool.close()

    def _ikatan(self) -> _Ikatan | None:
        return getattr(self._lokal, "ikatan", None)

    @contextmanager
    def _koneksi(self):
        ik = self._ikatan()
        if ik is not None:
            yield ik.con
        else:
            with self._pool.connection() as con:
                yield con

    def baca(self, sql: str, params: list | tuple | None = None) -> pd.DataFrame:
        with self._koneksi() as con:
            cur = KursorPG(con)
            try:
                return cur.execute(sql, params).df()
            finally:
                cur.close()

    def satu(self, sql: str, params: list | tuple | None = None):
        with self._koneksi() as con:
            cur = KursorPG(con)
            try:
                baris = cur.execute(sql, params).fetchone()
                return baris[0] if baris else None
            finally:
                cur.close()

    @contextmanager
    def kursor(self) -> Iterator[KursorPG]:
        with self._koneksi() as con:
            cur = KursorPG(con)
            try:
                yield cur
            finally:
                cur.close()

    @contextmanager
    def kunci_tulis(self) -> Iterator[None]:
        if self._ikatan() is not None:
            yield
            return
        # threads of this process queue here, each not holding a pooled connection while it waits
        with self._kunci_proses, self._pool.connection() as con:
            con.execute("SELECT pg_advisory_lock(%s)", [KUNCI_TULIS])
            self._lokal.ikatan = _Ikatan(con)
            try:
                yield
            finally:
                self._lokal.ikatan = None
                if not con.closed and con.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
                    con.execute("SELECT pg_advisory_unlock(%s)", [KUNCI_TULIS])
                elif not con.closed:
                    con.close()  # a broken session: closing it releases the lock

    @contextmanager
    def transaksi(self, naikkan_versi: bool = True) -> Iterator[KursorPG]:
        if self.read_only:
            raise StoreError(f"Basis data {samarkan(self.path)} dibuka hanya-baca")
        with self.kunci_tulis():
            ik = self._ikatan()
            if ik.dalam_transaksi:  # a write inside a write: part of the outer transaction
                ik.naikkan = ik.naikkan or naikkan_versi
                cur = KursorPG(ik.con)
                try:
                    yield cur
                finally:
                    cur.close()
                return
            ik.dalam_transaksi, ik.naikkan = True, naikkan_versi
            try:
                with ik.con.transaction():
                    cur = KursorPG(ik.con)
                    try:
                        with self._ringkasan_tulisan(cur):
                            yield cur
                        if ik.naikkan:
                            cur.execute(SQL_NAIKKAN_VERSI)
                    finally:
                        cur.close()  # drops its temporary tables (rolled back with the rest on failure)
            finally:
                ik.dalam_transaksi = False

    def migrasi(self) -> None:
        with self.kunci_tulis():
            ik = self._ikatan()
            con = ik.con
            ada = con.execute("SELECT to_regclass('schema_migrasi') IS NOT NULL").fetchone()[0]
            con.execute(ke_postgres(DDL_SCHEMA_MIGRASI, False))
            sudah = {r[0] for r in con.execute("SELECT versi FROM schema_migrasi").fetchall()}
            self.baru = not ada
            for versi, nama, sql in _paket.MIGRASI:
                if versi in sudah:
                    continue
                with con.transaction():
                    con.execute(ke_postgres(sql, False))
                    con.execute("INSERT INTO schema_migrasi (versi, nama) VALUES (%s, %s)", [versi, nama])
            self._pastikan_ringkasan()
