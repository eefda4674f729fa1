"""Browser tests: the app in Debian's chromium as a planner uses it; screenshots in tests/artefak/."""
import re

import pytest
from openpyxl import load_workbook

from conftest import ARTEFAK, tunggu_app

HALAMAN = {"": "Dasbor LKjIP", "tren": "Tren per tahun", "perbandingan": "Perbandingan instansi",
           "serapan": "Serapan anggaran", "efisiensi": "Efisiensi", "kualitas": "Kualitas data", "unggah": "Unggah data"}


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
    teks = halaman.locator("[data-testid='stMain']").inner_text()
    assert not re.search(r"\bNone\b|\bnan\b|\bNaN\b", teks)  # empty reads "–"
    # no Deploy button or developer menu for planners (client.toolbarMode = "viewer")
    assert halaman.get_by_role("button", name="Deploy").count() == 0
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
    assert kartu.first.inner_text() == "101,6%"  # Bekasi on its latest report year, 2023 (Tabel 3.1)
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
    assert baru.locator("[data-testid='stMetricValue']").first.inner_text() == "101,6%"
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


def test_unggah_pratinjau_simpan(server_app, halaman, tmp_path):
    berkas = tmp_path / "depok_2020.csv"
    berkas.write_bytes(
        "DINAS SOSIAL KOTA DEPOK TAHUN 2020\n"
        "No;Indikator Kinerja;Satuan;Target;Realisasi;Capaian\n"
        "1;Persentase anak telantar yang mendapatkan pelayanan;%;80;72;90%\n"
        "2;Persentase penurunan jumlah pengemis;%;10;12;\n".encode("cp1252"))
    halaman.goto(f"{server_app}/unggah")
    tunggu_app(halaman)
    halaman.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(berkas))
    tunggu_app(halaman)
    halaman.get_by_text("Pratinjau", exact=True).wait_for()
    assert halaman.get_by_text("baris indikator").first.is_visible()
    simpan_tangkapan(halaman, "unggah_pratinjau")
    halaman.get_by_role("button", name="Simpan ke basis data").click()
    tunggu_app(halaman)
    halaman.get_by_text("tersimpan").first.wait_for()
    assert halaman.locator("[data-testid='stException']").count() == 0
    simpan_tangkapan(halaman, "unggah_tersimpan")
    # the new agency is at once in the shared filter and on the overview
    halaman.goto(f"{server_app}/?instansi=Dinas+Sosial+Kota+Depok")
    tunggu_app(halaman)
    assert halaman.get_by_text("Dinas Sosial Kota Depok").first.is_visible()
    assert halaman.locator("[data-testid='stMetricValue']").first.inner_text() == "85%"  # (90 + 80) / 2
