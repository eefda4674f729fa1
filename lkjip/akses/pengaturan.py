"""Who may sign in and with which role, read from ``.streamlit/secrets.toml`` and the environment.

Fail closed: a secrets file that exists but cannot be read, or a protection setting that cannot be
understood, makes the app read-only (mode ``tertutup``) with a message for the administrator. Local
single-user mode (everyone may write) only when chosen (``[akses] mode = "lokal"`` or
``LKJIP_AKSES_MODE=lokal``) or when nothing at all is configured (no secrets file, no variables).

    [akses]
    proksi_tepercaya = ["127.0.0.1"]      # X-Forwarded-For is believed only from these addresses/networks

    [akses.pengguna.sari]                 # password sign-in: one table per user
    password_hash = "scrypt$16384$8$1$..."   # python -m lkjip hash-password --pengguna sari ...
    peran = "operator"                    # pembaca | operator | reviewer | admin
    instansi = ["Dinas Sosial Kota Depok"]

    [akses.oidc]                          # with Streamlit's [auth] (st.login): e-mail lists per role
    admin = ["kepala@bappeda.go.id"]
    reviewer = ["auditor@inspektorat.go.id"]
    [akses.oidc.operator]
    "Dinas Sosial Kota Depok" = ["sari@dinsos.depok.go.id"]

Environment: ``LKJIP_AKSES`` holds the same ``[akses]`` content as TOML text (it replaces the file's
section); ``LKJIP_AKSES_MODE=lokal``. Still read, as before roles existed: ``[unggah] password_hash`` /
``LKJIP_UPLOAD_PASSWORD_HASH`` (one shared password: an admin named "unggah") and ``[unggah] penulis`` /
``LKJIP_WRITERS`` (e-mails of admins under OIDC).
"""
from __future__ import annotations

import ipaddress
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from .peran import PERAN, Pengguna
from .sandi import hash_sah

NAMA_BERSAMA = "unggah"  # the account of the legacy shared upload password
_KUNCI_AKSES = {"mode", "proksi_tepercaya", "pengguna", "oidc"}
_KUNCI_PENGGUNA = {"password_hash", "peran", "instansi"}
_KUNCI_OIDC = {"pembaca", "operator", "reviewer", "admin"}


@dataclass(frozen=True)
class Akun:
    peran: str
    instansi: frozenset[str] = frozenset()
    password_hash: str | None = None


@dataclass(frozen=True)
class Pengaturan:
    mode: str  # lokal | sandi | oidc | tertutup (read-only: configuration broken)
    akun: Mapping[str, Akun] = field(default_factory=dict)  # password users by name
    surel: Mapping[str, Akun] = field(default_factory=dict)  # OIDC users by lower-case e-mail
    proksi: tuple[str, ...] = ()
    masalah: tuple[str, ...] = ()  # why the app is read-only, for the administrator

    @property
    def nama_wajib(self) -> bool:
        """Whether the password form asks for a user name (named accounts exist)."""
        return any(n != NAMA_BERSAMA for n in self.akun)

    def pengguna_sandi(self, nama: str) -> Pengguna | None:
        a = self.akun.get(nama)
        return None if a is None else Pengguna(nama, a.peran, a.instansi, cara="sandi")

    def pengguna_oidc(self, surel: str | None) -> Pengguna:
        """The signed-in e-mail's role; anyone not listed is a viewer."""
        kunci = (surel or "").strip().lower()
        a = self.surel.get(kunci)
        return Pengguna(surel, a.peran if a else "pembaca", a.instansi if a else frozenset(), cara="oidc")


def berkas_rahasia(dasar: Iterable[Path] | None = None) -> list[Path]:
    """Where Streamlit looks for secrets.toml (the user's folder, then the app's), in that order."""
    dasar = list(dasar) if dasar is not None else [Path.home(), Path.cwd()]
    return [d / ".streamlit" / "secrets.toml" for d in dasar]


def _nama_tampil(path: Path) -> str:
    """A secrets file named for the message without the server's directories."""
    for dasar, awalan in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return awalan + str(path.resolve().relative_to(dasar.resolve()))
        except ValueError:
            continue
    return path.name


def periksa_berkas(paths: Iterable[Path]) -> tuple[dict, list[str]]:
    """Read the secrets files that exist: (merged content, problems). A problem is a file that exists
    but cannot be read or is not valid TOML: Streamlit then drops all secrets silently."""
    isi: dict = {}
    masalah: list[str] = []
    for path in paths:
        path = Path(path)
        nama = _nama_tampil(path)
        try:
            if not path.exists():
                continue
            teks = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            masalah.append(f"Berkas {nama} ada tetapi tidak dapat dibaca ({getattr(e, 'strerror', None) or e}).")
            continue
        try:
            isi.update(tomllib.loads(teks))
        except tomllib.TOMLDecodeError as e:
            masalah.append(f"Berkas {nama} bukan TOML yang sah: {e}. Perbaiki ketikannya.")
    return isi, masalah


def _daftar_teks(nilai: object, letak: str, masalah: list[str]) -> list[str]:
    if isinstance(nilai, str):
        nilai = [nilai]
    if not isinstance(nilai, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in nilai):
        masalah.append(f"{letak} harus daftar teks, misalnya [\"Dinas Sosial Kota Depok\"] (isinya: {type(nilai).__name__}).")
        return []
    return [v.strip() for v in nilai]


def _akun(nama: str, isi: object, masalah: list[str]) -> Akun | None:
    letak = f"[akses.pengguna.{nama}]"
    if not isinstance(isi, Mapping):
        masalah.append(f"{letak} harus tabel dengan password_hash, peran dan (untuk operator) instansi.")
        return None
    asing = set(isi) - _KUNCI_PENGGUNA
    if asing:
        masalah.append(f"{letak}: kunci tidak dikenal {', '.join(sorted(asing))} (yang dikenal: {', '.join(sorted(_KUNCI_PENGGUNA))}).")
    ph = isi.get("password_hash")
    if not hash_sah(ph):
        masalah.append(f"{letak}: password_hash tidak ada atau bukan hash scrypt yang sah; buat dengan "
                       f"python -m lkjip hash-password --pengguna {nama}.")
    peran = isi.get("peran", "pembaca")
    return _akun_peran(letak, peran, isi.get("instansi"), masalah, ph if hash_sah(ph) else None)


def _akun_peran(letak: str, peran: object, instansi: object, masalah: list[str], ph: str | None = None) -> Akun | None:
    if peran not in PERAN:
        masalah.append(f"{letak}: peran '{peran}' tidak dikenal; pilih salah satu dari {', '.join(PERAN)}.")
        return None
    daftar = _daftar_teks(instansi, f"{letak} instansi", masalah) if instansi is not None else []
    if peran == "operator" and not daftar:
        masalah.append(f"{letak}: operator memerlukan daftar instansi yang boleh ditulisnya.")
    if peran != "operator" and daftar:
        masalah.append(f"{letak}: instansi hanya berlaku untuk peran operator (peran ini: {peran}).")
    return Akun(peran, frozenset(daftar), ph)


_URUTAN = {p: i for i, p in enumerate(PERAN)}


def _gabung(surel: dict[str, Akun], alamat: str, akun: Akun) -> None:
    """One e-mail in several lists: operator agencies add up; otherwise the highest role wins."""
    lama = surel.get(alamat)
    if lama is None:
        surel[alamat] = akun
    elif lama.peran == akun.peran == "operator":
        surel[alamat] = Akun("operator", lama.instansi | akun.instansi)
    elif _URUTAN[akun.peran] > _URUTAN[lama.peran]:
        surel[alamat] = akun


def _oidc(isi: object, masalah: list[str]) -> dict[str, Akun]:
    surel: dict[str, Akun] = {}
    if not isinstance(isi, Mapping):
        masalah.append("[akses.oidc] harus tabel berisi daftar surel per peran (admin, reviewer, pembaca, operator).")
        return surel
    asing = set(isi) - _KUNCI_OIDC
    if asing:
        masalah.append(f"[akses.oidc]: kunci tidak dikenal {', '.join(sorted(asing))} (yang dikenal: {', '.join(sorted(_KUNCI_OIDC))}).")
    for peran in ("pembaca", "reviewer", "admin"):
        for a in _daftar_teks(isi.get(peran, []), f"[akses.oidc] {peran}", masalah):
            _gabung(surel, a.lower(), Akun(peran))
    op = isi.get("operator", {})
    if not isinstance(op, Mapping):
        masalah.append("[akses.oidc.operator] harus tabel: nama instansi = [daftar surel operatornya].")
    else:
        for inst, daftar in op.items():
            for a in _daftar_teks(daftar, f"[akses.oidc.operator] \"{inst}\"", masalah):
                _gabung(surel, a.lower(), Akun("operator", frozenset([inst.strip()])))
    return surel


def _proksi(isi: object, masalah: list[str]) -> tuple[str, ...]:
    hasil = []
    for p in _daftar_teks(isi, "[akses] proksi_tepercaya", masalah):
        try:
            hasil.append(str(ipaddress.ip_network(p, strict=False)))
        except ValueError:
            masalah.append(f"[akses] proksi_tepercaya: '{p}' bukan alamat IP atau jaringan (mis. 127.0.0.1 atau 10.0.0.0/24).")
    return tuple(hasil)


def _oidc_aktif(rahasia: Mapping) -> bool:
    auth = rahasia.get("auth")
    return isinstance(auth, Mapping) and bool(
        auth.get("client_id") or any(isinstance(v, Mapping) and v.get("client_id") for v in auth.values()))


def baca(rahasia: Mapping | None, env: Mapping[str, str] | None = None, masalah_berkas: Iterable[str] = ()) -> Pengaturan:
    """The protection settings from the secrets (a mapping, e.g. st.secrets.to_dict()) and the environment.

    ``masalah_berkas``: problems already found reading the secrets files (``periksa_berkas``).
    """
    env = os.environ if env is None else env
    rahasia = rahasia if isinstance(rahasia, Mapping) else {}
    masalah = list(masalah_berkas)
    akses = rahasia.get("akses", {})
    teks_env = env.get("LKJIP_AKSES")
    if teks_env:
        try:
            akses = tomllib.loads(teks_env)
        except tomllib.TOMLDecodeError as e:
            masalah.append(f"Variabel lingkungan LKJIP_AKSES bukan TOML yang sah: {e}.")
            akses = {}
    if not isinstance(akses, Mapping):
        masalah.append("[akses] harus tabel TOML (lihat README, bagian perlindungan).")
        akses = {}
    asing = set(akses) - _KUNCI_AKSES
    if asing:
        masalah.append(f"[akses]: kunci tidak dikenal {', '.join(sorted(asing))} (yang dikenal: {', '.join(sorted(_KUNCI_AKSES))}).")
    mode = env.get("LKJIP_AKSES_MODE") or akses.get("mode")
    if mode not in (None, "lokal"):
        masalah.append(f"mode akses '{mode}' tidak dikenal; satu-satunya nilai adalah \"lokal\" (tanpa perlindungan).")

    akun: dict[str, Akun] = {}
    pengguna = akses.get("pengguna", {})
    if not isinstance(pengguna, Mapping):
        masalah.append("[akses.pengguna] harus berisi satu tabel per pengguna, mis. [akses.pengguna.sari].")
        pengguna = {}
    for nama, isi in pengguna.items():
        a = _akun(str(nama), isi, masalah)
        if a is not None:
            akun[str(nama)] = a
    unggah = rahasia.get("unggah", {}) if isinstance(rahasia.get("unggah", {}), Mapping) else {}
    bersama = env.get("LKJIP_UPLOAD_PASSWORD_HASH") or unggah.get("password_hash")
    if bersama:
        if hash_sah(bersama):
            akun.setdefault(NAMA_BERSAMA, Akun("admin", password_hash=bersama))
        else:
            masalah.append("password_hash kata sandi unggah bersama ([unggah] atau LKJIP_UPLOAD_PASSWORD_HASH) bukan hash "
                           "scrypt yang sah; buat ulang dengan python -m lkjip hash-password.")

    surel = _oidc(akses["oidc"], masalah) if "oidc" in akses else {}
    penulis = env.get("LKJIP_WRITERS")
    lama = [p.strip() for p in penulis.split(",")] if penulis else _daftar_teks(unggah.get("penulis", []), "[unggah] penulis", masalah)
    for a in lama:
        if a:
            _gabung(surel, a.lower(), Akun("admin"))
    proksi = _proksi(akses.get("proksi_tepercaya", []), masalah)
    oidc = _oidc_aktif(rahasia)

    if mode == "lokal" and (akun or surel or oidc):
        masalah.append("mode = \"lokal\" dipilih padahal pengguna atau sign-in juga diatur; pilih salah satu.")
    if masalah:
        return Pengaturan("tertutup", akun, surel, proksi, tuple(masalah))
    if oidc:
        return Pengaturan("oidc", akun, surel, proksi)
    if akun:
        return Pengaturan("sandi", akun, surel, proksi)
    if mode == "lokal":
        return Pengaturan("lokal", proksi=proksi)
    if surel:
        return Pengaturan("tertutup", akun, surel, proksi, (
            "Daftar surel untuk sign-in diatur, tetapi bagian [auth] (OIDC, st.login) tidak ada atau tidak lengkap.",))
    ada_isi = any(k for k in rahasia) or any(k.startswith("LKJIP_AKSES") for k in env)
    if ada_isi:
        return Pengaturan("tertutup", proksi=proksi, masalah=(
            "secrets.toml ada tetapi tidak mengatur perlindungan tulis (tidak ada [akses], [unggah] atau [auth]). "
            "Tambahkan pengguna, atau tulis [akses] mode = \"lokal\" bila aplikasi ini memang hanya untuk satu orang.",))
    return Pengaturan("lokal", proksi=proksi)


def cari_pengguna(p: Pengaturan, nama: str) -> Pengguna | None:
    """A configured account by user name or e-mail (for ``--pengguna`` on the command line)."""
    return p.pengguna_sandi(nama) or (p.pengguna_oidc(nama) if nama.strip().lower() in p.surel else None)
