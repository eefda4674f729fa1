"""Sign-in in Debian's chromium: an operator signs in and imports for their agency only; the upload
page per role at 1366 px (screenshots in tests/artefak/); forged X-Forwarded-For headers and new
browser sessions do not reset the attempt limit."""
import shutil

import pytest

from conftest import ARTEFAK, tunggu_app
from lkjip import akses

SANDI = "sandi-kantor-2026"
PAREPARE = "Dinas Sosial Kota Parepare"
BEKASI = "Dinas Sosial Kota Bekasi"


def _server(db_path, env_tambahan, folder=None):
    """A server with these settings (conftest.server_streamlit), healthy; close() on the first value stops it."""
    import contextlib

    from conftest import server_streamlit

    tumpukan = contextlib.ExitStack()
    url = tumpukan.enter_context(server_streamlit(db_path, env=env_tambahan, folder=folder))
    return tumpukan, url


@pytest.fixture(scope="module")
def server_peran(tmp_path_factory, db_bawaan):
    h = akses.buat_hash(SANDI)
    toml = (f'[pengguna.sari]\npassword_hash = "{h}"\nperan = "operator"\ninstansi = ["{PAREPARE}"]\n'
            f'[pengguna.ina]\npassword_hash = "{h}"\nperan = "reviewer"\n'
            f'[pengguna.vina]\npassword_hash = "{h}"\nperan = "pembaca"\n'
            f'[pengguna.adi]\npassword_hash = "{h}"\nperan = "admin"\n')
    db_path = tmp_path_factory.mktemp("srv_peran") / "lkjip.duckdb"
    shutil.copy(db_bawaan, db_path)
    proc, url = _server(db_path, {"LKJIP_AKSES": toml})
    yield url
    proc.close()


def _halaman(peramban, **kw):
    ctx = peramban.new_context(viewport={"width": 1366, "height": 2200}, locale="id-ID", **kw)
    return ctx, ctx.new_page()


def _tangkap(page, nama):
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"{nama}.png"), full_page=True)


def _masuk(page, nama, sandi=SANDI):
    page.get_by_label("Nama pengguna").fill(nama)
    page.get_by_label("Kata sandi", exact=True).fill(sandi)
    page.get_by_role("button", name="Masuk").click()
    tunggu_app(page)


def _csv(tmp_path, nama, instansi, tahun):
    berkas = tmp_path / nama
    berkas.write_bytes((f"{instansi.upper()} TAHUN {tahun}\nNo;Indikator Kinerja;Satuan;Target;Realisasi\n"
                        "1;Persentase lansia terlantar yang terlayani;%;80;84\n").encode())
    return berkas


def test_operator_masuk_dan_mengimpor_instansinya(server_peran, peramban, tmp_path):
    ctx, page = _halaman(peramban)
    try:
        page.goto(f"{server_peran}/unggah")
        tunggu_app(page)
        assert page.locator("[data-testid='stFileUploader']").count() == 0
        _tangkap(page, "akses_belum_masuk")
        _masuk(page, "sari")
        page.get_by_text("Masuk sebagai").wait_for()
        assert "operator instansi untuk Dinas Sosial Kota Parepare" in page.get_by_text("Masuk sebagai").inner_text()
        # a file naming Kota Bekasi: refused before saving
        page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(_csv(tmp_path, "parepare.csv", BEKASI, 2024)))
        tunggu_app(page)
        page.get_by_text("tidak berhak mengimpor data untuk Dinas Sosial Kota Bekasi").wait_for()
        assert page.get_by_role("button", name="Simpan ke basis data").is_disabled()
        _tangkap(page, "akses_operator_ditolak")
        page.get_by_role("button", name="Batal", exact=True).click()
        tunggu_app(page)
        # their own agency
        page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(_csv(tmp_path, "pp.csv", PAREPARE, 2024)))
        tunggu_app(page)
        page.get_by_role("button", name="Simpan ke basis data").click()
        tunggu_app(page)
        page.get_by_text("tersimpan").first.wait_for()
        assert page.locator("[data-testid='stException']").count() == 0
        _tangkap(page, "akses_operator")
        page.get_by_role("button", name="Keluar").click()
        tunggu_app(page)
        assert page.get_by_label("Nama pengguna").is_visible()
    finally:
        ctx.close()


@pytest.mark.parametrize("nama, ada_unggah", [("ina", False), ("vina", False), ("adi", True)])
def test_halaman_unggah_per_peran(server_peran, peramban, nama, ada_unggah):
    ctx, page = _halaman(peramban)
    try:
        page.goto(f"{server_peran}/unggah")
        tunggu_app(page)
        _masuk(page, nama)
        page.get_by_text("Masuk sebagai").wait_for()
        assert (page.locator("[data-testid='stFileUploader']").count() > 0) is ada_unggah
        assert page.get_by_role("button", name="Batalkan impor").count() == (1 if ada_unggah else 0)
        assert page.get_by_text("Log aktivitas", exact=True).count() == (1 if nama == "adi" else 0)
        assert page.locator("[data-testid='stException']").count() == 0
        _tangkap(page, f"akses_{nama}")
    finally:
        ctx.close()


def test_secrets_rusak_server_hanya_baca(tmp_path, db_bawaan, peramban):
    # Streamlit reads .streamlit/secrets.toml from the folder it is started in; this one has a typo
    (tmp_path / ".streamlit").mkdir()
    h = akses.buat_hash(SANDI)
    (tmp_path / ".streamlit" / "secrets.toml").write_text(f'[akses.pengguna.adi]\npassword_hash = "{h}"\nperan = "admin\n')
    db_path = tmp_path / "lkjip.duckdb"
    shutil.copy(db_bawaan, db_path)
    proc, url = _server(db_path, {}, folder=tmp_path)
    ctx, page = _halaman(peramban)
    try:
        page.goto(f"{url}/unggah")
        tunggu_app(page)
        pesan = page.locator("[data-testid='stAlertContentError']").first.inner_text()
        assert "Hanya-baca" in pesan and "bukan TOML yang sah" in pesan and str(tmp_path) not in pesan
        assert page.locator("[data-testid='stFileUploader']").count() == 0 and page.get_by_label("Kata sandi").count() == 0
        assert page.get_by_text("Mode lokal").count() == 0
        assert page.locator("[data-testid='stException']").count() == 0
        _tangkap(page, "akses_secrets_rusak")
    finally:
        ctx.close()
        proc.close()


def _gagal_lebih_dulu(db_path, alamat: str, n: int) -> None:
    """n failed sign-ins from this address already in the database, as the app records them (lkjip.akses.Pembatas),
    so a browser test needs only the attempts around the limit."""
    from lkjip.store import Store

    with Store(db_path) as s:
        pembatas = akses.Pembatas(s)
        for i in range(n):
            tiket, tunggu = pembatas.mulai(f"tebakan-awal{i}", alamat)
            assert tunggu == 0
            pembatas.selesai(tiket, f"tebakan-awal{i}", False)


def _coba_dari(peramban, url, diteruskan: str, nama: str) -> str:
    """One wrong password from a new browser session whose requests carry this X-Forwarded-For: the error shown."""
    ctx, page = _halaman(peramban, extra_http_headers={"X-Forwarded-For": diteruskan})
    try:
        page.goto(f"{url}/unggah")
        tunggu_app(page)
        _masuk(page, nama, "salah")
        return page.locator("[data-testid='stAlertContentError']").first.inner_text()
    finally:
        ctx.close()


@pytest.mark.parametrize("proksi, alamat_gagal, n_gagal, diperiksa, menunggu", [
    # loopback is not a configured proxy: attempts from new browser sessions, each with a new forged
    # X-Forwarded-For and a new user name, all count against the one real address. Nine failures are already
    # recorded for it: the tenth (from the browser) is still checked, the eleventh waits.
    ("", "127.0.0.1", akses.BATAS_ALAMAT.maks - 1, "192.0.2.10", "192.0.2.11"),
    # the counterpart, proving the forwarded header does reach the app: with loopback a trusted proxy, each
    # forwarded address has its own counter. One has used up its attempts: another is still checked, it waits.
    ('proksi_tepercaya = ["127.0.0.1", "::1"]\n', "192.0.2.1", akses.BATAS_ALAMAT.maks, "192.0.2.2", "192.0.2.1"),
], ids=["header_palsu", "proksi_tepercaya"])
def test_batas_masuk_per_alamat_di_peramban(tmp_path, db_bawaan, peramban, proksi, alamat_gagal, n_gagal, diperiksa, menunggu):
    h = akses.buat_hash(SANDI)
    db_path = tmp_path / "lkjip.duckdb"
    shutil.copy(db_bawaan, db_path)
    _gagal_lebih_dulu(db_path, alamat_gagal, n_gagal)
    proc, url = _server(db_path, {"LKJIP_AKSES": f'{proksi}[pengguna.adi]\npassword_hash = "{h}"\nperan = "admin"\n'})
    try:
        pesan = _coba_dari(peramban, url, diperiksa, "tebakan-satu")
        assert "Kata sandi salah" in pesan and "Coba lagi dalam" not in pesan, pesan
        pesan = _coba_dari(peramban, url, menunggu, "tebakan-dua")
        assert "Coba lagi dalam" in pesan, pesan
    finally:
        proc.close()
