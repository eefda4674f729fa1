"""The upload page with AppTest: a form the importer cannot fully understand is corrected in the page,
saved as an import profile, and the next quarter's file is read with the profile at once."""
import pytest

import korpus_bentuk
from test_unggah import halaman_unggah, jumlah, unggah

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NAMA = "Monev keuangan Madiun"


def kolom(at, huruf: str):
    """The field chooser of one column (its key changes each time the table is read differently)."""
    return next(sb for sb in at.selectbox if sb.label == f"Kolom {huruf} dibaca sebagai")


def test_koreksi_simpan_profil_lalu_triwulan_berikut(monkeypatch, db):
    at = halaman_unggah(monkeypatch, db)
    unggah(at, "monev_madiun_tw1.xlsx", korpus_bentuk.monev_madiun(1), XLSX)
    p = at.session_state["unggah_pratinjau"]
    assert p.galat and [lb.jenis for lb in p.lembar] == [None]  # "Dana" / "Terserap" are not known headers
    # the planner: header row 3 is a budget table ...
    at.number_input(key="ug_hdr_baru_0").set_value(3).run()
    at.selectbox(key="ug_jenis_baru_0").set_value("anggaran").run()
    at.button(key="ug_baca_0").click().run()
    assert not at.exception, [e.value for e in at.exception]
    p = at.session_state["unggah_pratinjau"]
    assert p.lembar[0].jenis == "anggaran"
    # ... "Dana" is the pagu, "Terserap" the realisasi
    kolom(at, "C").set_value("pagu").run()
    kolom(at, "D").set_value("realisasi").run()  # the table was read anew: its widgets too
    assert not at.exception, [e.value for e in at.exception]
    p = at.session_state["unggah_pratinjau"]
    assert not p.galat, [m.teks() for m in p.galat]
    ang = p.tabel["anggaran"]
    assert list(ang["pagu"]) == [5e8, 9e8] and list(ang["realisasi"]) == [1.2e8, 2.1e8]
    assert set(ang["instansi"]) == {"Dinas Sosial Kota Madiun"} and set(ang["tahun"]) == {2024}
    # save the corrections as a profile
    at.text_input(key="unggah_nama_profil").set_value(NAMA).run()
    at.button(key="unggah_simpan_profil").click().run()
    assert any(NAMA in s.value for s in at.success)
    assert jumlah(db, "SELECT count(*) FROM profil_impor") == 1
    at.button(key="unggah_simpan").click().run()
    assert not at.exception
    # next quarter: the same form, offered and applied without any correction
    unggah(at, "monev_madiun_tw2.xlsx", korpus_bentuk.monev_madiun(2), XLSX)
    assert at.session_state["unggah_profil"] == NAMA
    assert any(NAMA in i.value for i in at.info)
    p = at.session_state["unggah_pratinjau"]
    assert p.profil == NAMA and not p.galat
    assert list(p.tabel["anggaran"]["realisasi"]) == [2.6e8, 4.5e8]
    # the profile can be dropped for this file, and deleted
    at.button(key="unggah_tanpa_profil").click().run()
    assert at.session_state["unggah_pratinjau"].galat
    at.selectbox(key="unggah_profil_hapus").set_value(NAMA).run()
    at.button(key="unggah_hapus_profil").click().run()
    assert jumlah(db, "SELECT count(*) FROM profil_impor") == 0


def test_profil_dari_cli(db, tmp_path):
    """import --profil NAME applies a saved profile; profil list shows it; --dry-run prints the understanding."""
    from lkjip.ingest import pratinjau
    from lkjip.ingest.keputusan import AturanTabel, Keputusan
    from lkjip.ingest.profil import simpan_profil
    from lkjip.store import Store
    from test_ingest import _lkjip

    k = Keputusan(tabel={"Monev#1": AturanTabel(baris_header=[3], jenis="anggaran", kolom={"C": "pagu", "D": "realisasi"})})
    p = pratinjau(korpus_bentuk.monev_madiun(1), "tw1.xlsx", keputusan=k)
    assert not p.galat
    with Store(db) as s:
        simpan_profil(s, NAMA, p)
    berkas = tmp_path / "tw2.xlsx"
    berkas.write_bytes(korpus_bentuk.monev_madiun(2))
    r = _lkjip("profil", "list", "--db", db)
    assert r.returncode == 0 and NAMA in r.stdout
    r = _lkjip("import", "--dry-run", "--profil", NAMA, "--db", db, berkas)
    assert r.returncode == 0, r.stderr
    assert "Profil impor dipakai: " + NAMA in r.stdout and "kolom C 'Dana' -> pagu" in r.stdout
    assert "jumlah terbaca: Program: 2 baris, pagu Rp 1.400.000.000, realisasi Rp 710.000.000" in r.stdout
    r = _lkjip("import", "--profil", "Tidak ada", "--db", db, berkas)
    assert r.returncode == 2 and "tidak ada" in r.stderr
    r = _lkjip("profil", "delete", NAMA, "--db", db)
    assert r.returncode == 0
    assert NAMA not in _lkjip("profil", "list", "--db", db).stdout


@pytest.mark.parametrize("nama", ["", "   "])
def test_profil_tanpa_nama_ditolak(db, nama):
    from lkjip.ingest import pratinjau
    from lkjip.ingest.profil import GalatProfil, simpan_profil
    from lkjip.store import Store

    p = pratinjau(korpus_bentuk.kasus()[2].data, "ribuan.csv")
    with Store(db) as s, pytest.raises(GalatProfil, match="Beri nama"):
        simpan_profil(s, nama, p)


def test_capaian_beda_terlihat_sebelum_simpan(monkeypatch, db):
    """A stored capaian that differs from the printed one is a visible warning before saving; so is a unit."""
    at = halaman_unggah(monkeypatch, db)
    kasus = {k.nama: k for k in korpus_bentuk.kasus()}
    unggah(at, "polaritas_depok_2021.csv", kasus["polaritas_bukti"].data)
    assert any("berbeda dari capaian tercetak" in w.value for w in at.warning)
    unggah(at, "ribuan_depok_2022.csv", kasus["ribuan"].data)
    teks = " ".join(m.value for m in at.markdown)
    assert "ribuan rupiah" in teks  # the unit, beside agency and year
    p = at.session_state["unggah_pratinjau"]
    assert p.tabel["anggaran"]["pagu"].iloc[0] == pytest.approx(1_250_500_000)
