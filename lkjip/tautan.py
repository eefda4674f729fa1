"""The link of a view: URL query parameters <-> the sidebar filters and each page's own controls.

One table (``PARAM``) says which query parameter holds which widget's value, of what kind, with what
default; ``dari_query`` reads a URL's parameters into widget values (anything malformed is dropped,
never guessed) and ``ke_query`` writes widget values back, leaving defaults out so links stay short.
No Streamlit here: lkjip.web_saringan binds it to ``st.query_params`` and ``st.session_state``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping
from urllib.parse import urlencode

from . import checks, measures
from .analisis import MIN_INDIKATOR_PERINGKAT, PERIODE
from .vocab import TEMA


@dataclass(frozen=True)
class Param:
    url: str  # query parameter name
    kunci: str  # widget key in st.session_state
    jenis: str  # teks | bulat | desimal | daftar_teks | daftar_bulat | bendera | pilihan | daftar_pilihan
    bawaan: Any = None
    pilihan: tuple = ()  # allowed values for pilihan / daftar_pilihan
    batas: tuple[float, float] | None = None  # allowed range for bulat / desimal


# halaman: "" = shared sidebar (every page); else the page's URL path as st.navigation names it.
PARAM: dict[str, tuple[Param, ...]] = {
    "": (
        Param("instansi", "f_instansi", "daftar_teks", ()),
        Param("tahun", "f_tahun", "daftar_bulat", ()),
        Param("tema", "f_tema", "pilihan", None, tuple(TEMA)),
        Param("bahasa", "f_bahasa", "bendera", False),
        Param("batas", "f_batas", "desimal", measures.BATAS_RATA_RATA_BAWAAN, batas=(100.0, 1000.0)),
        Param("periode", "f_periode", "pilihan", PERIODE[0], PERIODE),
        Param("min", "f_min", "bulat", MIN_INDIKATOR_PERINGKAT, batas=(1, 100)),
    ),
    "tren": (
        Param("mode", "tren_mode", "pilihan", "instansi", ("instansi", "indikator", "standar", "tema")),
        Param("indikator", "tren_indikator", "teks"),
        Param("standar", "tren_standar", "teks"),
        Param("tema_tren", "tren_tema", "pilihan", None, tuple(TEMA)),
    ),
    "perbandingan": (
        Param("cari", "banding_cari", "teks", ""),
        Param("n", "banding_n", "bulat", None, batas=(1, 10000)),
        Param("standar", "banding_standar", "teks"),
    ),
    "serapan": (
        Param("s_instansi", "serapan_instansi", "teks"),
        Param("s_tahun", "serapan_tahun", "bulat", None, batas=(1900, 2200)),
        Param("tabel", "serapan_sumber", "teks"),
        Param("ambang", "serapan_ambang", "bulat", 50, batas=(0, 100)),
    ),
    "kualitas": (
        Param("jenis", "kualitas_jenis", "daftar_pilihan", (), tuple(checks.JENIS)),
        Param("tingkat", "kualitas_tingkat", "daftar_pilihan", (), tuple(checks.TINGKAT)),
    ),
}


def param_halaman(halaman: str | None) -> tuple[Param, ...]:
    """The shared parameters and those of one page (by its URL path; "" or None = the default page)."""
    return PARAM[""] + PARAM.get(halaman or "", ()) if halaman else PARAM[""]


def _satu(nilai: str, p: Param) -> Any:
    """One URL value -> a widget value, or None when it is not valid for this parameter."""
    nilai = nilai.strip()
    if p.jenis in ("teks", "daftar_teks"):
        return nilai or None
    if p.jenis in ("pilihan", "daftar_pilihan"):
        return nilai if nilai in p.pilihan else None
    if p.jenis == "bendera":
        return {"1": True, "en": True, "ya": True, "true": True, "0": False, "false": False}.get(nilai.lower())
    if p.jenis in ("bulat", "daftar_bulat"):
        if not nilai.lstrip("-").isdigit():
            return None
        x: float = int(nilai)
    else:  # desimal
        try:
            x = float(nilai)
        except ValueError:
            return None
        if not math.isfinite(x):
            return None
    if p.batas and not p.batas[0] <= x <= p.batas[1]:
        return None
    return x


def dari_query(query: Mapping[str, Iterable[str]], halaman: str | None = None) -> dict[str, Any]:
    """URL parameters (name -> list of values) -> {widget key: value} for the shared and page controls.

    Parameters that are absent or malformed are left out (the widget keeps its default).
    """
    hasil: dict[str, Any] = {}
    for p in param_halaman(halaman) if halaman is not None else [q for g in PARAM.values() for q in g]:
        if p.url not in query:
            continue
        nilai = [query[p.url]] if isinstance(query[p.url], str) else list(query[p.url])
        if p.jenis.startswith("daftar"):
            daftar = [v for v in (_satu(n, p) for n in nilai) if v is not None]
            hasil[p.kunci] = list(dict.fromkeys(daftar))
        elif nilai:
            v = _satu(nilai[-1], p)
            if v is not None:
                hasil[p.kunci] = v
    return hasil


def _teks(v: Any) -> str:
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float):
        return format(v, "g") if not v.is_integer() else str(int(v))
    return str(v)


def ke_query(nilai: Mapping[str, Any], halaman: str | None) -> dict[str, str | list[str]]:
    """{widget key: value} -> URL parameters of the shared and page controls; defaults and empties left out."""
    hasil: dict[str, str | list[str]] = {}
    for p in param_halaman(halaman):
        if p.kunci not in nilai:
            continue
        v = nilai[p.kunci]
        if p.jenis.startswith("daftar"):
            daftar = [_teks(x) for x in (v or [])]
            if daftar:
                hasil[p.url] = daftar
            continue
        if v is None or v == "" or v == p.bawaan:
            continue
        if p.jenis == "bendera":
            if p.url == "bahasa":
                hasil[p.url] = "en"
            else:
                hasil[p.url] = _teks(v)
            continue
        hasil[p.url] = _teks(v)
    return hasil


def alamat(dasar: str, query: Mapping[str, str | list[str]]) -> str:
    """The full link: base URL (scheme, host, path) plus the query parameters."""
    qs = urlencode(query, doseq=True)
    return f"{dasar}?{qs}" if qs else dasar
