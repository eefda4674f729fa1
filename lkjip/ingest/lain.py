"""Rows of the smaller tables: SAKIP/IKM scores, Renstra targets, printed values, the agency list."""
from __future__ import annotations

from ..numbers import Angka, parse
from ..vocab import jenis_instansi
from .model import teks


class BacaLain:
    def _baca_skor(self) -> list[dict]:
        hasil = []
        for nomor, sel, _, _ in self.baris_data():
            inst, th, ok = self.instansi_tahun(sel, nomor)
            jenis = (teks(sel["jenis"][0]) or "").lower() if "jenis" in sel else ""
            if jenis not in ("sakip", "ikm"):
                self.masalah("galat", nomor, sel.get("jenis", (None, None))[1], jenis, "jenis nilai harus 'sakip' atau 'ikm'")
                continue
            a = self.angka(sel["nilai"][0], nomor, sel["nilai"][1], boleh_predikat=True) if "nilai" in sel else Angka("")
            if not self.lengkap(inst, th, nomor):
                continue
            if ok:
                hasil.append({"instansi": inst, "tahun": th, "jenis": jenis, "nilai": a.nilai, "nilai_teks": teks(sel["nilai"][0]) if "nilai" in sel else None,
                              "predikat": teks(sel["predikat"][0]) if "predikat" in sel else a.predikat,
                              "sumber": teks(sel["sumber"][0]) if "sumber" in sel else self.sumber_bawaan,
                              "catatan": teks(sel["catatan"][0]) if "catatan" in sel else None, "_baris": nomor})
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
                jenis = (teks(sel["jenis"][0]) or "target").lower() if "jenis" in sel else "target"
                hasil.append({"instansi": inst, "sasaran": teks(sel["sasaran"][0]) if "sasaran" in sel else None,
                              "indikator": teks(sel["indikator"][0]) if "indikator" in sel else None,
                              "satuan": teks(sel["satuan"][0]) if "satuan" in sel else None, "tahun": th_k or th,
                              "jenis": jenis, "target": a.nilai, "target_teks": teks(isi["target"][0]), "target_predikat": a.predikat,
                              "sumber": teks(sel["sumber"][0]) if "sumber" in sel else self.sumber_bawaan,
                              "catatan": teks(sel["catatan"][0]) if "catatan" in sel else None, "_baris": nomor})
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
            hasil.append({"instansi": inst, "tahun": th, "lingkup": teks(sel["lingkup"][0]) if "lingkup" in sel else None,
                          "jenis": teks(sel["jenis"][0]), "nilai": a.nilai, "nilai_teks": teks(sel["nilai"][0]) if "nilai" in sel else None,
                          "sumber": teks(sel["sumber"][0]) if "sumber" in sel else self.sumber_bawaan,
                          "catatan": teks(sel["catatan"][0]) if "catatan" in sel else None, "_baris": nomor})
        return hasil

    def _baca_instansi(self) -> list[dict]:
        hasil = []
        for nomor, sel, _, _ in self.baris_data():
            nama = teks(sel["instansi"][0]) if "instansi" in sel else None
            if not nama:
                continue
            hasil.append({"instansi": nama, "jenis": teks(sel["jenis"][0]) if "jenis" in sel else jenis_instansi(nama),
                          "provinsi": teks(sel["provinsi"][0]) if "provinsi" in sel else None, "_baris": nomor})
        return hasil


