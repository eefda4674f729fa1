"""Reading an uploaded file into sheets of raw cells, safely.

Checks happen before any parsing: size, file type by content (not by name), and for xlsx the ZIP
central directory (total uncompressed size and compression ratio, against ZIP bombs). Excel is read
with python-calamine, which does not expand XML entities. CSV: encoding (UTF-8 or Windows-1252) and
dialect (comma, or the semicolon that Indonesian Excel writes) are sniffed.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

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


def _jenis_isi(data: bytes) -> str:
    if data[:4] == b"PK\x03\x04":
        return "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"  # legacy .xls, or an encrypted (password-protected) xlsx
    return "teks"


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
            f"Berkas {nama} ditolak: isinya terurai menjadi {terurai / 1e6:,.0f} MB "
            f"(rasio {terurai / termampat:,.0f}×), melebihi batas aman. Unggah lembar kerja biasa tanpa data tersembunyi."
        )
    nama_isi = {i.filename for i in infos}
    if "xl/workbook.xml" not in nama_isi and "xl/workbook.bin" not in nama_isi:
        raise GalatBerkas(f"Berkas {nama} bukan buku kerja Excel (arsip ZIP tanpa isi xlsx). Unggah berkas .xlsx atau .csv.")


def _baca_excel(data: bytes, nama: str) -> list[Lembar]:
    import python_calamine as pc

    try:
        wb = pc.load_workbook(io.BytesIO(data))
    except pc.PasswordError:
        raise GalatBerkas(f"Berkas {nama} dilindungi kata sandi. Buka di Excel, hapus kata sandinya, simpan, lalu unggah lagi.") from None
    except Exception as e:  # calamine raises several error types for broken files
        pesan = str(e).lower()
        if "password" in pesan or "encrypt" in pesan:
            raise GalatBerkas(f"Berkas {nama} dilindungi kata sandi. Buka di Excel, hapus kata sandinya, simpan, lalu unggah lagi.") from None
        raise GalatBerkas(f"Berkas {nama} tidak dapat dibaca sebagai lembar kerja Excel ({type(e).__name__}). Simpan ulang dari Excel sebagai .xlsx.") from None
    lembar, sel = [], 0
    for nama_lembar in wb.sheet_names:
        try:
            rows = wb.get_sheet_by_name(nama_lembar).to_python(skip_empty_area=False)
        except Exception as e:
            raise GalatBerkas(f"Lembar '{nama_lembar}' di {nama} tidak dapat dibaca ({type(e).__name__}).") from None
        sel += sum(len(r) for r in rows)
        if sel > BATAS_SEL:
            raise GalatBerkas(f"Berkas {nama} terlalu besar: lebih dari {BATAS_SEL:,} sel. Pecah menjadi beberapa berkas.".replace(",", "."))
        lembar.append(Lembar(nama_lembar, [list(r) for r in rows]))
    return lembar


def _dekode(data: bytes, nama: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    teks = data.decode("cp1252", errors="replace")
    if "\x00" in teks or teks.count("\ufffd") > max(3, len(teks) // 100):
        raise GalatBerkas(f"Berkas {nama} bukan teks CSV maupun lembar kerja Excel. Unggah berkas .xlsx atau .csv.")
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
    rows = list(csv.reader(io.StringIO(teks), delimiter=pemisah))
    return [Lembar(Path(nama).stem, rows)]


def baca_lembar(data: bytes, nama: str) -> list[Lembar]:
    """Bytes of an uploaded file -> sheets of raw cells. Raises GalatBerkas with a clear message."""
    if not data or not data.strip():
        raise GalatBerkas(f"Berkas {nama} kosong. Pilih berkas yang berisi tabel.")
    if len(data) > BATAS_UKURAN:
        raise GalatBerkas(
            f"Berkas {nama} berukuran {len(data) / 1e6:.1f} MB, melebihi batas {BATAS_UKURAN // (1024 * 1024)} MB. "
            "Pecah menjadi beberapa berkas."
        )
    jenis = _jenis_isi(data)
    akhiran = Path(nama).suffix.lower()
    if jenis == "zip":
        _periksa_zip(data, nama)
        return _baca_excel(data, nama)
    if jenis == "ole":
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
