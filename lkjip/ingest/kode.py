"""The level of a budget line from the shape of its code (national nomenclature, Permendagri 90/2019,
as SIPD and the accounting apps export it) or from the first word of its description.

    1                     urusan                (not a budget line of the agency: skipped)
    1.06                  bidang urusan         (skipped; its amount is checked against the programs)
    1.06.01               program
    1.06.01.2.01          kegiatan
    1.06.01.2.01.0001     sub kegiatan
    5.1.02.01.01.0024     account line (rekening belanja: skipped, never a program)
    1.06.0.00.0.00.01.0000  the SKPD's own code (a header line, not a row)

Urusan, bidang urusan and account lines are never counted as programs: counting them would double
the total.
"""
from __future__ import annotations

import re

from .model import teks
from .pola import RE_SUBTOTAL, RE_TOTAL

_RE_KODE = re.compile(r"^\d+(\.\d+)*\.?$")
# levels read from a code that are not stored as budget lines, with the reason shown in the preview
TIDAK_DISIMPAN = {
    "urusan": "baris urusan",
    "bidang_urusan": "baris bidang urusan",
    "rekening": "baris rekening belanja (kode akun 4/5/6.x)",
    "unit": "kode unit/SKPD",
}


def level_kode(kode: str | None) -> str | None:
    """urusan | bidang_urusan | program | kegiatan | sub_kegiatan | rekening | unit, or None."""
    if not kode:
        return None
    kode = kode.strip().rstrip(".")
    if not _RE_KODE.match(kode):
        return None
    bagian = kode.split(".")
    if bagian[0] in ("4", "5", "6") and len(bagian) >= 2 and len(bagian[1]) == 1:
        return "rekening"  # 5.1.02.01: kelompok 1 digit (an urusan's bidang has 2: 5.01)
    if len(bagian) == 8 and bagian[2] == "0" and bagian[3] == "00":
        return "unit"
    if len(bagian) >= 7 and bagian[6] in ("4", "5", "6"):
        return "rekening"  # sub kegiatan code followed by the account: 1.06.01.2.01.0001.5.1.02
    return {1: "urusan", 2: "bidang_urusan", 3: "program", 4: "kegiatan", 5: "kegiatan", 6: "sub_kegiatan"}.get(len(bagian))


def kode_bersih(sel) -> str | None:
    """A budget line's code as printed; "JUMLAH"/"TOTAL" written in the code column is a label, not a code."""
    kode = teks(sel[0]) if sel else None
    return None if kode and (RE_TOTAL.match(kode) or RE_SUBTOTAL.match(kode)) else kode


def level_dari(uraian: str, kode: str | None) -> str | None:
    """The level of a line: a code that marks a line never stored wins; then the first word; then the code."""
    dari_kode = level_kode(kode)
    if dari_kode in TIDAK_DISIMPAN:
        return dari_kode
    u = uraian.lower()
    if u.startswith(("urusan pemerintahan", "urusan wajib", "urusan pilihan")):
        return "urusan"
    if u.startswith("bidang urusan"):
        return "bidang_urusan"
    if u.startswith("sub kegiatan") or u.startswith("subkegiatan"):
        return "sub_kegiatan"
    if u.startswith("kegiatan"):
        return "kegiatan"
    if u.startswith("program"):
        return "program"
    if u.startswith("belanja"):
        return "jenis_belanja"
    if u.startswith("sasaran"):
        return "sasaran"
    return dari_kode
