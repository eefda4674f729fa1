"""What a preview is made of: problems (with sheet, row, column), the tables understood, the rows."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

# a computed capaian above this (realisasi over twice the target) is worth a look; above 100% alone is normal
CAPAIAN_TAK_WAJAR = 200.0
TAHUN_MIN, TAHUN_MAKS = 2000, 2100

@dataclass(frozen=True)
class Masalah:
    tingkat: str  # galat (blocks the import) | peringatan | info
    lembar: str  # sheet name ("" for the file as a whole; a CSV's sheet is its file name without extension)
    baris: int | None  # 1-based row number as the spreadsheet shows it
    kolom: str | None  # column letter and header, e.g. "D (Target)"
    nilai: str | None
    pesan: str

    def teks(self) -> str:
        letak = [f"lembar '{self.lembar}'" if self.lembar else "berkas"]
        if self.baris:
            letak.append(f"baris {self.baris}")
        if self.kolom:
            letak.append(f"kolom {self.kolom}")
        isi = f" (isi: '{self.nilai}')" if self.nilai not in (None, "") else ""
        return f"{', '.join(letak)}: {self.pesan}{isi}"


@dataclass
class LembarTerbaca:
    """One table found (several may share a sheet): where it is, how it was read, what it holds."""

    nama: str
    jenis: str | None
    baris_header: list[int]
    pemetaan: list[tuple[str, str, str, int | None]]  # (column letter, header text, field, year)
    jumlah_baris: int = 0
    diabaikan: list[tuple[str, str, str]] = field(default_factory=list)  # (column letter, header text, why)
    kunci: str = ""  # "<sheet>#<n>": the n-th table of the sheet (1-based); what a correction refers to
    baris_akhir: int | None = None  # 1-based last row read as data
    skala: float = 1.0  # every amount of the table was multiplied by this (1000: "dalam ribuan rupiah")
    skala_dari: str | None = None  # where the unit was read ("judul baris 3: (dalam ribuan rupiah)")
    instansi: str | None = None  # agency read from the title rows, or chosen
    tahun: int | None = None
    periode: str | None = None  # "s.d. TW III": a year still in progress
    bentuk: str | None = None  # a special layout recognised ("Evaluasi Renja (Permendagri 86/2017)")
    judul: list[str] = field(default_factory=list)  # header texts, for profiles
    diabaikan_pengguna: bool = False  # excluded by the user: read for the preview, not written
    baris_lain: list[dict] = field(default_factory=list)  # urusan/bidang/account lines read but not stored
    kolom_judul: list[tuple[str, str]] = field(default_factory=list)  # every header cell: (column letter, text)
    contoh: list[list[str]] = field(default_factory=list)  # a sheet without a table: its first rows, to pick a header


@dataclass
class LembarLain:
    """A sheet not imported unless the user includes it: hidden, chart or cover sheets."""

    nama: str
    alasan: str  # tersembunyi | grafik | sampul
    disertakan: bool = False


@dataclass
class Pratinjau:
    nama_file: str
    sha256: str
    lembar: list[LembarTerbaca] = field(default_factory=list)
    tabel: dict[str, pd.DataFrame] = field(default_factory=dict)
    masalah: list[Masalah] = field(default_factory=list)
    format_asli: str | None = None  # what the file really was when its name says otherwise ("tabel HTML")
    lembar_lain: list[LembarLain] = field(default_factory=list)
    profil: str | None = None  # name of the import profile applied
    keputusan: object | None = None  # the decisions applied (lkjip.ingest.keputusan.Keputusan)

    @property
    def galat(self) -> list[Masalah]:
        return [m for m in self.masalah if m.tingkat == "galat"]

    @property
    def bisa_disimpan(self) -> bool:
        return not self.galat and any(len(df) for df in self.tabel.values())

    def jumlah(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.tabel.items() if len(v)}

    def kunci(self) -> set[tuple[str, str, int | None]]:
        """(table, agency, year) triples this file provides: what a replace would replace."""
        hasil = set()
        for nama, df in self.tabel.items():
            if nama == "instansi" or not len(df):
                continue
            for inst, th in df[["instansi", "tahun"]].drop_duplicates().itertuples(index=False):
                hasil.add((nama, inst, None if pd.isna(th) else int(th)))
        return hasil


def huruf_kolom(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


_RE_SPASI = re.compile(r"\s+")
_SPASI_LAIN = ("  ", "\n", "\t", "\r", "\xa0")
_RE_SPASI_LAIN = re.compile("|".join(map(re.escape, _SPASI_LAIN)))  # one search instead of five


def teks(v: object) -> str | None:
    """A cell as clean text (single spaces, trimmed), or None when empty."""
    if v is None:
        return None
    if isinstance(v, str):
        t = v.strip()
        if t and _RE_SPASI_LAIN.search(t):
            t = _RE_SPASI.sub(" ", t)
        return t or None
    if isinstance(v, float):
        if v != v:
            return None
        if v.is_integer():
            return str(int(v))
    t = _RE_SPASI.sub(" ", str(v)).strip()
    return t or None


def rentang(baris: list[int]) -> str:
    return str(baris[0]) if len(baris) == 1 else f"{baris[0]}–{baris[-1]}"

