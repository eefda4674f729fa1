"""The bundled data (three LKjIP reports, data/seed/) and creating the database on first use."""
from __future__ import annotations

import os
from pathlib import Path

from . import checks
from .checks.klaim import muat_klaim
from .ingest import pratinjau_berkas
from .ingest.simpan import simpan
from .store import ROOT, Store, adalah_url, lokasi_db

FOLDER_SEED = ROOT / "data" / "seed"
URUTAN = ("instansi", "indikator", "renstra", "anggaran", "skor", "nilai_dilaporkan")


def berkas_bawaan() -> list[Path]:
    """The seed CSV files in load order: per report folder, agencies first."""
    hasil = []
    for folder in sorted(p for p in FOLDER_SEED.iterdir() if p.is_dir()):
        hasil += [folder / f"{n}.csv" for n in URUTAN if (folder / f"{n}.csv").exists()]
    return hasil


def muat_bawaan(store: Store) -> dict[str, int]:
    """Load every seed file through the user import path; printed typos are kept as text."""
    jumlah: dict[str, int] = {}
    for path in berkas_bawaan():
        p = pratinjau_berkas(path, simpan_salah_cetak=True)
        if not p.bisa_disimpan:
            if p.galat:
                raise RuntimeError(f"data bawaan {path}: {p.galat[0].teks()}")
            continue
        p.nama_file = f"{path.parent.name}/{path.name}"
        hasil = simpan(store, p, pengguna="data bawaan")
        for k, v in hasil.ditulis.items():
            jumlah[k] = jumlah.get(k, 0) + v
    for path in sorted(FOLDER_SEED.glob("*/klaim.csv")):  # claims printed in the text (lkjip.checks.klaim)
        jumlah["klaim"] = jumlah.get("klaim", 0) + muat_klaim(store, path, pengguna="data bawaan")
    return jumlah


def buat_db(path: str | os.PathLike | None = None, kosong: bool = False) -> Path:
    """Create a database file atomically (built aside, then renamed), with the bundled data unless kosong.

    On a PostgreSQL server: the schema, then the bundled data in one transaction.
    """
    tujuan = lokasi_db(path)
    if adalah_url(tujuan):
        with Store(tujuan) as store:
            if not kosong:
                _isi_sekaligus(store)
        return tujuan
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara = tujuan.with_name(tujuan.name + f".baru-{os.getpid()}")
    for p in (sementara, Path(str(sementara) + ".wal")):
        p.unlink(missing_ok=True)
    try:
        with Store(sementara) as store:
            if not kosong:
                muat_bawaan(store)
                checks.perbarui(store)
            store.checkpoint()
        os.replace(sementara, tujuan)
    finally:
        for p in (sementara, Path(str(sementara) + ".wal")):
            p.unlink(missing_ok=True)
    return tujuan


def _isi_sekaligus(store: Store) -> None:
    """The bundled data and its findings in one transaction, unless the database already has agencies."""
    with store.transaksi():
        if store.kosong():
            muat_bawaan(store)
            checks.perbarui(store)


def buka(path: str | os.PathLike | None = None, singgah: bool = False) -> Store:
    """Open the database, creating it with the bundled data on first use.

    ``singgah``: a DuckDB file is opened only while an operation needs it (the app; see store.duck).
    """
    tujuan = lokasi_db(path)
    if adalah_url(tujuan):
        store = Store(tujuan)
        if store.baru:  # the schema was created just now: first use
            _isi_sekaligus(store)
        return store
    if not tujuan.exists():
        buat_db(tujuan)
    store = Store(tujuan, singgah=singgah)
    lengkapi_klaim_bawaan(store)
    return store


def lengkapi_klaim_bawaan(store: Store) -> int:
    """A database made before claims were transcribed holds the bundled reports without their claims: load the
    claims of each bundled report whose data is there (imported as 'data bawaan') and that has no claims yet.
    Returns the claims loaded (0 on every later call)."""
    jumlah = 0
    for path in sorted(FOLDER_SEED.glob("*/klaim.csv")):
        folder = path.parent.name
        dari_bawaan = store.satu("SELECT count(*) FROM impor WHERE status = 'aktif' AND pengguna = 'data bawaan' "
                                 "AND nama_file LIKE ?", [f"{folder}/%"])
        if not dari_bawaan:
            continue
        from .checks.klaim import baca_berkas

        instansi = sorted(set(baca_berkas(path)["instansi"]))
        ada = store.satu("SELECT count(*) FROM klaim WHERE instansi IN (SELECT unnest(?))", [instansi])
        if not ada:
            jumlah += muat_klaim(store, path, pengguna="data bawaan")
    return jumlah
