"""`python -m lkjip import` with several files: one file at a time (read, check, commit, forget), a refusal
names the files already committed; with --atomik all of them in one transaction or none (in-process CLI)."""
import gc
import weakref

import pytest

from cli import jalankan as lkjip
from conftest import DEPOK


def _berkas(tmp_path, nama: str, kota: str, tahun: str = "2020", rusak: bool = False):
    isi = DEPOK.replace(b"DEPOK", kota.upper().encode()).replace(b"2020", tahun.encode())
    if rusak:  # text in the Realisasi column: a galat with sheet, row and column
        isi = isi.replace(b";80;72;", b";80;tujuh puluh;")
    f = tmp_path / nama
    f.write_bytes(isi)
    return f


def _instansi(db) -> set[str]:
    from lkjip.store import Store

    with Store(db, read_only=True) as s:
        return set(s.baca("SELECT i.nama FROM indikator t JOIN instansi i ON i.id = t.instansi_id")["nama"])


def _jumlah(db) -> tuple[int, int]:
    from lkjip.store import Store

    with Store(db, read_only=True) as s:
        return s.satu("SELECT count(*) FROM impor"), s.satu("SELECT count(*) FROM indikator")


def test_tanpa_atomik_penolakan_menyebut_yang_sudah_tersimpan(db, tmp_path):
    a = _berkas(tmp_path, "a.csv", "Bogor")
    b = _berkas(tmp_path, "b.csv", "Cirebon", rusak=True)
    c = _berkas(tmp_path, "c.csv", "Cimahi")
    impor, baris = _jumlah(db)
    r = lkjip("import", a, b, c, "--db", db)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    galat = r.stderr.strip().splitlines()[-1]
    assert galat.startswith("galat: b.csv: 1 galat") and "Realisasi" in r.stderr
    assert "SUDAH TERSIMPAN sebelum penolakan ini: a.csv (impor #" in galat and "Tidak ditulis: b.csv, c.csv" in galat
    assert "ditulis indikator 2" in r.stdout  # a.csv's own report, printed when it was committed
    ada = _instansi(db)
    assert "Dinas Sosial Kota Bogor" in ada and not {"Dinas Sosial Kota Cirebon", "Dinas Sosial Kota Cimahi"} & ada
    assert _jumlah(db) == (impor + 1, baris + 2)


def test_tanpa_atomik_galat_di_berkas_pertama_tidak_menulis_apa_pun(db, tmp_path):
    b = _berkas(tmp_path, "b.csv", "Cirebon", rusak=True)
    a = _berkas(tmp_path, "a.csv", "Bogor")
    sebelum = _jumlah(db)
    r = lkjip("import", b, a, "--db", db)
    assert r.returncode == 2 and "Tidak ada berkas yang ditulis" in r.stderr.strip().splitlines()[-1]
    assert _jumlah(db) == sebelum


@pytest.mark.parametrize("susunan", ["galat_terakhir", "ganda", "sudah_ada"])
def test_atomik_tidak_menulis_apa_pun_saat_ditolak(db, tmp_path, susunan):
    a = _berkas(tmp_path, "a.csv", "Bogor")
    c = _berkas(tmp_path, "c.csv", "Cimahi")
    if susunan == "galat_terakhir":  # read and checked before anything is written
        lain = _berkas(tmp_path, "b.csv", "Cirebon", rusak=True)
    elif susunan == "ganda":  # two files with the same agency-year in one --atomik import
        lain = _berkas(tmp_path, "b.csv", "Bogor")
    else:  # an agency-year already in the database, without --replace: refused at the commit
        assert lkjip("import", _berkas(tmp_path, "x.csv", "Cirebon"), "--db", db).returncode == 0
        lain = _berkas(tmp_path, "b.csv", "Cirebon")
    sebelum, ada = _jumlah(db), _instansi(db)
    r = lkjip("import", a, c, lain, "--atomik", "--db", db)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "Tidak ada berkas yang ditulis" in r.stderr.strip().splitlines()[-1]
    assert _jumlah(db) == sebelum and _instansi(db) == ada


def test_atomik_satu_transaksi(db, tmp_path):
    a, c = _berkas(tmp_path, "a.csv", "Bogor"), _berkas(tmp_path, "c.csv", "Cimahi")
    impor, baris = _jumlah(db)
    r = lkjip("import", a, c, "--atomik", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "2 berkas dalam satu transaksi" in r.stdout and "ditulis indikator 4" in r.stdout
    assert _jumlah(db) == (impor + 1, baris + 4)
    assert {"Dinas Sosial Kota Bogor", "Dinas Sosial Kota Cimahi"} <= _instansi(db)


@pytest.mark.parametrize("atomik", [False, True])
def test_satu_pratinjau_di_memori(db, tmp_path, monkeypatch, atomik):
    """When a file is read, the previous file's preview is gone (without --atomik) or reduced to its rows
    (with it): memory holds one file's preview, not the batch's."""
    from lkjip.ingest import penjaga

    asli = penjaga.pratinjau_berkas_terjaga
    hidup: list[weakref.ref] = []
    tabel_hidup: list[int] = []

    def terlacak(*a, **k):
        gc.collect()
        tabel_hidup.append(sum(1 for r in hidup if r() is not None))
        p = asli(*a, **k)
        hidup.append(weakref.ref(p))
        return p

    monkeypatch.setattr(penjaga, "pratinjau_berkas_terjaga", terlacak)
    f = [_berkas(tmp_path, f"{i}.csv", kota) for i, kota in enumerate(["Bogor", "Cimahi", "Cirebon", "Banjar"])]
    r = lkjip("import", *f, *(["--atomik"] if atomik else []), "--db", db)
    assert r.returncode == 0, r.stderr
    assert tabel_hidup == [0, 0, 0, 0]  # no full preview of an earlier file alive when the next is read


@pytest.mark.parametrize("versi_lama", [False, True])
def test_pemeriksaan_bertahap_sama_dengan_sekaligus(store, versi_lama):
    """After a batch import the CLI rechecks the agencies a hundred at a time (memory); the findings are the
    same as rechecking all of them together, also when the checks' version changed (every agency rechecked)."""
    from lkjip import checks
    from lkjip.checks import registri
    from lkjip.checks.simpan import KUNCI_VERSI

    def kotor_semua():
        with store.transaksi() as cur:
            store.tandai_kotor(cur, list(store.baca("SELECT nama FROM instansi")["nama"]))
            if versi_lama:
                cur.execute("DELETE FROM meta WHERE kunci = ?", [KUNCI_VERSI])
                cur.execute("INSERT INTO meta VALUES (?, 'lama')", [KUNCI_VERSI])

    def isi():
        df = store.baca("SELECT * FROM temuan")
        return df.sort_values(list(df.columns)).reset_index(drop=True)

    kotor_semua()
    n = store.satu("SELECT count(*) FROM instansi")
    assert checks.segarkan(store, per=None) == n
    sekaligus = isi()
    assert len(sekaligus) > 0
    kotor_semua()
    assert checks.segarkan(store, per=1) == n
    assert isi().equals(sekaligus)
    assert store.satu("SELECT count(*) FROM temuan_kotor") == 0
    assert checks.versi_tersimpan(store) == registri.VERSI
