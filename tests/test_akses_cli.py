"""The command line and roles: the local admin by default, a configured account with --pengguna;
hash-password prints a whole account block."""
import os
import subprocess
import sys
import tomllib

from conftest import ROOT
from lkjip import akses
from lkjip.store import Store

PAREPARE = "Dinas Sosial Kota Parepare"
BEKASI = "Dinas Sosial Kota Bekasi"


def cli(*argv, cwd, masukan=None):
    env = dict(os.environ, HOME=str(cwd), PYTHONPATH=str(ROOT))
    env.pop("LKJIP_AKSES", None)
    return subprocess.run([sys.executable, "-m", "lkjip", *argv], input=masukan, capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=120)


def csv(path, instansi, tahun):
    path.write_text(f"{instansi.upper()} TAHUN {tahun}\nNo;Indikator Kinerja;Satuan;Target;Realisasi\n"
                    "1;Persentase lansia terlantar yang terlayani;%;80;84\n")
    return str(path)


def test_hash_password_blok_akun_dipakai_cli(tmp_path, db):
    r = cli("hash-password", "--pengguna", "sari", "--peran", "operator", "--instansi", PAREPARE, cwd=tmp_path,
            masukan="kantor-parepare-2026\n")
    assert r.returncode == 0, r.stderr
    isi = tomllib.loads(r.stdout)
    p = akses.baca(isi, env={})
    assert p.mode == "sandi" and p.pengguna_sandi("sari").instansi == {PAREPARE}
    assert akses.cocok("kantor-parepare-2026", isi["akses"]["pengguna"]["sari"]["password_hash"])
    r2 = cli("hash-password", "--pengguna", "sari", "--peran", "operator", cwd=tmp_path, masukan="kantor-parepare-2026\n")
    assert r2.returncode == 2 and "operator memerlukan --instansi" in r2.stderr
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(r.stdout)

    # as sari: Bekasi refused with her role named, Parepare written under her name
    r = cli("import", csv(tmp_path / "parepare.csv", BEKASI, 2024), "--db", str(db), "--pengguna", "sari", cwd=tmp_path)
    assert r.returncode == 2 and f"tidak berhak mengimpor data untuk {BEKASI}" in r.stderr and "Traceback" not in r.stderr
    r = cli("import", csv(tmp_path / "pp.csv", PAREPARE, 2024), "--db", str(db), "--pengguna", "sari", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = cli("import", csv(tmp_path / "pp.csv", PAREPARE, 2024), "--db", str(db), "--pengguna", "budi", cwd=tmp_path)
    assert r.returncode == 2 and "pengguna 'budi' tidak ada" in r.stderr
    # without --pengguna: the local admin
    r = cli("import", csv(tmp_path / "bekasi.csv", BEKASI, 2024), "--db", str(db), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    with Store(db) as s:
        log = s.baca("SELECT pengguna, aksi, instansi, tahun FROM log_aktivitas WHERE tahun = 2024 OR aksi = 'ditolak' ORDER BY id")
    baris = [(u, a, i) for u, a, i, _ in log.itertuples(index=False)][-3:]
    assert baris[:2] == [("sari", "ditolak", BEKASI), ("sari", "impor", PAREPARE)]
    assert baris[2][0].startswith("cli:") and baris[2][1:] == ("impor", BEKASI)


def test_cli_pengguna_dengan_pengaturan_rusak(tmp_path, db):
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('[akses.pengguna.sari\npassword_hash = "x"\n')
    r = cli("import", csv(tmp_path / "pp.csv", PAREPARE, 2024), "--db", str(db), "--pengguna", "sari", cwd=tmp_path)
    assert r.returncode == 2 and "pengaturan akses tidak dapat dimuat" in r.stderr and "bukan TOML yang sah" in r.stderr


def test_cli_log_aktivitas(tmp_path, db):
    r = cli("import", csv(tmp_path / "pp.csv", PAREPARE, 2024), "--db", str(db), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = cli("log", "--db", str(db), "--batas", "1", cwd=tmp_path)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 1
    assert f"impor  {PAREPARE} 2024  impor #" in r.stdout and "cli:" in r.stdout
    r = cli("log", "--db", str(db), "--instansi", BEKASI, "--out", str(tmp_path / "log.xlsx"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "log.xlsx").active
    kolom = [c.value for c in ws[1]]
    baris = [dict(zip(kolom, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    # the bundled data's import, and the claims transcribed from its text (loaded as 'data bawaan')
    assert baris and {b["instansi"] for b in baris} == {BEKASI} and {b["aksi"] for b in baris} == {"impor", "klaim"}
    assert {b["pengguna"] for b in baris if b["aksi"] == "klaim"} == {"data bawaan"}
    r = cli("log", "--db", str(db), "--instansi", "Dinas Sosial Kota Entah", cwd=tmp_path)
    assert r.returncode == 2 and "instansi tidak ditemukan" in r.stderr
