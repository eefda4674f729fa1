"""The pages' figures computed in the database: SQL that returns small frames, on both backends.

The rules come from ``lkjip.measures`` and ``lkjip.analisis`` and are written into the SQL here, never
retyped: the category CASE from ``measures.AMBANG_KATEGORI``, the level order of a budget table from
``analisis._PERINGKAT_LEVEL``, the printed-capaian rule from ``analisis.RENTANG_CAPAIAN_TERCETAK``, the cap
as the page's ``batas``. The database only sums, counts, averages and picks rows; ratios (serapan,
efficiency) are computed from those sums by the functions of ``lkjip.measures`` on the small frames.
``lkjip.analisis`` keeps the same figures in pandas for one agency-year's report and as the reference
the tests compare with.

The figures read the summary tables of ``ringkasan`` (the capaian of each IKU/PK row, budget sums per
agency-year and level, per program, per sasaran), which the store keeps in step with the data rows in the
same write; the rules that derive them (the printed-capaian rule, the sasaran text key) are the fragments
below.

Every function takes a store and the page's choice (agencies, years, theme, cap, basis); an empty choice
means all. The SQL is written in DuckDB's dialect and translated for PostgreSQL by ``dialek``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import measures
from ..analisis import _PERINGKAT_LEVEL, PERIODE, RENTANG_CAPAIAN_TERCETAK, URUTAN_KATEGORI, program_nasional
from ..vocab import TEMA


# --- SQL fragments generated from the formulas -------------------------------------------------------
def _angka(x: float) -> str:
    return repr(float(x))  # a number written into SQL (never user text)


def sql_capaian(t: str = "t") -> str:
    """The capaian used in analyses: recomputed, else the printed one when it reads as a percentage."""
    bawah, atas = RENTANG_CAPAIAN_TERCETAK
    return (f"CASE WHEN {t}.capaian IS NOT NULL THEN {t}.capaian "
            f"WHEN {t}.capaian_dilaporkan IS NOT NULL AND (strpos(COALESCE({t}.capaian_dilaporkan_teks, ''), '%') > 0 "
            f"OR {t}.capaian_dilaporkan BETWEEN {_angka(bawah)} AND {_angka(atas)}) THEN {t}.capaian_dilaporkan END")


def sql_kategori(c: str = "capaian") -> str:
    """measures.kategori as a CASE (NULL for an empty capaian)."""
    cabang = " ".join(f"WHEN {c} > {_angka(b)} THEN '{nama}'" for b, nama in measures.AMBANG_KATEGORI)
    return f"CASE WHEN {c} IS NULL THEN NULL {cabang} ELSE '{measures.KATEGORI[-1]}' END"


def sql_dibatasi(batas: float | None, c: str = "capaian") -> str:
    """Each capaian capped at ``batas`` for averaging (measures.rata_rata_capaian); NULL stays NULL."""
    if batas is None:
        return c
    return f"CASE WHEN {c} > {_angka(batas)} THEN {_angka(batas)} ELSE {c} END"


def sql_peringkat_level(level: str = "t.level") -> str:
    cabang = " ".join(f"WHEN '{k}' THEN {v}" for k, v in _PERINGKAT_LEVEL.items())
    return f"CASE {level} {cabang} END"


def _kolom_kategori(k: str) -> str:
    return '"' + k + '"'


class _Kueri:
    """WITH clauses and their parameters, in order."""

    def __init__(self, instansi, tahun):
        self.saring = lambda: _saring(instansi, tahun)
        self.cte: list[str] = []
        self.params: list = []

    def tambah(self, nama: str, sql: str, params: list | None = None, saring: bool = False) -> None:
        where, p = self.saring() if saring else ("", [])
        self.cte.append(f"{nama} AS ({sql.replace('{where}', where)})")
        self.params += p + list(params or [])

    def sql(self, akhir: str) -> str:
        return "WITH " + ",\n".join(self.cte) + "\n" + akhir


def _saring(instansi, tahun, t: str = "t") -> tuple[str, list]:
    """`` AND ...`` for a choice of agencies (by name) and years on table alias ``t``, without a join."""
    syarat, params = [], []
    if instansi:
        syarat.append(f"{t}.instansi_id IN (SELECT id FROM instansi WHERE nama IN ({', '.join('?' * len(instansi))}))")
        params += list(instansi)
    if tahun:
        syarat.append(f"{t}.tahun IN ({', '.join('?' * len(tahun))})")
        params += [int(x) for x in tahun]
    return (" AND " + " AND ".join(syarat)) if syarat else "", params


def _di_terakhir(iid: str, tahun: str) -> str:
    return f" AND EXISTS (SELECT 1 FROM terakhir AS r WHERE r.iid = {iid} AND r.tahun = {tahun})"


def _cte_dasar(q: _Kueri, batas: float | None, tema: str | None, periode: str, sasaran: bool = False) -> None:
    """ind: IKU/PK rows (capaian, capped, category; with ``sasaran`` their sasaran and its text key); terakhir
    (basis "terakhir" only): each agency's latest report year; ind_p: the rows of the chosen basis and theme;
    lv/tot: budget sums per level and the total of each agency-year. Only the columns a figure uses, so
    that a CTE the database keeps in memory stays narrow."""
    if periode not in PERIODE:
        raise ValueError(f"periode {periode!r}: pilih salah satu dari {PERIODE}")
    # agencies by id inside the query (names are joined at the end): smaller keys to group and sort
    kolom = "t.id, t.instansi_id AS iid, t.tahun, t.tema, t.capaian" + (", t.sasaran, t.kunci_sasaran" if sasaran else "")
    q.tambah("ind0", f"SELECT {kolom} FROM ringkas_capaian t WHERE TRUE {{where}}", saring=True)
    q.tambah("ind", f"SELECT ind0.*, {sql_dibatasi(batas)} AS cap, {sql_kategori()} AS kategori FROM ind0")
    q.tambah("lv", f"""SELECT t.instansi_id AS iid, t.tahun, t.level, t.pagu, t.realisasi, t.n, t.lengkap,
                              {sql_peringkat_level()} AS peringkat
                       FROM ringkas_anggaran t WHERE t.utama {{where}}""", saring=True)
    q.tambah("tot0", """SELECT iid, tahun, pagu, realisasi, level AS dasar, n = lengkap AS lengkap FROM (
                            SELECT lv.*, ROW_NUMBER() OVER (PARTITION BY iid, tahun
                                ORDER BY CASE WHEN n = lengkap THEN 0 ELSE 1 END, peringkat NULLS LAST, level) AS rn
                            FROM lv WHERE lengkap > 0) AS x WHERE rn = 1""")
    di_terakhir = ""
    if periode == "terakhir":
        q.tambah("terakhir", """SELECT iid, MAX(tahun) AS tahun FROM (
                                    SELECT iid, tahun FROM ind WHERE capaian IS NOT NULL
                                    UNION ALL SELECT iid, tahun FROM tot0) AS y GROUP BY iid""")
        di_terakhir = _di_terakhir("x.iid", "x.tahun")
    syarat_tema, p = (" AND x.tema = ?", [tema]) if tema else ("", [])
    q.tambah("ind_p", f"SELECT x.* FROM ind AS x WHERE TRUE{di_terakhir}{syarat_tema}", p)
    q.tambah("tot", f"SELECT x.* FROM tot0 AS x WHERE TRUE{di_terakhir}")


def _angka_kolom(df: pd.DataFrame, kolom, bulat: bool = False) -> None:
    for k in kolom:
        df[k] = pd.to_numeric(df[k], errors="coerce")
        if bulat:
            df[k] = df[k].fillna(0).astype(int)


def _larik(seri: pd.Series) -> np.ndarray:
    """A numeric column as floats, NaN where empty (for the ``*_larik`` formulas of lkjip.measures)."""
    return pd.to_numeric(seri, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def _serapan(pagu: pd.Series, realisasi: pd.Series) -> np.ndarray:
    return measures.serapan_larik(_larik(pagu), _larik(realisasi))


# --- per agency-year: the base of Ringkasan, Perbandingan and Tren -----------------------------------
def per_tahun(store, instansi=None, tahun=None, tema: str | None = None, batas: float | None = measures.BATAS_RATA_RATA_BAWAAN,
              periode: str = "semua") -> pd.DataFrame:
    """One row per agency-year: sums and counts of the capped capaian (chosen theme), categories, budget total.

    Columns ``instansi, tahun, baris, jumlah_indikator, jumlah_cap, dibatasi, <KATEGORI...>, pagu, realisasi,
    dasar, lengkap``. ``baris`` counts IKU/PK rows of the theme (with or without a capaian). The budget total
    is the printed total row, else the sum of the first complete level (``dasar``), as ``analisis.anggaran_instansi``.
    """
    q = _Kueri(instansi, tahun)
    _cte_dasar(q, batas, tema, periode)
    kat = ", ".join(f"CAST(SUM(CASE WHEN kategori = '{k}' THEN 1 ELSE 0 END) AS BIGINT) AS {_kolom_kategori(k)}"
                    for k in URUTAN_KATEGORI)
    dibatasi = f"CAST(SUM(CASE WHEN capaian > {_angka(batas)} THEN 1 ELSE 0 END) AS BIGINT)" if batas is not None else "CAST(0 AS BIGINT)"
    q.tambah("ia", f"""SELECT iid, tahun, COUNT(*) AS baris, COUNT(capaian) AS jumlah_indikator, SUM(cap) AS jumlah_cap,
                              {dibatasi} AS dibatasi, {kat}
                       FROM ind_p GROUP BY iid, tahun""")
    kolom_kat = ", ".join(f"ia.{_kolom_kategori(k)}" for k in URUTAN_KATEGORI)
    df = store.baca(q.sql(f"""SELECT i.nama AS instansi, x.* FROM (
                                  SELECT COALESCE(ia.iid, tot.iid) AS iid, COALESCE(ia.tahun, tot.tahun) AS tahun,
                                         ia.baris, ia.jumlah_indikator, ia.jumlah_cap, ia.dibatasi, {kolom_kat},
                                         tot.pagu, tot.realisasi, tot.dasar, tot.lengkap
                                  FROM ia FULL OUTER JOIN tot ON ia.iid = tot.iid AND ia.tahun = tot.tahun) AS x
                              JOIN instansi i ON i.id = x.iid
                              ORDER BY i.nama, x.tahun"""), q.params).drop(columns="iid")
    _angka_kolom(df, ["baris", "jumlah_indikator", "dibatasi", *URUTAN_KATEGORI], bulat=True)
    _angka_kolom(df, ["tahun", "jumlah_cap", "pagu", "realisasi"])
    df["tahun"] = df["tahun"].astype("int64")
    return df


def ringkasan_instansi(store, instansi=None, tahun=None, tema: str | None = None,
                       batas: float | None = measures.BATAS_RATA_RATA_BAWAAN, periode: str = "terakhir",
                       min_indikator: int = 3) -> pd.DataFrame:
    """One row per agency, the columns of ``analisis.ringkasan_instansi``, from ``per_tahun``."""
    kolom = ["instansi", "tahun", "rata_capaian", "jumlah_indikator", "sedikit", "dibatasi", *URUTAN_KATEGORI, "pagu", "realisasi",
             "serapan", "efisiensi_selisih", "tahun_data", "peringkat"]
    pt = per_tahun(store, instansi, tahun, tema, batas, periode)
    if periode == "terakhir":  # a theme leaving an agency's latest year with neither capaian nor budget: no card
        pt = pt[(pt["jumlah_indikator"] > 0) | pt["pagu"].notna()]
    if not len(pt):
        return pd.DataFrame(columns=kolom)
    ada = pt[(pt["jumlah_indikator"] > 0) | pt["pagu"].notna()]
    g = pt.groupby("instansi", sort=True)
    hasil = g[["jumlah_indikator", "dibatasi", *URUTAN_KATEGORI]].sum()
    hasil["jumlah_cap"] = g["jumlah_cap"].sum(min_count=1)
    hasil["pagu"] = g["pagu"].sum(min_count=1)
    hasil["realisasi"] = g["realisasi"].sum(min_count=1)
    hasil["rata_capaian"] = (hasil["jumlah_cap"] / hasil["jumlah_indikator"].where(hasil["jumlah_indikator"] > 0)).astype(float)
    tahun_ada: dict[str, list[int]] = {}
    for nama, th in zip(ada["instansi"].tolist(), ada["tahun"].tolist()):  # sorted by agency and year (SQL)
        tahun_ada.setdefault(nama, []).append(int(th))
    hasil["tahun_data"] = pd.Series({k: ", ".join(map(str, v)) for k, v in tahun_ada.items()}, dtype=object)
    hasil["tahun"] = pd.Series({k: v[-1] for k, v in tahun_ada.items()}, dtype="Int64") if periode == "terakhir" else pd.NA
    hasil["sedikit"] = hasil["jumlah_indikator"] < int(min_indikator)
    hasil["serapan"] = _serapan(hasil["pagu"], hasil["realisasi"])
    hasil["efisiensi_selisih"] = measures.efisiensi_selisih_larik(_larik(hasil["rata_capaian"]), hasil["serapan"])
    hasil = hasil.reset_index()
    layak = hasil["rata_capaian"].where(~hasil["sedikit"])
    hasil["peringkat"] = layak.rank(ascending=False, method="min").astype("Int64")
    hasil["_urut"] = hasil["rata_capaian"].rank(ascending=False, method="min")
    hasil = hasil.sort_values(["peringkat", "_urut", "instansi"], na_position="last")
    return hasil[kolom].reset_index(drop=True)


def tren_instansi(store, instansi=None, tahun=None, tema: str | None = None,
                  batas: float | None = measures.BATAS_RATA_RATA_BAWAAN) -> pd.DataFrame:
    """Average capaian (capped, chosen theme) and serapan per agency-year; years without data are absent."""
    pt = per_tahun(store, instansi, tahun, tema, batas, "semua")
    df = pt[["instansi", "tahun", "jumlah_indikator", "pagu", "realisasi"]].copy()
    df["rata_capaian"] = (pt["jumlah_cap"] / pt["jumlah_indikator"].where(pt["jumlah_indikator"] > 0)).astype(float)
    df["jumlah_indikator"] = pt["jumlah_indikator"].where(pt["baris"] > 0).astype(float)
    df["serapan"] = pd.Series(_serapan(df["pagu"], df["realisasi"]), index=df.index, dtype=float)
    df = df.sort_values(["instansi", "tahun"])
    return df[["instansi", "tahun", "rata_capaian", "jumlah_indikator", "pagu", "realisasi", "serapan"]].reset_index(drop=True)


# --- agency x theme ----------------------------------------------------------------------------------
def capaian_tema(store, instansi=None, tahun=None, tema: str | None = None,
                 batas: float | None = measures.BATAS_RATA_RATA_BAWAAN, periode: str = "semua") -> pd.DataFrame:
    """Per agency and theme, the average capaian (each capped at ``batas``; measures.rata_rata_capaian): columns
    instansi, tema, cap; one row per agency and theme with at least one capaian."""
    q = _Kueri(instansi, tahun)
    _cte_dasar(q, batas, tema, periode)
    df = store.baca(q.sql("SELECT i.nama AS instansi, x.tema, x.cap FROM (SELECT iid, tema, AVG(cap) AS cap FROM ind_p "
                          "WHERE tema IS NOT NULL AND cap IS NOT NULL GROUP BY iid, tema) AS x JOIN instansi i ON i.id = x.iid "
                          "ORDER BY i.nama, x.tema"), q.params)
    df["cap"] = pd.to_numeric(df["cap"], errors="coerce")
    return df


def matriks_tema(store, instansi=None, tahun=None, tema: str | None = None,
                 batas: float | None = measures.BATAS_RATA_RATA_BAWAAN, periode: str = "semua") -> pd.DataFrame:
    """Agency x theme average capaian (capped); themes in the fixed order of vocab.TEMA."""
    df = capaian_tema(store, instansi, tahun, tema, batas, periode)
    if not len(df):
        return pd.DataFrame()
    # one row per agency and theme: reshaped, agencies and themes without any capaian left out
    m = df.pivot(index="instansi", columns="tema", values="cap").dropna(how="all").dropna(how="all", axis=1)
    m = m.reindex(columns=[t for t in TEMA if t in m.columns])
    m.columns.name = "tema"
    return m


# --- serapan per national program --------------------------------------------------------------------
def serapan_program(store, instansi=None, tahun=None, periode: str = "semua") -> pd.DataFrame:
    """Program-level serapan per agency-year by the national program nomenclature.

    The database sums the program lines per distinct name and code; the name -> national program mapping
    (``analisis.program_nasional``, patterns of ``vocab.PROGRAM_NASIONAL``) runs on those few names.
    """
    kolom = ["instansi", "tahun", "program", "pagu", "realisasi", "serapan"]
    q = _Kueri(instansi, tahun)
    _cte_dasar(q, None, None, periode)
    di_terakhir = _di_terakhir("t.instansi_id", "t.tahun") if periode == "terakhir" else ""
    where, p = q.saring()
    df = store.baca(q.sql(f"""SELECT i.nama AS instansi, t.tahun, t.uraian, t.kode, t.pagu, t.realisasi
                              FROM ringkas_program t JOIN instansi i ON i.id = t.instansi_id WHERE TRUE {where}{di_terakhir}"""),
                    q.params + p)
    if not len(df):
        return pd.DataFrame(columns=kolom)
    _angka_kolom(df, ["pagu", "realisasi"])
    peta: dict = {}  # each distinct (name, code) mapped once
    for u, k in zip(df["uraian"].tolist(), df["kode"].tolist()):
        if (u, k) not in peta:
            peta[u, k] = program_nasional(u, k if isinstance(k, str) else None) or u
    df["program"] = [peta[u, k] for u, k in zip(df["uraian"].tolist(), df["kode"].tolist())]
    g = df.groupby(["instansi", "tahun", "program"])[["pagu", "realisasi"]].sum(min_count=1).reset_index()
    g["serapan"] = _serapan(g["pagu"], g["realisasi"])
    g["tahun"] = g["tahun"].astype("int64")
    return g[kolom]


# --- per sasaran: capaian vs the budget lines the report links to it -----------------------------------
def sql_kunci_teks(x: str) -> str:
    """analisis._kunci_teks in SQL: lower case, every run of other characters one space, trimmed."""
    return f"trim(regexp_replace(lower(COALESCE({x}, '')), '[^a-z0-9]+', ' ', 'g'))"


def jumlah_capaian_tema(store, instansi=None, tahun=None) -> int:
    """How many IKU/PK capaian (of every chosen year) the agency x theme matrix averages: those with a theme."""
    q = _Kueri(instansi, tahun)
    _cte_dasar(q, None, None, "semua")
    return int(store.satu(q.sql("SELECT COUNT(capaian) FROM ind_p WHERE tema IS NOT NULL"), q.params) or 0)


def efisiensi_sasaran(store, instansi=None, tahun=None, tema: str | None = None,
                      batas: float | None = measures.BATAS_RATA_RATA_BAWAAN) -> pd.DataFrame:
    """Per sasaran: average capaian vs serapan of its linked budget lines, as ``analisis.efisiensi_sasaran``."""
    kolom = ["instansi", "tahun", "sasaran", "rata_capaian", "jumlah_indikator", "pagu", "realisasi", "serapan",
             "sumber_anggaran", "tautan", "efisiensi_selisih", "efisiensi_rasio", "nilai_nka"]
    q = _Kueri(instansi, tahun)
    _cte_dasar(q, batas, tema, "semua", sasaran=True)
    # sasaran matched by their text key (sql_kunci_teks); each is named by the wording of its first row that has
    # one; the budget side (ringkas_sasaran_anggaran) holds the lines each agency-year links to each sasaran
    q.tambah("ic", """SELECT iid, tahun, kunci_sasaran AS kunci, MIN(CASE WHEN sasaran IS NOT NULL THEN id END) AS id_nama,
                             AVG(cap) AS rata_capaian, COUNT(capaian) AS jumlah_indikator
                      FROM ind_p GROUP BY iid, tahun, kunci_sasaran""")
    df = store.baca(q.sql("""SELECT i.nama AS instansi, ic.tahun, r.sasaran, ic.rata_capaian, ic.jumlah_indikator, sb.pagu,
                                    sb.realisasi, sb.sumber AS sumber_anggaran
                             FROM ic JOIN instansi i ON i.id = ic.iid
                             LEFT JOIN ringkas_capaian r ON r.id = ic.id_nama
                             LEFT JOIN ringkas_sasaran_anggaran sb ON sb.instansi_id = ic.iid AND sb.tahun = ic.tahun
                                                                  AND sb.kunci_sasaran = ic.kunci"""), q.params)
    if not len(df):
        return pd.DataFrame(columns=kolom)
    _angka_kolom(df, ["rata_capaian", "pagu", "realisasi"])
    _angka_kolom(df, ["jumlah_indikator"], bulat=True)
    df["tahun"] = df["tahun"].astype("int64")
    df["tautan"] = df["pagu"].notna()
    c, p, r = _larik(df["rata_capaian"]), _larik(df["pagu"]), _larik(df["realisasi"])
    s = measures.serapan_larik(p, r)
    df["serapan"] = s
    df["efisiensi_selisih"] = measures.efisiensi_selisih_larik(c, s)
    df["efisiensi_rasio"] = measures.efisiensi_rasio_larik(c, s)
    df["nilai_nka"] = measures.efisiensi_nka_larik(p, c, r)
    df["rata_capaian"] = df["rata_capaian"].astype(float)
    return df[kolom].sort_values(["instansi", "tahun", "sasaran"]).reset_index(drop=True)


__all__ = ["capaian_tema", "efisiensi_sasaran", "matriks_tema", "per_tahun", "ringkasan_instansi", "serapan_program", "sql_capaian",
           "sql_kategori", "sql_dibatasi", "sql_kunci_teks", "tren_instansi"]


# --- lists for a page's own controls (no figures, no raw rows) -----------------------------------------
def daftar_indikator(store, instansi=None, tahun=None, tema: str | None = None) -> pd.DataFrame:
    """IKU/PK indicator wordings with the number of agencies reporting each (most first): ``indikator, n``."""
    where, p = store._saring(list(instansi or []) or None, list(tahun or []) or None)
    if tema:
        where += " AND t.tema = ?"
        p.append(tema)
    return store.baca(f"""SELECT t.indikator, COUNT(DISTINCT i.nama) AS n FROM ringkas_rumusan t JOIN instansi i ON i.id = t.instansi_id
                          WHERE t.iku {where} GROUP BY t.indikator ORDER BY n DESC, t.indikator""", p)


def tahun_anggaran(store, instansi=None, tahun=None) -> pd.DataFrame:
    """The agency-years that have budget lines: ``instansi, tahun``."""
    where, p = store._saring(list(instansi or []) or None, list(tahun or []) or None)
    df = store.baca(f"""SELECT DISTINCT i.nama AS instansi, t.tahun FROM ringkas_anggaran t JOIN instansi i ON i.id = t.instansi_id
                        WHERE TRUE {where} ORDER BY i.nama, t.tahun""", p)
    df["tahun"] = df["tahun"].astype("int64")
    return df


def rumusan_indikator(store, instansi=None, tahun=None) -> pd.DataFrame:
    """Each distinct indicator wording of the main tables per agency: ``instansi, indikator, satuan`` (of its
    first year) and ``tahun_data`` (its years, "2022, 2023")."""
    where, p = store._saring(list(instansi or []) or None, list(tahun or []) or None)
    return store.baca(f"""
        WITH r AS (SELECT i.nama AS instansi, t.indikator, t.satuan, t.tahun,
                          ROW_NUMBER() OVER (PARTITION BY i.nama, t.indikator ORDER BY t.tahun, t.id_pertama) AS rn
                   FROM ringkas_rumusan t JOIN instansi i ON i.id = t.instansi_id WHERE TRUE {where})
        SELECT instansi, indikator, MAX(CASE WHEN rn = 1 THEN satuan END) AS satuan,
               string_agg(DISTINCT CAST(tahun AS VARCHAR), ', ' ORDER BY CAST(tahun AS VARCHAR)) AS tahun_data
        FROM r GROUP BY instansi, indikator ORDER BY instansi, indikator""", p)


def pasangan_indikator(store, instansi=None, tahun=None) -> pd.DataFrame:
    """Each distinct (agency, indicator wording, unit) of the main tables: what links a wording to a standard
    indicator (lkjip.standar.tautkan), without reading the rows."""
    where, p = store._saring(list(instansi or []) or None, list(tahun or []) or None)
    return store.baca(f"""SELECT DISTINCT i.nama AS instansi, t.indikator, t.satuan FROM ringkas_rumusan t
                          JOIN instansi i ON i.id = t.instansi_id WHERE TRUE {where}""", p)
