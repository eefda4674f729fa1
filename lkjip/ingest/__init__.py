"""Excel/CSV -> canonical tables, with every problem found (sheet, row, column) in Bahasa Indonesia.

Public API (used by the upload page and by ``python -m lkjip import``):

- ``pratinjau(data, nama_file, instansi=None, tahun=None, simpan_salah_cetak=False, sumber=None)``
  reads a file and returns a ``Pratinjau``: what was understood (``.lembar``: per sheet the kind of
  table, the header rows and which header became which field), the rows that would be written
  (``.tabel``: one DataFrame per table of the store), and the problems (``.masalah``: ``Masalah``
  with ``tingkat`` galat/peringatan/info, ``lembar``, ``baris``, ``kolom``, ``nilai``, ``pesan``).
  ``.galat`` are the blocking ones; ``.bisa_disimpan`` says whether ``simpan`` may write it;
  ``.jumlah()`` counts rows per table; ``.kunci()`` lists the (table, agency, year) it brings.
  Nothing is written. Raises ``GalatBerkas`` when the file itself cannot be read.
- ``pratinjau_berkas(path, **kw)``: the same for a file on disk.
- ``atur_polaritas(p, indikator, polaritas)`` and ``atur_tema(p, indikator, tema)``: the user's
  correction of one indicator in a preview; capaian is recomputed (``lkjip.measures.capaian``).
- ``cuplikan(p, n)``: the first indicator rows as they would be written, for people.
- ``lkjip.ingest.simpan``: ``simpan`` (one transaction), ``konflik``, ``batalkan``, ``riwayat``.

One mechanism finds every table (``tabel.cari_tabel``): our template, report tables and e-monev
exports differ only in their header words, title rows, numbered-column rows and merged cells.
Rows of our template marked ``CONTOH`` (in the Instansi or Catatan column) are examples: skipped.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import measures
from ..numbers import Angka, format_persen, parse
from ..vocab import LEVEL, TEMA, TINGKAT_INDIKATOR, baku_level, baku_polaritas, jenis_instansi, sarankan_polaritas, sarankan_tema
from .berkas import GalatBerkas, Lembar, baca_lembar
from .tabel import KOLOM, NAMA_JENIS, Kolom, TabelDitemukan, cari_tabel, instansi_dari_judul, tahun_dari_judul

__all__ = ["GalatBerkas", "Masalah", "Pratinjau", "LembarTerbaca", "atur_polaritas", "atur_tema", "cuplikan",
           "pratinjau", "pratinjau_berkas"]

TAHUN_MIN, TAHUN_MAKS = 2000, 2100
# A total row's label is short: "JUMLAH", "Total", "Jumlah Total", "TOTAL ANGGARAN", "Jumlah Belanja Modal",
# "Jumlah Sasaran 2" ... never an indicator such as "Jumlah rumah tangga yang mendapatkan bantuan".
_SESUDAH_TOTAL = r"(\s+(keseluruhan|seluruhnya|akhir|umum|anggaran|belanja(\s+\w+)?|(sasaran|program|kegiatan)(\s+[\divx]+)?))?\s*[:.]?\s*$"
_RE_TOTAL = re.compile(r"^\s*(grand\s+total|jumlah\s+total|total\s+jumlah|jumlah|total)" + _SESUDAH_TOTAL, re.I)
_RE_SUBTOTAL = re.compile(r"^\s*(sub\s*-?\s*total|sub\s*-?\s*jumlah)" + _SESUDAH_TOTAL, re.I)
_RE_RATA = re.compile(r"^\s*rata\s*[-–—]?\s*rata", re.I)
_RE_CONTOH = re.compile(r"^\s*CONTOH\b")
# Fields that name things: a merged cell (only its top-left cell holds the value) means "same as above".
_BIDANG_LABEL = {"instansi", "tahun", "sasaran", "satuan", "polaritas", "tema", "tingkat", "level", "jenis", "program",
                 "kegiatan", "sub_kegiatan", "sumber", "utama", "lingkup", "provinsi"}
_BIDANG_ANGKA = {"target", "realisasi", "capaian_dilaporkan", "_persen", "pagu", "pagu_awal", "serapan_dilaporkan", "nilai"}
MAKS_MASALAH_RUMUS = 20

CAPAIAN_TAK_WAJAR = 200.0  # a computed capaian above this (realisasi over twice the target) is flagged for a check


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
    nama: str
    jenis: str | None
    baris_header: list[int]
    pemetaan: list[tuple[str, str, str, int | None]]  # (column letter, header text, field, year)
    jumlah_baris: int = 0
    diabaikan: list[tuple[str, str, str]] = field(default_factory=list)  # (column letter, header text, why)


@dataclass
class Pratinjau:
    nama_file: str
    sha256: str
    lembar: list[LembarTerbaca] = field(default_factory=list)
    tabel: dict[str, pd.DataFrame] = field(default_factory=dict)
    masalah: list[Masalah] = field(default_factory=list)

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


def _teks(v: object) -> str | None:
    """A cell as clean text (single spaces, trimmed), or None when empty."""
    if v is None:
        return None
    if isinstance(v, str):
        t = v.strip()
        if t and any(c in t for c in _SPASI_LAIN):
            t = _RE_SPASI.sub(" ", t)
        return t or None
    if isinstance(v, float):
        if v != v:
            return None
        if v.is_integer():
            return str(int(v))
    t = _RE_SPASI.sub(" ", str(v)).strip()
    return t or None


def _rentang(baris: list[int]) -> str:
    return str(baris[0]) if len(baris) == 1 else f"{baris[0]}–{baris[-1]}"


class _Pembaca:
    """Turns the rows of one recognised table into canonical records, collecting problems."""

    def __init__(self, p: Pratinjau, lembar: Lembar, terisi: list[list[object]], t: TabelDitemukan,
                 instansi: str | None, tahun: int | None, simpan_salah_cetak: bool, sumber_bawaan: str,
                 nilai_dilaporkan: list[dict]):
        self.p, self.lembar, self.terisi, self.t = p, lembar, terisi, t
        self.instansi_pengguna, self.tahun_pengguna = instansi, tahun
        self.instansi_judul = instansi_dari_judul(t.judul + [lembar.nama])
        self.tahun_judul = tahun_dari_judul(t.judul + [lembar.nama])
        self.simpan_salah_cetak = simpan_salah_cetak
        self.sumber_bawaan = sumber_bawaan
        self._nilai = nilai_dilaporkan
        self._tanpa: dict[str, list[int]] = {"instansi": [], "tahun": []}
        self.contoh: list[int] = []
        # cells right of the last titled column are not read: say so rather than drop them silently
        self.lebar_judul = 1 + max((i for h in t.baris_header for i, v in enumerate(lembar.baris[h]) if _teks(v)), default=-1)
        self._di_luar_judul: list[int] = []

    def masalah(self, tingkat: str, baris: int | None, kol: Kolom | None, nilai: object, pesan: str) -> None:
        kolom = f"{huruf_kolom(kol.indeks)} ({kol.judul})" if kol else None
        self.p.masalah.append(Masalah(tingkat, self.lembar.nama, baris, kolom, _teks(nilai), pesan))

    def angka(self, nilai: object, baris: int, kol: Kolom, boleh_predikat: bool = False) -> Angka:
        a = parse(nilai)
        if a.galat:
            if self.simpan_salah_cetak:
                self.masalah("peringatan", baris, kol, nilai, f"angka salah cetak ({a.galat}); disimpan sebagai teks tanpa nilai")
            else:
                self.masalah("galat", baris, kol, nilai, f"bukan angka yang dapat dibaca: {a.galat}. Perbaiki sel ini "
                             "(contoh: 1.250.000 atau 98,5%), atau centang 'Simpan angka salah cetak sebagai teks' (CLI: --keep-malformed)")
        elif a.predikat and not boleh_predikat and a.nilai is None:
            self.masalah("galat", baris, kol, nilai, "berisi predikat/teks di tempat angka. Isi dengan angka")
        return a

    def instansi_tahun(self, sel: dict[str, tuple[object, Kolom]], baris: int) -> tuple[str | None, int | None, bool]:
        """Agency and year of a row: its own columns, else the user's choice, else the title rows.

        A row without either is recorded (one message per sheet, ``selesai``); never guessed.
        """
        inst = _teks(sel["instansi"][0]) if "instansi" in sel else None
        inst = inst or self.instansi_pengguna or self.instansi_judul
        th_sel = sel.get("tahun")
        th = None
        ok = True
        if th_sel and _teks(th_sel[0]):
            a = parse(th_sel[0])
            if a.nilai is None or not float(a.nilai).is_integer():
                self.masalah("galat", baris, th_sel[1], th_sel[0], "tahun harus berupa angka empat digit, misalnya 2023")
                ok = False
            else:
                th = int(a.nilai)
        th = th or self.tahun_pengguna or self.tahun_judul
        if th is not None and not TAHUN_MIN <= th <= TAHUN_MAKS:
            self.masalah("galat", baris, th_sel[1] if th_sel else None, th,
                         f"tahun {th} di luar rentang {TAHUN_MIN}–{TAHUN_MAKS}. Periksa kolom Tahun atau judul tabel")
            ok = False
        return inst, th, ok

    def lengkap(self, inst: str | None, th: int | None, baris: int) -> bool:
        """Whether a row has both agency and year; a missing one is noted for ``selesai``."""
        if not inst:
            self._tanpa["instansi"].append(baris)
        if th is None:
            self._tanpa["tahun"].append(baris)
        return bool(inst) and th is not None

    def selesai(self) -> None:
        """One message per sheet for what applies to many rows."""
        pesan = {
            "instansi": "instansi tidak diketahui untuk {n} baris (baris {r}). Isi kolom Instansi, tulis nama dinas di "
                        "judul tabel (mis. 'DINAS SOSIAL KOTA DEPOK TAHUN 2020'), atau pilih instansi saat mengunggah",
            "tahun": "tahun tidak diketahui untuk {n} baris (baris {r}). Isi kolom Tahun, tulis tahun di judul tabel "
                     "(mis. '... TAHUN 2020') atau di judul kolom (mis. 'Target 2020'), atau pilih tahun saat mengunggah",
        }
        for apa, baris in self._tanpa.items():
            if baris:
                baris = sorted(set(baris))
                self.masalah("galat", baris[0], None, None, pesan[apa].format(n=len(baris), r=_rentang(baris)))
        if self._di_luar_judul:
            baris = self._di_luar_judul
            self.masalah("peringatan", baris[0], None, None,
                         f"{len(baris)} baris (baris {_rentang(baris)}) berisi sel di kanan kolom terakhir yang berjudul "
                         f"(kolom {huruf_kolom(self.lebar_judul)} dan seterusnya); isinya tidak dibaca. Beri judul kolom itu "
                         "atau hapus isinya")
        if self.contoh:
            self.masalah("info", self.contoh[0], None, None,
                         f"{len(self.contoh)} baris contoh dari templat (ditandai CONTOH) dilewati, tidak disimpan")
        if self.instansi_pengguna and self.instansi_judul and self.instansi_pengguna != self.instansi_judul:
            self.masalah("peringatan", None, None, self.instansi_judul,
                         f"judul tabel menyebut instansi lain; dipakai pilihan pengguna '{self.instansi_pengguna}'")
        if self.tahun_pengguna and self.tahun_judul and self.tahun_pengguna != self.tahun_judul:
            self.masalah("peringatan", None, None, self.tahun_judul,
                         f"judul tabel menyebut tahun lain; dipakai pilihan pengguna {self.tahun_pengguna}")

    # ---- rows --------------------------------------------------------------------------------------
    def _sel(self, r: int, k: Kolom) -> object:
        """A cell's value; a merged cell of a naming field takes the value of the merge's top-left cell;
        a number shown as a percentage in Excel (stored 0.75) becomes the text a person sees ("75%")."""
        row = self.lembar.baris[r]
        v = row[k.indeks] if k.indeks < len(row) else None
        if _teks(v) is None and k.bidang in _BIDANG_LABEL and (r, k.indeks) in self.lembar.gabungan:
            isi = self.terisi[r]
            v = isi[k.indeks] if k.indeks < len(isi) else None
        if (r, k.indeks) in self.lembar.persen and isinstance(v, (int, float)) and not isinstance(v, bool):
            v = format_persen(v * 100, desimal=6)
        return v

    def baris_data(self):
        """(row number, {field: (value, column)}, {year: {field: (value, column)}}, label) per data row.

        Blank rows and the template's example rows (CONTOH in Instansi or Catatan) are skipped.
        """
        umum = [k for k in self.t.kolom if k.tahun is None or k.bidang in ("instansi", "tahun")]
        pertahun = [k for k in self.t.kolom if k.tahun is not None and k.bidang not in ("instansi", "tahun")]
        kolom_angka = {k.indeks for k in self.t.kolom if k.bidang in _BIDANG_ANGKA or k.bidang.startswith(("rencana_", "realisasi_"))}
        for r in range(self.t.baris_data_mulai, len(self.lembar.baris)):
            row = self.lembar.baris[r]
            if not any(_teks(v) for v in row):
                continue
            if any(_teks(v) for v in row[self.lebar_judul:]):
                self._di_luar_judul.append(r + 1)
            sel = {}
            for k in umum:
                v = self._sel(r, k)
                if _teks(v) is not None:
                    sel[k.bidang] = (v, k)
            if any(_RE_CONTOH.match(str(sel[b][0])) for b in ("instansi", "catatan") if b in sel):
                self.contoh.append(r + 1)
                continue
            tahunan: dict[int, dict] = {}
            for k in pertahun:
                v = self._sel(r, k)
                if _teks(v) is not None:
                    tahunan.setdefault(k.tahun, {})[k.bidang] = (v, k)
            label = []
            for i, v in enumerate(self.terisi[r][:4]):  # "JUMLAH" merged over No and Uraian is filled into both: once
                if i in kolom_angka:
                    continue
                t = _teks(v)
                if t and (not label or label[-1] != t):
                    label.append(t)
            label = " ".join(label)
            yield r + 1, sel, tahunan, label

    def baca(self) -> list[dict]:
        hasil = getattr(self, f"_baca_{self.t.jenis}")()
        self.selesai()
        return hasil

    def _baca_indikator(self) -> list[dict]:
        hasil, sasaran_atas = [], None
        for nomor, sel, tahunan, label in self.baris_data():
            if "_persen" in sel and "capaian_dilaporkan" not in sel:
                sel["capaian_dilaporkan"] = sel.pop("_persen")
            for isi in tahunan.values():
                if "_persen" in isi and "capaian_dilaporkan" not in isi:
                    isi["capaian_dilaporkan"] = isi.pop("_persen")
            if "sasaran" in sel:
                sasaran_atas = _teks(sel["sasaran"][0])
            ind = _teks(sel["indikator"][0]) if "indikator" in sel else None
            if _RE_RATA.match(label) or (ind and _RE_RATA.match(ind)):
                self._rata_rata(nomor, sel, tahunan, sasaran_atas)
                continue
            if _RE_TOTAL.match(label) or _RE_SUBTOTAL.match(label) or (ind and (_RE_TOTAL.match(ind) or _RE_SUBTOTAL.match(ind))):
                self.masalah("info", nomor, None, label, "baris jumlah dikenali dan tidak dihitung sebagai indikator")
                continue
            if not ind:
                if any(b in sel for b in ("target", "realisasi", "capaian_dilaporkan")) or tahunan:
                    self.masalah("galat", nomor, None, label, "baris berisi angka tetapi kolom indikator kosong. Isi nama indikatornya")
                continue
            inst, th_umum, ok = self.instansi_tahun(sel, nomor)
            kelompok = dict(tahunan)
            if any(b in sel for b in ("target", "realisasi", "capaian_dilaporkan")) or not kelompok:
                # "Target 2023 | Realisasi 2023 | Capaian": a figure without a year belongs to the only year named
                th_sel = next(iter(kelompok)) if len(kelompok) == 1 else th_umum
                kelompok.setdefault(th_sel, {})
                for b in ("target", "realisasi", "capaian_dilaporkan"):
                    if b in sel:
                        kelompok[th_sel].setdefault(b, sel[b])
            for th, isi in kelompok.items():
                th = th if th is not None else th_umum
                if not self.lengkap(inst, th, nomor):
                    continue
                rec = self._indikator_satu(nomor, sel, isi, inst, th, sasaran_atas)
                if rec and ok:
                    hasil.append(rec)
        return hasil

    def _rata_rata(self, nomor, sel, tahunan, sasaran):
        inst, th, ok = self.instansi_tahun(sel, nomor)
        for th_k, isi in [(None, sel)] + list(tahunan.items()):
            if "capaian_dilaporkan" in isi:
                v, k = isi["capaian_dilaporkan"]
                a = self.angka(v, nomor, k)
                if not self.lengkap(inst, th_k or th, nomor):
                    continue
                self._nilai.append({
                    "instansi": inst, "tahun": th_k or th, "lingkup": f"Sasaran: {sasaran}" if sasaran else "tabel",
                    "jenis": "rata_capaian", "nilai": a.nilai, "nilai_teks": _teks(v),
                    "sumber": self.sumber_bawaan, "catatan": "baris rata-rata pada tabel indikator", "_baris": nomor,
                    "_lembar": self.lembar.nama,
                })

    def _indikator_satu(self, nomor, sel, isi, inst, th, sasaran) -> dict | None:
        ind = _teks(sel["indikator"][0])
        nilai = {}
        for b in ("target", "realisasi", "capaian_dilaporkan"):
            if b in isi:
                v, k = isi[b]
                nilai[b] = (self.angka(v, nomor, k, boleh_predikat=True), _teks(v))
            else:
                nilai[b] = (Angka(""), None)
        (t, t_teks), (r, r_teks), (c, c_teks) = nilai["target"], nilai["realisasi"], nilai["capaian_dilaporkan"]
        ada_predikat = bool(t.predikat or r.predikat)
        pol_sel = sel.get("polaritas")
        polaritas = baku_polaritas(pol_sel[0]) if pol_sel else None
        if pol_sel and not polaritas:
            self.masalah("galat", nomor, pol_sel[1], pol_sel[0], "polaritas harus positif, negatif atau ordinal")
            return None
        polaritas_dari = "berkas" if polaritas else "saran"
        if not polaritas:
            polaritas = sarankan_polaritas(ind, ada_predikat)
        tema_sel = sel.get("tema")
        tema = _teks(tema_sel[0]).lower() if tema_sel else None
        if tema and tema not in TEMA:
            self.masalah("peringatan", nomor, tema_sel[1], tema_sel[0], f"tema tidak dikenal; diganti '{sarankan_tema(ind)}'. Pilihan: {', '.join(TEMA)}")
            tema = None
        tema = tema or sarankan_tema(ind)
        hc = measures.capaian(t.nilai, r.nilai, polaritas, t.predikat, r.predikat)
        # capaian above 100% is normal (a target exceeded); only beyond CAPAIAN_TAK_WAJAR is it worth a look
        if hc.nilai is not None and hc.nilai > CAPAIAN_TAK_WAJAR and polaritas != "ordinal":
            kol = isi.get("realisasi", (None, None))[1]
            self.masalah("peringatan", nomor, kol, r_teks,
                         f"capaian dihitung {format_persen(hc.nilai)}, lebih dari {CAPAIAN_TAK_WAJAR:.0f}%: periksa target, "
                         f"realisasi dan satuannya (polaritas {polaritas}); tetap disimpan")
        utama = _ya(sel.get("utama"))
        sumber = _teks(sel["sumber"][0]) if "sumber" in sel else self.sumber_bawaan
        tingkat = (_teks(sel["tingkat"][0]) or "sasaran").lower().replace(" ", "_") if "tingkat" in sel else "sasaran"
        if tingkat not in TINGKAT_INDIKATOR:
            self.masalah("galat", nomor, sel["tingkat"][1], sel["tingkat"][0], f"tingkat indikator tidak dikenal. Pilihan: {', '.join(TINGKAT_INDIKATOR)}")
            return None
        return {
            "instansi": inst, "tahun": th, "sasaran": sasaran, "indikator": ind, "tingkat": tingkat,
            "satuan": _teks(sel["satuan"][0]) if "satuan" in sel else (t.satuan or r.satuan or ("%" if t.persen or r.persen else None)),
            "polaritas": polaritas,
            "target": t.nilai, "target_teks": t_teks, "target_predikat": t.predikat,
            "realisasi": r.nilai, "realisasi_teks": r_teks, "realisasi_predikat": r.predikat,
            "capaian": hc.nilai, "capaian_alasan": hc.alasan,
            "capaian_dilaporkan": c.nilai, "capaian_dilaporkan_teks": c_teks,
            "tema": tema, "utama": utama, "sumber": sumber,
            "catatan": _teks(sel["catatan"][0]) if "catatan" in sel else None,
            "polaritas_dari": polaritas_dari, "_baris": nomor,
            "_kolom_indikator": f"{huruf_kolom(sel['indikator'][1].indeks)} ({sel['indikator'][1].judul})",
        }

    def _baca_anggaran(self) -> list[dict]:
        hasil = []
        for nomor, sel, tahunan, label in self.baris_data():
            for th_k, isi in tahunan.items():  # "Pagu 2021", "Pagu 2022" side by side
                for b, vk in isi.items():
                    sel.setdefault(f"{b}@{th_k}", vk)
            tahun_kolom = sorted({th for th in tahunan}) or [None]
            inst, th_umum, ok = self.instansi_tahun(sel, nomor)
            uraian, level, dari_label = self._uraian_level(sel, label, nomor)
            if uraian is None:
                continue
            if _RE_SUBTOTAL.match(uraian) or _RE_SUBTOTAL.match(label):
                self.masalah("info", nomor, None, label, "baris subtotal dikenali dan tidak disimpan (tidak dihitung ganda)")
                continue
            for th_k in tahun_kolom:
                isi = {b: sel[b] for b in sel if "@" not in b}
                if th_k is not None:
                    isi.update({b.split("@")[0]: sel[b] for b in sel if b.endswith(f"@{th_k}")})
                th = th_k or th_umum
                if not self.lengkap(inst, th, nomor):
                    continue
                rec = {"instansi": inst, "tahun": th, "level": level, "uraian": uraian, "_baris": nomor, "_total_label": dari_label,
                       "kode": _kode(isi.get("kode")),
                       "sasaran": _teks(isi["sasaran"][0]) if "sasaran" in isi else None,
                       "sumber": _teks(isi["sumber"][0]) if "sumber" in isi else self.sumber_bawaan,
                       "catatan": _teks(isi["catatan"][0]) if "catatan" in isi else None,
                       "utama": _ya(isi.get("utama"))}
                baik = ok
                for b in ("pagu_awal", "pagu", "realisasi", "serapan_dilaporkan"):
                    a = self.angka(isi[b][0], nomor, isi[b][1]) if b in isi else Angka("")
                    rec[b] = 0.0 if a.strip and b != "serapan_dilaporkan" else a.nilai
                    rec[f"{b}_teks"] = _teks(isi[b][0]) if b in isi else None
                for b in [f"{x}_tw{i}" for x in ("rencana", "realisasi") for i in range(1, 5)]:
                    a = self.angka(isi[b][0], nomor, isi[b][1]) if b in isi else Angka("")
                    rec[b] = 0.0 if a.strip else a.nilai
                for b in ("pagu", "pagu_awal", "realisasi"):
                    if rec[b] is not None and rec[b] < 0:
                        self.masalah("galat", nomor, isi[b][1], isi[b][0],
                                     f"{b.replace('_', ' ')} tidak boleh negatif. Periksa tanda minus di sel ini")
                        baik = False
                if rec["pagu"] is not None and rec["realisasi"] is not None and rec["realisasi"] > rec["pagu"] >= 0:
                    self.masalah("peringatan", nomor, isi["realisasi"][1], isi["realisasi"][0],
                                 "realisasi anggaran melebihi pagu; tetap disimpan, periksa angkanya")
                rec["serapan"] = measures.serapan(rec["pagu"], rec["realisasi"]).nilai
                if baik:
                    hasil.append(rec)
        return self._total_antara(hasil)

    def _total_antara(self, hasil: list[dict]) -> list[dict]:
        """Several "Jumlah"/"Total" rows in one table: the last is the total, the others are subtotals
        (never stored, so nothing is counted twice)."""
        terakhir = {}
        for i, rec in enumerate(hasil):
            if rec["_total_label"]:
                terakhir[(rec["instansi"], rec["tahun"])] = i
        keluar = []
        for i, rec in enumerate(hasil):
            if rec.pop("_total_label") and terakhir[(rec["instansi"], rec["tahun"])] != i:
                self.masalah("info", rec["_baris"], None, rec["uraian"],
                             "baris jumlah antara (bukan jumlah terakhir tabel) dikenali sebagai subtotal dan tidak disimpan")
                continue
            keluar.append(rec)
        return keluar

    def _uraian_level(self, sel, label, nomor) -> tuple[str | None, str, bool]:
        """(description, level, whether the row is a total recognised by its label)."""
        level_sel = sel.get("level")
        level = baku_level(level_sel[0]) if level_sel else None
        if level_sel and not level:
            self.masalah("galat", nomor, level_sel[1], level_sel[0], f"level tidak dikenal. Pilihan: {', '.join(LEVEL)}")
        uraian, level_kolom = None, None
        for b in ("sub_kegiatan", "kegiatan", "program"):  # separate Program / Kegiatan / Sub Kegiatan columns
            if b in sel:
                uraian, level_kolom = _teks(sel[b][0]), b
                break
        if "uraian" in sel:
            uraian = _teks(sel["uraian"][0])
        if uraian is None:
            if _RE_TOTAL.match(label):
                return label.split()[0].capitalize(), "total", not level_sel
            if any(b in sel for b in ("pagu", "realisasi")):
                self.masalah("galat", nomor, None, label, "baris berisi angka tetapi uraian (program/kegiatan) kosong. Isi uraiannya")
            return None, "", False
        if not level and _RE_TOTAL.match(uraian):
            return uraian, "total", True
        level = level or level_kolom
        if not level:
            level = _level_dari(uraian, _teks(sel["kode"][0]) if "kode" in sel else None)
            if not level:
                level = "program"
                self.masalah("peringatan", nomor, sel["uraian"][1] if "uraian" in sel else None, uraian,
                             "level baris (program/kegiatan/sub kegiatan) tidak dikenali; dianggap program. Tambahkan kolom Level untuk memastikan")
        return uraian, level, False

    def _baca_skor(self) -> list[dict]:
        hasil = []
        for nomor, sel, _, _ in self.baris_data():
            inst, th, ok = self.instansi_tahun(sel, nomor)
            jenis = (_teks(sel["jenis"][0]) or "").lower() if "jenis" in sel else ""
            if jenis not in ("sakip", "ikm"):
                self.masalah("galat", nomor, sel.get("jenis", (None, None))[1], jenis, "jenis nilai harus 'sakip' atau 'ikm'")
                continue
            a = self.angka(sel["nilai"][0], nomor, sel["nilai"][1], boleh_predikat=True) if "nilai" in sel else Angka("")
            if not self.lengkap(inst, th, nomor):
                continue
            if ok:
                hasil.append({"instansi": inst, "tahun": th, "jenis": jenis, "nilai": a.nilai, "nilai_teks": _teks(sel["nilai"][0]) if "nilai" in sel else None,
                              "predikat": _teks(sel["predikat"][0]) if "predikat" in sel else a.predikat,
                              "sumber": _teks(sel["sumber"][0]) if "sumber" in sel else self.sumber_bawaan,
                              "catatan": _teks(sel["catatan"][0]) if "catatan" in sel else None, "_baris": nomor})
        return hasil

    def _baca_renstra(self) -> list[dict]:
        hasil = []
        for nomor, sel, tahunan, _ in self.baris_data():
            inst, th, ok = self.instansi_tahun(sel, nomor)
            if not inst:
                self.lengkap(inst, 0, nomor)
                continue
            kelompok = dict(tahunan) or {th: {}}
            if "target" in sel:
                kelompok.setdefault(th, {})["target"] = sel["target"]
            for th_k, isi in kelompok.items():
                if "target" not in isi:
                    continue
                a = self.angka(isi["target"][0], nomor, isi["target"][1], boleh_predikat=True)
                jenis = (_teks(sel["jenis"][0]) or "target").lower() if "jenis" in sel else "target"
                hasil.append({"instansi": inst, "sasaran": _teks(sel["sasaran"][0]) if "sasaran" in sel else None,
                              "indikator": _teks(sel["indikator"][0]) if "indikator" in sel else None,
                              "satuan": _teks(sel["satuan"][0]) if "satuan" in sel else None, "tahun": th_k or th,
                              "jenis": jenis, "target": a.nilai, "target_teks": _teks(isi["target"][0]), "target_predikat": a.predikat,
                              "sumber": _teks(sel["sumber"][0]) if "sumber" in sel else self.sumber_bawaan,
                              "catatan": _teks(sel["catatan"][0]) if "catatan" in sel else None, "_baris": nomor})
        return [h for h in hasil if h["indikator"]]

    def _baca_nilai_dilaporkan(self) -> list[dict]:
        hasil = []
        for nomor, sel, _, _ in self.baris_data():
            inst, th, ok = self.instansi_tahun(sel, nomor)
            # a printed figure may be a category ("Berhasil", "BB"): kept as text, no number
            a = parse(sel["nilai"][0]) if "nilai" in sel else Angka("")
            if not inst or "jenis" not in sel:
                self.masalah("galat", nomor, None, None, "instansi atau jenis kosong")
                continue
            hasil.append({"instansi": inst, "tahun": th, "lingkup": _teks(sel["lingkup"][0]) if "lingkup" in sel else None,
                          "jenis": _teks(sel["jenis"][0]), "nilai": a.nilai, "nilai_teks": _teks(sel["nilai"][0]) if "nilai" in sel else None,
                          "sumber": _teks(sel["sumber"][0]) if "sumber" in sel else self.sumber_bawaan,
                          "catatan": _teks(sel["catatan"][0]) if "catatan" in sel else None, "_baris": nomor})
        return hasil

    def _baca_instansi(self) -> list[dict]:
        hasil = []
        for nomor, sel, _, _ in self.baris_data():
            nama = _teks(sel["instansi"][0]) if "instansi" in sel else None
            if not nama:
                continue
            hasil.append({"instansi": nama, "jenis": _teks(sel["jenis"][0]) if "jenis" in sel else jenis_instansi(nama),
                          "provinsi": _teks(sel["provinsi"][0]) if "provinsi" in sel else None, "_baris": nomor})
        return hasil


def _ya(sel: tuple[object, Kolom] | None) -> bool:
    """The 'utama' flag: true unless the cell says 0 / tidak / false."""
    if not sel:
        return True
    return str(sel[0]).strip().lower() not in ("0", "0.0", "tidak", "t", "no", "n", "false", "salah")


_RE_KODE = re.compile(r"^\d+(\.\d+)*$")


def _kode(sel: tuple[object, Kolom] | None) -> str | None:
    """A budget line's code as printed; "JUMLAH"/"TOTAL" written in the code column is a label, not a code."""
    kode = _teks(sel[0]) if sel else None
    return None if kode and (_RE_TOTAL.match(kode) or _RE_SUBTOTAL.match(kode)) else kode


def _level_dari(uraian: str, kode: str | None) -> str | None:
    u = uraian.lower()
    if u.startswith("sub kegiatan") or u.startswith("subkegiatan"):
        return "sub_kegiatan"
    if u.startswith("kegiatan"):
        return "kegiatan"
    if u.startswith("program"):
        return "program"
    if u.startswith("belanja"):
        return "jenis_belanja"
    if u.startswith("sasaran"):
        return "sasaran"
    if kode and _RE_KODE.match(kode):
        bagian = kode.split(".")
        # national nomenclature: 1.06.02 program, 1.06.02.2.01 kegiatan, 1.06.02.2.01.0001 sub kegiatan
        if len(bagian) == 3:
            return "program"
        if len(bagian) in (4, 5):
            return "kegiatan"
        if len(bagian) >= 6:
            return "sub_kegiatan"
    return None


def _masalah_rumus(p: Pratinjau, lb: Lembar, t: TabelDitemukan | None) -> None:
    """Formula cells saved without a value: empty to every reader, so a figure would be lost silently."""
    if not lb.rumus_kosong:
        return
    judul = {k.indeks: k.judul for k in t.kolom} if t else {}
    dalam = [(r, c) for r, c in lb.rumus_kosong if t and r >= t.baris_header[0]]
    if not dalam:
        p.masalah.append(Masalah("info", lb.nama, lb.rumus_kosong[0][0] + 1, huruf_kolom(lb.rumus_kosong[0][1]), None,
                                 f"{len(lb.rumus_kosong)} sel rumus tanpa nilai tersimpan di luar tabel; diabaikan"))
        return
    for r, c in dalam[:MAKS_MASALAH_RUMUS]:
        kolom = huruf_kolom(c) + (f" ({judul[c]})" if c in judul else "")
        p.masalah.append(Masalah("galat", lb.nama, r + 1, kolom, None,
                                 "rumus tanpa nilai tersimpan — buka dan simpan di Excel (berkas ini dibuat oleh program "
                                 "yang tidak menghitung rumus), lalu unggah lagi"))
    if len(dalam) > MAKS_MASALAH_RUMUS:
        p.masalah.append(Masalah("galat", lb.nama, None, None, None,
                                 f"… dan {len(dalam) - MAKS_MASALAH_RUMUS} sel rumus lain tanpa nilai tersimpan"))


def pratinjau(data: bytes, nama_file: str, instansi: str | None = None, tahun: int | None = None,
              simpan_salah_cetak: bool = False, sumber: str | None = None) -> Pratinjau:
    """Read a file and return what would be imported, without writing anything.

    ``instansi``/``tahun``: the user's choice for rows whose table names neither (a column of the
    file wins over it; the user's choice wins over a title row). ``simpan_salah_cetak``: keep
    malformed figures as text without a value (a warning) instead of blocking (an error).
    ``sumber``: the source label of every row (default: "Unggahan <file>, lembar <sheet>").
    Raises GalatBerkas when the file itself cannot be read (not a spreadsheet, password, too big...).
    """
    p = Pratinjau(nama_file=nama_file, sha256=hashlib.sha256(data).hexdigest())
    if tahun is not None and not TAHUN_MIN <= int(tahun) <= TAHUN_MAKS:
        raise GalatBerkas(f"Tahun {tahun} di luar rentang {TAHUN_MIN}–{TAHUN_MAKS}.")
    lembar = baca_lembar(data, nama_file)
    rekaman: dict[str, list[dict]] = {k: [] for k in KOLOM}
    tanpa_baris: list[tuple[str, TabelDitemukan]] = []
    ada_contoh = False
    for lb in lembar:
        if not any(any(_teks(v) for v in r) for r in lb.baris):
            p.masalah.append(Masalah("info", lb.nama, None, None, None, "lembar kosong, dilewati"))
            continue
        terisi = lb.terisi()
        t = cari_tabel(terisi)
        _masalah_rumus(p, lb, t)
        if t is None:
            p.masalah.append(Masalah("info", lb.nama, None, None, None,
                                     "tidak ada tabel indikator atau anggaran yang dikenali (judul kolom seperti Indikator, Target, Realisasi, Pagu). Lembar dilewati"))
            p.lembar.append(LembarTerbaca(lb.nama, None, [], []))
            continue
        sumber_bawaan = sumber or f"Unggahan {nama_file}" + (f", lembar {lb.nama}" if len(lembar) > 1 else "")
        pb = _Pembaca(p, lb, terisi, t, instansi, tahun, simpan_salah_cetak, sumber_bawaan, rekaman["nilai_dilaporkan"])
        awal = len(rekaman["nilai_dilaporkan"])
        recs = pb.baca()
        for r in recs:
            r["_lembar"] = lb.nama
        rekaman[t.jenis].extend(recs)
        n = len(recs) + (len(rekaman["nilai_dilaporkan"]) - awal if t.jenis != "nilai_dilaporkan" else 0)
        p.lembar.append(LembarTerbaca(lb.nama, t.jenis, [i + 1 for i in t.baris_header],
                                      [(huruf_kolom(k.indeks), k.judul, k.bidang, k.tahun) for k in t.kolom], n,
                                      [(huruf_kolom(k.indeks), k.judul, why) for k, why in t.diabaikan]))
        ada_contoh = ada_contoh or bool(pb.contoh)
        if not n and not pb.contoh and not any(m.lembar == lb.nama and m.tingkat == "galat" for m in p.masalah):
            tanpa_baris.append((lb.nama, t))
    ada_data = any(rekaman.values())
    for nama, t in tanpa_baris:
        p.masalah.append(Masalah("peringatan" if ada_data else "galat", nama, t.baris_header[-1] + 1, None, None,
                                 f"tabel {NAMA_JENIS[t.jenis]} dikenali (baris judul {t.baris_header[0] + 1}) tetapi tidak ada "
                                 "baris data di bawahnya. Isi baris data di bawah judul kolom"))
    if not any(lb.jenis for lb in p.lembar):
        p.masalah.append(Masalah("galat", "", None, None, None,
                                 "tidak ada tabel yang dikenali di berkas ini. Pastikan ada baris judul kolom seperti "
                                 "'Indikator | Target | Realisasi' atau 'Program | Pagu | Realisasi', atau pakai templat unggahan"))
    elif not ada_data and not p.galat:
        pesan = ("berkas hanya berisi baris contoh templat. Isi data Anda di bawah judul kolom (baris contoh boleh dihapus)"
                 if ada_contoh else "tidak ada baris data yang dapat dibaca")
        p.masalah.append(Masalah("galat", "", None, None, None, pesan))
    for jenis, recs in rekaman.items():
        p.tabel[jenis] = pd.DataFrame(recs)
    _periksa_ganda(p)
    return p


def _periksa_ganda(p: Pratinjau) -> None:
    df = p.tabel.get("indikator")
    if df is None or not len(df):
        return
    kunci = ["instansi", "tahun", "indikator", "sumber"]
    ganda = df[df.duplicated(kunci, keep=False)]
    for (_, th, ind, _), grup in ganda.groupby(kunci, sort=False):
        baris = ", ".join(str(b) for b in grup["_baris"])
        p.masalah.append(Masalah("galat", grup["_lembar"].iloc[0], int(grup["_baris"].iloc[1]), grup["_kolom_indikator"].iloc[1], ind,
                                 f"indikator yang sama untuk tahun {th} muncul lebih dari sekali (baris {baris}). Hapus baris gandanya"))
    utama = df[df["utama"]]
    lebih = utama[utama.duplicated(["instansi", "tahun", "indikator"], keep="first")]
    for i in lebih.index:
        df.loc[i, "utama"] = False
    if len(lebih):
        p.masalah.append(Masalah("info", lebih["_lembar"].iloc[0], None, None, None,
                                 f"{len(lebih)} baris indikator tercetak di lebih dari satu tabel; yang pertama dipakai untuk analisis"))


def pratinjau_berkas(path: str | Path, **kw) -> Pratinjau:
    """``pratinjau`` of a file on disk (same keyword arguments); GalatBerkas when it cannot be opened."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise GalatBerkas(f"Berkas {path} tidak ditemukan.") from None
    except IsADirectoryError:
        raise GalatBerkas(f"{path} adalah folder, bukan berkas.") from None
    except PermissionError:
        raise GalatBerkas(f"Berkas {path} tidak dapat dibaca (izin ditolak).") from None
    return pratinjau(data, path.name, **kw)


# --- Corrections by the user on a preview ------------------------------------------------------------
def _baris_indikator(p: Pratinjau, indikator: str) -> pd.Series:
    df = p.tabel.get("indikator")
    if df is None or not len(df):
        raise ValueError("pratinjau ini tidak berisi indikator")
    pilih = df["indikator"] == indikator
    if not pilih.any():
        raise ValueError(f"indikator '{indikator}' tidak ada di pratinjau ini")
    return pilih


def atur_polaritas(p: Pratinjau, indikator: str, polaritas: str) -> int:
    """Set the polarity of one indicator (every year and agency of the preview) and recompute its capaian.

    ``polaritas``: positif (higher is better), negatif (lower is better, e.g. a poverty rate) or
    ordinal (a grade). Returns the number of rows changed; ValueError (Bahasa Indonesia) when the
    indicator or the polarity is unknown. Everything else in the row is kept.
    """
    pol = baku_polaritas(polaritas)
    if pol is None:
        raise ValueError(f"polaritas '{polaritas}' tidak dikenal. Pilihan: {', '.join(measures.POLARITAS)}")
    pilih = _baris_indikator(p, indikator)
    df = p.tabel["indikator"]
    for i in df.index[pilih]:
        r = df.loc[i]
        hc = measures.capaian(_nilai(r["target"]), _nilai(r["realisasi"]), pol,
                              _nilai(r["target_predikat"]), _nilai(r["realisasi_predikat"]))
        df.at[i, "polaritas"] = pol
        df.at[i, "capaian"] = hc.nilai
        df.at[i, "capaian_alasan"] = hc.alasan
        if "polaritas_dari" in df.columns:
            df.at[i, "polaritas_dari"] = "pengguna"
    return int(pilih.sum())


def atur_tema(p: Pratinjau, indikator: str, tema: str) -> int:
    """Set the theme tag of one indicator (one of ``lkjip.vocab.TEMA``). Returns the rows changed."""
    if tema not in TEMA:
        raise ValueError(f"tema '{tema}' tidak dikenal. Pilihan: {', '.join(TEMA)}")
    pilih = _baris_indikator(p, indikator)
    p.tabel["indikator"].loc[pilih, "tema"] = tema
    return int(pilih.sum())


def _nilai(v: object):
    return None if v is None or (isinstance(v, float) and v != v) or v is pd.NA else v


def cuplikan(p: Pratinjau, n: int = 10) -> pd.DataFrame:
    """The first ``n`` indicator rows as they would be written, for people: agency, year, sasaran,
    indicator, target and realisasi as printed, capaian recomputed beside capaian as printed."""
    kolom = ["instansi", "tahun", "sasaran", "indikator", "polaritas", "target_teks", "realisasi_teks", "capaian",
             "capaian_dilaporkan_teks"]
    df = p.tabel.get("indikator")
    if df is None or not len(df):
        return pd.DataFrame(columns=kolom)
    hasil = df[kolom].head(n).reset_index(drop=True).astype(object)
    return hasil.where(hasil.notna(), None)
