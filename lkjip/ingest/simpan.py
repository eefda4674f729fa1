"""Committing a preview to the store in one transaction, replacing with a backup, and undoing.

An import writes all its rows or none. When the file brings an agency and year that the database
already has for a table (``konflik``), the import is refused unless ``ganti=True``; the rows it
replaces are kept in ``cadangan_impor`` (one JSON object per row, every column as stored) so
``batalkan`` can restore them exactly. Every import is logged in ``impor`` (file name, sha256, time,
user, rows written and replaced per table); ``riwayat`` lists the recent ones for the upload page.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from .. import aktivitas
from ..akses import AksesDitolak, Pengguna, nama_log, pastikan_boleh_impor
from ..akses.tulis import catat_impor, catat_tolak, instansi_berkas, instansi_impor, instansi_tahun_impor
from ..store import TABEL_DATA, Store, StoreError
from ..vocab import LEVEL, jenis_instansi
from . import Pratinjau

# Columns written per table (besides instansi_id, impor_id and id).
_KOLOM_DB = {
    "indikator": ["tahun", "sasaran", "indikator", "tingkat", "satuan", "polaritas", "target", "target_teks", "target_predikat",
                  "realisasi", "realisasi_teks", "realisasi_predikat", "capaian", "capaian_alasan", "capaian_dilaporkan",
                  "capaian_dilaporkan_teks", "tema", "utama", "sumber", "catatan",
                  "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4"],
    "renstra": ["sasaran", "indikator", "satuan", "tahun", "jenis", "target", "target_teks", "target_predikat", "sumber", "catatan"],
    "anggaran": ["tahun", "urutan", "level", "kode", "uraian", "induk_id", "sasaran", "pagu_awal", "pagu_awal_teks", "pagu",
                 "pagu_teks", "realisasi", "realisasi_teks", "serapan", "serapan_dilaporkan", "serapan_dilaporkan_teks",
                 "rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4", "realisasi_tw1", "realisasi_tw2",
                 "realisasi_tw3", "realisasi_tw4", "utama", "sumber", "catatan"],
    "skor": ["tahun", "jenis", "nilai", "nilai_teks", "predikat", "sumber", "catatan"],
    "nilai_dilaporkan": ["tahun", "lingkup", "jenis", "nilai", "nilai_teks", "sumber", "catatan"],
}


class GalatImpor(Exception):
    """The import cannot be committed; the message says why and what to do."""


@dataclass
class HasilImpor:
    impor_id: int
    ditulis: dict[str, int]
    diganti: dict[str, int]


def konflik(store: Store, p: Pratinjau) -> dict[str, list[tuple[str, int]]]:
    """Agency-years per table that the file brings and the database already has (one query per table)."""
    hasil: dict[str, list[tuple[str, int]]] = {}
    kunci = pd.DataFrame(sorted(p.kunci(), key=lambda k: (k[0], k[1], k[2] or 0)), columns=["tabel", "nama", "tahun"])
    for tabel, g in kunci.groupby("tabel", sort=True):
        with store.kursor() as cur:
            cur.register("kunci_impor", g[["nama", "tahun"]].astype({"tahun": "Int64"}))
            ada = cur.execute(
                f"SELECT DISTINCT k.nama, k.tahun FROM kunci_impor k JOIN instansi i ON i.nama = k.nama "
                f"JOIN {tabel} t ON t.instansi_id = i.id AND t.tahun IS NOT DISTINCT FROM k.tahun ORDER BY 1, 2"
            ).fetchall()
        if ada:
            hasil[tabel] = [(n, None if th is None else int(th)) for n, th in ada]
    return hasil


def _id_instansi(cur, nama: str, jenis: str | None = None, provinsi: str | None = None) -> int:
    row = next(iter(cur.execute("SELECT id FROM instansi WHERE nama = ?", [nama]).fetchall()), None)
    if row:
        if jenis or provinsi:
            cur.execute("UPDATE instansi SET jenis = coalesce(?, jenis), provinsi = coalesce(?, provinsi) WHERE id = ?", [jenis, provinsi, row[0]])
        return row[0]
    return cur.execute("INSERT INTO instansi (nama, jenis, provinsi) VALUES (?, ?, ?) RETURNING id",
                       [nama, jenis or jenis_instansi(nama), provinsi]).fetchall()[0][0]


def _induk(df: pd.DataFrame) -> list[int | None]:
    """Parent of each budget line: the nearest row above it, same agency, year and source, with a higher level.

    Total rows (printed at the top or the bottom of a table) are never parents: they summarise the
    top-level lines of their table, which therefore have no parent.
    """
    peringkat = {lv: i for i, lv in enumerate(LEVEL)}
    hasil: list[int | None] = []
    tumpukan: dict[tuple, list[tuple[int, int]]] = {}
    for rid, inst, th, sumber, level in df[["id", "instansi", "tahun", "sumber", "level"]].itertuples(index=False):
        st = tumpukan.setdefault((inst, th, sumber), [])
        if level == "total":
            hasil.append(None)
            continue
        lv = peringkat[level]
        while st and st[-1][1] >= lv:
            st.pop()
        hasil.append(st[-1][0] if st else None)
        st.append((int(rid), lv))
    return hasil


def simpan(store: Store, p: Pratinjau, ganti: bool = False, pengguna: Pengguna | str | None = None) -> HasilImpor:
    """Write a preview in one transaction. Raises GalatImpor (nothing written) when it cannot.

    ``pengguna``: who writes (``lkjip.akses.Pengguna``); refused unless they may write every agency the
    file brings. None is the machine's own operator (command line, scripts). Every agency-year written
    gets a line in the activity log, in the same transaction.
    """
    if p.galat:
        raise GalatImpor(f"Berkas {p.nama_file} masih memiliki {len(p.galat)} galat; perbaiki dulu. Pertama: {p.galat[0].teks()}")
    if not p.bisa_disimpan:
        raise GalatImpor(f"Berkas {p.nama_file} tidak berisi baris yang dapat disimpan.")
    # the check and the write under the store's write lock: two uploads of the same agency-year at the same
    # moment cannot both pass the check (the lock is re-entrant; transaksi() takes it again)
    with store.kunci_tulis():
        ada = konflik(store, p)
        aksi = "ganti" if ada and ganti else "impor"
        try:
            pastikan_boleh_impor(pengguna, instansi_berkas(p), aksi)
        except AksesDitolak as e:
            raise GalatImpor(catat_tolak(store, pengguna, aksi, instansi_berkas(p), p.nama_file, e)) from None
        if ada and not ganti:
            contoh = "; ".join(f"{t}: {i} {th}" for t, daftar in ada.items() for i, th in daftar[:3])
            raise GalatImpor(f"Data untuk instansi dan tahun ini sudah ada ({contoh}). Pilih 'ganti' untuk menggantinya "
                             "(data lama disimpan dan dapat dipulihkan dengan membatalkan impor).")
        with store.transaksi() as cur:
            impor_id = cur.execute(
                "INSERT INTO impor (nama_file, sha256, pengguna, jumlah_baris) VALUES (?, ?, ?, ?) RETURNING id",
                [p.nama_file, p.sha256, nama_log(pengguna), json.dumps(p.jumlah())],
            ).fetchall()[0][0]
            inst_df = p.tabel.get("instansi")
            if inst_df is not None and len(inst_df):
                for r in inst_df.itertuples(index=False):
                    _id_instansi(cur, r.instansi, r.jenis, r.provinsi)
            diganti: dict[str, int] = {}
            for tabel, daftar in ada.items():
                for inst, th in daftar:
                    syarat = "t.tahun IS NULL" if th is None else "t.tahun = ?"
                    params = [inst] + ([] if th is None else [th])
                    # each replaced row as JSON (NULL stays null), copied inside the database in one statement
                    n_lama = cur.execute(
                        f"INSERT INTO cadangan_impor SELECT ?, ?, CAST(to_json(t) AS VARCHAR) FROM {tabel} t "
                        f"JOIN instansi i ON i.id = t.instansi_id WHERE i.nama = ? AND {syarat} ORDER BY t.id",
                        [impor_id, tabel] + params,
                    ).fetchall()[0][0]
                    cur.execute(f"DELETE FROM {tabel} WHERE id IN (SELECT t.id FROM {tabel} t JOIN instansi i ON i.id = t.instansi_id "
                                f"WHERE i.nama = ? AND {syarat})", params)
                    diganti[tabel] = diganti.get(tabel, 0) + n_lama
            ditulis: dict[str, int] = {}
            for tabel in TABEL_DATA:
                df = p.tabel.get(tabel)
                if df is None or not len(df):
                    continue
                df = df.copy()
                ids = {nama: _id_instansi(cur, nama) for nama in df["instansi"].unique()}
                df["instansi_id"] = df["instansi"].map(ids)
                df["impor_id"] = impor_id
                if tabel == "anggaran":
                    df["urutan"] = range(len(df))
                    df["id"] = [r[0] for r in cur.execute("SELECT nextval('seq_baris') FROM range(?)", [len(df)]).fetchall()]
                    df["induk_id"] = _induk(df)
                    kolom = ["id", "instansi_id", "impor_id"] + _KOLOM_DB[tabel]
                else:
                    kolom = ["instansi_id", "impor_id"] + _KOLOM_DB[tabel]
                for k in kolom:
                    if k not in df.columns:
                        df[k] = None
                muatan = df[kolom].astype(object).where(df[kolom].notna(), None)
                cur.register("muatan", muatan)
                cur.execute(f"INSERT INTO {tabel} ({', '.join(kolom)}) SELECT {', '.join(kolom)} FROM muatan")
                cur.unregister("muatan")
                ditulis[tabel] = len(df)
            masalah = pd.DataFrame(
                [(impor_id, m.tingkat, m.lembar, m.baris, m.kolom, m.nilai, m.pesan) for m in p.masalah if m.tingkat != "info"],
                columns=["impor_id", "tingkat", "lembar", "baris", "kolom", "nilai", "pesan"],
            )
            if len(masalah):
                cur.register("masalah_baru", masalah.astype({"baris": "Int64"}))
                cur.execute("INSERT INTO masalah_impor SELECT * FROM masalah_baru")
                cur.unregister("masalah_baru")
            cur.execute("UPDATE impor SET diganti = ? WHERE id = ?", [json.dumps(diganti), impor_id])
            store.tandai_kotor(cur, sorted({inst for _, inst, _ in p.kunci()}))
            catat_impor(cur, pengguna, p, impor_id, {(i, th) for daftar in ada.values() for i, th in daftar})
    return HasilImpor(impor_id, ditulis, diganti)


PENGGUNA_BAWAAN = "data bawaan"  # the user name of the bundled data's imports (lkjip.bawaan)
_BATAL = "batal:"  # cadangan_impor.tabel prefix of an undone import's own rows, kept so it can be redone


def _kunci_tabel(cur, impor_id: int, sumber: str) -> list[tuple[str, str, int | None, int]]:
    """(table, agency, year, rows) of an import's rows: in the tables (sumber 'data'), or as kept for undo/redo."""
    if sumber == "data":
        bagian = " UNION ALL ".join(
            f"SELECT '{t}' AS tabel, i.nama, t.tahun FROM {t} t JOIN instansi i ON i.id = t.instansi_id WHERE t.impor_id = ?"
            for t in TABEL_DATA)
        return [(t, n, th, int(c)) for t, n, th, c in cur.execute(
            f"SELECT tabel, nama, tahun, count(*) FROM ({bagian}) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", [impor_id] * len(TABEL_DATA)).fetchall()]
    syarat = "c.tabel LIKE 'batal:%'" if sumber == "batal" else "c.tabel NOT LIKE 'batal:%'"
    return [(t.removeprefix(_BATAL), n, th, int(c)) for t, n, th, c in cur.execute(
        "SELECT c.tabel, i.nama, CAST(json_extract_string(c.baris, '$.tahun') AS INTEGER) AS tahun, count(*) "
        "FROM cadangan_impor c JOIN instansi i ON i.id = CAST(json_extract_string(c.baris, '$.instansi_id') AS BIGINT) "
        f"WHERE c.impor_id = ? AND {syarat} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", [impor_id]).fetchall()]


@dataclass
class RincianBatal:
    """What undoing (or redoing) an import does, for a confirmation: rows removed and rows put back."""
    impor_id: int
    nama_file: str
    status: str
    bawaan: bool
    hapus: list[tuple[str, str, int | None, int]]  # (table, agency, year, rows)
    pulih: list[tuple[str, str, int | None, int]]


def rincian(store: Store, impor_id: int) -> RincianBatal:
    """What ``batalkan`` (an active import) or ``ulangi`` (an undone one) would remove and put back."""
    baris = store.baca("SELECT nama_file, status, pengguna FROM impor WHERE id = ?", [impor_id])
    if not len(baris):
        raise GalatImpor(f"Impor #{impor_id} tidak ditemukan.")
    r = baris.iloc[0]
    with store.kursor() as cur:
        if r["status"] == "aktif":
            hapus, pulih = _kunci_tabel(cur, impor_id, "data"), _kunci_tabel(cur, impor_id, "cadangan")
        else:
            hapus, pulih = _kunci_tabel(cur, impor_id, "cadangan"), _kunci_tabel(cur, impor_id, "batal")
    return RincianBatal(int(impor_id), r["nama_file"], r["status"], r["pengguna"] == PENGGUNA_BAWAAN, hapus, pulih)


def batalkan(store: Store, impor_id: int, pengguna: Pengguna | str | None = None, izinkan_bawaan: bool = False) -> dict[str, int]:
    """Undo an import: delete its rows and restore the rows it replaced. Returns rows restored per table.

    Refused (GalatImpor) unless ``pengguna`` may write every agency the import touched; logged.
    The import's own rows are kept (``ulangi`` puts them back). The bundled data is protected: undoing
    one of its imports needs ``izinkan_bawaan=True``.
    """
    status = store.satu("SELECT status FROM impor WHERE id = ?", [impor_id])
    if status is None:
        raise GalatImpor(f"Impor #{impor_id} tidak ditemukan.")
    if status != "aktif":
        raise GalatImpor(f"Impor #{impor_id} sudah dibatalkan sebelumnya.")
    if store.satu("SELECT pengguna FROM impor WHERE id = ?", [impor_id]) == PENGGUNA_BAWAAN and not izinkan_bawaan:
        raise GalatImpor(f"Impor #{impor_id} adalah data bawaan (laporan contoh) dan dilindungi. Centang 'izinkan membatalkan data "
                         "bawaan' bila memang ingin menghapusnya.")
    # Rows this import replaced may have been replaced again by a later import: undo that one first.
    lebih_baru = store.satu(
        "SELECT min(c.impor_id) FROM cadangan_impor c JOIN impor i ON i.id = c.impor_id "
        "WHERE i.status = 'aktif' AND c.tabel NOT LIKE 'batal:%' AND c.impor_id > ? "
        "AND json_extract(c.baris, '$.impor_id')::BIGINT = ?",
        [impor_id, impor_id],
    )
    if lebih_baru:
        raise GalatImpor(f"Data impor #{impor_id} sudah diganti oleh impor #{lebih_baru}. Batalkan impor #{lebih_baru} dulu.")
    dipulihkan: dict[str, int] = {}
    with store.kursor() as cur_baca:
        instansi_tahun = instansi_tahun_impor(cur_baca, impor_id)
    try:
        pastikan_boleh_impor(pengguna, [i for i, _ in instansi_tahun], "batal")
    except AksesDitolak as e:
        raise GalatImpor(catat_tolak(store, pengguna, "batal", sorted({i for i, _ in instansi_tahun}), f"impor #{impor_id}", e)) from None
    with store.transaksi() as cur:
        for inst, th in instansi_tahun:
            aktivitas.catat(cur, nama_log(pengguna), "batal", inst, th, f"impor #{impor_id} dibatalkan")
        # the agencies whose rows this undo deletes or restores: their stored findings are out of date
        bagian = " UNION ".join(f"SELECT instansi_id FROM {t} WHERE impor_id = ?" for t in TABEL_DATA)
        terkena = cur.execute(
            f"SELECT nama FROM instansi WHERE id IN ({bagian} UNION SELECT json_extract(baris, '$.instansi_id')::BIGINT "
            "FROM cadangan_impor WHERE impor_id = ?)", [impor_id] * (len(TABEL_DATA) + 1)).fetchall()
        store.tandai_kotor(cur, [n for (n,) in terkena])
        cur.execute("DELETE FROM cadangan_impor WHERE impor_id = ? AND tabel LIKE 'batal:%'", [impor_id])
        for tabel in TABEL_DATA:
            cur.execute(f"INSERT INTO cadangan_impor SELECT ?, ?, CAST(to_json(t) AS VARCHAR) FROM {tabel} t WHERE t.impor_id = ? ORDER BY t.id",
                        [impor_id, _BATAL + tabel, impor_id])
            cur.execute(f"DELETE FROM {tabel} WHERE impor_id = ?", [impor_id])
        cadangan = cur.execute("SELECT tabel, baris FROM cadangan_impor WHERE impor_id = ? AND tabel NOT LIKE 'batal:%'", [impor_id]).fetchall()
        for tabel, baris in cadangan:
            _sisipkan(cur, tabel, baris)
            dipulihkan[tabel] = dipulihkan.get(tabel, 0) + 1
        cur.execute("UPDATE impor SET status = 'dibatalkan' WHERE id = ?", [impor_id])
    return dipulihkan


def _sisipkan(cur, tabel: str, baris: str) -> None:
    rec = json.loads(baris)
    kolom = list(rec)
    cur.execute(f"INSERT INTO {tabel} ({', '.join(kolom)}) VALUES ({', '.join('?' * len(kolom))})", [rec[k] for k in kolom])


def ulangi(store: Store, impor_id: int, pengguna: Pengguna | str | None = None) -> dict[str, int]:
    """Redo an undone import: put its rows back and remove again the rows it had replaced. Returns rows per table.

    Refused when the agency-years it writes have changed since the undo (another import wrote them), and
    unless ``pengguna`` may write every agency it touches; logged.
    """
    status = store.satu("SELECT status FROM impor WHERE id = ?", [impor_id])
    if status is None:
        raise GalatImpor(f"Impor #{impor_id} tidak ditemukan.")
    if status == "aktif":
        raise GalatImpor(f"Impor #{impor_id} masih aktif; tidak ada yang perlu diulang.")
    with store.kunci_tulis():
        with store.kursor() as cur:
            milik = _kunci_tabel(cur, impor_id, "batal")
            if not milik:
                raise GalatImpor(f"Impor #{impor_id} dibatalkan sebelum riwayat menyimpan barisnya; unggah ulang berkasnya.")
            # rows now in its agency-years that are neither the rows it had replaced (restored by the undo) nor its own
            pulih_id = {int(x) for (x,) in cur.execute(
                "SELECT CAST(json_extract_string(baris, '$.id') AS BIGINT) FROM cadangan_impor "
                "WHERE impor_id = ? AND tabel NOT LIKE 'batal:%'", [impor_id]).fetchall() if x is not None}
            for tabel, instansi, tahun, _ in milik:
                syarat = "t.tahun IS NULL" if tahun is None else "t.tahun = ?"
                lain = cur.execute(
                    f"SELECT t.id, t.impor_id FROM {tabel} t JOIN instansi i ON i.id = t.instansi_id WHERE i.nama = ? AND {syarat}",
                    [instansi] + ([] if tahun is None else [tahun])).fetchall()
                asing = [iid for rid, iid in lain if int(rid) not in pulih_id]
                if asing:
                    raise GalatImpor(f"{instansi} {tahun or ''} sudah berisi data impor #{asing[0]} sejak impor #{impor_id} dibatalkan. "
                                     f"Batalkan impor #{asing[0]} dulu, atau unggah ulang berkasnya.")
        try:
            pastikan_boleh_impor(pengguna, sorted({n for _, n, _, _ in milik}), "ulang")
        except AksesDitolak as e:
            raise GalatImpor(catat_tolak(store, pengguna, "ulang", sorted({n for _, n, _, _ in milik}), f"impor #{impor_id}", e)) from None
        ditulis: dict[str, int] = {}
        with store.transaksi() as cur:
            for tabel in TABEL_DATA:
                if pulih_id:
                    cur.execute(f"DELETE FROM {tabel} WHERE id IN (SELECT unnest(?::BIGINT[]))", [sorted(pulih_id)])
            for tabel, baris in cur.execute("SELECT tabel, baris FROM cadangan_impor WHERE impor_id = ? AND tabel LIKE 'batal:%'",
                                            [impor_id]).fetchall():
                _sisipkan(cur, tabel.removeprefix(_BATAL), baris)
                ditulis[tabel.removeprefix(_BATAL)] = ditulis.get(tabel.removeprefix(_BATAL), 0) + 1
            cur.execute("DELETE FROM cadangan_impor WHERE impor_id = ? AND tabel LIKE 'batal:%'", [impor_id])
            cur.execute("UPDATE impor SET status = 'aktif' WHERE id = ?", [impor_id])
            store.tandai_kotor(cur, sorted({n for _, n, _, _ in milik}))
            for instansi, tahun in sorted({(n, th) for _, n, th, _ in milik}, key=lambda k: (k[0], k[1] or 0)):
                aktivitas.catat(cur, nama_log(pengguna), "ulang", instansi, tahun, f"impor #{impor_id}")
    return ditulis


def _json(teks: str | None) -> dict[str, int]:
    try:
        return {k: int(v) for k, v in (json.loads(teks) if teks else {}).items()}
    except (ValueError, TypeError, AttributeError):
        return {}


_NAMA_TABEL = {"indikator": "indikator", "anggaran": "baris anggaran", "skor": "skor", "renstra": "target Renstra",
               "nilai_dilaporkan": "nilai dilaporkan"}


def _rincian(jumlah: dict[str, int]) -> str:
    return ", ".join(f"{n} {_NAMA_TABEL.get(t, t)}" for t, n in jumlah.items() if n)


def riwayat(store: Store, batas: int = 20) -> pd.DataFrame:
    """The latest imports, newest first, for the upload page.

    Columns: id, waktu, nama_file, sha256, pengguna, status (aktif | dibatalkan), ditulis and diganti
    (rows per table, dicts), instansi_tahun (the agency-years written, e.g. "Dinas Sosial Kota
    Depok 2020"), bisa_dibatalkan, bisa_diulang (an undone import whose rows are kept), bawaan (the
    bundled data, protected from undo), and ringkasan: one readable line in Bahasa Indonesia.
    """
    impor = store.baca(
        "SELECT id, waktu, nama_file, sha256, pengguna, status, jumlah_baris, diganti FROM impor ORDER BY id DESC LIMIT ?",
        [int(batas)],
    )
    kolom = ["id", "waktu", "nama_file", "sha256", "pengguna", "status", "ditulis", "diganti", "instansi_tahun",
             "bisa_dibatalkan", "bisa_diulang", "bawaan", "ringkasan"]
    if not len(impor):
        return pd.DataFrame(columns=kolom)
    ids = [int(i) for i in impor["id"]]
    tanda = ", ".join("?" * len(ids))
    bagian = (f"SELECT t.impor_id, i.nama, t.tahun FROM ringkas_tahun t JOIN instansi i ON i.id = t.instansi_id "
              f"WHERE t.impor_id IN ({tanda})")
    # an undone import's agency-years come from its rows kept for redo
    bagian += (f" UNION SELECT c.impor_id, i.nama, CAST(json_extract_string(c.baris, '$.tahun') AS INTEGER) FROM cadangan_impor c "
               f"JOIN instansi i ON i.id = CAST(json_extract_string(c.baris, '$.instansi_id') AS BIGINT) "
               f"WHERE c.tabel LIKE 'batal:%' AND c.impor_id IN ({tanda})")
    it = store.baca(f"SELECT impor_id, nama, tahun FROM ({bagian}) ORDER BY impor_id, nama, tahun", ids * 2)
    bisa_ulang = set(store.baca("SELECT DISTINCT impor_id FROM cadangan_impor WHERE tabel LIKE 'batal:%'")["impor_id"].astype(int))
    per_impor: dict[int, list[str]] = {}
    for iid, nama, th in it.itertuples(index=False):
        teks = f"{nama} {int(th)}" if th is not None and th == th else nama
        daftar = per_impor.setdefault(int(iid), [])
        if teks not in daftar:
            daftar.append(teks)
    # an import whose rows were replaced again by a later, still active import cannot be undone first
    diganti_lagi = set(store.baca(
        "SELECT DISTINCT json_extract(c.baris, '$.impor_id')::BIGINT AS asal FROM cadangan_impor c "
        "JOIN impor i ON i.id = c.impor_id WHERE i.status = 'aktif' AND c.tabel NOT LIKE 'batal:%'"
    )["asal"].dropna().astype(int))
    baris = []
    for r in impor.itertuples(index=False):
        ditulis, diganti = _json(r.jumlah_baris), _json(r.diganti)
        it_teks = per_impor.get(int(r.id), [])
        waktu = pd.Timestamp(r.waktu).strftime("%d-%m-%Y %H:%M")
        ringkasan = f"#{r.id} {waktu} · {r.nama_file}: {_rincian(ditulis) or 'tidak ada baris'}"
        if it_teks:
            ringkasan += " untuk " + ", ".join(it_teks[:3]) + (f" dan {len(it_teks) - 3} lainnya" if len(it_teks) > 3 else "")
        if diganti:
            ringkasan += f"; mengganti {_rincian(diganti)}"
        if r.status != "aktif":
            ringkasan += " (dibatalkan)"
        baris.append({"id": int(r.id), "waktu": r.waktu, "nama_file": r.nama_file, "sha256": r.sha256,
                      "pengguna": r.pengguna, "status": r.status, "ditulis": ditulis, "diganti": diganti,
                      "instansi_tahun": ", ".join(it_teks),
                      "bisa_dibatalkan": r.status == "aktif" and int(r.id) not in diganti_lagi,
                      "bisa_diulang": r.status != "aktif" and int(r.id) in bisa_ulang, "bawaan": r.pengguna == PENGGUNA_BAWAAN,
                      "ringkasan": ringkasan})
    return pd.DataFrame(baris, columns=kolom)


__all__ = ["GalatImpor", "HasilImpor", "PENGGUNA_BAWAAN", "RincianBatal", "StoreError", "batalkan", "instansi_berkas",
           "instansi_impor", "konflik", "rincian", "riwayat", "simpan", "ulangi"]
