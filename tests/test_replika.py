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
