"""Bab III (Akuntabilitas Kinerja) drafts and the comparison report, as DOCX and XLSX.

    lap = susun.bab3(store, "Dinas Sosial Kota Bekasi", 2023)     # or susun.perbandingan(store, ...)
    dokumen.ke_docx(lap); lembar.ke_xlsx(lap)                    # bytes

Table builders (``tabel``, ``perbandingan``) are pure functions on DataFrames; ``sumber`` holds the one
function per outside source (comparison key, notes per indicator, verdicts on findings).
"""
from .susun import GalatLaporan, bab3, perbandingan

__all__ = ["GalatLaporan", "bab3", "perbandingan", "tulis"]


def tulis(lap, path) -> None:
    """Write the report to ``path`` (.docx or .xlsx)."""
    from pathlib import Path

    path = Path(path)
    if path.suffix.lower() == ".docx":
        from .dokumen import ke_docx

        path.write_bytes(ke_docx(lap))
    elif path.suffix.lower() == ".xlsx":
        from .lembar import ke_xlsx

        path.write_bytes(ke_xlsx(lap))
    else:
        raise ValueError(f"format keluaran {path.suffix or '(tanpa akhiran)'} tidak didukung; pakai .docx atau .xlsx")
