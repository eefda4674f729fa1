"""The load driver speaks Streamlit's WebSocket protocol as a browser does (scripts/beban_ws.py): two
sessions at once on a real server with the bundled data, each view runs to script_finished and carries
what the page shows; the query string of a view reaches the page's filters; a wrong page is an error."""
import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor

from conftest import ROOT, server_streamlit

sys.path.insert(0, str(ROOT / "scripts"))
import beban_ws  # noqa: E402


def _jalankan(coro):
    """asyncio.run in a thread of its own: a browser test earlier in the session (Playwright's sync API)
    leaves an event loop running in this one."""
    with ThreadPoolExecutor(1) as ex:
        return ex.submit(asyncio.run, coro).result()


def test_dua_sesi_lewat_websocket(db_bawaan):
    parepare = beban_ws.query({"s_instansi": "Dinas Sosial Kota Parepare", "s_tahun": "2023"})
    with server_streamlit(db_bawaan) as url:
        sesi, detik = _jalankan(beban_ws.serentak(url, [[("", "")], [("serapan", parepare)]], batas_tampilan=60,
                                                    simpan_teks=True))
        (ringkasan,), (serapan,) = sesi
        for t in (ringkasan, serapan):
            assert t.galat is None, t.galat
            assert t.byte > 5000 and t.pesan > 10 and t.elemen.get("exception", 0) == 0
        assert "Dasbor LKjIP" in ringkasan.teks  # the page title, then one card per bundled agency
        for nama in ("Dinas Sosial Kota Bekasi", "Dinas Sosial Kota Parepare", "Dinas Sosial Kota Pasuruan"):
            assert f"**{nama}**" in ringkasan.teks, ringkasan.teks
        assert ringkasan.elemen.get("plotly_chart") and ringkasan.elemen.get("dataframe")
        # the headline figures of the agency-year asked for in the query string, citing its report
        assert "Serapan anggaran" in serapan.teks
        sumber = " ".join(x for x in serapan.teks if x.startswith("Pagu dari"))
        assert "Parepare 2023" in sumber and "Bekasi" not in sumber, serapan.teks

        (salah,), = _jalankan(beban_ws.serentak(url, [[("tidak-ada", "")]], batas_tampilan=60))[0]
        assert salah.galat and "tidak ditemukan" in salah.galat
    assert detik < 60
