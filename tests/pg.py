"""A throwaway PostgreSQL 15 cluster for tests: Debian's binaries, run as a non-root user, on loopback.

``initdb`` refuses root, so as root the cluster runs as the ``postgres`` user (Debian's package creates
it) in a temporary directory that user owns. C collation, so text sorts as in DuckDB.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

BIN = Path(os.environ.get("LKJIP_PG_BIN", "/usr/lib/postgresql/15/bin"))


def tersedia() -> str | None:
    """None when a cluster can be started here, else the reason it cannot."""
    if not (BIN / "initdb").exists():
        return f"PostgreSQL tidak terpasang ({BIN}/initdb tidak ada; apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            import pwd
            pwd.getpwnam("postgres")
        except KeyError:
            return "pengguna 'postgres' tidak ada (initdb menolak root)"
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError:
        return "psycopg/psycopg-pool tidak terpasang (pip install -r requirements.txt)"
    return None


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Klaster:
    def __init__(self, folder: Path, port: int):
        self.folder, self.port = folder, port

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def _sebagai(self, argv: list[str], **kw):
        if os.geteuid() == 0:
            argv = ["runuser", "-u", "postgres", "--"] + argv
        return subprocess.run(argv, check=True, capture_output=True, text=True, **kw)

    def buat_db(self, nama: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
            con.execute(f'CREATE DATABASE "{nama}" TEMPLATE template0 LC_COLLATE "C" LC_CTYPE "C"')
        return self.url(nama)

    def berhenti(self) -> None:
        try:
            self._sebagai([str(BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"])
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


def mulai(port: int | None = None) -> Klaster:
    """initdb into a new temporary folder and start the server on 127.0.0.1 (about 2 s)."""
    folder = Path(tempfile.mkdtemp(prefix="lkjip-pg-"))
    os.chmod(folder, 0o755)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    k = Klaster(folder, port or _port_bebas())
    data = folder / "data"
    k._sebagai([str(BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C",
                "--no-sync"])
    k._sebagai([str(BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-t", "30", "-o",
                f"-c listen_addresses=127.0.0.1 -p {k.port} -k {folder} -c fsync=off -c max_connections=200", "start"])
    batas = time.monotonic() + 30
    while time.monotonic() < batas:
        try:
            with socket.create_connection(("127.0.0.1", k.port), timeout=1):
                return k
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("PostgreSQL tidak mulai dalam 30 detik")
