"""Indonesian numbers, with figures as printed in the three reports."""
import pytest

from lkjip.numbers import format_angka, format_persen, format_rupiah, format_rupiah_singkat, parse, parse_number


@pytest.mark.parametrize(
    "teks, nilai",
    [
        ("9.202.224.555", 9202224555),  # LKjIP Parepare 2023, Tabel 2.6 (Jumlah)
        ("Rp 3.266.735.000,00", 3266735000),
        ("Rp3.912.417.155,-", 3912417155),  # Parepare Tabel 2.7
        ("Rp. 2.816.187.400", 2816187400),  # Bekasi Tabel 3.16
        ("32.019.890.719,00", 32019890719),  # Bekasi Tabel 2.4 (TOTAL)
        ("98,2%", 98.2),  # Pasuruan Tabel 3.2
        ("94.73%", 94.73),  # Parepare Tabel 3.9 prints a decimal point
        ("80,50", 80.5),  # Bekasi Tabel 3.1 (IKM target)
        ("100 %", 100),
        ("-1.38", -1.38),  # Parepare Tabel 3.11 (efisiensi)
        ("4.207", 4207),
        ("Rp1,5M", 1_500_000_000),  # Parepare Bab III text: "Rp1,5M"
        ("1,234.56", 1234.56),
        (1250000, 1250000),
        (98.2, 98.2),
    ],
)
def test_parse_angka(teks, nilai):
    assert parse(teks).nilai == pytest.approx(nilai)
    assert parse(teks).galat is None


def test_predikat_satuan_persen():
    a = parse("70,10 (BB)")  # Parepare Tabel 3.2 (Formulasi): SAKIP score with grade
    assert (a.nilai, a.predikat) == (70.1, "BB")
    assert parse("BB").predikat == "BB" and parse("BB").nilai is None
    b = parse("4207 KPM")  # Parepare Tabel 3.2
    assert (b.nilai, b.satuan) == (4207, "KPM")
    assert parse("98,2%").persen and not parse("98,2").persen


@pytest.mark.parametrize("teks", ["-", "n/a", "N/A", "", None, "  "])
def test_kosong(teks):
    a = parse(teks)
    assert a.nilai is None and a.galat is None


def test_strip_berarti_nihil():
    assert parse("-").strip and not parse("n/a").strip


@pytest.mark.parametrize(
    "teks, alasan",
    [
        ("Rp91-.160.954", "tanda '-'"),  # Pasuruan Tabel 3.9
        ("36.0509.030", "kelompok angka"),  # Pasuruan Tabel 2.5: "Rp. 36.0509.030"
        ("Rp 3.266.735000", "kelompok angka"),  # Bekasi Tabel 3.18
        ("1,2,3,4", "kelompok angka"),
        ("abc", "bukan angka"),
        ("1.234,5,6", "lebih dari sekali"),
    ],
)
def test_salah_cetak_ditolak_dengan_alasan(teks, alasan):
    a = parse(teks)
    assert a.nilai is None
    assert alasan in a.galat
    with pytest.raises(ValueError, match="'"):
        parse_number(teks)


def test_format():
    assert format_rupiah(9202224555) == "Rp 9.202.224.555"
    assert format_rupiah(1500.5) == "Rp 1.500,5"
    assert format_persen(98.2) == "98,2%"
    assert format_persen(82.352941) == "82,35%"
    assert format_persen(100.0) == "100%"
    assert format_angka(1234567.891) == "1.234.567,89"
    assert format_angka(-1.38) == "-1,38"
    assert format_angka(None) == "–"
    assert format_rupiah_singkat(9202224555) == "Rp 9,2 M"
    assert format_rupiah_singkat(450_000_000) == "Rp 450 jt"


def test_format_lalu_parse_kembali():
    for x in (0, 1, 999, 1000, 9202224555, 12.5, 98.25):
        assert parse(format_angka(x)).nilai == pytest.approx(x)
        assert parse(format_rupiah(x)).nilai == pytest.approx(x)
