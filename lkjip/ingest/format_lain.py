"""Formats offices use besides xlsx and CSV, and the sheets that are not data.

- OpenDocument spreadsheets (.ods, LibreOffice): a ZIP whose ``mimetype`` says so; checked against
  the same size and ratio limits as xlsx, then read by calamine.
- The "Excel export" of web apps that is really an HTML table with an .xls/.xlsx name: read with the
  standard library's HTML parser (no entity expansion, no network), colspan/rowspan as merged cells.
- Hidden sheets and chart sheets (listed by calamine's sheet metadata) and cover sheets.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from .berkas import BATAS_RASIO, BATAS_SEL, BATAS_UKURAN_TERURAI, GalatBerkas, Lembar

_MIME_ODS = b"application/vnd.oasis.opendocument.spreadsheet"
_RE_HTML = re.compile(rb"<\s*(html|table|!doctype\s+html|meta|head|body)\b", re.I)


def _ods(data: bytes) -> bool:
    if data[:4] != b"PK\x03\x04":
        return False
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        return "mimetype" in zf.namelist() and zf.read("mimetype").strip() == _MIME_ODS
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def _html(data: bytes) -> bool:
    awal = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return awal[:1] == b"<" and bool(_RE_HTML.search(awal)) and b"<table" in data[:200_000].lower()


def format_asli(data: bytes, nama: str) -> str | None:
    """What the file really is when its name says otherwise (for the preview), else None."""
    akhiran = Path(nama).suffix.lower()
    if _html(data) and akhiran not in (".html", ".htm"):
        return f"tabel HTML (halaman web) bernama {akhiran or 'tanpa akhiran'}"
    if _ods(data):
        return "lembar kerja OpenDocument (.ods, LibreOffice)" if akhiran != ".ods" else None
    return None


def _periksa_ods(data: bytes, nama: str) -> None:
    """The archive is inflated in a stream with a cap (declared sizes are never trusted); corrupt -> a message."""
    import zlib

    terurai = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                with zf.open(info) as f:
                    while potong := f.read(1 << 20):
                        terurai += len(potong)
                        if terurai > BATAS_UKURAN_TERURAI or terurai / max(1, len(data)) > BATAS_RASIO:
                            raise GalatBerkas(f"Berkas {nama} ditolak: isinya terurai jauh melebihi batas aman. "
                                              "Unggah lembar kerja biasa.")
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError):
        raise GalatBerkas(f"Berkas {nama} rusak: arsip .ods tidak utuh. Simpan ulang dari LibreOffice lalu unggah lagi.") from None


def baca_format_lain(data: bytes, nama: str) -> list[Lembar] | None:
    """Sheets of an .ods or an HTML table; None for every other file (read by ``berkas``)."""
    if _ods(data):
        _periksa_ods(data, nama)
        from .berkas import _baca_excel

        return _baca_excel(data, nama, ods=True)
    if _html(data):
        return _baca_html(data, nama)
    return None


class _Tabel(HTMLParser):
    """Rows of every <table> (a blank row between tables) and the text blocks before them (titles)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.baris: list[list[object]] = []
        self.gabungan: dict[tuple[int, int], tuple[int, int]] = {}
        self._kedalaman = 0
        self._sel: list[str] | None = None
        self._baris_ini: list[object] | None = None
        self._rentang: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) occupied by a rowspan -> origin
        self._bentang = (1, 1)
        self._teks_luar: list[str] = []

    def _luar_selesai(self):
        t = re.sub(r"\s+", " ", "".join(self._teks_luar)).strip()
        if t:
            self.baris.append([t])
        self._teks_luar = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            if self._kedalaman == 0:
                self._luar_selesai()
            self._kedalaman += 1
        elif tag == "tr" and self._kedalaman:
            self._baris_ini = []
        elif tag in ("td", "th") and self._baris_ini is not None:
            self._sel = []
            try:
                self._bentang = (max(1, int(a.get("rowspan") or 1)), max(1, int(a.get("colspan") or 1)))
            except ValueError:
                self._bentang = (1, 1)
        elif tag == "br" and self._sel is not None:
            self._sel.append(" ")
        elif tag in ("p", "div", "h1", "h2", "h3", "h4", "h5", "br", "caption") and not self._kedalaman:
            self._luar_selesai()
        elif tag == "caption":
            self._sel = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._sel is not None and self._baris_ini is not None:
            r = len(self.baris)
            c = len(self._baris_ini)
            while (r, c) in self._rentang:
                self._baris_ini.append(None)
                c += 1
            teks = re.sub(r"\s+", " ", "".join(self._sel)).strip()
            self._baris_ini.append(teks or None)
            nr, nc = self._bentang
            for dr in range(nr):
                for dc in range(nc):
                    if (dr, dc) != (0, 0):
                        self._rentang[(r + dr, c + dc)] = (r, c)
                        self.gabungan[(r + dr, c + dc)] = (r, c)
            for dc in range(1, nc):
                self._baris_ini.append(None)
            self._sel = None
        elif tag == "tr" and self._baris_ini is not None:
            r = len(self.baris)
            c = len(self._baris_ini)
            while (r, c) in self._rentang:
                self._baris_ini.append(None)
                c += 1
            self.baris.append(self._baris_ini)
            self._baris_ini = None
            if len(self.baris) * max(1, max(len(b) for b in self.baris)) > BATAS_SEL:
                raise GalatBerkas("Tabel HTML terlalu besar.")
        elif tag == "table" and self._kedalaman:
            self._kedalaman -= 1
            if not self._kedalaman:
                self.baris.append([])
        elif tag in ("p", "div", "h1", "h2", "h3", "h4", "h5") and not self._kedalaman:
            self._luar_selesai()

    def handle_data(self, data):
        if self._sel is not None:
            self._sel.append(data)
        elif not self._kedalaman:
            self._teks_luar.append(data)


def _baca_html(data: bytes, nama: str) -> list[Lembar]:
    m = re.search(rb"charset\s*=\s*[\"']?([\w-]+)", data[:4096], re.I)
    kode = m.group(1).decode("ascii", "replace") if m else "utf-8"
    try:
        teks = data.decode(kode)
    except (LookupError, UnicodeDecodeError):
        teks = data.decode("cp1252", errors="replace")
    t = _Tabel()
    try:
        t.feed(re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", teks))
        t.close()
    except GalatBerkas:
        raise GalatBerkas(f"Berkas {nama} (tabel HTML) terlalu besar: lebih dari {BATAS_SEL:,} sel.".replace(",", ".")) from None
    baris = [[html.unescape(v) if isinstance(v, str) else v for v in r] for r in t.baris]
    if not any(any(v for v in r) for r in baris):
        raise GalatBerkas(f"Berkas {nama} adalah halaman web tanpa tabel berisi. Ekspor ulang sebagai Excel (.xlsx).")
    return [Lembar(Path(nama).stem, baris, t.gabungan)]


def lembar_khusus(data: bytes) -> dict[str, str]:
    """Sheet name -> 'tersembunyi' | 'grafik' for the hidden and chart sheets of a workbook."""
    if data[:4] != b"PK\x03\x04" and data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return {}
    try:
        import python_calamine as pc

        hasil = {}
        for m in pc.load_workbook(io.BytesIO(data)).sheets_metadata:
            if "Chart" in str(m.typ):
                hasil[m.name] = "grafik"
            elif "Visible" not in str(m.visible) or "Hidden" in str(m.visible):
                hasil[m.name] = "tersembunyi"
        return hasil
    except Exception:  # the reader proper has already said what is wrong with the file
        return {}


_RE_SAMPUL = re.compile(r"^(sampul|cover|judul|halaman\s+judul|petunjuk|keterangan|readme|info)\b", re.I)


def sampul(lb: Lembar, banyak_lembar: bool) -> bool:
    """A cover or instructions sheet: named so, or (in a workbook of several sheets) a few lines of text
    without any figure."""
    if _RE_SAMPUL.match(lb.nama.strip()):
        return True
    if not banyak_lembar:
        return False
    isi = [v for r in lb.baris for v in r if v not in (None, "")]
    return len(isi) <= 12 and not any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in isi)
