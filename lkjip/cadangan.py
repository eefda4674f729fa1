"""Backup and restore of the whole database: one Parquet file per table plus a manifest.

``cadangkan(store, folder)`` writes every table of the database (a consistent snapshot: one read
transaction) as ``<tabel>.parquet`` and ``manifest.json`` (row count and sha256 of each file, schema
version, creation time, sequence positions). The folder is built aside and renamed into place, so a
folder with a manifest is always a complete backup.

``pulihkan(folder, tujuan)`` checks the manifest first (every file present, checksums and row counts
match, columns as the schema of that version expects), then builds the database in a temporary file
next to the target and renames it into place (as ``bawaan.buat_db`` does): a restore that fails or
is killed leaves the existing database untouched. Ids are kept as they were and every sequence is
moved past the largest id it ever handed out, so later imports cannot collide with restored rows
(nor with rows kept in ``cadangan_impor`` for undoing an import). A backup made with an older schema
is restored at its own version and then migrated forward by ``Store``.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from .cadangan_isi import IsiTidakSah, periksa_isi
from .store import MIGRASI, Store, StoreError, adalah_url, ringkasan

NAMA_MANIFEST = "manifest.json"
FORMAT = "lkjip-cadangan"
VERSI_FORMAT = 1
# Load order: a table comes after the tables it references (instansi before the data tables).
URUTAN_TABEL = ("schema_migrasi", "meta", "impor", "instansi", "indikator", "renstra", "anggaran", "skor",
                "nilai_dilaporkan", "masalah_impor", "cadangan_impor")
# Same DDL as Store.migrasi (a test compares a restored schema with a fresh one).
_DDL_SCHEMA_MIGRASI = ("CREATE TABLE IF NOT EXISTS schema_migrasi (versi INTEGER PRIMARY KEY, nama VARCHAR, "
                       "diterapkan TIMESTAMP DEFAULT current_timestamp)")
_RE_NAMA = re.compile(r"^[a-z_][a-z0-9_]*$")
_RE_NEXTVAL = re.compile(r"^nextval\('([a-z_][a-z0-9_]*)'\)$")


class GalatCadangan(Exception):
    """The backup or restore cannot be done; the message says why (Bahasa Indonesia)."""


def _q(nama: str) -> str:
    """A table name from the catalog or the manifest, checked and quoted as an identifier."""
    if not _RE_NAMA.match(nama):
        raise GalatCadangan(f"nama tabel tidak sah: {nama!r}")
    return f'"{nama}"'


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _urut(tabel: list[str]) -> list[str]:
    """The tables a backup holds, in load order: every table but the summary tables (``store.ringkasan``), which
    are derived from the others and rebuilt when the restored database is first opened."""
    tabel = [t for t in tabel if t not in ringkasan.SEMUA]
    return [t for t in URUTAN_TABEL if t in tabel] + sorted(t for t in tabel if t not in URUTAN_TABEL)


def _daftar_tabel(cur) -> list[str]:
    """Tables of the database, each after the tables its foreign keys reference (load order)."""
    rows = cur.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall()
    tabel = _urut([r[0] for r in rows])
    acuan: dict[str, set[str]] = {t: set() for t in tabel}
    for t, ke in cur.execute(
        "SELECT table_name, referenced_table FROM duckdb_constraints() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND constraint_type = 'FOREIGN KEY'"
    ).fetchall():
        if t in acuan and ke in acuan and ke != t:
            acuan[t].add(ke)
    hasil: list[str] = []
    while len(hasil) < len(tabel):
        siap = [t for t in tabel if t not in hasil and acuan[t] <= set(hasil)]
        hasil.append(siap[0] if siap else next(t for t in tabel if t not in hasil))  # a cycle: keep the preferred order
    return hasil


def _pemakai_sekuens(cur) -> dict[str, list[tuple[str, str]]]:
    """sequence -> [(table, column)] whose default is nextval of that sequence."""
    hasil: dict[str, list[tuple[str, str]]] = {}
    rows = cur.execute(
        "SELECT table_name, column_name, column_default FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = 'main' AND column_default IS NOT NULL"
    ).fetchall()
    for tabel, kolom, bawaan in rows:
        m = _RE_NEXTVAL.match(str(bawaan).strip())
        if m:
            hasil.setdefault(m.group(1), []).append((tabel, kolom))
    return hasil


def _sekuens(cur) -> dict[str, int]:
    rows = cur.execute(
        "SELECT sequence_name, last_value FROM duckdb_sequences() WHERE database_name = current_database()"
    ).fetchall()
    return {nama: int(v or 0) for nama, v in rows}


def versi_terkini() -> int:
    return max(v for v, _, _ in MIGRASI)


# --- backup ---------------------------------------------------------------------------------------

def _potret_duckdb(store: Store, sementara: Path, folder: Path) -> tuple[int, dict, dict]:
    """Every table as Parquet from one read transaction: (schema version, {tabel: info}, sequences)."""
    try:
        with store.kursor() as cur:
            cur.execute("BEGIN TRANSACTION")  # one snapshot for every table, even while others write
            try:
                versi = cur.execute("SELECT max(versi) FROM schema_migrasi").fetchall()[0][0]
                tabel: dict[str, dict] = {}
                for nama in _daftar_tabel(cur):
                    berkas = sementara / f"{nama}.parquet"
                    cur.execute(f"COPY (SELECT * FROM {_q(nama)}) TO ? (FORMAT parquet)", [str(berkas)])
                    n = cur.execute(f"SELECT count(*) FROM {_q(nama)}").fetchall()[0][0]
                    tabel[nama] = {"berkas": berkas.name, "baris": int(n)}
                sekuens = _sekuens(cur)
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")
    except duckdb.Error as e:
        raise GalatCadangan(f"cadangan tidak dapat ditulis ke {folder}: {str(e).splitlines()[0]}") from None
    return versi, tabel, sekuens


def cadangkan(store: Store, folder: str | os.PathLike) -> dict:
    """Write every table of ``store`` to ``folder`` (new or empty) as Parquet plus manifest.json."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise GalatCadangan(f"{folder} sudah ada dan tidak kosong; pilih folder baru untuk cadangan")
    if not folder.parent.is_dir():
        raise GalatCadangan(f"folder {folder.parent} tidak ada")
    sementara = folder.parent / f".{folder.name}.sementara-{os.getpid()}"
    shutil.rmtree(sementara, ignore_errors=True)
    sementara.mkdir()
    try:
        if store.backend == "postgresql":
            from .store import cadangan_pg

            versi, tabel, sekuens = cadangan_pg.potret(store, sementara, _urut)
        else:
            versi, tabel, sekuens = _potret_duckdb(store, sementara, folder)
        for info in tabel.values():
            berkas = sementara / info["berkas"]
            _fsync(berkas)
            info["sha256"] = _sha256(berkas)
        manifest = {
            "format": FORMAT,
            "versi_format": VERSI_FORMAT,
            "versi_skema": int(versi),
            "dibuat": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "basis_data": str(store.path),
            "versi_duckdb": duckdb.__version__,
            "backend": store.backend,
            "tabel": tabel,
            "sekuens": sekuens,
        }
        with open(sementara / NAMA_MANIFEST, "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=2)
            f.flush()
            os.fsync(f.fileno())
        if folder.exists():
            folder.rmdir()  # empty, checked above
        os.rename(sementara, folder)
        _fsync(folder.parent)
        return manifest
    except OSError as e:
        raise GalatCadangan(f"cadangan tidak dapat ditulis ke {folder}: {e.strerror or e}") from None
    finally:
        shutil.rmtree(sementara, ignore_errors=True)


# --- checking a backup ----------------------------------------------------------------------------

def _skema(con, versi: int, dengan_riwayat: bool = False) -> None:
    """Create the schema as migrations 1..versi leave it (schema_migrasi rows only if dengan_riwayat)."""
    con.execute(_DDL_SCHEMA_MIGRASI)
    for v, nama, sql in MIGRASI:
        if v > versi:
            break
        con.execute(sql)
        if dengan_riwayat:
            con.execute("INSERT INTO schema_migrasi (versi, nama) VALUES (?, ?)", [v, nama])


def periksa(folder: str | os.PathLike) -> dict:
    """Read and verify a backup folder; returns its manifest or raises GalatCadangan saying what is wrong."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GalatCadangan(f"folder cadangan {folder} tidak ada")
    path_m = folder / NAMA_MANIFEST
    if not path_m.is_file():
        raise GalatCadangan(f"{folder} bukan folder cadangan: {NAMA_MANIFEST} tidak ada")
    try:
        m = json.loads(path_m.read_text(encoding="utf-8"))
        versi = int(m["versi_skema"])
        tabel = dict(m["tabel"])
        for nama, info in tabel.items():
            _q(nama)
            int(info["baris"]), str(info["sha256"]), str(info["berkas"])
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, GalatCadangan) as e:
        raise GalatCadangan(f"{NAMA_MANIFEST} di {folder} rusak atau tidak lengkap ({type(e).__name__})") from None
    if m.get("format") != FORMAT:
        raise GalatCadangan(f"{NAMA_MANIFEST} di {folder} bukan manifest cadangan LKjIP")
    if int(m.get("versi_format", 0)) > VERSI_FORMAT:
        raise GalatCadangan("cadangan ini dibuat oleh versi aplikasi yang lebih baru; perbarui aplikasi dulu")
    if not 1 <= versi <= versi_terkini():
        raise GalatCadangan(
            f"cadangan memakai skema versi {versi}, aplikasi ini mengenal sampai versi {versi_terkini()}; perbarui aplikasi dulu"
        )
    # The tables and columns the schema of that version has.
    con = duckdb.connect(":memory:")
    try:
        _skema(con, versi)
        harap = {t: [r[0] for r in con.execute(f"DESCRIBE {_q(t)}").fetchall()] for t in _daftar_tabel(con)}
        kurang = [t for t in harap if t not in tabel]
        if kurang:
            raise GalatCadangan(f"cadangan tidak lengkap: tabel {', '.join(kurang)} tidak ada di {NAMA_MANIFEST}")
        lebih = [t for t in tabel if t not in harap]
        if lebih:
            raise GalatCadangan(f"cadangan berisi tabel yang tidak dikenal skema versi {versi}: {', '.join(lebih)}")
        for nama in _urut(list(tabel)):
            info = tabel[nama]
            berkas = folder / info["berkas"]
            if berkas.name != info["berkas"] or not berkas.is_file():
                raise GalatCadangan(f"berkas cadangan {berkas} hilang (tabel {nama})")
            if _sha256(berkas) != info["sha256"]:
                raise GalatCadangan(f"berkas cadangan {berkas} rusak: checksum sha256 tidak cocok dengan {NAMA_MANIFEST}")
            try:
                kolom = [r[0] for r in con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(berkas)]).fetchall()]
                n = con.execute("SELECT count(*) FROM read_parquet(?)", [str(berkas)]).fetchall()[0][0]
            except duckdb.Error as e:
                raise GalatCadangan(f"berkas cadangan {berkas} tidak dapat dibaca sebagai Parquet: {str(e).splitlines()[0]}") from None
            if sorted(kolom) != sorted(harap[nama]):
                raise GalatCadangan(f"berkas cadangan {berkas}: kolomnya tidak sesuai tabel {nama} skema versi {versi}")
            if n != int(info["baris"]):
                raise GalatCadangan(f"berkas cadangan {berkas}: {n} baris, manifest menyebut {info['baris']}")
    finally:
        con.close()
    return m


# --- restore --------------------------------------------------------------------------------------

def _versi_data(con) -> int | None:
    """The data version of a database being replaced (None when it has none)."""
    if con is None:
        return None
    try:
        nilai = con.execute("SELECT nilai FROM meta WHERE kunci = 'versi_data'").fetchone()
    except duckdb.Error:
        return None
    return int(nilai[0]) if nilai and str(nilai[0]).isdigit() else None


def _jaga_tidak_dipakai(tujuan: Path):
    """A read-only connection on the existing target, refusing clearly when another process holds it.

    Returns the connection (close it just before the rename), or None when the file is not a readable
    database (it is being replaced anyway).
    """
    try:
        return duckdb.connect(str(tujuan), read_only=True)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise StoreError(
                f"Basis data {tujuan} sedang dipakai proses lain (misalnya aplikasi Streamlit). "
                "Hentikan aplikasi itu dulu, atau pakai --db untuk basis data lain."
            ) from None
        return None
    except duckdb.Error:
        return None


def _majukan_sekuens(cur, posisi_cadangan: dict) -> dict[str, int]:
    """Move every sequence past the largest id in its tables and past its position in the backup."""
    sekarang = _sekuens(cur)
    hasil = {}
    for nama, pemakai in _pemakai_sekuens(cur).items():
        sasaran = int(posisi_cadangan.get(nama) or 0)
        for tabel, kolom in pemakai:
            if not _RE_NAMA.match(kolom):
                raise GalatCadangan(f"nama kolom tidak sah: {kolom!r}")
            maks = cur.execute(f'SELECT max("{kolom}") FROM {_q(tabel)}').fetchall()[0][0]
            sasaran = max(sasaran, int(maks or 0))
        # ids kept in cadangan_impor (rows an import replaced, put back when it is undone)
        if "cadangan_impor" in _daftar_tabel(cur) and any(k == "id" for _, k in pemakai):
            tabel_pemakai = [t for t, k in pemakai if k == "id"]
            maks = cur.execute(
                f"SELECT max(TRY_CAST(json_extract_string(baris, '$.id') AS BIGINT)) FROM cadangan_impor "
                f"WHERE tabel IN ({', '.join('?' * len(tabel_pemakai))})", tabel_pemakai,
            ).fetchall()[0][0]
            sasaran = max(sasaran, int(maks or 0))
        kurang = sasaran - sekarang.get(nama, 0)
        if kurang > 0:
            cur.execute("SELECT max(nextval(?)) FROM range(?)", [nama, kurang]).fetchall()
        hasil[nama] = max(sasaran, sekarang.get(nama, 0))
    return hasil


def _buang_sisa(tujuan: Path) -> None:
    """Temporary files of earlier restores onto the same target whose process is gone (killed)."""
    for p in tujuan.parent.glob(tujuan.name + ".pulih-*"):
        m = re.fullmatch(re.escape(tujuan.name) + r"\.pulih-(\d+)(\.wal)?", p.name)
        if not m:
            continue
        try:
            os.kill(int(m.group(1)), 0)
        except ProcessLookupError:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def pulihkan(folder: str | os.PathLike, tujuan: str | os.PathLike, timpa: bool = False) -> dict:
    """Rebuild the database file ``tujuan`` from a backup folder. Returns {tabel: baris} restored."""
    if adalah_url(str(tujuan)):
        from .store import cadangan_pg

        m = periksa(folder)
        jumlah = cadangan_pg.pulihkan(Path(folder), str(tujuan), m, timpa, _urut)
        Store(str(tujuan)).close()  # migrations newer than the backup
        return jumlah
    folder, tujuan = Path(folder), Path(tujuan)
    if tujuan.exists() and not timpa:
        raise GalatCadangan(f"basis data {tujuan} sudah ada; pakai --force untuk menimpanya")
    if tujuan.is_dir():
        raise GalatCadangan(f"{tujuan} adalah folder, bukan berkas basis data")
    m = periksa(folder)
    if not tujuan.parent.is_dir():
        raise GalatCadangan(f"folder {tujuan.parent} tidak ada")
    _buang_sisa(tujuan)
    penjaga = _jaga_tidak_dipakai(tujuan) if tujuan.exists() else None
    versi_lama = _versi_data(penjaga)
    sementara = tujuan.with_name(tujuan.name + f".pulih-{os.getpid()}")
    wal_sementara = Path(str(sementara) + ".wal")
    try:
        for p in (sementara, wal_sementara):
            p.unlink(missing_ok=True)
        versi = int(m["versi_skema"])
        con = duckdb.connect(str(sementara))
        try:
            _skema(con, versi)
            cur = con.cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                daftar = _daftar_tabel(cur)
                for nama in reversed(daftar):  # rows the migrations inserted (meta.versi_data) give way to the backup's
                    cur.execute(f"DELETE FROM {_q(nama)}")
                for nama in daftar:
                    berkas = folder / m["tabel"][nama]["berkas"]
                    cur.execute(f"INSERT INTO {_q(nama)} BY NAME SELECT * FROM read_parquet(?)", [str(berkas)])
                jumlah = {}
                for nama in daftar:
                    n = cur.execute(f"SELECT count(*) FROM {_q(nama)}").fetchall()[0][0]
                    if n != int(m["tabel"][nama]["baris"]):
                        raise GalatCadangan(f"tabel {nama}: {n} baris dipulihkan, manifest menyebut {m['tabel'][nama]['baris']}")
                    jumlah[nama] = n
                try:  # the values themselves, as the importer would accept them (checksums can be recomputed)
                    periksa_isi(cur)
                except IsiTidakSah as e:
                    raise GalatCadangan(f"cadangan di {folder} ditolak: {e}. Basis data tidak diubah.") from None
                _majukan_sekuens(cur, m.get("sekuens") or {})
                if versi_lama is not None:  # past every version an app on the replaced file may have cached
                    cur.execute("UPDATE meta SET nilai = CAST(GREATEST(CAST(nilai AS BIGINT), ?) + 1 AS VARCHAR) "
                                "WHERE kunci = 'versi_data'", [versi_lama])
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                cur.close()
            con.execute("CHECKPOINT")
        except duckdb.Error as e:
            raise GalatCadangan(f"cadangan di {folder} tidak dapat dipulihkan: {str(e).splitlines()[0]}") from None
        finally:
            con.close()
        with Store(sementara) as store:  # migrations newer than the backup, then a clean checkpoint
            store.checkpoint()
        _fsync(sementara)
        if penjaga is not None:
            penjaga.close()
            penjaga = None
        # the old database's write-ahead log must not be replayed onto the restored file: set it aside
        # (put back if the rename fails), then drop it
        wal = Path(str(tujuan) + ".wal")
        wal_lama = wal.with_name(wal.name + f".lama-{os.getpid()}") if wal.exists() else None
        if wal_lama:
            os.replace(wal, wal_lama)
        try:
            os.replace(sementara, tujuan)
        except BaseException:
            if wal_lama:
                os.replace(wal_lama, wal)
            raise
        if wal_lama:
            wal_lama.unlink(missing_ok=True)
        _fsync(tujuan.parent)
        return jumlah
    except OSError as e:
        raise GalatCadangan(f"basis data {tujuan} tidak dapat ditulis: {e.strerror or e}") from None
    finally:
        if penjaga is not None:
            penjaga.close()
        for p in (sementara, wal_sementara):
            p.unlink(missing_ok=True)


__all__ = ["GalatCadangan", "NAMA_MANIFEST", "cadangkan", "periksa", "pulihkan", "versi_terkini"]
