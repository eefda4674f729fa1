"""The pages' figures computed in the database (lkjip.store.agregat), on both backends.

They must equal the figures printed in the reports (bundled data, tables cited) and the pandas reference
(lkjip.analisis on all raw rows, as the pages computed them before) on synthetic data with edge cases:
missing pagu, capaian above the cap, printed capaian used or not, negative polarity, printed totals that
differ from the sum of their parts, an agency whose latest year has no capaian, budget-only agencies.
"""
import pandas as pd
import pytest

from lkjip import analisis, synth
from lkjip.ingest import pratinjau_berkas
from lkjip.ingest.simpan import simpan
from lkjip.store import Store, agregat

BEKASI, PAREPARE, PASURUAN = "Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan"
UJI, HANYA_ANGGARAN = "Dinas Sosial Kota Uji Tepi", "Dinas Sosial Kabupaten Hanya Anggaran"


# --- the reports' figures (bundled data) --------------------------------------------------------------
@pytest.fixture
def bawaan(lokasi):
    s = Store(lokasi)
    yield s
    s.close()


def test_angka_laporan(bawaan):
    r = agregat.ringkasan_instansi(bawaan).set_index("instansi")
    # Bekasi 2023, Tabel 3.1: (100 + 106,55 + 100 + 100) / 4; Pasuruan 2022, Tabel 3.2: one IKU, 98,2 against 90
    assert round(r.loc[BEKASI, "rata_capaian"], 2) == 101.64 and r.loc[BEKASI, "jumlah_indikator"] == 4
    assert r.loc[BEKASI, "tahun"] == 2023 and r.loc[PASURUAN, "tahun"] == 2022
    assert round(r.loc[PASURUAN, "rata_capaian"], 2) == 109.11 and bool(r.loc[PASURUAN, "sedikit"])
    assert r.loc[BEKASI, "peringkat"] == 1 and r.loc[PAREPARE, "peringkat"] == 2 and pd.isna(r.loc[PASURUAN, "peringkat"])
    # Bekasi 2023, Tabel 3.18 JUMLAH: 32.019.890.719 / 27.416.231.841 -> 85,62%
    assert (r.loc[BEKASI, "pagu"], r.loc[BEKASI, "realisasi"]) == (32019890719, 27416231841)
    assert r.loc[BEKASI, "serapan"] == pytest.approx(85.62, abs=0.005)
    # Parepare 2023, Bab III: no total row; belanja operasi 9.154.265.555 + modal 47.959.000, realisasi 6.447.258.513
    assert (r.loc[PAREPARE, "pagu"], r.loc[PAREPARE, "realisasi"]) == (9202224555, 6447258513)
    semua = agregat.ringkasan_instansi(bawaan, periode="semua", min_indikator=1).set_index("instansi")
    assert semua.loc[BEKASI, "jumlah_indikator"] == 8 and semua["tahun"].isna().all() and semua.loc[PASURUAN, "peringkat"] == 1
    par = semua.loc[PAREPARE]
    assert par["dibatasi"] >= 1  # Parepare Tabel 3.2: PMKS tertangani 100 against 75 -> 133,33, capped at 120
    assert par[["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]].sum() == par["jumlah_indikator"]
    tanpa_batas = agregat.ringkasan_instansi(bawaan, batas=None, periode="semua", min_indikator=1).set_index("instansi")
    assert tanpa_batas.loc[PAREPARE, "rata_capaian"] > par["rata_capaian"]
    with pytest.raises(ValueError):
        agregat.ringkasan_instansi(bawaan, periode="rata")


def test_angka_laporan_program_efisiensi_tren(bawaan):
    sp = agregat.serapan_program(bawaan)
    b = sp[(sp["instansi"] == BEKASI) & (sp["program"] == "Program Penanganan Bencana")].iloc[0]
    assert b["serapan"] == pytest.approx(72.38, abs=0.005)  # Bekasi 2023, Tabel 3.18: 2.324.516.984 / 3.211.657.000
    e = agregat.efisiensi_sasaran(bawaan)
    bekasi = e[(e["instansi"] == BEKASI) & (e["tahun"] == 2023)]
    psks = bekasi[bekasi["sasaran"].str.contains("PSKS")].iloc[0]
    # Bekasi 2023, Tabel 3.16: pagu 3.266.735.000, realisasi 2.816.187.400 (86,20%), capaian 100 -> efisiensi 13,80
    assert psks["tautan"] and psks["pagu"] == 3266735000
    assert psks["efisiensi_selisih"] == pytest.approx(13.79, abs=0.01) and psks["efisiensi_rasio"] == pytest.approx(1.16, abs=0.01)
    akip = bekasi[bekasi["sasaran"].str.contains("AKIP")].iloc[0]
    assert not akip["tautan"] and pd.isna(akip["serapan"])  # no budget link printed: said, not invented
    t = agregat.tren_instansi(bawaan, [PAREPARE]).set_index("tahun")
    assert t.index.tolist() == [2021, 2022, 2023]  # years without data are absent (gaps, not zeros)
    assert t.loc[2023, "serapan"] == pytest.approx(70.06, abs=0.005)  # 6.447.258.513 / 9.202.224.555
    assert pd.isna(t.loc[2021, "serapan"])
    m = agregat.matriks_tema(bawaan, periode="semua")
    assert set(m.index) == {BEKASI, PAREPARE, PASURUAN} and m.notna().any().all()


# --- equal to the pandas reference on synthetic data with edge cases ------------------------------------
def _sisip(cur, tabel: str, **kolom) -> None:
    cur.execute(f"INSERT INTO {tabel} ({', '.join(kolom)}) VALUES ({', '.join('?' * len(kolom))})", list(kolom.values()))


def _tepi(store: Store) -> None:
    """An agency whose rows cover the edge cases, and one with a budget only."""
    with store.transaksi() as cur:
        for nama in (UJI, HANYA_ANGGARAN):
            _sisip(cur, "instansi", nama=nama, jenis="kota", provinsi="Uji")
        store.tandai_kotor(cur, [UJI, HANYA_ANGGARAN])  # as every write of data rows does (findings, summary tables)
        uji = cur.execute("SELECT id FROM instansi WHERE nama = ?", [UJI]).fetchone()[0]
        lain = cur.execute("SELECT id FROM instansi WHERE nama = ?", [HANYA_ANGGARAN]).fetchone()[0]

        def ind(tahun, capaian, sasaran="Meningkatnya Layanan PPKS", tema="spm_disabilitas", polaritas="positif", **lain_):
            _sisip(cur, "indikator", instansi_id=uji, tahun=tahun, sasaran=sasaran, indikator=f"Indikator {capaian} {tema}",
                   polaritas=polaritas, capaian=capaian, tema=tema, **lain_)

        for tahun in (2023, 2024):
            ind(tahun, 150.0)  # above the cap
            ind(tahun, 40.0, sasaran="meningkatnya layanan ppks!")  # same sasaran written otherwise; Sangat Rendah
            ind(tahun, 90.0, tema="lainnya")  # exactly 90: Tinggi, not Sangat Tinggi
            ind(tahun, 75.0, tema=None, polaritas="negatif", sasaran=None)  # no theme, no sasaran
            ind(tahun, None, capaian_dilaporkan=88.0, capaian_dilaporkan_teks="88%")  # printed capaian used
            ind(tahun, None, capaian_dilaporkan=1200.0, capaian_dilaporkan_teks="1.200")  # not a percentage: unused
            ind(tahun, 50.0, tingkat="program")  # not an IKU/PK row
            ind(tahun, 10.0, utama=False)  # not the main table
        ind(2025, None, tema="lainnya")  # a later year with no capaian and no budget: not the latest report year

        def ang(tahun, urutan, level, pagu, realisasi, sumber="Tabel 3.9", utama=True, sasaran=None, uraian=None, kode=None):
            _sisip(cur, "anggaran", instansi_id=uji, tahun=tahun, urutan=urutan, level=level, uraian=uraian or f"{level} {urutan}",
                   pagu=pagu, realisasi=realisasi, sumber=sumber, utama=utama, sasaran=sasaran, kode=kode)

        # 2023: the printed total has no pagu -> the program level (complete) is the total
        ang(2023, 1, "total", None, 900.0)
        ang(2023, 2, "program", 600.0, 500.0, uraian="Program Rehabilitasi Sosial", sasaran="Meningkatnya layanan PPKS")
        ang(2023, 3, "program", 400.0, 380.0, uraian="Pogram Rehabilitasi Sosial")  # same national program, typo
        ang(2023, 4, "kegiatan", 300.0, None)  # missing realisasi
        ang(2023, 5, "program", 50.0, 20.0, sumber="Tabel 2.4", utama=False, sasaran="Meningkatnya Layanan PPKS")
        ang(2023, 6, "program", None, 10.0, uraian="Program Penanganan Bencana", kode="1.06.06")  # missing pagu
        # 2024: printed total differs from the sum of its programs: the printed total is used
        ang(2024, 1, "total", 2000.0, 1500.0)
        ang(2024, 2, "program", 1000.0, 900.0, uraian="Program Pemberdayaan Sosial", kode="1.06.02")
        ang(2024, 3, "kegiatan", 700.0, 650.0, sasaran="Meningkatnya Layanan PPKS")
        ang(2024, 4, "sub_kegiatan", 100.0, 90.0, sasaran="Meningkatnya Layanan PPKS")
        _sisip(cur, "anggaran", instansi_id=lain, tahun=2024, urutan=1, level="program", uraian="Program Rehabilitasi Sosial",
               pagu=0.0, realisasi=0.0, sumber="Tabel X", utama=True)  # pagu 0: no serapan


@pytest.fixture(scope="module")
def pratinjau_sintetis(tmp_path_factory):
    folder = tmp_path_factory.mktemp("agregat") / "data"
    synth.buat(folder, 20, 3, seed=7, format="csv")
    return [pratinjau_berkas(f) for f in synth.daftar_berkas(folder)]


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def sintetis(request, pratinjau_sintetis, tmp_path_factory):
    """20 agencies x 3 years of synthetic data and the edge cases, imported once per backend (read only)."""
    if request.param == "duckdb":
        lokasi = str(tmp_path_factory.mktemp("agregat_db") / "sintetis.duckdb")
    else:
        import conftest

        lokasi = request.getfixturevalue("pg_klaster").buat_db(f"agregat_{next(conftest._nomor_db)}")
    s = Store(lokasi)
    for p in pratinjau_sintetis:
        assert not p.galat
        simpan(s, p)
    _tepi(s)
    yield s
    s.close()


def _referensi(s: Store, instansi=None, tahun=None):
    return s.indikator(instansi, tahun), s.anggaran(instansi, tahun)


def _sama(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert list(a.columns) == list(b.columns)
    assert len(a) == len(b) > 0
    a, b = a.reset_index(drop=True), b.reset_index(drop=True)
    for k in a.columns:
        x, y = a[k], b[k]
        if pd.api.types.is_numeric_dtype(y) and not pd.api.types.is_bool_dtype(y):
            x, y = pd.to_numeric(x, errors="coerce").astype(float), pd.to_numeric(y, errors="coerce").astype(float)
            assert ((x - y).abs() <= 1e-9 * y.abs().clip(lower=1) + 1e-9).where(y.notna(), x.isna()).all(), k
        else:
            assert [None if pd.isna(v) else v for v in x] == [None if pd.isna(v) else v for v in y], k


PILIHAN = [(None, None, None), ([UJI, HANYA_ANGGARAN], None, None), (None, [2023, 2024], "spm_disabilitas"), (None, None, "lainnya")]


@pytest.mark.parametrize("instansi,tahun,tema", PILIHAN)
def test_ringkasan_dan_tren_sama_dengan_referensi(sintetis, instansi, tahun, tema):
    ind, ang = _referensi(sintetis, instansi, tahun)
    for periode in ("terakhir", "semua"):
        for batas in (120.0, None):
            i, a = analisis.saring_tahun_terakhir(ind, ang) if periode == "terakhir" else (ind, ang)
            i = i[i["tema"] == tema] if tema else i
            ref = analisis.ringkasan_instansi(i, a, batas, periode=periode, min_indikator=3)
            _sama(agregat.ringkasan_instansi(sintetis, instansi, tahun, tema, batas, periode, 3), ref)
        _sama(agregat.tren_instansi(sintetis, instansi, tahun, tema, 120.0), analisis.tren_instansi(ind, ang, 120.0, tema))


def test_tepi_terlihat(sintetis):
    r = agregat.ringkasan_instansi(sintetis, [UJI, HANYA_ANGGARAN], periode="terakhir", min_indikator=1).set_index("instansi")
    uji = r.loc[UJI]
    # latest report year 2024 (2025 has neither capaian nor budget); 150 capped at 120; 88% printed used, 1.200 not
    assert uji["tahun"] == 2024 and uji["jumlah_indikator"] == 5 and uji["dibatasi"] == 1
    assert uji["rata_capaian"] == pytest.approx((120 + 40 + 90 + 75 + 88) / 5)
    assert (uji["Sangat Tinggi"], uji["Tinggi"], uji["Sedang"], uji["Sangat Rendah"]) == (1, 2, 1, 1)  # 90 and 75: not above
    assert (uji["pagu"], uji["realisasi"]) == (2000, 1500)  # the printed total, not the sum of programs
    hanya = r.loc[HANYA_ANGGARAN]
    assert pd.isna(hanya["rata_capaian"]) and pd.isna(hanya["serapan"]) and pd.isna(hanya["peringkat"])
    t = agregat.tren_instansi(sintetis, [UJI]).set_index("tahun")
    assert (t.loc[2023, "pagu"], t.loc[2023, "realisasi"]) == (1000, 890)  # total without pagu -> program level
    assert t.index.tolist() == [2023, 2024, 2025] and pd.isna(t.loc[2025, "rata_capaian"])
    sp = agregat.serapan_program(sintetis, [UJI], [2023]).set_index("program")
    assert sp.loc["Program Rehabilitasi Sosial", "pagu"] == 1000  # the typo'd name joins its national program
    assert pd.isna(sp.loc["Program Penanganan Bencana", "serapan"])  # no pagu printed
    e = agregat.efisiensi_sasaran(sintetis, [UJI], [2023]).set_index("sasaran")
    ppks = e.loc["Meningkatnya Layanan PPKS"]
    assert ppks["jumlah_indikator"] == 4 and ppks["pagu"] == 600 and ppks["sumber_anggaran"] == "Tabel 3.9"


@pytest.mark.parametrize("instansi,tahun,tema", PILIHAN)
def test_matriks_program_efisiensi_sama_dengan_referensi(sintetis, instansi, tahun, tema):
    ind, ang = _referensi(sintetis, instansi, tahun)
    for periode in ("terakhir", "semua"):
        i, a = analisis.saring_tahun_terakhir(ind, ang) if periode == "terakhir" else (ind, ang)
        i = i[i["tema"] == tema] if tema else i
        m, ref = agregat.matriks_tema(sintetis, instansi, tahun, tema, 120.0, periode), analisis.matriks_tema(i, 120.0)
        assert list(m.index) == list(ref.index) and list(m.columns) == list(ref.columns)
        _sama(m.reset_index(), ref.reset_index())
        _sama(agregat.serapan_program(sintetis, instansi, tahun, periode), analisis.serapan_program(a))
    i = ind[ind["tema"] == tema] if tema else ind
    _sama(agregat.efisiensi_sasaran(sintetis, instansi, tahun, tema, 120.0), analisis.efisiensi_sasaran(i, ang, 120.0))


def test_sql_dari_rumus():
    """The SQL is generated from lkjip.measures: change a threshold there and the CASE follows."""
    from lkjip import measures

    kasus = agregat.sql_kategori("c")
    for batas, nama in measures.AMBANG_KATEGORI:
        assert f"WHEN c > {float(batas)!r} THEN '{nama}'" in kasus
    assert agregat.sql_dibatasi(None, "c") == "c" and "150.0" in agregat.sql_dibatasi(150, "c")


# --- pages read aggregates, not every raw row ---------------------------------------------------------
def test_halaman_tidak_memuat_semua_baris(monkeypatch, db):
    """No page reads all indicator or budget rows: only aggregates, and the rows of one agency-year (Serapan),
    one indicator (Tren), one standard indicator's wordings (Tren, Perbandingan) or one finding (Kualitas data)."""
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT
    from lkjip import web_data

    dibaca = []
    for nama in ("indikator", "anggaran"):
        asli = getattr(Store, nama)

        def catat(self, instansi=None, tahun=None, *a, _asli=asli, _nama=nama, **k):
            dibaca.append((_nama, instansi, tahun, k.get("indikator") or k.get("ids")))
            return _asli(self, instansi, tahun, *a, **k)

        monkeypatch.setattr(Store, nama, catat)
    monkeypatch.setenv("LKJIP_DB", str(db))
    web_data.kosongkan_cache()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    for h in ("pages/ringkasan.py", "pages/perbandingan.py", "pages/efisiensi.py", "pages/serapan.py", "pages/tren.py"):
        at.switch_page(h).run()
        assert not at.exception, (h, [e.value for e in at.exception])
    at.button_group(key="tren_mode").set_value("indikator").run()
    assert not at.exception
    at.button_group(key="tren_mode").set_value("standar").run()
    assert not at.exception and len(at.dataframe[0].value)  # a standard indicator's values across agencies
    at.switch_page("pages/perbandingan.py").run()
    at.selectbox(key="banding_standar").set_value("psks_aktif").run()
    assert not at.exception
    at.switch_page("pages/kualitas.py").run()
    at.session_state["kualitas_tabel"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception and any(h.value == "Baris yang terlibat" for h in at.subheader)
    semua = [d for d in dibaca if not d[1] and not d[3]]  # no agency chosen and no indicator: every row
    assert not semua, semua
    assert ("anggaran", [BEKASI], [2023], None) in dibaca  # the Serapan page: the agency-year shown
    assert any(d[0] == "indikator" and isinstance(d[3], str) for d in dibaca)  # Tren, one indicator
    assert any(d[0] == "indikator" and isinstance(d[3], list) and d[3] and isinstance(d[3][0], str) for d in dibaca)  # a standard's wordings
    assert any(d[0] == "anggaran" and isinstance(d[3], list) for d in dibaca)  # the rows of the chosen finding, by id
