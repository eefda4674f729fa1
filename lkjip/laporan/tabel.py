"""Bab III indicator tables and the annex for one agency-year: pure functions, DataFrames in, ``Tabel`` out.

Every figure comes from lkjip.measures / lkjip.analisis (capaian, category, serapan, efficiency,
Renstra progress); this module only selects, arranges and words them. Where the report's printed
figure differs from the recomputed one, the recomputed figure is shown, the printed one beside it,
and the row says so (the annex lists the finding).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import analisis, checks, measures
from ..numbers import format_angka, format_persen
from .model import TANDA_TERCETAK, Kolom, Tabel, kosong
from .sumber import DASAR_PEMBANDING, NAMA_KUNCI_PEMBANDING

CATATAN_BATAS = "setiap capaian dibatasi {batas}% saat dirata-rata"


def _f(v) -> float | None:
    return None if kosong(v) else float(v)


def _nilai(v, predikat, teks):
    """A target or realisasi as the draft shows it: the number, the grade, both, or the misprint as printed."""
    if not kosong(v) and isinstance(predikat, str) and predikat:
        return f"{format_angka(float(v))} ({predikat})"
    if not kosong(v):
        return float(v)
    if isinstance(predikat, str) and predikat:
        return predikat
    if isinstance(teks, str) and teks.strip():
        return f"{teks.strip()} (tidak terbaca)"
    return None


def _jumlah_kategori(kategori: pd.Series) -> str:
    hitung = kategori.value_counts()
    bagian = [f"{int(hitung[k])} {k}" for k in measures.KATEGORI if k in hitung]
    return ", ".join(bagian) if bagian else "tidak ada"


def indikator_tahun(ind: pd.DataFrame, instansi: str, tahun: int) -> pd.DataFrame:
    """The agency-year's indicators of the main capaian table (IKU/PK level), in printed order."""
    df = analisis.indikator_analisis(ind[(ind["instansi"] == instansi) & (ind["tahun"] == tahun)])
    return df.sort_values("id").reset_index(drop=True)


def _beda_tercetak(teks, dilaporkan, dihitung, dari_laporan: bool) -> bool:
    """A printed figure that is not an honest rounding of the recomputed one."""
    if dari_laporan or kosong(dihitung) or (kosong(dilaporkan) and not (isinstance(teks, str) and teks.strip())):
        return False
    return not checks.cocok_dibulatkan(teks if isinstance(teks, str) and teks.strip() else dilaporkan, dihitung)


# --- Tabel 3.x: pengukuran kinerja ------------------------------------------------------------------
def pengukuran_kinerja(ind: pd.DataFrame, instansi: str, tahun: int,
                       batas: float | None = measures.BATAS_RATA_RATA_BAWAAN) -> Tabel:
    df = indikator_tahun(ind, instansi, tahun)
    urut = {s: i + 1 for i, s in enumerate(dict.fromkeys(df["sasaran"].fillna("")))}
    baris = []
    for r in df.itertuples(index=False):
        capaian = _f(r.capaian)
        beda = _beda_tercetak(r.capaian_dilaporkan_teks, r.capaian_dilaporkan, capaian, bool(r.dari_laporan))
        if bool(r.dari_laporan):
            ket = "capaian tercetak dipakai: target/realisasi tidak tercetak"
        elif capaian is None:
            ket = r.capaian_alasan or "capaian tidak dapat dihitung"
        elif beda:
            ket = "capaian tercetak berbeda dari hitungan ulang (lihat Lampiran)"
        else:
            ket = ""
        baris.append({
            "no": urut[r.sasaran if isinstance(r.sasaran, str) else ""], "sasaran": r.sasaran, "indikator": r.indikator,
            "satuan": r.satuan, "target": _nilai(r.target, r.target_predikat, r.target_teks),
            "realisasi": _nilai(r.realisasi, r.realisasi_predikat, r.realisasi_teks),
            "capaian": capaian, "dari_laporan": bool(r.dari_laporan), "capaian_tercetak": _f(r.capaian_dilaporkan),
            "beda": beda, "kategori": measures.kategori(capaian), "keterangan": ket, "tema": r.tema,
            "polaritas": r.polaritas, "id": r.id,
        })
    data = pd.DataFrame(baris, columns=["no", "sasaran", "indikator", "satuan", "target", "realisasi", "capaian",
                                        "dari_laporan", "capaian_tercetak", "beda", "kategori", "keterangan", "tema",
                                        "polaritas", "id"])
    rata = measures.rata_rata_capaian([_f(c) for c in data["capaian"]], batas)
    n_beda = int(data["beda"].sum())
    kalimat = (f"Dari {len(data)} indikator kinerja sasaran tahun {tahun}, kategori capaian: "
               f"{_jumlah_kategori(data['kategori'].dropna())}.")
    if rata.nilai is not None:
        kalimat += (f" Rata-rata capaian {format_persen(rata.nilai)} atas {rata.jumlah} indikator"
                    + (f" ({CATATAN_BATAS.format(batas=format_angka(batas))}; {rata.dibatasi} dibatasi)." if batas else "."))
    kalimat += (f" {n_beda} capaian tercetak berbeda dari hitungan ulang; draf ini memakai hitungan ulang."
                if n_beda else " Semua capaian tercetak sesuai dengan hitungan ulang (dengan pembulatan yang wajar).")
    if data["dari_laporan"].any():
        kalimat += f" {TANDA_TERCETAK} capaian tercetak, tidak dapat dihitung ulang."
    sumber = ", ".join(dict.fromkeys(df["sumber"].dropna())) if len(df) else ""
    return Tabel(
        kunci="pengukuran", judul=f"Pengukuran Kinerja {instansi} Tahun {tahun}", data=data, sumber=sumber, lanskap=True,
        gabung=("no", "sasaran"), kalimat=kalimat,
        kolom=[Kolom("no", "No", "bulat", lebar=0.5), Kolom("sasaran", "Sasaran", lebar=3), Kolom("indikator", "Indikator Kinerja", lebar=4),
               Kolom("satuan", "Satuan", lebar=0.9), Kolom("target", "Target", "nilai", lebar=1.1),
               Kolom("realisasi", "Realisasi", "nilai", lebar=1.1), Kolom("capaian", "Capaian (%)", "persen", tanda="dari_laporan", lebar=1.1),
               Kolom("capaian_tercetak", "Capaian tercetak (%)", "persen", lebar=1.1), Kolom("kategori", "Kategori", lebar=1.45),
               Kolom("keterangan", "Keterangan", lebar=1.5)],
    )


# --- this year against earlier years ---------------------------------------------------------------
def perbandingan_tahun(ind: pd.DataFrame, instansi: str, tahun: int, jumlah_tahun: int = 4) -> Tabel:
    sekarang = indikator_tahun(ind, instansi, tahun)
    semua = analisis.indikator_analisis(ind[(ind["instansi"] == instansi) & (ind["tahun"] <= tahun)])
    semua = semua[semua["indikator"].isin(sekarang["indikator"])]
    daftar_tahun = sorted(set(semua["tahun"].astype(int)))[-jumlah_tahun:]
    pertama: dict = {}  # each (indicator, year): its first row
    for x in semua[["indikator", "tahun", "realisasi", "realisasi_predikat", "realisasi_teks", "capaian",
                    "dari_laporan"]].itertuples(index=False):
        pertama.setdefault((x.indikator, int(x.tahun)), x)
    baris = []
    for i, r in enumerate(sekarang.itertuples(index=False), start=1):
        b = {"no": i, "indikator": r.indikator, "satuan": r.satuan,
             "target": _nilai(r.target, r.target_predikat, r.target_teks)}
        for th in daftar_tahun:
            x = pertama.get((r.indikator, th))
            b[f"realisasi_{th}"] = None if x is None else _nilai(x.realisasi, x.realisasi_predikat, x.realisasi_teks)
            b[f"capaian_{th}"] = None if x is None else _f(x.capaian)
            b[f"tercetak_{th}"] = False if x is None else bool(x.dari_laporan)
        baris.append(b)
    data = pd.DataFrame(baris)
    kolom = [Kolom("no", "No", "bulat", lebar=0.5), Kolom("indikator", "Indikator Kinerja", lebar=3.5),
             Kolom("satuan", "Satuan", lebar=0.9), Kolom("target", f"Target {tahun}", "nilai", lebar=1)]
    for th in daftar_tahun:
        kolom += [Kolom(f"realisasi_{th}", f"Realisasi {th}", "nilai", lebar=1),
                  Kolom(f"capaian_{th}", f"Capaian {th} (%)", "persen", tanda=f"tercetak_{th}", lebar=1)]
    kalimat = (f"Perbandingan {len(data)} indikator pada tahun {', '.join(map(str, daftar_tahun))} "
               f"(tahun yang tercatat di basis data; tahun tanpa angka tertulis '–', bukan nol).")
    if len(daftar_tahun) >= 2 and len(data):
        lalu, kini = daftar_tahun[-2], daftar_tahun[-1]
        d = data[f"capaian_{kini}"].astype(float) - data[f"capaian_{lalu}"].astype(float)
        ada = d.dropna()
        kalimat += (f" Dibanding {lalu}, capaian naik pada {int((ada > 0.005).sum())} indikator, turun pada "
                    f"{int((ada < -0.005).sum())}, tetap pada {int((ada.abs() <= 0.005).sum())}"
                    f"; {int(d.isna().sum())} tanpa angka pembanding.")
        tercetak = sum(int(data[f"tercetak_{th}"].sum()) for th in daftar_tahun)
        if tercetak:
            kalimat += f" {TANDA_TERCETAK} {tercetak} capaian diambil apa adanya dari laporan (target/realisasi tidak tercetak)."
    elif len(data):
        kalimat += " Basis data belum memuat tahun sebelumnya untuk indikator ini."
    return Tabel(kunci="tren", judul=f"Perbandingan Capaian Kinerja {instansi} Tahun {tahun} dengan Tahun Sebelumnya",
                 data=data, kolom=kolom, kalimat=kalimat, lanskap=len(daftar_tahun) >= 2,
                 sumber=", ".join(dict.fromkeys(semua["sumber"].dropna())) if len(semua) else "")


# --- realisation against the end-of-Renstra target ------------------------------------------------
def kemajuan_renstra(ind: pd.DataFrame, renstra: pd.DataFrame, instansi: str, tahun: int) -> Tabel:
    sekarang = indikator_tahun(ind, instansi, tahun)
    r = renstra[(renstra["instansi"] == instansi) & (renstra["jenis"] == "target")] if len(renstra) else renstra
    awal = renstra[(renstra["instansi"] == instansi) & (renstra["jenis"] == "kondisi_awal")] if len(renstra) else renstra
    baris = []
    for i, x in enumerate(sekarang.itertuples(index=False), start=1):
        t = r[r["indikator"] == x.indikator].sort_values("tahun") if len(r) else r
        a = awal[awal["indikator"] == x.indikator].sort_values("tahun") if len(awal) else awal
        akhir = t.iloc[-1] if len(t) else None
        b = {"no": i, "indikator": x.indikator, "satuan": x.satuan,
             "kondisi_awal": _nilai(a.iloc[0]["target"], a.iloc[0]["target_predikat"], a.iloc[0]["target_teks"]) if len(a) else None,
             "realisasi": _nilai(x.realisasi, x.realisasi_predikat, x.realisasi_teks),
             "target_akhir": None, "tahun_akhir": None, "kemajuan": None, "keterangan": ""}
        if akhir is None:
            b["keterangan"] = "target akhir Renstra tidak tercatat"
        else:
            b["target_akhir"] = _nilai(akhir["target"], akhir["target_predikat"], akhir["target_teks"])
            b["tahun_akhir"] = int(akhir["tahun"]) if not kosong(akhir["tahun"]) else None
            if x.polaritas == "ordinal":
                h = measures.capaian(_f(akhir["target"]), _f(x.realisasi), "ordinal",
                                     akhir["target_predikat"] if isinstance(akhir["target_predikat"], str) else None,
                                     x.realisasi_predikat if isinstance(x.realisasi_predikat, str) else None)
            else:
                h = measures.kemajuan_renstra(_f(x.realisasi), _f(akhir["target"]), x.polaritas)
            b["kemajuan"] = h.nilai
            b["keterangan"] = (h.alasan or "") if h.nilai is None or x.polaritas == "ordinal" else ""
        baris.append(b)
    data = pd.DataFrame(baris, columns=["no", "indikator", "satuan", "kondisi_awal", "realisasi", "target_akhir",
                                        "tahun_akhir", "kemajuan", "keterangan"])
    ada = data["kemajuan"].dropna()
    kalimat = (f"{len(ada)} dari {len(data)} indikator memiliki target akhir Renstra yang dapat dibandingkan; "
               f"{int((ada >= 100).sum())} di antaranya sudah mencapai atau melampaui target akhir pada tahun {tahun}. "
               + measures.RUMUS_KEMAJUAN_RENSTRA)
    return Tabel(kunci="renstra", judul=f"Kemajuan Capaian terhadap Target Akhir Renstra Tahun {tahun}", data=data,
                 kalimat=kalimat, lanskap=True,
                 sumber=", ".join(dict.fromkeys(r["sumber"].dropna())) if len(r) else "",
                 kolom=[Kolom("no", "No", "bulat", lebar=0.5), Kolom("indikator", "Indikator Kinerja", lebar=3.5),
                        Kolom("satuan", "Satuan", lebar=0.9), Kolom("kondisi_awal", "Kondisi awal", "nilai", lebar=1),
                        Kolom("realisasi", f"Realisasi {tahun}", "nilai", lebar=1),
                        Kolom("target_akhir", "Target akhir Renstra", "nilai", lebar=1),
                        Kolom("tahun_akhir", "Tahun akhir", "tahun", lebar=0.8),
                        Kolom("kemajuan", "Tingkat kemajuan (%)", "persen", lebar=1.1), Kolom("keterangan", "Keterangan", lebar=2)])


# --- against other agencies ------------------------------------------------------------------------
def pembanding_instansi(ind: pd.DataFrame, per: pd.DataFrame, instansi: str, tahun: int, kunci: pd.Series, nama_kunci,
                        batas: float | None = measures.BATAS_RATA_RATA_BAWAAN) -> Tabel:
    """The agency's capaian beside the quartiles of all agencies of the same year, per comparison key.

    ``ind``: the agency's indicator rows; ``kunci``: the comparison key per row of ``ind`` (NaN = not comparable);
    ``per``: every agency's value per key that year (columns kunci, instansi, nilai: the mean of its indicators'
    capaian, each capped at ``batas``; sumber.nilai_pembanding); ``nama_kunci``: key -> name.
    """
    df = analisis.indikator_analisis(ind.assign(kunci=kunci))
    df = df[(df["tahun"] == tahun) & df["kunci"].notna() & df["capaian"].notna()]
    milik = df[df["instansi"] == instansi]
    per_kunci, per_instansi, per_nilai = (per[k].to_numpy() for k in ("kunci", "instansi", "nilai"))
    baris = []
    for k in dict.fromkeys(milik.sort_values("id")["kunci"]):
        pilih = per_kunci == k
        v = per_nilai[pilih].astype(float)
        nilai = float(v[per_instansi[pilih] == instansi][0])
        q1, med, q3 = np.percentile(v, [25, 50, 75])
        peringkat = int((v > nilai + 1e-9).sum()) + 1
        baris.append({"kunci": nama_kunci(k), "indikator": "; ".join(milik.loc[milik["kunci"] == k, "indikator"]),
                      "nilai": nilai, "jumlah": len(v), "q1": q1 if len(v) > 1 else None, "median": med if len(v) > 1 else None,
                      "q3": q3 if len(v) > 1 else None, "peringkat": f"{peringkat} dari {len(v)}"})
    data = pd.DataFrame(baris, columns=["kunci", "indikator", "nilai", "jumlah", "q1", "median", "q3", "peringkat"])
    semua = per["instansi"].nunique()
    sendiri = int((data["jumlah"] == 1).sum()) if len(data) else 0
    kalimat = (f"Pembanding: {semua} instansi dengan capaian tahun {tahun} di basis data, dikelompokkan menurut "
               f"{DASAR_PEMBANDING}. Nilai tiap instansi = rata-rata capaian indikatornya dalam kelompok itu"
               + (f" ({CATATAN_BATAS.format(batas=format_angka(batas))})" if batas else "") + "; peringkat 1 = tertinggi.")
    if sendiri:
        kalimat += f" {sendiri} kelompok hanya berisi instansi ini (tanpa pembanding, kuartil tidak dihitung)."
    if not len(data):
        kalimat = f"Tidak ada indikator tahun {tahun} yang dapat dibandingkan dengan instansi lain. " + kalimat
    return Tabel(kunci="pembanding", judul=f"Perbandingan Capaian dengan Instansi Lain Tahun {tahun}", data=data, kalimat=kalimat,
                 lanskap=True, sumber="Basis data Dasbor LKjIP (LKjIP instansi pembanding)",
                 kolom=[Kolom("kunci", NAMA_KUNCI_PEMBANDING, lebar=1.8), Kolom("indikator", "Indikator instansi ini", lebar=3.5),
                        Kolom("nilai", "Capaian instansi (%)", "persen", lebar=1), Kolom("jumlah", "Jumlah instansi", "bulat", lebar=0.8),
                        Kolom("q1", "Kuartil 1 (%)", "persen", lebar=1), Kolom("median", "Median (%)", "persen", lebar=1),
                        Kolom("q3", "Kuartil 3 (%)", "persen", lebar=1), Kolom("peringkat", "Peringkat", lebar=0.9)])


# --- annex: where the printed figures do not match ---------------------------------------------------
def kecocokan_angka(temuan: pd.DataFrame, putusan: pd.Series | None = None) -> Tabel:
    t = temuan.reset_index(drop=True)
    data = pd.DataFrame({
        "no": range(1, len(t) + 1), "jenis": t["jenis"].map(lambda k: checks.JENIS.get(k, k)),
        "tingkat": t["tingkat"].map(lambda k: checks.TINGKAT.get(k, k)), "sumber": t["sumber"], "baris": t["baris"],
        "dilaporkan": pd.to_numeric(t["dilaporkan"], errors="coerce"), "dihitung": t["dihitung"], "selisih": t["selisih"],
        "penjelasan": t["penjelasan"],
        "putusan": (putusan.reset_index(drop=True) if putusan is not None else pd.Series([None] * len(t))).fillna("belum direviu"),
    })
    hitung = t["tingkat"].value_counts() if len(t) else pd.Series(dtype=int)
    kalimat = (f"{len(t)} temuan pemeriksaan kecocokan angka ("
               + ", ".join(f"{int(hitung.get(k, 0))} {v.lower()}" for k, v in checks.TINGKAT.items())
               + "). Draf ini memakai angka hasil hitungan ulang; angka tercetak dicantumkan agar dapat ditelaah. "
               "Tidak ada angka yang dikoreksi diam-diam.") if len(t) else \
        "Tidak ada temuan: semua angka tercetak yang diperiksa sesuai dengan hitungan ulang."
    return Tabel(kunci="kecocokan", judul="Catatan Kecocokan Angka", data=data, kalimat=kalimat, lanskap=True,
                 sumber="Pemeriksaan rekonsiliasi Dasbor LKjIP (python -m lkjip check)",
                 kolom=[Kolom("no", "No", "bulat", lebar=0.4), Kolom("jenis", "Jenis", lebar=1.5), Kolom("tingkat", "Tingkat", lebar=1.1),
                        Kolom("sumber", "Sumber", lebar=1.4), Kolom("baris", "Baris", lebar=1.6),
                        Kolom("dilaporkan", "Tercetak", "angka", lebar=1.45), Kolom("dihitung", "Dihitung ulang", "angka", lebar=1.45),
                        Kolom("selisih", "Selisih", "angka", lebar=1.35), Kolom("penjelasan", "Penjelasan", lebar=3.2),
                        Kolom("putusan", "Putusan reviu", lebar=0.9)])
