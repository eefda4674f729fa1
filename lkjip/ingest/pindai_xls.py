"""Cheap checks of a legacy .xls (BIFF5/BIFF8) before any grid is built: one pass over its records.

calamine builds a dense grid of every sheet as soon as it opens an .xls (rows x columns up to the
sheet's far corner, whatever lies between), so a 5 KB file with one cell at A1 and one at IV65536 costs
16 million cells before anything can be asked. This scan reads the compound file's ``Workbook``
stream itself (following the sector chains with every step bounded: no cycle, no sector outside the
file) and walks the BIFF records once, linear in the stream's size, allocating nothing per cell. For
each sheet it finds what ``pindai.py`` finds in an xlsx:

- the real used range, from the cells holding a value (blank formatted cells are not read by calamine
  and are not counted);
- the size the ``DIMENSIONS`` record declares: calamine reserves memory for it before reading any cell,
  so a forged one (a reversed range wraps around to exabytes) is as dangerous as a far cell;
- the number of merged ranges;
- error cells: a ``BOOLERR`` holding an error, or a ``FORMULA`` whose saved result is an error
  (``#REF!``, ``#DIV/0!``, ``#N/A``...), which calamine reads as blanks;
- a ``FILEPASS`` record: the workbook is password-protected.
"""
from __future__ import annotations

import struct

from .pindai import BATAS_GABUNGAN, GalatPindai, InfoLembar

_AKHIR, _BEBAS = 0xFFFFFFFE, 0xFFFFFFFF
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# BErr codes (MS-XLS 2.5.10)
KODE_GALAT = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
              0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
_SEL_TUNGGAL = frozenset((0x0203, 0x027E, 0x0204, 0x00FD, 0x00D6, 0x0205, 0x0006))  # NUMBER RK LABEL LABELSST RSTRING BOOLERR FORMULA
_DIMENSIONS, _MULRK, _MERGEDCELLS, _BOF, _EOF, _BOUNDSHEET, _FILEPASS, _CODEPAGE = 0x0200, 0x00BD, 0x00E5, 0x0809, 0x000A, 0x0085, 0x002F, 0x0042


class XlsBersandi(GalatPindai):
    """The workbook is encrypted (a FILEPASS record)."""


def _rusak(berkas: str, sebab: str) -> GalatPindai:
    return GalatPindai(f"Berkas {berkas} tidak dapat dibaca: format .xls yang rusak ({sebab}). Buka di Excel, simpan "
                       "sebagai .xlsx, lalu unggah lagi.")


def aliran_workbook(data: bytes, berkas: str) -> bytes:
    """The ``Workbook`` (BIFF8) or ``Book`` (BIFF5) stream of an OLE compound file, every chain bounded."""
    if len(data) < 512 or data[:8] != _OLE:
        raise _rusak(berkas, "kepala berkas tidak utuh")
    geser, geser_mini = struct.unpack_from("<HH", data, 30)
    if geser not in (9, 12) or geser_mini != 6:
        raise _rusak(berkas, "ukuran sektor tidak dikenal")
    ss = 1 << geser
    n_fat, awal_dir, _, batas_mini, awal_minifat, n_minifat, awal_difat, n_difat = struct.unpack_from("<IIIIIIII", data, 44)
    n_sektor = (len(data) - ss + ss - 1) // ss  # sectors after the header (the last one may be short)
    per_sektor = ss // 4

    def sektor(i: int) -> bytes:
        if i >= n_sektor:
            raise _rusak(berkas, "rantai sektor menunjuk ke luar berkas")
        return data[(i + 1) * ss:(i + 2) * ss].ljust(ss, b"\x00")

    if n_fat > n_sektor or n_difat > n_sektor:
        raise _rusak(berkas, "tabel alokasi lebih besar dari berkasnya")
    letak_fat = [i for i in struct.unpack_from("<109I", data, 76)][:n_fat]
    d, langkah = awal_difat, 0
    while len(letak_fat) < n_fat and d not in (_AKHIR, _BEBAS):
        langkah += 1
        if langkah > n_difat + 1:
            raise _rusak(berkas, "rantai DIFAT berputar")
        isi = struct.unpack(f"<{per_sektor}I", sektor(d))
        letak_fat.extend(isi[:-1])
        d = isi[-1]
    fat: list[int] = []
    for i in letak_fat[:n_fat]:
        fat.extend(struct.unpack(f"<{per_sektor}I", sektor(i)))

    def rantai(awal: int, tabel: list[int], batas: int) -> list[int]:
        hasil, i = [], awal
        while i != _AKHIR:
            if i >= len(tabel) or i >= batas or len(hasil) > batas:
                raise _rusak(berkas, "rantai sektor rusak atau berputar")
            hasil.append(i)
            i = tabel[i]
        return hasil

    direktori = b"".join(sektor(i) for i in rantai(awal_dir, fat, n_sektor))
    akar = None
    entri = None
    for j in range(0, len(direktori) - 127, 128):
        panjang = struct.unpack_from("<H", direktori, j + 64)[0]
        jenis = direktori[j + 66]
        nama = direktori[j:j + max(0, min(panjang, 64) - 2)].decode("utf-16-le", "replace")
        mulai, ukuran = struct.unpack_from("<IQ", direktori, j + 116)
        if geser == 9:
            ukuran &= 0xFFFFFFFF  # version 3: the high half is undefined
        if jenis == 5 and akar is None:
            akar = (mulai, ukuran)
        elif jenis == 2 and nama.lower() in ("workbook", "book") and (entri is None or nama.lower() == "workbook"):
            entri = (mulai, ukuran)
    if entri is None:
        raise _rusak(berkas, "tidak ada aliran Workbook")
    mulai, ukuran = entri
    if ukuran > len(data):
        raise _rusak(berkas, "ukuran aliran Workbook melebihi berkasnya")
    if ukuran >= batas_mini:
        return b"".join(sektor(i) for i in rantai(mulai, fat, n_sektor))[:ukuran]
    # a small stream lives in the mini stream (64-byte pieces inside the root entry's chain)
    if akar is None:
        raise _rusak(berkas, "tidak ada entri akar")
    minifat: list[int] = []
    for i in rantai(awal_minifat, fat, n_sektor)[:max(n_minifat, 1)]:
        minifat.extend(struct.unpack(f"<{per_sektor}I", sektor(i)))
    wadah = b"".join(sektor(i) for i in rantai(akar[0], fat, n_sektor))
    n_mini = len(wadah) // 64
    return b"".join(wadah[i * 64:(i + 1) * 64] for i in rantai(mulai, minifat, n_mini))[:ukuran]


def _nama_lembar(isi: bytes, biff8: bool, kode_halaman: str) -> str:
    if not isi:
        return ""
    n = isi[0]
    if biff8:
        if len(isi) > 1 and isi[1] & 1:
            return isi[2:2 + 2 * n].decode("utf-16-le", "replace")
        return isi[2:2 + n].decode("latin-1")
    return isi[1:1 + n].decode(kode_halaman, "replace")


def pindai_xls(data: bytes, berkas: str) -> list[tuple[str, InfoLembar]]:
    """Scan every sheet of an .xls once, in workbook order: (sheet name, what was found). GalatPindai when the
    file is broken; XlsBersandi when it is password-protected."""
    try:
        return _pindai(data, berkas)
    except (struct.error, IndexError, ValueError, OverflowError):  # a record cut short by the end of the stream
        raise _rusak(berkas, "rekaman terpotong") from None


def _pindai(data: bytes, berkas: str) -> list[tuple[str, InfoLembar]]:
    buku = aliran_workbook(data, berkas)
    akhir = len(buku)
    if akhir < 4 or struct.unpack_from("<H", buku, 0)[0] != _BOF:
        raise _rusak(berkas, "aliran Workbook tidak diawali rekaman BOF")
    versi = struct.unpack_from("<H", buku, 4)[0] if akhir >= 6 else 0
    biff8 = versi == 0x0600
    kode_halaman = "cp1252"
    lembar: list[tuple[str, int]] = []
    pos = 0
    while pos + 4 <= akhir:
        jenis, n = struct.unpack_from("<HH", buku, pos)
        isi = buku[pos + 4:pos + 4 + n]
        pos += 4 + n
        if jenis == _EOF:
            break
        if jenis == _FILEPASS:
            raise XlsBersandi(berkas)
        if jenis == _CODEPAGE and n >= 2:
            kode = struct.unpack_from("<H", isi)[0]
            kode_halaman = {1200: "utf-16-le", 367: "ascii", 32768: "mac_roman", 32769: "cp1252"}.get(kode, f"cp{kode}")
            try:
                "".encode(kode_halaman)
            except LookupError:
                kode_halaman = "cp1252"
        elif jenis == _BOUNDSHEET and n >= 6:
            lembar.append((_nama_lembar(isi[6:], biff8, kode_halaman), struct.unpack_from("<I", isi)[0]))
    # sheets whose substreams overlap (many BOUNDSHEETs pointing into the same records) would make the walk
    # quadratic: all sheets together may visit at most the records the stream can hold, as disjoint sheets do
    anggaran = [akhir // 4 + 1]
    hasil = []
    for nama, awal in lembar:
        hasil.append((nama, _pindai_lembar(buku, awal, berkas, nama, anggaran)))
    return hasil


def _pindai_lembar(buku: bytes, pos: int, berkas: str, nama: str, anggaran: list[int]) -> InfoLembar:
    """One sheet's substream, BOF to its EOF (an embedded chart's own BOF..EOF inside it is stepped over);
    ``anggaran``: records the scan may still visit."""
    info = InfoLembar()
    akhir = len(buku)
    if pos + 4 > akhir or struct.unpack_from("<H", buku, pos)[0] != _BOF:
        raise _rusak(berkas, f"lembar '{nama}' tidak ditemukan di tempat yang disebut buku kerjanya")
    baris_maks = kolom_maks = -1
    sel = gabungan = kedalaman = 0
    galat = info.galat
    unpack = struct.unpack_from
    tunggal = _SEL_TUNGGAL
    awal = pos
    while pos + 4 <= akhir:
        anggaran[0] -= 1
        if anggaran[0] < 0:
            raise GalatPindai(f"Berkas {berkas} terlalu rumit untuk dibaca: lembar-lembarnya ({nama}, mulai bita {awal}) "
                              "saling bertumpang-tindih di dalam berkas. Simpan ulang dari Excel sebagai .xlsx lalu unggah lagi.")
        jenis, n = unpack("<HH", buku, pos)
        p = pos + 4
        pos = p + n
        if jenis == _BOF:
            kedalaman += 1
            continue
        if jenis == _EOF:
            kedalaman -= 1
            if kedalaman <= 0:
                break
            continue
        if kedalaman != 1:
            continue
        if jenis in tunggal and n >= 4:
            r, c = unpack("<HH", buku, p)
            sel += 1
            if jenis == 0x0205 and n >= 8 and buku[p + 7] == 1:
                galat.append((r, c, KODE_GALAT.get(buku[p + 6], "#galat")))
            elif jenis == 0x0006 and n >= 14 and buku[p + 12] == 0xFF and buku[p + 13] == 0xFF and buku[p + 6] == 2:
                galat.append((r, c, KODE_GALAT.get(buku[p + 8], "#galat")))
        elif jenis == _MULRK and n >= 6:
            r, c = unpack("<HH", buku, p)
            c_akhir = unpack("<H", buku, p + n - 2)[0]
            sel += max(0, c_akhir - c + 1)
            if c_akhir > kolom_maks:
                kolom_maks = c_akhir
        elif jenis == _DIMENSIONS and n >= 8:
            if n >= 14:  # BIFF8: rows as 32 bits
                r0, r1, c0, c1 = unpack("<IIHH", buku, p)
            else:
                r0, r1, c0, c1 = unpack("<HHHH", buku, p)
            info.dimensi = f"{r0}:{r1},{c0}:{c1}"
            # a reversed range is a wrapped-around size to the reader: as large as can be
            info.luas_dinyatakan = (r1 - r0) * (c1 - c0) if r1 >= r0 and c1 >= c0 else 1 << 64
            continue
        elif jenis == _MERGEDCELLS and n >= 2:
            gabungan += unpack("<H", buku, p)[0]
            if gabungan > BATAS_GABUNGAN:
                raise GalatPindai(f"Berkas {berkas} terlalu rumit untuk dibaca: lebih dari {BATAS_GABUNGAN:,} rentang sel "
                                  f"gabungan di lembar '{nama}'. Hapus gabungan sel (Merge) yang tidak perlu lalu unggah "
                                  "lagi.".replace(",", "."))
            continue
        else:
            continue
        if r > baris_maks:
            baris_maks = r
        if c > kolom_maks:
            kolom_maks = c
    # the far corner of the grid a reader builds (sel_terjauh left empty: the corner is named from it)
    info.tinggi, info.lebar, info.sel = baris_maks + 1, kolom_maks + 1, sel
    return info
