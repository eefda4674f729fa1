"""Indonesian numbers as printed in LKjIP reports: parsing and formatting.

Parsing never guesses. ``parse("Rp 3.266.735.000,00")`` gives 3266735000.0; a malformed figure such
as ``Rp91-.160.954`` gives no value and a reason (``Angka.galat``) that can be shown to a person.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

# Grades used for SAKIP (predikat) — best first.
PREDIKAT = ("AA", "A", "BB", "B", "CC", "C", "D")

_KOSONG = {"", "-", "–", "—", "--", "n/a", "na", "#n/a", "n.a", "n.a.", "tidak ada", "nihil", "none", "nan"}
_STRIP = {"-", "–", "—", "--", "nihil"}
_RE_PREDIKAT_DALAM_KURUNG = re.compile(r"\(\s*(AA|A|BB|B|CC|C|D)\s*\)\s*$", re.IGNORECASE)
_RE_PREDIKAT = re.compile(r"^(AA|A|BB|B|CC|C|D)$", re.IGNORECASE)
_RE_RP = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_RE_ANGKA_SATUAN = re.compile(r"^([+\-−]?[\d.,]*\d[\d.,]*)\s*([^\d\s.,+\-].*)?$")


# Magnitude words: (factor, valid without 'Rp'). "Rp1,5M" is 1.500.000.000; "1,5 M" alone is not.
_PENGALI = {
    "rb": (1e3, False), "ribu": (1e3, True), "jt": (1e6, False), "juta": (1e6, True),
    "m": (1e9, False), "miliar": (1e9, True), "milyar": (1e9, True), "t": (1e12, False), "triliun": (1e12, True),
}


@dataclass(frozen=True)
class Angka:
    """A printed figure, parsed.

    ``nilai`` is the number (None when empty, a bare grade or malformed), ``persen`` whether it was
    printed with ``%``, ``predikat`` a grade letter when one was printed (``70,10 (BB)``), ``satuan``
    a unit printed inside the cell (``4207 KPM``), ``galat`` the reason when the text is not a number
    that can be read without guessing.
    """

    teks: str
    nilai: float | None = None
    persen: bool = False
    predikat: str | None = None
    satuan: str | None = None
    strip: bool = False
    galat: str | None = None

    @property
    def kosong(self) -> bool:
        return self.nilai is None and self.predikat is None and self.galat is None


def _baku(teks: str) -> str:
    return (
        teks.replace("\u00a0", " ").replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-").strip()
    )


def _angka_inti(s: str, persen: bool) -> tuple[float | None, str | None]:
    """Digits with '.' and ',' separators -> float, or a reason why it cannot be read."""
    neg = s.startswith("-")
    if s[:1] in "+-":
        s = s[1:]
    if "-" in s or "+" in s:
        return None, "tanda '-' atau '+' di tengah angka"
    if not s or not re.fullmatch(r"[\d.,]+", s) or not any(ch.isdigit() for ch in s):
        return None, "bukan angka"
    if s[0] in ".," and not persen:
        s = "0" + s
    titik, koma = s.count("."), s.count(",")
    if titik and koma:
        desimal = "," if s.rfind(",") > s.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        if s.count(desimal) > 1:
            return None, f"pemisah desimal '{desimal}' muncul lebih dari sekali"
        bulat, pecahan = s.split(desimal)
        kelompok = bulat.split(ribuan)
    elif titik or koma:
        sep = "." if titik else ","
        bagian = s.split(sep)
        if len(bagian) > 2:
            bulat, pecahan, kelompok = s, "", bagian
        elif sep == "," or persen or len(bagian[1]) != 3 or bagian[0] in ("", "0"):
            # A single comma is the Indonesian decimal mark; a single dot is a decimal point unless
            # it is followed by exactly three digits (thousands: 4.207).
            bulat, pecahan, kelompok = bagian[0] or "0", bagian[1], [bagian[0] or "0"]
        else:
            bulat, pecahan, kelompok = s, "", bagian
    else:
        bulat, pecahan, kelompok = s, "", [s]
    if len(kelompok) > 1:
        if not (1 <= len(kelompok[0]) <= 3 and all(len(k) == 3 for k in kelompok[1:])):
            return None, "pemisah ribuan tidak pada tempatnya (kelompok angka harus tiga digit)"
    if pecahan and not pecahan.isdigit():
        return None, "bagian desimal bukan angka"
    nilai = float("".join(kelompok) + ("." + pecahan if pecahan else ""))
    return (-nilai if neg else nilai), None


def parse(nilai: object) -> Angka:
    """Parse one printed cell: a number, a percentage, Rupiah, a grade, a dash or n/a."""
    if isinstance(nilai, str):
        return _parse_teks(nilai)
    return _parse(nilai)


def _parse(nilai: object) -> Angka:
    if nilai is None:
        return Angka(teks="")
    if isinstance(nilai, bool):
        return Angka(teks=str(nilai), galat="bukan angka")
    if isinstance(nilai, (int, float)):
        if isinstance(nilai, float) and (math.isnan(nilai) or math.isinf(nilai)):
            return Angka(teks="") if math.isnan(nilai) else Angka(teks=str(nilai), galat="bukan angka")
        return Angka(teks=str(nilai), nilai=float(nilai))
    teks = str(nilai)
    s = _baku(teks)
    if s.lower() in _KOSONG:
        return Angka(teks=teks, strip=s in _STRIP)
    predikat = None
    m = _RE_PREDIKAT_DALAM_KURUNG.search(s)
    if m:
        predikat = m.group(1).upper()
        s = s[: m.start()].strip()
    elif _RE_PREDIKAT.match(s):
        return Angka(teks=teks, predikat=s.upper())
    rupiah = bool(_RE_RP.match(s))
    s = _RE_RP.sub("", s)
    if s.endswith(",-") or s.endswith(".-"):
        s = s[:-2]
    s = s.rstrip("*").strip()
    persen = False
    if s.endswith("%"):
        persen, s = True, s[:-1].strip()
    s = s.replace(" ", "") if re.fullmatch(r"[+\-]?[\d., ]+", s) else s
    m = _RE_ANGKA_SATUAN.match(s)
    if re.fullmatch(r"[+\-]?[\d.,+\-]+", s):
        inti, satuan = s, None
    elif m:
        inti, satuan = m.group(1), (m.group(2) or "").strip() or None
    else:
        return Angka(teks=teks, predikat=predikat, galat="bukan angka")
    if satuan == "%":
        persen, satuan = True, None
    hasil, galat = _angka_inti(inti, persen)
    if galat:
        return Angka(teks=teks, predikat=predikat, persen=persen, satuan=satuan, galat=galat)
    if satuan and re.fullmatch(r"[eE][+-]?\d+", satuan):
        return Angka(teks=teks, predikat=predikat, persen=persen, galat=(
            "notasi ilmiah (mis. 1,23E+11) menghilangkan digit; format sel sebagai angka di Excel lalu simpan/ekspor ulang"))
    if not math.isfinite(hasil) or abs(hasil) >= 1e18:
        return Angka(teks=teks, predikat=predikat, persen=persen, galat="angka terlalu besar untuk dibaca")
    kali = _PENGALI.get((satuan or "").lower().rstrip("."))
    if kali and (rupiah or kali[1]):
        hasil, satuan = hasil * kali[0], None
    return Angka(teks=teks, nilai=hasil, persen=persen, predikat=predikat, satuan=satuan)


# Printed cells repeat a lot (100%, -, n/a, the same target across years): parse each text once.
_parse_teks = lru_cache(maxsize=65536)(_parse)


def parse_number(nilai: object) -> float | None:
    """The number in a cell, or None when empty; raises ValueError with the reason when malformed."""
    a = parse(nilai)
    if a.galat:
        raise ValueError(f"'{a.teks}': {a.galat}")
    return a.nilai


# ---------------------------------------------------------------------------------------------------
# Formatting for people (Indonesian conventions: '.' for thousands, ',' for decimals)

def format_angka(x: float | None, desimal: int = 2, kosong: str = "–") -> str:
    """``1234567.891`` -> ``1.234.567,89``; trailing decimal zeros are dropped (``98,2``, ``100``)."""
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return kosong
    teks = f"{abs(x):,.{desimal}f}" if desimal else f"{abs(round(x)):,}"
    if desimal and "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    teks = teks.replace(",", "\u0001").replace(".", ",").replace("\u0001", ".")
    negatif = x < 0 and teks.strip("0,.") != ""
    return ("-" if negatif else "") + teks


def format_nilai(x: object, kosong: str = "–") -> str:
    """A target or realisasi for people: a number in Indonesian style, or a grade as printed."""
    if isinstance(x, str):
        return x
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return kosong
    return format_angka(float(x))


def format_rupiah(x: float | None, kosong: str = "–") -> str:
    """``9202224555`` -> ``Rp 9.202.224.555`` (whole rupiah; cents shown only when present)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return kosong
    desimal = 0 if float(x).is_integer() else 2
    return "Rp " + format_angka(x, desimal)


def format_persen(x: float | None, desimal: int = 2, kosong: str = "–") -> str:
    """``98.2`` -> ``98,2%``; ``82.3529`` -> ``82,35%``."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return kosong
    return format_angka(x, desimal) + "%"


def format_rupiah_singkat(x: float | None, kosong: str = "–") -> str:
    """Short Rupiah for chart axes and cards: ``Rp 9,2 M``, ``Rp 450 jt``, ``Rp 1,5 T``."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return kosong
    for batas, akhiran in ((1e12, "T"), (1e9, "M"), (1e6, "jt"), (1e3, "rb")):
        if abs(x) >= batas:
            return f"Rp {format_angka(x / batas, 1)} {akhiran}"
    return format_rupiah(x)
