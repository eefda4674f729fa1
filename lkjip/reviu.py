"""Review work on a report (reviu LKjIP): verdicts on findings, notes per indicator-year, the reviewer's worksheet.

- A verdict (``PUTUSAN``) is kept by the finding's stable key (``checks.kunci_temuan``): it survives
  re-imports as long as the finding is the same. A finding that no longer occurs (a corrected upload) is
  shown as resolved (``status == 'selesai'``), with its verdict if it had one.
- Notes per indicator-year in the LKjIP vocabulary (``JENIS_CATATAN``), from the reviewer or the agency
  (``PIHAK``).
- ``lembar_kerja(store, instansi, tahun)``: the *Lembar kerja reviu* xlsx for one agency-year.

Every write is one transaction with its line in the activity log (lkjip.aktivitas). Who may write is
decided by the caller (the page asks ``web.izin_reviu``); these functions record who did.
"""
from __future__ import annotations

import io
from datetime import datetime

import pandas as pd

from . import akses, aktivitas, checks, export
from .store import Store

PUTUSAN: dict[str, tuple[str, str]] = {
    "dikonfirmasi": ("Dikonfirmasi", "Confirmed"),
    "dapat_dijelaskan": ("Dapat dijelaskan", "Explained"),
    "diperbaiki": ("Diperbaiki", "Fixed"),
    "bukan_masalah": ("Bukan masalah", "Not an issue"),
}
PENJELASAN_PUTUSAN = {
    "dikonfirmasi": "kesalahan nyata dalam laporan",
    "dapat_dijelaskan": "ada penjelasan yang dapat diterima",
    "diperbaiki": "sudah diperbaiki pada unggahan berikutnya",
    "bukan_masalah": "bukan kesalahan",
}
JENIS_CATATAN: dict[str, tuple[str, str]] = {
    "faktor_pendukung": ("Faktor pendukung", "Supporting factors"),
    "faktor_penghambat": ("Faktor penghambat", "Inhibiting factors"),
    "tindak_lanjut": ("Tindak lanjut / rekomendasi", "Follow-up / recommendation"),
}
PIHAK: dict[str, tuple[str, str]] = {"reviewer": ("Reviewer", "Reviewer"), "instansi": ("Instansi", "Agency")}
STATUS: dict[str, tuple[str, str]] = {
    "terbuka": ("Belum diputus", "Open"),
    "diputus": ("Sudah diputus", "Decided"),
    "selesai": ("Selesai (tidak muncul lagi)", "Resolved (no longer occurs)"),
}
BATAS_CATATAN = 4000  # characters of one note or verdict comment

KOLOM_PUTUSAN = ["kunci", "status", "putusan", "catatan_putusan", "pengguna_putusan", "waktu_putusan"]


class ReviuError(ValueError):
    """A review write that cannot be done (message in Bahasa Indonesia)."""


def _teks(isi: str | None, apa: str) -> str | None:
    if isi is None:
        return None
    isi = str(isi).strip()
    if len(isi) > BATAS_CATATAN:
        raise ReviuError(f"{apa} terlalu panjang ({len(isi)} karakter); paling banyak {BATAS_CATATAN} karakter.")
    return isi or None


# ---------------------------------------------------------------------------------------------------
# Findings with their verdicts

def temuan_dengan_putusan(store: Store, instansi: str, tahun: int | None = None) -> pd.DataFrame:
    """The findings of one agency (one year, or all when None) with their verdicts, including findings that no
    longer occur (resolved). Columns: checks.KOLOM_TEMUAN + KOLOM_PUTUSAN; ``status`` is 'terbuka' (no verdict),
    'diputus' (verdict given, still occurs) or 'selesai' (no longer occurs); resolved findings keep the text
    they had, with no ids. Sorted: occurring findings first (checks' order), then the resolved ones."""
    return daftar_reviu(store, [instansi], [tahun] if tahun is not None else None)


def daftar_reviu(store: Store, instansi: list[str] | None = None, tahun: list[int] | None = None) -> pd.DataFrame:
    """temuan_dengan_putusan for a choice of agencies and years (all when None)."""
    kini = checks.temuan(store, instansi, tahun)
    kini = kini.assign(kunci=checks.kunci_temuan(kini)) if len(kini) else kini.assign(kunci=pd.Series(dtype=object))
    syarat, param = store._saring(instansi, tahun, alias="x", kolom_instansi="x.instansi")
    putusan = store.baca(f"SELECT kunci, putusan, catatan AS catatan_putusan, pengguna AS pengguna_putusan, "
                         f"waktu AS waktu_putusan FROM putusan_temuan x WHERE TRUE {syarat}", param)
    hilang = store.baca(f"SELECT kunci, instansi, tahun, jenis, tingkat, sumber, baris, dilaporkan, dihitung, penjelasan, penjelasan_en "
                        f"FROM temuan_dikenal x WHERE hilang IS NOT NULL {syarat} ORDER BY instansi, tahun, hilang", param)
    hilang = hilang[~hilang["kunci"].isin(kini["kunci"])]
    hilang = hilang.assign(selisih=hilang["dilaporkan"] - hilang["dihitung"], ids="")
    # verdicts on findings no longer known at all (e.g. a database restored without them) still show
    tanpa = putusan[~putusan["kunci"].isin(kini["kunci"]) & ~putusan["kunci"].isin(hilang["kunci"])]
    if len(tanpa):
        lama = store.baca(f"SELECT kunci, instansi, tahun, jenis, tingkat, sumber, baris, penjelasan, penjelasan_en FROM putusan_temuan x "
                          f"WHERE TRUE {syarat}", param)
        lama = lama[lama["kunci"].isin(tanpa["kunci"])].assign(dilaporkan=float("nan"), dihitung=float("nan"),
                                                                 selisih=float("nan"), ids="")
        hilang = pd.concat([hilang, lama], ignore_index=True) if len(hilang) else lama
    kini = kini.assign(_selesai=False)
    hilang = hilang.assign(_selesai=True)
    semua = pd.concat([kini, hilang[[*checks.KOLOM_TEMUAN, "kunci", "_selesai"]]], ignore_index=True) if len(hilang) else kini
    semua = semua.merge(putusan, on="kunci", how="left")
    semua["status"] = ["selesai" if s else ("diputus" if isinstance(p, str) else "terbuka")
                       for s, p in zip(semua["_selesai"], semua["putusan"])]
    semua["tahun"] = pd.array(semua["tahun"], dtype="Int64")
    for k in ("putusan", "catatan_putusan", "pengguna_putusan"):
        semua[k] = semua[k].astype(object).where(semua[k].notna(), None)
    return semua.drop(columns="_selesai")[[*checks.KOLOM_TEMUAN, *KOLOM_PUTUSAN]].reset_index(drop=True)


def beri_putusan(store: Store, kunci: str, putusan: str, catatan: str | None = None,
                 pengguna: akses.Pengguna | str | None = None) -> None:
    """Record (or change) the verdict on the finding with this key; logged as 'putusan'. Refused
    (``akses.AksesDitolak``) unless the user is a reviewer or an admin."""
    pengguna = akses.nama_log(akses.pastikan_boleh_mereviu(pengguna, "putusan"))
    if putusan not in PUTUSAN:
        raise ReviuError(f"putusan '{putusan}' tidak dikenal; pilih salah satu dari {', '.join(PUTUSAN)}.")
    catatan = _teks(catatan, "Catatan putusan")
    kolom = "instansi, tahun, jenis, tingkat, sumber, baris, penjelasan, penjelasan_en"
    t = store.baca(f"SELECT {kolom} FROM temuan_dikenal WHERE kunci = ?", [kunci])
    if t.empty:
        t = store.baca(f"SELECT {kolom} FROM putusan_temuan WHERE kunci = ?", [kunci])
    if t.empty:
        raise ReviuError(f"temuan dengan kunci '{kunci}' tidak ditemukan; muat ulang halaman Kualitas data lalu pilih lagi.")
    r = t.iloc[0]
    tahun = None if pd.isna(r["tahun"]) else int(r["tahun"])
    with store.transaksi() as cur:
        cur.execute("DELETE FROM putusan_temuan WHERE kunci = ?", [kunci])
        cur.execute("""INSERT INTO putusan_temuan (kunci, instansi, tahun, jenis, tingkat, sumber, baris, penjelasan, penjelasan_en,
                       putusan, catatan, pengguna, waktu) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)""",
                    [kunci, r["instansi"], tahun, r["jenis"], r["tingkat"], r["sumber"], r["baris"], r["penjelasan"],
                     r["penjelasan_en"] if isinstance(r["penjelasan_en"], str) else None, putusan, catatan, pengguna])
        aktivitas.catat(cur, pengguna, "putusan", r["instansi"], tahun,
                        f"{PUTUSAN[putusan][0]}: {r['jenis']} — {r['baris']} ({r['sumber']})" + (f"; {catatan}" if catatan else ""))


def hapus_putusan(store: Store, kunci: str, pengguna: akses.Pengguna | str | None = None) -> None:
    """Withdraw the verdict on a finding; logged. Reviewer or admin only."""
    pengguna = akses.nama_log(akses.pastikan_boleh_mereviu(pengguna, "putusan"))
    t = store.baca("SELECT instansi, tahun, jenis, baris FROM putusan_temuan WHERE kunci = ?", [kunci])
    if t.empty:
        return
    r = t.iloc[0]
    with store.transaksi() as cur:
        cur.execute("DELETE FROM putusan_temuan WHERE kunci = ?", [kunci])
        aktivitas.catat(cur, pengguna, "putusan", r["instansi"], None if pd.isna(r["tahun"]) else int(r["tahun"]),
                        f"putusan dicabut: {r['jenis']} — {r['baris']}")


def klaim_terlibat(store: Store, ids: list[int], bahasa: str = "id") -> pd.DataFrame:
    """The transcribed claims (lkjip.checks.klaim) among a finding's ids: jenis (named in the language), nilai, operan,
    sumber, baris, kutipan (as printed)."""
    if not ids:
        return pd.DataFrame(columns=["jenis", "nilai", "operan", "sumber", "baris", "kutipan"])
    from .checks.klaim import NAMA_KLAIM, NAMA_KLAIM_EN

    nama = NAMA_KLAIM_EN if bahasa == "en" else NAMA_KLAIM

    df = store.baca("SELECT jenis, nilai, operan, sumber, baris, kutipan FROM klaim WHERE id IN (SELECT unnest(?::BIGINT[])) ORDER BY id",
                    [[int(i) for i in ids]])
    return df.assign(jenis=df["jenis"].map(lambda j: nama.get(j, NAMA_KLAIM.get(j, j)))).fillna("–")


# ---------------------------------------------------------------------------------------------------
# Notes per indicator-year

def tulis_catatan(store: Store, instansi: str, tahun: int, indikator: str, jenis: str, isi: str | None,
                  pihak: str = "reviewer", pengguna: akses.Pengguna | str | None = None) -> None:
    """Write (replace) one note of an indicator-year; an empty text removes it. Logged as 'catatan'.
    Reviewer or admin only."""
    pengguna = akses.nama_log(akses.pastikan_boleh_mereviu(pengguna, "catatan"))
    if jenis not in JENIS_CATATAN:
        raise ReviuError(f"jenis catatan '{jenis}' tidak dikenal; pilih salah satu dari {', '.join(JENIS_CATATAN)}.")
    if pihak not in PIHAK:
        raise ReviuError(f"pihak '{pihak}' tidak dikenal; pilih 'reviewer' atau 'instansi'.")
    isi = _teks(isi, JENIS_CATATAN[jenis][0])
    ada = store.satu("""SELECT count(*) FROM indikator t JOIN instansi i ON i.id = t.instansi_id
                        WHERE i.nama = ? AND t.tahun = ? AND t.indikator = ?""", [instansi, int(tahun), indikator])
    if not ada:
        raise ReviuError(f"indikator '{indikator}' tahun {tahun} tidak ada untuk {instansi}.")
    with store.transaksi() as cur:
        cur.execute("DELETE FROM catatan_indikator WHERE instansi = ? AND tahun = ? AND indikator = ? AND jenis = ? AND pihak = ?",
                    [instansi, int(tahun), indikator, jenis, pihak])
        if isi:
            cur.execute("""INSERT INTO catatan_indikator (instansi, tahun, indikator, jenis, pihak, isi, pengguna, waktu)
                           VALUES (?, ?, ?, ?, ?, ?, ?, current_timestamp)""",
                        [instansi, int(tahun), indikator, jenis, pihak, isi, pengguna])
        aktivitas.catat(cur, pengguna, "catatan", instansi, int(tahun),
                        f"{JENIS_CATATAN[jenis][0]} ({PIHAK[pihak][0].lower()}) — {indikator}: " + (isi or "dihapus"))


def catatan_indikator(store: Store, instansi: str, tahun: int | None = None) -> pd.DataFrame:
    """The notes of one agency (one year, or all when None), one row per note. Columns: instansi, tahun,
    indikator, jenis (faktor_pendukung | faktor_penghambat | tindak_lanjut), pihak (reviewer | instansi), isi,
    pengguna, waktu; sorted by year, indicator, kind, party."""
    syarat, param = "instansi = ?", [instansi]
    if tahun is not None:
        syarat += " AND tahun = ?"
        param.append(int(tahun))
    df = store.baca(f"SELECT instansi, tahun, indikator, jenis, pihak, isi, pengguna, waktu FROM catatan_indikator WHERE {syarat}", param)
    urut = {k: i for i, k in enumerate(JENIS_CATATAN)}
    df = df.assign(_u=df["jenis"].map(urut)).sort_values(["tahun", "indikator", "_u", "pihak"]).drop(columns="_u")
    return df.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------
# The worksheet

_URUTAN_KELOMPOK = ["dikonfirmasi", "terbuka", "dapat_dijelaskan", "diperbaiki", "bukan_masalah", "selesai"]
_NAMA_KELOMPOK = {
    "dikonfirmasi": "A. Temuan dikonfirmasi (kesalahan nyata dalam laporan)",
    "terbuka": "B. Temuan belum diputus",
    "dapat_dijelaskan": "C. Temuan yang dapat dijelaskan",
    "diperbaiki": "D. Temuan yang sudah diperbaiki",
    "bukan_masalah": "E. Bukan masalah",
    "selesai": "F. Selesai: tidak muncul lagi setelah data diperbarui",
}


def _kelompok(r) -> str:
    if r["status"] == "selesai" and r["putusan"] not in ("dikonfirmasi", "dapat_dijelaskan", "bukan_masalah", "diperbaiki"):
        return "selesai"
    if r["status"] == "selesai" and r["putusan"] == "diperbaiki":
        return "diperbaiki"
    return r["putusan"] if isinstance(r["putusan"], str) else "terbuka"


def ringkasan_putusan(df: pd.DataFrame) -> pd.DataFrame:
    """Counts per kind of finding (rows) and verdict (columns, plus 'belum diputus', 'selesai' and the total)."""
    from .label import jenis_temuan

    kolom = [*(v[0] for v in PUTUSAN.values()), STATUS["terbuka"][0], STATUS["selesai"][0], "Jumlah"]
    if df.empty:
        return pd.DataFrame(columns=["Jenis temuan", *kolom])
    kat = [PUTUSAN[p][0] if isinstance(p, str) else (STATUS["selesai"][0] if s == "selesai" else STATUS["terbuka"][0])
           for p, s in zip(df["putusan"], df["status"])]
    t = pd.crosstab(df["jenis"].map(jenis_temuan), pd.Series(kat, index=df.index, name="k"))
    t = t.reindex(columns=kolom[:-1], fill_value=0)
    t["Jumlah"] = t.sum(axis=1)
    t.loc["Jumlah"] = t.sum(axis=0)
    return t.reset_index().rename(columns={"jenis": "Jenis temuan"}).rename_axis(None, axis=1)


def lembar_kerja(store: Store, instansi: str, tahun: int, pengguna: str | None = None) -> bytes:
    """The *Lembar kerja reviu* of one agency-year (xlsx): an identity and summary sheet (counts per kind and
    verdict, per severity), the findings grouped by verdict as a reviewer hands them over (confirmed first),
    and the notes per indicator."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from .label import jenis_temuan, tingkat_temuan

    df = temuan_dengan_putusan(store, instansi, tahun)
    cat = catatan_indikator(store, instansi, tahun)
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    tebal = Font(bold=True)
    ws.append(["LEMBAR KERJA REVIU LKjIP"])
    ws["A1"].font = Font(bold=True, size=13)
    for k, v in (("Instansi", instansi), ("Tahun", int(tahun)), ("Dibuat", datetime.now().strftime("%d-%m-%Y %H:%M")),
                 ("Oleh", pengguna or "-"), ("Versi pemeriksaan", checks.VERSI),
                 ("Jumlah temuan", int(len(df))), ("Sudah diputus", int(df["putusan"].notna().sum()) if len(df) else 0),
                 ("Selesai (tidak muncul lagi)", int((df["status"] == "selesai").sum()) if len(df) else 0)):
        ws.append([k, v])
        ws.cell(ws.max_row, 1).font = tebal
    ws.append([])
    ws.append(["Jumlah temuan per jenis dan putusan"])
    ws.cell(ws.max_row, 1).font = tebal
    r0 = ws.max_row + 1
    export.isi_lembar(ws, ringkasan_putusan(df), baris_awal=r0, beku=False)
    ws.append([])
    ws.append(["Jumlah temuan per tingkat"])
    ws.cell(ws.max_row, 1).font = tebal
    per_tingkat = pd.DataFrame({"Tingkat": [tingkat_temuan(t) for t in checks.TINGKAT],
                                "Jumlah": [int((df["tingkat"] == t).sum()) if len(df) else 0 for t in checks.TINGKAT]})
    export.isi_lembar(ws, per_tingkat, baris_awal=ws.max_row + 1, beku=False)
    ws.column_dimensions["A"].width = 58
    for c in "BCDEFGH":
        ws.column_dimensions[c].width = 16

    wt = wb.create_sheet("Temuan")
    judul = ["No", "Jenis temuan", "Tingkat", "Sumber", "Baris", "Tercetak", "Dihitung ulang", "Selisih", "Penjelasan",
             "Putusan", "Catatan reviewer", "Reviewer", "Waktu putusan", "Status"]
    wt.append(judul)
    for c in wt[1]:
        c.font = tebal
    isi = df.assign(_k=df.apply(_kelompok, axis=1)) if len(df) else df.assign(_k=pd.Series(dtype=object))
    isi = isi.assign(_u=isi["_k"].map({k: i for i, k in enumerate(_URUTAN_KELOMPOK)}))
    isi = isi.sort_values(["_u", "jenis", "tingkat"], key=lambda s: s.map(checks.umum._PERINGKAT_TINGKAT) if s.name == "tingkat" else s,
                          kind="mergesort")
    isi_kelompok = PatternFill("solid", fgColor="DDE7F0")
    no = 0
    for kel, g in isi.groupby("_k", sort=False):
        wt.append([f"{_NAMA_KELOMPOK[kel]} — {len(g)} temuan"])
        wt.cell(wt.max_row, 1).font = tebal
        for c in range(1, len(judul) + 1):
            wt.cell(wt.max_row, c).fill = isi_kelompok
        for r in g.itertuples(index=False):
            no += 1
            waktu = r.waktu_putusan.strftime("%d-%m-%Y %H:%M") if isinstance(r.waktu_putusan, (pd.Timestamp, datetime)) and not pd.isna(r.waktu_putusan) else None
            baris = [no, jenis_temuan(r.jenis), tingkat_temuan(r.tingkat), r.sumber, r.baris, _angka(r.dilaporkan),
                     _angka(r.dihitung), _angka(r.selisih), r.penjelasan, PUTUSAN[r.putusan][0] if isinstance(r.putusan, str) else None,
                     r.catatan_putusan, r.pengguna_putusan, waktu, STATUS[r.status][0]]
            wt.append([export._sel(v) for v in baris])
            for c in wt[wt.max_row]:
                if isinstance(c.value, str):
                    c.data_type = "s"
                    c.alignment = Alignment(wrap_text=True, vertical="top")
                elif isinstance(c.value, float):
                    c.number_format = "#,##0.00"
    if not len(isi):
        wt.append(["Tidak ada temuan untuk instansi dan tahun ini."])
    wt.freeze_panes = "A2"
    for c, lebar in zip("ABCDEFGHIJKLMN", (5, 30, 11, 30, 30, 16, 16, 14, 70, 16, 40, 18, 16, 18)):
        wt.column_dimensions[c].width = lebar

    wc = wb.create_sheet("Catatan indikator")
    lebar = _catatan_lebar(cat)
    export.isi_lembar(wc, lebar)
    for c, w in zip("ABCDE", (60, 12, 45, 45, 45)):
        wc.column_dimensions[c].width = w
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _angka(v):
    return None if v is None or (isinstance(v, float) and pd.isna(v)) else float(v)


def _catatan_lebar(cat: pd.DataFrame) -> pd.DataFrame:
    """Notes as one row per indicator and party, one column per kind of note."""
    kolom = ["Indikator", "Pihak", *(v[0] for v in JENIS_CATATAN.values())]
    if cat.empty:
        return pd.DataFrame(columns=kolom)
    t = cat.pivot_table(index=["indikator", "pihak"], columns="jenis", values="isi", aggfunc="first").reset_index()
    t = t.reindex(columns=["indikator", "pihak", *JENIS_CATATAN])
    t["pihak"] = t["pihak"].map(lambda p: PIHAK[p][0])
    t.columns = kolom
    return t
