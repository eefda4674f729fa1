"""Patterns of row labels: totals, subtotals, averages, template examples, and what is not data."""
from __future__ import annotations

import re

# A total row's label is short: "JUMLAH", "Total", "Jumlah Total", "TOTAL ANGGARAN", "Jumlah Belanja Modal",
# "Jumlah Sasaran 2" ... never an indicator such as "Jumlah rumah tangga yang mendapatkan bantuan".
_SESUDAH_TOTAL = r"(\s+(keseluruhan|seluruhnya|akhir|umum|anggaran|belanja(\s+\w+)?|(sasaran|program|kegiatan)(\s+[\divx]+)?))?\s*[:.]?\s*$"
RE_TOTAL = re.compile(r"^\s*(grand\s+total|jumlah\s+total|total\s+jumlah|jumlah|total)" + _SESUDAH_TOTAL, re.I)
RE_SUBTOTAL = re.compile(r"^\s*(sub\s*-?\s*total|sub\s*-?\s*jumlah)" + _SESUDAH_TOTAL, re.I)
RE_RATA = re.compile(r"^\s*rata\s*[-–—]?\s*rata", re.I)
RE_CONTOH = re.compile(r"^\s*CONTOH\b")

# Rows that end a table: footnotes, signature blocks, print stamps, and the closing parts of the Renja
# evaluation form (Permendagri 86/2017: "Faktor pendorong ...", "Tindak lanjut ..."). Below them is not data.
_RE_AKHIR_TABEL = re.compile(
    r"^\s*(?:(?:sumber(?:\s+data)?|keterangan|ket|catatan|note|notes)\s*[:：]"
    r"|\*+\)?\s*(?:sumber|keterangan|catatan)"
    r"|kepala\s+(?:dinas|badan|bidang|bagian|seksi|sub)"
    r"|plt\.?\s+kepala|plh\.?\s+kepala|sekretaris\s+dinas"
    r"|nip\.?\s*[:.]?\s*\d|nip\s*[:.]?\s*$|nip\.?\s+\d"
    r"|(?:mengetahui|menyetujui|disetujui|disusun|dievaluasi|dibuat)\b.{0,40}(?:oleh|kepala|:|,)?\s*$"
    r"|(?:dicetak|printed|tanggal\s+cetak|waktu\s+cetak|diunduh)\b"
    r"|faktor\s+(?:pendorong|penghambat)|tindak\s+lanjut\s+yang\s+diperlukan"
    r"|pembina(?:\s+utama)?(?:\s+muda|\s+madya|\s+tingkat\s+i)?\s*$|penata(?:\s+tingkat\s+i)?\s*$)",
    re.I,
)
# "Parepare, 31 Desember 2023" / "Bekasi, Januari 2024": the place and date above a signature.
_BULAN = r"(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember)"
_RE_TEMPAT_TANGGAL = re.compile(r"^\s*[A-Za-z][\w .'-]{1,40},\s*(?:\d{1,2}\s+)?" + _BULAN + r"\s+\d{4}\s*$", re.I)
# Rows of the Renja form that summarise, never data: "Predikat kinerja", "Rata-rata capaian kinerja (%)".
RE_RINGKASAN_FORM = re.compile(r"^\s*(?:predikat\s+kinerja|rata\s*-?\s*rata\s+capaian)", re.I)


def akhir_tabel(teks: str | None) -> bool:
    """Whether a row's text marks the end of a table's data (footnote, signature, print stamp)."""
    if not teks:
        return False
    return bool(_RE_AKHIR_TABEL.match(teks) or _RE_TEMPAT_TANGGAL.match(teks))
