"""Page tests with Streamlit's AppTest on the bundled data and on an empty database."""
import os

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

APP = ROOT / "app.py"


@pytest.fixture
def app(db, monkeypatch):
    monkeypatch.setenv("LKJIP_DB", str(db))
    return AppTest.from_file(str(APP), default_timeout=60)


def test_ringkasan_data_bawaan(app):
    at = app.run()
    assert not at.exception
    assert [m.value for m in at.metric][:1] == ["3"]
    assert len(at.dataframe) == 2


def test_ringkasan_kosong(tmp_path, monkeypatch):
    from lkjip.bawaan import buat_db

    db = buat_db(tmp_path / "kosong.duckdb", kosong=True)
    monkeypatch.setenv("LKJIP_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert "Belum ada data" in at.info[0].value
