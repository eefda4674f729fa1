"""Nothing lost: a killed import, concurrent writers and readers, a second process, hostile names.

- Durability: a real subprocess runs ``simpan()`` on a large generated file and is killed with SIGKILL
  while its transaction is open; the database must open with exactly the previous data and take a
  new import.
- Concurrency: one ``Store`` shared by threads (as the app shares it between sessions): writers
  through ``simpan()``, readers through ``store.indikator()`` / ``store.baca()``.
- Another process holding the file: every CLI command stops with one clear line.
- Hostile text (formula prefixes, SQL, HTML, emoji) goes in and out verbatim, as text.
"""
import csv
import io
import os
import pickle
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lkjip.ingest import pratinjau
from lkjip.ingest.simpan import GalatImpor, simpan
from lkjip.store import Store

ROOT = Path(__file__).resolve().parent.parent
TABEL = ["impor", "instansi", "indikator", "renstra", "anggaran", "skor", "nilai_dilaporkan", "masalah_impor",
         "cadangan_impor"]
KOLOM_CSV = ["instansi", "tahun", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi", "capaian_dilaporkan"]


def csv_indikator(instansi: str, tahun: int, n: int, awalan: str = "Indikator") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(KOLOM_CSV)
    for i in range(n):
        w.writerow([instansi, tahun, f"Sasaran {i % 7}", f"{awalan} {i}", "%", "positif", "80", f"{60 + i % 20},5", ""])
    return buf.getvalue().encode("utf-8")


def lkjip(*args, timeout=180):
    """The command line run in-process (tests/cli.py): exit code and output as a user sees them (the kill and
    lock tests start their own processes)."""
    from cli import jalankan

    return jalankan(*args)


def lkjip_proses(*args, timeout=180):
    """The command line as a separate process (started as a user starts it), for timing a run to kill."""
    env = dict(os.environ)
    env.pop("LKJIP_DB", None)
    return subprocess.run([sys.executable, "-m", "lkjip", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=timeout)


def satu_baris_galat(r) -> str:
    assert r.returncode == 2, (r.stdout, r.stderr)
    baris = [b for b in r.stderr.splitlines() if b.strip()]
    assert len(baris) == 1 and baris[0].startswith("galat: ") and "Traceback" not in r.stderr, r.stderr
    return baris[0]


def jumlah(path_or_store) -> dict[str, int]:
    if isinstance(path_or_store, Store):
        s = path_or_store
        return {t: s.satu(f"SELECT count(*) FROM {t}") for t in TABEL} | {"versi_data": s.versi_data}
    with Store(path_or_store) as s:
        return jumlah(s)


# --- 1. durability: SIGKILL in the middle of an import ---------------------------------------------

# The helper process: opens the store, runs simpan() on a 20k-row preview, counting the statements the
# import runs inside its transaction. Modes: "ukur" (run through, report count and duration), "henti:K"
# (after the K-th statement, uncommitted, wait to be killed), "lepas" (run freely; the parent kills it
# at a moment of its choosing). After the commit it waits to be killed without closing the database,
# so the committed import is only in the write-ahead log at that point.
PEMBANTU = textwrap.dedent("""
    import pickle, sys, time
    from contextlib import contextmanager
    sys.path.insert(0, {root!r})
    from lkjip.ingest.simpan import simpan
    from lkjip.store import Store

    db, berkas, ganti, mode = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4]
    henti = int(mode.split(":")[1]) if mode.startswith("henti:") else None
    with open(berkas, "rb") as f:  # the preview of a 20k-row CSV, read once by the fixture
        p = pickle.load(f)
    store = Store(db)
    asli = store.transaksi
    hitung = [0]

    class Kursor:
        def __init__(self, cur):
            self._cur = cur

        def execute(self, *a, **kw):
            self._cur.execute(*a, **kw)
            hitung[0] += 1
            if hitung[0] == henti:
                print("BERHENTI", hitung[0], flush=True)
                time.sleep(120)
            return self._cur

        def __getattr__(self, nama):
            return getattr(self._cur, nama)

    @contextmanager
    def transaksi():
        with asli() as cur:
            print("DALAM_TRANSAKSI", flush=True)  # BEGIN has run
            yield Kursor(cur)

    store.transaksi = transaksi
    mulai = time.monotonic()
    hasil = simpan(store, p, ganti=ganti)
    print("SELESAI", hitung[0], time.monotonic() - mulai, flush=True)
    if mode != "ukur":
        time.sleep(120)
    store.close()
""")

BARIS_BESAR = 20_000
INSTANSI_BESAR = "Dinas Sosial Kota Besar"


def _jalankan(folder: Path, db: Path, nama: str, mode: str):
    return subprocess.Popen([sys.executable, str(folder / "pembantu.py"), str(db), str(folder / f"{nama}.pkl"),
                             "1" if nama == "ganti" else "0", mode],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _tunggu(proc, penanda: str) -> str:
    """Read the helper's output until a line starting with penanda; returns that line."""
    pengawas = threading.Timer(120, proc.kill)  # never hang the suite
    pengawas.start()
    try:
        for baris in proc.stdout:
            if baris.startswith(penanda):
                return baris
        raise AssertionError(f"proses pembantu berhenti sebelum '{penanda}': {proc.stderr.read()[-2000:]}")
    finally:
        pengawas.cancel()


@pytest.fixture(scope="module")
def db_besar(db_bawaan, tmp_path_factory):
    """The bundled data plus 20k indicator rows of one agency-year; previews of a 20k-row replace of that
    agency-year ("ganti") and of 20k rows of a new one ("baru"); how many statements and how long each
    import takes when it runs through."""
    folder = tmp_path_factory.mktemp("besar")
    db = folder / "besar.duckdb"
    shutil.copy(db_bawaan, db)
    with Store(db) as s:
        simpan(s, pratinjau(csv_indikator(INSTANSI_BESAR, 2023, BARIS_BESAR), "besar.csv"))
    isi = {"ganti": csv_indikator(INSTANSI_BESAR, 2023, BARIS_BESAR, "Ukuran"),
           "baru": csv_indikator("Dinas Sosial Kota Baru", 2024, BARIS_BESAR)}
    for nama, data in isi.items():
        (folder / f"{nama}.csv").write_bytes(data)
        p = pratinjau(data, f"{nama}.csv")
        assert p.bisa_disimpan and p.jumlah() == {"indikator": BARIS_BESAR}
        (folder / f"{nama}.pkl").write_bytes(pickle.dumps(p))
    (folder / "pembantu.py").write_text(PEMBANTU.format(root=str(ROOT)), encoding="utf-8")
    ukuran = {}
    for nama in isi:
        salinan = folder / f"ukur-{nama}.duckdb"
        shutil.copy(db, salinan)
        proc = _jalankan(folder, salinan, nama, "ukur")
        _, n, detik = _tunggu(proc, "SELESAI").split()
        proc.communicate(timeout=60)
        ukuran[nama] = (int(n), float(detik))
    return folder, ukuran


def _periksa_setelah_bunuh(db: Path, sebelum: dict, nama: str, komit: bool | None) -> bool:
    """The database opens (replaying its WAL); it holds the previous data, or the whole import; it takes a new import.

    komit None: either is right (the kill may fall between COMMIT and the helper saying so). Returns
    whether the import is there.
    """
    sesudah = jumlah(db)
    if komit is None:
        komit = sesudah != sebelum
    if komit:
        assert sesudah["impor"] == sebelum["impor"] + 1 and sesudah["versi_data"] == sebelum["versi_data"] + 1
        assert sesudah["indikator"] == sebelum["indikator"] + (0 if nama == "ganti" else BARIS_BESAR)
        assert sesudah["cadangan_impor"] == sebelum["cadangan_impor"] + (BARIS_BESAR if nama == "ganti" else 0)
    else:
        assert sesudah == sebelum
    with Store(db) as s:
        kata = set(s.indikator([INSTANSI_BESAR], [2023])["indikator"].str.split().str[0])
        assert kata == ({"Ukuran"} if komit and nama == "ganti" else {"Indikator"})
        h = simpan(s, pratinjau(csv_indikator("Dinas Sosial Kota Setelah", 2023, 25), "setelah.csv"))
        assert h.ditulis == {"indikator": 25}
        assert s.satu("SELECT count(*) FROM indikator") == sesudah["indikator"] + 25
    return komit


def _bunuh(proc) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL


# Where the kill lands, as a share of the statements the import runs in its transaction (1 = the first,
# "akhir" = after the last, just before COMMIT). The replace keeps each replaced row in cadangan_impor.
PERNYATAAN = [("ganti", "pertama"), ("ganti", 0.5), ("ganti", "akhir"), ("baru", "pertama"), ("baru", "akhir")]


@pytest.mark.parametrize("nama, titik", PERNYATAAN, ids=[f"{n}-{t}" for n, t in PERNYATAAN])
def test_impor_dibunuh_di_tengah_transaksi(db_besar, tmp_path, nama, titik):
    folder, ukuran = db_besar
    total = ukuran[nama][0]
    k = {"pertama": 1, "akhir": total}.get(titik) or max(1, int(total * titik))
    db = tmp_path / "db.duckdb"
    shutil.copy(folder / "besar.duckdb", db)
    sebelum = jumlah(db)
    proc = _jalankan(folder, db, nama, f"henti:{k}")
    _tunggu(proc, "BERHENTI")
    _bunuh(proc)
    _periksa_setelah_bunuh(db, sebelum, nama, komit=False)


@pytest.mark.parametrize("nama", ["ganti", "baru"])
def test_impor_dibunuh_setelah_komit_tetap_ada(db_besar, tmp_path, nama):
    """Killed after COMMIT returned, before the database was closed: the import is all there."""
    folder, _ = db_besar
    db = tmp_path / "db.duckdb"
    shutil.copy(folder / "besar.duckdb", db)
    sebelum = jumlah(db)
    proc = _jalankan(folder, db, nama, "lepas")
    _tunggu(proc, "SELESAI")
    _bunuh(proc)
    _periksa_setelah_bunuh(db, sebelum, nama, komit=True)


@pytest.mark.parametrize("bagian", [0.2, 0.5, 0.8])
def test_impor_dibunuh_pada_saat_sembarang(db_besar, tmp_path, bagian):
    """No pause in the helper: SIGKILL at a share of the measured duration of the replace, wherever that lands
    (inside DuckDB's own work). Before or after COMMIT, the file holds the old rows or the new, never a mix."""
    folder, ukuran = db_besar
    db = tmp_path / "db.duckdb"
    shutil.copy(folder / "besar.duckdb", db)
    sebelum = jumlah(db)
    proc = _jalankan(folder, db, "ganti", "lepas")
    _tunggu(proc, "DALAM_TRANSAKSI")
    time.sleep(ukuran["ganti"][1] * bagian)
    os.kill(proc.pid, signal.SIGKILL)
    sisa, _ = proc.communicate(timeout=60)
    if "SELESAI" in sisa:
        assert _periksa_setelah_bunuh(db, sebelum, "ganti", komit=True)
    else:
        komit = _periksa_setelah_bunuh(db, sebelum, "ganti", komit=None)
        print(f"pembunuhan pada {bagian:.0%} dari {ukuran['ganti'][1]:.2f}s: {'setelah' if komit else 'sebelum'} COMMIT")


def test_cli_impor_dibunuh_tetap_utuh(db_besar, tmp_path):
    """The user's own path: `python -m lkjip import --replace` killed mid-way leaves the old data or the new."""
    db_besar, _ = db_besar
    db = tmp_path / "db.duckdb"
    shutil.copy(db_besar / "besar.duckdb", db)
    sebelum = jumlah(db)
    perintah = [sys.executable, "-m", "lkjip", "import", str(db_besar / "ganti.csv"), "--replace", "--db"]
    # a full run on another copy says how long the command takes here; the kill comes at 85% of that,
    # late in the replace (or, on a loaded machine, still while reading the file)
    ukur = tmp_path / "ukur.duckdb"
    shutil.copy(db_besar / "besar.duckdb", ukur)
    mulai = time.monotonic()
    r = subprocess.run(perintah + [str(ukur)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    penuh = time.monotonic() - mulai
    assert r.returncode == 0 and f"diganti indikator {BARIS_BESAR}" in r.stdout, r.stderr
    proc = subprocess.Popen(perintah + [str(db)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.85 * penuh)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    sesudah = jumlah(db)
    ind = Store(db, read_only=True)
    try:
        nama = set(ind.indikator([INSTANSI_BESAR], [2023])["indikator"].str.split().str[0])
    finally:
        ind.close()
    assert sesudah == sebelum and nama == {"Indikator"} or (sesudah["impor"] == sebelum["impor"] + 1 and nama == {"Ukuran"})


def test_restore_dibunuh_db_lama_utuh(db_besar, db, tmp_path):
    """`restore --force` killed at various moments: the target holds the old database or the restored one."""
    from lkjip.cadangan import cadangkan

    db_besar, _ = db_besar
    folder = tmp_path / "cadangan"
    with Store(db_besar / "besar.duckdb", read_only=True) as s:
        cadangkan(s, folder)
    lama, baru = jumlah(db), jumlah(db_besar / "besar.duckdb")
    asli = tmp_path / "asli.duckdb"
    shutil.copy(db, asli)
    # one full run first, on another file, to know how long a restore takes on this machine right now
    mulai = time.monotonic()
    assert lkjip_proses("restore", "--from", folder, "--db", tmp_path / "ukur.duckdb").returncode == 0
    penuh = time.monotonic() - mulai
    def keadaan(sekarang: dict) -> str:
        """The old database untouched, or the backup's rows with a data version past both (so an app that
        cached the old database's figures recomputes them)."""
        if sekarang == lama:
            return "lama"
        tanpa_versi = lambda d: {k: v for k, v in d.items() if k != "versi_data"}  # noqa: E731
        assert tanpa_versi(sekarang) == tanpa_versi(baru), sekarang
        assert sekarang["versi_data"] > max(lama["versi_data"], baru["versi_data"]), sekarang
        return "baru"

    hasil = []
    for jeda in (0.45 * penuh, 0.6 * penuh, 0.7 * penuh, 0.8 * penuh, 0.9 * penuh):
        proc = subprocess.Popen([sys.executable, "-m", "lkjip", "restore", "--from", str(folder), "--db", str(db), "--force"],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(jeda)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        k = keadaan(jumlah(db))  # opens: never a broken file
        hasil.append(f"{jeda:.2f}s: {k}")
        if k == "baru":  # the restore finished first: start again from the old database
            shutil.copy(asli, db)
    print("restore dibunuh:", hasil)
    # a later restore cleans up what a killed one left behind, and succeeds
    r = lkjip("restore", "--from", folder, "--db", db, "--force")
    assert r.returncode == 0, r.stderr
    assert keadaan(jumlah(db)) == "baru"
    assert not list(tmp_path.glob("*.pulih-*"))


# --- 2. concurrency: one Store, many threads -------------------------------------------------------

PENULIS, IMPOR_PER_PENULIS, BARIS_PER_IMPOR, PEMBACA = 4, 5, 60, 3


def test_penulis_dan_pembaca_bersamaan(store):
    sebelum = jumlah(store)
    berkas = {(w, k): pratinjau(csv_indikator(f"Dinas Sosial Kota Paralel{w}", 2010 + k, BARIS_PER_IMPOR), f"p{w}-{k}.csv")
              for w in range(PENULIS) for k in range(IMPOR_PER_PENULIS)}
    galat: list[str] = []
    teramati: list[list[int]] = [[] for _ in range(PEMBACA)]
    selesai = threading.Event()

    def penulis(w):
        try:
            for k in range(IMPOR_PER_PENULIS):
                h = simpan(store, berkas[w, k])
                assert h.ditulis == {"indikator": BARIS_PER_IMPOR}
        except Exception as e:
            galat.append(f"penulis {w}: {e!r}")

    def pembaca(j):
        try:
            while not selesai.is_set():
                n = store.satu("SELECT count(*) FROM indikator")
                df = store.indikator()
                teramati[j].append(n)
                assert len(df) >= n  # rows only ever added
                store.anggaran(["Dinas Sosial Kota Bekasi"], [2023])
                store.baca("SELECT i.nama, count(*) AS n FROM indikator t JOIN instansi i ON i.id = t.instansi_id GROUP BY 1")
        except Exception as e:
            galat.append(f"pembaca {j}: {e!r}")

    utas_baca = [threading.Thread(target=pembaca, args=(j,)) for j in range(PEMBACA)]
    utas_tulis = [threading.Thread(target=penulis, args=(w,)) for w in range(PENULIS)]
    for t in utas_baca + utas_tulis:
        t.start()
    for t in utas_tulis:
        t.join(timeout=300)
    selesai.set()
    for t in utas_baca:
        t.join(timeout=60)
    assert not galat, galat  # no "connection busy", no lock or transaction-conflict error
    total = PENULIS * IMPOR_PER_PENULIS
    sesudah = jumlah(store)
    assert sesudah["indikator"] == sebelum["indikator"] + total * BARIS_PER_IMPOR
    assert sesudah["impor"] == sebelum["impor"] + total
    assert sesudah["versi_data"] == sebelum["versi_data"] + total
    assert sesudah["instansi"] == sebelum["instansi"] + PENULIS
    for w in range(PENULIS):
        df = store.indikator([f"Dinas Sosial Kota Paralel{w}"])
        assert sorted(df["tahun"].value_counts().items()) == [(2010 + k, BARIS_PER_IMPOR) for k in range(IMPOR_PER_PENULIS)]
    for seri in teramati:
        assert seri, "every reader ran at least once"
        assert seri == sorted(seri)  # never goes back
        assert all((n - sebelum["indikator"]) % BARIS_PER_IMPOR == 0 for n in seri)  # whole imports only


def test_impor_instansi_tahun_sama_bersamaan_tidak_ganda(store):
    """Three uploads of the same agency-year at once: one is written, the others are refused as 'sudah ada'.

    When this test was written simpan() checked konflik() before taking the write lock, and all three
    were written (60 rows instead of 20); simpan() now holds the lock around the check and the write.
    """
    n, r = 3, 20
    pr = [pratinjau(csv_indikator("Dinas Sosial Kota Kembar", 2022, r), f"k{i}.csv") for i in range(n)]
    # let every thread finish its own checks before any of them enters its transaction (what a busy
    # server does by chance); with a lock around check + write the barrier simply times out
    rintang = threading.Barrier(n, timeout=2)
    asli = store.transaksi

    def transaksi():
        try:
            rintang.wait()
        except threading.BrokenBarrierError:
            pass
        return asli()

    store.transaksi = transaksi
    hasil, ditolak, lain = [], [], []

    def impor(p):
        try:
            hasil.append(simpan(store, p))
        except GalatImpor as e:
            ditolak.append(str(e))
        except Exception as e:
            lain.append(repr(e))

    utas = [threading.Thread(target=impor, args=(p,)) for p in pr]
    for t in utas:
        t.start()
    for t in utas:
        t.join(timeout=120)
    assert not lain
    assert len(store.indikator(["Dinas Sosial Kota Kembar"], [2022])) == r
    assert len(hasil) == 1 and len(ditolak) == n - 1 and all("sudah ada" in d for d in ditolak)


# --- 3. another process holds the database --------------------------------------------------------

def test_cli_saat_proses_lain_memegang_db(db, tmp_path):
    """A separate process holds the file read-write (as the Streamlit app does); every CLI command stops clearly."""
    pemegang = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from lkjip.store import Store; s = Store(sys.argv[1]); "
                               "print('SIAP', flush=True); time.sleep(120)", str(db)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert pemegang.stdout.readline().strip() == "SIAP", pemegang.stderr.read()
        f = tmp_path / "a.csv"
        f.write_bytes(csv_indikator("Dinas Sosial Kota Depok", 2023, 3))
        perintah = [
            ["import", f, "--db", db],
            ["export", "--db", db, "--out", tmp_path / "x.csv"],
            ["backup", "--db", db, "--out", tmp_path / "c"],
            ["init", "--db", db, "--force"],
        ]
        for args in perintah:
            assert "dipakai proses lain" in satu_baris_galat(lkjip(*args)), args
        assert not (tmp_path / "x.csv").exists() and not (tmp_path / "c").exists()
    finally:
        pemegang.kill()
        pemegang.communicate(timeout=30)
    # the holder is gone: the file opens and still has the bundled data
    assert jumlah(db)["instansi"] == 3


# --- 4. hostile text: formula prefixes, SQL, HTML, emoji -------------------------------------------

RUMUS = ['=HYPERLINK("http://contoh.invalid","klik")', "+62 811 000", "-1+1", "@SUM(A1:A9)", "=1+2"]
JAHAT = ["'; DROP TABLE indikator; --", "Robert'); DROP TABLE instansi;--", '<script>alert("x")</script>',
         "Persentase lansia 👵🏽 terlayani ✅", 'Kutip "ganda" dan \'tunggal\' & <b>tebal</b>', "C:\\temp\\100% _x_",
         "1; SELECT * FROM impor"]
INSTANSI_JAHAT = "Dinas Sosial Kota O'Brien \"Uji\" <i>🤝</i> '; DROP TABLE instansi; --"


def _berkas_jahat(path: Path, nama: list[str]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(KOLOM_CSV)
    for i, n in enumerate(nama):
        w.writerow([INSTANSI_JAHAT, 2023, RUMUS[i % len(RUMUS)], n, "%", "positif", "80", f"{70 + i}", "90%"])
    path.write_bytes(buf.getvalue().encode("utf-8"))


def test_ekspor_rumus_tetap_teks_ujung_ke_ujung(db, tmp_path):
    f = tmp_path / "rumus.csv"
    _berkas_jahat(f, RUMUS + JAHAT)
    r = lkjip("import", f, "--db", db)
    assert r.returncode == 0, r.stderr
    harap = RUMUS + JAHAT
    out = tmp_path / "e.xlsx"
    r = lkjip("export", "--db", db, "--out", out, "--instansi", INSTANSI_JAHAT)
    assert r.returncode == 0, r.stderr
    ws = load_workbook(out).active
    judul = [c.value for c in ws[1]]
    baris = [dict(zip(judul, row)) for row in ws.iter_rows(min_row=2)]
    assert sorted(b["indikator"].value for b in baris) == sorted(harap)
    for b in baris:
        for k in ("instansi", "sasaran", "indikator"):
            assert b[k].data_type == "s", (k, b[k].value)  # text, never a formula
        assert b["instansi"].value == INSTANSI_JAHAT
        assert b["target"].value == 80 and b["target"].data_type == "n"
        assert isinstance(b["realisasi"].value, (int, float)) and b["realisasi"].data_type == "n"
        assert b["capaian"].value == pytest.approx(b["realisasi"].value / 80 * 100, abs=0.005)
        assert b["tahun"].value == 2023
    out = tmp_path / "e.csv"
    assert lkjip("export", "--db", db, "--out", out, "--instansi", INSTANSI_JAHAT).returncode == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    aman = lambda t: "'" + t if t[0] in "=+-@\t\r" else t  # noqa: E731
    assert sorted(r["indikator"] for r in rows) == sorted(aman(t) for t in harap)
    assert {r["sasaran"] for r in rows} == {aman(t) for t in RUMUS}
    assert all(r["target"] == "80" and r["tahun"] == "2023" and float(r["realisasi"]) >= 70 for r in rows)
    out = tmp_path / "id.csv"
    assert lkjip("export", "--db", db, "--out", out, "--instansi", INSTANSI_JAHAT, "--excel-id").returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert {r["sasaran"] for r in rows} == {aman(t) for t in RUMUS}
    assert {r["capaian"] for r in rows} >= {"87,5", "100"}  # realisasi 70 and 80 of target 80


def test_nama_jahat_tersimpan_dan_keluar_apa_adanya(store, tmp_path):
    f = tmp_path / "jahat.csv"
    _berkas_jahat(f, JAHAT)
    sebelum = {t: store.satu(f"SELECT count(*) FROM {t}") for t in TABEL}
    h = simpan(store, pratinjau(f.read_bytes(), f.name))
    assert h.ditulis == {"indikator": len(JAHAT)}
    tabel = set(store.baca("SELECT table_name FROM duckdb_tables()")["table_name"])
    assert {"indikator", "instansi", "impor"} <= tabel
    assert store.satu("SELECT count(*) FROM indikator") == sebelum["indikator"] + len(JAHAT)
    assert store.satu("SELECT count(*) FROM instansi") == sebelum["instansi"] + 1
    df = store.indikator([INSTANSI_JAHAT], [2023])
    assert sorted(df["indikator"]) == sorted(JAHAT)
    assert set(df["instansi"]) == {INSTANSI_JAHAT}
    assert INSTANSI_JAHAT in set(store.daftar_instansi()["nama"])
    # a second import of the same agency-year is recognised as a conflict (the name matched exactly)
    with pytest.raises(GalatImpor, match="sudah ada"):
        simpan(store, pratinjau(f.read_bytes(), f.name))
    # a lookalike name matches nothing (no LIKE, no string building)
    assert store.indikator(["Dinas Sosial Kota O%"]).empty
    from lkjip import export

    teks = export.ke_csv(export.tabel_capaian(store, [INSTANSI_JAHAT])).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(teks, newline="")))
    assert sorted(r["indikator"] for r in rows) == sorted(JAHAT)  # none starts with a formula prefix: verbatim
    ws = load_workbook(io.BytesIO(export.ke_xlsx(export.tabel_capaian(store, [INSTANSI_JAHAT])))).active
    assert sorted(c.value for c in ws["D"][1:]) == sorted(JAHAT)
    assert {c.value for c in ws["A"][1:]} == {INSTANSI_JAHAT}
