#!/usr/bin/env python
"""Concurrency benchmark: many planners at once, driven over Streamlit's WebSocket (scripts/beban_ws.py).

    python scripts/beban.py --cepat                                   # smoke: bundled data, 1 and 2 sessions, < 2 min
    python scripts/beban.py --muat DIR --db data.duckdb               # DuckDB, 1 replica (a DuckDB file has one writer process)
    python scripts/beban.py --muat DIR --pg --replika 1,2             # a throwaway PostgreSQL cluster, 1 and 2 replicas behind nginx
    python scripts/beban.py --url http://127.0.0.1:8600 --sesi 10     # a server already running (no RSS then)

DIR holds upload files (``python -m lkjip synth --agencies 514 --years 10 --out DIR``); they are loaded with
``python -m lkjip import`` into an empty database first. For each number of replicas, fresh Streamlit
servers are started with the production settings of deploy/ (two or more behind nginx with
deploy/nginx-lkjip.conf, as deploy/mulai-lokal.sh does); one session first opens every page once with all
agencies selected (the cold views; their ForwardMsg bytes are the *bytes per view*), then for each number
of sessions all sessions start at once, each opening ``--putaran`` rounds of the six viewing pages from a
different page, with its own filters in the query string (a third all agencies, a third ten agencies, a
third one agency). Reported: p50/p95/max page time, errors (an exception, an error box, a timeout, a
closed connection), views per second and the peak RSS of each replica (VmHWM, so far in that run).
Every wait is bounded: ``--batas`` seconds per level of sessions, ``--batas-tampilan`` per view.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import beban_ws  # noqa: E402

# the viewing pages (URL paths as st.navigation names them; "" is the default page, Ringkasan)
HALAMAN = ["", "perbandingan", "serapan", "efisiensi", "tren", "kualitas"]
NAMA_HALAMAN = {"": "ringkasan"}
TARGET = {"p95": 3.0, "rss": 400.0, "sesi": 25}
NGINX = os.environ.get("LKJIP_NGINX", "/usr/sbin/nginx")


def argumen(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--cepat", action="store_true", help="uji asap: data bawaan, 1 dan 2 sesi, 1 putaran, < 2 menit")
    p.add_argument("--db", help="berkas DuckDB atau URL postgresql:// (bawaan: DuckDB baru di folder kerja)")
    p.add_argument("--pg", action="store_true", help="mulai klaster PostgreSQL sementara (seperti tests/pg.py)")
    p.add_argument("--muat", metavar="DIR", help="impor semua berkas DIR ke basis data kosong lebih dulu")
    p.add_argument("--cadangan", metavar="DIR", help="pulihkan cadangan ini (python -m lkjip backup) ke basis data lebih dulu; "
                   "lebih cepat daripada --muat untuk data yang sudah pernah diimpor")
    p.add_argument("--url", help="ukur server yang sudah berjalan (tanpa mengukur RSS)")
    p.add_argument("--replika", default="1", help="jumlah replika, dipisah koma (bawaan 1; DuckDB: hanya 1)")
    p.add_argument("--sesi", default="1,10,25", help="jumlah sesi serentak, dipisah koma (bawaan 1,10,25)")
    p.add_argument("--putaran", type=int, default=2, help="putaran enam halaman per sesi (bawaan 2)")
    p.add_argument("--batas", type=float, default=300.0, help="batas detik per tingkat sesi (bawaan 300)")
    p.add_argument("--batas-tampilan", type=float, default=60.0, help="batas detik satu tampilan halaman (bawaan 60)")
    p.add_argument("--kerja", help="folder kerja (bawaan: folder sementara yang dihapus di akhir)")
    p.add_argument("--json", help="simpan semua hasil sebagai JSON")
    return p


# --- servers ------------------------------------------------------------------------------------------
def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu_sehat(url: str, batas: float = 120.0) -> None:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server {url} tidak sehat dalam {batas:g} detik")


class Replika:
    """N Streamlit servers on one database (production settings), behind nginx when N > 1."""

    def __init__(self, db: str, n: int, kerja: Path):
        self.db, self.n, self.kerja = db, n, kerja
        self.proses: list[subprocess.Popen] = []
        self.port: list[int] = []
        self.nginx_folder: Path | None = None
        self.url = ""

    def __enter__(self) -> "Replika":
        env = dict(os.environ, LKJIP_DB=self.db, STREAMLIT_SERVER_COOKIE_SECRET="beban-" + os.urandom(8).hex(),
                   MALLOC_ARENA_MAX="2")  # as deploy/ runs a replica
        try:
            for i in range(self.n):
                port = _port_bebas()
                log = open(self.kerja / f"replika-{self.n}-{i + 1}.log", "wb")
                self.proses.append(subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
                     "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
                     "--server.runOnSave", "false", "--runner.postScriptGC", "false", "--client.showErrorDetails", "type",
                     "--browser.gatherUsageStats", "false"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
                self.port.append(port)
            for port in self.port:
                _tunggu_sehat(f"http://127.0.0.1:{port}")
            self.url = self._nginx() if self.n > 1 else f"http://127.0.0.1:{self.port[0]}"
        except BaseException:
            self.__exit__()
            raise
        return self

    def _nginx(self) -> str:
        """deploy/nginx-lkjip.conf with its port and upstream lines filled in, as deploy/mulai-lokal.sh does."""
        if not Path(NGINX).exists():
            raise RuntimeError(f"nginx tidak ada di {NGINX} (apt-get install nginx)")
        f = self.nginx_folder = self.kerja / f"nginx-{self.n}"
        (f / "logs").mkdir(parents=True, exist_ok=True)
        (f / "tmp").mkdir(exist_ok=True)
        os.chmod(f / "tmp", 0o777)
        port = _port_bebas()
        hulu = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in self.port)
        server = (ROOT / "deploy" / "nginx-lkjip.conf").read_text().replace("@PORT@", str(port)).replace("@REPLIKA@", hulu)
        pengguna = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
        sementara = "".join(f"  {k}_temp_path {f}/tmp/{k};\n" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (f / "nginx.conf").write_text(
            f"{pengguna}worker_processes 1;\npid {f}/nginx.pid;\nerror_log {f}/logs/error.log warn;\n"
            f"events {{ worker_connections 1024; }}\nhttp {{\n  access_log {f}/logs/access.log;\n{sementara}"
            f"  include /etc/nginx/mime.types;\n{server}\n}}\n")
        subprocess.run([NGINX, "-p", str(f), "-c", str(f / "nginx.conf"), "-g", "daemon on;"], check=True,
                       capture_output=True, timeout=30)
        url = f"http://127.0.0.1:{port}"
        _tunggu_sehat(url, 30)
        return url

    def rss_puncak(self) -> list[float | None]:
        """Peak resident memory of each replica so far (VmHWM), MiB."""
        hasil = []
        for p in self.proses:
            try:
                baris = Path(f"/proc/{p.pid}/status").read_text().splitlines()
                hasil.append(next(int(b.split()[1]) / 1024 for b in baris if b.startswith("VmHWM:")))
            except (OSError, StopIteration):
                hasil.append(None)
        return hasil

    def hidup(self) -> list[bool]:
        return [p.poll() is None for p in self.proses]

    def __exit__(self, *exc) -> None:
        if self.nginx_folder and (self.nginx_folder / "nginx.pid").exists():
            try:
                os.kill(int((self.nginx_folder / "nginx.pid").read_text().strip()), signal.SIGTERM)
            except (OSError, ValueError):
                pass
        for p in self.proses:
            if p.poll() is None:
                p.terminate()
        for p in self.proses:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


# --- database -----------------------------------------------------------------------------------------
def _lkjip(*args, kerja: Path) -> dict:
    """``python -m lkjip ARGS`` in its own process: wall time and peak RSS of the process (MiB)."""
    skrip = ("import resource, sys, time\nfrom lkjip.__main__ import main\nt = time.perf_counter()\nk = main(sys.argv[1:])\n"
             "print('HASIL', k, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "
             "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, file=sys.stderr)\nsys.exit(k)\n")
    r = subprocess.run([sys.executable, "-c", skrip, *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                       env={k: v for k, v in os.environ.items() if k != "LKJIP_DB"})
    baris = [b for b in r.stderr.splitlines() if b.startswith("HASIL ")]
    if r.returncode != 0 or not baris:
        raise RuntimeError(f"python -m lkjip {args[0]} gagal ({r.returncode}): {r.stderr[-1500:]}")
    _, kode, detik, rss, rss_anak = baris[-1].split()
    return {"detik": float(detik), "rss": float(rss), "rss_pembaca": float(rss_anak), "keluaran": r.stdout[-2000:]}


def siapkan_db(a, kerja: Path, tutup: list) -> tuple[str, dict]:
    """The database the replicas read: given, or a fresh one (a throwaway PostgreSQL cluster with --pg),
    loaded with --muat DIR (empty database + python -m lkjip import) or with the bundled data."""
    info: dict = {}
    if a.pg:
        sys.path.insert(0, str(ROOT / "tests"))
        import pg  # tests/pg.py: Debian's PostgreSQL binaries, a temporary cluster on loopback

        alasan = pg.tersedia()
        if alasan:
            raise RuntimeError(alasan)
        klaster = pg.mulai()
        tutup.append(klaster.berhenti)
        db = klaster.buat_db("lkjip")
    else:
        db = a.db or str(kerja / "beban.duckdb")
    if a.cadangan:
        info["pulihkan"] = _lkjip("restore", "--from", a.cadangan, "--db", db, "--force", kerja=kerja)
    elif a.muat or a.pg or not a.db:
        berkas = sorted(str(p) for p in Path(a.muat).iterdir() if p.suffix in (".xlsx", ".csv")) if a.muat else []
        _lkjip("init", "--db", db, "--force", *(["--empty"] if berkas else []), kerja=kerja)
        if berkas:
            info["impor"] = _lkjip("import", *berkas, "--db", db, kerja=kerja)
            info["impor"]["berkas"] = len(berkas)
    from lkjip.store import Store

    with Store(db, read_only=True) as s:
        info["instansi"] = int(s.satu("SELECT count(*) FROM instansi"))
        info["indikator"] = int(s.satu("SELECT count(*) FROM indikator"))
        info["anggaran"] = int(s.satu("SELECT count(*) FROM anggaran"))
        info["nama"] = list(s.daftar_instansi()["nama"])
    return db, info


# --- load ---------------------------------------------------------------------------------------------
def rencana(nama: list[str], n_sesi: int, putaran: int) -> list[list[tuple[str, str]]]:
    """Each session's views: ``putaran`` rounds of the viewing pages, starting at a different page; a
    third of the sessions with all agencies, a third with ten, a third with one (query string)."""
    hasil = []
    for i in range(n_sesi):
        jenis = i % 3
        if jenis == 0 or not nama:
            param: dict = {}
        elif jenis == 1:
            awal = (i * 37) % max(1, len(nama) - 10)
            param = {"instansi": nama[awal:awal + 10]}
        else:
            satu = nama[(i * 53) % len(nama)]
            param = {"instansi": [satu], "s_instansi": satu}
        qs = beban_ws.query(param)
        urutan = HALAMAN[i % len(HALAMAN):] + HALAMAN[:i % len(HALAMAN)]
        hasil.append([(h, qs) for _ in range(putaran) for h in urutan])
    return hasil


def ringkas_tingkat(sesi: list[list], detik: float) -> dict:
    tampilan = [t for s in sesi for t in s]
    baik = [t.detik for t in tampilan if not t.galat]
    galat = [f"{NAMA_HALAMAN.get(t.halaman, t.halaman)}: {t.galat}" for t in tampilan if t.galat]
    per_halaman = {}
    for h in HALAMAN:
        w = [t.detik for t in tampilan if t.halaman == (h or "(bawaan)") and not t.galat]
        if w:
            per_halaman[NAMA_HALAMAN.get(h, h)] = {"p50": beban_ws.persentil(w, 0.5), "p95": beban_ws.persentil(w, 0.95),
                                                  "n": len(w)}
    return {"tampilan": len(tampilan), "galat": len(galat), "contoh_galat": galat[:5],
            "kotak_galat_data": sum(t.kotak_galat for t in tampilan),
            "p50": beban_ws.persentil(baik, 0.5), "p95": beban_ws.persentil(baik, 0.95), "maks": max(baik, default=None),
            "detik": detik, "per_detik": len(tampilan) / detik if detik else None, "per_halaman": per_halaman}


def ukur_replika(db: str, n: int, a, info: dict, kerja: Path) -> dict:
    hasil: dict = {"replika": n, "tingkat": {}}
    with Replika(db, n, kerja) as r:
        url = r.url
        # cold: on each replica (its own port) one session opens each page once, all agencies selected;
        # the first replica's views give the bytes per view
        for i, port in enumerate(r.port):
            (dingin,), detik = asyncio.run(beban_ws.serentak(f"http://127.0.0.1:{port}", [[(h, "") for h in HALAMAN]],
                                                             a.batas_tampilan, a.batas))
            hasil.setdefault("dingin", {NAMA_HALAMAN.get(t.halaman.replace("(bawaan)", ""), t.halaman): t.ringkas()
                                        for t in dingin})
            for t in dingin:
                print(f"  dingin replika {i + 1}: {NAMA_HALAMAN.get(t.halaman.replace('(bawaan)', ''), t.halaman)} "
                      f"{_d(t.detik)} s, {_d(t.byte / 1024, 1)} KB" + (f", galat: {t.galat}" if t.galat else ""), flush=True)
        hasil["rss_setelah_dingin"] = r.rss_puncak()
        for n_sesi in [int(x) for x in a.sesi.split(",")]:
            sesi, detik = asyncio.run(beban_ws.serentak(url, rencana(info["nama"], n_sesi, a.putaran), a.batas_tampilan,
                                                        a.batas))
            t = ringkas_tingkat(sesi, detik)
            t["rss_puncak"] = r.rss_puncak()
            t["replika_hidup"] = r.hidup()
            t["beban_mesin"] = os.getloadavg()[0]  # other work on the machine inflates the times
            hasil["tingkat"][n_sesi] = t
            _cetak_tingkat(n, n_sesi, t)
    return hasil


def _d(x, n=2) -> str:
    return "–" if x is None else f"{x:,.{n}f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _cetak_tingkat(n: int, n_sesi: int, t: dict) -> None:
    rss = " / ".join(_d(x, 0) for x in t["rss_puncak"])
    print(f"  {n} replika, {n_sesi:>3} sesi: {t['tampilan']} tampilan, p50 {_d(t['p50'])} s, p95 {_d(t['p95'])} s, "
          f"maks {_d(t['maks'])} s, galat {t['galat']}, {_d(t['per_detik'])} tampilan/s, RSS puncak {rss} MiB, "
          f"load average {_d(t.get('beban_mesin'), 1)}", flush=True)
    for g in t["contoh_galat"]:
        print(f"      galat: {g}", flush=True)


def laporan(h: dict) -> str:
    baris = ["| Basis data | Replika | Sesi | Tampilan | p50 (s) | p95 (s) | maks (s) | Galat | Tampilan/s | RSS puncak per replika (MiB) | Load average |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for uji in h["uji"]:
        for n_sesi, t in uji["tingkat"].items():
            baris.append(f"| {h['backend']} | {uji['replika']} | {n_sesi} | {t['tampilan']} | {_d(t['p50'])} | {_d(t['p95'])} | "
                         f"{_d(t['maks'])} | {t['galat']} | {_d(t['per_detik'])} | {' / '.join(_d(x, 0) for x in t['rss_puncak'])} | "
                         f"{_d(t.get('beban_mesin'), 1)} |")
    baris += ["", "| Halaman (semua instansi, dingin) | Detik | KB ForwardMsg | Pesan | Terbesar (KB per jenis elemen) |", "|---|---|---|---|---|"]
    for uji in h["uji"][:1]:
        for nama, t in uji["dingin"].items():
            besar = sorted(t["byte_elemen"].items(), key=lambda kv: -kv[1])[:3]
            baris.append(f"| {nama or 'ringkasan'} | {_d(t['detik'])} | {_d(t['byte'] / 1024, 1)} | {t['pesan']} | "
                         + ", ".join(f"{k} {_d(v / 1024, 1)}" for k, v in besar) + (f" — galat: {t['galat']}" if t["galat"] else "") + " |")
    return "\n".join(baris)


def jalankan(a) -> int:
    if a.cepat:
        a.sesi, a.putaran, a.batas = "1,2", 1, min(a.batas, 90.0)
    kerja = Path(a.kerja) if a.kerja else Path(tempfile.mkdtemp(prefix="lkjip-beban-"))
    kerja.mkdir(parents=True, exist_ok=True)
    tutup: list = []
    h: dict = {"argumen": {k: v for k, v in vars(a).items()}, "uji": []}
    try:
        if a.url:
            h["backend"] = "server " + a.url
            nama: list[str] = []
            for n_sesi in [int(x) for x in a.sesi.split(",")]:
                sesi, detik = asyncio.run(beban_ws.serentak(a.url, rencana(nama, n_sesi, a.putaran), a.batas_tampilan, a.batas))
                t = ringkas_tingkat(sesi, detik)
                t["rss_puncak"] = []
                _cetak_tingkat(0, n_sesi, t)
                h["uji"].append({"replika": "?", "tingkat": {n_sesi: t}, "dingin": {}})
        else:
            t0 = time.perf_counter()
            db, info = siapkan_db(a, kerja, tutup)
            h["backend"] = "PostgreSQL" if db.startswith("postgresql") else "DuckDB"
            h["data"] = {k: v for k, v in info.items() if k != "nama"}
            print(f"Basis data {h['backend']}: {info['instansi']} instansi, {info['indikator']} indikator, "
                  f"{info['anggaran']} anggaran ({_d(time.perf_counter() - t0, 1)} s)", flush=True)
            if "impor" in info:
                i = info["impor"]
                print(f"  impor CLI {i['berkas']} berkas: {_d(i['detik'], 1)} s, RSS puncak {_d(i['rss'], 0)} MiB "
                      f"(pembaca terjaga {_d(i['rss_pembaca'], 0)} MiB)", flush=True)
            for n in [int(x) for x in a.replika.split(",")]:
                if n > 1 and h["backend"] == "DuckDB":
                    print(f"  {n} replika dilewati: satu berkas DuckDB hanya dibuka oleh satu proses server", flush=True)
                    continue
                h["uji"].append(ukur_replika(db, n, a, info, kerja))
        print()
        print(laporan(h))
        if a.json:
            Path(a.json).write_text(json.dumps(h, indent=1, ensure_ascii=False, default=str))
    finally:
        for f in reversed(tutup):
            f()
        if not a.kerja:
            shutil.rmtree(kerja, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argumen(argparse.ArgumentParser(prog="scripts/beban.py", description="Uji beban serentak Dasbor LKjIP lewat WebSocket."))
    return jalankan(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
