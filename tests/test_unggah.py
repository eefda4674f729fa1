"""The upload page with AppTest: upload, preview, polarity fix, commit, replace, undo; write protection."""
import pytest
from streamlit.testing.v1 import AppTest

from conftest import DEPOK, ROOT
from lkjip import akses

APP = str(ROOT / "app.py")


def halaman_unggah(monkeypatch, db, **env):
    monkeypatch.setenv("LKJIP_DB", str(db))
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/unggah.py").run()
    assert not at.exception
    return at


def unggah(at, nama, data, mime="text/csv"):
    at.get("file_uploader")[0].set_value((nama, data, mime)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def jumlah(db, sql):
    from lkjip.store import Store

    with Store(db) as s:
        return s.satu(sql)


def test_unggah_pratinjau_simpan_ganti_batal(monkeypatch, db):
    at = halaman_unggah(monkeypatch, db)
    assert "Mode lokal satu pengguna" in at.info[0].value
    unggah(at, "depok.csv", DEPOK)
    teks = " ".join(m.value for m in at.markdown)
    assert "**2** baris indikator" in teks
    # suggested polarity: "penurunan" -> negatif; its capaian (2*10-12)/10 = 80
    p = at.session_state["unggah_pratinjau"]
    turun = p.tabel["indikator"].set_index("indikator").loc["Persentase penurunan jumlah pengemis"]
    assert turun["polaritas"] == "negatif" and turun["capaian"] == pytest.approx(80)
    before = jumlah(db, "SELECT count(*) FROM indikator")
    at.button(key="unggah_simpan").click().run()
    assert not at.exception
    assert any("Impor #" in s.value and "2 baris indikator" in s.value for s in at.success)
    assert jumlah(db, "SELECT count(*) FROM indikator") == before + 2
    # same agency-year again: must confirm replacement
    unggah(at, "depok.csv", DEPOK)
    assert any("sudah ada" in w.value for w in at.warning)
    assert at.button(key="unggah_simpan").disabled
    at.checkbox(key="unggah_ganti").check().run()
    at.button(key="unggah_simpan").click().run()
    assert any("diganti" in s.value for s in at.success)
    assert jumlah(db, "SELECT count(*) FROM indikator") == before + 2
    # undo the replacement, then the first import: back to the bundled data exactly
    terakhir = jumlah(db, "SELECT max(id) FROM impor")
    at.selectbox(key="unggah_undo").set_value(terakhir).run()
    at.button(key="unggah_undo_tombol").click().run()
    # nothing happens before the confirmation, which says what goes and what comes back
    assert jumlah(db, "SELECT status FROM impor WHERE id = (SELECT max(id) FROM impor)") == "aktif"
    assert any("dihapus**: 2 indikator · Dinas Sosial Kota Depok 2020" in w.value and "dipulihkan" in w.value for w in at.warning)
    at.button(key="unggah_undo_ya").click().run()
    assert any(f"Impor #{terakhir} dibatalkan" in s.value for s in at.success)
    at.selectbox(key="unggah_undo").set_value(terakhir - 1).run()
    at.button(key="unggah_undo_tombol").click().run()
    at.button(key="unggah_undo_ya").click().run()
    assert jumlah(db, "SELECT count(*) FROM indikator") == before
    # the bundled imports are not offered for undo unless asked
    assert any("data bawaan dilindungi" in c.value for c in at.caption)
    at.checkbox(key="unggah_undo_bawaan").check().run()
    assert any("bekasi_2023/indikator.csv" in o for o in at.selectbox(key="unggah_undo").options)
    at.checkbox(key="unggah_undo_bawaan").uncheck().run()
    # redo the first import: its two rows come back
    at.selectbox(key="unggah_ulang").set_value(terakhir - 1).run()
    at.button(key="unggah_ulang_tombol").click().run()
    assert any(f"Impor #{terakhir - 1} dipulihkan" in s.value for s in at.success)
    assert jumlah(db, "SELECT count(*) FROM indikator") == before + 2


def test_berkas_rusak_pesan_jelas_tanpa_tulis(monkeypatch, db):
    at = halaman_unggah(monkeypatch, db)
    before = jumlah(db, "SELECT count(*) FROM impor")
    unggah(at, "laporan.xlsx", b"bukan excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert "bukan lembar kerja Excel" in at.error[0].value
    assert jumlah(db, "SELECT count(*) FROM impor") == before


def test_tahun_tidak_diketahui_ditanyakan(monkeypatch, db):
    at = halaman_unggah(monkeypatch, db)
    unggah(at, "tanpa_tahun.csv", b"Indikator,Target,Realisasi\nPersentase lansia terlayani,90,95\n")
    assert at.button(key="unggah_simpan").disabled
    masalah = next(d.value for d in at.dataframe if "Masalah" in d.value.columns)
    assert masalah["Masalah"].str.contains("tahun tidak diketahui").any()
    at.number_input(key="unggah_tahun").set_value(2024).run()
    at.selectbox(key="unggah_instansi").set_value("Dinas Sosial Kota Bekasi").run()
    assert not at.button(key="unggah_simpan").disabled


def test_kata_sandi_melindungi_tulis(monkeypatch, db):
    h = akses.buat_hash("rahasia-kantor")
    at = halaman_unggah(monkeypatch, db, LKJIP_UPLOAD_PASSWORD_HASH=h)
    assert not at.get("file_uploader")
    at.text_input(key="akses_sandi").input("salah")
    at.button(key="akses_masuk").click().run()
    assert "Kata sandi salah" in at.error[0].value
    assert not at.get("file_uploader")
    at.text_input(key="akses_sandi").input("rahasia-kantor")
    at.button(key="akses_masuk").click().run()
    assert at.get("file_uploader")


def test_akses_hash_dan_pembatas():
    h = akses.buat_hash("s3cret")
    assert h.startswith("scrypt$") and "s3cret" not in h
    assert akses.cocok("s3cret", h) and not akses.cocok("S3cret", h) and not akses.cocok("x", "rusak")
    # the limiter, roles and settings in detail: tests/test_akses*.py
    pg = akses.baca({"unggah": {"penulis": ["A@x.go.id"]}, "auth": {"client_id": "x"}}, env={})
    assert pg.mode == "oidc" and pg.pengguna_oidc("a@x.go.id").peran == "admin" and pg.pengguna_oidc("b@x.go.id").peran == "pembaca"
    assert akses.baca({}, env={}).mode == "lokal"
    assert akses.baca({}, env={"LKJIP_UPLOAD_PASSWORD_HASH": h}).mode == "sandi"


def test_angka_salah_cetak_galat_atau_disimpan_sebagai_teks(monkeypatch, db):
    # Pasuruan 2022, Tabel 3.9 prints "Rp91-.160.954"
    csv = ("Program,Pagu,Realisasi\nProgram Perlindungan dan Jaminan Sosial,Rp91-.160.954,843.763.040\n").encode()
    at = halaman_unggah(monkeypatch, db)
    at.selectbox(key="unggah_instansi").set_value("Dinas Sosial Kota Bekasi").run()
    at.number_input(key="unggah_tahun").set_value(2022).run()
    unggah(at, "pasuruan_39.csv", csv)
    assert at.button(key="unggah_simpan").disabled
    # the problems table names the misprint; its empty cells (no column letter for a whole row) read "–", never "None"
    assert any("Rp91-.160.954" in str(v) for d in at.dataframe for v in d.value.to_numpy().ravel())
    assert at.dataframe and all(d.proto.placeholder == "–" for d in at.dataframe)
    at.checkbox(key="unggah_salah_cetak").check().run()
    assert not at.button(key="unggah_simpan").disabled
    at.button(key="unggah_simpan").click().run()
    assert jumlah(db, "SELECT count(*) FROM anggaran WHERE pagu_teks = 'Rp91-.160.954' AND pagu IS NULL") == 2


def test_cli_hash_password_dipakai_halaman(monkeypatch, db):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "lkjip", "hash-password"], input="kantor-dinsos-2026\n", capture_output=True,
                       text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0, r.stderr
    baris = r.stdout.splitlines()
    assert baris[0] == "[unggah]" and baris[1].startswith('password_hash = "scrypt$')
    h = baris[1].split('"')[1]
    assert akses.cocok("kantor-dinsos-2026", h)
    r = subprocess.run([sys.executable, "-m", "lkjip", "hash-password"], input="pendek\n", capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "terlalu pendek" in r.stderr


def app_oidc(monkeypatch, db):
    """The app with an OIDC provider configured (st.login), as secrets.toml would give it."""
    monkeypatch.setenv("LKJIP_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "client_id": "dasbor", "client_secret": "rahasia",
                          "server_metadata_url": "https://idp.contoh.invalid/.well-known/openid-configuration"}
    return at


def test_oidc_terkonfigurasi_butuh_sign_in(monkeypatch, db):
    at = app_oidc(monkeypatch, db)
    at.secrets["unggah"] = {"penulis": ["perencana@bappeda.contoh.invalid"]}
    at.run()
    at.switch_page("pages/unggah.py").run()
    assert not at.exception
    assert not at.get("file_uploader")  # not signed in: cannot write
    assert any("sign-in" in w.value.lower() for w in at.warning)
    assert any(b.label == "Sign in" for b in at.button)


@pytest.mark.parametrize("surel, boleh", [("perencana@bappeda.contoh.invalid", True), ("tamu@contoh.invalid", False)])
def test_oidc_hanya_penulis_terdaftar(monkeypatch, db, surel, boleh):
    at = app_oidc(monkeypatch, db)
    at.secrets["unggah"] = {"penulis": ["Perencana@Bappeda.contoh.invalid"]}
    at.user = {"is_logged_in": True, "email": surel}
    at.run()
    at.switch_page("pages/unggah.py").run()
    assert not at.exception
    assert bool(at.get("file_uploader")) is boleh
    if not boleh:
        assert surel in at.error[0].value.replace("\\", "").replace("\u2060", "")  # shown escaped as Markdown
