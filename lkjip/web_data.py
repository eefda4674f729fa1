"""Streamlit glue, data: the store and cached, typed figure functions for the pages.

Cached results are keyed by the database's path and data version, which every write bumps, so an
upload is seen at once. Each figure the pages show has one function here, named after the lkjip
function that computes it, with typed arguments (no dispatch by name).
"""
from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

import pandas as pd
import streamlit as st

from . import aktivitas, analisis, bawaan, charts, label
from .store import Store, StoreError, adalah_url, agregat, lokasi_db

# The figures are kept as shared objects (st.cache_resource), not as pickles (st.cache_data would unpickle a
# fresh copy at every call of every rerun of every session: CPU on every view, and one copy per concurrent
# session). A reader gets a shallow copy: with pandas' copy-on-write, adding or changing a column of it never
# reaches the shared frame.
_BERSAMA: list = []


def _salin(x):
    if isinstance(x, (pd.DataFrame, pd.Series)):
        return x.copy(deep=False)
    if isinstance(x, dict):
        return {k: _salin(v) for k, v in x.items()}
    if isinstance(x, tuple):
        return tuple(_salin(v) for v in x)
    return x


def bersama(max_entries: int = 16, show_spinner: bool | str = False):
    """st.cache_resource for a figure function, its readers getting shallow copies (see above)."""
    def hias(f):
        simpan = st.cache_resource(show_spinner=show_spinner, max_entries=max_entries)(f)
        _BERSAMA.append(simpan)

        @functools.wraps(f)
        def baca(*a, **k):
            return _salin(simpan(*a, **k))

        baca.clear = simpan.clear
        return baca
    return hias


# Threads that compute a page's figures side by side on a server database (``serentak``): PostgreSQL works on
# several queries at once in its own processes while each thread here waits without holding Python's lock.
# Shared by every session of the process.
_PEKERJA = ThreadPoolExecutor(max_workers=3, thread_name_prefix="lkjip-figur")


def _berdampingan() -> bool:
    """Side by side only on a server: DuckDB already spreads each query over every core, and running them at once
    only raised a replica's peak memory (measured: ~30 MiB more at 514 agencies, no faster)."""
    return store().backend == "postgresql"


def serentak(*tugas: Callable[[], object]) -> None:
    """Compute these cached figures up front, side by side on a server database; the page then reads each from
    the cache as usual.

    The first runs in the script's thread, the others in ``_PEKERJA``: there no Streamlit element may be drawn, so
    only figures without a spinner go after the first. A failure is left for the page's own call, which meets
    it again and reports it as it would without this."""
    def jalan(f: Callable[[], object]) -> None:
        try:
            f()
        except Exception:  # noqa: BLE001 - raised again by the page's own call
            pass

    if not _berdampingan():
        for f in tugas:
            jalan(f)
        return
    janji = [_PEKERJA.submit(jalan, f) for f in tugas[1:]]
    if tugas:
        jalan(tugas[0])
    for j in janji:
        j.result()


def kosongkan_cache() -> None:
    """Empty every cached figure and query (the store stays open): a cold page, as after an upload."""
    from . import web_format, web_grafik

    st.cache_data.clear()
    for f in (*_BERSAMA, web_grafik._figur, web_format._gaya_tetap):
        f.clear()


@st.cache_resource(show_spinner="Menyiapkan basis data…")
def _store(path: str) -> Store:
    return bawaan.buka(path, singgah=True)  # a DuckDB file stays free for the CLI between operations


def store() -> Store:
    """The process-wide store (created with the bundled data on first use).

    When the database cannot be reached (a PostgreSQL server down, a DuckDB file held by another
    process on first load) the page shows the store's message and stops, instead of a traceback.
    """
    try:
        return _store(str(lokasi_db()))
    except StoreError as e:
        # only the first call of a run can fail (app.py, before the navigation): no page list then; the
        # message names no server path (the log has the detail)
        import logging

        logging.getLogger("lkjip.app").error("basis data tidak dapat dibuka: %s", e)
        bahasa = "en" if st.session_state.get("f_bahasa") else "id"
        sibuk = "dipakai proses lain" in str(e)
        pesan = {("id", True): "sedang dipakai proses lain.", ("en", True): "it is in use by another process.",
                 ("id", False): "berkasnya atau servernya tidak dapat dibuka.",
                 ("en", False): "its file or server cannot be opened."}[(bahasa, sibuk)]
        st.navigation([st.Page(lambda: None, title="Dasbor LKjIP", url_path="galat")], position="hidden")
        if adalah_url(lokasi_db()):  # a server: its message names host and database, the password masked
            st.error(str(e), icon=":material/database:")
        else:
            st.error(label.teks("galat.db", bahasa, pesan=pesan), icon=":material/database:")
        st.stop()


def kunci() -> tuple[str, int]:
    """(database path, data version): the first two arguments of every cached function."""
    s = store()
    versi = s.versi_data
    if s.sibuk:  # another process (a CLI import) holds the DuckDB file: cached figures, said so
        st.toast(label.teks("db.sibuk", "en" if st.session_state.get("f_bahasa") else "id"), icon="⏳")
    return str(s.path), versi


@st.cache_data(show_spinner=False, max_entries=16)
def _daftar(path: str, versi: int) -> tuple[list[str], list[int]]:
    s = store()
    # an agency left with no rows (every import of it undone) is not offered in the filters
    nama = s.baca("SELECT nama FROM instansi i WHERE EXISTS (SELECT 1 FROM ringkas_tahun t WHERE t.instansi_id = i.id "
                  "AND t.tabel IN ('indikator', 'anggaran', 'skor')) ORDER BY nama")
    return list(nama["nama"]), s.daftar_tahun()


def daftar_instansi() -> list[str]:
    return _daftar(*kunci())[0]


def daftar_tahun() -> list[int]:
    return _daftar(*kunci())[1]


# The activity log is only ever appended to, and some of its lines come without a data change (a refused write):
# its own version is its newest line, one indexed read per rerun instead of the listing and its choices.
def kunci_log() -> tuple[str, int, int]:
    """(database path, data version, the log's newest line): the first arguments of the log's cached reads."""
    return (*kunci(), int(store().satu("SELECT COALESCE(max(id), 0) FROM log_aktivitas") or 0))


@st.cache_data(show_spinner=False, max_entries=16)
def _pilihan_log(path: str, versi: int, versi_log: int) -> dict[str, list]:
    return aktivitas.pilihan(store())


@bersama()
def _daftar_log(path: str, versi: int, versi_log: int, instansi: str | None, pengguna: tuple, aksi: tuple, tahun: tuple,
                dari, sampai, batas: int) -> pd.DataFrame:
    return aktivitas.daftar(store(), instansi, batas=batas, pengguna=list(pengguna), aksi=list(aksi), tahun=list(tahun),
                            dari=dari, sampai=sampai)


def pilihan_log(k: tuple[str, int, int]) -> dict[str, list]:
    """The log's filter choices (lkjip.aktivitas.pilihan) at ``k`` (kunci_log), read again only when a line was added."""
    return _pilihan_log(*k)


def daftar_log(k: tuple[str, int, int], instansi: str | None, pengguna, aksi, tahun, dari, sampai, batas: int) -> pd.DataFrame:
    """The log's newest lines for these filters (lkjip.aktivitas.daftar) at ``k`` (kunci_log), read again only when
    a line was added."""
    return _daftar_log(*k, instansi, tuple(pengguna or ()), tuple(aksi or ()), tuple(tahun or ()), dari, sampai, batas)


# The raw rows are large (all agencies: ~60k indicator and ~220k budget rows at national scale): no page reads
# them. Rows are read where a page shows rows: one indicator (Tren), one agency-year (Serapan), the rows of
# one finding (Kualitas data), the rows of one standard indicator's wordings.
@bersama()
def baris_terlibat(path: str, versi: int, ids: tuple[int, ...]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The indicator rows, budget lines and printed values with these ids (row ids are unique across tables)."""
    s, pilih = store(), list(ids)
    return s.indikator(ids=pilih), s.anggaran(ids=pilih), s.tabel("nilai_dilaporkan", ids=pilih)


@bersama()
def _tabel(path: str, versi: int, nama: str, instansi: tuple, tahun: tuple) -> pd.DataFrame:
    return store().tabel(nama, list(instansi) or None, list(tahun) or None)


# The figures are computed in the database (lkjip.store.agregat): only small frames leave it, one row per
# agency, agency-year, theme, program or sasaran. The choice is passed as it is; empty = all.
def _pilih(instansi: tuple, tahun: tuple) -> tuple[list | None, list | None]:
    return list(instansi) or None, list(tahun) or None


@bersama()
def ringkasan_instansi(path: str, versi: int, instansi: tuple, tahun: tuple, tema: str | None, batas: float,
                       periode: str, min_indikator: int) -> pd.DataFrame:
    # the latest year is chosen on all of an agency's data, then the theme narrows the indicators
    return agregat.ringkasan_instansi(store(), *_pilih(instansi, tahun), tema, batas, periode, min_indikator)


@bersama()
def matriks_tema(path: str, versi: int, instansi: tuple, tahun: tuple, tema: str | None, batas: float, periode: str) -> pd.DataFrame:
    return agregat.matriks_tema(store(), *_pilih(instansi, tahun), tema, batas, periode)


@bersama()
def serapan_program(path: str, versi: int, instansi: tuple, tahun: tuple, periode: str) -> pd.DataFrame:
    return agregat.serapan_program(store(), *_pilih(instansi, tahun), periode)


@bersama()
def efisiensi_sasaran(path: str, versi: int, instansi: tuple, tahun: tuple, tema: str | None, batas: float) -> pd.DataFrame:
    return agregat.efisiensi_sasaran(store(), *_pilih(instansi, tahun), tema, batas)


@bersama()
def efisiensi_bagian(path: str, versi: int, instansi: tuple, tahun: tuple, tema: str | None,
                     batas: float) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """What the Efisiensi page shows of efisiensi_sasaran, split once rather than on every rerun: the sasaran with a
    capaian linked to budget lines, those without a link, and the chart's points (charts.titik_efisiensi)."""
    ef = efisiensi_sasaran(path, versi, instansi, tahun, tema, batas).dropna(subset=["rata_capaian"])
    tertaut = ef[ef["tautan"]]
    return tertaut, ef[~ef["tautan"]], charts.titik_efisiensi(tertaut) if len(tertaut) else tertaut


@bersama()
def tren_instansi(path: str, versi: int, instansi: tuple, tahun: tuple, tema: str | None, batas: float) -> pd.DataFrame:
    return agregat.tren_instansi(store(), *_pilih(instansi, tahun), tema, batas)


@bersama(show_spinner="Memeriksa kecocokan angka…")
def temuan_per_instansi(path: str, versi: int, instansi: tuple, tahun: tuple) -> pd.DataFrame:
    from . import checks

    return checks.jumlah_per_instansi(store(), list(instansi) or None, list(tahun) or None)


@bersama()
def standar_tertaut(path: str, versi: int, instansi: tuple, tahun: tuple) -> pd.DataFrame:
    """Each distinct indicator wording of the chosen agencies with its standard indicator and how it was linked."""
    from . import standar

    df = standar.tautkan(agregat.rumusan_indikator(store(), *_pilih(instansi, tahun)), standar.daftar_tetap(store()))
    kolom = ["instansi", "indikator", "satuan", "standar", "cara", "tahun_data"]
    return df[kolom].reset_index(drop=True) if len(df) else pd.DataFrame(columns=kolom)


@bersama()
def standar_ada(path: str, versi: int, instansi: tuple, tahun: tuple) -> pd.DataFrame:
    """Which agency reports which standard indicator (columns instansi, standar; one row per pair): the
    wordings and units of the chosen agencies linked as lkjip.standar.nilai_standar links them."""
    from . import standar

    df = standar.tautkan(agregat.pasangan_indikator(store(), *_pilih(instansi, tahun)), standar.daftar_tetap(store()))
    if not len(df):
        return pd.DataFrame(columns=["instansi", "standar"])
    return df.dropna(subset=["standar"])[["instansi", "standar"]].drop_duplicates().reset_index(drop=True)


@bersama()
def daftar_indikator(path: str, versi: int, instansi: tuple, tahun: tuple, tema: str | None) -> pd.Series:
    """IKU/PK indicator wordings -> number of agencies reporting them, most first."""
    df = agregat.daftar_indikator(store(), *_pilih(instansi, tahun), tema)
    return pd.Series(df["n"].astype(int).to_numpy(), index=df["indikator"].to_numpy(), name="n")


@bersama()
def tren_indikator(path: str, versi: int, instansi: tuple, tahun: tuple, tema: str | None, indikator: str) -> pd.DataFrame:
    return analisis.tren_indikator(store().indikator(*_pilih(instansi, tahun), indikator=indikator, tema=tema), indikator=indikator)


@bersama()
def tahun_anggaran(path: str, versi: int, instansi: tuple, tahun: tuple) -> pd.DataFrame:
    return agregat.tahun_anggaran(store(), *_pilih(instansi, tahun))


@bersama()
def anggaran_satu(path: str, versi: int, instansi: str, tahun: int) -> pd.DataFrame:
    """Every budget line of one agency-year (all its tables)."""
    return store().anggaran([instansi], [int(tahun)])


@bersama()
def sumber_serapan(path: str, versi: int, instansi: str, tahun: int) -> tuple[list[str], str]:
    """The budget tables of one agency-year and the one shown first (lkjip.rincian_anggaran.sumber_bawaan)."""
    from . import rincian_anggaran

    ang = anggaran_satu(path, versi, instansi, tahun)
    return analisis.sumber_anggaran(ang, instansi, tahun), rincian_anggaran.sumber_bawaan(ang, instansi, tahun)


@bersama()
def rincian_serapan(path: str, versi: int, instansi: str, tahun: int, sumber: str, ambang: int) -> dict:
    """What the Serapan page shows of one budget table: ``baris`` (its tree), ``utama`` (pagu, realisasi and
    serapan as the table prints them), ``tabel`` (the lines with their status against ``ambang``) and
    ``triwulan`` (the quarterly plan and realisation, and the other tables that have one)."""
    from . import rincian_anggaran

    ang = anggaran_satu(path, versi, instansi, tahun)
    baris = analisis.pohon_anggaran(ang, instansi, tahun, sumber)
    return {"baris": baris, "utama": rincian_anggaran.angka_utama(ang, instansi, tahun, sumber),
            "tabel": rincian_anggaran.tabel_rincian(baris, ambang),
            "triwulan": rincian_anggaran.triwulan_laporan(ang, instansi, tahun, sumber)}


@bersama()
def nilai_standar(path: str, versi: int, instansi: tuple, tahun: tuple, kode: str) -> pd.DataFrame:
    from . import standar

    return standar.nilai_standar(store(), kode, *_pilih(instansi, tahun))
