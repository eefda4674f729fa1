"""The shape of a generated report: numbered tables with typed columns, a sentence and a source each.

A ``Tabel`` keeps the real values (numbers stay numbers, for the XLSX) and says how each column is
shown to people (``jenis``), so the DOCX, the XLSX and the page preview format them the same way.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from ..numbers import format_angka, format_persen, format_rupiah

# Column kinds: teks; nilai (a target/realisasi: number or grade); persen; rupiah; angka (2 decimals);
# bulat (whole number); rasio (2 decimals, no unit); tahun (a year, no thousands separator).
JENIS_KOLOM = ("teks", "nilai", "persen", "rupiah", "angka", "bulat", "rasio", "tahun")

TANDA_TERCETAK = "†"  # a capaian taken as printed because it cannot be recomputed
TANDA_BEDA = "*"  # a printed figure that differs from the recomputed one (see the annex)


@dataclass(frozen=True)
class Kolom:
    nama: str  # column of Tabel.data
    judul: str  # header as printed in the draft
    jenis: str = "teks"
    tanda: str | None = None  # boolean column of data: append TANDA_TERCETAK when True
    lebar: float | None = None  # relative width in the DOCX (None: share the rest)


@dataclass
class Tabel:
    kunci: str  # stable id: pengukuran, tren, renstra, pembanding, efisiensi, anggaran, kecocokan, ...
    judul: str
    data: pd.DataFrame
    kolom: list[Kolom]
    kalimat: str  # one short factual sentence (or two) under the table
    sumber: str = ""
    lanskap: bool = False
    gabung: tuple[str, ...] = ()  # columns whose equal consecutive values are merged vertically (sasaran)
    nomor: str = ""  # set when the report is assembled: "3.1", "L.1"
    catatan_kaki: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"Tabel {self.nomor} {self.judul}".strip() if self.nomor else self.judul

    def tampil(self) -> pd.DataFrame:
        """The table as people read it: every cell formatted Indonesian style, headers as printed."""
        keluar = {}
        for k in self.kolom:
            tanda = self.data[k.tanda] if k.tanda and k.tanda in self.data else None
            nilai = [format_sel(v, k.jenis) for v in self.data[k.nama]] if k.nama in self.data else [""] * len(self.data)
            if tanda is not None:
                nilai = [f"{v} {TANDA_TERCETAK}" if bool(t) and v not in ("", "–") else v for v, t in zip(nilai, tanda)]
            keluar[k.judul] = nilai
        return pd.DataFrame(keluar, index=range(len(self.data)))

    def xlsx(self) -> pd.DataFrame:
        """The real values under the printed headers (numbers as numbers) for the spreadsheet."""
        return pd.DataFrame({k.judul: (self.data[k.nama].tolist() if k.nama in self.data else [None] * len(self.data))
                             for k in self.kolom}, index=range(len(self.data)))


@dataclass
class Laporan:
    judul: str
    subjudul: str
    bab: list["Bagian"]
    catatan_umum: list[str] = field(default_factory=list)

    def semua_tabel(self) -> list[Tabel]:
        return [t for b in self.bab for t in b.tabel]


@dataclass
class Bagian:
    """A heading with paragraphs before its tables, its tables, and per-indicator notes (Bab III only)."""
    judul: str
    paragraf: list[str] = field(default_factory=list)
    tabel: list[Tabel] = field(default_factory=list)
    catatan: list["CatatanIndikator"] = field(default_factory=list)
    halaman_baru: bool = False  # start on a new page (an annex)


@dataclass
class CatatanIndikator:
    """Causes and follow-up of one indicator, or a visible placeholder where none is recorded."""
    indikator: str
    fakta: str  # target, realisasi, capaian and category, in one sentence
    isi: dict[str, list[str]]  # jenis -> texts; an empty list means "not recorded"


def kosong(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def format_sel(v, jenis: str) -> str:
    """One cell for people; text (a grade, a misprint kept as printed) is shown as it is."""
    if kosong(v):
        return "–"
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if jenis == "persen":
        return format_persen(float(v))
    if jenis == "rupiah":
        return format_rupiah(float(v))
    if jenis in ("angka", "nilai", "rasio"):
        return format_angka(float(v), 2)
    if jenis == "bulat":
        return format_angka(float(v), 0)
    if jenis == "tahun":
        return str(int(v))
    return str(v)
