"""The bulk path for large template CSV files (lkjip/ingest/cepat.py) gives exactly the preview of the
per-cell importer, hands anything doubtful back to it, and imports a 20 MB file in time."""
from __future__ import annotations

import csv
import io
import os
import random
import time

import pandas as pd
import pytest

from lkjip.ingest import pratinjau
from lkjip.ingest.berkas import BATAS_UKURAN
from lkjip.ingest.cepat import pratinjau_cepat
from lkjip.ingest.tabel import KOLOM

KOL = KOLOM["indikator"]
NAMA_IND = ["Persentase PPKS yang mendapatkan rehabilitasi sosial dasar", "Angka kemiskinan", "Predikat SAKIP",
            "Jumlah rumah tangga yang mendapatkan bantuan", "Persentase penurunan anak terlantar", "Nilai IKM",
            "Indeks kepuasan layanan   sosial", "Cakupan  penanganan\tbencana"]
TARGET = ["100", "98,5", "1.250.000", "75%", "BB", "4207 KPM", "70,10 (BB)", "Rp 3.266.735.000,00", "-", "n/a", "0", " 12 ",
          "2,5", "1000"]


def _csv(baris: list[list[object]], kolom: list[str] = KOL, pemisah: str = ",") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=pemisah, lineterminator="\r\n")
    w.writerow(kolom)
    w.writerows(baris)
    return buf.getvalue().encode("utf-8")


def _ragam(n: int, seed: int) -> list[list[object]]:
    """Template rows with every kind of cell the bulk path must reproduce: grades, %, Rp, units, dashes,
    blank cells (sasaran carried down), example rows, blank rows, polarities given or suggested, duplicates."""
    rng = random.Random(seed)
    rows = [["CONTOH Dinas Sosial Kota Contoh", 2023, "Sasaran contoh", "Indikator contoh", "", "%", "positif", "90", "80",
             "", "", "", "", "CONTOH — baris ini dilewati saat impor", "", "", "", ""]]
    for i in range(n):
        if i % 37 == 5:
            rows.append([""] * len(KOL))
            continue
        rows.append([
            f"Dinas Sosial Kota {rng.choice(['Depok', 'Bekasi', 'Parepare', 'Pasuruan'])}", 2015 + (i % 9),
            rng.choice(["", "", "Meningkatnya kualitas layanan", "Menurunnya PPKS"]), f"{rng.choice(NAMA_IND)} {i // 3}",
            rng.choice(["", "sasaran", "program", "Sub Kegiatan"]), rng.choice(["", "persen", "orang"]),
            rng.choice(["", "", "positif", "negatif", "Ordinal", "naik"]), rng.choice(TARGET),
            rng.choice(TARGET + [str(rng.randint(0, 2000))]), rng.choice(["", "88,2%", "101"]),
            rng.choice(["", "spm_anak", "Lainnya"]), rng.choice(["", "1", "0", "tidak"]),
            rng.choice(["", "LKjIP 2023, Tabel 3.2"]), rng.choice(["", "catatan **tebal** <b>x</b> http://contoh.test"]),
            *(rng.choice(["", "", "25", "48,5", "1.250"]) for _ in range(4)),  # realisation per quarter
        ])
    return rows


def _sama(data: bytes, nama: str = "ragam.csv") -> tuple[float, float]:
    t0 = time.perf_counter()
    lambat = pratinjau(data, nama)
    t1 = time.perf_counter()
    cepat = pratinjau_cepat(data, nama, paksa=True)
    t2 = time.perf_counter()
    assert cepat is not None, "the bulk path refused a clean template file"
    assert lambat.tabel.keys() == cepat.tabel.keys()
    for k in lambat.tabel:
        pd.testing.assert_frame_equal(lambat.tabel[k], cepat.tabel[k], check_dtype=True)
    assert lambat.masalah == cepat.masalah
    assert lambat.lembar == cepat.lembar
    assert lambat.sha256 == cepat.sha256
    return t1 - t0, t2 - t1


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_jalur_cepat_sama_dengan_per_sel(seed):
    _sama(_csv(_ragam(1500, seed)))


def test_jalur_cepat_urutan_kolom_lain_dan_titik_koma():
    kolom = ["indikator", "instansi", "tahun", "realisasi", "target", "catatan"]
    rows = [[f"Indikator {i}", "Dinas Sosial Kota Depok", 2020 + i % 3, str(i), "10", ""] for i in range(200)]
    _sama(_csv(rows, kolom, ";"), "urutan.csv")


# the template's columns under the names a person gives them (each mapped by tabel.cari_tabel to one field)
NAMA_ORANG = {"instansi": "Nama Instansi", "tahun": "Tahun Anggaran", "sasaran": "Sasaran Strategis",
              "indikator": "Indikator Kinerja", "tingkat": "Tingkat", "satuan": "Satuan", "polaritas": "Polaritas",
              "target": "Target", "realisasi": "Realisasi", "capaian_dilaporkan": "Capaian (%)", "tema": "Tema",
              "utama": "Utama", "sumber": "Sumber Data", "catatan": "Keterangan",
              **{f"realisasi_tw{i}": f"Realisasi TW {r}" for i, r in enumerate(["I", "II", "III", "IV"], 1)}}


@pytest.mark.parametrize("seed", [4, 5])
def test_jalur_cepat_judul_kolom_lain(seed):
    """Columns renamed as a person names them and put in another order: the bulk path takes the file and
    gives exactly the per-cell importer's preview (column titles in its problems and sheet included)."""
    rng = random.Random(seed)
    urutan = list(range(len(KOL)))
    rng.shuffle(urutan)
    rows = [[r[i] for i in urutan] for r in _ragam(1500, seed)]
    _sama(_csv(rows, [NAMA_ORANG[KOL[i]] for i in urutan], ";"), "nama_lain.csv")


def test_judul_kolom_tak_dikenal_tidak_diambil():
    """A column the importer does not know ("No"), or a header that is not one field per column: per-cell path."""
    rows = [[str(i), "Dinas Sosial Kota Depok", 2022, f"Indikator {i}", "10", "9"] for i in range(60)]
    assert pratinjau_cepat(_csv(rows, ["No", "Nama Instansi", "Tahun", "Indikator Kinerja", "Target", "Realisasi"]),
                           "no.csv", paksa=True) is None
    rows = [["Dinas Sosial Kota Depok", 2022, f"Indikator {i}", "10", "9", "8"] for i in range(60)]
    assert pratinjau_cepat(_csv(rows, ["Nama Instansi", "Tahun", "Indikator Kinerja", "Target", "Realisasi", "Target 2024"]),
                           "tahun.csv", paksa=True) is None


@pytest.mark.parametrize("ubah,alasan,galat", [
    (lambda r: r.__setitem__(7, "Rp91-.160.954"), "malformed number", True),
    (lambda r: r.__setitem__(8, "#DIV/0!"), "error cell", True),
    (lambda r: r.__setitem__(0, ""), "agency missing", True),
    (lambda r: r.__setitem__(1, "20x3"), "year not a number", True),
    (lambda r: r.__setitem__(6, "terbalik"), "unknown polarity", True),
    (lambda r: r.__setitem__(4, "provinsi"), "unknown level", True),
    (lambda r: r.__setitem__(10, "olahraga"), "unknown theme", False),
    (lambda r: (r.__setitem__(0, "JUMLAH"), r.__setitem__(3, "")), "figures without an indicator", True),
    (lambda r: (r.__setitem__(0, "JUMLAH"), r.__setitem__(1, ""), r.__setitem__(2, ""), r.__setitem__(3, "")), "total row", False),
    (lambda r: r.__setitem__(3, "Rata-rata capaian"), "average row", False),
    (lambda r: r.extend([""] * (len(KOL) - len(r)) + ["di luar judul"]), "cell right of the header", False),
    (lambda r: (r.__setitem__(0, "Sumber: LKjIP 2022"), r.__setitem__(1, "")), "footnote ends the table", False),
    (lambda r: r.__setitem__(3, "Predikat kinerja"), "form summary row", False),
])
def test_yang_meragukan_diserahkan_ke_per_sel(ubah, alasan, galat):
    """A doubtful row is read by the per-cell importer: only that row when it blocks the file (the same
    problems, at the same row and column, as reading the whole file), else the whole file."""
    rows = [["Dinas Sosial Kota Depok", 2022, "S", f"Indikator {i}", "", "", "", "10", "9", "", "", "", "", ""] for i in range(50)]
    ubah(rows[20])
    data = _csv(rows)
    cepat = pratinjau_cepat(data, "ragu.csv", paksa=True)
    penuh = pratinjau(data, "ragu.csv")
    if not galat:
        assert cepat is None, alasan
        assert alasan != "unknown theme" or any(m.baris == 22 for m in penuh.masalah)
        return
    assert penuh.galat and all(m.baris == 22 for m in penuh.galat), alasan
    assert cepat is not None and cepat.galat == penuh.galat, alasan
    assert not cepat.bisa_disimpan and not any(len(df) for df in cepat.tabel.values())
    assert cepat.sha256 == penuh.sha256 and "baris lainnya belum dihitung" in cepat.masalah[-1].pesan


def test_bukan_templat_tidak_diambil():
    rows = [["Dinas Sosial Kota Depok", 2022, "I", "10", "9"]]
    assert pratinjau_cepat(_csv(rows, ["instansi", "tahun", "uraian", "pagu", "realisasi"]), "a.csv", paksa=True) is None
    assert pratinjau_cepat(_csv(_ragam(50, 1)), "kecil.csv") is None  # small files: the per-cell path is quick enough
    assert pratinjau_cepat(_csv(_ragam(50, 1)), "a.csv", instansi="Dinas Sosial Kota Depok", paksa=True) is None


def templat_besar(target_mb: float = 19.5, seed: int = 11) -> bytes:
    """A legal template CSV of about ``target_mb`` MB (about 340.000 indicator rows of 490 agencies)."""
    rng = random.Random(seed)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(KOL)
    i = 0
    batas = int(target_mb * 2**20)
    while buf.tell() < batas:
        t = rng.randint(50, 1000)
        w.writerow([f"Dinas Sosial Kota K{i // 700:03d}", 2000 + (i // 50) % 14, f"Sasaran {i % 7}" if i % 50 == 0 else "",
                    f"Indikator {i % 50}", "", "%", "", t, int(t * rng.uniform(0.6, 1.02)), "", "", "", "", ""])
        i += 1
    return buf.getvalue().encode()


def test_templat_20_mb_diimpor_dalam_30_detik(tmp_path):
    """The issue's figure: a 20 MB template CSV (~350.000 rows) from the guarded reader to committed rows."""
    from lkjip.ingest.penjaga import pratinjau_terjaga
    from lkjip.ingest.simpan import simpan
    from lkjip.store import Store

    data = templat_besar()
    assert 19 * 2**20 < len(data) <= BATAS_UKURAN
    store = Store(tmp_path / "besar.duckdb")
    kemajuan = []
    t0 = time.perf_counter()
    p = pratinjau_terjaga(data, "besar.csv", kemajuan=lambda b, t: kemajuan.append(b))
    t1 = time.perf_counter()
    hasil = simpan(store, p)
    t2 = time.perf_counter()
    n = p.jumlah()["indikator"]
    print(f"\n20 MB template: {n} rows; preview {t1 - t0:.1f} s, commit {t2 - t1:.1f} s, total {t2 - t0:.1f} s")
    assert n > 330_000 and hasil.ditulis["indikator"] == n
    assert store.satu("SELECT count(*) FROM indikator") == n
    assert kemajuan == sorted(kemajuan) and len(kemajuan) >= 5 and kemajuan[-1] == 1.0  # the page's progress bar moves
    # 30 s on this 2-core machine when it is not shared; when other processes keep it busy (load above the
    # number of cores) the bound grows with the load rather than fail for a reason outside the code
    beban = max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))
    assert t2 - t0 <= 30 * beban, f"{t2 - t0:.1f} s at load x{beban:.1f}"
    store.close()


def test_templat_besar_dengan_galat_tetap_cepat_dan_tepat():
    """A large template file with two bad cells: the problems at their rows and columns, in seconds, not the
    minutes the per-cell importer needs for the whole file."""
    from lkjip.ingest.penjaga import pratinjau_terjaga

    baris = templat_besar(5).split(b"\n")
    sel = baris[1000].split(b",")
    sel[7] = b"Rp91-.160.954"
    baris[1000] = b",".join(sel)
    sel = baris[60_000].split(b",")
    sel[8] = b"#DIV/0!"
    baris[60_000] = b",".join(sel)
    mulai = time.perf_counter()
    p = pratinjau_terjaga(b"\n".join(baris), "besar_galat.csv")
    detik = time.perf_counter() - mulai
    assert {(m.baris, m.kolom) for m in p.galat} == {(1001, "H (target)"), (60_001, "I (realisasi)")}
    assert not p.bisa_disimpan
    beban = max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))
    assert detik <= 20 * beban, f"{detik:.1f} s"


def test_capaian_tercetak_diperiksa_di_jalur_cepat():
    """The printed capaian is checked on the bulk path as the per-cell importer checks it: a different one is a
    warning on its cell, one that matches the other polarity of a suggested polarity switches it (evidence),
    one that cannot be recomputed is said so."""
    kolom = ["instansi", "tahun", "indikator", "polaritas", "target", "realisasi", "capaian_dilaporkan"]
    rows = [["Dinas Sosial Kota Depok", 2022, f"Indikator {i}", "positif", "10", "9", "90"] for i in range(60)]
    rows[10][6] = "75"  # printed 75%, computed 90%
    rows[20][3], rows[20][6] = "", "110"  # suggested positif (90%), printed 110% = 2 - 9/10: the negatif formula
    rows[30][4], rows[30][5] = "", ""  # nothing to recompute
    data = _csv(rows, kolom)
    cepat, penuh = pratinjau_cepat(data, "capaian.csv", paksa=True), pratinjau(data, "capaian.csv")
    assert cepat is not None and cepat.masalah == penuh.masalah
    pesan = {m.baris: m for m in cepat.masalah}
    assert "berbeda dari capaian tercetak 75" in pesan[12].pesan and pesan[12].kolom == "G (capaian_dilaporkan)"
    assert "tidak dapat dihitung ulang" in pesan[32].pesan
    df = cepat.tabel["indikator"].set_index("_baris")
    assert (df.loc[22, "polaritas"], df.loc[22, "polaritas_dari"]) == ("negatif", "bukti") and df.loc[22, "capaian"] == pytest.approx(110)
    assert df.loc[12, "capaian"] == pytest.approx(90) and df.loc[12, "capaian_dilaporkan"] == 75
