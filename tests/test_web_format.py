"""Table cell formats (lkjip.web_format): the rendering kept for reuse shows exactly what a fresh one shows,
and a change of any value, format or colour gives a new rendering."""
import re

import numpy as np
import pandas as pd
from streamlit.elements.lib.pandas_styler_utils import marshall_styler
from streamlit.proto.ArrowData_pb2 import ArrowData

from lkjip import web_format


def _tampil(styler) -> tuple[pd.DataFrame, list]:
    """What the browser gets: the display text of every cell and the cell styles."""
    import pyarrow as pa

    proto = ArrowData()
    marshall_styler(proto, styler, "uji")
    teks = pa.ipc.open_stream(proto.styler.display_values).read_pandas()
    return teks, sorted(re.sub(r"T_\w+?_row", "T_row", proto.styler.styles).split("}"))  # the table's own uuid aside


def _tabel(pagu: float = 9_202_224_555) -> pd.DataFrame:
    return pd.DataFrame({"instansi": ["Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan"],
                         "pagu": [pagu, np.nan, 1_250_000.0], "serapan": [98.2, 100.6, np.nan], "sedikit": [False, True, False],
                         "tahun": [2023, 2023, 2022]})


JENIS = {"pagu": "rupiah", "serapan": "persen", "sedikit": "sedikit", "tahun": "bulat"}
WARNA = {"serapan": lambda v: "background-color: #fde2cc" if v == v and v < 99 else ""}


def test_rendering_tersimpan_sama_dengan_baru():
    df = _tabel()
    teks, gaya = _tampil(web_format.gaya(df, JENIS, WARNA))
    baru_teks, baru_gaya = _tampil(web_format._bangun(df, JENIS, {k: df[k].map(f) for k, f in WARNA.items()}))
    pd.testing.assert_frame_equal(teks, baru_teks)
    assert gaya == baru_gaya
    assert list(teks["pagu"]) == ["Rp 9.202.224.555", "–", "Rp 1.250.000"]
    assert list(teks["serapan"]) == ["98,20%", "100,60%", "–"]
    assert list(teks["sedikit"]) == ["", "⚠", ""] and list(teks["tahun"]) == ["2023", "2023", "2022"]
    assert any("#fde2cc" in g for g in gaya)
    # shown again (a rerun, another session): the same rendering, and the same text
    assert web_format.gaya(df.copy(), JENIS, WARNA) is web_format.gaya(df, JENIS, WARNA)
    pd.testing.assert_frame_equal(_tampil(web_format.gaya(df, JENIS, WARNA))[0], teks)


def test_nilai_format_atau_warna_lain_rendering_lain():
    teks = _tampil(web_format.gaya(_tabel(), JENIS, WARNA))[0]
    lain = _tampil(web_format.gaya(_tabel(pagu=1.0), JENIS, WARNA))[0]
    assert lain["pagu"][0] == "Rp 1" and teks["pagu"][0] == "Rp 9.202.224.555"
    angka = _tampil(web_format.gaya(_tabel(), {**JENIS, "pagu": "angka"}, WARNA))[0]
    assert angka["pagu"][0] == "9.202.224.555,00"
    tanpa_warna = _tampil(web_format.gaya(_tabel(), JENIS, {"serapan": lambda v: ""}))[1]
    assert not any("#fde2cc" in g for g in tanpa_warna)


def test_nilai_tak_bisa_di_hash_tetap_tampil():
    df = _tabel().assign(catatan=[["a"], ["b"], []])
    teks = _tampil(web_format.gaya(df, JENIS))[0]
    assert list(teks["pagu"]) == ["Rp 9.202.224.555", "–", "Rp 1.250.000"]


def test_tabel_besar_tidak_disimpan():
    df = pd.concat([_tabel()] * (web_format.MAKS_SEL_SIMPAN // 10 + 1), ignore_index=True)
    assert df.size > web_format.MAKS_SEL_SIMPAN
    assert web_format.gaya(df, JENIS) is not web_format.gaya(df, JENIS)
    assert _tampil(web_format.gaya(df, JENIS))[0]["pagu"][0] == "Rp 9.202.224.555"


def test_teks_tampil_dibuat_sekali_per_rendering(monkeypatch):
    from streamlit.elements.lib import pandas_styler_utils

    assert getattr(pandas_styler_utils._marshall_display_values, "_teks_tetap", False)  # the hook is in place
    dibuat, sel_demi_sel = [], []
    asli, asli_sel = web_format._terjemahan, pandas_styler_utils._use_display_values
    monkeypatch.setattr(web_format, "_terjemahan", lambda g: dibuat.append(1) or asli(g))
    monkeypatch.setattr(pandas_styler_utils, "_use_display_values", lambda df, styles: sel_demi_sel.append(1) or asli_sel(df, styles))
    df = _tabel(pagu=7_777.0)
    pertama = _tampil(web_format.gaya(df, JENIS, WARNA))
    for _ in range(3):  # reruns and other sessions: the rendering is not made again, and reads the same
        ulang = _tampil(web_format.gaya(df.copy(), JENIS, WARNA))
        pd.testing.assert_frame_equal(ulang[0], pertama[0])
        assert ulang[1] == pertama[1]
    assert len(dibuat) == 1 and not sel_demi_sel  # Streamlit's cell-by-cell text copy is never made for it
    assert list(pertama[0]["pagu"]) == ["Rp 7.777", "–", "Rp 1.250.000"]
    # a rendering that is not kept (one run only) goes through pandas and Streamlit every time
    _tampil(web_format._bangun(df, JENIS, {}))
    _tampil(web_format._bangun(df, JENIS, {}))
    assert len(sel_demi_sel) == 2 and len(dibuat) == 1


def _proto(styler) -> ArrowData:
    proto = ArrowData()
    styler.set_uuid("uji")
    marshall_styler(proto, styler, "uji")
    return proto


def test_rendering_kolom_demi_kolom_sama_byte_dengan_pandas():
    # every kind of column a page shows, formatted or not, empty cells of every sort, a filtered index, CSS
    # repeated over cells: the kept rendering (made column by column) sends the very bytes and CSS that pandas'
    # Styler read by Streamlit sends
    df = pd.DataFrame({
        "instansi": ["Dinas Sosial Kota Bekasi", None, "Dinas Sosial Kota Pasuruan", "Kota \"A\" <b>"],
        "tahun": [2023, 2022, 2021, 2020],
        "pagu": [9_202_224_555.0, np.nan, 0.0, -5.5],
        "serapan": [98.2, 100.6, np.nan, 1e-9],
        "rasio": [1.126, np.nan, 0.3, 46.0],
        "target": ["100", "90%", None, "≥ 80"],
        "lain": [1.5, np.nan, 2.0, 3.25],  # a float without a format: pandas' default (six decimals)
        "jumlah": pd.array([3, None, 0, 7], dtype="Int64"),
        "sedikit": [False, True, False, True],
        "tautan": [True, False, True, True],
        "waktu": pd.to_datetime(["2026-01-02 03:04:05", None, "2025-12-31 00:00:00", "2024-02-29 23:59:59"]),
        "teks kosong": ["", " ", "–", "nan"],
    }, index=[7, 3, 11, 0])
    jenis = {"pagu": "rupiah", "serapan": "persen", "rasio": "angka", "target": "nilai", "tahun": "bulat",
             "sedikit": "sedikit", "tautan": "tanda"}
    warna = {"serapan": lambda v: "background-color: #fde2cc" if v == v and v < 99 else "",
             "pagu": lambda v: "color: #b00; font-weight: bold" if v == v and v <= 0 else "",
             "rasio": lambda v: "background-color: #fde2cc" if v == v and v > 1 else ""}
    css = {k: df[k].map(f) for k, f in warna.items()}
    baru = _proto(web_format._bangun(df, jenis, css))
    tetap = _proto(web_format.gaya(df, jenis, warna))
    assert tetap.styler.display_values == baru.styler.display_values
    assert tetap.styler.styles == baru.styler.styles and "#fde2cc" in tetap.styler.styles and "#b00" in tetap.styler.styles
    # and shown again: the same bytes
    assert _proto(web_format.gaya(df.copy(), jenis, warna)).styler.display_values == baru.styler.display_values


def test_kolom_angka_desimal_rata():
    # the efficiency columns (selisih, rasio, NKA): two decimals on every row, so that a column reads aligned
    df = pd.DataFrame({"efisiensi_rasio": [1.0, 0.98, np.nan, 1.126], "nilai_nka": [46.0, -1.49, 0.3, 100.0]})
    teks = _tampil(web_format.gaya(df, {"efisiensi_rasio": "angka", "nilai_nka": "angka"}))[0]
    assert list(teks["efisiensi_rasio"]) == ["1,00", "0,98", "–", "1,13"]
    assert list(teks["nilai_nka"]) == ["46,00", "-1,49", "0,30", "100,00"]
