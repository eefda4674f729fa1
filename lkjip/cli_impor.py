"""Command line: ``import`` (one file at a time, or all-or-nothing with ``--atomik``) and ``profil``."""
from __future__ import annotations

import sys
from pathlib import Path

from .bawaan import buka
from .cli_umum import GalatPengguna, pengguna_cli
from .ingest import GalatBerkas, Pratinjau, cuplikan
from .ingest.simpan import GalatImpor, simpan
from .numbers import format_persen


def _cetak_pratinjau(p: Pratinjau, keluar) -> None:
    from .ingest.ringkasan import teks_pratinjau

    for baris in teks_pratinjau(p):
        print(baris, file=keluar)
    contoh = cuplikan(p, 10)
    if len(contoh):
        print(f"  Baris indikator yang akan ditulis ({len(contoh)} pertama; capaian dihitung ulang | tercetak):", file=keluar)
        for r in contoh.itertuples(index=False):
            sasaran = f"{r.sasaran[:40]}… | " if isinstance(r.sasaran, str) and len(r.sasaran) > 40 else (f"{r.sasaran} | " if isinstance(r.sasaran, str) else "")
            print(f"    {r.instansi} | {r.tahun} | {sasaran}{r.indikator} | target {r.target_teks or '–'} | "
                  f"realisasi {r.realisasi_teks or '–'} | {r.polaritas} | capaian {format_persen(r.capaian)} | "
                  f"tercetak {r.capaian_dilaporkan_teks or '–'}", file=keluar)
    for tingkat in ("galat", "peringatan", "info"):
        daftar = [m for m in p.masalah if m.tingkat == tingkat]
        if daftar:
            print(f"  {tingkat.upper()} ({len(daftar)}):", file=keluar)
            for m in daftar[:50]:
                print(f"    - {m.teks()}", file=keluar)
            if len(daftar) > 50:
                print(f"    … dan {len(daftar) - 50} lagi", file=keluar)


def _gabung(pratinjau: list[Pratinjau]) -> Pratinjau:
    """Several previews as one (for --atomik: one transaction, one entry in the import log)."""
    import hashlib
    from dataclasses import replace

    import pandas as pd

    pemilik: dict[tuple, str] = {}
    for p in pratinjau:
        for k in p.kunci():
            if k in pemilik and pemilik[k] != p.nama_file:
                raise GalatPengguna(f"{pemilik[k]} dan {p.nama_file} sama-sama berisi {k[0]} {k[1]} {k[2] or ''}".rstrip()
                                    + " dalam satu impor --atomik. Tidak ada berkas yang ditulis. Gabungkan atau pisahkan impornya.")
            pemilik[k] = p.nama_file
    g = Pratinjau(nama_file=" + ".join(p.nama_file for p in pratinjau),
                  sha256=hashlib.sha256("".join(p.sha256 for p in pratinjau).encode()).hexdigest())
    for p in pratinjau:
        g.lembar.extend(p.lembar)
        g.masalah.extend(replace(m, lembar=f"{p.nama_file}: {m.lembar}" if m.lembar else p.nama_file) for m in p.masalah)
    for nama in {n for p in pratinjau for n in p.tabel}:
        bagian = [p.tabel[nama] for p in pratinjau if nama in p.tabel and len(p.tabel[nama])]
        g.tabel[nama] = pd.concat(bagian, ignore_index=True) if bagian else pd.DataFrame()
    return g


def _laporan_impor(hasil, p: Pratinjau) -> None:
    rincian = ", ".join(f"{k} {v}" for k, v in hasil.ditulis.items())
    ganti = ", ".join(f"{k} {v}" for k, v in hasil.diganti.items())
    print(f"Impor #{hasil.impor_id} {p.nama_file}: ditulis {rincian}" + (f"; diganti {ganti}" if ganti else ""))
    tahun = sorted({f"{inst} {th}" if th else inst for _, inst, th in p.kunci()})
    if tahun:
        print(f"  instansi-tahun: {', '.join(tahun)}")
    for m in p.masalah:
        if m.tingkat == "peringatan":
            print(f"  peringatan: {m.teks()}")


def _ringkas(p: Pratinjau) -> Pratinjau:
    """What an --atomik import must keep of a file's preview until the commit: its rows and problems.
    The rest (tables found, header cells, sample rows, decisions) is what the preview page shows, and
    it is dropped so that a batch of files does not hold every preview at once."""
    return Pratinjau(nama_file=p.nama_file, sha256=p.sha256, tabel=p.tabel,
                     masalah=[m for m in p.masalah if m.tingkat != "info"], format_asli=p.format_asli, profil=p.profil)


def cmd_import(a) -> int:
    """One file at a time: read (in a guarded worker process), check, commit, forget, then the next file,
    so that memory holds one file's preview, not the batch's. Without --atomik every file is its own
    import and a refusal names the files already committed; with --atomik every file is read and checked
    first (keeping only its rows) and all of them are committed in one transaction, or none."""
    from .ingest.penjaga import pratinjau_berkas_terjaga
    from .ingest.profil import GalatProfil, kandidat_profil, tandai_dipakai

    kw = {}
    if a.profil:  # the file is matched against the profile inside the guarded reader
        with buka(a.db) as store:
            try:
                kw = {"profil_kandidat": kandidat_profil(store, a.profil), "profil_wajib": True}
            except GalatProfil as e:
                raise GalatPengguna(str(e)) from None
    banyak = len(a.files) > 1

    def baca(f, akibat: str) -> Pratinjau:
        try:
            return pratinjau_berkas_terjaga(f, instansi=a.instansi, tahun=a.tahun, simpan_salah_cetak=a.keep_malformed, **kw)
        except GalatBerkas as e:
            raise GalatPengguna(f"{e}{akibat}") from None

    if a.dry_run:
        ada_galat = False
        for f in a.files:
            p = baca(f, "")
            _cetak_pratinjau(p, sys.stdout)
            ada_galat = ada_galat or bool(p.galat)
            del p
        print("Uji coba (--dry-run): tidak ada yang ditulis.")
        return 2 if ada_galat else 0

    def tolak_galat(p: Pratinjau, akibat: str) -> GalatPengguna:
        _cetak_pratinjau(p, sys.stderr)
        return GalatPengguna(f"{p.nama_file}: {len(p.galat)} galat, tidak ada yang ditulis{' dari berkas ini' if banyak else ''}.{akibat} "
                             f"Pertama: {p.galat[0].teks()}")

    pengguna = pengguna_cli(a.pengguna)
    if a.atomik and banyak:
        tak_satu = " Tidak ada berkas yang ditulis (--atomik: semua atau tidak sama sekali)."
        ringkas = []
        for f in a.files:  # every file read and checked before anything is written; only its rows kept
            p = baca(f, tak_satu)
            if p.galat:
                raise tolak_galat(p, tak_satu)
            ringkas.append(_ringkas(p))
            del p
        g = _gabung(ringkas)
        profil = [p.profil for p in ringkas if p.profil]
        del ringkas
        with buka(a.db) as store:
            try:
                hasil = simpan(store, g, ganti=a.replace, pengguna=pengguna)
            except GalatImpor as e:
                raise GalatPengguna(f"{e}{tak_satu}") from None
            _laporan_impor(hasil, g)
            print(f"  {len(a.files)} berkas dalam satu transaksi (--atomik).")
            for nama in profil:
                tandai_dipakai(store, nama)
            del g
            _periksa(store)
        return 0

    tersimpan: list[str] = []
    for i, f in enumerate(a.files):
        akibat = ""
        if banyak:
            sisa = ", ".join(Path(x).name for x in a.files[i:])
            akibat = (f" SUDAH TERSIMPAN sebelum penolakan ini: {', '.join(tersimpan)}. Tidak ditulis: {sisa}. (Pakai "
                      "--atomik agar semua berkas tersimpan atau tidak satu pun; impor yang sudah tersimpan dapat "
                      "dibatalkan di halaman Unggah data.)") if tersimpan else " Tidak ada berkas yang ditulis."
        p = baca(f, akibat)  # the database is not held while a file is read: the dashboard keeps reading it
        if p.galat:
            raise tolak_galat(p, akibat)
        with buka(a.db) as store:
            try:
                hasil = simpan(store, p, ganti=a.replace, pengguna=pengguna)
            except GalatImpor as e:
                raise GalatPengguna(f"{p.nama_file}: {e}{akibat}") from None
            tersimpan.append(f"{p.nama_file} (impor #{hasil.impor_id})")
            _laporan_impor(hasil, p)
            if p.profil:
                tandai_dipakai(store, p.profil)
        del p
    with buka(a.db) as store:
        _periksa(store)
    return 0


def _periksa(store) -> None:
    """Check the agencies an import touched now, in the batch, rather than at the first page view."""
    from . import checks

    n = checks.segarkan(store)  # a batch of agencies at a time (checks.simpan.PER_BAWAAN)
    print(f"Pemeriksaan rekonsiliasi diperbarui untuk {n} instansi (python -m lkjip check untuk melihatnya).")
    store.perbarui_statistik()


def cmd_profil(a) -> int:
    from .ingest.profil import GalatProfil, daftar_profil, hapus_profil

    with buka(a.db) as store:
        if a.aksi == "list":
            df = daftar_profil(store)
            if not len(df):
                print("Belum ada profil impor. Simpan satu dari pratinjau di halaman Unggah data.")
            for r in df.itertuples(index=False):
                print(f"{r.nama}\t{r.tabel} tabel\tdibuat {r.dibuat:%d-%m-%Y %H:%M}\tdipakai {r.dipakai}×")
            return 0
        if not a.nama:
            raise GalatPengguna("sebutkan nama profil yang dihapus: python -m lkjip profil delete NAMA")
        try:
            hapus_profil(store, a.nama)
        except GalatProfil as e:
            raise GalatPengguna(str(e)) from None
        print(f"Profil impor '{a.nama}' dihapus.")
    return 0
