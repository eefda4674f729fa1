"""Bab III budget tables for one agency-year: efficiency per sasaran, the programs behind each sasaran,
budget realisation. Pure functions, DataFrames in, ``Tabel`` out; serapan and efficiency from
lkjip.measures / lkjip.analisis. A misprinted amount is shown as printed, never guessed.
"""
from __future__ import annotations

import pandas as pd

from .. import analisis, measures
from ..numbers import format_persen, format_rupiah
from ..vocab import LABEL_LEVEL
from .model import Kolom, Tabel, kosong
from .tabel import _beda_tercetak, _f, indikator_tahun

_INDEN = "\u2003"  # em space: indentation of kegiatan / sub kegiatan under their program


# --- efficiency per sasaran -------------------------------------------------------------------------
def efisiensi(e: pd.DataFrame, tahun: int) -> Tabel:
    """``e``: the agency-year's efficiency per sasaran (agregat.efisiensi_sasaran, as analisis.efisiensi_sasaran)."""
    e = e[e["jumlah_indikator"] > 0].reset_index(drop=True)
    e.insert(0, "no", range(1, len(e) + 1))
    tertaut = e[e["tautan"]]
    kalimat = (f"{len(tertaut)} dari {len(e)} sasaran memiliki tautan ke baris anggaran dalam laporan; sasaran tanpa "
               "tautan tidak dihitung efisiensinya (tidak ada tautan yang dikarang). Tiga cara dihitung berdampingan, "
               "tidak satu pun sebagai angka resmi: selisih = capaian − serapan (> 0 efisien); rasio = capaian / serapan "
               "(> 1 efisien); nilai gaya NKA Kemenkeu (PMK 214/2017, PMK 22/2021), 0–100.")
    if len(tertaut):
        kalimat += f" Selisih positif pada {int((tertaut['efisiensi_selisih'] > 0).sum())} dari {len(tertaut)} sasaran tertaut."
    return Tabel(kunci="efisiensi", judul=f"Efisiensi Penggunaan Sumber Daya per Sasaran Tahun {tahun}", data=e, kalimat=kalimat,
                 lanskap=True, sumber=", ".join(dict.fromkeys(e["sumber_anggaran"].dropna())),
                 kolom=[Kolom("no", "No", "bulat", lebar=0.5), Kolom("sasaran", "Sasaran", lebar=3.2),
                        Kolom("rata_capaian", "Rata-rata capaian (%)", "persen", lebar=1),
                        Kolom("pagu", "Pagu (Rp)", "rupiah", lebar=1.5), Kolom("realisasi", "Realisasi (Rp)", "rupiah", lebar=1.5),
                        Kolom("serapan", "Serapan (%)", "persen", lebar=0.9),
                        Kolom("efisiensi_selisih", "Efisiensi selisih (poin)", "angka", lebar=1),
                        Kolom("efisiensi_rasio", "Efisiensi rasio", "rasio", lebar=0.9),
                        Kolom("nilai_nka", "Nilai efisiensi gaya NKA", "angka", lebar=1)])


# --- the programs behind each sasaran ---------------------------------------------------------------
def program_pendukung(ind: pd.DataFrame, ang: pd.DataFrame, instansi: str, tahun: int) -> Tabel:
    """Per sasaran, the program / kegiatan / sub kegiatan lines the report names as supporting it.

    Of the report's tables that link budget lines to a sasaran, the one with the most lines carrying both
    pagu and realisasi (then the main table) is shown; a sasaran with no link says so.
    """
    sasaran = list(dict.fromkeys(indikator_tahun(ind, instansi, tahun)["sasaran"].dropna()))
    a = ang[(ang["instansi"] == instansi) & (ang["tahun"] == tahun) & ang["sasaran"].notna()].copy() if len(ang) else ang
    pilihan: dict[str, str] = {}
    if len(a):
        a["kunci"] = analisis._kunci_teks(a["sasaran"])
        a["lengkap"] = a["pagu"].notna() & a["realisasi"].notna()
        # per sasaran, the source with the most complete lines, then the main table, then the most lines (ties: the
        # first source by name, the sort being stable)
        g = (a.groupby(["kunci", "sumber"]).agg(lengkap=("lengkap", "sum"), utama=("utama", "max"), n=("id", "size"))
             .reset_index().sort_values(["kunci", "lengkap", "utama", "n"], ascending=[True, False, False, False]))
        pilihan = dict(zip(*g.drop_duplicates("kunci")[["kunci", "sumber"]].to_numpy().T))
    # the chosen source's lines of each sasaran, in printed order, read in one pass
    per_kunci: dict[str, list] = {}
    if pilihan:
        dipilih = a[[pilihan.get(k) == s for k, s in zip(a["kunci"].tolist(), a["sumber"].tolist())]]
        for r in dipilih.sort_values("urutan", kind="stable").itertuples(index=False):
            per_kunci.setdefault(r.kunci, []).append(r)
    dalam = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
    baris, tanpa, sumber = [], 0, []
    for i, (s, kunci) in enumerate(zip(sasaran, analisis._kunci_teks(pd.Series(sasaran, dtype=object))), start=1):
        pilih = pilihan.get(kunci)
        if pilih is None:
            tanpa += 1
            baris.append({"no": i, "sasaran": s, "uraian": "tidak ada tautan ke anggaran dalam laporan", "level": None,
                          "pagu": None, "realisasi": None, "serapan": None, "sumber": None})
            continue
        sumber.append(pilih)
        for r in per_kunci[kunci]:
            baris.append({"no": i, "sasaran": s, "uraian": _INDEN * dalam.get(r.level, 0) + str(r.uraian),
                          "level": LABEL_LEVEL.get(r.level, r.level), "pagu": _jumlah(r.pagu, r.pagu_teks),
                          "realisasi": _jumlah(r.realisasi, r.realisasi_teks),
                          "serapan": measures.serapan(_f(r.pagu), _f(r.realisasi)).nilai, "sumber": pilih})
    data = pd.DataFrame(baris, columns=["no", "sasaran", "uraian", "level", "pagu", "realisasi", "serapan", "sumber"])
    kalimat = (f"Program, kegiatan dan sub kegiatan yang dicetak laporan sebagai pendukung {len(sasaran) - tanpa} dari "
               f"{len(sasaran)} sasaran ({len(data) - tanpa} baris anggaran); serapan dihitung ulang dari realisasi / pagu.")
    if tanpa:
        kalimat += f" {tanpa} sasaran tanpa tautan ke anggaran dalam laporan: tidak ada tautan yang dikarang."
    return Tabel(kunci="program", judul=f"Program dan Kegiatan Pendukung Sasaran Tahun {tahun}", data=data, kalimat=kalimat,
                 lanskap=True, gabung=("no", "sasaran"), sumber=", ".join(dict.fromkeys(sumber)),
                 kolom=[Kolom("no", "No", "bulat", lebar=0.5), Kolom("sasaran", "Sasaran", lebar=2.6),
                        Kolom("level", "Level", lebar=0.9), Kolom("uraian", "Program / Kegiatan / Sub Kegiatan", lebar=3.6),
                        Kolom("pagu", "Pagu (Rp)", "rupiah", lebar=1.5), Kolom("realisasi", "Realisasi (Rp)", "rupiah", lebar=1.5),
                        Kolom("serapan", "Serapan (%)", "persen", lebar=0.9)])


# --- budget realisation ----------------------------------------------------------------------------
def _jumlah(v, teks):
    if not kosong(v):
        return float(v)
    if isinstance(teks, str) and teks.strip():
        return f"{teks.strip()} (salah cetak)"
    return None


def realisasi_anggaran(ang: pd.DataFrame, instansi: str, tahun: int) -> Tabel:
    """The agency-year's main budget table (program, kegiatan, sub kegiatan ...) line by line, in printed order."""
    df = analisis.pohon_anggaran(ang, instansi, tahun) if len(ang) else ang
    baris = []
    dalam = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
    for r in df.itertuples(index=False):
        hasil = measures.serapan(_f(r.pagu), _f(r.realisasi))
        beda = not kosong(r.serapan_dilaporkan) and _beda_tercetak(r.serapan_dilaporkan_teks, r.serapan_dilaporkan, hasil.nilai, False)
        if kosong(r.pagu) and isinstance(r.pagu_teks, str) and r.pagu_teks.strip():
            ket = "pagu tercetak tidak terbaca; serapan tidak dihitung (lihat Lampiran)"
        elif kosong(r.realisasi) and isinstance(r.realisasi_teks, str) and r.realisasi_teks.strip():
            ket = "realisasi tercetak tidak terbaca; serapan tidak dihitung (lihat Lampiran)"
        elif beda:
            ket = "serapan tercetak berbeda dari hitungan ulang (lihat Lampiran)"
        else:
            ket = ""
        baris.append({"level": LABEL_LEVEL.get(r.level, r.level), "kode": r.kode,
                      "uraian": _INDEN * dalam.get(r.level, 0) + str(r.uraian), "pagu": _jumlah(r.pagu, r.pagu_teks),
                      "realisasi": _jumlah(r.realisasi, r.realisasi_teks), "serapan": hasil.nilai,
                      "serapan_tercetak": _f(r.serapan_dilaporkan), "beda": beda, "keterangan": ket, "id": r.id})
    data = pd.DataFrame(baris, columns=["level", "kode", "uraian", "pagu", "realisasi", "serapan", "serapan_tercetak",
                                        "beda", "keterangan", "id"])
    tot = analisis.anggaran_instansi(ang[(ang["instansi"] == instansi) & (ang["tahun"] == tahun)]) if len(ang) else pd.DataFrame()
    if len(tot):
        t = tot.iloc[0]
        dasar = "baris total tercetak" if t["dasar"] == "total" else f"jumlah baris {LABEL_LEVEL.get(t['dasar'], t['dasar']).lower()}"
        kalimat = (f"Pagu {format_rupiah(_f(t['pagu']))}, realisasi {format_rupiah(_f(t['realisasi']))}, serapan "
                   f"{format_persen(_f(t['serapan']))} ({dasar}). Serapan dihitung ulang dari realisasi / pagu; "
                   f"{int(data['beda'].sum())} serapan tercetak berbeda.")
    else:
        kalimat = f"Tidak ada tabel anggaran dengan pagu dan realisasi untuk tahun {tahun}."
    tidak_terbaca = sum(isinstance(v, str) for v in pd.concat([data["pagu"], data["realisasi"]]))
    if tidak_terbaca:
        kalimat += f" {tidak_terbaca} angka tercetak tidak terbaca ditampilkan apa adanya dan tidak ditebak."
    kolom = [Kolom("level", "Level", lebar=1), Kolom("uraian", "Program / Kegiatan / Sub Kegiatan", lebar=4),
             Kolom("pagu", "Pagu (Rp)", "rupiah", lebar=1.6), Kolom("realisasi", "Realisasi (Rp)", "rupiah", lebar=1.6),
             Kolom("serapan", "Serapan (%)", "persen", lebar=0.9), Kolom("serapan_tercetak", "Serapan tercetak (%)", "persen", lebar=0.9),
             Kolom("keterangan", "Keterangan", lebar=2)]
    if data["kode"].notna().any():
        kolom.insert(1, Kolom("kode", "Kode", lebar=1))
    return Tabel(kunci="anggaran", judul=f"Realisasi Anggaran {instansi} Tahun {tahun}", data=data, kolom=kolom,
                 kalimat=kalimat, lanskap=True, sumber=", ".join(dict.fromkeys(df["sumber"].dropna())) if len(df) else "")
