"""The Serapan page's figures for one agency-year: which budget table to show, its headline figures
(each saying the table it comes from), the rows as an outline, low absorption and overspending.

A report often prints its budget in several tables (a main table of programs, a DPA total in Bab II,
a quarterly cash plan...). A figure missing from the table shown is taken from another table of the
same report and labelled with that table, never shown as "–" while the report has it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import measures
from .analisis import _PERINGKAT_LEVEL, pohon_anggaran, sumber_anggaran, triwulan

LEVEL_RINCIAN = ("program", "kegiatan", "sub_kegiatan")  # the levels listed as low absorption / overspending


@dataclass
class AngkaUtama:
    pagu: float | None
    realisasi: float | None
    serapan: float | None
    sumber: dict[str, str | None] = field(default_factory=dict)  # pagu / realisasi -> the table it comes from


def _nilai(x) -> float | None:
    return None if x is None or pd.isna(x) else float(x)


def _puncak(baris: pd.DataFrame, kolom: str) -> float | None:
    total = baris[(baris["level"] == "total") & baris[kolom].notna()]
    if len(total):
        return _nilai(total[kolom].iloc[0])
    return None


def _jumlah_atas(baris: pd.DataFrame, kolom: str) -> float | None:
    atas = baris[baris["induk_id"].isna() & (baris["level"] != "total")]
    if not len(atas):
        return None
    peringkat = atas["level"].map(_PERINGKAT_LEVEL)
    atas = atas[peringkat == peringkat.min()]
    return _nilai(atas[kolom].sum()) if atas[kolom].notna().all() else None


def sumber_bawaan(ang: pd.DataFrame, instansi: str, tahun: int) -> str | None:
    """The budget table shown first: the report's main table when it has a pagu, else the table with the most
    lines that has pagu and realisasi, else the one with the most lines that has a pagu."""
    daftar = sumber_anggaran(ang, instansi, tahun)
    if not daftar:
        return None
    df = ang[(ang["instansi"] == instansi) & (ang["tahun"] == tahun)]
    punya = {s: (g["pagu"].notna().any(), g["realisasi"].notna().any(), len(g)) for s, g in df.groupby("sumber")}
    if punya[daftar[0]][0]:
        return daftar[0]
    keduanya = [s for s in daftar if punya[s][0] and punya[s][1]]
    if keduanya:
        return max(keduanya, key=lambda s: punya[s][2])
    pagu = [s for s in daftar if punya[s][0]]
    return max(pagu, key=lambda s: punya[s][2]) if pagu else daftar[0]


def angka_utama(ang: pd.DataFrame, instansi: str, tahun: int, sumber: str) -> AngkaUtama:
    """Pagu, realisasi and serapan of an agency-year as shown on the table ``sumber``.

    Each figure: the table's total row; else the sum of the table's top-level lines when all have it;
    else a total row of another table of the same report (the main table first). ``sumber`` says which
    table each figure comes from. Serapan is computed only from figures on one basis: the same table,
    or two printed totals of the whole budget.
    """
    df = ang[(ang["instansi"] == instansi) & (ang["tahun"] == tahun)]
    sendiri = df[df["sumber"] == sumber]
    lain = [s for s in sumber_anggaran(ang, instansi, tahun) if s != sumber]
    hasil: dict[str, float | None] = {}
    asal: dict[str, str | None] = {}
    dasar: dict[str, str | None] = {}
    for kolom in ("pagu", "realisasi"):
        hasil[kolom], asal[kolom], dasar[kolom] = _puncak(sendiri, kolom), sumber, "total"
        if hasil[kolom] is None:
            hasil[kolom], dasar[kolom] = _jumlah_atas(sendiri, kolom), "jumlah"
        if hasil[kolom] is None:
            asal[kolom], dasar[kolom] = None, None
            for s in lain:
                v = _puncak(df[df["sumber"] == s], kolom)
                if v is not None:
                    hasil[kolom], asal[kolom], dasar[kolom] = v, s, "total"
                    break
    satu_dasar = asal["pagu"] == asal["realisasi"] or (dasar["pagu"] == dasar["realisasi"] == "total")
    serapan = (measures.serapan(hasil["pagu"], hasil["realisasi"]).nilai
               if hasil["pagu"] is not None and hasil["realisasi"] is not None and satu_dasar else None)
    return AngkaUtama(hasil["pagu"], hasil["realisasi"], serapan, asal)


def tabel_rincian(baris: pd.DataFrame, ambang: float) -> pd.DataFrame:
    """The lines of one budget table as an outline: level, kedalaman (0 = top), kode, uraian (no indentation),
    pagu, realisasi, serapan, status (rendah: below the threshold; lebih: above the pagu; '' otherwise).

    Only program, kegiatan and sub kegiatan lines get a status: a total or a type-of-spending row is not a program.
    """
    kedalaman: dict = {}
    for rid, induk in zip(baris["id"], baris["induk_id"]):
        kedalaman[rid] = kedalaman.get(induk, -1) + 1 if pd.notna(induk) else 0
    status = []
    for lv, x in zip(baris["level"], baris["serapan"]):
        if lv not in LEVEL_RINCIAN or pd.isna(x):
            status.append("")
        else:
            status.append("lebih" if x > 100 else ("rendah" if x < ambang else ""))
    return pd.DataFrame({
        "id": baris["id"].to_numpy(), "level": baris["level"].to_numpy(), "kedalaman": [kedalaman[i] for i in baris["id"]],
        "kode": baris["kode"].to_numpy(), "uraian": [str(u).strip() for u in baris["uraian"]],
        "pagu": baris["pagu"].to_numpy(), "realisasi": baris["realisasi"].to_numpy(), "serapan": baris["serapan"].to_numpy(),
        "status": status,
    })


def turunan(baris: pd.DataFrame, akar: int) -> set[int]:
    """The id of a budget line and of every line below it (for a click on a treemap box)."""
    anak: dict = {}
    for rid, induk in zip(baris["id"], baris["induk_id"]):
        if pd.notna(induk):
            anak.setdefault(int(induk), []).append(int(rid))
    hasil, tumpukan = set(), [int(akar)]
    while tumpukan:
        x = tumpukan.pop()
        if x not in hasil:
            hasil.add(x)
            tumpukan += anak.get(x, [])
    return hasil


def triwulan_laporan(ang: pd.DataFrame, instansi: str, tahun: int, sumber: str) -> tuple[pd.DataFrame, list[str]]:
    """The quarterly plan of the table shown, and the other tables of the same report that have one."""
    lain = []
    for s in sumber_anggaran(ang, instansi, tahun):
        if s == sumber:
            continue
        tw = triwulan(pohon_anggaran(ang, instansi, tahun, s))
        if len(tw) and tw[["rencana", "realisasi"]].notna().any().any():
            lain.append(s)
    return triwulan(pohon_anggaran(ang, instansi, tahun, sumber)), lain
