"""A page's figures computed up front (lkjip.web_data.serentak): side by side on a server database (they really
run at the same time), one after the other in the script's thread on DuckDB; each result is then read from the
cache without computing it again, and a failure is left for the page's own call."""
import threading

import pytest
import streamlit as st

from lkjip import web_data


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setattr(web_data, "_berdampingan", lambda: True)


def test_figur_dihitung_bersamaan_lalu_dibaca_dari_cache(server):
    bersama = threading.Barrier(3, timeout=10)  # passes only when the three are running at the same time
    dihitung = []

    @st.cache_resource(show_spinner=False)
    def figur(nama: str) -> str:
        dihitung.append(nama)
        bersama.wait()
        return nama.upper()

    figur.clear()
    web_data.serentak(lambda: figur("a"), lambda: figur("b"), lambda: figur("c"))
    assert sorted(dihitung) == ["a", "b", "c"]
    assert [figur(n) for n in "abc"] == ["A", "B", "C"] and len(dihitung) == 3  # read from the cache


def test_di_duckdb_berurutan_di_utas_skrip(monkeypatch):
    monkeypatch.setattr(web_data, "_berdampingan", lambda: False)
    utas = []
    web_data.serentak(*(lambda: utas.append(threading.current_thread()) for _ in range(3)))
    assert utas == [threading.current_thread()] * 3


def test_berdampingan_hanya_di_server(tmp_path, monkeypatch):
    from lkjip.store import Store

    monkeypatch.setattr(web_data, "store", lambda: Store(tmp_path / "uji.duckdb"))
    assert not web_data._berdampingan()


def test_galat_dibiarkan_untuk_panggilan_halaman(server):
    dipanggil = []

    def gagal():
        dipanggil.append(threading.current_thread().name)
        raise ValueError("basis data tidak menjawab")

    web_data.serentak(lambda: dipanggil.append("pertama"), gagal)  # nothing raised here
    assert "pertama" in dipanggil and any(n.startswith("lkjip-figur") for n in dipanggil if n != "pertama")
    with pytest.raises(ValueError):  # the page's own call meets the failure and reports it
        gagal()
