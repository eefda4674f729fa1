"""A planner's day, below the pages: fair comparison, links, standard indicators, undo/redo, Serapan figures,
agency colours and the escaping of data text. Figures from the bundled reports cite their table."""
import pandas as pd
import pytest

from conftest import DEPOK
from lkjip import analisis, charts, rincian_anggaran, standar, tautan
from lkjip.ingest import pratinjau
from lkjip.ingest.simpan import GalatImpor, batalkan, rincian, riwayat, simpan, ulangi
from lkjip.teks_aman import grafik, md

BEKASI, PAREPARE, PASURUAN = "Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan"


# --- fair comparison ------------------------------------------------------------------------------------
def test_tahun_terakhir_per_instansi_dan_peringkat_adil(store):
    ind, ang = store.indikator(), store.anggaran()
    assert analisis.tahun_terakhir(ind, ang).to_dict() == {BEKASI: 2023, PAREPARE: 2023, PASURUAN: 2022}
    r = analisis.ringkasan_instansi(ind, ang).set_index("instansi")
    # Bekasi 2023 Tabel 3.1: (100 + 106,55 + 100 + 100) / 4; Pasuruan 2022 Tabel 3.2: one indicator, 109,11
    assert round(r.loc[BEKASI, "rata_capaian"], 2) == 101.64 and r.loc[BEKASI, "jumlah_indikator"] == 4
    assert round(r.loc[PASURUAN, "rata_capaian"], 2) == 109.11 and bool(r.loc[PASURUAN, "sedikit"])
    assert r["peringkat"].to_dict() == {BEKASI: 1, PAREPARE: 2, PASURUAN: None} or (
        r.loc[BEKASI, "peringkat"] == 1 and r.loc[PAREPARE, "peringkat"] == 2 and r["peringkat"].isna()[PASURUAN])
    semua = analisis.ringkasan_instansi(ind, ang, periode="semua", min_indikator=1).set_index("instansi")
    assert semua.loc[BEKASI, "jumlah_indikator"] == 8 and semua["tahun"].isna().all()
    assert semua.loc[PASURUAN, "peringkat"] == 1  # with a minimum of one indicator, 109,11 ranks first
    with pytest.raises(ValueError):
        analisis.ringkasan_instansi(ind, ang, periode="rata")


# --- links ----------------------------------------------------------------------------------------------
def test_tautan_bolak_balik_dan_nilai_rusak_dibuang():
    nilai = {"f_instansi": [BEKASI, PAREPARE], "f_tahun": [2023], "f_bahasa": True, "f_periode": "semua", "f_min": 5,
             "f_batas": 150.0, "serapan_instansi": PAREPARE, "serapan_tahun": 2023, "serapan_sumber": "LKjIP Parepare 2023, Tabel 2.6",
             "serapan_ambang": 60}
    q = tautan.ke_query(nilai, "serapan")
    assert q["bahasa"] == "en" and q["tabel"] == "LKjIP Parepare 2023, Tabel 2.6" and q["instansi"] == [BEKASI, PAREPARE]
    kembali = tautan.dari_query(q, "serapan")
    assert kembali == {k: v for k, v in nilai.items()}
    # defaults are left out of the link; another page's controls are not in it
    assert tautan.ke_query({"f_periode": "terakhir", "f_min": 3, "serapan_ambang": 50, "tren_mode": "standar"}, "serapan") == {}
    rusak = {"tahun": ["20x3", "2023"], "batas": ["nan"], "min": ["-4"], "periode": ["acak"], "ambang": ["500"], "jenis": ["bukan"],
             "tema": ["<b>"]}
    assert tautan.dari_query(rusak) == {"f_tahun": [2023], "kualitas_jenis": []}
    url = tautan.alamat("http://127.0.0.1:8501/serapan", q)
    assert url.startswith("http://127.0.0.1:8501/serapan?") and "tabel=LKjIP+Parepare+2023%2C+Tabel+2.6" in url


# --- standard indicators --------------------------------------------------------------------------------
@pytest.mark.parametrize("teks,satuan,kode", [
    ("Persentase penyandang disabilitas telantar di luar panti yang mendapatkan pelayanan", "%", "spm1_disabilitas"),  # Parepare Tabel 3.2
    ("%PPKS yang terakses layanan sosial dasar", "%", "ppks_tertangani"),  # Pasuruan Tabel 3.2
    ("Persentase PMKS yang tertangani", "%", "ppks_tertangani"),
    ("Persentase PPKS binaan yang mandiri", "Persen", "ppks_mandiri"),  # Bekasi Tabel 3.1
    ("Persentase PSKS yang berfungsi", "persen", "psks_aktif"),
    ("Jumlah rumah tangga yang mendapatkan bantuan tunai bersyarat/Program Keluarga Harapan.", "KPM", "pkh_kpm"),
    ("Persentase KPM PKH yang mendapat bantuan", "orang", None),  # words of a percentage, unit of a count: not forced
    ("Nilai Indeks Kepuasan Masyarakat (IKM)", None, "ikm"),
    ("Predikat evaluasi sakip oleh APIP", "NILAI", "sakip"),
    ("Jumlah kegiatan rapat koordinasi", "kegiatan", None),
])
def test_saran_indikator_standar_dari_kata_dan_satuan(teks, satuan, kode):
    assert standar.sarankan(teks, satuan) == kode


def test_indikator_standar_dikonfirmasi_dan_nilai_per_instansi_tahun(store):
    df = standar.nilai_standar(store, "psks_aktif")
    assert set(df["instansi"]) == {BEKASI, PAREPARE, PASURUAN} and set(df["cara"]) == {"otomatis"}
    b23 = df[(df["instansi"] == BEKASI) & (df["tahun"] == 2023)].iloc[0]
    assert b23["capaian"] == 100 and b23["sumber"] == "LKjIP Bekasi 2023, Tabel 3.1" and b23["jumlah"] == 2
    # the planner says Bekasi's wording is not this standard: it leaves, the others stay, and it is logged
    standar.tetapkan(store, BEKASI, "persentase psks YANG berfungsi", None, pengguna="perencana")
    df2 = standar.nilai_standar(store, "psks_aktif")
    sisa = df2[df2["instansi"] == BEKASI]
    # only Bekasi 2023's other wording of the same measure (the report words it two ways that year) is left
    assert list(sisa["tahun"]) == [2023] and sisa["indikator"].iloc[0].startswith("Prosentase Peningkatan Potensi Sumber")
    assert PAREPARE in set(df2["instansi"])
    assert store.satu("SELECT aksi FROM log_aktivitas ORDER BY id DESC LIMIT 1") == "indikator_standar"
    standar.tetapkan(store, BEKASI, "Persentase PSKS yang berfungsi", "psks_aktif")
    df3 = standar.nilai_standar(store, "psks_aktif")
    assert set(df3.loc[df3["instansi"] == BEKASI, "cara"]) == {"dikonfirmasi"}
    with pytest.raises(ValueError):
        standar.tetapkan(store, BEKASI, "x", "bukan_kode")


# --- undo, redo, bundled data ---------------------------------------------------------------------------
def test_batal_dengan_rincian_lalu_ulang_dan_data_bawaan_dilindungi(store):
    n0 = store.satu("SELECT count(*) FROM indikator")
    h = simpan(store, pratinjau(DEPOK, "depok.csv"), pengguna="perencana")
    info = rincian(store, h.impor_id)
    assert info.hapus == [("indikator", "Dinas Sosial Kota Depok", 2020, 2)] and info.pulih == [] and not info.bawaan
    batalkan(store, h.impor_id, pengguna="perencana")
    assert store.satu("SELECT count(*) FROM indikator") == n0
    r = riwayat(store, 5).set_index("id")
    assert r.loc[h.impor_id, "bisa_diulang"] and r.loc[h.impor_id, "instansi_tahun"] == "Dinas Sosial Kota Depok 2020"
    assert ulangi(store, h.impor_id, pengguna="perencana") == {"indikator": 2}
    assert store.satu("SELECT count(*) FROM indikator") == n0 + 2
    assert list(store.baca("SELECT aksi FROM log_aktivitas ORDER BY id")["aksi"])[-2:] == ["batal", "ulang"]
    with pytest.raises(GalatImpor, match="masih aktif"):
        ulangi(store, h.impor_id)
    bawaan = int(store.satu("SELECT min(id) FROM impor"))
    assert rincian(store, bawaan).bawaan
    with pytest.raises(GalatImpor, match="data bawaan"):
        batalkan(store, bawaan)
    assert store.satu("SELECT status FROM impor WHERE id = ?", [bawaan]) == "aktif"


def test_ulang_ditolak_bila_tahun_itu_sudah_diisi_impor_lain(store):
    a = simpan(store, pratinjau(DEPOK, "depok.csv"))
    batalkan(store, a.impor_id)
    b = simpan(store, pratinjau(DEPOK, "depok_lagi.csv"))
    with pytest.raises(GalatImpor, match=f"impor #{b.impor_id}"):
        ulangi(store, a.impor_id)


def test_ganti_batal_ulang_memulihkan_yang_benar(store):
    lama = store.indikator([BEKASI], [2023])
    csv = ("Instansi,Tahun,Indikator,Target,Realisasi\n" + f"{BEKASI},2023,Persentase PSKS yang berfungsi,100,90\n").encode()
    h = simpan(store, pratinjau(csv, "bekasi.csv"), ganti=True)
    batalkan(store, h.impor_id)
    assert sorted(store.indikator([BEKASI], [2023])["id"]) == sorted(lama["id"])
    ulangi(store, h.impor_id)
    baru = store.indikator([BEKASI], [2023])
    assert len(baru) == 1 and baru["realisasi"].iloc[0] == 90
    batalkan(store, h.impor_id)
    assert sorted(store.indikator([BEKASI], [2023])["id"]) == sorted(lama["id"])


# --- Serapan figures ------------------------------------------------------------------------------------
def test_angka_serapan_dari_tabel_yang_memuatnya(store):
    ang = store.anggaran()
    # Parepare 2023: the main table (Bab III) prints realisasi 6.447.258.513 but its total has no pagu
    u = rincian_anggaran.angka_utama(ang, PAREPARE, 2023, rincian_anggaran.sumber_bawaan(ang, PAREPARE, 2023))
    assert (u.pagu, u.realisasi, round(u.serapan, 2)) == (9202224555, 6447258513, 70.06)
    # Bekasi 2023, Tabel 2.4 (cash plan, no realisasi): realisasi from Tabel 3.18, labelled
    u = rincian_anggaran.angka_utama(ang, BEKASI, 2023, "LKjIP Bekasi 2023, Tabel 2.4")
    assert u.realisasi == 27416231841 and u.sumber["realisasi"] == "LKjIP Bekasi 2023, Tabel 3.18"
    tw, lain = rincian_anggaran.triwulan_laporan(ang, BEKASI, 2023, "LKjIP Bekasi 2023, Tabel 3.18")
    assert not len(tw) and lain == ["LKjIP Bekasi 2023, Tabel 2.4"]


def test_baris_total_bukan_program_serapan_rendah(store):
    ang = store.anggaran()
    baris = analisis.pohon_anggaran(ang, PAREPARE, 2023, "LKjIP Parepare 2023, Bab III (teks)")
    t = rincian_anggaran.tabel_rincian(baris, 60)
    rendah = t[t["status"] == "rendah"]
    assert set(rendah["level"]) <= {"program", "kegiatan", "sub_kegiatan"}
    assert "Program Perlindungan dan Jaminan Sosial" in set(rendah["uraian"])  # 49,20% (Bab III)
    assert not t["uraian"].str.startswith("\u2003").any() and t["kedalaman"].max() >= 1
    akar = int(baris.loc[baris["uraian"] == "Program Perlindungan dan Jaminan Sosial", "id"].iloc[0])
    assert len(rincian_anggaran.turunan(baris, akar)) == 3  # the program and its two sub kegiatan


# --- colours and escaping -------------------------------------------------------------------------------
def test_warna_instansi_dari_nama_tidak_bergeser():
    # the bars of the ranking chart: an agency keeps its colour whichever agencies are shown with it
    def warna(nama: list[str]) -> dict[str, str]:
        df = pd.DataFrame({"instansi": nama, "rata_capaian": [90.0 + i for i in range(len(nama))]})
        bar = charts.peringkat(df, 120, "capaian").data[0]
        return dict(zip(bar.y, bar.marker.color))

    tiga = warna([BEKASI, PAREPARE, PASURUAN])
    lebih = warna(["Dinas Sosial Kota Depok", "Dinas Sosial Kabupaten Aceh Besar", BEKASI, PAREPARE, PASURUAN])
    assert all(lebih[k] == v for k, v in tiga.items())
    assert len(set(tiga.values())) == 3


def test_teks_data_tidak_menjadi_markup():
    nama = "Dinas <a href='http://x.invalid'>[klik](http://x.invalid)</a> **tebal** $x$\n# judul"
    assert "<a" not in grafik(nama) and "&lt;a" in grafik(nama)
    m = md(nama)
    assert "http\\://\u2060" in md("lihat http://x.invalid")  # a bare address never becomes a link either
    assert "\\<a" in m and "\\[klik\\]" in m and "\\*\\*" in m and "\\$x\\$" in m and "\n" not in m


def test_capaian_di_atas_100_bukan_peringatan_kecuali_tak_wajar():
    csv = ("Instansi,Tahun,Indikator,Satuan,Target,Realisasi\n"
           "Dinas Sosial Kota Uji,2023,Persentase PSKS aktif,%,75,100\n"  # 133,33%: a target exceeded (as Parepare Tabel 3.2)
           "Dinas Sosial Kota Uji,2023,Jumlah KPM PKH,KPM,100,450\n").encode()  # 450%: worth a look
    p = pratinjau(csv, "uji.csv")
    peringatan = [m for m in p.masalah if m.tingkat == "peringatan" and "capaian dihitung" in m.pesan]
    assert len(peringatan) == 1 and "450" in peringatan[0].pesan and p.bisa_disimpan


# --- Streamlit's own texts in the page's language -------------------------------------------------------
def _app(monkeypatch, db, bahasa="id"):
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT

    monkeypatch.setenv("LKJIP_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["bahasa"] = bahasa
    return at.run()


@pytest.mark.parametrize("bahasa, ada, tidak", [
    ("id", ["Pilih berkas", "Maks. 20 MB per berkas • XLSX, XLSM, XLS, CSV, ODS, HTML", "Lepaskan berkas di sini"], ["Choose a file"]),
    ("en", ["Choose a file", "Max. 20 MB per file • XLSX, XLSM, XLS, CSV, ODS, HTML", "Drop the file here"], ["Pilih berkas"]),
])
def test_teks_pengunggah_dalam_bahasa_halaman(monkeypatch, db, bahasa, ada, tidak):
    """Streamlit 1.67 has no parameter for the uploader's "Upload", "20MB per file" and drag texts: a style
    sheet writes them in the page's language (the browser test checks what is drawn)."""
    at = _app(monkeypatch, db, bahasa)
    at.switch_page("pages/unggah.py").run()
    assert not at.exception and at.get("file_uploader")
    gaya = " ".join(h.proto.body for h in at.get("html"))
    for teks in ada:
        assert f'content: "{teks}"' in gaya
    for teks in tidak:
        assert teks not in gaya


def test_teks_gaya_aman_untuk_css():
    from lkjip.web_gaya import teks_pengunggah

    css = teks_pengunggah('Pilih "berkas"', "a\\b", "baris\nbaru </style>")
    assert 'content: "Pilih \\"berkas\\""' in css and 'content: "a\\\\b"' in css and "\nbaru" not in css and "</style>" not in css[:-9]


@pytest.mark.parametrize("halaman", ["pages/kualitas.py", "pages/ringkasan.py", "pages/log_aktivitas.py"])
def test_tidak_ada_pilih_semua_berbahasa_inggris(monkeypatch, db, halaman):
    """A multiselect's "Select all" entry cannot be translated: every multiselect turns it off (none
    chosen already means all, said by its placeholder)."""
    at = _app(monkeypatch, db)
    at.switch_page(halaman).run()
    assert not at.exception and at.multiselect
    assert {m.key: m.proto.select_all for m in at.multiselect} == {m.key: 0 for m in at.multiselect}
    assert all(m.placeholder.startswith("Semua") for m in at.multiselect)


# --- tables that fit the page at 1366 px ----------------------------------------------------------------
LEBAR_UTAMA_1366 = 905  # the main column beside the open sidebar at 1366 px (measured in chromium)


@pytest.mark.parametrize("halaman, kunci, sampai", [
    ("pages/ringkasan.py", "peringkat", "pagu"),
    ("pages/perbandingan.py", "peringkat", "pagu"),
    ("pages/efisiensi.py", "sasaran", "nilai_nka"),
    ("pages/kualitas.py", "penjelasan", "penjelasan"),
    ("pages/serapan.py", "uraian", "status"),
    ("pages/tren.py", "rata_capaian", "realisasi"),
])
@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_kolom_yang_dicari_muat_di_1366_dan_judul_tidak_terpotong(monkeypatch, db, halaman, kunci, sampai, bahasa):
    """The columns a planner came for fit beside the sidebar at 1366 px without scrolling right; every header
    fits its column (a shortened one carries the full header in its tooltip)."""
    import json

    from lkjip import label
    from lkjip.web_tabel import lebar_teks

    at = _app(monkeypatch, db, bahasa)
    at.switch_page(halaman).run()
    assert not at.exception
    tabel = [({k: v for k, v in json.loads(d.proto.columns).items() if "label" in v}, d) for d in at.dataframe]  # not the index
    kolom, df = next((k, d) for k, d in tabel if kunci in k and sampai in k)
    urutan = list(kolom)
    lebar = [kolom[k].get("width") for k in urutan[:urutan.index(sampai) + 1]]
    assert all(isinstance(x, int) for x in lebar), kolom
    pilih = 33 if df.proto.selection_mode else 0  # the row-selection checkboxes
    assert sum(lebar) + pilih <= LEBAR_UTAMA_1366, dict(zip(urutan, lebar))
    for k, c in kolom.items():
        if isinstance(c.get("width"), int):
            assert c["width"] >= lebar_teks(len(c["label"])), (k, c)
        if c["label"] != label.judul_kolom(k, bahasa):
            assert label.judul_kolom(k, bahasa) in c.get("help", ""), (k, c)  # the full header on hover


def test_nama_panjang_dibungkus_bukan_dipotong():
    """A name longer than its column gets rows tall enough to wrap it (st.dataframe wraps only above 64 px
    rows and has no cell tooltip); short names keep one-line rows."""
    import pandas as pd

    from lkjip.web_tabel import MAKS_BARIS, konfigurasi_kolom, tinggi_baris

    pendek = pd.DataFrame({"instansi": ["Dinas Sosial Kota Bekasi"], "serapan": [85.6]})
    assert tinggi_baris(pendek, konfigurasi_kolom(pendek, list(pendek.columns), "id")) is None
    sasaran = ("Meningkatnya Pemberdayaan bagi penyandang masalah kesejahteraan sosial (PMKS) serta Potensi dan Sumber "
               "Kesejahteraan Sosial (PSKS)")  # LKjIP Parepare 2023, Bab III
    panjang = pd.DataFrame({"instansi": ["Dinas Sosial Kota Parepare"], "sasaran": [sasaran]})
    sempit = tinggi_baris(panjang, konfigurasi_kolom(panjang, list(panjang.columns), "id", lebar={"sasaran": 220}))
    lebar = tinggi_baris(panjang, konfigurasi_kolom(panjang, list(panjang.columns), "id", lebar={"sasaran": 600}))
    assert sempit > 64 and lebar > 64 and sempit > lebar
    sangat = pd.DataFrame({"uraian": [sasaran * 5]})
    assert tinggi_baris(sangat, konfigurasi_kolom(sangat, ["uraian"], "id")) <= MAKS_BARIS * 18 + 14


def test_templat_grafik_sama_dengan_plotly_white():
    """The charts' slim template looks exactly like plotly_white for every trace type they draw."""
    import plotly.io as pio

    import json

    from plotly.utils import PlotlyJSONEncoder

    def json_(x) -> str:  # as sent to the browser (the figure takes the template as is, unvalidated)
        return json.dumps(x.to_plotly_json(), cls=PlotlyJSONEncoder, sort_keys=True)

    putih = pio.templates["plotly_white"]
    df = pd.DataFrame({"instansi": [BEKASI, PAREPARE], "tahun": [2022, 2023], "capaian": [90.0, 101.5]})
    for fig in (charts.garis_tahun(df, "capaian", "capaian"), charts.peringkat(df.rename(columns={"capaian": "rata_capaian"}), 120, "c")):
        t = fig.layout.template
        assert json_(t.layout) == json_(putih.layout)
        for jenis in {d.type for d in fig.data}:
            assert jenis in charts.JENIS_JEJAK and json.dumps([json.loads(json_(x)) for x in t.data[jenis]]) == \
                json.dumps([json.loads(json_(x)) for x in putih.data[jenis]])


def test_grafik_efisiensi_banyak_instansi_tahun_terakhir():
    """Beyond 12 agencies the efficiency chart draws each agency's latest year in one trace (national scale: tens of
    thousands of sasaran); up to 12, one trace per agency with every year."""
    baris = [{"instansi": f"Dinas Sosial Kota {i:02d}", "tahun": th, "sasaran": f"Sasaran {k}", "serapan": 80.0 + k,
              "rata_capaian": 95.0 + th - 2022, "pagu": 1e9} for i in range(13) for th in (2022, 2023) for k in range(2)]
    df = pd.DataFrame(baris)
    fig = charts.kuadran_efisiensi(df)
    titik = [t for t in fig.data if t.mode == "markers"]
    assert len(titik) == 1 and len(titik[0].x) == 26  # 13 agencies × 2 sasaran of 2023
    assert set(titik[0].y) == {96.0} and len(set(titik[0].marker.color)) > 1
    # each point's colour is its agency's colour, through the stepped palette scale (numbers, not colour strings):
    # the scale's stops on either side of the point's position both carry that colour
    m = titik[0].marker
    for nilai, nama in zip(m.color, titik[0].customdata):
        agensi = nama[1].rsplit(" ", 1)[0]
        assert nilai == charts.indeks_warna(agensi)
        pos = (nilai - m.cmin) / (m.cmax - m.cmin)
        bawah = [(p, w) for p, w in m.colorscale if p <= pos][-1]  # in the scale's order, as plotly reads it
        atas = next((p, w) for p, w in m.colorscale if p >= pos)
        assert bawah[1] == atas[1] == charts.warna_satu(agensi)
    assert len(charts.titik_efisiensi(df)) == 26
    sedikit = charts.kuadran_efisiensi(df[df["instansi"] < "Dinas Sosial Kota 12"])
    assert len([t for t in sedikit.data if t.mode == "markers"]) == 12 and sum(len(t.x) for t in sedikit.data if t.mode == "markers") == 48
