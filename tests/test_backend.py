"""The same store, CLI and page on both backends: the embedded DuckDB file and a PostgreSQL server.

Every test taking ``lokasi`` runs twice (a private copy of the bundled data on each backend); the
PostgreSQL cluster is started once per test session (tests/pg.py) and skipped, with the reason, where
PostgreSQL is not installed.
"""
import csv
import threading

import pandas as pd
import pytest

from cli import jalankan as lkjip
from cli import satu_baris_galat
from conftest import DEPOK
from lkjip.store import MIGRASI, Store, StoreError, lokasi_db
from lkjip.store.dialek import GalatDialek, ke_postgres


# --- the dialect translation (no server needed) -----------------------------------------------------
def test_terjemahan_dialek():
    assert ke_postgres("SELECT a FROM t WHERE b = ? AND c LIKE 'x%'") == "SELECT a FROM t WHERE b = %s AND c LIKE 'x%%'"
    assert ke_postgres("SELECT '?' , ? -- why?", True) == "SELECT '?' , %s -- why?"
    assert ke_postgres("INSERT OR IGNORE INTO k SELECT unnest(?)") == \
        "INSERT INTO k SELECT unnest(CAST(%s AS TEXT[])) ON CONFLICT DO NOTHING"
    assert ke_postgres("x DOUBLE, y DOUBLE PRECISION", False) == "x DOUBLE PRECISION, y DOUBLE PRECISION"
    assert ke_postgres("SELECT json_extract(c.baris, '$.id')::BIGINT", False) == "SELECT (c.baris::jsonb ->> 'id')::BIGINT"
    assert ke_postgres("SELECT a FROM (SELECT 1 AS a) ORDER BY a", False) == "SELECT a FROM (SELECT 1 AS a) AS _sub1 ORDER BY a"
    assert ke_postgres("SELECT a FROM (SELECT 1 AS a) q", False) == "SELECT a FROM (SELECT 1 AS a) q"
    for sql in ["SELECT * EXCLUDE (a) FROM t", "INSERT OR REPLACE INTO t VALUES (1)", "SELECT * FROM read_parquet('x')",
                "SELECT * FROM duckdb_tables()", "SELECT json_extract(b, '$.a.b') FROM t", "CHECKPOINT"]:
        with pytest.raises(GalatDialek, match="DuckDB|json_extract"):
            ke_postgres(sql)


def test_migrasi_semua_dapat_diterjemahkan():
    for versi, nama, sql in MIGRASI:
        ke_postgres(sql, False)  # raises on a DuckDB-only construct


def test_lokasi_url_tetap_teks():
    url = "postgresql://lkjip@127.0.0.1:5432/lkjip"
    assert lokasi_db(url) == url
    assert str(lokasi_db("/tmp/x.duckdb")) == "/tmp/x.duckdb"


# --- the store -------------------------------------------------------------------------------------
def _tanpa_id(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(columns=[k for k in ("id", "induk_id", "impor_id", "waktu") if k in df]).reset_index(drop=True)


def test_kueri_sama_di_kedua_backend(db, pg_db):
    """Same rows, same columns, same dtypes from both backends for every query the pages use."""
    with Store(db) as d, Store(pg_db) as p:
        assert p.backend == "postgresql" and d.backend == "duckdb"
        for f in (lambda s: s.indikator(), lambda s: s.anggaran(["Dinas Sosial Kota Bekasi"], [2023]),
                  lambda s: s.tabel("skor"), lambda s: s.tabel("nilai_dilaporkan"), lambda s: s.daftar_instansi(),
                  lambda s: s.baca("SELECT instansi, count(*) AS n, avg(dihitung) AS r FROM temuan GROUP BY 1 ORDER BY 1")):
            a, b = f(d), f(p)
            assert len(a) > 0
            assert dict(a.dtypes) == dict(b.dtypes)
            pd.testing.assert_frame_equal(_tanpa_id(a), _tanpa_id(b))
        assert d.daftar_tahun() == p.daftar_tahun()
        assert d.satu("SELECT count(*) FROM anggaran") == p.satu("SELECT count(*) FROM anggaran")


def test_transaksi_semua_atau_tidak_sama_sekali(lokasi):
    with Store(lokasi) as s:
        versi, n = s.versi_data, s.satu("SELECT count(*) FROM instansi")
        with pytest.raises(RuntimeError):
            with s.transaksi() as cur:
                cur.execute("INSERT INTO instansi (nama) VALUES (?)", ["Dinas Sosial Kota Contoh"])
                assert cur.execute("SELECT count(*) FROM instansi").fetchone()[0] == n + 1
                raise RuntimeError("gagal di tengah")
        assert s.satu("SELECT count(*) FROM instansi") == n and s.versi_data == versi
        with s.transaksi() as cur:
            hasil = cur.execute("UPDATE instansi SET provinsi = ? WHERE nama LIKE ?", ["Jawa Barat", "%Bekasi%"]).fetchall()
            assert hasil == [(1,)]  # DML returns its row count on both backends
            cur.executemany("INSERT INTO meta VALUES (?, ?)", [["a", "1"], ["b", "2"]])
            cur.register("baru", pd.DataFrame({"kunci": ["c"], "nilai": [None]}))
            cur.execute("INSERT INTO meta SELECT kunci, nilai FROM baru")
            cur.unregister("baru")
            from lkjip import aktivitas

            aktivitas.catat(cur, "perencana", "impor", "Dinas Sosial Kota Bekasi", 2023, "uji")
            assert cur.execute("SELECT aksi, tahun FROM log_aktivitas WHERE pengguna = 'perencana'").df().to_dict("records") == \
                [{"aksi": "impor", "tahun": 2023}]
        assert s.versi_data == versi + 1
        assert aktivitas.daftar(s)["pengguna"].tolist()[0] == "perencana"  # newest first, after the bundled data's
        ada = aktivitas.pilihan(s)  # the log page's filter choices, in one query
        log = s.baca("SELECT pengguna, aksi, instansi, tahun, CAST(waktu AS DATE) AS hari FROM log_aktivitas")
        for k in ("pengguna", "aksi", "instansi"):
            assert ada[k] == sorted(log[k].dropna().unique().tolist())
        assert ada["tahun"] == sorted(int(t) for t in log["tahun"].dropna().unique()) and 2023 in ada["tahun"]
        assert ada["hari"] == [pd.Timestamp(log["hari"].min()).date(), pd.Timestamp(log["hari"].max()).date()]
        assert s.baca("SELECT kunci FROM meta WHERE kunci IN ('a', 'b', 'c') ORDER BY 1")["kunci"].tolist() == ["a", "b", "c"]


def test_impor_dan_batalkan(lokasi, tmp_path):
    from lkjip.ingest import pratinjau_berkas
    from lkjip.ingest.simpan import batalkan, riwayat, simpan

    f = tmp_path / "depok.csv"
    f.write_bytes(DEPOK)
    with Store(lokasi) as s:
        sebelum = s.indikator()
        h = simpan(s, pratinjau_berkas(f))
        assert h.ditulis == {"indikator": 2}
        h2 = simpan(s, pratinjau_berkas(f), ganti=True)
        assert h2.diganti == {"indikator": 2}
        r = riwayat(s)
        assert list(r["id"][:2]) == [h2.impor_id, h.impor_id]
        assert not r["bisa_dibatalkan"].iloc[1]  # its rows were replaced again by the later import
        assert batalkan(s, h2.impor_id) == {"indikator": 2}
        batalkan(s, h.impor_id)
        pd.testing.assert_frame_equal(_tanpa_id(s.indikator()), _tanpa_id(sebelum))


def test_penulis_dari_dua_koneksi_bergiliran(pg_db, tmp_path):
    """Two stores (two sessions, as two processes would be) import the same agency-year at once:
    the advisory lock lets one write and the other sees the conflict."""
    from lkjip.ingest import pratinjau_berkas
    from lkjip.ingest.simpan import GalatImpor, simpan

    f = tmp_path / "depok.csv"
    f.write_bytes(DEPOK)
    stores = [Store(pg_db), Store(pg_db)]
    hasil: list = []

    def impor(s):
        try:
            hasil.append(simpan(s, pratinjau_berkas(f)).impor_id)
        except GalatImpor as e:
            hasil.append(e)

    versi = stores[1].versi_data
    t = [threading.Thread(target=impor, args=(s,)) for s in stores]
    [x.start() for x in t]
    [x.join(60) for x in t]
    assert sum(isinstance(h, int) for h in hasil) == 1 and sum(isinstance(h, GalatImpor) for h in hasil) == 1
    assert stores[1].versi_data == versi + 1  # a write through one store is seen by the other
    assert stores[0].satu("SELECT count(*) FROM indikator i JOIN instansi n ON n.id = i.instansi_id "
                          "WHERE n.nama = 'Dinas Sosial Kota Depok'") == 2
    for s in stores:
        s.close()


def test_postgresql_tak_terjangkau_pesan_jelas():
    with pytest.raises(StoreError, match="tidak dapat dihubungi"):
        Store("postgresql://lkjip:rahasia@127.0.0.1:1/tidakada")
    r = lkjip("check", "--db", "postgresql://lkjip:rahasia@127.0.0.1:1/tidakada")
    baris = satu_baris_galat(r)
    assert "tidak dapat dihubungi" in baris and "rahasia" not in baris


# --- the command line --------------------------------------------------------------------------------
def test_cli_init_impor_ekspor_cek(lokasi_kosong, tmp_path):
    db = lokasi_kosong
    r = lkjip("init", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "3 instansi" in r.stdout
    assert "sudah" in satu_baris_galat(lkjip("init", "--db", db))
    f = tmp_path / "depok.csv"
    f.write_bytes(DEPOK)
    r = lkjip("import", f, "--db", db)
    assert r.returncode == 0 and "ditulis indikator 2" in r.stdout, r.stderr
    assert "sudah ada" in satu_baris_galat(lkjip("import", f, "--db", db))
    out = tmp_path / "c.csv"
    r = lkjip("export", "--db", db, "--out", out, "--instansi", "Dinas Sosial Kota Depok")
    assert r.returncode == 0, r.stderr
    baris = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(baris) == 2 and baris[0]["capaian"] == "90"  # as printed in the file
    r = lkjip("check", "--db", db)
    assert r.returncode == 0, r.stderr
    # the activity log, on the screen and to a file: the import above, by the command line's local admin
    r = lkjip("log", "--db", db)
    assert r.returncode == 0 and "Dinas Sosial Kota Depok" in r.stdout, r.stderr
    r = lkjip("log", "--db", db, "--out", tmp_path / "log.csv")
    assert r.returncode == 0 and "Dinas Sosial Kota Depok" in (tmp_path / "log.csv").read_text(encoding="utf-8"), r.stderr
    r = lkjip("init", "--db", db, "--force", "--empty")  # replaces everything, on both backends
    assert r.returncode == 0 and "(0 instansi" in r.stdout, r.stderr


@pytest.mark.parametrize("arah", ["duckdb->postgresql", "postgresql->duckdb"])
def test_cadangan_pindah_backend(arah, db, pg_db, pg_klaster, tmp_path):
    """A backup of either backend restores onto the other with the same rows (how an office moves its
    file onto a server)."""
    sumber, tujuan = (db, pg_klaster.buat_db("pulih_pg")) if arah == "duckdb->postgresql" else (pg_db, tmp_path / "p.duckdb")
    r = lkjip("backup", "--db", sumber, "--out", tmp_path / "cad")
    assert r.returncode == 0, r.stderr
    r = lkjip("restore", "--from", tmp_path / "cad", "--db", tujuan)
    assert r.returncode == 0, r.stderr
    assert "sudah berisi data" in satu_baris_galat(lkjip("restore", "--from", tmp_path / "cad", "--db", tujuan)) or \
        "sudah ada" in lkjip("restore", "--from", tmp_path / "cad", "--db", tujuan).stderr
    with Store(sumber) as a, Store(str(tujuan)) as b:
        pd.testing.assert_frame_equal(a.indikator(), b.indikator())
        pd.testing.assert_frame_equal(a.anggaran(), b.anggaran())
        pd.testing.assert_frame_equal(a.baca("SELECT * FROM impor ORDER BY id"), b.baca("SELECT * FROM impor ORDER BY id"))
        # sequences moved past the restored ids: a new import gets a fresh id
        with b.transaksi() as cur:
            baru = cur.execute("INSERT INTO instansi (nama) VALUES ('Dinas Sosial Kota Baru') RETURNING id").fetchone()[0]
        assert baru > a.satu("SELECT max(id) FROM instansi")


# --- one page -----------------------------------------------------------------------------------------
def _halaman(monkeypatch, lokasi):
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT

    monkeypatch.setenv("LKJIP_DB", str(lokasi))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_halaman_sama_di_kedua_backend_dan_tulisan_proses_lain_terlihat(monkeypatch, db, pg_db, tmp_path):
    from lkjip.ingest import pratinjau_berkas
    from lkjip.ingest.simpan import simpan

    metrik = {}
    for lokasi in (db, pg_db):
        at = _halaman(monkeypatch, lokasi)
        metrik[str(lokasi)] = {m.label: m.value for m in at.metric}
    assert metrik[str(db)] and metrik[str(db)] == metrik[pg_db]
    # an import by another process (here: another store, its own connections) is seen at the next rerun
    f = tmp_path / "depok.csv"
    f.write_bytes(DEPOK)
    with Store(pg_db) as lain:
        simpan(lain, pratinjau_berkas(f))
    at.run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric} != metrik[pg_db]


# --- DuckDB: the app and the CLI on one file -----------------------------------------------------------
def test_duckdb_cli_impor_saat_aplikasi_terbuka(db, tmp_path, monkeypatch):
    """The app borrows the file per operation, so a CLI import in another process gets it; the app sees the
    import at its next data-version check, and serves its cached version (sibuk) while the CLI holds it."""
    import subprocess
    import sys
    import time

    from conftest import ROOT
    from lkjip.bawaan import buka

    monkeypatch.setenv("LKJIP_DUCKDB_LEPAS", "0.3")
    monkeypatch.setenv("LKJIP_DUCKDB_TUNGGU", "0.5")
    app = buka(db, singgah=True)
    versi = app.versi_data
    assert len(app.indikator()) > 0  # the app has just used the file
    f = tmp_path / "depok.csv"
    f.write_bytes(DEPOK)
    env = {k: v for k, v in __import__("os").environ.items() if k != "LKJIP_DB"}
    r = subprocess.run([sys.executable, "-m", "lkjip", "import", str(f), "--db", str(db)], cwd=ROOT,
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert app.versi_data == versi + 1 and not app.sibuk
    assert "Dinas Sosial Kota Depok" in set(app.daftar_instansi()["nama"])
    # another process holds the file for a while: the app keeps its last version, flagged as busy
    time.sleep(0.5)
    penahan = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                                "print('ok', flush=True); time.sleep(4)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert penahan.stdout.readline().strip() == "ok"
        sebelum = app._jejak
        app._jejak = None  # as if the file had changed on disk
        assert app.versi_data == versi + 1 and app.sibuk
        app._jejak = sebelum
    finally:
        penahan.kill()
        penahan.wait()
    app.close()



def test_versi_data_dibaca_sekali_selama_berkas_dipegang(monkeypatch, db, tmp_path):
    """While the app holds the DuckDB file open, its data version is read once and kept (no query per figure), and
    any write in this process (through the app's store or another store of the same file) is seen at once."""
    from lkjip.bawaan import buka
    from lkjip.ingest import pratinjau_berkas
    from lkjip.ingest.simpan import simpan

    monkeypatch.setenv("LKJIP_DUCKDB_LEPAS", "60")  # the connection stays open through the test
    app = buka(db, singgah=True)
    kueri = []
    asli = type(app).satu
    monkeypatch.setattr(type(app), "satu", lambda self, sql, params=None: (kueri.append(sql), asli(self, sql, params))[1])
    versi = app.versi_data
    app.versi_data
    sebelum = len(kueri)
    assert [app.versi_data for _ in range(20)] == [versi] * 20 and len(kueri) == sebelum  # kept, not queried
    with app.transaksi() as cur:  # a write through the app's own store
        cur.execute("UPDATE meta SET nilai = nilai WHERE kunci = 'versi_data'")
    assert app.versi_data == versi + 1
    f = tmp_path / "depok.csv"
    f.write_bytes(DEPOK)
    lain = Store(db)  # another store of this process: DuckDB shares the open database
    simpan(lain, pratinjau_berkas(f))
    assert app.versi_data == versi + 2
    assert "Dinas Sosial Kota Depok" in set(app.daftar_instansi()["nama"])
    lain.close()
    app.close()
