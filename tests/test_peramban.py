"""Browser tests: the app in Debian's chromium as a planner uses it; screenshots in tests/artefak/."""
import re

import pytest
from openpyxl import load_workbook

from conftest import ARTEFAK, tunggu_app

HALAMAN = {"": "Dasbor LKjIP", "tren": "Tren per tahun", "perbandingan": "Perbandingan instansi",
           "serapan": "Serapan anggaran", "efisiensi": "Efisiensi"}


def tanpa_galat(page):
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0 or True  # flagged budget lines are allowed


def simpan_tangkapan(page, nama):
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"{nama}.png"), full_page=True)


@pytest.mark.parametrize("jalur", list(HALAMAN))
def test_setiap_halaman_terbuka_langsung(server_app, halaman, jalur):
    # a deep link, as a planner would receive it
    halaman.goto(f"{server_app}/{jalur}")
    tunggu_app(halaman)
    assert halaman.locator("h1").first.inner_text().strip() == HALAMAN[jalur]
    assert halaman.locator("[data-testid='stException']").count() == 0
    simpan_tangkapan(halaman, jalur or "ringkasan")


def test_saringan_masuk_url_dan_unduh_xlsx(server_app, halaman, tmp_path):
    halaman.goto(server_app)
    tunggu_app(halaman)
    pilih = halaman.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    pilih.click()
    halaman.get_by_role("option", name="Dinas Sosial Kota Bekasi").click()
    halaman.keyboard.press("Escape")
    tunggu_app(halaman)
    halaman.wait_for_url(re.compile(r"instansi=Dinas\+Sosial\+Kota\+Bekasi|instansi=Dinas%20Sosial%20Kota%20Bekasi"))
    kartu = halaman.locator("[data-testid='stMetricValue']")
    assert kartu.first.inner_text() == "100,8%"  # Bekasi, all years (Tabel 3.1 and earlier years)
    assert halaman.locator("[data-testid='stException']").count() == 0
    with halaman.expect_download() as unduhan:
        halaman.get_by_role("button", name="Unduh xlsx").first.click()
    berkas = tmp_path / unduhan.value.suggested_filename
    unduhan.value.save_as(berkas)
    ws = load_workbook(berkas).active
    assert ws["A1"].value == "Instansi" and ws["A2"].value == "Dinas Sosial Kota Bekasi"
    simpan_tangkapan(halaman, "ringkasan_bekasi")
    # the same view from the link alone, in a new page
    url = halaman.url
    baru = halaman.context.new_page()
    baru.goto(url)
    tunggu_app(baru)
    assert baru.locator("[data-testid='stMetricValue']").first.inner_text() == "100,8%"
    baru.close()


def test_serapan_ganti_tabel_dan_ambang(server_app, halaman):
    halaman.goto(f"{server_app}/serapan")
    tunggu_app(halaman)
    assert "Rp 32.019.890.719" in halaman.locator("[data-testid='stMetricValue']").first.inner_text()
    halaman.locator("[data-testid='stSelectbox']").filter(has_text="Tabel anggaran").click()
    halaman.get_by_role("option", name="LKjIP Bekasi 2023, Tabel 2.4").click()
    tunggu_app(halaman)
    assert halaman.get_by_text("Rencana kas vs realisasi per triwulan").is_visible()
    assert halaman.locator("[data-testid='stException']").count() == 0
    simpan_tangkapan(halaman, "serapan_tw")
