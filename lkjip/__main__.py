"""Command line: python -m lkjip init | import | export | check | backup | restore | synth | bench | hash-password.

Exit status: 0 success, 2 user error (one line in Bahasa Indonesia on stderr), 1 only for a bug.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .bawaan import buat_db, buka
from .ingest import GalatBerkas, Pratinjau, cuplikan, pratinjau_berkas
from .numbers import format_persen
from .ingest.simpan import GalatImpor, simpan
from .store import StoreError, lokasi_db


class GalatPengguna(Exception):
    """A user error: printed as one line, exit status 2."""


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


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m lkjip", description="Dasbor LKjIP — basis data, impor dan ekspor.")
    sub = p.add_subparsers(dest="perintah", parser_class=_Parser, metavar="{init,import,profil,export,check,backup,restore,synth,bench,hash-password}")
    sub.required = True

    s = sub.add_parser("init", help="buat basis data (dengan data bawaan tiga LKjIP)")
    s.add_argument("--db", help="berkas basis data (bawaan: $LKJIP_DB atau data/lkjip.duckdb)")
    s.add_argument("--empty", action="store_true", help="tanpa data bawaan")
    s.add_argument("--force", action="store_true", help="timpa basis data yang sudah ada")

    s = sub.add_parser("import", help="impor berkas Excel/CSV")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--db")
    s.add_argument("--instansi", help="nama instansi bila berkas tidak menyebutnya")
    s.add_argument("--tahun", type=_tahun, help="tahun bila berkas tidak menyebutnya")
    s.add_argument("--replace", action="store_true", help="ganti data instansi-tahun yang sudah ada (dapat dibatalkan)")
    s.add_argument("--dry-run", action="store_true", help="tampilkan pratinjau saja, tidak menulis apa pun")
    s.add_argument("--keep-malformed", action="store_true",
                   help="simpan angka salah cetak (mis. Rp91-.160.954) sebagai teks tanpa nilai, bukan galat")
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

    sub.add_parser("hash-password", help="buat hash kata sandi unggah untuk .streamlit/secrets.toml (dibaca dari masukan)")

    # -- subperintah baru: impor/profil (isu 10), reviu (isu 13), akses (isu 11/13), laporan (isu 14) --
    s = sub.add_parser("profil", help="profil impor: daftar atau hapus")
    s.add_argument("aksi", choices=["list", "delete"], help="list: daftar profil; delete NAMA: hapus profil")
    s.add_argument("nama", nargs="?", metavar="NAMA")
    s.add_argument("--db")

    s = sub.add_parser("bench", help="benchmark: impor, muat skala nasional, memori, baseline, halaman")
    _modul_bench().argumen(s)
    return p


def _cetak_pratinjau(p: Pratinjau, keluar) -> None:
    from .ingest.ringkasan import teks_pratinjau

    for baris in teks_pratinjau(p):
        print(baris, file=keluar)
    contoh = cuplikan(p, 10)
    if len(contoh):
        print(f"  Baris indikator yang akan ditulis ({len(contoh)} pertama; capaian dihitung ulang | tercetak):", file=keluar)
        for r in contoh.itertuples(index=False):
            sasaran = f"{r.sasaran[:40]}… | " if isinstance(r.sasaran, str) and len(r.sasaran) > 40 else (f"{r.sasaran} | " if isinstance(r.sasaran, str) else "")
            print(f"    {r.instansi} | {r.tahun} | {sasaran}{r.indikator} | target {r.target_teks or '–'} | "
                  f"realisasi {r.realisasi_teks or '–'} | {r.polaritas} | capaian {format_persen(r.capaian)} | "
                  f"tercetak {r.capaian_dilaporkan_teks or '–'}", file=keluar)
    for tingkat in ("galat", "peringatan", "info"):
        daftar = [m for m in p.masalah if m.tingkat == tingkat]
        if daftar:
            print(f"  {tingkat.upper()} ({len(daftar)}):", file=keluar)
            for m in daftar[:50]:
                print(f"    - {m.teks()}", file=keluar)
            if len(daftar) > 50:
                print(f"    … dan {len(daftar) - 50} lagi", file=keluar)


def cmd_init(a) -> int:
    tujuan = lokasi_db(a.db)
    if tujuan.exists() and not a.force:
        raise GalatPengguna(f"basis data {tujuan} sudah ada; pakai --force untuk menimpanya")
    if tujuan.exists():
        from .store import Store
        Store(tujuan).close()  # refuses clearly if another process holds it
        tujuan.unlink()
    buat_db(tujuan, kosong=a.empty)
    with buka(tujuan) as store:
        n = store.satu("SELECT count(*) FROM indikator"), store.satu("SELECT count(*) FROM anggaran"), store.satu("SELECT count(*) FROM instansi")
    print(f"Basis data dibuat: {tujuan} ({n[2]} instansi, {n[0]} baris indikator, {n[1]} baris anggaran)")
    return 0


def cmd_import(a) -> int:
    from .ingest.profil import GalatProfil, tandai_dipakai, terapkan

    pratinjau = []
    for f in a.files:
        try:
            kw = {}
            if a.profil:
                data = Path(f).read_bytes() if Path(f).is_file() else b""
                with buka(a.db) as store:
                    try:
                        k, cocok = terapkan(store, a.profil, data, Path(f).name)
                    except GalatProfil as e:
                        raise GalatPengguna(str(e)) from None
                if not cocok:
                    print(f"peringatan: judul kolom {f} tidak sama dengan bentuk profil '{a.profil}'; profil tetap dipakai",
                          file=sys.stderr)
                kw = {"keputusan": k, "profil": a.profil}
            p = pratinjau_berkas(f, instansi=a.instansi, tahun=a.tahun, simpan_salah_cetak=a.keep_malformed, **kw)
        except GalatBerkas as e:
            raise GalatPengguna(str(e)) from None
        pratinjau.append(p)
    if a.dry_run:
        for p in pratinjau:
            _cetak_pratinjau(p, sys.stdout)
        print("Uji coba (--dry-run): tidak ada yang ditulis.")
        return 2 if any(p.galat for p in pratinjau) else 0
    for p in pratinjau:
        if p.galat:
            _cetak_pratinjau(p, sys.stderr)
            raise GalatPengguna(f"{p.nama_file}: {len(p.galat)} galat, tidak ada yang ditulis. Pertama: {p.galat[0].teks()}")
    with buka(a.db) as store:
        for p in pratinjau:
            try:
                hasil = simpan(store, p, ganti=a.replace)
            except GalatImpor as e:
                raise GalatPengguna(f"{p.nama_file}: {e}") from None
            if p.profil:
                tandai_dipakai(store, p.profil)
            rincian = ", ".join(f"{k} {v}" for k, v in hasil.ditulis.items())
            ganti = ", ".join(f"{k} {v}" for k, v in hasil.diganti.items())
            print(f"Impor #{hasil.impor_id} {p.nama_file}: ditulis {rincian}" + (f"; diganti {ganti}" if ganti else ""))
            tahun = sorted({f"{inst} {th}" if th else inst for _, inst, th in p.kunci()})
            if tahun:
                print(f"  instansi-tahun: {', '.join(tahun)}")
            for m in p.masalah:
                if m.tingkat == "peringatan":
                    print(f"  peringatan: {m.teks()}")
        from . import checks

        # check the touched agencies now, in the batch, rather than at the first page view
        n = checks.segarkan(store)
        print(f"Pemeriksaan rekonsiliasi diperbarui untuk {n} instansi (python -m lkjip check untuk melihatnya).")
    return 0


def cmd_profil(a) -> int:
    from .ingest.profil import GalatProfil, daftar_profil, hapus_profil

    with buka(a.db) as store:
        if a.aksi == "list":
            df = daftar_profil(store)
            if not len(df):
                print("Belum ada profil impor. Simpan satu dari pratinjau di halaman Unggah data.")
            for r in df.itertuples(index=False):
                print(f"{r.nama}\t{r.tabel} tabel\tdibuat {r.dibuat:%d-%m-%Y %H:%M}\tdipakai {r.dipakai}×")
            return 0
        if not a.nama:
            raise GalatPengguna("sebutkan nama profil yang dihapus: python -m lkjip profil delete NAMA")
        try:
            hapus_profil(store, a.nama)
        except GalatProfil as e:
            raise GalatPengguna(str(e)) from None
        print(f"Profil impor '{a.nama}' dihapus.")
    return 0


def cmd_export(a) -> int:
    from . import export

    out = Path(a.out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise GalatPengguna(f"--out harus berakhiran .csv atau .xlsx (bukan '{out.suffix or out.name}')")
    if not out.parent.exists():
        raise GalatPengguna(f"folder {out.parent} tidak ada")
    with buka(a.db) as store:
        _pastikan_instansi(store, a.instansi)
        fungsi = export.tabel_capaian if a.tabel == "capaian" else export.tabel_anggaran
        df = fungsi(store, a.instansi, a.tahun, semua_sumber=a.semua_sumber)
    try:
        export.tulis(df, out, excel_id=a.excel_id)
    except OSError as e:
        raise GalatPengguna(f"tidak dapat menulis {out}: {e.strerror}") from None
    print(f"{len(df)} baris tabel {a.tabel} ditulis ke {out}")
    return 0


def cmd_backup(a) -> int:
    from .cadangan import GalatCadangan, cadangkan
    from .store import Store

    sumber = lokasi_db(a.db)
    if not sumber.is_file():
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
    print(f"Basis data dipulihkan: {tujuan} ({len(jumlah)} tabel, {jumlah.get('instansi', 0)} instansi, "
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


def cmd_bench(a) -> int:
    return _modul_bench().jalankan(a)


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


def cmd_hash_password(a) -> int:
    """Read a password (twice on a terminal, once from a pipe) and print the secrets.toml line."""
    import getpass

    from .akses import buat_hash

    if sys.stdin.isatty():
        sandi = getpass.getpass("Kata sandi unggah baru: ")
        if getpass.getpass("Ulangi: ") != sandi:
            raise GalatPengguna("kedua kata sandi tidak sama")
    else:
        sandi = sys.stdin.readline().rstrip("\r\n")
    if len(sandi) < 10:
        raise GalatPengguna("kata sandi terlalu pendek: paling sedikit 10 karakter")
    print("[unggah]")
    print(f'password_hash = "{buat_hash(sandi)}"')
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        a = _parser().parse_args(argv)
        return {"init": cmd_init, "import": cmd_import, "export": cmd_export, "backup": cmd_backup,
                "restore": cmd_restore, "synth": cmd_synth, "bench": cmd_bench, "check": cmd_check,
                "hash-password": cmd_hash_password,
                # -- perintah baru --
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
