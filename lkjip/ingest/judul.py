"""What the title rows (and header cells) of a table say: the agency, the year, the unit of the
amounts ("dalam ribuan rupiah") and whether the year is still in progress ("s.d. TW III").

Agencies are named in many ways: "DINAS SOSIAL KOTA DEPOK", "Dinas Sosial Provinsi Jawa Timur",
"DINAS SOSIAL DAERAH ISTIMEWA YOGYAKARTA" or "DIY", combined agencies ("Dinas Sosial, Pemberdayaan
Perempuan dan Perlindungan Anak Kota ..."), a name split over two title rows, and the header lines of
SIPD exports ("PEMERINTAH KOTA BEKASI" above "SKPD : 1.06.0.00.0.00.01.0000 DINAS SOSIAL").
"""
from __future__ import annotations

import re

_WILAYAH = r"kota|kabupaten|kab\.?|provinsi|prov\.?|daerah\s+istimewa|d\.\s?i\.\s?y\.?|diy|d\.\s?i\.(?=\s*yogyakarta)"
_RE_JUDUL_INSTANSI = re.compile(
    r"(dinas\s+sosial(?:\s*(?:,|dan)\s*[a-z][a-z ,]*?)?)\s+(" + _WILAYAH + r")(?=\s|$)\s*([a-z][a-z.'-]*(?:\s+[a-z][a-z.'-]*){0,3})?",
    re.IGNORECASE,
)
_RE_PEMERINTAH = re.compile(r"pemerintah\s+(kota|kabupaten|kab\.?|provinsi|daerah\s+istimewa)\s+([a-z][a-z.'-]*(?:\s+[a-z][a-z.'-]*){0,3})", re.I)
_RE_SKPD = re.compile(r"(?:skpd|opd|perangkat\s+daerah|unit\s+organisasi|organisasi)\s*:\s*[\d.\s-]*(dinas\s+sosial[a-z ,]*)", re.I)
# Words that end a city/regency name in a title: "... KOTA BEKASI SETELAH APBD-P PER PROGRAM TAHUN 2023".
_KATA_HENTI = {"tahun", "ta", "t.a", "periode", "setelah", "sebelum", "per", "pada", "dalam", "berdasarkan", "menurut",
               "untuk", "sampai", "semester", "triwulan", "bulan", "apbd", "apbd-p", "tw", "dan", "di", "sesuai", "tabel",
               "s.d", "s.d.", "sd", "laporan", "evaluasi", "rencana", "realisasi", "anggaran", "skpd", "kode", "renja",
               "lkjip", "perjanjian", "kinerja", "pemerintah", "dinas", "kepala", "urusan"}
_RE_JUDUL_TAHUN = re.compile(r"\b(?:tahun(?:\s+anggaran)?|t\.?\s?a\.?)\s*:?\s*(19\d\d|20\d\d)\b", re.IGNORECASE)
_WILAYAH_BAKU = {"kota": "Kota", "kabupaten": "Kabupaten", "kab": "Kabupaten", "kab.": "Kabupaten", "provinsi": "Provinsi",
                 "prov": "Provinsi", "prov.": "Provinsi"}


def _kapital(teks: str) -> str:
    kata = re.sub(r"\s+", " ", teks.strip()).split(" ")
    return " ".join("dan" if w.lower() == "dan" else w.upper() if w.lower() == "dki" else w.capitalize() for w in kata)


def _nama_wilayah(kata: str | None) -> list[str]:
    nama = []
    for w in (kata or "").split():
        if w.lower().strip(".,:") in _KATA_HENTI or re.match(r"^\d", w):
            break
        nama.append(w.strip(".,:"))
    return nama


def _wilayah(jenis: str, nama: list[str]) -> str | None:
    j = re.sub(r"\s+", " ", jenis.lower())
    if j.replace(" ", "").replace(".", "") in ("diy", "di") or j.startswith("daerah istimewa"):
        return "Daerah Istimewa Yogyakarta"
    if not nama:
        return None
    return f"{_WILAYAH_BAKU.get(j, j.capitalize())} " + " ".join(_kapital(w) for w in nama)


def instansi_dari_judul(teks: list[str]) -> str | None:
    """'DINAS SOSIAL KOTA DEPOK TAHUN 2020' -> 'Dinas Sosial Kota Depok' (None when no title names one).

    Each title row is tried, then every two consecutive rows joined (a name split over two rows), then
    the SIPD header lines (PEMERINTAH ... and SKPD : ... DINAS SOSIAL)."""
    baris = [t for t in teks if t]
    calon = baris + [f"{a} {b}" for a, b in zip(baris, baris[1:])]
    for t in calon:
        for m in _RE_JUDUL_INSTANSI.finditer(t):
            wilayah = _wilayah(m.group(2), _nama_wilayah(m.group(3)))
            if wilayah:
                return f"{_kapital(m.group(1)).rstrip(',')} {wilayah}"
    pemda = next((m for t in baris for m in [_RE_PEMERINTAH.search(t)] if m), None)
    skpd = next((m for t in baris for m in [_RE_SKPD.search(t)] if m), None)
    if pemda and skpd:
        wilayah = _wilayah(pemda.group(1), _nama_wilayah(pemda.group(2)))
        dinas = _kapital(re.split(r"\s+(?:kota|kabupaten|provinsi)\b", skpd.group(1), flags=re.I)[0]).rstrip(", ")
        if wilayah:
            return f"{dinas} {wilayah}"
    return None


def tahun_dari_judul(teks: list[str]) -> int | None:
    for t in teks:
        m = _RE_JUDUL_TAHUN.search(t or "")
        if m:
            return int(m.group(1))
    return None


_SKALA = [
    (re.compile(r"(?:dalam\s+)?ribuan\s+rupiah|ribu\s+rupiah|\brp\.?\s*\.?000\b|\(\s*rp\s*ribu\s*\)|rp\s*\(\s*000\s*\)|dalam\s+ribuan\b", re.I), 1e3),
    (re.compile(r"(?:dalam\s+)?jutaan\s+rupiah|juta\s+rupiah|\brp\.?\s*juta\b|\(\s*rp\s*jt\s*\)|dalam\s+jutaan\b", re.I), 1e6),
    (re.compile(r"(?:dalam\s+)?miliar(?:an)?\s+rupiah|milyar(?:an)?\s+rupiah|\brp\.?\s*miliar\b", re.I), 1e9),
]
NAMA_SKALA = {1e3: "ribuan rupiah", 1e6: "jutaan rupiah", 1e9: "miliaran rupiah"}


def skala_dari(teks: list[tuple[str, str]]) -> tuple[float, str | None]:
    """The unit of every amount of a table, stated once in a title or a header cell.

    ``teks``: (where, text) pairs. Returns (factor, "where: text") or (1, None)."""
    for letak, t in teks:
        for pola, faktor in _SKALA:
            if t and pola.search(t):
                return faktor, f"{letak}: '{t.strip()[:80]}'"
    return 1.0, None


_RE_PERIODE = re.compile(r"(?:s\s*/\s*d|s\.\s*d|\bsd|sampai\s+dengan)\.?\s*(?:tw|triwulan|trw)\.?\s*(iv|iii|ii|i|[1-4])\b", re.I)
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
NAMA_TW = {1: "I", 2: "II", 3: "III", 4: "IV"}


# "sampai dengan Semester I" (the Renja form's "periode pelaksanaan"): the first half year, to TW II
_RE_SEMESTER = re.compile(r"(?:s\s*/\s*d|s\.\s*d|\bsd|sampai\s+dengan)\.?\s*semester\.?\s*(ii|i|[12])\b", re.I)


def periode_dari(teks: list[str]) -> str | None:
    """'s.d. TW III' when a title or header says the figures run only to a quarter before the fourth
    ('s.d. Semester I': 's.d. TW II')."""
    for t in teks:
        m = _RE_PERIODE.search(t or "")
        if m:
            n = _ROMAWI[m.group(1).lower()]
            return f"s.d. TW {NAMA_TW[n]}" if n < 4 else None
        m = _RE_SEMESTER.search(t or "")
        if m:
            return "s.d. TW II" if _ROMAWI[m.group(1).lower()] == 1 else None
    return None
