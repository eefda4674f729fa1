#!/usr/bin/env python
"""Benchmark of the dashboard at national scale: import, full load, memory, a naive baseline, pages.

    python scripts/bench.py [--quick] [--agencies 514] [--years 10] [--json hasil.json]
    python scripts/bench.py --pg ...                      # on PostgreSQL: a throwaway cluster (tests/pg.py)
    python scripts/bench.py --db postgresql://... ...     # on PostgreSQL: this database, emptied first
    python -m lkjip bench [same options]

Measures, on synthetic data of ``lkjip.synth`` (real agency names, invented figures):
  (a) importing one ~10.000-row anggaran table, xlsx and CSV, through pratinjau + simpan into a fresh DB;
  (b) loading N agencies x Y years (one xlsx per province) into a fresh DB: time, rows, size on disk;
  (c) peak RSS of each phase (each runs in its own process; resource.getrusage);
  (d) the figures the pages show (capaian per indicator, average capaian and serapan per agency-year,
      serapan per program) from the DB with lkjip.analisis, against a naive baseline on the same files:
      openpyxl reading + plain pandas, no store, no cache; and checks that both give the same numbers;
  (e) page script run time with streamlit AppTest for 1, 10 and all agencies: cold and warm p50/p95.
Prints a Markdown table (the one in BENCHMARKS.md). Timings on a shared machine are noisy: the
figures are for orders of magnitude and targets, not for the third digit.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

import bench_lantai  # noqa: E402  (figures against their own SQL)

TARGET = {
    "impor_xlsx": 3.0,  # s for the 10.000-row xlsx
    "rss": 1024.0,  # MiB
    "hangat": 0.1,  # s, page script time, warm rerun p50, all agencies at 514 x 10
    "dingin": 0.3,  # s, page script time, cold, all agencies at 514 x 10
    "render_pertama": 2.0,  # s, a fresh process's first page
    "rss_halaman": 400.0,  # MiB, the page process (a replica)
}


# --- options ----------------------------------------------------------------------------------------
def argumen(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The benchmark's options (shared with ``python -m lkjip bench``)."""
    p.add_argument("--quick", action="store_true", help="ukuran kecil (20 instansi x 3 tahun), selesai < 2 menit")
    p.add_argument("--agencies", type=int, default=None, help="jumlah instansi (bawaan 514; --quick: 20)")
    p.add_argument("--years", type=int, default=None, help="jumlah tahun (bawaan 10; --quick: 3)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--baris", type=int, default=10_000, help="baris berkas uji impor (bawaan 10000)")
    p.add_argument("--ulang", type=int, default=None, help="jumlah rerun hangat per halaman (bawaan 7; --quick: 3)")
    p.add_argument("--ulang-impor", type=int, default=None, help="ulangan impor berkas uji (bawaan 3; --quick: 1)")
    p.add_argument("--tanpa-halaman", action="store_true", help="lewati pengukuran halaman")
    p.add_argument("--tanpa-dasar", action="store_true", help="lewati baseline openpyxl + pandas")
    p.add_argument("--kerja", help="folder kerja (bawaan: folder sementara yang dihapus di akhir)")
    p.add_argument("--json", help="simpan semua hasil sebagai JSON")
    p.add_argument("--pg", action="store_true", help="ukur pada PostgreSQL: klaster sementara (seperti tests/pg.py)")
    p.add_argument("--db", metavar="URL", help="ukur pada basis data PostgreSQL ini (postgresql://...); "
                   "SELURUH isinya dihapus lebih dulu")
    p.add_argument("--fase", help=argparse.SUPPRESS)  # internal: run one phase in this process
    return p


def _lengkapi(a: argparse.Namespace) -> argparse.Namespace:
    a.agencies = a.agencies or (20 if a.quick else 514)
    a.years = a.years or (3 if a.quick else 10)
    a.ulang = a.ulang or (3 if a.quick else 7)
    a.ulang_impor = a.ulang_impor or (1 if a.quick else 3)
    return a


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _ukuran_db(path: Path | str) -> int:
    if isinstance(path, str) and path.startswith("postgresql"):
        import psycopg

        with psycopg.connect(path) as con:
            return con.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return sum(p.stat().st_size for p in (path, Path(str(path) + ".wal")) if p.exists())


def _lokasi(a, nama: str) -> Path | str:
    """Where a phase's database lives: a DuckDB file in the work folder, or the PostgreSQL database of --db."""
    return a.db if a.db else Path(a.kerja) / f"{nama}.duckdb"


def _db_baru(path: Path | str):
    from lkjip.store import Store

    if isinstance(path, str) and path.startswith("postgresql"):
        from lkjip.store import cadangan_pg

        cadangan_pg.kosongkan(path, timpa=True)  # tables and sequences dropped; Store() migrates again
        return Store(path)
    for p in (path, Path(str(path) + ".wal")):
        p.unlink(missing_ok=True)
    return Store(path)


# --- phases (each runs in its own process, see _jalankan_fase) ---------------------------------------
def fase_data(a) -> dict:
    from lkjip import synth

    kerja = Path(a.kerja)
    t0 = time.perf_counter()
    uji = synth.buat_berkas_uji(kerja / "uji", a.baris, seed=a.seed)
    t1 = time.perf_counter()
    ringkasan = synth.buat(kerja / "data", a.agencies, a.years, seed=a.seed, format="xlsx")
    t2 = time.perf_counter()
    ukuran = sum(p.stat().st_size for p in synth.daftar_berkas(kerja / "data"))
    return {"uji": uji, "detik_uji": t1 - t0, "ringkasan": ringkasan, "detik_data": t2 - t1, "ukuran_berkas": ukuran}


def fase_impor(a, fmt: str) -> dict:
    """(a) one ~10.000-row file through pratinjau + simpan into a fresh DB, repeated."""
    from lkjip.ingest import pratinjau_berkas
    from lkjip.ingest.simpan import simpan

    berkas = Path(json.loads((Path(a.kerja) / "fase-data.json").read_text())["uji"][fmt]["path"])
    ulangan = []
    for i in range(a.ulang_impor):
        store = _db_baru(_lokasi(a, f"impor_{fmt}"))
        t0, c0 = time.perf_counter(), time.process_time()
        p = pratinjau_berkas(berkas)
        t1, c1 = time.perf_counter(), time.process_time()
        if p.galat:
            raise RuntimeError(f"{berkas.name}: {p.galat[0].teks()}")
        h = simpan(store, p)
        t2, c2 = time.perf_counter(), time.process_time()
        store.close()
        ulangan.append({"pratinjau": t1 - t0, "simpan": t2 - t1, "total": t2 - t0, "cpu": c2 - c0, "cpu_pratinjau": c1 - c0,
                        "cpu_simpan": c2 - c1, "baris": sum(h.ditulis.values())})
    terbaik = min(ulangan, key=lambda u: u["total"])
    median = statistics.median(u["total"] for u in ulangan)
    return {"berkas": berkas.name, "ulangan": ulangan, "median": median, "cpu_median": statistics.median(u["cpu"] for u in ulangan),
            "terbaik": terbaik, "baris": terbaik["baris"]}


def fase_muat(a) -> dict:
    """(b) every generated file, one after the other, into a fresh DB."""
    from lkjip import synth
    from lkjip.ingest import pratinjau_berkas
    from lkjip.ingest.simpan import simpan

    db = _lokasi(a, "penuh")
    store = _db_baru(db)
    baca = tulis = 0.0
    baris: dict[str, int] = {}
    peringatan = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for f in synth.daftar_berkas(Path(a.kerja) / "data"):
        t = time.perf_counter()
        p = pratinjau_berkas(f)
        baca += time.perf_counter() - t
        if p.galat:
            raise RuntimeError(f"{f.name}: {p.galat[0].teks()}")
        peringatan += sum(1 for m in p.masalah if m.tingkat == "peringatan")
        t = time.perf_counter()
        h = simpan(store, p)
        tulis += time.perf_counter() - t
        for k, v in h.ditulis.items():
            baris[k] = baris.get(k, 0) + v
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    # as `python -m lkjip import` does at the end of a batch: reconciliation checks of the new agencies
    from lkjip import checks

    t = time.perf_counter()
    checks.segarkan(store)
    periksa = time.perf_counter() - t
    n_instansi = store.satu("SELECT count(*) FROM instansi")
    n_temuan = store.satu("SELECT count(*) FROM temuan")
    store.close()
    return {"detik": total, "cpu": cpu, "pratinjau": baca, "simpan": tulis, "baris": baris, "instansi": n_instansi,
            "ukuran_db": _ukuran_db(db), "peringatan": peringatan, "periksa": periksa, "temuan": n_temuan}


def fase_kami(a) -> dict:
    """(d) our figures from the DB: lkjip.analisis on Store queries (what the pages call), no cache."""
    from lkjip import analisis
    from lkjip.store import Store

    t0 = time.perf_counter()
    store = Store(_lokasi(a, "penuh"), read_only=True)
    ind = store.indikator()
    ang = store.anggaran()
    t1 = time.perf_counter()
    rata = analisis.tren_instansi(ind, ang)  # average capaian (capped) and serapan per agency-year
    program = analisis.serapan_program(ang)  # serapan per program
    t2 = time.perf_counter()
    store.close()
    kap = analisis.indikator_analisis(ind)[["instansi", "tahun", "indikator", "capaian"]]
    kap.to_parquet(Path(a.kerja) / "kami_capaian.parquet")
    rata.to_parquet(Path(a.kerja) / "kami_rata.parquet")
    program.to_parquet(Path(a.kerja) / "kami_program.parquet")
    return {"detik": t2 - t0, "kueri": t1 - t0, "hitung": t2 - t1, "indikator": len(ind), "anggaran": len(ang)}


# Naive baseline: what one would write without the project (openpyxl + pandas). It mirrors the
# formulas of lkjip.measures on purpose, to check that both give the same figures; it lives here,
# not in lkjip, and nothing in the app uses it.
_PERINGKAT = {"AA": 7, "A": 6, "BB": 5, "B": 4, "CC": 3, "C": 2, "D": 1}


def _dasar_angka(seri):
    """(number, grade) from printed cells, vectorised: 'Rp 1.250.000', '98,5%', '77,26 (BB)', '4.207 KPM', '-'."""
    import pandas as pd

    angka_asli = pd.to_numeric(seri.where(seri.map(lambda v: isinstance(v, (int, float)))), errors="coerce")
    s = seri.where(seri.map(lambda v: isinstance(v, str))).astype("string").str.strip()
    predikat = s.str.extract(r"(?:^|\()\s*(AA|A|BB|B|CC|C|D)\s*\)?$", expand=False)
    t = (s.str.replace(r"\(.*\)$", "", regex=True).str.replace(r"^(?i:rp\.?)\s*", "", regex=True)
         .str.replace(r"[,.]-$", "", regex=True).str.replace(r"[%\s]|[A-Za-z]+$", "", regex=True))
    koma = t.str.contains(",", regex=False)
    ribuan = t.str.fullmatch(r"\d{1,3}(\.\d{3})+")
    t = t.where(~koma, t.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    t = t.where(~(ribuan & ~koma), t.str.replace(".", "", regex=False))
    angka = pd.to_numeric(t.where(t.str.fullmatch(r"\d+(\.\d+)?")), errors="coerce").astype(float)
    return angka_asli.fillna(angka), predikat


def _dasar_predikat_skor(x):
    for batas, huruf in ((90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"), (30, "C")):
        if x > batas:
            return huruf
    return "D"


def fase_dasar(a) -> dict:
    """(d) baseline: openpyxl reads every file, pandas recomputes the same figures."""
    import numpy as np
    import pandas as pd
    from openpyxl import load_workbook

    from lkjip import synth

    t0 = time.perf_counter()
    bingkai: dict[str, list] = {"indikator": [], "anggaran": []}
    for f in synth.daftar_berkas(Path(a.kerja) / "data"):
        wb = load_workbook(f, read_only=True, data_only=True)
        for nama in bingkai:
            rows = wb[nama].iter_rows(values_only=True)
            kepala = [k for k in next(rows) if k is not None]
            lebar = len(kepala)
            isi = [tuple(r[:lebar]) + (None,) * (lebar - len(r)) for r in rows]  # trailing empty cells are not stored
            bingkai[nama].append(pd.DataFrame(isi, columns=kepala))
        wb.close()
    ind = pd.concat(bingkai["indikator"], ignore_index=True)
    ang = pd.concat(bingkai["anggaran"], ignore_index=True)
    t1 = time.perf_counter()

    # capaian per indicator: positif r/t x 100, negatif (2t - r)/t x 100, ordinal on score or grade
    t_n, t_p = _dasar_angka(ind["target"].astype(object))
    r_n, r_p = _dasar_angka(ind["realisasi"].astype(object))
    t_n = t_n.where(t_n != 0)
    pol = ind["polaritas"]
    c = pd.Series(np.nan, index=ind.index)
    c = c.mask(pol == "positif", r_n / t_n * 100)
    c = c.mask(pol == "negatif", (2 * t_n - r_n) / t_n * 100)
    ordn = pol == "ordinal"
    dua_angka = ordn & t_n.notna() & r_n.notna()
    c = c.mask(dua_angka, np.where(r_n >= t_n, 100.0, r_n / t_n * 100))
    r_p = r_p.astype(object).where(r_p.notna() | r_n.isna(), r_n.map(lambda x: _dasar_predikat_skor(x) if pd.notna(x) else None))
    rk_t = pd.to_numeric(t_p.astype(object).map(_PERINGKAT), errors="coerce").astype(float)
    rk_r = pd.to_numeric(r_p.map(_PERINGKAT), errors="coerce").astype(float)
    dua_predikat = ordn & ~dua_angka & rk_t.notna() & rk_r.notna()
    c = c.mask(dua_predikat, np.where(rk_r >= rk_t, 100.0, rk_r / rk_t * 100))
    ind["capaian"] = c.astype(float)
    sasaran = ind[ind["tingkat"] == "sasaran"]
    rata = (sasaran.assign(cap=sasaran["capaian"].clip(upper=120)).groupby(["instansi", "tahun"], as_index=False)
            .agg(rata_capaian=("cap", "mean")))

    # serapan per agency-year (sum of programs) and per program
    ang["pagu_n"] = _dasar_angka(ang["pagu"].astype(object))[0]
    ang["real_n"] = _dasar_angka(ang["realisasi"].astype(object))[0].fillna(
        ang["realisasi"].astype("string").str.strip().isin(["-"]).map({True: 0.0, False: np.nan}))
    prog = ang[ang["level"] == "program"].copy()
    prog["serapan"] = prog["real_n"] / prog["pagu_n"] * 100
    per_tahun = prog.groupby(["instansi", "tahun"], as_index=False).agg(pagu=("pagu_n", "sum"), realisasi=("real_n", "sum"))
    per_tahun["serapan"] = per_tahun["realisasi"] / per_tahun["pagu"] * 100
    t2 = time.perf_counter()

    ind[["instansi", "tahun", "indikator", "capaian"]].to_parquet(Path(a.kerja) / "dasar_capaian.parquet")
    rata.merge(per_tahun, on=["instansi", "tahun"], how="outer").to_parquet(Path(a.kerja) / "dasar_rata.parquet")
    prog[["instansi", "tahun", "kode", "serapan"]].to_parquet(Path(a.kerja) / "dasar_program.parquet")
    return {"detik": t2 - t0, "baca": t1 - t0, "hitung": t2 - t1, "indikator": len(ind), "anggaran": len(ang)}


def _bandingkan(kerja: Path) -> dict:
    """Do our figures and the baseline's agree? (counts of values equal within 1e-6)."""
    import numpy as np
    import pandas as pd

    hasil = {}
    k = pd.read_parquet(kerja / "kami_capaian.parquet")
    d = pd.read_parquet(kerja / "dasar_capaian.parquet")
    m = k.merge(d, on=["instansi", "tahun", "indikator"], how="outer", suffixes=("_k", "_d"))
    sama = np.isclose(m["capaian_k"], m["capaian_d"], rtol=0, atol=1e-6) | (m["capaian_k"].isna() & m["capaian_d"].isna())
    hasil["capaian"] = (int(sama.sum()), len(m))
    k = pd.read_parquet(kerja / "kami_rata.parquet")
    d = pd.read_parquet(kerja / "dasar_rata.parquet")
    m = k.merge(d, on=["instansi", "tahun"], how="outer", suffixes=("_k", "_d"))
    for kol in ("rata_capaian", "serapan"):
        sama = np.isclose(m[f"{kol}_k"], m[f"{kol}_d"], rtol=0, atol=1e-6) | (m[f"{kol}_k"].isna() & m[f"{kol}_d"].isna())
        hasil[kol] = (int(sama.sum()), len(m))
    k = pd.read_parquet(kerja / "kami_program.parquet")
    d = pd.read_parquet(kerja / "dasar_program.parquet")
    a_k = np.sort(k["serapan"].dropna().to_numpy())
    a_d = np.sort(d["serapan"].dropna().to_numpy())
    hasil["serapan_program"] = (int(np.isclose(a_k, a_d, atol=1e-6).sum()) if len(a_k) == len(a_d) else 0, max(len(a_k), len(a_d)))
    return hasil


# --- pages ------------------------------------------------------------------------------------------
def daftar_halaman() -> list[str]:
    """Page files of the app: pages/*.py except names starting with '_'."""
    return sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py") if not p.name.startswith("_"))


def _persentil(nilai: list[float], q: float) -> float:
    urut = sorted(nilai)
    if len(urut) == 1:
        return urut[0]
    posisi = (len(urut) - 1) * q
    bawah = int(posisi)
    atas = min(bawah + 1, len(urut) - 1)
    return urut[bawah] + (urut[atas] - urut[bawah]) * (posisi - bawah)


DINGIN_ULANG = 3


def waktu_halaman(db_path: str | os.PathLike, halaman: list[str], pilihan: dict[str, list[str]], ulang: int = 5,
                  batas_waktu: float = 600.0) -> dict[str, dict]:
    """Script run time of each page with AppTest on db_path, for one sidebar selection (query params).

    ``pilihan`` holds the query parameters, e.g. {"instansi": [...], "tahun": ["2023"]} (an empty list
    means all, as in the app). Times are script time (the run in Streamlit's script thread), with the deployed
    settings. Per page: ``dingin`` = median of DINGIN_ULANG first runs after switching to the page with every cache emptied
    (``web_data.kosongkan_cache``: figures, charts, table formats; the DB connection stays open, as in a server);
    ``p50``/``p95`` over ``ulang`` warm reruns; ``*_apptest`` the same runs timed around AppTest (wall time,
    with AppTest reading the messages back); ``awal`` = the landing run before switching
    (in a fresh process it includes opening the DB); ``galat`` = the page's exception or why it could
    not be measured (a missing page gives "tidak ada", never a crash).
    """
    from streamlit import config
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import script_cache, script_runner
    from streamlit.testing.v1 import app_test, local_script_runner

    # the deployed settings (deploy/streamlit-produksi.toml): no full garbage collection after each run
    gc_lama = config.get_option("runner.postScriptGC")
    config.set_option("runner.postScriptGC", False)
    # script time: the page's run in Streamlit's script thread (what a server spends on a view), apart from
    # AppTest's own work of reading the messages back into elements
    naskah: list[float] = []
    asli = script_runner.ScriptRunner._run_script

    def _ukur(self, *a, **k):
        t0 = time.perf_counter()
        try:
            return asli(self, *a, **k)
        finally:
            naskah.append(time.perf_counter() - t0)

    script_runner.ScriptRunner._run_script = _ukur
    # a server compiles each script once (its ScriptCache); AppTest makes a new cache, so a new compile, per run
    cache_lama = (app_test.ScriptCache, local_script_runner.ScriptCache)
    skrip = script_cache.ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: skrip

    def jalan(at) -> tuple[float, float]:
        """(script time, AppTest wall time) of one run (a run that reruns itself counts both scripts)."""
        naskah.clear()
        t0 = time.perf_counter()
        at.run()
        return sum(naskah), time.perf_counter() - t0

    class _PagesManager(PagesManager):
        # a running server decides once that app.py's st.navigation routes the pages; AppTest would
        # otherwise start each rerun in the legacy pages/ mode and run the page twice (see tests/conftest.py)
        def __init__(self, *a, **k):
            PagesManager.uses_pages_directory = False
            super().__init__(*a, **k)

    app_test.PagesManager = _PagesManager
    os.environ["LKJIP_DB"] = str(db_path)
    try:
        return _ukur_halaman(halaman, pilihan, ulang, batas_waktu, jalan)
    finally:  # the measuring hooks end with the measurement (a test may call this in its own process)
        script_runner.ScriptRunner._run_script = asli
        app_test.ScriptCache, local_script_runner.ScriptCache = cache_lama
        config.set_option("runner.postScriptGC", gc_lama)


def _ukur_halaman(halaman: list[str], pilihan: dict[str, list[str]], ulang: int, batas_waktu: float, jalan) -> dict[str, dict]:
    from streamlit.testing.v1 import AppTest

    from lkjip import web_data

    qp = {k: list(v) for k, v in pilihan.items() if v}
    hasil: dict[str, dict] = {}
    for h in halaman:
        if not (ROOT / h).is_file():
            hasil[h] = {"galat": "tidak ada"}
            continue
        try:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=batas_waktu)
            at.query_params = {k: list(v) for k, v in qp.items()}
            awal = jalan(at)[1]
            dingin_semua = []
            for _ in range(DINGIN_ULANG):  # a shared machine is noisy: the median of three cold runs
                web_data.kosongkan_cache()
                at.switch_page(h)
                dingin_semua.append(jalan(at))
            dingin, dingin_dinding = (_persentil([d[i] for d in dingin_semua], 0.5) for i in (0, 1))
            galat = _galat_app(at)
            hangat, dinding = [], []
            for _ in range(ulang):
                n, d = jalan(at)
                hangat.append(n)
                dinding.append(d)
            galat = galat or _galat_app(at)
            hasil[h] = {"awal": awal, "dingin": dingin, "dingin_semua": [d[0] for d in dingin_semua],
                        "p50": _persentil(hangat, 0.5), "p95": _persentil(hangat, 0.95),
                        "hangat": hangat, "dingin_apptest": dingin_dinding, "p50_apptest": _persentil(dinding, 0.5), "galat": galat}
        except Exception as e:  # a page being written may fail: report it, measure the others
            hasil[h] = {"galat": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"}
    return hasil


def _galat_app(at) -> str | None:
    try:
        if at.exception:
            return str(at.exception[0].message).splitlines()[0]
    except Exception:
        return None
    return None


def fase_halaman(a) -> dict:
    from lkjip.store import Store

    db = _lokasi(a, "penuh")
    with Store(db, read_only=True) as s:
        nama = list(s.daftar_instansi()["nama"])
    halaman = daftar_halaman()
    # first render of the app in this fresh process: open the database, load every agency, draw Ringkasan
    pertama = waktu_halaman(db, halaman[:0] or ["pages/ringkasan.py"], {"instansi": [], "tahun": []}, ulang=1)
    hasil = {"halaman": halaman, "pilihan": {}, "render_pertama": pertama.get("pages/ringkasan.py", {}).get("awal")}
    for label, instansi in (("1", nama[:1]), ("10", nama[:10]), ("semua", [])):
        hasil["pilihan"][label] = waktu_halaman(db, halaman, {"instansi": instansi, "tahun": []}, ulang=a.ulang)
    return hasil


FASE = {
    "data": fase_data,
    "impor_xlsx": lambda a: fase_impor(a, "xlsx"),
    "impor_csv": lambda a: fase_impor(a, "csv"),
    "muat": fase_muat,
    "kami": fase_kami,
    "dasar": fase_dasar,
    "halaman": fase_halaman,
    "lantai": lambda a: bench_lantai.fase(_lokasi(a, "penuh")),
}


_RE_WAKTU_LOG = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")


def _saring_log(teks: str) -> list[str]:
    """A child's stderr without AppTest's expected noise: the two warnings it logs on every run outside
    a server, and the tracebacks of a failing page (that failure is reported in the table, one line)."""
    keluar, dalam_traceback, disembunyikan = [], False, 0
    for baris in teks.splitlines():
        if _RE_WAKTU_LOG.match(baris):
            dalam_traceback = "Uncaught app execution" in baris
            disembunyikan += dalam_traceback
            if dalam_traceback or "missing ScriptRunContext" in baris or "No runtime found, using MemoryCacheStorageManager" in baris:
                continue
        elif dalam_traceback:
            if not baris.startswith((" ", "Traceback (most recent call last)")):
                dalam_traceback = False  # the exception line ends the page's traceback
            continue
        keluar.append(baris)
    if disembunyikan:
        keluar.append(f"  ({disembunyikan} traceback halaman dari AppTest disembunyikan; galatnya ada di kolom Catatan)")
    return keluar


def _jalankan_fase(nama: str, a) -> dict:
    """Run one phase in a child process (its own peak RSS); returns its results."""
    perintah = [sys.executable, str(Path(__file__).resolve()), "--fase", nama, "--kerja", str(a.kerja),
                "--agencies", str(a.agencies), "--years", str(a.years), "--seed", str(a.seed), "--baris", str(a.baris),
                "--ulang", str(a.ulang), "--ulang-impor", str(a.ulang_impor)] + (["--db", a.db] if a.db else [])
    print(f"… {nama}", file=sys.stderr, flush=True)
    t = time.perf_counter()
    r = subprocess.run(perintah, cwd=ROOT, env=dict(os.environ, PYTHONHASHSEED="0"), stderr=subprocess.PIPE, text=True)
    for baris in _saring_log(r.stderr):
        print(baris, file=sys.stderr)
    if r.returncode != 0:
        raise RuntimeError(f"fase {nama} gagal (status {r.returncode})")
    hasil = json.loads((Path(a.kerja) / f"fase-{nama}.json").read_text(encoding="utf-8"))
    print(f"  selesai dalam {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
    return hasil


# --- report -----------------------------------------------------------------------------------------
def _d(x: float | None, desimal: int = 2) -> str:
    from lkjip.numbers import format_angka

    return "n/a" if x is None else format_angka(x, desimal)


def _n(x: int | float) -> str:
    from lkjip.numbers import format_angka

    return format_angka(x, 0)


def _mesin() -> dict:
    import duckdb
    import openpyxl
    import pandas
    import platform
    import streamlit

    memori = None
    try:
        for baris in Path("/proc/meminfo").read_text().splitlines():
            if baris.startswith("MemTotal:"):
                memori = int(baris.split()[1]) / 1024 / 1024
    except OSError:
        pass
    from importlib.metadata import version

    return {"nproc": os.cpu_count(), "memori_gib": memori, "python": platform.python_version(), "duckdb": duckdb.__version__,
            "calamine": version("python-calamine"),
            "pandas": pandas.__version__, "openpyxl": openpyxl.__version__, "streamlit": streamlit.__version__,
            "cpu": platform.processor() or platform.machine()}


def laporan(h: dict) -> str:
    """The results as a Markdown table (what BENCHMARKS.md records)."""
    m, a = h["mesin"], h["ukuran"]
    baris = [f"Mesin: {m['nproc']} CPU, {_d(m['memori_gib'], 1)} GiB RAM; Python {m['python']}, duckdb {m['duckdb']}, "
             f"pandas {m['pandas']}, openpyxl {m['openpyxl']}, python-calamine {m.get('calamine', '?')}, streamlit {m['streamlit']}.",
             f"Ukuran: {a['instansi']} instansi × {a['tahun']} tahun, seed {a['seed']}; basis data {h.get('backend', 'DuckDB')}.", "",
             "| Pengukuran | Hasil | Target | Status |", "|---|---|---|---|"]

    def status(nilai, batas):
        if nilai is None or batas is None:
            return ""
        return "memenuhi" if nilai <= batas else "**tidak memenuhi**"

    for fmt in ("xlsx", "csv"):
        r = h.get(f"impor_{fmt}")
        if not r:
            continue
        t = r["terbaik"]
        target = TARGET["impor_xlsx"] if fmt == "xlsx" else None
        baris.append(f"| (a) Impor {fmt} {_n(r['baris'])} baris anggaran, DB baru (median dari {len(r['ulangan'])}) | "
                     f"{_d(r['median'])} s, CPU {_d(r['cpu_median'])} s ({_d(t['baris'] / r['median'], 0)} baris/s; ulangan terbaik: "
                     f"pratinjau {_d(t['pratinjau'])} s + simpan {_d(t['simpan'])} s) | {'≤ 3 s' if target else '–'} | {status(r['median'], target)} |")
    if "muat" in h:
        r = h["muat"]
        n = sum(r["baris"].values())
        baris.append(f"| (b) Muat penuh {a['instansi']} × {a['tahun']} ({r['instansi']} instansi, xlsx per provinsi) | "
                     f"{_d(r['detik'], 1)} s (CPU {_d(r['cpu'], 1)} s); {_n(n)} baris ({', '.join(f'{k} {_n(v)}' for k, v in r['baris'].items())}); "
                     f"{_d(n / r['detik'], 0)} baris/s; pratinjau {_d(r['pratinjau'], 1)} s + simpan {_d(r['simpan'], 1)} s; "
                     f"DB {_d(r['ukuran_db'] / 2**20, 1)} MiB | – | |")
        if "periksa" in r:
            baris.append(f"| (b) Pemeriksaan rekonsiliasi setelah muat penuh (sekali, seperti akhir `import`) | "
                         f"{_d(r['periksa'], 1)} s; {_n(r['temuan'])} temuan tersimpan | – | |")
    for nama, label in (("data", "pembuatan data sintetis"), ("impor_xlsx", "impor xlsx 10k"), ("impor_csv", "impor CSV 10k"),
                        ("muat", "muat penuh"), ("kami", "angka dari DB"), ("dasar", "baseline"), ("halaman", "halaman (AppTest)")):
        if nama in h and h[nama].get("rss_mib") is not None:
            rss, batas = h[nama]["rss_mib"], TARGET["rss_halaman" if nama == "halaman" else "rss"]
            baris.append(f"| (c) RSS puncak: {label} | {_d(rss, 0)} MiB | ≤ {_d(batas, 0)} MiB | {status(rss, batas)} |")
    if "kami" in h:
        k = h["kami"]
        baris.append(f"| (d) Angka halaman dari DB (kueri {_d(k['kueri'])} s + lkjip.analisis {_d(k['hitung'])} s) | {_d(k['detik'])} s | – | |")
    if "dasar" in h:
        d = h["dasar"]
        baris.append(f"| (d) Baseline naif: openpyxl {_d(d['baca'], 1)} s + pandas {_d(d['hitung'])} s | {_d(d['detik'], 1)} s | – | |")
        if "kami" in h:
            sekali = f" (impor sekali + angka: {_d((h['muat']['detik'] + h['kami']['detik']) / d['detik'], 2)})" if "muat" in h else ""
            baris.append(f"| (d) Kami / baseline | {_d(h['kami']['detik'] / d['detik'], 3)}{sekali} | – | |")
        if "banding" in h:
            teks = "; ".join(f"{k} {_n(s)}/{_n(n)}" for k, (s, n) in h["banding"].items())
            baris.append(f"| (d) Angka sama (kami vs baseline, selisih ≤ 1e-6) | {teks} | semua | "
                         f"{'memenuhi' if all(s == n for s, n in h['banding'].values()) else '**berbeda**'} |")
    if "halaman" in h:
        skala = a["instansi"] == 514 and a["tahun"] == 10
        if h["halaman"].get("render_pertama") is not None:
            baris.append(f"| (e) Render pertama aplikasi, proses baru (buka DB, muat semua instansi, Ringkasan) | "
                         f"{_d(h['halaman']['render_pertama'])} s | ≤ 2 s | "
                         f"{'memenuhi' if h['halaman']['render_pertama'] <= TARGET['render_pertama'] else '**tidak memenuhi**'} |")
        baris += ["", f"Halaman (waktu naskah dalam AppTest, detik, pengaturan produksi; hangat = {h['ulang']} rerun; target "
                      f"{_d(TARGET['dingin'])} s dingin / {_d(TARGET['hangat'])} s hangat untuk semua instansi pada 514 × 10"
                      f"{'' if skala else ', ukuran ini lebih kecil'}; kolom AppTest = waktu dinding di sekitar at.run()):", "",
                  "| Halaman | Instansi | Dingin (median 3) | Hangat p50 | Hangat p95 | AppTest dingin / hangat p50 | Catatan |",
                  "|---|---|---|---|---|---|---|"]
        for label, per_halaman in h["halaman"]["pilihan"].items():
            for hal in h["halaman"]["halaman"]:
                r = per_halaman.get(hal, {"galat": "tidak ada"})
                if "p50" not in r:
                    baris.append(f"| {hal} | {label} | n/a | n/a | n/a | n/a | {r.get('galat')} |")
                    continue
                cat = []
                if r.get("galat"):
                    cat.append(f"galat: {r['galat']}")
                if skala and label == "semua" and r["p50"] > TARGET["hangat"]:
                    cat.append(f"hangat > {_d(TARGET['hangat'])} s")
                if skala and label == "semua" and r["dingin"] > TARGET["dingin"]:
                    cat.append(f"dingin > {_d(TARGET['dingin'])} s")
                apptest = f"{_d(r.get('dingin_apptest'))} / {_d(r.get('p50_apptest'))}" if "p50_apptest" in r else "–"
                baris.append(f"| {hal} | {label} | {_d(r['dingin'])} | {_d(r['p50'])} | {_d(r['p95'])} | {apptest} | {'; '.join(cat)} |")
    if "lantai" in h:
        baris += bench_lantai.laporan(h["lantai"], _d)
    return "\n".join(baris)


def jalankan(a: argparse.Namespace) -> int:
    a = _lengkapi(a)
    if a.fase:
        hasil = FASE[a.fase](a)
        hasil["rss_mib"] = _rss_mib()
        (Path(a.kerja) / f"fase-{a.fase}.json").write_text(json.dumps(hasil, ensure_ascii=False, default=str), encoding="utf-8")
        return 0
    sementara = a.kerja is None
    a.kerja = str(Path(a.kerja or tempfile.mkdtemp(prefix="lkjip-bench-")).resolve())
    Path(a.kerja).mkdir(parents=True, exist_ok=True)
    h: dict = {"mesin": _mesin(), "ukuran": {"instansi": a.agencies, "tahun": a.years, "seed": a.seed}, "ulang": a.ulang}
    t0 = time.perf_counter()
    klaster = None
    if a.db and not a.db.startswith("postgresql"):
        print("--db harus URL postgresql://... (DuckDB: berkas di folder kerja, tanpa --db)", file=sys.stderr)
        return 2
    try:
        if a.pg:
            sys.path.insert(0, str(ROOT / "tests"))
            import pg  # Debian's PostgreSQL binaries, a temporary cluster on loopback

            alasan = pg.tersedia()
            if alasan:
                print(f"--pg tidak dapat dijalankan: {alasan}", file=sys.stderr)
                return 2
            klaster = pg.mulai()
            a.db = klaster.buat_db("lkjip_bench")
        h["backend"] = "PostgreSQL" if a.db else "DuckDB"
        daftar = ["data", "impor_xlsx", "impor_csv", "muat", "kami"]
        if not a.tanpa_dasar:
            daftar.append("dasar")
        if not a.tanpa_halaman:
            daftar += ["lantai", "halaman"]
        for nama in daftar:
            h[nama] = _jalankan_fase(nama, a)
        if "dasar" in h:
            h["banding"] = _bandingkan(Path(a.kerja))
    finally:
        if klaster is not None:
            klaster.berhenti()
        h["detik_total"] = time.perf_counter() - t0
        if a.json:
            Path(a.json).write_text(json.dumps(h, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        if sementara:
            shutil.rmtree(a.kerja, ignore_errors=True)
    print(laporan(h))
    print(f"\nTotal waktu benchmark: {_d(h['detik_total'], 0)} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argumen(argparse.ArgumentParser(prog="scripts/bench.py", description="Benchmark Dasbor LKjIP pada data sintetis."))
    return jalankan(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
