"""A corpus of hostile upload files, generated (nothing downloaded): each one built to defeat a reader.

``kasus()`` returns ``Kasus(nama, data, harapan, pesan)``:

- ``harapan == "tolak"``: the file itself is refused (``GalatBerkas``), the message contains ``pesan``;
- ``harapan == "masalah"``: the file is read and its preview lists blocking problems whose text contains
  ``pesan``, each with sheet, row and column (error cells);
- ``harapan == "baca"``: a legal file with hostile text (Markdown, HTML, URLs in every field): read as
  plain text, nothing interpreted.

``python tests/korpus_asing.py FOLDER`` writes them for a person (or a browser) to try.
"""
from __future__ import annotations

import io
import struct
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkjip.ingest.tabel import KOLOM  # noqa: E402
from korpus import _cfb, _rekaman  # noqa: E402  (the minimal compound-file writer of the import corpus)

RUMIT = "terlalu rumit / terlalu besar untuk dibaca"


@dataclass
class Kasus:
    nama: str
    data: bytes
    harapan: str  # tolak | masalah | baca
    pesan: str


_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="xl/workbook.xml"/></Relationships>')
_WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
       '<sheet name="Indikator" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>')
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _sel(ref: str, isi: object, jenis: str | None = None) -> str:
    if isinstance(isi, (int, float)):
        return f'<c r="{ref}"><v>{isi}</v></c>'
    if jenis == "e":
        return f'<c r="{ref}" t="e"><f>1/0</f><v>{isi}</v></c>'
    teks = str(isi).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{teks}</t></is></c>'


def _lembar(baris: list[str], ekor: str = "", kepala: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}>{kepala}<sheetData>{"".join(baris)}</sheetData>'
            f'{ekor}</worksheet>')


def _baris(r: int, sel: list[str]) -> str:
    return f'<row r="{r}">{"".join(sel)}</row>'


def xlsx(sheet_xml: str | bytes, bagian_lain: dict[str, bytes] | None = None, metode=zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal, valid xlsx around one sheet's XML (calamine opens it)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", metode) as z:
        for nama, isi in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS), ("xl/workbook.xml", _WB),
                          ("xl/_rels/workbook.xml.rels", _WB_RELS), ("xl/worksheets/sheet1.xml", sheet_xml)):
            z.writestr(zipfile.ZipInfo(nama, (2024, 1, 1, 0, 0, 0)), isi, compress_type=metode)
        for nama, isi in (bagian_lain or {}).items():
            z.writestr(zipfile.ZipInfo(nama, (2024, 1, 1, 0, 0, 0)), isi, compress_type=metode)
    return buf.getvalue()


# BErr codes of BIFF8 (MS-XLS 2.5.10)
KODE_GALAT_XLS = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17, "#NAME?": 0x1D, "#NUM!": 0x24, "#N/A": 0x2A}


def xls(nama_lembar: str, rows: list[list[object]], jauh: tuple[int, int] | None = None,
        dimensi: tuple[int, int, int, int] | None = None, sandi: bool = False) -> bytes:
    """A legacy .xls (BIFF8 in a compound file) of one sheet, as Excel saves it.

    Cells: numbers (NUMBER), text (LABEL), and errors given as ``("rumus", "#REF!")`` (a FORMULA whose
    saved result is the error, as Excel writes a failed formula) or ``("sel", "#N/A")`` (a BOOLERR: an
    error typed as a constant). ``jauh``: one more text cell at that (row, column), 0-based.
    ``dimensi``: the DIMENSIONS record's (first row, last row + 1, first column, last column + 1) instead of
    the true ones. ``sandi``: a FILEPASS record (RC4 encryption header) as a password-protected workbook has."""
    def teks16(t: str) -> bytes:
        return struct.pack("<HB", len(t), 1) + t.encode("utf-16-le")

    sel = b""
    for r, baris in enumerate(rows):
        for c, v in enumerate(baris):
            if v is None or v == "":
                continue
            if isinstance(v, tuple):
                kode = KODE_GALAT_XLS[v[1]]
                if v[0] == "sel":
                    sel += _rekaman(0x0205, struct.pack("<HHHBB", r, c, 15, kode, 1))
                else:  # FormulaValue: type 2 (error), the code, 0xFFFF; then flags, cache, and the formula =#REF! (PtgErr)
                    hasil = struct.pack("<BBBBHH", 2, 0, kode, 0, 0, 0xFFFF)
                    rgce = bytes([0x1C, kode])
                    sel += _rekaman(0x0006, struct.pack("<HHH", r, c, 15) + hasil + struct.pack("<HIH", 0, 0, len(rgce)) + rgce)
            elif isinstance(v, (int, float)):
                sel += _rekaman(0x0203, struct.pack("<HHHd", r, c, 15, float(v)))
            else:
                sel += _rekaman(0x0204, struct.pack("<HHH", r, c, 15) + teks16(str(v)))
    tinggi, lebar = len(rows), max(len(b) for b in rows)
    if jauh:
        sel += _rekaman(0x0204, struct.pack("<HHH", jauh[0], jauh[1], 15) + teks16("z"))
        tinggi, lebar = jauh[0] + 1, jauh[1] + 1
    dim = dimensi or (0, tinggi, 0, lebar)
    lembar = (_rekaman(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
              + _rekaman(0x0200, struct.pack("<IIHHH", *dim, 0)) + sel + _rekaman(0x000A))
    xf = struct.pack("<HHHBBBBIIH", 0, 0, 0xFFF5, 0x20, 0, 0, 0, 0, 0, 0x20C0)  # style XF
    xf_sel = struct.pack("<HHHBBBBIIH", 0, 0, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0)  # cell XF
    font = struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + struct.pack("<BB", 5, 0) + b"Arial"
    buku_awal = (_rekaman(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
                 + (_rekaman(0x002F, struct.pack("<HHH", 1, 1, 1) + bytes(48)) if sandi else b"")
                 + _rekaman(0x0042, struct.pack("<H", 1200))  # CODEPAGE: UTF-16
                 + b"".join(_rekaman(0x0031, font) for _ in range(5))
                 + b"".join(_rekaman(0x00E0, xf) for _ in range(15)) + _rekaman(0x00E0, xf_sel))
    nama16 = struct.pack("<BB", len(nama_lembar), 1) + nama_lembar.encode("utf-16-le")
    awal_lembar = len(buku_awal) + 4 + 6 + len(nama16) + 4  # + BOUNDSHEET + EOF
    buku = buku_awal + _rekaman(0x0085, struct.pack("<IBB", awal_lembar, 0, 0) + nama16) + _rekaman(0x000A)
    assert len(buku) == awal_lembar
    return _cfb({"Workbook": buku + lembar})


def xls_lembar_tumpang(n_lembar: int = 1000, n_sel: int = 1000) -> bytes:
    """An .xls whose ``n_lembar`` sheets all point at the same records (one sheet of ``n_sel`` cells): a walk
    per sheet would visit n_lembar x n_sel records."""
    sel = b"".join(_rekaman(0x0203, struct.pack("<HHHd", i, 0, 15, 1.0)) for i in range(n_sel))
    lembar = (_rekaman(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
              + _rekaman(0x0200, struct.pack("<IIHHH", 0, n_sel, 0, 1, 0)) + sel + _rekaman(0x000A))
    kepala = _rekaman(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    satu = lambda i, awal: _rekaman(0x0085, struct.pack("<IBB", awal, 0, 0) + struct.pack("<BB", len(f"L{i}"), 0) + f"L{i}".encode())
    awal = len(kepala) + sum(len(satu(i, 0)) for i in range(n_lembar)) + 4
    buku = kepala + b"".join(satu(i, awal) for i in range(n_lembar)) + _rekaman(0x000A)
    assert len(buku) == awal
    return _cfb({"Workbook": buku + lembar})


# The table of the error-cell cases: Target (column D) holds one error value per row.
GALAT_TABEL = ("#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!")


def _tabel_kecil() -> list[str]:
    kepala = ["Instansi", "Tahun", "Indikator", "Target", "Realisasi"]
    return [_baris(1, [_sel(f"{'ABCDE'[i]}1", h) for i, h in enumerate(kepala)]),
            _baris(2, [_sel("A2", "Dinas Sosial Kota Depok"), _sel("B2", 2022), _sel("C2", "Persentase PPKS tertangani"),
                       _sel("D2", 100), _sel("E2", 90)])]


def _ubah_ukuran(data: bytes, anggota: str, ukuran: int) -> bytes:
    """The archive with ``anggota``'s declared uncompressed size replaced (local header and central directory)."""
    b = bytearray(data)
    nama = anggota.encode()
    i = 0
    while True:
        i = b.find(b"PK\x03\x04", i)
        if i < 0:
            break
        n_nama = struct.unpack_from("<H", b, i + 26)[0]
        if bytes(b[i + 30:i + 30 + n_nama]) == nama:
            struct.pack_into("<I", b, i + 22, ukuran)
        i += 4
    i = 0
    while True:
        i = b.find(b"PK\x01\x02", i)
        if i < 0:
            break
        n_nama = struct.unpack_from("<H", b, i + 28)[0]
        if bytes(b[i + 46:i + 46 + n_nama]) == nama:
            struct.pack_into("<I", b, i + 24, ukuran)
        i += 4
    return bytes(b)


def _ubah_crc(data: bytes, anggota: str) -> bytes:
    b = bytearray(data)
    nama = anggota.encode()
    for tanda, geser_nama, geser_crc, awal_nama in ((b"PK\x03\x04", 26, 14, 30), (b"PK\x01\x02", 28, 16, 46)):
        i = 0
        while (i := b.find(tanda, i)) >= 0:
            n_nama = struct.unpack_from("<H", b, i + geser_nama)[0]
            if bytes(b[i + awal_nama:i + awal_nama + n_nama]) == nama:
                crc = struct.unpack_from("<I", b, i + geser_crc)[0]
                struct.pack_into("<I", b, i + geser_crc, crc ^ 0xDEADBEEF)
            i += 4
    return bytes(b)


def _rusak_isi(data: bytes, anggota: str) -> bytes:
    """Garbage in the middle of ``anggota``'s compressed bytes (sizes and CRC untouched)."""
    b = bytearray(data)
    nama = anggota.encode()
    i = 0
    while (i := b.find(b"PK\x03\x04", i)) >= 0:
        n_nama, n_extra = struct.unpack_from("<HH", b, i + 26)
        if bytes(b[i + 30:i + 30 + n_nama]) == nama:
            awal = i + 30 + n_nama + n_extra
            ukuran = struct.unpack_from("<I", b, i + 18)[0]
            for j in range(awal + ukuran // 3, awal + ukuran // 3 + 16):
                b[j] = 0xFF
        i += 4
    return bytes(b)


def kasus() -> list[Kasus]:
    k: list[Kasus] = []
    tabel = _tabel_kecil()

    # 1. one value at A1 and one at XFD1048576: a reader allocating the grid needs 17 billion cells
    jauh = tabel + [_baris(1048576, [_sel("XFD1048576", "z")])]
    k.append(Kasus("sudut_jauh.xlsx", xlsx(_lembar(jauh)), "tolak", "XFD1048576"))
    # 2. 300 overlapping merged ranges in a 2 KB file
    gabung = "".join(f'<mergeCell ref="A{i + 1}:Z{i + 2000}"/>' for i in range(300))
    k.append(Kasus("gabungan_tumpang.xlsx", xlsx(_lembar(tabel, f'<mergeCells count="300">{gabung}</mergeCells>')), "tolak",
                   "gabungan"))
    # 3. more merged ranges than any report has (small ones, no overlap)
    banyak = "".join(f'<mergeCell ref="A{2 * i + 10}:B{2 * i + 10}"/>' for i in range(10_500))
    k.append(Kasus("gabungan_banyak.xlsx", xlsx(_lembar(tabel, f'<mergeCells count="10500">{banyak}</mergeCells>')), "tolak",
                   "rentang sel gabungan"))
    # 4. a member that says it is 1 KB and inflates to 220 MB of blanks (whitespace is legal XML)
    kosong = " " * (220 * 1024 * 1024)
    besar = xlsx(_lembar(tabel).replace("<sheetData>", "<sheetData>" + kosong))
    k.append(Kasus("ukuran_bohong.xlsx", _ubah_ukuran(besar, "xl/worksheets/sheet1.xml", 1024), "tolak", "xlsx"))
    # 5. the same bomb with honest sizes (caught while inflating, not by the declared sizes alone)
    k.append(Kasus("bom_zip.xlsx", besar, "tolak", "melebihi batas aman"))
    # 6. a corrupt member, 7. a bad CRC
    biasa = xlsx(_lembar(tabel + [_baris(r, [_sel(f"A{r}", f"baris {r} " * 20)]) for r in range(3, 400)]))
    k.append(Kasus("anggota_rusak.xlsx", _rusak_isi(biasa, "xl/worksheets/sheet1.xml"), "tolak", "rusak"))
    k.append(Kasus("crc_salah.xlsx", _ubah_crc(biasa, "xl/worksheets/sheet1.xml"), "tolak", "CRC"))
    # 8. XML nested 3.000 deep (Excel writes about 10; a recursive parser fed 100 times more overflows its stack)
    dalam = "<extLst>" + "<ext>" * 3000 + "</ext>" * 3000 + "</extLst>"
    k.append(Kasus("xml_dalam.xlsx", xlsx(_lembar(tabel, dalam)), "tolak", "bersarang"))
    # 9. bait for a backtracking pattern over a whole part: thousands of elements that look like an
    #    opening cell tag (<c:x>) with no closing </c> anywhere after them, next to a formula cell
    umpan = '<extLst><ext uri="x" xmlns:c="urn:umpan">' + "<c:x></c:x>" * 9000 + "</ext></extLst>"
    rumus = tabel + [_baris(3, ['<c r="A3"><f>SUM(D2:E2)</f><v>190</v></c>'])]
    k.append(Kasus("umpan_regex.xlsx", xlsx(_lembar(rumus, umpan)), "baca", ""))
    # 10. billion laughs in the shared strings
    tawa = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">' for i in range(9))
            + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol8;</t></si></sst>')
    k.append(Kasus("entitas_tawa.xlsx", xlsx(_lembar(tabel), {"xl/sharedStrings.xml": tawa.encode()}), "tolak", "DTD"))
    # 11. a truncated archive, 12. an archive of 12.000 empty members
    k.append(Kasus("terpotong.xlsx", biasa[: len(biasa) // 2], "tolak", "rusak"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", _WB)
        for i in range(12_000):
            z.writestr(f"x/{i}", b"")
    k.append(Kasus("anggota_banyak.xlsx", buf.getvalue(), "tolak", "bagian"))
    # 13. error cells in the table: problems with sheet, row and column, never blanks
    galat = [tabel[0]] + [_baris(r, [_sel(f"A{r}", "Dinas Sosial Kota Depok"), _sel(f"B{r}", 2022), _sel(f"C{r}", f"Indikator {r}"),
                                     _sel(f"D{r}", e, "e"), _sel(f"E{r}", 5)])
                          for r, e in zip(range(2, 9), GALAT_TABEL)]
    k.append(Kasus("sel_galat.xlsx", xlsx(_lembar(galat)), "masalah", "galat rumus"))
    kolom = KOLOM["indikator"]
    baris_csv = [",".join(kolom), ",".join(["Dinas Sosial Kota Depok", "2022", "", "Indikator A", "", "", "", "#DIV/0!", "#N/A"]
                                            + [""] * (len(kolom) - 9))]
    k.append(Kasus("sel_galat.csv", ("\n".join(baris_csv) + "\n").encode(), "masalah", "galat rumus"))
    # 13b. the same error cells in a legacy .xls: failed formulas (rows 2-5) and error constants (rows 6-8)
    kepala = ["Instansi", "Tahun", "Indikator", "Target", "Realisasi"]
    isi = [kepala] + [["Dinas Sosial Kota Depok", 2022, f"Indikator {r}", ("rumus" if r < 6 else "sel", e), 5]
                      for r, e in zip(range(2, 9), GALAT_TABEL)]
    k.append(Kasus("sel_galat.xls", xls("Indikator", isi), "masalah", "galat rumus"))
    # 13c. a .xls with one cell at A1's table and one at IV65536, Excel 97's last cell: 16,7 million cells
    kecil = [kepala, ["Dinas Sosial Kota Depok", 2022, "Persentase PPKS tertangani", 100, 90]]
    k.append(Kasus("sudut_jauh.xls", xls("Indikator", kecil, jauh=(65535, 255)), "tolak", "IV65536"))
    # 13d. a .xls whose DIMENSIONS record is reversed (last row before the first): a reader reserving
    #      the declared size wraps around to exabytes
    k.append(Kasus("dimensi_palsu.xls", xls("Indikator", kecil, dimensi=(60000, 2, 0, 5)), "tolak", "DIMENSIONS"))
    # 14. Markdown, HTML and URLs in every text field of the template (legal: read as plain text)
    jahat = ["![x](http://127.0.0.2:9/p.png)", "<img src=x onerror=alert(1)>", "[klik](http://contoh.test/a)",
             "**tebal** _miring_ `kode`", "http://contoh.test/b", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")"]
    rows = [",".join(kolom)]
    for i, j in enumerate(jahat):
        isi = {"instansi": f"Dinas Sosial {j}", "tahun": "2022", "sasaran": j, "indikator": f"{j} {i}", "satuan": j,
               "target": "100", "realisasi": "90", "sumber": j, "catatan": j}
        rows.append(",".join('"' + str(isi.get(c, "")).replace('"', '""') + '"' for c in kolom))
    k.append(Kasus("teks_jahat.csv", ("\n".join(rows) + "\n").encode(), "baca", ""))
    # 15. not a spreadsheet at all, named .xlsx
    k.append(Kasus("bukan.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "tolak", "bukan lembar kerja"))
    return k


def pekerja_bunuh_diri(conn, *_):
    """A reader worker that is killed as the kernel's OOM killer would kill it (tests of lkjip/ingest/penjaga.py)."""
    import os
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


def tulis(folder: str | Path) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    hasil = []
    for ks in kasus():
        (folder / ks.nama).write_bytes(ks.data)
        hasil.append(folder / ks.nama)
    return hasil


if __name__ == "__main__":
    for p in tulis(sys.argv[1] if len(sys.argv) > 1 else "korpus_asing"):
        print(p, p.stat().st_size)
