"""Excel/CSV/ODS/HTML tables -> canonical tables, with every problem found (sheet, row, column) in
Bahasa Indonesia, and what was understood shown so a planner can check it against the paper.

Public API (used by the upload page and by ``python -m lkjip import``):

- ``pratinjau(data, nama_file, instansi=None, tahun=None, simpan_salah_cetak=False, sumber=None,
  keputusan=None, profil=None)`` reads a file and returns a ``Pratinjau``: what was understood
  (``.lembar``: one ``LembarTerbaca`` per table found — several may share a sheet — with its header
  rows, which column became which field, the unit scale, agency, year, period), the rows that would
  be written (``.tabel``: one DataFrame per table of the store), the sheets not imported
  (``.lembar_lain``: hidden, chart, cover) and the problems (``.masalah``: ``Masalah`` with
  ``tingkat`` galat/peringatan/info, ``lembar``, ``baris``, ``kolom``, ``nilai``, ``pesan``).
  ``.galat`` are the blocking ones; ``.bisa_disimpan`` says whether ``simpan`` may write it.
  Nothing is written. Raises ``GalatBerkas`` when the file itself cannot be read.
- ``pratinjau_berkas(path, **kw)``: the same for a file on disk.
- ``keputusan.Keputusan``: a person's decisions (header rows, column fields, unit, sheets, tables,
  agency, polarity); ``profil``: import profiles stored in the database.
- ``atur_polaritas(p, indikator, polaritas)`` and ``atur_tema(p, indikator, tema)``: the user's
  correction of one indicator in a preview; capaian is recomputed (``lkjip.measures.capaian``).
- ``cuplikan(p, n)``: the first indicator rows as they would be written, for people.
- ``ringkasan``: totals read per table and the preview as text (``--dry-run``).
- ``lkjip.ingest.simpan``: ``simpan`` (one transaction), ``konflik``, ``batalkan``, ``riwayat``.

The pipeline, one module per step: ``berkas``/``format_lain`` (read the file) -> ``temukan``/
``tabel``/``renja`` (find the tables and map their headers) -> ``keputusan`` (apply corrections) ->
``pembaca``/``indikator``/``anggaran``/``lain`` with ``judul``/``kode`` (read and interpret rows:
units, levels from codes, polarity evidence, quarters) -> ``ringkasan`` (totals, checks) -> ``alur``.
Rows of our template marked ``CONTOH`` (in the Instansi or Catatan column) are examples: skipped.
"""
from __future__ import annotations

from .alur import pratinjau, pratinjau_berkas
from .berkas import GalatBerkas
from .keputusan import AturanTabel, Keputusan
from .koreksi import atur_polaritas, atur_tema, cuplikan
from .model import LembarLain, LembarTerbaca, Masalah, Pratinjau, huruf_kolom

__all__ = ["AturanTabel", "GalatBerkas", "Keputusan", "LembarLain", "LembarTerbaca", "Masalah", "Pratinjau",
           "atur_polaritas", "atur_tema", "cuplikan", "huruf_kolom", "pratinjau", "pratinjau_berkas"]
