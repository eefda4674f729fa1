"""Synthetic national-scale data (lkjip.synth) and the benchmark script's pure parts (scripts/bench.py).

The generated files must go through the real import path (pratinjau -> simpan) without a galat,
be byte-identical for the same seed, and look like the reports: themes, polarities, the 1.06
budget nomenclature, messy Indonesian figures. No timing is asserted here (see BENCHMARKS.md).
"""
import collections
import csv
import importlib.util
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lkjip import synth
from lkjip.ingest import pratinjau_berkas
from lkjip.ingest.simpan import simpan
from lkjip.ingest.tabel import KOLOM
from lkjip.numbers import parse
from lkjip.store import Store
from lkjip.vocab import TEMA

ROOT = Path(__file__).resolve().parent.parent
N_INSTANSI, N_TAHUN = 3, 2


def _bench():
    spec = importlib.util.spec_from_file_location("bench_uji", ROOT / "scripts" / "bench.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


@pytest.fixture(scope="module", params=["xlsx", "csv"])
def termuat(request, tmp_path_factory):
    """3 agencies x 2 years generated in one format and imported into a fresh store."""
    folder = tmp_path_factory.mktemp(f"synth_{request.param}")
    ringkasan = synth.buat(folder / "data", N_INSTANSI, N_TAHUN, seed=42, format=request.param)
    store = Store(folder / "sintetis.duckdb")
    masalah = []
    for f in synth.daftar_berkas(folder / "data"):
        p = pratinjau_berkas(f)
        masalah += p.masalah
        assert not p.galat, [m.teks() for m in p.galat[:5]]
        simpan(store, p)
    yield ringkasan, store, masalah, folder / "data"
    store.close()


# --- the agencies --------------------------------------------------------------------------------
def test_514_kabupaten_kota_nyata():
    semua = synth.daftar_instansi()
    assert len(semua) == 514 == len({i.nama for i in semua})
    jenis = collections.Counter(i.jenis for i in semua)
    assert jenis == {"kabupaten": 416, "kota": 98}
    assert len({i.provinsi for i in semua}) == 38
    nama = {i.nama for i in semua}
    # the three reports' agencies are among them, spelled as in data/seed/*/instansi.csv
    assert {"Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan", "Dinas Sosial Kota Bekasi"} <= nama
    assert "Dinas Sosial Kabupaten Bekasi" in nama
    bekasi = next(i for i in semua if i.nama == "Dinas Sosial Kota Bekasi")
    assert (bekasi.jenis, bekasi.provinsi) == ("kota", "Jawa Barat")


def test_pilih_instansi_menyebar():
    dua_puluh = synth.pilih_instansi(20)
    assert len({i.nama for i in dua_puluh}) == 20
    assert len({i.provinsi for i in dua_puluh}) >= 15  # spread over the country, not the first 20 of Aceh
    assert synth.pilih_instansi(514) == synth.daftar_instansi()
    with pytest.raises(ValueError):
        synth.pilih_instansi(515)


# --- determinism ---------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_seed_sama_berkas_identik(tmp_path, fmt):
    a = synth.buat(tmp_path / "a", N_INSTANSI, N_TAHUN, seed=7, format=fmt)
    b = synth.buat(tmp_path / "b", N_INSTANSI, N_TAHUN, seed=7, format=fmt)
    c = synth.buat(tmp_path / "c", N_INSTANSI, N_TAHUN, seed=8, format=fmt)
    assert a["berkas"] == b["berkas"] == c["berkas"]
    for nama in a["berkas"] + ["ringkasan.json"]:
        assert (tmp_path / "a" / nama).read_bytes() == (tmp_path / "b" / nama).read_bytes(), nama
    assert any((tmp_path / "a" / n).read_bytes() != (tmp_path / "c" / n).read_bytes() for n in a["berkas"])


def test_xlsx_bertanggal_tetap(tmp_path):
    synth.buat(tmp_path, 1, 1, seed=1)
    wb = load_workbook(next(tmp_path.glob("*.xlsx")), read_only=True)
    assert wb.properties.created == synth.WAKTU_TETAP and wb.properties.modified == synth.WAKTU_TETAP
    assert wb.sheetnames == ["instansi", "indikator", "anggaran", "skor"]
    assert [c.value for c in next(wb["anggaran"].iter_rows(max_row=1))][: len(KOLOM["anggaran"])] == KOLOM["anggaran"]


def test_berkas_uji_sekitar_10000_baris(tmp_path):
    a = synth.buat_berkas_uji(tmp_path / "a", 10_000)
    assert 10_000 <= a["xlsx"]["baris"] == a["csv"]["baris"] < 10_100
    b, c = synth.buat_berkas_uji(tmp_path / "b", 500), synth.buat_berkas_uji(tmp_path / "c", 500)
    for fmt in ("xlsx", "csv"):
        assert Path(b[fmt]["path"]).read_bytes() == Path(c[fmt]["path"]).read_bytes()
    baris = list(csv.reader(io.StringIO(Path(a["csv"]["path"]).read_text(encoding="utf-8"))))
    assert baris[0] == KOLOM["anggaran"] and len(baris) - 1 == a["csv"]["baris"]


# --- the import path -----------------------------------------------------------------------------
def test_impor_tanpa_galat_dan_jumlah_baris(termuat):
    ringkasan, store, masalah, _ = termuat
    assert not [m for m in masalah if m.tingkat == "galat"]
    assert ringkasan["instansi"] == N_INSTANSI and ringkasan["tahun"] == [2023, 2024]
    for tabel in ("indikator", "anggaran", "skor"):
        assert store.satu(f"SELECT count(*) FROM {tabel}") == ringkasan["baris"][tabel], tabel
    inst = store.daftar_instansi()
    assert len(inst) == N_INSTANSI
    assert inst["jenis"].notna().all() and inst["provinsi"].notna().all()
    assert set(store.daftar_tahun()) == {2023, 2024}


def test_indikator_seperti_laporan(termuat):
    _, store, _, _ = termuat
    ind = store.indikator()
    per_tahun = ind.groupby(["instansi", "tahun"])["indikator"].nunique()
    assert per_tahun.between(8, 15).all(), per_tahun
    assert set(ind["polaritas"]) == {"positif", "negatif", "ordinal"}
    assert set(ind["tema"]) <= set(TEMA)
    assert {"sakip", "spm_disabilitas", "spm_anak", "spm_lansia", "spm_bencana"} <= set(ind["tema"])
    # indicators named "Jumlah ..." (a count, e.g. Parepare's PKH indicator, Tabel 3.2) are indicators,
    # not a table's total row: they must be imported
    assert ind["indikator"].str.startswith("Jumlah rumah tangga yang mendapatkan bantuan tunai bersyarat").any()
    negatif = ind[ind["polaritas"] == "negatif"]
    assert "Angka kemiskinan" in set(negatif["indikator"])
    sakip = ind[ind["tema"] == "sakip"]
    assert (sakip["polaritas"] == "ordinal").all() and sakip["realisasi_predikat"].notna().any()
    c = ind["capaian"].dropna()
    assert len(c) > 0.85 * len(ind)  # a few missing or target-0 values, each with a reason
    assert c.between(30, 200).all()
    assert ind.loc[ind["capaian"].isna(), "capaian_alasan"].notna().all()
    # messy printed figures survive as text beside the parsed number
    teks = " ".join(ind["target_teks"].dropna().astype(str)) + " " + " ".join(ind["realisasi_teks"].dropna().astype(str))
    assert "%" in teks and "," in teks


def test_anggaran_nomenklatur_1_06(termuat):
    _, store, masalah, _ = termuat
    ang = store.anggaran()
    assert set(ang["level"]) == {"total", "program", "kegiatan", "sub_kegiatan"}
    pola = {"program": r"1\.06\.0[1-7]", "kegiatan": r"1\.06\.0[1-7]\.2\.\d\d", "sub_kegiatan": r"1\.06\.0[1-7]\.2\.\d\d\.\d{4}"}
    for level, rx in pola.items():
        assert ang.loc[ang["level"] == level, "kode"].str.fullmatch(rx).all(), level
    assert {"PROGRAM REHABILITASI SOSIAL", "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL"} <= set(ang["uraian"])
    per_tahun = ang.groupby(["instansi", "tahun"]).size()
    assert per_tahun.between(25, 60).all() and 35 <= per_tahun.mean() <= 50  # about 40 lines per agency-year
    # the importer rebuilt the hierarchy, and each parent's pagu is the sum of its children
    anak = ang[ang["induk_id"].notna()].groupby("induk_id")["pagu"].sum()
    induk = ang.set_index("id").loc[anak.index, "pagu"]
    assert (induk - anak).abs().max() < 0.5
    assert (ang["pagu"] > 0).all()
    s = ang["serapan"].dropna()
    assert s.between(0, 115).all() and 80 < s.median() < 100
    assert (ang["realisasi"] > ang["pagu"]).any()  # a few realisasi above pagu: a warning, not an error
    assert any("melebihi pagu" in m.pesan for m in masalah if m.tingkat == "peringatan")
    tw = ang[ang["rencana_tw1"].notna()]
    assert len(tw) and ((tw[[f"rencana_tw{i}" for i in range(1, 5)]].sum(axis=1) - tw["pagu"]).abs() < 0.5).all()


def test_skor_sakip_ikm(termuat):
    _, store, _, _ = termuat
    skor = store.tabel("skor")
    assert set(skor["jenis"]) == {"sakip", "ikm"}
    sakip = skor[skor["jenis"] == "sakip"]
    assert sakip["nilai"].dropna().between(40, 92).all()
    assert set(sakip["predikat"]) <= {"AA", "A", "BB", "B", "CC", "C", "D"}
    ikm = skor[skor["jenis"] == "ikm"]
    assert ikm["nilai"].dropna().between(25, 100).all()
    assert set(ikm["predikat"]) <= {"Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik"}


@pytest.mark.parametrize("teks_saja", [False, True], ids=["xlsx", "csv"])
def test_nilai_berantakan_tetapi_sah(teks_saja):
    """Figures are printed the way reports print them, and every number cell parses without a galat."""
    data = [synth.data_instansi(i, [2023, 2024], 42, teks_saja=teks_saja) for i in synth.pilih_instansi(10)]
    kolom_angka = {
        "indikator": [KOLOM["indikator"].index(k) for k in ("target", "realisasi", "capaian_dilaporkan")],
        "anggaran": [KOLOM["anggaran"].index(k) for k in KOLOM["anggaran"] if k.startswith(("pagu", "realisasi", "serapan", "rencana"))],
        "skor": [KOLOM["skor"].index("nilai")],
    }
    sel = [r[i] for d in data for tabel, idx in kolom_angka.items() for r in d[tabel] for i in idx]
    teks = [v for v in sel if isinstance(v, str)]
    assert any(re.fullmatch(r"Rp \d{1,3}(\.\d{3})+", v) for v in teks)
    assert any(re.fullmatch(r"\d{1,3}(\.\d{3})+,00", v) for v in teks)
    assert any(re.fullmatch(r"\d+,\d+%", v) for v in teks)
    assert {"-", "n/a"} <= set(teks)
    assert any(re.fullmatch(r"\d+,\d+ \((AA|A|BB|B|CC|C|D)\)", v) for v in teks)
    assert any(re.fullmatch(r"\d{1,3}(\.\d{3})* (KPM|Orang|Jiwa)", v) for v in teks)
    assert all(parse(v).galat is None for v in sel if v is not None)
    if not teks_saja:
        assert any(isinstance(v, (int, float)) for v in sel)  # xlsx: most amounts are real numbers


def test_synth_sama_di_bench_dasar_dan_numbers():
    """The benchmark's naive baseline parser reads the generated cells as lkjip.numbers does."""
    import pandas as pd

    bench = _bench()
    data = [synth.data_instansi(i, [2024], 3, teks_saja=True) for i in synth.pilih_instansi(8)]
    sel = [v for d in data for r in d["anggaran"] + d["indikator"] for v in r[6:10] if isinstance(v, str)]
    angka, _ = bench._dasar_angka(pd.Series(sel, dtype=object))
    for v, a in zip(sel, angka):
        harapan = parse(v).nilai
        assert (harapan is None and pd.isna(a)) or abs(harapan - a) < 1e-9, v


# --- command line and benchmark script -----------------------------------------------------------
def test_cli_synth(tmp_path):
    r = subprocess.run([sys.executable, "-m", "lkjip", "synth", "--agencies", "2", "--years", "1", "--out", tmp_path / "d",
                        "--format", "csv"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "2 instansi × 1 tahun" in r.stdout
    assert len(list((tmp_path / "d").glob("*.csv"))) == 8
    r = subprocess.run([sys.executable, "-m", "lkjip", "synth", "--agencies", "600", "--out", tmp_path / "e"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr.strip() == "galat: --agencies harus 1–514 (bukan 600)"


def test_bench_halaman_hilang_bukan_crash(tmp_path):
    bench = _bench()
    assert all(h.startswith("pages/") and not Path(h).name.startswith("_") for h in bench.daftar_halaman())
    hasil = bench.waktu_halaman(tmp_path / "tidak_dipakai.duckdb", ["pages/tidak_ada.py"], {"instansi": []})
    assert hasil == {"pages/tidak_ada.py": {"galat": "tidak ada"}}
    laporan = bench.laporan({
        "mesin": {"nproc": 2, "memori_gib": 4.0, "python": "3.11", "duckdb": "2.0", "pandas": "3.1", "openpyxl": "3.1",
                  "streamlit": "1.67"},
        "ukuran": {"instansi": 514, "tahun": 10, "seed": 42}, "ulang": 3,
        "halaman": {"halaman": ["pages/tidak_ada.py"], "pilihan": {"1": hasil}},
    })
    assert "| pages/tidak_ada.py | 1 | n/a | n/a | n/a | n/a | tidak ada |" in laporan
