"""Chart builders (lkjip.charts): the reference lines drawn directly are exactly what plotly's add_vline /
add_hline draw."""
import plotly.graph_objects as go

from lkjip import charts


def _tata_letak(fig):
    d = fig.to_dict()["layout"]
    return d.get("shapes"), d.get("annotations")


def test_garis_tegak_sama_dengan_add_vline():
    dasar = lambda: go.Figure(go.Bar(x=[80.5, 120.0], y=["Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare"], orientation="h"))  # noqa: E731
    plotly_sendiri = dasar()
    plotly_sendiri.add_vline(x=100, line_dash="dot", line_color="#555", annotation_text="100%", annotation_position="top")
    kita = dasar()
    charts.garis_tegak(kita, 100, "100%")
    assert _tata_letak(kita) == _tata_letak(plotly_sendiri)


def test_garis_datar_sama_dengan_add_hline():
    dasar = lambda: go.Figure(go.Scatter(x=[50.0, 98.2], y=[60.0, 100.6], mode="markers"))  # noqa: E731
    plotly_sendiri = dasar()
    plotly_sendiri.add_hline(y=100, line_dash="dot", line_color="#555", annotation_text="Target tercapai",
                             annotation_position="bottom right")
    plotly_sendiri.add_annotation(x=10, y=120, text="Efisien", showarrow=False)
    kita = dasar()
    charts.garis_datar(kita, 100, "Target tercapai")
    kita.add_annotation(x=10, y=120, text="Efisien", showarrow=False)
    assert _tata_letak(kita) == _tata_letak(plotly_sendiri)


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
