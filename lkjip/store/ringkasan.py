"""Summary tables the page figures read: derived from the data rows, rebuilt in the write that changes them.

The national figures (514 agencies x 10 years) scanned every budget row (220.000) and every indicator row
(58.000) on each cold page: 0,2-0,7 s a figure on PostgreSQL's row store. These tables hold what those
figures need, at the grain they need it: a few narrow columns, and for the budget a tenth of the rows:

- ``ringkas_capaian``: each IKU/PK row of sasaran level with the capaian used in analyses
  (``agregat.sql_capaian``) and its sasaran's text key (``agregat.sql_kunci_teks``);
- ``ringkas_anggaran``: budget sums, line counts and complete lines per agency-year, level and table
  (``utama``);
- ``ringkas_program``: program-level budget sums of the main tables per agency-year, name and code;
- ``ringkas_rumusan``: each indicator wording of the main tables per agency-year, with its unit, whether it
  is an IKU/PK of sasaran level, its theme and its first row (the page's lists of indicators);
- ``ringkas_tahun``: the agency-years each data table has, per import (the sidebar's lists, what each import
  wrote);
- ``ringkas_sasaran_anggaran``: per agency-year and sasaran (by its text key), the budget lines the report
  links to it: the source and level ``analisis.efisiensi_sasaran`` picks, summed.

They are never edited by hand and never backed up. Every write that changes data rows names the agencies
it touches (``Store.tandai_kotor``, which also marks their findings out of date); the store rebuilds those
agencies' summary rows in the same transaction, just before it commits (``bangun``), so a summary is
never older than the rows it sums. ``ringkas_sidik`` holds a fingerprint of the SQL below: when the rules
change (a new version of the code) or the tables are empty (a restored backup), opening the database
rebuilds them all (``pastikan``). ``selisih`` compares them with a fresh computation (the tests use it
after every kind of write, on both backends).
"""
from __future__ import annotations

import hashlib

from . import TABEL_DATA
from .agregat import sql_capaian, sql_kunci_teks, sql_peringkat_level

# table -> (columns, SELECT over the data rows with ``{where}`` for the agencies rebuilt)
TABEL: dict[str, tuple[str, str]] = {
    "ringkas_capaian": (
        "id, instansi_id, tahun, tema, sasaran, kunci_sasaran, capaian",
        f"""SELECT t.id, t.instansi_id, t.tahun, t.tema, t.sasaran, {sql_kunci_teks('t.sasaran')}, {sql_capaian()}
            FROM indikator t WHERE t.utama AND t.tingkat = 'sasaran' {{where}}""",
    ),
    "ringkas_anggaran": (
        "instansi_id, tahun, level, utama, pagu, realisasi, n, lengkap",
        """SELECT t.instansi_id, t.tahun, t.level, t.utama, SUM(t.pagu), SUM(t.realisasi), COUNT(*),
                  CAST(SUM(CASE WHEN t.pagu IS NOT NULL AND t.realisasi IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           FROM anggaran t WHERE TRUE {where} GROUP BY t.instansi_id, t.tahun, t.level, t.utama""",
    ),
    "ringkas_program": (
        "instansi_id, tahun, uraian, kode, pagu, realisasi",
        """SELECT t.instansi_id, t.tahun, t.uraian, t.kode, SUM(t.pagu), SUM(t.realisasi)
           FROM anggaran t WHERE t.utama AND t.level = 'program' {where}
           GROUP BY t.instansi_id, t.tahun, t.uraian, t.kode""",
    ),
    "ringkas_sasaran_anggaran": (
        "instansi_id, tahun, kunci_sasaran, sumber, pagu, realisasi",
        # per agency-year and sasaran (by text key), the budget lines of one source: of each source the lines at
        # its highest level (a program and its kegiatan are not added up twice), then the main table's source
        # first, the source with the highest level, the first by name
        f"""WITH ab AS (SELECT t.instansi_id, t.tahun, {sql_kunci_teks('t.sasaran')} AS kunci, t.sumber, t.pagu, t.realisasi,
                               CASE WHEN t.utama THEN 1 ELSE 0 END AS utama, {sql_peringkat_level('t.level')} AS peringkat
                        FROM anggaran t
                        WHERE t.sasaran IS NOT NULL AND t.pagu IS NOT NULL AND t.realisasi IS NOT NULL
                              AND t.sumber IS NOT NULL {{where}}),
                 sa AS (SELECT instansi_id, tahun, kunci, sumber, SUM(pagu) AS pagu, SUM(realisasi) AS realisasi,
                               MAX(utama) AS utama, MIN(peringkat) AS peringkat
                        FROM (SELECT ab.*, MIN(peringkat) OVER (PARTITION BY instansi_id, tahun, kunci, sumber) AS minp
                              FROM ab) AS z
                        WHERE peringkat = minp GROUP BY instansi_id, tahun, kunci, sumber),
                 sb AS (SELECT sa.*, ROW_NUMBER() OVER (PARTITION BY instansi_id, tahun, kunci
                                                        ORDER BY utama DESC, peringkat, sumber) AS rn FROM sa)
            SELECT instansi_id, tahun, kunci, sumber, pagu, realisasi FROM sb WHERE rn = 1""",
    ),
    "ringkas_rumusan": (
        "instansi_id, tahun, indikator, satuan, iku, tema, id_pertama",
        """SELECT t.instansi_id, t.tahun, t.indikator, t.satuan, t.tingkat = 'sasaran', t.tema, MIN(t.id)
           FROM indikator t WHERE t.utama {where}
           GROUP BY t.instansi_id, t.tahun, t.indikator, t.satuan, t.tingkat = 'sasaran', t.tema""",
    ),
    "ringkas_tahun": (
        "instansi_id, tahun, tabel, impor_id",
        " UNION ALL ".join(f"SELECT DISTINCT t.instansi_id, t.tahun, '{tabel}', t.impor_id FROM {tabel} t WHERE TRUE {{where}}"
                           for tabel in TABEL_DATA),
    ),
}
TABEL_SIDIK = "ringkas_sidik"
SEMUA = (*TABEL, TABEL_SIDIK)  # derived: not backed up, dropped and rebuilt freely
SIDIK = hashlib.sha256("\n".join(f"{k}:{v[0]}:{v[1]}" for k, v in TABEL.items()).encode()).hexdigest()[:16]


def bangun(cur, instansi: list[str] | None = None) -> None:
    """Inside a write: rebuild the summary rows of these agencies (by name; None = all), and drop the rows of
    agencies that no longer exist."""
    if instansi is None:
        hapus, isi, p = "TRUE", "", []
    else:
        pilih = "(SELECT id FROM instansi WHERE nama IN (SELECT unnest(?)))"
        hapus, isi, p = f"instansi_id IN {pilih} OR instansi_id NOT IN (SELECT id FROM instansi)", f" AND t.instansi_id IN {pilih}", [sorted(instansi)]
    for nama, (kolom, sql) in TABEL.items():
        cur.execute(f"DELETE FROM {nama} WHERE {hapus}", p)
        cur.execute(f"INSERT INTO {nama} ({kolom}) {sql.replace('{where}', isi)}", p * sql.count("{where}"))


def bangun_semua(cur) -> None:
    """Inside a write: rebuild every summary row and record the rules they were built by."""
    bangun(cur)
    cur.execute(f"DELETE FROM {TABEL_SIDIK}")
    cur.execute(f"INSERT INTO {TABEL_SIDIK} VALUES (?)", [SIDIK])


def pastikan(store) -> bool:
    """Rebuild every summary table when they were built by other rules or never (a new or restored database).
    Returns True when it rebuilt them."""
    lama = store.satu(f"SELECT max(sidik) FROM {TABEL_SIDIK}")
    if lama == SIDIK:
        return False
    # new rules change figures a running process may have cached (a new data version); a first build does not
    with store.transaksi(naikkan_versi=lama is not None) as cur:
        if cur.execute(f"SELECT max(sidik) FROM {TABEL_SIDIK}").fetchone()[0] == SIDIK:
            return False  # another process rebuilt them while this one waited for the write lock
        bangun_semua(cur)
    return True


def selisih(store) -> dict[str, int]:
    """Per summary table, how many rows differ from a fresh computation over the data rows (0 = up to date)."""
    hasil = {}
    for nama, (kolom, sql) in TABEL.items():
        baru = sql.replace("{where}", "")
        # sums compared to the cent: a sum of the same doubles in another order may differ in its last bit
        nilai = ", ".join(f"CAST({k} AS DECIMAL(38, 2))" if k in ("pagu", "realisasi") else k for k in kolom.split(", "))
        hasil[nama] = int(store.satu(
            f"SELECT count(*) FROM ((SELECT {nilai} FROM {nama} EXCEPT ALL SELECT {nilai} FROM ({baru}) AS b ({kolom})) "
            f"UNION ALL (SELECT {nilai} FROM ({baru}) AS c ({kolom}) EXCEPT ALL SELECT {nilai} FROM {nama})) AS d"))
    return hasil
