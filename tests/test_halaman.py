"""Every page with AppTest: key figures on the bundled data, filters from the URL, empty database."""
import base64
import json
import math
from types import SimpleNamespace

import numpy as np

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

APP = str(ROOT / "app.py")
HALAMAN = ["pages/ringkasan.py", "pages/tren.py", "pages/perbandingan.py", "pages/serapan.py", "pages/efisiensi.py",
           "pages/kualitas.py"]


def buka(monkeypatch, db, halaman=None, query=None):
    monkeypatch.setenv("LKJIP_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if halaman:
        at.switch_page(halaman).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrik(at):
    return {m.label: m.value for m in at.metric}


def _dekode(v):
    """Plotly sends numeric arrays as {'dtype', 'bdata'(, 'shape')}: back to lists."""
    if isinstance(v, dict):
        if "bdata" in v and "dtype" in v:
            arr = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
            if "shape" in v:
                arr = arr.reshape([int(x) for x in str(v["shape"]).split(",")])
            return arr.tolist()
        return {k: _dekode(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_dekode(x) for x in v]
    return v


def figur(at, i=0):
    """The i-th plotly figure of the page as a plain dict, arrays decoded."""
    return SimpleNamespace(data=[SimpleNamespace(**t) for t in _dekode(json.loads(at.get("plotly_chart")[i].proto.spec))["data"]])


def semua_figur(at):
    return [figur(at, i) for i in range(len(at.get("plotly_chart")))]


def daftar(v):
    return [None if x is None or (isinstance(x, float) and math.isnan(x)) else (round(x, 2) if isinstance(x, float) else x) for x in list(v)]


def kartu(at):
    """Per card: (agency, caption under the name, average capaian, serapan); cards fill two columns, left first."""
    judul = [m.value.strip("*").replace("\\", "") for m in at.markdown if m.value.startswith("**Dinas")]
    teks = [c.value for c in at.caption if c.value.startswith(("Tahun", "Year"))]
    m = [x.value for x in at.metric]
    return [(j, t, m[3 * i], m[3 * i + 1]) for i, (j, t) in enumerate(zip(judul, teks))]


def test_ringkasan_adil_tahun_terakhir_per_instansi(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan)
    # each agency on its latest report year: Bekasi 2023 (Tabel 3.1: (100 + 106,55 + 100 + 100) / 4), Parepare 2023
    # (Tabel 3.2, 11 IKU capped at 120), Pasuruan 2022 (Tabel 3.2: one indicator, 109,11: marked, not ranked)
    assert sorted(kartu(at)) == [
        ("Dinas Sosial Kota Bekasi", "Tahun 2023 · Peringkat 1", "101,6%", "85,6%"),  # serapan: Tabel 3.18
        ("Dinas Sosial Kota Parepare", "Tahun 2023 · Peringkat 2", "100,6%", "70,1%"),  # 6.447.258.513 / 9.202.224.555
        ("Dinas Sosial Kota Pasuruan", "Tahun 2022 · tanpa peringkat", "109,1%", "73,6%"),
    ]
    assert any("hanya 1 indikator (kurang dari 3)" in w.value for w in at.warning)
    bar = figur(at, 0).data[0]
    assert list(bar.y) == ["Dinas Sosial Kota Pasuruan", "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Bekasi"]  # best on top
    assert bar.marker["pattern"]["shape"][0] == "/" and "⚠" in bar.text[0]
    tabel = at.dataframe[0].value
    assert list(tabel["instansi"]) == ["Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan"]
    assert list(tabel["tahun"]) == [2023, 2023, 2022] and list(tabel["peringkat"].isna()) == [False, False, True]
    assert list(tabel["sedikit"]) == [False, False, True]


def test_ringkasan_semua_tahun_dan_minimum_indikator(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan)
    at.radio(key="f_periode").set_value("semua").run()
    k = {j: (t, c) for j, t, c, _ in kartu(at)}
    # all years together: Bekasi 2020-2023 pooled (8 indicator-years) is lower than its 2023 alone
    assert k["Dinas Sosial Kota Bekasi"] == ("Tahun 2020, 2021, 2022, 2023 (digabung) · Peringkat 2", "100,8%")
    assert k["Dinas Sosial Kota Parepare"][0].endswith("Peringkat 1")
    assert at.query_params["periode"] in ("semua", ["semua"])
    at.number_input(key="f_min").set_value(1).run()
    assert {j: (t, c) for j, t, c, _ in kartu(at)}["Dinas Sosial Kota Pasuruan"] == ("Tahun 2022 (digabung) · Peringkat 1", "109,1%")
    assert not at.warning


def test_saringan_dari_url_dan_bahasa(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, query={"instansi": ["Dinas Sosial Kota Bekasi"], "tahun": ["2023"], "bahasa": "en"})
    assert at.multiselect(key="f_instansi").value == ["Dinas Sosial Kota Bekasi"]
    assert at.multiselect(key="f_tahun").value == [2023]
    assert at.title[0].value == "LKjIP Dashboard"
    assert metrik(at)["Average capaian"] == "101,6%"  # Bekasi 2023, Tabel 3.1: (100 + 106,55 + 100 + 100) / 4
    assert at.query_params["instansi"] in ("Dinas Sosial Kota Bekasi", ["Dinas Sosial Kota Bekasi"])


def test_ubah_saringan_mengubah_angka(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan)
    at.multiselect(key="f_instansi").set_value(["Dinas Sosial Kota Parepare"]).run()
    at.multiselect(key="f_tahun").set_value([2023]).run()
    assert not at.exception
    # Parepare 2023 Tabel 3.2, 11 IKU, each capped at 120 before averaging
    m = metrik(at)
    assert m["Rata-rata capaian"] == "100,6%"
    assert m["Serapan"] == "70,1%"  # 6.447.258.513 / 9.202.224.555 (Bab III)
    at.number_input(key="f_batas").set_value(1000).run()
    assert metrik(at)["Rata-rata capaian"] == "101,8%"  # uncapped mean: 133,33 counts in full


def test_tren(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, "pages/tren.py")
    garis = {t.name: t for t in figur(at, 0).data}
    par = garis["Dinas Sosial Kota Parepare"]
    assert daftar(par.x) == [2020, 2021, 2022, 2023] and daftar(par.y)[0] is None  # 2020: a gap, not zero
    at.button_group(key="tren_mode").set_value("indikator").run()
    at.selectbox(key="tren_indikator").set_value("Persentase gelandangan dan pengemis di luar panti yang mendapatkan pelayanan").run()
    assert not at.exception
    assert daftar(figur(at, 0).data[0].y) == [None, 100.0, 117.64, 82.35]  # Parepare Tabel 3.10


def test_perbandingan(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, "pages/perbandingan.py", query={"tahun": ["2023"]})
    heat = next(f for f in semua_figur(at) if f.data[0].type == "heatmap").data[0]
    y = list(heat.y)
    bekasi = list(heat.z[y.index("Dinas Sosial Kota Bekasi")])
    assert round(bekasi[list(heat.x).index("IKM")], 2) == 106.55  # Bekasi 2023, Tabel 3.1
    at.text_input(key="banding_cari").set_value("pare").run()
    assert list(figur(at, 0).data[0].y) == ["Dinas Sosial Kota Parepare"]


def test_serapan(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, "pages/serapan.py")
    assert metrik(at) == {"Pagu": "Rp 32.019.890.719", "Realisasi": "Rp 27.416.231.841", "Serapan": "85,62%"}
    at.selectbox(key="serapan_sumber").set_value("LKjIP Bekasi 2023, Tabel 2.4").run()
    tw = next(f for f in semua_figur(at) if getattr(f.data[0], "name", None) == "Rencana kas")
    assert daftar(tw.data[0].y) == [5441922139, 10009402023, 5618646165, 10949920392]  # Bekasi 2023, Tabel 2.4
    at.selectbox(key="serapan_instansi").set_value("Dinas Sosial Kota Parepare").run()
    at.slider(key="serapan_ambang").set_value(60).run()
    assert any("Program Perlindungan dan Jaminan Sosial" in w.value for w in at.warning)  # 49,20% < 60%


def test_efisiensi(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, "pages/efisiensi.py")
    df = at.dataframe[0].value
    assert {"Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan"} <= set(df["instansi"])
    assert any("tidak memiliki tautan" in s.value for s in at.subheader)


@pytest.mark.parametrize("halaman", HALAMAN)
def test_halaman_kosong(monkeypatch, tmp_path, halaman):
    from lkjip.bawaan import buat_db

    db = buat_db(tmp_path / "kosong.duckdb", kosong=True)
    at = buka(monkeypatch, db, halaman if halaman != HALAMAN[0] else None)
    assert "Belum ada data" in at.info[0].value


def test_label_lengkap():
    from lkjip import label

    # each label carries its own English (no fallback to Indonesian); identical only for terms both languages use
    sama = {"f.bahasa", "a.sign_in", "a.sign_out", "ug.kol_status", "t.target_realisasi"}
    for kunci, (idn, eng) in label._LABEL.items():
        assert idn.strip() and eng.strip(), kunci
        if idn == eng and kunci not in sama:
            assert not any(k in eng.split() for k in ("dan", "yang", "tidak", "untuk", "dengan")), kunci


def test_kualitas_data(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, "pages/kualitas.py", query={"instansi": ["Dinas Sosial Kota Parepare"]})
    df = next(d.value for d in at.dataframe if "penjelasan" in d.value.columns)
    # Parepare 2023, Tabel 3.8: printed average 85,2 for indicators whose mean is 106,5
    rata = df[df["jenis"] == "Rata-rata capaian tidak sesuai baris-barisnya"]
    assert rata["sumber"].str.contains("Tabel 3.8").any()
    assert set(df["instansi"]) == {"Dinas Sosial Kota Parepare"}
    at.multiselect(key="kualitas_tingkat").set_value(["galat"]).run()
    df2 = next(d.value for d in at.dataframe if "penjelasan" in d.value.columns)
    assert set(df2["tingkat"]) == {"Galat"} and len(df2) < len(df)


def test_ringkasan_menampilkan_jumlah_temuan(monkeypatch, db):
    from lkjip import checks
    from lkjip.store import Store

    with Store(db) as st_:
        jumlah = checks.ringkas_per_instansi(checks.temuan(st_)).set_index("instansi")["jumlah"]
    at = buka(monkeypatch, db)
    baris = [c.value for c in at.caption if c.value.startswith("Indikator per kategori")]
    assert len(baris) == 3  # one per card
    for (nama, *_), teks in zip(kartu(at), baris):
        assert teks.endswith(f"Temuan kualitas data: **{int(jumlah.get(nama, 0))}**")
    assert sum(int(jumlah.get(n, 0)) for n, *_ in kartu(at)) > 0  # the bundled reports do disagree with themselves


def test_nama_dengan_markdown_html_latex_tampil_sebagai_teks(monkeypatch, db):
    from lkjip.ingest import pratinjau
    from lkjip.ingest.simpan import simpan
    from lkjip.store import Store
    from lkjip.web import md

    nama = "Dinas Sosial Kota <b>Uji</b> **[klik](http://contoh.invalid)** $x$ 🙂"
    with Store(db) as s:
        csv = f"Instansi,Tahun,Indikator,Target,Realisasi\n\"{nama}\",2023,Persentase lansia terlayani,90,95\n".encode()
        simpan(s, pratinjau(csv, "uji.csv"))
    at = buka(monkeypatch, db, query={"instansi": [nama]})
    kartu = [m.value for m in at.markdown if "Uji" in m.value]
    assert kartu == [f"**{md(nama)}**"]
    assert "\\<b\\>" in kartu[0] and "\\[klik\\]" in kartu[0] and "\\$x\\$" in kartu[0] and "🙂" in kartu[0]


def test_kendali_halaman_dari_tautan(monkeypatch, db_bawaan):
    # a link carries each page's own controls: Serapan agency, year and table; Tren mode and indicator;
    # Perbandingan search, top-N and standard indicator; Kualitas filters
    at = buka(monkeypatch, db_bawaan, "pages/serapan.py",
              query={"s_instansi": "Dinas Sosial Kota Parepare", "s_tahun": "2023", "tabel": "LKjIP Parepare 2023, Tabel 2.6", "ambang": "60"})
    assert at.selectbox(key="serapan_sumber").value == "LKjIP Parepare 2023, Tabel 2.6" and at.slider(key="serapan_ambang").value == 60
    assert metrik(at)["Pagu"] == "Rp 9.202.224.555"  # Tabel 2.6 total
    assert not at.warning  # no "default value but also set via the Session State API" complaint
    assert any("Pagu dari LKjIP Parepare 2023, Tabel 2\\.6" in c.value for c in at.caption)
    at = buka(monkeypatch, db_bawaan, "pages/tren.py", query={"mode": "standar", "standar": "psks_aktif"})
    assert at.selectbox(key="tren_standar").value == "psks_aktif"
    tabel = at.dataframe[0].value
    assert set(tabel["instansi"]) == {"Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan"}
    assert set(tabel["cara"]) == {"otomatis"}
    at = buka(monkeypatch, db_bawaan, "pages/perbandingan.py", query={"cari": "a", "n": "2", "standar": "ppks_tertangani"})
    assert at.text_input(key="banding_cari").value == "a" and at.number_input(key="banding_n").value == 2
    assert not [w for w in at.warning if "Session State" in w.value]
    standar_tabel = next(d.value for d in at.dataframe if "cara" in d.value.columns)
    # each agency's latest year with the indicator: Parepare 2023 (Tabel 3.2), Bekasi has no such indicator
    assert list(standar_tabel["tahun"]) == [2023] * len(standar_tabel)
    at = buka(monkeypatch, db_bawaan, "pages/kualitas.py", query={"tingkat": ["galat"], "jenis": ["bukan_jenis"]})
    assert at.multiselect(key="kualitas_tingkat").value == ["galat"] and at.multiselect(key="kualitas_jenis").value == []


def test_serapan_tanpa_baris_total_sebagai_program_rendah(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, "pages/serapan.py", query={"s_instansi": "Dinas Sosial Kota Parepare", "ambang": "100"})
    # Parepare 2023 main table: pagu of the whole budget is printed elsewhere in the report, never "–"
    assert metrik(at) == {"Pagu": "Rp 9.202.224.555", "Realisasi": "Rp 6.447.258.513", "Serapan": "70,06%"}
    teks = " ".join(w.value for w in at.warning)
    assert "Program Perlindungan dan Jaminan Sosial" in teks and "Realisasi anggaran Dinas Sosial" not in teks


@pytest.mark.parametrize("halaman", ["pages/ringkasan.py", "pages/perbandingan.py", "pages/serapan.py", "pages/efisiensi.py",
                                     "pages/tren.py"])
def test_grafik_memakai_templat_aplikasi(monkeypatch, db_bawaan, halaman):
    # every chart as sent to the browser carries the app's look (lkjip.charts.TEMPLAT: plotly_white for the trace
    # types drawn), and the Indonesian separators
    import plotly.io as pio
    from plotly.utils import PlotlyJSONEncoder

    from lkjip import charts

    harap = json.loads(json.dumps(pio.templates[charts.TEMPLAT].to_plotly_json(), cls=PlotlyJSONEncoder))
    at = buka(monkeypatch, db_bawaan, halaman)
    spek = [json.loads(g.proto.spec) for g in at.get("plotly_chart")]
    assert spek
    for s in spek:
        assert _dekode(s["layout"]["template"]) == _dekode(harap) and s["layout"]["separators"] == ",."
