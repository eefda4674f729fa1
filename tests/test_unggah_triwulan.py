"""Indicators' realisation per quarter (the K columns TW I–IV of the Renja evaluation form of Permendagri
86/2017, or the TW columns of the template): read, shown in the preview, stored on both backends, kept by
backup, restore and undo; the same rows on the bulk CSV path. A year in progress stays labelled.
A polarity suggested only by a word ("penurunan") is a warning that says where to set it. The header
rows of a Renja form corrected in the page keep the form's reading."""
import csv
import io

import pandas as pd
import pytest

import korpus_bentuk
from cli import jalankan as lkjip
from lkjip.ingest import atur_polaritas, cuplikan, pratinjau
from lkjip.ingest.cepat import pratinjau_cepat
from lkjip.ingest.indikator import AWAL_POLARITAS_SARAN
from lkjip.ingest.tabel import KOLOM
from lkjip.store import Store
from test_unggah import halaman_unggah, unggah

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TW = [f"realisasi_tw{i}" for i in range(1, 5)]
KASUS = {k.nama: k for k in korpus_bentuk.kasus()}
BARRU = korpus_bentuk.BARRU


def _harapan_tw(nama: str) -> dict[str, list]:
    """Indicator -> [TW I..IV] as the corpus generator printed them (korpus_bentuk._RENJA)."""
    return {r["indikator"]: [r[b] for b in TW] for r in KASUS[nama].harapan.baris["indikator"]}


def test_renja_kinerja_per_triwulan_terbaca_dan_tampil():
    p = pratinjau(KASUS["renja_86_2017"].data, "evaluasi_renja_2024.xlsx")
    ind = p.tabel["indikator"].set_index("indikator")
    for nama, tw in _harapan_tw("renja_86_2017").items():
        assert [ind.loc[nama, b] for b in TW] == pytest.approx(tw)
        assert sum(tw) == pytest.approx(ind.loc[nama, "realisasi"])  # the form's (13) = (9)+(10)+(11)+(12)
    # the quarters beside target and realisasi as printed, for people
    cup = cuplikan(p, n=10)
    assert list(cup.columns[cup.columns.get_loc("realisasi_teks") + 1:][:4]) == TW
    assert list(cup.loc[0, TW]) == ["18", "17,5", "18,5", "18"]
    from lkjip.ingest.ringkasan import teks_pratinjau
    assert "    realisasi kinerja per triwulan: TW I–IV, 5 indikator" in teks_pratinjau(p)


def test_renja_tahun_berjalan_tetap_berlabel():
    """Filled during the year (TW IV blank everywhere): both tables are 's.d. TW III', said and noted per row."""
    p = pratinjau(KASUS["renja_86_2017_tw3"].data, "evaluasi_renja_2024_tw3.xlsx")
    assert {(lb.jenis, lb.periode) for lb in p.lembar if lb.jenis != "renstra"} == {
        ("anggaran", "s.d. TW III"), ("indikator", "s.d. TW III")}
    ind = p.tabel["indikator"]
    assert ind["realisasi_tw4"].isna().all() and ind["realisasi_tw3"].notna().all()
    assert (ind["catatan"] == "realisasi s.d. TW III (tahun berjalan)").all()
    assert (p.tabel["anggaran"]["catatan"] == "realisasi s.d. TW III (tahun berjalan)").all()
    from lkjip.ingest.ringkasan import teks_pratinjau
    assert any("TW I–III, 5 indikator (s.d. TW III, tahun berjalan)" in t for t in teks_pratinjau(p))


def test_renja_triwulan_tersimpan_cadangan_dan_batal(lokasi, lokasi_kosong, tmp_path):
    """The quarters go into the store, come back from a backup restored elsewhere, and from an undone replace."""
    from lkjip.ingest.simpan import batalkan, simpan

    data = KASUS["renja_86_2017"].data
    harapan = _harapan_tw("renja_86_2017")
    with Store(lokasi) as s:
        simpan(s, pratinjau(data, "evaluasi_renja_2024.xlsx"))
        tersimpan = s.indikator([BARRU], [2024]).set_index("indikator")
        for nama, tw in harapan.items():
            assert [tersimpan.loc[nama, b] for b in TW] == pytest.approx(tw)
        # a replace keeps the rows it replaces: undoing it brings the quarters back exactly
        p2 = pratinjau(KASUS["renja_86_2017_tw3"].data, "evaluasi_renja_2024_tw3.xlsx")
        h2 = simpan(s, p2, ganti=True)
        assert s.indikator([BARRU], [2024])["realisasi_tw4"].isna().all()
        batalkan(s, h2.impor_id)
        kembali = s.indikator([BARRU], [2024]).set_index("indikator")
        assert [kembali.loc[n, "realisasi_tw4"] for n in harapan] == pytest.approx([tw[3] for tw in harapan.values()])
        sebelum = s.indikator()
    r = lkjip("backup", "--db", lokasi, "--out", tmp_path / "cad")
    assert r.returncode == 0, r.stderr
    r = lkjip("restore", "--from", tmp_path / "cad", "--db", lokasi_kosong)
    assert r.returncode == 0, r.stderr
    with Store(lokasi_kosong) as b:
        sesudah = b.indikator()
    pd.testing.assert_frame_equal(sebelum, sesudah)
    assert sesudah[TW].notna().any().all()


def _csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(KOLOM["indikator"])
    for r in rows:
        w.writerow([r.get(k, "") for k in KOLOM["indikator"]])
    return buf.getvalue().encode("utf-8")


def test_templat_triwulan_jalur_cepat_sama_dengan_per_sel():
    """The template's quarter columns: the bulk path gives exactly the per-cell rows and problems."""
    from test_cepat import _sama

    rows = []
    for i in range(300):
        r = {"instansi": "Dinas Sosial Kota Depok", "tahun": 2023, "indikator": f"Jumlah PSKS dibina {i}", "target": "120",
             "realisasi": "118", "realisasi_tw1": "30", "realisasi_tw2": "30", "realisasi_tw3": "30", "realisasi_tw4": "28"}
        if i % 5 == 1:
            r.update(realisasi_tw1="18%", realisasi_tw2="17,5%", realisasi_tw3="", realisasi_tw4="-")
        if i % 7 == 2:
            r.update(realisasi="")  # quarters without the year's realisation: stored, and a warning
        if i % 11 == 3:
            r.update({b: "" for b in TW})
        rows.append(r)
    data = _csv(rows)
    _sama(data, "triwulan.csv")
    p = pratinjau(data, "triwulan.csv")
    ind = p.tabel["indikator"]
    assert ind.loc[0, TW].tolist() == [30, 30, 30, 28]
    assert ind.loc[1, "realisasi_tw2"] == 17.5 and pd.isna(ind.loc[1, "realisasi_tw3"]) and pd.isna(ind.loc[1, "realisasi_tw4"])
    tanpa = [m for m in p.masalah if "tidak ada realisasi setahun" in m.pesan]
    assert len(tanpa) == 1 and tanpa[0].tingkat == "peringatan" and tanpa[0].baris == 4  # data row 3 is file row 4
    assert ind.loc[2, "realisasi_tw1"] == 30 and pd.isna(ind.loc[2, "realisasi"]) and pd.isna(ind.loc[2, "capaian"])


def test_triwulan_bertanda_atau_predikat_diperingatkan_per_sel():
    rows = [{"instansi": "Dinas Sosial Kota Depok", "tahun": 2023, "indikator": f"Indikator {i}", "target": "10",
             "realisasi": "9", "realisasi_tw1": v} for i, v in enumerate(["± 5", "BB", "3"])]
    data = _csv(rows)
    assert pratinjau_cepat(data, "tw.csv", paksa=True) is None  # doubtful cells: the per-cell importer words them
    p = pratinjau(data, "tw.csv")
    assert not p.galat
    pesan = {m.baris: m for m in p.masalah if m.kolom and m.kolom.startswith("O ")}
    assert pesan[2].tingkat == "peringatan" and "bertanda" in pesan[2].pesan
    assert pesan[3].tingkat == "peringatan" and "predikat" in pesan[3].pesan
    assert p.tabel["indikator"]["realisasi_tw1"].tolist()[2] == 3


# --- a polarity only suggested by a word ------------------------------------------------------------------
def _tabel_penurunan(capaian: str) -> bytes:
    return ("DINAS SOSIAL KOTA DEPOK TAHUN 2022\nNo;Indikator Kinerja;Target;Realisasi;Capaian\n"
            f"1;Persentase penurunan jumlah PMKS;10;12;{capaian}\n2;Persentase PSKS aktif;80;72;90%\n").encode()


def test_penurunan_tanpa_capaian_tercetak_peringatan_dengan_letak():
    p = pratinjau(_tabel_penurunan(""), "depok_2022.csv")
    saran = [m for m in p.masalah if m.pesan.startswith(AWAL_POLARITAS_SARAN)]
    assert len(saran) == 1
    m = saran[0]
    assert (m.tingkat, m.lembar, m.baris, m.nilai) == ("peringatan", "depok_2022", 3, "Persentase penurunan jumlah PMKS")
    assert m.kolom.startswith("B (")
    # both readings, and where to set the polarity
    assert "negatif" in m.pesan and "capaian 80%" in m.pesan and "positif: capaian 120%" in m.pesan
    assert "kolom Polaritas" in m.pesan
    # the planner's decision removes the warning and recomputes
    atur_polaritas(p, "Persentase penurunan jumlah PMKS", "positif")
    assert not [m for m in p.masalah if m.pesan.startswith(AWAL_POLARITAS_SARAN)]
    assert p.tabel["indikator"]["capaian"].iloc[0] == pytest.approx(120)


@pytest.mark.parametrize("capaian,polaritas", [("120%", "positif"), ("80%", "negatif")])
def test_penurunan_dengan_capaian_tercetak_mengikuti_bukti(capaian, polaritas):
    p = pratinjau(_tabel_penurunan(capaian), "depok_2022.csv")
    assert not [m for m in p.masalah if m.pesan.startswith(AWAL_POLARITAS_SARAN)]
    assert p.tabel["indikator"]["polaritas"].iloc[0] == polaritas


# --- the page -------------------------------------------------------------------------------------------------
def test_halaman_triwulan_dan_polaritas_saran(monkeypatch, db):
    at = halaman_unggah(monkeypatch, db)
    unggah(at, "evaluasi_renja_2024_tw3.xlsx", KASUS["renja_86_2017_tw3"].data, XLSX)
    teks = " ".join(w.value for w in at.warning)
    assert "Realisasi kinerja per triwulan terbaca untuk 5 indikator: TW I–III" in teks and "tahun berjalan (s.d. TW III)" in teks
    assert "polaritas belum ditetapkan dari bukti" in teks and "Persentase penurunan jumlah gelandangan dan pengemis" in teks
    assert "lembar 'Evaluasi Renja' baris 14" in teks
    assert "berbeda dari capaian tercetak" not in teks  # no printed capaian differs: the suggestion is not counted as one
    tabel = [d.value for d in at.dataframe]
    assert any("Realisasi TW III" in df.columns and "Realisasi TW I" in df.columns for df in tabel)


def test_halaman_koreksi_baris_judul_renja_tetap_formulir(monkeypatch, db):
    """A Renja form whose 'Realisasi Kinerja Pada Triwulan' label sits alone in the row above the header:
    the quarters are left out (with the reason) until the planner adds that row to the header; the form is
    then still read as the form (K/Rp pairs), for its three tables."""
    data, _ = korpus_bentuk._renja(tw_terpisah=True)
    at = halaman_unggah(monkeypatch, db)
    unggah(at, "evaluasi_renja_2024.xlsx", data, XLSX)
    p = at.session_state["unggah_pratinjau"]
    assert [lb.baris_header for lb in p.lembar] == [[5, 6, 7]] * 3
    assert p.tabel["indikator"][TW].isna().all().all()
    assert any("Triwulan" in alasan for lb in p.lembar for _, _, alasan in lb.diabaikan)
    i = next(n for n, lb in enumerate(p.lembar) if lb.jenis == "indikator")
    at.text_input(key=f"ug_hdr_{i}").set_value("4, 5, 6, 7").run()
    assert not at.exception, [e.value for e in at.exception]
    p = at.session_state["unggah_pratinjau"]
    assert not p.galat, [m.teks() for m in p.galat]
    assert [(lb.jenis, lb.baris_header) for lb in p.lembar] == [
        ("anggaran", [4, 5, 6, 7]), ("indikator", [4, 5, 6, 7]), ("renstra", [4, 5, 6, 7])]
    assert all(lb.bentuk and "86/2017" in lb.bentuk for lb in p.lembar)
    ind = p.tabel["indikator"].set_index("indikator")
    for nama, tw in _harapan_tw("renja_86_2017").items():
        assert [ind.loc[nama, b] for b in TW] == pytest.approx(tw)
    ang = p.tabel["anggaran"]
    assert ang.loc[ang["kode"] == "1.06.02", TW].iloc[0].tolist() == [9e7, 1.1e8, 1.2e8, 1.15e8]
    assert ang.loc[ang["level"] == "program", "pagu"].sum() == pytest.approx(1.05e9)
    # the correction is one decision (the table the planner changed); a profile saved from it reads the next file alike
    assert list(p.keputusan.tabel) == [p.lembar[i].kunci]


def test_profil_koreksi_renja_dipakai_triwulan_berikut():
    """The corrected header rows, saved as a profile, read the next quarter's form the same way at once."""
    from lkjip.ingest.keputusan import AturanTabel, Keputusan
    from lkjip.ingest.profil import dari_pratinjau, pilih_profil

    tw4, _ = korpus_bentuk._renja(tw_terpisah=True)
    k = Keputusan(tabel={"Evaluasi Renja#2": AturanTabel(baris_header=[4, 5, 6, 7])})
    profil = dari_pratinjau(pratinjau(tw4, "evaluasi_renja_2024.xlsx", keputusan=k))
    assert {kk: a.baris_header for kk, a in profil.tabel.items()} == {f"Evaluasi Renja#{n}": [4, 5, 6, 7] for n in (1, 2, 3)}
    tw3, _ = korpus_bentuk._renja(sampai_tw=3, tw_terpisah=True)
    nama, k3, cocok = pilih_profil([("Evaluasi Renja Barru", profil.ke_json())], tw3, "evaluasi_renja_tw3.xlsx")
    assert cocok
    p = pratinjau(tw3, "evaluasi_renja_tw3.xlsx", keputusan=k3, profil=nama)
    assert all(lb.bentuk and lb.baris_header == [4, 5, 6, 7] for lb in p.lembar)
    ind = p.tabel["indikator"]
    assert ind["realisasi_tw3"].notna().all() and ind["realisasi_tw4"].isna().all()
    assert {lb.periode for lb in p.lembar if lb.jenis in ("indikator", "anggaran")} == {"s.d. TW III"}
