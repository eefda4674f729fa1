"""Command line: python -m lkjip init | import | export | check | laporan | reviu | log | backup | restore | synth | bench | hash-password.

Exit status: 0 success, 2 user error (one line in Bahasa Indonesia on stderr), 1 only for a bug.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .bawaan import buat_db, buka
from .cli_impor import cmd_import, cmd_profil
from .cli_umum import GalatPengguna
from .store import StoreError, adalah_url, lokasi_db, samarkan


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own errors: one line, exit 2
        raise GalatPengguna(f"argumen tidak valid: {message} (lihat: {self.prog} --help)")


def _tahun(teks: str) -> int:
    try:
        th = int(teks)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tahun '{teks}' bukan angka") from None
    if not 2000 <= th <= 2100:
        raise argparse.ArgumentTypeError(f"tahun {th} di luar rentang 2000–2100")
    return th


def _keluaran(out, akhiran: tuple[str, ...] = (".csv", ".xlsx")) -> Path:
    """The --out file of a command: one of the suffixes, in a folder that exists."""
    out = Path(out)
    if out.suffix.lower() not in akhiran:
        raise GalatPengguna(f"--out harus berakhiran {' atau '.join(akhiran)} (bukan '{out.suffix or out.name}')")
    if not out.parent.exists():
        raise GalatPengguna(f"folder {out.parent} tidak ada")
    return out


def _tulis(tulis, out: Path) -> None:
    """Run a writer of ``out``; a disk or permission error is a user error naming the file."""
    try:
        tulis()
    except OSError as e:
        raise GalatPengguna(f"tidak dapat menulis {out}: {e.strerror}") from None


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m lkjip", description="Dasbor LKjIP — basis data, impor dan ekspor.")
    sub = p.add_subparsers(dest="perintah", parser_class=_Parser, metavar="{init,import,profil,export,check,laporan,reviu,log,backup,restore,synth,bench,hash-password}")
    sub.required = True

    s = sub.add_parser("init", help="buat basis data (dengan data bawaan tiga LKjIP)")
    s.add_argument("--db", help="berkas basis data atau URL postgresql://pengguna@host:port/db "
                   "(bawaan: $LKJIP_DB atau data/lkjip.duckdb)")
    s.add_argument("--empty", action="store_true", help="tanpa data bawaan")
    s.add_argument("--force", action="store_true", help="timpa basis data yang sudah ada")

    s = sub.add_parser("import", help="impor berkas Excel/CSV")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--db")
    s.add_argument("--instansi", help="nama instansi bila berkas tidak menyebutnya")
    s.add_argument("--tahun", type=_tahun, help="tahun bila berkas tidak menyebutnya")
    s.add_argument("--replace", action="store_true", help="ganti data instansi-tahun yang sudah ada (dapat dibatalkan)")
    s.add_argument("--dry-run", action="store_true", help="tampilkan pratinjau saja, tidak menulis apa pun")
    s.add_argument("--atomik", action="store_true",
                   help="semua berkas dalam satu transaksi: semuanya tersimpan atau tidak satu pun")
    s.add_argument("--keep-malformed", action="store_true",
                   help="simpan angka salah cetak (mis. Rp91-.160.954) sebagai teks tanpa nilai, bukan galat")
    s.add_argument("--pengguna", metavar="NAMA", help="menulis sebagai akun ini dari pengaturan akses (.streamlit/secrets.toml), "
                                                       "dengan hak perannya; tanpa ini: admin lokal")
    s.add_argument("--profil", metavar="NAMA", help="pakai profil impor tersimpan (lihat: python -m lkjip profil list)")

    s = sub.add_parser("export", help="ekspor tabel capaian atau anggaran ke CSV/xlsx")
    s.add_argument("--out", required=True, help="berkas keluaran .csv atau .xlsx")
    s.add_argument("--db")
    s.add_argument("--tabel", choices=["capaian", "anggaran"], default="capaian")
    s.add_argument("--instansi", action="append", help="nama instansi (boleh diulang)")
    s.add_argument("--tahun", type=_tahun, action="append", help="tahun (boleh diulang)")
    s.add_argument("--excel-id", action="store_true", help="CSV gaya Excel Indonesia: titik koma, koma desimal")
    s.add_argument("--semua-sumber", action="store_true", help="semua baris tercetak, bukan hanya tabel utama")

    s = sub.add_parser("check", help="pemeriksaan rekonsiliasi: di mana laporan tidak sesuai dengan dirinya sendiri")
    s.add_argument("--db")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table", help="bentuk keluaran (bawaan: table)")
    s.add_argument("--instansi", action="append", help="nama instansi (boleh diulang)")
    s.add_argument("--tahun", type=_tahun, action="append", help="tahun (boleh diulang)")

    s = sub.add_parser("backup", help="cadangkan seluruh basis data ke folder (Parquet per tabel + manifest.json)")
    s.add_argument("--out", required=True, metavar="DIR", help="folder cadangan baru (atau kosong)")
    s.add_argument("--db")

    s = sub.add_parser("restore", help="pulihkan basis data dari folder cadangan")
    s.add_argument("--from", dest="dari", required=True, metavar="DIR", help="folder cadangan (berisi manifest.json)")
    s.add_argument("--db")
    s.add_argument("--force", action="store_true", help="timpa basis data yang sudah ada")

    s = sub.add_parser("synth", help="buat data sintetis (templat unggahan) untuk uji beban dan benchmark")
    s.add_argument("--agencies", type=int, default=514, help="jumlah instansi, 1–514 (bawaan 514)")
    s.add_argument("--years", type=int, default=10, help="jumlah tahun, 1–30, berakhir 2024 (bawaan 10)")
    s.add_argument("--out", required=True, metavar="DIR", help="folder keluaran")
    s.add_argument("--seed", type=int, default=42, help="seed; seed sama menghasilkan berkas yang sama persis")
    s.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    s.add_argument("--berkas-uji", type=int, metavar="BARIS", help="juga tulis satu tabel anggaran ±BARIS baris (xlsx dan CSV)")

    s = sub.add_parser("hash-password", help="buat hash kata sandi untuk .streamlit/secrets.toml (dibaca dari masukan)")
    s.add_argument("--pengguna", metavar="NAMA", help="cetak blok [akses.pengguna.NAMA] untuk akun bernama (bawaan: kata sandi bersama)")
    s.add_argument("--peran", choices=["pembaca", "operator", "reviewer", "admin"], default="pembaca", help="peran akun (bawaan: pembaca)")
    s.add_argument("--instansi", action="append", metavar="NAMA", help="instansi yang boleh ditulis operator (boleh diulang)")

    s = sub.add_parser("laporan", help="draf Bab III LKjIP satu instansi-tahun, atau laporan perbandingan (DOCX/XLSX)")
    s.add_argument("--out", required=True, help="berkas keluaran .docx atau .xlsx")
    s.add_argument("--db")
    s.add_argument("--instansi", action="append", help="nama instansi (Bab III: tepat satu; perbandingan: boleh diulang)")
    s.add_argument("--tahun", type=_tahun, action="append", help="tahun (Bab III: tepat satu; perbandingan: boleh diulang)")
    s.add_argument("--perbandingan", action="store_true", help="laporan perbandingan antarinstansi, bukan Bab III")
    s.add_argument("--batas", type=float, default=120.0, help="batas capaian saat dirata-rata, %% (bawaan 120)")
    s = sub.add_parser("profil", help="profil impor: daftar atau hapus")
    s.add_argument("aksi", choices=["list", "delete"], help="list: daftar profil; delete NAMA: hapus profil")
    s.add_argument("nama", nargs="?", metavar="NAMA")
    s.add_argument("--db")

    s = sub.add_parser("reviu", help="lembar kerja reviu (xlsx) satu instansi-tahun: temuan, putusan, catatan indikator")
    s.add_argument("--db")
    s.add_argument("--instansi", required=True)
    s.add_argument("--tahun", type=_tahun, required=True)
    s.add_argument("--out", required=True, help="berkas .xlsx yang ditulis")
    s = sub.add_parser("log", help="log aktivitas: siapa menulis apa, kapan, untuk instansi-tahun mana (ke layar, CSV atau xlsx)")
    s.add_argument("--db")
    s.add_argument("--instansi", help="hanya instansi ini")
    s.add_argument("--batas", type=int, default=100, help="jumlah baris terbaru (bawaan 100)")
    s.add_argument("--out", help="berkas keluaran .csv atau .xlsx (tanpa ini: ke layar)")

    # its options live with the benchmark script (a tool, not part of the package): parsed only when run
    sub.add_parser("bench", help="benchmark: impor, muat skala nasional, memori, baseline, halaman "
                   "(python -m lkjip bench --help)", add_help=False)
    return p


def cmd_init(a) -> int:
    tujuan = lokasi_db(a.db)
    if adalah_url(tujuan):
        from .store import cadangan_pg

        cadangan_pg.kosongkan(tujuan, timpa=a.force)  # refuses when it has data, unless --force
    elif tujuan.exists() and not a.force:
        raise GalatPengguna(f"basis data {tujuan} sudah ada; pakai --force untuk menimpanya")
    elif tujuan.exists():
        from .store import Store
        Store(tujuan).close()  # refuses clearly if another process holds it
        tujuan.unlink()
    buat_db(tujuan, kosong=a.empty)
    with buka(tujuan) as store:
        n = store.satu("SELECT count(*) FROM indikator"), store.satu("SELECT count(*) FROM anggaran"), store.satu("SELECT count(*) FROM instansi")
    print(f"Basis data dibuat: {samarkan(tujuan)} ({n[2]} instansi, {n[0]} baris indikator, {n[1]} baris anggaran)")
    return 0


def cmd_export(a) -> int:
    from . import export

    out = _keluaran(a.out)
    with buka(a.db) as store:
        _pastikan_instansi(store, a.instansi)
        fungsi = export.tabel_capaian if a.tabel == "capaian" else export.tabel_anggaran
        df = fungsi(store, a.instansi, a.tahun, semua_sumber=a.semua_sumber)
    _tulis(lambda: export.tulis(df, out, excel_id=a.excel_id), out)
    print(f"{len(df)} baris tabel {a.tabel} ditulis ke {out}")
    return 0


def cmd_backup(a) -> int:
    from .cadangan import GalatCadangan, cadangkan
    from .store import Store

    sumber = lokasi_db(a.db)
    if not adalah_url(sumber) and not sumber.is_file():
        raise GalatPengguna(f"basis data {sumber} tidak ada; tidak ada yang dicadangkan")
    with Store(sumber, read_only=True) as store:
        try:
            m = cadangkan(store, a.out)
        except GalatCadangan as e:
            raise GalatPengguna(str(e)) from None
    n = sum(t["baris"] for t in m["tabel"].values())
    print(f"Cadangan ditulis ke {a.out}: {len(m['tabel'])} tabel, {n} baris (skema versi {m['versi_skema']})")
    return 0


def cmd_restore(a) -> int:
    from .cadangan import GalatCadangan, pulihkan

    tujuan = lokasi_db(a.db)
    try:
        jumlah = pulihkan(a.dari, tujuan, timpa=a.force)
    except GalatCadangan as e:
        raise GalatPengguna(str(e)) from None
    print(f"Basis data dipulihkan: {samarkan(tujuan)} ({len(jumlah)} tabel, {jumlah.get('instansi', 0)} instansi, "
          f"{jumlah.get('indikator', 0)} baris indikator, {jumlah.get('anggaran', 0)} baris anggaran)")
    return 0


def cmd_synth(a) -> int:
    from . import synth

    if not 1 <= a.agencies <= synth.JUMLAH_INSTANSI:
        raise GalatPengguna(f"--agencies harus 1–{synth.JUMLAH_INSTANSI} (bukan {a.agencies})")
    if not 1 <= a.years <= 30:
        raise GalatPengguna(f"--years harus 1–30 (bukan {a.years})")
    out = Path(a.out)
    if out.exists() and not out.is_dir():
        raise GalatPengguna(f"{out} sudah ada dan bukan folder")
    try:
        r = synth.buat(out, a.agencies, a.years, seed=a.seed, format=a.format)
        uji = synth.buat_berkas_uji(out / "uji", a.berkas_uji, seed=a.seed) if a.berkas_uji else None
    except OSError as e:
        raise GalatPengguna(f"tidak dapat menulis ke {out}: {e.strerror}") from None
    b = r["baris"]
    print(f"Data sintetis ditulis ke {out}: {len(r['berkas'])} berkas, {r['instansi']} instansi × {len(r['tahun'])} tahun "
          f"({r['tahun'][0]}–{r['tahun'][-1]}); indikator {b['indikator']}, anggaran {b['anggaran']}, skor {b['skor']} baris.")
    if uji:
        print(f"Berkas uji impor: {uji['xlsx']['path']} dan {uji['csv']['path']} ({uji['xlsx']['baris']} baris anggaran).")
    print(f"Muat ke basis data kosong: python -m lkjip init --db sintetis.duckdb --empty && "
          f"python -m lkjip import {out}/*.{a.format} --db sintetis.duckdb")
    return 0


def _modul_bench():
    """scripts/bench.py (a script, not part of the package), loaded by path."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "scripts" / "bench.py"
    spec = importlib.util.spec_from_file_location("lkjip_bench", path)
    if spec is None or not path.exists():
        raise GalatPengguna(f"skrip benchmark {path} tidak ditemukan")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def cmd_bench(argumen: list[str]) -> int:
    modul = _modul_bench()
    a = modul.argumen(_Parser(prog="python -m lkjip bench", description="Benchmark (scripts/bench.py).")).parse_args(argumen)
    return modul.jalankan(a)


def _pastikan_instansi(store, nama: list[str] | None) -> None:
    """Every agency named on the command line exists, else one clear line listing those that do."""
    if nama:
        ada = set(store.daftar_instansi()["nama"])
        tidak = [i for i in nama if i not in ada]
        if tidak:
            raise GalatPengguna(f"instansi tidak ditemukan: {', '.join(tidak)}. Yang ada: {', '.join(sorted(ada)) or '(kosong)'}")


def cmd_check(a) -> int:
    from . import checks, export

    with buka(a.db) as store:
        _pastikan_instansi(store, a.instansi)
        df = checks.temuan(store, a.instansi, a.tahun)
    if a.format == "csv":
        sys.stdout.buffer.write(export.ke_csv(df))
    elif a.format == "json":
        sys.stdout.write(checks.ke_json(df))
    else:
        sys.stdout.write(checks.tabel_teks(df))
    sys.stdout.flush()
    return 0  # findings are the answer, not an error


def cmd_laporan(a) -> int:
    from . import laporan

    out = _keluaran(a.out, (".docx", ".xlsx"))
    if not 100 <= a.batas <= 1000:
        raise GalatPengguna(f"--batas harus 100–1000 (bukan {format(a.batas, 'g')})")
    if not a.perbandingan and (len(a.instansi or []) != 1 or len(a.tahun or []) != 1):
        raise GalatPengguna("Bab III perlu tepat satu --instansi dan satu --tahun (atau pakai --perbandingan)")
    with buka(a.db) as store:
        try:
            if a.perbandingan:
                lap = laporan.perbandingan(store, a.instansi, a.tahun, a.batas)
            else:
                lap = laporan.bab3(store, a.instansi[0], a.tahun[0], a.batas)
        except laporan.GalatLaporan as e:
            raise GalatPengguna(str(e)) from None
    _tulis(lambda: laporan.tulis(lap, out), out)
    print(f"{lap.judul} — {lap.subjudul}: {len(lap.semua_tabel())} tabel ditulis ke {out}")
    return 0


def cmd_reviu(a) -> int:
    """Write the Lembar kerja reviu of one agency-year."""
    from . import reviu

    if not str(a.out).lower().endswith(".xlsx"):
        raise GalatPengguna(f"lembar kerja ditulis sebagai .xlsx, bukan {a.out}")
    with buka(a.db) as store:
        _pastikan_instansi(store, [a.instansi])
        data = reviu.lembar_kerja(store, a.instansi, a.tahun, pengguna="baris perintah")
        df = reviu.temuan_dengan_putusan(store, a.instansi, a.tahun)
    _tulis(lambda: Path(a.out).write_bytes(data), Path(a.out))
    print(f"Lembar kerja reviu {a.instansi} {a.tahun}: {len(df)} temuan, {int(df['putusan'].notna().sum())} sudah diputus -> {a.out}")
    return 0


def _kunci_toml(nama: str) -> str:
    import json
    import re

    return nama if re.fullmatch(r"[A-Za-z0-9_-]+", nama) else json.dumps(nama, ensure_ascii=False)


def cmd_log(a) -> int:
    """The activity log, newest first (the CLI is the local admin)."""
    from . import aktivitas, export
    from .store import Store

    sumber = lokasi_db(a.db)
    if not adalah_url(sumber) and not sumber.is_file():
        raise GalatPengguna(f"basis data {sumber} tidak ada")
    if a.batas < 1:
        raise GalatPengguna("--batas harus paling sedikit 1")
    out = _keluaran(a.out) if a.out else None
    with Store(sumber, read_only=True) as store:
        _pastikan_instansi(store, [a.instansi] if a.instansi else None)
        df = aktivitas.daftar(store, a.instansi, batas=a.batas)
    if out is None:
        for r in df.itertuples(index=False):
            tahun = "" if r.tahun is None or r.tahun != r.tahun else f" {int(r.tahun)}"
            print(f"{r.waktu:%d-%m-%Y %H:%M:%S}  {r.pengguna or '-'}  {r.aksi}  {r.instansi or '-'}{tahun}  {r.rincian or ''}")
        return 0
    _tulis(lambda: export.tulis(df, out), out)
    print(f"{len(df)} baris log aktivitas ditulis ke {out}")
    return 0


def cmd_hash_password(a) -> int:
    """Read a password (twice on a terminal, once from a pipe) and print the secrets.toml lines."""
    import getpass
    import json

    from .akses import buat_hash

    if a.pengguna is not None and not a.pengguna.strip():
        raise GalatPengguna("--pengguna tidak boleh kosong")
    if a.pengguna is None and (a.instansi or a.peran != "pembaca"):
        raise GalatPengguna("--peran dan --instansi hanya berlaku bersama --pengguna")
    if a.pengguna and a.peran == "operator" and not a.instansi:
        raise GalatPengguna("operator memerlukan --instansi (boleh diulang)")
    if a.pengguna and a.peran != "operator" and a.instansi:
        raise GalatPengguna("--instansi hanya berlaku untuk --peran operator")

    if sys.stdin.isatty():
        sandi = getpass.getpass("Kata sandi unggah baru: ")
        if getpass.getpass("Ulangi: ") != sandi:
            raise GalatPengguna("kedua kata sandi tidak sama")
    else:
        sandi = sys.stdin.readline().rstrip("\r\n")
    if len(sandi) < 10:
        raise GalatPengguna("kata sandi terlalu pendek: paling sedikit 10 karakter")
    if a.pengguna is None:
        print("[unggah]")
        print(f'password_hash = "{buat_hash(sandi)}"')
        return 0
    print(f"[akses.pengguna.{_kunci_toml(a.pengguna.strip())}]")
    print(f'password_hash = "{buat_hash(sandi)}"')
    print(f'peran = "{a.peran}"')
    if a.instansi:
        print(f"instansi = {json.dumps([i.strip() for i in a.instansi], ensure_ascii=False)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["bench"]:
            return cmd_bench(argv[1:])
        a = _parser().parse_args(argv)
        return {"init": cmd_init, "import": cmd_import, "export": cmd_export, "backup": cmd_backup,
                "restore": cmd_restore, "synth": cmd_synth, "check": cmd_check,
                "hash-password": cmd_hash_password,
                "laporan": cmd_laporan,
                "reviu": cmd_reviu,
                "log": cmd_log,
                "profil": cmd_profil,
                }[a.perintah](a)
    except GalatPengguna as e:
        print(f"galat: {e}", file=sys.stderr)
        return 2
    except StoreError as e:
        print(f"galat: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("dibatalkan", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
