"""The import pipeline: read the file -> find the tables (several per sheet) -> apply the person's
decisions (a correction or a profile) -> read and interpret the rows -> validate -> the preview.

Nothing is written here (``simpan`` commits a preview).
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pandas as pd

from ..numbers import format_angka
from . import format_lain, renja
from .anggaran import BacaAnggaran
from .berkas import GalatBerkas, Lembar, baca_dari_disk, baca_lembar
from .indikator import BacaIndikator
from .judul import NAMA_SKALA, NAMA_TW
from .keputusan import AturanTabel, Keputusan, indeks_kolom, teks_bentuk
from .lain import BacaLain
from .model import TAHUN_MAKS, TAHUN_MIN, LembarLain, LembarTerbaca, Masalah, Pratinjau, huruf_kolom, teks
from .pembaca import Pembaca
from .ringkasan import periksa_jumlah
from .tabel import KOLOM, NAMA_JENIS, Kolom, TabelDitemukan
from .temukan import _header_berikut, _awal_judul, cari_semua, tabel_dari_header, tafsir

MAKS_MASALAH_RUMUS = 20


class _Pembaca(BacaIndikator, BacaAnggaran, BacaLain, Pembaca):
    """Reads one table of any kind."""


def _masalah_rumus(p: Pratinjau, lb: Lembar, tabel: list[TabelDitemukan]) -> None:
    """Formula cells saved without a value: empty to every reader, so a figure would be lost silently."""
    if not lb.rumus_kosong:
        return
    judul = {k.indeks: k.judul for t in tabel for k in t.kolom}
    awal = min((t.baris_header[0] for t in tabel), default=None)
    dalam = [(r, c) for r, c in lb.rumus_kosong if awal is not None and r >= awal]
    if not dalam:
        p.masalah.append(Masalah("info", lb.nama, lb.rumus_kosong[0][0] + 1, huruf_kolom(lb.rumus_kosong[0][1]), None,
                                 f"{len(lb.rumus_kosong)} sel rumus tanpa nilai tersimpan di luar tabel; diabaikan"))
        return
    for r, c in dalam[:MAKS_MASALAH_RUMUS]:
        kolom = huruf_kolom(c) + (f" ({judul[c]})" if c in judul else "")
        p.masalah.append(Masalah("galat", lb.nama, r + 1, kolom, None,
                                 "rumus tanpa nilai tersimpan — buka dan simpan di Excel (berkas ini dibuat oleh program "
                                 "yang tidak menghitung rumus), lalu unggah lagi"))
    if len(dalam) > MAKS_MASALAH_RUMUS:
        p.masalah.append(Masalah("galat", lb.nama, None, None, None,
                                 f"… dan {len(dalam) - MAKS_MASALAH_RUMUS} sel rumus lain tanpa nilai tersimpan"))


def _masalah_sel_galat(p: Pratinjau, lb: Lembar, tabel: list[TabelDitemukan]) -> None:
    """Error cells (#REF!, #DIV/0!, #N/A...) are never read as blanks: each is a problem with its place."""
    judul = {k.indeks: k.judul for t in tabel for k in t.kolom}
    awal = min((t.baris_header[0] for t in tabel), default=None)
    for r, c, isi in lb.galat_sel[:MAKS_MASALAH_RUMUS]:
        dalam = awal is not None and r >= awal
        kolom = huruf_kolom(c) + (f" ({judul[c]})" if c in judul else "")
        p.masalah.append(Masalah("galat" if dalam else "peringatan", lb.nama, r + 1, kolom, isi,
                                 "sel berisi galat rumus Excel, bukan angka atau teks. Perbaiki rumusnya (atau isi nilainya) "
                                 "di Excel, simpan, lalu unggah lagi" + ("" if dalam else "; sel ini di luar tabel")))
    if len(lb.galat_sel) > MAKS_MASALAH_RUMUS:
        p.masalah.append(Masalah("galat", lb.nama, None, None, None,
                                 f"… dan {len(lb.galat_sel) - MAKS_MASALAH_RUMUS} sel galat rumus lain"))


def _terapkan(lb_nama: str, rows: list[list[object]], tabel: list[TabelDitemukan], k: Keputusan | None,
              p: Pratinjau) -> list[tuple[str, TabelDitemukan, bool]]:
    """The tables of a sheet after the person's decisions: (key, table, excluded)."""
    hasil = [[f"{lb_nama}#{n}", t, False] for n, t in enumerate(tabel, 1)]
    if not k:
        return [tuple(h) for h in hasil]
    kunci_ada = {h[0] for h in hasil}
    aturan = {kunci: a for kunci, a in k.tabel.items() if kunci.rpartition("#")[0] == lb_nama}
    turunan = _header_bentuk(hasil, aturan)
    buang = []
    for kunci, a in aturan.items():
        lama = next((h for h in hasil if h[0] == kunci), None)
        kolom = {indeks_kolom(h): b for h, b in a.kolom.items()}
        t = lama[1] if lama else None
        if a.baris_header and (not t or [h - 1 for h in a.baris_header] != t.baris_header) or a.jenis and (not t or a.jenis != t.jenis):
            hdr = [h - 1 for h in a.baris_header] if a.baris_header else t.baris_header
            baru = None
            if t is not None and t.bentuk == renja.BENTUK and (not a.jenis or a.jenis == t.jenis):
                # the form keeps its reading (K/Rp pairs) with the rows chosen
                baru = next((x for x in renja.dari_header(rows, hdr) if x.jenis == t.jenis), None)
                if baru is not None:
                    _ganti_kolom(baru, kolom, rows)
                elif kunci in turunan:
                    buang.append(kunci)
                    p.masalah.append(Masalah("info", lb_nama, hdr[0] + 1, None, None,
                                             f"tabel {NAMA_JENIS[t.jenis]} formulir {t.bentuk} tidak terbaca dengan baris judul "
                                             f"{', '.join(str(h + 1) for h in hdr)}: tidak diimpor"))
                    continue
                else:
                    p.masalah.append(Masalah("info", lb_nama, hdr[0] + 1, None, None,
                                             f"baris judul yang dipilih ({', '.join(str(h + 1) for h in hdr)}) tidak memuat baris K/Rp "
                                             f"formulir {t.bentuk} (atau tanpa kolom target dan indikatornya): dibaca sebagai tabel biasa"))
            if baru is None:
                baru = tabel_dari_header(rows, hdr, a.jenis, kolom)
            if baru is None:
                p.masalah.append(Masalah("galat", lb_nama, hdr[0] + 1, None, None,
                                         "baris judul kolom yang dipilih tidak memuat kolom yang cukup untuk satu jenis tabel "
                                         "(misalnya Indikator + Target/Realisasi, atau Uraian/Program + Pagu/Realisasi). "
                                         "Tetapkan bidang kolomnya"))
                continue
            berikut = _header_berikut(rows, baru.baris_data_mulai)
            baru.akhir = t.akhir if t and t.akhir and t.akhir > baru.baris_data_mulai else (
                _awal_judul(rows, berikut, baru.baris_data_mulai) if berikut is not None else None)
            t = tafsir(baru, rows, [])
        elif t is not None and kolom:
            _ganti_kolom(t, kolom, rows)
        if t is None:
            continue
        if a.skala:
            t.skala, t.skala_dari = float(a.skala), "pilihan pengguna"
        if lama:
            lama[1], lama[2] = t, a.abaikan
        elif kunci not in kunci_ada:
            hasil.append([kunci, t, a.abaikan])
    hasil = [h for h in hasil if h[0] not in buang]
    return [tuple(h) for h in sorted(hasil, key=lambda h: int(h[0].rpartition("#")[2]))]


def _header_bentuk(hasil: list[list], aturan: dict[str, AturanTabel]) -> set[str]:
    """The Renja form's tables share one header: header rows chosen for one of them apply to the others of
    the same form that have no header rows of their own (added to ``aturan`` as copies; the person's
    decisions are left as they are). Returns the keys so added."""
    turunan = set()
    for kunci, a in list(aturan.items()):
        lama = next((h for h in hasil if h[0] == kunci), None)
        if not a.baris_header or lama is None or lama[1].bentuk != renja.BENTUK or kunci in turunan:
            continue
        for kunci_lain, t_lain, _ in hasil:
            sendiri = aturan.get(kunci_lain)
            if kunci_lain != kunci and t_lain.bentuk == renja.BENTUK and t_lain.baris_header == lama[1].baris_header \
                    and not (sendiri and sendiri.baris_header):
                aturan[kunci_lain] = replace(sendiri or AturanTabel(), baris_header=list(a.baris_header))
                turunan.add(kunci_lain)
    return turunan


def _ganti_kolom(t: TabelDitemukan, kolom: dict[int, str], rows: list[list[object]]) -> None:
    """The person's column fields over those read ("" ignores the column)."""
    if not kolom:
        return
    ada = {kk.indeks: kk for kk in t.kolom}
    for i, b in kolom.items():
        if b:
            judul = ada[i].judul if i in ada else " / ".join(
                teks(rows[h][i]) or "" for h in t.baris_header if i < len(rows[h])).strip(" /") or f"kolom {huruf_kolom(i)}"
            ada[i] = Kolom(i, judul, b, ada[i].tahun if i in ada else None)
        else:
            ada.pop(i, None)
    t.kolom = sorted(ada.values(), key=lambda x: x.indeks)


def pratinjau(data: bytes, nama_file: str, instansi: str | None = None, tahun: int | None = None,
              simpan_salah_cetak: bool = False, sumber: str | None = None, keputusan: Keputusan | None = None,
              profil: str | None = None) -> Pratinjau:
    """Read a file and return what would be imported, without writing anything.

    ``instansi``/``tahun``: the user's choice for rows whose table names neither (a column of the
    file wins over it; the user's choice wins over a title row). ``simpan_salah_cetak``: keep
    malformed figures as text without a value (a warning) instead of blocking (an error).
    ``sumber``: the source label of every row (default: "Unggahan <file>, lembar <sheet>").
    ``keputusan``: the person's decisions (header rows, column fields, unit, included sheets, polarity),
    e.g. from an import profile (``profil``: its name, shown in the preview).
    Raises GalatBerkas when the file itself cannot be read (not a spreadsheet, password, too big...).
    """
    p = Pratinjau(nama_file=nama_file, sha256=hashlib.sha256(data).hexdigest(), keputusan=keputusan, profil=profil)
    if tahun is not None and not TAHUN_MIN <= int(tahun) <= TAHUN_MAKS:
        raise GalatBerkas(f"Tahun {tahun} di luar rentang {TAHUN_MIN}–{TAHUN_MAKS}.")
    k = keputusan
    instansi = instansi or (k.instansi if k else None)
    tahun = tahun or (k.tahun if k else None)
    lembar = baca_lembar(data, nama_file)
    p.format_asli = format_lain.format_asli(data, nama_file)
    khusus = format_lain.lembar_khusus(data)
    rekaman: dict[str, list[dict]] = {kk: [] for kk in KOLOM}
    tanpa_baris: list[tuple[str, TabelDitemukan]] = []
    ada_contoh = False
    for lb in lembar:
        alasan = khusus.get(lb.nama)
        if alasan and not (k and lb.nama in k.lembar_ikut):
            p.lembar_lain.append(LembarLain(lb.nama, alasan))
            continue
        if alasan:
            p.lembar_lain.append(LembarLain(lb.nama, alasan, disertakan=True))
        if not any(any(teks(v) for v in r) for r in lb.baris):
            if alasan != "grafik":
                p.masalah.append(Masalah("info", lb.nama, None, None, None, "lembar kosong, dilewati"))
            continue
        terisi = lb.terisi()
        tabel = _terapkan(lb.nama, terisi, cari_semua(terisi), k, p)
        _masalah_rumus(p, lb, [t for _, t, _ in tabel])
        _masalah_sel_galat(p, lb, [t for _, t, _ in tabel])
        if not tabel:
            if format_lain.sampul(lb, len(lembar) > 1):
                p.lembar_lain.append(LembarLain(lb.nama, "sampul"))
                continue
            p.masalah.append(Masalah("info", lb.nama, None, None, None,
                                     "tidak ada tabel indikator atau anggaran yang dikenali (judul kolom seperti Indikator, Target, "
                                     "Realisasi, Pagu). Lembar dilewati; bila lembar ini berisi data, pilih baris judul kolomnya"))
            contoh = [[teks(v) or "" for v in r[:12]] for r in terisi[:15]]
            p.lembar.append(LembarTerbaca(lb.nama, None, [], [], kunci=f"{lb.nama}#1", contoh=contoh))
            continue
        for kunci, t, abaikan in tabel:
            sumber_bawaan = sumber or f"Unggahan {nama_file}" + (f", lembar {lb.nama}" if len(lembar) > 1 else "") + (
                f", tabel {kunci.rpartition('#')[2]}" if len(tabel) > 1 and t.bentuk is None else "")
            pb = _Pembaca(p, lb, terisi, t, instansi, tahun, simpan_salah_cetak, sumber_bawaan, rekaman["nilai_dilaporkan"],
                          k.polaritas if k else None)
            awal = len(rekaman["nilai_dilaporkan"])
            awal_masalah = len(p.masalah)
            recs = pb.baca()
            for r in recs:
                r["_lembar"], r["_tabel"] = lb.nama, kunci
            if pb.realisasi_triwulan and t.jenis == "anggaran":
                _dari_triwulan(p, lb.nama, t, recs, pb.realisasi_triwulan)
            elif not t.periode and t.jenis in ("anggaran", "indikator"):
                _tahun_berjalan(p, lb.nama, t, recs)
            if t.periode and t.jenis == "indikator":
                for r in recs:
                    r["catatan"] = "; ".join(x for x in (r.get("catatan"), f"realisasi {t.periode} (tahun berjalan)") if x)
            n = len(recs) + (len(rekaman["nilai_dilaporkan"]) - awal if t.jenis != "nilai_dilaporkan" else 0)
            if abaikan:
                del rekaman["nilai_dilaporkan"][awal:]
                del p.masalah[awal_masalah:]
                p.masalah.append(Masalah("info", lb.nama, t.baris_header[0] + 1, None, None,
                                         f"tabel {kunci} dikecualikan oleh pengguna: tidak disimpan"))
            else:
                rekaman[t.jenis].extend(recs)
                _skala(p, lb.nama, t, recs)
                periksa_jumlah(p, lb.nama, t, recs, pb.baris_lain)
            inst_t = next((r["instansi"] for r in recs if r.get("instansi")), pb.instansi_pengguna or pb.instansi_judul)
            th_t = next((r["tahun"] for r in recs if r.get("tahun")), pb.tahun_pengguna or pb.tahun_judul)
            p.lembar.append(LembarTerbaca(
                lb.nama, t.jenis, [i + 1 for i in t.baris_header],
                [(huruf_kolom(kk.indeks), kk.judul, kk.bidang, kk.tahun) for kk in t.kolom], n,
                [(huruf_kolom(kk.indeks), kk.judul, why) for kk, why in t.diabaikan], kunci=kunci,
                baris_akhir=pb.akhir_dibaca, skala=t.skala, skala_dari=t.skala_dari, instansi=inst_t, tahun=th_t,
                periode=t.periode or (f"s.d. TW {['I', 'II', 'III'][pb.realisasi_triwulan - 1]}" if 0 < pb.realisasi_triwulan < 4 else None),
                bentuk=t.bentuk, judul=teks_bentuk(terisi, t.baris_header), diabaikan_pengguna=abaikan,
                baris_lain=pb.baris_lain, kolom_judul=_kolom_judul(terisi, t.baris_header)))
            ada_contoh = ada_contoh or bool(pb.contoh)
            if not n and not pb.contoh and not abaikan and not any(m.lembar == lb.nama and m.tingkat == "galat" for m in p.masalah) \
                    and t.bentuk is None:
                tanpa_baris.append((lb.nama, t))
    ada_data = any(rekaman.values())
    for nama, t in tanpa_baris:
        p.masalah.append(Masalah("peringatan" if ada_data else "galat", nama, t.baris_header[-1] + 1, None, None,
                                 f"tabel {NAMA_JENIS[t.jenis]} dikenali (baris judul {t.baris_header[0] + 1}) tetapi tidak ada "
                                 "baris data di bawahnya. Isi baris data di bawah judul kolom"))
    for ll in p.lembar_lain:
        if not ll.disertakan and ll.alasan != "sampul":
            p.masalah.append(Masalah("info", ll.nama, None, None, None,
                                     f"lembar {'tersembunyi' if ll.alasan == 'tersembunyi' else 'grafik'} tidak diimpor; "
                                     "sertakan lembar ini di pratinjau bila berisi data"))
    if not any(lb.jenis for lb in p.lembar):
        p.masalah.append(Masalah("galat", "", None, None, None,
                                 "tidak ada tabel yang dikenali di berkas ini. Pastikan ada baris judul kolom seperti "
                                 "'Indikator | Target | Realisasi' atau 'Program | Pagu | Realisasi', pilih baris judul kolom "
                                 "di pratinjau, atau pakai templat unggahan"))
    elif not ada_data and not p.galat:
        pesan = ("berkas hanya berisi baris contoh templat. Isi data Anda di bawah judul kolom (baris contoh boleh dihapus)"
                 if ada_contoh else "tidak ada baris data yang dapat dibaca")
        p.masalah.append(Masalah("galat", "", None, None, None, pesan))
    for jenis, recs in rekaman.items():
        p.tabel[jenis] = pd.DataFrame(recs)
    _periksa_ganda(p)
    p.masalah = list(dict.fromkeys(p.masalah))  # the Renja form's three tables share rows: say each thing once
    if p.format_asli:
        p.masalah.insert(0, Masalah("info", "", None, None, None, f"berkas ini sebenarnya {p.format_asli}; dibaca sebagai tabel"))
    return p


def _kolom_judul(rows: list[list[object]], baris_header: list[int]) -> list[tuple[str, str]]:
    lebar = max((len(rows[h]) for h in baris_header if h < len(rows)), default=0)
    hasil = []
    for i in range(lebar):
        t = " / ".join(dict.fromkeys(teks(rows[h][i]) for h in baris_header if h < len(rows) and i < len(rows[h]) and teks(rows[h][i])))
        hasil.append((huruf_kolom(i), t))
    while hasil and not hasil[-1][1]:
        hasil.pop()
    return hasil


def _skala(p: Pratinjau, nama: str, t: TabelDitemukan, recs: list[dict]) -> None:
    if t.skala != 1 and recs and t.jenis == "anggaran":
        p.masalah.append(Masalah("peringatan", nama, t.baris_header[0] + 1, None, None,
                                 f"satuan {NAMA_SKALA.get(t.skala, f'×{format_angka(t.skala, 0)}')} ({t.skala_dari}): setiap angka "
                                 f"rupiah tabel ini dikalikan {format_angka(t.skala, 0)}. Bandingkan jumlahnya dengan kertas; "
                                 "ubah satuannya di pratinjau bila keliru"))


def _dari_triwulan(p: Pratinjau, nama: str, t: TabelDitemukan, recs: list[dict], tw: int) -> None:
    romawi = ["I", "II", "III", "IV"][tw - 1]
    p.masalah.append(Masalah("peringatan", nama, t.baris_header[0] + 1, None, None,
                             f"tidak ada kolom realisasi setahun: realisasi = jumlah realisasi TW I–{romawi}"
                             + (f"; tahun berjalan (s.d. TW {romawi}), bukan hasil setahun" if tw < 4 else "")))
    if tw < 4 and not t.periode:
        for r in recs:
            r["catatan"] = "; ".join(x for x in (r.get("catatan"), f"realisasi s.d. TW {romawi} (tahun berjalan)") if x)


def _tahun_berjalan(p: Pratinjau, nama: str, t: TabelDitemukan, recs: list[dict]) -> None:
    """A table with a TW IV column empty in every row while earlier quarters are filled (a Renja form filled
    during the year): its figures run to the last quarter filled, a year in progress, labelled as such."""
    if not recs or not any(k.bidang == "realisasi_tw4" for k in t.kolom):
        return
    akhir = max((i for r in recs for i in range(1, 5) if r.get(f"realisasi_tw{i}") is not None), default=0)
    if not 0 < akhir < 4:
        return
    romawi = NAMA_TW[akhir]
    t.periode = f"s.d. TW {romawi}"
    p.masalah.append(Masalah("peringatan", nama, t.baris_header[0] + 1, None, None,
                             f"kolom realisasi TW IV kosong di setiap baris tabel {NAMA_JENIS[t.jenis]}: angkanya dibaca sebagai tahun "
                             f"berjalan s.d. TW {romawi}, bukan hasil setahun, dan setiap baris diberi catatan itu. Bila tabel ini "
                             "hasil setahun, isi realisasi TW IV di berkas"))
    if t.jenis == "anggaran":  # indicator rows are noted below, as for a period stated in the title
        for r in recs:
            r["catatan"] = "; ".join(x for x in (r.get("catatan"), f"realisasi {t.periode} (tahun berjalan)") if x)


def _periksa_ganda(p: Pratinjau) -> None:
    df = p.tabel.get("indikator")
    if df is None or not len(df):
        return
    # the same indicator under two program/kegiatan codes (the Renja form) is two indicators: not a duplicate
    if "_kode" in df:
        df["_kode"] = df["_kode"].fillna("")
        berkode = df["_kode"] != ""
        ulang = berkode & df.duplicated(["instansi", "tahun", "indikator", "sumber"], keep=False)
        df.loc[ulang, "catatan"] = [("; ".join(x for x in (c, f"kode {k}") if isinstance(x, str) and x))
                                    for c, k in zip(df.loc[ulang, "catatan"] if "catatan" in df else [None] * ulang.sum(),
                                                    df.loc[ulang, "_kode"])]
    kunci = ["instansi", "tahun", "indikator", "sumber"] + (["_kode"] if "_kode" in df else [])
    ganda = df[df.duplicated(kunci, keep=False)]
    for (_, th, ind, *_), grup in ganda.groupby(kunci, sort=False):
        baris = ", ".join(str(b) for b in grup["_baris"])
        p.masalah.append(Masalah("galat", grup["_lembar"].iloc[0], int(grup["_baris"].iloc[1]), grup["_kolom_indikator"].iloc[1], ind,
                                 f"indikator yang sama untuk tahun {th} muncul lebih dari sekali (baris {baris}). Hapus baris gandanya"))
    utama = df[df["utama"]]
    lebih = utama[utama.duplicated(["instansi", "tahun", "indikator"], keep="first")]
    for i in lebih.index:
        df.loc[i, "utama"] = False
    if len(lebih):
        p.masalah.append(Masalah("info", lebih["_lembar"].iloc[0], None, None, None,
                                 f"{len(lebih)} baris indikator tercetak di lebih dari satu tabel; yang pertama dipakai untuk analisis"))


def pratinjau_berkas(path: str | Path, **kw) -> Pratinjau:
    """``pratinjau`` of a file on disk (same keyword arguments); GalatBerkas when it cannot be opened."""
    return pratinjau(baca_dari_disk(path), Path(path).name, **kw)

