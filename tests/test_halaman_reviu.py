"""The Kualitas data page's review workflow with AppTest: a verdict given on a selected finding, notes per
indicator-year, the worksheet download, resolved findings."""
import io

import openpyxl
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from lkjip import aktivitas, reviu
from lkjip.store import Store

APP = str(ROOT / "app.py")
PAREPARE = "Dinas Sosial Kota Parepare"


def _buka(monkeypatch, db, bahasa=None):
    monkeypatch.setenv("LKJIP_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["instansi"] = [PAREPARE]
    if bahasa:
        at.query_params["bahasa"] = bahasa
    at.run()
    at.switch_page("pages/kualitas.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _tabel(at):
    return next(d.value for d in at.dataframe if "penjelasan" in d.value.columns and "putusan" in d.value.columns)


def test_memberi_putusan_di_halaman_kualitas(monkeypatch, db):
    at = _buka(monkeypatch, db)
    df = _tabel(at)
    assert set(df["putusan"]) == {"–"}
    # Parepare 2023, Tabel 3.8 (baris 763-767): printed average 85,2 for a mean of 106,5
    i = int(df.index[(df["jenis"] == "Rata-rata capaian tidak sesuai baris-barisnya") & df["sumber"].str.endswith("Tabel 3.8")][0])
    at.session_state["kualitas_tabel"] = {"selection": {"rows": [i], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(h.value == "Putusan reviu" for h in at.subheader)
    radio = next(r for r in at.radio if r.key and r.key.startswith("putusan_"))
    kunci = radio.key.removeprefix("putusan_")
    radio.set_value("dikonfirmasi")
    at.text_area(key=f"catatan_putusan_{kunci}").set_value("Dibagi 5 padahal 4 indikator (baris 767).")
    next(b for b in at.button if b.label == "Simpan putusan").click().run()
    assert not at.exception, [e.value for e in at.exception]

    with Store(db) as s:
        r = s.baca("SELECT * FROM putusan_temuan")
        log = aktivitas.daftar(s)
    assert len(r) == 1 and r.iloc[0]["putusan"] == "dikonfirmasi" and r.iloc[0]["kunci"] == kunci
    assert r.iloc[0]["catatan"] == "Dibagi 5 padahal 4 indikator (baris 767)." and r.iloc[0]["instansi"] == PAREPARE
    assert log.iloc[0]["aksi"] == "putusan" and log.iloc[0]["tahun"] == 2023
    df = _tabel(at)
    assert df.loc[i, "putusan"] == "Dikonfirmasi" and (df["putusan"] == "Dikonfirmasi").sum() == 1
    assert any("Putusan saat ini: **Dikonfirmasi**" in m.value for m in at.markdown)


def test_catatan_indikator_dan_lembar_kerja_di_halaman(monkeypatch, db):
    at = _buka(monkeypatch, db)
    at.selectbox(key="catatan_instansi").set_value(PAREPARE)
    at.selectbox(key="catatan_tahun").set_value(2023)
    at.run()
    ind = "Persentase PMKS yang Memeroleh Bantuan Sosial"
    at.selectbox(key="catatan_indikator").set_value(ind).run()
    at.radio(key="catatan_pihak").set_value("instansi").run()
    at.text_area(key=f"catatan_faktor_penghambat_instansi_{ind}_{PAREPARE}_2023").set_value(
        "Dana kegiatan Fasilitasi Bantuan Pengembangan Ekonomi Masyarakat tidak tersedia di Kas Daerah.")
    next(b for b in at.button if b.label == "Simpan catatan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store(db) as s:
        c = reviu.catatan_indikator(s, PAREPARE, 2023)
        data = reviu.lembar_kerja(s, PAREPARE, 2023)
    assert list(zip(c["jenis"], c["pihak"])) == [("faktor_penghambat", "instansi")]
    assert any("Kas Daerah" in str(v) for d in at.dataframe for v in d.value.get("isi", []))
    assert any(b.label == "Unduh lembar kerja reviu" for b in at.get("download_button"))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb["Catatan indikator"]["D2"].value.startswith("Dana kegiatan")


def test_putusan_hanya_untuk_reviewer_dan_admin(monkeypatch, db):
    # with accounts configured, a viewer and an operator see no verdict or note form; a reviewer does, and
    # the verdict is logged under the reviewer's name
    from lkjip import akses

    sandi = "sandi-kantor-2026"
    h = akses.buat_hash(sandi)
    monkeypatch.setenv("LKJIP_AKSES", f'[pengguna.vina]\npassword_hash = "{h}"\nperan = "pembaca"\n'
                                      f'[pengguna.sari]\npassword_hash = "{h}"\nperan = "operator"\ninstansi = ["{PAREPARE}"]\n'
                                      f'[pengguna.ina]\npassword_hash = "{h}"\nperan = "reviewer"\n')

    def sebagai(nama):
        at = _buka(monkeypatch, db)
        if nama:
            at.text_input(key="akses_nama_isi").input(nama)
            at.text_input(key="akses_sandi").input(sandi)
            at.button(key="akses_masuk").click().run()
            assert not at.exception, [e.value for e in at.exception]
        at.session_state["kualitas_tabel"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    for nama in (None, "vina", "sari"):
        at = sebagai(nama)
        assert not [r for r in at.radio if r.key and r.key.startswith("putusan_")], nama
        assert "Simpan catatan" not in [b.label for b in at.button], nama
        assert any("hanya dapat ditulis oleh reviewer atau admin" in c.value for c in at.caption), nama
    at = sebagai("ina")
    radio = next(r for r in at.radio if r.key and r.key.startswith("putusan_"))
    radio.set_value("dapat_dijelaskan")
    next(b for b in at.button if b.label == "Simpan putusan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store(db) as s:
        assert s.satu("SELECT pengguna FROM putusan_temuan") == "ina"
        assert aktivitas.daftar(s).iloc[0]["pengguna"] == "ina"


def test_temuan_selesai_dalam_bahasa_pilihan(monkeypatch, db):
    """A finding that no longer occurs keeps both texts; the resolved-findings table shows the chosen language."""
    with Store(db) as s:
        with s.transaksi(naikkan_versi=False) as cur:
            cur.execute("""INSERT INTO temuan_dikenal (kunci, instansi, tahun, jenis, tingkat, sumber, baris, penjelasan, penjelasan_en,
                           hilang) VALUES ('uji-selesai', ?, 2023, 'serapan_tidak_sesuai', 'galat', 'LKjIP Parepare 2023, Tabel 3.5',
                           'Program X', 'Serapan tercetak 90% tidak sama dengan realisasi Rp 80 dibagi pagu Rp 100 pada baris yang sama, yaitu 80%.',
                           'Printed absorption 90% is not actual spending Rp 80 divided by budget Rp 100 on the same row, which gives 80%.',
                           current_timestamp)""", [PAREPARE])

    def selesai(at):
        return next(d.value for d in at.dataframe if "penjelasan" in d.value.columns and "catatan_putusan" in d.value.columns
                    and "tingkat" not in d.value.columns)

    at = _buka(monkeypatch, db)
    assert list(selesai(at)["penjelasan"]) == ["Serapan tercetak 90% tidak sama dengan realisasi Rp 80 dibagi pagu Rp 100 pada "
                                               "baris yang sama, yaitu 80%."]
    r = selesai(_buka(monkeypatch, db, "en")).iloc[0]
    assert r["penjelasan"].startswith("Printed absorption 90% is not actual spending") and r["jenis"].startswith("Printed absorption")
