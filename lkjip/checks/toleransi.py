"""Shared tolerance rules: when a printed figure is an honest rounding or truncation of the recomputed one,
and the thresholds every check uses."""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from ..numbers import parse

# Amounts (Rupiah) differing by less than this are equal (printed cents, float sums).
TOLERANSI_RUPIAH = 1.0
# A repeated amount is worth a look only from this size and with this many significant digits
# and on two lines of the same level (300.000.000 twice is a round allocation; 832.495.000 for two
# programs is suspicious).
NILAI_KEMBAR_MIN = 1_000_000.0
NILAI_KEMBAR_DIGIT = 5
# A printed percentage off by at least this many points is a galat, below it a peringatan.
BATAS_GALAT_PERSEN = 1.0

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



def _tingkat_persen(selisih: float | None) -> str:
    """galat from BATAS_GALAT_PERSEN points of difference, else peringatan."""
    return "galat" if selisih is None or abs(selisih) >= BATAS_GALAT_PERSEN else "peringatan"


def satu_satuan_terakhir(dicetak: object, dihitung: float | None) -> bool:
    """Is the printed figure off by at most one unit of its last printed decimal (0,53 for 0,5212: shares
    forced to add up to 100%)? Such a difference is info, never more."""
    if dihitung is None or (isinstance(dihitung, float) and math.isnan(dihitung)):
        return False
    nilai = parse(dicetak).nilai if isinstance(dicetak, str) else (None if dicetak is None else float(dicetak))
    if nilai is None:
        return False
    d = desimal_tercetak(dicetak, nilai)
    return abs(nilai - float(dihitung)) <= 10.0 ** -d + 1e-9
