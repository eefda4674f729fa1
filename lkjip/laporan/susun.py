"""Assemble the drafts from the store: Bab III of one agency-year, and the comparison report.

``bab3(store, instansi, tahun)`` and ``perbandingan(store, instansi, tahun)`` return a ``Laporan``
(sections, numbered tables, notes) that the DOCX and XLSX writers and the page all render.
"""
from __future__ import annotations

import pandas as pd

from .. import checks, measures
from ..numbers import format_angka, format_persen
from ..store import agregat
from . import anggaran, sumber, tabel
from .model import Bagian, CatatanIndikator, Laporan, Tabel, format_sel
from .perbandingan import tabel_perbandingan


class GalatLaporan(Exception):
    """The draft cannot be made for this choice (message in Bahasa Indonesia, for the user)."""


PENGANTAR = (
    "Draf ini disusun otomatis dari basis data Dasbor LKjIP. Capaian dan serapan dihitung ulang dari target, "
    "realisasi, pagu dan realisasi anggaran yang tercetak; bila angka tercetak berbeda, draf memakai hitungan "
    "ulang dan mencantumkan perbedaannya di Lampiran \u201cCatatan kecocokan angka\u201d. Kalimat di bawah tabel "
    "hanya menyebut fakta tabel; analisis penyebab, faktor pendukung/penghambat dan tindak lanjut diisi oleh instansi."
)
PENGANTAR_PERBANDINGAN = (
    "Laporan ini disusun otomatis dari basis data Dasbor LKjIP. Capaian dan serapan dihitung ulang dari angka "
    "tercetak setiap LKjIP; perbedaan dengan angka tercetak dirinci di draf Bab III tiap instansi (Lampiran "
    "\u201cCatatan kecocokan angka\u201d) dan di halaman Kualitas data. Kalimat di bawah tabel hanya menyebut fakta tabel."
)
JUDUL_PERBANDINGAN = ("A. Peringkat", "B. Sebaran kategori capaian", "C. Capaian per tema", "D. Serapan anggaran per program")
BELUM_DICATAT = "[Belum dicatat — isi {jenis} untuk indikator ini.]"


def _nomori(lap: Laporan, awalan: str = "3", lampiran: tuple[str, ...] = ("kecocokan",)) -> Laporan:
    n = l = 0
    for t in lap.semua_tabel():
        if t.kunci in lampiran:
            l += 1
            t.nomor = f"L.{l}"
        else:
            n += 1
            t.nomor = f"{awalan}.{n}" if awalan else str(n)
    return lap


def tahun_instansi(store, instansi: str) -> list[int]:
    """The years for which the agency has indicators or budget lines."""
    th = store.baca("SELECT DISTINCT t.tahun FROM ringkas_tahun t JOIN instansi i ON i.id = t.instansi_id "
                    "WHERE i.nama = ? AND t.tabel IN ('indikator', 'anggaran') ORDER BY 1", [instansi])
    return [int(x) for x in th["tahun"]]


def _pastikan(store, instansi: str, tahun: int) -> None:
    ada = list(store.daftar_instansi()["nama"])
    if instansi not in ada:
        raise GalatLaporan(f"instansi '{instansi}' tidak ada di basis data. Yang ada: {', '.join(ada) or '(kosong)'}")
    daftar = tahun_instansi(store, instansi)
    if int(tahun) not in daftar:
        raise GalatLaporan(f"{instansi} tidak memiliki data tahun {tahun}. Tahun yang ada: "
                           f"{', '.join(map(str, daftar)) or '(tidak ada)'}")


def _satuan_jumlah(satuan) -> bool:
    """A unit worth writing after a figure (KPM, orang, unit), not a percentage or a score."""
    return isinstance(satuan, str) and satuan.strip().lower() not in ("", "%", "persen", "nilai", "indeks", "predikat")


def catatan_per_indikator(t_ukur: Tabel, catatan: pd.DataFrame) -> list[CatatanIndikator]:
    """One entry per indicator of the measurement table: its facts, and its notes or placeholders."""
    hasil = []
    for r in t_ukur.data.itertuples(index=False):
        fakta = (f"Target {format_sel(r.target, 'nilai')}, realisasi {format_sel(r.realisasi, 'nilai')}"
                 f"{' ' + r.satuan if _satuan_jumlah(r.satuan) else ''}, capaian "
                 f"{format_persen(r.capaian) if r.capaian is not None and r.capaian == r.capaian else '–'}"
                 f"{' (' + r.kategori + ')' if isinstance(r.kategori, str) else ''}.")
        c = catatan[catatan["indikator"] == r.indikator] if len(catatan) else catatan
        isi = {j: [str(x) for x in c.loc[c["jenis"] == j, "isi"]] if len(c) else [] for j in sumber.JENIS_CATATAN}
        hasil.append(CatatanIndikator(indikator=r.indikator, fakta=fakta, isi=isi))
    return hasil


def bab3(store, instansi: str, tahun: int, batas: float | None = measures.BATAS_RATA_RATA_BAWAAN) -> Laporan:
    """The Bab III (Akuntabilitas Kinerja) draft of one agency-year."""
    tahun = int(tahun)
    _pastikan(store, instansi, tahun)
    sendiri = store.indikator([instansi])  # every year of this agency: the trend over years
    ang = store.anggaran([instansi])
    renstra = store.tabel("renstra", [instansi])
    temuan = checks.temuan(store, [instansi], [tahun])
    catatan = sumber.catatan_indikator(store, instansi, tahun)

    t_ukur = tabel.pengukuran_kinerja(sendiri, instansi, tahun, batas)
    if not len(t_ukur.data) and not len(ang[ang["tahun"] == tahun]):
        raise GalatLaporan(f"{instansi} tahun {tahun} tidak memiliki indikator kinerja sasaran maupun anggaran")
    t_tren = tabel.perbandingan_tahun(sendiri, instansi, tahun)
    t_renstra = tabel.kemajuan_renstra(sendiri, renstra, instansi, tahun)
    t_banding = tabel.pembanding_instansi(sendiri, sumber.nilai_pembanding(store, tahun, batas), instansi, tahun,
                                          sumber.kunci_pembanding(store, sendiri), lambda k: sumber.nama_pembanding(store, k), batas)
    t_efisiensi = anggaran.efisiensi(agregat.efisiensi_sasaran(store, [instansi], [tahun], None, batas), tahun)
    t_program = anggaran.program_pendukung(sendiri, ang, instansi, tahun)
    t_anggaran = anggaran.realisasi_anggaran(ang, instansi, tahun)
    t_cocok = tabel.kecocokan_angka(temuan, sumber.putusan_temuan(store, temuan))

    catatan_ind = catatan_per_indikator(t_ukur, catatan)
    belum = sum(1 for c in catatan_ind for v in c.isi.values() if not v)
    bab = [
        Bagian("3.1 Capaian Kinerja Organisasi", [
            f"Pengukuran kinerja {instansi} tahun {tahun} membandingkan target dan realisasi setiap indikator kinerja "
            f"sasaran (Perjanjian Kinerja / IKU). " + " ".join(
                measures.RUMUS_CAPAIAN[p] for p in measures.POLARITAS if p in set(t_ukur.data["polaritas"]))
            + " " + measures.RUMUS_KATEGORI,
        ], [t_ukur]),
        Bagian("Analisis per indikator: faktor pendukung, penghambat dan tindak lanjut", [
            ("Belum ada catatan penyebab dan tindak lanjut yang direkam untuk tahun ini; setiap isian di bawah masih "
             "harus diisi instansi." if belum == 3 * len(catatan_ind) else
             f"{belum} isian belum dicatat dan ditandai di bawah."),
        ], [], catatan_ind),
        Bagian("Perbandingan realisasi dan capaian dengan tahun-tahun sebelumnya", [], [t_tren]),
        Bagian("Perbandingan realisasi dengan target jangka menengah (Renstra)", [], [t_renstra]),
        Bagian("Perbandingan dengan instansi lain", [
            "PermenPAN-RB 53/2014 meminta perbandingan dengan standar nasional atau instansi lain. Tabel berikut "
            "menempatkan capaian instansi di antara instansi lain yang ada di basis data pada tahun yang sama.",
        ], [t_banding]),
        Bagian("Efisiensi penggunaan sumber daya", [
            "Efisiensi membandingkan capaian sasaran dengan serapan anggaran program yang mendukungnya, "
            "sesuai tautan sasaran–program yang dicetak laporan.",
        ], [t_efisiensi]),
        Bagian("Program dan kegiatan yang mendukung pencapaian sasaran", [], [t_program]),
        Bagian("3.2 Realisasi Anggaran", [], [t_anggaran]),
        Bagian("Lampiran. Catatan kecocokan angka", [], [t_cocok], halaman_baru=True),
    ]
    lap = Laporan(judul="BAB III AKUNTABILITAS KINERJA",
                  subjudul=f"{instansi} — Tahun {tahun} (draf)", bab=bab, catatan_umum=[PENGANTAR])
    return _nomori(lap)


def perbandingan(store, instansi: list[str] | None = None, tahun: list[int] | None = None,
                 batas: float | None = measures.BATAS_RATA_RATA_BAWAAN) -> Laporan:
    """The comparison report across the chosen agencies and years (all when None)."""
    ada = list(store.daftar_instansi()["nama"])
    if instansi:
        tidak = [i for i in instansi if i not in ada]
        if tidak:
            raise GalatLaporan(f"instansi tidak ditemukan: {', '.join(tidak)}. Yang ada: {', '.join(ada) or '(kosong)'}")
    tabel_tabel = tabel_perbandingan(store, instansi or None, tahun or None, batas)  # aggregates: no row is read
    if not any(len(t.data) for t in tabel_tabel):
        raise GalatLaporan("tidak ada data untuk pilihan instansi dan tahun ini")
    pilih_i = ", ".join(instansi) if instansi else f"semua instansi ({len(ada)})"
    pilih_t = ", ".join(map(str, sorted(tahun))) if tahun else "semua tahun"
    bab = [Bagian(judul, [], [t]) for judul, t in zip(JUDUL_PERBANDINGAN, tabel_tabel)]
    lap = Laporan(judul="LAPORAN PERBANDINGAN KINERJA DINAS SOSIAL",
                  subjudul=f"{pilih_i} — {pilih_t} (draf)", bab=bab,
                  catatan_umum=[PENGANTAR_PERBANDINGAN,
                                f"Setiap capaian dibatasi {format_angka(batas)}% saat dirata-rata." if batas else
                                "Capaian dirata-rata tanpa batas.",
                                "Jumlah indikator dan tahun data setiap instansi dicantumkan: instansi dengan sedikit "
                                "indikator atau tahun yang berbeda tidak sepenuhnya sebanding."])
    return _nomori(lap, awalan="")


