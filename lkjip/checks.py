"""Reconciliation: where a report disagrees with itself.

``periksa(store)`` reads the indicator, budget and printed-figure tables and returns one row per
finding (``KOLOM_TEMUAN``): a printed capaian, average or serapan that does not follow from the
printed figures, parts that do not add up to their total, one figure printed differently in two
tables, realisasi above pagu, an amount repeated for two different lines, a capaian on the wrong side
of 100 for the indicator's polarity, a printed number that cannot be read, and a main indicator
without target or realisasi.

A printed percentage is accepted when it equals the recomputed value rounded *or truncated* to the
number of decimals printed (``cocok_dibulatkan``): reports truncate as often as they round.

The checks are pure functions over the DataFrames the store returns (``periksa_data``), vectorised
with pandas; Python loops run only over the findings (or over the few printed averages and serapan
figures), never over every row.
"""
from __future__ import annotations

import math
import re
from typing import Iterable

import numpy as np
import pandas as pd

from . import measures
from .numbers import format_angka, format_persen, format_rupiah, parse

KOLOM_TEMUAN = ["instansi", "tahun", "jenis", "tingkat", "sumber", "baris", "dilaporkan", "dihitung", "selisih",
                "penjelasan", "ids"]

JENIS: dict[str, str] = {
    "capaian_tidak_sesuai": "Capaian tercetak tidak sesuai hitungan",
    "rata_rata_tidak_sesuai": "Rata-rata capaian tidak sesuai baris-barisnya",
    "serapan_tidak_sesuai": "Serapan tercetak tidak sesuai realisasi/pagu",
    "jumlah_bagian_tidak_sesuai": "Jumlah rincian tidak sama dengan totalnya",
    "beda_antar_tabel": "Angka yang sama tercetak berbeda di dua tabel",
    "realisasi_melebihi_pagu": "Realisasi anggaran melebihi pagu",
    "nilai_kembar": "Nilai kembar pada baris berbeda",
    "salah_polaritas": "Capaian berlawanan dengan polaritas indikator",
    "angka_salah_cetak": "Angka salah cetak (tidak terbaca)",
    "target_realisasi_kosong": "Target atau realisasi indikator utama kosong",
}

TINGKAT: dict[str, str] = {"galat": "Galat", "peringatan": "Peringatan", "info": "Info"}
_PERINGKAT_TINGKAT = {"galat": 0, "peringatan": 1, "info": 2}

# Amounts (Rupiah) differing by less than this are equal (printed cents, float sums).
TOLERANSI_RUPIAH = 1.0
# A repeated amount is worth a look only from this size and with this many significant digits
# and on two lines of the same level (300.000.000 twice is a round allocation; 832.495.000 for two
# programs is suspicious).
NILAI_KEMBAR_MIN = 1_000_000.0
NILAI_KEMBAR_DIGIT = 5
# A printed percentage off by at least this many points is a galat, below it a peringatan.
BATAS_GALAT_PERSEN = 1.0

_LABEL_KOLOM = {
    "target": "target", "realisasi": "realisasi", "capaian_dilaporkan": "capaian",
    "pagu_awal": "pagu awal", "pagu": "pagu", "realisasi_anggaran": "realisasi anggaran",
    "serapan_dilaporkan": "serapan", "nilai": "nilai",
    **{f"rencana_tw{i}": f"rencana triwulan {r}" for i, r in zip(range(1, 5), ("I", "II", "III", "IV"))},
    **{f"realisasi_tw{i}": f"realisasi triwulan {r}" for i, r in zip(range(1, 5), ("I", "II", "III", "IV"))},
}
_KOLOM_JUMLAH = ["pagu_awal", "pagu", "realisasi"] + [f"rencana_tw{i}" for i in range(1, 5)] + \
    [f"realisasi_tw{i}" for i in range(1, 5)]
_PERINGKAT_LEVEL = {"total": 0, "sasaran": 1, "jenis_belanja": 2, "program": 3, "kegiatan": 4, "sub_kegiatan": 5}
_RE_TEKS = r"\(teks\)"  # running text (FORMAT.md: "..., Bab III (teks)"), not a table with a total


# ---------------------------------------------------------------------------------------------------
# Tolerance for honest rounding

_RE_ANGKA = re.compile(r"\d[\d.,]*")


def _desimal_minimal(nilai: float) -> int:
    for d in range(7):
        x = abs(nilai) * 10 ** d
        if abs(x - round(x)) <= 1e-6 * max(1.0, x):
            return d
    return 6


def desimal_tercetak(teks: object, nilai: float | None = None) -> int:
    """How many decimals a printed figure shows: ``'94.73%'`` -> 2, ``'106%'`` -> 0, ``'85,2'`` -> 1,
    ``'4.207'`` -> 0 (thousands), ``'Rp 3.266.735.000,00'`` -> 2.

    The digits after the last separator count as decimals only when the parsed value says that
    separator was the decimal mark; otherwise the value's own decimals are used.
    """
    if nilai is None:
        nilai = parse(teks).nilai
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return 0
    if isinstance(teks, str):
        m = _RE_ANGKA.search(teks)
        if m:
            run = m.group(0).rstrip(".,")
            pos = max(run.rfind("."), run.rfind(","))
            d = len(run) - pos - 1 if pos >= 0 else 0
            digit = float(re.sub(r"[.,]", "", run) or "0")
            if abs(abs(nilai) * 10 ** d - digit) <= 1e-6 * max(1.0, digit):
                return d
    return _desimal_minimal(float(nilai))


def _cocok_vec(dicetak: np.ndarray, desimal: np.ndarray, dihitung: np.ndarray) -> np.ndarray:
    """Elementwise: printed == recomputed rounded (half away from zero) or truncated to ``desimal``."""
    p = np.asarray(dicetak, dtype=float)
    x = np.asarray(dihitung, dtype=float)
    s = 10.0 ** np.asarray(desimal, dtype=float)
    with np.errstate(invalid="ignore"):
        xs = np.abs(x) * s
        eps = 1e-7 * np.maximum(1.0, xs)
        tanda = np.sign(x)
        bulat = tanda * np.floor(xs + 0.5 + eps)
        potong = tanda * np.floor(xs + eps)
        ps = p * s
        tol = 1e-6 * np.maximum(1.0, np.abs(ps))
        hasil = (np.abs(ps - bulat) <= tol) | (np.abs(ps - potong) <= tol)
    return hasil & ~np.isnan(p) & ~np.isnan(x)


def cocok_dibulatkan(dicetak: object, dihitung: float | None) -> bool:
    """Is a printed figure an honest rounding or truncation of the recomputed one?

    ``dicetak`` is the printed text (its decimals count: ``'94.73%'`` fits 94,7368, ``'109'`` fits
    109,11, ``'82'`` fits 82,35, ``'85,2'`` does not fit 106,5) or a number (its own decimals).
    """
    if dihitung is None or (isinstance(dihitung, float) and math.isnan(dihitung)):
        return False
    if isinstance(dicetak, str):
        nilai = parse(dicetak).nilai
    elif dicetak is None or (isinstance(dicetak, float) and math.isnan(dicetak)):
        nilai = None
    else:
        nilai = float(dicetak)
    if nilai is None:
        return False
    d = desimal_tercetak(dicetak, nilai)
    return bool(_cocok_vec(np.array([nilai]), np.array([d]), np.array([float(dihitung)]))[0])


def _desimal_seri(teks: pd.Series, nilai: pd.Series) -> np.ndarray:
    """desimal_tercetak for a column, computed once per distinct (text, value)."""
    if not len(teks):
        return np.zeros(0, dtype=int)
    t_ = [t if isinstance(t, str) else None for t in teks.astype(object)]
    v_ = [None if pd.isna(v) else float(v) for v in nilai.astype(float)]
    peta: dict[tuple, int] = {}
    for k in zip(t_, v_):
        if k not in peta:
            peta[k] = desimal_tercetak(k[0] if k[0] is not None else k[1], k[1])
    return np.array([peta[k] for k in zip(t_, v_)], dtype=int)


def cocok_seri(teks: pd.Series, nilai: pd.Series, dihitung: pd.Series) -> np.ndarray:
    """cocok_dibulatkan for columns: printed text, its parsed value, the recomputed value."""
    d = _desimal_seri(teks, nilai)
    return _cocok_vec(nilai.to_numpy(dtype=float), d, dihitung.to_numpy(dtype=float))


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


def _temuan(instansi, tahun, jenis, tingkat, sumber, baris, dilaporkan, dihitung, penjelasan, ids,
            selisih=None) -> dict:
    if selisih is None and _ada(dilaporkan) and _ada(dihitung):
        selisih = float(dilaporkan) - float(dihitung)
    return {
        "instansi": instansi, "tahun": int(tahun) if _ada(tahun) else None, "jenis": jenis, "tingkat": tingkat,
        "sumber": sumber, "baris": baris,
        "dilaporkan": float(dilaporkan) if _ada(dilaporkan) else np.nan,
        "dihitung": float(dihitung) if _ada(dihitung) else np.nan,
        "selisih": float(selisih) if _ada(selisih) else np.nan,
        "penjelasan": penjelasan, "ids": ids,
    }


def _tingkat_persen(selisih: float | None) -> str:
    return "galat" if selisih is None or abs(selisih) >= BATAS_GALAT_PERSEN else "peringatan"


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


# ---------------------------------------------------------------------------------------------------
# Indicators

def _rumus_singkat(polaritas: str) -> str:
    return {"positif": "realisasi / target × 100", "negatif": "(2 × target − realisasi) / target × 100",
            "ordinal": "ordinal: 100% bila realisasi memenuhi target"}.get(polaritas, polaritas)


def _nilai_teks(teks, nilai, predikat=None) -> str:
    if isinstance(teks, str) and teks.strip():
        return teks.strip()
    if _ada(nilai):
        return _angka(nilai)
    return predikat if isinstance(predikat, str) else "–"


def _sisi_salah(df: pd.DataFrame) -> pd.Series:
    """Printed capaian on the other side of 100 from what target vs realisasi imply for the polarity."""
    t, r, p = df["target"], df["realisasi"], df["capaian_dilaporkan"]
    pos = df["polaritas"] == "positif"
    neg = df["polaritas"] == "negatif"
    lebih = p > 100
    kurang = p < 100
    return (t != 0) & ((pos & (((r < t) & lebih) | ((r > t) & kurang))) | (neg & (((r > t) & lebih) | ((r < t) & kurang))))


def cek_capaian(ind: pd.DataFrame) -> pd.DataFrame:
    """capaian_tidak_sesuai and salah_polaritas: printed capaian against the recomputed one.

    A printed capaian on the other side of 100 than target and realisasi imply for the indicator's
    polarity that equals the other polarity's formula is salah_polaritas (the report, or the recorded
    polarity, has the direction reversed); any other mismatch is capaian_tidak_sesuai. Identical rows
    printed in several tables (same indicator, year and figures) give one finding.
    """
    if ind.empty:
        return _kosong()
    df = ind[ind["capaian_dilaporkan"].notna() & ind["capaian"].notna()].copy()
    if df.empty:
        return _kosong()
    ok = cocok_seri(df["capaian_dilaporkan_teks"], df["capaian_dilaporkan"], df["capaian"])
    df = df[~ok].copy()
    if df.empty:
        return _kosong()
    lengkap = df["target"].notna() & df["realisasi"].notna() & df["polaritas"].isin(["positif", "negatif"])
    df["_sisi"] = lengkap & _sisi_salah(df.assign(target=df["target"].fillna(0)))
    df["_lain"] = [measures.capaian(t, r, "negatif" if p == "positif" else "positif").nilai if s else None
                   for t, r, p, s in zip(df["target"], df["realisasi"], df["polaritas"], df["_sisi"])]
    df["_tertukar"] = df["_sisi"] & cocok_seri(df["capaian_dilaporkan_teks"], df["capaian_dilaporkan"], df["_lain"].astype(float))
    kunci = ["instansi", "tahun", "indikator", "polaritas", "target", "realisasi", "capaian_dilaporkan", "_sisi", "_tertukar"]
    hasil = []
    for _, g in df.sort_values("id").groupby(kunci, sort=False, dropna=False):
        r = g.iloc[0]
        cetak = _nilai_teks(r["capaian_dilaporkan_teks"], r["capaian_dilaporkan"])
        t = _nilai_teks(r["target_teks"], r["target"], r["target_predikat"])
        re_ = _nilai_teks(r["realisasi_teks"], r["realisasi"], r["realisasi_predikat"])
        sumber = gabung_sumber(g["sumber"])
        di = " di " + _tabel_saja(g["sumber"]) if len(g) > 1 else ""
        rumus = f"{_rumus_singkat(r['polaritas'])} = {_pct(r['capaian'])}"
        if r["_sisi"]:
            arah = "belum mencapai" if ((r["realisasi"] < r["target"]) == (r["polaritas"] == "positif")) else "melampaui"
            sisi = f"berada {'di atas' if r['capaian_dilaporkan'] > 100 else 'di bawah'} 100% padahal realisasi {re_} {arah} target {t}"
        if r["_tertukar"]:
            lain = "negatif" if r["polaritas"] == "positif" else "positif"
            sifat = "semakin tinggi semakin baik" if r["polaritas"] == "positif" else "semakin rendah semakin baik"
            hasil.append(_temuan(
                r["instansi"], r["tahun"], "salah_polaritas", "galat", sumber, r["indikator"], r["capaian_dilaporkan"], r["capaian"],
                f"Capaian tercetak {cetak}{di} {sisi} pada indikator {r['polaritas']} ({sifat}) dan sama dengan rumus {lain} "
                f"({_pct(r['_lain'])}), jadi arah polaritas tampaknya tertukar (rumus {r['polaritas']}: {rumus}).", _ids(g["id"])))
            continue
        d = desimal_tercetak(r["capaian_dilaporkan_teks"] if isinstance(r["capaian_dilaporkan_teks"], str) else r["capaian_dilaporkan"],
                             r["capaian_dilaporkan"])
        selisih = r["capaian_dilaporkan"] - r["capaian"]
        hasil.append(_temuan(
            r["instansi"], r["tahun"], "capaian_tidak_sesuai", "galat" if r["_sisi"] else _tingkat_persen(selisih), sumber,
            r["indikator"], r["capaian_dilaporkan"], r["capaian"],
            f"Capaian tercetak {cetak}{di} tidak sama dengan hitungan ulang dari target {t} dan realisasi {re_} ({rumus}), "
            f"juga setelah dibulatkan atau dipotong ke {d} desimal" + (f", dan {sisi}." if r["_sisi"] else "."),
            _ids(g["id"])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


_VARIAN_RATA = [(sumber, batas) for sumber in ("tercetak", "dihitung") for batas in (None, 100.0, measures.BATAS_RATA_RATA_BAWAAN)]


def _statistik_capaian(rows: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    """Per group: how many rows, how many with a capaian, the mean a report would print (printed capaian,
    else recomputed; uncapped, as reports average) and the accepted variants of it: from the recomputed
    capaian instead, and with each capaian capped at 100 or 120 (measures.rata_rata_capaian)."""
    rows = rows.assign(_c=rows["capaian_dilaporkan"].where(rows["capaian_dilaporkan"].notna(), rows["capaian"]),
                       _h=rows["capaian"].where(rows["capaian"].notna(), rows["capaian_dilaporkan"]))
    g = rows.groupby(kunci, sort=False)
    st = g.agg(_n=("_c", "size"), _ada=("_c", "count"), _nilai=("_c", list), _hitung=("_h", list), _ids=("id", list),
               _sumber=("sumber", list)).reset_index()

    def rata(v, batas):
        return measures.rata_rata_capaian([float(x) for x in v if pd.notna(x)], batas=batas).nilai

    st["_rata"] = [rata(v, None) for v in st["_nilai"]]
    st["_varian"] = [[rata(c if s == "tercetak" else h, b) for s, b in _VARIAN_RATA] for c, h in zip(st["_nilai"], st["_hitung"])]
    return st


def cek_rata_rata(ind: pd.DataFrame, nilai: pd.DataFrame) -> pd.DataFrame:
    """rata_rata_tidak_sesuai: a printed average (nilai_dilaporkan jenis rata_capaian) against the mean of
    its rows: the indicator rows of the same table (those of the sasaran it names, or the whole table:
    either fits), else, for a figure in the running text, the sasaran's indicators in the main capaian
    table (utama, tingkat sasaran). The mean of the printed capaian is reported; the average is also
    accepted when it fits the recomputed capaian or a mean with each capaian capped at 100 or 120."""
    if nilai.empty or ind.empty:
        return _kosong()
    rata = nilai[(nilai["jenis"] == "rata_capaian") & nilai["nilai"].notna()]
    if rata.empty:
        return _kosong()
    lingkup = rata["lingkup"].fillna("").astype(str)
    rata = rata.assign(_sas=_sasaran_baku(lingkup).where(lingkup.str.match(r"^\s*sasaran\b", case=False), ""),
                       _lingkup=lingkup)
    ind = ind.assign(_sas=_sasaran_baku(ind["sasaran"]))
    kunci_tabel = ["instansi", "tahun", "sumber"]
    ind = ind.merge(rata[kunci_tabel].drop_duplicates(), on=kunci_tabel, how="left", indicator="_satu")
    satu = ind[ind["_satu"] == "both"]
    utama = ind[ind["utama"].astype(bool) & (ind["tingkat"] == "sasaran")]
    utama = utama.merge(rata[["instansi", "tahun", "_sas"]].drop_duplicates(), on=["instansi", "tahun", "_sas"])
    calon = {
        "A": (_statistik_capaian(satu, [*kunci_tabel, "_sas"]), [*kunci_tabel, "_sas"]),
        "B": (_statistik_capaian(satu, kunci_tabel), kunci_tabel),
        "C": (_statistik_capaian(utama, ["instansi", "tahun", "_sas"]), ["instansi", "tahun", "_sas"]),
    }
    r = rata
    for nama, (st, kunci) in calon.items():
        st = st.rename(columns={k: f"{k}{nama}" for k in st.columns if k.startswith("_") and k != "_sas"})
        r = r.merge(st, on=kunci, how="left")
    r = r.reset_index(drop=True)
    teks = r["nilai_teks"].where(r["nilai_teks"].notna(), None)
    ok, sah = {}, {}
    ada_tabel = r["_nB"].notna()
    for nama in "ABC":
        sah[nama] = r[f"_n{nama}"].notna() & (r[f"_n{nama}"] == r[f"_ada{nama}"]) & r[f"_rata{nama}"].notna()
    sah["A"] &= r["_sas"] != ""
    sah["C"] &= ~ada_tabel & (r["_sas"] != "")
    for nama in "ABC":
        ok[nama] = np.zeros(len(r), dtype=bool)
        for j in range(len(_VARIAN_RATA)):
            varian = r[f"_varian{nama}"].map(lambda v: v[j] if isinstance(v, list) and v[j] is not None else np.nan).astype(float)
            ok[nama] |= cocok_seri(teks, r["nilai"], varian)
        ok[nama] &= sah[nama].to_numpy()
    temuan = (sah["A"] | sah["B"] | sah["C"]) & ~(ok["A"] | ok["B"] | ok["C"])
    hasil = []
    for i in np.flatnonzero(temuan.to_numpy()):
        x = r.iloc[i]
        pilih = next(n for n in "ABC" if sah[n].iloc[i])
        m, v, sumber_baris = x[f"_rata{pilih}"], x[f"_nilai{pilih}"], x[f"_sumber{pilih}"]
        asal = "di tabel yang sama" if pilih != "C" else f"di tabel utama {_tabel_saja(sumber_baris)}"
        selisih = x["nilai"] - m
        hasil.append(_temuan(
            x["instansi"], x["tahun"], "rata_rata_tidak_sesuai", _tingkat_persen(selisih), gabung_sumber([x["sumber"], *sumber_baris]),
            x["_lingkup"] or "rata-rata capaian", x["nilai"], m,
            f"Rata-rata capaian tercetak {_nilai_teks(x['nilai_teks'], x['nilai'])} tidak sama dengan rata-rata {len(v)} capaian "
            f"indikatornya {asal} ({'; '.join(_angka(c) for c in v)}), yaitu {_angka(m)}.",
            _ids([x["id"]], x[f"_ids{pilih}"])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


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


def cek_beda_indikator(ind: pd.DataFrame) -> pd.DataFrame:
    """beda_antar_tabel for indicators: the same indicator and year printed with a different target,
    realisasi or capaian in another table. The main (utama) table's figure is the reference. A difference
    of precision only (95% vs 94,73%, one the rounding of the other) is 'info'."""
    if ind.empty:
        return _kosong()
    hasil = []
    for kol in ("target", "realisasi", "capaian_dilaporkan"):
        d = ind[["id", "instansi", "tahun", "indikator", "sumber", "utama", kol, f"{kol}_teks"]].assign(_nama=ind["indikator"])
        m = _pasangan_beda(d, ["instansi", "tahun", "indikator"], kol, f"{kol}_teks", ["utama", "id"], [False, True])
        if m is None:
            continue
        presisi = cocok_seri(m["teks_ref"], m["nilai_ref"], m["nilai"]) | cocok_seri(m["teks"], m["nilai"], m["nilai_ref"])
        for x, p in zip(m.itertuples(index=False), presisi):
            ekor = " (beda ketelitian pembulatan saja)" if p else ""
            hasil.append(_temuan(
                x.instansi, x.tahun, "beda_antar_tabel", "info" if p else "peringatan", gabung_sumber([*x.sumber_ref, *x.sumber]),
                x.indikator, x.nilai_ref, x.nilai,
                f"{_LABEL_KOLOM[kol].capitalize()} indikator ini untuk tahun {x.tahun} tercetak {_nilai_teks(x.teks_ref, x.nilai_ref)} "
                f"di {_tabel_saja(x.sumber_ref)} tetapi {_nilai_teks(x.teks, x.nilai)} di {_tabel_saja(x.sumber)}{ekor}.",
                _ids(x.ids_ref, x.ids)))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


def _tahun_laporan(ind: pd.DataFrame) -> pd.Series:
    """The year of the report a row comes from: the year in 'LKjIP <Kota> <tahun>, ...', else the latest
    year of that agency in the same import."""
    dari_sumber = pd.to_numeric(ind["sumber"].fillna("").str.extract(r"^\s*LKI?j?IP\b[^,]*?\b((?:19|20)\d{2})\b", flags=re.I)[0],
                                errors="coerce")
    impor = ind["impor_id"].fillna(-1)
    terakhir = ind.groupby([ind["instansi"], impor])["tahun"].transform("max")
    return dari_sumber.fillna(terakhir)


def cek_target_realisasi_kosong(ind: pd.DataFrame) -> pd.DataFrame:
    """target_realisasi_kosong: a main (utama) IKU/PK indicator of the report year with no target or no
    realisasi (neither a number nor a grade; a printed but unreadable figure is angka_salah_cetak)."""
    if ind.empty:
        return _kosong()
    df = ind[ind["utama"].astype(bool) & (ind["tingkat"] == "sasaran")]
    df = df[df["tahun"] == _tahun_laporan(df)]

    def kosong(kol: str) -> pd.Series:
        teks = df[f"{kol}_teks"].fillna("").astype(str).str.strip()
        tercetak_rusak = (teks != "") & ~teks.str.lower().isin(["-", "–", "—", "n/a", "na", "nihil"])
        return df[kol].isna() & df[f"{kol}_predikat"].isna() & ~tercetak_rusak

    t_kosong, r_kosong = kosong("target"), kosong("realisasi")
    df = df.assign(t_kosong=t_kosong, r_kosong=r_kosong)[t_kosong | r_kosong]
    hasil = []
    for r in df.itertuples(index=False):
        apa = "target dan realisasi" if r.t_kosong and r.r_kosong else ("target" if r.t_kosong else "realisasi")
        hasil.append(_temuan(r.instansi, r.tahun, "target_realisasi_kosong", "peringatan", r.sumber, r.indikator, None, None,
                             f"Indikator utama tahun laporan {r.tahun} ini tidak mencantumkan {apa}, sehingga capaiannya "
                             f"tidak dapat dihitung ulang.", _ids([r.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


# ---------------------------------------------------------------------------------------------------
# Budget

def cek_serapan(ang: pd.DataFrame) -> pd.DataFrame:
    """serapan_tidak_sesuai on a budget line: the printed % against realisasi / pagu of the same line."""
    if ang.empty:
        return _kosong()
    df = ang[ang["serapan_dilaporkan"].notna() & ang["serapan"].notna()]
    if df.empty:
        return _kosong()
    ok = cocok_seri(df["serapan_dilaporkan_teks"], df["serapan_dilaporkan"], df["serapan"])
    hasil = []
    for r in df[~ok].itertuples(index=False):
        selisih = r.serapan_dilaporkan - r.serapan
        hasil.append(_temuan(
            r.instansi, r.tahun, "serapan_tidak_sesuai", _tingkat_persen(selisih), r.sumber, r.uraian, r.serapan_dilaporkan, r.serapan,
            f"Serapan tercetak {_nilai_teks(r.serapan_dilaporkan_teks, r.serapan_dilaporkan)} tidak sama dengan realisasi "
            f"{_rp(r.realisasi)} dibagi pagu {_rp(r.pagu)} pada baris yang sama, yaitu {_pct(r.serapan)}.", _ids([r.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


def _program_per_sumber(ang: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    """Sums of program lines per group: n, pagu/realisasi sum, count and smallest, ids, tables."""
    g = ang.groupby(kunci, sort=False)
    return g.agg(n=("id", "size"), pagu=("pagu", "sum"), pagu_ada=("pagu", "count"), pagu_min=("pagu", "min"),
                 realisasi=("realisasi", "sum"), realisasi_ada=("realisasi", "count"), realisasi_min=("realisasi", "min"),
                 ids=("id", list), sumber_bagian=("sumber", "first")).reset_index()


def cek_serapan_dilaporkan(ang: pd.DataFrame, nilai: pd.DataFrame) -> pd.DataFrame:
    """serapan_tidak_sesuai for a printed serapan without amounts (nilai_dilaporkan jenis serapan) where the
    report prints the amounts elsewhere: for a sasaran, a sasaran line with pagu and realisasi, or the
    programs of that sasaran in one table; for the agency ('instansi'), a total pagu with a total
    realisasi. The figure is accepted when it fits any of them."""
    if nilai.empty or ang.empty:
        return _kosong()
    ser = nilai[(nilai["jenis"] == "serapan") & nilai["nilai"].notna()].reset_index(drop=True)
    if ser.empty:
        return _kosong()
    lingkup = ser["lingkup"].fillna("").astype(str)
    lk = _sasaran_baku(lingkup).where(lingkup.str.match(r"^\s*sasaran\b", case=False), "")
    ser = ser.assign(_lk=lk.where(lingkup.str.strip().str.lower() != "instansi", "#instansi"), lingkup_teks=lingkup)
    ser = ser[ser["_lk"] != ""]
    if ser.empty:
        return _kosong()
    a = ang.merge(ser[["instansi", "tahun"]].drop_duplicates(), on=["instansi", "tahun"])
    kolom = ["instansi", "tahun", "_lk", "pagu", "realisasi", "asal", "ids", "urut"]
    calon = []
    s = a[(a["level"] == "sasaran") & a["pagu"].notna() & a["realisasi"].notna()]
    if len(s):
        s = s.assign(_lk=_sasaran_baku(s["sasaran"].where(s["sasaran"].notna(), s["uraian"])),
                     asal=s["sumber"].map(lambda x: _tabel_saja([x])), ids=s["id"].map(lambda i: [i]), urut=0)
        calon.append(s[kolom])
    p = a[(a["level"] == "program") & a["sasaran"].notna()]
    if len(p):
        p = _program_per_sumber(p.assign(_lk=_sasaran_baku(p["sasaran"])), ["instansi", "tahun", "sumber", "_lk"])
        p = p[(p["pagu_ada"] == p["n"]) & (p["realisasi_ada"] == p["n"])]
        p = p.assign(asal=[f"{n} program sasaran ini di {_tabel_saja([x])}" for n, x in zip(p["n"], p["sumber"])], urut=1)
        calon.append(p[kolom])
    t = a[a["level"] == "total"]
    tp = t[t["pagu"].notna()].groupby(["instansi", "tahun", "pagu"], sort=False).agg(sp=("sumber", list), ip=("id", list)).reset_index()
    tr = t[t["realisasi"].notna()].groupby(["instansi", "tahun", "realisasi"], sort=False).agg(sr=("sumber", list), ir=("id", list)).reset_index()
    if len(tp) and len(tr):
        c = tp.merge(tr, on=["instansi", "tahun"])
        c = c.assign(_lk="#instansi", urut=2, ids=[x + y for x, y in zip(c["ip"], c["ir"])],
                     asal=[f"pagu total di {_tabel_saja(x)}, realisasi total di {_tabel_saja(y)}" for x, y in zip(c["sp"], c["sr"])])
        calon.append(c[kolom])
    if not calon:
        return _kosong()
    calon = pd.concat(calon, ignore_index=True)
    calon = calon.rename(columns={"pagu": "pagu_c", "realisasi": "realisasi_c", "ids": "ids_c"})
    calon["serapan_c"] = [measures.serapan(pg, rl).nilai for pg, rl in zip(calon["pagu_c"], calon["realisasi_c"])]
    calon = calon[calon["serapan_c"].notna()]
    m = ser.merge(calon, on=["instansi", "tahun", "_lk"], suffixes=("", "_c"))
    if m.empty:
        return _kosong()
    teks = m["nilai_teks"].where(m["nilai_teks"].notna(), None)
    m = m.assign(_ok=cocok_seri(teks, m["nilai"], m["serapan_c"].astype(float)))
    cocok = m.groupby("id")["_ok"].transform("any")
    m = m[~cocok].sort_values(["id", "urut"], kind="mergesort").drop_duplicates("id")
    hasil = []
    for x in m.itertuples(index=False):
        selisih = x.nilai - x.serapan_c
        hasil.append(_temuan(
            x.instansi, x.tahun, "serapan_tidak_sesuai", _tingkat_persen(selisih), x.sumber, x.lingkup_teks, x.nilai, x.serapan_c,
            f"Serapan tercetak {_nilai_teks(x.nilai_teks, x.nilai)} tidak sesuai dengan angka anggaran yang dicetak laporan: "
            f"realisasi {_rp(x.realisasi_c)} dibagi pagu {_rp(x.pagu_c)} ({x.asal}) = {_pct(x.serapan_c)}.",
            _ids([x.id], x.ids_c)))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


_URUTAN_CALON = {"anak": 0, "sebelum": 1, "sesudah": 2, "semua": 3}


def _pasangan_bagian(ang: pd.DataFrame) -> pd.DataFrame:
    """(id, total_id, calon): the parts a line should add up to.

    A line with children (induk_id) adds up its children. A total row with none (the importer never
    makes a total a parent: it summarises the top-level lines of its table, printed above or below them)
    has three candidate sets of parentless lines of its table, each at the highest level present: those
    between the previous total row and it ('sebelum', a total printed below), those after it up to the
    next total ('sesudah', a total printed on top), and all of them ('semua').
    """
    kolom = ["id", "total_id", "calon"]
    anak = ang[ang["induk_id"].notna()][["id", "induk_id"]].rename(columns={"induk_id": "total_id"})
    anak = anak.assign(total_id=anak["total_id"].astype("int64"), calon="anak")
    a = ang.sort_values(["instansi", "tahun", "sumber", "urutan"])
    is_total = a["level"] == "total"
    tabel = ["instansi", "tahun", "sumber"]
    a = a.assign(_c=is_total.astype(int).groupby([a["instansi"], a["tahun"], a["sumber"].fillna("")]).cumsum(),
                 _pk=a["level"].map(_PERINGKAT_LEVEL))
    punya_anak = set(anak["total_id"])
    totals = a[is_total & ~a["id"].isin(punya_anak)][[*tabel, "_c", "id"]].rename(columns={"id": "total_id"})
    bagian = a[~is_total & a["induk_id"].isna()][[*tabel, "_c", "_pk", "id"]]
    if totals.empty or bagian.empty:
        return anak[kolom].reset_index(drop=True)
    calon = [
        totals.assign(_c=totals["_c"] - 1, calon="sebelum").merge(bagian, on=[*tabel, "_c"]),
        totals.assign(calon="sesudah").merge(bagian, on=[*tabel, "_c"]),
        totals.drop(columns="_c").assign(calon="semua").merge(bagian.drop(columns="_c"), on=tabel),
    ]
    c = pd.concat(calon, ignore_index=True)
    c = c[c["_pk"] == c.groupby(["total_id", "calon"])["_pk"].transform("min")]
    return pd.concat([anak[kolom], c[kolom]], ignore_index=True)


def cek_jumlah_bagian(ang: pd.DataFrame) -> pd.DataFrame:
    """jumlah_bagian_tidak_sesuai inside one table: each line's parts (its children by induk_id; for a total
    row, the top-level lines of its table) against it, for pagu awal, pagu, realisasi and each quarter;
    and a line's four quarters against its pagu / realisasi. Running text is not a table: a sentence may
    name only some sub kegiatan, so '(teks)' sources are left out. A part left blank or unreadable leaves
    that sum unknown, and an unknown sum is never reported."""
    if ang.empty:
        return _kosong()
    a = ang[_bukan_teks(ang["sumber"])]
    hasil = []
    pasangan = _pasangan_bagian(a)
    if len(pasangan):
        nilai = a.set_index("id")
        p = pasangan.join(nilai[_KOLOM_JUMLAH], on="id")
        g = p.groupby(["total_id", "calon"])
        jumlah, ada, n = g[_KOLOM_JUMLAH].sum(min_count=1), g[_KOLOM_JUMLAH].count(), g.size()
        total = nilai[_KOLOM_JUMLAH].reindex(jumlah.index.get_level_values(0))
        total.index = jumlah.index
        lengkap = ada.eq(n, axis=0) & total.notna()
        beda = (jumlah - total).abs() >= TOLERANSI_RUPIAH
        # reported only when every candidate set is complete and none of them adds up
        salah = (lengkap & beda).groupby(level=0).all() & lengkap.groupby(level=0).any()
        tumpuk = salah.stack()
        tumpuk = tumpuk[tumpuk]
        if len(tumpuk):
            tid = tumpuk.index.get_level_values(0).to_numpy()
            kol = tumpuk.index.get_level_values(1).to_numpy()
            calon = jumlah.index.to_frame(index=False)
            calon = calon.assign(_o=calon["calon"].map(_URUTAN_CALON)).sort_values(["total_id", "_o"]).drop_duplicates("total_id")
            pilih = pd.Series(calon["calon"].to_numpy(), index=calon["total_id"].to_numpy()).reindex(tid).to_numpy()
            kunci = pd.MultiIndex.from_arrays([tid, pilih])
            jv = jumlah.stack().reindex(pd.MultiIndex.from_arrays([tid, pilih, kol])).to_numpy()
            tv = total.stack().reindex(pd.MultiIndex.from_arrays([tid, pilih, kol])).to_numpy()
            nv = n.reindex(kunci).to_numpy()
            ids = pasangan.groupby(["total_id", "calon"])["id"].agg(list).reindex(kunci).to_numpy()
            info = nilai[["instansi", "tahun", "sumber", "uraian"]].reindex(tid)
            for (inst, th, sumber, uraian), t_id, k, t_v, j_v, n_v, i_v in zip(info.itertuples(index=False), tid, kol, tv, jv, nv, ids):
                hasil.append(_temuan(
                    inst, th, "jumlah_bagian_tidak_sesuai", "galat", sumber, uraian, t_v, j_v,
                    f"{_LABEL_KOLOM[k].capitalize()} '{uraian}' tercetak {_rp(t_v)}, tetapi jumlah {int(n_v)} rinciannya "
                    f"di tabel yang sama {_rp(j_v)} (selisih {_rp(abs(t_v - j_v))}).",
                    _ids([t_id], i_v)))
    for awal, total_kol in (("rencana_tw", "pagu"), ("realisasi_tw", "realisasi")):
        kol = [f"{awal}{i}" for i in range(1, 5)]
        b = a[a[kol].notna().all(axis=1) & a[total_kol].notna()]
        jumlah_tw = b[kol].sum(axis=1)
        b = b.assign(jumlah_tw=jumlah_tw, nilai_total=b[total_kol])[(jumlah_tw - b[total_kol]).abs() >= TOLERANSI_RUPIAH]
        nama = "rencana anggaran kas" if awal == "rencana_tw" else "realisasi"
        for r in b.itertuples(index=False):
            hasil.append(_temuan(
                r.instansi, r.tahun, "jumlah_bagian_tidak_sesuai", "galat", r.sumber, r.uraian, r.nilai_total, r.jumlah_tw,
                f"Jumlah {nama} triwulan I–IV baris ini {_rp(r.jumlah_tw)} tidak sama dengan {_LABEL_KOLOM[total_kol]} {_rp(r.nilai_total)} "
                f"(selisih {_rp(abs(r.nilai_total - r.jumlah_tw))}).", _ids([r.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


def cek_bagian_antar_tabel(ang: pd.DataFrame) -> pd.DataFrame:
    """jumlah_bagian_tidak_sesuai across tables: the programs one table (or the text) lists for a sasaran,
    or all of its programs, against the sasaran's or the agency's total printed elsewhere. A list of
    programs may leave some out, so a shortfall is reported only when it is smaller than the smallest
    listed program (it cannot be a missing line); parts above the total are always reported."""
    if ang.empty:
        return _kosong()
    # programs of a table with its own total are checked inside that table (cek_jumlah_bagian)
    tabel_bertotal = ang[(ang["level"] == "total") & _bukan_teks(ang["sumber"])][["instansi", "tahun", "sumber"]].drop_duplicates()
    prog = ang[(ang["level"] == "program") & ang["induk_id"].isna()]
    prog = prog.merge(tabel_bertotal, on=["instansi", "tahun", "sumber"], how="left", indicator="_bertotal")
    prog = prog[prog["_bertotal"] == "left_only"].drop(columns="_bertotal")
    if prog.empty:
        return _kosong()
    prog = prog.assign(_sas=_sasaran_baku(prog["sasaran"]))
    sas = ang[ang["level"] == "sasaran"]
    sas = sas.assign(_sas=_sasaran_baku(sas["sasaran"].where(sas["sasaran"].notna(), sas["uraian"])))
    total = ang[ang["level"] == "total"].assign(_sas="")
    pasangan = [
        (_program_per_sumber(prog, ["instansi", "tahun", "sumber"]).assign(_sas=""), total, "program", "total"),
        (_program_per_sumber(prog[prog["_sas"] != ""], ["instansi", "tahun", "sumber", "_sas"]), sas, "program pendukung sasaran ini", "sasaran"),
    ]
    hasil = []
    for bagian, pembanding, apa, jenis_total in pasangan:
        if bagian.empty or pembanding.empty:
            continue
        for kol in ("pagu", "realisasi"):
            b = bagian[bagian[f"{kol}_ada"] == bagian["n"]].drop(columns=["sumber"], errors="ignore")
            pb = pembanding[pembanding[kol].notna()][["instansi", "tahun", "_sas", "sumber", "id", "uraian", kol]]
            m = b.merge(pb.rename(columns={kol: "_total"}), on=["instansi", "tahun", "_sas"])
            if jenis_total == "sasaran":  # a sasaran line of the same table would be the programs' parent
                m = m[m["sumber"] != m["sumber_bagian"]]
            beda = m[kol] - m["_total"]
            m = m.assign(_beda=beda)[(beda.abs() >= TOLERANSI_RUPIAH) & ~((beda < 0) & (-beda >= m[f"{kol}_min"]))]
            if m.empty:
                continue
            g = m.groupby(["instansi", "tahun", "sumber_bagian", "_sas", "_total"], sort=False).agg(
                sumber_t=("sumber", list), ids_t=("id", list), uraian=("uraian", "first"), jumlah=(kol, "first"), beda=("_beda", "first"),
                n=("n", "first"), ids=("ids", "first")).reset_index().rename(columns={"_total": "total"})
            for x in g.itertuples(index=False):
                lebih = "melebihi" if x.beda > 0 else "kurang dari"
                nama_total = f"{_LABEL_KOLOM[kol]} total" if jenis_total == "total" else f"{_LABEL_KOLOM[kol]} sasaran"
                hasil.append(_temuan(
                    x.instansi, x.tahun, "jumlah_bagian_tidak_sesuai", "galat" if x.beda > 0 else "peringatan",
                    gabung_sumber([*x.sumber_t, x.sumber_bagian]), x.uraian, x.total, x.jumlah,
                    f"Jumlah {_LABEL_KOLOM[kol]} {x.n} {apa} menurut {_tabel_saja([x.sumber_bagian])}, {_rp(x.jumlah)}, {lebih} {nama_total} "
                    f"{_rp(x.total)} yang tercetak di {_tabel_saja(x.sumber_t)} (selisih {_rp(abs(x.beda))}).",
                    _ids(x.ids_t, x.ids)))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


def _kunci_baris(ang: pd.DataFrame) -> pd.Series:
    """What makes two budget lines of different tables the same line: the level with the name (sasaran
    lines by their sasaran), and for totals the level alone."""
    nama = nama_baku(ang["uraian"])
    sas = _sasaran_baku(ang["sasaran"].where(ang["sasaran"].notna(), ang["uraian"]))
    k = ang["level"].astype(str) + "|" + nama
    k = k.where(ang["level"] != "sasaran", "sasaran|" + sas)
    return k.where(ang["level"] != "total", "total|")


def cek_beda_anggaran(ang: pd.DataFrame) -> pd.DataFrame:
    """beda_antar_tabel for budget lines: the same program (kegiatan, sub kegiatan, sasaran, total) with a
    different pagu awal, pagu or realisasi in two tables. Names match case-insensitively, ignoring a
    'Program ' prefix and 'Kabupaten/Kota'; a name printed twice in one table is ambiguous and skipped.
    The main (utama) table's figure is the reference, else the one most tables print."""
    if ang.empty:
        return _kosong()
    a = ang.assign(_k=_kunci_baris(ang), _nama=ang["uraian"])
    a = a[(a["_k"].str.partition("|")[2] != "") | (a["level"] == "total")]
    ganda = a.duplicated(["instansi", "tahun", "sumber", "_k"], keep=False) & (a["level"] != "total")
    a = a[~ganda]
    hasil = []
    for kol in ("pagu_awal", "pagu", "realisasi"):
        teks = "realisasi_teks" if kol == "realisasi" else f"{kol}_teks"
        d = a[a[kol].notna()]
        d = d.assign(_frek=d.assign(_v=d[kol].round(2)).groupby(["instansi", "tahun", "_k", "_v"])["sumber"].transform("nunique"))
        m = _pasangan_beda(d, ["instansi", "tahun", "_k"], kol, teks, ["utama", "_frek", "id"], [False, False, True])
        if m is None:
            continue
        for x in m.rename(columns={"_k": "kunci"}).itertuples(index=False):
            if set(x.sumber) <= set(x.sumber_ref):
                continue  # two totals of one table disagree: not a difference between tables
            sebagai = (f" (sebagai '{x.nama}')" if not x.kunci.startswith("total|")
                       and x.nama.strip().lower() != x.nama_ref.strip().lower() else "")
            hasil.append(_temuan(
                x.instansi, x.tahun, "beda_antar_tabel", "peringatan", gabung_sumber([*x.sumber_ref, *x.sumber]), x.nama_ref,
                x.nilai_ref, x.nilai,
                f"{_LABEL_KOLOM[kol].capitalize()} '{x.nama_ref}' tercetak {_rp(x.nilai_ref)} di {_tabel_saja(x.sumber_ref)} tetapi "
                f"{_rp(x.nilai)} di {_tabel_saja(x.sumber)}{sebagai}, selisih {_rp(abs(x.nilai_ref - x.nilai))}.",
                _ids(x.ids_ref, x.ids)))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


def cek_realisasi_melebihi_pagu(ang: pd.DataFrame) -> pd.DataFrame:
    """realisasi_melebihi_pagu: a budget line that spent more than its ceiling."""
    if ang.empty:
        return _kosong()
    df = ang[ang["pagu"].notna() & ang["realisasi"].notna() & (ang["realisasi"] - ang["pagu"] >= TOLERANSI_RUPIAH)]
    hasil = []
    for r in df.itertuples(index=False):
        s = measures.serapan(r.pagu, r.realisasi).nilai
        hasil.append(_temuan(
            r.instansi, r.tahun, "realisasi_melebihi_pagu", "peringatan", r.sumber, r.uraian, r.realisasi, r.pagu,
            f"Realisasi {_rp(r.realisasi)} melebihi pagu {_rp(r.pagu)} sebesar {_rp(r.realisasi - r.pagu)} "
            f"(serapan {_pct(s)}), padahal belanja tidak boleh melampaui pagu.", _ids([r.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


def _digit_bermakna(v: pd.Series) -> pd.Series:
    return v.round().astype("int64").astype(str).str.rstrip("0").str.len()


def cek_nilai_kembar(ang: pd.DataFrame) -> pd.DataFrame:
    """nilai_kembar: one non-round amount printed for two different lines of the same level in one table
    (a copy-paste suspect, e.g. two programs with the same pagu). A total, a line and its only part, and
    lines with the same name are not twins."""
    if ang.empty:
        return _kosong()
    hasil = []
    a = ang[ang["level"] != "total"]
    for kol in ("pagu", "realisasi"):
        df = a[a[kol].notna() & (a[kol] >= NILAI_KEMBAR_MIN)]
        if df.empty:
            continue
        df = df[_digit_bermakna(df[kol]) >= NILAI_KEMBAR_DIGIT]
        df = df[df.duplicated(["instansi", "tahun", "sumber", kol], keep=False)]
        if df.empty:
            continue
        # climb to the highest ancestor carrying the same amount: a line and its single part are one figure
        nilai_semua = ang.set_index("id")[kol]
        induk_semua = ang.set_index("id")["induk_id"]
        akar = df["id"].copy()
        for _ in range(len(_PERINGKAT_LEVEL)):
            induk = akar.map(induk_semua)
            naik = induk.notna() & (induk.map(nilai_semua).round(2) == df[kol].round(2).values)
            if not naik.any():
                break
            akar = akar.where(~naik, induk.astype("Int64"))
        df = df.assign(_akar=akar.values, _nama=nama_baku(df["uraian"]).values)
        df = df.assign(_puncak=df["id"] != df["_akar"]).sort_values(["_puncak", "urutan"])  # keep the top line of a chain
        kunci = ["instansi", "tahun", "sumber", "level", kol]
        df = df.drop_duplicates("_akar").drop_duplicates([*kunci, "_nama"])
        df = df[df.duplicated(kunci, keep=False)]
        for (inst, th, sumber, _, v), g in df.sort_values("urutan").groupby(kunci, sort=False):
            nama = [str(u) for u in g["uraian"]]
            daftar = " dan ".join(f"'{n}'" for n in nama) if len(nama) == 2 else ", ".join(f"'{n}'" for n in nama)
            hasil.append(_temuan(
                inst, th, "nilai_kembar", "peringatan", sumber, " / ".join(nama), v, None,
                f"{daftar} di {_tabel_saja([sumber])} tercetak dengan {_LABEL_KOLOM[kol]} yang persis sama, {_rp(v)}, "
                f"sehingga perlu dicek apakah angka itu tersalin dari baris lain.", _ids(g["id"])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


# ---------------------------------------------------------------------------------------------------
# Printed numbers that cannot be read

_KOLOM_TEKS = {
    "indikator": [("target", "target_teks"), ("realisasi", "realisasi_teks"), ("capaian_dilaporkan", "capaian_dilaporkan_teks")],
    "anggaran": [("pagu_awal", "pagu_awal_teks"), ("pagu", "pagu_teks"), ("realisasi_anggaran", "realisasi_teks"),
                 ("serapan_dilaporkan", "serapan_dilaporkan_teks")],
    "nilai_dilaporkan": [("nilai", "nilai_teks")],
}


def cek_salah_cetak(ind: pd.DataFrame, ang: pd.DataFrame, nilai: pd.DataFrame, masalah: pd.DataFrame | None = None) -> pd.DataFrame:
    """angka_salah_cetak: a printed figure kept as text because it is not a readable number
    (``Rp91-.160.954``), and the importer's 'angka salah cetak' problems that no stored cell explains.
    In nilai_dilaporkan a word ('Berhasil', 'Sangat Memuaskan') is a category, not a typo."""
    hasil, tercatat = [], set()
    masalah = masalah if masalah is not None else pd.DataFrame(columns=["impor_id", "lembar", "baris", "kolom", "nilai", "pesan", "nama_file"])
    lokasi = {}
    for m in masalah.itertuples(index=False):
        lokasi.setdefault((m.impor_id, str(m.nilai)), m)
    for tabel, df in (("indikator", ind), ("anggaran", ang), ("nilai_dilaporkan", nilai)):
        if df is None or df.empty:
            continue
        for kol, kol_teks in _KOLOM_TEKS[tabel]:
            kol_nilai = "realisasi" if kol == "realisasi_anggaran" else kol
            if kol_teks not in df.columns:
                continue
            teks = df[kol_teks].fillna("").astype(str).str.strip()
            calon = df[(teks != "") & df[kol_nilai].isna()]
            if calon.empty:
                continue
            galat = {t: parse(t).galat for t in set(calon[kol_teks].astype(str).str.strip())}
            for r in calon.itertuples(index=False):
                t = str(getattr(r, kol_teks)).strip()
                g = galat[t]
                if not g or (tabel == "nilai_dilaporkan" and g == "bukan angka"):
                    continue
                baris = getattr(r, "indikator", None) or getattr(r, "uraian", None) or getattr(r, "lingkup", None) or tabel
                m = lokasi.get((r.impor_id, t))
                tempat = f"; tercatat saat impor di lembar '{m.lembar}' baris {m.baris}" if m is not None and _ada(m.baris) else ""
                if m is not None:
                    tercatat.add((m.impor_id, t))
                hasil.append(_temuan(
                    r.instansi, r.tahun, "angka_salah_cetak", "galat", r.sumber, baris, None, None,
                    f"{_LABEL_KOLOM[kol].capitalize()} tercetak '{t}' tidak dapat dibaca sebagai angka karena {g}, sehingga tidak ikut "
                    f"dihitung; cocokkan dengan dokumen sumber{tempat}.", _ids([r.id])))
    # problems from the import log with no stored cell: place them by the agency and year of that import
    sisa = masalah[[(m.impor_id, str(m.nilai)) not in tercatat for m in masalah.itertuples(index=False)]] if len(masalah) else masalah
    if len(sisa):
        baris_impor = pd.concat([d[["impor_id", "instansi", "tahun", "sumber"]] for d in (ind, ang, nilai) if d is not None and len(d)],
                                ignore_index=True) if any(d is not None and len(d) for d in (ind, ang, nilai)) else pd.DataFrame()
        for m in sisa.itertuples(index=False):
            asal = baris_impor[baris_impor["impor_id"] == m.impor_id] if len(baris_impor) else baris_impor
            if asal.empty:
                continue
            inst, th = asal[["instansi", "tahun"]].value_counts().index[0]
            sumber = asal["sumber"].mode().iloc[0] if asal["sumber"].notna().any() else f"Impor #{m.impor_id}"
            hasil.append(_temuan(
                inst, th, "angka_salah_cetak", "galat", sumber, f"lembar '{m.lembar}' baris {m.baris}", None, None,
                f"Sel {m.kolom or ''} berisi '{m.nilai}' yang bukan angka yang dapat dibaca ({m.pesan}); cocokkan dengan dokumen sumber.",
                ""))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


# ---------------------------------------------------------------------------------------------------
# Entry points

def rapikan(df: pd.DataFrame) -> pd.DataFrame:
    """Column order, types and the deterministic order: instansi, tahun, severity (galat first), jenis."""
    df = df[KOLOM_TEMUAN].copy() if len(df) else _kosong()
    df["tahun"] = pd.array(df["tahun"], dtype="Int64")
    for k in ("dilaporkan", "dihitung", "selisih"):
        df[k] = pd.to_numeric(df[k], errors="coerce").astype(float)
    for k in ("instansi", "jenis", "tingkat", "sumber", "baris", "penjelasan", "ids"):
        df[k] = df[k].astype(object).where(df[k].notna(), "")
    df["_t"] = df["tingkat"].map(_PERINGKAT_TINGKAT).fillna(9)
    df = df.sort_values(["instansi", "tahun", "_t", "jenis", "sumber", "baris", "ids", "penjelasan"], kind="mergesort")
    return df.drop(columns="_t").drop_duplicates().reset_index(drop=True)


def periksa_data(ind: pd.DataFrame, ang: pd.DataFrame, nilai: pd.DataFrame, masalah: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every check on frames shaped like Store.indikator(), Store.anggaran(), Store.tabel('nilai_dilaporkan')."""
    bagian = [
        cek_capaian(ind), cek_rata_rata(ind, nilai), cek_beda_indikator(ind), cek_target_realisasi_kosong(ind),
        cek_serapan(ang), cek_serapan_dilaporkan(ang, nilai), cek_jumlah_bagian(ang), cek_bagian_antar_tabel(ang),
        cek_beda_anggaran(ang), cek_realisasi_melebihi_pagu(ang), cek_nilai_kembar(ang),
        cek_salah_cetak(ind, ang, nilai, masalah),
    ]
    bagian = [b for b in bagian if len(b)]
    return rapikan(pd.concat(bagian, ignore_index=True) if bagian else _kosong())


def _masalah_impor(store) -> pd.DataFrame:
    return store.baca(
        """SELECT m.impor_id, m.lembar, m.baris, m.kolom, m.nilai, m.pesan, i.nama_file
           FROM masalah_impor m JOIN impor i ON i.id = m.impor_id
           WHERE i.status = 'aktif' AND m.pesan LIKE 'angka salah cetak%'
           ORDER BY m.impor_id, m.baris"""
    )


def periksa(store, instansi: list[str] | None = None, tahun: list[int] | None = None) -> pd.DataFrame:
    """All findings for the chosen agencies and years (all when None), sorted; columns KOLOM_TEMUAN."""
    ind = store.indikator(instansi, tahun)
    ang = store.anggaran(instansi, tahun)
    nilai = store.tabel("nilai_dilaporkan", instansi, tahun)
    return periksa_data(ind, ang, nilai, _masalah_impor(store))


def perbarui(store, instansi: list[str] | None = None) -> int:
    """Recompute and store the findings of these agencies (all when None); returns the findings stored.

    Runs under the store's write lock, so no import slips between the computation and the write.
    """
    with store.kunci_tulis():
        df = periksa(store, instansi)
        with store.transaksi(naikkan_versi=False) as cur:
            if instansi is None:
                cur.execute("DELETE FROM temuan")
                cur.execute("DELETE FROM temuan_kotor")
            else:
                cur.execute("DELETE FROM temuan WHERE instansi IN (SELECT unnest(?))", [list(instansi)])
                cur.execute("DELETE FROM temuan_kotor WHERE instansi IN (SELECT unnest(?))", [list(instansi)])
            if len(df):
                cur.register("temuan_baru", df[KOLOM_TEMUAN].astype({"tahun": "Int64"}))
                cur.execute(f"INSERT INTO temuan ({', '.join(KOLOM_TEMUAN)}) SELECT {', '.join(KOLOM_TEMUAN)} FROM temuan_baru")
                cur.unregister("temuan_baru")
    return len(df)


def segarkan(store) -> int:
    """Recheck the agencies written since their findings were stored; returns how many were rechecked."""
    kotor = list(store.baca("SELECT instansi FROM temuan_kotor ORDER BY 1")["instansi"])
    if kotor:
        semua = store.satu("SELECT count(*) FROM instansi")
        perbarui(store, None if len(kotor) >= semua else kotor)
    return len(kotor)


def temuan(store, instansi: list[str] | None = None, tahun: list[int] | None = None) -> pd.DataFrame:
    """The findings, from the stored table; agencies written since their last check are checked first.

    After an import only the agencies it touched are recomputed; a read-only store computes directly.
    """
    if getattr(store, "read_only", False):
        return periksa(store, instansi, tahun)
    segarkan(store)
    where, params = store._saring(instansi, tahun, alias="t", kolom_instansi="t.instansi")
    return rapikan(store.baca(f"SELECT {', '.join(KOLOM_TEMUAN)} FROM temuan t WHERE TRUE {where}", params))


def ringkas_per_instansi(df: pd.DataFrame) -> pd.DataFrame:
    """Findings per agency: columns instansi, jumlah, galat, peringatan, info (sorted by agency)."""
    kolom = ["instansi", "jumlah", *TINGKAT]
    if df is None or df.empty:
        return pd.DataFrame({k: pd.Series(dtype=object if k == "instansi" else "int64") for k in kolom})
    t = pd.crosstab(df["instansi"], df["tingkat"]).reindex(columns=list(TINGKAT), fill_value=0)
    t.insert(0, "jumlah", t.sum(axis=1))
    return t.reset_index()[kolom].sort_values("instansi").reset_index(drop=True).astype({k: "int64" for k in kolom[1:]})


# ---------------------------------------------------------------------------------------------------
# Output for the command line

_LEBAR_TEKS = {"instansi": 22, "tahun": 5, "jenis": 26, "tingkat": 10, "sumber": 26, "baris": 28, "dilaporkan": 17,
               "dihitung": 17, "selisih": 15, "penjelasan": 56, "ids": 12}
_KOLOM_ANGKA = ("dilaporkan", "dihitung", "selisih")


def tabel_teks(df: pd.DataFrame) -> str:
    """A fixed-width text table of the findings (long cells wrapped inside their column), Indonesian
    numbers, and a closing count per severity."""
    import textwrap

    if df is None or df.empty:
        return "Tidak ada temuan.\n"
    kolom = KOLOM_TEMUAN
    lebar = dict(_LEBAR_TEKS)

    def sel(k, v) -> list[str]:
        if k in _KOLOM_ANGKA:
            return [format_angka(None if pd.isna(v) else float(v), 2, kosong="")]
        if k == "tahun":
            return ["" if pd.isna(v) else str(int(v))]
        teks = "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
        if k == "ids":
            teks = teks.replace(",", ", ")
        return textwrap.wrap(teks, lebar[k], break_long_words=True, break_on_hyphens=False) or [""]

    def baris(isi: dict[str, list[str]]) -> list[str]:
        tinggi = max(len(v) for v in isi.values())
        keluar = []
        for i in range(tinggi):
            bagian = []
            for k in kolom:
                t = isi[k][i] if i < len(isi[k]) else ""
                bagian.append(t.rjust(lebar[k]) if k in _KOLOM_ANGKA else t.ljust(lebar[k]))
            keluar.append(" | ".join(bagian).rstrip())
        return keluar

    garis = ["-+-".join("-" * lebar[k] for k in kolom)]
    hasil = baris({k: [k] for k in kolom}) + garis
    for r in df[kolom].itertuples(index=False):
        hasil += baris({k: sel(k, v) for k, v in zip(kolom, r)})
        hasil += [""]
    hitung = df["tingkat"].value_counts()
    hasil.append(f"{len(df)} temuan: " + ", ".join(f"{int(hitung.get(t, 0))} {t}" for t in TINGKAT) + ".")
    return "\n".join(hasil) + "\n"


def ke_json(df: pd.DataFrame) -> str:
    """The findings as a JSON list of objects (numbers as numbers, empty as null)."""
    import json

    catatan = []
    for r in df[KOLOM_TEMUAN].itertuples(index=False):
        o = {}
        for k, v in zip(KOLOM_TEMUAN, r):
            if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
                o[k] = None
            elif k == "tahun":
                o[k] = int(v)
            elif k in _KOLOM_ANGKA:
                o[k] = float(v)
            else:
                o[k] = str(v)
        catatan.append(o)
    return json.dumps(catatan, ensure_ascii=False, indent=2) + "\n"
