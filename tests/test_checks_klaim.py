"""The checks on printed percentages, averages, sub-targets, totals, scores, categories and narrative claims,
each on a small store built from figures of the reports (cited as report, table, line in
/work/shared/seeds/<file>.txt: Parepare = 000_..., Pasuruan = 001_..., Bekasi = 004_...)."""
import pytest

from lkjip import checks
from lkjip.checks.klaim import KOLOM_KLAIM, KlaimError, baca_berkas, muat_klaim
from lkjip.ingest import pratinjau
from lkjip.ingest.simpan import simpan
from lkjip.store import Store

UJI = "Dinas Sosial Kota Uji"
IND = "instansi,tahun,sasaran,indikator,tingkat,polaritas,target,realisasi,capaian_dilaporkan,utama,sumber\n"
ANG = "instansi,tahun,level,uraian,sasaran,pagu,realisasi,utama,sumber\n"
NIL = "instansi,tahun,lingkup,jenis,nilai,sumber\n"
SKOR = "instansi,tahun,jenis,nilai,predikat,sumber\n"


def _toko(tmp_path, *berkas, klaim: list[str] | None = None) -> Store:
    s = Store(tmp_path / "k.duckdb")
    for nama, kepala, baris in berkas:
        p = pratinjau((kepala + "".join(f"{UJI},{b}\n" for b in baris)).encode(), nama, simpan_salah_cetak=True)
        assert not p.galat, [m.teks() for m in p.galat]
        simpan(s, p)
    if klaim:
        f = tmp_path / "klaim.csv"
        f.write_text(",".join(KOLOM_KLAIM) + "\n" + "".join(f"{UJI},{b}\n" for b in klaim), encoding="utf-8")
        muat_klaim(s, f, pengguna="uji")
    return s


def _temuan(s, jenis):
    df = checks.periksa(s)
    return df[df["jenis"] == jenis].reset_index(drop=True)


def test_rumus_persen(tmp_path):
    """Parepare 2023, Tabel 3.2 (Formulasi): '5/6 × 100% = 85%' (baris 635) is wrong (83,33%);
    '2108/3188 × 100% = 66%' (baris 630) and '88/98 × 100% = 90%' (baris 636) are honest roundings.
    Pasuruan 2022, Tabel 3.4 (baris 537): kemajuan 100% for 98,2 / 99 = 99,19%."""
    s = _toko(tmp_path, ("i.csv", IND, ["2023,S,A,sasaran,positif,1,1,100,1,LKjIP Uji 2023 Tabel 3.2"]), klaim=[
        '2023,rumus,Anak,,85%,5;6,,,,"LKjIP Uji 2023, Tabel 3.2",635,',
        '2023,rumus,PMKS,,66%,2108;3188,,,,"LKjIP Uji 2023, Tabel 3.2",630,',
        '2023,rumus,Lansia,,90%,88;98,,,,"LKjIP Uji 2023, Tabel 3.2",636,',
        '2023,rumus,Kemajuan,,100%,"98,2 %;99 %",,,,"LKjIP Uji 2023, Tabel 3.4",537,',
    ])
    df = _temuan(s, "persen_tidak_sesuai")
    assert sorted(df["baris"]) == ["Anak", "Kemajuan"]
    anak = df[df["baris"] == "Anak"].iloc[0]
    assert anak["dihitung"] == pytest.approx(83.3333, abs=1e-3) and anak["tingkat"] == "galat"
    assert anak["sumber"] == "LKjIP Uji 2023, Tabel 3.2 (baris 635)" and "83,33%" in anak["penjelasan"]
    kemajuan = df[df["baris"] == "Kemajuan"].iloc[0]
    assert kemajuan["dihitung"] == pytest.approx(99.1919, abs=1e-3) and kemajuan["tingkat"] == "peringatan"  # < 1 point
    klaim_id = s.satu("SELECT id FROM klaim WHERE lingkup = 'Anak'")
    assert anak["ids"] == str(klaim_id)


def test_selisih_arah_dan_rata_rata_antar_tahun(tmp_path):
    """Parepare 2023, Bab III (baris 743): '26.33%' = 114,33 − 88 is right, '56.55% di tahun 2021' is not
    (170,88 − 88 = 82,88); baris 747: 'penurunan' while Tabel 3.7 goes 114,33 -> 133. Pasuruan 2022 (baris 527):
    'rata-rata ... 98,2 %' of Tabel 3.3's 3,97; 57,05; 98,2 (= 53,07)."""
    s = _toko(tmp_path, ("i.csv", IND, [
        '2021,S,Bansos,sasaran,positif,,,"170,88%",1,LKjIP Uji 2023 Tabel 3.7',
        '2022,S,Bansos,sasaran,positif,,,"114,33%",1,LKjIP Uji 2023 Tabel 3.7',
        '2023,S,Bansos,sasaran,positif,75%,66%,88%,1,LKjIP Uji 2023 Tabel 3.2',
        '2022,S,Tertangani,sasaran,positif,,,"114,33%",1,LKjIP Uji 2023 Tabel 3.7',
        '2023,S,Tertangani,sasaran,positif,75%,100%,133%,1,LKjIP Uji 2023 Tabel 3.2',
        '2020,S,PPKS,sasaran,positif,,"3,97",,1,LKjIP Uji 2023 Tabel 3.3',
        '2021,S,PPKS,sasaran,positif,,"57,05",,1,LKjIP Uji 2023 Tabel 3.3',
        '2022,S,PPKS,sasaran,positif,90,"98,2",,0,LKjIP Uji 2023 Tabel 3.3',
        '2022,S,PPKS,sasaran,positif,90,"98,2",109,1,LKjIP Uji 2023 Tabel 3.2',
    ]), klaim=[
        '2023,selisih,,Bansos,26.33%,,2022;2023,capaian,,"LKjIP Uji 2023, Bab III (teks)",743,',
        '2023,selisih,,Bansos,56.55%,,2021;2023,capaian,,"LKjIP Uji 2023, Bab III (teks)",743,',
        '2023,arah,,Tertangani,menurun,,2022;2023,capaian,,"LKjIP Uji 2023, Bab III (teks)",747,',
        '2023,arah,,Bansos,menurun,,2022;2023,capaian,,"LKjIP Uji 2023, Bab III (teks)",743,',
        '2022,rata_rata,,PPKS,"98,2 %",,2020;2021;2022,realisasi,Tabel 3.3,"LKjIP Uji 2023, Bab III (teks)",527,',
        '2022,rata_rata,,,"53,07",3;97;57;05,,,,"LKjIP Uji 2023, Bab III (teks)",1,',  # operands as printed: 4 numbers
    ])
    selisih = _temuan(s, "persen_tidak_sesuai")
    assert len(selisih) == 1 and selisih.iloc[0]["dilaporkan"] == 56.55 and selisih.iloc[0]["dihitung"] == pytest.approx(82.88)
    arah = _temuan(s, "klaim_bertentangan")
    assert arah["baris"].tolist() == ["Tertangani"] and "naik" in arah.iloc[0]["penjelasan"]
    rata = _temuan(s, "rata_rata_teks_tidak_sesuai")
    assert len(rata) == 2
    ppks = rata[rata["baris"] == "PPKS"].iloc[0]
    assert ppks["dihitung"] == pytest.approx((3.97 + 57.05 + 98.2) / 3) and ppks["tingkat"] == "galat"
    assert "Tabel 3.3" in ppks["penjelasan"] and len(ppks["ids"].split(",")) == 4  # the claim and the three rows


def test_rincian_target(tmp_path):
    """Pasuruan 2022, Tabel 2.5: 220 Orang vs 110+10+11+6+76+6 = 219 (baris 352-361); 1.303 = 493+125+104+581 (371-375)."""
    s = _toko(tmp_path, klaim=[
        '2022,jumlah,,Reunifikasi,220 Orang,110 Orang;10 Orang;11 anak;6 Orang;76 Orang;6 Orang,,target,,"LKjIP Uji 2022, Tabel 2.5",352,',
        '2022,jumlah,,Bimbingan,1.303 Orang,493 Orang;125 Orang;104 Orang;581 Orang,,target,,"LKjIP Uji 2022, Tabel 2.5",371,',
    ])
    df = _temuan(s, "rincian_tidak_sesuai")
    assert df["baris"].tolist() == ["Reunifikasi"] and (df.iloc[0]["dilaporkan"], df.iloc[0]["dihitung"]) == (220, 219)


def test_semua_tercapai_dan_hitungan(tmp_path):
    """Parepare 2023 (baris 49): 'mencapai target 100% untuk keseluruhan indikator' with 88% in Tabel 3.2;
    Bekasi 2023 (baris 520/676): '5 Program' / '2 (dua) program' against the 2 programs of Tabel 3.9."""
    s = _toko(tmp_path,
              ("i.csv", IND, ["2023,S,A,sasaran,positif,75%,66%,88%,1,LKjIP Uji 2023 Tabel 3.2",
                              "2023,S,B,sasaran,positif,100%,100%,100%,1,LKjIP Uji 2023 Tabel 3.2"]),
              ("a.csv", ANG, ["2023,program,Program Rehabilitasi Sosial,,10,8,0,LKjIP Uji 2023 Tabel 3.9",
                              "2023,kegiatan,Kegiatan 1,,5,4,0,LKjIP Uji 2023 Tabel 3.9",
                              "2023,kegiatan,Kegiatan 2,,5,4,0,LKjIP Uji 2023 Tabel 3.9",
                              "2023,program,Program Penanganan Bencana,,10,8,0,LKjIP Uji 2023 Tabel 3.9"]),
              klaim=['2023,semua_tercapai,seluruh indikator,,100%,,,capaian,,"LKjIP Uji 2023, Ikhtisar (teks)",49,',
                     '2023,hitungan,program,,5,,,,Tabel 3.9,"LKjIP Uji 2023, Bab III (teks)",520,',
                     '2023,hitungan,program,,2,,,,Tabel 3.9,"LKjIP Uji 2023, Bab III (teks)",676,',
                     '2023,hitungan,kegiatan,,2,,,,Tabel 3.9,"LKjIP Uji 2023, Bab III (teks)",676,'])
    df = _temuan(s, "klaim_bertentangan")
    assert sorted(df["baris"]) == ["jumlah program", "seluruh indikator"]
    semua = df[df["baris"] == "seluruh indikator"].iloc[0]
    assert "A 88%" in semua["penjelasan"] and "1 dari 2" in semua["penjelasan"]
    prog = df[df["baris"] == "jumlah program"].iloc[0]
    assert (prog["dilaporkan"], prog["dihitung"]) == (5, 2)


def test_efisiensi(tmp_path):
    """Parepare 2023, Tabel 3.5 (baris 680): efisiensi 14,2 beside capaian 100 and serapan 80.76 (19,24 expected);
    Bekasi 2023, Tabel 3.16 (baris 848): 13,80 = 100 − 86,20 is right."""
    s = _toko(tmp_path, ("n.csv", NIL, [
        "2023,Sasaran 1,rata_capaian,100,LKjIP Uji 2023 Tabel 3.5", "2023,Sasaran 1,serapan,80.76,LKjIP Uji 2023 Tabel 3.5",
        '2023,Sasaran 1,efisiensi,"14,2",LKjIP Uji 2023 Tabel 3.5',
        "2023,PSKS,capaian_kinerja,100,LKjIP Uji 2023 Tabel 3.16", '2023,PSKS,serapan,"86,20",LKjIP Uji 2023 Tabel 3.16',
        '2023,PSKS,efisiensi,"13,80",LKjIP Uji 2023 Tabel 3.16',
        '2023,Rasio,rata_capaian,109,LKjIP Uji 2023 Tabel 3.7', '2023,Rasio,serapan,"76,93",LKjIP Uji 2023 Tabel 3.7',
        '2023,Rasio,efisiensi,"1,42",LKjIP Uji 2023 Tabel 3.7',  # 109 / 76,93 = 1,4169: the ratio method is accepted
    ]))
    df = _temuan(s, "efisiensi_tidak_sesuai")
    assert df["baris"].tolist() == ["Sasaran 1"] and df.iloc[0]["dihitung"] == pytest.approx(19.24)
    assert df.iloc[0]["tingkat"] == "peringatan" and len(df.iloc[0]["ids"].split(",")) == 3


def test_porsi_anggaran(tmp_path):
    """Parepare 2023, Tabel 2.6 (baris 550-552): 99,47 (99,4788 truncated) is honest; 0,53 for 0,5212 is one unit off
    so that the shares add up to 100: info only. A share printed for the wrong line is an error."""
    s = _toko(tmp_path,
              ("a.csv", ANG, ["2023,total,Jumlah,,9.202.224.555,,0,LKjIP Uji 2023 Tabel 2.6",
                              "2023,jenis_belanja,Belanja Operasi,,9.154.265.555,,0,LKjIP Uji 2023 Tabel 2.6",
                              "2023,jenis_belanja,Belanja Modal,,47.959.000,,0,LKjIP Uji 2023 Tabel 2.6"]),
              ("n.csv", NIL, ['2023,Belanja Operasi,persentase_anggaran,"99,47",LKjIP Uji 2023 Tabel 2.6',
                              '2023,Belanja Modal,persentase_anggaran,"0,53",LKjIP Uji 2023 Tabel 2.6',
                              '2023,instansi,persentase_anggaran,100.00,LKjIP Uji 2023 Tabel 2.6',
                              '2023,Belanja Modal,persentase_anggaran,"10,70%",LKjIP Uji 2023 Bab II (teks)']))
    df = _temuan(s, "persen_tidak_sesuai").sort_values("tingkat")
    assert df["tingkat"].tolist() == ["galat", "info"]
    assert df.iloc[1]["dilaporkan"] == 0.53 and "satu satuan" in df.iloc[1]["penjelasan"]
    assert df.iloc[0]["dilaporkan"] == 10.7


def test_total_antar_tabel(tmp_path):
    """Pasuruan 2022: APBD 2022 Rp. 28.155.762.151 in Tabel 1.1 (baris 166) against the only sasaran's budget,
    28.568.613.969 in Tabel 3.7 (baris 580, above: galat) and 24.055.295.545 in Tabel 3.9 (baris 632, below: peringatan)."""
    s = _toko(tmp_path,
              ("i.csv", IND, ["2022,PPKS,Indikator,sasaran,positif,90,98,109,1,LKjIP Uji 2022 Tabel 3.2"]),
              ("a.csv", ANG, ["2022,total,APBD,,Rp. 28.155.762.151,,0,LKjIP Uji 2022 Tabel 1.1",
                              "2022,sasaran,PPKS,PPKS,28.568.613.969,21.978.595.696,0,LKjIP Uji 2022 Tabel 3.7",
                              "2022,sasaran,PPKS,PPKS,Rp24.055.295.545,,0,LKjIP Uji 2022 Tabel 3.9"]))
    df = _temuan(s, "total_beda_antar_tabel").sort_values("tingkat").reset_index(drop=True)
    assert df["tingkat"].tolist() == ["galat", "peringatan"]
    assert df.iloc[0]["dihitung"] == 28568613969 and df.iloc[1]["dihitung"] == 24055295545
    assert set(df["dilaporkan"]) == {28155762151}
    # with two sasaran in the indicators, one sasaran line is not the whole budget: nothing to compare
    (tmp_path / "dua").mkdir()
    s2 = _toko(tmp_path / "dua",
               ("i.csv", IND, ["2022,PPKS,Indikator,sasaran,positif,90,98,109,1,LKjIP Uji 2022 Tabel 3.2",
                               "2022,Lain,Indikator 2,sasaran,positif,90,98,109,1,LKjIP Uji 2022 Tabel 3.2"]),
               ("a.csv", ANG, ["2022,total,APBD,,Rp. 28.155.762.151,,0,LKjIP Uji 2022 Tabel 1.1",
                               "2022,sasaran,PPKS,PPKS,28.568.613.969,,0,LKjIP Uji 2022 Tabel 3.7"]))
    assert _temuan(s2, "total_beda_antar_tabel").empty


def test_skor_dan_kategori(tmp_path):
    """Bekasi 2023: Bab I (baris 139) SAKIP 2021 = 77,23; Tabel 3.2 prints 77,26 under the label '2021' (baris 538-545).
    A grade against its score: 77,26 is BB (DOMAIN.md), so 'A' is wrong. Pasuruan 2022, Bab IV (baris 656): capaian 109
    'Berhasil', the second step, while the scale of Tabel 3.1 (baris 448) puts 109 in the first, Sangat Tinggi."""
    s = _toko(tmp_path, ("skor.csv", SKOR, ['2021,sakip,"77,23",BB,LKjIP Uji 2023 Bab I (teks)',
                                            '2022,sakip,"77,26",BB,LKjIP Uji 2023 Bab III (teks)',
                                            '2022,sakip,"77,26",A,LKjIP Uji 2023 Tabel 3.2',
                                            '2023,ikm,"85,77",Baik,LKjIP Uji 2023 Bab III (teks)']),
              klaim=['2021,skor,sakip,,"77,26",,,,,"LKjIP Uji 2023, Tabel 3.2",538,',
                     '2022,kategori,Sasaran PPKS,,Berhasil,109,,capaian,,"LKjIP Uji 2022, Bab IV (teks)",656,',
                     '2022,kategori,Sasaran lain,,Tinggi,"85,5",,capaian,,"LKjIP Uji 2022, Bab IV (teks)",657,'])
    skor = _temuan(s, "skor_berbeda").sort_values("tahun").reset_index(drop=True)
    assert skor["tahun"].tolist() == [2021, 2022]
    assert (skor.iloc[0]["dilaporkan"], skor.iloc[0]["dihitung"]) == (77.23, 77.26) and "label tahun 2021" in skor.iloc[0]["penjelasan"]
    assert "BB" in skor.iloc[1]["penjelasan"] and " A " in skor.iloc[1]["penjelasan"]  # same score, other grade
    kat = _temuan(s, "kategori_tidak_sesuai").sort_values("baris").reset_index(drop=True)
    assert kat["baris"].tolist() == ["Nilai SAKIP", "Sasaran PPKS"]
    assert "'BB'" in kat.iloc[0]["penjelasan"] and "Sangat Tinggi" in kat.iloc[1]["penjelasan"]


def test_berkas_klaim_salah_ditolak_dengan_baris(tmp_path):
    f = tmp_path / "klaim.csv"
    f.write_text(",".join(KOLOM_KLAIM) + f"\n{UJI},2023,rumus,x,,85%,5;6,,,,s,1,\n{UJI},2023,tebakan,x,,1,,,,,s,2,\n", encoding="utf-8")
    with pytest.raises(KlaimError, match=r"klaim.csv baris 3: jenis 'tebakan' tidak dikenal"):
        baca_berkas(f)
    f.write_text("instansi,tahun,jenis\nA,2023,rumus\n", encoding="utf-8")
    with pytest.raises(KlaimError, match="kolom .* tidak ada"):
        baca_berkas(f)


def test_klaim_dimuat_ulang_mengganti_dan_tercatat(tmp_path):
    s = _toko(tmp_path, klaim=['2023,rumus,Anak,,85%,5;6,,,,"LKjIP Uji 2023, Tabel 3.2",635,'])
    assert len(_temuan(s, "persen_tidak_sesuai")) == 1
    f = tmp_path / "klaim.csv"
    f.write_text(",".join(KOLOM_KLAIM) + f'\n{UJI},2023,rumus,Anak,,83%,5;6,,,,"LKjIP Uji 2023, Tabel 3.2",635,\n', encoding="utf-8")
    muat_klaim(s, f, pengguna="uji")
    assert s.satu("SELECT count(*) FROM klaim") == 1
    assert checks.temuan(s).empty  # the stored findings follow the new claims
    from lkjip import aktivitas
    assert (aktivitas.daftar(s)["aksi"] == "klaim").sum() == 2
