"""A Streamlit session without a browser: the app's own WebSocket protocol (``/_stcore/stream``).

A browser opens one WebSocket per tab, sends a ``BackMsg`` ``rerun_script`` with its URL's query string
and the page's URL path, and draws the ``ForwardMsg``s that come back until ``script_finished``. This
module does the same with Streamlit's protobuf messages (``streamlit.proto``) and the ``websockets``
client, so that tens of sessions can be driven from one process on a small machine, where browsers
would use the CPU long before the server does. It measures, per page view: the time from the request
to ``script_finished``, the bytes and number of ForwardMsgs, the elements drawn, and what went wrong
(an exception element, an error box, a page not found, a timeout, a closed connection).
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

SELESAI = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


def _awal_galat_app() -> tuple[str, ...]:
    """How the app's own failure boxes begin (app.py: a page that raised, a database that cannot be opened),
    in both languages; other error boxes are the data's flags (e.g. realisasi above pagu), not failures."""
    from lkjip import label

    return tuple(label.teks(k, b).split("{")[0][:40] for k in ("galat.halaman", "galat.db") for b in ("id", "en"))
# the element kinds whose text is kept (to check what a view shows); others are only counted
_TEKS = {"markdown": "body", "heading": "body", "text": "body", "alert": "body", "exception": "message",
         "metric": "label", "code": "code_text"}


@dataclass
class Tampilan:
    """One page view as the server sent it."""

    halaman: str
    detik: float = 0.0
    byte: int = 0  # bytes of the ForwardMsg frames
    pesan: int = 0  # number of ForwardMsgs
    elemen: dict[str, int] = field(default_factory=dict)  # element kind -> count
    byte_elemen: dict[str, int] = field(default_factory=dict)  # element kind -> bytes of its ForwardMsgs
    teks: list[str] = field(default_factory=list)  # markdown, headings, alerts, metric labels...
    galat: str | None = None  # why the view failed: exception, the app's error box, page not found, timeout
    kotak_galat: int = 0  # error boxes the page shows about the data (not failures)

    def ringkas(self) -> dict:
        return {"halaman": self.halaman, "detik": round(self.detik, 4), "byte": self.byte, "pesan": self.pesan,
                "elemen": self.elemen, "byte_elemen": self.byte_elemen, "galat": self.galat, "kotak_galat": self.kotak_galat}


def url_ws(url: str) -> str:
    """http://host:port/base -> ws://host:port/base/_stcore/stream"""
    u = urlsplit(url)
    skema = "wss" if u.scheme == "https" else "ws"
    return f"{skema}://{u.netloc}{u.path.rstrip('/')}/_stcore/stream"


def query(param: dict[str, str | list[str]]) -> str:
    """The query string of a view (the app keeps its filters in the URL: lkjip/tautan.py)."""
    return urlencode({k: v for k, v in param.items() if v not in (None, "", [])}, doseq=True)


def _permintaan(halaman: str, qs: str) -> bytes:
    m = BackMsg()
    m.rerun_script.query_string = qs
    m.rerun_script.page_name = halaman  # the page's URL path, as the browser sends it for a link
    m.rerun_script.page_script_hash = ""
    return m.SerializeToString()


_AWAL_GALAT = _awal_galat_app()


class Sesi:
    """One browser tab: one WebSocket, several page views one after the other."""

    def __init__(self, url: str, batas_tampilan: float = 60.0, simpan_teks: bool = False):
        self.url, self.batas_tampilan, self.simpan_teks = url, batas_tampilan, simpan_teks
        self.ws = None
        self.byte_lain = 0  # bytes between views (heartbeats, a late message)

    async def __aenter__(self) -> "Sesi":
        import websockets

        self.ws = await websockets.connect(url_ws(self.url), subprotocols=["streamlit"], max_size=None,
                                           open_timeout=self.batas_tampilan, ping_interval=None, compression=None)
        return self

    async def __aexit__(self, *exc) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def tampilkan(self, halaman: str, qs: str = "") -> Tampilan:
        """Request a run of ``halaman`` (URL path, "" for the default page) with query string ``qs`` and read
        until the script finishes."""
        t = Tampilan(halaman or "(bawaan)")
        mulai = time.perf_counter()
        galat: list[str] = []
        try:
            await self.ws.send(_permintaan(halaman, qs))
            akhir = mulai + self.batas_tampilan
            while True:
                sisa = akhir - time.perf_counter()
                if sisa <= 0:
                    raise asyncio.TimeoutError
                data = await asyncio.wait_for(self.ws.recv(), sisa)
                if isinstance(data, str):
                    continue
                t.byte += len(data)
                t.pesan += 1
                m = ForwardMsg()
                m.ParseFromString(data)
                jenis = m.WhichOneof("type")
                if jenis == "delta" and m.delta.WhichOneof("type") == "new_element":
                    el = m.delta.new_element
                    k = el.WhichOneof("type") or "?"
                    t.elemen[k] = t.elemen.get(k, 0) + 1
                    t.byte_elemen[k] = t.byte_elemen.get(k, 0) + len(data)
                    if k in _TEKS and self.simpan_teks:
                        t.teks.append(getattr(getattr(el, k), _TEKS[k]))
                    if k == "exception":
                        galat.append(f"exception: {el.exception.type}: {el.exception.message[:200]}")
                    elif k == "alert" and el.alert.format == el.alert.ERROR:
                        if el.alert.body.startswith(_AWAL_GALAT):
                            galat.append(f"galat aplikasi: {el.alert.body[:200]}")
                        else:
                            t.kotak_galat += 1
                elif jenis == "page_not_found":
                    galat.append(f"halaman tidak ditemukan: {m.page_not_found.page_name or halaman}")
                elif jenis == "script_finished" and m.script_finished in SELESAI:
                    if m.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                        galat.append("skrip gagal dikompilasi")
                    break
        except asyncio.TimeoutError:
            galat.append(f"batas waktu {self.batas_tampilan:g} s")
        except Exception as e:  # a closed connection, a refused one: counted, never a crash of the driver
            galat.append(f"{type(e).__name__}: {e}"[:200])
        t.detik = time.perf_counter() - mulai
        t.galat = "; ".join(galat) or None
        return t


async def jalankan_sesi(url: str, rencana: list[tuple[str, str]], batas_tampilan: float = 60.0, tenggat: float | None = None,
                        simpan_teks: bool = False) -> list[Tampilan]:
    """One session: connect, then each (page URL path, query string) of ``rencana`` in turn; stops
    early at ``tenggat`` (time.perf_counter()). A session that cannot connect gives one failed view."""
    hasil: list[Tampilan] = []
    try:
        async with Sesi(url, batas_tampilan, simpan_teks) as s:
            for halaman, qs in rencana:
                if tenggat is not None and time.perf_counter() > tenggat:
                    break
                hasil.append(await s.tampilkan(halaman, qs))
    except Exception as e:
        hasil.append(Tampilan(rencana[0][0] if rencana else "", galat=f"sambungan: {type(e).__name__}: {e}"[:200]))
    return hasil


async def serentak(url: str, rencana_per_sesi: list[list[tuple[str, str]]], batas_tampilan: float = 60.0,
                   batas_total: float | None = None, simpan_teks: bool = False) -> tuple[list[list[Tampilan]], float]:
    """Every session at once (one task each); returns each session's views and the wall time."""
    mulai = time.perf_counter()
    tenggat = mulai + batas_total if batas_total else None
    hasil = await asyncio.gather(*(jalankan_sesi(url, r, batas_tampilan, tenggat, simpan_teks) for r in rencana_per_sesi))
    return list(hasil), time.perf_counter() - mulai


def persentil(nilai: list[float], q: float) -> float | None:
    if not nilai:
        return None
    urut = sorted(nilai)
    posisi = (len(urut) - 1) * q
    bawah = int(posisi)
    atas = min(bawah + 1, len(urut) - 1)
    return urut[bawah] + (urut[atas] - urut[bawah]) * (posisi - bawah)
