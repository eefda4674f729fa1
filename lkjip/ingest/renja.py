"""The Renja evaluation form of Permendagri 86/2017 ("Evaluasi terhadap Hasil Renja Perangkat Daerah",
also exported by e-monev apps): every figure is a K (kinerja) / Rp pair under merged headers.

    No | Sasaran | Kode | Urusan/Bidang Urusan ... Program/Kegiatan | Indikator Kinerja Program (outcome)/
    Kegiatan (output) | Target Renstra PD tahun N (akhir periode) K Rp | Realisasi Capaian Kinerja Renstra
    s.d. Renja tahun lalu K Rp | Target Kinerja dan Anggaran Renja tahun berjalan K Rp | Realisasi Kinerja
    pada Triwulan I..IV K Rp (x4) | Realisasi Capaian Kinerja dan Anggaran Renja yang dievaluasi K Rp |
    Realisasi Kinerja dan Anggaran Renstra s.d. tahun ini K Rp | Tingkat Capaian ... Renstra (%) K Rp |
    Unit PD Penanggung Jawab | Keterangan

The same rows give three tables: K pairs become indicators (target, realisasi, realisasi per quarter;
the tingkat capaian Renja, where printed, is the printed capaian), Rp pairs budget lines (pagu,
realisasi, realisasi per quarter; the level from the code), the Renstra column Renstra targets.
"""
from __future__ import annotations

import re

from .tabel import Kolom, TabelDitemukan, baku

BENTUK = "Evaluasi hasil Renja PD (Permendagri 86/2017)"
_RE_TAHUN = re.compile(r"\b(20\d\d)\b")
_RE_NOMOR = re.compile(r"^\(?\s*\d{1,2}\s*(=\s*[\d\s+x×/%().*-]+)?\)?$")
_TW = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _t(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return re.sub(r"\s+", " ", str(v)).strip()


def _baris_kr(row: list[object]) -> bool:
    sel = [_t(v).lower().rstrip(".") for v in row]
    return sum(1 for s in sel if s in ("k", "rp")) >= 6 and "k" in sel and "rp" in sel


def _baris_nomor(row: list[object]) -> bool:
    sel = [_t(v) for v in row if _t(v)]
    return len(sel) >= 3 and all(_RE_NOMOR.match(s) for s in sel)


def _tahun(label: str) -> int | None:
    th = _RE_TAHUN.findall(label)
    return int(th[-1]) if th else None


def cari(rows: list[list[object]], mulai: int = 0, maks_pindai: int = 40) -> list[TabelDitemukan]:
    """The form's three tables (anggaran, indikator, renstra) when a K/Rp header row is found, else []."""
    r_kr = next((r for r in range(mulai, min(mulai + maks_pindai, len(rows))) if _baris_kr(rows[r])), None)
    if r_kr is None:
        return []
    atas = r_kr - 1
    while atas > mulai and atas - 1 >= 0 and sum(1 for v in rows[atas - 1] if _t(v)) >= 3 and r_kr - atas < 3:
        atas -= 1
    return _tabel(rows, list(range(atas, r_kr + 1)), mulai)


def dari_header(rows: list[list[object]], baris_header: list[int]) -> list[TabelDitemukan]:
    """The form read with header rows a person chose (0-based; a correction or a profile): the K/Rp row is
    the last chosen row that is one, the rows above it give the column labels. [] when no chosen row is a
    K/Rp row (the rows are then read as an ordinary table)."""
    hdr = sorted({h for h in baris_header if 0 <= h < len(rows)})
    kr = [h for h in hdr if _baris_kr(rows[h])]
    if not kr:
        return []
    hdr = [h for h in hdr if h <= kr[-1]]
    return _tabel(rows, hdr, 0)


def _tabel(rows: list[list[object]], hdr: list[int], mulai: int) -> list[TabelDitemukan]:
    r_kr, atas = hdr[-1], hdr[0]
    lebar = max(len(rows[r]) for r in hdr)
    kr = [_t(rows[r_kr][c]).lower().rstrip(".") if c < len(rows[r_kr]) else "" for c in range(lebar)]
    label, akhir = [], []
    for c in range(lebar):
        bagian = []
        for r in hdr[:-1]:
            v = _t(rows[r][c]) if c < len(rows[r]) else ""
            if not v and kr[c] in ("k", "rp"):  # a group label merged over its K and Rp columns, left blank
                k = c
                while k > 0 and not (_t(rows[r][k]) if k < len(rows[r]) else ""):
                    k -= 1
                v = _t(rows[r][k]) if k < len(rows[r]) else ""
            if v and v not in bagian:
                bagian.append(v)
        label.append(" / ".join(bagian))
        akhir.append(baku(bagian[-1]) if bagian else "")
    anggaran, indikator, renstra, abaikan = [], [], [], []
    th_renja = None
    for c in range(lebar):
        b = baku(label[c])
        if kr[c] in ("k", "rp") and "target" in b and "renja" in b:
            th_renja = th_renja or _tahun(label[c])
    for c in range(lebar):
        lab, b, jenis = label[c], baku(label[c]), kr[c]
        judul = f"{lab} / {rows[r_kr][c]}" if jenis in ("k", "rp") else lab
        if jenis in ("k", "rp"):
            m = re.search(r"triwulan\s*(iv|iii|ii|i)\b", b) or re.search(r"\btw\s*(iv|iii|ii|i)\b", b)
            # "I".."IV" under a "Triwulan" label somewhere above (the label may sit in a row of its own)
            tw = _TW[m.group(1)] if m else _TW.get(akhir[c]) if re.search(r"triwulan|\btw\b", b) else None
            daftar = anggaran if jenis == "rp" else indikator
            if tw:  # K: the indicator's realisation in that quarter, Rp: the budget's
                daftar.append(Kolom(c, judul, f"realisasi_tw{tw}", th_renja))
            elif akhir[c] in _TW:
                abaikan.append((c, judul, "kolom bernomor I–IV tanpa judul 'Triwulan' di atasnya: tidak dibaca. Bila ini realisasi "
                                          "per triwulan, pilih baris judul kolom yang memuat 'Triwulan'"))
            elif "renstra" in b and "target" in b:
                if jenis == "k":
                    renstra.append(Kolom(c, judul, "target", _tahun(lab)))
                else:
                    abaikan.append((c, judul, "anggaran Renstra tidak disimpan"))
            elif "renstra" in b:
                abaikan.append((c, judul, "realisasi/capaian Renstra kumulatif tidak disimpan"))
            elif "tingkat capaian" in b or "capaian" in b and "persen" in b:
                (indikator if jenis == "k" else anggaran).append(
                    Kolom(c, judul, "capaian_dilaporkan" if jenis == "k" else "serapan_dilaporkan", th_renja))
            elif "target" in b:
                (indikator if jenis == "k" else anggaran).append(Kolom(c, judul, "target" if jenis == "k" else "pagu", th_renja))
            elif "realisasi" in b:
                (indikator if jenis == "k" else anggaran).append(Kolom(c, judul, "realisasi", th_renja))
            else:
                abaikan.append((c, judul, "kolom K/Rp tidak dikenali"))
            continue
        if not b:
            continue
        if b.startswith("kode") or b == "kode rekening":
            anggaran.append(Kolom(c, lab, "kode"))
            indikator.append(Kolom(c, lab, "kode"))
        elif b.startswith("indikator"):
            indikator.append(Kolom(c, lab, "indikator"))
            renstra.append(Kolom(c, lab, "indikator"))
        elif "urusan" in b or b.startswith(("program", "kegiatan", "uraian")):
            anggaran.append(Kolom(c, lab, "uraian"))
        elif b.startswith("sasaran"):
            for daftar in (anggaran, indikator, renstra):
                daftar.append(Kolom(c, lab, "sasaran"))
        elif b.startswith("satuan"):
            indikator.append(Kolom(c, lab, "satuan"))
            renstra.append(Kolom(c, lab, "satuan"))
        elif b.startswith(("keterangan", "catatan")):
            anggaran.append(Kolom(c, lab, "catatan"))
        elif b not in ("no", "nomor"):
            abaikan.append((c, lab, "bukan kolom yang disimpan"))
    for daftar in (anggaran, indikator, renstra):  # a field read twice: the first column is used, the other said
        sudah = set()
        for k in list(daftar):
            if k.bidang in sudah:
                daftar.remove(k)
                if (k.indeks, k.judul) not in {(c, j) for c, j, _ in abaikan}:
                    abaikan.append((k.indeks, k.judul, f"{k.bidang} sudah terbaca dari kolom di sebelah kiri: kolom ini tidak dibaca"))
            sudah.add(k.bidang)
    if not any(k.bidang == "pagu" for k in anggaran) or not any(k.bidang == "indikator" for k in indikator):
        return []
    data = r_kr + 1
    while data < len(rows) and (_baris_nomor(rows[data]) or not any(_t(v) for v in rows[data])):
        data += 1
    judul = [" ".join(dict.fromkeys(_t(v) for v in rows[i] if _t(v))) for i in range(mulai, atas)]
    judul = [j for j in judul if j]
    diabaikan = [(Kolom(c, j, "_lain"), why) for c, j, why in abaikan]
    hasil = []
    for jenis, kolom in (("anggaran", anggaran), ("indikator", indikator), ("renstra", renstra)):
        if jenis == "renstra" and not any(k.bidang == "target" for k in kolom):
            continue
        hasil.append(TabelDitemukan(jenis, hdr, sorted(kolom, key=lambda k: k.indeks), data, judul,
                                    diabaikan if jenis == "anggaran" else [], bentuk=BENTUK))
    return hasil
