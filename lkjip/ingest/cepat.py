"""Bulk path for large CSV files in our template's layout (filled in below)."""
from __future__ import annotations


def pratinjau_cepat(data: bytes, nama_file: str, kemajuan=None, **kw):
    return None
