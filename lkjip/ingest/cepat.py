"""Bulk path for large CSV files in our template's layout: the same preview, without per-cell work.

``pratinjau_cepat(data, nama_file, kemajuan=None, **kw)`` returns the ``Pratinjau`` that
``lkjip.ingest.pratinjau`` would return, or None when the file is not one it can take, and then the
per-cell importer reads it. It takes a CSV (of at least ``BATAS_CEPAT`` bytes) whose first row maps
column for column onto fields of the template's *Indikator* sheet (as ``tabel.cari_tabel`` itself maps
them: the template's names or a person's, "Nama Instansi", "Indikator Kinerja", in any order; no title
rows, no per-year columns, no column it does not know), with every row clean: agency and year in every data row, numbers
the importer reads, known polarity, theme and level, no total, average or form summary rows, no footnote or
signature rows, no error cells, no cell beyond the header. Doubtful rows are worded by the per-cell importer (its messages name the
sheet, row and column): when they block the file, it reads only those rows, at their own row numbers,
and its problems are the answer; otherwise it reads the whole file. The bulk path reports no problem
of its own except the ones it reproduces exactly, with the row reader's rules (``cepat_baris``): a printed
capaian that differs from the computed one or cannot be recomputed (and the polarity taken from that
evidence), a negative polarity only suggested, a capaian beyond ``CAPAIAN_TAK_WAJAR``, indicators with quarters
(``realisasi_tw1..4``) but no realisation of the year, example rows, duplicates. A quarter that is not a plain
number (annotated, a grade, malformed) sends its row to the per-cell importer.

The file is read by pandas' C parser as text, cleaned column-wise; each distinct number text, polarity,
theme and indicator name is parsed or suggested once (``numbers.parse``, ``vocab.sarankan_*``), and
the records are assembled in one pass. ``tests/test_cepat.py`` compares it with the per-cell importer.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..numbers import parse
from ..vocab import TEMA, TINGKAT_INDIKATOR, baku_polaritas, sarankan_polaritas, sarankan_tema
from .berkas import BATAS_UKURAN, GALAT_EXCEL, GalatBerkas, _dekode, _jenis_isi, pemisah_csv
from .cepat_baris import (baris_akhir_tabel, baris_jumlah, capaian as hitung_capaian, periksa_capaian, tahun as baca_tahun,
                          tanpa_realisasi_tahunan)
from .tabel import KOLOM, cari_tabel

BATAS_CEPAT = 1024 * 1024  # bytes: smaller files are quick enough cell by cell
_WAJIB = {"instansi", "tahun", "indikator", "target", "realisasi"}
_ANGKA = ("target", "realisasi", "capaian_dilaporkan")
_TRIWULAN = tuple(f"realisasi_tw{i}" for i in range(1, 5))
_TIDAK = ("0", "0.0", "tidak", "t", "no", "n", "false", "salah")
_SPASI_LAIN = ("  ", "\n", "\t", "\r", "\xa0")
_RE_SPASI = re.compile(r"\s+")


class _Lewati(Exception):
    """Not for the bulk path: the per-cell importer reads the file."""


class _Ragu(Exception):
    """Some rows need the per-cell importer's words (a malformed number, an error cell...): ``baris`` marks them."""

    def __init__(self, df: pd.DataFrame, baris: np.ndarray):
        super().__init__()
        self.df, self.baris = df, baris


def _teks(v: str) -> str | None:
    """A cell as the importer's ``_teks`` sees it: trimmed, inner whitespace single, None when empty."""
    t = v.strip()
    if t and any(c in t for c in _SPASI_LAIN):
        t = _RE_SPASI.sub(" ", t)
    return t or None


class _Kolom:
    """One column, factorised: each distinct raw text once (``unik``), and per row its code."""

    def __init__(self, nilai: pd.Series):
        kode, unik = pd.factorize(nilai, use_na_sentinel=False)
        self.kode = kode
        self.unik = list(unik)
        self.unik = [v if isinstance(v, str) else "" for v in self.unik]  # a short row's missing cells
        self.bersih_unik = [_teks(v) for v in self.unik]

    def peta(self, f, pilih: np.ndarray | None = None, lain=None) -> list:
        """``f(raw text, clean text)`` once per distinct text (only those of the rows ``pilih``; ``lain`` for the rest)."""
        dipakai = range(len(self.unik)) if pilih is None else set(np.unique(self.kode[pilih]).tolist())
        return [f(v, b) if i in dipakai else lain for i, (v, b) in enumerate(zip(self.unik, self.bersih_unik))]

    def per_baris(self, per_unik: list, pilih: np.ndarray | None = None) -> np.ndarray:
        arr = np.empty(len(per_unik), dtype=object)
        arr[:] = per_unik
        hasil = arr[self.kode]
        return hasil if pilih is None else hasil[pilih]

    def bersih(self, pilih: np.ndarray | None = None) -> np.ndarray:
        return self.per_baris(self.bersih_unik, pilih)


def pratinjau_cepat(data: bytes, nama_file: str, kemajuan=None, instansi: str | None = None, tahun: int | None = None,
                    simpan_salah_cetak: bool = False, sumber: str | None = None, paksa: bool = False):
    """The preview of a large template CSV, or None (see the module). ``paksa``: also for small files (tests)."""
    if instansi or tahun or (len(data) < BATAS_CEPAT and not paksa) or len(data) > BATAS_UKURAN:
        return None
    if _jenis_isi(data) != "teks" or Path(nama_file).suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        return None
    lapor = kemajuan or (lambda _b, _t: None)
    try:
        return _pratinjau(data, nama_file, lapor, sumber)
    except _Ragu as r:
        return _hanya_ragu(data, nama_file, r, lapor, simpan_salah_cetak=simpan_salah_cetak, sumber=sumber)
    except (_Lewati, GalatBerkas, ValueError, pd.errors.ParserError, csv.Error, UnicodeError):
        return None


def _hanya_ragu(data: bytes, nama_file: str, r: _Ragu, lapor, **kw):
    """A large file with doubtful rows: the per-cell importer reads only those rows, at their own row numbers
    (the other rows are left blank, which it skips). When it finds blocking problems, they are the answer
    (nothing can be written until they are fixed) and no rows are offered; otherwise None: the whole
    file goes through the per-cell importer."""
    from . import Masalah, pratinjau

    lapor(0.5, "memeriksa baris bermasalah")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(r.df.attrs["kepala"])
    nilai = r.df.to_numpy(dtype=object)
    for i in range(len(nilai)):
        if r.baris[i]:
            w.writerow(["" if not isinstance(v, str) else v for v in nilai[i]])
        else:
            buf.write("\n")
    p = pratinjau(buf.getvalue().encode("utf-8"), nama_file, **kw)
    baris_ragu = set((np.flatnonzero(r.baris) + 2).tolist())
    if not p.galat or any(m.baris not in baris_ragu for m in p.galat):  # none, or about the (mostly blank) file itself
        return None
    p.sha256 = hashlib.sha256(data).hexdigest()
    n = int(r.baris.sum())
    for nama in p.tabel:
        p.tabel[nama] = p.tabel[nama].iloc[0:0]
    p.masalah.append(Masalah("info", "", None, None, None,
                             f"berkas besar: hanya {n} baris yang bermasalah dibaca rinci; baris lainnya belum dihitung. "
                             "Perbaiki galat di atas lalu unggah lagi"))
    return p



def _pratinjau(data: bytes, nama_file: str, lapor, sumber: str | None):
    from .alur import _kolom_judul
    from .alur import _periksa_ganda as periksa_ganda
    from .keputusan import teks_bentuk
    from .model import LembarTerbaca, Masalah, Pratinjau, huruf_kolom
    from .pola import RE_CONTOH as _RE_CONTOH

    lapor(0.05, "membaca CSV")
    teks = _dekode(data, nama_file)
    if "\x00" in teks or teks.count("\r") != teks.count("\r\n"):
        raise _Lewati
    pemisah = pemisah_csv(teks)
    awal = list(csv.reader(io.StringIO(teks[:65536], newline=""), delimiter=pemisah))[:2]
    if len(awal) < 2:
        raise _Lewati
    # the header as the per-cell importer maps it: every column one field of the template's Indikator sheet,
    # under our names ("target") or a person's ("Target Kinerja", "Nama Instansi"), in any order
    t = cari_tabel(awal)
    if t is None or t.jenis != "indikator" or t.baris_header != [0] or t.baris_data_mulai != 1 or t.judul or t.diabaikan:
        raise _Lewati
    nama_kolom = [k.bidang for k in t.kolom]
    if ([(k.indeks, k.tahun) for k in t.kolom] != [(i, None) for i in range(len(awal[0]))]
            or len(set(nama_kolom)) != len(nama_kolom) or not set(nama_kolom) <= set(KOLOM["indikator"])
            or not _WAJIB <= set(nama_kolom)):
        raise _Lewati
    kolom = {k.bidang: k for k in t.kolom}
    df = pd.read_csv(io.StringIO(teks), sep=pemisah, header=0, names=list(range(len(nama_kolom))), dtype=object,
                     keep_default_na=False, na_filter=False, skip_blank_lines=False, engine="c", quotechar='"',
                     doublequote=True)
    if not isinstance(df.index, pd.RangeIndex) or not len(df):
        raise _Lewati
    df.attrs["kepala"] = list(awal[0])
    lapor(0.2, "membersihkan sel")
    kol = {n: _Kolom(df[i]) for i, n in enumerate(nama_kolom)}
    galat = set(GALAT_EXCEL)
    n = len(df)
    ragu = np.zeros(n, dtype=bool)  # rows the per-cell importer must word (see _Ragu)
    for k in kol.values():
        ragu |= k.per_baris([v is not None and v.upper() in galat for v in k.bersih_unik]).astype(bool)
    ada = {nm: k.per_baris([v is not None for v in k.bersih_unik]).astype(bool) for nm, k in kol.items()}
    isi = np.logical_or.reduce(list(ada.values()))
    contoh = np.zeros(n, dtype=bool)
    for nm in ("instansi", "catatan"):
        if nm in kol:
            k = kol[nm]
            contoh |= k.per_baris([b is not None and bool(_RE_CONTOH.match(str(v))) for v, b in zip(k.unik, k.bersih_unik)]).astype(bool)
    dipakai = isi & ~contoh
    if (isi & baris_akhir_tabel(kol, nama_kolom)).any():
        raise _Lewati  # a footnote or signature ends the table: the per-cell importer says where
    ind_semua = kol["indikator"].bersih()
    angka_ada = np.logical_or.reduce([ada[nm] for nm in _ANGKA + _TRIWULAN if nm in ada])
    ragu |= dipakai & ~ada["indikator"] & angka_ada  # figures without an indicator
    if "sasaran" in kol:  # an empty sasaran cell means the sasaran of the row above (rows read, in order)
        sas = pd.Series(kol["sasaran"].bersih()).where(pd.Series(dipakai))
        sasaran_semua = sas.ffill().to_numpy(dtype=object)
    else:
        sasaran_semua = np.full(n, None, dtype=object)
    pakai = dipakai & ada["indikator"]
    if not pakai.any():
        raise _Lewati
    ragu |= pakai & ~(ada["instansi"] & ada["tahun"])
    lapor(0.35, "memeriksa baris")
    ragu |= pakai & baris_jumlah(kol, nama_kolom)
    ragu |= pakai & kol["tahun"].per_baris(kol["tahun"].peta(lambda v, _b: baca_tahun(v) is None, pakai, False)).astype(bool)
    angka = {}
    for nm in _ANGKA:
        if nm in kol:
            hasil = kol[nm].peta(lambda v, _b: parse(v), pakai)
            ragu |= pakai & kol[nm].per_baris([a is not None and bool(a.galat) for a in hasil]).astype(bool)
            angka[nm] = (kol[nm], hasil)
    for nm in _TRIWULAN:  # a quarter the per-cell importer words (malformed, a grade): its rows go there
        if nm in kol:
            hasil = kol[nm].peta(lambda v, _b: parse(v), pakai)
            ragu |= pakai & kol[nm].per_baris([a is not None and bool(a.galat or (a.nilai is None and a.predikat))
                                               for a in hasil]).astype(bool)
            angka[nm] = (kol[nm], hasil)
    if "polaritas" in kol:
        k = kol["polaritas"]
        ragu |= pakai & k.per_baris([b is not None and baku_polaritas(v) is None for v, b in zip(k.unik, k.bersih_unik)]).astype(bool)
    if "tema" in kol:
        ragu |= pakai & kol["tema"].per_baris([b is not None and b.lower() not in TEMA for b in kol["tema"].bersih_unik]).astype(bool)
    if "tingkat" in kol:
        ragu |= pakai & kol["tingkat"].per_baris([b is not None and b.lower().replace(" ", "_") not in TINGKAT_INDIKATOR
                                                   for b in kol["tingkat"].bersih_unik]).astype(bool)
    if ragu.any():
        raise _Ragu(df, ragu)
    tahun = kol["tahun"].per_baris(kol["tahun"].peta(lambda v, _b: baca_tahun(v), pakai), pakai)
    angka = {nm: (k, hasil, k.bersih(pakai)) for nm, (k, hasil) in angka.items()}
    kosong_ = np.full(int(pakai.sum()), None, dtype=object)
    pol = kosong_.copy()
    if "polaritas" in kol:
        k = kol["polaritas"]
        pol = k.per_baris(k.peta(lambda v, b: baku_polaritas(v) if b is not None else None, pakai, lain=""), pakai)
    tema = kosong_.copy()
    if "tema" in kol:
        tema = kol["tema"].per_baris(kol["tema"].peta(lambda _v, b: b.lower() if b is not None else None, pakai), pakai)
    tingkat = np.full(len(kosong_), "sasaran", dtype=object)
    if "tingkat" in kol:
        tk = kol["tingkat"].peta(lambda _v, b: (b or "sasaran").lower().replace(" ", "_"), pakai, "sasaran")
        tingkat = kol["tingkat"].per_baris(tk, pakai)
    lapor(0.5, "menghitung capaian")
    lembar = Path(nama_file).stem
    nomor = (np.flatnonzero(pakai) + 2)
    ind = ind_semua[pakai]
    kosong = parse("")
    def sifat(nm: str, nama: str) -> np.ndarray:  # one attribute of the parsed figures, per distinct text
        if nm not in angka:
            return np.full(len(ind), getattr(kosong, nama), dtype=object)
        k, hasil, _ = angka[nm]
        return k.per_baris([getattr(a, nama) if a is not None else None for a in hasil], pakai)

    t_n, r_n = sifat("target", "nilai"), sifat("realisasi", "nilai")
    t_p, r_p = sifat("target", "predikat"), sifat("realisasi", "predikat")
    ada_predikat = (t_p != None) | (r_p != None)  # noqa: E711
    dari = np.where(pol != None, "berkas", "saran").astype(object)  # noqa: E711
    saran_pol: dict[tuple[str, bool], str] = {}
    saran_tema: dict[str, str] = {}
    for i in np.flatnonzero(pol == None):  # noqa: E711
        k = (ind[i], bool(ada_predikat[i]))
        pol[i] = saran_pol[k] if k in saran_pol else saran_pol.setdefault(k, sarankan_polaritas(*k))
    for i in np.flatnonzero(tema == None):  # noqa: E711
        tema[i] = saran_tema[ind[i]] if ind[i] in saran_tema else saran_tema.setdefault(ind[i], sarankan_tema(ind[i]))
    capaian, alasan = hitung_capaian(t_n, r_n, t_p, r_p, pol)
    kol_real = f"{huruf_kolom(kolom['realisasi'].indeks)} ({kolom['realisasi'].judul})"
    kol_c = f"{huruf_kolom(kolom['capaian_dilaporkan'].indeks)} ({kolom['capaian_dilaporkan'].judul})" if "capaian_dilaporkan" in kolom else None
    r_teks = angka["realisasi"][2]
    c_teks = angka["capaian_dilaporkan"][2] if "capaian_dilaporkan" in angka else np.full(len(ind), None, dtype=object)
    c_n = sifat("capaian_dilaporkan", "nilai")
    kol_ind = f"{huruf_kolom(kolom['indikator'].indeks)} ({kolom['indikator'].judul})"
    masalah = periksa_capaian(lembar, nomor, ind, t_n, r_n, t_p, r_p, c_n, c_teks, r_teks, pol, dari, capaian, alasan,
                              kol_c, kol_real, kol_ind)
    tw = {nm: sifat(nm, "nilai") for nm in _TRIWULAN}
    masalah += tanpa_realisasi_tahunan(lembar, nomor, r_teks, tw)
    lapor(0.65, "menyusun pratinjau")
    if "satuan" in kol:
        satuan = kol["satuan"].bersih(pakai)
    else:
        satuan = np.full(len(ind), None, dtype=object)
    tanpa = np.flatnonzero(satuan == None)  # noqa: E711
    if len(tanpa):
        t_s, r_s = sifat("target", "satuan"), sifat("realisasi", "satuan")
        t_pr, r_pr = sifat("target", "persen"), sifat("realisasi", "persen")
        for i in tanpa:
            satuan[i] = t_s[i] or r_s[i] or ("%" if t_pr[i] or r_pr[i] else None)
    sumber_bawaan = sumber or f"Unggahan {nama_file}"
    if "sumber" in kol:
        sb = kol["sumber"].bersih(pakai)
        sb[sb == None] = sumber_bawaan  # noqa: E711
    else:
        sb = np.full(len(ind), sumber_bawaan, dtype=object)
    utama = (kol["utama"].per_baris([str(v).strip().lower() not in _TIDAK for v in kol["utama"].unik], pakai).astype(bool)
             if "utama" in kol else np.ones(len(ind), dtype=bool))
    kolom_data = {
        "instansi": kol["instansi"].bersih(pakai), "tahun": tahun, "sasaran": sasaran_semua[pakai], "indikator": ind,
        "tingkat": tingkat, "satuan": satuan, "polaritas": pol,
        "target": t_n, "target_teks": angka["target"][2], "target_predikat": t_p,
        "realisasi": r_n, "realisasi_teks": r_teks, "realisasi_predikat": r_p,
        "capaian": capaian, "capaian_alasan": alasan,
        "capaian_dilaporkan": c_n, "capaian_dilaporkan_teks": c_teks,
        **tw,
        "tema": tema, "utama": utama, "sumber": sb,
        "catatan": kol["catatan"].bersih(pakai) if "catatan" in kol else np.full(len(ind), None, dtype=object),
        "polaritas_dari": dari, "_baris": nomor, "_kode": np.full(len(ind), "", dtype=object),
        "_kolom_indikator": np.full(len(ind), f"{huruf_kolom(kolom['indikator'].indeks)} ({kolom['indikator'].judul})", dtype=object),
        "_lembar": np.full(len(ind), lembar, dtype=object), "_tabel": np.full(len(ind), f"{lembar}#1", dtype=object),
    }
    p = Pratinjau(nama_file=nama_file, sha256=hashlib.sha256(data).hexdigest())
    p.masalah.extend(masalah)
    if contoh.any():
        baris_contoh = (np.flatnonzero(contoh) + 2).tolist()
        p.masalah.append(Masalah("info", lembar, baris_contoh[0], None, None,
                                 f"{len(baris_contoh)} baris contoh dari templat (ditandai CONTOH) dilewati, tidak disimpan"))
    p.lembar.append(LembarTerbaca(
        lembar, "indikator", [1], [(huruf_kolom(k.indeks), k.judul, k.bidang, k.tahun) for k in t.kolom], len(ind), [],
        kunci=f"{lembar}#1", baris_akhir=int(np.flatnonzero(dipakai)[-1]) + 2, instansi=kolom_data["instansi"][0] if len(ind) else None,
        tahun=int(tahun[0]) if len(ind) else None, judul=teks_bentuk(awal, [0]), kolom_judul=_kolom_judul(awal, [0])))
    for jenis in KOLOM:
        p.tabel[jenis] = pd.DataFrame({k: v.tolist() for k, v in kolom_data.items()}) if jenis == "indikator" else pd.DataFrame([])
    periksa_ganda(p)
    p.masalah = list(dict.fromkeys(p.masalah))
    lapor(0.9, "pratinjau siap")
    return p
