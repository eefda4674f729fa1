"""Hostile input, property-based (hypothesis): number parsing and the importer never crash, and an
import writes all its rows or none.

Example counts are kept modest for the suite (see ``CONTOH``); every test is derandomised, so a run is
reproducible. ``LKJIP_FUZZ_KALI=20 python -m pytest tests/test_fuzz.py`` explores 20x as many random
examples. Inputs that once broke something stay as regression tests at the end of this file.
"""
import csv
import datetime as dt
import io
import math
import os
import zipfile
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from lkjip import numbers
from lkjip.ingest import GalatBerkas, Pratinjau, pratinjau
from lkjip.ingest.simpan import GalatImpor, simpan
from lkjip.ingest.tabel import KOLOM, _SINONIM
from lkjip.store import TABEL_DATA, Store

KALI = max(1, int(os.environ.get("LKJIP_FUZZ_KALI", "1")))
# examples per property (recorded in RELIABILITY.md)
CONTOH = {
    "parse_teks_bebas": 150, "parse_teks_angka": 150, "parse_bukan_teks": 40,
    "bolak_balik_angka": 80, "bolak_balik_rupiah": 50, "bolak_balik_persen": 30,
    "impor_byte_acak": 80, "impor_csv_acak": 100, "impor_tabel_simpan": 100, "impor_xlsx_simpan": 50,
    "simpan_gagal_di_tengah": 40,
}


def atur(nama: str):
    return settings(max_examples=CONTOH[nama] * KALI, deadline=None, derandomize=KALI == 1, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])


# --- (a) numbers.parse -----------------------------------------------------------------------------

def cek_angka(a: numbers.Angka, masukan: object) -> None:
    """What parse may return: a number, a grade, empty, or a reason it cannot be read (never a mix)."""
    assert isinstance(a, numbers.Angka)
    assert isinstance(a.teks, str)
    if isinstance(masukan, str):
        assert a.teks == masukan  # the printed text is always kept as printed
    if a.galat is not None:
        assert isinstance(a.galat, str) and a.galat.strip()
        assert a.nilai is None  # a malformed figure never yields a number
    if a.nilai is not None:
        assert type(a.nilai) is float and not math.isnan(a.nilai)
    if a.predikat is not None:
        assert a.predikat in numbers.PREDIKAT
    if a.strip:
        assert a.kosong
    jenis = [a.nilai is not None, a.nilai is None and a.predikat is not None and a.galat is None, a.kosong, a.galat is not None]
    assert sum(jenis) == 1, a


_KEPING = ["0", "1", "7", "12", "98", "100", "250", "4207", "000", "123", ".", ",", ".", ",", "-", "–", "−", "+", "%", " ",
           "\u00a0", "Rp", "Rp.", "Rp ", "IDR ", ",-", ",00", ".-", "*", " KPM", " orang", " jt", " M", " miliar", " T",
           " rb", "(BB)", "(A)", " (CC)", "BB", "AA", "n/a", "nihil", "e", "E+", "(", ")", "x", "/"]
teks_mirip_angka = st.lists(st.sampled_from(_KEPING), min_size=1, max_size=9).map("".join)


@atur("parse_teks_bebas")
@given(st.text(max_size=40))
def test_parse_teks_bebas_tidak_pernah_galat_tak_terduga(teks):
    cek_angka(numbers.parse(teks), teks)


@atur("parse_teks_angka")
@given(teks_mirip_angka)
def test_parse_teks_mirip_angka(teks):
    a = numbers.parse(teks)
    cek_angka(a, teks)
    try:
        v = numbers.parse_number(teks)
    except ValueError as e:
        assert a.galat and a.galat in str(e)
    else:
        assert v == a.nilai or (v is None and a.nilai is None)


@atur("parse_bukan_teks")
@given(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                 st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**9, max_value=10**9)))
def test_parse_nilai_sel_bukan_teks(v):
    a = numbers.parse(v)
    cek_angka(a, v)
    if isinstance(v, float) and math.isinf(v):
        assert a.galat  # an infinite cell is not a figure
    elif isinstance(v, (int, float)) and not isinstance(v, bool) and not (isinstance(v, float) and math.isnan(v)):
        assert a.nilai == float(v)


WAJAR = dict(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)


@atur("bolak_balik_angka")
@given(st.floats(**WAJAR), st.sampled_from([0, 1, 2, 3]))
def test_format_angka_lalu_parse_kembali(x, desimal):
    teks = numbers.format_angka(x, desimal)
    a = numbers.parse(teks)
    assert a.galat is None and not a.persen and a.satuan is None, (x, teks, a)
    # what was printed is what is read back: the value rounded to the printed decimals
    assert a.nilai == pytest.approx(x, abs=0.5 * 10 ** -desimal + 1e-6, rel=1e-12), (x, teks)


@atur("bolak_balik_rupiah")
@given(st.one_of(st.floats(**WAJAR), st.integers(-10**13, 10**13).map(float)))
def test_format_rupiah_lalu_parse_kembali(x):
    teks = numbers.format_rupiah(x)
    a = numbers.parse(teks)
    assert teks.startswith("Rp ") and a.galat is None and a.satuan is None, (x, teks, a)
    assert a.nilai == pytest.approx(x, abs=0.005 + 1e-6, rel=1e-12), (x, teks)
    if x.is_integer():
        assert a.nilai == x  # whole Rupiah come back exactly


@atur("bolak_balik_persen")
@given(st.floats(min_value=-1000, max_value=1000, allow_nan=False))
def test_format_persen_lalu_parse_kembali(x):
    teks = numbers.format_persen(x)
    a = numbers.parse(teks)
    assert a.persen and a.galat is None, (x, teks, a)
    assert a.nilai == pytest.approx(x, abs=0.005 + 1e-9), (x, teks)


# --- (b) the importer ------------------------------------------------------------------------------

def cek_pratinjau(data: bytes, nama: str, **kw) -> Pratinjau | None:
    """pratinjau() ends in a Pratinjau or GalatBerkas, never another exception."""
    try:
        p = pratinjau(data, nama, **kw)
    except GalatBerkas as e:
        assert str(e).strip()
        return None
    assert isinstance(p, Pratinjau)
    for m in p.masalah:
        assert m.tingkat in ("galat", "peringatan", "info") and m.pesan.strip()
        assert isinstance(m.teks(), str)
    for nama_t, df in p.tabel.items():
        assert nama_t in KOLOM
        assert all(c in df.columns for c in ("instansi", "tahun")) or not len(df) or nama_t == "instansi"
    assert p.bisa_disimpan == (not p.galat and any(len(df) for df in p.tabel.values()))
    return p


_AWAL = st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"\xff\xfe",
                         b"Indikator;Target;Realisasi\n", b"No,Uraian,Pagu,Realisasi\r\n"])


@atur("impor_byte_acak")
@given(_AWAL, st.binary(max_size=3000), st.sampled_from(["x.csv", "x.xlsx", "x.xls", "x.ods", "x.txt", "x"]))
def test_impor_byte_acak(awal, badan, nama):
    cek_pratinjau(awal + badan, nama)


FRASA = sorted({f for daftar in _SINONIM.values() for f in daftar})
_SPESIAL = ["-", "n/a", "BB", "70,10 (BB)", "4207 KPM", "Rp91-.160.954", "Rp. 36.0509.030", "98,2%", "", "2023", "1890",
            "20230", "1.06.02", "1.06.02.2.01", "Jumlah", "Total", "Sub Total", "Rata-rata", "(1)", "-1", "=1+1", "@x",
            "positif", "negatif", "ordinal", "program", "kegiatan", "sub_kegiatan", "sakip", "spm_anak", "0", "1", "tidak"]
angka_id = st.one_of(
    st.floats(**WAJAR).map(numbers.format_angka),
    st.floats(min_value=0, max_value=1e13, allow_nan=False).map(numbers.format_rupiah),
    st.floats(min_value=0, max_value=300, allow_nan=False).map(numbers.format_persen),
    st.integers(0, 10**12).map(str),
    teks_mirip_angka,
)
judul_instansi = st.sampled_from(["DINAS SOSIAL KOTA DEPOK TAHUN 2020", "Dinas Sosial Kabupaten Bogor", "Tahun 2023",
                                  "LAPORAN KINERJA DINAS SOSIAL KOTA UJI TAHUN ANGGARAN 2022"])
sel_teks = st.one_of(st.sampled_from(FRASA), angka_id, st.sampled_from(_SPESIAL), st.text(max_size=12), judul_instansi)


@atur("impor_csv_acak")
@given(st.lists(st.lists(sel_teks, min_size=1, max_size=8), min_size=1, max_size=12),
       st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
       st.sampled_from([None, "Dinas Sosial Kota Acak"]), st.sampled_from([None, 2022]))
def test_impor_lembar_csv_acak(baris, pemisah, kode, instansi, tahun):
    buf = io.StringIO()
    csv.writer(buf, delimiter=pemisah).writerows(baris)
    data = buf.getvalue().encode(kode, errors="replace")
    assume(data.strip())
    cek_pratinjau(data, "acak.csv", instansi=instansi, tahun=tahun)


# Tables that the importer recognises (headers drawn from the synonyms of each field), so that many
# examples reach simpan().
def _judul_untuk(bidang: str):
    return st.sampled_from(_SINONIM.get(bidang, [bidang])).map(lambda s: s.title() if len(s) > 3 else s.upper())


_ANGKA_SAH = st.one_of(st.floats(min_value=0, max_value=1e12, allow_nan=False).map(numbers.format_angka),
                      st.floats(min_value=0, max_value=1e12, allow_nan=False).map(numbers.format_rupiah),
                      st.floats(min_value=0, max_value=300, allow_nan=False).map(numbers.format_persen),
                      st.integers(0, 10**12).map(str))
_JENIS_SAH = {"skor": ["sakip", "ikm"], "renstra": ["target", "kondisi_awal"], "nilai_dilaporkan": ["rata_capaian", "serapan"]}


def _sel_untuk(bidang: str, jenis: str, rapi: bool, i: int):
    """A cell for a field: in a tidy table (rapi) a value the importer accepts, otherwise anything plausible."""
    if rapi:
        sah = {
            "instansi": st.sampled_from(["Dinas Sosial Kota Fuzz", "Dinas Sosial Kabupaten Acak"]),
            "tahun": st.sampled_from(["2021", "2022", "2023"]),
            "polaritas": st.sampled_from(["positif", "negatif"]),
            "tingkat": st.sampled_from(["sasaran", "program", "kegiatan"]),
            "level": st.sampled_from(["program", "kegiatan", "sub_kegiatan"]),
            "kode": st.sampled_from(["1.06.02", "1.06.02.2.01", "1.06.02.2.01.0001", ""]),
            "utama": st.just("1"),
            "tema": st.sampled_from(["spm_anak", "pkh", "lainnya"]),
            "jenis": st.sampled_from(_JENIS_SAH.get(jenis, ["x"])),
            "predikat": st.sampled_from(["BB", "A", ""]),
        }
        if bidang in sah:
            return sah[bidang]
        if bidang in ("indikator", "uraian", "sasaran", "lingkup"):
            return st.sampled_from(["Persentase anak telantar terlayani", "Program Rehabilitasi Sosial", "Kegiatan Bantuan",
                                    "Cakupan 👵🏽 lansia", "Indikator 'kutip'"]).map(lambda t: f"{t} {i}")
        if bidang in ("satuan", "sumber", "catatan", "provinsi"):
            return st.one_of(st.just(""), st.text(max_size=12))
        return _ANGKA_SAH
    acak = {
        "instansi": st.sampled_from(["Dinas Sosial Kota Fuzz", "Dinas Sosial Kabupaten Acak", ""]),
        "tahun": st.sampled_from(["2021", "2022", "", "20x", "1999"]),
        "polaritas": st.sampled_from(["positif", "negatif", "ordinal", "", "naik"]),
        "tingkat": st.sampled_from(["sasaran", "program", "", "lain"]),
        "level": st.sampled_from(["program", "kegiatan", "total", "", "x"]),
        "kode": st.sampled_from(["1.06.02", "1.06.02.2.01", "", "A"]),
        "utama": st.sampled_from(["1", "0", "", "tidak"]),
        "tema": st.sampled_from(["spm_anak", "pkh", "", "tak dikenal"]),
        "jenis": st.sampled_from(["sakip", "ikm", "target", "kondisi_awal", "rata_capaian", ""]),
        "predikat": st.sampled_from(["BB", "A", "", "Z"]),
    }
    if bidang in acak:
        return acak[bidang]
    if bidang in ("indikator", "uraian", "sasaran", "satuan", "sumber", "catatan", "lingkup", "provinsi"):
        return st.one_of(st.sampled_from(["Persentase anak telantar terlayani", "Program Rehabilitasi Sosial",
                                          "Kegiatan Bantuan", "Jumlah", "Rata-rata", ""]), st.text(max_size=15))
    return st.one_of(_ANGKA_SAH, angka_id, st.sampled_from(["", "-", "75 (BB)", "BB", "4.000 KPM", "n/a"]))


@st.composite
def tabel_dikenali(draw, rapi: bool | None = None):
    """A table the importer recognises (headers drawn from the synonyms); tidy about half of the time."""
    jenis = draw(st.sampled_from(["indikator", "indikator", "anggaran", "anggaran", "skor", "renstra", "nilai_dilaporkan"]))
    rapi = draw(st.booleans()) if rapi is None else rapi
    wajib = {"indikator": ["indikator", "target"], "anggaran": ["uraian", "pagu"], "skor": ["jenis", "nilai"],
             "renstra": ["indikator", "jenis", "target"], "nilai_dilaporkan": ["lingkup", "nilai", "jenis"]}[jenis]
    if rapi:
        wajib = ["instansi"] + (["tahun"] if "tahun" in KOLOM[jenis] else []) + wajib
    lain = [b for b in KOLOM[jenis] if b not in wajib]
    bidang = wajib + draw(st.lists(st.sampled_from(lain), max_size=6, unique=True))
    bidang = draw(st.permutations(bidang))
    judul = [draw(_judul_untuk(b)) for b in bidang]
    n = draw(st.integers(1, 8))
    baris = [[draw(_sel_untuk(b, jenis, rapi, i)) for b in bidang] for i in range(n)]
    atas = draw(st.lists(judul_instansi, max_size=2))
    return [[t] for t in atas] + [judul] + baris


def hitung(store: Store) -> dict[str, int]:
    hasil = {t: store.satu(f"SELECT count(*) FROM {t}") for t in (*TABEL_DATA, "impor", "instansi", "masalah_impor", "cadangan_impor")}
    hasil["versi_data"] = store.versi_data
    return hasil


def cek_simpan(store: Store, p: Pratinjau, ganti: bool) -> str:
    """simpan() writes every row of the preview or none; returns what happened."""
    sebelum = hitung(store)
    try:
        h = simpan(store, p, ganti=ganti)
    except GalatImpor as e:
        assert str(e).strip()
        assert hitung(store) == sebelum
        return "ditolak (sudah ada)" if "sudah ada" in str(e) else "ditolak (galat/kosong)"
    except Exception:
        assert hitung(store) == sebelum, "sebagian baris tertulis sebelum galat"
        raise
    sesudah = hitung(store)
    assert sesudah["impor"] == sebelum["impor"] + 1 and sesudah["versi_data"] == sebelum["versi_data"] + 1
    for t in TABEL_DATA:
        n = p.jumlah().get(t, 0)
        assert h.ditulis.get(t, 0) == n, (t, h.ditulis, p.jumlah())
        assert sesudah[t] == sebelum[t] + n - h.diganti.get(t, 0), t
    assert sesudah["cadangan_impor"] == sebelum["cadangan_impor"] + sum(h.diganti.values())
    return "ditulis"


@pytest.fixture(scope="module")
def store_fuzz(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb")
    s.statistik = {}
    yield s
    s.close()


def _catat(store, kunci):
    store.statistik[kunci] = store.statistik.get(kunci, 0) + 1


@atur("impor_tabel_simpan")
@given(tabel_dikenali(), st.sampled_from([",", ";"]), st.sampled_from([None, "Dinas Sosial Kota Pengguna"]),
       st.sampled_from([None, 2024]), st.booleans(), st.booleans())
def test_impor_tabel_acak_lalu_simpan_semua_atau_tidak_sama_sekali(store_fuzz, baris, pemisah, instansi, tahun, ganti, salah_cetak):
    buf = io.StringIO()
    csv.writer(buf, delimiter=pemisah).writerows(baris)
    p = cek_pratinjau(buf.getvalue().encode("utf-8"), "tabel.csv", instansi=instansi, tahun=tahun,
                      simpan_salah_cetak=salah_cetak)
    _catat(store_fuzz, "pratinjau" if p else "GalatBerkas")
    if p is not None:
        _catat(store_fuzz, cek_simpan(store_fuzz, p, ganti))


_NILAI_XLSX = st.one_of(
    st.none(), sel_teks, st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(), st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2099, 12, 31)),
    st.sampled_from(["=1+1", "=SUM(B2:B3)", "=A1", "=\"Target\""]),
)


@st.composite
def buku_kerja(draw) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for i in range(draw(st.integers(1, 3))):
        ws = wb.create_sheet(draw(st.sampled_from(["Tabel 3.2", "Anggaran", "Lembar", "IKU 2023", "Data"])) + f" {i}")
        tabel = i == 0 or draw(st.booleans())
        rapi = tabel and draw(st.booleans())
        if tabel:  # a recognisable table (always on the first sheet), tidy or not...
            for r in draw(tabel_dikenali(rapi=rapi)):
                ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) for v in r])
        if not tabel or (not rapi and draw(st.booleans())):  # ... and/or noise
            for r in draw(st.lists(st.lists(_NILAI_XLSX, max_size=7), max_size=6)):
                ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in r])
        if ws.max_row >= 3 and draw(st.booleans()):
            ws.merge_cells("A2:A3")
        if ws.max_column >= 3 and draw(st.booleans()):
            ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=3)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@atur("impor_xlsx_simpan")
@given(buku_kerja(), st.booleans())
def test_impor_xlsx_acak_lalu_simpan(store_fuzz, data, ganti):
    p = cek_pratinjau(data, "acak.xlsx", tahun=2025)
    _catat(store_fuzz, "xlsx pratinjau" if p else "xlsx GalatBerkas")
    if p is not None:
        _catat(store_fuzz, "xlsx " + cek_simpan(store_fuzz, p, ganti))


class _Gangguan(Exception):
    pass


@atur("simpan_gagal_di_tengah")
@given(st.integers(1, 10), st.integers(1, 30))  # an import runs about 5-8 statements in its transaction
def test_simpan_gagal_di_tengah_tidak_menulis_apa_pun(store_fuzz, ke, n):
    """A failure at the k-th statement of an import (disk full, a bug...) leaves nothing behind.

    The import replaces the agency-year when it is already there, so the failure also lands among the
    statements that keep the replaced rows and delete them.
    """
    nama = "Dinas Sosial Kota Gangguan"
    p = pratinjau(_csv_indikator(nama, 2023, n), "gangguan.csv")
    sebelum = hitung(store_fuzz)
    lama = len(store_fuzz.indikator([nama], [2023]))
    asli = store_fuzz.transaksi
    hitungan = {"n": 0}

    class Kursor:
        def __init__(self, cur):
            self._cur = cur

        def execute(self, *a, **kw):
            hitungan["n"] += 1
            if hitungan["n"] == ke:
                raise _Gangguan(f"gangguan uji pada pernyataan ke-{ke}")
            self._cur.execute(*a, **kw)
            return self._cur

        def __getattr__(self, atribut):
            return getattr(self._cur, atribut)

    @contextmanager
    def transaksi():
        with asli() as cur:
            yield Kursor(cur)

    store_fuzz.transaksi = transaksi
    try:
        try:
            simpan(store_fuzz, p, ganti=True)
        except _Gangguan:
            assert hitung(store_fuzz) == sebelum
            assert len(store_fuzz.indikator([nama], [2023])) == lama
            _catat(store_fuzz, "gangguan: tidak ada yang tertulis")
        else:  # the import had fewer than k statements: it completed
            assert len(store_fuzz.indikator([nama], [2023])) == n
            assert hitung(store_fuzz)["indikator"] == sebelum["indikator"] - lama + n
            _catat(store_fuzz, "gangguan: impor selesai sebelum ke-k")
    finally:
        del store_fuzz.transaksi


def _csv_indikator(instansi: str, tahun: int, n: int) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["instansi", "tahun", "indikator", "satuan", "target", "realisasi"])
    for i in range(n):
        w.writerow([instansi, tahun, f"Indikator {i}", "%", "80", f"{60 + i},5"])
    return buf.getvalue().encode("utf-8")


def test_statistik_fuzz(store_fuzz):
    """Runs after the fuzz tests of this module: they did reach simpan() (not only rejected files)."""
    s = store_fuzz.statistik
    print("statistik fuzz:", dict(sorted(s.items())))
    if not s.get("pratinjau") or not any(k.startswith("gangguan") for k in s):
        pytest.skip("the fuzz tests of this module did not all run in this session")
    assert s.get("ditulis", 0) >= 10 and s.get("gangguan: tidak ada yang tertulis", 0) >= 10


# --- bugs found by the fuzzing above ---------------------------------------------------------------
# These four crashed the importer (UnicodeDecodeError / _csv.Error instead of GalatBerkas) when this file
# was written; lkjip/ingest/berkas.py has since been fixed. Kept as regression tests.

def test_csv_akhir_baris_cr_saja():
    """CR-only line ends (Excel for Mac 'CSV (Macintosh)') used to raise _csv.Error."""
    data = "DINAS SOSIAL KOTA DEPOK TAHUN 2020\rIndikator;Target;Realisasi\rPersentase anak telantar terlayani;80;72\r"
    p = pratinjau(data.encode("cp1252"), "mac.csv")
    assert p.jumlah() == {"indikator": 1} and not p.galat


def test_csv_sel_sangat_panjang():
    """A cell over 131072 characters used to raise _csv.Error 'field larger than field limit'."""
    data = b'Indikator,Target,Realisasi\n"' + b"a" * 200_000 + b'",80,70\n'
    with pytest.raises(GalatBerkas):
        pratinjau(data, "panjang.csv", instansi="Dinas Sosial Kota Uji", tahun=2023)


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbfIndikator;Target\nPersentase lansia terlayani \x96 2023;80\n",
    "Indikator\tTarget\nAnak\t80\n".encode("utf-16")[:-1],
    b"\xef\xbb\xbf\x80",
    b"\xff\xfe\x00\x00\x00",
], ids=["utf8-bom-cp1252", "utf16-terpotong", "utf8-bom-rusak", "utf16-bom-ganjil"])
def test_csv_bom_dengan_isi_rusak(data):
    """A BOM over text not valid in that encoding used to raise UnicodeDecodeError."""
    cek_pratinjau(data, "bom.csv", instansi="Dinas Sosial Kota Uji", tahun=2023)


@pytest.mark.parametrize("teks, nilai", [("1,23E+11", 1.23e11), ("9.20E+09", 9.2e9), ("1.5E+3", 1500.0)])
def test_notasi_ilmiah_tidak_salah_baca(teks, nilai):
    """Excel writes 12+ digit numbers as 1,23E+11 in CSV: digits are lost, so refuse with a reason, never 1,23."""
    a = numbers.parse(teks)
    assert a.nilai is None and "notasi ilmiah" in a.galat


def test_angka_sangat_panjang_bukan_tak_hingga():
    a = numbers.parse("1" * 400)
    assert a.nilai is None and "terlalu besar" in a.galat


def test_zip_bom_ditolak_sebelum_diurai():
    """A small xlsx-named ZIP that expands hugely is refused with GalatBerkas (checked before parsing)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", "0" * 50_000_000)
    with pytest.raises(GalatBerkas):
        pratinjau(buf.getvalue(), "bom.xlsx")
