"""Every formula of the dashboard, once: capaian, categories, grades, serapan, efficiency, progress.

Pure functions on plain numbers. Percentages are numbers such as 82.35 (meaning 82,35%). Where a
value cannot be computed the functions return ``Hasil(nilai=None, alasan=...)`` with the reason in
Bahasa Indonesia, never an exception or an infinity. For a table's rows at once, ``*_larik`` apply the
same arithmetic to numpy arrays (NaN where there is no value).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from .numbers import PREDIKAT

POLARITAS = ("positif", "negatif", "ordinal")
BATAS_RATA_RATA_BAWAAN = 120.0  # cap on each capaian when averaging (configurable)


@dataclass(frozen=True)
class Hasil:
    nilai: float | None
    alasan: str | None = None  # why there is no value, or how an unusual value was obtained


# --- Capaian ---------------------------------------------------------------------------------------
RUMUS_CAPAIAN = {
    "positif": "Capaian = realisasi / target × 100 (semakin tinggi semakin baik).",
    "negatif": "Capaian = (2 × target − realisasi) / target × 100 (semakin rendah semakin baik).",
    "ordinal": "Indikator ordinal (predikat): 100 bila predikat/nilai realisasi memenuhi target; "
    "bila tidak, nilai realisasi / nilai target × 100, atau peringkat predikat realisasi / target × 100.",
}


def _peringkat(predikat: str) -> int:
    """AA -> 7 ... D -> 1."""
    return len(PREDIKAT) - PREDIKAT.index(predikat)


def capaian(
    target: float | None,
    realisasi: float | None,
    polaritas: str = "positif",
    target_predikat: str | None = None,
    realisasi_predikat: str | None = None,
) -> Hasil:
    """Achievement of one indicator in percent, uncapped.

    positif: r / t × 100; negatif: (2t − r) / t × 100; ordinal: 100 when the grade or score is met.
    """
    if polaritas not in POLARITAS:
        return Hasil(None, f"polaritas '{polaritas}' tidak dikenal (positif, negatif, ordinal)")
    if polaritas == "ordinal":
        return _capaian_ordinal(target, realisasi, target_predikat, realisasi_predikat)
    if target is None and realisasi is None:
        return Hasil(None, "target dan realisasi kosong")
    if target is None:
        return Hasil(None, "target kosong: capaian tidak dapat dihitung")
    if realisasi is None:
        return Hasil(None, "realisasi kosong: capaian tidak dapat dihitung")
    if target == 0:
        return Hasil(None, "target 0: capaian tidak dapat dihitung (pembagian dengan nol)")
    if polaritas == "positif":
        return Hasil(realisasi / target * 100)
    return Hasil((2 * target - realisasi) / target * 100)


def _capaian_ordinal(t: float | None, r: float | None, tp: str | None, rp: str | None) -> Hasil:
    if t is not None and r is not None:
        if t == 0:
            return Hasil(None, "target 0: capaian tidak dapat dihitung (pembagian dengan nol)")
        if r >= t:
            return Hasil(100.0, "ordinal: nilai realisasi memenuhi target")
        return Hasil(r / t * 100, "ordinal: nilai realisasi di bawah target")
    if tp in PREDIKAT and rp in PREDIKAT:
        if _peringkat(rp) >= _peringkat(tp):
            return Hasil(100.0, "ordinal: predikat realisasi memenuhi target")
        return Hasil(_peringkat(rp) / _peringkat(tp) * 100, "ordinal: predikat realisasi di bawah target")
    if r is not None and tp in PREDIKAT and rp is None:
        rp = predikat_sakip(r).nilai_teks
        return _capaian_ordinal(None, None, tp, rp)
    return Hasil(None, "ordinal: target atau realisasi (nilai/predikat) kosong")


# --- Categories and grades -------------------------------------------------------------------------
KATEGORI = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
# (threshold, category): a capaian above the threshold is in that category; at or below the last, KATEGORI[-1]
AMBANG_KATEGORI = ((90, "Sangat Tinggi"), (75, "Tinggi"), (65, "Sedang"), (50, "Rendah"))
RUMUS_KATEGORI = (
    "Skala Permendagri 86/2017 atas capaian: Sangat Tinggi > 90; Tinggi > 75–90; Sedang > 65–75; "
    "Rendah > 50–65; Sangat Rendah ≤ 50."
)


def kategori(capaian_persen: float | None) -> str | None:
    """Permendagri 86/2017 category of a capaian (decimals compared with the > thresholds)."""
    if capaian_persen is None:
        return None
    for batas, nama in AMBANG_KATEGORI:
        if capaian_persen > batas:
            return nama
    return KATEGORI[-1]


@dataclass(frozen=True)
class Predikat:
    nilai_teks: str | None
    keterangan: str | None = None


_SAKIP = ((90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"), (30, "C"))
RUMUS_SAKIP = "Predikat SAKIP dari nilai: AA > 90; A > 80–90; BB > 70–80; B > 60–70; CC > 50–60; C > 30–50; D 0–30."


def predikat_sakip(nilai: float | None) -> Predikat:
    """SAKIP grade from the evaluation score (0–100); e.g. 77,26 -> BB."""
    if nilai is None:
        return Predikat(None, "nilai SAKIP kosong")
    if not 0 <= nilai <= 100:
        return Predikat(None, f"nilai SAKIP {nilai} di luar rentang 0–100")
    for batas, huruf in _SAKIP:
        if nilai > batas:
            return Predikat(huruf)
    return Predikat("D")


_IKM = ((88.31, "A", "Sangat Baik"), (76.61, "B", "Baik"), (65.0, "C", "Kurang Baik"), (25.0, "D", "Tidak Baik"))
RUMUS_IKM = "Kategori IKM (PermenPAN-RB 14/2017): A 88,31–100 Sangat Baik; B 76,61–88,30 Baik; C 65,00–76,60 Kurang Baik; D 25,00–64,99 Tidak Baik."


def kategori_ikm(nilai: float | None) -> Predikat:
    """IKM category; e.g. 85,77 -> B (Baik)."""
    if nilai is None:
        return Predikat(None, "nilai IKM kosong")
    if not 25 <= nilai <= 100:
        return Predikat(None, f"nilai IKM {nilai} di luar rentang 25–100")
    for batas, huruf, nama in _IKM:
        if nilai >= batas:
            return Predikat(huruf, nama)
    return Predikat(None, "nilai IKM di luar rentang")  # unreachable, kept for type completeness


# --- Budget ----------------------------------------------------------------------------------------
RUMUS_SERAPAN = "Serapan = realisasi anggaran / pagu × 100."


def serapan(pagu: float | None, realisasi: float | None) -> Hasil:
    """Budget absorption in percent."""
    if pagu is None:
        return Hasil(None, "pagu kosong: serapan tidak dapat dihitung")
    if realisasi is None:
        return Hasil(None, "realisasi anggaran kosong: serapan tidak dapat dihitung")
    if pagu == 0:
        return Hasil(None, "pagu 0: serapan tidak dapat dihitung (pembagian dengan nol)")
    return Hasil(_serapan(pagu, realisasi))


def _serapan(pagu, realisasi):
    return realisasi / pagu * 100


# --- Efficiency (three labelled methods; none of them is "the" official one) -----------------------
METODE_EFISIENSI = {
    "selisih": (
        "Efisiensi (selisih)",
        "Capaian − serapan, dalam poin persen; > 0 berarti efisien. Dipakai LKjIP Kota Bekasi.",
    ),
    "rasio": ("Efisiensi (rasio)", "Capaian / serapan; > 1 berarti efisien."),
    "nka": (
        "Nilai efisiensi gaya NKA Kemenkeu",
        "PMK 214/2017 & PMK 22/2021: E = (Σ pagu × capaian − Σ realisasi) / Σ pagu × capaian, capaian "
        "sebagai rasio; nilai = 50% + (E / 20%) × 50%, E dibatasi −20%..+20% sehingga nilai 0–100.",
    ),
}


def efisiensi_selisih(capaian_persen: float | None, serapan_persen: float | None) -> Hasil:
    if capaian_persen is None or serapan_persen is None:
        return Hasil(None, "capaian atau serapan kosong")
    return Hasil(_selisih(capaian_persen, serapan_persen))


def _selisih(capaian_persen, serapan_persen):
    return capaian_persen - serapan_persen


def efisiensi_rasio(capaian_persen: float | None, serapan_persen: float | None) -> Hasil:
    if capaian_persen is None or serapan_persen is None:
        return Hasil(None, "capaian atau serapan kosong")
    if serapan_persen == 0:
        return Hasil(None, "serapan 0: rasio tidak dapat dihitung (pembagian dengan nol)")
    return Hasil(_rasio(capaian_persen, serapan_persen))


def _rasio(capaian_persen, serapan_persen):
    return capaian_persen / serapan_persen


@dataclass(frozen=True)
class NilaiNKA:
    e: float | None  # efficiency ratio, unclamped (0.05 = 5%)
    nilai: float | None  # 0..100
    alasan: str | None = None


def efisiensi_nka(baris: Iterable[tuple[float | None, float | None, float | None]]) -> NilaiNKA:
    """Kemenkeu NKA-style efficiency over (pagu, capaian %, realisasi) lines.

    E = (Σ pagu × c − Σ realisasi) / Σ pagu × c with c = capaian / 100; nilai = 50 + E/0,2 × 50 with
    E clamped to [−0,2; 0,2].
    """
    # an empty value (None, or NaN from a table) leaves its line out: a NaN would pass through min/max as a clamped E
    lengkap = [(p, c, r) for p, c, r in baris if all(x is not None and x == x for x in (p, c, r))]
    if not lengkap:
        return NilaiNKA(None, None, "tidak ada baris dengan pagu, capaian dan realisasi lengkap")
    keluaran = sum(_keluaran(p, c) for p, c, _ in lengkap)
    if keluaran == 0:
        return NilaiNKA(None, None, "Σ pagu × capaian = 0: efisiensi tidak dapat dihitung")
    e = _e_nka(keluaran, sum(r for _, _, r in lengkap))
    return NilaiNKA(e, float(_nilai_dari_e(e)))


def _keluaran(pagu, capaian_persen):
    return pagu * capaian_persen / 100


def _e_nka(keluaran, realisasi):
    return (keluaran - realisasi) / keluaran


def _nilai_dari_e(e):
    return 50 + (np.clip(e, -0.2, 0.2) / 0.2) * 50


# --- The same formulas over the rows of a table at once --------------------------------------------
# numpy arrays in, an array out with NaN where the function above gives no value (an empty input, a
# division by zero); the arithmetic is the functions' own (_serapan, _selisih, ...), and the tests compare
# each row with the function above.
def _per_baris(rumus, ada: np.ndarray, *kolom: np.ndarray) -> np.ndarray:
    hasil = np.full(len(ada), np.nan)
    hasil[ada] = rumus(*(k[ada] for k in kolom))
    return hasil


def _larik(*kolom) -> list[np.ndarray]:
    return [np.asarray(k, dtype=float) for k in kolom]


def serapan_larik(pagu, realisasi) -> np.ndarray:
    p, r = _larik(pagu, realisasi)
    return _per_baris(_serapan, ~np.isnan(p) & ~np.isnan(r) & (p != 0), p, r)


def efisiensi_selisih_larik(capaian_persen, serapan_persen) -> np.ndarray:
    c, s = _larik(capaian_persen, serapan_persen)
    return _per_baris(_selisih, ~np.isnan(c) & ~np.isnan(s), c, s)


def efisiensi_rasio_larik(capaian_persen, serapan_persen) -> np.ndarray:
    c, s = _larik(capaian_persen, serapan_persen)
    return _per_baris(_rasio, ~np.isnan(c) & ~np.isnan(s) & (s != 0), c, s)


def efisiensi_nka_larik(pagu, capaian_persen, realisasi) -> np.ndarray:
    """``efisiensi_nka(...).nilai`` of each row taken as one line."""
    p, c, r = _larik(pagu, capaian_persen, realisasi)
    k = _keluaran(p, c)
    return _per_baris(lambda k_, r_: _nilai_dari_e(_e_nka(k_, r_)), ~np.isnan(k) & ~np.isnan(r) & (k != 0), k, r)


# --- Averages and Renstra --------------------------------------------------------------------------
@dataclass(frozen=True)
class RataRata:
    nilai: float | None
    jumlah: int  # indicators averaged
    dibatasi: int  # how many were capped
    batas: float


def rata_rata_capaian(nilai: Sequence[float | None], batas: float | None = BATAS_RATA_RATA_BAWAAN) -> RataRata:
    """Mean capaian over indicators, each capped at ``batas`` (None = uncapped); empty values skipped."""
    ada = [v for v in nilai if v is not None]
    if not ada:
        return RataRata(None, 0, 0, batas or 0)
    if batas is None:
        return RataRata(sum(ada) / len(ada), len(ada), 0, 0)
    dibatasi = sum(1 for v in ada if v > batas)
    return RataRata(sum(min(v, batas) for v in ada) / len(ada), len(ada), dibatasi, batas)


RUMUS_KEMAJUAN_RENSTRA = (
    "Tingkat kemajuan Renstra = realisasi tahun berjalan terhadap target akhir periode Renstra, "
    "dengan rumus capaian yang sama (positif/negatif/ordinal)."
)


def kemajuan_renstra(realisasi: float | None, target_akhir: float | None, polaritas: str = "positif") -> Hasil:
    """Progress of this year's realisasi against the end-of-Renstra target."""
    return capaian(target_akhir, realisasi, polaritas)
