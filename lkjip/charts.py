"""Figure builders: DataFrame in, plotly Figure out. Colours are fixed and colour-blind safe."""
from __future__ import annotations

import functools
import hashlib
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import sample_colorscale

from . import measures
from .label import judul_kolom as _judul_kolom
from .label import teks as _teks
from .numbers import format_angka, format_persen, format_rupiah, format_rupiah_singkat
from .teks_aman import grafik as _e

# Okabe-Ito, then Paul Tol's muted scheme: distinguishable with common colour-vision deficiencies.
PALET = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#999933",
         "#882255", "#44AA99", "#AA4499", "#117733", "#88CCEE", "#DDCC77", "#661100", "#6699CC"]
WARNA_KATEGORI = {
    "Sangat Tinggi": "#0072B2", "Tinggi": "#56B4E9", "Sedang": "#F0E442", "Rendah": "#E69F00", "Sangat Rendah": "#D55E00",
}
WARNA_TARGET, WARNA_REALISASI, WARNA_RENCANA = "#999999", "#0072B2", "#E69F00"
WARNA_TANPA_NILAI = "#CFD8DC"  # no value (e.g. a budget line without realisasi)


@functools.lru_cache(maxsize=8192)  # every rerun colours every agency
def indeks_warna(nama: str) -> int:
    """An agency's place in PALET, derived from its name alone: the same on every page and whichever agencies
    are added or removed (a stable hash of the name)."""
    kunci = " ".join(str(nama).lower().split())
    return int(hashlib.sha256(kunci.encode("utf-8")).hexdigest()[:8], 16) % len(PALET)


def warna_satu(nama: str) -> str:
    """An agency's colour (see indeks_warna)."""
    return PALET[indeks_warna(nama)]


# PALET as a stepped colour scale over the indexes -0,5..len-0,5: a marker colour given as indeks_warna is the
# agency's colour, and plotly checks one array of numbers instead of thousands of colour strings
SKALA_PALET = [[(i + j) / len(PALET), w] for i, w in enumerate(PALET) for j in (0, 1)]


SIMBOL = ["circle", "square", "diamond", "triangle-up", "triangle-down", "pentagon", "hexagon", "star", "cross", "x"]


@functools.lru_cache(maxsize=8192)
def simbol_instansi(nama: str) -> str:
    """An agency's marker shape, from its name like its colour (another part of the hash): two agencies that
    happen to share a colour are still told apart on line and scatter charts."""
    kunci = " ".join(str(nama).lower().split())
    return SIMBOL[int(hashlib.sha256(kunci.encode("utf-8")).hexdigest()[8:16], 16) % len(SIMBOL)]


# plotly's "plotly_white" restricted to the trace types drawn here: the same look, and half its size in the page.
TEMPLAT = "lkjip_putih"
JENIS_JEJAK = ("bar", "scatter", "heatmap", "treemap")
pio.templates[TEMPLAT] = go.layout.Template(layout=pio.templates["plotly_white"].layout,
                                            data={k: pio.templates["plotly_white"].data[k] for k in JENIS_JEJAK
                                                  if k in pio.templates["plotly_white"].data})


_TATA = dict(separators=",.", margin=dict(l=10, r=10, t=40, b=10), legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
             font=dict(size=13))  # the app's look of every figure


def _figur_baru(data=(), tinggi: int = 420, garis=(), **tata) -> go.Figure:
    """A new figure built at once: its traces ``data`` and its whole layout (the app's look, the height, the layout
    properties ``tata`` and the reference lines ``garis``, each a (line, label) pair) given to the constructor, which
    checks each property once. Setting them after (update_layout, update_xaxes, add_trace, add_shape) went through
    plotly's update machinery: 6–20 ms more a figure. Every figure is built here.

    It is made in the app's template, made plotly's default template (Streamlit sets its own as the default when it
    is imported, so this is checked at each figure): a new figure takes the default as it is, 14 ms less per figure
    here than setting ``template=``, which validates a deep copy of it."""
    if pio.templates.default != TEMPLAT:
        pio.templates.default = TEMPLAT
    layout = {**_TATA, "height": tinggi, **tata}
    if garis:
        layout["shapes"] = [bentuk for bentuk, _ in garis]
        layout["annotations"] = [teks for _, teks in garis] + list(layout.get("annotations", []))
    return go.Figure(data=list(data), layout=layout)


def garis_tegak(x: float, teks: str) -> tuple[dict, dict]:
    """A dotted reference line at x across the plot and its label on top, for ``_figur_baru(garis=...)``: what
    ``fig.add_vline(x, line_dash="dot", line_color="#555", annotation_text=teks, annotation_position="top")`` draws,
    without its search of every axis (tested equal)."""
    return (dict(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="y domain", line=dict(color="#555", dash="dot")),
            dict(text=teks, showarrow=False, x=x, xanchor="center", xref="x", y=1, yanchor="bottom", yref="y domain"))


def garis_datar(y: float, teks: str) -> tuple[dict, dict]:
    """The horizontal counterpart, its label at the bottom right (``add_hline(..., annotation_position="bottom right")``)."""
    return (dict(type="line", x0=0, x1=1, xref="x domain", y0=y, y1=y, yref="y", line=dict(color="#555", dash="dot")),
            dict(text=teks, showarrow=False, x=1, xanchor="right", xref="x domain", y=y, yanchor="top", yref="y"))


def _sumbu_rupiah(nilai: pd.Series, sumbu: str = "yaxis") -> dict:
    """The layout of an axis of rupiah: round ticks read as ``Rp 1,5 M``."""
    maks = float(nilai.max()) if len(nilai) and pd.notna(nilai.max()) else 0
    if maks <= 0:
        return {}
    langkah = 10 ** math.floor(math.log10(maks))
    if maks / langkah < 3:
        langkah /= 2
    ticks = [i * langkah for i in range(int(maks // langkah) + 2)]
    return {sumbu: dict(tickvals=ticks, ticktext=[format_rupiah_singkat(t) for t in ticks])}


_SUMBU_TAHUN = dict(dtick=1, tickformat="d")


def peringkat(df: pd.DataFrame, batas: float | None, judul: str, bahasa: str = "id") -> go.Figure:
    """Horizontal bars of average capaian per agency, best on top."""
    d = df.dropna(subset=["rata_capaian"])
    sedikit = d["sedikit"] if "sedikit" in d.columns else pd.Series(False, index=d.index)
    # ranked agencies best on top, then the marked ones (too few indicators), never mixed into the ranking
    d = d.assign(_s=sedikit.astype(bool)).sort_values(["_s", "rata_capaian"], ascending=[False, True])
    teks = [format_persen(v, 1) + (f" ⚠ {n} {_teks('c.n_indikator', bahasa)}" if s else "")
            for v, s, n in zip(d["rata_capaian"], d["_s"], d.get("jumlah_indikator", pd.Series(0, index=d.index)))]
    maks = float(d["rata_capaian"].max()) if len(d) else 100.0
    return _figur_baru([go.Bar(
        x=d["rata_capaian"], y=[_e(i) for i in d["instansi"]], orientation="h", marker_color=[warna_satu(i) for i in d["instansi"]],
        marker_pattern_shape=["/" if s else "" for s in d["_s"]], marker_opacity=[0.5 if s else 1 for s in d["_s"]],
        text=teks, textposition="outside", cliponaxis=False,
        hovertemplate="%{y}<br>" + judul + ": %{text}<extra></extra>",
    )], tinggi=max(220, 36 * len(d) + 80), garis=[garis_tegak(100, "100%")],
        # room on the right for the value and the few-indicator mark printed after each bar
        xaxis=dict(title=judul, ticksuffix="%", range=[0, max(maks, 100) * 1.3]), yaxis=dict(title=None))


def sebaran_kategori(df: pd.DataFrame, kategori: list[str], label: dict[str, str] | None = None, bahasa: str = "id") -> go.Figure:
    """Stacked bars: number of indicators per category for each agency."""
    jejak = []
    for k in kategori:
        nama = (label or {}).get(k, _judul_kolom(k, bahasa))
        jejak.append(go.Bar(y=[_e(i) for i in df["instansi"]], x=df[k], name=nama, orientation="h", marker_color=WARNA_KATEGORI[k],
                            hovertemplate="%{y}: %{x} " + _teks("c.n_indikator", bahasa) + "<extra>" + nama + "</extra>"))
    return _figur_baru(jejak, tinggi=max(220, 36 * len(df) + 100), barmode="stack", xaxis=dict(title=_teks("c.jumlah_indikator", bahasa)),
                       yaxis=dict(title=None, autorange="reversed"))


def garis_tahun(df: pd.DataFrame, y: str, judul: str, persen: bool = True,
                referensi: pd.DataFrame | None = None, kunci: str = "instansi", bahasa: str = "id") -> go.Figure:
    """One line per agency over the years; missing years are gaps (NaN), never zeros."""
    jejak = []
    for nama, g in df.groupby(kunci, sort=True):
        g = g.sort_values("tahun")
        jejak.append(go.Scatter(
            x=g["tahun"], y=g[y], mode="lines+markers", name=_e(nama), connectgaps=False,
            line=dict(color=warna_satu(nama), width=2.5), marker=dict(size=9, symbol=simbol_instansi(nama)),
            text=[format_persen(v) if persen else format_angka(v) for v in g[y]],
            hovertemplate="%{x}: %{text}<extra>" + _e(nama) + "</extra>",
        ))
    if referensi is not None and len(referensi):
        for nama, g in referensi.groupby(kunci, sort=True):
            jejak.append(go.Scatter(
                x=g["tahun"], y=g["target"], mode="lines", name=f"{_teks('c.target_renstra', bahasa)} · {_e(nama)}", connectgaps=False,
                line=dict(color=warna_satu(nama), dash="dash", width=1.5),
                hovertemplate="%{x}: " + _teks("c.target_renstra_hover", bahasa) + " %{y}<extra>" + _e(nama) + "</extra>",
            ))
    return _figur_baru(jejak, xaxis=_SUMBU_TAHUN, yaxis=dict(title=judul, ticksuffix="%" if persen else ""))


def sebaran_tahun(df: pd.DataFrame, y: str, judul: str, bahasa: str = "id") -> go.Figure:
    """Many agencies: median and interquartile band per year instead of hundreds of lines."""
    g = df.dropna(subset=[y]).groupby("tahun")[y]
    s = pd.DataFrame({"p25": g.quantile(0.25), "p50": g.median(), "p75": g.quantile(0.75), "n": g.size()}).reset_index()
    return _figur_baru([
        go.Scatter(x=s["tahun"], y=s["p75"], mode="lines", line=dict(width=0), showlegend=False, hoverinfo="skip"),
        go.Scatter(x=s["tahun"], y=s["p25"], mode="lines", line=dict(width=0), fill="tonexty", fillcolor="rgba(0,114,178,0.2)",
                   name=_teks("c.kuartil", bahasa), hoverinfo="skip"),
        go.Scatter(x=s["tahun"], y=s["p50"], mode="lines+markers", name=_teks("c.median", bahasa), line=dict(color=PALET[0], width=3),
                   text=[_teks("c.median_teks", bahasa, m=format_persen(m), n=n) for m, n in zip(s["p50"], s["n"])],
                   hovertemplate="%{x}: %{text}<extra></extra>"),
    ], xaxis=_SUMBU_TAHUN, yaxis=dict(title=judul, ticksuffix="%"))


def target_realisasi(df: pd.DataFrame, judul: str, referensi: pd.DataFrame | None = None, bahasa: str = "id") -> go.Figure:
    """Target vs realisasi bars per year (one agency, one indicator), with the Renstra target as a line."""
    jejak = [go.Bar(x=df["tahun"], y=df["target"], name=_teks("m.target", bahasa), marker_color=WARNA_TARGET),
             go.Bar(x=df["tahun"], y=df["realisasi"], name=_teks("m.realisasi", bahasa), marker_color=WARNA_REALISASI)]
    if referensi is not None and len(referensi):
        jejak.append(go.Scatter(x=referensi["tahun"], y=referensi["target"], name=_teks("c.target_renstra", bahasa), mode="lines+markers",
                                line=dict(color="#D55E00", dash="dash")))
    return _figur_baru(jejak, barmode="group", xaxis=_SUMBU_TAHUN, yaxis=dict(title=judul))


def peta_panas(matriks: pd.DataFrame, label_kolom: dict[str, str], judul: str) -> go.Figure:
    """Agency x theme heatmap of average capaian; empty cells mean no indicator of that theme."""
    z = matriks.values
    teks = [[format_persen(v, 1) if pd.notna(v) else "" for v in baris] for baris in z]
    return _figur_baru([go.Heatmap(
        z=z, x=[label_kolom.get(c, c) for c in matriks.columns], y=[_e(i) for i in matriks.index], text=teks, texttemplate="%{text}",
        colorscale=[[0, "#D55E00"], [0.5, "#F0E442"], [0.83, "#56B4E9"], [1, "#0072B2"]], zmin=0, zmax=120,
        colorbar=dict(title=judul, ticksuffix="%"), hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>", xgap=2, ygap=2,
    )], tinggi=max(260, 34 * len(matriks) + 160), xaxis=dict(side="top", tickangle=-30), yaxis=dict(autorange="reversed"))


def serapan_program(df: pd.DataFrame, bahasa: str = "id") -> go.Figure:
    """Grouped horizontal bars: serapan per national program, one bar per agency."""
    t = lambda k: _teks(k, bahasa)  # noqa: E731
    jejak = []
    for nama, g in df.groupby("instansi", sort=True):
        jejak.append(go.Bar(
            y=[_e(p) for p in g["program"]], x=g["serapan"], name=_e(nama), orientation="h", marker_color=warna_satu(nama),
            text=[format_persen(v, 1) for v in g["serapan"]], textposition="auto",
            customdata=[[format_rupiah(p), format_rupiah(r)] for p, r in zip(g["pagu"], g["realisasi"])],
            hovertemplate=f"%{{y}}<br>{t('m.serapan')} %{{text}}<br>{t('m.pagu')} %{{customdata[0]}}<br>"
                          f"{t('m.realisasi')} %{{customdata[1]}}<extra>" + _e(nama) + "</extra>",
        ))
    n = df["program"].nunique() * max(1, df["instansi"].nunique())
    return _figur_baru(jejak, tinggi=max(300, 22 * n + 120), barmode="group", xaxis=dict(title=t("m.serapan"), ticksuffix="%"),
                       yaxis=dict(title=None, autorange="reversed"))


AKAR_TREEMAP = "semua"  # the root box's id: every line (not a budget line's id, so a click on it narrows nothing)


def treemap_anggaran(baris: pd.DataFrame, ambang: float, bahasa: str = "id") -> go.Figure:
    """Program -> kegiatan -> sub kegiatan as a treemap sized by pagu, coloured by serapan.

    The boxes without a parent sit in one root box, "Semua program", sized and coloured by their sums (without it
    plotly draws an unnamed dark frame)."""
    t = lambda k: _teks(k, bahasa)  # noqa: E731
    d = baris[baris["level"].isin(["program", "kegiatan", "sub_kegiatan"]) & baris["pagu"].notna()].copy()
    ids = set(d["id"])
    d["induk"] = [str(int(p)) if pd.notna(p) and p in ids else AKAR_TREEMAP for p in d["induk_id"]]
    puncak = d[d["induk"] == AKAR_TREEMAP]
    pagu = float(puncak["pagu"].sum())
    realisasi = float(puncak["realisasi"].sum()) if puncak["realisasi"].notna().all() else None
    akar = {"id": AKAR_TREEMAP, "uraian": t("c.semua_program"), "induk": "", "pagu": pagu, "realisasi": realisasi,
            "serapan": measures.serapan(pagu, realisasi).nilai}
    d = pd.concat([pd.DataFrame([akar]), d[list(akar)]], ignore_index=True)
    skala = [[0, "#D55E00"], [min(ambang, 119) / 120, "#F0E442"], [1, "#0072B2"]]
    if d["serapan"].notna().all():
        marker = dict(colors=d["serapan"], colorscale=skala, cmin=0, cmax=120, colorbar=dict(title=t("m.serapan"), ticksuffix="%"))
    else:
        # lines without realisasi have no serapan: grey, never the colour of 0% absorption
        warna = sample_colorscale(skala, [min(max(v, 0), 120) / 120 if pd.notna(v) else 0 for v in d["serapan"]])
        marker = dict(colors=[w if pd.notna(v) else WARNA_TANPA_NILAI for w, v in zip(warna, d["serapan"])])
    return _figur_baru([go.Treemap(
        ids=[str(i) if i == AKAR_TREEMAP else str(int(i)) for i in d["id"]], labels=[_e(u) for u in d["uraian"]],
        parents=d["induk"], values=d["pagu"], branchvalues="total", marker=marker,
        # the root's figures are sums of the boxes drawn (a line without a readable pagu is not among them), said so
        # on hover: they may differ from the table's printed total shown above the map
        customdata=[[format_rupiah(p), format_rupiah(r), format_persen(s), None if i == AKAR_TREEMAP else int(i),
                     f"<br><i>{t('c.jumlah_kotak')}</i>" if i == AKAR_TREEMAP else ""]
                    for p, r, s, i in zip(d["pagu"], d["realisasi"], d["serapan"], d["id"])],
        hovertemplate=f"<b>%{{label}}</b><br>{t('m.pagu')} %{{customdata[0]}}<br>{t('m.realisasi')} %{{customdata[1]}}<br>"
                      f"{t('m.serapan')} %{{customdata[2]}}%{{customdata[4]}}<extra></extra>",
    )], tinggi=480)


def triwulan(df: pd.DataFrame, bahasa: str = "id") -> go.Figure:
    return _figur_baru([
        go.Bar(x=df["triwulan"], y=df["rencana"], name=_teks("c.rencana_kas", bahasa), marker_color=WARNA_RENCANA,
               text=[format_rupiah_singkat(v) for v in df["rencana"]], textposition="auto"),
        go.Bar(x=df["triwulan"], y=df["realisasi"], name=_teks("m.realisasi", bahasa), marker_color=WARNA_REALISASI,
               text=[format_rupiah_singkat(v) for v in df["realisasi"]], textposition="auto"),
    ], barmode="group", tinggi=360, **_sumbu_rupiah(pd.concat([df["rencana"], df["realisasi"]])))


MAKS_INSTANSI_TITIK = 12  # more agencies than this: the efficiency chart shows each agency's latest year, one trace


def titik_efisiensi(df: pd.DataFrame) -> pd.DataFrame:
    """The sasaran the efficiency chart draws: all, or beyond MAKS_INSTANSI_TITIK agencies each agency's latest year."""
    if df["instansi"].nunique() <= MAKS_INSTANSI_TITIK:
        return df
    return df[df["tahun"] == df.groupby("instansi")["tahun"].transform("max")]


def kuadran_efisiensi(df: pd.DataFrame, bahasa: str = "id") -> go.Figure:
    """Capaian (y) vs serapan (x) per sasaran; quadrants split at capaian 100% and the line capaian = serapan.

    Beyond MAKS_INSTANSI_TITIK agencies, each agency's latest year only (tens of thousands of points at national
    scale are neither readable nor light to send), drawn as one trace coloured per agency, without a legend."""
    t = lambda k: _teks(k, bahasa)  # noqa: E731
    jejak = []
    banyak = df["instansi"].nunique() > MAKS_INSTANSI_TITIK
    df = titik_efisiensi(df)
    kelompok = [(None, df)] if banyak else list(df.groupby("instansi", sort=True))
    for nama, g in kelompok:
        # arrays rather than lists: plotly checks a numpy array as a whole, a list element by element
        pagu = pd.to_numeric(g["pagu"], errors="coerce").fillna(0).clip(lower=0).to_numpy(dtype=float)
        warna = g["instansi"].map({i: indeks_warna(i) for i in g["instansi"].unique()}).to_numpy(dtype=float) if banyak else None
        jejak.append(go.Scatter(
            x=g["serapan"].to_numpy(dtype=float), y=g["rata_capaian"].to_numpy(dtype=float), mode="markers",
            name=_e(nama) if nama else None, showlegend=not banyak,
            marker=dict(size=np.clip(np.sqrt(pagu) / 4000, 10, 40), line=dict(width=1, color="#333"),
                        **(dict(color=warna, colorscale=SKALA_PALET, cmin=-0.5, cmax=len(PALET) - 0.5, showscale=False)
                           if banyak else dict(color=warna_satu(nama)))),
            text=np.array([_e(x) for x in g["sasaran"]], dtype=object),
            # numbers formatted by plotly with the layout's separators (",." : 98,20% and Rp 1.250.000), so the page
            # sends numbers rather than a formatted copy of each
            customdata=np.array([[p, f"{_e(i)} {th}"] for p, i, th in zip(g["pagu"], g["instansi"], g["tahun"])], dtype=object),
            hovertemplate=f"<b>%{{text}}</b><br>{t('m.capaian')} %{{y:.2f}}%<br>{t('m.serapan')} %{{x:.2f}}%<br>"
                          f"{t('m.pagu')} Rp %{{customdata[0]:,.0f}}<extra>%{{customdata[1]}}</extra>",
        ))
    maks = max(130.0, float(df[["serapan", "rata_capaian"]].max().max() or 0) + 10)
    jejak.append(go.Scatter(x=[0, maks], y=[0, maks], mode="lines", name=t("c.garis_sama"), line=dict(color="#999", dash="dash"),
                            hoverinfo="skip"))
    return _figur_baru(jejak, tinggi=480, garis=[garis_datar(100, t("c.target_tercapai"))],
                       annotations=[dict(x=maks * 0.2, y=maks * 0.95, text=t("c.efisien"), showarrow=False, font=dict(color="#0072B2")),
                                    dict(x=maks * 0.85, y=maks * 0.15, text=t("c.kurang_efisien"), showarrow=False,
                                         font=dict(color="#D55E00"))],
                       xaxis=dict(title=t("c.sumbu_serapan"), ticksuffix="%", range=[0, maks]),
                       yaxis=dict(title=t("c.sumbu_capaian_sasaran"), ticksuffix="%", range=[0, maks]))
