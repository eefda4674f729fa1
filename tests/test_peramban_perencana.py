"""A planner's day in Debian's chromium at 1366 px: sorting a number column, a link with page controls
reopened in a fresh browser, undo with confirmation and redo, agency colours stable after an upload, data
text never rendered as markup, and no request to any host but 127.0.0.1. Screenshots in tests/artefak/."""
import re
import shutil
from urllib.parse import urlparse

import pytest

from conftest import ARTEFAK, DEPOK, server_streamlit, tunggu_app

LEBAR = 1366
NAMA_ANEH = "Dinas Sosial Kota Uji <b>Tebal</b> [tautan](http://contoh.invalid) <img src=x>"


@pytest.fixture(scope="module")
def server(tmp_path_factory, db_bawaan):
    """A server of its own (this module writes: uploads, undo, redo) on a copy of the bundled database."""
    db = tmp_path_factory.mktemp("srv_perencana") / "lkjip.duckdb"
    shutil.copy(db_bawaan, db)
    with server_streamlit(db) as url:
        yield url


class Konteks:
    """A fresh browser context at 1366 px that records every request leaving 127.0.0.1."""

    def __init__(self, peramban):
        self.luar: list[str] = []
        self.ctx = peramban.new_context(viewport={"width": LEBAR, "height": 2400}, locale="id-ID", accept_downloads=True)
        self.ctx.on("request", self._catat)

    def _catat(self, req):
        host = urlparse(req.url).hostname
        if req.url.startswith(("data:", "blob:", "about:")) or host == "127.0.0.1":
            return
        self.luar.append(req.url)

    def halaman(self):
        return self.ctx.new_page()

    def tutup(self):
        self.ctx.close()
        assert not self.luar, f"requests to outside hosts: {self.luar[:5]}"


@pytest.fixture
def konteks(peramban):
    k = Konteks(peramban)
    yield k
    k.tutup()


def tangkap(page, nama):
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"1366_{nama}.png"), full_page=True)
    assert page.locator("[data-testid='stException']").count() == 0


def buka(page, url):
    page.goto(url)
    tunggu_app(page)


def pilih(page, label, opsi):
    page.locator("[data-testid='stSelectbox']").filter(has_text=label).first.click()
    page.get_by_role("option", name=opsi, exact=True).click()
    tunggu_app(page)


def nilai_pilihan(page, label) -> str:
    """The shown value of a selectbox (its label, then the chosen option)."""
    sb = page.locator("[data-testid='stSelectbox']").filter(has_text=label).first
    masukan = sb.locator("input")
    return (masukan.first.input_value() if masukan.count() else "") + " " + sb.evaluate("e => e.textContent")


def baris_tabel(page, i=0):
    """The rows of the i-th table as the grid holds them (its accessible table: raw values, in display order)."""
    df = page.locator("[data-testid='stDataFrame']").nth(i)
    return [[c.inner_text() for c in r.locator("td").all()] for r in df.locator("tbody tr").all()]


def jumlah_baris(page, i=0) -> int:
    """All rows of the i-th table, also those not drawn yet (the grid's accessible row count, less the header)."""
    return int(page.locator("[data-testid='stDataFrame']").nth(i).locator("table[aria-rowcount]").get_attribute("aria-rowcount")) - 1


def unggah(page, server, nama, isi: bytes, tmp_path):
    berkas = tmp_path / nama
    berkas.write_bytes(isi)
    buka(page, f"{server}/unggah")
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(berkas))
    tunggu_app(page)
    page.get_by_role("button", name="Simpan ke basis data").click()
    tunggu_app(page)
    page.get_by_text("tersimpan").first.wait_for()


def test_kolom_angka_terurut_sebagai_angka(server, konteks):
    page = konteks.halaman()
    buka(page, server)
    tabel = page.locator("[data-testid='stDataFrame']").first
    kotak = tabel.bounding_box()
    judul = [c.inner_text() for c in tabel.locator("thead th").all()]
    assert "Pagu (Rp)" in judul, judul  # visible without scrolling right at 1366 px
    # the Pagu column: widths as lkjip.web_tabel sets them (190 agency, 60 whole numbers and flags, 90 percentages,
    # or wider when the header needs it)
    from lkjip.web_tabel import lebar_teks

    dasar = {"Instansi": 190, "Tahun": 60, "Peringkat": 60, "Indikator": 60, "Sedikit": 60}
    x = sum(max(dasar.get(j, 90), lebar_teks(len(j))) for j in judul[:judul.index("Pagu (Rp)")]) + 60
    page.mouse.click(kotak["x"] + x, kotak["y"] + 18)  # a click on the header sorts ascending
    page.wait_for_timeout(500)
    baris = baris_tabel(page)
    pagu = [float(b[judul.index("Pagu (Rp)")]) for b in baris]
    # Parepare 9.202.224.555 (Bab III) < Pasuruan 24.055.295.545 (Tabel 3.9) < Bekasi 32.019.890.719 (Tabel 3.18):
    # as text "Rp 9..." would sort last
    assert pagu == sorted(pagu) and [b[0] for b in baris] == ["Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan",
                                                             "Dinas Sosial Kota Bekasi"]
    tangkap(page, "ringkasan_urut_pagu")


def test_tautan_dengan_kendali_halaman_dibuka_di_peramban_baru(server, peramban, konteks):
    page = konteks.halaman()
    buka(page, f"{server}/serapan")
    pilih(page, "Instansi", "Dinas Sosial Kota Parepare")
    pilih(page, "Tabel anggaran", "LKjIP Parepare 2023, Tabel 2.6")
    page.wait_for_url(re.compile(r"s_instansi=Dinas\+Sosial\+Kota\+Parepare.*tabel=LKjIP\+Parepare\+2023%2C\+Tabel\+2\.6"))
    url = page.url
    nilai = [m.inner_text() for m in page.locator("[data-testid='stMetricValue']").all()]
    tangkap(page, "serapan_parepare")
    baru = Konteks(peramban)  # a fresh browser context: no session, no cookies, only the link
    try:
        p2 = baru.halaman()
        buka(p2, url)
        assert "LKjIP Parepare 2023, Tabel 2.6" in nilai_pilihan(p2, "Tabel anggaran")
        assert "Dinas Sosial Kota Parepare" in nilai_pilihan(p2, "Instansi")
        assert [m.inner_text() for m in p2.locator("[data-testid='stMetricValue']").all()] == nilai
        assert nilai[0] == "Rp 9.202.224.555"  # Parepare 2023, Tabel 2.6 total
        # Tren mode and indicator, Perbandingan search and top-N, the comparison basis: all from the link alone
        buka(p2, f"{server}/tren?mode=indikator&indikator=Persentase+PMKS+yang+tertangani&periode=semua&min=2")
        assert "Persentase PMKS yang tertangani" in nilai_pilihan(p2, "Indikator")
        assert p2.get_by_role("radio", name="Semua tahun terpilih digabung").is_checked()
        tangkap(p2, "tren_indikator_dari_tautan")
        buka(p2, f"{server}/perbandingan?cari=pare&n=1")
        assert p2.locator("[data-testid='stTextInput'] input").first.input_value() == "pare"
        assert baris_tabel(p2, 1)[0][0] == "Dinas Sosial Kota Parepare" and len(baris_tabel(p2, 1)) == 1
        tangkap(p2, "perbandingan_dari_tautan")
    finally:
        baru.tutup()


def test_salin_tautan_menyalin_alamat_tampilan(server, peramban):
    ctx = peramban.new_context(viewport={"width": LEBAR, "height": 1600}, locale="id-ID")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    try:
        page = ctx.new_page()
        buka(page, f"{server}/tren?mode=tema&tema_tren=pmks")
        page.frame_locator("[data-testid='stSidebar'] iframe").get_by_role("button", name="Salin tautan").click()
        page.frame_locator("[data-testid='stSidebar'] iframe").get_by_text("Tautan disalin").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == page.url and "tema_tren=pmks" in page.url
    finally:
        ctx.close()


def test_batal_dengan_konfirmasi_lalu_ulang(server, konteks, tmp_path):
    page = konteks.halaman()
    unggah(page, server, "depok_2020.csv", DEPOK, tmp_path)
    buka(page, f"{server}/unggah")
    riwayat = page.locator("[data-testid='stDataFrame']").last
    assert "depok_2020.csv" in riwayat.locator("tbody tr").first.inner_text()
    # bundled imports are not offered; the newest upload is
    page.get_by_role("button", name="Batalkan impor").click()
    tunggu_app(page)
    peringatan = page.locator("[data-testid='stAlert']").filter(has_text="Batalkan impor #")
    assert "2 indikator · Dinas Sosial Kota Depok 2020" in peringatan.inner_text()
    tangkap(page, "unggah_konfirmasi_batal")
    page.get_by_role("button", name="Jangan").click()
    tunggu_app(page)
    assert page.locator("[data-testid='stAlert']").filter(has_text="Batalkan impor #").count() == 0
    page.get_by_role("button", name="Batalkan impor").click()
    tunggu_app(page)
    page.get_by_role("button", name="Ya, batalkan").click()
    tunggu_app(page)
    page.get_by_text("dibatalkan").first.wait_for()
    # an agency left with no rows leaves the filters
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first.click()
    assert page.get_by_role("option", name="Dinas Sosial Kota Depok").count() == 0
    assert page.get_by_role("option", name="Select all").count() == 0  # no English leftover in Indonesian mode
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Ulangi impor").click()
    tunggu_app(page)
    page.get_by_text("dipulihkan: 2 indikator").first.wait_for()
    tangkap(page, "unggah_diulang")
    buka(page, f"{server}/?instansi=Dinas+Sosial+Kota+Depok")
    assert page.locator("[data-testid='stMetricValue']").first.inner_text() == "85%"  # (90 + 80) / 2


def _warna_garis(page) -> dict[str, str]:
    plot = page.locator(".js-plotly-plot").first
    plot.wait_for()
    return dict(plot.evaluate("el => el._fullData.filter(t => t.line).map(t => [t.name, t.line.color])"))


def test_warna_instansi_tetap_setelah_unggah(server, konteks, tmp_path):
    page = konteks.halaman()
    buka(page, f"{server}/tren")
    sebelum = _warna_garis(page)
    assert {"Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare"} <= set(sebelum)
    csv = ("Instansi,Tahun,Indikator,Target,Realisasi\n"
           "Dinas Sosial Kabupaten Aceh Besar,2022,Persentase PMKS yang tertangani,80,70\n").encode()
    unggah(page, server, "aceh_besar.csv", csv, tmp_path)
    buka(page, f"{server}/tren")
    sesudah = _warna_garis(page)
    assert "Dinas Sosial Kabupaten Aceh Besar" in sesudah
    assert {k: sesudah[k] for k in sebelum} == sebelum
    tangkap(page, "tren_warna_setelah_unggah")


def test_teks_data_tidak_menjadi_markup_di_halaman_mana_pun(server, konteks, tmp_path):
    page = konteks.halaman()
    csv = ("Instansi;Tahun;Indikator;Satuan;Target;Realisasi\n"
           f"\"{NAMA_ANEH}\";2023;Persentase lansia **terlayani** <i>x</i>;%;90;95\n").encode()
    unggah(page, server, "uji <b>berkas.csv", csv, tmp_path)
    for jalur in ("", "tren?mode=indikator", "perbandingan", "efisiensi", "kualitas", "unggah"):
        buka(page, f"{server}/{jalur}")
        utama = page.locator("[data-testid='stMain']")
        assert utama.locator("b", has_text="Tebal").count() == 0, jalur
        assert utama.locator("i", has_text="x").count() == 0, jalur
        assert utama.locator("a[href*='contoh.invalid']").count() == 0, jalur
        assert page.locator("img[src='x']").count() == 0, jalur
        assert page.locator("svg a").count() == 0, jalur  # plotly text never a link
    buka(page, server)
    assert page.get_by_text("<b>Tebal</b>", exact=False).first.is_visible()  # shown as the text it is
    tangkap(page, "ringkasan_nama_aneh")


def klik_kotak(page, nama):
    """Click the label of a treemap box (a box's middle may be covered by its children)."""
    teks = page.locator(".js-plotly-plot g.slice").filter(has_text=nama).first.locator("text").first
    teks.scroll_into_view_if_needed()
    k = teks.bounding_box()
    page.mouse.click(k["x"] + k["width"] / 2, k["y"] + k["height"] / 2)
    page.wait_for_timeout(500)
    tunggu_app(page)


def test_klik_kotak_treemap_menyaring_tabel(server, konteks):
    """Serapan: a click on a treemap box narrows the outline table to that line and its details; a click on
    another box moves the focus. LKjIP Bekasi 2023, Tabel 3.9: Program Penanganan Bencana has 2 kegiatan and
    6 sub kegiatan (9 lines), Program Rehabilitasi Sosial 2 kegiatan and 9 sub kegiatan (12 lines). A click on the box
    the map is zoomed into shows every line again."""
    page = konteks.halaman()
    buka(page, f"{server}/serapan?s_instansi=Dinas+Sosial+Kota+Bekasi&s_tahun=2023&tabel=LKjIP+Bekasi+2023%2C+Tabel+3.9")
    assert "LKjIP Bekasi 2023, Tabel 3.9" in nilai_pilihan(page, "Tabel anggaran")
    semua = jumlah_baris(page)
    assert semua == 21  # 2 programs, 6 kegiatan, 13 sub kegiatan
    klik_kotak(page, "PROGRAM PENANGANAN BENCANA")
    page.get_by_text("Hanya PROGRAM PENANGANAN BENCANA dan rinciannya").wait_for()
    baris = [b[0].strip() for b in baris_tabel(page)]  # the rows drawn (the grid draws only what is in view)
    assert baris[0] == "PROGRAM PENANGANAN BENCANA" and jumlah_baris(page) == 9
    assert "Penyediaan makanan" in baris and "Penyediaan permakanaan" not in baris  # the other program's line
    tangkap(page, "serapan_treemap_fokus")
    klik_kotak(page, "PROGRAM PENANGANAN BENCANA")  # the box the map is zoomed into: back to every line
    assert page.get_by_text("Hanya PROGRAM").count() == 0 and jumlah_baris(page) == semua
    klik_kotak(page, "PROGRAM REHABILITASI SOSIAL")
    assert page.get_by_text("Hanya PROGRAM REHABILITASI SOSIAL").count() == 1 and jumlah_baris(page) == 12


def test_log_aktivitas_admin_lokal_saring_dan_unduh(server, konteks):
    """Local mode is the admin: the activity log is in the navigation, filters and downloads what it shows."""
    page = konteks.halaman()
    buka(page, server)
    page.locator("[data-testid='stSidebarNav']").get_by_text("Log aktivitas", exact=True).click()
    tunggu_app(page)
    page.wait_for_url(re.compile(r"/log_aktivitas"))
    assert page.get_by_role("heading", name="Log aktivitas").is_visible()
    semua = baris_tabel(page)
    assert semua and {"Impor", "Klaim laporan"} <= {b[3] for b in semua}  # id, waktu, pengguna, aksi, ...
    page.locator("[data-testid='stMultiSelect']").filter(has_text="Aksi").first.click()
    page.get_by_role("option", name="Klaim laporan", exact=True).click()
    page.keyboard.press("Escape")
    tunggu_app(page)
    baris = baris_tabel(page)
    assert baris and len(baris) < len(semua) and {b[3] for b in baris} == {"Klaim laporan"}
    with page.expect_download() as unduh:
        page.get_by_role("button", name="Unduh CSV").click()
    berkas = unduh.value
    assert berkas.suggested_filename.startswith("log-aktivitas_") and berkas.suggested_filename.endswith(".csv")
    isi = open(berkas.path(), encoding="utf-8-sig").read()
    assert "Aksi" in isi.splitlines()[0] and isi.count("Klaim laporan") == len(baris) and "Impor" not in isi
    tangkap(page, "log_aktivitas")


@pytest.mark.parametrize("bahasa, tombol, batas", [("id", "Pilih berkas", "Maks. 20 MB per berkas"),
                                                   ("en", "Choose a file", "Max. 20 MB per file")])
def test_pengunggah_tanpa_teks_inggris_sisa(server, konteks, bahasa, tombol, batas):
    """The uploader's own texts are drawn in the page's language (Streamlit's own stay hidden)."""
    page = konteks.halaman()
    buka(page, f"{server}/unggah?bahasa={bahasa}")
    zona = page.locator("[data-testid='stFileUploaderDropzone']")
    zona.wait_for()
    tampak = zona.evaluate("""z => {
        const teks = el => { const s = getComputedStyle(el), a = getComputedStyle(el, '::after');
                             return parseFloat(s.fontSize) > 0 ? el.textContent : a.content.replace(/^"|"$/g, ''); };
        return [teks(z.querySelector('button p')), teks(z.querySelector("[data-testid='stFileUploaderDropzoneInstructions'] span"))]; }""")
    assert tampak[0] == tombol and tampak[1].startswith(batas) and "XLSX" in tampak[1]
    zona.screenshot(path=str(ARTEFAK / f"1366_pengunggah_{bahasa}.png"))


def test_efisiensi_hover_angka_indonesia(server, konteks):
    """The efficiency chart sends numbers and plotly formats them with the layout's separators: the hover reads
    as the reports print (LKjIP Bekasi 2023: a sasaran at capaian 100% and serapan 82,42% of Rp 10.862.021.300)."""
    page = konteks.halaman()
    buka(page, f"{server}/efisiensi?instansi=Dinas+Sosial+Kota+Bekasi")
    titik = page.locator(".js-plotly-plot .scatterlayer .point")
    titik.first.wait_for()
    teks = []
    for i in range(titik.count()):
        kotak = titik.nth(i).bounding_box()
        page.mouse.move(kotak["x"] + kotak["width"] / 2, kotak["y"] + kotak["height"] / 2)
        page.wait_for_timeout(300)
        teks.append(" ".join(page.eval_on_selector_all(".hoverlayer text", "els => els.map(e => e.textContent)")))
    assert any("Capaian 100,00%" in t and "Serapan 82,42%" in t and "Rp 10.862.021.300" in t for t in teks), teks
    assert not any("." in t.split("Serapan ")[1][:6] for t in teks if "Serapan " in t)  # a decimal comma, not a point
