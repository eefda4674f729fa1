"""Backup and restore (python -m lkjip backup / restore, lkjip.cadangan): nothing lost, nothing mixed up."""
import csv
import io
import json
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from lkjip import cadangan
from lkjip import store as store_mod
from lkjip.ingest import pratinjau
from lkjip.ingest.simpan import batalkan, simpan
from lkjip.store import Store, ringkasan

ROOT = Path(__file__).resolve().parent.parent
# The tables the issue names; a later migration may add more, and a backup must carry those too.
TABEL = ["schema_migrasi", "meta", "impor", "instansi", "indikator", "renstra", "anggaran", "skor",
         "nilai_dilaporkan", "masalah_impor", "cadangan_impor"]


def daftar_tabel(path: Path) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        ada = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()]
    finally:
        con.close()
    assert set(TABEL) <= set(ada)
    return TABEL + sorted(set(ada) - set(TABEL))


def lkjip(*args):
    """The command line run in-process (tests/cli.py): exit code and output as a user sees them."""
    from cli import jalankan

    return jalankan(*args)


def lkjip_proses(*args):
    """The command line as a separate process, for a file this test process holds."""
    import os

    env = dict(os.environ)
    env.pop("LKJIP_DB", None)
    return subprocess.run([sys.executable, "-m", "lkjip", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=180)


def satu_baris_galat(r) -> str:
    assert r.returncode == 2, (r.stdout, r.stderr)
    baris = [b for b in r.stderr.splitlines() if b.strip()]
    assert len(baris) == 1 and baris[0].startswith("galat: ") and "Traceback" not in r.stderr, r.stderr
    return baris[0]


def csv_indikator(instansi: str, tahun: int, n: int, awalan: str = "Indikator") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["instansi", "tahun", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi", "capaian_dilaporkan"])
    for i in range(n):
        w.writerow([instansi, tahun, f"Sasaran {i % 3}", f"{awalan} {i}", "%", "positif", "80", f"{60 + i % 20},5", ""])
    return buf.getvalue().encode("utf-8")


def isi_tabel(path: Path) -> dict[str, pd.DataFrame]:
    """Every table of a database file, rows in a canonical order."""
    semua = daftar_tabel(path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        hasil = {}
        for t in semua:
            df = con.execute(f"SELECT * FROM {t} ORDER BY ALL").df()
            hasil[t] = df
        return hasil
    finally:
        con.close()


def skema(path: Path) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            "kolom": con.execute("SELECT table_name, column_name, data_type, column_default, is_nullable FROM duckdb_columns() "
                                 "WHERE schema_name = 'main' ORDER BY ALL").fetchall(),
            "kendala": con.execute("SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() "
                                   "WHERE schema_name = 'main' ORDER BY ALL").fetchall(),
            "indeks": con.execute("SELECT table_name, index_name, sql FROM duckdb_indexes() ORDER BY ALL").fetchall(),
            "sekuens": con.execute("SELECT sequence_name FROM duckdb_sequences() ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


def sekuens(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return dict(con.execute("SELECT sequence_name, last_value FROM duckdb_sequences()").fetchall())
    finally:
        con.close()


@pytest.fixture
def db_riwayat(db) -> tuple[Path, dict]:
    """The bundled database plus an import that was replaced (cadangan_impor rows) and one that was undone.

    After the undo the sequence stands past the largest id in the tables: a restore must keep it there.
    """
    with Store(db) as s:
        a = simpan(s, pratinjau(csv_indikator("Dinas Sosial Kota Uji", 2022, 12), "uji.csv"))
        b = simpan(s, pratinjau(csv_indikator("Dinas Sosial Kota Uji", 2022, 9, "Ukuran"), "uji2.csv"), ganti=True)
        c = simpan(s, pratinjau(csv_indikator("Dinas Sosial Kota Coba", 2021, 5), "coba.csv"))
        batalkan(s, c.impor_id)
        info = {"impor_a": a.impor_id, "impor_b": b.impor_id, "maks_id": s.satu("SELECT max(id) FROM indikator")}
    assert info and sekuens(db)["seq_baris"] > info["maks_id"]
    return db, info


def test_backup_restore_setiap_tabel_sama(db_riwayat, tmp_path):
    db, _ = db_riwayat
    folder = tmp_path / "cadangan"
    r = lkjip("backup", "--db", db, "--out", folder)
    assert r.returncode == 0, r.stderr
    # every table but the summary tables, which are derived from the others and rebuilt on restore
    semua = [t for t in daftar_tabel(db) if t not in ringkasan.SEMUA]
    assert set(daftar_tabel(db)) - set(semua) == set(ringkasan.SEMUA)
    assert f"{len(semua)} tabel" in r.stdout
    m = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert list(m["tabel"])[:len(TABEL)] == TABEL and set(m["tabel"]) == set(semua)
    assert m["versi_skema"] == cadangan.versi_terkini() and m["dibuat"]
    asli = isi_tabel(db)
    for t in semua:
        assert m["tabel"][t]["baris"] == len(asli[t]), t
        assert (folder / f"{t}.parquet").is_file() and len(m["tabel"][t]["sha256"]) == 64
    # 12 rows replaced by impor_b, and the 5 rows of the undone import kept so it can be redone
    assert m["tabel"]["cadangan_impor"]["baris"] == 12 + 5 and m["tabel"]["indikator"]["baris"] > 200

    baru = tmp_path / "pulih.duckdb"
    r = lkjip("restore", "--from", folder, "--db", baru)
    assert r.returncode == 0, r.stderr
    pulih = isi_tabel(baru)
    assert set(pulih) == set(semua) | set(ringkasan.SEMUA)
    for t in semua:
        pd.testing.assert_frame_equal(pulih[t], asli[t], check_dtype=True, obj=t)
    with Store(baru, read_only=True) as s:
        assert not any(ringkasan.selisih(s).values()) and len(pulih["ringkas_capaian"]) == len(asli["ringkas_capaian"]) > 50
    assert skema(baru) == skema(db)
    # sequences as they were, not merely past the largest id (ids of the undone import are not reused)
    assert sekuens(baru) == sekuens(db)
    assert not list(tmp_path.glob("pulih.duckdb.pulih-*")) and not list(tmp_path.glob(".cadangan.sementara-*"))


def test_skema_pulihan_sama_dengan_skema_baru(tmp_path):
    kosong = tmp_path / "kosong.duckdb"
    Store(kosong).close()
    with Store(kosong, read_only=True) as s:
        cadangan.cadangkan(s, tmp_path / "c")
    cadangan.pulihkan(tmp_path / "c", tmp_path / "pulih.duckdb")
    assert skema(tmp_path / "pulih.duckdb") == skema(kosong)
    pulih, asli = isi_tabel(tmp_path / "pulih.duckdb"), isi_tabel(kosong)
    assert ["versi_data", "0"] in pulih["meta"].values.tolist()
    for t in asli:
        pd.testing.assert_frame_equal(pulih[t], asli[t], obj=t)


def test_impor_setelah_restore_tanpa_tabrakan_id(db_riwayat, tmp_path):
    db, info = db_riwayat
    folder = tmp_path / "c"
    assert lkjip("backup", "--db", db, "--out", folder).returncode == 0
    baru = tmp_path / "pulih.duckdb"
    assert lkjip("restore", "--from", folder, "--db", baru).returncode == 0
    f = tmp_path / "baru.csv"
    f.write_bytes(csv_indikator("Dinas Sosial Kota Depok", 2023, 30))
    r = lkjip("import", f, "--db", baru)
    assert r.returncode == 0, r.stderr
    assert "ditulis indikator 30" in r.stdout
    with Store(baru) as s:
        ids = s.baca("SELECT id FROM indikator WHERE impor_id = (SELECT max(id) FROM impor)")["id"]
        assert len(ids) == 30 and ids.min() > sekuens(db)["seq_baris"] > info["maks_id"]
        assert s.satu("SELECT count(*) - count(DISTINCT id) FROM indikator") == 0
        assert s.satu("SELECT max(id) FROM impor") > info["impor_b"]
        # undoing the replace made before the backup puts the original rows back under their own ids
        dipulihkan = batalkan(s, info["impor_b"])
        assert dipulihkan == {"indikator": 12}
        df = s.indikator(["Dinas Sosial Kota Uji"], [2022])
        assert len(df) == 12 and set(df["impor_id"]) == {info["impor_a"]}
        assert s.satu("SELECT count(*) - count(DISTINCT id) FROM indikator") == 0
        # and a second import of a new agency still gets fresh ids
        h = simpan(s, pratinjau(csv_indikator("Dinas Sosial Kota Bogor", 2023, 4), "bogor.csv"))
        assert h.ditulis == {"indikator": 4}


def test_restore_menolak_menimpa_tanpa_force(db, tmp_path):
    folder = tmp_path / "c"
    assert lkjip("backup", "--db", db, "--out", folder).returncode == 0
    target = tmp_path / "target.duckdb"
    with Store(target) as s:
        simpan(s, pratinjau(csv_indikator("Dinas Sosial Kota Lama", 2020, 3), "lama.csv"))
        with s.transaksi(naikkan_versi=False) as cur:  # a database that has seen many writes
            cur.execute("UPDATE meta SET nilai = '500' WHERE kunci = 'versi_data'")
    assert "--force" in satu_baris_galat(lkjip("restore", "--from", folder, "--db", target))
    with Store(target, read_only=True) as s:
        assert list(s.daftar_instansi()["nama"]) == ["Dinas Sosial Kota Lama"]
    r = lkjip("restore", "--from", folder, "--db", target, "--force")
    assert r.returncode == 0, r.stderr
    with Store(target, read_only=True) as s:
        assert "Dinas Sosial Kota Lama" not in set(s.daftar_instansi()["nama"])
        assert s.satu("SELECT count(*) FROM indikator") == isi_tabel(db)["indikator"].shape[0]
        # past the replaced database's version: an app that cached its figures by version recomputes them
        assert s.versi_data == 501


def test_restore_menimpa_db_rusak_dengan_force(db, tmp_path):
    folder = tmp_path / "c"
    assert lkjip("backup", "--db", db, "--out", folder).returncode == 0
    target = tmp_path / "rusak.duckdb"
    target.write_bytes(b"bukan basis data" * 100)
    Path(str(target) + ".wal").write_bytes(b"sisa wal lama")
    assert lkjip("restore", "--from", folder, "--db", target, "--force").returncode == 0
    assert not Path(str(target) + ".wal").exists()
    with Store(target) as s:
        assert s.satu("SELECT count(*) FROM instansi") == 3


def test_restore_saat_db_dipakai_proses_lain(db, tmp_path):
    folder = tmp_path / "c"
    assert lkjip("backup", "--db", db, "--out", folder).returncode == 0
    with Store(db):  # this test process holds the file, as the app would; the CLI is another process
        assert "dipakai proses lain" in satu_baris_galat(lkjip_proses("restore", "--from", folder, "--db", db, "--force"))
        assert "dipakai proses lain" in satu_baris_galat(lkjip_proses("backup", "--db", db, "--out", tmp_path / "c2"))
    assert not (tmp_path / "c2").exists()


def _rusak_byte(folder: Path):
    f = folder / "indikator.parquet"
    data = bytearray(f.read_bytes())
    data[len(data) // 2] ^= 0xFF
    f.write_bytes(bytes(data))


def _ubah_manifest(fungsi):
    def ubah(folder: Path):
        path = folder / "manifest.json"
        m = json.loads(path.read_text(encoding="utf-8"))
        fungsi(m, folder)
        path.write_text(json.dumps(m), encoding="utf-8")
    return ubah


def _parquet_lain(m, folder):
    """A valid Parquet file of other columns, with a manifest that matches its checksum and count."""
    f = folder / "skor.parquet"
    f.unlink()
    duckdb.sql(f"COPY (SELECT 1 AS a, 'x' AS b) TO '{f}' (FORMAT parquet)")
    m["tabel"]["skor"].update(sha256=cadangan._sha256(f), baris=1)


def _jumlah_salah(m, folder):
    m["tabel"]["anggaran"]["baris"] += 1


@pytest.mark.parametrize("rusak, pesan", [
    (_rusak_byte, "checksum sha256 tidak cocok"),
    (lambda f: (f / "anggaran.parquet").unlink(), "hilang"),
    (lambda f: (f / "manifest.json").unlink(), "manifest.json tidak ada"),
    (lambda f: (f / "manifest.json").write_text('{"format": "lkjip-cadangan", "versi_sk', encoding="utf-8"), "rusak"),
    (_ubah_manifest(lambda m, f: m["tabel"].pop("impor")), "tidak lengkap: tabel impor"),
    (_ubah_manifest(_jumlah_salah), "manifest menyebut"),
    (_ubah_manifest(lambda m, f: m.update(versi_skema=99)), "perbarui aplikasi"),
    (_ubah_manifest(lambda m, f: m.update(format="lain")), "bukan manifest cadangan"),
    (_ubah_manifest(lambda m, f: m["tabel"]["meta"].update(berkas="../../etc/passwd")), "hilang"),
    (_ubah_manifest(lambda m, f: m["tabel"].update({"x; DROP TABLE meta": m["tabel"]["meta"]})), "rusak"),
    (_ubah_manifest(_parquet_lain), "kolomnya tidak sesuai"),
])
def test_cadangan_rusak_galat_jelas_dan_db_utuh(db, tmp_path, rusak, pesan):
    folder = tmp_path / "c"
    assert lkjip("backup", "--db", db, "--out", folder).returncode == 0
    rusak(folder)
    sebelum = isi_tabel(db)
    assert pesan in satu_baris_galat(lkjip("restore", "--from", folder, "--db", db, "--force"))
    sesudah = isi_tabel(db)
    for t in sebelum:
        pd.testing.assert_frame_equal(sesudah[t], sebelum[t], obj=t)
    assert {p.name for p in tmp_path.iterdir()} == {"lkjip.duckdb", "c"}  # no temporary file left behind


def test_galat_pengguna_backup_restore(db, tmp_path):
    (tmp_path / "isi").mkdir()
    (tmp_path / "isi" / "lain.txt").write_text("x")
    assert "tidak kosong" in satu_baris_galat(lkjip("backup", "--db", db, "--out", tmp_path / "isi"))
    assert "tidak ada" in satu_baris_galat(lkjip("backup", "--db", tmp_path / "tiada.duckdb", "--out", tmp_path / "c"))
    assert not (tmp_path / "tiada.duckdb").exists()  # backup never creates a database
    assert "tidak ada" in satu_baris_galat(lkjip("backup", "--db", db, "--out", tmp_path / "a" / "b"))
    assert "tidak ada" in satu_baris_galat(lkjip("restore", "--from", tmp_path / "tiada", "--db", tmp_path / "p.duckdb"))
    assert "argumen tidak valid" in satu_baris_galat(lkjip("restore", "--db", tmp_path / "p.duckdb"))
    assert "argumen tidak valid" in satu_baris_galat(lkjip("backup", "--db", db))
    # an empty existing folder is accepted
    (tmp_path / "kosong").mkdir()
    assert lkjip("backup", "--db", db, "--out", tmp_path / "kosong").returncode == 0
    assert (tmp_path / "kosong" / "manifest.json").is_file()


def test_restore_cadangan_skema_lama_lalu_migrasi(db, tmp_path, monkeypatch):
    """A backup made before a later migration is restored at its version, then migrated forward."""
    with Store(db, read_only=True) as s:
        cadangan.cadangkan(s, tmp_path / "v1")
    v = cadangan.versi_terkini() + 1
    asli = list(store_mod.MIGRASI)
    baru = asli + [(v, "uji: kolom dan tabel baru",
                                 "ALTER TABLE instansi ADD COLUMN singkatan VARCHAR; "
                                 "UPDATE instansi SET singkatan = upper(substr(nama, 19, 3)); "
                                 "CREATE TABLE catatan_uji (id BIGINT DEFAULT nextval('seq_baris'), isi VARCHAR);")]
    monkeypatch.setattr(store_mod, "MIGRASI", baru)
    monkeypatch.setattr(cadangan, "MIGRASI", baru)
    target = tmp_path / "v2.duckdb"
    jumlah = cadangan.pulihkan(tmp_path / "v1", target)
    assert jumlah["indikator"] == isi_tabel(db)["indikator"].shape[0]
    with Store(target) as s:
        assert [tuple(r) for r in s.baca("SELECT versi, nama FROM schema_migrasi ORDER BY versi").values] == \
            [(versi, nama) for versi, nama, _ in baru]
        assert s.satu("SELECT count(*) FROM catatan_uji") == 0
        assert sorted(s.baca("SELECT singkatan FROM instansi")["singkatan"]) == ["BEK", "PAR", "PAS"]
        # a v2 backup cannot go back into the v1 application
        cadangan.cadangkan(s, tmp_path / "v2")
    monkeypatch.setattr(store_mod, "MIGRASI", asli)
    monkeypatch.setattr(cadangan, "MIGRASI", asli)
    with pytest.raises(cadangan.GalatCadangan, match="perbarui aplikasi"):
        cadangan.pulihkan(tmp_path / "v2", tmp_path / "lagi.duckdb")
    assert not (tmp_path / "lagi.duckdb").exists()


def test_cadangan_konsisten_saat_ada_penulis(store, tmp_path):
    """A backup taken while another thread imports sees whole imports only (one read snapshot)."""
    r = 40
    sebelum_impor, sebelum_ind = store.satu("SELECT count(*) FROM impor"), store.satu("SELECT count(*) FROM indikator")
    pr = [pratinjau(csv_indikator(f"Dinas Sosial Kota Tulis{i}", 2023, r), f"t{i}.csv") for i in range(12)]
    galat = []

    def penulis():
        try:
            for p in pr:
                simpan(store, p)
        except Exception as e:  # pragma: no cover - reported by the assertion below
            galat.append(repr(e))

    t = threading.Thread(target=penulis)
    t.start()
    manifest = [cadangan.cadangkan(store, tmp_path / f"c{i}") for i in range(3)]
    t.join()
    assert not galat
    for i, m in enumerate(manifest):
        n_impor = m["tabel"]["impor"]["baris"] - sebelum_impor
        assert m["tabel"]["indikator"]["baris"] == sebelum_ind + r * n_impor
        cadangan.pulihkan(tmp_path / f"c{i}", tmp_path / f"p{i}.duckdb")
        with Store(tmp_path / f"p{i}.duckdb", read_only=True) as s:
            assert s.satu("SELECT count(*) FROM indikator") == sebelum_ind + r * n_impor
    assert store.satu("SELECT count(*) FROM indikator") == sebelum_ind + r * len(pr)
