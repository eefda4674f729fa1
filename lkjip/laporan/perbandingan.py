"""Tables of the comparison report across agencies and years (for Bappeda or a province).

Ranking, category distribution, agency x theme matrix and serapan per national program, each computed in the
database (lkjip.store.agregat, as the pages), with the years and the number of indicators behind every agency's figure.
"""
from __future__ import annotations

import pandas as pd

from .. import analisis, checks, measures
from ..store import agregat
from ..numbers import format_angka
from ..vocab import TEMA
from .model import Kolom, Tabel


def _batas(batas: float | None) -> str:
    return f"setiap capaian dibatasi {format_angka(batas)}% saat dirata-rata" if batas else "capaian dirata-rata tanpa batas"


def peringkat(r: pd.DataFrame, batas: float | None, temuan: pd.DataFrame) -> Tabel:
    """``r``: the agencies' summary (agregat.ringkasan_instansi); ``temuan``: the reconciliation findings of the same
    choice counted per agency (checks.jumlah_per_instansi)."""
    data = r[["peringkat", "instansi", "tahun_data", "jumlah_indikator", "rata_capaian", "dibatasi", "pagu", "realisasi",
              "serapan", "efisiensi_selisih"]].copy()
    data["temuan"] = data["instansi"].map(temuan.set_index("instansi")["jumlah"]).fillna(0).astype(int)
    beda_n = data["jumlah_indikator"].nunique() > 1
    kalimat = (f"{len(data)} instansi diurutkan menurut rata-rata capaian ({_batas(batas)}). "
               f"Jumlah indikator per instansi {format_angka(data['jumlah_indikator'].min(), 0)}–"
               f"{format_angka(data['jumlah_indikator'].max(), 0)}" if len(data) else "Tidak ada instansi.")
    if len(data) and beda_n:
        kalimat += "; rata-rata atas sedikit indikator kurang sebanding dengan rata-rata atas banyak indikator."
    elif len(data):
        kalimat += "."
    if len(data) and data["tahun_data"].nunique() > 1:
        kalimat += " Tahun data berbeda antarinstansi (kolom Tahun data)."
    if len(data) and data["temuan"].sum():
        kalimat += (f" {int(data['temuan'].sum())} temuan kecocokan angka pada laporan-laporan ini (lihat draf Bab III "
                    "tiap instansi atau halaman Kualitas data); angka di sini hasil hitungan ulang.")
    return Tabel(kunci="peringkat", judul="Peringkat Rata-rata Capaian Kinerja", data=data, kalimat=kalimat, lanskap=True,
                 sumber="Basis data Dasbor LKjIP",
                 kolom=[Kolom("peringkat", "Peringkat", "bulat", lebar=0.8), Kolom("instansi", "Instansi", lebar=2.6),
                        Kolom("tahun_data", "Tahun data", lebar=1.3), Kolom("jumlah_indikator", "Jumlah indikator", "bulat", lebar=0.9),
                        Kolom("rata_capaian", "Rata-rata capaian (%)", "persen", lebar=1), Kolom("dibatasi", "Dibatasi", "bulat", lebar=0.8),
                        Kolom("pagu", "Pagu (Rp)", "rupiah", lebar=1.6), Kolom("realisasi", "Realisasi (Rp)", "rupiah", lebar=1.6),
                        Kolom("serapan", "Serapan (%)", "persen", lebar=0.9),
                        Kolom("efisiensi_selisih", "Efisiensi selisih (poin)", "angka", lebar=1),
                        Kolom("temuan", "Temuan kecocokan angka", "bulat", lebar=0.9)])


def distribusi_kategori(r: pd.DataFrame, batas: float | None) -> Tabel:
    kat = list(measures.KATEGORI)
    data = r[["instansi", "jumlah_indikator", *kat]].sort_values("instansi").reset_index(drop=True)
    total = {k: int(data[k].sum()) for k in kat}
    kalimat = (f"{int(data['jumlah_indikator'].sum())} capaian indikator: "
               + ", ".join(f"{v} {k}" for k, v in total.items()) + f". {measures.RUMUS_KATEGORI}")
    return Tabel(kunci="kategori", judul="Sebaran Kategori Capaian Indikator", data=data, kalimat=kalimat, lanskap=True,
                 sumber="Basis data Dasbor LKjIP",
                 kolom=[Kolom("instansi", "Instansi", lebar=2.6), Kolom("jumlah_indikator", "Jumlah indikator", "bulat", lebar=1),
                        *[Kolom(k, k, "bulat", lebar=1) for k in kat]])


def matriks_tema(m: pd.DataFrame, n: int, batas: float | None) -> Tabel:
    """``m``: agency x theme averages (agregat.matriks_tema); ``n``: the capaian behind them."""
    data = m.reset_index() if len(m) else pd.DataFrame(columns=["instansi"])
    tema = [t for t in m.columns] if len(m) else []
    kolom = [Kolom("instansi", "Instansi", lebar=2.4)] + [Kolom(t, TEMA.get(t, t), "persen", lebar=1) for t in tema]
    sel = int(m.notna().sum().sum()) if len(m) else 0
    kalimat = (f"Rata-rata capaian per instansi dan tema ({_batas(batas)}); {sel} sel terisi dari "
               f"{n} capaian indikator. Sel '–' berarti instansi itu tidak memiliki "
               "indikator bertema tersebut, bukan capaian nol.")
    return Tabel(kunci="tema", judul="Matriks Capaian Instansi × Tema", data=data, kolom=kolom, kalimat=kalimat,
                 lanskap=True, sumber="Basis data Dasbor LKjIP")


def serapan_program(s: pd.DataFrame) -> Tabel:
    """``s``: program-level serapan per agency-year (agregat.serapan_program)."""
    data = s.sort_values(["program", "instansi", "tahun"]).reset_index(drop=True)
    kalimat = (f"{len(data)} baris program dari {data['instansi'].nunique() if len(data) else 0} instansi, menurut nomenklatur "
               "program nasional urusan sosial (1.06). Serapan = realisasi / pagu × 100; pagu yang tercetak tidak "
               "terbaca tidak ikut dijumlah, sehingga serapannya kosong.")
    return Tabel(kunci="program", judul="Serapan Anggaran per Program", data=data, kalimat=kalimat, lanskap=True,
                 sumber="Tabel anggaran utama setiap LKjIP",
                 kolom=[Kolom("program", "Program", lebar=3), Kolom("instansi", "Instansi", lebar=2.2),
                        Kolom("tahun", "Tahun", "tahun", lebar=0.7), Kolom("pagu", "Pagu (Rp)", "rupiah", lebar=1.6),
                        Kolom("realisasi", "Realisasi (Rp)", "rupiah", lebar=1.6), Kolom("serapan", "Serapan (%)", "persen", lebar=0.9)])


def tabel_perbandingan(store, instansi: list[str] | None, tahun: list[int] | None, batas: float | None) -> list[Tabel]:
    """The four tables of the comparison report for a choice (None = all): ranking and categories on each agency's
    latest report year, the theme matrix and program serapan over every chosen year."""
    r = agregat.ringkasan_instansi(store, instansi, tahun, None, batas, "terakhir", analisis.MIN_INDIKATOR_PERINGKAT)
    return [peringkat(r, batas, checks.jumlah_per_instansi(store, instansi, tahun)), distribusi_kategori(r, batas),
            matriks_tema(agregat.matriks_tema(store, instansi, tahun, None, batas, "semua"),
                         agregat.jumlah_capaian_tema(store, instansi, tahun), batas),
            serapan_program(agregat.serapan_program(store, instansi, tahun, "semua"))]
