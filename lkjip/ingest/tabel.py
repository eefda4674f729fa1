"""Finding the table in a sheet: header row(s), which column is which field, where data starts.

Works on our template and on tables copied from reports or e-monev exports: header synonyms in
Bahasa Indonesia and English, title rows above the header, numbered-column rows such as ``(1) (2)``
or ``-1 -2``, two-row headers (a year or "Anggaran Kas" spanning the columns below it), merged cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Canonical fields per kind of table (also the template's columns, in order).
KOLOM = {
    "indikator": ["instansi", "tahun", "sasaran", "indikator", "tingkat", "satuan", "polaritas", "target", "realisasi",
                  "capaian_dilaporkan", "tema", "utama", "sumber", "catatan"],
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
    "instansi": ["instansi", "nama instansi", "perangkat daerah", "opd", "skpd", "dinas", "agency", "unit kerja"],
    "tahun": ["tahun", "tahun anggaran", "ta", "year", "periode"],
    "sasaran": ["sasaran", "sasaran strategis", "sasaran program", "sasaran kinerja", "objective",
                "strategic objective", "tujuan sasaran"],
    "indikator": ["indikator", "indikator kinerja", "indikator kinerja utama", "indikator sasaran",
                  "indikator kinerja sasaran", "indikator sasaran strategis", "iku", "indikator kinerja program",
                  "indicator", "performance indicator", "indikator kinerja iku"],
    "satuan": ["satuan", "sat", "unit", "satuan indikator"],
    "polaritas": ["polaritas", "polarity", "arah"],
    "target": ["target", "target tahunan", "target kinerja", "target pk", "target akhir", "target renstra"],
    "realisasi": ["realisasi", "realisasi kinerja", "actual", "realisasi anggaran", "realisasi keuangan",
                  "realisasi belanja", "realization"],
    "capaian_dilaporkan": ["capaian", "capaian kinerja", "capaian kinerja persen", "persen capaian",
                           "persentase capaian", "capaian persen", "achievement", "tingkat capaian",
                           "capaian dilaporkan", "persentase capaian kinerja"],
    "tema": ["tema", "theme", "urusan spm"],
    "utama": ["utama"],
    "tingkat": ["tingkat indikator", "tingkat"],
    "sumber": ["sumber", "sumber data", "source"],
    "catatan": ["catatan", "keterangan", "ket", "notes", "note"],
    "level": ["level", "jenis baris", "tingkat anggaran"],
    "kode": ["kode", "kode rekening", "kode program", "code", "no rekening", "kode sub kegiatan"],
    "uraian": ["uraian", "program kegiatan", "program kegiatan sub kegiatan", "nama program kegiatan",
               "program kegiatan subkegiatan", "description", "nama", "program kegiatan dan sub kegiatan",
               "uraian program kegiatan"],
    "program": ["program", "nama program"],
    "kegiatan": ["kegiatan", "nama kegiatan"],
    "sub_kegiatan": ["sub kegiatan", "subkegiatan", "nama sub kegiatan"],
    "pagu": ["pagu", "anggaran", "pagu anggaran", "alokasi", "alokasi anggaran", "budget", "pagu perubahan",
             "perubahan", "anggaran perubahan", "pagu akhir", "jumlah anggaran"],
    "pagu_awal": ["pagu awal", "pagu murni", "anggaran murni", "awal", "murni", "anggaran awal"],
    "serapan_dilaporkan": ["serapan", "persentase serapan", "serapan anggaran", "persentase realisasi",
                           "serapan dilaporkan", "realisasi anggaran persen", "realisasi persen"],
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


def baku(teks: object) -> str:
    """Header text normalised: lower case, no punctuation, single spaces; '%' kept as 'persen'."""
    t = str(teks or "").lower().replace("%", " persen ").replace("\n", " ").replace("_", " ")
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
        if dasar == "realisasi":
            return ("serapan_dilaporkan" if "anggaran" in t or "keuangan" in t else "realisasi"), tahun
        return dasar, tahun
    return None, None


def _gabung(induk: str, anak: str) -> tuple[str | None, int | None]:
    """Field of a column under a two-row header: the child, the parent and child together, or the parent."""
    b_induk, b_anak = baku(induk), baku(anak)
    if not b_anak:
        return kenali(induk)
    if not b_induk:
        return kenali(anak)
    f_gab, t_gab = kenali(f"{b_induk} {b_anak}")
    f_anak, t_anak = kenali(anak)
    f_induk, t_induk = kenali(induk)
    tahun = t_anak or t_induk or t_gab
    # TW columns under "Anggaran Kas" / "Realisasi"
    if f_anak and f_anak.startswith("rencana_tw") and f_induk == "realisasi":
        return f_anak.replace("rencana", "realisasi"), tahun
    if f_anak and f_anak.startswith(("rencana_tw", "realisasi_tw")):
        return f_anak, tahun
    # "Realisasi Anggaran" over "Rp" / "%"
    if b_anak in ("persen", "persentase") and f_induk == "realisasi":
        return "serapan_dilaporkan", tahun
    if b_anak in ("persen", "persentase") and f_induk == "capaian_dilaporkan":
        return "capaian_dilaporkan", tahun
    if b_anak in ("rp", "") and f_induk:
        return f_induk, tahun
    if f_gab:
        return f_gab, tahun
    if f_anak:
        return f_anak, tahun
    if f_anak is None and t_anak and f_induk:  # "Capaian" over "2021", "2022"
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
            kol.append(Kolom(i, " / ".join(x for x in (p, anak[i]) if x), f, t))
    return kol


def jenis_tabel(bidang: set[str]) -> str | None:
    """Which kind of table a set of recognised fields describes."""
    if "lingkup" in bidang and "nilai" in bidang:
        return "nilai_dilaporkan"
    if "provinsi" in bidang and "tahun" not in bidang and "instansi" in bidang:
        return "instansi"
    anggaran = {"pagu", "pagu_awal", "rencana_tw1", "realisasi_tw1", "serapan_dilaporkan"}
    label = {"uraian", "program", "kegiatan", "sub_kegiatan", "kode"}
    if bidang & anggaran and bidang & label and "indikator" not in bidang:
        return "anggaran"
    if "indikator" in bidang:
        if "jenis" in bidang and "target" in bidang and not bidang & {"realisasi", "capaian_dilaporkan"}:
            return "renstra"
        if bidang & {"target", "realisasi", "capaian_dilaporkan", "_persen"}:
            return "indikator"
    if {"jenis", "nilai"} <= bidang and "indikator" not in bidang:
        return "skor"
    return None


_RE_NOMOR_KOLOM = re.compile(r"^\(?-?\d{1,2}\)?$")


def baris_nomor_kolom(baris: list[object]) -> bool:
    """A row such as ``(1) (2) (3)``, ``-1 -2 -3`` or ``1 2 3`` under a header."""
    isi = [_teks_sel(v) for v in baris if _teks_sel(v)]
    return len(isi) >= 2 and all(_RE_NOMOR_KOLOM.match(t) for t in isi)


@dataclass
class TabelDitemukan:
    jenis: str
    baris_header: list[int]  # 0-based indices of the header row(s)
    kolom: list[Kolom]
    baris_data_mulai: int
    judul: list[str] = field(default_factory=list)  # text of title rows above the header


def _terbaik(kol: list[Kolom]) -> tuple[str | None, int]:
    bidang = {k.bidang for k in kol}
    return jenis_tabel(bidang), len(bidang)


def cari_tabel(rows: list[list[object]], maks_pindai: int = 40) -> TabelDitemukan | None:
    """Locate the header and the kind of table in a sheet's rows, or None when none is recognisable."""
    pilihan = None
    for r in range(min(maks_pindai, len(rows))):
        if not any(_teks_sel(v) for v in rows[r]):
            continue
        satu = _pemetaan([rows[r]])
        j1, n1 = _terbaik(satu)
        if n1 < 2 and not (r + 1 < len(rows)):
            continue
        kandidat = []
        if j1:
            kandidat.append((n1, [r], satu, j1))
        sel_isi = sum(1 for v in rows[r] if _teks_sel(v))
        if sel_isi >= 2 and r + 1 < len(rows) and any(_teks_sel(v) for v in rows[r + 1]) and not baris_nomor_kolom(rows[r + 1]):
            dua = _pemetaan([rows[r], rows[r + 1]])
            j2, n2 = _terbaik(dua)
            angka_di_anak = sum(
                1 for v in rows[r + 1]
                if isinstance(v, (int, float)) and not (isinstance(v, float) and not v.is_integer() or not 1900 < v < 2200)
            )
            kenal_anak = sum(1 for v in rows[r + 1] if kenali(v)[0] or kenali(v)[1])
            if j2 and n2 >= n1 and kenal_anak >= 1 and angka_di_anak == 0:
                tahun_anak = len({k.tahun for k in dua if k.tahun})
                if n2 > n1 or tahun_anak or len(dua) > len(satu):
                    kandidat.insert(0, (n2, [r, r + 1], dua, j2))
        if kandidat:
            pilihan = kandidat[0]
            break
    if not pilihan:
        return None
    _, hdr, kol, jenis = pilihan
    mulai = hdr[-1] + 1
    while mulai < len(rows) and (baris_nomor_kolom(rows[mulai]) or not any(_teks_sel(v) for v in rows[mulai])):
        mulai += 1
    judul = [" ".join(_teks_sel(v) for v in rows[i] if _teks_sel(v)) for i in range(hdr[0])]
    return TabelDitemukan(jenis, hdr, kol, mulai, [j for j in judul if j])


# --- Agency and year from title rows ----------------------------------------------------------------
_RE_JUDUL_INSTANSI = re.compile(
    r"(dinas\s+sosial(?:\s+(?:dan|,)\s+[a-z ]+?)?\s+(?:kota|kabupaten|kab\.?)\s+[a-z][a-z .'-]*?)(?=\s+(?:tahun|ta\b|periode)|\s*[,;(\n]|\s*$)",
    re.IGNORECASE,
)
_RE_JUDUL_TAHUN = re.compile(r"\b(?:tahun(?:\s+anggaran)?|ta\.?)\s+(19\d\d|20\d\d)\b", re.IGNORECASE)


def instansi_dari_judul(teks: list[str]) -> str | None:
    for t in teks:
        m = _RE_JUDUL_INSTANSI.search(t)
        if m:
            nama = re.sub(r"\s+", " ", m.group(1)).strip(" .")
            nama = re.sub(r"\bkab\.?(?=\s)", "Kabupaten", nama, flags=re.IGNORECASE)
            return " ".join(w if w.lower() == "dan" else w.capitalize() for w in nama.lower().split())
    return None


def tahun_dari_judul(teks: list[str]) -> int | None:
    for t in teks:
        m = _RE_JUDUL_TAHUN.search(t)
        if m:
            return int(m.group(1))
    return None
