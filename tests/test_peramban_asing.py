"""In the browser: hostile files uploaded to the running server get one clear message, the server stays up
and another user's page still works; screenshots in tests/artefak/."""
import urllib.request

import korpus_asing
from conftest import ARTEFAK, tunggu_app


def test_berkas_asing_di_peramban(server_app, peramban, tmp_path):
    berkas = {p.name: p for p in korpus_asing.tulis(tmp_path / "asing")}
    pengunggah = peramban.new_context(viewport={"width": 1366, "height": 1400}, locale="id-ID").new_page()
    lain = peramban.new_context(viewport={"width": 1366, "height": 1400}, locale="id-ID").new_page()
    pengunggah.goto(f"{server_app}/unggah")
    tunggu_app(pengunggah)
    masukan = pengunggah.locator("[data-testid='stFileUploader'] input[type='file']")
    for nama, pesan in (("sudut_jauh.xlsx", korpus_asing.RUMIT), ("gabungan_tumpang.xlsx", "bertumpang-tindih"),
                        ("ukuran_bohong.xlsx", "CRC tidak cocok"), ("xml_dalam.xlsx", "bersarang")):
        masukan.set_input_files(str(berkas[nama]))
        tunggu_app(pengunggah)
        galat = pengunggah.locator("[data-testid='stAlertContentError']").filter(has_text=pesan)
        galat.first.wait_for(timeout=60000)
        assert pengunggah.locator("[data-testid='stException']").count() == 0
        assert "Traceback" not in pengunggah.content()
        if nama == "sudut_jauh.xlsx":
            ARTEFAK.mkdir(parents=True, exist_ok=True)
            pengunggah.screenshot(path=str(ARTEFAK / "unggah_berkas_asing.png"), full_page=True)
        # the server is alive and another user's page is served as usual
        assert urllib.request.urlopen(server_app + "/_stcore/health", timeout=10).read() == b"ok"
        lain.goto(server_app)
        tunggu_app(lain)
        assert lain.locator("[data-testid='stMetricValue']").count() > 0
        assert lain.locator("[data-testid='stException']").count() == 0
    pengunggah.context.close()
    lain.context.close()
