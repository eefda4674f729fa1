"""The importer on files as planners keep them (tests/korpus.py), the template, the preview API,
and the store side: all-or-nothing writes, replace and undo, the import log, the CLI preview."""
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import korpus
from lkjip import measures
from lkjip.ingest import GalatBerkas, Pratinjau, atur_polaritas, atur_tema, cuplikan, pratinjau
from lkjip.ingest import simpan as simpan_mod
from lkjip.ingest.simpan import GalatImpor, batalkan, konflik, riwayat, simpan
from lkjip.ingest.tabel import KOLOM, baris_nomor_kolom, cari_tabel, kenali
from lkjip.templat import LOKASI, buat_templat
from lkjip.vocab import LEVEL, TEMA, TINGKAT_INDIKATOR

ROOT = Path(__file__).resolve().parent.parent
KASUS = korpus.kasus()
PER_NAMA = {k.nama: k for k in KASUS}


# --- the corpus --------------------------------------------------------------------------------------
def _sama(a, b) -> bool:
    if isinstance(b, float) or isinstance(a, float):
        if b is None or a is None:
            return a is None and b is None or (isinstance(a, float) and a != a and b is None)
        return a == pytest.approx(b, abs=0.005)
    if a is None or (isinstance(a, float) and a != a):
        return b is None
    return a == b


def _nilai(v):
    if v is None or (isinstance(v, float) and v != v) or v is pd.NA:
        return None
    return v.item() if hasattr(v, "item") else v


def _cocok(m, harapan) -> bool:
    tingkat, lembar, baris, kolom, potongan = harapan
    return (m.tingkat == tingkat and m.lembar == lembar and (baris is None or m.baris == baris)
            and (kolom is None or (m.kolom or "").startswith(kolom)) and potongan in m.pesan)


@pytest.mark.parametrize("k", KASUS, ids=[k.nama for k in KASUS])
def test_korpus(k):
    h = k.harapan
    if h.galat_berkas:
        with pytest.raises(GalatBerkas, match=h.galat_berkas):
            pratinjau(k.data, k.nama_file, **k.kw)
        return
    p = pratinjau(k.data, k.nama_file, **k.kw)
    semua = "\n".join(m.teks() for m in p.masalah)
    if h.galat:
        assert p.galat and not p.bisa_disimpan, semua
    else:
        assert not p.galat, semua
        assert p.bisa_disimpan
        assert p.jumlah() == h.jumlah, semua
    for harapan in h.masalah:
        assert any(_cocok(m, harapan) for m in p.masalah), (harapan, semua)
    for tabel, daftar in h.baris.items():
        df = p.tabel[tabel]
        assert len(df) == len(daftar)
        for i, (rec, (_, baris)) in enumerate(zip(daftar, df.iterrows())):
            for kolom, nilai in rec.items():
                assert _sama(_nilai(baris[kolom]), nilai), (i, kolom, baris[kolom], nilai)
    for tabel, saring, kolom, agregat, nilai in h.angka:
        df = p.tabel[tabel]
        for kk, vv in saring.items():
            df = df[df[kk] == vv]
        assert len(df), (tabel, saring)
        hasil = {"sum": lambda s: s.sum(), "count": lambda s: len(s), "first": lambda s: s.iloc[0]}[agregat](df[kolom])
        assert _sama(_nilai(hasil), nilai), (tabel, saring, kolom, hasil, nilai)


def test_korpus_deterministik():
    # the same cases, the same bytes (xlsx written with fixed timestamps)
    ulang = {k.nama: k.data for k in korpus.kasus()}
    assert ulang == {k.nama: k.data for k in KASUS}


def test_korpus_ditulis_ke_folder(tmp_path):
    folder = korpus.tulis(tmp_path / "korpus")
    assert (folder / "korpus.json").exists()
    assert (folder / "pasuruan_3_9_xls" / "pasuruan_3_9.xls").read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_setiap_tata_letak_ada_di_korpus():
    """The layouts of the issue each have a case (a guard against a corpus that quietly shrinks)."""
    nama = set(PER_NAMA)
    for wajib in ("parepare_3_2_xlsx", "parepare_3_2_csv_excel_id", "parepare_3_10_dua_baris_judul", "parepare_3_4_predikat",
                  "bekasi_3_1_emonev_inggris", "bekasi_3_18_simpan_salah_cetak", "bekasi_2_4_anggaran_kas",
                  "pasuruan_2_5_subtotal", "bekasi_banyak_lembar", "templat_terisi", "pasuruan_3_9_xls",
                  "bukan_spreadsheet", "kata_sandi", "zip_bom", "terlalu_besar", "berkas_kosong", "lembar_kosong",
                  "tanpa_tabel", "judul_tanpa_baris", "teks_di_angka", "pagu_negatif", "angka_rusak",
                  "tahun_di_luar_rentang", "indikator_ganda", "rumus_tanpa_nilai", "realisasi_di_atas_pagu"):
        assert wajib in nama
    assert PER_NAMA["parepare_3_2_csv_excel_id"].data.decode("cp1252").count(";") > 50


# --- pieces of the table finder ------------------------------------------------------------------------
@pytest.mark.parametrize("judul, bidang", [
    ("Indikator", "indikator"), ("Indikator Kinerja", "indikator"), ("Indikator Kinerja Utama", "indikator"),
    ("Indikator Sasaran", "indikator"), ("Target", "target"), ("Target Tahunan", "target"), ("Realisasi", "realisasi"),
    ("Capaian", "capaian_dilaporkan"), ("Capaian Kinerja", "capaian_dilaporkan"), ("% Capaian", "capaian_dilaporkan"),
    ("Persentase Capaian", "capaian_dilaporkan"), ("Satuan", "satuan"), ("Sasaran", "sasaran"),
    ("Sasaran Strategis", "sasaran"), ("Pagu", "pagu"), ("Anggaran", "pagu"), ("Pagu Anggaran", "pagu"), ("Alokasi", "pagu"),
    ("Realisasi Anggaran", "realisasi_anggaran"), ("Realisasi (Rp)", "realisasi"), ("Program", "program"),
    ("Kegiatan", "kegiatan"), ("Sub Kegiatan", "sub_kegiatan"), ("Uraian", "uraian"), ("Kode", "kode"),
    ("Program/Kegiatan/Sub Kegiatan", "uraian"), ("Performance Indicator", "indikator"), ("Actual", "realisasi"),
])
def test_sinonim_judul(judul, bidang):
    assert kenali(judul)[0] == bidang


def test_judul_bertahun():
    assert kenali("Target 2023") == ("target", 2023)
    assert kenali("Realisasi 2023") == ("realisasi", 2023)


@pytest.mark.parametrize("baris, ya", [
    (["(1)", "(2)", "(3)"], True), ([-1, -2, -3, -4], True), ([1, 2, 3, 4, None], True), (["1", "2", "3"], True),
    ([1, 2023, 5], False), (["3", "2", "1"], False), (["(1)", "Program"], False), ([7], False),
])
def test_baris_nomor_kolom(baris, ya):
    assert baris_nomor_kolom(baris) is ya


def test_realisasi_anggaran_di_tabel_indikator_diabaikan():
    # an indicator table printing the budget beside the indicator: "Realisasi Anggaran" is not the realisasi
    t = cari_tabel([["Indikator", "Target", "Realisasi", "Realisasi Anggaran", "Capaian"], ["A", 1, 1, 5, 100]])
    assert t.jenis == "indikator"
    assert [(k.bidang, k.indeks) for k in t.kolom if k.bidang == "realisasi"] == [("realisasi", 2)]
    assert [k.judul for k, _ in t.diabaikan] == ["Realisasi Anggaran"]


def test_sel_digabung_vertikal_diisi_hanya_untuk_label():
    # a sasaran merged down over three indicators: each row gets it; figures are never copied down
    k = PER_NAMA["parepare_3_2_xlsx"]
    p = pratinjau(k.data, k.nama_file)
    df = p.tabel["indikator"]
    assert df["sasaran"].notna().all()
    assert df["sasaran"].nunique() == 4


# --- template --------------------------------------------------------------------------------------------
def _isi_zip(data: bytes) -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return {n: z.read(n) for n in z.namelist()}


def test_templat_tersimpan_sama_dengan_hasil_pembuat():
    assert LOKASI.exists(), "jalankan: python -m lkjip.templat"
    assert _isi_zip(LOKASI.read_bytes()) == _isi_zip(buat_templat()), "data/templat_unggah.xlsx usang: jalankan python -m lkjip.templat"
    assert buat_templat() == buat_templat()


def test_templat_lembar_judul_dan_contoh():
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(buat_templat()))
    assert wb.sheetnames == ["Petunjuk", "Indikator", "Anggaran", "Skor"]
    for nama, jenis in (("Indikator", "indikator"), ("Anggaran", "anggaran"), ("Skor", "skor")):
        ws = wb[nama]
        assert [c.value for c in ws[1]] == KOLOM[jenis]
        assert all(c.font.bold for c in ws[1])
        assert ws.max_row == 2  # exactly one example row
        contoh = dict(zip(KOLOM[jenis], [c.value for c in ws[2]]))
        assert contoh["catatan"].startswith("CONTOH")
    teks = "\n".join(str(c.value) for baris in wb["Petunjuk"].iter_rows() for c in baris if c.value)
    for kolom in set(KOLOM["indikator"]) | set(KOLOM["anggaran"]) | set(KOLOM["skor"]):
        assert kolom in teks
    for nilai in [*measures.POLARITAS, *TEMA, *TINGKAT_INDIKATOR, *LEVEL, "sakip", "ikm"]:
        assert nilai in teks, nilai
    for kata in ("1.250.000", "98,5%", "Rp", "n/a", "CONTOH", "penurunan"):
        assert kata in teks


def test_templat_kosong_hanya_contoh():
    p = pratinjau(buat_templat(), "templat_unggah.xlsx")
    assert not p.bisa_disimpan
    assert [m.pesan for m in p.galat] == [
        "berkas hanya berisi baris contoh templat. Isi data Anda di bawah judul kolom (baris contoh boleh dihapus)"]
    assert [lb.jenis for lb in p.lembar] == ["indikator", "anggaran", "skor"]
    # the instructions sheet is a cover sheet: listed, not imported, no message
    assert [(ll.nama, ll.alasan) for ll in p.lembar_lain] == [(p.lembar_lain[0].nama, "sampul")]


# --- preview API for the upload page --------------------------------------------------------------------
def _depok() -> Pratinjau:
    data = ("DINAS SOSIAL KOTA DEPOK TAHUN 2020\n"
            "No;Indikator Kinerja;Satuan;Target;Realisasi;Capaian\n"
            "1;Persentase anak telantar yang mendapatkan pelayanan;%;80;72;90%\n"
            "2;Angka kemiskinan;%;7;6,5;\n"
            "3;Persentase penurunan PMKS;%;10;8;\n"
            "4;Angka PMKS yang menurun;%;10;8;\n"
            "5;Turunnya jumlah gelandangan;orang;10;8;\n").encode("cp1252")
    return pratinjau(data, "depok.csv")


def test_polaritas_disarankan_dan_diubah():
    p = _depok()
    df = p.tabel["indikator"]
    assert list(df["instansi"].unique()) == ["Dinas Sosial Kota Depok"] and list(df["tahun"].unique()) == [2020]
    assert df["polaritas"].tolist() == ["positif", "negatif", "negatif", "negatif", "negatif"]
    assert set(df["polaritas_dari"]) == {"saran"}
    # domain check: target 7, realisasi 6,5, lower is better -> 107,14
    assert df.loc[1, "capaian"] == pytest.approx(107.142857)
    sebelum = df.drop(columns=["polaritas", "capaian", "capaian_alasan", "polaritas_dari"]).copy()
    assert atur_polaritas(p, "Angka kemiskinan", "positif") == 1
    df = p.tabel["indikator"]
    assert df.loc[1, "polaritas"] == "positif" and df.loc[1, "polaritas_dari"] == "pengguna"
    assert df.loc[1, "capaian"] == pytest.approx(6.5 / 7 * 100)
    pd.testing.assert_frame_equal(df.drop(columns=["polaritas", "capaian", "capaian_alasan", "polaritas_dari"]), sebelum)
    assert df.loc[0, "capaian"] == pytest.approx(90)  # the others untouched
    with pytest.raises(ValueError, match="polaritas 'naik-turun' tidak dikenal"):
        atur_polaritas(p, "Angka kemiskinan", "naik-turun")
    with pytest.raises(ValueError, match="tidak ada di pratinjau"):
        atur_polaritas(p, "Indikator lain", "positif")


def test_tema_diubah():
    p = _depok()
    assert p.tabel["indikator"].loc[0, "tema"] == "spm_anak"
    assert atur_tema(p, "Angka kemiskinan", "pkh") == 1
    assert p.tabel["indikator"].loc[1, "tema"] == "pkh"
    with pytest.raises(ValueError, match="tema 'bansos' tidak dikenal"):
        atur_tema(p, "Angka kemiskinan", "bansos")


def test_cuplikan_untuk_halaman():
    c = cuplikan(_depok(), 2)
    assert list(c.columns) == ["instansi", "tahun", "sasaran", "indikator", "polaritas", "target_teks", "realisasi_teks",
                               "capaian", "capaian_dilaporkan_teks"]
    assert c.loc[0, "capaian_dilaporkan_teks"] == "90%" and c.loc[1, "capaian_dilaporkan_teks"] is None


def test_pilihan_pengguna_berbeda_dengan_judul_diberi_peringatan():
    k = PER_NAMA["parepare_3_2_xlsx"]
    p = pratinjau(k.data, k.nama_file, instansi="Dinas Sosial Kota Depok")
    assert set(p.tabel["indikator"]["instansi"]) == {"Dinas Sosial Kota Depok"}
    assert any(m.tingkat == "peringatan" and "judul tabel menyebut instansi lain" in m.pesan for m in p.masalah)
    with pytest.raises(GalatBerkas, match="di luar rentang"):
        pratinjau(k.data, k.nama_file, tahun=1990)


def test_persen_excel_dibaca_sebagai_persen():
    # Bekasi 2023, Tabel 3.1: "14%" typed in Excel is stored 0.14 with a percent format
    k = PER_NAMA["bekasi_banyak_lembar"]
    p = pratinjau(k.data, k.nama_file, **k.kw)
    r = p.tabel["indikator"].set_index("indikator").loc["Persentase PPKS binaan yang mandiri"]
    assert (r["target"], r["realisasi"], r["target_teks"], r["satuan"]) == (14.0, 14.0, "14%", "%")


# --- store: all or nothing, replace and undo, the log ------------------------------------------------------
def _dump(store) -> dict[str, list[tuple]]:
    """Every table of the database, every row, in a stable order."""
    tabel = store.baca("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1")["table_name"]
    hasil = {}
    for t in tabel:
        cur = store._con.cursor()
        try:
            hasil[t] = sorted(cur.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
        finally:
            cur.close()
    return hasil


def _pratinjau_kasus(nama) -> Pratinjau:
    k = PER_NAMA[nama]
    return pratinjau(k.data, k.nama_file, **k.kw)


def test_simpan_gagal_tidak_mengubah_apa_pun(store, monkeypatch):
    sebelum = _dump(store)
    # 1. a preview with errors
    with pytest.raises(GalatImpor, match="galat"):
        simpan(store, _pratinjau_kasus("teks_di_angka"))
    # 2. an agency-year already present, without 'ganti'
    p = _pratinjau_kasus("parepare_3_2_xlsx")
    assert konflik(store, p) == {"indikator": [("Dinas Sosial Kota Parepare", 2023)]}
    with pytest.raises(GalatImpor, match="sudah ada"):
        simpan(store, p)
    assert _dump(store) == sebelum
    # 3. a failure in the middle of the transaction: after the old rows were backed up and deleted and the
    #    new indicator rows inserted, while writing the budget lines
    k = PER_NAMA["bekasi_banyak_lembar"]
    p = pratinjau(k.data, k.nama_file, **k.kw)
    assert set(konflik(store, p)) >= {"indikator", "anggaran", "skor"}

    def gagal(df):
        raise RuntimeError("gagal di tengah transaksi")

    monkeypatch.setattr(simpan_mod, "_induk", gagal)
    with pytest.raises(RuntimeError, match="gagal di tengah"):
        simpan(store, p, ganti=True)
    assert _dump(store) == sebelum
    monkeypatch.undo()
    hasil = simpan(store, p, ganti=True)  # and the same import, without the fault, goes through
    assert hasil.ditulis == {"indikator": 4, "anggaran": 5, "skor": 2}


def test_ganti_lalu_batalkan_memulihkan_persis(store):
    data = ("indikator", "renstra", "anggaran", "skor", "nilai_dilaporkan", "instansi")
    sebelum = {t: v for t, v in _dump(store).items() if t in data}
    lama = store.indikator(["Dinas Sosial Kota Parepare"], [2023])
    p = _pratinjau_kasus("parepare_3_2_xlsx")
    hasil = simpan(store, p, ganti=True, pengguna="uji")
    assert hasil.ditulis == {"indikator": 11} and hasil.diganti == {"indikator": len(lama)}
    baru = store.indikator(["Dinas Sosial Kota Parepare"], [2023])
    assert len(baru) == 11 and set(baru["sumber"]) == {"Unggahan parepare_tabel_3_2.xlsx"}
    log = store.baca("SELECT * FROM impor WHERE id = ?", [hasil.impor_id]).iloc[0]
    assert (log["nama_file"], log["sha256"], log["pengguna"], log["status"]) == ("parepare_tabel_3_2.xlsx", p.sha256, "uji", "aktif")
    assert store.satu("SELECT count(*) FROM cadangan_impor WHERE impor_id = ?", [hasil.impor_id]) == len(lama)
    assert batalkan(store, hasil.impor_id) == {"indikator": len(lama)}
    assert {t: v for t, v in _dump(store).items() if t in data} == sebelum
    assert store.satu("SELECT status FROM impor WHERE id = ?", [hasil.impor_id]) == "dibatalkan"
    with pytest.raises(GalatImpor, match="sudah dibatalkan"):
        batalkan(store, hasil.impor_id)


def test_riwayat_dan_urutan_pembatalan(store):
    p = _pratinjau_kasus("parepare_3_2_xlsx")
    pertama = simpan(store, p, ganti=True)
    kedua = simpan(store, p, ganti=True)
    r = riwayat(store, 5)
    assert list(r["id"][:2]) == [kedua.impor_id, pertama.impor_id]
    atas = r.iloc[0]
    assert atas["ditulis"] == {"indikator": 11} and atas["diganti"] == {"indikator": 11}
    assert atas["instansi_tahun"] == "Dinas Sosial Kota Parepare 2023"
    assert "parepare_tabel_3_2.xlsx: 11 indikator untuk Dinas Sosial Kota Parepare 2023; mengganti 11 indikator" in atas["ringkasan"]
    # the first import's rows were replaced by the second: it can only be undone after the second
    assert atas["bisa_dibatalkan"] and not r.iloc[1]["bisa_dibatalkan"]
    with pytest.raises(GalatImpor, match=f"Batalkan impor #{kedua.impor_id} dulu"):
        batalkan(store, pertama.impor_id)
    batalkan(store, kedua.impor_id)
    batalkan(store, pertama.impor_id)
    assert riwayat(store, 5).iloc[0]["ringkasan"].endswith("(dibatalkan)")


def test_impor_instansi_baru_dan_batalkan(store):
    p = _depok()
    hasil = simpan(store, p)
    assert store.satu("SELECT count(*) FROM indikator t JOIN instansi i ON i.id = t.instansi_id WHERE i.nama = 'Dinas Sosial Kota Depok'") == 5
    batalkan(store, hasil.impor_id)
    assert store.satu("SELECT count(*) FROM indikator t JOIN instansi i ON i.id = t.instansi_id WHERE i.nama = 'Dinas Sosial Kota Depok'") == 0


# --- command line ----------------------------------------------------------------------------------------
def _lkjip(*args):
    """The command line run in-process (tests/cli.py): exit code and output as a user sees them."""
    from cli import jalankan

    return jalankan(*args)


def test_cli_dry_run_mencetak_pratinjau_tanpa_menulis(tmp_path):
    k = PER_NAMA["parepare_3_2_xlsx"]
    f = tmp_path / k.nama_file
    f.write_bytes(k.data)
    db = tmp_path / "tidak_dibuat.duckdb"
    r = _lkjip("import", f, "--db", db, "--dry-run")
    assert r.returncode == 0, r.stderr
    assert not db.exists()  # nothing written, not even a new database
    out = r.stdout
    assert "Lembar 'Tabel 3.2', tabel 1: indikator, baris judul 5, baris data s.d. 18, 11 baris" in out
    assert "instansi: Dinas Sosial Kota Parepare | tahun: 2023" in out
    assert "kolom C 'INDIKATOR' -> indikator" in out
    assert "indikator: 11 baris" in out
    # the first rows that would be written, capaian recomputed beside the printed one (Tabel 3.2: 82,35 vs 82%)
    assert ("Dinas Sosial Kota Parepare | 2023 | Meningkatnya Rehabilitasi dan perlindung… | Persentase "
            "gelandangan dan pengemis di luar panti yang mendapatkan pelayanan | target 85% | realisasi 70% | positif | "
            "capaian 82,35% | tercetak 82%") in out
    assert "Persentase PMKS yang tertangani | target 75% | realisasi 100% | positif | capaian 133,33% | tercetak 133%" in out
    assert "PERINGATAN" not in out  # 133,33%: a target exceeded, not a problem
    assert "tidak ada yang ditulis" in out


def test_cli_impor_mencetak_yang_ditulis(db, tmp_path):
    k = PER_NAMA["bekasi_2_4_anggaran_kas"]
    f = tmp_path / k.nama_file
    f.write_bytes(k.data)
    r = _lkjip("import", f, "--db", db)
    assert r.returncode == 2 and "sudah ada" in r.stderr
    r = _lkjip("import", f, "--db", db, "--replace")
    assert r.returncode == 0, r.stderr
    assert f"ditulis anggaran {k.harapan.jumlah['anggaran']}; diganti anggaran" in r.stdout
    assert "instansi-tahun: Dinas Sosial Kota Bekasi 2023" in r.stdout


# --- CSV as other programs save it (found by tests/test_fuzz.py) ----------------------------------------
def test_csv_akhir_baris_cr_saja():
    # Excel for Mac "CSV (Macintosh)": lines end in a lone CR
    data = "DINAS SOSIAL KOTA DEPOK TAHUN 2020\rIndikator;Target;Realisasi\rPersentase anak telantar terlayani;80;72\r"
    p = pratinjau(data.encode("cp1252"), "mac.csv")
    assert p.jumlah() == {"indikator": 1} and p.tabel["indikator"].loc[0, "capaian"] == pytest.approx(90)


def test_csv_bom_utf8_dengan_isi_cp1252():
    p = pratinjau(b"\xef\xbb\xbfIndikator;Target;Realisasi\nPersentase lansia terlayani \x96 2023;80;70\n", "bom.csv",
                  instansi="Dinas Sosial Kota Depok", tahun=2023)
    assert p.tabel["indikator"].loc[0, "indikator"] == "Persentase lansia terlayani \u2013 2023"


@pytest.mark.parametrize("data, pesan", [
    ("Indikator\tTarget\nAnak\t80\n".encode("utf-16")[:-1], "terpotong atau rusak"),
    (b'Indikator,Target,Realisasi\n"' + b"a" * 200_000 + b'",80,70\n', "ada sel lebih dari 131.072 karakter"),
])
def test_csv_rusak_ditolak_dengan_jelas(data, pesan):
    with pytest.raises(GalatBerkas, match=pesan):
        pratinjau(data, "rusak.csv", instansi="Dinas Sosial Kota Depok", tahun=2023)


def test_xlsx_terenkripsi_sungguhan_ditolak_jelas():
    """A workbook really encrypted with a password (ECMA-376, as Excel does it), not only its header."""
    import io

    import msoffcrypto
    from openpyxl import Workbook

    from lkjip.ingest import GalatBerkas, pratinjau

    wb = Workbook()
    wb.active.append(["Indikator", "Target", "Realisasi"])
    wb.active.append(["Persentase anak telantar yang mendapatkan pelayanan", 85, 85])
    polos, sandi = io.BytesIO(), io.BytesIO()
    wb.save(polos)
    polos.seek(0)
    msoffcrypto.OfficeFile(polos).encrypt("rahasia", sandi)
    with pytest.raises(GalatBerkas, match="dilindungi kata sandi"):
        pratinjau(sandi.getvalue(), "capaian_2023.xlsx")


def test_jumlah_tercetak_diperiksa_per_instansi_tahun_dalam_satu_lembar():
    """A sheet of our template holds many agencies (a province workbook): each printed total is checked against
    its own agency-year's programs, not against every program of the sheet."""
    kepala = ("instansi,tahun,level,kode,uraian,sasaran,pagu_awal,pagu,realisasi,serapan_dilaporkan,rencana_tw1,rencana_tw2,"
              "rencana_tw3,rencana_tw4,realisasi_tw1,realisasi_tw2,realisasi_tw3,realisasi_tw4,utama,sumber,catatan\n")
    baris = [("Dinas Sosial Kota Depok", "total", "", "Jumlah", 300, 250), ("Dinas Sosial Kota Depok", "program", "1.06.01", "Program A", 100, 90),
             ("Dinas Sosial Kota Depok", "program", "1.06.02", "Program B", 200, 160),
             ("Dinas Sosial Kota Bogor", "total", "", "Jumlah", 500, 400), ("Dinas Sosial Kota Bogor", "program", "1.06.01", "Program A", 250, 200),
             ("Dinas Sosial Kota Bogor", "program", "1.06.02", "Program B", 250, 210)]
    teks = kepala + "".join(f"{i},2023,{lv},{k},{u},,,{pg},{rl},,,,,,,,,,1,LKjIP {i[-5:]} 2023 Tabel 2.4,\n" for i, lv, k, u, pg, rl in baris)
    p = pratinjau(teks.encode(), "dua_instansi.csv")
    jumlah = [m for m in p.masalah if "baris jumlah tercetak" in m.pesan]
    # Depok: 100 + 200 = 300 and 90 + 160 = 250, as printed; Bogor: 200 + 210 = 410, printed 400
    assert len(jumlah) == 1 and jumlah[0].baris == 5
    assert "Rp 400" in jumlah[0].pesan and "2 baris program" in jumlah[0].pesan and "Rp 410" in jumlah[0].pesan
