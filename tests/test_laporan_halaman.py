"""The Laporan page with AppTest: preview of every table, both modes, filters, English labels."""
import io

from docx import Document

from test_halaman import buka

HALAMAN = "pages/laporan.py"


def test_bab3_pratinjau_setiap_tabel(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, HALAMAN, {"instansi": "Dinas Sosial Kota Parepare"})
    assert at.title[0].value == "Laporan"
    assert at.selectbox(key="laporan_instansi").value == "Dinas Sosial Kota Parepare"
    assert at.selectbox(key="laporan_tahun").value == 2023  # the latest year first
    assert len(at.dataframe) == 8
    teks = [m.value.replace("\\", "") for m in at.markdown]  # data text is Markdown-escaped
    assert any(t.startswith("**Tabel 3.1 Pengukuran Kinerja") for t in teks)
    assert any("Tabel L.1 Catatan Kecocokan Angka" in t for t in teks)
    ukur = at.dataframe[0].value
    baris = ukur[ukur["Indikator Kinerja"] == "Persentase PMKS yang tertangani"].iloc[0]
    assert (baris["Target"], baris["Realisasi"], baris["Capaian (%)"], baris["Capaian tercetak (%)"]) == ("75", "100", "133,33%", "133%")
    from lkjip import checks
    from lkjip.store import Store

    with Store(db_bawaan) as st_:  # every finding of the checks for Parepare 2023
        assert len(at.dataframe[7].value) == len(checks.temuan(st_, ["Dinas Sosial Kota Parepare"], [2023])) > 0
    assert any("isian belum dicatat" in w.value for w in at.warning)
    assert [b.proto.label for b in at.get("download_button")] == ["Unduh DOCX", "Unduh XLSX"]


def test_bab3_ganti_instansi_dan_tahun(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, HALAMAN)
    at.selectbox(key="laporan_instansi").set_value("Dinas Sosial Kota Pasuruan").run()
    assert not at.exception
    assert at.selectbox(key="laporan_tahun").options == ["2022", "2021", "2020"]
    angg = at.dataframe[6].value
    tmp = angg[angg["Program / Kegiatan / Sub Kegiatan"].str.contains("Taman Makam")].iloc[0]
    assert (tmp["Serapan (%)"], tmp["Serapan tercetak (%)"]) == ("7,02%", "72,24%")  # Pasuruan Tabel 3.9
    at.selectbox(key="laporan_tahun").set_value(2021).run()
    assert not at.exception
    # 2021 is only quoted (Tabel 3.3: realisasi 57,05 without a target; Tabel 1.1: pagu without realisasi)
    ukur = at.dataframe[0].value.iloc[0]
    assert (ukur["Realisasi"], ukur["Capaian (%)"]) == ("57,05", "–") and "target kosong" in ukur["Keterangan"]


def test_perbandingan_mengikuti_saringan(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, HALAMAN, {"tahun": "2023"})
    at.segmented_control(key="laporan_mode").set_value("perbandingan").run()
    assert not at.exception
    assert len(at.dataframe) == 4
    peringkat = at.dataframe[0].value
    assert list(peringkat["Instansi"]) == ["Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare"]


def test_berkas_unduhan_dari_fungsi_yang_sama(store):
    # the page's download calls dokumen.ke_docx on the same Laporan it previews
    from lkjip import laporan
    from lkjip.laporan import dokumen
    lap = laporan.bab3(store, "Dinas Sosial Kota Bekasi", 2023)
    assert len(Document(io.BytesIO(dokumen.ke_docx(lap))).tables) == 8


def test_label_inggris(monkeypatch, db_bawaan):
    at = buka(monkeypatch, db_bawaan, HALAMAN, {"bahasa": "en"})
    assert at.title[0].value == "Report"
    assert [b.proto.label for b in at.get("download_button")] == ["Download DOCX", "Download XLSX"]
    assert any("Bahasa Indonesia" in i.value for i in at.info)
