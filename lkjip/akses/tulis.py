"""What a write touches, for the permission checks and the activity log of the importer's commit,
replace and undo (``lkjip.ingest.simpan`` calls these; kept here so the importer's own code stays small)."""
from __future__ import annotations

from .. import aktivitas
from .peran import AksesDitolak, nama_log


def instansi_berkas(p) -> list[str]:
    """Every agency a commit of this preview writes (its rows, and its agency-description rows)."""
    nama = {inst for _, inst, _ in p.kunci()}
    inst_df = p.tabel.get("instansi")
    if inst_df is not None and len(inst_df):
        nama |= set(inst_df["instansi"].dropna())
    return sorted(nama)


def _instansi_tahun(cur, impor_id: list[int]) -> list[tuple[int, str, int | None]]:
    """(import id, agency, year) for every agency-year these imports wrote or replaced."""
    tanda = ", ".join("?" * len(impor_id))
    # the agency-years of each import's rows (store.ringkasan keeps them with every write), and of the rows it replaced
    rows = cur.execute(
        f"SELECT DISTINCT t.impor_id, i.nama, t.tahun FROM (SELECT impor_id, instansi_id, tahun FROM ringkas_tahun "
        f"WHERE impor_id IN ({tanda}) UNION SELECT impor_id, json_extract(baris, '$.instansi_id')::BIGINT, "
        f"json_extract(baris, '$.tahun')::INTEGER FROM cadangan_impor WHERE impor_id IN ({tanda})) t JOIN instansi i ON i.id = t.instansi_id "
        "ORDER BY 1, 2, 3", [int(x) for x in impor_id] * 2).fetchall()
    return [(int(iid), n, None if th is None else int(th)) for iid, n, th in rows]


def instansi_tahun_impor(cur, impor_id: int) -> list[tuple[str, int | None]]:
    """The agency-years an import wrote or replaced (what undoing it touches)."""
    return [(n, th) for _, n, th in _instansi_tahun(cur, [impor_id])]


def instansi_per_impor(store, impor_id: list[int]) -> dict[int, list[str]]:
    """Import id -> the agencies it wrote or replaced (whose writers may undo it), in one query."""
    hasil: dict[int, set[str]] = {int(i): set() for i in impor_id}
    if hasil:
        with store.kursor() as cur:
            for iid, n, _ in _instansi_tahun(cur, list(hasil)):
                hasil[iid].add(n)
    return {i: sorted(v) for i, v in hasil.items()}


def instansi_impor(store, impor_id: int) -> list[str]:
    """The agencies an import wrote or replaced (whose writers may undo it)."""
    return instansi_per_impor(store, [impor_id])[int(impor_id)]


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
