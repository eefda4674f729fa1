"""Backup and restore on PostgreSQL, in the same format as the DuckDB ones (one Parquet file per table).

A backup from either backend restores onto either: the way to move an office's DuckDB file onto a
server is ``backup`` from the file, then ``restore --db postgresql://...``.

``potret`` reads every table in one REPEATABLE READ transaction (a consistent snapshot while others
write). ``pulihkan`` replaces the database's tables in ONE transaction under the writers' advisory lock:
a restore that fails or is killed leaves the database as it was, and no write slips in between. The
data version is moved past every value it had, so every app replica drops its cached figures.
"""
from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import DDL_SCHEMA_MIGRASI, StoreError, ringkasan, samarkan
from .. import store as _paket  # MIGRASI read at call time (tests extend it)
from .dialek import ke_postgres
from .postgres import _ARROW, KUNCI_TULIS, KursorPG, psycopg

_RE_NEXTVAL = re.compile(r"^nextval\('([a-z_][a-z0-9_]*)'(::regclass)?\)$")


def _q(nama: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", nama):
        raise StoreError(f"nama tabel tidak sah: {nama!r}")
    return f'"{nama}"'


def daftar_tabel(con, urut) -> list[str]:
    """The schema's tables, each after the tables its foreign keys reference."""
    tabel = urut([r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE'").fetchall()])
    acuan: dict[str, set[str]] = {t: set() for t in tabel}
    for t, ke in con.execute(
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c "
        "JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = current_schema()"
    ).fetchall():
        t, ke = t.strip('"'), ke.strip('"')
        if t in acuan and ke in acuan and ke != t:
            acuan[t].add(ke)
    hasil: list[str] = []
    while len(hasil) < len(tabel):
        siap = [t for t in tabel if t not in hasil and acuan[t] <= set(hasil)]
        hasil.append(siap[0] if siap else next(t for t in tabel if t not in hasil))
    return hasil


def sekuens(con) -> dict[str, int]:
    return {n: int(v or 0) for n, v in con.execute(
        "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()").fetchall()}


def pemakai_sekuens(con) -> dict[str, list[tuple[str, str]]]:
    hasil: dict[str, list[tuple[str, str]]] = {}
    for tabel, kolom, bawaan in con.execute(
        "SELECT table_name, column_name, column_default FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND column_default IS NOT NULL").fetchall():
        m = _RE_NEXTVAL.match(str(bawaan).strip())
        if m:
            hasil.setdefault(m.group(1), []).append((tabel, kolom))
    return hasil


def potret(store, folder: Path, urut) -> tuple[int, dict, dict]:
    """Every table as ``<tabel>.parquet`` in ``folder``: (schema version, {tabel: info}, sequences)."""
    with store._pool.connection() as con:
        with con.transaction():
            con.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            versi = con.execute("SELECT max(versi) FROM schema_migrasi").fetchone()[0]
            tabel: dict[str, dict] = {}
            for nama in daftar_tabel(con, urut):
                cur = con.execute(f"SELECT * FROM {_q(nama)}")
                kolom = [d.name for d in cur.description]
                baris = cur.fetchall()
                larik = []
                for j, d in enumerate(cur.description):
                    tipe = _ARROW.get(d.type_code, pa.string())
                    nilai = [r[j] for r in baris]
                    if d.type_code == 1700:
                        nilai = [None if v is None else float(v) for v in nilai]
                    elif tipe == pa.string():
                        nilai = [None if v is None else str(v) for v in nilai]
                    larik.append(pa.array(nilai, type=tipe))
                berkas = folder / f"{nama}.parquet"
                pq.write_table(pa.Table.from_arrays(larik, names=kolom), berkas)
                tabel[nama] = {"berkas": berkas.name, "baris": len(baris)}
            posisi = sekuens(con)
    return int(versi), tabel, posisi


def kosongkan(url: str, timpa: bool, urut=lambda t: t) -> None:
    """Drop the schema's tables and sequences (refused when it has agencies, unless timpa)."""
    con = _sambung(url)
    try:
        con.execute("SELECT pg_advisory_lock(%s)", [KUNCI_TULIS])
        _tolak_bila_berisi(con, url, timpa)
        with con.transaction():
            _hapus(con, urut)
    finally:
        con.close()


def _sambung(url: str):
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as e:
        raise StoreError(f"Basis data PostgreSQL {samarkan(url)} tidak dapat dihubungi: "
                         f"{(str(e).strip().splitlines() or [''])[-1]}") from None


def _tolak_bila_berisi(con, url: str, timpa: bool) -> None:
    ada = con.execute("SELECT to_regclass('instansi') IS NOT NULL").fetchone()[0]
    if ada and not timpa and con.execute("SELECT count(*) FROM instansi").fetchone()[0]:
        raise StoreError(f"basis data {samarkan(url)} sudah berisi data; pakai --force untuk menimpanya")


def _hapus(con, urut) -> None:
    for nama in daftar_tabel(con, urut)[::-1]:
        con.execute(f"DROP TABLE {_q(nama)} CASCADE")
    for nama in ringkasan.SEMUA:  # not in a backup: rebuilt from the restored rows
        con.execute(f"DROP TABLE IF EXISTS {_q(nama)}")
    for nama in sekuens(con):
        con.execute(f"DROP SEQUENCE {_q(nama)} CASCADE")


def pulihkan(folder: Path, url: str, m: dict, timpa: bool, urut) -> dict[str, int]:
    """Replace the database's tables with the backup's, in one transaction; returns {tabel: baris}."""
    con = _sambung(url)
    try:
        con.execute("SELECT pg_advisory_lock(%s)", [KUNCI_TULIS])
        _tolak_bila_berisi(con, url, timpa)
        versi_lama = 0
        if con.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]:
            versi_lama = int(con.execute("SELECT nilai FROM meta WHERE kunci = 'versi_data'").fetchone()[0] or 0)
        versi = int(m["versi_skema"])
        with con.transaction():
            _hapus(con, urut)
            con.execute(ke_postgres(DDL_SCHEMA_MIGRASI, False))
            for v, _nama, sql in _paket.MIGRASI:
                if v <= versi:
                    con.execute(ke_postgres(sql, False))
            daftar = daftar_tabel(con, urut)
            for nama in reversed(daftar):
                con.execute(f"DELETE FROM {_q(nama)}")
            jumlah: dict[str, int] = {}
            for nama in daftar:
                tabel = pq.read_table(folder / m["tabel"][nama]["berkas"])
                kolom = ", ".join(f'"{k}"' for k in tabel.column_names)
                cur = con.cursor()
                with cur.copy(f"COPY {_q(nama)} ({kolom}) FROM STDIN") as salin:
                    for rec in tabel.to_pylist():
                        salin.write_row(list(rec.values()))
                n = con.execute(f"SELECT count(*) FROM {_q(nama)}").fetchone()[0]
                if n != int(m["tabel"][nama]["baris"]):
                    raise StoreError(f"tabel {nama}: {n} baris dipulihkan, manifest menyebut {m['tabel'][nama]['baris']}")
                jumlah[nama] = n
            posisi = m.get("sekuens") or {}
            for nama, pemakai in pemakai_sekuens(con).items():
                sasaran = int(posisi.get(nama) or 0)
                for tabel, kolom in pemakai:
                    sasaran = max(sasaran, int(con.execute(f'SELECT coalesce(max("{kolom}"), 0) FROM {_q(tabel)}').fetchone()[0]))
                    if kolom == "id" and "cadangan_impor" in daftar:
                        sasaran = max(sasaran, int(con.execute(
                            "SELECT coalesce(max((baris::jsonb ->> 'id')::BIGINT), 0) FROM cadangan_impor WHERE tabel = %s",
                            [tabel]).fetchone()[0]))
                if sasaran > 0:
                    con.execute("SELECT setval(%s, %s)", [nama, sasaran])
            if ringkasan.TABEL_SIDIK in {r[0] for r in con.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").fetchall()}:
                kur = KursorPG(con)
                ringkasan.bangun_semua(kur)  # in this transaction: no replica sees the rows without their summaries
                kur.close()
            # past every version the replicas may have cached
            baru = max(versi_lama, int(con.execute("SELECT nilai FROM meta WHERE kunci = 'versi_data'").fetchone()[0] or 0)) + 1
            con.execute("UPDATE meta SET nilai = %s WHERE kunci = 'versi_data'", [str(baru)])
        return jumlah
    except psycopg.Error as e:
        raise StoreError(f"cadangan di {folder} tidak dapat dipulihkan ke {samarkan(url)}: "
                         f"{(str(e).strip().splitlines() or [''])[0]}") from None
    finally:
        con.close()
