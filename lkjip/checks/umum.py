"""Building blocks shared by the checks: the finding row, ids, source names, name normalisation."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

import numpy as np
import pandas as pd

from ..numbers import format_angka, format_persen, format_rupiah

KOLOM_TEMUAN = ["instansi", "tahun", "jenis", "tingkat", "sumber", "baris", "dilaporkan", "dihitung", "selisih",
                "penjelasan", "ids", "penjelasan_en"]


TINGKAT: dict[str, str] = {"galat": "Galat", "peringatan": "Peringatan", "info": "Info"}
_PERINGKAT_TINGKAT = {"galat": 0, "peringatan": 1, "info": 2}

_LABEL_KOLOM = {
    "target": "target", "realisasi": "realisasi", "capaian_dilaporkan": "capaian",
    "pagu_awal": "pagu awal", "pagu": "pagu", "realisasi_anggaran": "realisasi anggaran",
    "serapan_dilaporkan": "serapan", "nilai": "nilai",
    **{f"rencana_tw{i}": f"rencana triwulan {r}" for i, r in zip(range(1, 5), ("I", "II", "III", "IV"))},
    **{f"realisasi_tw{i}": f"realisasi triwulan {r}" for i, r in zip(range(1, 5), ("I", "II", "III", "IV"))},
}
_LABEL_KOLOM_EN = {
    "target": "target", "realisasi": "actual", "capaian_dilaporkan": "achievement",
    "pagu_awal": "original budget", "pagu": "budget", "realisasi_anggaran": "actual spending",
    "serapan_dilaporkan": "absorption", "nilai": "value",
    **{f"rencana_tw{i}": f"cash plan for quarter {r}" for i, r in zip(range(1, 5), ("I", "II", "III", "IV"))},
    **{f"realisasi_tw{i}": f"actual for quarter {r}" for i, r in zip(range(1, 5), ("I", "II", "III", "IV"))},
}
_KOLOM_JUMLAH = ["pagu_awal", "pagu", "realisasi"] + [f"rencana_tw{i}" for i in range(1, 5)] + \
    [f"realisasi_tw{i}" for i in range(1, 5)]
_PERINGKAT_LEVEL = {"total": 0, "sasaran": 1, "jenis_belanja": 2, "program": 3, "kegiatan": 4, "sub_kegiatan": 5}
_RE_TEKS = r"\(teks\)"  # running text (FORMAT.md: "..., Bab III (teks)"), not a table with a total

# ---------------------------------------------------------------------------------------------------
# Explanations in two languages

@dataclass(frozen=True)
class Teks:
    """A piece of an explanation in Bahasa Indonesia (``id``) and English (``en``). Pieces join with ``+``; a
    plain string (a printed figure, a name, a source) is the same in both languages."""
    id: str
    en: str

    def __add__(self, lain: "Teks | str") -> "Teks":
        lain = lain if isinstance(lain, Teks) else Teks(str(lain), str(lain))
        return Teks(self.id + lain.id, self.en + lain.en)

    def __radd__(self, lain: str) -> "Teks":
        return Teks(str(lain) + self.id, str(lain) + self.en)

    def pilih(self, bahasa: str = "id") -> str:
        return self.en if bahasa == "en" else self.id


def sambung(pemisah: "Teks | str", bagian: Iterable["Teks | str"]) -> Teks:
    """``pemisah.join(bagian)`` for pieces in two languages."""
    hasil = Teks("", "")
    for i, b in enumerate(bagian):
        hasil = (hasil + pemisah + b) if i else (hasil + b)
    return hasil


def _kolom(k: str, besar: bool = False) -> Teks:
    """The name of a figure's column in both languages (``besar``: capitalised, to start a sentence)."""
    idn, en = _LABEL_KOLOM[k], _LABEL_KOLOM_EN[k]
    return Teks(idn.capitalize(), en.capitalize()) if besar else Teks(idn, en)


def penjelasan_bahasa(df: pd.DataFrame, bahasa: str = "id") -> pd.Series:
    """The explanation column of findings in the language: English where the finding has one (findings stored by an
    older version of the checks have only Indonesian), else the Indonesian text."""
    idn = df["penjelasan"] if "penjelasan" in df else pd.Series("", index=df.index)
    if bahasa != "en" or "penjelasan_en" not in df:
        return idn
    en = df["penjelasan_en"]
    return en.where(en.notna() & (en.astype(str).str.strip() != ""), idn)


# ---------------------------------------------------------------------------------------------------
# Small helpers

def _kosong() -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series(dtype=object) for k in KOLOM_TEMUAN})


def _ada(v) -> bool:
    return v is not None and v is not pd.NA and not (isinstance(v, float) and math.isnan(v))


def _ids(*kelompok: Iterable) -> str:
    semua = set()
    for k in kelompok:
        if isinstance(k, (int, np.integer)):
            semua.add(int(k))
        else:
            semua.update(int(v) for v in k if _ada(v))
    return ",".join(str(v) for v in sorted(semua))


def gabung_sumber(daftar: Iterable[str]) -> str:
    """``['LKjIP Parepare 2023, Tabel 3.2', 'LKjIP Parepare 2023, Tabel 3.9']`` ->
    ``'LKjIP Parepare 2023, Tabel 3.2; Tabel 3.9'`` (order kept, duplicates dropped)."""
    hasil, awalan_lalu = [], None
    for s in dict.fromkeys(str(x) for x in daftar if _ada(x)):
        awalan, _, sisa = s.partition(", ")
        if awalan_lalu is not None and awalan == awalan_lalu and sisa:
            hasil.append(sisa)
        else:
            hasil.append(s)
            awalan_lalu = awalan if sisa else None
    return "; ".join(hasil)


def _tabel_saja(sumber: Iterable[str]) -> str:
    """'LKjIP Parepare 2023, Tabel 3.8' -> 'Tabel 3.8' for use inside a sentence."""
    return ", ".join(dict.fromkeys(str(s).partition(", ")[2] or str(s) for s in sumber if _ada(s)))


def _rp(x: float | None) -> str:
    return format_rupiah(x)


def _pct(x: float | None) -> str:
    return format_persen(x)


def _angka(x: float | None) -> str:
    return format_angka(x)


def _temuan(instansi, tahun, jenis, tingkat, sumber, baris, dilaporkan, dihitung, penjelasan: Teks | str, ids,
            selisih=None) -> dict:
    """One finding row; ``penjelasan`` in both languages (a plain string has no English text)."""
    if selisih is None and _ada(dilaporkan) and _ada(dihitung):
        selisih = float(dilaporkan) - float(dihitung)
    penjelasan_en = penjelasan.en if isinstance(penjelasan, Teks) else ""
    penjelasan = penjelasan.id if isinstance(penjelasan, Teks) else penjelasan
    return {
        "instansi": instansi, "tahun": int(tahun) if _ada(tahun) else None, "jenis": jenis, "tingkat": tingkat,
        "sumber": sumber, "baris": baris,
        "dilaporkan": float(dilaporkan) if _ada(dilaporkan) else np.nan,
        "dihitung": float(dihitung) if _ada(dihitung) else np.nan,
        "selisih": float(selisih) if _ada(selisih) else np.nan,
        "penjelasan": penjelasan, "ids": ids, "penjelasan_en": penjelasan_en,
    }



def _per_nilai_unik(fungsi):
    """Apply a vectorised string normaliser once per distinct value (names repeat across agencies)."""
    def bungkus(s: pd.Series) -> pd.Series:
        s = s.fillna("").astype(str)
        unik = pd.Series(s.unique())
        return s.map(dict(zip(unik, fungsi(unik)))).astype(object)
    bungkus.__doc__ = fungsi.__doc__
    return bungkus


@_per_nilai_unik
def nama_baku(t: pd.Series) -> pd.Series:
    """Budget line names for matching across tables: case, 'Program ' prefix (and the 'Pogram' typo),
    'Kabupaten/Kota' / 'Kab/Kota' and punctuation ignored."""
    t = t.str.lower()
    t = t.str.replace(r",?\s*terdiri dari.*$", "", regex=True)
    t = t.str.replace(r"^\s*pr?ogram\s+", "", regex=True)
    t = t.str.replace(r"\bkab(?:upaten)?\.?\s*/\s*kota\b", " ", regex=True)
    return t.str.replace(r"[^0-9a-z]+", " ", regex=True).str.strip()


@_per_nilai_unik
def _sasaran_baku(t: pd.Series) -> pd.Series:
    t = t.str.lower()
    t = t.str.replace(r"^\s*sasaran\s*\d*\s*:\s*", "", regex=True)
    return t.str.replace(r"[^0-9a-z]+", " ", regex=True).str.strip()


def _bukan_teks(sumber: pd.Series) -> pd.Series:
    return ~sumber.fillna("").str.contains(_RE_TEKS, case=False, regex=True)



def _nilai_teks(teks, nilai, predikat=None) -> str:
    if isinstance(teks, str) and teks.strip():
        return teks.strip()
    if _ada(nilai):
        return _angka(nilai)
    return predikat if isinstance(predikat, str) else "–"




def _pasangan_beda(df: pd.DataFrame, kunci: list[str], kol: str, teks: str, urutan: list[str], naik: list[bool]) -> pd.DataFrame | None:
    """Groups (``kunci``) that print more than one value of ``kol`` in more than one table: one row per
    value other than the reference (the first row in ``urutan``), with ``*_ref`` columns for the reference:
    sumber (list), ids (list), nilai, teks, nama. None when there is none."""
    df = df[df[kol].notna()]
    if df.empty:
        return None
    df = df.assign(_v=df[kol].astype(float).round(6))
    g = df.groupby(kunci, sort=False)
    df = df[(g["_v"].transform("nunique") > 1) & (g["sumber"].transform("nunique") > 1)]
    if df.empty:
        return None
    df = df.sort_values(urutan, ascending=naik, kind="mergesort")
    df = df.assign(_pos=np.arange(len(df)), _acuan=df.groupby(kunci, sort=False)["_v"].transform("first"))
    agg = df.groupby([*kunci, "_v"], sort=False).agg(
        sumber=("sumber", list), ids=("id", list), nilai=(kol, "first"), teks=(teks, "first"), nama=("_nama", "first"),
        acuan=("_acuan", "first"), pos=("_pos", "min")).reset_index()
    acuan = agg[agg["_v"] == agg["acuan"]].drop(columns=["_v", "acuan"])
    lain = agg[agg["_v"] != agg["acuan"]].drop(columns=["_v", "acuan"])
    m = lain.merge(acuan, on=kunci, suffixes=("", "_ref"))
    return m.sort_values(["pos_ref", "pos"]).reset_index(drop=True)




# ---------------------------------------------------------------------------------------------------
# Entry points

def rapikan(df: pd.DataFrame) -> pd.DataFrame:
    """Column order, types and the deterministic order: instansi, tahun, severity (galat first), jenis."""
    df = df[KOLOM_TEMUAN].copy() if len(df) else _kosong()
    df["tahun"] = pd.array(df["tahun"], dtype="Int64")
    for k in ("dilaporkan", "dihitung", "selisih"):
        df[k] = pd.to_numeric(df[k], errors="coerce").astype(float)
    for k in ("instansi", "jenis", "tingkat", "sumber", "baris", "penjelasan", "ids", "penjelasan_en"):
        df[k] = df[k].astype(object).where(df[k].notna(), "")
    df["_t"] = df["tingkat"].map(_PERINGKAT_TINGKAT).fillna(9)
    df = df.sort_values(["instansi", "tahun", "_t", "jenis", "sumber", "baris", "ids", "penjelasan"], kind="mergesort")
    return df.drop(columns="_t").drop_duplicates().reset_index(drop=True)



def kunci_temuan(df: pd.DataFrame) -> pd.Series:
    """A stable key per finding: agency, year, kind, source, row and printed value (not the row ids, which
    change with every import), so the same disagreement keeps its key — and its verdict — across re-imports.
    Findings that would share a key are told apart by their order (``...-2``)."""
    import hashlib

    if df is None or df.empty:
        return pd.Series([], dtype=object, index=df.index if df is not None else None)

    def satu(instansi, tahun, jenis, sumber, baris, d) -> str:
        teks = "|".join([str(instansi), "" if pd.isna(tahun) else str(int(tahun)), str(jenis), str(sumber), str(baris),
                         "" if pd.isna(d) else f"{float(d):.6f}"])
        return hashlib.sha1(teks.encode("utf-8")).hexdigest()[:16]

    # column by column (a row-wise apply builds a Series per finding: thousands of findings at national scale)
    kolom = [df[k].astype(object).tolist() for k in ("instansi", "tahun", "jenis", "sumber", "baris", "dilaporkan")]
    dasar = pd.Series([satu(*r) for r in zip(*kolom)], index=df.index, dtype=object)
    ke = dasar.groupby(dasar).cumcount()
    return dasar.where(ke == 0, dasar + "-" + (ke + 1).astype(str))
