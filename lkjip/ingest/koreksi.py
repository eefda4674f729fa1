"""A person's corrections of one indicator in a preview (polarity, theme), and the indicator rows as
they would be written, for people."""
from __future__ import annotations

import pandas as pd

from .. import measures
from ..vocab import TEMA, baku_polaritas
from ..numbers import format_angka
from .indikator import AWAL_POLARITAS_SARAN, TRIWULAN
from .model import Pratinjau


def _baris_indikator(p: Pratinjau, indikator: str) -> pd.Series:
    df = p.tabel.get("indikator")
    if df is None or not len(df):
        raise ValueError("pratinjau ini tidak berisi indikator")
    pilih = df["indikator"] == indikator
    if not pilih.any():
        raise ValueError(f"indikator '{indikator}' tidak ada di pratinjau ini")
    return pilih


def atur_polaritas(p: Pratinjau, indikator: str, polaritas: str) -> int:
    """Set the polarity of one indicator (every year and agency of the preview) and recompute its capaian.

    ``polaritas``: positif (higher is better), negatif (lower is better, e.g. a poverty rate) or
    ordinal (a grade). Returns the number of rows changed; ValueError (Bahasa Indonesia) when the
    indicator or the polarity is unknown. Everything else in the row is kept.
    """
    pol = baku_polaritas(polaritas)
    if pol is None:
        raise ValueError(f"polaritas '{polaritas}' tidak dikenal. Pilihan: {', '.join(measures.POLARITAS)}")
    pilih = _baris_indikator(p, indikator)
    df = p.tabel["indikator"]
    for i in df.index[pilih]:
        r = df.loc[i]
        hc = measures.capaian(_nilai(r["target"]), _nilai(r["realisasi"]), pol,
                              _nilai(r["target_predikat"]), _nilai(r["realisasi_predikat"]))
        df.at[i, "polaritas"] = pol
        df.at[i, "capaian"] = hc.nilai
        df.at[i, "capaian_alasan"] = hc.alasan
        if "polaritas_dari" in df.columns:
            df.at[i, "polaritas_dari"] = "pengguna"
    if p.keputusan is not None:  # remembered, so that a profile saved from this preview keeps it
        p.keputusan.polaritas[indikator] = pol
    # the polarity is now the person's decision: the warning that it was only suggested no longer applies
    p.masalah = [m for m in p.masalah if not (m.nilai == indikator and m.pesan.startswith(AWAL_POLARITAS_SARAN))]
    return int(pilih.sum())


def atur_tema(p: Pratinjau, indikator: str, tema: str) -> int:
    """Set the theme tag of one indicator (one of ``lkjip.vocab.TEMA``). Returns the rows changed."""
    if tema not in TEMA:
        raise ValueError(f"tema '{tema}' tidak dikenal. Pilihan: {', '.join(TEMA)}")
    pilih = _baris_indikator(p, indikator)
    p.tabel["indikator"].loc[pilih, "tema"] = tema
    return int(pilih.sum())


def _nilai(v: object):
    return None if v is None or (isinstance(v, float) and v != v) or v is pd.NA else v


def cuplikan(p: Pratinjau, n: int = 10) -> pd.DataFrame:
    """The first ``n`` indicator rows as they would be written, for people: agency, year, sasaran,
    indicator, target and realisasi as printed, capaian recomputed beside capaian as printed; when the file
    gives the realisation per quarter (the K columns of the Renja form), the quarters ``realisasi_tw1..4``
    as stored (Indonesian figures), so they can be compared with the paper."""
    kolom = ["instansi", "tahun", "sasaran", "indikator", "polaritas", "target_teks", "realisasi_teks", "capaian",
             "capaian_dilaporkan_teks"]
    df = p.tabel.get("indikator")
    if df is None or not len(df):
        return pd.DataFrame(columns=kolom)
    triwulan = [b for b in TRIWULAN if b in df and df[b].notna().any()]
    hasil = df[kolom].head(n).reset_index(drop=True).astype(object)
    if triwulan:
        letak = hasil.columns.get_loc("realisasi_teks") + 1
        for i, b in enumerate(triwulan):
            hasil.insert(letak + i, b, [format_angka(v, 2, kosong=None) if v == v and v is not None else None
                                        for v in df[b].head(n)])
    return hasil.where(hasil.notna(), None)
