"""Passwords, stored and compared only as scrypt hashes (``python -m lkjip hash-password`` makes one)."""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

_N, _R, _P = 2**14, 8, 1


def buat_hash(kata_sandi: str, garam: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` for a password (what goes into secrets.toml)."""
    garam = garam or secrets.token_bytes(16)
    h = hashlib.scrypt(kata_sandi.encode("utf-8"), salt=garam, n=_N, r=_R, p=_P, dklen=32)
    return "$".join(["scrypt", str(_N), str(_R), str(_P), base64.b64encode(garam).decode(), base64.b64encode(h).decode()])


def _urai(tersimpan: str) -> tuple[int, int, int, bytes, bytes] | None:
    try:
        skema, n, r, p, garam, h = str(tersimpan).split("$")
        if skema != "scrypt":
            return None
        n, r, p = int(n), int(r), int(p)
        garam_b, h_b = base64.b64decode(garam, validate=True), base64.b64decode(h, validate=True)
    except (ValueError, TypeError, binascii.Error):
        return None
    # bounds that keep one check cheap enough and meaningful (n a power of two)
    if not (2**10 <= n <= 2**17 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4 and len(garam_b) >= 8 and len(h_b) >= 16):
        return None
    return n, r, p, garam_b, h_b


def hash_sah(tersimpan: object) -> bool:
    """Whether a stored value is a usable scrypt hash (a typo in secrets.toml is caught at start-up)."""
    return isinstance(tersimpan, str) and _urai(tersimpan) is not None


def cocok(kata_sandi: str, tersimpan: str) -> bool:
    """Constant-time check of a password against a stored hash; False for a malformed hash."""
    u = _urai(tersimpan)
    if u is None:
        return False
    n, r, p, garam, h = u
    hitung = hashlib.scrypt(str(kata_sandi).encode("utf-8"), salt=garam, n=n, r=r, p=p, maxmem=2**27, dklen=len(h))
    return hmac.compare_digest(hitung, h)


# Checked when the user name is unknown, so a wrong name costs as much time as a wrong password.
HASH_TIRUAN = buat_hash("tidak-ada-pengguna-ini", garam=b"\x00" * 16)
