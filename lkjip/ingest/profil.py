"""Import profiles: a corrected mapping saved under a name, offered automatically the next time a file
with the same header shape arrives (the same form every quarter), listed and deletable, usable from
the CLI (``import --profil NAME``)."""
from __future__ import annotations

import pandas as pd

from .. import aktivitas
from ..store import Store
from .berkas import baca_lembar
from .keputusan import AturanTabel, Keputusan, cocokkan
from .model import Pratinjau


class GalatProfil(Exception):
    """A profile cannot be saved, found or deleted; the message says why (Bahasa Indonesia)."""


def dari_pratinjau(p: Pratinjau) -> Keputusan:
    """The decisions behind a preview, with every table's header rows pinned and its header shape."""
    asal = p.keputusan if isinstance(p.keputusan, Keputusan) else Keputusan()
    k = Keputusan.dari_json(asal.ke_json())
    for lb in p.lembar:
        if not lb.jenis:
            continue
        a = k.tabel.setdefault(lb.kunci, AturanTabel())
        a.baris_header = list(lb.baris_header)
        k.tanda[lb.kunci] = list(lb.judul)
    k.lembar_ikut = [ll.nama for ll in p.lembar_lain if ll.disertakan]
    return k


def _penulis(pengguna) -> str | None:
    """The name logged for a profile change; only those who may import may save or delete profiles."""
    from .. import akses

    if isinstance(pengguna, akses.Pengguna) and not akses.boleh_impor(pengguna):
        raise GalatProfil(f"Akun {pengguna.teks()} tidak berhak menyimpan atau menghapus profil impor: hanya operator "
                          "instansi atau admin.")
    return pengguna if pengguna is None or isinstance(pengguna, str) else akses.nama_log(pengguna)


def simpan_profil(store: Store, nama: str, p: Pratinjau, pengguna=None, ganti: bool = False) -> int:
    pengguna = _penulis(pengguna)
    nama = (nama or "").strip()
    if not nama:
        raise GalatProfil("Beri nama profil, misalnya 'Monev triwulan Kota Madiun'.")
    if len(nama) > 80:
        raise GalatProfil("Nama profil terlalu panjang (paling banyak 80 karakter).")
    if not any(lb.jenis for lb in p.lembar):
        raise GalatProfil("Belum ada tabel yang dipahami di pratinjau ini: pilih baris judul kolom dan jenis tabelnya dulu.")
    k = dari_pratinjau(p)
    ada = store.satu("SELECT id FROM profil_impor WHERE nama = ?", [nama])
    if ada and not ganti:
        raise GalatProfil(f"Profil '{nama}' sudah ada. Pilih nama lain atau ganti profil itu.")
    with store.transaksi(naikkan_versi=False) as cur:
        if ada:
            cur.execute("UPDATE profil_impor SET keputusan = ?, pengguna = ?, dibuat = current_timestamp WHERE id = ?",
                        [k.ke_json(), pengguna, ada])
            pid = ada
        else:
            pid = cur.execute("INSERT INTO profil_impor (nama, keputusan, pengguna) VALUES (?, ?, ?) RETURNING id",
                              [nama, k.ke_json(), pengguna]).fetchall()[0][0]
        aktivitas.catat(cur, pengguna, "profil", None, None, f"simpan profil impor '{nama}' (dari {p.nama_file})")
    return int(pid)


def daftar_profil(store: Store) -> pd.DataFrame:
    """id, nama, dibuat, pengguna, dipakai, terakhir_dipakai, tabel (how many tables the profile reads)."""
    df = store.baca("SELECT id, nama, keputusan, dibuat, pengguna, dipakai, terakhir_dipakai FROM profil_impor ORDER BY nama")
    df["tabel"] = [len(Keputusan.dari_json(k).tanda) for k in df["keputusan"]]
    return df.drop(columns=["keputusan"])


def baca_profil(store: Store, nama: str) -> Keputusan:
    teks = store.satu("SELECT keputusan FROM profil_impor WHERE nama = ?", [nama])
    if teks is None:
        semua = ", ".join(daftar_profil(store)["nama"]) or "belum ada"
        raise GalatProfil(f"Profil impor '{nama}' tidak ada (profil yang ada: {semua}).")
    return Keputusan.dari_json(teks)


def hapus_profil(store: Store, nama: str, pengguna=None) -> None:
    pengguna = _penulis(pengguna)
    if store.satu("SELECT id FROM profil_impor WHERE nama = ?", [nama]) is None:
        raise GalatProfil(f"Profil impor '{nama}' tidak ada.")
    with store.transaksi(naikkan_versi=False) as cur:
        cur.execute("DELETE FROM profil_impor WHERE nama = ?", [nama])
        aktivitas.catat(cur, pengguna, "profil", None, None, f"hapus profil impor '{nama}'")


def tandai_dipakai(store: Store, nama: str) -> None:
    with store.transaksi(naikkan_versi=False) as cur:
        cur.execute("UPDATE profil_impor SET dipakai = dipakai + 1, terakhir_dipakai = current_timestamp WHERE nama = ?", [nama])


def _lembar(data: bytes, nama_file: str) -> dict[str, list[list[object]]]:
    return {lb.nama: lb.terisi() for lb in baca_lembar(data, nama_file)}


def kandidat_profil(store: Store, nama: str | None = None) -> list[tuple[str, str]]:
    """(name, decisions as JSON) of every saved profile by name, or of the one named (GalatProfil if none):
    what ``pilih_profil`` matches a file against (inside the guarded reader, lkjip.ingest.penjaga)."""
    if nama is not None:
        return [(nama, baca_profil(store, nama).ke_json())]
    return [tuple(r) for r in store.baca("SELECT nama, keputusan FROM profil_impor ORDER BY nama").itertuples(index=False)]


def pilih_profil(kandidat: list[tuple[str, str]], data: bytes, nama_file: str,
                 wajib: bool = False) -> tuple[str, Keputusan, bool] | None:
    """The first profile whose header shape this file has, with its decisions adapted to the file, and True.
    ``wajib`` (a profile the person named): when the shape differs, that profile as saved, and False.
    Reads the file: call it where untrusted files are read (the guarded worker)."""
    if not kandidat:
        return None
    lembar = _lembar(data, nama_file)
    for nama, teks in kandidat:
        k = cocokkan(Keputusan.dari_json(teks), lembar)
        if k is not None:
            return nama, k, True
    if wajib:
        nama, teks = kandidat[0]
        return nama, Keputusan.dari_json(teks), False
    return None


def terapkan(store: Store, nama: str, data: bytes, nama_file: str) -> tuple[Keputusan, bool]:
    """A named profile's decisions for this file, and whether the file's header shape matches the profile."""
    k = baca_profil(store, nama)
    cocok = cocokkan(k, _lembar(data, nama_file))
    return (cocok, True) if cocok is not None else (k, False)
