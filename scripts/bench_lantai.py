"""Benchmark phase "lantai": each page figure against the bare SQL of the same figure (the floor).

A figure function of ``lkjip.store.agregat`` sends one query and finishes the small frame it gets back in
Python (national program names, serapan and efficiency from ``lkjip.measures``, ranks). Its floor is that
query alone, run by the same store: the ratio says what the Python side adds (the issue's aim: within 3x).
All agencies, every year, the pages' defaults; the median of ``ULANG`` runs of each.
"""
from __future__ import annotations

import statistics
import time

ULANG = 5


def _figur():
    from lkjip.store import agregat

    return {
        "Ringkasan (ringkasan_instansi)": agregat.ringkasan_instansi,
        "Perbandingan, Tren (tren_instansi)": agregat.tren_instansi,
        "Matriks tema (matriks_tema)": agregat.matriks_tema,
        "Serapan per program (serapan_program)": agregat.serapan_program,
        "Efisiensi per sasaran (efisiensi_sasaran)": agregat.efisiensi_sasaran,
    }


def ukur(store) -> dict[str, dict]:
    """{figure: {fungsi, kueri, rasio}} in seconds, medians of ULANG runs."""
    hasil = {}
    for nama, fungsi in _figur().items():
        kueri: list[tuple] = []
        asli = store.baca

        def baca(sql, params=None, _asli=asli):
            kueri.append((sql, params))
            return _asli(sql, params)

        store.baca = baca
        try:
            fungsi(store)
        finally:
            store.baca = asli
        t_fungsi, t_kueri = [], []
        for _ in range(ULANG):
            t = time.perf_counter()
            fungsi(store)
            t_fungsi.append(time.perf_counter() - t)
            t = time.perf_counter()
            for sql, params in kueri:
                store.baca(sql, params)
            t_kueri.append(time.perf_counter() - t)
        f, k = statistics.median(t_fungsi), statistics.median(t_kueri)
        hasil[nama] = {"fungsi": f, "kueri": k, "rasio": f / k if k else None}
    return hasil


def fase(lokasi) -> dict:
    from lkjip.store import Store

    with Store(lokasi) as s:
        return {"figur": ukur(s)}


def laporan(h: dict, d) -> list[str]:
    """Markdown rows for the report (``d`` formats a number)."""
    baris = ["", "Angka halaman vs kueri SQL-nya sendiri (lantai; semua instansi, median dari "
             f"{ULANG}; target rasio ≤ 3):", "", "| Angka | Fungsi (s) | Kueri saja (s) | Rasio |", "|---|---|---|---|"]
    for nama, r in h["figur"].items():
        baris.append(f"| {nama} | {d(r['fungsi'], 3)} | {d(r['kueri'], 3)} | {d(r['rasio'], 1)} |")
    return baris
