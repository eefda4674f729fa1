"""Browser test: a planner uploads a form the importer cannot fully understand, corrects it in the page,
saves an import profile, and the next quarter's file is read with it; screenshots at 1366 px."""
import korpus_bentuk
from conftest import ARTEFAK, tunggu_app
from lkjip import label

NAMA = "Monev keuangan Madiun (peramban)"


def _unggah(page, path):
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(path))
    tunggu_app(page)


def _pilih(page, label, opsi):
    kotak = page.locator("[data-testid='stSelectbox']").filter(has_text=label).first
    kotak.scroll_into_view_if_needed()
    kotak.locator("input").first.click()
    page.keyboard.type(opsi)
    page.get_by_role("option", name=opsi, exact=True).first.click()
    tunggu_app(page)


def test_koreksi_profil_triwulan_berikut(server_app, peramban, tmp_path):
    ctx = peramban.new_context(viewport={"width": 1366, "height": 2000}, locale="id-ID")
    page = ctx.new_page()
    try:
        tw1, tw2 = tmp_path / "monev_madiun_tw1.xlsx", tmp_path / "monev_madiun_tw2.xlsx"
        tw1.write_bytes(korpus_bentuk.monev_madiun(1))
        tw2.write_bytes(korpus_bentuk.monev_madiun(2))
        page.goto(f"{server_app}/unggah")
        tunggu_app(page)
        _unggah(page, tw1)
        page.get_by_text("tidak ada tabel yang dikenali", exact=False).first.wait_for()
        isian = page.get_by_label("Baris judul kolom", exact=True)
        isian.fill("3")
        isian.press("Enter")
        tunggu_app(page)
        _pilih(page, "Jenis tabel", "anggaran")
        page.get_by_role("button", name="Baca sebagai tabel").click()
        tunggu_app(page)
        page.get_by_text("Koreksi: kolom, baris judul, satuan").first.wait_for()
        _pilih(page, "Kolom C dibaca sebagai", label.judul_kolom("pagu"))
        _pilih(page, "Kolom D dibaca sebagai", label.judul_kolom("realisasi"))
        page.get_by_text("Rp 1.400.000.000").first.wait_for(state="attached")  # totals read: pagu of the two programs
        if not page.get_by_label("Nama profil").first.is_visible():  # opened by itself once something was corrected
            page.get_by_text("Simpan koreksi ini sebagai profil impor").click()
        page.get_by_label("Nama profil").first.fill(NAMA)
        page.get_by_role("button", name="Simpan profil").click()
        tunggu_app(page)
        page.get_by_text("tersimpan; ditawarkan lagi").first.wait_for()
        ARTEFAK.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTEFAK / "unggah_koreksi_1366.png"), full_page=True)
        # next quarter
        _unggah(page, tw2)
        page.get_by_text(f"Profil impor {NAMA} cocok").first.wait_for()
        page.get_by_text("Rp 710.000.000").first.wait_for(state="attached")  # realisasi TW II read with the profile
        assert page.locator("[data-testid='stException']").count() == 0
        page.screenshot(path=str(ARTEFAK / "unggah_profil_1366.png"), full_page=True)
    except Exception:
        page.screenshot(path=str(ARTEFAK / "unggah_koreksi_gagal.png"), full_page=True)
        raise
    finally:
        ctx.close()


def test_pratinjau_renja_1366(server_app, peramban, tmp_path):
    ctx = peramban.new_context(viewport={"width": 1366, "height": 3200}, locale="id-ID")
    page = ctx.new_page()
    try:
        f = tmp_path / "evaluasi_renja_2024.xlsx"
        f.write_bytes(next(k.data for k in korpus_bentuk.kasus() if k.nama == "renja_86_2017"))
        page.goto(f"{server_app}/unggah")
        tunggu_app(page)
        _unggah(page, f)
        page.get_by_text("Yang dipahami").first.wait_for()
        page.get_by_text("Permendagri 86/2017").first.wait_for()
        assert page.locator("[data-testid='stException']").count() == 0
        page.screenshot(path=str(ARTEFAK / "unggah_renja_1366.png"), full_page=True)
    finally:
        ctx.close()


def test_renja_triwulan_dan_koreksi_baris_judul_1366(server_app, peramban, tmp_path):
    """The Renja form filled during the year: the indicators' quarters in the preview, the year in progress and
    the polarity only suggested as warnings; then a form whose 'Triwulan' label sits alone above the header:
    the planner adds that row to the header rows and the form keeps its K/Rp reading."""
    ctx = peramban.new_context(viewport={"width": 1366, "height": 3200}, locale="id-ID")
    page = ctx.new_page()
    try:
        f = tmp_path / "evaluasi_renja_2024_tw3.xlsx"
        f.write_bytes(next(k.data for k in korpus_bentuk.kasus() if k.nama == "renja_86_2017_tw3"))
        page.goto(f"{server_app}/unggah")
        tunggu_app(page)
        _unggah(page, f)
        page.get_by_text("Realisasi kinerja per triwulan terbaca untuk 5 indikator: TW I–III").first.wait_for()
        page.get_by_text("polaritas belum ditetapkan dari bukti", exact=False).first.wait_for()
        ARTEFAK.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTEFAK / "unggah_renja_tw3_1366.png"), full_page=True)
        data, _ = korpus_bentuk._renja(tw_terpisah=True)
        g = tmp_path / "evaluasi_renja_2024.xlsx"
        g.write_bytes(data)
        _unggah(page, g)
        page.get_by_text("tanpa judul 'Triwulan'", exact=False).first.wait_for(state="attached")
        koreksi = page.locator("[data-testid='stExpander']").filter(has_text="Koreksi: kolom, baris judul, satuan")
        assert koreksi.count() == 3  # one per table of the form: anggaran, indikator, renstra
        tabel2 = koreksi.nth(1)
        tabel2.get_by_text("Koreksi: kolom, baris judul, satuan").click()  # the indicator table's corrections
        isian = tabel2.get_by_label("Baris judul kolom (mis. 5 atau 5, 6)")
        isian.scroll_into_view_if_needed()
        isian.fill("4, 5, 6, 7")
        isian.press("Enter")
        tunggu_app(page)
        page.get_by_text("Realisasi kinerja per triwulan terbaca untuk 5 indikator: TW I–IV").first.wait_for()
        assert page.get_by_text("judul kolom baris 4, 5, 6, 7", exact=False).count() == 3
        # every table's correction widgets show the new reading: another click changes nothing back
        tabel1 = koreksi.nth(0)
        if not tabel1.get_by_label("Baris judul kolom (mis. 5 atau 5, 6)").is_visible():
            tabel1.get_by_text("Koreksi: kolom, baris judul, satuan").click()
        assert tabel1.get_by_label("Baris judul kolom (mis. 5 atau 5, 6)").input_value() == "4, 5, 6, 7"
        # another change sends every widget's state back to the app: nothing returns to the old header rows
        skala = tabel1.locator("[data-testid='stSelectbox']").filter(has_text="Satuan angka rupiah")
        skala.scroll_into_view_if_needed()
        skala.locator("input").first.click()
        page.keyboard.type("ribuan")
        page.get_by_role("option").filter(has_text="ribuan").first.click()
        tunggu_app(page)
        page.get_by_text("pilihan pengguna", exact=False).first.wait_for(state="attached")
        assert page.get_by_text("judul kolom baris 4, 5, 6, 7", exact=False).count() == 3
        assert page.locator("[data-testid='stException']").count() == 0
        page.screenshot(path=str(ARTEFAK / "unggah_renja_koreksi_1366.png"), full_page=True)
    except Exception:
        page.screenshot(path=str(ARTEFAK / "unggah_renja_gagal.png"), full_page=True)
        raise
    finally:
        ctx.close()
