"""DuckDB store: schema through numbered migrations, one writer at a time, queries for the pages.

One ``Store`` per process owns the database file. Reads use a fresh cursor per call (a DuckDB
connection is not thread-safe); writes go through ``transaksi()``, serialised by a lock, all-or-nothing,
and each bumps ``versi_data`` so cached query results are invalidated.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DB_BAWAAN = ROOT / "data" / "lkjip.duckdb"


class StoreError(Exception):
    """A problem with the database that a user can act on (message in Bahasa Indonesia)."""


def lokasi_db(path: str | os.PathLike | None = None) -> Path:
    """The database file: explicit path, else $LKJIP_DB, else data/lkjip.duckdb."""
    return Path(path or os.environ.get("LKJIP_DB") or DB_BAWAAN)


# Each migration is (version, name, SQL). Never edit a released one: add a new one.
MIGRASI: list[tuple[int, str, str]] = [
    (
        1,
        "skema awal",
        """
        CREATE SEQUENCE seq_instansi;
        CREATE SEQUENCE seq_baris;
        CREATE SEQUENCE seq_impor;
        CREATE TABLE meta (kunci VARCHAR PRIMARY KEY, nilai VARCHAR);
        CREATE TABLE impor (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_impor'),
            waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
            nama_file VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL,
            pengguna VARCHAR,
            status VARCHAR NOT NULL DEFAULT 'aktif',   -- aktif | dibatalkan
            jumlah_baris VARCHAR,                      -- JSON: rows written per table
            diganti VARCHAR,                           -- JSON: rows replaced per table
            keterangan VARCHAR
        );
        CREATE TABLE instansi (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_instansi'),
            nama VARCHAR NOT NULL UNIQUE,
            jenis VARCHAR,          -- kota | kabupaten | provinsi
            provinsi VARCHAR
        );
        CREATE TABLE indikator (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),
            instansi_id BIGINT NOT NULL REFERENCES instansi(id),
            tahun INTEGER NOT NULL,
            sasaran VARCHAR,
            indikator VARCHAR NOT NULL,
            tingkat VARCHAR NOT NULL DEFAULT 'sasaran',  -- sasaran | tujuan | program | kegiatan | sub_kegiatan
            satuan VARCHAR,
            polaritas VARCHAR NOT NULL,
            target DOUBLE, target_teks VARCHAR, target_predikat VARCHAR,
            realisasi DOUBLE, realisasi_teks VARCHAR, realisasi_predikat VARCHAR,
            capaian DOUBLE, capaian_alasan VARCHAR,
            capaian_dilaporkan DOUBLE, capaian_dilaporkan_teks VARCHAR,
            tema VARCHAR,
            utama BOOLEAN NOT NULL DEFAULT TRUE,
            sumber VARCHAR,
            catatan VARCHAR,
            impor_id BIGINT
        );
        CREATE TABLE renstra (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),
            instansi_id BIGINT NOT NULL REFERENCES instansi(id),
            sasaran VARCHAR, indikator VARCHAR NOT NULL, satuan VARCHAR,
            tahun INTEGER, jenis VARCHAR NOT NULL DEFAULT 'target',
            target DOUBLE, target_teks VARCHAR, target_predikat VARCHAR,
            sumber VARCHAR, catatan VARCHAR, impor_id BIGINT
        );
        CREATE TABLE anggaran (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),
            instansi_id BIGINT NOT NULL REFERENCES instansi(id),
            tahun INTEGER NOT NULL,
            urutan INTEGER NOT NULL,
            level VARCHAR NOT NULL,
            kode VARCHAR, uraian VARCHAR NOT NULL,
            induk_id BIGINT,
            sasaran VARCHAR,
            pagu_awal DOUBLE, pagu_awal_teks VARCHAR,
            pagu DOUBLE, pagu_teks VARCHAR,
            realisasi DOUBLE, realisasi_teks VARCHAR,
            serapan DOUBLE,
            serapan_dilaporkan DOUBLE, serapan_dilaporkan_teks VARCHAR,
            rencana_tw1 DOUBLE, rencana_tw2 DOUBLE, rencana_tw3 DOUBLE, rencana_tw4 DOUBLE,
            realisasi_tw1 DOUBLE, realisasi_tw2 DOUBLE, realisasi_tw3 DOUBLE, realisasi_tw4 DOUBLE,
            utama BOOLEAN NOT NULL DEFAULT TRUE,
            sumber VARCHAR, catatan VARCHAR, impor_id BIGINT
        );
        CREATE TABLE skor (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),
            instansi_id BIGINT NOT NULL REFERENCES instansi(id),
            tahun INTEGER NOT NULL,
            jenis VARCHAR NOT NULL,      -- sakip | ikm
            nilai DOUBLE, nilai_teks VARCHAR, predikat VARCHAR,
            sumber VARCHAR, catatan VARCHAR, impor_id BIGINT
        );
        CREATE TABLE nilai_dilaporkan (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),
            instansi_id BIGINT NOT NULL REFERENCES instansi(id),
            tahun INTEGER,
            lingkup VARCHAR, jenis VARCHAR NOT NULL,
            nilai DOUBLE, nilai_teks VARCHAR,
            sumber VARCHAR, catatan VARCHAR, impor_id BIGINT
        );
        CREATE TABLE masalah_impor (
            impor_id BIGINT NOT NULL,
            tingkat VARCHAR NOT NULL,     -- galat | peringatan | info
            lembar VARCHAR, baris INTEGER, kolom VARCHAR,
            nilai VARCHAR, pesan VARCHAR NOT NULL
        );
        CREATE TABLE cadangan_impor (        -- rows replaced by an import, to undo it
            impor_id BIGINT NOT NULL,
            tabel VARCHAR NOT NULL,
            baris VARCHAR NOT NULL            -- JSON of one row
        );
        CREATE INDEX idx_indikator ON indikator(instansi_id, tahun);
        CREATE INDEX idx_anggaran ON anggaran(instansi_id, tahun);
        INSERT INTO meta VALUES ('versi_data', '0');
        """,
    ),
    (
        2,
        "temuan rekonsiliasi tersimpan",
        """
        -- reconciliation findings (lkjip.checks), kept so pages read them instead of recomputing;
        -- agencies written since their findings were computed are listed in temuan_kotor
        CREATE TABLE temuan (
            instansi VARCHAR NOT NULL, tahun INTEGER, jenis VARCHAR NOT NULL, tingkat VARCHAR NOT NULL,
            sumber VARCHAR, baris VARCHAR, dilaporkan DOUBLE, dihitung DOUBLE, selisih DOUBLE,
            penjelasan VARCHAR, ids VARCHAR
        );
        CREATE TABLE temuan_kotor (instansi VARCHAR PRIMARY KEY);
        INSERT INTO temuan_kotor SELECT nama FROM instansi;
        """,
    ),
    # -- migrasi 3: profil impor (isu 10) --

    # -- migrasi 4: pemeriksaan & reviu: versi pemeriksaan, putusan temuan, catatan indikator (isu 13) --

    (
        5,
        "log aktivitas",
        """
        -- who wrote what, when, for which agency-year (lkjip.aktivitas)
        CREATE SEQUENCE seq_aktivitas;
        CREATE TABLE log_aktivitas (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_aktivitas'),
            waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
            pengguna VARCHAR,
            aksi VARCHAR NOT NULL,       -- impor | ganti | batal | ulang | putusan | catatan | ...
            instansi VARCHAR, tahun INTEGER,
            rincian VARCHAR
        );
        """,
    ),
    # -- migrasi 7: akses: percobaan masuk (isu 11/13) --

    # -- migrasi 6: indikator standar (isu 12) --
    (
        6,
        "indikator standar",
        """
        -- the planner's link of an agency's indicator wording to a standard indicator (lkjip.standar);
        -- keyed by the normalised wording so it survives a re-import; standar NULL = "no standard"
        CREATE TABLE indikator_standar (
            instansi VARCHAR NOT NULL,
            indikator_kunci VARCHAR NOT NULL,
            standar VARCHAR,
            pengguna VARCHAR,
            waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
            PRIMARY KEY (instansi, indikator_kunci)
        );
        """,
    ),

]

TABEL_DATA = ("indikator", "renstra", "anggaran", "skor", "nilai_dilaporkan")


class Store:
    """The project's DuckDB database."""

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
                raise StoreError(
                    f"Basis data {self.path} sedang dipakai proses lain (misalnya aplikasi Streamlit). "
                    "Hentikan aplikasi itu dulu, atau pakai --db untuk basis data lain."
                ) from None
            raise StoreError(f"Basis data {self.path} tidak dapat dibuka: {pesan.splitlines()[0]}") from None
        except duckdb.Error as e:
            raise StoreError(f"Berkas {self.path} bukan basis data DuckDB yang dapat dibuka: {str(e).splitlines()[0]}") from None
        if not read_only:
            self.migrasi()

    # --- plumbing -----------------------------------------------------------------------------------
    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def baca(self, sql: str, params: list | tuple | None = None) -> pd.DataFrame:
        """Run a read query on a cursor of its own; returns a DataFrame."""
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
    def transaksi(self, naikkan_versi: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """One serialised, all-or-nothing write; bumps the data version on success.

        ``naikkan_versi=False`` only for writes of derived data (stored findings) that leave the
        figures the pages show unchanged.
        """
        with self._kunci:
            cur = self._con.cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
                if naikkan_versi:
                    cur.execute("UPDATE meta SET nilai = CAST(CAST(nilai AS BIGINT) + 1 AS VARCHAR) WHERE kunci = 'versi_data'")
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                cur.close()

    def migrasi(self) -> None:
        with self._kunci:
            cur = self._con.cursor()
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrasi (versi INTEGER PRIMARY KEY, nama VARCHAR, "
                "diterapkan TIMESTAMP DEFAULT current_timestamp)"
            )
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

    @property
    def versi_data(self) -> int:
        return int(self.satu("SELECT nilai FROM meta WHERE kunci = 'versi_data'"))

    def tandai_kotor(self, cur, instansi: list[str]) -> None:
        """Inside a write: these agencies' stored findings are out of date."""
        if instansi:
            cur.execute("INSERT OR IGNORE INTO temuan_kotor SELECT unnest(?)", [sorted(set(instansi))])

    def kosong(self) -> bool:
        return not self.satu("SELECT count(*) FROM instansi")

    # --- queries for pages, exports and checks ------------------------------------------------------
    def daftar_instansi(self) -> pd.DataFrame:
        return self.baca("SELECT id, nama, jenis, provinsi FROM instansi ORDER BY nama")

    def daftar_tahun(self) -> list[int]:
        df = self.baca(
            "SELECT DISTINCT tahun FROM (SELECT tahun FROM indikator UNION SELECT tahun FROM anggaran) ORDER BY tahun"
        )
        return [int(t) for t in df["tahun"]]

    @staticmethod
    def _saring(instansi: list[str] | None, tahun: list[int] | None, alias: str = "t",
                kolom_instansi: str = "i.nama") -> tuple[str, list]:
        """`` AND ...`` conditions (parameterised) for a choice of agencies and years; empty = all."""
        syarat, params = [], []
        if instansi:
            syarat.append(f"{kolom_instansi} IN ({', '.join('?' * len(instansi))})")
            params += list(instansi)
        if tahun:
            syarat.append(f"{alias}.tahun IN ({', '.join('?' * len(tahun))})")
            params += [int(x) for x in tahun]
        return (" AND " + " AND ".join(syarat)) if syarat else "", params

    def indikator(self, instansi: list[str] | None = None, tahun: list[int] | None = None, hanya_utama: bool = False) -> pd.DataFrame:
        where, params = self._saring(instansi, tahun)
        if hanya_utama:
            where += " AND t.utama"
        return self.baca(
            f"""SELECT t.id, i.nama AS instansi, t.tahun, t.sasaran, t.indikator, t.tingkat, t.satuan, t.polaritas,
                       t.target, t.target_teks, t.target_predikat, t.realisasi, t.realisasi_teks,
                       t.realisasi_predikat, t.capaian, t.capaian_alasan, t.capaian_dilaporkan,
                       t.capaian_dilaporkan_teks, t.tema, t.utama, t.sumber, t.catatan, t.impor_id
                FROM indikator t JOIN instansi i ON i.id = t.instansi_id
                WHERE TRUE {where}
                ORDER BY i.nama, t.tahun, t.id""",
            params,
        )

    def anggaran(self, instansi: list[str] | None = None, tahun: list[int] | None = None) -> pd.DataFrame:
        where, params = self._saring(instansi, tahun)
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

    def tabel(self, nama: str, instansi: list[str] | None = None, tahun: list[int] | None = None) -> pd.DataFrame:
        """skor, renstra or nilai_dilaporkan rows with the agency name."""
        if nama not in ("skor", "renstra", "nilai_dilaporkan"):
            raise ValueError(nama)
        where, params = self._saring(instansi, tahun)
        return self.baca(
            f"SELECT i.nama AS instansi, t.* EXCLUDE (instansi_id) FROM {nama} t JOIN instansi i ON i.id = t.instansi_id "
            f"WHERE TRUE {where} ORDER BY i.nama, t.tahun, t.id",
            params,
        )

    def riwayat_impor(self, batas: int = 50) -> pd.DataFrame:
        return self.baca("SELECT * FROM impor ORDER BY id DESC LIMIT ?", [batas])
