"""A long table is sent a page at a time (web_tabel.potong_halaman): at national scale Efisiensi and Kualitas
data sent every row to every browser on every view (megabytes of ForwardMsgs)."""
from streamlit.testing.v1 import AppTest


def _skrip(n: int):
    import pandas as pd
    import streamlit as st

    from lkjip import label, web_tabel

    class S:
        bahasa = "id"

        @staticmethod
        def t(k, **isi):
            return label.teks(k, "id", **isi)

    df = pd.DataFrame({"instansi": [f"Dinas Sosial {i}" for i in range(n)], "nilai": range(n)})
    bagian, awal = web_tabel.potong_halaman(df, S(), "uji", 500)
    st.dataframe(bagian)
    st.text(f"awal={awal} baris={len(bagian)} pertama={bagian['nilai'].iloc[0]}")


def test_tabel_panjang_per_halaman():
    at = AppTest.from_function(_skrip, args=(1234,)).run()
    assert not at.exception
    assert at.text[0].value == "awal=0 baris=500 pertama=0"
    assert at.number_input[0].label == "Halaman tabel (dari 3)"
    assert "Baris 1–500 dari 1.234" in at.caption[0].value and "semua baris" in at.caption[0].value
    at.number_input[0].set_value(3).run()
    assert at.text[0].value == "awal=1000 baris=234 pertama=1000"
    assert "Baris 1.001–1.234 dari 1.234" in at.caption[0].value


def test_tabel_panjang_diurutkan_semua_baris():
    # the grid's header sort sees one page; the sort above the table orders every row before the page is cut
    at = AppTest.from_function(_skrip, args=(1234,)).run()
    at.selectbox(key="urut_uji").set_value("nilai").run()
    at.toggle(key="turun_uji").set_value(True).run()
    assert not at.exception
    assert at.text[0].value == "awal=0 baris=500 pertama=1233"
    at.number_input[0].set_value(3).run()
    assert at.text[0].value == "awal=1000 baris=234 pertama=233"
    assert "hanya mengurutkan halaman ini" in at.caption[0].value


def test_urut_kolom_campuran_tidak_gagal():
    def skrip():
        import pandas as pd
        import streamlit as st

        from lkjip import label, web_tabel

        class S:
            bahasa = "id"

            @staticmethod
            def t(k, **isi):
                return label.teks(k, "id", **isi)

        df = pd.DataFrame({"nilai": [3.5, "BB", None, 1.0] * 40})
        bagian, _ = web_tabel.potong_halaman(df, S(), "campur", 100)
        st.text(",".join(str(v) for v in bagian["nilai"].head(3)))

    at = AppTest.from_function(skrip).run()
    at.selectbox(key="urut_campur").set_value("nilai").run()
    assert not at.exception and at.text[0].value == "1.0,1.0,1.0"  # as text: "1.0" < "3.5" < "BB", empty last


def test_tabel_pendek_utuh_tanpa_kontrol():
    at = AppTest.from_function(_skrip, args=(500,)).run()
    assert not at.exception
    assert at.text[0].value == "awal=0 baris=500 pertama=0"
    assert not at.number_input and not at.caption
