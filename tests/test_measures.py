"""Formulas, each checked against figures printed in the reports (table cited)."""
import pytest

from lkjip import measures as m


def test_capaian_positif_laporan():
    # Parepare 2023, Tabel 3.9: gelandangan dan pengemis, target 85, realisasi 70 -> 82,35%
    assert m.capaian(85, 70).nilai == pytest.approx(82.35, abs=0.005)
    # Pasuruan 2022, Tabel 3.2: 98,2 against 90 -> printed 109 (109,11)
    assert m.capaian(90, 98.2).nilai == pytest.approx(109.11, abs=0.005)
    # Bekasi 2023, Tabel 3.1: IKM 85,77 against 80,50 -> 106,55 (printed 106%)
    assert m.capaian(80.5, 85.77).nilai == pytest.approx(106.55, abs=0.005)
    # Parepare 2023, Tabel 3.2: PKH 4207 KPM against 4000 KPM -> printed 105%
    assert round(m.capaian(4000, 4207).nilai) == 105


def test_capaian_negatif_domain():
    # DOMAIN.md: target 7, realisasi 6,5 -> 107,14; target 8, realisasi 9 -> 87,5
    assert m.capaian(7, 6.5, "negatif").nilai == pytest.approx(107.14, abs=0.005)
    assert m.capaian(8, 9, "negatif").nilai == pytest.approx(87.5)


def test_capaian_target_nol_atau_kosong_dijelaskan():
    for h in (m.capaian(0, 5), m.capaian(0, 5, "negatif")):
        assert h.nilai is None and "target 0" in h.alasan
    assert m.capaian(None, 5).nilai is None and "target kosong" in m.capaian(None, 5).alasan
    assert "realisasi kosong" in m.capaian(5, None).alasan
    assert m.capaian(5, 5, "aneh").nilai is None


def test_capaian_ordinal():
    # Parepare 2023, Tabel 3.2: target "75 (BB)", realisasi "BB" -> 100%
    h = m.capaian(75, None, "ordinal", "BB", "BB")
    assert h.nilai == 100 and "ordinal" in h.alasan
    # Bekasi 2023, Tabel 3.1: target BB, realisasi BB (nilai 77,26) -> 100%
    assert m.capaian(None, None, "ordinal", "BB", "BB").nilai == 100
    assert m.capaian(None, 77.26, "ordinal", "BB", None).nilai == 100
    # on the numeric score when both are known: met -> 100, below -> ratio
    assert m.capaian(75, 77.26, "ordinal").nilai == 100
    assert m.capaian(75, 70.10, "ordinal").nilai == pytest.approx(93.47, abs=0.01)
    # grade below target: rank ratio (BB=5, A=6)
    assert m.capaian(None, None, "ordinal", "A", "BB").nilai == pytest.approx(5 / 6 * 100)
    assert m.capaian(None, None, "ordinal", None, None).nilai is None


@pytest.mark.parametrize(
    "c, kat",
    [(133.33, "Sangat Tinggi"), (90.01, "Sangat Tinggi"), (90, "Tinggi"), (82.35, "Tinggi"), (75.0, "Sedang"),
     (65.5, "Sedang"), (65, "Rendah"), (50.01, "Rendah"), (50, "Sangat Rendah"), (0, "Sangat Rendah"), (None, None)],
)
def test_kategori_permendagri_86(c, kat):
    assert m.kategori(c) == kat


@pytest.mark.parametrize(
    "nilai, huruf",
    [(77.26, "BB"), (70.10, "BB"), (70, "B"), (90.5, "AA"), (90, "A"), (80.01, "A"), (60.5, "B"), (55, "CC"),
     (50, "C"), (31, "C"), (30, "D"), (0, "D")],
)
def test_predikat_sakip(nilai, huruf):
    # Bekasi 2023 Bab III: nilai 77,26 -> BB; Parepare 2023: 70,10 (BB)
    assert m.predikat_sakip(nilai).nilai_teks == huruf


def test_predikat_sakip_di_luar_rentang():
    assert m.predikat_sakip(101).nilai_teks is None
    assert m.predikat_sakip(None).nilai_teks is None


def test_kategori_ikm():
    # Bekasi 2023, Bab III: IKM 85,77 "Baik"; 2022: 82,90 "Baik"
    assert m.kategori_ikm(85.77) == m.Predikat("B", "Baik")
    assert m.kategori_ikm(82.90).keterangan == "Baik"
    assert m.kategori_ikm(88.31).nilai_teks == "A"
    assert m.kategori_ikm(88.30).nilai_teks == "B"
    assert m.kategori_ikm(76.60).nilai_teks == "C"
    assert m.kategori_ikm(64.99).nilai_teks == "D"
    assert m.kategori_ikm(20).nilai_teks is None


def test_serapan():
    # Bekasi 2023, Tabel 3.18: 27.416.231.841 / 32.019.890.719 -> 85,62%
    assert m.serapan(32019890719, 27416231841).nilai == pytest.approx(85.62, abs=0.005)
    # Parepare 2023 Bab III: Program Penanganan Bencana 130.111.400 / 152.577.200 -> printed 85,27 (85,276)
    assert m.serapan(152577200, 130111400).nilai == pytest.approx(85.276, abs=0.001)
    assert "pagu 0" in m.serapan(0, 5).alasan
    assert m.serapan(None, 5).nilai is None


def test_efisiensi_selisih_bekasi():
    # Bekasi 2023, Tabel 3.16: capaian 100, serapan 86,20 -> tingkat efisiensi 13,80
    assert m.efisiensi_selisih(100, 86.20).nilai == pytest.approx(13.80)
    assert m.efisiensi_rasio(100, 86.20).nilai == pytest.approx(1.1601, abs=1e-4)
    assert m.efisiensi_rasio(100, 0).nilai is None
    assert m.efisiensi_selisih(None, 5).nilai is None


def test_efisiensi_nka():
    # Bekasi 2023, Tabel 3.16: pagu 3.266.735.000, capaian 100%, realisasi 2.816.187.400
    h = m.efisiensi_nka([(3266735000, 100, 2816187400)])
    assert h.e == pytest.approx(0.1379, abs=1e-4)
    assert h.nilai == pytest.approx(50 + 0.1379 / 0.2 * 50, abs=0.05)
    # E is clamped to +-20% so the value stays within 0..100
    assert m.efisiensi_nka([(100, 100, 10)]).nilai == 100
    assert m.efisiensi_nka([(100, 100, 500)]).nilai == 0
    assert m.efisiensi_nka([(None, 100, 5)]).nilai is None
    # a sasaran without capaian (NaN from a table) has no NKA value; it used to clamp to 100
    assert m.efisiensi_nka([(494_295_000.0, float("nan"), 400_000_000.0)]).nilai is None
    assert m.efisiensi_nka([(100, 0, 5)]).nilai is None


def test_larik_sama_dengan_per_baris():
    """The array forms a page uses for a table's rows give, row by row, what the functions give one value at a
    time (NaN where they give no value): empty values, zeros, negatives, values above the cap."""
    import math
    import random

    acak = random.Random(5)
    nilai = [None, 0.0, -5.0, 100.0, 3266735000.0, 2816187400.0, 87.5, 1e-9, 250.0]
    baris = [tuple(acak.choice(nilai) for _ in range(3)) for _ in range(400)]
    baris += [(3266735000, 100, 2816187400), (100, 100, 10), (100, 100, 500), (494_295_000.0, None, 400_000_000.0)]
    p, c, r = ([math.nan if x is None else x for x in kolom] for kolom in zip(*baris))

    def sama(larik, satu):
        assert len(larik) == len(satu)
        for x, y in zip(larik, satu):
            assert (math.isnan(x) and y is None) or x == pytest.approx(y, rel=1e-12), (x, y)

    sama(m.serapan_larik(p, r), [m.serapan(a, b).nilai for a, _, b in baris])
    sama(m.efisiensi_selisih_larik(c, r), [m.efisiensi_selisih(b, d).nilai for _, b, d in baris])
    sama(m.efisiensi_rasio_larik(c, r), [m.efisiensi_rasio(b, d).nilai for _, b, d in baris])
    sama(m.efisiensi_nka_larik(p, c, r), [m.efisiensi_nka([x]).nilai for x in baris])


def test_rata_rata_dengan_batas():
    # Parepare 2023, Tabel 3.11: 111; 100; 94,73; 82,35; 105 -> mean 98,616 (printed 98,67)
    r = m.rata_rata_capaian([111, 100, 94.73, 82.35, 105], batas=None)
    assert r.nilai == pytest.approx(98.616)
    # Parepare 2023, Tabel 3.8: 88, 133, 105, 100 -> mean 106,5 uncapped; 133 capped at 120 -> 103,25
    assert m.rata_rata_capaian([88, 133, 105, 100], batas=None).nilai == pytest.approx(106.5)
    capped = m.rata_rata_capaian([88, 133, 105, 100, None])
    assert capped.nilai == pytest.approx(103.25) and capped.dibatasi == 1 and capped.jumlah == 4 and capped.batas == 120
    assert m.rata_rata_capaian([None]).nilai is None


def test_kemajuan_renstra():
    # Pasuruan 2022, Tabel 3.4: realisasi 98,2 against end target 99 -> 99,19% (printed 100%)
    assert m.kemajuan_renstra(98.2, 99).nilai == pytest.approx(99.19, abs=0.005)
