"""Hostile files (tests/korpus_asing.py) through the guarded reader, the CLI and the upload page: one clear
message, nothing written, the server alive; the worker's memory and time limits; another session's page
time while a large file is read; the error boundary of app.py."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time

import pytest
from streamlit.testing.v1 import AppTest

import korpus_asing
from conftest import ROOT
from lkjip.ingest import GalatBerkas
from lkjip.ingest.penjaga import pratinjau_terjaga

APP = str(ROOT / "app.py")
KASUS = korpus_asing.kasus()
ID = [k.nama for k in KASUS]


def _ringkas_db(db) -> tuple:
    """Row counts of every table and the data version: equal before and after means nothing was written."""
    from lkjip.store import Store

    with Store(db) as s:
        tabel = [r[0] for r in s.baca("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                                      "ORDER BY 1").itertuples(index=False)]
        return tuple((t, s.satu(f'SELECT count(*) FROM "{t}"')) for t in tabel) + (s.versi_data,)


@pytest.mark.parametrize("kasus", KASUS, ids=ID)
def test_pembaca_terjaga(kasus):
    mulai = time.perf_counter()
    if kasus.harapan == "tolak":
        with pytest.raises(GalatBerkas) as e:
            pratinjau_terjaga(kasus.data, kasus.nama)
        pesan = str(e.value)
        assert kasus.pesan in pesan and kasus.nama in pesan
        assert "Traceback" not in pesan and str(ROOT) not in pesan and "/tmp" not in pesan
    else:
        p = pratinjau_terjaga(kasus.data, kasus.nama)
        if kasus.harapan == "masalah":
            galat = [m for m in p.galat if kasus.pesan in m.pesan]
            assert galat and all(m.lembar and m.baris and m.kolom and m.nilai.startswith("#") for m in galat)
            assert not p.bisa_disimpan
        else:  # hostile text is kept as text, character for character
            assert p.bisa_disimpan, [m.teks() for m in p.galat]
            if kasus.nama.endswith(".csv"):
                teks = set(p.tabel["indikator"]["sasaran"])
                assert "![x](http://127.0.0.2:9/p.png)" in teks and "<script>alert(1)</script>" in teks
    assert time.perf_counter() - mulai < 30


@pytest.mark.parametrize("nama", ["sel_galat.xlsx", "sel_galat.xls"])
def test_sel_galat_tidak_pernah_kosong(nama):
    """Every one of the seven error values is a problem at its own sheet, row and column D (Target); in the
    .xls both a failed formula's saved result and an error constant (calamine reads both as blanks)."""
    ks = next(k for k in KASUS if k.nama == nama)
    p = pratinjau_terjaga(ks.data, ks.nama)
    dapat = {(m.lembar, m.baris, m.kolom, m.nilai) for m in p.galat if "galat rumus" in m.pesan}
    assert dapat == {("Indikator", r, "D (Target)", e) for r, e in zip(range(2, 9), korpus_asing.GALAT_TABEL)}
    assert not p.bisa_disimpan


def test_xls_sel_galat_di_pembaca():
    """The .xls reader keeps the error cells beside the values it reads as blanks, 0-based, per sheet."""
    from lkjip.ingest.berkas import baca_lembar

    isi = [["Indikator", "Target", "Realisasi"], ["A", ("rumus", "#DIV/0!"), 3], ["B", 4, ("sel", "#N/A")], ["C", 1, 2]]
    (lembar,) = baca_lembar(korpus_asing.xls("Data", isi), "galat.xls")
    assert lembar.nama == "Data" and lembar.galat_sel == [(1, 1, "#DIV/0!"), (2, 2, "#N/A")]
    assert [r[0] for r in lembar.baris] == ["Indikator", "A", "B", "C"] and lembar.baris[3][1:] == [1.0, 2.0]


def test_xls_rusak_acak_selalu_pesan_jelas():
    """400 .xls files with random bytes changed (the compound file's tables, the directory, the records) or cut
    short: each is read or refused with GalatBerkas; no other exception (calamine's panics on broken records
    included) and no abort (a forged size reaching calamine's allocator would end the process)."""
    import random

    from lkjip.ingest.berkas import baca_lembar

    isi = [["Instansi", "Tahun", "Indikator", "Target", "Realisasi"]] + [
        ["Dinas Sosial Kota Depok", 2022, f"Indikator {i}", ("rumus", "#REF!") if i == 3 else 10, ("sel", "#N/A") if i == 5 else 9]
        for i in range(8)]
    asli = korpus_asing.xls("Indikator", isi)
    rnd = random.Random(7)
    hasil = {"baca": 0, "tolak": 0}
    for _ in range(400):
        b = bytearray(asli)
        for _ in range(rnd.randint(1, 8)):
            j = rnd.randrange(len(b)) if rnd.random() < 0.5 else rnd.randrange(min(len(b), 1600))
            b[j] = rnd.randrange(256)
        if rnd.random() < 0.1:
            b = b[:rnd.randrange(len(b))]
        try:
            baca_lembar(bytes(b), "acak.xls")
            hasil["baca"] += 1
        except GalatBerkas as e:
            assert "Traceback" not in str(e) and "acak.xls" in str(e)
            hasil["tolak"] += 1
    assert hasil["baca"] and hasil["tolak"], hasil


def test_xls_lembar_tumpang_tindih_ditolak(monkeypatch):
    """1 000 sheets pointing at the same 1 000 records: refused within a budget of one visit per record the
    stream can hold (never a walk per sheet), before calamine is called."""
    import python_calamine

    from lkjip.ingest.berkas import baca_lembar

    monkeypatch.setattr(python_calamine, "load_workbook", lambda *_a, **_k: pytest.fail("calamine opened the file"))
    with pytest.raises(GalatBerkas, match="terlalu rumit untuk dibaca: lembar-lembarnya .* saling bertumpang-tindih"):
        baca_lembar(korpus_asing.xls_lembar_tumpang(), "tumpang.xls")


def test_xls_bersandi():
    """A password-protected .xls (FILEPASS) is named as such, not as a broken file."""
    from lkjip.ingest.berkas import baca_lembar

    with pytest.raises(GalatBerkas, match="dilindungi kata sandi"):
        baca_lembar(korpus_asing.xls("Data", [["Indikator", "Target"], ["A", 1]], sandi=True), "rahasia.xls")


def test_xls_sudut_jauh_ditolak_sebelum_grid(monkeypatch):
    """A cell at IV65536 (or a forged DIMENSIONS) is refused from the records alone: calamine, which builds
    every sheet's grid as it opens an .xls (16,7 million cells, about 1 GB here), is never called."""
    import python_calamine

    from lkjip.ingest.berkas import baca_lembar

    def jangan(*_a, **_k):
        raise AssertionError("calamine opened the file")

    monkeypatch.setattr(python_calamine, "load_workbook", jangan)
    for nama, pesan in (("sudut_jauh.xls", "IV65536"), ("dimensi_palsu.xls", "DIMENSIONS")):
        ks = next(k for k in KASUS if k.nama == nama)
        with pytest.raises(GalatBerkas, match="terlalu rumit / terlalu besar untuk dibaca") as e:
            baca_lembar(ks.data, ks.nama)
        assert pesan in str(e.value), str(e.value)


def test_pratinjau_melintasi_proses_utuh():
    """The preview that crosses the process boundary (pickled) equals the one read in this process."""
    import pandas as pd

    from conftest import DEPOK
    from lkjip.ingest import pratinjau

    a, b = pratinjau(DEPOK, "depok.csv"), pratinjau_terjaga(DEPOK, "depok.csv")
    assert a.masalah == b.masalah and a.lembar == b.lembar and a.sha256 == b.sha256
    for k in a.tabel:
        pd.testing.assert_frame_equal(a.tabel[k], b.tabel[k])


def test_batas_memori_pekerja():
    """Whatever the cheap checks miss, the worker's address-space cap ends it with the one message."""
    from test_cepat import templat_besar

    data = templat_besar(4)
    with pytest.raises(GalatBerkas, match="terlalu rumit / terlalu besar untuk dibaca"):
        pratinjau_terjaga(data, "memori.csv", batas_memori_mb=20)
    assert pratinjau_terjaga(b"a,b\n1,2\n", "kecil.csv") is not None  # the next file is read as usual


def test_batas_waktu_pekerja():
    from test_cepat import templat_besar

    data = templat_besar(8)
    mulai = time.perf_counter()
    # 0,2 s of the worker's processor time, or (when a busy machine gives the low-priority worker none) 5 x 0,2 s
    # of wall-clock time
    with pytest.raises(GalatBerkas, match=r"terlalu rumit / terlalu besar untuk dibaca\. Pembacaannya melebihi "
                                          r"(0,2 detik waktu prosesor|1 detik) dan dihentikan"):
        pratinjau_terjaga(data, "lama.csv", batas_detik=0.2)
    assert time.perf_counter() - mulai < 30


def test_pekerja_mati_mendadak(monkeypatch):
    """A worker killed from outside (the kernel's OOM killer, an abort in native code): the same message."""
    from lkjip.ingest import penjaga

    asli = penjaga._kerja
    monkeypatch.setattr(penjaga, "_kerja", korpus_asing.pekerja_bunuh_diri)
    try:
        with pytest.raises(GalatBerkas, match="terlalu rumit / terlalu besar untuk dibaca"):
            pratinjau_terjaga(b"a,b\n1,2\n", "mati.csv")
    finally:
        monkeypatch.setattr(penjaga, "_kerja", asli)


def test_cli_korpus_asing(db, tmp_path):
    """Every hostile file through `python -m lkjip import`: exit 2, one line, no traceback, nothing written;
    with several files in one command the refusal says nothing was written."""
    berkas = korpus_asing.tulis(tmp_path / "asing")
    sebelum = _ringkas_db(db)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # a grid, an archive and a cell problem, one command each (every file goes through the same guarded
    # reader in test_pembaca_terjaga, and all of them through the CLI in the one command below)
    satu_per_jenis = ("sudut_jauh.xlsx", "ukuran_bohong.xlsx", "sel_galat.xlsx", "sudut_jauh.xls", "sel_galat.xls")
    for b in [b for b in berkas if b.name in satu_per_jenis]:
        r = subprocess.run([sys.executable, "-m", "lkjip", "import", str(b), "--db", str(db)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 2, (b.name, r.stdout, r.stderr)
        baris = r.stderr.strip().splitlines()
        assert "Traceback" not in r.stderr and baris[-1].startswith("galat: ") and b.name in baris[-1], (b.name, r.stderr[-500:])
        if b.name.startswith("sudut_jauh") or b.name == "ukuran_bohong.xlsx":
            assert len(baris) == 1, r.stderr
    r = subprocess.run([sys.executable, "-m", "lkjip", "import", *map(str, berkas), "--db", str(db)], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "Tidak ada berkas yang ditulis" in r.stderr, r.stderr
    assert _ringkas_db(db) == sebelum


def test_cli_atomik(db, tmp_path):
    """Several files: with --atomik all or none; without it, a refusal names what was already committed."""
    from conftest import DEPOK

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    a = tmp_path / "a.csv"
    a.write_bytes(DEPOK)
    b = tmp_path / "b.csv"
    b.write_bytes(DEPOK.replace(b"DEPOK", b"BOGOR").replace(b"Depok", b"Bogor"))
    ulang = tmp_path / "c.csv"
    ulang.write_bytes(DEPOK)  # the same agency-year as a.csv: refused without --replace
    sebelum = _ringkas_db(db)

    def jalan(*arg):
        return subprocess.run([sys.executable, "-m", "lkjip", "import", *map(str, arg), "--db", str(db)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)

    r = jalan(a, b, ulang, "--atomik")
    assert r.returncode == 2 and "Tidak ada berkas yang ditulis" in r.stderr, r.stderr
    assert _ringkas_db(db) == sebelum
    r = jalan(a, b, "--atomik")
    assert r.returncode == 0, r.stderr
    assert "2 berkas dalam satu transaksi" in r.stdout
    sesudah = dict(_ringkas_db(db)[:-1])
    assert sesudah["impor"] == dict(sebelum[:-1])["impor"] + 1  # one import, undone as one
    r = jalan(tmp_path / "b.csv", a, "--replace")  # both replace: fine
    assert r.returncode == 0, r.stderr
    baru = tmp_path / "d.csv"
    baru.write_bytes(DEPOK.replace(b"DEPOK", b"BEKASI").replace(b"Depok", b"Bekasi").replace(b"2020", b"2019"))
    r = jalan(baru, ulang)  # the first is committed, the second refused: say so
    assert r.returncode == 2
    assert "SUDAH TERSIMPAN sebelum penolakan ini: d.csv (impor #" in r.stderr and "Tidak ditulis: c.csv" in r.stderr


def halaman_unggah(monkeypatch, db):
    monkeypatch.setenv("LKJIP_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("pages/unggah.py").run()
    assert not at.exception
    return at


def test_halaman_unggah_korpus_asing(monkeypatch, db):
    """Every hostile file on the upload page: one clear error (or the problems table), no exception, nothing written."""
    at = halaman_unggah(monkeypatch, db)
    sebelum = _ringkas_db(db)
    for k in KASUS:
        at.get("file_uploader")[0].set_value((k.nama, k.data, "application/octet-stream")).run()
        assert not at.exception, (k.nama, [e.value for e in at.exception])
        galat = [e.value for e in at.error]
        if k.harapan == "tolak":
            assert any(k.pesan in g for g in galat), (k.nama, galat)
            assert at.session_state["unggah_pratinjau"] is None
        elif k.harapan == "masalah":
            assert at.session_state["unggah_pratinjau"].galat and at.button(key="unggah_simpan").disabled
        else:
            assert at.session_state["unggah_pratinjau"].bisa_disimpan
        assert not any("Traceback" in g or "File \"" in g for g in galat)
    assert _ringkas_db(db) == sebelum


def test_sesi_lain_tidak_melambat(monkeypatch, db):
    """While a 20 MB file is read for one user, another user's page reruns in about the same time."""
    from test_cepat import templat_besar

    monkeypatch.setenv("LKJIP_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception

    def ukur(n: int) -> list[float]:
        hasil = []
        for _ in range(n):
            t = time.perf_counter()
            at.run()
            hasil.append(time.perf_counter() - t)
        return hasil

    ukur(1)
    biasa = statistics.median(ukur(3))
    data = templat_besar()
    selesai = {}

    def baca():
        t = time.perf_counter()
        selesai["p"] = pratinjau_terjaga(data, "besar.csv")
        selesai["detik"] = time.perf_counter() - t

    th = threading.Thread(target=baca)
    th.start()
    time.sleep(1.0)  # the worker is reading
    selama = ukur(3)
    masih = th.is_alive()
    th.join(180)
    print(f"\npage rerun: {biasa:.2f} s alone, {statistics.median(selama):.2f} s (max {max(selama):.2f} s) while a "
          f"20 MB file was read ({selesai.get('detik', 0):.1f} s)")
    assert masih, "the file was read before the page was measured: the test measured nothing"
    assert selesai["p"].jumlah()["indikator"] > 300_000
    assert statistics.median(selama) <= 3 * biasa + 2.0


def test_batas_sama_di_peramban_halaman_cli():
    """One upload limit in one unit (MB of 1.048.576 bytes): Streamlit's maxUploadSize, the page, the importer."""
    import tomllib

    from lkjip.ingest.berkas import BATAS_MB, BATAS_UKURAN

    konfigurasi = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert konfigurasi["server"]["maxUploadSize"] == BATAS_MB and BATAS_UKURAN == BATAS_MB * 1024 * 1024
    assert konfigurasi["client"]["showErrorDetails"] == "none"
    assert "batas_mb = BATAS_MB" in (ROOT / "pages" / "unggah.py").read_text()
    with pytest.raises(GalatBerkas, match=f"melebihi batas {BATAS_MB} MB"):
        pratinjau_terjaga(b"a" * (BATAS_UKURAN + 1), "besar.csv")


def test_batas_galat_app_tanpa_traceback(monkeypatch, db):
    """A page that raises: one message with a code, the detail only in the log, no path or exception text."""
    from lkjip import web

    def rusak(*a, **k):
        raise RuntimeError("/rahasia/server/path.py meledak")

    monkeypatch.setenv("LKJIP_DB", str(db))
    monkeypatch.setattr(web, "saringan_sidebar", rusak)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    teks = " ".join(e.value for e in at.error)
    assert "kode" in teks and "/rahasia" not in teks and "RuntimeError" not in teks


def test_app_saat_cli_memegang_basis_data(monkeypatch, db):
    """The app started while another process holds the database: a clear message, no traceback, no path."""
    pemegang = subprocess.Popen([sys.executable, "-c", "import sys,time; sys.path.insert(0, sys.argv[2]);"
                                 "from lkjip.store import Store; s = Store(sys.argv[1]); print('siap', flush=True); time.sleep(60)",
                                 str(db), str(ROOT)], stdout=subprocess.PIPE, text=True)
    try:
        assert pemegang.stdout.readline().strip() == "siap"
        monkeypatch.setenv("LKJIP_DB", str(db))
        at = AppTest.from_file(APP, default_timeout=60).run()
        assert not at.exception
        teks = " ".join(e.value for e in at.error)
        assert "dipakai proses lain" in teks and str(db) not in teks and "Traceback" not in teks
    finally:
        pemegang.kill()
        pemegang.wait()
