"""Running the registered checks and keeping their findings in the store.

Findings are stored (table ``temuan``) so pages read them instead of recomputing. They are recomputed for
the agencies written since (``temuan_kotor``), and for every agency when the checks themselves changed
since the findings were stored (``meta.versi_pemeriksaan`` against ``registri.VERSI``).
"""
from __future__ import annotations

import pandas as pd

from . import registri
from .umum import KOLOM_TEMUAN, TINGKAT, _kosong, kunci_temuan, rapikan

KUNCI_VERSI = "versi_pemeriksaan"
# agencies checked at once: 514 together held ~780 MiB (1,2 GiB in a serving replica), 100 at a time ~350 MiB
PER_BAWAAN = 100


def periksa_data(ind: pd.DataFrame, ang: pd.DataFrame, nilai: pd.DataFrame, masalah: pd.DataFrame | None = None,
                 skor: pd.DataFrame | None = None, renstra: pd.DataFrame | None = None,
                 klaim: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every registered check on frames shaped like Store.indikator(), Store.anggaran(), Store.tabel(...)."""
    bagian = registri.jalankan({"ind": ind, "ang": ang, "nilai": nilai, "masalah": masalah, "skor": skor,
                                "renstra": renstra, "klaim": klaim})
    bagian = [b for b in bagian if len(b)]
    return rapikan(pd.concat(bagian, ignore_index=True) if bagian else _kosong())


def _masalah_impor(store) -> pd.DataFrame:
    return store.baca(
        """SELECT m.impor_id, m.lembar, m.baris, m.kolom, m.nilai, m.pesan, i.nama_file
           FROM masalah_impor m JOIN impor i ON i.id = m.impor_id
           WHERE i.status = 'aktif' AND m.pesan LIKE 'angka salah cetak%'
           ORDER BY m.impor_id, m.baris"""
    )


def _klaim(store, instansi, tahun) -> pd.DataFrame:
    from .klaim import baca_klaim

    return baca_klaim(store, instansi, tahun)


def periksa(store, instansi: list[str] | None = None, tahun: list[int] | None = None) -> pd.DataFrame:
    """All findings for the chosen agencies and years (all when None), sorted; columns KOLOM_TEMUAN.

    The checks read every year of the chosen agencies (a claim about 2022 may average 2020-2022); the
    findings are then kept for the chosen years."""
    ind = store.indikator(instansi)
    ang = store.anggaran(instansi)
    nilai = store.tabel("nilai_dilaporkan", instansi)
    skor = store.tabel("skor", instansi)
    renstra = store.tabel("renstra", instansi)
    df = periksa_data(ind, ang, nilai, _masalah_impor(store), skor, renstra, _klaim(store, instansi, None))
    if tahun:
        df = df[df["tahun"].isin([int(t) for t in tahun])].reset_index(drop=True)
    return df


def versi_tersimpan(store) -> str | None:
    """The version of the checks that produced the stored findings (None before the first run)."""
    return store.satu("SELECT nilai FROM meta WHERE kunci = ?", [KUNCI_VERSI])


def perbarui(store, instansi: list[str] | None = None) -> int:
    """Recompute and store the findings of these agencies (all when None); returns the findings stored.

    Runs under the store's write lock, so no import slips between the computation and the write. A run over
    every agency records the checks' version.
    """
    with store.kunci_tulis():
        df = periksa(store, instansi)
        with store.transaksi(naikkan_versi=False) as cur:
            if instansi is None:
                cur.execute("DELETE FROM temuan")
                cur.execute("DELETE FROM temuan_kotor")
                cur.execute("DELETE FROM meta WHERE kunci = ?", [KUNCI_VERSI])
                cur.execute("INSERT INTO meta VALUES (?, ?)", [KUNCI_VERSI, registri.VERSI])
            else:
                cur.execute("DELETE FROM temuan WHERE instansi IN (SELECT unnest(?))", [list(instansi)])
                cur.execute("DELETE FROM temuan_kotor WHERE instansi IN (SELECT unnest(?))", [list(instansi)])
            if len(df):
                cur.register("temuan_baru", df[KOLOM_TEMUAN].astype({"tahun": "Int64"}))
                cur.execute(f"INSERT INTO temuan ({', '.join(KOLOM_TEMUAN)}) SELECT {', '.join(KOLOM_TEMUAN)} FROM temuan_baru")
                cur.unregister("temuan_baru")
            _catat_dikenal(cur, df, instansi)
    return len(df)


_KOLOM_DIKENAL = ["kunci", "instansi", "tahun", "jenis", "tingkat", "sumber", "baris", "dilaporkan", "dihitung", "penjelasan",
                  "penjelasan_en"]


def _catat_dikenal(cur, df: pd.DataFrame, instansi: list[str] | None) -> None:
    """Inside the write: remember every current finding by its stable key, mark known findings of these agencies
    that no longer occur as gone (resolved), and a finding that occurs again as present."""
    kini = df.assign(kunci=kunci_temuan(df))[_KOLOM_DIKENAL] if len(df) else pd.DataFrame(columns=_KOLOM_DIKENAL)
    # typed even when empty: a server database types the registered table from these columns
    kini = kini.assign(tahun=pd.to_numeric(kini["tahun"], errors="coerce").astype("Int64"),
                       dilaporkan=pd.to_numeric(kini["dilaporkan"], errors="coerce").astype("float64"),
                       dihitung=pd.to_numeric(kini["dihitung"], errors="coerce").astype("float64"))
    cur.register("temuan_kini", kini)
    lingkup = "" if instansi is None else "AND d.instansi IN (SELECT unnest(?))"
    cur.execute(f"""UPDATE temuan_dikenal d SET hilang = current_timestamp
                    WHERE hilang IS NULL {lingkup} AND kunci NOT IN (SELECT kunci FROM temuan_kini)""",
                [] if instansi is None else [list(instansi)])
    cur.execute("""UPDATE temuan_dikenal d SET hilang = NULL, tingkat = k.tingkat, dihitung = k.dihitung, penjelasan = k.penjelasan,
                   penjelasan_en = k.penjelasan_en FROM temuan_kini k WHERE d.kunci = k.kunci""")
    cur.execute(f"""INSERT INTO temuan_dikenal ({', '.join(_KOLOM_DIKENAL)})
                    SELECT {', '.join(_KOLOM_DIKENAL)} FROM temuan_kini WHERE kunci NOT IN (SELECT kunci FROM temuan_dikenal)""")
    cur.unregister("temuan_kini")


def segarkan(store, per: int | None = PER_BAWAAN) -> int:
    """Recheck the agencies written since their findings were stored, or all of them when the checks changed;
    returns how many agencies were rechecked. ``per``: at most that many agencies at once (a national batch
    import, or the first view after an upgrade of the checks, would otherwise hold every agency's rows in memory
    together; None: all at once)."""
    semua = int(store.satu("SELECT count(*) FROM instansi") or 0)
    ganti_versi = versi_tersimpan(store) != registri.VERSI
    kotor = list(store.baca("SELECT instansi FROM temuan_kotor ORDER BY 1")["instansi"])
    if per and (len(kotor) if not ganti_versi else semua) > per:
        if ganti_versi:
            kotor = list(store.baca("SELECT nama FROM instansi ORDER BY 1")["nama"])
        for i in range(0, len(kotor), per):
            perbarui(store, kotor[i:i + per])
        if ganti_versi:
            with store.transaksi(naikkan_versi=False) as cur:
                cur.execute("DELETE FROM temuan WHERE instansi NOT IN (SELECT nama FROM instansi)")
                cur.execute("DELETE FROM temuan_kotor")
                cur.execute("DELETE FROM meta WHERE kunci = ?", [KUNCI_VERSI])
                cur.execute("INSERT INTO meta VALUES (?, ?)", [KUNCI_VERSI, registri.VERSI])
        return len(kotor)
    if ganti_versi:
        perbarui(store, None)
        return semua
    if kotor:
        perbarui(store, None if len(kotor) >= semua else kotor)
    return len(kotor)


def temuan(store, instansi: list[str] | None = None, tahun: list[int] | None = None) -> pd.DataFrame:
    """The findings, from the stored table; agencies written since their last check (or all, after an upgrade
    of the checks) are checked first. A read-only store computes directly."""
    if getattr(store, "read_only", False):
        return periksa(store, instansi, tahun)
    segarkan(store)
    where, params = store._saring(instansi, tahun, alias="t", kolom_instansi="t.instansi")
    return rapikan(store.baca(f"SELECT {', '.join(KOLOM_TEMUAN)} FROM temuan t WHERE TRUE {where}", params))


def jumlah_per_instansi(store, instansi: list[str] | None = None, tahun: list[int] | None = None) -> pd.DataFrame:
    """``ringkas_per_instansi(temuan(store, ...))`` counted in the database (the findings themselves are not read)."""
    if getattr(store, "read_only", False):
        return ringkas_per_instansi(temuan(store, instansi, tahun))
    segarkan(store)
    where, params = store._saring(instansi, tahun, alias="t", kolom_instansi="t.instansi")
    df = store.baca(f"""SELECT instansi, tingkat, count(*) AS n FROM (SELECT DISTINCT {', '.join(KOLOM_TEMUAN)} FROM temuan t
                        WHERE TRUE {where}) d GROUP BY instansi, tingkat""", params)
    return _ringkas(df.set_index(["instansi", "tingkat"])["n"])


def ringkas_per_instansi(df: pd.DataFrame) -> pd.DataFrame:
    """Findings per agency: columns instansi, jumlah, galat, peringatan, info (sorted by agency)."""
    return _ringkas(df.groupby(["instansi", "tingkat"]).size() if df is not None and len(df) else None)


def _ringkas(hitung: pd.Series | None) -> pd.DataFrame:
    """The per-agency table from counts indexed by (instansi, tingkat)."""
    kolom = ["instansi", "jumlah", *TINGKAT]
    if hitung is None or not len(hitung):
        return pd.DataFrame({k: pd.Series(dtype=object if k == "instansi" else "int64") for k in kolom})
    t = hitung.unstack(fill_value=0).reindex(columns=list(TINGKAT), fill_value=0)
    t.insert(0, "jumlah", t.sum(axis=1))
    return t.reset_index()[kolom].sort_values("instansi").reset_index(drop=True).astype({k: "int64" for k in kolom[1:]})


