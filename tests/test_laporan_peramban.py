"""The Laporan page in Debian's chromium: a planner picks an agency-year and downloads both files."""
from docx import Document
from openpyxl import load_workbook

from conftest import ARTEFAK, tunggu_app


def test_unduh_docx_dan_xlsx_dari_halaman(server_app, halaman, tmp_path):
    halaman.set_viewport_size({"width": 1366, "height": 2400})
    halaman.goto(f"{server_app}/laporan")
    tunggu_app(halaman)
    assert halaman.locator("h1").first.inner_text().strip() == "Laporan"
    pilih = halaman.locator("[data-testid='stSelectbox']").filter(has_text="Instansi").first
    pilih.click()
    halaman.get_by_role("option", name="Dinas Sosial Kota Pasuruan").click()
    tunggu_app(halaman)
    assert halaman.get_by_text("Tabel 3.1 Pengukuran Kinerja Dinas Sosial Kota Pasuruan Tahun 2022").is_visible()
    assert halaman.locator("[data-testid='stException']").count() == 0
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    halaman.screenshot(path=str(ARTEFAK / "laporan.png"), full_page=True)

    with halaman.expect_download() as unduhan:
        halaman.get_by_role("button", name="Unduh DOCX").click()
    assert unduhan.value.suggested_filename == "LKjIP_Bab_III_Dinas_Sosial_Kota_Pasuruan_2022.docx"
    berkas = tmp_path / unduhan.value.suggested_filename
    unduhan.value.save_as(berkas)
    doc = Document(berkas)
    assert len(doc.tables) == 8
    # Pasuruan Tabel 3.2 (report 001, baris 469): target 90, realisasi 98,2, printed 109 -> recomputed 109,11%
    assert [c.text for c in doc.tables[0].rows[1].cells][4:8] == ["90", "98,2", "109,11%", "109%"]

    with halaman.expect_download() as unduhan:
        halaman.get_by_role("button", name="Unduh XLSX").click()
    berkas = tmp_path / unduhan.value.suggested_filename
    unduhan.value.save_as(berkas)
    wb = load_workbook(berkas)
    assert wb.sheetnames[:2] == ["Info", "Tabel 3.1"] and "Tabel L.1" in wb.sheetnames
    # Pasuruan Tabel 3.9 (baris 637): Program Penanganan Bencana Rp137.134.680 / Rp58.758.076
    ws = wb["Tabel 3.7"]
    bencana = [[c.value for c in r] for r in ws.iter_rows(min_row=6) if r[1].value and "Bencana" in r[1].value][0]
    assert bencana[2:4] == [137134680, 58758076]

    # the comparison report of the same page
    halaman.locator("[data-testid='stButtonGroup']").get_by_text("Perbandingan antarinstansi").click()
    tunggu_app(halaman)
    assert halaman.get_by_text("Tabel 1 Peringkat Rata-rata Capaian Kinerja").is_visible()
    assert halaman.locator("[data-testid='stException']").count() == 0
    halaman.screenshot(path=str(ARTEFAK / "laporan_perbandingan.png"), full_page=True)
