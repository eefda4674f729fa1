"""Streamlit glue, tables: numbers that sort as numbers and read the Indonesian way, downloads named
after what they hold, formula expanders and the empty state."""
from __future__ import annotations

import re
from typing import Callable

import pandas as pd
import streamlit as st

from . import export, label
from .numbers import format_angka
from .teks_aman import md  # noqa: F401  (pages call web.md)
from .web_format import KOSONG, gaya

# Long text columns: a width of their own (pixels) and, when a value is longer than fits, rows tall enough
# for the grid to wrap it (st.dataframe wraps text only when rows are taller than 4rem; it has no cell tooltip).
_KOLOM_NAMA = {"instansi": 190, "indikator": 260, "uraian": 300, "sasaran": 230, "program": 230, "nama_file": 200, "standar": 220}
_KOLOM_PANJANG = {"penjelasan": 360, "ringkasan": 300, "sumber": 190, "sumber_anggaran": 190, "tahun_data": 100, "rincian": 300}
_KOLOM_BULAT = ("tahun", "peringkat", "jumlah_indikator", "dibatasi", "temuan", "kedalaman", "id")
# The grid's font (14 px Source Sans) measured in chromium: "Rata-rata capaian (%)" 125 px, "Dinas Sosial Kota Pasuruan" 158 px
HURUF_PX = 6.2
TEPI_PX = 20  # cell padding and the header's sort mark
BARIS_PX = 18  # one wrapped line
MAKS_BARIS = 5
BARIS_PER_HALAMAN = 100  # a long table is shown a page at a time: every row shown is formatted and sent on every view


def tampil_tabel(df: pd.DataFrame, s, nama_berkas: str, rupiah: tuple[str, ...] = (), persen: tuple[str, ...] = (),
                 progres: tuple[str, ...] = (), angka: tuple[str, ...] = (), nilai: tuple[str, ...] = (), tinggi: int | None = None,
                 kunci: str | None = None, tampilan: dict[str, pd.Series] | None = None, warna: dict[str, Callable] | None = None,
                 konteks: dict[str, object] | None = None, on_select=None, unduh: pd.DataFrame | None = None,
                 lebar: dict[str, int] | None = None, per_halaman: int | None = None):
    """Show a table whose number columns sort as numbers and read the Indonesian way, and its downloads.

    rupiah: ``Rp 9.202.224.555``; persen and progres (serapan, capaian): two decimals, ``98,20%``;
    angka: ``1.234,56``; nilai: a target or actual as printed. Empty cells read "–". ``tampilan``
    replaces a column's text for display only (e.g. indentation); ``warna`` maps a column to a
    function value -> CSS; ``lebar``: narrower widths for a table that must fit more columns (long text
    wraps). The downloads carry the real numbers and the ``konteks`` columns, of ``unduh``
    when given (more columns than fit on screen), else of ``df``. ``per_halaman``: show at most that many
    rows, a page at a time (see ``potong_halaman``); the downloads still hold every row.
    """
    if not len(df):  # no grid for no rows (the grid would say "empty" in English); nothing to download either
        st.caption(s.t("u.tabel_kosong"))
        return None
    tampil = df.copy()
    for k, seri in (tampilan or {}).items():
        tampil[k] = seri.to_numpy()
    if per_halaman:
        tampil, _ = potong_halaman(tampil, s, kunci or nama_berkas, per_halaman, kolom_urut=list(df.columns))
    jenis: dict[str, str] = {}
    for kelompok, nama_jenis in ((rupiah, "rupiah"), (persen, "persen"), (progres, "persen"), (angka, "angka"), (nilai, "nilai")):
        jenis.update({k: nama_jenis for k in kelompok})
    for k in tampil.columns:
        if pd.api.types.is_bool_dtype(tampil[k]) and k not in jenis:
            jenis[k] = "sedikit" if k == "sedikit" else "tanda"
    for k in _KOLOM_BULAT:
        if k in tampil.columns and pd.api.types.is_numeric_dtype(tampil[k]) and k not in jenis:
            jenis[k] = "bulat"
    config = konfigurasi_kolom(tampil, list(df.columns), s.bahasa, jenis, rupiah, lebar)
    baris_px = tinggi_baris(tampil, config)
    if tinggi is None and baris_px:
        tinggi = 38 + min(len(tampil), 8) * baris_px + 2
    data = gaya(tampil, jenis, warna)
    pilih = st.dataframe(data, hide_index=True, width="stretch", column_config=config, height=tinggi or "auto", key=kunci,
                         placeholder=KOSONG, row_height=baris_px, **({"on_select": on_select, "selection_mode": "single-row"} if on_select else {}))
    tombol_unduh(df if unduh is None else unduh, s, nama_berkas, konteks)
    return pilih


def lebar_teks(n_huruf: int) -> int:
    """Pixels a header or cell of this many characters needs in the grid."""
    return int(n_huruf * HURUF_PX + TEPI_PX + 0.999)


def judul_bantuan(kolom: str, bahasa: str) -> tuple[str, str | None]:
    """A column's header as shown (short where the full one would be cut) and its tooltip: the full header
    and, for some, what the figure means. The downloads keep the full header."""
    lengkap = label.judul_kolom(kolom, bahasa)
    try:
        pendek = label.teks(f"kolp.{kolom}", bahasa)
    except KeyError:
        pendek = lengkap
    try:
        arti = label.teks(f"kolh.{kolom}", bahasa)
    except KeyError:
        arti = None
    bantuan = f"**{lengkap}**" + (f": {arti}" if arti else "") if (pendek != lengkap or arti) else None
    return pendek, bantuan


def konfigurasi_kolom(tampil: pd.DataFrame, kolom: list[str], bahasa: str, format_kolom: dict | None = None,
                      rupiah: tuple[str, ...] = (), lebar: dict[str, int] | None = None) -> dict[str, object]:
    """column_config for a table: short headers with the full one on hover, widths that fit the header and
    the figures, the first name column pinned. ``tampil``: the values as shown (for text widths); ``lebar``:
    a column's width where a page must fit more columns (a text column of those wraps too)."""
    format_kolom = format_kolom or {}
    atur = lebar or {}
    config: dict[str, object] = {}
    for i, k in enumerate(kolom):
        judul, bantuan = judul_bantuan(k, bahasa)
        perlu = lebar_teks(len(judul))
        if k in tampil.columns and pd.api.types.is_bool_dtype(tampil[k]):
            config[k] = st.column_config.TextColumn(judul, width=max(60, perlu), help=bantuan)
        elif k in format_kolom or (k in tampil.columns and pd.api.types.is_numeric_dtype(tampil[k])):
            lebar = 60 if k in _KOLOM_BULAT else (140 if k in rupiah else 90)
            config[k] = st.column_config.NumberColumn(judul, format="%d" if k in _KOLOM_BULAT else None, width=max(lebar, perlu),
                                                      help=bantuan)
        elif k in _KOLOM_NAMA:
            config[k] = st.column_config.TextColumn(judul, width=max(_KOLOM_NAMA[k], perlu), pinned=i == 0, help=bantuan)
        elif k in _KOLOM_PANJANG:
            config[k] = st.column_config.TextColumn(judul, width=max(_KOLOM_PANJANG[k], perlu), help=bantuan)
        else:
            config[k] = (st.column_config.TextColumn if k in atur else st.column_config.Column)(judul, help=bantuan)
        if k in atur:
            config[k]["width"] = max(atur[k], perlu)
    return config


def tinggi_baris(tampil: pd.DataFrame, config: dict[str, object]) -> int | None:
    """Row height that lets the grid wrap the longest text of a fixed-width text column (None: one line
    is enough). At most MAKS_BARIS lines; the whole text is in the downloads either way."""
    baris = 1
    for k, c in config.items():
        lebar = c.get("width") if isinstance(c, dict) else None
        if k not in tampil.columns or not isinstance(lebar, int) or not (k in _KOLOM_NAMA or k in _KOLOM_PANJANG or
                                                                       c.get("type_config", {}).get("type") == "text"):
            continue
        panjang = tampil[k].dropna().astype(str).str.len()
        if len(panjang):
            px = panjang.max() * HURUF_PX
            if px > lebar - TEPI_PX:  # words wrap whole: about a tenth of each line is left empty
                baris = max(baris, -(-int(px * 1.1) // (lebar - TEPI_PX)))
    if baris <= 1:
        return None
    return max(66, min(baris, MAKS_BARIS) * BARIS_PX + 14)  # st.dataframe wraps only above 4rem (64 px)


def potong_halaman(df: pd.DataFrame, s, kunci: str, per: int = BARIS_PER_HALAMAN,
                   kolom_urut: list[str] | None = None) -> tuple[pd.DataFrame, int]:
    """One page of a long table: (rows shown, position of the first). Above the table, a page number, a sort of
    all rows by one of ``kolom_urut`` (default: every column; the grid's own header sort sees one page only) and
    which rows of how many are shown. A table of at most ``per`` rows is shown whole, without the controls."""
    n = len(df)
    if n <= per:
        return df, 0
    jumlah = -(-n // per)
    k_hal, k_urut, k_arah = f"hal_{kunci}", f"urut_{kunci}", f"turun_{kunci}"
    if isinstance(st.session_state.get(k_hal), int) and st.session_state[k_hal] > jumlah:  # fewer rows after a filter
        st.session_state[k_hal] = jumlah
    pilihan = [k for k in (kolom_urut or list(df.columns)) if k in df.columns]
    if st.session_state.get(k_urut) not in (None, *pilihan):
        del st.session_state[k_urut]
    k1, k2, k3, k_teks = st.columns([1.5, 2, 1, 2.5], vertical_alignment="bottom")
    nomor = int(k1.number_input(s.t("u.halaman_tabel", jumlah=jumlah), min_value=1, max_value=jumlah, value=1, step=1,
                                key=k_hal))
    urut = k2.selectbox(s.t("u.urut"), pilihan, index=None, placeholder=s.t("u.urut_asli"), key=k_urut,
                        format_func=lambda k: label.judul_kolom(k, s.bahasa))
    turun = k3.toggle(s.t("u.turun"), key=k_arah)
    if urut:
        try:
            df = df.sort_values(urut, ascending=not turun, na_position="last", kind="stable")
        except TypeError:  # numbers and text in one column: ordered as text rather than failing
            df = df.sort_values(urut, ascending=not turun, na_position="last", kind="stable",
                                key=lambda k: k.map(lambda v: v if v is None or v != v else str(v)))
    awal = (nomor - 1) * per
    k_teks.caption(s.t("u.baris_tabel", awal=format_angka(awal + 1, 0), akhir=format_angka(min(awal + per, n), 0),
                       n=format_angka(n, 0)))
    return df.iloc[awal:awal + per], awal


def _bagian_nama(teks: object) -> str:
    return re.sub(r"[^0-9A-Za-z.]+", "-", str(teks)).strip("-.")[:60]


def nama_unduhan(halaman: str, instansi: object = None, tahun: object = None, sumber: object = None, isi: str | None = None) -> str:
    """A download's file name (without extension) after what it holds: page, content, agency, year, source table."""
    bagian = [halaman, isi]
    for x in (instansi, tahun):
        if isinstance(x, (list, tuple)):
            bagian.append("-".join(str(v) for v in x) if 0 < len(x) <= 3 else (f"{len(x)}-pilihan" if x else "semua"))
        elif x is not None:
            bagian.append(x)
    if sumber:
        bagian.append(sumber)
    return "_".join(_bagian_nama(b) for b in bagian if b not in (None, "") and _bagian_nama(b))


def tombol_unduh(df: pd.DataFrame, s, nama_berkas: str, konteks: dict[str, object] | None = None) -> None:
    """xlsx and CSV downloads of the real numbers; ``konteks`` (e.g. page, agency, year, source) become columns.
    The files are written only when a button is clicked."""
    def keluar() -> tuple[pd.DataFrame, dict[str, str]]:
        k = df.copy()
        for nama, v in (konteks or {}).items():  # after the table's own columns, so the first stays the agency or line
            if nama not in k.columns:
                k[nama] = v
        return k, label.judul_kolom_semua(list(k.columns), s.bahasa)

    def xlsx() -> bytes:
        k, judul = keluar()
        return export.ke_xlsx(k, nama_berkas[:31], judul)

    def csv() -> bytes:
        k, judul = keluar()
        return export.ke_csv(k.rename(columns=judul))

    k1, k2, _ = st.columns([1, 1, 4])
    k1.download_button(s.t("u.unduh_xlsx"), data=xlsx, file_name=f"{nama_berkas}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                       icon=":material/download:", key=f"xlsx_{nama_berkas}")
    k2.download_button(s.t("u.unduh_csv"), data=csv, file_name=f"{nama_berkas}.csv",
                       mime="text/csv", on_click="ignore", icon=":material/download:", key=f"csv_{nama_berkas}")


def rumus(s, *kunci: str) -> None:
    """An expander explaining the formulas of the measures shown."""
    with st.expander(s.t("u.rumus"), icon=":material/function:"):
        for k in kunci:
            st.markdown(label.rumus(k, s.bahasa))


def kosong(s, ada_data: bool) -> bool:
    """Show the empty state and return True when there is nothing to show."""
    from .web_data import daftar_instansi

    if not daftar_instansi():
        st.info(s.t("u.kosong"), icon=":material/info:")
        return True
    if not ada_data:
        st.info(s.t("u.kosong_saring"), icon=":material/filter_alt_off:")
        return True
    return False
