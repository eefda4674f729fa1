"""A person's decisions about how to read a file, and import profiles: the same decisions saved under a
name, offered again when a file with the same header shape arrives (the same form every quarter).

A table is named ``"<sheet>#<n>"``: the n-th table found in that sheet (1-based).
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field

from .model import huruf_kolom
from .tabel import baku


@dataclass
class AturanTabel:
    baris_header: list[int] | None = None  # 1-based rows of the header (None: as found)
    jenis: str | None = None  # indikator | anggaran | ... (None: as found)
    kolom: dict[str, str] = field(default_factory=dict)  # column letter -> field, "" = ignore the column
    skala: float | None = None  # unit of the amounts (None: as stated in the file)
    abaikan: bool = False  # the table is not imported


@dataclass
class Keputusan:
    tabel: dict[str, AturanTabel] = field(default_factory=dict)
    instansi: str | None = None
    tahun: int | None = None  # never saved in a profile: next quarter's file may be another year
    polaritas: dict[str, str] = field(default_factory=dict)  # indicator -> positif | negatif | ordinal
    lembar_ikut: list[str] = field(default_factory=list)  # hidden or chart sheets the person included
    tanda: dict[str, list[str]] = field(default_factory=dict)  # table -> header texts (the header shape)

    def aturan(self, kunci: str) -> AturanTabel:
        return self.tabel.setdefault(kunci, AturanTabel())

    def ke_json(self) -> str:
        d = asdict(self)
        d.pop("tahun")
        return json.dumps(d, ensure_ascii=False, sort_keys=True)

    @classmethod
    def dari_json(cls, teks: str) -> "Keputusan":
        d = json.loads(teks)
        tabel = {k: AturanTabel(**v) for k, v in d.get("tabel", {}).items()}
        return cls(tabel=tabel, instansi=d.get("instansi"), polaritas=d.get("polaritas", {}),
                   lembar_ikut=d.get("lembar_ikut", []), tanda=d.get("tanda", {}))


def indeks_kolom(huruf: str) -> int:
    c = 0
    for ch in huruf.strip().upper():
        c = c * 26 + ord(ch) - 64
    return c - 1


def teks_bentuk(rows: list[list[object]], baris_header: list[int]) -> list[str]:
    """The header texts of a table, without years and numbers: the same form next quarter or next year
    has the same shape ("Realisasi TW II" and "Realisasi TW III" differ only in their quarter)."""
    hasil = []
    for h in baris_header:
        if 0 <= h < len(rows):
            for i, v in enumerate(rows[h]):
                t = re.sub(r"\b(iv|iii|ii|i)\b$", "", re.sub(r"\d+", "", baku(v))).strip()
                if t:
                    hasil.append(f"{huruf_kolom(i)}:{t}")
    return hasil


def cocokkan(k: Keputusan, lembar: dict[str, list[list[object]]]) -> Keputusan | None:
    """The profile's decisions for this file (sheet names adapted) when its header shape matches, else None.

    ``lembar``: sheet name -> rows. A one-sheet profile matches a one-sheet file whatever the sheet's
    name (a CSV's sheet is its file name, which changes every quarter)."""
    if not k.tanda:
        return None
    nama_profil = sorted({kunci.rsplit("#", 1)[0] for kunci in k.tanda})
    ganti: dict[str, str] = {}
    if len(nama_profil) == 1 and len(lembar) == 1:
        ganti[nama_profil[0]] = next(iter(lembar))
    for nama in nama_profil:
        ganti.setdefault(nama, nama)
    for kunci, tanda in k.tanda.items():
        nama = ganti[kunci.rsplit("#", 1)[0]]
        aturan = k.tabel.get(kunci)
        if nama not in lembar or not aturan or not aturan.baris_header:
            return None
        if teks_bentuk(lembar[nama], [h - 1 for h in aturan.baris_header]) != tanda:
            return None
    def baru(kunci: str) -> str:
        nama, n = kunci.rsplit("#", 1)
        return f"{ganti.get(nama, nama)}#{n}"
    return Keputusan(tabel={baru(kk): v for kk, v in k.tabel.items()}, instansi=k.instansi, polaritas=dict(k.polaritas),
                     lembar_ikut=[ganti.get(n, n) for n in k.lembar_ikut], tanda={baru(kk): v for kk, v in k.tanda.items()})
