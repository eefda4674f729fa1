"""Finding every table of a sheet: several may follow each other (a Perjanjian Kinerja target table,
then a program budget table below it), each with its own header; the data of one ends where the next
one's title or header begins. The Renja evaluation form (``renja``) is tried first.

``tabel_dari_header`` builds a table from header rows chosen by a person (a correction or a profile).
"""
from __future__ import annotations

from . import renja
from .judul import periode_dari, skala_dari
from .tabel import (NAMA_JENIS, Kolom, TabelDitemukan, _mirip_data, _pemetaan, _teks_sel, baris_nomor_kolom, cari_tabel,
                    jenis_tabel, sesuaikan)


def _isi(row: list[object]) -> int:
    return sum(1 for v in row if _teks_sel(v))


def _header_berikut(rows: list[list[object]], dari: int) -> int | None:
    """The next row, from ``dari``, that is the header of another table (names the fields of a kind)."""
    for r in range(dari, len(rows)):
        row = rows[r]
        if _isi(row) < 2 or _mirip_data(row) or baris_nomor_kolom(row):
            continue
        kol = _pemetaan([row])
        # a header names fields in most of its cells; a data row may hold a word or two that look like one
        # ("Indikator 1950", "%")
        if jenis_tabel({k.bidang for k in kol}) and len({k.bidang for k in kol}) >= 2 and len(kol) >= 0.6 * _isi(row) \
                and not any(k.tahun for k in kol if k.bidang in ("indikator", "uraian", "program", "kegiatan", "sasaran")):
            return r
        if renja._baris_kr(row):
            return max(dari, r - 2)
    return None


def _awal_judul(rows: list[list[object]], header: int, batas: int) -> int:
    """Where the titles above a header begin: the rows of at most one cell just above it."""
    r = header
    while r - 1 >= batas and _isi(rows[r - 1]) <= 1 and any(_teks_sel(v) for v in rows[r - 1]):
        r -= 1
    return r


def tafsir(t: TabelDitemukan, rows: list[list[object]], judul_lembar: list[str]) -> TabelDitemukan:
    """Units and period stated once, in the titles or the header cells."""
    header = [(f"kolom baris {h + 1}", _teks_sel(v)) for h in t.baris_header for v in rows[h] if _teks_sel(v)]
    judul = [("judul", j) for j in judul_lembar + t.judul]
    t.skala, t.skala_dari = skala_dari(judul + header)
    t.periode = periode_dari([j for _, j in judul + header])
    return t


def cari_semua(rows: list[list[object]]) -> list[TabelDitemukan]:
    """Every table of a sheet, top to bottom (empty when none is recognisable)."""
    hasil: list[TabelDitemukan] = []
    mulai, judul_atas = 0, []
    while mulai < len(rows):
        bagian = renja.cari(rows, mulai)
        if bagian:
            pertama = bagian[0]
        else:
            t = cari_tabel(rows, mulai=mulai)
            if t is None:
                break
            bagian = [t]
            pertama = t
        if not hasil:
            judul_atas = list(pertama.judul)
        berikut = _header_berikut(rows, pertama.baris_data_mulai)
        akhir = _awal_judul(rows, berikut, pertama.baris_data_mulai) if berikut is not None else None
        for t in bagian:
            t.akhir = akhir
            if hasil:  # the sheet's own title (agency, year, unit) applies to every table under it
                t.judul = judul_atas + [j for j in t.judul if j not in judul_atas]
            hasil.append(tafsir(t, rows, []))
        if akhir is None:
            break
        mulai = akhir
    return hasil


def tabel_dari_header(rows: list[list[object]], baris_header: list[int], jenis: str | None = None,
                      kolom: dict[int, str] | None = None) -> TabelDitemukan | None:
    """A table whose header rows (0-based) a person chose; ``kolom``: column index -> field ("" ignores it).

    None when no kind of table can be made of the fields (say which fields are needed)."""
    baris_header = [h for h in baris_header if 0 <= h < len(rows)]
    if not baris_header:
        return None
    kol = _pemetaan([rows[h] for h in baris_header])
    lebar = max(len(rows[h]) for h in baris_header)
    if kolom:
        ada = {k.indeks: k for k in kol}
        for i, bidang in kolom.items():
            if i >= lebar:
                continue
            judul = " / ".join(dict.fromkeys(_teks_sel(rows[h][i]) for h in baris_header if i < len(rows[h]) and _teks_sel(rows[h][i])))
            if bidang:
                ada[i] = Kolom(i, judul or f"kolom {i + 1}", bidang, ada[i].tahun if i in ada else None)
            else:
                ada.pop(i, None)
        kol = sorted(ada.values(), key=lambda k: k.indeks)
    jenis = jenis or jenis_tabel({k.bidang for k in kol})
    if jenis not in NAMA_JENIS:
        return None
    kol, diabaikan = sesuaikan(kol, jenis)
    mulai = baris_header[-1] + 1
    while mulai < len(rows) and (baris_nomor_kolom(rows[mulai]) or renja._baris_nomor(rows[mulai]) or not any(_teks_sel(v) for v in rows[mulai])):
        mulai += 1
    judul = [" ".join(dict.fromkeys(_teks_sel(v) for v in rows[i] if _teks_sel(v))) for i in range(baris_header[0])]
    return TabelDitemukan(jenis, baris_header, kol, mulai, [j for j in judul if j], diabaikan)
