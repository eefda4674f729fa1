"""What a restore checks in the rows themselves, after the checksums: the rules the importer applies.

A checksum proves that a backup file is the one its manifest names, not that its values are sane: a
manifest can be recomputed after editing a file. ``periksa_isi(cur)`` runs on the restored tables
(inside the restore's transaction, before anything is committed) and raises ``IsiTidakSah`` with the
first rule broken: years outside 2000–2100, a polarity, level, indicator level or theme the importer
does not know, numbers that are not finite, negative budgets, and capaian / serapan that differ from
what ``lkjip.measures`` computes from the same row (the importer never stores another figure there).
"""
from __future__ import annotations

from .measures import POLARITAS
from .vocab import LEVEL, TEMA, TINGKAT_INDIKATOR

TAHUN_MIN, TAHUN_MAKS = 2000, 2100  # as lkjip.ingest


class IsiTidakSah(Exception):
    """A restored row breaks a rule of the importer; the message names the table, the rule and an example."""


def _daftar(nilai) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in nilai)


def _selisih(hitung: str, simpan: str) -> str:
    return f"({simpan} IS NULL OR abs({simpan} - ({hitung})) > 1e-6 * greatest(1, abs({hitung})))"


# (table, columns needed, condition of a bad row, what is wrong)
ATURAN: list[tuple[str, tuple[str, ...], str, str]] = [
    ("instansi", ("nama",), "nama IS NULL OR trim(nama) = ''", "nama instansi kosong"),
    *[(t, ("tahun",), f"tahun IS NOT NULL AND tahun NOT BETWEEN {TAHUN_MIN} AND {TAHUN_MAKS}",
       f"tahun di luar {TAHUN_MIN}–{TAHUN_MAKS}") for t in ("indikator", "anggaran", "skor", "renstra", "nilai_dilaporkan")],
    ("indikator", ("polaritas",), f"polaritas NOT IN ({_daftar(POLARITAS)})", "polaritas tidak dikenal"),
    ("indikator", ("tingkat",), f"tingkat NOT IN ({_daftar(TINGKAT_INDIKATOR)})", "tingkat indikator tidak dikenal"),
    ("indikator", ("tema",), f"tema IS NOT NULL AND tema NOT IN ({_daftar(TEMA)})", "tema tidak dikenal"),
    ("indikator", ("indikator",), "indikator IS NULL OR trim(indikator) = ''", "nama indikator kosong"),
    ("indikator", ("target", "realisasi", "capaian", "capaian_dilaporkan"),
     "NOT (isfinite(coalesce(target, 0)) AND isfinite(coalesce(realisasi, 0)) AND isfinite(coalesce(capaian, 0)) "
     "AND isfinite(coalesce(capaian_dilaporkan, 0)))", "angka tidak terhingga atau NaN"),
    ("indikator", tuple(f"realisasi_tw{i}" for i in range(1, 5)),
     " AND ".join(f"isfinite(coalesce(realisasi_tw{i}, 0))" for i in range(1, 5)).join(("NOT (", ")")),
     "realisasi triwulan tidak terhingga atau NaN"),
    ("indikator", ("target", "realisasi", "capaian", "polaritas"),
     "polaritas = 'positif' AND target IS NOT NULL AND realisasi IS NOT NULL AND target <> 0 AND "
     + _selisih("realisasi / target * 100", "capaian"), "capaian tidak sama dengan realisasi / target × 100"),
    ("indikator", ("target", "realisasi", "capaian", "polaritas"),
     "polaritas = 'negatif' AND target IS NOT NULL AND realisasi IS NOT NULL AND target <> 0 AND "
     + _selisih("(2 * target - realisasi) / target * 100", "capaian"), "capaian tidak sama dengan (2 × target − realisasi) / target × 100"),
    ("anggaran", ("level",), f"level NOT IN ({_daftar(LEVEL)})", "level anggaran tidak dikenal"),
    ("anggaran", ("pagu", "pagu_awal", "realisasi"), "pagu < 0 OR pagu_awal < 0 OR realisasi < 0", "pagu atau realisasi negatif"),
    ("anggaran", ("pagu", "pagu_awal", "realisasi", "serapan"),
     "NOT (isfinite(coalesce(pagu, 0)) AND isfinite(coalesce(pagu_awal, 0)) AND isfinite(coalesce(realisasi, 0)) "
     "AND isfinite(coalesce(serapan, 0)))", "angka tidak terhingga atau NaN"),
    ("anggaran", ("pagu", "realisasi", "serapan"),
     "pagu IS NOT NULL AND realisasi IS NOT NULL AND pagu <> 0 AND " + _selisih("realisasi / pagu * 100", "serapan"),
     "serapan tidak sama dengan realisasi / pagu × 100"),
    ("skor", ("jenis",), "jenis NOT IN ('sakip', 'ikm')", "jenis skor bukan sakip atau ikm"),
    ("skor", ("nilai",), "NOT isfinite(coalesce(nilai, 0))", "angka tidak terhingga atau NaN"),
    ("renstra", ("target",), "NOT isfinite(coalesce(target, 0))", "angka tidak terhingga atau NaN"),
    ("nilai_dilaporkan", ("nilai",), "NOT isfinite(coalesce(nilai, 0))", "angka tidak terhingga atau NaN"),
]


def periksa_isi(cur) -> None:
    """Raise IsiTidakSah at the first rule a restored row breaks (tables or columns a schema lacks are skipped)."""
    kolom: dict[str, set[str]] = {}
    for tabel, nama in cur.execute("SELECT table_name, column_name FROM information_schema.columns "
                                   "WHERE table_schema = 'main'").fetchall():
        kolom.setdefault(tabel, set()).add(nama)
    for tabel, perlu, syarat, pesan in ATURAN:
        if tabel not in kolom or not set(perlu) <= kolom[tabel]:
            continue
        ada_id = "id" in kolom[tabel]
        n, contoh = cur.execute(
            f"SELECT count(*), min({'id' if ada_id else 'NULL'}) FROM {tabel} WHERE {syarat}").fetchall()[0]
        if n:
            letak = f" (contoh: id {contoh})" if contoh is not None else ""
            raise IsiTidakSah(f"tabel {tabel}: {n} baris dengan {pesan}{letak}. Impor tidak pernah menyimpan isi seperti "
                              "ini: cadangan telah diubah setelah dibuat")
