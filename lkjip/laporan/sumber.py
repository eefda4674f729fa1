"""Where the draft reads what other parts of the product record: one function per source.

Each function is the single place to point at a richer source when it exists:
- ``kunci_pembanding`` / ``nilai_pembanding``: which indicators of different agencies count as "the same" (today
  the theme), and each agency's value per key;
- ``catatan_indikator``: faktor pendukung / penghambat / tindak lanjut per indicator-year (lkjip.reviu);
- ``putusan_temuan``: a reviewer's verdict on each reconciliation finding (lkjip.reviu).
"""
from __future__ import annotations

import pandas as pd

from ..vocab import TEMA

KOLOM_CATATAN = ["instansi", "tahun", "indikator", "jenis", "isi"]
JENIS_CATATAN = {
    "faktor_pendukung": "Faktor pendukung",
    "faktor_penghambat": "Faktor penghambat",
    "tindak_lanjut": "Tindak lanjut / rencana aksi",
}

# What the comparison key is called in the draft (the table header and the sentences).
NAMA_KUNCI_PEMBANDING = "Tema"
DASAR_PEMBANDING = ("tema indikator (lima layanan SPM Bidang Sosial dan tema umum), karena belum ada pemetaan "
                    "indikator standar antarinstansi")


def _kunci_tema(tema: pd.Series) -> pd.Series:
    return (tema.where(tema.notna() & (tema != "lainnya")) if len(tema) else pd.Series(dtype=object)).astype(object)


def kunci_pembanding(store, ind: pd.DataFrame) -> pd.Series:
    """Per indicator row, the key that makes it comparable with other agencies' indicators.

    Today the theme (``tema``); the theme ``lainnya`` and an empty theme are not comparable (NaN).
    """
    return _kunci_tema(ind["tema"]) if len(ind) else pd.Series(dtype=object)


def nilai_pembanding(store, tahun: int, batas: float | None) -> pd.DataFrame:
    """Per agency and comparison key (as ``kunci_pembanding``) of one year, the mean of its indicators' capaian,
    each capped at ``batas`` (columns kunci, instansi, nilai), computed in the database: no agency's rows are
    read. Replaced together with ``kunci_pembanding``."""
    from ..store import agregat

    df = agregat.capaian_tema(store, tahun=[int(tahun)], batas=batas)
    return (pd.DataFrame({"kunci": _kunci_tema(df["tema"]), "instansi": df["instansi"], "nilai": df["cap"].astype(float)})
            .dropna().reset_index(drop=True))


def nama_pembanding(store, kunci: str) -> str:
    """The people's name of a comparison key."""
    return TEMA.get(kunci, str(kunci))


def catatan_indikator(store, instansi: str, tahun: int) -> pd.DataFrame:
    """Notes on causes and follow-up per indicator of one agency-year, as recorded on the Kualitas data page.

    Columns ``instansi, tahun, indikator, jenis, isi`` with ``jenis`` one of ``JENIS_CATATAN``; a note written
    by the reviewer is marked as such. Empty when none is recorded (the draft then shows a placeholder).
    """
    from .. import reviu

    df = reviu.catatan_indikator(store, instansi, tahun)
    if not len(df):
        return pd.DataFrame({k: pd.Series(dtype="Int64" if k == "tahun" else object) for k in KOLOM_CATATAN})
    isi = df["isi"].where(df["pihak"] != "reviewer", "(catatan reviewer) " + df["isi"].astype(str))
    return df.assign(isi=isi)[KOLOM_CATATAN].reset_index(drop=True)


def putusan_temuan(store, temuan: pd.DataFrame) -> pd.Series:
    """A reviewer's verdict per finding (aligned with ``temuan``'s index); None where none is recorded.

    ``temuan`` is the findings of one agency-year as ``checks.temuan`` returns them; verdicts are matched on
    the findings' stable key (lkjip.reviu).
    """
    from .. import checks, reviu

    if not len(temuan):
        return pd.Series([], index=temuan.index, dtype=object)
    kunci = checks.kunci_temuan(temuan)
    instansi = sorted(temuan["instansi"].dropna().unique())
    tahun = sorted(int(t) for t in temuan["tahun"].dropna().unique())
    rev = reviu.daftar_reviu(store, instansi, tahun or None)
    nama = {k: reviu.PUTUSAN[p][0] for k, p in zip(rev["kunci"], rev["putusan"]) if isinstance(p, str)}
    return pd.Series([nama.get(k) for k in kunci], index=temuan.index, dtype=object)
