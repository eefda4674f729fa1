"""The DOCX draft as a planner opens it: converted to PDF by headless LibreOffice and to PNG by pdftoppm.

Skipped where LibreOffice (Debian libreoffice-writer-nogui) or poppler-utils are absent; CI installs them.
"""
import shutil
import subprocess

import pytest

from conftest import ARTEFAK
from lkjip import laporan

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm") and shutil.which("pdftotext")),
                                reason="LibreOffice (soffice) atau poppler-utils tidak terpasang")


def _pdf(store, tmp_path, instansi, tahun, lap=None):
    docx = tmp_path / "bab3.docx"
    laporan.tulis(lap or laporan.bab3(store, instansi, tahun), docx)
    r = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profil", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp_path), str(docx)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "bab3.pdf"
    assert pdf.exists(), r.stdout + r.stderr
    return pdf


def _teks(pdf, halaman: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(halaman), "-l", str(halaman), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def _ukuran(pdf, halaman: int) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", "-f", str(halaman), "-l", str(halaman), str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    baris = next(b for b in out.splitlines() if b.startswith("Page") and "size" in b)
    lebar, _, tinggi = baris.split(":")[1].split("pts")[0].split()[:3]
    return float(lebar), float(tinggi)


def test_docx_ke_pdf_dan_png(store, tmp_path):
    pdf = _pdf(store, tmp_path, "Dinas Sosial Kota Parepare", 2023)
    halaman = int(next(b for b in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout.splitlines()
                       if b.startswith("Pages")).split()[-1])
    assert halaman >= 6
    lebar, tinggi = _ukuran(pdf, 1)
    assert lebar < tinggi  # the title page is portrait
    # Tabel 3.1 on a landscape page, with Parepare's Tabel 3.2 figures (report 000, baris 613-614)
    t = _teks(pdf, 2)
    assert "Tabel 3.1" in t and "133,33%" in t and "4.207" in t and "105,17%" in t
    lebar, tinggi = _ukuran(pdf, 2)
    assert lebar > tinggi
    # the annex is long: its header row repeats on the next page
    semua = [_teks(pdf, i) for i in range(1, halaman + 1)]
    mulai = next(i for i, s in enumerate(semua) if "Tabel L.1" in s)
    assert mulai + 1 < halaman and "Dihitung ulang" in semua[mulai + 1] and "Putusan" in semua[mulai + 1]
    assert "Tabel L.1" not in semua[mulai - 1]  # the annex starts on its own page
    png = tmp_path / "hal"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "2", "-l", "2", str(pdf), str(png)], check=True, timeout=60)
    gambar = sorted(tmp_path.glob("hal*.png"))
    assert gambar and gambar[0].stat().st_size > 20_000
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    shutil.copy(gambar[0], ARTEFAK / "laporan_bab3_tabel31.png")


def test_laporan_perbandingan_ke_pdf(store, tmp_path):
    pdf = _pdf(store, tmp_path, None, None, laporan.perbandingan(store, None, [2023]))
    t = _teks(pdf, 2)
    # Bekasi Tabel 3.1 (4 indicators, 101,64%) and Parepare Tabel 3.2 (11 indicators, 100,6%), capped at 120
    assert "Tabel 1" in t and "Dinas Sosial Kota Bekasi" in t and "101,64%" in t and "100,6%" in t
    assert _ukuran(pdf, 2)[0] > _ukuran(pdf, 2)[1]
