"""Indicator rows: target, realisasi and printed capaian per year, polarity from the file, from the
printed capaian (evidence) or suggested from the words, and the capaian recomputed."""
from __future__ import annotations

from .. import measures
from ..numbers import Angka, format_persen
from ..vocab import TEMA, TINGKAT_INDIKATOR, baku_polaritas, sarankan_polaritas, sarankan_tema
from .kode import level_kode
from .model import CAPAIAN_TAK_WAJAR, huruf_kolom, rentang, teks
from .pola import RE_RATA, RE_RINGKASAN_FORM, RE_SUBTOTAL, RE_TOTAL

# A printed capaian agrees with a computed one when they differ by at most this (percentage points),
# or by half a percent of the figure: reports round to whole numbers or two decimals.
TOLERANSI_CAPAIAN = 0.6
# The indicator's realisation per quarter (the K columns of the Renja form's TW I-IV).
TRIWULAN = tuple(f"realisasi_tw{i}" for i in range(1, 5))
_ANGKA = ("target", "realisasi", "capaian_dilaporkan") + TRIWULAN


# The start of the warning for a polarity suggested from the words only (no printed capaian as evidence):
# the correction of the polarity removes it (``koreksi.atur_polaritas``).
AWAL_POLARITAS_SARAN = "polaritas belum ditetapkan dari bukti"


def pesan_polaritas_saran(negatif: float | None, positif: float | None) -> str:
    """The warning for a negatif polarity suggested only by a word such as 'penurunan'."""
    return (f"{AWAL_POLARITAS_SARAN}: tidak ada capaian tercetak, dan kata 'penurunan'/'menurun' pada nama indikator hanya "
            f"saran. Dipakai negatif (semakin rendah semakin baik): capaian {format_persen(negatif)}; bila yang diukur adalah "
            f"besarnya penurunan (semakin besar semakin baik), polaritasnya positif: capaian {format_persen(positif)}. "
            "Tetapkan polaritasnya di kolom Polaritas tabel Indikator pada pratinjau (atau isi kolom Polaritas di berkas)")


def pesan_tanpa_realisasi_tahunan(baris: list[int]) -> str:
    return (f"{len(baris)} indikator (baris {rentang(baris)}) punya realisasi per triwulan tetapi tidak ada realisasi setahun: "
            "realisasi triwulan disimpan, realisasi dan capaian tahunan dibiarkan kosong (kinerja triwulan tidak selalu dapat "
            "dijumlahkan, mis. persentase). Isi realisasi setahun di berkas bila ada")


def sama_capaian(dihitung: float | None, tercetak: float | None) -> bool:
    if dihitung is None or tercetak is None:
        return dihitung is None and tercetak is None
    return abs(dihitung - tercetak) <= max(TOLERANSI_CAPAIAN, abs(tercetak) * 0.005)


def _ya(sel) -> bool:
    """The 'utama' flag: true unless the cell says 0 / tidak / false."""
    if not sel:
        return True
    return str(sel[0]).strip().lower() not in ("0", "0.0", "tidak", "t", "no", "n", "false", "salah")


class BacaIndikator:
    def _baca_indikator(self) -> list[dict]:
        hasil, sasaran_atas = [], None
        self.tanpa_realisasi_tahunan: list[int] = []  # rows with quarters but no realisation of the year
        for nomor, sel, tahunan, label in self.baris_data():
            if "_persen" in sel and "capaian_dilaporkan" not in sel:
                sel["capaian_dilaporkan"] = sel.pop("_persen")
            for isi in tahunan.values():
                if "_persen" in isi and "capaian_dilaporkan" not in isi:
                    isi["capaian_dilaporkan"] = isi.pop("_persen")
            if "sasaran" in sel:
                sasaran_atas = teks(sel["sasaran"][0])
            ind = teks(sel["indikator"][0]) if "indikator" in sel else None
            if RE_RATA.match(label) or (ind and RE_RATA.match(ind)):
                self._rata_rata(nomor, sel, tahunan, sasaran_atas)
                continue
            if RE_RINGKASAN_FORM.match(label) or (ind and RE_RINGKASAN_FORM.match(ind)):
                self.masalah("info", nomor, None, label, "baris ringkasan formulir (predikat kinerja) dilewati, bukan indikator")
                continue
            if RE_TOTAL.match(label) or RE_SUBTOTAL.match(label) or (ind and (RE_TOTAL.match(ind) or RE_SUBTOTAL.match(ind))):
                self.masalah("info", nomor, None, label, "baris jumlah dikenali dan tidak dihitung sebagai indikator")
                continue
            if not ind:
                if any(b in sel for b in _ANGKA) or tahunan:
                    self.masalah("galat", nomor, None, label, "baris berisi angka tetapi kolom indikator kosong. Isi nama indikatornya")
                continue
            inst, th_umum, ok = self.instansi_tahun(sel, nomor)
            kelompok = dict(tahunan)
            if any(b in sel for b in _ANGKA) or not kelompok:
                # "Target 2023 | Realisasi 2023 | Capaian": a figure without a year belongs to the only year named
                th_sel = next(iter(kelompok)) if len(kelompok) == 1 else th_umum
                kelompok.setdefault(th_sel, {})
                for b in _ANGKA:
                    if b in sel:
                        kelompok[th_sel].setdefault(b, sel[b])
            for th, isi in kelompok.items():
                th = th if th is not None else th_umum
                if not self.lengkap(inst, th, nomor):
                    continue
                rec = self._indikator_satu(nomor, sel, isi, inst, th, sasaran_atas)
                if rec and ok:
                    hasil.append(rec)
        if self.tanpa_realisasi_tahunan:
            baris = sorted(set(self.tanpa_realisasi_tahunan))
            self.masalah("peringatan", baris[0], None, None, pesan_tanpa_realisasi_tahunan(baris))
        return hasil

    def _triwulan(self, nomor, isi) -> dict:
        """The quarters' realisation (numbers; a grade or an empty dash is not a number: kept empty)."""
        hasil = {}
        for b in TRIWULAN:
            if b not in isi:
                hasil[b] = None
                continue
            v, k = isi[b]
            a = self.angka(v, nomor, k, boleh_predikat=True)
            if a.nilai is None and a.predikat:
                self.masalah("peringatan", nomor, k, v, "realisasi triwulan berupa predikat, bukan angka: tidak disimpan "
                             "sebagai angka (triwulan ini kosong)")
            hasil[b] = a.nilai
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
                    "jenis": "rata_capaian", "nilai": a.nilai, "nilai_teks": teks(v),
                    "sumber": self.sumber_bawaan, "catatan": "baris rata-rata pada tabel indikator", "_baris": nomor,
                    "_lembar": self.lembar.nama,
                })

    def _indikator_satu(self, nomor, sel, isi, inst, th, sasaran) -> dict | None:
        ind = teks(sel["indikator"][0])
        nilai = {}
        for b in ("target", "realisasi", "capaian_dilaporkan"):
            if b in isi:
                v, k = isi[b]
                nilai[b] = (self.angka(v, nomor, k, boleh_predikat=True), teks(v))
            else:
                nilai[b] = (Angka(""), None)
        (t, t_teks), (r, r_teks), (c, c_teks) = nilai["target"], nilai["realisasi"], nilai["capaian_dilaporkan"]
        tw = self._triwulan(nomor, isi)
        if r_teks is None and any(v is not None for v in tw.values()):
            self.tanpa_realisasi_tahunan.append(nomor)
        ada_predikat = bool(t.predikat or r.predikat)
        pol_sel = sel.get("polaritas")
        polaritas = baku_polaritas(pol_sel[0]) if pol_sel else None
        if pol_sel and not polaritas and ind not in self.polaritas_pengguna:
            self.masalah("galat", nomor, pol_sel[1], pol_sel[0], "polaritas harus positif, negatif atau ordinal")
            return None
        polaritas_dari = "berkas" if polaritas else "saran"
        if not polaritas:
            polaritas = sarankan_polaritas(ind, ada_predikat)
        if ind in self.polaritas_pengguna:
            polaritas, polaritas_dari = self.polaritas_pengguna[ind], "pengguna"
        tema_sel = sel.get("tema")
        tema = teks(tema_sel[0]).lower() if tema_sel else None
        if tema and tema not in TEMA:
            self.masalah("peringatan", nomor, tema_sel[1], tema_sel[0], f"tema tidak dikenal; diganti '{sarankan_tema(ind)}'. Pilihan: {', '.join(TEMA)}")
            tema = None
        tema = tema or sarankan_tema(ind)
        hc = measures.capaian(t.nilai, r.nilai, polaritas, t.predikat, r.predikat)
        kol_c = isi.get("capaian_dilaporkan", (None, None))[1]
        if c.nilai is not None and hc.nilai is not None and not sama_capaian(hc.nilai, c.nilai) and polaritas in ("positif", "negatif"):
            lain = "negatif" if polaritas == "positif" else "positif"
            hl = measures.capaian(t.nilai, r.nilai, lain, t.predikat, r.predikat)
            if polaritas_dari == "saran" and sama_capaian(hl.nilai, c.nilai):
                self.masalah("peringatan", nomor, kol_c, c_teks,
                             f"polaritas {lain} dipakai, bukan {polaritas} (saran dari kata-kata indikator): capaian tercetak "
                             f"{c_teks} cocok dengan rumus {lain}. Ubah polaritasnya bila keliru")
                polaritas, polaritas_dari, hc = lain, "bukti", hl
            else:
                self.masalah("peringatan", nomor, kol_c, c_teks,
                             f"capaian yang disimpan {format_persen(hc.nilai)} (dihitung, polaritas {polaritas}) berbeda dari "
                             f"capaian tercetak {c_teks}. Periksa target, realisasi dan polaritas sebelum menyimpan")
        elif c.nilai is not None and hc.nilai is None:
            self.masalah("peringatan", nomor, kol_c, c_teks,
                         f"capaian tercetak {c_teks} tidak dapat dihitung ulang ({hc.alasan or 'target/realisasi kosong'}); "
                         "yang disimpan kosong, yang tercetak disimpan sebagai teks")
        elif polaritas_dari == "saran" and polaritas == "negatif" and c.nilai is None and hc.nilai is not None:
            hp = measures.capaian(t.nilai, r.nilai, "positif", t.predikat, r.predikat)
            self.masalah("peringatan", nomor, sel["indikator"][1], ind, pesan_polaritas_saran(hc.nilai, hp.nilai))
        # capaian above 100% is normal (a target exceeded); only beyond CAPAIAN_TAK_WAJAR is it worth a look
        if hc.nilai is not None and hc.nilai > CAPAIAN_TAK_WAJAR and polaritas != "ordinal":
            kol = isi.get("realisasi", (None, None))[1]
            self.masalah("peringatan", nomor, kol, r_teks,
                         f"capaian dihitung {format_persen(hc.nilai)}, lebih dari {CAPAIAN_TAK_WAJAR:.0f}%: periksa target, "
                         f"realisasi dan satuannya (polaritas {polaritas}); tetap disimpan")
        utama = _ya(sel.get("utama"))
        sumber = teks(sel["sumber"][0]) if "sumber" in sel else self.sumber_bawaan
        tingkat = (teks(sel["tingkat"][0]) or "sasaran").lower().replace(" ", "_") if "tingkat" in sel else "sasaran"
        if "tingkat" not in sel and "kode" in sel and level_kode(teks(sel["kode"][0])) in ("program", "kegiatan", "sub_kegiatan"):
            tingkat = level_kode(teks(sel["kode"][0]))  # the Renja form: indicators of programs and kegiatan
        if tingkat not in TINGKAT_INDIKATOR:
            self.masalah("galat", nomor, sel["tingkat"][1], sel["tingkat"][0], f"tingkat indikator tidak dikenal. Pilihan: {', '.join(TINGKAT_INDIKATOR)}")
            return None
        return {
            "instansi": inst, "tahun": th, "sasaran": sasaran, "indikator": ind, "tingkat": tingkat,
            "satuan": teks(sel["satuan"][0]) if "satuan" in sel else (t.satuan or r.satuan or ("%" if t.persen or r.persen else None)),
            "polaritas": polaritas,
            "target": t.nilai, "target_teks": t_teks, "target_predikat": t.predikat,
            "realisasi": r.nilai, "realisasi_teks": r_teks, "realisasi_predikat": r.predikat,
            "capaian": hc.nilai, "capaian_alasan": hc.alasan,
            "capaian_dilaporkan": c.nilai, "capaian_dilaporkan_teks": c_teks,
            **tw,
            "tema": tema, "utama": utama, "sumber": sumber,
            "catatan": teks(sel["catatan"][0]) if "catatan" in sel else None,
            "polaritas_dari": polaritas_dari, "_baris": nomor,
            "_kode": teks(sel["kode"][0]) if "kode" in sel else "",
            "_kolom_indikator": f"{huruf_kolom(sel['indikator'][1].indeks)} ({sel['indikator'][1].judul})",
        }

