"""Browser test: a reviewer selects a finding on the Kualitas data page, gives a verdict, and downloads the
Lembar kerja reviu (Debian's chromium; screenshots at 1366 px in tests/artefak/)."""
from openpyxl import load_workbook

from conftest import ARTEFAK, tunggu_app


def test_putusan_dan_lembar_kerja_di_peramban(server_app, peramban, tmp_path):
    ctx = peramban.new_context(viewport={"width": 1366, "height": 3000}, locale="id-ID", accept_downloads=True)
    page = ctx.new_page()
    try:
        page.goto(f"{server_app}/kualitas?instansi=Dinas+Sosial+Kota+Pasuruan&tahun=2022")
        tunggu_app(page)
        # the first row of the findings table (row-selection column of the grid)
        grid = page.locator("[data-testid='stDataFrame']").nth(1)
        kotak = grid.bounding_box()
        page.mouse.click(kotak["x"] + 17, kotak["y"] + 36 + 17)
        tunggu_app(page)
        assert page.get_by_role("heading", name="Putusan reviu").count() == 1
        page.get_by_text("Dikonfirmasi", exact=True).first.click()
        page.get_by_label("Catatan (alasan, rujukan dokumen)").fill("Dicek pada dokumen sumber.")
        page.get_by_role("button", name="Simpan putusan").click()
        tunggu_app(page)
        assert page.get_by_text("Putusan saat ini:").count() == 1
        ARTEFAK.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTEFAK / "kualitas_putusan.png"), full_page=True)

        page.get_by_text("Lembar kerja reviu", exact=True).first.click()
        tunggu_app(page)
        with page.expect_download() as unduh:
            page.get_by_role("button", name="Unduh lembar kerja reviu").click()
        berkas = tmp_path / "lembar.xlsx"
        unduh.value.save_as(berkas)
        wb = load_workbook(berkas)
        assert wb.sheetnames == ["Ringkasan", "Temuan", "Catatan indikator"]
        nilai = [[c.value for c in r] for r in wb["Temuan"].iter_rows()]
        assert nilai[1][0].startswith("A. Temuan dikonfirmasi") and nilai[2][9] == "Dikonfirmasi"
        assert nilai[2][10] == "Dicek pada dokumen sumber."
    finally:
        ctx.close()
