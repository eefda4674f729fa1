"""Exports: numbers stay numbers, formula-like text stays text (CSV and xlsx)."""
import csv
import io

import pandas as pd
from openpyxl import load_workbook

from lkjip import export

BAHAYA = ["=HYPERLINK(\"http://contoh.invalid\",\"klik\")", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx"]


def _df():
    return pd.DataFrame({"uraian": BAHAYA, "pagu": [1000, 2500000, -5, 0, 1.5, None]})


def test_csv_aman_dan_angka_tetap_angka():
    rows = list(csv.reader(io.StringIO(export.ke_csv(_df()).decode("utf-8"), newline="")))
    assert rows[0] == ["uraian", "pagu"]
    for (teks, angka), asli in zip(rows[1:], BAHAYA):
        assert teks == "'" + asli
    assert [r[1] for r in rows[1:]] == ["1000", "2500000", "-5", "0", "1.5", ""]


def test_csv_excel_indonesia():
    teks = export.ke_csv(pd.DataFrame({"a": [1.5, 1000.0], "b": ["x", "y"]}), excel_id=True)
    assert teks.startswith("\ufeff".encode("utf-8"))
    assert teks.decode("utf-8-sig").splitlines() == ["a;b", "1,5;x", "1000;y"]


def test_xlsx_aman_dan_angka_tetap_angka():
    ws = load_workbook(io.BytesIO(export.ke_xlsx(_df()))).active
    for i, asli in enumerate(BAHAYA, start=2):
        sel = ws.cell(row=i, column=1)
        # XML turns a lone CR into LF when the file is read back; the cell is text either way
        assert sel.value in (asli, asli.replace("\r", "\n")) and sel.data_type == "s"
    assert [ws.cell(row=i, column=2).value for i in range(2, 8)] == [1000, 2500000, -5, 0, 1.5, None]
    assert ws.cell(row=3, column=2).data_type == "n"
    assert ws.cell(row=1, column=1).font.bold and ws.freeze_panes == "A2"
