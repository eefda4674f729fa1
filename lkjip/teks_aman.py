"""The one escaping path for data text (agency, indicator, program, file and sheet names, printed
number text) shown on a page: as Markdown (st.markdown, captions, alerts, labels) or inside a chart
(plotly's pseudo-HTML in names, labels and hover text). Data never becomes a link, markup or a formula.
"""
from __future__ import annotations

import html
import re

_MD_KHUSUS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


# GFM turns bare addresses into links even when their characters are escaped: an invisible word joiner
# (U+2060) after "://", "www" and "@" stops that without changing what a person reads.
_AUTOLINK = re.compile(r"(://|\bwww(?=\.)|@)", re.IGNORECASE)


def md(teks: object) -> str:
    """Data text shown inside Markdown: every Markdown, HTML and LaTeX character escaped, so a name never
    becomes a link (also not a bare address), a heading, a formula or markup. Line breaks become spaces."""
    t = _AUTOLINK.sub(lambda m: m.group(1) + "\u2060", re.sub(r"[\r\n]+", " ", str(teks)))
    return _MD_KHUSUS.sub(r"\\\1", t)


def grafik(teks: object) -> str:
    """Data text inside a plotly figure (trace names, category labels, hover text): plotly reads a small
    HTML subset there (<a href>, <b>, <br>...), so '<', '>' and '&' are written as entities."""
    return html.escape(str(teks), quote=False)
