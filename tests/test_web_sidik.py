"""Cache keys of the shared renderings (lkjip.web_sidik): equal content gives an equal fingerprint, any change of a
value, an empty cell, a column, a type or the kind of container gives another; the chart cache keyed by it."""
import numpy as np
import pandas as pd
import pytest

from lkjip import charts, web_grafik
from lkjip.web_sidik import sidik


def _df() -> pd.DataFrame:
    return pd.DataFrame({"instansi": pd.array(["Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare", None], dtype="str"),
                         "rata_capaian": [98.2, np.nan, 100.6], "tahun": [2023, 2023, 2022]})


def test_isi_sama_sidik_sama():
    assert sidik(_df()) == sidik(_df().copy())
    assert hash(sidik([_df(), 120.0, "id", {"a": (1, 2)}])) == hash(sidik([_df(), 120.0, "id", {"a": (1, 2)}]))
    assert sidik(float("nan")) == sidik(float("nan"))  # an empty value is equal to itself


@pytest.mark.parametrize("ubah", [
    lambda d: d.assign(rata_capaian=[98.2, np.nan, 100.7]),
    lambda d: d.assign(rata_capaian=[98.2, 0.0, 100.6]),  # an empty cell is not zero
    lambda d: d.assign(instansi=pd.array(["Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare", ""], dtype="str")),
    lambda d: d.rename(columns={"tahun": "tahun_data"}),
    lambda d: d.astype({"tahun": "float64"}),
    lambda d: d.iloc[:2],
    lambda d: d[["tahun", "instansi", "rata_capaian"]],
])
def test_perubahan_apa_pun_sidik_lain(ubah):
    assert sidik(ubah(_df())) != sidik(_df())


def test_jenis_wadah_bagian_dari_sidik_dan_yang_tak_dikenal_ditolak():
    assert sidik([1, 2]) != sidik((1, 2)) and sidik(1) != sidik(1.0) != sidik("1") and sidik(True) != sidik(1)
    assert sidik(pd.Series([1, 2], name="a")) != sidik(pd.Series([1, 2], name="b"))
    with pytest.raises(TypeError):
        sidik(object())


DIBANGUN: list = []


def _peringkat(df, *a, catatan=None):
    DIBANGUN.append(df)
    return charts.peringkat(df, *a)


def _larik(x) -> list:
    """An array of a figure's dict: plotly writes numbers as base64 (``bdata``, ``dtype``)."""
    import base64

    return np.frombuffer(base64.b64decode(x["bdata"]), dtype=x["dtype"]).tolist() if isinstance(x, dict) else list(x)


def test_grafik_dibangun_sekali_per_isi(monkeypatch):
    web_grafik._figur.clear()
    gambar = []
    monkeypatch.setattr(web_grafik.st, "plotly_chart", lambda fig, **k: gambar.append(fig))
    df = _df().assign(dibatasi=0, jumlah_indikator=3, peringkat=[1, 2, 3])
    for _ in range(3):  # reruns and other sessions, each with its own copy of the same figures
        web_grafik.tampil_grafik(_peringkat, df.copy(), 120.0, "Rata-rata", "id")
    assert len(DIBANGUN) == 1 and gambar[0] is gambar[1] is gambar[2]
    web_grafik.tampil_grafik(_peringkat, df.assign(rata_capaian=[50.0, 60.0, 70.0]), 120.0, "Rata-rata", "id")
    web_grafik.tampil_grafik(_peringkat, df, 100.0, "Rata-rata", "id")  # another cap
    assert len(DIBANGUN) == 3 and sorted(_larik(gambar[3]["data"][0]["x"])) == [50.0, 60.0, 70.0]
    # an argument without a fingerprint: still drawn, cached by Streamlit's own hashing
    for _ in range(2):
        web_grafik.tampil_grafik(_peringkat, df, 120.0, "Rata-rata", "id", catatan=frozenset({"x"}))
    assert len(DIBANGUN) == 4


def test_spek_grafik_sama_dengan_plotly_dan_json_dibuat_sekali(monkeypatch):
    # what st.plotly_chart sends of a kept figure is the JSON Streamlit makes of the figure itself, and it is made
    # once for every rerun and session
    import plotly.io as pio
    import plotly.io._json
    import plotly.tools
    import streamlit as st

    assert web_grafik._SPEK_TETAP
    web_grafik._figur.clear()
    df = _df().assign(dibatasi=0, jumlah_indikator=3, peringkat=[1, 2, 3], rata_capaian=[98.2, 64.0, 100.6])
    dikirim, dibuat = [], []
    asli = plotly.io._json.to_json_plotly
    monkeypatch.setattr(plotly.io._json, "to_json_plotly", lambda *a, **k: dibuat.append(1) or asli(*a, **k))
    monkeypatch.setattr(st.delta_generator.DeltaGenerator, "_enqueue",
                        lambda self, jenis, proto, **k: dikirim.append(proto.spec) if jenis == "plotly_chart" else None)
    for _ in range(3):  # reruns and other sessions
        web_grafik.tampil_grafik(charts.peringkat, df.copy(), 120.0, "Rata-rata", "id")
    assert len(dibuat) == 1
    segar = charts.peringkat(df, 120.0, "Rata-rata", "id")
    harap = pio.to_json(plotly.tools.return_figure_from_figure_or_data(segar, validate_figure=True), validate=False)
    assert dikirim == [harap] * 3
    # any other figure or dict still goes through plotly's own functions
    assert plotly.tools.return_figure_from_figure_or_data(segar, True) == segar.to_dict()
    assert pio.to_json({"data": [], "layout": {}}, validate=False) == '{"data":[],"layout":{}}'
