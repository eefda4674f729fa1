"""The summary tables the page figures read (lkjip.store.ringkasan): always equal to the data rows they sum.

Every kind of write that changes data rows (import, replace, undo, redo, a write that fails half way, a
restored backup, new rules) leaves them equal to a fresh computation, on both backends; a change that
bypasses the store is visible to the check.
"""
import pytest

from lkjip import synth
from lkjip.ingest import pratinjau_berkas
from lkjip.ingest.simpan import batalkan, simpan, ulangi
from lkjip.store import Store, agregat, ringkasan


def _sama(s: Store) -> None:
    assert ringkasan.selisih(s) == {t: 0 for t in ringkasan.TABEL}


@pytest.fixture(scope="module")
def berkas_sintetis(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ringkasan") / "data"
    synth.buat(folder, 4, 2, seed=11, format="csv")
    return synth.daftar_berkas(folder)


def test_bawaan_terisi_dan_sama(lokasi):
    with Store(lokasi) as s:
        _sama(s)
        for t in ringkasan.TABEL:
            assert s.satu(f"SELECT count(*) FROM {t}") > 0, t
        assert s.satu("SELECT sidik FROM ringkas_sidik") == ringkasan.SIDIK


def test_impor_ganti_batal_ulang(lokasi, berkas_sintetis):
    with Store(lokasi) as s:
        pertama = {f.name: simpan(s, pratinjau_berkas(f)) for f in berkas_sintetis}
        _sama(s)
        assert len(agregat.ringkasan_instansi(s)) == 3 + 4  # the bundled three and the four imported
        # a province's indicators and budget again, replacing: the summaries count each row once
        kedua = [simpan(s, pratinjau_berkas(f), ganti=True) for f in berkas_sintetis if f.name.startswith("01-aceh-")
                 and ("indikator" in f.name or "anggaran" in f.name)]
        _sama(s)
        assert agregat.per_tahun(s).groupby(["instansi", "tahun"]).size().max() == 1
        for h in kedua:
            batalkan(s, h.impor_id)
            _sama(s)
        ulangi(s, kedua[-1].impor_id)
        _sama(s)
        # undo a province's budget: its agencies keep their capaian and lose their budget figures
        batalkan(s, pertama["08-lampung-anggaran.csv"].impor_id)
        _sama(s)
        lampung = s.baca("SELECT nama FROM instansi WHERE provinsi = 'Lampung'")["nama"].tolist()
        r = agregat.ringkasan_instansi(s, lampung)
        assert len(r) == len(lampung) > 0 and r["pagu"].isna().all() and r["rata_capaian"].notna().all()


def test_tulisan_gagal_tidak_mengubah_ringkasan(lokasi):
    with Store(lokasi) as s:
        sebelum = s.baca("SELECT * FROM ringkas_anggaran ORDER BY instansi_id, tahun, level, utama")
        with pytest.raises(RuntimeError):
            with s.transaksi() as cur:
                cur.execute("UPDATE anggaran SET pagu = pagu + 1000")
                s.tandai_kotor(cur, ["Dinas Sosial Kota Bekasi"])
                raise RuntimeError("gagal di tengah")
        assert s.baca("SELECT * FROM ringkas_anggaran ORDER BY instansi_id, tahun, level, utama").equals(sebelum)
        _sama(s)


def test_perubahan_tanpa_penanda_terdeteksi_lalu_dibangun(lokasi):
    bekasi = "Dinas Sosial Kota Bekasi"
    with Store(lokasi) as s:
        pagu = agregat.ringkasan_instansi(s, [bekasi])["pagu"].iloc[0]
        with s.transaksi() as cur:  # a write that skips the contract: the check sees it
            cur.execute("UPDATE anggaran SET pagu = pagu + 1000 WHERE utama AND level = 'total'")
        assert ringkasan.selisih(s)["ringkas_anggaran"] > 0
        with s.transaksi() as cur:
            s.tandai_kotor(cur, [bekasi, "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan"])
        _sama(s)
        assert agregat.ringkasan_instansi(s, [bekasi])["pagu"].iloc[0] == pagu + 1000


def test_aturan_baru_dibangun_ulang_saat_dibuka(lokasi):
    with Store(lokasi) as s:
        with s.transaksi(naikkan_versi=False) as cur:  # summaries built by other rules, and wrong
            cur.execute("UPDATE ringkas_sidik SET sidik = 'aturan-lama'")
            cur.execute("UPDATE ringkas_capaian SET capaian = 0")
        versi = s.versi_data
    with Store(lokasi) as s:
        _sama(s)
        assert s.satu("SELECT sidik FROM ringkas_sidik") == ringkasan.SIDIK
        assert s.versi_data > versi  # figures cached by a running process are recomputed


def test_cadangan_dipulihkan_ke_postgresql(pg_klaster, db, tmp_path):
    """A DuckDB backup restored onto PostgreSQL: the summaries are rebuilt in the restore's transaction."""
    from lkjip import cadangan

    with Store(db, read_only=True) as s:
        cadangan.cadangkan(s, tmp_path / "c")
        asli = agregat.ringkasan_instansi(s)
    url = pg_klaster.buat_db("ringkasan_pulih")
    cadangan.pulihkan(tmp_path / "c", url, timpa=True)
    with Store(url) as s:
        _sama(s)
        assert agregat.ringkasan_instansi(s)[["instansi", "rata_capaian", "pagu"]].equals(asli[["instansi", "rata_capaian", "pagu"]])
