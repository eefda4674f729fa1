"""End to end, as an office would run it: deploy/mulai-lokal.sh starts PostgreSQL, two replicas and nginx.

A CLI import is seen through the other replica; a writer killed inside its transaction leaves nothing
half written and does not keep the lock; with one replica killed, nginx keeps serving from the other.
Bounded in time (each wait has a limit); skipped where PostgreSQL or nginx is missing.
"""
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from cli import jalankan as lkjip
from conftest import DEPOK, ROOT, _port_bebas, tunggu_app

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def kantor():
    import pg

    alasan = pg.tersedia() or (None if Path("/usr/sbin/nginx").exists() else "nginx tidak terpasang (apt-get install nginx)")
    if alasan:
        pytest.skip(f"uji replika dilewati: {alasan}")
    port = _port_bebas()
    proses = subprocess.Popen(["bash", str(ROOT / "deploy" / "mulai-lokal.sh"), "2", str(port)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    info, keluaran = None, []
    batas = time.monotonic() + 240
    while time.monotonic() < batas:
        baris = proses.stdout.readline()
        if not baris:
            break
        keluaran.append(baris)
        if baris.startswith("SIAP "):
            bagian = dict(x.split("=", 1) for x in baris.split()[2:])
            info = {"url": baris.split()[1], "db": bagian["db"], "replika": bagian["replika"].split(","),
                    "folder": bagian["folder"]}
            break
    if info is None:
        os.killpg(proses.pid, signal.SIGTERM)
        pytest.fail("deploy/mulai-lokal.sh tidak siap dalam 240 detik:\n" + "".join(keluaran[-30:]))
    yield info
    os.kill(proses.pid, signal.SIGTERM)  # the script stops nginx, the replicas and PostgreSQL
    try:
        proses.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proses.pid, signal.SIGKILL)
    assert not Path(info["folder"]).exists()


def _get(url: str) -> tuple[int, dict]:
    with urllib.request.urlopen(url, timeout=20) as r:
        return r.status, dict(r.headers)


def _rata_capaian(halaman, url: str) -> str:
    halaman.goto(url)
    tunggu_app(halaman, 120000)
    assert halaman.locator("[data-testid='stException']").count() == 0
    return " | ".join(halaman.locator("[data-testid='stMetricValue']").all_inner_texts())


def test_dua_replika_satu_basis_data(kantor, halaman, tmp_path):
    a, b = kantor["replika"][:2]
    status, kepala = _get(kantor["url"] + "/")
    assert status == 200 and "lkjip_replika=" in kepala.get("Set-Cookie", "")
    sebelum = _rata_capaian(halaman, f"http://127.0.0.1:{b}/")

    # an import through the CLI is seen through the other replica (its caches are keyed by the data version)
    f = tmp_path / "depok.csv"
    f.write_bytes(DEPOK)
    r = lkjip("import", f, "--db", kantor["db"])
    assert r.returncode == 0, r.stderr
    assert _rata_capaian(halaman, f"http://127.0.0.1:{b}/") != sebelum

    # a writer (what a replica does when it commits an upload) killed inside its transaction
    from lkjip.store import Store

    with Store(kantor["db"]) as s:
        n_instansi, versi = s.satu("SELECT count(*) FROM instansi"), s.versi_data
    penulis = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom lkjip.store import Store\ns = Store(sys.argv[1])\n"
         "with s.transaksi() as cur:\n"
         "    cur.executemany('INSERT INTO instansi (nama) VALUES (?)', [[f'Dinas Sosial Uji {i}'] for i in range(500)])\n"
         "    print('dalam', flush=True)\n    time.sleep(120)\n", kantor["db"]],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert penulis.stdout.readline().strip() == "dalam"
    penulis.kill()
    penulis.wait()
    mulai = time.monotonic()
    f2 = tmp_path / "bogor.csv"
    f2.write_bytes(DEPOK.replace(b"KOTA DEPOK", b"KOTA BOGOR"))
    r = lkjip("import", f2, "--db", kantor["db"])  # the lock went with the killed session
    assert r.returncode == 0, r.stderr
    assert time.monotonic() - mulai < 60
    with Store(kantor["db"]) as s:
        assert s.satu("SELECT count(*) FROM instansi WHERE nama LIKE 'Dinas Sosial Uji %'") == 0
        assert s.satu("SELECT count(*) FROM instansi") == n_instansi + 1  # Bogor only
        assert s.versi_data == versi + 1

    sesudah = _rata_capaian(halaman, f"http://127.0.0.1:{b}/")

    # one replica dies: nginx sends every request to the other, which keeps serving
    pid = subprocess.run(["pgrep", "-f", f"server.port {a} "], capture_output=True, text=True).stdout.split()
    assert pid, "replika tidak ditemukan"
    for p in pid:
        os.kill(int(p), signal.SIGKILL)
    for _ in range(5):
        assert _get(kantor["url"] + "/_stcore/health")[0] == 200
    assert _rata_capaian(halaman, kantor["url"] + "/") == sesudah  # the page, through nginx, from the survivor


def _cimahi(n: int) -> bytes:
    """A report-style sheet of one agency-year with ``n`` indicator rows (agency absent from the bundled data)."""
    baris = [f"{i};Persentase penerima layanan kesejahteraan sosial kelompok {i};%;80;{60 + i % 40};"
             for i in range(1, n + 1)]
    return ("DINAS SOSIAL KOTA CIMAHI TAHUN 2021\nNo;Indikator Kinerja;Satuan;Target;Realisasi;Capaian\n"
            + "\n".join(baris) + "\n").encode("cp1252")


def _tunggu(syarat, batas: float, pesan: str):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        hasil = syarat()
        if hasil:
            return hasil
        time.sleep(0.1)
    pytest.fail(pesan)


def test_replika_mati_saat_unggah_peramban(kantor, halaman, tmp_path):
    """A planner saves an upload in the browser on one replica, which is killed (SIGKILL) while its save
    is still open: nothing of the file is written, the data version does not move, the write lock goes
    with it, and the other replica keeps serving the same figures.

    So that the kill falls inside the save whatever the machine's speed, the test holds the data-version
    row (``SELECT ... FOR UPDATE``): the save writes every row of the file and then waits on that row just
    before its commit, which is when the replica is killed.
    """
    import psycopg

    from conftest import server_streamlit

    hidup = [p for p in kantor["replika"] if _sehat(f"http://127.0.0.1:{p}")]
    assert hidup, "tidak ada replika yang hidup"
    b = f"http://127.0.0.1:{hidup[0]}"
    sebelum = _rata_capaian(halaman, b + "/")
    n_baris = 400
    f = tmp_path / "cimahi_2021.csv"
    f.write_bytes(_cimahi(n_baris))
    nama_db = kantor["db"].rsplit("/", 1)[1]
    hitung = ("SELECT count(*) FROM indikator t JOIN instansi i ON i.id = t.instansi_id "
              "WHERE i.nama = 'Dinas Sosial Kota Cimahi' AND t.tahun = 2021")
    with psycopg.connect(kantor["db"], autocommit=True) as con:
        versi = int(con.execute("SELECT nilai FROM meta WHERE kunci = 'versi_data'").fetchone()[0])
        assert con.execute(hitung).fetchone()[0] == 0

    with server_streamlit(kantor["db"]) as a:  # replica A: another app process on the same database
        halaman.goto(a + "/unggah")
        tunggu_app(halaman, 120000)
        halaman.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(f))
        tunggu_app(halaman, 120000)
        halaman.get_by_text(f"{n_baris}", exact=False).first.wait_for(timeout=60000)  # the preview counts the rows
        simpan = halaman.get_by_role("button", name="Simpan ke basis data")
        assert simpan.is_enabled()
        penahan = psycopg.connect(kantor["db"])  # a transaction holding the data-version row
        pengamat = psycopg.connect(kantor["db"], autocommit=True)  # sees the server's sessions as they are now
        try:
            penahan.execute("SELECT nilai FROM meta WHERE kunci = 'versi_data' FOR UPDATE")
            simpan.click()
            # the save has written (its transaction has an id) and waits to bump the version, before its commit
            _tunggu(lambda: pengamat.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock' "
                "AND backend_xid IS NOT NULL AND query LIKE 'UPDATE meta SET nilai%%'", [nama_db]).fetchone()[0], 60,
                "penyimpanan tidak sampai ke akhir transaksinya")
            port_a = a.rsplit(":", 1)[1]
            pid = subprocess.run(["pgrep", "-f", f"server.port {port_a} "], capture_output=True, text=True).stdout.split()
            assert len(pid) == 1, pid
            os.kill(int(pid[0]), signal.SIGKILL)
            time.sleep(0.5)
        finally:
            penahan.rollback()
            penahan.close()
            pengamat.close()
        assert not _sehat(a)

    with psycopg.connect(kantor["db"], autocommit=True) as con:
        # the killed replica's server session ends (its client is gone) and rolls its transaction back
        _tunggu(lambda: con.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                                    "AND query LIKE 'UPDATE meta SET nilai%%'", [nama_db]).fetchone()[0] == 0, 60,
                "sesi replika yang dimatikan tidak berakhir")
        assert con.execute(hitung).fetchone()[0] == 0  # none of the file's rows: nothing half written
        assert con.execute("SELECT count(*) FROM impor WHERE nama_file = 'cimahi_2021.csv'").fetchone()[0] == 0
        assert int(con.execute("SELECT nilai FROM meta WHERE kunci = 'versi_data'").fetchone()[0]) == versi
        assert con.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").fetchone()[0] == 0  # lock released

    # the other replica keeps serving the same figures, directly and through nginx
    assert _rata_capaian(halaman, b + "/") == sebelum
    assert _rata_capaian(halaman, kantor["url"] + "/") == sebelum
    # and the same file saves whole afterwards (the write lock went with the killed session)
    r = lkjip("import", f, "--db", kantor["db"])
    assert r.returncode == 0, r.stderr
    with psycopg.connect(kantor["db"], autocommit=True) as con:
        assert con.execute(hitung).fetchone()[0] == n_baris
        assert int(con.execute("SELECT nilai FROM meta WHERE kunci = 'versi_data'").fetchone()[0]) == versi + 1


def _sehat(url: str) -> bool:
    try:
        return urllib.request.urlopen(url + "/_stcore/health", timeout=3).read() == b"ok"
    except OSError:
        return False
