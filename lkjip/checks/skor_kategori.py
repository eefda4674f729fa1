"""Scores, grades and categories: the same score printed differently for one year (year labels included),
and a grade or category printed against a figure that the scale puts elsewhere."""
from __future__ import annotations

import pandas as pd

from .. import measures
from .klaim import _angka_klaim, _sumber_klaim
from .registri import pemeriksaan
from .umum import KOLOM_TEMUAN, Teks, _angka, _ids, _kosong, _tabel_saja, _temuan, gabung_sumber

_NAMA_SKOR = {"sakip": "Nilai SAKIP", "ikm": "Nilai IKM"}
_NAMA_SKOR_EN = {"sakip": "The SAKIP score", "ikm": "The IKM score"}
# Category words by rank: the Permendagri 86/2017 scale and the four-step 'berhasil' wording of Bab IV tables
_PERINGKAT_KATEGORI = {
    "sangat tinggi": 1, "tinggi": 2, "sedang": 3, "rendah": 4, "sangat rendah": 5,
    "sangat berhasil": 1, "berhasil": 2, "cukup berhasil": 3, "cukup": 3, "kurang berhasil": 4, "kurang": 4,
    "tidak berhasil": 5,
}


def _teks(v) -> str:
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).strip()


@pemeriksaan({"skor_berbeda": ("Skor atau predikat yang sama tercetak berbeda", "The same score or grade printed differently")})
def cek_skor_berbeda(skor: pd.DataFrame, klaim: pd.DataFrame) -> pd.DataFrame:
    """skor_berbeda: one agency score (SAKIP, IKM) of one year printed with a different value or grade in two
    places; a score printed under a year label (claim kind 'skor', the year as printed) that another place
    gives a different value for that year."""
    if skor.empty:
        return _kosong()
    s = skor.assign(nn=skor["nilai"].round(4), np_=skor["predikat"].fillna("").str.upper())
    hasil = []
    for (inst, th, jenis), g in s.groupby(["instansi", "tahun", "jenis"], sort=False):
        if g["sumber"].nunique() < 2:
            continue
        acuan = g.iloc[0]
        for r in g.iloc[1:].itertuples(index=False):
            beda_nilai = pd.notna(r.nn) and pd.notna(acuan["nn"]) and r.nn != acuan["nn"]
            beda_pred = r.np_ and acuan["np_"] and r.np_ != acuan["np_"]
            if not (beda_nilai or beda_pred):
                continue
            hasil.append(_temuan(
                inst, th, "skor_berbeda", "peringatan", gabung_sumber([acuan["sumber"], r.sumber]), _NAMA_SKOR.get(jenis, jenis),
                acuan["nilai"], r.nilai,
                Teks(f"{_NAMA_SKOR.get(jenis, jenis)} tahun {th} tercetak {_teks(acuan['nilai_teks']) or _angka(acuan['nilai'])} "
                     f"{_teks(acuan['predikat'])} di {_tabel_saja([acuan['sumber']])} tetapi {_teks(r.nilai_teks) or _angka(r.nilai)} "
                     f"{_teks(r.predikat)} di {_tabel_saja([r.sumber])}.",
                     f"{_NAMA_SKOR_EN.get(jenis, jenis)} for {th} is printed as {_teks(acuan['nilai_teks']) or _angka(acuan['nilai'])} "
                     f"{_teks(acuan['predikat'])} in {_tabel_saja([acuan['sumber']])} but {_teks(r.nilai_teks) or _angka(r.nilai)} "
                     f"{_teks(r.predikat)} in {_tabel_saja([r.sumber])}."), _ids([acuan["id"], r.id])))
    if not klaim.empty:
        for k in klaim[klaim["jenis"] == "skor"].itertuples(index=False):
            v = _angka_klaim(k.nilai)
            jenis = str(k.lingkup or "").strip().lower()
            lain = s[(s["instansi"] == k.instansi) & (s["tahun"] == k.tahun) & (s["jenis"] == jenis) & s["nilai"].notna()]
            lain = lain[lain["nn"] != round(v, 4)] if v is not None else lain.iloc[0:0]
            for r in lain.itertuples(index=False):
                hasil.append(_temuan(
                    k.instansi, k.tahun, "skor_berbeda", "peringatan", gabung_sumber([r.sumber, _sumber_klaim(k)]),
                    _NAMA_SKOR.get(jenis, jenis), r.nilai, v,
                    Teks(f"{_NAMA_SKOR.get(jenis, jenis)} tahun {k.tahun} tercetak {_teks(r.nilai_teks) or _angka(r.nilai)} di "
                         f"{_tabel_saja([r.sumber])}, tetapi {_sumber_klaim(k).partition(', ')[2]} mencetak {k.nilai.strip()} di bawah "
                         f"label tahun {k.tahun}.",
                         f"{_NAMA_SKOR_EN.get(jenis, jenis)} for {k.tahun} is printed as {_teks(r.nilai_teks) or _angka(r.nilai)} in "
                         f"{_tabel_saja([r.sumber])}, but {_sumber_klaim(k).partition(', ')[2]} prints {k.nilai.strip()} under the "
                         f"year label {k.tahun}."), _ids([r.id, k.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


@pemeriksaan({"kategori_tidak_sesuai": ("Predikat atau kategori tidak sesuai skalanya",
                                        "Grade or category does not match its scale")})
def cek_kategori(skor: pd.DataFrame, klaim: pd.DataFrame) -> pd.DataFrame:
    """kategori_tidak_sesuai: a SAKIP grade or IKM category printed beside a score that the scale puts in
    another band, and a capaian category (claim kind 'kategori') in another band than the capaian."""
    hasil = []
    if not skor.empty:
        for r in skor[skor["nilai"].notna() & skor["predikat"].notna()].itertuples(index=False):
            p = measures.predikat_sakip(r.nilai) if r.jenis == "sakip" else measures.kategori_ikm(r.nilai) if r.jenis == "ikm" else None
            if p is None or p.nilai_teks is None:
                continue
            dicetak = str(r.predikat).strip()
            sah = {str(p.nilai_teks).lower(), str(p.keterangan or "").lower()} - {""}
            if dicetak.lower() in sah:
                continue
            hasil.append(_temuan(
                r.instansi, r.tahun, "kategori_tidak_sesuai", "peringatan", r.sumber, _NAMA_SKOR.get(r.jenis, r.jenis), r.nilai, None,
                Teks(f"Predikat tercetak '{dicetak}' untuk nilai {_teks(r.nilai_teks) or _angka(r.nilai)}, padahal menurut skalanya "
                     f"nilai itu '{p.nilai_teks}'" + (f" ({p.keterangan})" if p.keterangan else "") + ".",
                     f"Printed grade '{dicetak}' for the score {_teks(r.nilai_teks) or _angka(r.nilai)}, but its scale puts that score at "
                     f"'{p.nilai_teks}'" + (f" ('{p.keterangan}')" if p.keterangan else "") + "."), _ids([r.id])))
    if not klaim.empty:
        for k in klaim[klaim["jenis"] == "kategori"].itertuples(index=False):
            capaian = _angka_klaim(k.operan)
            dicetak = _teks(k.nilai)
            peringkat = _PERINGKAT_KATEGORI.get(dicetak.lower())
            seharusnya = measures.kategori(capaian)
            if capaian is None or peringkat is None or seharusnya is None:
                continue
            if measures.KATEGORI.index(seharusnya) + 1 == peringkat:
                continue
            hasil.append(_temuan(
                k.instansi, k.tahun, "kategori_tidak_sesuai", "peringatan", _sumber_klaim(k), k.lingkup or k.indikator or "", capaian, None,
                Teks(f"Kategori tercetak '{dicetak}' untuk capaian {k.operan.strip()}, padahal skala capaian (Permendagri 86/2017) "
                     f"menempatkan capaian itu pada tingkat ke-{measures.KATEGORI.index(seharusnya) + 1} dari 5, '{seharusnya}', sedangkan "
                     f"'{dicetak}' adalah tingkat ke-{peringkat}.",
                     f"Printed category '{dicetak}' for an achievement of {k.operan.strip()}, but the achievement scale (Permendagri "
                     f"86/2017) puts it at level {measures.KATEGORI.index(seharusnya) + 1} of 5, '{seharusnya}', while '{dicetak}' is "
                     f"level {peringkat}."), _ids([k.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()
