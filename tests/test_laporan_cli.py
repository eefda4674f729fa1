"""python -m lkjip laporan: Bab III and the comparison report to DOCX / XLSX, as a user runs it."""
from docx import Document
from openpyxl import load_workbook

from test_cli import lkjip, satu_baris_galat

BEKASI = "Dinas Sosial Kota Bekasi"


def test_bab3_docx_dan_xlsx(db, tmp_path):
    out = tmp_path / "bekasi.docx"
    r = lkjip("laporan", "--db", db, "--instansi", BEKASI, "--tahun", 2023, "--out", out)
    assert r.returncode == 0, r.stderr
    assert "8 tabel" in r.stdout and str(out) in r.stdout
    doc = Document(out)
    assert len(doc.tables) == 8
    # Tabel 3.1 of the draft = Bekasi Tabel 3.1 (report 004, baris 507): IKM 80,50 -> 85,77, recomputed 106,55%
    ikm = [[c.text for c in row.cells] for row in doc.tables[0].rows if "Kepuasan" in row.cells[2].text][0]
    assert ikm[4:8] == ["80,5", "85,77", "106,55%", "106%"]
    out = tmp_path / "bekasi.xlsx"
    r = lkjip("laporan", "--db", db, "--instansi", BEKASI, "--tahun", 2023, "--out", out)
    assert r.returncode == 0, r.stderr
    assert "Tabel 3.7" in load_workbook(out).sheetnames


def test_perbandingan(db, tmp_path):
    out = tmp_path / "p.xlsx"
    r = lkjip("laporan", "--db", db, "--perbandingan", "--tahun", 2023, "--tahun", 2022, "--out", out)
    assert r.returncode == 0, r.stderr
    ws = load_workbook(out)["Tabel 1"]
    nama = {ws.cell(row=r_, column=2).value for r_ in range(6, 9)}
    assert nama == {BEKASI, "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan"}
    r = lkjip("laporan", "--db", db, "--perbandingan", "--instansi", BEKASI, "--out", tmp_path / "p.docx")
    assert r.returncode == 0, r.stderr
    assert "Dinas Sosial Kota Bekasi" in r.stdout


def test_galat_satu_baris(db, tmp_path):
    assert "tepat satu --instansi" in satu_baris_galat(lkjip("laporan", "--db", db, "--instansi", BEKASI, "--out", tmp_path / "a.docx"))
    assert "tidak memiliki data tahun 2019" in satu_baris_galat(
        lkjip("laporan", "--db", db, "--instansi", BEKASI, "--tahun", 2019, "--out", tmp_path / "a.docx"))
    assert "tidak ada di basis data" in satu_baris_galat(
        lkjip("laporan", "--db", db, "--instansi", "Dinas Antah", "--tahun", 2023, "--out", tmp_path / "a.docx"))
    assert ".docx atau .xlsx" in satu_baris_galat(
        lkjip("laporan", "--db", db, "--instansi", BEKASI, "--tahun", 2023, "--out", tmp_path / "a.pdf"))
    assert "tidak ada" in satu_baris_galat(
        lkjip("laporan", "--db", db, "--perbandingan", "--out", tmp_path / "tidak" / "a.docx"))
    assert "--batas harus 100–1000" in satu_baris_galat(
        lkjip("laporan", "--db", db, "--perbandingan", "--batas", 50, "--out", tmp_path / "a.xlsx"))
    assert not list(tmp_path.glob("a.*"))
