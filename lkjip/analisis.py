"""Figures for the pages: DataFrames in, DataFrames out, every formula from lkjip.measures.

Inputs are the rows of ``Store.indikator()`` and ``Store.anggaran()``. Analyses use one row per
indicator-year (``utama``) of the IKU/PK level (``tingkat == 'sasaran'``) and the main budget table of
each report (``utama``); the other printed rows stay available for reconciliation.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from . import measures
from .vocab import PROGRAM_NASIONAL, TEMA

URUTAN_KATEGORI = list(measures.KATEGORI)
_PERINGKAT_LEVEL = {"total": 0, "jenis_belanja": 1, "sasaran": 2, "program": 3, "kegiatan": 4, "sub_kegiatan": 5}


# a printed capaian stands in for one that cannot be recomputed when it reads as a percentage: printed
# with "%", or a number in this range (lkjip.store.agregat writes the same rule in SQL)
RENTANG_CAPAIAN_TERCETAK = (0, 250)

CATATAN_CAPAIAN_TERCETAK = (
    "Bila capaian tidak dapat dihitung ulang (target/realisasi tidak tercetak, misalnya tahun-tahun "
    "sebelumnya yang hanya dikutip capaiannya), capaian tercetak dipakai dan ditandai."
)


def indikator_analisis(ind: pd.DataFrame, tema: str | None = None) -> pd.DataFrame:
    """The indicator rows used in analyses (main table, IKU/PK level).

    ``capaian`` is the recomputed value; where it cannot be recomputed and the report prints a
    capaian that reads as a percentage, that printed value is used and ``dari_laporan`` is True.
    """
    df = ind[ind["utama"] & (ind["tingkat"] == "sasaran")] if len(ind) else ind
    if tema:
        df = df[df["tema"] == tema]
    df = df.copy()
    teks = df["capaian_dilaporkan_teks"].fillna("").astype(str) if len(df) else pd.Series(dtype=str)
    persen = teks.str.contains("%") | df["capaian_dilaporkan"].between(*RENTANG_CAPAIAN_TERCETAK)
    pakai = df["capaian"].isna() & df["capaian_dilaporkan"].notna() & persen
    df["dari_laporan"] = pakai
    df["capaian"] = df["capaian"].where(~pakai, df["capaian_dilaporkan"])
    return df


def _kapai(seri: pd.Series, batas: float | None) -> pd.Series:
    return seri.clip(upper=batas) if batas is not None else seri


def kategori_seri(capaian: pd.Series) -> pd.Series:
    """Vectorised measures.kategori (same thresholds)."""
    return pd.Series([measures.kategori(None if pd.isna(c) else float(c)) for c in capaian], index=capaian.index, dtype=object)


def anggaran_instansi(ang: pd.DataFrame) -> pd.DataFrame:
    """Budget total per agency-year from its main budget table.

    The printed total row when it has pagu and realisasi; else the sum of the first complete level
    (jenis belanja, sasaran, program, kegiatan, sub kegiatan). ``dasar`` says which level was used.
    """
    kolom = ["instansi", "tahun", "pagu", "realisasi", "serapan", "dasar", "lengkap"]
    if ang is None or not len(ang):
        return pd.DataFrame(columns=kolom)
    df = ang[ang["utama"]].copy()
    df["lengkap_baris"] = df["pagu"].notna() & df["realisasi"].notna()
    g = df.groupby(["instansi", "tahun", "level"], sort=False).agg(
        pagu=("pagu", "sum"), realisasi=("realisasi", "sum"), n=("id", "size"), lengkap=("lengkap_baris", "sum"),
    ).reset_index()
    g["peringkat"] = g["level"].map(_PERINGKAT_LEVEL)
    g["semua_lengkap"] = g["n"] == g["lengkap"]
    g = g[g["lengkap"] > 0].sort_values(["instansi", "tahun", "semua_lengkap", "peringkat"], ascending=[True, True, False, True])
    pilih = g.drop_duplicates(["instansi", "tahun"], keep="first").copy()
    pilih["serapan"] = [measures.serapan(p, r).nilai for p, r in zip(pilih["pagu"], pilih["realisasi"])]
    pilih["dasar"] = pilih["level"]
    pilih["lengkap"] = pilih["semua_lengkap"]
    return pilih[kolom].reset_index(drop=True)


PERIODE = ("terakhir", "semua")  # each agency's latest year (fair default) | all chosen years together
MIN_INDIKATOR_PERINGKAT = 3  # an average resting on fewer indicators is marked and not ranked (changeable)


def tahun_terakhir(ind: pd.DataFrame, ang: pd.DataFrame) -> pd.Series:
    """Each agency's latest report year: the latest year with an IKU/PK capaian or a budget total."""
    d = indikator_analisis(ind)
    tahun = [d.dropna(subset=["capaian"]).groupby("instansi")["tahun"].max() if len(d) else pd.Series(dtype="int64"),
             anggaran_instansi(ang).groupby("instansi")["tahun"].max()]
    tahun = [t for t in tahun if len(t)]
    if not tahun:
        return pd.Series(dtype="int64", name="tahun")
    return pd.concat(tahun, axis=1).max(axis=1).astype("int64").rename("tahun")


def saring_tahun_terakhir(ind: pd.DataFrame, ang: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows of each agency's latest report year only (see tahun_terakhir)."""
    terakhir = tahun_terakhir(ind, ang)

    def saring(df: pd.DataFrame) -> pd.DataFrame:
        if df is None or not len(df):
            return df
        return df[df["tahun"].to_numpy() == df["instansi"].map(terakhir).to_numpy()]

    return saring(ind), saring(ang)


def ringkasan_instansi(ind: pd.DataFrame, ang: pd.DataFrame, batas: float | None = measures.BATAS_RATA_RATA_BAWAAN,
                       periode: str = "terakhir", min_indikator: int = MIN_INDIKATOR_PERINGKAT) -> pd.DataFrame:
    """One row per agency: average capaian (capped), categories, serapan, efficiency — and a fair rank.

    ``periode="terakhir"`` (default) compares each agency on its latest report year (column ``tahun``);
    ``"semua"`` pools every chosen year (``tahun`` empty, ``tahun_data`` lists them). An average of fewer
    than ``min_indikator`` indicators is marked (``sedikit``) and gets no rank (``peringkat`` empty).
    """
    if periode not in PERIODE:
        raise ValueError(f"periode {periode!r}: pilih salah satu dari {PERIODE}")
    kolom = ["instansi", "tahun", "rata_capaian", "jumlah_indikator", "sedikit", "dibatasi", *URUTAN_KATEGORI, "pagu", "realisasi",
             "serapan", "efisiensi_selisih", "tahun_data", "peringkat"]
    if periode == "terakhir":
        ind, ang = saring_tahun_terakhir(ind, ang)
    df = indikator_analisis(ind)
    if not len(df) and (ang is None or not len(ang)):
        return pd.DataFrame(columns=kolom)
    d = df.assign(cap=_kapai(df["capaian"], batas), kategori=kategori_seri(df["capaian"]))
    rata = d.groupby("instansi").agg(
        rata_capaian=("cap", "mean"), jumlah_indikator=("capaian", "count"),
        dibatasi=("capaian", lambda s: int((s > batas).sum()) if batas is not None else 0),
    )
    kat = d.pivot_table(index="instansi", columns="kategori", values="id", aggfunc="count", fill_value=0)
    kat = kat.reindex(columns=URUTAN_KATEGORI, fill_value=0)
    per_tahun = anggaran_instansi(ang)
    agg = per_tahun.groupby("instansi").agg(pagu=("pagu", "sum"), realisasi=("realisasi", "sum"))
    hasil = rata.join(kat, how="outer").join(agg, how="outer")
    tahun_ada = pd.concat([d.dropna(subset=["capaian"])[["instansi", "tahun"]], per_tahun[["instansi", "tahun"]]])
    hasil["tahun_data"] = tahun_ada.groupby("instansi")["tahun"].agg(lambda s: ", ".join(str(int(t)) for t in sorted(set(s))))
    hasil["tahun"] = tahun_ada.groupby("instansi")["tahun"].max().astype("Int64") if periode == "terakhir" else pd.NA
    for k in URUTAN_KATEGORI:
        hasil[k] = hasil[k].fillna(0).astype(int)
    hasil["jumlah_indikator"] = hasil["jumlah_indikator"].fillna(0).astype(int)
    hasil["dibatasi"] = hasil["dibatasi"].fillna(0).astype(int)
    hasil["sedikit"] = hasil["jumlah_indikator"] < int(min_indikator)
    hasil["serapan"] = [measures.serapan(p, r).nilai if pd.notna(p) else None for p, r in zip(hasil["pagu"], hasil["realisasi"])]
    hasil["efisiensi_selisih"] = [
        measures.efisiensi_selisih(None if pd.isna(c) else c, None if s is None or pd.isna(s) else s).nilai
        for c, s in zip(hasil["rata_capaian"], hasil["serapan"])
    ]
    hasil = hasil.reset_index().rename(columns={"index": "instansi"})
    layak = hasil["rata_capaian"].where(~hasil["sedikit"])
    hasil["peringkat"] = layak.rank(ascending=False, method="min").astype("Int64")
    hasil["_urut"] = hasil["rata_capaian"].rank(ascending=False, method="min")
    hasil = hasil.sort_values(["peringkat", "_urut", "instansi"], na_position="last")
    return hasil[kolom].reset_index(drop=True)


def tren_indikator(ind: pd.DataFrame, indikator: str | None = None, tema: str | None = None) -> pd.DataFrame:
    """Target, realisasi and capaian per agency and year for one indicator or one theme (averaged)."""
    df = indikator_analisis(ind, tema)
    if indikator:
        df = df[df["indikator"] == indikator]
    return df.sort_values(["instansi", "tahun"])


def tren_instansi(ind: pd.DataFrame, ang: pd.DataFrame, batas: float | None = measures.BATAS_RATA_RATA_BAWAAN,
                  tema: str | None = None) -> pd.DataFrame:
    """Average capaian (capped) and serapan per agency and year; years without data are absent (gaps)."""
    df = indikator_analisis(ind, tema)
    c = (df.assign(cap=_kapai(df["capaian"], batas)).groupby(["instansi", "tahun"])
         .agg(rata_capaian=("cap", "mean"), jumlah_indikator=("capaian", "count")).reset_index())
    a = anggaran_instansi(ang)[["instansi", "tahun", "pagu", "realisasi", "serapan"]]
    return c.merge(a, on=["instansi", "tahun"], how="outer").sort_values(["instansi", "tahun"]).reset_index(drop=True)


def isi_celah_tahun(df: pd.DataFrame, tahun: list[int], kunci: str = "instansi") -> pd.DataFrame:
    """Add empty rows for missing years so charts show gaps, not lines across missing years."""
    if not len(df):
        return df
    penuh = pd.MultiIndex.from_product([sorted(df[kunci].unique()), sorted(tahun)], names=[kunci, "tahun"])
    return df.set_index([kunci, "tahun"]).reindex(penuh).reset_index()


def matriks_tema(ind: pd.DataFrame, batas: float | None = measures.BATAS_RATA_RATA_BAWAAN) -> pd.DataFrame:
    """Agency x theme average capaian (capped); themes in the fixed order of vocab.TEMA."""
    df = indikator_analisis(ind)
    if not len(df):
        return pd.DataFrame()
    m = df.assign(cap=_kapai(df["capaian"], batas)).pivot_table(index="instansi", columns="tema", values="cap", aggfunc="mean")
    return m.reindex(columns=[t for t in TEMA if t in m.columns])


@lru_cache(maxsize=8192)
def program_nasional(uraian: str | None, kode: str | None = None) -> str | None:
    """The national program (urusan sosial 1.06) a budget line's name or code refers to."""
    if kode:
        m = re.match(r"^\d+\.0?6\.0?(\d)\b", str(kode))
        if m and m.group(1) in {k[-1] for k in PROGRAM_NASIONAL}:
            for k, (nama, _) in PROGRAM_NASIONAL.items():
                if k.endswith(m.group(1)):
                    return nama
    t = re.sub(r"\s+", " ", str(uraian or "").lower())
    for _, (nama, pola) in PROGRAM_NASIONAL.items():
        if re.search(pola, t):
            return nama
    return None


def serapan_program(ang: pd.DataFrame) -> pd.DataFrame:
    """Program-level serapan per agency and year, by the national program nomenclature."""
    kolom = ["instansi", "tahun", "program", "pagu", "realisasi", "serapan"]
    if ang is None or not len(ang):
        return pd.DataFrame(columns=kolom)
    df = ang[ang["utama"] & (ang["level"] == "program")].copy()
    df["program"] = [program_nasional(u, k if isinstance(k, str) else None) or u for u, k in zip(df["uraian"], df["kode"])]
    g = df.groupby(["instansi", "tahun", "program"])[["pagu", "realisasi"]].sum(min_count=1).reset_index()
    g["serapan"] = [measures.serapan(None if pd.isna(p) else p, None if pd.isna(r) else r).nilai for p, r in zip(g["pagu"], g["realisasi"])]
    return g[kolom]


def _kunci_teks(s: pd.Series) -> pd.Series:
    return s.fillna("").str.lower().str.replace(r"[^a-z0-9]+", " ", regex=True).str.strip()


def efisiensi_sasaran(ind: pd.DataFrame, ang: pd.DataFrame, batas: float | None = measures.BATAS_RATA_RATA_BAWAAN) -> pd.DataFrame:
    """Per sasaran: average capaian of its indicators vs serapan of the budget lines the report links to it.

    Where a report gives no link between a sasaran and budget lines the budget columns stay empty
    (``tautan`` False) — no link is invented. The three efficiency methods are side by side.
    """
    kolom = ["instansi", "tahun", "sasaran", "rata_capaian", "jumlah_indikator", "pagu", "realisasi", "serapan",
             "sumber_anggaran", "tautan", "efisiensi_selisih", "efisiensi_rasio", "nilai_nka"]
    df = indikator_analisis(ind)
    if not len(df):
        return pd.DataFrame(columns=kolom)
    c = (df.assign(cap=_kapai(df["capaian"], batas), kunci=_kunci_teks(df["sasaran"]))
         .groupby(["instansi", "tahun", "kunci"], as_index=False)
         .agg(sasaran=("sasaran", "first"), rata_capaian=("cap", "mean"), jumlah_indikator=("capaian", "count")))
    a = ang[ang["sasaran"].notna() & ang["pagu"].notna() & ang["realisasi"].notna()].copy() if ang is not None and len(ang) else pd.DataFrame()
    if len(a):
        a["kunci"] = _kunci_teks(a["sasaran"])
        a["peringkat"] = a["level"].map(_PERINGKAT_LEVEL)
        a["min_peringkat"] = a.groupby(["instansi", "tahun", "kunci", "sumber"])["peringkat"].transform("min")
        a = a[a["peringkat"] == a["min_peringkat"]]
        s = a.groupby(["instansi", "tahun", "kunci", "sumber"], as_index=False).agg(
            pagu=("pagu", "sum"), realisasi=("realisasi", "sum"), utama=("utama", "max"), peringkat=("peringkat", "min"))
        s = s.sort_values(["utama", "peringkat"], ascending=[False, True]).drop_duplicates(["instansi", "tahun", "kunci"])
        s = s.rename(columns={"sumber": "sumber_anggaran"})[["instansi", "tahun", "kunci", "pagu", "realisasi", "sumber_anggaran"]]
        hasil = c.merge(s, on=["instansi", "tahun", "kunci"], how="left")
    else:
        hasil = c.assign(pagu=np.nan, realisasi=np.nan, sumber_anggaran=None)
    hasil["tautan"] = hasil["pagu"].notna()
    hasil["serapan"] = [measures.serapan(p, r).nilai if pd.notna(p) else None for p, r in zip(hasil["pagu"], hasil["realisasi"])]
    hasil["efisiensi_selisih"] = [measures.efisiensi_selisih(c_, s_).nilai if s_ is not None else None for c_, s_ in zip(hasil["rata_capaian"], hasil["serapan"])]
    hasil["efisiensi_rasio"] = [measures.efisiensi_rasio(c_, s_).nilai if s_ is not None else None for c_, s_ in zip(hasil["rata_capaian"], hasil["serapan"])]
    hasil["nilai_nka"] = [
        measures.efisiensi_nka([(p, c_, r)]).nilai if pd.notna(p) else None
        for p, c_, r in zip(hasil["pagu"], hasil["rata_capaian"], hasil["realisasi"])
    ]
    return hasil[kolom].sort_values(["instansi", "tahun", "sasaran"]).reset_index(drop=True)


def pohon_anggaran(ang: pd.DataFrame, instansi: str, tahun: int, sumber: str | None = None) -> pd.DataFrame:
    """Budget lines of one agency-year and source as a tree (id, induk_id) for a drill-down."""
    df = ang[(ang["instansi"] == instansi) & (ang["tahun"] == tahun)]
    if sumber:
        df = df[df["sumber"] == sumber]
    elif len(df):
        df = df[df["utama"]] if df["utama"].any() else df[df["sumber"] == df["sumber"].iloc[0]]
    return df.sort_values("urutan").reset_index(drop=True)


def sumber_anggaran(ang: pd.DataFrame, instansi: str, tahun: int) -> list[str]:
    """Budget tables of one agency-year, the main one first, then by number of lines."""
    df = ang[(ang["instansi"] == instansi) & (ang["tahun"] == tahun)]
    if not len(df):
        return []
    g = df.groupby("sumber").agg(utama=("utama", "max"), n=("id", "size")).sort_values(["utama", "n"], ascending=False)
    return list(g.index)


def triwulan(baris: pd.DataFrame) -> pd.DataFrame:
    """Quarterly cash plan vs realisation (summed over the lowest level lines that have them)."""
    kol_r = [f"rencana_tw{i}" for i in range(1, 5)]
    kol_x = [f"realisasi_tw{i}" for i in range(1, 5)]
    ada = baris[baris[kol_r + kol_x].notna().any(axis=1)]
    if not len(ada):
        return pd.DataFrame(columns=["triwulan", "rencana", "realisasi"])
    ada = ada[ada["level"].map(_PERINGKAT_LEVEL) == ada["level"].map(_PERINGKAT_LEVEL).max()]
    return pd.DataFrame({
        "triwulan": ["TW I", "TW II", "TW III", "TW IV"],
        "rencana": [ada[k].sum(min_count=1) for k in kol_r],
        "realisasi": [ada[k].sum(min_count=1) for k in kol_x],
    })
