"""Chart builders (lkjip.charts): a figure built at once with its reference lines is exactly what plotly's
add_vline / add_hline draw on it afterwards."""
import plotly.graph_objects as go

from lkjip import charts


def _tata_letak(fig):
    d = fig.to_dict()["layout"]
    return d.get("shapes"), d.get("annotations")


def test_garis_tegak_sama_dengan_add_vline():
    batang = lambda: go.Bar(x=[80.5, 120.0], y=["Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare"], orientation="h")  # noqa: E731
    plotly_sendiri = go.Figure(batang())
    plotly_sendiri.add_vline(x=100, line_dash="dot", line_color="#555", annotation_text="100%", annotation_position="top")
    kita = charts._figur_baru([batang()], garis=[charts.garis_tegak(100, "100%")])
    assert _tata_letak(kita) == _tata_letak(plotly_sendiri)


def test_garis_datar_sama_dengan_add_hline():
    titik = lambda: go.Scatter(x=[50.0, 98.2], y=[60.0, 100.6], mode="markers")  # noqa: E731
    plotly_sendiri = go.Figure(titik())
    plotly_sendiri.add_hline(y=100, line_dash="dot", line_color="#555", annotation_text="Target tercapai",
                             annotation_position="bottom right")
    plotly_sendiri.add_annotation(x=10, y=120, text="Efisien", showarrow=False)
    kita = charts._figur_baru([titik()], garis=[charts.garis_datar(100, "Target tercapai")],
                              annotations=[dict(x=10, y=120, text="Efisien", showarrow=False)])
    assert _tata_letak(kita) == _tata_letak(plotly_sendiri)


def test_figur_sekaligus_sama_dengan_diatur_sesudahnya():
    # the app's look, height, axes and traces given to the constructor: the figure plotly's update machinery made
    import pandas as pd

    df = pd.DataFrame({"instansi": ["Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare"],
                       "tahun": [2022, 2023, 2023], "capaian": [98.2, 101.6, None]})
    kita = charts.garis_tahun(df, "capaian", "Capaian")
    sesudah = go.Figure(layout=dict(template=charts.TEMPLAT))
    for t in kita.data:
        sesudah.add_trace(t)
    sesudah.update_xaxes(dtick=1, tickformat="d")
    sesudah.update_layout(separators=",.", height=420, margin=dict(l=10, r=10, t=40, b=10),
                          legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0), font=dict(size=13),
                          yaxis=dict(title="Capaian", ticksuffix="%"))
    assert kita.to_dict() == sesudah.to_dict()


def test_templat_aplikasi_walau_streamlit_mengganti_bawaan(monkeypatch):
    # Streamlit makes its own template plotly's default when it is imported, whatever the order of imports
    import json

    import pandas as pd
    import plotly.io as pio
    from plotly.utils import PlotlyJSONEncoder

    monkeypatch.setattr(pio.templates, "default", "streamlit")
    df = pd.DataFrame({"instansi": ["Dinas Sosial Kota Bekasi"], "tahun": [2023], "capaian": [101.6]})
    fig = charts.garis_tahun(df, "capaian", "Capaian")
    harap = json.dumps(pio.templates[charts.TEMPLAT].to_plotly_json(), cls=PlotlyJSONEncoder, sort_keys=True)
    assert json.dumps(fig.to_dict()["layout"]["template"], cls=PlotlyJSONEncoder, sort_keys=True) == harap


def _baris_anggaran(realisasi_kedua):
    # LKjIP Bekasi 2023, Tabel 3.9: two programs, one kegiatan under the first
    import pandas as pd

    return pd.DataFrame({
        "id": [1, 2, 3], "level": ["program", "kegiatan", "program"], "induk_id": [None, 1, None],
        "uraian": ["PROGRAM PENANGANAN BENCANA", "Penyediaan makanan", "PROGRAM REHABILITASI SOSIAL"],
        "pagu": [3_211_657_000.0, 1_000_000_000.0, 7_650_364_300.0],
        "realisasi": [2_324_516_984.0, 900_000_000.0, realisasi_kedua],
        "serapan": [2_324_516_984 / 3_211_657_000 * 100, 90.0,
                    None if realisasi_kedua is None else realisasi_kedua / 7_650_364_300 * 100],
    })


def test_treemap_berakar_semua_program_dengan_jumlahnya():
    # the boxes without a parent sit in one named root box sized and coloured by their sums (no dark frame)
    t = charts.treemap_anggaran(_baris_anggaran(6_627_934_073.0), 50).data[0]
    assert list(t.ids) == ["semua", "1", "2", "3"] and list(t.parents) == ["", "semua", "1", "semua"]
    assert t.labels[0] == "Semua program" and t.values[0] == 3_211_657_000 + 7_650_364_300
    assert t.marker.colors[0] == (2_324_516_984 + 6_627_934_073) / (3_211_657_000 + 7_650_364_300) * 100
    assert t.customdata[0][3] is None and t.customdata[0][0] == "Rp 10.862.021.300"  # a click on the root narrows nothing
    assert [c[3] for c in t.customdata[1:]] == [1, 2, 3]
    assert "jumlah kotak di peta" in t.customdata[0][4] and not any(c[4] for c in t.customdata[1:])  # said to be a sum
    tanpa = charts.treemap_anggaran(_baris_anggaran(None), 50).data[0]  # a program without realisasi: no sum, grey root
    assert tanpa.marker.colors[0] == charts.WARNA_TANPA_NILAI and tanpa.customdata[0][2] == "–"
    assert charts.treemap_anggaran(_baris_anggaran(None), 50, "en").data[0].labels[0] == "All programmes"
