"""Reading an uploaded file into sheets of raw cells, safely.

Checks happen before any parsing: size, file type by content (not by name), and for xlsx the ZIP
central directory (total uncompressed size and compression ratio, against ZIP bombs). Excel is read
with python-calamine, which does not expand XML entities. CSV: encoding (UTF-8 or Windows-1252) and
dialect (comma, or the semicolon that Indonesian Excel writes) are sniffed.

Besides the cells, a sheet carries what calamine alone would lose: its merged ranges (only the top-left
cell of a merge has the value) and, for xlsx, the formula cells saved without a cached value (files
written by scripts: calamine reads them as empty, so the importer must say so, not read a blank).
Encrypted (password-protected) xlsx files are OLE containers with an ``EncryptedPackage`` stream:
recognised before calamine tries them as legacy .xls.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..numbers import format_angka

BATAS_UKURAN = 20 * 1024 * 1024  # bytes of an uploaded file
BATAS_UKURAN_TERURAI = 200 * 1024 * 1024  # total uncompressed size of an xlsx
BATAS_RASIO = 100  # uncompressed / compressed, per archive
BATAS_SEL = 2_000_000  # cells per workbook


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
            f"Berkas {nama} ditolak: isinya terurai menjadi {format_angka(terurai / 1e6, 0)} MB "
            f"(rasio {format_angka(terurai / termampat, 0)}×; batas {BATAS_UKURAN_TERURAI // 1_000_000} MB dan {BATAS_RASIO}×), "
            "melebihi batas aman. Unggah lembar kerja biasa tanpa data tersembunyi."
        )
    nama_isi = {i.filename for i in infos}
    if "xl/workbook.xml" not in nama_isi and "xl/workbook.bin" not in nama_isi:
        raise GalatBerkas(f"Berkas {nama} bukan buku kerja Excel (arsip ZIP tanpa isi xlsx). Unggah berkas .xlsx atau .csv.")


# A cell of a sheet's XML, with its reference and its content (``<c r="C2"><f>A2+B2</f><v/></c>``).
_RE_SEL_XML = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_RE_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_RE_RUMUS = re.compile(rb"<(?:\w+:)?f\b")
_RE_NILAI = re.compile(rb"<(?:\w+:)?v>\s*[^<\s]")
_RE_TEKS_SEBARIS = re.compile(rb"<(?:\w+:)?is>")
_RE_V = re.compile(rb"<(?:\w+:)?v\b")
_RE_JENIS_STR = re.compile(rb'\bt="str"')


def _ref_ke_indeks(kolom: bytes, baris: bytes) -> tuple[int, int]:
    c = 0
    for ch in kolom.decode():
        c = c * 26 + ord(ch) - 64
    return int(baris) - 1, c - 1


_RE_S = re.compile(rb'\bs="(\d+)"')
_RE_T = re.compile(rb'\bt="(\w+)"')


def _gaya_persen(zf: zipfile.ZipFile, ElementTree) -> set[int]:
    """Indices of the cell styles (cellXfs) whose number format shows a percentage (0%, 0.00%, custom)."""
    try:
        gaya = ElementTree.fromstring(zf.read("xl/styles.xml"))
    except Exception:
        return set()
    persen_fmt = {9, 10}
    for el in gaya.iter():
        if el.tag.endswith("}numFmt"):
            kode = re.sub(r'"[^"]*"|\\.', "", el.get("formatCode", ""))
            if "%" in kode:
                persen_fmt.add(int(el.get("numFmtId", "-1")))
    hasil = set()
    for el in gaya.iter():
        if el.tag.endswith("}cellXfs"):
            for i, xf in enumerate(x for x in el if x.tag.endswith("}xf")):
                if int(xf.get("numFmtId", "0")) in persen_fmt:
                    hasil.add(i)
    return hasil


def _pindai_xml(data: bytes) -> dict[str, tuple[list[tuple[int, int]], set[tuple[int, int]]]]:
    """Per sheet name: the formula cells saved without a cached value, and the number cells shown as a
    percentage (0-based row, col). What calamine's values alone do not tell.

    Excel always stores the last computed value beside a formula; scripts (openpyxl, some exports)
    do not, and every reader then sees an empty cell. A cell typed "75%" in Excel holds 0.75 with a
    percent format: the importer needs to know it is 75%. Only sheets that need it are scanned.
    """
    from defusedxml import ElementTree

    zf = zipfile.ZipFile(io.BytesIO(data))
    nama_isi = set(zf.namelist())
    if "xl/workbook.xml" not in nama_isi or "xl/_rels/workbook.xml.rels" not in nama_isi:
        return {}
    try:
        wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # a broken workbook.xml is reported by calamine itself
        return {}
    persen_gaya = _gaya_persen(zf, ElementTree) if "xl/styles.xml" in nama_isi else set()
    pola_gaya = [b's="%d"' % i for i in persen_gaya]
    target = {r.get("Id"): r.get("Target", "") for r in rels}
    hasil: dict[str, tuple[list[tuple[int, int]], set[tuple[int, int]]]] = {}
    for sh in wb.iter():
        if not sh.tag.endswith("}sheet"):
            continue
        rid = next((v for k, v in sh.attrib.items() if k.endswith("}id")), None)
        path = target.get(rid, "")
        path = path.lstrip("/") if path.startswith("/") else "xl/" + path
        if path not in nama_isi:
            continue
        xml = zf.read(path)
        ada_rumus = bool(_RE_RUMUS.search(xml))
        ada_persen = any(pola in xml for pola in pola_gaya)
        if not ada_rumus and not ada_persen:
            continue
        kosong, persen = [], set()
        for m in _RE_SEL_XML.finditer(xml):
            atribut, isi = m.group(1), m.group(2) or b""
            ref = _RE_REF.search(atribut)
            if not ref:
                continue
            if ada_persen:
                gaya, jenis = _RE_S.search(atribut), _RE_T.search(atribut)
                if gaya and int(gaya.group(1)) in persen_gaya and (not jenis or jenis.group(1) == b"n"):
                    persen.add(_ref_ke_indeks(ref.group(1), ref.group(2)))
            if not ada_rumus or not _RE_RUMUS.search(isi) or _RE_NILAI.search(isi) or _RE_TEKS_SEBARIS.search(isi):
                continue
            # Excel saves a formula whose result is "" as t="str" with an empty <v>: that is a value
            if _RE_JENIS_STR.search(atribut) and _RE_V.search(isi):
                continue
            kosong.append(_ref_ke_indeks(ref.group(1), ref.group(2)))
        hasil[sh.get("name")] = (kosong, persen)
    return hasil


def _gabungan(rentang, tinggi: int, lebar: int) -> dict[tuple[int, int], tuple[int, int]]:
    """Merged ranges -> every covered cell but the top-left, clipped to the sheet's used area."""
    hasil: dict[tuple[int, int], tuple[int, int]] = {}
    for (r0, c0), (r1, c1) in rentang or []:
        for r in range(r0, min(r1, tinggi - 1) + 1):
            for c in range(c0, min(c1, lebar - 1) + 1):
                if (r, c) != (r0, c0):
                    hasil[(r, c)] = (r0, c0)
    return hasil


def _baca_excel(data: bytes, nama: str) -> list[Lembar]:
    import python_calamine as pc

    try:
        wb = pc.load_workbook(io.BytesIO(data))
    except pc.PasswordError:
        raise GalatBerkas(_PESAN_SANDI.format(nama=nama)) from None
    except Exception as e:  # calamine raises several error types for broken files
        pesan = str(e).lower()
        if "password" in pesan or "encrypt" in pesan:
            raise GalatBerkas(_PESAN_SANDI.format(nama=nama)) from None
        raise GalatBerkas(f"Berkas {nama} tidak dapat dibaca sebagai lembar kerja Excel ({type(e).__name__}). Simpan ulang dari Excel sebagai .xlsx.") from None
    xml = _pindai_xml(data) if data[:4] == b"PK\x03\x04" else {}
    lembar, sel = [], 0
    for nama_lembar in wb.sheet_names:
        try:
            sheet = wb.get_sheet_by_name(nama_lembar)
            rows = sheet.to_python(skip_empty_area=False)
            rentang = sheet.merged_cell_ranges
        except Exception as e:
            raise GalatBerkas(f"Lembar '{nama_lembar}' di {nama} tidak dapat dibaca ({type(e).__name__}).") from None
        sel += sum(len(r) for r in rows)
        if sel > BATAS_SEL:
            raise GalatBerkas(f"Berkas {nama} terlalu besar: lebih dari {BATAS_SEL:,} sel. Pecah menjadi beberapa berkas.".replace(",", "."))
        lebar = max((len(r) for r in rows), default=0)
        rumus, persen = xml.get(nama_lembar, ([], set()))
        lembar.append(Lembar(nama_lembar, [list(r) for r in rows], _gabungan(rentang, len(rows), lebar), sorted(rumus), persen))
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


def _baca_csv(data: bytes, nama: str) -> list[Lembar]:
    teks = _dekode(data, nama)
    if "\x00" in teks:
        raise GalatBerkas(f"Berkas {nama} bukan teks CSV maupun lembar kerja Excel. Unggah berkas .xlsx atau .csv.")
    contoh = "\n".join(teks.splitlines()[:50])
    try:
        dialek = csv.Sniffer().sniff(contoh, delimiters=",;\t|")
        pemisah = dialek.delimiter
    except csv.Error:
        pemisah = max(",;\t", key=contoh.count)
    try:  # newline="": line ends \r\n, \n or \r alone (Excel for Mac), and line breaks inside quoted cells
        rows = list(csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah))
    except csv.Error as e:
        sebab = (f"ada sel lebih dari {csv.field_size_limit():,} karakter".replace(",", ".") if "field larger" in str(e)
                 else "tanda kutip atau akhir baris tidak pada tempatnya")
        raise GalatBerkas(f"Berkas {nama} bukan CSV yang dapat dibaca: {sebab}. Simpan ulang dari Excel sebagai CSV "
                          "lalu unggah lagi.") from None
    return [Lembar(Path(nama).stem, rows)]


def baca_lembar(data: bytes, nama: str) -> list[Lembar]:
    """Bytes of an uploaded file -> sheets of raw cells. Raises GalatBerkas with a clear message."""
    if not data or not data.strip():
        raise GalatBerkas(f"Berkas {nama} kosong. Pilih berkas yang berisi tabel.")
    if len(data) > BATAS_UKURAN:
        raise GalatBerkas(
            f"Berkas {nama} berukuran {format_angka(len(data) / 1e6, 1)} MB, melebihi batas {BATAS_UKURAN // (1024 * 1024)} MB. "
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
        try:
            return _baca_excel(data, nama)
        except GalatBerkas as e:
            if "kata sandi" in str(e):
                raise
            raise GalatBerkas(
                f"Berkas {nama} tidak dapat dibaca: mungkin dilindungi kata sandi atau format .xls yang rusak. "
                "Buka di Excel, simpan sebagai .xlsx tanpa kata sandi, lalu unggah lagi."
            ) from None
    if akhiran in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise GalatBerkas(f"Berkas {nama} bernama {akhiran} tetapi isinya bukan lembar kerja Excel. Simpan ulang dari Excel lalu unggah lagi.")
    return _baca_csv(data, nama)
