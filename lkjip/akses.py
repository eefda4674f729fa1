"""Who may write: the upload password (stored and compared as a scrypt hash), attempt limiting,
and the list of writers allowed through OIDC sign-in. Pure functions; the page asks ``web``.

Configuration, in ``.streamlit/secrets.toml`` or the environment:

    [unggah]
    password_hash = "scrypt$16384$8$1$<salt>$<hash>"   # python -m lkjip hash-password
    penulis = ["perencana@bappeda.go.id"]               # writers allowed when OIDC ([auth]) is on

    LKJIP_UPLOAD_PASSWORD_HASH=...   LKJIP_WRITERS=a@x.go.id,b@y.go.id

With neither a password nor OIDC configured the app runs in single-user local mode.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Mapping

_N, _R, _P = 2**14, 8, 1


def buat_hash(kata_sandi: str, garam: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` for a password (what goes into secrets.toml)."""
    garam = garam or secrets.token_bytes(16)
    h = hashlib.scrypt(kata_sandi.encode("utf-8"), salt=garam, n=_N, r=_R, p=_P, dklen=32)
    return "$".join(["scrypt", str(_N), str(_R), str(_P), base64.b64encode(garam).decode(), base64.b64encode(h).decode()])


def cocok(kata_sandi: str, tersimpan: str) -> bool:
    """Constant-time check of a password against a stored hash; False for a malformed hash."""
    try:
        skema, n, r, p, garam, h = tersimpan.split("$")
        if skema != "scrypt":
            return False
        hitung = hashlib.scrypt(kata_sandi.encode("utf-8"), salt=base64.b64decode(garam), n=int(n), r=int(r), p=int(p),
                                dklen=len(base64.b64decode(h)))
        return hmac.compare_digest(hitung, base64.b64decode(h))
    except (ValueError, TypeError):
        return False


@dataclass
class Pembatas:
    """At most ``maks`` failed attempts per key within ``jendela`` seconds; then wait until the oldest expires."""

    maks: int = 5
    jendela: float = 600.0
    jam: Callable[[], float] = time.monotonic
    _gagal: dict[str, list[float]] = field(default_factory=dict)
    _kunci: threading.Lock = field(default_factory=threading.Lock)

    def tunggu(self, kunci: str) -> float:
        """Seconds to wait before the next attempt is allowed (0 = allowed now)."""
        with self._kunci:
            sekarang = self.jam()
            daftar = [t for t in self._gagal.get(kunci, []) if sekarang - t < self.jendela]
            self._gagal[kunci] = daftar
            return 0.0 if len(daftar) < self.maks else self.jendela - (sekarang - daftar[0])

    def catat_gagal(self, kunci: str) -> None:
        with self._kunci:
            self._gagal.setdefault(kunci, []).append(self.jam())

    def bersihkan(self, kunci: str) -> None:
        with self._kunci:
            self._gagal.pop(kunci, None)


@dataclass(frozen=True)
class Pengaturan:
    password_hash: str | None
    penulis: tuple[str, ...]
    oidc: bool

    @property
    def mode(self) -> str:
        """``oidc``, ``sandi`` or ``lokal`` (no protection configured: single-user local mode)."""
        if self.oidc:
            return "oidc"
        if self.password_hash:
            return "sandi"
        return "lokal"


def pengaturan(rahasia: Mapping, env: Mapping[str, str] | None = None) -> Pengaturan:
    """Read the write-protection settings from st.secrets (a mapping) and the environment."""
    env = os.environ if env is None else env
    unggah = rahasia.get("unggah", {}) if hasattr(rahasia, "get") else {}
    ph = env.get("LKJIP_UPLOAD_PASSWORD_HASH") or unggah.get("password_hash") or None
    penulis = env.get("LKJIP_WRITERS")
    daftar = [p.strip().lower() for p in penulis.split(",")] if penulis else [str(p).lower() for p in unggah.get("penulis", [])]
    auth = rahasia.get("auth", {}) if hasattr(rahasia, "get") else {}
    oidc = bool(auth and (auth.get("client_id") or any(isinstance(v, Mapping) and v.get("client_id") for v in auth.values())))
    return Pengaturan(ph, tuple(p for p in daftar if p), oidc)


def penulis_diizinkan(surel: str | None, p: Pengaturan) -> bool:
    return bool(surel) and surel.strip().lower() in p.penulis
