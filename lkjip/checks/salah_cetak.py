"""angka_salah_cetak: printed figures that cannot be read as numbers."""
from __future__ import annotations

import re

import pandas as pd

from ..numbers import parse
from .registri import pemeriksaan
from .umum import KOLOM_TEMUAN, Teks, _ada, _ids, _kolom, _kosong, _temuan

_KOLOM_TEKS = {
    "indikator": [("target", "target_teks"), ("realisasi", "realisasi_teks"), ("capaian_dilaporkan", "capaian_dilaporkan_teks")],
    "anggaran": [("pagu_awal", "pagu_awal_teks"), ("pagu", "pagu_teks"), ("realisasi_anggaran", "realisasi_teks"),
                 ("serapan_dilaporkan", "serapan_dilaporkan_teks")],
    "nilai_dilaporkan": [("nilai", "nilai_teks")],
}


# why a printed figure cannot be read (lkjip.numbers.parse), in English
_ALASAN_EN = [
    (re.compile(r"^tanda '-' atau '\+' di tengah angka$"), "a '-' or '+' sign sits inside the number"),
    (re.compile(r"^bukan angka$"), "it is not a number"),
    (re.compile(r"^pemisah desimal '(.)' muncul lebih dari sekali$"), "the decimal separator '\\1' appears more than once"),
    (re.compile(r"^pemisah ribuan tidak pada tempatnya.*$"), "a thousands separator is misplaced (digit groups must have three digits)"),
    (re.compile(r"^bagian desimal bukan angka$"), "the decimal part is not a number"),
    (re.compile(r"^notasi ilmiah.*$"), "scientific notation (e.g. 1,23E+11) loses digits"),
    (re.compile(r"^angka terlalu besar untuk dibaca$"), "the number is too large to read"),
]


def _alasan_en(alasan: str) -> str:
    for pola, en in _ALASAN_EN:
        if pola.match(alasan):
            return pola.sub(en, alasan)
    return "it is not a readable number"


@pemeriksaan({"angka_salah_cetak": ("Angka salah cetak (tidak terbaca)", "Misprinted number (unreadable)")})
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
                tempat = (Teks(f"; tercatat saat impor di lembar '{m.lembar}' baris {m.baris}",
                               f"; logged at import on sheet '{m.lembar}' row {m.baris}") if m is not None and _ada(m.baris)
                          else Teks("", ""))
                if m is not None:
                    tercatat.add((m.impor_id, t))
                hasil.append(_temuan(
                    r.instansi, r.tahun, "angka_salah_cetak", "galat", r.sumber, baris, None, None,
                    Teks(f"{_kolom(kol, True).id} tercetak '{t}' tidak dapat dibaca sebagai angka karena {g}, sehingga tidak ikut "
                         f"dihitung; cocokkan dengan dokumen sumber{tempat.id}.",
                         f"Printed {_kolom(kol).en} '{t}' cannot be read as a number because {_alasan_en(g)}, so it is left out of "
                         f"the computations; check it against the source document{tempat.en}."), _ids([r.id])))
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
                Teks(f"Sel {m.kolom or ''} berisi '{m.nilai}' yang bukan angka yang dapat dibaca ({m.pesan}); cocokkan dengan dokumen sumber.",
                     f"Cell {m.kolom or ''} holds '{m.nilai}', which is not a readable number; check it against the source document."),
                ""))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


