"""Reading the rows of one table found in a sheet: cells, numbers, agency and year, what is skipped.

``Pembaca`` holds what every kind of table shares; the kinds add their own ``_baca_<jenis>``
(``indikator.BacaIndikator``, ``anggaran.BacaAnggaran``, ``lain.BacaLain``).
"""
from __future__ import annotations

import re

from ..numbers import Angka, format_persen, parse
from .berkas import Lembar
from .judul import instansi_dari_judul, tahun_dari_judul
from .model import TAHUN_MAKS, TAHUN_MIN, Masalah, Pratinjau, huruf_kolom, rentang, teks
from .pola import RE_CONTOH, akhir_tabel
from .tabel import Kolom, TabelDitemukan

# Fields that name things: a merged cell (only its top-left cell holds the value) means "same as above".
_BIDANG_LABEL = {"kode", "instansi", "tahun", "sasaran", "satuan", "polaritas", "tema", "tingkat", "level", "jenis", "program",
                 "kegiatan", "sub_kegiatan", "sumber", "utama", "lingkup", "provinsi"}
_BIDANG_ANGKA = {"target", "realisasi", "capaian_dilaporkan", "_persen", "pagu", "pagu_awal", "serapan_dilaporkan", "nilai"}
# A figure with a qualifier: "± 2.612", "> 75%", "kurang lebih 40", "sekitar 1.200", "≥ 80".
_RE_BERTANDA = re.compile(r"^\s*(±|\+/-|\+-|kurang\s+lebih|lebih\s+kurang|sekitar|kira-kira|kurang\s+dari|lebih\s+dari|"
                          r"minimal|maksimal|min\.?|maks\.?|>=|<=|≥|≤|>|<|~|±)\s*(?=[\d.,])", re.I)


class Pembaca:
    """Turns the rows of one recognised table into canonical records, collecting problems."""

    def __init__(self, p: Pratinjau, lembar: Lembar, terisi: list[list[object]], t: TabelDitemukan,
                 instansi: str | None, tahun: int | None, simpan_salah_cetak: bool, sumber_bawaan: str,
                 nilai_dilaporkan: list[dict], polaritas_pengguna: dict[str, str] | None = None):
        self.p, self.lembar, self.terisi, self.t = p, lembar, terisi, t
        self.instansi_pengguna, self.tahun_pengguna = instansi, tahun
        self.instansi_judul = instansi_dari_judul(t.judul) or instansi_dari_judul([lembar.nama])
        self.tahun_judul = tahun_dari_judul(t.judul + [lembar.nama])
        self.simpan_salah_cetak = simpan_salah_cetak
        self.sumber_bawaan = sumber_bawaan
        self._nilai = nilai_dilaporkan
        self._tanpa: dict[str, list[int]] = {"instansi": [], "tahun": []}
        self.contoh: list[int] = []
        # cells right of the last titled column are not read: say so rather than drop them silently
        self.lebar_judul = 1 + max((i for h in t.baris_header for i, v in enumerate(lembar.baris[h]) if teks(v)), default=-1)
        self._di_luar_judul: list[int] = []
        self.polaritas_pengguna = polaritas_pengguna or {}
        self.baris_lain: list[dict] = []  # urusan, bidang urusan and account lines: read, not stored
        self.realisasi_triwulan = 0  # the last quarter summed into a realisasi (no column of the year's realisasi)
        self.akhir_dibaca: int | None = None

    def masalah(self, tingkat: str, baris: int | None, kol: Kolom | None, nilai: object, pesan: str) -> None:
        kolom = f"{huruf_kolom(kol.indeks)} ({kol.judul})" if kol else None
        self.p.masalah.append(Masalah(tingkat, self.lembar.nama, baris, kolom, teks(nilai), pesan))

    def angka(self, nilai: object, baris: int, kol: Kolom, boleh_predikat: bool = False, skala: bool = False) -> Angka:
        """A printed figure parsed; ``skala``: an amount in rupiah, multiplied by the table's unit scale.

        A figure with a qualifier ("± 2.612", "> 75%") is kept as printed text without a value, with a
        warning on that cell: it is not the number, and one such cell never refuses the file."""
        t = teks(nilai)
        if t and isinstance(nilai, str) and _RE_BERTANDA.match(t):
            self.masalah("peringatan", baris, kol, nilai, "angka bertanda (±, >, 'kurang lebih' ...) bukan angka pasti: disimpan "
                         "sebagai teks seperti tercetak, tanpa nilai. Tulis angkanya saja bila nilainya pasti")
            return Angka(t)
        a = parse(nilai)
        if a.galat:
            if self.simpan_salah_cetak:
                self.masalah("peringatan", baris, kol, nilai, f"angka salah cetak ({a.galat}); disimpan sebagai teks tanpa nilai")
            else:
                self.masalah("galat", baris, kol, nilai, f"bukan angka yang dapat dibaca: {a.galat}. Perbaiki sel ini "
                             "(contoh: 1.250.000 atau 98,5%), atau centang 'Simpan angka salah cetak sebagai teks' (CLI: --keep-malformed)")
        elif a.predikat and not boleh_predikat and a.nilai is None:
            self.masalah("galat", baris, kol, nilai, "berisi predikat/teks di tempat angka. Isi dengan angka")
        if skala and a.nilai is not None and self.t.skala != 1:
            return Angka(a.teks, a.nilai * self.t.skala, a.persen, a.predikat, a.satuan, a.strip, a.galat)
        return a

    def instansi_tahun(self, sel: dict[str, tuple[object, Kolom]], baris: int) -> tuple[str | None, int | None, bool]:
        """Agency and year of a row: its own columns, else the user's choice, else the title rows.

        A row without either is recorded (one message per sheet, ``selesai``); never guessed.
        """
        inst = teks(sel["instansi"][0]) if "instansi" in sel else None
        inst = inst or self.instansi_pengguna or self.instansi_judul
        th_sel = sel.get("tahun")
        th = None
        ok = True
        if th_sel and teks(th_sel[0]):
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
                self.masalah("galat", baris[0], None, None, pesan[apa].format(n=len(baris), r=rentang(baris)))
        if self._di_luar_judul:
            baris = self._di_luar_judul
            self.masalah("peringatan", baris[0], None, None,
                         f"{len(baris)} baris (baris {rentang(baris)}) berisi sel di kanan kolom terakhir yang berjudul "
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
        if teks(v) is None and k.bidang in _BIDANG_LABEL and (r, k.indeks) in self.lembar.gabungan:
            isi = self.terisi[r]
            v = isi[k.indeks] if k.indeks < len(isi) else None
        if (r, k.indeks) in self.lembar.persen and isinstance(v, (int, float)) and not isinstance(v, bool):
            v = format_persen(v * 100, desimal=6)
        return v

    def _sel_baris(self, r: int, tk: list[str | None], kolom: list[Kolom]) -> list[tuple[Kolom, object]]:
        """(column, value) of the cells of row ``r`` in ``kolom`` that hold something, as ``_sel`` reads them;
        ``tk``: the row's cells as text, computed once. Only a cell that is blank (merges) or a number (percent
        format) needs ``_sel``; any other cell is its raw value."""
        row = self.lembar.baris[r]
        n = len(row)
        hasil = []
        for k in kolom:
            i = k.indeks
            if i < n and tk[i] is not None and not ((r, i) in self.lembar.persen and isinstance(row[i], (int, float))):
                hasil.append((k, row[i]))
                continue
            v = self._sel(r, k)
            if teks(v) is not None:
                hasil.append((k, v))
        return hasil

    def baris_data(self):
        """(row number, {field: (value, column)}, {year: {field: (value, column)}}, label) per data row.

        Blank rows and the template's example rows (CONTOH in Instansi or Catatan) are skipped.
        Each cell is made text once per row (a 20 MB file has millions of cells).
        """
        umum = [k for k in self.t.kolom if k.tahun is None or k.bidang in ("instansi", "tahun")]
        pertahun = [k for k in self.t.kolom if k.tahun is not None and k.bidang not in ("instansi", "tahun")]
        kolom_angka = {k.indeks for k in self.t.kolom if k.bidang in _BIDANG_ANGKA or k.bidang.startswith(("rencana_", "realisasi_"))}
        akhir = self.t.akhir if self.t.akhir is not None else len(self.lembar.baris)
        semua = self.lembar.baris
        for r in range(self.t.baris_data_mulai, min(akhir, len(semua))):
            row = semua[r]
            tk = [teks(v) for v in row]
            if not any(tk):
                continue
            isi_teks = [t for v, t in zip(row, tk) if t and isinstance(v, str)]
            if isi_teks and all(not isinstance(v, (int, float)) or isinstance(v, bool) for v in row) and akhir_tabel(isi_teks[0]):
                sisa = [i + 1 for i in range(r, min(akhir, len(semua))) if any(teks(v) for v in semua[i])]
                self.masalah("info", r + 1, None, isi_teks[0],
                             f"catatan kaki/tanda tangan/cap cetak (baris {rentang(sisa)}) bukan data: dilewati")
                self.akhir_dibaca = r
                return
            if any(tk[self.lebar_judul:]):
                self._di_luar_judul.append(r + 1)
            sel = {k.bidang: (v, k) for k, v in self._sel_baris(r, tk, umum)}
            if any(RE_CONTOH.match(str(sel[b][0])) for b in ("instansi", "catatan") if b in sel):
                self.contoh.append(r + 1)
                continue
            tahunan: dict[int, dict] = {}
            for k, v in self._sel_baris(r, tk, pertahun):
                tahunan.setdefault(k.tahun, {})[k.bidang] = (v, k)
            label = []
            for i, v in enumerate(self.terisi[r][:4]):  # "JUMLAH" merged over No and Uraian is filled into both: once
                if i in kolom_angka:
                    continue
                t = tk[i] if self.terisi[r] is row else teks(v)
                if t and (not label or label[-1] != t):
                    label.append(t)
            label = " ".join(label)
            self.akhir_dibaca = r + 1
            yield r + 1, sel, tahunan, label

    def baca(self) -> list[dict]:
        hasil = getattr(self, f"_baca_{self.t.jenis}")()
        self.selesai()
        return hasil
