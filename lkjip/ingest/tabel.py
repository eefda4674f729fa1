"""Finding the table in a sheet: header row(s), which column is which field, where data starts.

Works on our template and on tables copied from reports or e-monev exports: header synonyms in
Bahasa Indonesia and English, title rows above the header, numbered-column rows such as ``(1) (2)``
or ``-1 -2``, two-row headers (a year or "Anggaran Kas" spanning the columns below it), merged cells.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

# Canonical fields per kind of table (also the template's columns, in order).
KOLOM = {
    "indikator": ["instansi", "tahun", "sasaran", "indikator", "tingkat", "satuan", "polaritas", "target", "realisasi",
                  "capaian_dilaporkan", "tema", "utama", "sumber", "catatan",
                  # the indicator's realisation per quarter (the K columns of the Renja form); last, so older
                  # files in the template's column order still line up
                  "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4"],
    "anggaran": ["instansi", "tahun", "level", "kode", "uraian", "sasaran", "pagu_awal", "pagu", "realisasi",
                 "serapan_dilaporkan", "rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4",
                 "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4", "utama", "sumber", "catatan"],
    "skor": ["instansi", "tahun", "jenis", "nilai", "predikat", "sumber", "catatan"],
    "renstra": ["instansi", "sasaran", "indikator", "satuan", "tahun", "jenis", "target", "sumber", "catatan"],
    "nilai_dilaporkan": ["instansi", "tahun", "lingkup", "jenis", "nilai", "sumber", "catatan"],
    "instansi": ["instansi", "jenis", "provinsi"],
}

NAMA_JENIS = {
    "indikator": "indikator kinerja",
    "anggaran": "anggaran",
    "skor": "nilai SAKIP/IKM",
    "renstra": "target Renstra",
    "nilai_dilaporkan": "nilai dilaporkan",
    "instansi": "daftar instansi",
}

_SINONIM: dict[str, list[str]] = {
    "instansi": ["instansi", "nama instansi", "perangkat daerah", "nama perangkat daerah", "opd", "nama opd", "skpd",
                 "dinas", "agency", "unit kerja"],
    "tahun": ["tahun", "tahun anggaran", "ta", "year", "periode"],
    "sasaran": ["sasaran", "sasaran strategis", "sasaran program", "sasaran kinerja", "objective",
                "strategic objective", "tujuan sasaran", "sasaran strategis renstra"],
    "indikator": ["indikator", "indikator kinerja", "indikator kinerja utama", "indikator sasaran",
                  "indikator kinerja sasaran", "indikator sasaran strategis", "iku", "indikator kinerja program",
                  "indicator", "performance indicator", "key performance indicator", "indikator kinerja iku",
                  "indikator kinerja utama iku", "indikator program"],
    "satuan": ["satuan", "sat", "unit", "satuan indikator", "satuan ukur"],
    "polaritas": ["polaritas", "polarity", "arah"],
    "target": ["target", "target tahunan", "target kinerja", "target pk", "target akhir", "target renstra",
               "target perjanjian kinerja", "target kinerja rp"],
    "realisasi": ["realisasi", "realisasi kinerja", "actual", "realization", "capaian realisasi", "realisasi tahunan",
                  "realisasi jumlah", "jumlah realisasi", "realisasi total", "realisasi kumulatif"],
    # budget spent, kept apart from an indicator's realisasi: the same table may print both
    "realisasi_anggaran": ["realisasi anggaran", "realisasi keuangan", "realisasi belanja", "anggaran realisasi",
                           "keuangan realisasi", "realisasi dana", "budget realization", "spending"],
    "capaian_dilaporkan": ["capaian", "capaian kinerja", "capaian kinerja persen", "persen capaian",
                           "persentase capaian", "capaian persen", "achievement", "tingkat capaian",
                           "capaian dilaporkan", "persentase capaian kinerja", "persen capaian kinerja",
                           "capaian target", "kinerja capaian"],
    "tema": ["tema", "theme", "urusan spm"],
    "utama": ["utama"],
    "tingkat": ["tingkat indikator", "tingkat"],
    "sumber": ["sumber", "sumber data", "source"],
    "catatan": ["catatan", "keterangan", "ket", "notes", "note", "remarks"],
    "level": ["level", "jenis baris", "tingkat anggaran"],
    "kode": ["kode", "kode rekening", "kode program", "code", "no rekening", "kode sub kegiatan", "kode kegiatan",
             "kode rek"],
    "uraian": ["uraian", "program kegiatan", "program kegiatan sub kegiatan", "nama program kegiatan",
               "program kegiatan subkegiatan", "description", "nama", "program kegiatan dan sub kegiatan",
               "uraian program kegiatan", "uraian program", "nomenklatur", "program activity"],
    "program": ["program", "nama program"],
    "kegiatan": ["kegiatan", "nama kegiatan", "activity"],
    "sub_kegiatan": ["sub kegiatan", "subkegiatan", "nama sub kegiatan", "sub activity"],
    "pagu": ["pagu", "anggaran", "pagu anggaran", "alokasi", "alokasi anggaran", "budget", "pagu perubahan",
             "perubahan", "anggaran perubahan", "pagu akhir", "jumlah anggaran", "target anggaran", "anggaran target",
             "pagu dpa", "anggaran dpa", "anggaran pagu", "keuangan target", "target keuangan"],
    "pagu_awal": ["pagu awal", "pagu murni", "anggaran murni", "awal", "murni", "anggaran awal"],
    "serapan_dilaporkan": ["serapan", "persentase serapan", "serapan anggaran", "persentase realisasi",
                           "serapan dilaporkan", "realisasi anggaran persen", "realisasi persen", "serapan persen",
                           "capaian anggaran", "anggaran capaian", "anggaran persen", "keuangan capaian",
                           "capaian keuangan", "realisasi keuangan persen", "absorption"],
    "jenis": ["jenis"],
    "nilai": ["nilai", "skor", "score"],
    "predikat": ["predikat", "grade", "kategori predikat"],
    "lingkup": ["lingkup"],
    "provinsi": ["provinsi", "province"],
    "_persen": ["persen", "persentase"],
    "_no": ["no", "nomor", "no urut"],
}
_PETA = {frasa: bidang for bidang, daftar in _SINONIM.items() for frasa in daftar}
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RE_TW = re.compile(r"^(?:(rencana|anggaran kas|rak|target|realisasi)\s+)?(?:tw|triwulan|trw|q)\s*(iv|iii|ii|i|[1-4])$")
_RE_TAHUN = re.compile(r"\b(19[5-9]\d|20\d\d|21\d\d)\b")


# Units and periods written into a header cell: read elsewhere (judul.py), not part of the field's name.
_RE_SATUAN_HEADER = re.compile(
    r"\(?\s*(?:dalam\s+)?(?:ribuan|jutaan|ribu|juta|miliar|milyar)\s+rupiah\s*\)?|\(?\s*rp\.?\s*(?:000|\.000|ribu|juta)\s*\)?"
    r"|\b(?:s\s*/\s*d|s\.\s*d|sd|sampai\s+dengan)\.?\s*(?:tw|triwulan|trw)\.?\s*(?:iv|iii|ii|i|[1-4])\b")


def baku(teks: object) -> str:
    """Header text normalised: lower case, no punctuation, single spaces; '%' kept as 'persen'."""
    t = str(teks or "").lower().replace("%", " persen ").replace("\n", " ").replace("_", " ")
    t = _RE_SATUAN_HEADER.sub(" ", t)
    t = re.sub(r"\(\s*rp\s*\)|\brp\.?\b", " ", t)
    t = re.sub(r"[^\w\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


@dataclass(frozen=True)
class Kolom:
    indeks: int
    judul: str
    bidang: str
    tahun: int | None = None


def kenali(teks: object) -> tuple[str | None, int | None]:
    """(field, year) for one header text, or (None, year) when only a year is recognised."""
    return _kenali(str(teks or ""))


@functools.lru_cache(maxsize=1 << 16)  # asked of every row while tables are looked for: once per distinct text
def _kenali(teks: str) -> tuple[str | None, int | None]:
    t = baku(teks)
    if not t:
        return None, None
    tahun = None
    m = _RE_TAHUN.search(t)
    if m:
        tahun = int(m.group(1))
        t = re.sub(r"\s+", " ", _RE_TAHUN.sub(" ", t)).strip()
        t = re.sub(r"\b(tahun|ta)\s*$", "", t).strip()
        if not t:
            return None, tahun
    m = _RE_TW.match(t)
    if m:
        awalan = "realisasi" if m.group(1) == "realisasi" else "rencana"
        return f"{awalan}_tw{_ROMAWI[m.group(2)]}", tahun
    if t in _PETA:
        return _PETA[t], tahun
    # "realisasi anggaran persen", "capaian kinerja persen", "target 2023 persen" ...
    if t.endswith(" persen") and t[: -len(" persen")] in _PETA:
        dasar = _PETA[t[: -len(" persen")]]
        if dasar == "realisasi_anggaran":
            return "serapan_dilaporkan", tahun
        if dasar == "pagu":
            return "serapan_dilaporkan", tahun  # "Anggaran (%)"
        return dasar, tahun
    return None, None


def _gabung(induk: str, anak: str) -> tuple[str | None, int | None]:
    """Field of a column under a two-row header, from the parent cell (spanning) and the child cell."""
    b_induk, b_anak = baku(induk), baku(anak)
    if not b_anak or b_induk == b_anak:  # no child, or a cell merged down over both rows
        return kenali(induk)
    if not b_induk:
        return kenali(anak)
    f_gab, t_gab = kenali(f"{b_induk} {b_anak}")
    f_anak, t_anak = kenali(anak)
    f_induk, t_induk = kenali(induk)
    tahun = t_anak or t_induk or t_gab
    # quarters under "Anggaran Kas" / "Rencana" (plan) or under "Realisasi" (actual)
    if f_anak and f_anak.startswith(("rencana_tw", "realisasi_tw")):
        if f_induk in ("realisasi", "realisasi_anggaran"):
            return f_anak.replace("rencana", "realisasi"), tahun
        return f_anak, tahun
    if f_gab:  # "Realisasi Anggaran" over "%", "Anggaran" over "Target", "Capaian" over "2021" ...
        return f_gab, tahun
    if b_anak in ("persen", "persentase") and f_induk:
        return f_induk, tahun
    if f_anak:
        return f_anak, tahun
    if t_anak and f_induk:  # "Capaian" over "2021", "2022"
        return f_induk, t_anak
    return None, tahun


def _teks_sel(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _isi_kanan(baris: list[object]) -> list[str]:
    """A parent header row with merged cells: each blank takes the value on its left."""
    hasil, akhir = [], ""
    for v in baris:
        t = _teks_sel(v)
        if t:
            akhir = t
        hasil.append(t if t else akhir)
    return hasil


def _pemetaan(header: list[list[object]]) -> list[Kolom]:
    lebar = max(len(r) for r in header)
    if len(header) == 1:
        judul = [_teks_sel(v) for v in header[0]] + [""] * (lebar - len(header[0]))
        kol = []
        for i, j in enumerate(judul):
            f, t = kenali(j)
            if f:
                kol.append(Kolom(i, j, f, t))
        return kol
    induk = _isi_kanan(header[0] + [None] * (lebar - len(header[0])))
    anak = [_teks_sel(v) for v in header[1]] + [""] * (lebar - len(header[1]))
    kol = []
    for i in range(lebar):
        asli_induk = _teks_sel(header[0][i]) if i < len(header[0]) else ""
        # a parent cell that is blank and has no child is not part of a merged header
        p = induk[i] if (asli_induk or anak[i]) else ""
        f, t = _gabung(p, anak[i])
        if f:
            judul = p if baku(p) == baku(anak[i]) else " / ".join(x for x in (p, anak[i]) if x)
            kol.append(Kolom(i, judul, f, t))
    return kol


_BIDANG_ANGGARAN = {"pagu", "pagu_awal", "rencana_tw1", "realisasi_tw1", "serapan_dilaporkan", "realisasi_anggaran"}
_BIDANG_LABEL_ANGGARAN = {"uraian", "program", "kegiatan", "sub_kegiatan", "kode"}


def jenis_tabel(bidang: set[str]) -> str | None:
    """Which kind of table a set of recognised fields describes."""
    if "lingkup" in bidang and "nilai" in bidang:
        return "nilai_dilaporkan"
    if "provinsi" in bidang and "tahun" not in bidang and "instansi" in bidang:
        return "instansi"
    if bidang & _BIDANG_ANGGARAN and bidang & _BIDANG_LABEL_ANGGARAN and "indikator" not in bidang:
        return "anggaran"
    if "indikator" in bidang:
        if "jenis" in bidang and "target" in bidang and not bidang & {"realisasi", "capaian_dilaporkan"}:
            return "renstra"
        if bidang & {"target", "realisasi", "capaian_dilaporkan", "_persen"}:
            return "indikator"
    if {"jenis", "nilai"} <= bidang and "indikator" not in bidang:
        return "skor"
    return None


# Fields a reader uses besides the canonical columns: labels of budget lines and a bare "%" column.
_BANTU = {"anggaran": {"program", "kegiatan", "sub_kegiatan"}, "indikator": {"_persen"}}


def sesuaikan(kolom: list[Kolom], jenis: str) -> tuple[list[Kolom], list[tuple[Kolom, str]]]:
    """The columns a table of this kind uses, and the others with the reason they are left out.

    In a budget table "Realisasi Anggaran" is the realisasi; in an indicator table it is the budget
    beside the indicator, not the indicator's realisasi, and is left out. When two columns give the same
    field for the same year, the first is used.
    """
    dipakai, diabaikan, sudah = [], [], set()
    boleh = set(KOLOM[jenis]) | _BANTU.get(jenis, set())
    for k in kolom:
        if jenis == "anggaran" and k.bidang == "realisasi_anggaran":
            k = Kolom(k.indeks, k.judul, "realisasi", k.tahun)
        if k.bidang not in boleh:
            if k.bidang != "_no":
                diabaikan.append((k, f"bukan kolom tabel {NAMA_JENIS[jenis]}"))
            continue
        if (k.bidang, k.tahun) in sudah:
            diabaikan.append((k, "kolom yang sama sudah terbaca di sebelah kiri"))
            continue
        sudah.add((k.bidang, k.tahun))
        dipakai.append(k)
    return dipakai, diabaikan


_RE_NOMOR_KOLOM = re.compile(r"^[(\[]?-?(\d{1,2})[)\].]?$")


def baris_nomor_kolom(baris: list[object]) -> bool:
    """A row of column numbers under a header: ``(1) (2) (3)``, ``-1 -2 -3`` (Excel's reading of
    "(1)"), or ``1 2 3``: at least two small numbers, increasing from left to right."""
    nomor = []
    for v in baris:
        t = _teks_sel(v)
        if not t:
            continue
        m = _RE_NOMOR_KOLOM.match(t)
        if not m:
            return False
        nomor.append(int(m.group(1)))
    return len(nomor) >= 2 and all(b > a for a, b in zip(nomor, nomor[1:]))


@dataclass
class TabelDitemukan:
    jenis: str
    baris_header: list[int]  # 0-based indices of the header row(s)
    kolom: list[Kolom]
    baris_data_mulai: int
    judul: list[str] = field(default_factory=list)  # text of title rows above the header
    diabaikan: list[tuple[Kolom, str]] = field(default_factory=list)  # recognised but not used, and why
    akhir: int | None = None  # 0-based row where the data ends (exclusive): the next table's title or header
    skala: float = 1.0  # unit of the amounts ("dalam ribuan rupiah": 1000)
    skala_dari: str | None = None
    periode: str | None = None  # "s.d. TW III"
    bentuk: str | None = None  # a special layout recognised


def _terbaik(kol: list[Kolom]) -> tuple[str | None, int]:
    bidang = {k.bidang for k in kol}
    return jenis_tabel(bidang), len(bidang)


def _dikenali(v: object) -> bool:
    f, t = kenali(v)
    return bool(f or t)


def _mirip_data(baris: list[object]) -> bool:
    """A row holding figures (not a header): a number other than a small column number or a year."""
    for v in baris:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            continue
        if not (float(v).is_integer() and (0 <= v < 100 or 1900 < v < 2200)):
            return True
    return False


def cari_tabel(rows: list[list[object]], maks_pindai: int = 40, mulai: int = 0) -> TabelDitemukan | None:
    """Locate the header and the kind of table in a sheet's rows, or None when none is recognisable.

    The header is the first row (within the first ``maks_pindai``) whose cells name the fields of a
    kind of table; when the row below it refines those names (a year, "Target / Realisasi" under
    "2023", "Rp / %" under "Realisasi Anggaran", "TW I..IV" under "Anggaran Kas"), both rows together
    are the header. ``rows`` should have merged cells filled (``Lembar.terisi()``).
    """
    pilihan = None
    for r in range(mulai, min(mulai + maks_pindai, len(rows))):
        if sum(1 for v in rows[r] if _teks_sel(v)) < 2:
            continue  # a title, a lone label or a blank row
        satu = _pemetaan([rows[r]])
        j1, n1 = _terbaik(satu)
        kandidat = [(n1, [r], satu, j1)] if j1 else []
        bawah = rows[r + 1] if r + 1 < len(rows) else []
        if (any(_dikenali(v) for v in rows[r]) and any(_dikenali(v) for v in bawah)
                and not baris_nomor_kolom(bawah) and not _mirip_data(bawah)):
            dua = _pemetaan([rows[r], bawah])
            j2, n2 = _terbaik(dua)
            if j2 and n2 >= n1 and (n2 > n1 or len(dua) > len(satu) or any(k.tahun for k in dua)):
                kandidat.insert(0, (n2, [r, r + 1], dua, j2))
        if kandidat:
            pilihan = kandidat[0]
            break
    if not pilihan:
        return None
    _, hdr, kol, jenis = pilihan
    kol, diabaikan = sesuaikan(kol, jenis)
    data = hdr[-1] + 1
    while data < len(rows) and (baris_nomor_kolom(rows[data]) or not any(_teks_sel(v) for v in rows[data])):
        data += 1
    judul = []
    for i in range(mulai, hdr[0]):
        sel = []
        for v in rows[i]:  # a title merged across columns is filled into each: keep it once
            t = _teks_sel(v)
            if t and (not sel or sel[-1] != t):
                sel.append(t)
        if sel:
            judul.append(" ".join(sel))
    return TabelDitemukan(jenis, hdr, kol, data, judul, diabaikan)


from .judul import instansi_dari_judul, tahun_dari_judul  # noqa: E402,F401  (kept importable from here)
