"""Restore checks the values, not only the checksums: a backup edited to hold what the importer would
refuse, with its checksums recomputed, is refused and the database is left as it was."""
from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from lkjip import cadangan
from lkjip.store import Store


@pytest.fixture(scope="module")
def cadangan_asli(db_bawaan, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cad") / "asli"
    with Store(db_bawaan) as s:
        cadangan.cadangkan(s, folder)
    return folder


def _ubah(folder, tabel: str, ganti: str, syarat: str = "true"):
    """Rewrite one table's Parquet file with ``ganti`` (a SELECT * REPLACE list) on the rows of ``syarat``,
    and recompute its checksum in the manifest, as a careful forger would."""
    f = folder / f"{tabel}.parquet"
    baru = folder / f"{tabel}.baru.parquet"
    kolom = [r[0] for r in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{f}')").fetchall()]
    ubah = dict(x.split(" AS ") for x in ganti.split(", "))
    pilih = ", ".join(f"CASE WHEN {syarat} AND id = (SELECT min(id) FROM read_parquet('{f}') WHERE {syarat}) "
                      f"THEN CAST({ubah[k]} AS {_tipe(f, k)}) ELSE {k} END AS {k}" if k in ubah else k for k in kolom)
    duckdb.sql(f"COPY (SELECT {pilih} FROM read_parquet('{f}')) TO '{baru}' (FORMAT parquet)")
    baru.replace(f)
    path = folder / "manifest.json"
    m = json.loads(path.read_text(encoding="utf-8"))
    m["tabel"][tabel]["sha256"] = cadangan._sha256(f)
    path.write_text(json.dumps(m), encoding="utf-8")


def _tipe(f, kolom: str) -> str:
    return {r[0]: r[1] for r in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{f}')").fetchall()}[kolom]


@pytest.mark.parametrize("tabel, ganti, syarat, pesan", [
    ("indikator", "tahun AS 1850", "true", "tahun di luar 2000–2100"),
    ("indikator", "polaritas AS 'terbalik'", "true", "polaritas tidak dikenal"),
    ("indikator", "tingkat AS 'provinsi'", "true", "tingkat indikator tidak dikenal"),
    ("indikator", "capaian AS capaian * 3 + 1", "polaritas = 'positif' AND target > 0 AND realisasi IS NOT NULL",
     "capaian tidak sama"),
    ("indikator", "realisasi AS 'inf'", "realisasi IS NOT NULL", "tidak terhingga"),
    ("anggaran", "pagu AS -5", "pagu IS NOT NULL", "negatif"),
    ("anggaran", "level AS 'sub_sub'", "true", "level anggaran tidak dikenal"),
    ("anggaran", "serapan AS 250", "pagu > 0 AND realisasi IS NOT NULL", "serapan tidak sama"),
    ("skor", "tahun AS 3000", "true", "tahun di luar"),
])
def test_cadangan_dengan_isi_yang_ditolak_impor(db, cadangan_asli, tmp_path, tabel, ganti, syarat, pesan):
    folder = tmp_path / "c"
    shutil.copytree(cadangan_asli, folder)
    _ubah(folder, tabel, ganti, syarat)
    cadangan.periksa(folder)  # the checksums alone find nothing
    with Store(db) as s:
        sebelum = {t: s.satu(f"SELECT count(*) FROM {t}") for t in ("indikator", "anggaran", "skor")}, s.versi_data
    with pytest.raises(cadangan.GalatCadangan) as e:
        cadangan.pulihkan(folder, db, timpa=True)
    assert pesan in str(e.value) and f"tabel {tabel}" in str(e.value) and "tidak diubah" in str(e.value)
    with Store(db) as s:
        assert ({t: s.satu(f"SELECT count(*) FROM {t}") for t in ("indikator", "anggaran", "skor")}, s.versi_data) == sebelum
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "lkjip.duckdb"]


def test_cadangan_utuh_tetap_dipulihkan(db, cadangan_asli, tmp_path):
    hasil = cadangan.pulihkan(cadangan_asli, tmp_path / "baru.duckdb")
    assert hasil["indikator"] > 0
