"""The upload page per role with AppTest: operator, reviewer, viewer, admin; broken settings; limits
that survive a new session."""
from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from lkjip import akses, label
from lkjip.store import Store

APP = str(ROOT / "app.py")
SANDI = "sandi-kantor-2026"
PAREPARE = "Dinas Sosial Kota Parepare"
BEKASI = "Dinas Sosial Kota Bekasi"


@pytest.fixture(scope="module")
def akses_toml():
    h = akses.buat_hash(SANDI)
    return (f'[pengguna.sari]\npassword_hash = "{h}"\nperan = "operator"\ninstansi = ["{PAREPARE}"]\n'
            f'[pengguna.ina]\npassword_hash = "{h}"\nperan = "reviewer"\n'
            f'[pengguna.vina]\npassword_hash = "{h}"\nperan = "pembaca"\n'
            f'[pengguna.adi]\npassword_hash = "{h}"\nperan = "admin"\n')


def buka(monkeypatch, db, akses_toml):
    monkeypatch.setenv("LKJIP_DB", str(db))
    monkeypatch.setenv("LKJIP_AKSES", akses_toml)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/unggah.py").run()
    assert not at.exception
    return at


def masuk(at, nama, sandi=SANDI):
    at.text_input(key="akses_nama_isi").input(nama)
    at.text_input(key="akses_sandi").input(sandi)
    at.button(key="akses_masuk").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def csv_instansi(nama: str, tahun: int) -> bytes:
    return (f"{nama.upper()} TAHUN {tahun}\nNo;Indikator Kinerja;Satuan;Target;Realisasi\n"
            "1;Persentase lansia terlantar yang terlayani;%;80;84\n").encode()


def satu(db, sql, params=None):
    with Store(db) as s:
        return s.satu(sql, params)


def teks(at) -> str:
    return " ".join(e.value for kind in (at.error, at.warning, at.info, at.success, at.caption, at.markdown) for e in kind)


def test_belum_masuk_tanpa_kontrol_tulis(monkeypatch, db, akses_toml):
    at = buka(monkeypatch, db, akses_toml)
    assert not at.get("file_uploader")
    assert "unggah_undo_tombol" not in [b.key for b in at.button]
    assert at.text_input(key="akses_nama_isi").label == "Nama pengguna"
    masuk(at, "sari", "salah")
    assert "Kata sandi salah" in at.error[0].value and not at.get("file_uploader")


def test_operator_kota_a_tidak_dapat_mengganti_kota_b(monkeypatch, db, akses_toml):
    at = masuk(buka(monkeypatch, db, akses_toml), "sari")
    assert "Masuk sebagai **sari** · peran: operator instansi untuk Dinas Sosial Kota Parepare" in teks(at)
    assert at.get("file_uploader")
    assert at.selectbox(key="unggah_instansi").options == [PAREPARE]  # only their own agency is offered
    bekasi = satu(db, "SELECT count(*) FROM indikator i JOIN instansi n ON n.id = i.instansi_id WHERE n.nama = ?", [BEKASI])
    # a file that names Kota Bekasi, with a harmless name
    at.get("file_uploader")[0].set_value(("parepare_2023.csv", csv_instansi(BEKASI, 2023), "text/csv")).run()
    assert any("sudah ada" in w.value for w in at.warning)
    at.checkbox(key="unggah_ganti").check().run()
    assert any("tidak berhak mengganti data untuk Dinas Sosial Kota Bekasi" in e.value for e in at.error)
    assert at.button(key="unggah_simpan").disabled
    # a crafted client may send the click of a disabled button anyway: Streamlit discards it, and the
    # library would refuse it too (tests/test_akses.py::test_operator_tidak_dapat_mengganti_instansi_lain)
    tombol = at.button(key="unggah_simpan")
    tombol.proto.disabled = False
    tombol.click().run()
    assert not at.exception and not at.success
    assert satu(db, "SELECT count(*) FROM indikator i JOIN instansi n ON n.id = i.instansi_id WHERE n.nama = ?", [BEKASI]) == bekasi
    assert not satu(db, "SELECT count(*) FROM log_aktivitas WHERE pengguna = 'sari' AND aksi <> 'ditolak'")
    # their own agency goes through, logged under their name
    at.button(key="unggah_batal").click().run()
    at.get("file_uploader")[0].set_value(("parepare_2024.csv", csv_instansi(PAREPARE, 2024), "text/csv")).run()
    assert not any("tidak berhak" in e.value for e in at.error)
    at.button(key="unggah_simpan").click().run()
    assert any("tersimpan" in s.value for s in at.success)
    assert satu(db, "SELECT count(*) FROM log_aktivitas WHERE aksi = 'impor' AND pengguna = 'sari' AND instansi = ? AND tahun = 2024",
                [PAREPARE]) == 1
    # undo offers only imports of their agency
    from lkjip.ingest.simpan import instansi_impor

    with Store(db) as s:
        ids = [int(o.split(" ")[0].lstrip("#")) for o in at.selectbox(key="unggah_undo").options]
        assert ids and all(instansi_impor(s, i) == [PAREPARE] for i in ids)
    assert "Log aktivitas" not in [h.value for h in at.subheader]  # no activity log for an operator


def test_reviewer_tidak_dapat_mengimpor(monkeypatch, db, akses_toml):
    at = masuk(buka(monkeypatch, db, akses_toml), "ina")
    assert "peran: reviewer" in teks(at) and "mengimpor data tidak termasuk peran ini" in teks(at)
    assert not at.get("file_uploader") and "unggah_undo_tombol" not in [b.key for b in at.button]


def test_pembaca_tidak_melihat_kontrol_tulis(monkeypatch, db, akses_toml):
    at = masuk(buka(monkeypatch, db, akses_toml), "vina")
    assert "hanya dapat melihat data" in teks(at)
    assert not at.get("file_uploader") and "unggah_undo_tombol" not in [b.key for b in at.button]
    assert "Log aktivitas" not in [h.value for h in at.subheader]
    at.button(key="akses_keluar").click().run()
    assert at.text_input(key="akses_sandi")


def test_admin_menulis_dan_melihat_log(monkeypatch, db, akses_toml):
    at = masuk(buka(monkeypatch, db, akses_toml), "adi")
    assert at.get("file_uploader") and BEKASI in at.selectbox(key="unggah_instansi").options
    at.get("file_uploader")[0].set_value(("bekasi.csv", csv_instansi(BEKASI, 2024), "text/csv")).run()
    at.button(key="unggah_simpan").click().run()
    assert any("tersimpan" in s.value for s in at.success), teks(at)
    # the activity log is a page of its own now; the upload page links to it for admins
    assert [l.proto.page for l in at.get("page_link")] == ["log_aktivitas"]
    at.switch_page("pages/log_aktivitas.py").run()
    assert not at.exception and not at.error
    log = at.dataframe[0].value
    assert (log.iloc[0]["aksi"], log.iloc[0]["pengguna"], log.iloc[0]["instansi"], log.iloc[0]["tahun"]) == ("Impor", "adi", BEKASI, 2024)
    at.selectbox(key="log_instansi").set_value(BEKASI).run()
    log = at.dataframe[0].value
    assert set(log["instansi"]) == {BEKASI}


def buka_log(monkeypatch, db, akses_toml, nama=None, bahasa="id"):
    monkeypatch.setenv("LKJIP_DB", str(db))
    monkeypatch.setenv("LKJIP_AKSES", akses_toml)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["bahasa"] = bahasa
    at.run()
    at.switch_page("pages/log_aktivitas.py").run()  # by its link: the page is listed for admins only
    assert not at.exception
    return masuk(at, nama) if nama else at


@pytest.mark.parametrize("nama, peran", [(None, None), ("sari", "operator instansi"), ("ina", "reviewer"), ("vina", "pembaca")])
def test_log_aktivitas_ditolak_selain_admin(monkeypatch, db, akses_toml, nama, peran):
    with Store(db) as s:  # a refused write and a verdict are in the log: none of it may show
        from lkjip import aktivitas

        with s.transaksi() as cur:
            aktivitas.catat(cur, "sari", "ditolak", BEKASI, 2023, "impor: rahasia-kota-b.csv")
    at = buka_log(monkeypatch, db, akses_toml, nama)
    pesan = " ".join(e.value for e in at.error)
    assert "hanya untuk admin" in pesan
    assert (f"Peran Anda ({peran})" in pesan) if peran else ("Masuk dengan akun admin" in pesan)
    assert not at.dataframe and not at.get("download_button") and "log_aksi" not in [m.key for m in at.multiselect]
    assert "rahasia-kota-b" not in teks(at)


def test_log_aktivitas_admin_saring_dan_unduh(monkeypatch, db, akses_toml):

    from lkjip import aktivitas, export

    with Store(db) as s:
        with s.transaksi() as cur:
            aktivitas.catat(cur, "ina", "putusan", PAREPARE, 2023, "temuan #3: diterima")
            aktivitas.catat(cur, "sari", "ditolak", BEKASI, 2023, "impor: kota-b.csv")
        semua = len(aktivitas.daftar(s, batas=10_000))
    at = buka_log(monkeypatch, db, akses_toml, "adi")
    assert not at.error
    log = at.dataframe[0].value
    assert len(log) == semua and log.iloc[0]["aksi"] == "Ditolak" and log.iloc[1]["aksi"] == "Putusan temuan"
    assert {d.label for d in at.get("download_button")} == {"Unduh xlsx", "Unduh CSV"}
    # filters combine: user, action, agency, year, date range
    at.multiselect(key="log_pengguna").set_value(["ina", "sari"]).run()
    assert set(at.dataframe[0].value["pengguna"]) == {"ina", "sari"}
    at.multiselect(key="log_aksi").set_value(["putusan"]).run()
    log = at.dataframe[0].value
    assert log[["pengguna", "aksi", "instansi", "tahun"]].values.tolist() == [["ina", "Putusan temuan", PAREPARE, 2023]]
    at.multiselect(key="log_aksi").set_value([]).run()
    at.selectbox(key="log_instansi").set_value(BEKASI).run()
    assert at.dataframe[0].value["rincian"].tolist() == ["impor: kota-b.csv"]
    at.selectbox(key="log_instansi").set_value(None).run()
    at.multiselect(key="log_tahun").set_value([2023]).run()
    assert len(at.dataframe[0].value) == 2
    kemarin = date.today() - timedelta(days=3)
    at.date_input(key="log_rentang").set_value((kemarin, kemarin)).run()
    assert not at.dataframe and "Tidak ada baris log" in at.info[-1].value
    at.date_input(key="log_rentang").set_value((kemarin, date.today())).run()
    assert len(at.dataframe[0].value) == 2
    # the export holds what the table shows, with people's headers, named after the filters
    with Store(db) as s:
        df = aktivitas.daftar(s, pengguna=["ina", "sari"], tahun=[2023], dari=kemarin, sampai=date.today())
    assert len(df) == 2
    csv = export.ke_csv(df.rename(columns=label.judul_kolom_semua(list(df.columns))))
    assert b"Pengguna" in csv and b"Rincian" in csv and b"kota-b.csv" in csv


def test_log_panjang_tampil_per_halaman_unduhan_semua(monkeypatch, db, akses_toml):
    # a long log is shown 100 lines at a time, sorted over every line above the table (the downloads get every line listed)
    from lkjip import aktivitas

    with Store(db) as s:
        with s.transaksi() as cur:
            for i in range(150):
                aktivitas.catat(cur, f"operator{i:03d}", "impor", BEKASI, 2023, f"impor: berkas-{i:03d}.csv")
        semua = len(aktivitas.daftar(s, batas=10_000))
    at = buka_log(monkeypatch, db, akses_toml, "adi")
    assert not at.error and semua > 150
    assert len(at.dataframe[0].value) == 100 and at.dataframe[0].value.iloc[0]["pengguna"] == "operator149"  # newest first
    assert any(f"dari {semua}" in c.value for c in at.caption)
    at.number_input(key="hal_log_tabel").set_value(2).run()
    assert len(at.dataframe[0].value) == min(100, semua - 100)
    at.selectbox(key="urut_log_tabel").set_value("pengguna").run()
    assert at.dataframe[0].value["pengguna"].is_monotonic_increasing
    assert {"Unduh xlsx", "Unduh CSV"} <= {d.label for d in at.get("download_button")}


def test_log_baris_baru_tanpa_perubahan_data_tampil_saat_dijalankan_ulang(monkeypatch, db, akses_toml):
    # the listing and its choices are cached by the log's own version (its newest line): a line written without a
    # data change (a refused write) shows at the next rerun, with its user among the choices. The log's last line is
    # from two days ago: the date range left as it was reaches the new day (after midnight too); a chosen one stays.
    from lkjip import aktivitas

    with Store(db) as s:
        with s.transaksi(naikkan_versi=False) as cur:
            cur.execute("UPDATE log_aktivitas SET waktu = waktu - INTERVAL 2 DAY")
    at = buka_log(monkeypatch, db, akses_toml, "adi")
    awal = at.date_input(key="log_rentang").value[0]
    assert "penyusup" not in at.dataframe[0].value["pengguna"].tolist()
    assert at.date_input(key="log_rentang").value[1] == date.today() - timedelta(days=2)

    def tulis(nama):
        with Store(db) as s:
            versi = s.versi_data
            with s.transaksi(naikkan_versi=False) as cur:
                aktivitas.catat(cur, nama, "ditolak", BEKASI, 2023, "impor: tanpa izin")
            assert s.versi_data == versi

    tulis("penyusup")
    at.run()
    assert at.dataframe[0].value.iloc[0][["pengguna", "aksi"]].tolist() == ["penyusup", "Ditolak"]
    assert "penyusup" in at.multiselect(key="log_pengguna").options
    assert at.date_input(key="log_rentang").value == (awal, date.today())
    at.date_input(key="log_rentang").set_value((awal, date.today() - timedelta(days=1))).run()  # the user's range
    tulis("penyusup2")
    at.run()
    assert at.date_input(key="log_rentang").value == (awal, date.today() - timedelta(days=1))
    assert not {"penyusup", "penyusup2"} & set(at.dataframe[0].value["pengguna"])


def test_log_aktivitas_dalam_bahasa_inggris(monkeypatch, db, akses_toml):
    at = buka_log(monkeypatch, db, akses_toml, "adi", bahasa="en")
    assert at.title[0].value == "Activity log"
    assert [m.label for m in at.multiselect][:2] == ["User", "Action"] and at.multiselect(key="log_aksi").placeholder == "All actions"
    assert "Import" in set(at.dataframe[0].value["aksi"])
    vina = buka_log(monkeypatch, db, akses_toml, "vina", bahasa="en")
    assert "This page is for admins only. Your role (viewer)" in vina.error[-1].value


def test_batas_percobaan_tidak_hilang_di_sesi_baru(monkeypatch, db, akses_toml):
    at = buka(monkeypatch, db, akses_toml)
    for _ in range(5):
        masuk(at, "sari", "salah")
    baru = buka(monkeypatch, db, akses_toml)  # a new browser session
    masuk(baru, "sari")  # even the right password waits
    assert "Coba lagi dalam" in baru.error[0].value and not baru.get("file_uploader")
    masuk(baru, "adi")  # another user is not locked out
    assert baru.get("file_uploader")


def test_secrets_rusak_aplikasi_hanya_baca(monkeypatch, db, tmp_path):
    from lkjip.akses import tampilan

    rahasia = tmp_path / ".streamlit" / "secrets.toml"
    rahasia.parent.mkdir()
    rahasia.write_text('[akses.pengguna.sari]\npassword_hash = "scrypt$...\nperan = "admin"\n')  # unclosed quote
    monkeypatch.setattr(tampilan, "_berkas_rahasia", lambda: [rahasia])
    monkeypatch.setenv("LKJIP_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/unggah.py").run()
    assert not at.exception
    pesan = at.error[0].value
    assert "Hanya-baca" in pesan and "bukan TOML yang sah" in pesan and str(tmp_path) not in pesan
    assert not at.get("file_uploader") and not at.text_input and "unggah_undo_tombol" not in [b.key for b in at.button]
    assert not at.info  # never the local-mode notice


def test_masuk_dalam_bahasa_inggris(monkeypatch, db, akses_toml):
    monkeypatch.setenv("LKJIP_DB", str(db))
    monkeypatch.setenv("LKJIP_AKSES", akses_toml)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["bahasa"] = "en"
    at.run()
    at.switch_page("pages/unggah.py").run()
    assert at.text_input(key="akses_nama_isi").label == "User name" and at.text_input(key="akses_sandi").label == "Password"
    masuk(at, "ina")
    assert "Signed in as **ina** · role: reviewer" in teks(at) and "importing data is not part of it" in teks(at)
    at.button(key="akses_keluar").click().run()
    masuk(at, "vina")
    assert "Your role (viewer) can only view data" in teks(at)
