"""Reading an uploaded file into sheets of raw cells, safely.

Checks happen before any grid is built: size, file type by content (not by name), and for xlsx one
streaming pass (``pindai.py``) that counts the bytes actually inflated (never the sizes the archive
declares), refuses corrupt members, bad CRCs, deep XML and DTDs, and finds each sheet's real used
range, declared dimension and merged ranges, which are checked here against ``BATAS_SEL`` and
``BATAS_SEL_GABUNGAN`` (overlapping merges refused). Excel is read with python-calamine, which does
not expand XML entities; the whole reading runs in a worker process with a memory and time limit
(``penjaga.py``). CSV: encoding (UTF-8 or Windows-1252) and
dialect (comma, or the semicolon that Indonesian Excel writes) are sniffed.

Besides the cells, a sheet carries what calamine alone would lose: its merged ranges (only the top-left
cell of a merge has the value) and, for xlsx, the formula cells saved without a cached value (files
written by scripts: calamine reads them as empty, so the importer must say so, not read a blank) and
the error cells (``#REF!``, ``#DIV/0!``...; calamine reads them as blanks too; in a CSV they are text).
Encrypted (password-protected) xlsx files are OLE containers with an ``EncryptedPackage`` stream:
recognised before calamine tries them as legacy .xls.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..numbers import format_angka
from .pindai import BATAS_RASIO, BATAS_UKURAN_TERURAI, GalatPindai, InfoLembar, pindai_xlsx
from .pindai_xls import XlsBersandi, pindai_xls

# One size limit for uploads, in one unit: MB meaning MiB (1 MB = 1.048.576 bytes), as Streamlit counts
# ``server.maxUploadSize`` (.streamlit/config.toml says the same number). The page and the CLI use it.
BATAS_MB = 20
BATAS_UKURAN = BATAS_MB * 1024 * 1024  # bytes of an uploaded file
BATAS_SEL = 2_000_000  # cells per workbook (rows x columns up to each sheet's far corner)
BATAS_SEL_GABUNGAN = 500_000  # cells covered by merged ranges, per sheet
PESAN_RUMIT = "Berkas {nama} terlalu rumit / terlalu besar untuk dibaca."
# What a spreadsheet shows in a cell whose formula failed: never a blank, always a problem.
GALAT_EXCEL = ("#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!")


class GalatBerkas(Exception):
    """The file cannot be read; the message says why and what to do (Bahasa Indonesia)."""


@dataclass
class Lembar:
    """One sheet (or one CSV file): a name and its rows of raw cell values."""

    nama: str
    baris: list[list[object]] = field(default_factory=list)
    # merged cells other than the top-left one: (row, col) -> (row, col) of the top-left cell, 0-based
    gabungan: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    # formula cells saved without a value (xlsx written by a script): (row, col), 0-based
    rumus_kosong: list[tuple[int, int]] = field(default_factory=list)
    # number cells formatted as a percentage (Excel stores "75%" as 0.75): (row, col), 0-based
    persen: set[tuple[int, int]] = field(default_factory=set)
    # error cells (#REF!, #DIV/0!, #N/A...): (row, col, text), 0-based
    galat_sel: list[tuple[int, int, str]] = field(default_factory=list)

    def terisi(self) -> list[list[object]]:
        """The rows with every merged cell holding the value of its top-left cell."""
        if not self.gabungan:
            return self.baris
        hasil = [list(r) for r in self.baris]
        for (r, c), (r0, c0) in self.gabungan.items():
            if r < len(hasil) and r0 < len(self.baris) and c0 < len(self.baris[r0]):
                baris = hasil[r]
                if c >= len(baris):
                    baris.extend([""] * (c + 1 - len(baris)))
                if baris[c] in (None, ""):
                    baris[c] = self.baris[r0][c0]
        return hasil


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PESAN_SANDI = "Berkas {nama} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Lindungi Buku Kerja), simpan, lalu unggah lagi."


def _jenis_isi(data: bytes) -> str:
    if data[:4] == b"PK\x03\x04":
        return "zip"
    if data[:8] == _OLE:
        return "ole"  # legacy .xls, or an encrypted (password-protected) xlsx
    return "teks"


def _ole_terenkripsi(data: bytes) -> bool:
    """An OLE container holding an encrypted OOXML package (MS-OFFCRYPTO): a password-protected xlsx."""
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data


def _periksa_zip(data: bytes, nama: str) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise GalatBerkas(f"Berkas {nama} rusak: isinya bukan arsip xlsx yang utuh. Simpan ulang dari Excel lalu unggah lagi.") from None
    infos = zf.infolist()
    terurai = sum(i.file_size for i in infos)
    termampat = max(1, sum(i.compress_size for i in infos))
    if terurai > BATAS_UKURAN_TERURAI or terurai / termampat > BATAS_RASIO:
        raise GalatBerkas(
            f"Berkas {nama} ditolak: isinya terurai menjadi {format_angka(terurai / 2**20, 0)} MB "
            f"(rasio {format_angka(terurai / termampat, 0)}×; batas {BATAS_UKURAN_TERURAI // 2**20} MB dan {BATAS_RASIO}×), "
            "melebihi batas aman. Unggah lembar kerja biasa tanpa data tersembunyi."
        )
    nama_isi = {i.filename for i in infos}
    if "xl/workbook.xml" not in nama_isi and "xl/workbook.bin" not in nama_isi:
        raise GalatBerkas(f"Berkas {nama} bukan buku kerja Excel (arsip ZIP tanpa isi xlsx). Unggah berkas .xlsx atau .csv.")


def _gabungan(rentang, tinggi: int, lebar: int, nama: str, lembar: str) -> dict[tuple[int, int], tuple[int, int]]:
    """Merged ranges -> every covered cell but the top-left, clipped to the sheet's used area.

    Overlapping merges (Excel never saves them) and merges covering too many cells are refused
    before anything is built, so the work is bounded by ``BATAS_SEL_GABUNGAN``.
    """
    kotak = []
    luas = 0
    for (r0, c0), (r1, c1) in rentang or []:
        r1, c1 = min(r1, tinggi - 1), min(c1, lebar - 1)
        if r0 > r1 or c0 > c1:
            continue
        kotak.append((r0, c0, r1, c1))
        luas += (r1 - r0 + 1) * (c1 - c0 + 1)
    if luas > BATAS_SEL_GABUNGAN:
        raise GalatBerkas(f"{PESAN_RUMIT.format(nama=nama)} Lembar '{lembar}' berisi sel gabungan (Merge) yang mencakup "
                          f"{format_angka(luas, 0)} sel; batasnya {format_angka(BATAS_SEL_GABUNGAN, 0)}. Hapus gabungan sel yang tidak perlu.")
    hasil: dict[tuple[int, int], tuple[int, int]] = {}
    awal: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in kotak:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) in hasil or (r, c) in awal:
                    raise GalatBerkas(
                        f"Berkas {nama} rusak: di lembar '{lembar}' rentang sel gabungan {_ref(r0, c0)}:{_ref(r1, c1)} "
                        f"bertumpang-tindih dengan gabungan lain di sel {_ref(r, c)} (Excel tidak pernah menyimpan ini). "
                        "Hapus gabungan sel di sana lalu unggah lagi.")
                if (r, c) == (r0, c0):
                    awal.add((r, c))
                else:
                    hasil[(r, c)] = (r0, c0)
    return hasil


def _ref(r: int, c: int) -> str:
    huruf = ""
    c += 1
    while c:
        c, sisa = divmod(c - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return f"{huruf}{r + 1}"


def _periksa_luas(info: InfoLembar, nama: str, lembar: str) -> None:
    """The grid a reader would build (rows x columns up to the far corner) must fit, before it is built."""
    luas = info.tinggi * info.lebar
    if luas > BATAS_SEL:
        raise GalatBerkas(
            f"{PESAN_RUMIT.format(nama=nama)} Lembar '{lembar}' terisi sampai sel {info.sel_terjauh or _ref(info.tinggi - 1, info.lebar - 1)} "
            f"({format_angka(info.tinggi, 0)} baris × {format_angka(info.lebar, 0)} kolom = {format_angka(luas, 0)} sel; batas "
            f"{format_angka(BATAS_SEL, 0)}). Hapus isi sel yang jauh dari tabel (Ctrl+End di Excel menunjukkannya) lalu unggah lagi.")
    if info.luas_dinyatakan > BATAS_SEL:  # .xls: the reader reserves the declared size first
        raise GalatBerkas(
            f"{PESAN_RUMIT.format(nama=nama)} Lembar '{lembar}' menyatakan ukuran lebih dari {format_angka(BATAS_SEL, 0)} sel "
            "(rekaman DIMENSIONS berkas .xls). Buka di Excel, hapus isi dan format sel yang jauh dari tabel, simpan sebagai "
            ".xlsx, lalu unggah lagi.")
    # In an xlsx, a declared <dimension> larger than the cells (a forged or stale one) is not used: calamine
    # and the checks above go by the cells themselves.


def _salah_pembaca(e: BaseException) -> bool:
    """An error of the spreadsheet reader over a broken file: any Exception, or a panic in its native code
    (pyo3's PanicException is a BaseException); never an interrupt or a memory error."""
    return (isinstance(e, Exception) and not isinstance(e, MemoryError)) or type(e).__name__ == "PanicException"


def _periksa_lembar(info_per_lembar, nama: str) -> None:
    """Every sheet's grid, and all of them together, must fit before a reader builds any of them."""
    for nama_lembar, info in info_per_lembar:
        _periksa_luas(info, nama, nama_lembar)
    if sum(max(i.tinggi * i.lebar, i.luas_dinyatakan) for _, i in info_per_lembar) > BATAS_SEL:
        raise GalatBerkas(f"{PESAN_RUMIT.format(nama=nama)} Isinya lebih dari {format_angka(BATAS_SEL, 0)} sel. "
                          "Pecah menjadi beberapa berkas.")


def _baca_excel(data: bytes, nama: str, ods: bool = False) -> list[Lembar]:
    """xlsx/xls (and .ods, whose archive the caller has checked): calamine, after the checks on the file."""
    import python_calamine as pc

    zip_ = data[:4] == b"PK\x03\x04" and not ods
    xls = data[:8] == _OLE
    xml: dict[str, InfoLembar] = {}
    urutan: list[tuple[str, InfoLembar]] = []
    if zip_ or xls:  # every check on the file before calamine opens it (calamine builds a dense grid per sheet)
        try:
            urutan = list(pindai_xlsx(data, nama).items()) if zip_ else pindai_xls(data, nama)
        except XlsBersandi:
            raise GalatBerkas(_PESAN_SANDI.format(nama=nama)) from None
        except GalatPindai as e:
            raise GalatBerkas(str(e)) from None
        _periksa_lembar(urutan, nama)
        xml = dict(urutan)
    try:
        wb = pc.load_workbook(io.BytesIO(data))
    except pc.PasswordError:
        raise GalatBerkas(_PESAN_SANDI.format(nama=nama)) from None
    except BaseException as e:  # calamine raises several error types for broken files, or panics (pyo3)
        if not _salah_pembaca(e):
            raise
        pesan = str(e).lower()
        if "password" in pesan or "encrypt" in pesan:
            raise GalatBerkas(_PESAN_SANDI.format(nama=nama)) from None
        if xls:
            raise GalatBerkas(f"Berkas {nama} tidak dapat dibaca: mungkin dilindungi kata sandi atau format .xls yang rusak. "
                              "Buka di Excel, simpan sebagai .xlsx tanpa kata sandi, lalu unggah lagi.") from None
        raise GalatBerkas(f"Berkas {nama} tidak dapat dibaca sebagai lembar kerja Excel ({type(e).__name__}). Simpan ulang dari Excel sebagai .xlsx.") from None
    lembar, sel = [], 0
    for i, nama_lembar in enumerate(wb.sheet_names):
        try:
            info = xml.get(nama_lembar)
            if xls and info is None and len(urutan) == len(wb.sheet_names):
                info = urutan[i][1]  # a name decoded differently: the same sheet by its place
            if (zip_ or xls) and info is None:
                raise GalatBerkas(f"Berkas {nama} rusak: lembar '{nama_lembar}' tidak ditemukan di {'arsipnya' if zip_ else 'buku kerjanya'}. "
                                  "Simpan ulang dari Excel lalu unggah lagi.")
            sheet = wb.get_sheet_by_name(nama_lembar)
            if sheet.height * sheet.width > BATAS_SEL:  # a second guard: calamine knows the size before the rows
                raise GalatBerkas(f"{PESAN_RUMIT.format(nama=nama)} Lembar '{nama_lembar}' berukuran "
                                  f"{format_angka(sheet.height, 0)} baris × {format_angka(sheet.width, 0)} kolom.")
            rows = sheet.to_python(skip_empty_area=False)
            rentang = info.gabungan if zip_ else sheet.merged_cell_ranges
        except GalatBerkas:
            raise
        except BaseException as e:
            if not _salah_pembaca(e):
                raise
            raise GalatBerkas(f"Lembar '{nama_lembar}' di {nama} tidak dapat dibaca ({type(e).__name__}).") from None
        sel += sum(len(r) for r in rows)
        if sel > BATAS_SEL:
            raise GalatBerkas(f"Berkas {nama} terlalu besar: lebih dari {BATAS_SEL:,} sel. Pecah menjadi beberapa berkas.".replace(",", "."))
        lebar = max((len(r) for r in rows), default=0)
        info = info or InfoLembar()
        lembar.append(Lembar(nama_lembar, [list(r) for r in rows], _gabungan(rentang, len(rows), lebar, nama, nama_lembar),
                             sorted(info.rumus_kosong), info.persen, sorted(info.galat)))
    return lembar


def _dekode(data: bytes, nama: str) -> str:
    """Text of a CSV: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (Indonesian Excel)."""
    bukan = f"Berkas {nama} bukan teks CSV maupun lembar kerja Excel. Unggah berkas .xlsx atau .csv."
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise GalatBerkas(f"Berkas {nama} (teks UTF-16) terpotong atau rusak. Simpan ulang sebagai CSV lalu unggah lagi.") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM over text that is not UTF-8 (edited in a cp1252 editor): read as cp1252 below
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    teks = data.decode("cp1252", errors="replace")
    if "\x00" in teks or teks.count("\ufffd") > max(3, len(teks) // 100):
        raise GalatBerkas(bukan)
    return teks


def pemisah_csv(teks: str) -> str:
    """The delimiter of a CSV text, sniffed from its first 50 lines (comma, semicolon, tab or bar)."""
    contoh = "\n".join(teks.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(contoh, delimiters=",;\t|").delimiter
    except csv.Error:
        return max(",;\t", key=contoh.count)


def _baca_csv(data: bytes, nama: str) -> list[Lembar]:
    teks = _dekode(data, nama)
    if "\x00" in teks:
        raise GalatBerkas(f"Berkas {nama} bukan teks CSV maupun lembar kerja Excel. Unggah berkas .xlsx atau .csv.")
    pemisah = pemisah_csv(teks)
    try:  # newline="": line ends \r\n, \n or \r alone (Excel for Mac), and line breaks inside quoted cells
        rows = list(csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah))
    except csv.Error as e:
        sebab = (f"ada sel lebih dari {csv.field_size_limit():,} karakter".replace(",", ".") if "field larger" in str(e)
                 else "tanda kutip atau akhir baris tidak pada tempatnya")
        raise GalatBerkas(f"Berkas {nama} bukan CSV yang dapat dibaca: {sebab}. Simpan ulang dari Excel sebagai CSV "
                          "lalu unggah lagi.") from None
    galat = _GALAT_SET
    sel_galat = [(r, c, v.strip()) for r, row in enumerate(rows) for c, v in enumerate(row)
                 if v and v[0] in "# " and v.strip().upper() in galat]
    return [Lembar(Path(nama).stem, rows, galat_sel=sel_galat)]


_GALAT_SET = frozenset(GALAT_EXCEL)


def baca_dari_disk(path: str | Path) -> bytes:
    """The bytes of a file on disk for an import; its size is checked before it is read into memory.
    GalatBerkas (a clear message) when it is missing, a folder, unreadable or too large."""
    path = Path(path)
    try:
        if path.is_dir():
            raise IsADirectoryError
        ukuran = path.stat().st_size
        if ukuran > BATAS_UKURAN:
            raise GalatBerkas(f"Berkas {path} berukuran {format_angka(ukuran / 2**20, 2)} MB, melebihi batas "
                              f"{BATAS_MB} MB. Pecah menjadi beberapa berkas.")
        return path.read_bytes()
    except FileNotFoundError:
        raise GalatBerkas(f"Berkas {path} tidak ditemukan.") from None
    except IsADirectoryError:
        raise GalatBerkas(f"{path} adalah folder, bukan berkas.") from None
    except PermissionError:
        raise GalatBerkas(f"Berkas {path} tidak dapat dibaca (izin ditolak).") from None


def baca_lembar(data: bytes, nama: str) -> list[Lembar]:
    """Bytes of an uploaded file -> sheets of raw cells. Raises GalatBerkas with a clear message."""
    if not data or not data.strip():
        raise GalatBerkas(f"Berkas {nama} kosong. Pilih berkas yang berisi tabel.")
    if len(data) > BATAS_UKURAN:
        raise GalatBerkas(
            f"Berkas {nama} berukuran {format_angka(len(data) / 2**20, 2)} MB, melebihi batas {BATAS_MB} MB. "
            "Pecah menjadi beberapa berkas."
        )
    from .format_lain import baca_format_lain  # .ods and HTML tables named .xls

    lain = baca_format_lain(data, nama)
    if lain is not None:
        return lain
    jenis = _jenis_isi(data)
    akhiran = Path(nama).suffix.lower()
    if jenis == "zip":
        _periksa_zip(data, nama)
        return _baca_excel(data, nama)
    if jenis == "ole":
        if _ole_terenkripsi(data):
            raise GalatBerkas(_PESAN_SANDI.format(nama=nama))
        return _baca_excel(data, nama)
    if akhiran in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise GalatBerkas(f"Berkas {nama} bernama {akhiran} tetapi isinya bukan lembar kerja Excel. Simpan ulang dari Excel lalu unggah lagi.")
    return _baca_csv(data, nama)
