"""The command line as a user sees it: exit codes, output, one clear line on errors (run in-process through
``main(argv)``; a real process where only a process shows the behaviour)."""
import csv
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli import jalankan as lkjip
from cli import satu_baris_galat

ROOT = Path(__file__).resolve().parent.parent


def lkjip_proses(*args):
    """A real ``python -m lkjip`` process, for what only another process shows (a held lock)."""
    import os

    e = dict(os.environ)
    e.pop("LKJIP_DB", None)
    return subprocess.run([sys.executable, "-m", "lkjip", *map(str, args)], cwd=ROOT, capture_output=True, text=True, env=e, timeout=120)


def test_init_export_capaian(tmp_path):
    db = tmp_path / "a.duckdb"
    r = lkjip("init", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "3 instansi" in r.stdout
    out = tmp_path / "c.csv"
    r = lkjip("export", "--db", db, "--out", out)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0].keys()) == ["instansi", "tahun", "sasaran", "indikator", "satuan", "polaritas", "target",
                                    "realisasi", "capaian", "capaian_dilaporkan", "kategori", "tema", "sumber"]
    assert {r["instansi"] for r in rows} == {"Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan", "Dinas Sosial Kota Bekasi"}
    gepeng = [r for r in rows if r["tahun"] == "2023" and "gelandangan dan pengemis" in r["indikator"] and "Parepare" in r["instansi"]]
    assert gepeng[0]["capaian"] == "82.35" and gepeng[0]["target"] == "85" and gepeng[0]["realisasi"] == "70"


def test_init_menolak_menimpa_tanpa_force(tmp_path):
    db = tmp_path / "a.duckdb"
    assert lkjip("init", "--db", db, "--empty").returncode == 0
    assert "sudah ada" in satu_baris_galat(lkjip("init", "--db", db))
    r = lkjip("init", "--db", db, "--force")
    assert r.returncode == 0 and "3 instansi" in r.stdout


def test_lkjip_db_dari_lingkungan(tmp_path):
    db = tmp_path / "env.duckdb"
    r = lkjip("export", "--out", tmp_path / "x.csv", "--tabel", "anggaran", env={"LKJIP_DB": str(db)})
    assert r.returncode == 0, r.stderr
    assert db.exists()  # created and loaded on first use, no manual step


def test_export_anggaran_xlsx_dan_excel_id(db, tmp_path):
    out = tmp_path / "a.xlsx"
    r = lkjip("export", "--db", db, "--out", out, "--tabel", "anggaran", "--instansi", "Dinas Sosial Kota Bekasi", "--tahun", "2023")
    assert r.returncode == 0, r.stderr
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header == ["instansi", "tahun", "level", "kode", "uraian", "pagu", "realisasi", "serapan", "sumber"]
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    program = [[c.value for c in row] for row in ws.iter_rows(min_row=2) if row[2].value == "program"]
    assert len(program) == 6
    assert program[0][5] == 12713646335 and isinstance(program[0][5], int)
    assert ws.cell(row=2, column=6).number_format == "#,##0"
    out2 = tmp_path / "a.csv"
    assert lkjip("export", "--db", db, "--out", out2, "--tabel", "anggaran", "--excel-id").returncode == 0
    teks = out2.read_text(encoding="utf-8-sig")
    assert teks.splitlines()[0].startswith("instansi;tahun;level")
    assert ";85,62;" in teks


@pytest.mark.parametrize(
    "args, pesan",
    [
        (["export", "--out", "x.pdf"], ".csv atau .xlsx"),
        (["export", "--out", "/tidak/ada/x.csv"], "tidak ada"),
        (["export", "--out", "x.csv", "--tabel", "lain"], "argumen tidak valid"),
        (["export", "--out", "x.csv", "--tahun", "dua"], "bukan angka"),
        (["export", "--out", "x.csv", "--tahun", "1890"], "di luar rentang"),
        (["export", "--out", "x.csv", "--instansi", "Dinas Antah"], "tidak ditemukan"),
        (["import", "tidak-ada.xlsx"], "tidak ditemukan"),
        (["import"], "argumen tidak valid"),
        (["hapus"], "argumen tidak valid"),
        ([], "argumen tidak valid"),
    ],
)
def test_galat_pengguna_satu_baris(db, tmp_path, args, pesan):
    args = [a.replace("x.", str(tmp_path / "x.")) if a.startswith("x.") else a for a in args]
    if args and args[0] in ("export", "import"):
        args += ["--db", str(db)]
    assert pesan in satu_baris_galat(lkjip(*args))


def test_import_bukan_spreadsheet(db, tmp_path):
    f = tmp_path / "laporan.xlsx"
    f.write_bytes(b"ini bukan excel sama sekali")
    assert "bukan lembar kerja Excel" in satu_baris_galat(lkjip("import", f, "--db", db))


def test_import_dry_run_dan_impor(db, tmp_path):
    f = tmp_path / "depok.csv"
    f.write_text(
        "DINAS SOSIAL KOTA DEPOK TAHUN 2020\n"
        "No;Indikator Kinerja;Satuan;Target;Realisasi;Capaian\n"
        "1;Persentase anak telantar yang mendapatkan pelayanan;%;80;72;90%\n"
        "2;Angka kemiskinan;%;2,5;2,3;\n",
        encoding="cp1252",
    )
    r = lkjip("import", f, "--db", db, "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "tidak ada yang ditulis" in r.stdout and "indikator: 2 baris" in r.stdout
    r = lkjip("import", f, "--db", db)
    assert r.returncode == 0, r.stderr
    assert "ditulis indikator 2" in r.stdout
    out = tmp_path / "c.csv"
    lkjip("export", "--db", db, "--out", out, "--instansi", "Dinas Sosial Kota Depok")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["tahun"] for r in rows] == ["2020", "2020"]
    assert rows[1]["polaritas"] == "negatif" and rows[1]["capaian"] == "108"
    # the same agency and year again: refused without --replace, then replaced
    assert "sudah ada" in satu_baris_galat(lkjip("import", f, "--db", db))
    r = lkjip("import", f, "--db", db, "--replace")
    assert r.returncode == 0 and "diganti indikator 2" in r.stdout


def test_cli_saat_db_dipakai_proses_lain(db, tmp_path):
    import duckdb

    con = duckdb.connect(str(db))  # another process would hold this lock; same effect for a subprocess
    try:
        pesan = satu_baris_galat(lkjip_proses("export", "--db", db, "--out", tmp_path / "x.csv"))
        assert "dipakai proses lain" in pesan
    finally:
        con.close()
