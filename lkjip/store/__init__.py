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
    # -- migrasi 3: profil impor --
    (
        3,
        "profil impor",
        """
        -- a person's decisions on how to read a form (header rows, column fields, unit, sheets, polarity),
        -- saved under a name and offered again when a file with the same header shape arrives
        CREATE SEQUENCE seq_profil_impor;
        CREATE TABLE profil_impor (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_profil_impor'),
            nama VARCHAR NOT NULL UNIQUE,
            keputusan VARCHAR NOT NULL,      -- JSON (lkjip.ingest.keputusan.Keputusan)
            dibuat TIMESTAMP NOT NULL DEFAULT current_timestamp,
            pengguna VARCHAR,
            dipakai INTEGER NOT NULL DEFAULT 0,
            terakhir_dipakai TIMESTAMP
        );
        """,
    ),

    # -- migrasi 4: pemeriksaan & reviu: versi pemeriksaan, putusan temuan, catatan indikator --
    (
        4,
        "reviu: klaim tercetak, putusan temuan, catatan indikator",
        """
        -- claims a report prints in its running text, transcribed as structured values (lkjip.checks.klaim)
        CREATE TABLE klaim (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),  -- same sequence as the data rows: ids stay unique
            instansi VARCHAR NOT NULL, tahun INTEGER,
            jenis VARCHAR NOT NULL,      -- rumus | rata_rata | jumlah | arah | selisih | semua_tercapai | hitungan | skor | kategori
            lingkup VARCHAR, indikator VARCHAR,
            nilai VARCHAR,               -- the claimed figure or word, as printed
            operan VARCHAR,              -- the printed inputs, ';'-separated, as printed
            tahun_acuan VARCHAR,         -- years the claim compares or averages, ';'-separated
            besaran VARCHAR,             -- capaian | realisasi | target
            acuan VARCHAR,               -- the table a count refers to
            sumber VARCHAR, baris VARCHAR, kutipan VARCHAR
        );
        -- every finding ever stored, by its stable key (lkjip.checks.umum.kunci_temuan): when it was first
        -- seen and when it stopped occurring (a corrected upload), so a disappeared finding shows as resolved
        CREATE TABLE temuan_dikenal (
            kunci VARCHAR PRIMARY KEY,
            instansi VARCHAR NOT NULL, tahun INTEGER, jenis VARCHAR, tingkat VARCHAR, sumber VARCHAR, baris VARCHAR,
            dilaporkan DOUBLE, dihitung DOUBLE, penjelasan VARCHAR,
            pertama TIMESTAMP NOT NULL DEFAULT current_timestamp,
            hilang TIMESTAMP
        );
        -- a reviewer's verdict on a finding, by the finding's stable key (lkjip.reviu); the finding's
        -- text is kept so a finding that no longer occurs can be shown as resolved
        CREATE TABLE putusan_temuan (
            kunci VARCHAR PRIMARY KEY,
            instansi VARCHAR NOT NULL, tahun INTEGER, jenis VARCHAR, tingkat VARCHAR, sumber VARCHAR, baris VARCHAR,
            penjelasan VARCHAR,
            putusan VARCHAR NOT NULL,    -- dikonfirmasi | dapat_dijelaskan | diperbaiki | bukan_masalah
            catatan VARCHAR, pengguna VARCHAR,
            waktu TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        -- notes per indicator-year in the LKjIP vocabulary, from the reviewer and from the agency
        CREATE TABLE catatan_indikator (
            instansi VARCHAR NOT NULL, tahun INTEGER NOT NULL, indikator VARCHAR NOT NULL,
            jenis VARCHAR NOT NULL,      -- faktor_pendukung | faktor_penghambat | tindak_lanjut
            pihak VARCHAR NOT NULL,      -- reviewer | instansi
            isi VARCHAR, pengguna VARCHAR,
            waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
            PRIMARY KEY (instansi, tahun, indikator, jenis, pihak)
        );
        """,
    ),

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
    # -- migrasi 6: indikator standar --
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

    # -- migrasi 7: akses: percobaan masuk --
    (
        7,
        "percobaan masuk",
        """
        -- sign-in attempts, per user and per client address (lkjip.akses.batas): kept in the database so
        -- that a new browser session or a restart does not reset the limit
        CREATE SEQUENCE seq_percobaan;
        CREATE TABLE percobaan_masuk (
            tiket BIGINT NOT NULL,            -- one attempt: one row per key it counts against
            kunci VARCHAR NOT NULL,           -- 'pengguna:<nama>' | 'alamat:<ip>'
            waktu DOUBLE NOT NULL,            -- seconds since the epoch
            hasil VARCHAR NOT NULL            -- berjalan (being checked) | gagal
        );
        """,
    ),
    # -- migrasi 8: realisasi indikator per triwulan --
    (
        8,
        "realisasi indikator per triwulan",
        """
        -- an indicator's realisation per quarter (the K columns TW I-IV of the Renja evaluation form of
        -- Permendagri 86/2017, or TW columns of the template): empty where the file prints none
        ALTER TABLE indikator ADD COLUMN realisasi_tw1 DOUBLE;
        ALTER TABLE indikator ADD COLUMN realisasi_tw2 DOUBLE;
        ALTER TABLE indikator ADD COLUMN realisasi_tw3 DOUBLE;
        ALTER TABLE indikator ADD COLUMN realisasi_tw4 DOUBLE;
        """,
    ),
    # -- migrasi 9: penjelasan temuan dalam bahasa Inggris --
    (
        9,
        "penjelasan temuan dalam bahasa Inggris",
        """
        -- each finding's explanation in English beside the Indonesian one (lkjip.checks writes both)
        ALTER TABLE temuan ADD COLUMN penjelasan_en VARCHAR;
        ALTER TABLE temuan_dikenal ADD COLUMN penjelasan_en VARCHAR;
        ALTER TABLE putusan_temuan ADD COLUMN penjelasan_en VARCHAR;
        """,
    ),
]

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
            "SELECT DISTINCT tahun FROM (SELECT tahun FROM indikator UNION SELECT tahun FROM anggaran) AS t ORDER BY tahun"
        )
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
