"""Cheap checks of an xlsx before any grid is built: one streaming pass over the archive, linear in its size.

Every member of the ZIP is inflated in chunks with a running count: the bytes actually produced are
checked against the limits (total size and ratio), never the sizes the archive declares, so a member
that lies about its size stops at the limit instead of filling memory. A corrupt member or a bad CRC
ends in a clear message. Every XML part goes through expat (an iterative parser: no recursion, no
regular expression over a whole part) with a depth limit and no DTD.

For each sheet the pass collects what the cell values alone do not tell, and what must be known before
a reader allocates a grid:

- the real used range (cells holding a value or a formula) and the declared ``<dimension>``;
- merged ranges (their number is limited);
- formula cells saved without a cached value (files written by scripts: every reader sees a blank);
- error cells (``t="e"``: ``#REF!``, ``#DIV/0!``...: calamine reads them as blanks);
- number cells formatted as a percentage (Excel stores "75%" as 0.75).
"""
from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.parsers import expat

BATAS_UKURAN_TERURAI = 200 * 1024 * 1024  # bytes actually inflated from one xlsx, all members together
BATAS_RASIO = 100  # inflated / compressed bytes of the archive
BATAS_KEDALAMAN = 64  # nesting depth of any XML part (Excel writes at most about 10)
BATAS_GABUNGAN = 10_000  # merged ranges per sheet
_POTONGAN = 1 << 20  # inflate in pieces of 1 MiB
_MAKS_KOLOM, _MAKS_BARIS = 16_384, 1_048_576  # XFD, Excel's last column and row


class GalatPindai(Exception):
    """The archive cannot be scanned safely; the message (Bahasa Indonesia) names the part and why."""


@dataclass
class InfoLembar:
    """What the scan found in one sheet (rows and columns 0-based)."""

    tinggi: int = 0  # rows up to the last cell holding something
    lebar: int = 0  # columns up to the last cell holding something
    sel_terjauh: str = ""  # reference of the cell that sets the used range's far corner
    dimensi: str = ""  # the <dimension ref> the file declares
    gabungan: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    rumus_kosong: list[tuple[int, int]] = field(default_factory=list)
    galat: list[tuple[int, int, str]] = field(default_factory=list)  # (row, col, "#DIV/0!")
    persen: set[tuple[int, int]] = field(default_factory=set)
    sel: int = 0  # cells holding something
    # .xls: the cells its DIMENSIONS record declares, which calamine reserves before reading any cell
    luas_dinyatakan: int = 0


def ref_ke_indeks(ref: str) -> tuple[int, int] | None:
    """"C12" -> (11, 2); None when it is not a cell reference inside Excel's grid."""
    i, n = 0, len(ref)
    c = 0
    while i < n and "A" <= ref[i] <= "Z" and i < 3:
        c = c * 26 + ord(ref[i]) - 64
        i += 1
    if i == 0 or i == n or not ref[i:].isdigit() or len(ref) - i > 7:
        return None
    r = int(ref[i:])
    if not (1 <= r <= _MAKS_BARIS and 1 <= c <= _MAKS_KOLOM):
        return None
    return r - 1, c - 1


def _rentang(ref: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    a, _, b = ref.partition(":")
    p, q = ref_ke_indeks(a), ref_ke_indeks(b or a)
    if p is None or q is None:
        return None
    return (min(p[0], q[0]), min(p[1], q[1])), (max(p[0], q[0]), max(p[1], q[1]))


def _lokal(nama: str) -> str:
    return nama.rpartition(":")[2]


class _Xml:
    """An expat parser fed piece by piece, with a depth limit and no DTD; subclasses look at elements."""

    def __init__(self, bagian: str, berkas: str):
        self.bagian, self.berkas, self.dalam = bagian, berkas, 0
        p = expat.ParserCreate()
        p.StartElementHandler = self._mulai
        p.EndElementHandler = self._akhir
        p.StartDoctypeDeclHandler = self._dtd
        p.EntityDeclHandler = self._dtd
        p.buffer_text = True
        self.p = p

    def _dtd(self, *_):
        raise GalatPindai(f"Berkas {self.berkas} ditolak: bagian {self.bagian} berisi deklarasi DTD/entitas, yang tidak "
                          "pernah ditulis Excel. Simpan ulang dari Excel lalu unggah lagi.")

    def _mulai(self, nama, atribut):
        self.dalam += 1
        if self.dalam > BATAS_KEDALAMAN:
            raise GalatPindai(f"Berkas {self.berkas} terlalu rumit untuk dibaca: bagian {self.bagian} bersarang lebih dari "
                              f"{BATAS_KEDALAMAN} tingkat. Simpan ulang dari Excel lalu unggah lagi.")
        self.mulai(_lokal(nama), atribut)

    def _akhir(self, nama):
        self.dalam -= 1
        self.akhir(_lokal(nama))

    def mulai(self, nama, atribut):
        pass

    def akhir(self, nama):
        pass

    def umpan(self, potongan: bytes, selesai: bool = False) -> None:
        try:
            self.p.Parse(potongan, selesai)
        except expat.ExpatError as e:
            raise GalatPindai(f"Berkas {self.berkas} rusak: bagian {self.bagian} bukan XML yang utuh "
                              f"({expat.ErrorString(e.code)}, baris {e.lineno}). Simpan ulang dari Excel lalu unggah lagi.") from None


class _Buku(_Xml):
    """xl/workbook.xml: sheet names and their relationship ids."""

    def __init__(self, *a):
        super().__init__(*a)
        self.lembar: list[tuple[str, str]] = []

    def mulai(self, nama, atribut):
        if nama == "sheet":
            rid = next((v for k, v in atribut.items() if _lokal(k) == "id"), "")
            self.lembar.append((atribut.get("name", ""), rid))


class _Relasi(_Xml):
    def __init__(self, *a):
        super().__init__(*a)
        self.target: dict[str, str] = {}

    def mulai(self, nama, atribut):
        if nama == "Relationship":
            self.target[atribut.get("Id", "")] = atribut.get("Target", "")


class _Gaya(_Xml):
    """xl/styles.xml: which cell styles (cellXfs indices) show a percentage."""

    def __init__(self, *a):
        super().__init__(*a)
        self.fmt_persen = {9, 10}
        self.xf: list[int] = []
        self._di_xfs = False

    def mulai(self, nama, atribut):
        if nama == "numFmt":
            kode = atribut.get("formatCode", "")
            # a % inside quotes or after a backslash is literal text, not a percent format
            bersih, kutip, lewat = [], False, False
            for ch in kode:
                if lewat:
                    lewat = False
                elif ch == "\\":
                    lewat = True
                elif ch == '"':
                    kutip = not kutip
                elif not kutip:
                    bersih.append(ch)
            if "%" in bersih and atribut.get("numFmtId", "").isdigit():
                self.fmt_persen.add(int(atribut["numFmtId"]))
        elif nama == "cellXfs":
            self._di_xfs = True
        elif nama == "xf" and self._di_xfs:
            n = atribut.get("numFmtId", "0")
            self.xf.append(int(n) if n.isdigit() else 0)

    def akhir(self, nama):
        if nama == "cellXfs":
            self._di_xfs = False

    def persen(self) -> set[int]:
        return {i for i, f in enumerate(self.xf) if f in self.fmt_persen}


class _Lembar(_Xml):
    """One worksheet: used range, merged ranges, formulas without value, error cells, percent cells."""

    def __init__(self, bagian, berkas, gaya_persen: set[int]):
        super().__init__(bagian, berkas)
        self.info = InfoLembar()
        self.gaya_persen = {str(i) for i in gaya_persen}
        self.baris, self.kolom = -1, -1
        self._sel: tuple[int, int] | None = None
        self._jenis = self._gaya = None
        self._rumus = self._isi = self._ada_v = False
        self._teks: list[str] = []
        self._ref = ""

    def _data(self, teks):
        if len(self._teks) < 64:
            self._teks.append(teks)

    def mulai(self, nama, atribut):
        if nama == "c":
            ref = atribut.get("r")
            pos = ref_ke_indeks(ref) if ref else None
            if pos is None:  # no reference: the cell after the previous one (allowed by the standard)
                pos = (max(self.baris, 0), self.kolom + 1)
                ref = ""
            self.kolom = pos[1]
            self._sel, self._ref = pos, ref
            self._jenis, self._gaya = atribut.get("t"), atribut.get("s")
            self._rumus = self._isi = self._ada_v = False
        elif self._sel is None:
            if nama == "row":
                r = atribut.get("r", "")
                self.baris = int(r) - 1 if r.isdigit() and 0 < int(r) <= _MAKS_BARIS else self.baris + 1
                self.kolom = -1
            elif nama == "dimension":
                self.info.dimensi = atribut.get("ref", "")[:40]
            elif nama == "mergeCell":
                rg = _rentang(atribut.get("ref", ""))
                if rg:
                    self.info.gabungan.append(rg)
                    if len(self.info.gabungan) > BATAS_GABUNGAN:
                        raise GalatPindai(f"Berkas {self.berkas} terlalu rumit untuk dibaca: lebih dari {BATAS_GABUNGAN:,} "
                                          "rentang sel gabungan dalam satu lembar. Hapus gabungan sel (Merge) yang tidak "
                                          "perlu lalu unggah lagi.".replace(",", "."))
        elif nama == "f":
            self._rumus = True
        elif nama == "v":
            self._ada_v = True
            self._teks = []
            self.p.CharacterDataHandler = self._data
        elif nama == "is":
            self._isi = True

    def akhir(self, nama):
        if nama == "v" and self._sel is not None:
            self.p.CharacterDataHandler = None
            if "".join(self._teks).strip():
                self._isi = True
        elif nama == "c" and self._sel is not None:
            r, c = self._sel
            info = self.info
            if self._isi or self._rumus:
                info.sel += 1
                if r + 1 > info.tinggi:
                    info.tinggi = r + 1
                    info.sel_terjauh = self._ref
                if c + 1 > info.lebar:
                    info.lebar = c + 1
                    info.sel_terjauh = self._ref
            if self._jenis == "e":
                info.galat.append((r, c, "".join(self._teks).strip()[:20] or "#galat"))
            elif self._rumus and not self._isi and not (self._jenis == "str" and self._ada_v):
                # Excel saves a formula whose result is "" as t="str" with an empty <v>: that is a value
                info.rumus_kosong.append((r, c))
            if self._gaya in self.gaya_persen and self._jenis in (None, "n"):
                info.persen.add((r, c))
            self._sel = None


def _alur(zf: zipfile.ZipFile, info: zipfile.ZipInfo, berkas: str, hitung: list[int], batas: int, termampat: int):
    """The inflated bytes of one member, piece by piece, counted against the limits as they come."""
    try:
        with zf.open(info) as f:
            while True:
                potongan = f.read(_POTONGAN)
                if not potongan:
                    return
                hitung[0] += len(potongan)
                if hitung[0] > batas or hitung[0] > BATAS_RASIO * termampat:
                    raise GalatPindai(
                        f"Berkas {berkas} ditolak: isinya terurai menjadi lebih dari "
                        f"{min(batas, BATAS_RASIO * termampat) // (1024 * 1024) or 1} MB (bagian {info.filename}; batas "
                        f"{batas // (1024 * 1024)} MB dan {BATAS_RASIO}× ukuran berkas), melebihi batas aman. "
                        "Unggah lembar kerja biasa tanpa data tersembunyi.")
                yield potongan
    except GalatPindai:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as e:
        sebab = "CRC tidak cocok" if "CRC" in str(e) else "data terpotong atau rusak"
        raise GalatPindai(f"Berkas {berkas} rusak: bagian {info.filename} tidak dapat dibuka ({sebab}). "
                          "Simpan ulang dari Excel lalu unggah lagi.") from None
    except (NotImplementedError, RuntimeError):  # an unknown compression method, an encrypted member
        raise GalatPindai(f"Berkas {berkas} memakai pemadatan atau enkripsi yang tidak dikenal (bagian {info.filename}). "
                          "Simpan ulang dari Excel sebagai .xlsx biasa lalu unggah lagi.") from None


def pindai_xlsx(data: bytes, berkas: str, batas: int = BATAS_UKURAN_TERURAI) -> dict[str, InfoLembar]:
    """Inflate and scan every member of an xlsx once; per sheet name what was found. GalatPindai when unsafe."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise GalatPindai(f"Berkas {berkas} rusak: isinya bukan arsip xlsx yang utuh. Simpan ulang dari Excel lalu unggah lagi.") from None
    if len(infos) > 10_000:
        raise GalatPindai(f"Berkas {berkas} terlalu rumit untuk dibaca: arsipnya berisi {len(infos)} bagian.")
    termampat = max(len(data), 1)
    hitung = [0]
    per_nama = {i.filename: i for i in infos}

    def urai(nama: str, pengurai: _Xml) -> _Xml:
        for potongan in _alur(zf, per_nama[nama], berkas, hitung, batas, termampat):
            pengurai.umpan(potongan)
        pengurai.umpan(b"", True)
        return pengurai

    buku = urai("xl/workbook.xml", _Buku("xl/workbook.xml", berkas)) if "xl/workbook.xml" in per_nama else None
    rels = "xl/_rels/workbook.xml.rels"
    relasi = urai(rels, _Relasi(rels, berkas)) if rels in per_nama else None
    gaya = urai("xl/styles.xml", _Gaya("xl/styles.xml", berkas)).persen() if "xl/styles.xml" in per_nama else set()
    lembar_dari: dict[str, str] = {}
    if buku and relasi:
        for nama, rid in buku.lembar:
            target = relasi.target.get(rid, "")
            path = target.lstrip("/") if target.startswith("/") else "xl/" + target
            if path in per_nama:
                lembar_dari[path] = nama
    hasil: dict[str, InfoLembar] = {}
    sudah = {"xl/workbook.xml", rels, "xl/styles.xml"}
    for info in infos:
        if info.filename in sudah or info.is_dir():
            continue
        if info.filename in lembar_dari:
            hasil[lembar_dari[info.filename]] = urai(info.filename, _Lembar(info.filename, berkas, gaya)).info
        elif info.filename.endswith((".xml", ".rels", ".vml")):
            urai(info.filename, _Xml(info.filename, berkas))
        else:  # images, binary parts: inflated and counted, not parsed
            for _ in _alur(zf, info, berkas, hitung, batas, termampat):
                pass
    return hasil
