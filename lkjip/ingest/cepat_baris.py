"""Row rules of the bulk path (lkjip/ingest/cepat.py), copied from the per-cell importer
(lkjip/ingest/indikator.py, pembaca.py): capaian recomputed, printed capaian compared, total rows, years."""
from __future__ import annotations

import re

import numpy as np

from .. import measures
from ..numbers import format_persen, parse
from .indikator import pesan_polaritas_saran, pesan_tanpa_realisasi_tahunan, sama_capaian
from .model import CAPAIAN_TAK_WAJAR, Masalah

_ANGKA = ("target", "realisasi", "capaian_dilaporkan")


def capaian(t_n, r_n, t_p, r_p, pol) -> tuple[np.ndarray, np.ndarray]:
    """``measures.capaian`` per row: the plain cases (positif/negatif, both figures, target not 0) as arrays
    with the same arithmetic, the others through the function itself."""
    n = len(pol)
    capaian = np.full(n, None, dtype=object)
    alasan = np.full(n, None, dtype=object)
    angka = (t_n != None) & (r_n != None)  # noqa: E711
    t = np.where(angka, t_n, 1.0).astype(float)
    r = np.where(angka, r_n, 0.0).astype(float)
    biasa = angka & (t != 0)
    pos = biasa & (pol == "positif")
    neg = biasa & (pol == "negatif")
    capaian[pos] = (r[pos] / t[pos] * 100).tolist()
    capaian[neg] = ((2 * t[neg] - r[neg]) / t[neg] * 100).tolist()
    for i in np.flatnonzero(~(pos | neg)):
        h = measures.capaian(t_n[i], r_n[i], pol[i], t_p[i], r_p[i])
        capaian[i], alasan[i] = h.nilai, h.alasan
    return capaian, alasan


def baris_jumlah(kol: dict, nama_kolom: list[str]) -> np.ndarray:
    """Total, subtotal and average rows (for the per-cell importer). The importer tests a label made of the
    row's first four cells (figures left out); its patterns are anchored at the start and end, so only
    rows whose first filled label cell starts with such a word can match: only those are built."""
    from .pola import RE_RATA as _RE_RATA
    from .pola import RE_RINGKASAN_FORM
    from .pola import RE_SUBTOTAL as _RE_SUBTOTAL
    from .pola import RE_TOTAL as _RE_TOTAL

    pola = (_RE_TOTAL, _RE_SUBTOTAL, _RE_RATA, RE_RINGKASAN_FORM)
    awal = re.compile(r"^\s*(grand|jumlah|total|sub|rata|predikat)", re.I)
    k_ind = kol["indikator"]
    hasil = k_ind.per_baris([b is not None and any(p.match(b) for p in pola) for b in k_ind.bersih_unik]).astype(bool)
    bagian = [n for n in nama_kolom[:4] if n not in _ANGKA]
    if not bagian:
        return hasil
    sel = [kol[n].bersih() for n in bagian]
    calon = np.zeros(len(hasil), dtype=bool)
    sudah = np.zeros(len(hasil), dtype=bool)
    for arr, k in zip(sel, (kol[n] for n in bagian)):
        cocok = k.per_baris([b is not None and bool(awal.match(b)) for b in k.bersih_unik]).astype(bool)
        ada = arr != None  # noqa: E711
        calon |= ~sudah & ada & cocok
        sudah |= ada
    for i in np.flatnonzero(calon):
        teks = []
        for arr in sel:
            v = arr[i]
            if v and (not teks or teks[-1] != v):
                teks.append(v)
        label = " ".join(teks)
        if any(p.match(label) for p in pola):
            hasil[i] = True
    return hasil


def tahun(v) -> int | None:
    from .model import TAHUN_MAKS, TAHUN_MIN

    a = parse(v)
    if a.nilai is None or not float(a.nilai).is_integer() or not TAHUN_MIN <= int(a.nilai) <= TAHUN_MAKS:
        return None
    return int(a.nilai)


def periksa_capaian(lembar: str, nomor, ind, t_n, r_n, t_p, r_p, c_n, c_teks, r_teks, pol, dari, capaian_, alasan,
                    kol_c: str | None, kol_r: str | None, kol_i: str | None = None) -> list[Masalah]:
    """The per-cell importer's checks of one row's capaian, row by row in its order: a printed capaian that
    differs from the computed one (the other polarity taken when it matches a suggested polarity: ``pol``,
    ``dari``, ``capaian_`` and ``alasan`` are updated in place), one that cannot be recomputed, a negative
    polarity suggested without evidence, and a computed capaian above ``CAPAIAN_TAK_WAJAR``."""
    hasil: list[tuple[int, int, Masalah]] = []
    ada_c = c_n != None  # noqa: E711
    ada_h = capaian_ != None  # noqa: E711
    for i in np.flatnonzero(ada_c & ada_h & ((pol == "positif") | (pol == "negatif"))):
        c, hc = c_n[i], capaian_[i]
        if sama_capaian(hc, c):
            continue
        lain = "negatif" if pol[i] == "positif" else "positif"
        hl = measures.capaian(t_n[i], r_n[i], lain, t_p[i], r_p[i])
        if dari[i] == "saran" and sama_capaian(hl.nilai, c):
            pesan = (f"polaritas {lain} dipakai, bukan {pol[i]} (saran dari kata-kata indikator): capaian tercetak "
                     f"{c_teks[i]} cocok dengan rumus {lain}. Ubah polaritasnya bila keliru")
            pol[i], dari[i], capaian_[i], alasan[i] = lain, "bukti", hl.nilai, hl.alasan
        else:
            pesan = (f"capaian yang disimpan {format_persen(hc)} (dihitung, polaritas {pol[i]}) berbeda dari "
                     f"capaian tercetak {c_teks[i]}. Periksa target, realisasi dan polaritas sebelum menyimpan")
        hasil.append((i, 0, Masalah("peringatan", lembar, int(nomor[i]), kol_c, c_teks[i], pesan)))
    for i in np.flatnonzero(ada_c & ~ada_h):
        hasil.append((i, 0, Masalah("peringatan", lembar, int(nomor[i]), kol_c, c_teks[i],
                                    f"capaian tercetak {c_teks[i]} tidak dapat dihitung ulang ({alasan[i] or 'target/realisasi kosong'}); "
                                    "yang disimpan kosong, yang tercetak disimpan sebagai teks")))
    for i in np.flatnonzero(~ada_c & ada_h & (dari == "saran") & (pol == "negatif")):
        positif = measures.capaian(t_n[i], r_n[i], "positif", t_p[i], r_p[i]).nilai
        hasil.append((i, 0, Masalah("peringatan", lembar, int(nomor[i]), kol_i, ind[i],
                                    pesan_polaritas_saran(capaian_[i], positif))))
    lebih = np.flatnonzero(np.array([c is not None and c > CAPAIAN_TAK_WAJAR for c in capaian_], dtype=bool) & (pol != "ordinal"))
    for i in lebih:
        hasil.append((i, 1, Masalah("peringatan", lembar, int(nomor[i]), kol_r if r_teks[i] is not None else None, r_teks[i],
                                    f"capaian dihitung {format_persen(capaian_[i])}, lebih dari {CAPAIAN_TAK_WAJAR:.0f}%: periksa "
                                    f"target, realisasi dan satuannya (polaritas {pol[i]}); tetap disimpan")))
    hasil.sort(key=lambda h: (h[0], h[1]))
    return [m for _, _, m in hasil]


def tanpa_realisasi_tahunan(lembar: str, nomor, r_teks, tw: dict) -> list[Masalah]:
    """The per-cell importer's warning for indicators with quarters but no realisation of the year."""
    ada_tw = np.logical_or.reduce([v != None for v in tw.values()])  # noqa: E711
    baris = [int(b) for b in np.asarray(nomor)[ada_tw & (r_teks == None)]]  # noqa: E711
    if not baris:
        return []
    return [Masalah("peringatan", lembar, baris[0], None, None, pesan_tanpa_realisasi_tahunan(baris))]


def baris_akhir_tabel(kol: dict, nama_kolom: list[str]) -> np.ndarray:
    """Rows whose first filled cell is a footnote, signature or print stamp: the per-cell importer stops
    reading the table there (every CSV cell is text, so its test applies to every row)."""
    from .pola import akhir_tabel

    n = len(kol[nama_kolom[0]].kode)
    hasil = np.zeros(n, dtype=bool)
    sudah = np.zeros(n, dtype=bool)
    for nm in nama_kolom:
        k = kol[nm]
        ada = k.per_baris([b is not None for b in k.bersih_unik]).astype(bool)
        hasil |= ~sudah & ada & k.per_baris([akhir_tabel(b) for b in k.bersih_unik]).astype(bool)
        sudah |= ada
    return hasil
