"""What a planner compares with the paper: totals read per table (pagu and realisasi per level, rows
not stored, indicators), the check of printed totals against the lines read, and the preview as text
(the CLI's ``--dry-run``)."""
from __future__ import annotations

import pandas as pd

from ..numbers import format_angka
from ..vocab import LABEL_LEVEL, LEVEL
from .indikator import TRIWULAN
from .judul import NAMA_TW
from .kode import TIDAK_DISIMPAN
from .model import Masalah, Pratinjau

_LABEL = {**LABEL_LEVEL, "urusan": "Urusan (tidak disimpan)", "bidang_urusan": "Bidang urusan (tidak disimpan)",
          "rekening": "Rekening belanja (tidak disimpan)", "unit": "Kode unit (tidak disimpan)"}


def _rp(v) -> str:
    return "–" if v is None or v != v else "Rp " + format_angka(v, 0)


def _sama(a: float, b: float) -> bool:
    return abs(a - b) <= max(1.0, abs(b) * 1e-6)


def _kelompok(r: dict) -> tuple:
    """The budget table a line belongs to: a sheet of our template holds many agencies, years and tables."""
    return r.get("instansi"), r.get("tahun"), r.get("sumber")


def periksa_jumlah(p: Pratinjau, nama: str, t, recs: list[dict], lain: list[dict]) -> None:
    """A printed total (JUMLAH row) or a bidang urusan line against the sum of the lines read under it, within
    each agency-year's table."""
    if t.jenis != "anggaran" or not recs:
        return
    kelompok: dict[tuple, list[dict]] = {}
    for r in recs:
        kelompok.setdefault(_kelompok(r), []).append(r)
    for k, bagian in kelompok.items():
        _periksa_satu(p, nama, bagian, [r for r in lain if _kelompok(r) in (k, (None, None, None))] if len(kelompok) > 1 else lain)
    n = {}
    for r in lain:
        n[r["level"]] = n.get(r["level"], 0) + 1
    if n:
        p.masalah.append(Masalah("info", nama, lain[0]["_baris"], None, None,
                                 "tidak disimpan dan tidak dihitung sebagai program: " + ", ".join(
                                     f"{v} {TIDAK_DISIMPAN[k]}" for k, v in n.items())))


def _periksa_satu(p: Pratinjau, nama: str, recs: list[dict], lain: list[dict]) -> None:
    peringkat = {lv: i for i, lv in enumerate(LEVEL)}
    baris = [r for r in recs if r["level"] != "total"]
    if not baris:
        return
    puncak = min(peringkat[r["level"]] for r in baris)
    atas = [r for r in baris if peringkat[r["level"]] == puncak]
    for b in ("pagu", "realisasi"):
        jumlah = sum(r[b] or 0 for r in atas if r.get(b) is not None)
        if not any(r.get(b) is not None for r in atas):
            continue
        for r in recs:
            if r["level"] == "total" and r.get(b) is not None and not _sama(jumlah, r[b]):
                p.masalah.append(Masalah("peringatan", nama, r["_baris"], None, r.get(f"{b}_teks"),
                                         f"{b} baris jumlah tercetak {_rp(r[b])} berbeda dari jumlah {len(atas)} baris "
                                         f"{LABEL_LEVEL[LEVEL[puncak]].lower()} yang terbaca {_rp(jumlah)}. Periksa apakah ada baris "
                                         "yang terlewat atau terhitung dua kali"))
        for r in lain:
            if r["level"] == "bidang_urusan" and r.get(b) is not None and not _sama(jumlah, r[b]) and LEVEL[puncak] == "program":
                p.masalah.append(Masalah("peringatan", nama, r["_baris"], None, r["uraian"],
                                         f"{b} bidang urusan {_rp(r[b])} berbeda dari jumlah program yang terbaca {_rp(jumlah)}"))


def total_dibaca(p: Pratinjau, kunci: str) -> pd.DataFrame:
    """Per level of one table: rows, sum of pagu, sum of realisasi (levels not stored included, marked); ``kode``
    is the level (or table) code, for labels in another language."""
    lb = next(lb for lb in p.lembar if lb.kunci == kunci)
    baris = []
    df = p.tabel.get("anggaran")
    if lb.jenis == "anggaran" and df is not None and len(df) and "_tabel" in df:
        d = df[df["_tabel"] == kunci]
        for lv in LEVEL:
            g = d[d["level"] == lv]
            if len(g):
                baris.append((_LABEL[lv], len(g), g["pagu"].sum(min_count=1), g["realisasi"].sum(min_count=1), lv))
    lain = pd.DataFrame(lb.baris_lain)
    if len(lain):
        for lv, g in lain.groupby("level", sort=False):
            baris.append((_LABEL[lv], len(g), g["pagu"].sum(min_count=1) if "pagu" in g else None,
                          g["realisasi"].sum(min_count=1) if "realisasi" in g else None, lv))
    for jenis in ("indikator", "renstra"):
        d = p.tabel.get(jenis)
        if lb.jenis == jenis and d is not None and len(d) and "_tabel" in d:
            d = d[d["_tabel"] == kunci]
            baris.append((f"Indikator ({jenis})", len(d), None, None, jenis))
    return pd.DataFrame(baris, columns=["tingkat", "baris", "pagu", "realisasi", "kode"])


def triwulan_dibaca(p: Pratinjau, kunci: str) -> tuple[int, list[int]]:
    """For the indicators of one table: how many have a realisation per quarter, and which quarters (1-4)."""
    ind = p.tabel.get("indikator")
    if ind is None or not len(ind) or "_tabel" not in ind:
        return 0, []
    d = ind[ind["_tabel"] == kunci][[b for b in TRIWULAN if b in ind]]
    if not d.shape[1]:
        return 0, []
    return int(d.notna().any(axis=1).sum()), [int(b[-1]) for b in d.columns if d[b].notna().any()]


def teks_triwulan(ada: list[int]) -> str:
    return f"TW {NAMA_TW[ada[0]]}–{NAMA_TW[ada[-1]]}" if len(ada) > 1 else f"TW {NAMA_TW[ada[0]]}"


def teks_pratinjau(p: Pratinjau) -> list[str]:
    """The preview as lines of text: tables, mapping, unit, agency and year, totals, problems."""
    out = [f"Berkas: {p.nama_file} (sha256 {p.sha256[:12]}…)" + (f" — sebenarnya {p.format_asli}" if p.format_asli else "")]
    if p.profil:
        out.append(f"  Profil impor dipakai: {p.profil}")
    for ll in p.lembar_lain:
        out.append(f"  Lembar '{ll.nama}': {ll.alasan}, {'disertakan' if ll.disertakan else 'tidak diimpor'}")
    for lb in p.lembar:
        if not lb.jenis:
            out.append(f"  Lembar '{lb.nama}': tidak ada tabel yang dikenali")
            continue
        rentang = f", baris data s.d. {lb.baris_akhir}" if lb.baris_akhir else ""
        out.append(f"  Lembar '{lb.nama}', tabel {lb.kunci.rpartition('#')[2]}: {lb.jenis}" + (f" [{lb.bentuk}]" if lb.bentuk else "")
                   + f", baris judul {', '.join(map(str, lb.baris_header))}{rentang}, {lb.jumlah_baris} baris"
                   + (" — DIKECUALIKAN" if lb.diabaikan_pengguna else ""))
        out.append(f"    instansi: {lb.instansi or '–'} | tahun: {lb.tahun or '–'}" + (f" | {lb.periode} (tahun berjalan)" if lb.periode else ""))
        if lb.skala != 1:
            out.append(f"    satuan: ×{format_angka(lb.skala, 0)} ({lb.skala_dari})")
        for huruf, judul, bidang, th in lb.pemetaan:
            out.append(f"    kolom {huruf} '{judul}' -> {bidang}{f' ({th})' if th else ''}")
        for huruf, judul, alasan in lb.diabaikan:
            out.append(f"    kolom {huruf} '{judul}' -> diabaikan ({alasan})")
        tot = total_dibaca(p, lb.kunci)
        for r in tot.itertuples(index=False):
            angka = f", pagu {_rp(r.pagu)}, realisasi {_rp(r.realisasi)}" if r.pagu == r.pagu and r.pagu is not None else ""
            out.append(f"    jumlah terbaca: {r.tingkat}: {r.baris} baris{angka}")
        n, ada = triwulan_dibaca(p, lb.kunci)
        if n:
            out.append(f"    realisasi kinerja per triwulan: {teks_triwulan(ada)}, {n} indikator"
                       + (f" ({lb.periode}, tahun berjalan)" if lb.periode else ""))
    for tabel, n in p.jumlah().items():
        out.append(f"  {tabel}: {n} baris")
    return out
