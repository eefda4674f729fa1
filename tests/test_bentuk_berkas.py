"""The importer on files in the layouts planners really have (tests/korpus_bentuk.py): Renja form, SIPD
exports, units, polarity evidence, several tables per sheet, quarters, workbooks, agency titles,
annotated numbers, .ods and HTML named .xls; and the pipeline's steps one by one."""
import pytest

import korpus_bentuk
from lkjip.ingest import Keputusan, pratinjau
from lkjip.ingest.judul import instansi_dari_judul, periode_dari, skala_dari
from lkjip.ingest.kode import level_dari, level_kode
from lkjip.ingest.pola import akhir_tabel
from lkjip.ingest.ringkasan import teks_pratinjau, total_dibaca
from test_ingest import _cocok, _nilai, _sama

KASUS = korpus_bentuk.kasus()
PER_NAMA = {k.nama: k for k in KASUS}


@pytest.mark.parametrize("k", KASUS, ids=[k.nama for k in KASUS])
def test_bentuk(k):
    h = k.harapan
    p = pratinjau(k.data, k.nama_file, **k.kw)
    semua = "\n".join(m.teks() for m in p.masalah)
    assert not p.galat, semua
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


def test_korpus_bentuk_deterministik():
    assert {k.nama: k.data for k in korpus_bentuk.kasus()} == {k.nama: k.data for k in KASUS}


def test_renja_urusan_dan_rekening_bukan_program():
    """Urusan, bidang urusan and account lines are never programs: the program total is not doubled."""
    p = pratinjau(PER_NAMA["sipd_lra"].data, "lra.xlsx")
    ang = p.tabel["anggaran"]
    assert set(ang["level"]) == {"program", "kegiatan", "sub_kegiatan", "total"}
    assert not ang["kode"].fillna("").str.match(r"^(1|1\.06|5\..*)$").any()
    tot = total_dibaca(p, p.lembar[0].kunci).set_index("tingkat")
    assert tot.loc["Program", "pagu"] == pytest.approx(3.3e9)
    assert tot.loc["Rekening belanja (tidak disimpan)", "baris"] == 4


def test_renja_pratinjau_menyebut_bentuk_dan_tahun():
    p = pratinjau(PER_NAMA["renja_86_2017"].data, "renja.xlsx")
    angg = next(lb for lb in p.lembar if lb.jenis == "anggaran")
    assert angg.bentuk and "86/2017" in angg.bentuk
    assert angg.instansi == "Dinas Sosial Kabupaten Barru" and angg.tahun == 2024
    bidang = dict((b, h) for h, _, b, _ in angg.pemetaan)
    assert {"pagu", "realisasi", "realisasi_tw1", "realisasi_tw4", "kode", "uraian"} <= set(bidang)
    assert [h for h, _, b, _ in angg.pemetaan if b.startswith("realisasi_tw")] == ["M", "O", "Q", "S"]  # the Rp columns
    # the K columns of TW I–IV are the indicators' realisation per quarter, nothing of the quarters is left out
    ind = next(lb for lb in p.lembar if lb.jenis == "indikator")
    assert [(h, b) for h, _, b, _ in ind.pemetaan if b.startswith("realisasi_tw")] == [
        ("L", "realisasi_tw1"), ("N", "realisasi_tw2"), ("P", "realisasi_tw3"), ("R", "realisasi_tw4")]
    assert not any("triwulan" in alasan.lower() for lb in p.lembar for _, _, alasan in lb.diabaikan)
    assert ind.periode is None and angg.periode is None  # every quarter filled: the year's result


def test_tabel_kedua_bukan_indikator():
    p = pratinjau(PER_NAMA["pk_dan_anggaran"].data, "pk.xlsx")
    assert [lb.jenis for lb in p.lembar] == ["indikator", "anggaran"]
    assert not p.tabel["indikator"]["indikator"].str.contains("Program").any()
    assert [lb.skala for lb in p.lembar] == [1.0, 1000.0]


def test_lembar_tersembunyi_disertakan_atas_pilihan():
    data = PER_NAMA["lembar_khusus"].data
    p = pratinjau(data, "m.xlsx")
    assert {(ll.nama, ll.alasan) for ll in p.lembar_lain} == {("Sampul", "sampul"), ("Cadangan lama", "tersembunyi"),
                                                             ("Grafik", "grafik")}
    p2 = pratinjau(data, "m.xlsx", keputusan=Keputusan(lembar_ikut=["Cadangan lama"]))
    assert sorted(p2.tabel["indikator"]["tahun"]) == [2022, 2023, 2023]


def test_satuan_diubah_pengguna():
    from lkjip.ingest import AturanTabel

    data = PER_NAMA["ribuan"].data
    p = pratinjau(data, "ribuan_depok_2022.csv")
    k = Keputusan(tabel={p.lembar[0].kunci: AturanTabel(skala=1.0)})
    p2 = pratinjau(data, "ribuan_depok_2022.csv", keputusan=k)
    assert p2.tabel["anggaran"]["pagu"].iloc[0] == pytest.approx(1_250_500)


def test_dry_run_teks_memuat_jumlah_dan_satuan():
    p = pratinjau(PER_NAMA["ribuan"].data, "ribuan_depok_2022.csv")
    teks = "\n".join(teks_pratinjau(p))
    assert "satuan: ×1.000" in teks and "Rp 3.254.500.000" in teks


@pytest.mark.parametrize("kode,level", [("1", "urusan"), ("1.06", "bidang_urusan"), ("1.06.01", "program"),
                                        ("1.06.01.2.01", "kegiatan"), ("1.06.01.2.01.0001", "sub_kegiatan"),
                                        ("5.1.02.01.01.0024", "rekening"), ("5.1", "rekening"),
                                        ("1.06.0.00.0.00.01.0000", "unit"), ("5.01", "bidang_urusan"), ("abc", None)])
def test_level_dari_bentuk_kode(kode, level):
    assert level_kode(kode) == level


def test_level_kode_menang_atas_kata_untuk_baris_tak_disimpan():
    assert level_dari("Program Penunjang", "1.06") == "bidang_urusan"
    assert level_dari("Belanja Pegawai", "5.1.01") == "rekening"
    assert level_dari("Belanja Pegawai", None) == "jenis_belanja"


@pytest.mark.parametrize("judul,instansi", [
    (["DINAS SOSIAL KOTA DEPOK TAHUN 2020"], "Dinas Sosial Kota Depok"),
    (["Laporan Dinas Sosial D.I. Yogyakarta"], "Dinas Sosial Daerah Istimewa Yogyakarta"),
    (["DINAS SOSIAL", "KABUPATEN BANDUNG BARAT TAHUN 2022"], "Dinas Sosial Kabupaten Bandung Barat"),
    (["PEMERINTAH KABUPATEN LABUHANBATU", "Organisasi : 1.06.01 Dinas Sosial"], "Dinas Sosial Kabupaten Labuhanbatu"),
    (["CAPAIAN KINERJA TAHUN 2023"], None)])
def test_instansi_dari_judul(judul, instansi):
    assert instansi_dari_judul(judul) == instansi


def test_skala_dan_periode():
    assert skala_dari([("judul", "(dalam ribuan rupiah)")])[0] == 1000
    assert skala_dari([("kolom", "Anggaran (Rp 000)")])[0] == 1000
    assert skala_dari([("kolom", "Pagu (juta rupiah)")])[0] == 1e6
    assert skala_dari([("kolom", "Anggaran (Rp)")])[0] == 1
    assert periode_dari(["Realisasi s.d. TW III"]) == "s.d. TW III"
    assert periode_dari(["Realisasi s/d Triwulan IV"]) is None
    # the Renja form of Kabupaten Barru: "PERIODE PELAKSANAAN TAHUN 2017 SAMPAI DENGAN SEMESTER I"
    assert periode_dari(["PERIODE PELAKSANAAN TAHUN 2017 SAMPAI DENGAN SEMESTER I"]) == "s.d. TW II"
    assert periode_dari(["Periode pelaksanaan s.d. Semester II"]) is None


@pytest.mark.parametrize("teks,ya", [("Sumber: BPS 2023", True), ("Keterangan : *) sementara", True),
                                     ("Kepala Dinas Sosial", True), ("NIP. 19700101 199503 1 004", True),
                                     ("Parepare, 31 Desember 2023", True), ("Dicetak pada 12-01-2024", True),
                                     ("Persentase PMKS yang tertangani", False), ("Jumlah kepala keluarga miskin", False)])
def test_akhir_tabel(teks, ya):
    assert akhir_tabel(teks) is ya


# --- never silently wrong: a property over generated tables ------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lkjip.ingest.indikator import sama_capaian  # noqa: E402
from lkjip.numbers import parse  # noqa: E402

_NAMA = ["Persentase penurunan jumlah PMKS", "Angka kemiskinan", "Persentase anak telantar terlayani",
         "Jumlah lansia yang mendapat layanan", "Tingkat pengangguran terbuka", "Persentase PSKS aktif"]
_SATUAN = ["", "(dalam ribuan rupiah)", "(juta rupiah)", "Rp 000"]


def _angka_id(x: float) -> str:
    return f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


@st.composite
def _tabel(draw):
    n = draw(st.integers(1, 5))
    rows = [["DINAS SOSIAL KOTA UJI TAHUN 2023"], [draw(st.sampled_from(_SATUAN))],
            ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]]
    for i in range(n):
        t = draw(st.integers(1, 200))
        r = draw(st.integers(0, 250))
        cara = draw(st.sampled_from(["positif", "negatif", "acak", "kosong", "bertanda"]))
        cap = {"positif": r / t * 100, "negatif": (2 * t - r) / t * 100, "acak": draw(st.floats(0, 300))}.get(cara)
        teks_cap = "" if cap is None else _angka_id(cap) + "%"
        rows.append([str(i + 1), f"{draw(st.sampled_from(_NAMA))} {i}", str(t),
                     f"± {r}" if cara == "bertanda" else str(r), teks_cap])
    rows += [[], ["No", "Program", "Pagu", "Realisasi"]]
    for i in range(draw(st.integers(1, 4))):
        pagu = draw(st.integers(1, 10**9))
        rows.append([str(i + 1), f"Program Uji {i}", _angka_id(pagu), _angka_id(draw(st.integers(0, pagu)))])
    rows.append(["Kepala Dinas Sosial Kota Uji"])
    return rows


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tabel())
def test_tidak_ada_angka_berbeda_dari_tercetak_tanpa_peringatan(rows):
    """A stored capaian or amount that differs from the printed one always has a warning in the preview."""
    from korpus import _csv

    p = pratinjau(_csv(rows, pemisah=";"), "uji.csv")
    peringatan = [m for m in p.masalah if m.tingkat in ("peringatan", "galat")]
    ind = p.tabel.get("indikator")
    for r in (ind.to_dict("records") if ind is not None and len(ind) else []):
        tercetak = parse(r["capaian_dilaporkan_teks"]).nilai if r["capaian_dilaporkan_teks"] else None
        for teks, nilai in ((r["target_teks"], r["target"]), (r["realisasi_teks"], r["realisasi"])):
            nilai = None if nilai is None or nilai != nilai else nilai
            if teks and parse(teks).nilai != nilai:
                assert any(m.baris == r["_baris"] for m in peringatan), (teks, nilai)
        cap = None if r["capaian"] is None or r["capaian"] != r["capaian"] else r["capaian"]
        if tercetak is not None and not sama_capaian(cap, tercetak):
            assert any(m.baris == r["_baris"] for m in peringatan), (r["indikator"], cap, tercetak)
    ang = p.tabel.get("anggaran")
    for r in (ang.to_dict("records") if ang is not None and len(ang) else []):
        for teks, nilai in ((r["pagu_teks"], r["pagu"]), (r["realisasi_teks"], r["realisasi"])):
            if teks and parse(teks).nilai != nilai:
                # the unit stated once: one warning for the table, above its rows
                assert any(m.lembar == "uji" and m.baris is not None and m.baris <= r["_baris"] and "satuan" in m.pesan
                           for m in peringatan), (teks, nilai)
