"""The registry of checks: each check is a function over the store's frames, registered with the kinds of
finding it produces and their labels (Indonesian, English).

Adding a check = one module in this package that decorates its function with ``@pemeriksaan(...)``,
and an import line in ``__init__.py``. The function's parameter names say which frames it reads:
``ind`` (Store.indikator), ``ang`` (Store.anggaran), ``nilai`` (nilai_dilaporkan), ``skor``, ``renstra``,
``klaim`` (transcribed claims, lkjip.checks.klaim) and ``masalah`` (the importer's misprint problems).

``VERSI`` is a fingerprint of the source of every module of this package: stored findings made by
another version are recomputed (lkjip.checks.simpan), so an upgrade never leaves old findings on a page.
"""
from __future__ import annotations

import hashlib
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

MASUKAN = ("ind", "ang", "nilai", "skor", "renstra", "klaim", "masalah")


@dataclass(frozen=True)
class Pemeriksaan:
    nama: str
    fungsi: Callable[..., pd.DataFrame]
    jenis: dict[str, tuple[str, str]]  # kind -> (Indonesian label, English label)
    masukan: tuple[str, ...]


DAFTAR: list[Pemeriksaan] = []


def pemeriksaan(jenis: dict[str, tuple[str, str]]):
    """Register a check producing these kinds of finding (``{kode: (label id, label en)}``)."""
    def daftarkan(fungsi):
        masukan = tuple(inspect.signature(fungsi).parameters)
        salah = [m for m in masukan if m not in MASUKAN]
        if salah:
            raise ValueError(f"{fungsi.__name__}: masukan tidak dikenal {salah}")
        DAFTAR[:] = [p for p in DAFTAR if p.nama != fungsi.__name__]
        DAFTAR.append(Pemeriksaan(fungsi.__name__, fungsi, dict(jenis), masukan))
        return fungsi
    return daftarkan


def jenis_semua() -> dict[str, tuple[str, str]]:
    """Every kind of finding of the registered checks, in registration order."""
    hasil: dict[str, tuple[str, str]] = {}
    for p in DAFTAR:
        for k, v in p.jenis.items():
            hasil.setdefault(k, v)
    return hasil


def jalankan(data: dict[str, pd.DataFrame | None]) -> list[pd.DataFrame]:
    """Run every registered check on the frames (a missing frame is passed as an empty one)."""
    hasil = []
    for p in DAFTAR:
        argumen = {m: data.get(m) if data.get(m) is not None else pd.DataFrame() for m in p.masukan}
        if "masalah" in argumen and not len(argumen["masalah"]):
            argumen["masalah"] = None
        hasil.append(p.fungsi(**argumen))
    return hasil


def _sidik() -> str:
    h = hashlib.sha256()
    for f in sorted(Path(__file__).parent.glob("*.py")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


VERSI = _sidik()
