"""Review work (lkjip.reviu): verdicts that survive re-imports, resolved findings, notes per indicator-year,
the Lembar kerja reviu xlsx, the activity log, and the checks' version triggering a recomputation."""
import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from lkjip import aktivitas, checks, reviu
from lkjip.ingest import pratinjau, pratinjau_berkas
from lkjip.ingest.simpan import simpan
from lkjip.store import Store

ROOT = Path(__file__).resolve().parent.parent
BEKASI, PAREPARE = "Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare"
UJI = "Dinas Sosial Kota Uji"
ANG = "instansi,tahun,level,uraian,pagu,realisasi,serapan_dilaporkan,utama,sumber\n"


def _anggaran(jumlah_pagu: str, serapan_b: str) -> bytes:
    """A small budget table: a total row and two programs; the total and one printed serapan can be wrong."""
    return (ANG + f"{UJI},2024,total,JUMLAH,{jumlah_pagu},150,,1,LKjIP Uji 2024 Tabel 3.1\n"
            f"{UJI},2024,program,Program A,100,80,80%,1,LKjIP Uji 2024 Tabel 3.1\n"
            f"{UJI},2024,program,Program B,100,70,{serapan_b},1,LKjIP Uji 2024 Tabel 3.1\n").encode()


def _impor(store, data: bytes, ganti: bool = False):
    p = pratinjau(data, "anggaran.csv")
    assert not p.galat, [m.teks() for m in p.galat]
    return simpan(store, p, ganti=ganti, pengguna="operator uji")


@pytest.fixture
def toko(tmp_path):
    with Store(tmp_path / "reviu.duckdb") as s:
        yield s


def _satu(df, **kw):
    for k, v in kw.items():
        df = df[df[k] == v]
    assert len(df) == 1, df
    return df.iloc[0]


def test_putusan_bertahan_setelah_impor_ulang_dan_temuan_yang_diperbaiki_selesai(toko):
    _impor(toko, _anggaran("210", "60%"))  # JUMLAH 210 vs 100 + 100; Program B 70/100 printed 60%
    df = reviu.temuan_dengan_putusan(toko, UJI, 2024)
    assert sorted(df["jenis"]) == ["jumlah_bagian_tidak_sesuai", "serapan_tidak_sesuai"]
    assert set(df["status"]) == {"terbuka"}
    jumlah = _satu(df, jenis="jumlah_bagian_tidak_sesuai")
    serapan = _satu(df, jenis="serapan_tidak_sesuai")
    reviu.beri_putusan(toko, jumlah["kunci"], "dikonfirmasi", "Jumlah salah ketik di laporan.", "inspektorat")
    reviu.beri_putusan(toko, serapan["kunci"], "dapat_dijelaskan", "Dibulatkan dari data SIPD.", "inspektorat")

    _impor(toko, _anggaran("210", "60%"), ganti=True)  # the same file again: new row ids, same findings
    df = reviu.temuan_dengan_putusan(toko, UJI, 2024)
    assert set(df["status"]) == {"diputus"}
    r = _satu(df, kunci=jumlah["kunci"])
    assert (r["putusan"], r["catatan_putusan"], r["pengguna_putusan"]) == ("dikonfirmasi", "Jumlah salah ketik di laporan.", "inspektorat")
    assert r["ids"] and r["ids"] != jumlah["ids"]  # the rows are new, the finding is the same

    _impor(toko, _anggaran("200", "60%"), ganti=True)  # corrected total
    df = reviu.temuan_dengan_putusan(toko, UJI, 2024)
    r = _satu(df, kunci=jumlah["kunci"])
    assert r["status"] == "selesai" and r["putusan"] == "dikonfirmasi" and r["ids"] == ""
    assert r["jenis"] == "jumlah_bagian_tidak_sesuai" and "JUMLAH" in r["baris"]
    assert _satu(df, kunci=serapan["kunci"])["status"] == "diputus"
    assert checks.temuan(toko, [UJI])["jenis"].tolist() == ["serapan_tidak_sesuai"]  # the resolved one is not a current finding

    _impor(toko, _anggaran("210", "60%"), ganti=True)  # the error comes back: the finding and its verdict are back
    r = _satu(reviu.temuan_dengan_putusan(toko, UJI, 2024), kunci=jumlah["kunci"])
    assert r["status"] == "diputus" and r["putusan"] == "dikonfirmasi"

    log = aktivitas.daftar(toko)
    putusan = log[log["aksi"] == "putusan"]
    assert len(putusan) == 2 and set(putusan["pengguna"]) == {"inspektorat"}
    assert set(putusan["instansi"]) == {UJI} and set(putusan["tahun"]) == {2024}
    assert putusan["rincian"].str.contains("Dikonfirmasi").any()


def test_temuan_tanpa_putusan_yang_hilang_juga_selesai(toko):
    _impor(toko, _anggaran("200", "60%"))
    kunci = _satu(reviu.temuan_dengan_putusan(toko, UJI, 2024), jenis="serapan_tidak_sesuai")["kunci"]
    _impor(toko, _anggaran("200", "70%"), ganti=True)
    r = _satu(reviu.temuan_dengan_putusan(toko, UJI, 2024), kunci=kunci)
    assert r["status"] == "selesai" and r["putusan"] is None


def test_putusan_bertahan_pada_impor_ulang_laporan_bawaan(store):
    """Bekasi 2023, Tabel 3.17 (baris 872): JUMLAH pagu awal 25.106.563.484 vs 25.106.561.484 — re-importing the
    report's own anggaran.csv keeps the verdict."""
    df = reviu.temuan_dengan_putusan(store, BEKASI, 2023)
    t = _satu(df, jenis="jumlah_bagian_tidak_sesuai")
    reviu.beri_putusan(store, t["kunci"], "dikonfirmasi", "Selisih Rp 2.000 pada JUMLAH", "reviewer A")
    p = pratinjau_berkas(ROOT / "data/seed/bekasi_2023/anggaran.csv", simpan_salah_cetak=True)
    simpan(store, p, ganti=True)
    r = _satu(reviu.temuan_dengan_putusan(store, BEKASI, 2023), kunci=t["kunci"])
    assert r["status"] == "diputus" and r["putusan"] == "dikonfirmasi" and r["dilaporkan"] == 25106563484


def test_putusan_dan_catatan_salah_ditolak(toko):
    _impor(toko, _anggaran("210", "80%"))
    kunci = reviu.temuan_dengan_putusan(toko, UJI, 2024)["kunci"].iloc[0]
    with pytest.raises(reviu.ReviuError, match="tidak dikenal"):
        reviu.beri_putusan(toko, kunci, "setuju")
    with pytest.raises(reviu.ReviuError, match="tidak ditemukan"):
        reviu.beri_putusan(toko, "tidakada", "dikonfirmasi")
    with pytest.raises(reviu.ReviuError, match="terlalu panjang"):
        reviu.beri_putusan(toko, kunci, "dikonfirmasi", "x" * (reviu.BATAS_CATATAN + 1))
    assert toko.satu("SELECT count(*) FROM putusan_temuan") == 0
    assert (aktivitas.daftar(toko)["aksi"] != "putusan").all()


def test_catatan_indikator(store):
    ind = "Persentase PMKS yang Memeroleh Bantuan Sosial"  # Parepare 2023, Tabel 3.2 (baris 613): capaian 88%
    reviu.tulis_catatan(store, PAREPARE, 2023, ind, "faktor_penghambat",
                        "Dana Fasilitasi Bantuan Pengembangan Ekonomi Masyarakat tidak tersedia di Kas Daerah (baris 743).",
                        pihak="instansi", pengguna="operator parepare")
    reviu.tulis_catatan(store, PAREPARE, 2023, ind, "tindak_lanjut", "Jadwalkan ulang kegiatan di APBD-P.", pengguna="inspektorat")
    reviu.tulis_catatan(store, PAREPARE, 2023, ind, "faktor_pendukung", "Rastra tersalur 11 bulan.", pengguna="inspektorat")
    c = reviu.catatan_indikator(store, PAREPARE, 2023)
    assert list(c["jenis"]) == ["faktor_pendukung", "faktor_penghambat", "tindak_lanjut"]
    assert list(c["pihak"]) == ["reviewer", "instansi", "reviewer"]
    reviu.tulis_catatan(store, PAREPARE, 2023, ind, "faktor_pendukung", "  ", pengguna="inspektorat")  # empty: removed
    assert list(reviu.catatan_indikator(store, PAREPARE, 2023)["jenis"]) == ["faktor_penghambat", "tindak_lanjut"]
    assert reviu.catatan_indikator(store, PAREPARE, 2022).empty
    with pytest.raises(reviu.ReviuError, match="tidak ada"):
        reviu.tulis_catatan(store, PAREPARE, 2023, "Indikator rekaan", "tindak_lanjut", "x")
    with pytest.raises(reviu.ReviuError, match="jenis catatan"):
        reviu.tulis_catatan(store, PAREPARE, 2023, ind, "saran", "x")
    log = aktivitas.daftar(store)
    assert (log["aksi"] == "catatan").sum() == 4 and log.iloc[0]["rincian"].endswith("dihapus")


def test_lembar_kerja_xlsx(store):
    df = reviu.temuan_dengan_putusan(store, PAREPARE, 2023)
    efisiensi = df[df["jenis"] == "efisiensi_tidak_sesuai"]["kunci"].tolist()
    rata = _satu(df, jenis="rata_rata_tidak_sesuai", sumber="LKjIP Parepare 2023, Tabel 3.8")
    reviu.beri_putusan(store, rata["kunci"], "dikonfirmasi", "Dibagi 5 padahal 4 indikator (baris 767).", "inspektorat")
    for k in efisiensi[:2]:
        reviu.beri_putusan(store, k, "dapat_dijelaskan", "Rumus efisiensi Parepare: capaian − 100.", "inspektorat")
    reviu.tulis_catatan(store, PAREPARE, 2023, "Persentase PMKS yang Memeroleh Bantuan Sosial", "tindak_lanjut",
                        "=HYPERLINK(\"x\") bukan rumus", pengguna="inspektorat")
    wb = openpyxl.load_workbook(io.BytesIO(reviu.lembar_kerja(store, PAREPARE, 2023, "inspektorat")))
    assert wb.sheetnames == ["Ringkasan", "Temuan", "Catatan indikator"]
    ws = wb["Ringkasan"]
    nilai = {r[0].value: r[1].value for r in ws.iter_rows(min_row=2, max_row=9)}
    assert nilai["Instansi"] == PAREPARE and nilai["Tahun"] == 2023 and nilai["Jumlah temuan"] == len(df)
    assert nilai["Sudah diputus"] == 3 and nilai["Versi pemeriksaan"] == checks.VERSI
    baris = [[c.value for c in r] for r in ws.iter_rows()]
    kepala = next(i for i, r in enumerate(baris) if r[0] == "Jenis temuan")
    head = baris[kepala]
    jumlah = next(r for r in baris[kepala:] if r[0] == "Jumlah")
    assert jumlah[head.index("Dikonfirmasi")] == 1 and jumlah[head.index("Dapat dijelaskan")] == 2
    assert jumlah[head.index("Jumlah")] == len(df) and jumlah[head.index("Belum diputus")] == len(df) - 3
    ef = next(r for r in baris[kepala:] if r[0] == "Efisiensi tercetak tidak dapat diturunkan dari capaian dan serapannya")
    assert ef[head.index("Jumlah")] == len(efisiensi) == 8 and ef[head.index("Dapat dijelaskan")] == 2

    wt = wb["Temuan"]
    isi = [[c.value for c in r] for r in wt.iter_rows()]
    assert isi[0][:3] == ["No", "Jenis temuan", "Tingkat"]
    kelompok = [r[0] for r in isi[1:] if isinstance(r[0], str)]
    assert kelompok[0].startswith("A. Temuan dikonfirmasi") and kelompok[0].endswith("1 temuan")
    assert kelompok[1].startswith("B. Temuan belum diputus") and kelompok[2].startswith("C. Temuan yang dapat dijelaskan")
    pertama = isi[2]
    assert pertama[0] == 1 and pertama[9] == "Dikonfirmasi" and pertama[5] == 85.2 and pertama[6] == 106.5
    assert pertama[11] == "inspektorat" and "baris 767" in pertama[10]
    assert sum(1 for r in isi[1:] if isinstance(r[0], int)) == len(df)

    wc = wb["Catatan indikator"]
    c = [[x.value for x in r] for r in wc.iter_rows()]
    assert c[0] == ["Indikator", "Pihak", "Faktor pendukung", "Faktor penghambat", "Tindak lanjut / rekomendasi"]
    assert c[1][0] == "Persentase PMKS yang Memeroleh Bantuan Sosial" and c[1][4].startswith("=HYPERLINK")
    assert wc.cell(2, 5).data_type == "s"  # text, never a formula


def test_versi_pemeriksaan_memicu_hitung_ulang(store):
    """Findings stored by another version of the checks are recomputed before a page reads them."""
    assert checks.versi_tersimpan(store) == checks.VERSI
    segar = checks.temuan(store)
    with store.transaksi(naikkan_versi=False) as cur:
        cur.execute("UPDATE meta SET nilai = 'versi-lama' WHERE kunci = 'versi_pemeriksaan'")
        cur.execute("DELETE FROM temuan WHERE jenis = 'klaim_bertentangan'")  # as an older version would have stored
        cur.execute("INSERT INTO temuan (instansi, tahun, jenis, tingkat, penjelasan) VALUES (?, 2023, 'usang', 'galat', 'x')", [PAREPARE])
    assert store.satu("SELECT count(*) FROM temuan WHERE jenis = 'usang'") == 1
    pd.testing.assert_frame_equal(checks.temuan(store), segar)
    assert checks.versi_tersimpan(store) == checks.VERSI
    assert store.satu("SELECT count(*) FROM temuan WHERE jenis = 'usang'") == 0


def test_temuan_tersimpan_tanpa_penjelasan_inggris_dihitung_ulang(store):
    """Findings stored before the English explanations (the column empty, an older checks version) are recomputed with
    them; until then a page falls back to the Indonesian text."""
    with store.transaksi(naikkan_versi=False) as cur:
        cur.execute("UPDATE meta SET nilai = 'versi-lama' WHERE kunci = 'versi_pemeriksaan'")
        cur.execute("UPDATE temuan SET penjelasan_en = NULL")
    lama = store.baca("SELECT * FROM temuan")
    assert lama["penjelasan_en"].isna().all()
    assert checks.penjelasan_bahasa(lama, "en").tolist() == lama["penjelasan"].tolist()
    baru = checks.temuan(store)
    assert (baru["penjelasan_en"] != "").all() and (baru["penjelasan_en"] != baru["penjelasan"]).all()
    assert checks.penjelasan_bahasa(baru, "en").tolist() == baru["penjelasan_en"].tolist()
    assert checks.penjelasan_bahasa(baru, "id").tolist() == baru["penjelasan"].tolist()
    assert store.satu("SELECT count(*) FROM temuan_dikenal WHERE penjelasan_en IS NULL OR penjelasan_en = ''") == 0


def test_temuan_selesai_dan_putusan_menyimpan_penjelasan_inggris(toko):
    _impor(toko, _anggaran("210", "60%"))
    jumlah = _satu(reviu.temuan_dengan_putusan(toko, UJI, 2024), jenis="jumlah_bagian_tidak_sesuai")
    assert jumlah["penjelasan_en"] == ("Budget of 'JUMLAH' is printed as Rp 210, but its 2 parts in the same table add up to "
                                       "Rp 200 (difference Rp 10).")
    reviu.beri_putusan(toko, jumlah["kunci"], "dikonfirmasi", None, "inspektorat")
    assert toko.satu("SELECT penjelasan_en FROM putusan_temuan") == jumlah["penjelasan_en"]
    _impor(toko, _anggaran("200", "60%"), ganti=True)  # corrected: the finding is resolved, its English text kept
    r = _satu(reviu.temuan_dengan_putusan(toko, UJI, 2024), kunci=jumlah["kunci"])
    assert r["status"] == "selesai" and r["penjelasan_en"] == jumlah["penjelasan_en"]
    assert r["penjelasan"].startswith("Pagu 'JUMLAH' tercetak Rp 210")


def test_cli_reviu_lembar_kerja(db, tmp_path):
    keluar = tmp_path / "lembar.xlsx"
    r = subprocess.run([sys.executable, "-m", "lkjip", "reviu", "--db", str(db), "--instansi", BEKASI, "--tahun", "2023",
                        "--out", str(keluar)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    wb = openpyxl.load_workbook(keluar)
    assert wb["Ringkasan"]["B2"].value == BEKASI
    assert "temuan" in r.stdout
    r = subprocess.run([sys.executable, "-m", "lkjip", "reviu", "--db", str(db), "--instansi", "Dinas Rekaan", "--tahun", "2023",
                        "--out", str(keluar)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and r.stderr.startswith("galat:") and len(r.stderr.strip().splitlines()) == 1


def test_basis_data_lama_mendapat_klaim_bawaan(db):
    """A database made before claims existed (its bundled reports without klaim rows) gets them when opened, once;
    the findings then include the claims' (Pasuruan 2022, baris 45: '6 program, 14 kegiatan dan 38 subkegiatan')."""
    from lkjip import bawaan

    with Store(db) as s:
        n = s.satu("SELECT count(*) FROM klaim")
        with s.transaksi() as cur:
            cur.execute("DELETE FROM klaim")
            s.tandai_kotor(cur, list(s.daftar_instansi()["nama"]))
        assert not (checks.temuan(s)["jenis"] == "klaim_bertentangan").any()
    with bawaan.buka(db) as s:
        assert s.satu("SELECT count(*) FROM klaim") == n > 0
        assert (checks.temuan(s)["jenis"] == "klaim_bertentangan").sum() == 8  # Parepare 2, Pasuruan 3, Bekasi 3
        assert bawaan.lengkapi_klaim_bawaan(s) == 0


def test_hanya_reviewer_atau_admin_memberi_putusan_dan_catatan(store):
    # the library refuses a viewer or an operator whatever page or script calls it; a reviewer is logged by name
    from lkjip import akses

    kunci = checks.kunci_temuan(checks.temuan(store, [BEKASI], [2023])).iloc[0]
    indikator = store.indikator([BEKASI], [2023])["indikator"].iloc[0]
    for bukan in (akses.Pengguna("tamu", "pembaca", cara="sandi"),
                  akses.Pengguna("sari", "operator", frozenset({BEKASI}), cara="sandi")):
        with pytest.raises(akses.AksesDitolak, match="hanya reviewer atau admin"):
            reviu.beri_putusan(store, kunci, "dikonfirmasi", None, bukan)
        with pytest.raises(akses.AksesDitolak, match="hanya reviewer atau admin"):
            reviu.tulis_catatan(store, BEKASI, 2023, indikator, "faktor_pendukung", "x", pengguna=bukan)
    assert reviu.temuan_dengan_putusan(store, BEKASI, 2023)["putusan"].isna().all()
    assert reviu.catatan_indikator(store, BEKASI, 2023).empty
    rina = akses.Pengguna("rina", "reviewer", cara="oidc")
    reviu.beri_putusan(store, kunci, "dikonfirmasi", "cek ulang", rina)
    reviu.tulis_catatan(store, BEKASI, 2023, indikator, "tindak_lanjut", "Verifikasi data PSKS", pengguna=rina)
    df = reviu.temuan_dengan_putusan(store, BEKASI, 2023)
    assert df.loc[df["kunci"] == kunci, "pengguna_putusan"].iloc[0] == "rina"
    log = aktivitas.daftar(store, BEKASI)
    assert list(log["pengguna"].head(2)) == ["rina", "rina"] and set(log["aksi"].head(2)) == {"putusan", "catatan"}
