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


# --- lkjip.label on its own ------------------------------------------------------------------------------
def _kolom_isian(teks: str) -> set[str]:
    return {nama for _, nama, _, _ in string.Formatter().parse(teks) if nama is not None}


def test_setiap_label_punya_id_dan_en_dengan_isian_yang_sama():
    for kamus in (label._LABEL, label._KOLOM, label.RUMUS):
        for kunci, (idn, eng) in kamus.items():
            assert idn.strip() and eng.strip(), kunci
            assert _kolom_isian(idn) == _kolom_isian(eng), kunci  # the same {fields} in both languages
    for kunci in label._LABEL:
        assert label.teks(kunci, "id") and label.teks(kunci, "en")


def test_kunci_label_tidak_terulang_antar_modul():
    """The page labels are split by area; a key defined in two modules would silently hide one of them."""
    from lkjip.label import impor, perencana, reviu, umum

    kunci = [k for modul in (umum, impor, reviu, perencana) for k in modul.LABEL]
    ganda = {k for k in kunci if kunci.count(k) > 1}
    assert not ganda and len(label._LABEL) == len(kunci)


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
    ef = pd.DataFrame({"instansi": ["A"], "tahun": [2023], "serapan": [80.0], "rata_capaian": [100.0], "sasaran": ["s"], "pagu": [1e9]})
    fig = charts.kuadran_efisiensi(ef, "en")
    assert fig.layout.xaxis.title.text == "Budget absorption"
    assert "efisien: capaian > serapan" in [a.text for a in charts.kuadran_efisiensi(ef).layout.annotations]


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


# --- finding explanations (lkjip.checks) in English ----------------------------------------------------
# Indonesian words of the explanations' own sentences: none may be left in the English text once the data it
# quotes (names, printed figures, sources: they stay as printed) is taken out.
KATA_PENJELASAN = [
    "tercetak", "dihitung", "tidak", "padahal", "yaitu", "dengan", "sama", "tetapi", "untuk", "dari", "dan", "di", "pada",
    "yang", "jumlah", "selisih", "lebih", "kurang", "melebihi", "menyebut", "menyatakan", "sebagai", "tahun", "rata-rata",
    "rinciannya", "berjumlah", "dibagi", "hitungan", "ulang", "adalah", "porsi", "pagu", "realisasi", "serapan", "capaian",
    "efisiensi", "indikator", "sasaran", "teks", "baris", "sehingga", "karena", "ini", "itu", "atau", "juga", "bila", "setelah",
    "perubahan", "naik", "turun", "tetap", "memuat", "mencetak", "berada", "rincian", "sel", "berisi", "angka", "tabel",
    "kegiatan", "triwulan", "nilai", "predikat", "kategori", "skala", "tingkat", "lembar", "dicetak", "desimal", "dipotong",
    "dibulatkan", "instansi", "anggaran", "rencana", "kas", "belanja", "positif", "negatif", "tertukar", "rumus", "ke",
]

UJI = "Dinas Sosial Kota Uji"


def _impor(store, nama: str, kepala: str, *baris: str) -> None:
    from lkjip.ingest import pratinjau
    from lkjip.ingest.simpan import simpan

    p = pratinjau((kepala + "".join(f"{UJI},{b}\n" for b in baris)).encode("utf-8"), nama, simpan_salah_cetak=True)
    assert not p.galat, [m.teks() for m in p.galat]
    simpan(store, p)


@pytest.fixture(scope="module")
def temuan_semua_jenis(db_bawaan, tmp_path_factory):
    """The findings of the bundled reports, and of a tiny agency whose rows give the kinds the reports do not have
    (a capaian off, a reversed polarity, an empty main target, spending above the budget, quarters that do not add
    up), with every text value of the data behind them (longest first)."""
    import shutil

    from lkjip.store import Store

    salinan = tmp_path_factory.mktemp("penjelasan") / "x.duckdb"
    shutil.copy(db_bawaan, salinan)
    with Store(salinan) as s:
        _impor(s, "indikator.csv", "instansi,tahun,sasaran,indikator,tingkat,polaritas,target,realisasi,capaian_dilaporkan,utama,sumber\n",
               "2024,S,Lansia telantar,sasaran,positif,95%,90%,93%,1,LKjIP Uji 2024 Tabel 3.1",
               '2024,S,Angka kemiskinan,sasaran,negatif,7,"6,5","92,86%",1,LKjIP Uji 2024 Tabel 3.1',
               "2024,S,Jumlah PSKS,sasaran,positif,10,12,70%,1,LKjIP Uji 2024 Tabel 3.1",
               "2024,S,Tanpa target,sasaran,positif,,70%,,1,LKjIP Uji 2024 Tabel 3.1")
        _impor(s, "anggaran.csv", "instansi,tahun,level,uraian,sasaran,pagu_awal,pagu,realisasi,serapan_dilaporkan,"
               "rencana_tw1,rencana_tw2,rencana_tw3,rencana_tw4,utama,sumber\n",
               "2024,program,Program A,,,1.234.567.000,1.300.000.000,,,,,,1,LKjIP Uji 2024 Tabel 3.18",
               "2024,program,Program B,,,100,50,,10,20,30,50,0,LKjIP Uji 2024 Tabel 2.4")
        df = checks.periksa(s)
        data = set()
        for tabel in ("indikator", "anggaran", "nilai_dilaporkan", "skor", "klaim"):
            t = s.baca(f"SELECT * FROM {tabel}")
            for k in t.columns:
                if t[k].dtype == object or pd.api.types.is_string_dtype(t[k]):
                    for v in t[k].dropna().astype(str).unique():
                        data |= {v, *(x.strip() for x in v.split(";"))}
        klaim = s.baca("SELECT sumber, baris FROM klaim WHERE baris IS NOT NULL")
        data |= {f"{a} (baris {b})" for a, b in zip(klaim["sumber"], klaim["baris"])}
    for v in list(data):  # sources are cited by their table part: 'LKjIP Parepare 2023, Tabel 3.2' -> 'Tabel 3.2'
        if ", " in v:
            data.add(v.partition(", ")[2])
    return df, sorted((v for v in data if len(v) >= 4), key=len, reverse=True)


def _tanpa_data(teks: str, data: list[str]) -> str:
    teks = re.sub(r"'[^']*'", " ", teks)  # quoted printed text
    for v in data:
        teks = teks.replace(v, " ")
    return teks


def test_penjelasan_temuan_setiap_jenis_dalam_bahasa_inggris(temuan_semua_jenis):
    df, data = temuan_semua_jenis
    assert set(df["jenis"]) == set(checks.JENIS)  # every kind of finding is covered
    for r in df.itertuples():
        assert r.penjelasan_en and r.penjelasan_en != r.penjelasan, (r.jenis, r.penjelasan)
        sisa = _tanpa_data(r.penjelasan_en, data)
        kata = [k for k in KATA_PENJELASAN if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", sisa, flags=re.I)]
        assert not kata, (r.jenis, kata, r.penjelasan_en)
        # the same figures in both languages: every number of the Indonesian text is in the English one
        assert sorted(re.findall(r"\d[\d.,]*\d|\d", r.penjelasan)) == sorted(re.findall(r"\d[\d.,]*\d|\d", r.penjelasan_en)), \
            (r.penjelasan, r.penjelasan_en)


def test_penjelasan_inggris_mengutip_data_seperti_tercetak(temuan_semua_jenis):
    """Names and printed figures stay as printed in the English text (Parepare 2023, baris 576 and Tabel 2.7)."""
    df, _ = temuan_semua_jenis
    r = df[df["jenis"] == "porsi_sasaran_tertukar"].iloc[0]
    assert r["penjelasan_en"].startswith("Budget share 10,70% is given to this objective")
    assert "'Meningkatnya Rehabilitasi dan perlindungan jaminan sosial bagi PMKS'" in r["penjelasan_en"]
    assert "Rp 4.175.370.900" in r["penjelasan_en"] and "45,37%" in r["penjelasan_en"]


def test_kualitas_inggris_menampilkan_penjelasan_inggris(monkeypatch, db_bawaan, data_bawaan):
    """The Kualitas data page in English: the explanation cells are the English texts, and the rows behind a selected
    finding are introduced in English (Bekasi 2023, baris 858 vs Tabel 3.17)."""
    at = buka(monkeypatch, db_bawaan, "pages/kualitas.py", "en")
    df = next(d.value for d in at.dataframe if "penjelasan" in d.value.columns and "putusan" in d.value.columns)
    assert len(df) > 40 and "penjelasan_en" not in df.columns
    with_data = [_tanpa_data(p, data_bawaan) for p in df["penjelasan"]]
    for p in with_data:
        assert not _ada(["tercetak", "padahal", "tetapi", "yaitu", "tidak", "dengan"], p), p
    i = int(df.index[df["penjelasan"].str.contains("is the budget after the APBD change in Tabel 3.17", regex=False)][0])
    assert df.loc[i, "penjelasan"].startswith("Original budget of 'JUMLAH' is printed as Rp 25.106.563.484 in Tabel 3.17")
    at.session_state["kualitas_tabel"] = {"selection": {"rows": [i], "columns": [], "cells": []}}
    at.run()
    periksa_inggris(at, data_bawaan)
    assert "Rows involved" in [s.value for s in at.subheader]
    assert any(m.value.startswith("**The same figure printed differently in two tables** — Original budget of") for m in at.markdown)
    ang = next(d.value for d in at.dataframe if "uraian" in d.value.columns)
    assert set(ang["level"]) == {"Total"} and len(ang) == 2
