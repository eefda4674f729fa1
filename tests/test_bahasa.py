"""The UI language switch: every label in Bahasa Indonesia and English, and every page in English
(`?bahasa=en`) shows no Indonesian UI text, while the default stays Indonesian."""
import json
import re
import string

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import DEPOK, ROOT
from lkjip import charts, checks, label, measures, vocab

APP = str(ROOT / "app.py")
# page -> (its title key, the Indonesian title as planners know it)
HALAMAN = {
    "pages/ringkasan.py": ("app.judul", "Dasbor LKjIP"),
    "pages/tren.py": ("nav.tren", "Tren per tahun"),
    "pages/perbandingan.py": ("nav.perbandingan", "Perbandingan instansi"),
    "pages/serapan.py": ("nav.serapan", "Serapan anggaran"),
    "pages/efisiensi.py": ("nav.efisiensi", "Efisiensi"),
    "pages/kualitas.py": ("nav.kualitas", "Kualitas data"),
    "pages/unggah.py": ("nav.unggah", "Unggah data"),
}
# Indonesian words that must not appear in an English label (whole words, case-sensitive: the English
# labels keep a few official lower-case terms such as "Average capaian").
PENANDA = ["Tahun", "Instansi", "Unduh", "Simpan", "Rata-rata", "Serapan", "Kategori", "Temuan", "Pratinjau", "Batalkan",
           "Batal", "Tampilkan", "Rincian", "Indikator", "Anggaran", "Tingkat", "Jenis", "Berkas", "Impor", "Semua", "Cari",
           "Ambang", "Sasaran", "Tema", "Pagu", "Realisasi", "Capaian", "Efisiensi", "Saring", "Peringkat", "Rencana",
           "Tabel", "Kualitas", "Unggah", "Ringkasan", "Perbandingan", "Tren", "Sebaran", "Kartu", "Jumlah", "Waktu",
           "Lembar", "Masalah", "Kata sandi", "Masuk", "Ganti", "mis.", "bila", "per tahun"]
# Indonesian function words that must not appear in English sentences (captions, messages, help).
KATA_TUGAS = ["yang", "dan", "tidak", "untuk", "dengan", "dari", "pada", "atau", "belum", "bila", "ada", "baris", "lihat",
              "dalam", "tanpa", "sebagai", "tiap", "setiap", "berarti", "mis", "instansi", "indikator", "poin"]
# Indonesian words in chart text (axis and colour-bar titles, legend names, hover templates, annotations).
PENANDA_GRAFIK = PENANDA + ["indikator", "instansi", "efisien", "kuartil", "tercapai", "selisih", "Target Renstra",
                            "target Renstra", "kurang"]


def _ada(kata: list[str], teks: str) -> list[str]:
    return [k for k in kata if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", teks)]


# --- label.py on its own ------------------------------------------------------------------------------
def _kolom_isian(teks: str) -> set[str]:
    return {nama for _, nama, _, _ in string.Formatter().parse(teks) if nama is not None}


def test_setiap_label_punya_id_dan_en_dengan_isian_yang_sama():
    for kamus in (label._LABEL, label._KOLOM, label.RUMUS):
        for kunci, (idn, eng) in kamus.items():
            assert idn.strip() and eng.strip(), kunci
            assert _kolom_isian(idn) == _kolom_isian(eng), kunci  # the same {fields} in both languages
    for kunci in label._LABEL:
        assert label.teks(kunci, "id") and label.teks(kunci, "en")


def test_kosakata_domain_punya_nama_inggris_dan_indonesia_tetap_dari_sumbernya():
    for kode, nama in checks.JENIS.items():
        # English from label.py or from the check's own registration (lkjip.checks.registri)
        assert label.jenis_temuan(kode, "id") == nama and (label._JENIS_EN.get(kode) or checks.JENIS_EN.get(kode)), kode
        assert label.jenis_temuan(kode, "en") != nama, kode
    for kode, nama in checks.TINGKAT.items():
        assert label.tingkat_temuan(kode, "id") == nama and label._TINGKAT_EN.get(kode), kode
    for kode, nama in vocab.TEMA.items():
        assert label.tema(kode, "id") == nama and label._TEMA_EN.get(kode), kode
    for kode, nama in vocab.LABEL_LEVEL.items():
        assert label.level(kode, "id") == nama and label._LEVEL_EN.get(kode), kode
    for k in measures.KATEGORI:
        assert label.kategori_singkat(k, "id") and label.kategori_singkat(k, "en") and label.judul_kolom(k, "en")
    assert set(label.metode_efisiensi("en")) == set(measures.METODE_EFISIENSI)
    assert label.metode_efisiensi("id") == measures.METODE_EFISIENSI
    # the Indonesian formulas stay the ones of lkjip.measures
    assert label.rumus("serapan", "id") == measures.RUMUS_SERAPAN
    assert label.rumus("kategori", "id") == measures.RUMUS_KATEGORI
    assert label.rumus_capaian("negatif", "id") == measures.RUMUS_CAPAIAN["negatif"]
    for kunci in label.RUMUS:
        assert label.rumus(kunci, "en") != label.rumus(kunci, "id")


def test_grafik_bawaan_indonesia_dan_bisa_inggris():
    tw = pd.DataFrame({"triwulan": ["TW I", "TW II"], "rencana": [5441922139.0, 10009402023.0], "realisasi": [None, None]})
    assert [t.name for t in charts.triwulan(tw).data] == ["Rencana kas", "Realisasi"]
    assert [t.name for t in charts.triwulan(tw, "en").data] == ["Cash plan", "Actual"]
    ef = pd.DataFrame({"instansi": ["A"], "serapan": [80.0], "rata_capaian": [100.0], "sasaran": ["s"], "pagu": [1e9]})
    fig = charts.kuadran_efisiensi(ef, {}, "en")
    assert fig.layout.xaxis.title.text == "Budget absorption"
    assert "efisien: capaian > serapan" in [a.text for a in charts.kuadran_efisiensi(ef, {}).layout.annotations]


# --- the pages with AppTest ----------------------------------------------------------------------------
def buka(monkeypatch, db, halaman, bahasa=None):
    monkeypatch.setenv("LKJIP_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    if bahasa:
        at.query_params["bahasa"] = bahasa
    at.run()
    if halaman != "pages/ringkasan.py":
        at.switch_page(halaman).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def label_ui(at) -> list[str]:
    """Titles, subheaders, widget labels, placeholders and help, button labels, metric and expander labels,
    and the configured column headers of tables: the page's own words, no data."""
    teks = [e.value for e in (*at.title, *at.header, *at.subheader)]
    teks += [m.label for m in at.metric] + [e.label for e in at.expander]
    for jenis in ("selectbox", "multiselect", "text_input", "number_input", "slider", "checkbox", "toggle", "button",
                  "button_group", "radio"):
        for w in getattr(at, jenis):
            teks += [w.label, getattr(w.proto, "placeholder", ""), getattr(w.proto, "help", "")]
    for jenis in ("download_button", "file_uploader"):
        for w in at.get(jenis):
            teks += [w.proto.label, w.proto.help]
    for d in at.dataframe:
        teks += [c.get("label") or "" for c in json.loads(d.proto.columns or "{}").values()]
    return [t for t in teks if t]


def nilai_data(db) -> list[str]:
    """Every text value of the data (agency, indicator, budget-line names...), longest first."""
    from lkjip.store import Store

    with Store(db) as s:
        nilai = set()
        for df in (s.indikator(), s.anggaran()):
            for k in df.columns:
                if df[k].dtype == object or pd.api.types.is_string_dtype(df[k]):
                    nilai |= {str(v) for v in df[k].dropna().unique() if len(str(v)) >= 8}
    return sorted(nilai, key=len, reverse=True)


def kalimat_ui(at, data: list[str]) -> list[str]:
    """Captions, markdown, messages and metric help, with the data values in them removed."""
    teks = [e.value for e in (*at.caption, *at.markdown, *at.info, *at.success, *at.warning, *at.error)]
    teks += [m.help or "" for m in at.metric]
    hasil = []
    for t in teks:
        for v in data:
            t = t.replace(v, " ")
        hasil.append(t)
    return hasil


def teks_grafik(at) -> list[str]:
    teks = []
    for g in at.get("plotly_chart"):
        spec = json.loads(g.proto.spec)
        tata = spec.get("layout", {})
        for sumbu in ("xaxis", "yaxis"):
            teks.append(str(((tata.get(sumbu) or {}).get("title") or {}).get("text") or ""))
        teks += [a.get("text", "") for a in tata.get("annotations", [])]
        for jejak in spec.get("data", []):
            teks += [str(jejak.get("name") or ""), str(jejak.get("hovertemplate") or "")]
            skala = (jejak.get("marker") or {}).get("colorbar") or jejak.get("colorbar") or {}
            teks.append(str((skala.get("title") or {}).get("text") or ""))
            if jejak.get("type") == "heatmap":
                teks += [str(x) for x in jejak.get("x", [])]
    return [t for t in teks if t]


def isi_ui(at, data: list[str]) -> list[str]:
    """Dropdown, radio and segmented options, and the cells of table columns the page writes itself (level,
    status, how linked...), with the data values removed."""
    teks = []
    for jenis in ("selectbox", "multiselect", "radio", "button_group"):
        for w in getattr(at, jenis):
            teks += [str(o) for o in w.options]
    for d in at.dataframe:
        df = d.value
        for k in ("level", "status", "cara", "jenis", "tingkat", "kategori"):
            if k in df.columns:
                teks += [str(v) for v in df[k].dropna().unique()]
    hasil = []
    for t in teks:
        for v in data:
            t = t.replace(v, " ")
        hasil.append(t)
    return [t for t in hasil if t.strip()]


def periksa_inggris(at, data):
    assert not at.exception, [e.value for e in at.exception]
    for t in isi_ui(at, data):
        assert not _ada(PENANDA, t) and not _ada(KATA_TUGAS, t), (t, _ada(PENANDA + KATA_TUGAS, t))
    for t in label_ui(at):
        assert not _ada(PENANDA, t), (t, _ada(PENANDA, t))
    for t in kalimat_ui(at, data):
        assert not _ada(KATA_TUGAS, t), (t, _ada(KATA_TUGAS, t))
    for t in teks_grafik(at):
        assert not _ada(PENANDA_GRAFIK, t), (t, _ada(PENANDA_GRAFIK, t))


@pytest.fixture(scope="module")
def data_bawaan(db_bawaan):
    return nilai_data(db_bawaan)


@pytest.mark.parametrize("halaman", [h for h in HALAMAN if h != "pages/unggah.py"])
def test_halaman_dalam_bahasa_inggris(monkeypatch, db_bawaan, data_bawaan, halaman):
    at = buka(monkeypatch, db_bawaan, halaman, "en")
    assert at.title[0].value == label.teks(HALAMAN[halaman][0], "en")
    assert len(label_ui(at)) > 3
    periksa_inggris(at, data_bawaan)


@pytest.mark.parametrize("halaman", list(HALAMAN))
def test_halaman_tetap_bahasa_indonesia_secara_bawaan(monkeypatch, db, halaman):
    at = buka(monkeypatch, db, halaman)
    assert at.title[0].value == HALAMAN[halaman][1]
    semua = " ".join(label_ui(at))
    assert _ada(["Tahun", "Instansi", "Unduh", "Rata-rata", "Serapan", "Pagu", "Temuan", "Berkas"], semua)


def test_tren_setiap_mode_dalam_bahasa_inggris(monkeypatch, db_bawaan, data_bawaan):
    at = buka(monkeypatch, db_bawaan, "pages/tren.py", "en")
    at.button_group(key="tren_mode").set_value("indikator").run()
    at.selectbox(key="tren_indikator").set_value("Persentase gelandangan dan pengemis di luar panti yang mendapatkan pelayanan").run()
    periksa_inggris(at, data_bawaan)
    at.selectbox(key="tren_indikator").set_value("%PPKS yang terakses layanan sosial dasar").run()  # has a Renstra target
    periksa_inggris(at, data_bawaan)
    assert "Renstra target" in teks_grafik(at)
    at.button_group(key="tren_mode").set_value("tema").run()
    at.selectbox(key="tren_tema").set_value("spm_gepeng").run()
    periksa_inggris(at, data_bawaan)
    assert any("Homeless people and beggars" in s.value for s in at.subheader)


def test_serapan_triwulan_dalam_bahasa_inggris(monkeypatch, db_bawaan, data_bawaan):
    at = buka(monkeypatch, db_bawaan, "pages/serapan.py", "en")
    # the metrics keep Indonesian number formats; Bekasi 2023, Bab III: 85,62%
    assert {m.label: m.value for m in at.metric} == {"Budget": "Rp 32.019.890.719", "Actual": "Rp 27.416.231.841",
                                                     "Absorption": "85,62%"}
    at.selectbox(key="serapan_sumber").set_value("LKjIP Bekasi 2023, Tabel 2.4").run()
    periksa_inggris(at, data_bawaan)
    assert "Cash plan" in teks_grafik(at)  # Bekasi 2023, Tabel 2.4: the quarterly cash plan
    assert "Quarterly cash plan vs actual" in [s.value for s in at.subheader]
    at.slider(key="serapan_ambang").set_value(90).run()
    periksa_inggris(at, data_bawaan)



def test_unggah_dalam_bahasa_inggris(monkeypatch, db):
    data = nilai_data(db) + ["Dinas Sosial Kota Depok", "DINAS SOSIAL KOTA DEPOK"]
    at = buka(monkeypatch, db, "pages/unggah.py", "en")
    assert at.title[0].value == "Upload data"
    assert "Local single-user mode" in at.info[0].value
    periksa_inggris(at, data)
    at.get("file_uploader")[0].set_value(("depok.csv", DEPOK, "text/csv")).run()
    assert "Preview" in [s.value for s in at.subheader]
    assert any("**2** indicator rows" in m.value for m in at.markdown)
    periksa_inggris(at, data)
    at.button(key="unggah_simpan").click().run()
    assert any("Import #" in s.value and "saved: 2 indicator rows" in s.value for s in at.success)
    periksa_inggris(at, data)


def test_kata_sandi_dalam_bahasa_inggris(monkeypatch, db):
    from lkjip import akses

    monkeypatch.setenv("LKJIP_UPLOAD_PASSWORD_HASH", akses.buat_hash("rahasia-kantor"))
    at = buka(monkeypatch, db, "pages/unggah.py", "en")
    assert at.text_input(key="akses_sandi").label == "Upload password"
    at.text_input(key="akses_sandi").input("salah")
    at.button(key="akses_masuk").click().run()
    assert at.error[0].value == "Wrong password."
    periksa_inggris(at, nilai_data(db))
