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
    assert len(DIBANGUN) == 3 and sorted(gambar[3].data[0].x) == [50.0, 60.0, 70.0]
    # an argument without a fingerprint: still drawn, cached by Streamlit's own hashing
    for _ in range(2):
        web_grafik.tampil_grafik(_peringkat, df, 120.0, "Rata-rata", "id", catatan=frozenset({"x"}))
    assert len(DIBANGUN) == 4
