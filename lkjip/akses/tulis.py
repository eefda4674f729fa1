"""What a write touches, for the permission checks and the activity log of the importer's commit,
replace and undo (``lkjip.ingest.simpan`` calls these; kept here so the importer's own code stays small)."""
from __future__ import annotations

from .. import aktivitas
from ..store import TABEL_DATA
from .peran import AksesDitolak, nama_log


def instansi_berkas(p) -> list[str]:
    """Every agency a commit of this preview writes (its rows, and its agency-description rows)."""
    nama = {inst for _, inst, _ in p.kunci()}
    inst_df = p.tabel.get("instansi")
    if inst_df is not None and len(inst_df):
        nama |= set(inst_df["instansi"].dropna())
    return sorted(nama)


def instansi_tahun_impor(cur, impor_id: int) -> list[tuple[str, int | None]]:
    """The agency-years an import wrote or replaced (what undoing it touches)."""
    bagian = " UNION ".join(f"SELECT instansi_id, tahun FROM {t} WHERE impor_id = ?" for t in TABEL_DATA)
    rows = cur.execute(
        f"SELECT DISTINCT i.nama, t.tahun FROM ({bagian} UNION SELECT json_extract(baris, '$.instansi_id')::BIGINT, "
        "json_extract(baris, '$.tahun')::INTEGER FROM cadangan_impor WHERE impor_id = ?) t JOIN instansi i ON i.id = t.instansi_id "
        "ORDER BY 1, 2", [impor_id] * (len(TABEL_DATA) + 1)).fetchall()
    return [(n, None if th is None else int(th)) for n, th in rows]


def instansi_impor(store, impor_id: int) -> list[str]:
    """The agencies an import wrote or replaced (whose writers may undo it)."""
    with store.kursor() as cur:
        return sorted({n for n, _ in instansi_tahun_impor(cur, impor_id)})


def catat_tolak(store, pengguna, aksi: str, instansi: list[str], rincian: str, e: AksesDitolak) -> str:
    """Log a refused write (in a transaction of its own: nothing else is written); returns the message."""
    with store.transaksi(naikkan_versi=False) as cur:
        for inst in instansi or [None]:
            aktivitas.catat(cur, nama_log(pengguna), "ditolak", inst, None, f"{aksi}: {rincian}")
    return str(e)


def catat_impor(cur, pengguna, p, impor_id: int, diganti: set[tuple[str, int | None]]) -> None:
    """One log line per agency-year a commit wrote: ``impor``, or ``ganti`` where it replaced data."""
    for inst, th in sorted({(i, th) for _, i, th in p.kunci()}, key=lambda k: (k[0], k[1] or 0)):
        aktivitas.catat(cur, nama_log(pengguna), "ganti" if (inst, th) in diganti else "impor", inst, th,
                        f"impor #{impor_id} {p.nama_file}")
