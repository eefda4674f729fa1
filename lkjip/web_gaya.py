"""Streamlit glue, texts Streamlit draws itself: the file uploader's button, size limit and drag hint
have no parameter for their wording (Streamlit 1.67), so a style sheet puts the page's language over
them. Local CSS only: nothing is loaded from elsewhere."""
from __future__ import annotations

import streamlit as st

_DZ = "[data-testid='stFileUploaderDropzone']"


def _css_teks(teks: str) -> str:
    """A CSS string literal (``content: "..."``)."""
    return '"' + teks.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ") + '"'


def teks_pengunggah(tombol: str, batas: str, seret: str) -> str:
    """The style sheet that replaces the uploader's button label, its limit line and its drag hint."""
    ganti = [
        (f"{_DZ} button [data-testid='stMarkdownContainer'] p", tombol),  # "Upload"
        ("[data-testid='stFileUploaderDropzoneInstructions'] span", batas),  # "20MB per file • XLSX, ..."
        (f"{_DZ} > input + div > span", seret),  # "Drag and drop a file here", while a file is dragged over
    ]
    aturan = [f"{pilih} {{ font-size: 0 !important; }}\n{pilih}::after {{ content: {_css_teks(teks)}; font-size: 14px; }}"
              for pilih, teks in ganti]
    return "<style>\n" + "\n".join(aturan) + "\n</style>"


def pengunggah(s, batas_mb: int, jenis: list[str]) -> None:
    """Before ``st.file_uploader``: its own texts in the page's language (``jenis``: the accepted extensions)."""
    batas = s.t("ug.dz_batas", mb=batas_mb, jenis=", ".join(j.upper() for j in jenis if j != "htm"))
    st.html(teks_pengunggah(s.t("ug.dz_tombol"), batas, s.t("ug.dz_seret")))
