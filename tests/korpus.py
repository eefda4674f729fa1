"""A corpus of upload files "as planners really keep them", generated from the bundled report tables.

``kasus()`` returns every case: the file (bytes and name), the keyword arguments of the upload
(``instansi=``/``tahun=`` chosen by the user, ``simpan_salah_cetak``), and what the importer must
make of it (``Harapan``: rows per table, the rows themselves, key figures, and the problems with
their sheet, row and column). ``tulis(folder)`` writes the files and an index (``korpus.json``) for
a person to open: ``python tests/korpus.py /tmp/korpus``.

The figures come from ``data/seed/<report>/*.csv`` (transcribed as printed from the three LKjIP
reports; each case cites its table) and are laid out the way the reports and e-monev exports lay
them out: title rows, numbered-column rows, two-row headers, merged cells, blank rows, totals and
subtotals, Indonesian numbers, Excel percent cells, several sheets, CSV in both dialects and
encodings. Everything is deterministic: the same cases, the same bytes (fixed xlsx timestamps).

Legacy .xls: no maintained writer exists for Python (xlwt is unmaintained since 2017), so the .xls
path (python-calamine) is exercised by one tiny BIFF8 workbook written by ``_xls`` below, a minimal
writer of the Compound File + BIFF8 records that calamine needs. The password-protected xlsx is an
OLE compound file with the ``EncryptionInfo``/``EncryptedPackage`` streams of MS-OFFCRYPTO (their
contents are not a real encryption: the importer must refuse the file from its structure alone).
"""
from __future__ import annotations

import csv
import io
import json
import struct
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkjip.numbers import parse  # noqa: E402
from lkjip.templat import buat_templat, tetapkan_zip  # noqa: E402

SEED = ROOT / "data" / "seed"
PAREPARE, BEKASI, PASURUAN = "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Pasuruan"


@dataclass
class Harapan:
    """What the importer must make of a case.

    jumlah: rows per table (exactly ``Pratinjau.jumlah()``); baris: per table, records whose listed
    fields must equal the preview's rows in order (numbers compared to 2 decimals); angka: key figures
    ``(table, {field: value} filter, field, "sum"|"count"|"first", value)``; masalah: problems that
    must be present, ``(tingkat, lembar, baris, kolom prefix, part of the message)`` (None = any);
    galat: whether blocking errors are expected (False: none at all); galat_berkas: the file must be
    refused (GalatBerkas) with a message containing this text.
    """

    jumlah: dict[str, int] = field(default_factory=dict)
    baris: dict[str, list[dict]] = field(default_factory=dict)
    angka: list[tuple] = field(default_factory=list)
    masalah: list[tuple] = field(default_factory=list)
    galat: bool = False
    galat_berkas: str | None = None


@dataclass
class Kasus:
    nama: str
    tata_letak: str  # what the file looks like, for people
    nama_file: str
    data: bytes
    harapan: Harapan
    kw: dict = field(default_factory=dict)


# --- the bundled report tables -----------------------------------------------------------------------
def seed(laporan: str, berkas: str, tabel: str) -> list[dict]:
    """Rows of one report table, in printed order (``tabel``: the end of ``sumber``, e.g. 'Tabel 3.2')."""
    with open(SEED / laporan / f"{berkas}.csv", encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["sumber"].endswith(", " + tabel)]


def _angka(teks: str) -> float | None:
    return parse(teks).nilai


def _harapan_indikator(rows: list[dict], **tetap) -> list[dict]:
    """Expected preview rows of an indicator table: names as printed, figures parsed from the print."""
    return [{"instansi": r["instansi"], "tahun": int(r["tahun"]), "indikator": r["indikator"],
             "target": _angka(r["target"]), "realisasi": _angka(r["realisasi"]), **tetap} for r in rows]


# --- writers -------------------------------------------------------------------------------------------
@dataclass
class Lembar:
    nama: str
    baris: list[list[object]]
    gabung: list[str] = field(default_factory=list)  # merged ranges such as "B7:B10"
    tebal: list[int] = field(default_factory=list)  # 1-based rows in bold (headers)
    format: dict[str, str] = field(default_factory=dict)  # cell -> number format, e.g. {"D7": "0%"}


def _xlsx(*lembar: Lembar) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for lb in lembar:
        ws = wb.create_sheet(lb.nama)
        for r, baris in enumerate(lb.baris, start=1):
            for c, v in enumerate(baris, start=1):
                if v is not None and v != "":
                    ws.cell(r, c, v)
        for rentang in lb.gabung:
            ws.merge_cells(rentang)
        for r in lb.tebal:
            for sel in ws[r]:
                sel.font = Font(bold=True)
        for sel, fmt in lb.format.items():
            ws[sel].number_format = fmt
    buf = io.BytesIO()
    wb.save(buf)
    return tetapkan_zip(buf.getvalue())


def _csv(rows: list[list[object]], pemisah: str = ",", encoding: str = "utf-8", bom: bool = False) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=pemisah, lineterminator="\r\n").writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode(encoding)


def _koma(teks: str) -> str:
    """A figure as Indonesian Excel prints it in a CSV: decimal comma ("94.73%" -> "94,73%")."""
    return teks.replace(".", ",") if teks.count(".") == 1 and len(teks.split(".")[1].rstrip("%")) != 3 else teks


def _cfb(aliran: dict[str, bytes]) -> bytes:
    """A minimal OLE Compound File (v3, 512-byte sectors) holding the given streams.

    Streams are padded to 4096 bytes so that none lives in the mini stream; one FAT sector (up to
    127 data sectors). Enough for calamine and for the importer's checks, not a general writer.
    """
    nama = sorted(aliran, key=lambda n: (len(n), n.upper()))
    data = {n: aliran[n] + b"\x00" * max(0, 4096 - len(aliran[n])) for n in nama}
    data = {n: d + b"\x00" * (-len(d) % 512) for n, d in data.items()}
    akhir, bebas, fat_sect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    fat = [fat_sect, akhir]  # sector 0: the FAT, sector 1: the directory
    mulai = {}
    for n in nama:
        mulai[n] = len(fat)
        k = len(data[n]) // 512
        fat += list(range(len(fat) + 1, len(fat) + k)) + [akhir]
    assert len(fat) <= 128
    fat += [bebas] * (128 - len(fat))

    def entri(n: str, jenis: int, kanan: int, anak: int, sektor: int, ukuran: int) -> bytes:
        nm = n.encode("utf-16-le") + b"\x00\x00"
        return (nm.ljust(64, b"\x00") + struct.pack("<HBB", len(nm), jenis, 1)
                + struct.pack("<III", bebas, kanan, anak) + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
                + struct.pack("<IQ", sektor, ukuran))

    direktori = entri("Root Entry", 5, bebas, 1 if nama else bebas, akhir, 0)
    for i, n in enumerate(nama, start=1):
        direktori += entri(n, 2, i + 1 if i < len(nama) else bebas, bebas, mulai[n], len(aliran[n]) if len(aliran[n]) >= 4096 else len(data[n]))
    assert len(nama) <= 3
    direktori = direktori.ljust(512, b"\x00")
    kepala = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, akhir, 0, akhir, 0)
              + struct.pack("<109I", 0, *([bebas] * 108)))
    assert len(kepala) == 512
    return kepala + struct.pack("<128I", *fat) + direktori + b"".join(data[n] for n in nama)


def _rekaman(jenis: int, isi: bytes = b"") -> bytes:
    return struct.pack("<HH", jenis, len(isi)) + isi


def _xls(nama_lembar: str, rows: list[list[object]]) -> bytes:
    """A tiny legacy .xls (BIFF8 in a compound file): strings as LABEL records, numbers as NUMBER."""
    def teks16(t: str) -> bytes:  # XLUnicodeString, 16-bit length, uncompressed UTF-16
        return struct.pack("<HB", len(t), 1) + t.encode("utf-16-le")

    sel = b""
    for r, baris in enumerate(rows):
        for c, v in enumerate(baris):
            if v is None or v == "":
                continue
            if isinstance(v, (int, float)):
                sel += _rekaman(0x0203, struct.pack("<HHHd", r, c, 15, float(v)))
            else:
                sel += _rekaman(0x0204, struct.pack("<HHH", r, c, 15) + teks16(str(v)))
    lebar = max(len(b) for b in rows)
    lembar = (_rekaman(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
              + _rekaman(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, lebar, 0)) + sel + _rekaman(0x000A))
    xf = struct.pack("<HHHBBBBIIH", 0, 0, 0xFFF5, 0x20, 0, 0, 0, 0, 0, 0x20C0)  # style XF
    xf_sel = struct.pack("<HHHBBBBIIH", 0, 0, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0)  # cell XF
    font = struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + struct.pack("<BB", 5, 0) + "Arial".encode("latin-1")
    buku_awal = (_rekaman(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
                 + _rekaman(0x0042, struct.pack("<H", 1200))  # CODEPAGE: UTF-16
                 + b"".join(_rekaman(0x0031, font) for _ in range(5))
                 + b"".join(_rekaman(0x00E0, xf) for _ in range(15)) + _rekaman(0x00E0, xf_sel))
    nama16 = struct.pack("<BB", len(nama_lembar), 1) + nama_lembar.encode("utf-16-le")
    panjang_sheet = 4 + 4 + 2 + len(nama16)
    awal_lembar = len(buku_awal) + panjang_sheet + 4  # + BOUNDSHEET + EOF
    buku = (buku_awal + _rekaman(0x0085, struct.pack("<IBB", awal_lembar, 0, 0) + nama16) + _rekaman(0x000A))
    assert len(buku) == awal_lembar
    return _cfb({"Workbook": buku + lembar})


def _zip_bom(ukuran: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in (("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>"),
                          ("xl/worksheets/sheet1.xml", b"\x00" * ukuran)):
            z.writestr(zipfile.ZipInfo(nama, date_time=(2024, 1, 1, 0, 0, 0)), isi, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# --- the cases -----------------------------------------------------------------------------------------
def _parepare_32() -> tuple[list[dict], list[list[object]], list[str]]:
    """Parepare 2023, Tabel 3.2 as printed: NO | SASARAN | INDIKATOR | TARGET | REALISASI | PERSENTASE
    CAPAIAN; the sasaran (and its number) printed once for the indicators below it. Returns the seed
    rows, the table rows (from the header on) and the merges (relative to the header row = 1)."""
    rows = seed("parepare_2023", "indikator", "Tabel 3.2")
    tabel = [["NO", "SASARAN", "INDIKATOR", "TARGET", "REALISASI", "PERSENTASE CAPAIAN"]]
    gabung, no, awal = [], 0, None
    for i, r in enumerate(rows):
        baru = i == 0 or r["sasaran"] != rows[i - 1]["sasaran"]
        if baru:
            no += 1
            awal = len(tabel) + 1
        tabel.append([f"{no}." if baru else None, r["sasaran"] if baru else None, r["indikator"], r["target"],
                      r["realisasi"], r["capaian_dilaporkan"]])
        akhir_grup = i == len(rows) - 1 or rows[i + 1]["sasaran"] != r["sasaran"]
        if akhir_grup and len(tabel) > awal:
            gabung += [f"A{awal}:A{len(tabel)}", f"B{awal}:B{len(tabel)}"]
    return rows, tabel, gabung


def _gepeng(rows: list[dict]) -> str:
    return next(r["indikator"] for r in rows if "gelandangan" in r["indikator"])


def _geser(rentang: list[str], n: int) -> list[str]:
    """Merged ranges moved down by n rows."""
    import re

    return [re.sub(r"(\d+)", lambda m: str(int(m.group(1)) + n), g) for g in rentang]


def kasus_laporan() -> list[Kasus]:
    hasil = []

    # 1. Parepare Tabel 3.2 in xlsx as in the report: title rows naming agency and year, a numbered
    #    column row, the sasaran merged down over its indicators, a blank row inside the table.
    rows, tabel, gabung = _parepare_32()
    judul = [["Tabel 3.2"], ["CAPAIAN INDIKATOR KINERJA BERDASARKAN PERJANJIAN KINERJA"],
             ["DINAS SOSIAL KOTA PAREPARE TAHUN 2023"], []]
    nomor = [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]]
    n_atas = len(judul) + 1  # the numbered row sits between header and data
    isi = judul + tabel[:1] + nomor + tabel[1:9] + [[]] + tabel[9:]
    gabung_x = [g for g in _geser(gabung, len(judul) + 1)]
    # the blank row after the 8th indicator splits the third sasaran's merge in two: keep it simple,
    # merge only what lies above the blank row and let the rows below carry the sasaran forward
    gabung_x = [g for g in gabung_x if int(g.split(":")[1][1:]) <= len(judul) + 1 + 1 + 8]
    hasil.append(Kasus(
        "parepare_3_2_xlsx", "judul berisi instansi dan tahun, baris nomor kolom (1)..(6), sasaran digabung (merge), baris kosong",
        "parepare_tabel_3_2.xlsx",
        _xlsx(Lembar("Tabel 3.2", isi, gabung_x + ["A3:F3"], tebal=[len(judul) + 1])),
        Harapan(
            jumlah={"indikator": 11},
            baris={"indikator": [{**h, "sasaran": r["sasaran"]} for h, r in zip(_harapan_indikator(rows), rows)]},
            angka=[
                # Tabel 3.2: gelandangan dan pengemis 85% -> 70%: capaian 82,35 (printed 82%)
                ("indikator", {"indikator": _gepeng(rows)}, "capaian", "first", 82.35),
                ("indikator", {"indikator": _gepeng(rows)}, "capaian_dilaporkan", "first", 82.0),
                # Tabel 3.2: sakip target "75 (BB)", realisasi "BB": ordinal, met
                ("indikator", {"polaritas": "ordinal"}, "capaian", "first", 100.0),
                ("indikator", {}, "instansi", "count", 11),
            ],
            masalah=[],  # 75% -> 100%: 133,33 is a target exceeded, not a problem
        ),
    ))

    # 2. The same table as Indonesian Excel saves CSV: semicolon, decimal comma, Windows-1252, the
    #    numbered row as Excel turns "(1)" into -1, no title: agency and year chosen by the user.
    isi = [tabel[0], [-1, -2, -3, -4, -5, -6]] + [r[:3] + [_koma(v) for v in r[3:]] for r in tabel[1:]]
    kw = {"instansi": PAREPARE, "tahun": 2023}
    hasil.append(Kasus(
        "parepare_3_2_csv_excel_id", "CSV titik koma, koma desimal, cp1252, baris nomor -1 -2 -3, tanpa judul: instansi dan tahun dari pengguna",
        "capaian_parepare.csv", _csv(isi, ";", "cp1252"),
        Harapan(jumlah={"indikator": 11},
                baris={"indikator": [{**h, "sasaran": r["sasaran"]} for h, r in zip(_harapan_indikator(rows), rows)]},
                angka=[("indikator", {"indikator": _gepeng(rows)}, "capaian", "first", 82.35)],
                masalah=[]),
        kw,
    ))
    hasil.append(Kasus(
        "parepare_3_2_csv_tanpa_instansi_tahun", "CSV tanpa judul dan tanpa pilihan pengguna: instansi dan tahun harus ditanyakan",
        "capaian_parepare.csv", _csv(isi, ";", "cp1252"),
        Harapan(jumlah={}, galat=True, masalah=[
            ("galat", "capaian_parepare", 3, None, "instansi tidak diketahui untuk 11 baris"),
            ("galat", "capaian_parepare", 3, None, "tahun tidak diketahui untuk 11 baris")]),
    ))

    # 3. Parepare Tabel 3.10: years side by side, a two-row header with each year merged over
    #    Target | Realisasi | Capaian (the report prints 2021 and 2022 as capaian only).
    rows = seed("parepare_2023", "indikator", "Tabel 3.10")
    nama = list(dict.fromkeys(r["indikator"] for r in rows))
    per = {(r["indikator"], r["tahun"]): r for r in rows}
    kepala1 = ["No", "Indikator Kinerja", "Satuan", "Capaian", None, "2023", None, None]
    kepala2 = [None, None, None, "2021", "2022", "Target", "Realisasi", "%"]
    isi = [["PERBANDINGAN CAPAIAN KINERJA SASARAN 3 TAHUN 2021-2023"], ["Dinas Sosial Kota Parepare"], kepala1, kepala2]
    for i, n in enumerate(nama, start=1):
        isi.append([i, n, "%", per[(n, "2021")]["capaian_dilaporkan"], per[(n, "2022")]["capaian_dilaporkan"],
                    per[(n, "2023")]["target"], per[(n, "2023")]["realisasi"], per[(n, "2023")]["capaian_dilaporkan"]])
    harapan = [{"tahun": int(r["tahun"]), "indikator": r["indikator"], "capaian_dilaporkan": _angka(r["capaian_dilaporkan"]),
                "target": _angka(r["target"]), "realisasi": _angka(r["realisasi"])}
               for n in nama for r in sorted((x for x in rows if x["indikator"] == n), key=lambda x: x["tahun"])]
    hasil.append(Kasus(
        "parepare_3_10_dua_baris_judul", "judul kolom dua baris: 'Capaian' di atas 2021 | 2022, '2023' di atas Target | Realisasi | %",
        "parepare_tabel_3_10.xlsx",
        _xlsx(Lembar("Sasaran 3", isi, ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:H3"], tebal=[3, 4])),
        Harapan(jumlah={"indikator": 15}, baris={"indikator": harapan},
                angka=[("indikator", {"tahun": 2022}, "capaian_dilaporkan", "sum", 100 + 125 + 125 + 117.64 + 100),
                       ("indikator", {"tahun": 2023}, "instansi", "count", 5)]),
        {"instansi": PAREPARE},
    ))

    # 4. Parepare Tabel 3.4: "Capaian" over 2021 | 2022 (grades), "2023" over Target | Realisasi | %.
    rows = seed("parepare_2023", "indikator", "Tabel 3.4")
    r21, r22, r23 = rows
    isi = [["No", "Indikator Kinerja", "Capaian", None, "2023", None, None],
           [None, None, "2021", "2022", "Target", "Realisasi", "%"],
           ["a.", r23["indikator"], r21["capaian_dilaporkan"], r22["capaian_dilaporkan"], r23["target"], r23["realisasi"],
            r23["capaian_dilaporkan"]]]
    hasil.append(Kasus(
        "parepare_3_4_predikat", "predikat per tahun (B, BB) di bawah judul 'Capaian' yang membentang dua tahun; CSV koma",
        "parepare_3_4.csv", _csv([["PERKEMBANGAN CAPAIAN INDIKATOR KINERJA SASARAN 1 DINAS SOSIAL KOTA PAREPARE"]] + isi),
        Harapan(jumlah={"indikator": 3}, baris={"indikator": [
            {"tahun": 2021, "capaian_dilaporkan_teks": "B", "polaritas": "ordinal"},
            {"tahun": 2022, "capaian_dilaporkan_teks": "BB", "polaritas": "ordinal"},
            {"tahun": 2023, "target_predikat": "BB", "realisasi_predikat": "BB", "capaian": 100.0, "capaian_dilaporkan": 100.0}]},
            angka=[("indikator", {}, "instansi", "first", PAREPARE)]),
    ))

    # 5. Bekasi Tabel 3.1 as an English e-monev export: agency and year columns, UTF-8 with BOM.
    rows = seed("bekasi_2023", "indikator", "Tabel 3.1")
    isi = [["Agency", "Year", "Strategic Objective", "Performance Indicator", "Unit", "Target", "Actual", "Achievement (%)"]]
    isi += [[r["instansi"], r["tahun"], r["sasaran"], r["indikator"], r["satuan"], r["target"], r["realisasi"],
             r["capaian_dilaporkan"]] for r in rows]
    hasil.append(Kasus(
        "bekasi_3_1_emonev_inggris", "ekspor berbahasa Inggris (Agency, Year, Performance Indicator, Actual, Achievement), UTF-8 BOM",
        "emonev_bekasi_2023.csv", _csv(isi, ",", "utf-8", bom=True),
        Harapan(jumlah={"indikator": 4}, baris={"indikator": _harapan_indikator(rows)},
                angka=[  # Tabel 3.1: IKM 85,77 against 80,50 -> 106,55 (printed 106%); AKIP BB vs BB -> 100, ordinal
                    ("indikator", {"indikator": "Nilai Indeks Kepuasan Masyarakat (IKM)"}, "capaian", "first", 106.55),
                    ("indikator", {"indikator": "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)"}, "polaritas", "first", "ordinal"),
                    ("indikator", {"indikator": "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)"}, "capaian", "first", 100.0)]),
    ))

    # 6. Bekasi Tabel 3.18: Program | Pagu Anggaran | Realisasi Anggaran over Rp | %, and JUMLAH.
    #    Pemberdayaan Sosial's pagu is printed "Rp 3.266.735000" (malformed): an error at its cell...
    rows = seed("bekasi_2023", "anggaran", "Tabel 3.18")
    prog = [r for r in rows if r["level"] == "program"]
    total = [r for r in rows if r["level"] == "total"][0]
    isi = [["PAGU DAN REALISASI ANGGARAN DINAS SOSIAL KOTA BEKASI SETELAH APBD-P PER PROGRAM TAHUN 2023"], [],
           ["No", "Program", "Pagu Anggaran (Rp)", "Realisasi Anggaran", None], [None, None, None, "Rp", "%"],
           [1, 2, 3, 4, 5]]
    isi += [[i, r["uraian"], r["pagu"], r["realisasi"], r["serapan_dilaporkan"]] for i, r in enumerate(prog, start=1)]
    isi += [["JUMLAH", None, total["pagu"], total["realisasi"], total["serapan_dilaporkan"]]]
    berkas = _xlsx(Lembar("Tabel 3.18", isi, ["A3:A4", "B3:B4", "C3:C4", "D3:E3", f"A{len(isi)}:B{len(isi)}"], tebal=[3, 4]))
    hasil.append(Kasus(
        "bekasi_3_18_angka_rusak", "anggaran per program, 'Realisasi Anggaran' di atas Rp | %, baris JUMLAH digabung; satu pagu salah cetak",
        "bekasi_3_18.xlsx", berkas,
        Harapan(galat=True, masalah=[("galat", "Tabel 3.18", 7, "C (Pagu Anggaran (Rp))", "pemisah ribuan")]),
    ))
    # ... or, when the user keeps malformed figures as text, a warning and no value guessed.
    harapan = [{"level": "program", "uraian": r["uraian"], "pagu": _angka(r["pagu"]), "realisasi": _angka(r["realisasi"]),
                "serapan_dilaporkan": _angka(r["serapan_dilaporkan"])} for r in prog]
    harapan.append({"level": "total", "uraian": "JUMLAH", "pagu": 32019890719.0, "realisasi": 27416231841.0})
    hasil.append(Kasus(
        "bekasi_3_18_simpan_salah_cetak", "seperti di atas, angka salah cetak disimpan sebagai teks",
        "bekasi_3_18.xlsx", berkas,
        Harapan(jumlah={"anggaran": 7}, baris={"anggaran": harapan},
                angka=[  # Tabel 3.18: the six programs' realisasi add up to the printed JUMLAH, 27.416.231.841
                    ("anggaran", {"level": "program"}, "realisasi", "sum", 27416231841.0),
                    ("anggaran", {"level": "total"}, "serapan", "first", 27416231841 / 32019890719 * 100),
                    ("anggaran", {"uraian": "Program Pemberdayaan Sosial"}, "pagu_teks", "first", "Rp 3.266.735000")],
                masalah=[("peringatan", "Tabel 3.18", 7, "C (Pagu Anggaran (Rp))", "salah cetak")]),
        {"simpan_salah_cetak": True},
    ))

    # 7. Bekasi Tabel 2.4: anggaran kas per triwulan, "Anggaran Kas" merged over TW I..IV, amounts as
    #    Excel numbers with a thousands format, the sub kegiatan in a "Sub Kegiatan" column, TOTAL row.
    rows = seed("bekasi_2023", "anggaran", "Tabel 2.4")
    sub = [r for r in rows if r["level"] == "sub_kegiatan"]
    tot = [r for r in rows if r["uraian"] == "TOTAL"][0]
    isi = [["ALOKASI ANGGARAN PER TRIWULAN"], ["DINAS SOSIAL KOTA BEKASI TAHUN ANGGARAN 2023"],
           ["Kode", "Sub Kegiatan", "Anggaran", "Anggaran Kas", None, None, None],
           [None, None, None, "TW I", "TW II", "TW III", "TW IV"]]
    for r in sub + [tot]:
        isi.append([r["kode"] or None, r["uraian"]] + [_angka(r[k]) for k in ("pagu", "rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4")])
    tw = {q: sum(_angka(r[f"rencana_tw{q}"]) or 0 for r in sub) for q in range(1, 5)}
    hasil.append(Kasus(
        "bekasi_2_4_anggaran_kas", "'Anggaran Kas' digabung di atas TW I..IV, angka Excel berformat ribuan, baris TOTAL",
        "bekasi_anggaran_kas.xlsx",
        _xlsx(Lembar("TW", isi, ["A3:A4", "B3:B4", "C3:C4", "D3:G3"], tebal=[3, 4],
                     format={f"{c}{r}": "#,##0" for r in range(5, len(isi) + 1) for c in "CDEFG"})),
        Harapan(jumlah={"anggaran": len(sub) + 1},
                angka=[("anggaran", {"level": "sub_kegiatan"}, "uraian", "count", len(sub)),
                       # Tabel 2.4: the sub kegiatan add up to the TOTAL of each quarter (TW I 5.441.922.139)
                       ("anggaran", {"level": "total"}, "rencana_tw1", "first", 5441922139.0),
                       *[("anggaran", {"level": "sub_kegiatan"}, f"rencana_tw{q}", "sum", tw[q]) for q in range(1, 5)],
                       *[("anggaran", {"level": "total"}, f"rencana_tw{q}", "first", tw[q]) for q in range(1, 5)]]),
    ))

    # 8. Pasuruan Tabel 2.5: Kegiatan and Sub Kegiatan in separate columns, a "Jumlah" after each
    #    kegiatan (subtotals) and the grand TOTAL; one pagu printed "Rp. 36.0509.030" (kept as text).
    rows = seed("pasuruan_2022", "anggaran", "Tabel 2.5")
    isi = [["RENCANA ANGGARAN KEGIATAN DINAS SOSIAL KOTA PASURUAN TAHUN 2022"],
           ["Kode", "Kegiatan", "Sub Kegiatan", "Pagu (Rp)"], ["(1)", "(2)", "(3)", "(4)"]]
    n_jumlah = 0
    for i, r in enumerate(rows):
        isi.append([r["kode"], r["uraian"] if r["level"] == "kegiatan" else None,
                    r["uraian"] if r["level"] == "sub_kegiatan" else None, r["pagu"]])
        akhir = i == len(rows) - 1 or rows[i + 1]["level"] == "kegiatan"
        if akhir:
            kegiatan = [x for x in rows[: i + 1] if x["level"] == "kegiatan"][-1]
            isi.append([None, "Jumlah", None, kegiatan["pagu"]])
            n_jumlah += 1
    total = sum(_angka(r["pagu"]) or 0 for r in rows if r["level"] == "kegiatan")
    isi.append(["TOTAL", None, None, f"Rp. {total:,.0f}".replace(",", ".")])
    hasil.append(Kasus(
        "pasuruan_2_5_subtotal", "kolom Kegiatan dan Sub Kegiatan terpisah, baris 'Jumlah' per kegiatan (subtotal) dan TOTAL",
        "pasuruan_2_5.csv", _csv(isi),
        Harapan(jumlah={"anggaran": len(rows) + 1},
                angka=[("anggaran", {"level": "kegiatan"}, "uraian", "count", sum(r["level"] == "kegiatan" for r in rows)),
                       ("anggaran", {"level": "sub_kegiatan"}, "uraian", "count", sum(r["level"] == "sub_kegiatan" for r in rows)),
                       ("anggaran", {"level": "total"}, "pagu", "first", total),
                       # Tabel 2.5: kegiatan 2 = its two sub kegiatan, 132.944.490 + 51.525.500 = 184.469.990
                       ("anggaran", {"kode": "2"}, "pagu", "first", 184469990.0)],
                masalah=[("info", "pasuruan_2_5", None, None, "subtotal"),
                         ("peringatan", "pasuruan_2_5", 5, "D (Pagu (Rp))", "salah cetak")]),
        {"simpan_salah_cetak": True},
    ))

    # 9. One workbook, three sheets with neutral names, each recognised by its content: Bekasi
    #    Tabel 3.1 (indicators, Excel percent cells), Tabel 3.18 (budget), scores, plus a notes sheet.
    ind = seed("bekasi_2023", "indikator", "Tabel 3.1")
    lembar1 = [["CAPAIAN KINERJA DINAS SOSIAL KOTA BEKASI TAHUN 2023"], [],
               ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target", "Realisasi", "% Capaian"]]
    fmt = {}
    for i, r in enumerate(ind, start=1):
        baris = [i, r["sasaran"], r["indikator"]]
        for j, k in enumerate(("target", "realisasi", "capaian_dilaporkan")):
            a = parse(r[k])
            if a.persen and a.nilai is not None:  # typed "14%" in Excel: stored 0.14 with a percent format
                baris.append(a.nilai / 100)
                fmt[f"{'DEF'[j]}{len(lembar1) + 1}"] = "0%"
            else:
                baris.append(r[k])
        lembar1.append(baris)
    skor = seed("bekasi_2023", "skor", "Bab III (teks)")
    lembar3 = [["Instansi", "Tahun", "Jenis", "Nilai", "Predikat"]] + [[r["instansi"], int(r["tahun"]), r["jenis"], r["nilai"], r["predikat"]] for r in skor]
    prog = [r for r in seed("bekasi_2023", "anggaran", "Tabel 3.18") if r["level"] == "program" and _angka(r["pagu"])]
    lembar2 = [["Program", "Pagu", "Realisasi (Rp)"]] + [[r["uraian"], _angka(r["pagu"]), _angka(r["realisasi"])] for r in prog]
    hasil.append(Kasus(
        "bekasi_banyak_lembar", "satu buku kerja, lembar Sheet1..Sheet4 dikenali dari isinya; sel persen Excel (0,14 berformat 0%)",
        "bekasi_2023.xlsm",
        _xlsx(Lembar("Sheet1", lembar1, tebal=[3], format=fmt), Lembar("Sheet2", lembar2, tebal=[1]),
              Lembar("Sheet3", lembar3, tebal=[1]), Lembar("Sheet4", [["Catatan"], ["Data diambil dari LKjIP 2023."]])),
        Harapan(jumlah={"indikator": 4, "anggaran": len(prog), "skor": len(skor)},
                baris={"indikator": _harapan_indikator(ind)},
                angka=[("indikator", {"indikator": "Persentase PPKS binaan yang mandiri"}, "target_teks", "first", "14%"),
                       ("indikator", {"indikator": "Persentase PPKS binaan yang mandiri"}, "capaian", "first", 100.0),
                       ("anggaran", {}, "instansi", "first", BEKASI),
                       ("anggaran", {}, "tahun", "first", 2023),
                       ("skor", {"tahun": 2022}, "nilai", "first", 77.26)]),
        {"instansi": BEKASI, "tahun": 2023},
    ))

    # 10. Our template, filled: Parepare Tabel 3.2 on Indikator, Parepare Tabel 2.7 on Anggaran,
    #     Bekasi scores on Skor; the example rows (CONTOH) left in place.
    from openpyxl import load_workbook

    from lkjip.ingest.tabel import KOLOM

    wb = load_workbook(io.BytesIO(buat_templat()))
    ind = seed("parepare_2023", "indikator", "Tabel 3.2")
    ang = seed("parepare_2023", "anggaran", "Tabel 2.7")
    sk = seed("bekasi_2023", "skor", "Bab III (teks)") + seed("bekasi_2023", "skor", "Bab I (teks)")
    for nama, jenis, data in (("Indikator", "indikator", ind), ("Anggaran", "anggaran", ang), ("Skor", "skor", sk)):
        ws = wb[nama]
        for r in data:
            ws.append([r.get(k) or None for k in KOLOM[jenis]])
    buf = io.BytesIO()
    wb.save(buf)
    hasil.append(Kasus(
        "templat_terisi", "templat unggahan diisi, baris CONTOH dibiarkan", "templat_terisi.xlsx", tetapkan_zip(buf.getvalue()),
        Harapan(jumlah={"indikator": 11, "anggaran": 5, "skor": len(sk)},
                baris={"indikator": [{**h, "sumber": "LKjIP Parepare 2023, Tabel 3.2"} for h in _harapan_indikator(ind)]},
                angka=[("anggaran", {"level": "sasaran"}, "pagu", "sum", 3912417155 + 4175370900 + 985072200 + 129364300.0),
                       # Tabel 2.7: printed Jumlah Rp9.202.224.555 (400 more than the four sasaran)
                       ("anggaran", {"level": "total"}, "pagu", "first", 9202224555.0)],
                masalah=[("info", "Indikator", 2, None, "baris contoh"), ("info", "Anggaran", 2, None, "baris contoh"),
                         ("info", "Skor", 2, None, "baris contoh")]),
    ))

    # 12. Parepare Tabel 3.9: one-row header with the year in the column names (Target 2023, Realisasi 2023).
    rows = seed("parepare_2023", "indikator", "Tabel 3.9")
    isi = [["No.", "Indikator Kinerja", "Target 2023", "Realisasi 2023", "Capaian Kinerja"]]
    isi += [[f"{chr(96 + i)}.", r["indikator"], r["target"], r["realisasi"], r["capaian_dilaporkan"]] for i, r in enumerate(rows, start=1)]
    hasil.append(Kasus(
        "parepare_3_9_tahun_di_judul_kolom", "tahun di judul kolom (Target 2023, Realisasi 2023), instansi dari pengguna",
        "parepare_3_9.xlsx", _xlsx(Lembar("Sasaran 3", isi, tebal=[1])),
        Harapan(jumlah={"indikator": 5}, baris={"indikator": _harapan_indikator(rows)},
                angka=[  # Tabel 3.9: lansia 95% -> 90%: 94,74 (printed 94.73%)
                    ("indikator", {"indikator": rows[2]["indikator"]}, "capaian", "first", 94.74),
                    ("indikator", {"indikator": rows[2]["indikator"]}, "capaian_dilaporkan", "first", 94.73)]),
        {"instansi": PAREPARE},
    ))

    # 13. Budget with "Anggaran" merged over Target | Realisasi | Capaian: Bekasi 2023, pagu as printed in
    #     Tabel 3.17 and realisasi / % as printed in Tabel 3.18, one row per program, a JUMLAH row.
    pagu = seed("bekasi_2023", "anggaran", "Tabel 3.17")
    real = seed("bekasi_2023", "anggaran", "Tabel 3.18")
    isi = [["REALISASI ANGGARAN PER PROGRAM DINAS SOSIAL KOTA BEKASI TAHUN 2023"],
           ["No", "Program", "Anggaran", None, None], [None, None, "Target", "Realisasi", "Capaian"]]
    isi += [[i if a["level"] == "program" else None, a["uraian"], a["pagu"], b["realisasi"], b["serapan_dilaporkan"] + "%"]
            for i, (a, b) in enumerate(zip(pagu, real), start=1)]
    hasil.append(Kasus(
        "bekasi_anggaran_target_realisasi_capaian", "'Anggaran' digabung di atas Target | Realisasi | Capaian (pagu, realisasi, serapan)",
        "bekasi_anggaran_program.xlsx", _xlsx(Lembar("Program", isi, ["A2:A3", "B2:B3", "C2:E2"], tebal=[2, 3])),
        Harapan(jumlah={"anggaran": 7},
                angka=[("anggaran", {"level": "program"}, "pagu", "sum", 32019890719.0),  # Tabel 3.17: the programs add up
                       ("anggaran", {"level": "total"}, "pagu", "first", 32019890719.0),
                       ("anggaran", {"level": "program"}, "realisasi", "sum", 27416231841.0),
                       ("anggaran", {"uraian": "PROGRAM PEMBERDAYAAN SOSIAL"}, "serapan_dilaporkan", "first", 86.20),
                       ("anggaran", {"uraian": "PROGRAM PEMBERDAYAAN SOSIAL"}, "serapan", "first", 2816187400 / 3266735000 * 100)]),
    ))

    # 14. Pasuruan Tabel 3.8: capaian only, "-" printed where there is none.
    rows = seed("pasuruan_2022", "indikator", "Tabel 3.8")
    isi = [["CAPAIAN KINERJA PROGRAM DAN KEGIATAN DINAS SOSIAL KOTA PASURUAN TAHUN 2022"],
           ["No", "Indikator Kinerja", "Satuan", "Capaian (%)"], ["1", "2", "3", "4"]]
    isi += [[i, r["indikator"], r["satuan"], r["capaian_dilaporkan"]] for i, r in enumerate(rows, start=1)]
    hasil.append(Kasus(
        "pasuruan_3_8_strip", "hanya capaian; '-' untuk tidak ada; baris nomor kolom 1 2 3 4; CSV koma UTF-8",
        "pasuruan_3_8.csv", _csv(isi),
        Harapan(jumlah={"indikator": len(rows)},
                baris={"indikator": [{"indikator": r["indikator"], "capaian_dilaporkan": _angka(r["capaian_dilaporkan"]),
                                      "capaian_dilaporkan_teks": r["capaian_dilaporkan"], "capaian": None} for r in rows]},
                angka=[("indikator", {"capaian_dilaporkan_teks": "-"}, "indikator", "count", 2),
                       ("indikator", {}, "tahun", "first", 2022)]),
    ))

    # 11. Legacy .xls (BIFF8): Pasuruan Tabel 3.9, sasaran and programs with pagu and realisasi.
    rows = [r for r in seed("pasuruan_2022", "anggaran", "Tabel 3.9") if r["level"] == "program" and "91-" not in r["pagu"]]
    isi = [["REALISASI ANGGARAN DINAS SOSIAL KOTA PASURUAN TAHUN 2022"],
           ["Uraian", "Anggaran", "Realisasi", "%"]] + [[r["uraian"], r["pagu"], r["realisasi"], r["serapan_dilaporkan"]] for r in rows]
    hasil.append(Kasus(
        "pasuruan_3_9_xls", "berkas .xls lama (BIFF8)", "pasuruan_3_9.xls", _xls("Tabel 3.9", isi),
        Harapan(jumlah={"anggaran": len(rows)},
                angka=[("anggaran", {}, "instansi", "first", PASURUAN), ("anggaran", {}, "tahun", "first", 2022),
                       # Tabel 3.9: Program Pemberdayaan Sosial 15.586.151.464 of 21.395.652.799 = 72,85%
                       ("anggaran", {"uraian": "Program Pemberdayaan Sosial"}, "serapan", "first", 15586151464 / 21395652799 * 100),
                       ("anggaran", {"level": "program"}, "uraian", "count", len(rows))]),
    ))
    return hasil


def kasus_salah() -> list[Kasus]:
    """Bad input: each must give a clear message (sheet, row, column, what to do) and write nothing."""
    from lkjip.ingest.berkas import BATAS_UKURAN

    hasil = []

    def k(nama, tata, nama_file, data, **h):
        hasil.append(Kasus(nama, tata, nama_file, data, Harapan(**h)))

    kepala = ["Instansi", "Tahun", "Indikator", "Target", "Realisasi"]
    k("bukan_spreadsheet", "teks biasa dinamai .xlsx", "laporan.xlsx", b"ini bukan lembar kerja sama sekali\n" * 3,
      galat_berkas="isinya bukan lembar kerja Excel")
    k("pdf_dinamai_xlsx", "PDF dinamai .xlsx", "laporan.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4,
      galat_berkas="bukan lembar kerja Excel")
    k("berkas_kosong", "berkas 0 byte", "kosong.csv", b"", galat_berkas="kosong")
    k("kata_sandi", "xlsx terenkripsi (wadah OLE dengan EncryptedPackage)", "rahasia.xlsx",
      _cfb({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": b"\x00" * 5000}),
      galat_berkas="dilindungi kata sandi")
    k("zip_bom", "xlsx 50 MB terurai dari ~50 KB (rasio > 100)", "bom.xlsx", _zip_bom(50_000_000), galat_berkas="melebihi batas aman")
    k("terlalu_besar", "CSV melebihi batas ukuran", "besar.csv", b"a,b\n" * (BATAS_UKURAN // 4 + 1), galat_berkas="melebihi batas")
    k("lembar_kosong", "buku kerja dengan satu lembar kosong", "kosong.xlsx", _xlsx(Lembar("Sheet1", [])),
      galat=True, masalah=[("info", "Sheet1", None, None, "lembar kosong"), ("galat", "", None, None, "tidak ada tabel")])
    k("tanpa_tabel", "lembar berisi teks tanpa tabel", "catatan.xlsx",
      _xlsx(Lembar("Catatan", [["Laporan Kinerja"], ["Isi laporan ada di dokumen PDF."], ["Salam", "Kepala Dinas"]])),
      galat=True, masalah=[("galat", "", None, None, "tidak ada tabel yang dikenali")])
    k("judul_tanpa_baris", "judul kolom tanpa baris data", "kosong.csv", _csv([kepala]),
      galat=True, masalah=[("galat", "kosong", 1, None, "tidak ada baris data")])
    k("teks_di_angka", "teks di kolom angka", "teks.xlsx",
      _xlsx(Lembar("Data", [kepala, [PAREPARE, 2023, "Persentase PMKS yang tertangani", "tinggi", "100%"]])),
      galat=True, masalah=[("galat", "Data", 2, "D (Target)", "bukan angka")])
    k("pagu_negatif", "pagu negatif", "negatif.csv",
      _csv([["Instansi", "Tahun", "Program", "Pagu", "Realisasi"], [BEKASI, 2023, "Program Rehabilitasi Sosial", "-7.650.364.300", "0"]]),
      galat=True, masalah=[("galat", "negatif", 2, "D (Pagu)", "tidak boleh negatif")])
    k("angka_rusak", "angka salah cetak Rp91-.160.954 (Pasuruan 2022, Tabel 3.9)", "pasuruan.csv",
      _csv([["Instansi", "Tahun", "Program", "Anggaran", "Realisasi"],
            [PASURUAN, 2022, "Program Perlindungan dan Jaminan Sosial", "Rp91-.160.954", "Rp843.763.040"]]),
      galat=True, masalah=[("galat", "pasuruan", 2, "D (Anggaran)", "tanda '-' atau '+' di tengah angka")])
    k("tahun_di_luar_rentang", "kolom Tahun 1999", "tahun.csv",
      _csv([kepala, [PAREPARE, 1999, "Persentase PMKS yang tertangani", "75%", "100%"]]),
      galat=True, masalah=[("galat", "tahun", 2, "B (Tahun)", "di luar rentang")])
    k("indikator_ganda", "indikator yang sama dua kali untuk tahun yang sama", "ganda.xlsx",
      _xlsx(Lembar("Data", [kepala, [PAREPARE, 2023, "Persentase PMKS yang tertangani", "75%", "100%"],
                            [PAREPARE, 2023, "Persentase PMKS yang tertangani", "75%", "90%"]])),
      galat=True, masalah=[("galat", "Data", 3, "C (Indikator)", "lebih dari sekali (baris 2, 3)")])
    k("rumus_tanpa_nilai", "rumus ditulis program tanpa nilai tersimpan", "rumus.xlsx",
      _xlsx(Lembar("Data", [["Instansi", "Tahun", "Program", "Pagu", "Realisasi", "Serapan"],
                            [BEKASI, 2023, "Program Rehabilitasi Sosial", 7650364300, 6627934073, "=E2/D2*100"]])),
      galat=True, masalah=[("galat", "Data", 2, "F (Serapan)", "rumus tanpa nilai tersimpan — buka dan simpan di Excel")])
    k("realisasi_di_atas_pagu", "realisasi anggaran di atas pagu: peringatan, bukan galat", "lebih.csv",
      _csv([["Instansi", "Tahun", "Program", "Pagu", "Realisasi"], [BEKASI, 2023, "Program Penanganan Bencana", "100.000.000", "120.000.000"]]),
      jumlah={"anggaran": 1}, masalah=[("peringatan", "lebih", 2, "E (Realisasi)", "melebihi pagu")])
    return hasil


def kasus() -> list[Kasus]:
    return kasus_laporan() + kasus_salah()


def tulis(folder: str | Path) -> Path:
    """Write every case's file and an index (korpus.json) into a folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    indeks = []
    for k in kasus():
        (folder / k.nama).mkdir(exist_ok=True)
        (folder / k.nama / k.nama_file).write_bytes(k.data)
        indeks.append({"nama": k.nama, "tata_letak": k.tata_letak, "berkas": f"{k.nama}/{k.nama_file}", "kw": k.kw,
                       "jumlah": k.harapan.jumlah, "galat_berkas": k.harapan.galat_berkas,
                       "masalah": [list(m) for m in k.harapan.masalah]})
    (folder / "korpus.json").write_text(json.dumps(indeks, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


if __name__ == "__main__":
    print(f"Korpus ditulis ke {tulis(sys.argv[1] if len(sys.argv) > 1 else 'korpus')}")
