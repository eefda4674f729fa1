"""Sign-in attempt limits, per user name and per client address, kept in the database.

An attempt is first *reserved* (``Pembatas.mulai``): in one serialised transaction the recent failures
of both keys are counted — attempts still being checked count as failures — and, if neither key must
wait, a row per key is written. Only then is the password checked (scrypt, slow on purpose), and the
attempt marked failed or, on success, the user's failures cleared (``selesai``). So N parallel attempts
cannot all be tried: at most ``maks`` pass the reservation. Past ``maks`` failures a key waits
``dasar`` seconds after its last failure, doubling with each further failure, at most ``maks_tunggu``.
Failures older than ``jendela`` are forgotten. Because the rows live in the database, neither a new
browser session nor a restart resets them, and one key's lockout leaves every other key alone.
"""
from __future__ import annotations

import ipaddress
import os
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from .pengaturan import Pengaturan
from .peran import Pengguna
from .sandi import HASH_TIRUAN, cocok


@dataclass(frozen=True)
class Batas:
    maks: int  # failures allowed before the first wait
    dasar: float = 30.0  # first wait in seconds, doubled per further failure
    maks_tunggu: float = 900.0


BATAS_PENGGUNA = Batas(5)
BATAS_ALAMAT = Batas(10)
JENDELA = 3600.0


class Pembatas:
    def __init__(self, store, pengguna: Batas = BATAS_PENGGUNA, alamat: Batas = BATAS_ALAMAT, jendela: float = JENDELA,
                 jam: Callable[[], float] = time.time):
        self.store, self.batas_pengguna, self.batas_alamat, self.jendela, self.jam = store, pengguna, alamat, jendela, jam

    def _tunggu(self, cur, kunci: str, batas: Batas, sekarang: float) -> float:
        n, terakhir = cur.execute("SELECT count(*), max(waktu) FROM percobaan_masuk WHERE kunci = ? AND waktu > ?",
                                  [kunci, sekarang - self.jendela]).fetchone()
        if n < batas.maks:
            return 0.0
        jeda = min(batas.dasar * 2.0 ** min(n - batas.maks, 30), batas.maks_tunggu)
        return max(0.0, terakhir + jeda - sekarang)

    def tunggu(self, nama: str, alamat: str) -> float:
        """Seconds before this user from this address may try again (0 = now); writes nothing."""
        with self.store.kunci_tulis(), self.store.kursor() as cur:
            s = self.jam()
            return max(self._tunggu(cur, f"pengguna:{nama}", self.batas_pengguna, s),
                       self._tunggu(cur, f"alamat:{alamat}", self.batas_alamat, s))

    def mulai(self, nama: str, alamat: str) -> tuple[int | None, float]:
        """Reserve one attempt atomically: ``(ticket, 0)``, or ``(None, seconds to wait)`` (nothing recorded)."""
        with self.store.transaksi(naikkan_versi=False) as cur:
            s = self.jam()
            cur.execute("DELETE FROM percobaan_masuk WHERE waktu <= ?", [s - self.jendela])
            kunci = (f"pengguna:{nama}", f"alamat:{alamat}")
            tunggu = max(self._tunggu(cur, kunci[0], self.batas_pengguna, s), self._tunggu(cur, kunci[1], self.batas_alamat, s))
            if tunggu > 0:
                return None, tunggu
            tiket = cur.execute("SELECT nextval('seq_percobaan')").fetchone()[0]
            cur.executemany("INSERT INTO percobaan_masuk VALUES (?, ?, ?, 'berjalan')", [[tiket, k, s] for k in kunci])
            return tiket, 0.0

    def selesai(self, tiket: int, nama: str, berhasil: bool) -> None:
        """Close a reserved attempt: a failure stays counted; a success clears the user's failures
        (not the address's: one valid account must not reset the count against guessing others)."""
        with self.store.transaksi(naikkan_versi=False) as cur:
            if berhasil:
                cur.execute("DELETE FROM percobaan_masuk WHERE tiket = ? OR kunci = ?", [tiket, f"pengguna:{nama}"])
            else:
                cur.execute("UPDATE percobaan_masuk SET hasil = 'gagal' WHERE tiket = ?", [tiket])


@dataclass(frozen=True)
class HasilMasuk:
    pengguna: Pengguna | None  # None: refused
    tunggu: float = 0.0  # > 0: too many failures, nothing was checked


def masuk_sandi(pembatas: Pembatas, pengaturan: Pengaturan, nama: str, sandi: str, alamat: str) -> HasilMasuk:
    """Password sign-in with the limits. An unknown name costs the same time as a wrong password and
    counts against the same limits, so names cannot be probed."""
    nama = (nama or "").strip()
    tiket, tunggu = pembatas.mulai(nama, alamat)
    if tiket is None:
        return HasilMasuk(None, tunggu)
    akun = pengaturan.akun.get(nama)
    benar = cocok(sandi, akun.password_hash if akun and akun.password_hash else HASH_TIRUAN) and akun is not None
    pembatas.selesai(tiket, nama, benar)
    return HasilMasuk(pengaturan.pengguna_sandi(nama) if benar else None)


# --- the client's address ------------------------------------------------------------------------
def _host(teks: str) -> str:
    """'1.2.3.4', '1.2.3.4:5678', '[::1]:80' or '::1' -> the address alone."""
    teks = teks.strip()
    if teks.startswith("["):
        return teks[1:].split("]", 1)[0]
    if teks.count(":") == 1:
        return teks.split(":", 1)[0]
    return teks


def _di(alamat: str, jaringan: list) -> bool:
    try:
        ip = ipaddress.ip_address(alamat)
    except ValueError:
        return False
    return any(ip.version == j.version and ip in j for j in jaringan)


def _jaringan(daftar: Iterable[str]) -> list:
    hasil = []
    for d in daftar:
        try:
            hasil.append(ipaddress.ip_network(d.strip(), strict=False))
        except ValueError:
            continue
    return hasil


def alamat_klien(alamat_soket: str | None, forwarded_for: Iterable[str] | str | None, proksi: Iterable[str],
                 env: Mapping[str, str] | None = None) -> str:
    """The client address sign-in attempts are counted against.

    ``alamat_soket`` is what Streamlit reports (``st.context.ip_address``, None for loopback);
    ``forwarded_for`` the request's X-Forwarded-For values; ``proksi`` the configured trusted proxies.
    X-Forwarded-For is believed only when the connection came from a trusted proxy, and then the
    right-most address that is not itself a trusted proxy is the client (each proxy appends).

    Streamlit's web server (uvicorn) already replaces the peer by an X-Forwarded-For address when the
    peer is in its FORWARDED_ALLOW_IPS (default: loopback). That replacement is undone here: when the
    reported address is exactly what uvicorn would have picked from the header, the real peer was one
    of uvicorn's trusted hosts, and the header counts only if those are trusted proxies here too.
    """
    env = os.environ if env is None else env
    if isinstance(forwarded_for, str):
        forwarded_for = [forwarded_for]
    daftar = [_host(x) for nilai in (forwarded_for or []) for x in str(nilai).split(",") if x.strip()]
    percaya = _jaringan(proksi)
    uvi_teks = env.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
    uvi_semua = uvi_teks.strip() == "*"
    uvi = _jaringan(_host(x) for x in uvi_teks.split(",") if x.strip() and x.strip() != "*")
    peer = alamat_soket or "127.0.0.1"
    if daftar:
        pilihan_uvi = daftar[0] if uvi_semua else next((h for h in reversed(daftar) if not _di(h, uvi)), daftar[0])
        if alamat_soket is None or peer == pilihan_uvi:
            # the server rewrote the address: the real peer was one of its trusted hosts
            peer_dipercaya = (not uvi_semua) and bool(uvi) and all(any(u.subnet_of(j) for j in percaya if u.version == j.version)
                                                                     for u in uvi)
            if not peer_dipercaya:
                return "127.0.0.1" if not uvi_semua else "proksi-tidak-dikenal"
            return next((h for h in reversed(daftar) if not _di(h, percaya)), daftar[0])
    if daftar and _di(peer, percaya):
        return next((h for h in reversed(daftar) if not _di(h, percaya)), daftar[0])
    return peer
