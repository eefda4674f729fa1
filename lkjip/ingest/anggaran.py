"""Budget rows: pagu, realisasi and quarters of programs, kegiatan and sub kegiatan; the level from a
column, the words or the shape of the code; amounts scaled by the unit the table states once."""
from __future__ import annotations

from .. import measures
from ..numbers import Angka
from ..vocab import LEVEL, baku_level
from .indikator import _ya
from .kode import kode_bersih, level_dari
from .model import teks
from .kode import TIDAK_DISIMPAN
from .pola import RE_RATA, RE_RINGKASAN_FORM, RE_SUBTOTAL, RE_TOTAL


_BIDANG_RUPIAH = {"pagu", "pagu_awal", "realisasi", "rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4",
                  "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4"}


class BacaAnggaran:
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
            jumlah_angka = sum(1 for b in sel if b.split("@")[0] in _BIDANG_RUPIAH)
            if RE_RINGKASAN_FORM.match(label) or RE_RATA.match(label):
                self.masalah("info", nomor, None, label, "baris ringkasan formulir (rata-rata/predikat), bukan baris anggaran: dilewati")
                continue
            if not jumlah_angka and hasil and hasil[-1]["uraian"] == uraian:
                continue  # a further indicator row of the same program (merged description): no budget of its own
            if level in TIDAK_DISIMPAN:
                self._tak_disimpan(nomor, level, uraian, sel)
                continue
            if RE_SUBTOTAL.match(uraian) or RE_SUBTOTAL.match(label):
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
                       "kode": kode_bersih(isi.get("kode")),
                       "sasaran": teks(isi["sasaran"][0]) if "sasaran" in isi else None,
                       "sumber": teks(isi["sumber"][0]) if "sumber" in isi else self.sumber_bawaan,
                       "catatan": teks(isi["catatan"][0]) if "catatan" in isi else None,
                       "utama": _ya(isi.get("utama"))}
                baik = ok
                for b in ("pagu_awal", "pagu", "realisasi", "serapan_dilaporkan"):
                    rupiah = b != "serapan_dilaporkan"
                    a = self.angka(isi[b][0], nomor, isi[b][1], skala=rupiah) if b in isi else Angka("")
                    rec[b] = 0.0 if a.strip and rupiah else a.nilai
                    rec[f"{b}_teks"] = teks(isi[b][0]) if b in isi else None
                for b in [f"{x}_tw{i}" for x in ("rencana", "realisasi") for i in range(1, 5)]:
                    a = self.angka(isi[b][0], nomor, isi[b][1], skala=True) if b in isi else Angka("")
                    rec[b] = 0.0 if a.strip else a.nilai
                self._realisasi_dari_triwulan(rec, isi, nomor)
                if self.t.periode:
                    rec["catatan"] = "; ".join(x for x in (rec["catatan"], f"realisasi {self.t.periode} (tahun berjalan)") if x)
                for b in ("pagu", "pagu_awal", "realisasi"):
                    if rec[b] is not None and rec[b] < 0:
                        self.masalah("galat", nomor, isi.get(b, (None, None))[1], isi.get(b, (None, None))[0],
                                     f"{b.replace('_', ' ')} tidak boleh negatif. Periksa tanda minus di sel ini")
                        baik = False
                if rec["pagu"] is not None and rec["realisasi"] is not None and rec["realisasi"] > rec["pagu"] >= 0:
                    self.masalah("peringatan", nomor, isi.get("realisasi", (None, None))[1], rec["realisasi_teks"],
                                 "realisasi anggaran melebihi pagu; tetap disimpan, periksa angkanya")
                rec["serapan"] = measures.serapan(rec["pagu"], rec["realisasi"]).nilai
                if baik:
                    hasil.append(rec)
        return self._total_antara(hasil)

    def _tak_disimpan(self, nomor: int, level: str, uraian: str, sel: dict) -> None:
        """An urusan, bidang urusan or account line: not stored, its amounts kept to check the programs."""
        nilai = {}
        for b in ("pagu", "realisasi"):
            if b in sel:
                a = self.angka(sel[b][0], nomor, sel[b][1], skala=True)
                nilai[b] = a.nilai
        self.baris_lain.append({"_baris": nomor, "level": level, "uraian": uraian, **nilai})

    def _realisasi_dari_triwulan(self, rec: dict, isi: dict, nomor: int) -> None:
        """No column of the year's realisasi but quarters (TW I–IV, "Jumlah" absent): their sum is the
        realisasi so far; a year whose last quarters are empty is a year in progress, said so."""
        if "realisasi" in isi:
            return
        tw = [rec[f"realisasi_tw{i}"] for i in range(1, 5)]
        if all(v is None for v in tw):
            return
        terakhir = max(i for i, v in enumerate(tw, 1) if v is not None)
        rec["realisasi"] = sum(v for v in tw if v is not None)
        rec["realisasi_teks"] = None
        self.realisasi_triwulan = max(self.realisasi_triwulan, terakhir)

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
                uraian, level_kolom = teks(sel[b][0]), b
                break
        if "uraian" in sel:
            uraian = teks(sel["uraian"][0])
        if uraian is None:
            if RE_TOTAL.match(label):
                return label.split()[0].capitalize(), "total", not level_sel
            if any(b in sel for b in ("pagu", "realisasi")):
                self.masalah("galat", nomor, None, label, "baris berisi angka tetapi uraian (program/kegiatan) kosong. Isi uraiannya")
            return None, "", False
        if not level and RE_TOTAL.match(uraian):
            return uraian, "total", True
        level = level or level_kolom
        if not level:
            level = level_dari(uraian, teks(sel["kode"][0]) if "kode" in sel else None)
            if not level:
                level = "program"
                self.masalah("peringatan", nomor, sel["uraian"][1] if "uraian" in sel else None, uraian,
                             "level baris (program/kegiatan/sub kegiatan) tidak dikenali; dianggap program. Tambahkan kolom Level untuk memastikan")
        return uraian, level, False

