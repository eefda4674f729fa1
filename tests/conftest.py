"""Shared fixtures: a database built once from the bundled data, copied per test that writes."""
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTEFAK = ROOT / "tests" / "artefak"

# A report-style sheet as a planner keeps it: title row with agency and year, Indonesian CSV dialect.
DEPOK = (
    "DINAS SOSIAL KOTA DEPOK TAHUN 2020\n"
    "No;Indikator Kinerja;Satuan;Target;Realisasi;Capaian\n"
    "1;Persentase anak telantar yang mendapatkan pelayanan;%;80;72;90%\n"
    "2;Persentase penurunan jumlah pengemis;%;10;12;\n"
).encode("cp1252")


@pytest.fixture(scope="session")
def db_bawaan(tmp_path_factory) -> Path:
    """A database file with the bundled data of the three reports (built once per test session)."""
    from lkjip.bawaan import buat_db

    return buat_db(tmp_path_factory.mktemp("db") / "bawaan.duckdb")


@pytest.fixture
def db(db_bawaan, tmp_path) -> Path:
    """A private copy of the bundled database, for tests that write."""
    salinan = tmp_path / "lkjip.duckdb"
    shutil.copy(db_bawaan, salinan)
    return salinan


@pytest.fixture
def store(db):
    from lkjip.store import Store

    s = Store(db)
    yield s
    s.close()


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_app(tmp_path_factory, db_bawaan):
    """A real Streamlit server on loopback, on a copy of the bundled database."""
    db_path = tmp_path_factory.mktemp("srv") / "lkjip.duckdb"
    shutil.copy(db_bawaan, db_path)
    with server_streamlit(db_path) as url:
        yield url


@contextlib.contextmanager
def server_streamlit(db_path, env: dict | None = None, folder: Path | None = None):
    """``streamlit run app.py`` on a free loopback port with this database; yields its URL once healthy.

    ``env``: more environment variables (settings such as LKJIP_AKSES). ``folder``: the working folder the
    server starts in (Streamlit reads ``.streamlit/secrets.toml`` from there); the project's root by default.
    """
    port = _port_bebas()
    log = tempfile.TemporaryFile()  # not a pipe: a long-lived server never blocks on a full pipe
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true", "--server.port",
         str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType",
         "none"],
        cwd=folder or ROOT, env=dict(os.environ, LKJIP_DB=str(db_path), **(env or {})), stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    batas = time.time() + 60
    try:
        while time.time() < batas and proc.poll() is None:
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            proc.kill()
            proc.wait()
            log.seek(0)
            raise RuntimeError("server Streamlit tidak siap: " + log.read().decode(errors="replace")[-2000:])
        try:
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    finally:
        log.close()


@pytest.fixture(scope="session")
def peramban():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


@pytest.fixture
def halaman(peramban):
    ctx = peramban.new_context(viewport={"width": 1366, "height": 2400}, locale="id-ID", accept_downloads=True)
    page = ctx.new_page()
    yield page
    ctx.close()


def tunggu_app(page, batas_ms: int = 60000):
    """Wait until Streamlit has finished running the script and the page has settled.

    A run can be followed by another (a rerun), so the idle state must hold for a moment, with no
    placeholder (skeleton) or stale element left on the page.
    """
    siap = "[data-testid='stApp'][data-test-script-state='notRunning']"
    mulai = time.time()
    tenang = 0
    while time.time() - mulai < batas_ms / 1000:
        page.wait_for_selector(siap, timeout=batas_ms)
        sibuk = page.locator("[data-testid='stSkeleton'], [data-stale='true']").count()
        tenang = tenang + 1 if not sibuk and page.locator(siap).count() else 0
        if tenang >= 3:
            return
        page.wait_for_timeout(250)
    raise TimeoutError("aplikasi tidak selesai dimuat")


@pytest.fixture(autouse=True, scope="session")
def _apptest_tanpa_mode_pages_lama():
    """AppTest resets Streamlit's legacy-pages flag before every run, and because our page files live in
    pages/ every run after the first would start the page alone (the legacy mode) and lose the click
    that triggered it. A running server decides this once; do the same here (app.py's st.navigation
    is what routes pages)."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import app_test

    class _PagesManager(PagesManager):
        def __init__(self, *a, **k):
            PagesManager.uses_pages_directory = False
            super().__init__(*a, **k)

    asli = app_test.PagesManager
    app_test.PagesManager = _PagesManager
    yield
    app_test.PagesManager = asli


# --- both backends: a throwaway PostgreSQL cluster per test session ---------------------------------
@pytest.fixture(scope="session")
def pg_klaster():
    """A PostgreSQL 15 server on loopback for this test session (skipped, with the reason, when absent)."""
    import pg

    alasan = pg.tersedia()
    if alasan:
        pytest.skip(f"uji PostgreSQL dilewati: {alasan}")
    k = pg.mulai()
    yield k
    k.berhenti()


@pytest.fixture(scope="session")
def pg_bawaan(pg_klaster) -> str:
    """Name of a PostgreSQL database with the bundled data, used as a template (built once)."""
    from lkjip.bawaan import buat_db

    buat_db(pg_klaster.buat_db("bawaan"))
    return "bawaan"


_nomor_db = iter(range(1, 10**6))


@pytest.fixture
def pg_db(pg_klaster, pg_bawaan) -> str:
    """URL of a private copy of the bundled database on the PostgreSQL server."""
    import psycopg

    nama = f"uji_{next(_nomor_db)}"
    with psycopg.connect(pg_klaster.url(), autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{nama}" TEMPLATE "{pg_bawaan}"')
    yield pg_klaster.url(nama)
    with psycopg.connect(pg_klaster.url(), autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')


@pytest.fixture(scope="module")
def pg_modul(pg_klaster, pg_bawaan) -> str:
    """URL of a copy of the bundled database shared by one test module (for tests that only read)."""
    import psycopg

    nama = f"modul_{next(_nomor_db)}"
    with psycopg.connect(pg_klaster.url(), autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{nama}" TEMPLATE "{pg_bawaan}"')
    yield pg_klaster.url(nama)
    with psycopg.connect(pg_klaster.url(), autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')


@pytest.fixture(params=["duckdb", "postgresql"])
def lokasi(request) -> str:
    """A private copy of the bundled database on each backend: a file path or a postgresql:// URL."""
    if request.param == "duckdb":
        return str(request.getfixturevalue("db"))
    return request.getfixturevalue("pg_db")


@pytest.fixture
def lokasi_kosong(request, lokasi, tmp_path) -> str:
    """An empty database location on the same backend as ``lokasi`` (nothing created yet)."""
    if lokasi.startswith("postgresql://"):
        k = request.getfixturevalue("pg_klaster")
        return k.buat_db(f"kosong_{next(_nomor_db)}")
    return str(tmp_path / "kosong.duckdb")
