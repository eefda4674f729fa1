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
