"""Streamlit glue, cache keys: a fingerprint of a value's content, for the caches that keep a rendering (table
formats, charts) shared by every rerun and session that shows the same content.

Streamlit's own hashing of a frame (``pd.util.hash_pandas_object`` on every column) took 4–8 ms for a 30-row
table of text and numbers, on every rerun, for every chart of a page; this reads numbers by their bytes and
text through Python's own string hash (which each string computes once), about a tenth of that.
"""
from __future__ import annotations

import pandas as pd


def _kosong(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


def sidik_frame(df: pd.DataFrame) -> tuple:
    """The content of a frame: its columns, types and every value. Raises TypeError for an unhashable value."""
    isi = []
    for k in df.columns:
        nilai = df[k].to_numpy()
        if nilai.dtype.kind in "biufM":
            isi.append(hash(nilai.tobytes()))
        else:  # an empty cell counts as None whatever its kind (NaN, None, pd.NA); NaN would hash by identity
            isi.append(hash(tuple(None if _kosong(v) else v for v in nilai)))
    return tuple(df.columns), tuple(str(t) for t in df.dtypes), len(df), tuple(isi)


def sidik(x) -> object:
    """A hashable fingerprint of frames, series, lists, tuples, dicts and plain values, nested. Equal content gives
    an equal fingerprint; the kind is part of it (a list and a tuple of the same items differ). Raises TypeError for
    anything else, so a caller can fall back to another way of caching."""
    if isinstance(x, pd.DataFrame):
        return ("df", sidik_frame(x))
    if isinstance(x, pd.Series):
        return ("seri", x.name, sidik_frame(x.to_frame(name=0)), sidik_frame(x.index.to_frame(name=0)))
    if isinstance(x, (list, tuple)):
        return (type(x).__name__, *(sidik(v) for v in x))
    if isinstance(x, dict):
        return ("dict", *((sidik(k), sidik(v)) for k, v in x.items()))
    if x is None or isinstance(x, (str, bool, int, float)):
        return (type(x).__name__, None if _kosong(x) else x)
    raise TypeError(f"tidak ada sidik untuk {type(x).__name__}")
