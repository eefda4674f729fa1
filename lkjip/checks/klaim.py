"""Claims a report prints in its running text, transcribed as structured values, and the checks on them.

A claim (table ``klaim``, seed file ``klaim.csv``) has a kind (``jenis``), the figure or word claimed as
printed (``nilai``), the printed inputs (``operan``, ';'-separated) or the indicator and years it speaks
of (``indikator``, ``tahun_acuan``, ``besaran``), the table a count refers to (``acuan``), and where it is
printed (``sumber``, ``baris``, ``kutipan``). Nothing is parsed from prose at run time.

Kinds: ``rumus`` (a/b × 100 = nilai), ``selisih`` (difference between two years = nilai), ``rata_rata``
(mean of the inputs or of the indicator over the years), ``jumlah`` (parts add up to nilai), ``arah``
(meningkat / menurun / tetap between two years), ``semua_tercapai`` (every main indicator reached nilai %),
``hitungan`` (number of program / kegiatan / sub_kegiatan lines in a table), ``skor`` and ``kategori``
(lkjip.checks.skor_kategori).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from ..numbers import parse
from .registri import pemeriksaan
from .toleransi import _tingkat_persen, cocok_dibulatkan
from .umum import KOLOM_TEMUAN, Teks, _angka, _ids, _kosong, _pct, _tabel_saja, _temuan

KOLOM_KLAIM = ["instansi", "tahun", "jenis", "lingkup", "indikator", "nilai", "operan", "tahun_acuan", "besaran", "acuan",
               "sumber", "baris", "kutipan"]
JENIS_KLAIM = ("rumus", "selisih", "rata_rata", "jumlah", "arah", "semua_tercapai", "hitungan", "skor", "kategori")
NAMA_KLAIM = {
    "rumus": "rumus a / b × 100%", "selisih": "selisih antar tahun", "rata_rata": "rata-rata", "jumlah": "jumlah rincian",
    "arah": "naik / turun", "semua_tercapai": "semua indikator tercapai", "hitungan": "jumlah program / kegiatan",
    "skor": "skor dengan label tahun", "kategori": "kategori capaian",
}
NAMA_KLAIM_EN = {
    "rumus": "formula a / b × 100%", "selisih": "change between years", "rata_rata": "average", "jumlah": "sum of parts",
    "arah": "rise / fall", "semua_tercapai": "every indicator reached", "hitungan": "number of programmes / activities",
    "skor": "score with a year label", "kategori": "achievement category",
}
_LEVEL_HITUNG = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}
_LEVEL_HITUNG_EN = {"program": "programmes", "kegiatan": "activities", "sub_kegiatan": "sub-activities"}
_BESARAN_EN = {"capaian": "achievement", "realisasi": "actual", "target": "target"}


class KlaimError(ValueError):
    """A claims file that cannot be loaded (message in Bahasa Indonesia, with the row)."""


# ---------------------------------------------------------------------------------------------------
# Loading and reading

def baca_berkas(path: str | Path) -> pd.DataFrame:
    """Read a klaim.csv (columns KOLOM_KLAIM); raise KlaimError naming the row for a bad one."""
    teks = Path(path).read_text(encoding="utf-8-sig")
    baris = list(csv.DictReader(io.StringIO(teks)))
    if baris and set(KOLOM_KLAIM) - set(baris[0]):
        raise KlaimError(f"{Path(path).name}: kolom {', '.join(sorted(set(KOLOM_KLAIM) - set(baris[0])))} tidak ada")
    for i, b in enumerate(baris, start=2):
        if not (b.get("instansi") or "").strip():
            raise KlaimError(f"{Path(path).name} baris {i}: kolom instansi kosong")
        if b.get("jenis") not in JENIS_KLAIM:
            raise KlaimError(f"{Path(path).name} baris {i}: jenis '{b.get('jenis')}' tidak dikenal; pakai salah satu dari "
                             f"{', '.join(JENIS_KLAIM)}")
        if b.get("tahun") and not str(b["tahun"]).strip().isdigit():
            raise KlaimError(f"{Path(path).name} baris {i}: tahun '{b['tahun']}' bukan angka tahun")
    df = pd.DataFrame(baris, columns=KOLOM_KLAIM)
    df["tahun"] = pd.to_numeric(df["tahun"].replace("", None), errors="coerce").astype("Int64")
    return df.replace({"": None})


def muat_klaim(store, path: str | Path, pengguna: str | None = None) -> int:
    """Load a klaim.csv, replacing the claims of the same agency-years; returns the rows written."""
    from .. import aktivitas

    df = baca_berkas(path)
    if df.empty:
        return 0
    kunci = df[["instansi", "tahun"]].drop_duplicates()
    with store.transaksi() as cur:
        for inst, th in kunci.itertuples(index=False):
            cur.execute("DELETE FROM klaim WHERE instansi = ? AND tahun IS NOT DISTINCT FROM ?",
                        [inst, None if pd.isna(th) else int(th)])
        cur.register("klaim_baru", df)
        cur.execute(f"INSERT INTO klaim ({', '.join(KOLOM_KLAIM)}) SELECT {', '.join(KOLOM_KLAIM)} FROM klaim_baru")
        cur.unregister("klaim_baru")
        store.tandai_kotor(cur, list(df["instansi"].unique()))
        for inst, th in kunci.itertuples(index=False):
            aktivitas.catat(cur, pengguna, "klaim", inst, None if pd.isna(th) else int(th),
                            f"{int(((df['instansi'] == inst) & (df['tahun'] == th)).sum())} klaim dari {Path(path).name}")
    return len(df)


def baca_klaim(store, instansi: list[str] | None = None, tahun: list[int] | None = None) -> pd.DataFrame:
    where, params = store._saring(instansi, tahun, alias="k", kolom_instansi="k.instansi")
    return store.baca(f"SELECT k.* FROM klaim k WHERE TRUE {where} ORDER BY k.instansi, k.tahun, k.id", params)


# ---------------------------------------------------------------------------------------------------
# Helpers

def _angka_klaim(teks) -> float | None:
    return parse(teks).nilai if isinstance(teks, str) and teks.strip() else None


def _operan(teks) -> list[float | None]:
    if not isinstance(teks, str) or not teks.strip():
        return []
    return [_angka_klaim(t) for t in teks.split(";")]


def _tahun_acuan(teks) -> list[int]:
    if not isinstance(teks, str):
        return []
    return [int(t) for t in teks.replace(",", ";").split(";") if t.strip().isdigit()]


def _sumber_klaim(k) -> str:
    return f"{k.sumber}" + (f" (baris {k.baris})" if isinstance(k.baris, str) and k.baris else "")


def _nilai_indikator(ind: pd.DataFrame, instansi: str, indikator: str, tahun: int, besaran: str | None, acuan=None):
    """(value, row id, source) of an indicator-year (in the table ``acuan`` when given): the main row first;
    capaian = the printed capaian, else the recomputed one."""
    if ind is None or ind.empty or not isinstance(indikator, str):
        return None, None, None
    d = ind[(ind["instansi"] == instansi) & (ind["indikator"] == indikator) & (ind["tahun"] == tahun)]
    if isinstance(acuan, str) and acuan.strip():
        d = d[d["sumber"].fillna("").str.endswith(acuan.strip())]
    if d.empty:
        return None, None, None
    d = d.sort_values(["utama", "id"], ascending=[False, True])
    for r in d.itertuples(index=False):
        if (besaran or "capaian") == "capaian":
            v = r.capaian_dilaporkan if pd.notna(r.capaian_dilaporkan) else r.capaian
        else:
            v = getattr(r, besaran)
        if pd.notna(v):
            return float(v), int(r.id), r.sumber
    return None, None, None


def _nilai_tahun(ind, k) -> tuple[list[tuple[int, float]], list[int], list[str]]:
    hasil, ids, sumber = [], [], []
    for th in _tahun_acuan(k.tahun_acuan):
        v, i, s = _nilai_indikator(ind, k.instansi, k.indikator, th, k.besaran, k.acuan)
        if v is None:
            return [], [], []
        hasil.append((th, v))
        ids.append(i)
        sumber.append(s)
    return hasil, ids, sumber


def _besaran(k) -> str:
    return k.besaran or "capaian"


def _besaran_en(k) -> str:
    return _BESARAN_EN.get(_besaran(k), _besaran(k))


# ---------------------------------------------------------------------------------------------------
# Checks

@pemeriksaan({"persen_tidak_sesuai": ("Persentase atau selisih tercetak tidak sesuai masukannya",
                                      "Printed percentage or difference does not follow from its inputs")})
def cek_klaim_rumus(klaim: pd.DataFrame, ind: pd.DataFrame) -> pd.DataFrame:
    """persen_tidak_sesuai: a printed 'a/b × 100% = z' (rumus; also a Renstra progress or a capaian quoted
    for an earlier year) and a printed change between two years (selisih) against their own inputs."""
    if klaim.empty:
        return _kosong()
    hasil = []
    for k in klaim[klaim["jenis"].isin(["rumus", "selisih"])].itertuples(index=False):
        dicetak = _angka_klaim(k.nilai)
        if dicetak is None:
            continue
        if k.jenis == "rumus":
            op = _operan(k.operan)
            if len(op) != 2 or None in op or not op[1]:
                continue
            dihitung = op[0] / op[1] * 100
            if cocok_dibulatkan(k.nilai, dihitung):
                continue
            a, b = k.operan.split(";")
            hasil.append(_temuan(
                k.instansi, k.tahun, "persen_tidak_sesuai", _tingkat_persen(dicetak - dihitung), _sumber_klaim(k),
                k.lingkup or k.indikator or "", dicetak, dihitung,
                Teks(f"Tercetak {k.nilai.strip()} untuk {a.strip()} / {b.strip()} × 100%, padahal hasilnya {_pct(dihitung)}"
                     f" (juga bila dibulatkan atau dipotong ke desimal yang dicetak).",
                     f"Printed {k.nilai.strip()} for {a.strip()} / {b.strip()} × 100%, but the result is {_pct(dihitung)}"
                     f" (also when rounded or truncated to the printed decimals)."), _ids([k.id])))
        else:
            nilai, ids, sumber = _nilai_tahun(ind, k)
            if len(nilai) != 2:
                continue
            (t1, v1), (t2, v2) = nilai
            dihitung = abs(v2 - v1)
            if cocok_dibulatkan(k.nilai, dihitung):
                continue
            hasil.append(_temuan(
                k.instansi, k.tahun, "persen_tidak_sesuai", _tingkat_persen(abs(dicetak) - dihitung), _sumber_klaim(k),
                k.indikator, dicetak, dihitung,
                Teks(f"Teks menyebut perubahan {_besaran(k)} {k.nilai.strip()} antara {t1} dan {t2}, padahal {_besaran(k)} yang "
                     f"tercetak di {_tabel_saja(sumber)} adalah {_angka(v1)} ({t1}) dan {_angka(v2)} ({t2}), selisih {_angka(dihitung)}.",
                     f"The text gives a change in {_besaran_en(k)} of {k.nilai.strip()} between {t1} and {t2}, but the {_besaran_en(k)} "
                     f"printed in {_tabel_saja(sumber)} is {_angka(v1)} ({t1}) and {_angka(v2)} ({t2}), a difference of {_angka(dihitung)}."),
                _ids([k.id], ids)))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


@pemeriksaan({"rata_rata_teks_tidak_sesuai": ("Rata-rata antar tahun atau antar indikator tercetak tidak sesuai angkanya",
                                              "Printed average over years or indicators does not match its figures")})
def cek_klaim_rata_rata(klaim: pd.DataFrame, ind: pd.DataFrame) -> pd.DataFrame:
    """rata_rata_teks_tidak_sesuai: an average printed in the text (over several years of one indicator, or
    over printed figures) against the mean of those figures; rounding or truncation is accepted."""
    if klaim.empty:
        return _kosong()
    hasil = []
    for k in klaim[klaim["jenis"] == "rata_rata"].itertuples(index=False):
        dicetak = _angka_klaim(k.nilai)
        if dicetak is None:
            continue
        ids, sumber = [], []
        if isinstance(k.operan, str) and k.operan.strip():
            v = _operan(k.operan)
            label = [x.strip() for x in k.operan.split(";")]
        else:
            pasangan, ids, sumber = _nilai_tahun(ind, k)
            v = [x for _, x in pasangan]
            label = [f"{_angka(x)} ({t})" for t, x in pasangan]
        if not v or None in v:
            continue
        dihitung = float(np.mean(v))
        if cocok_dibulatkan(k.nilai, dihitung):
            continue
        asal = (Teks(f" {_besaran(k)} di {_tabel_saja(sumber)}", f" of {_besaran_en(k)} in {_tabel_saja(sumber)}") if sumber
                else Teks("", ""))
        hasil.append(_temuan(
            k.instansi, k.tahun, "rata_rata_teks_tidak_sesuai", _tingkat_persen(dicetak - dihitung), _sumber_klaim(k),
            k.indikator or k.lingkup or "", dicetak, dihitung,
            Teks(f"Rata-rata tercetak {k.nilai.strip()} tidak sama dengan rata-rata {len(v)} angka{asal.id} ({'; '.join(label)}), "
                 f"yaitu {_angka(dihitung)}.",
                 f"Printed average {k.nilai.strip()} is not the mean of the {len(v)} figures{asal.en} ({'; '.join(label)}), "
                 f"which is {_angka(dihitung)}."), _ids([k.id], ids)))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


@pemeriksaan({"rincian_tidak_sesuai": ("Rincian target atau realisasi tidak sama dengan angka indikatornya",
                                       "Sub-targets or sub-results do not add up to the indicator")})
def cek_klaim_jumlah(klaim: pd.DataFrame) -> pd.DataFrame:
    """rincian_tidak_sesuai: the sub-targets (or sub-results) printed under one indicator against its figure."""
    if klaim.empty:
        return _kosong()
    hasil = []
    for k in klaim[klaim["jenis"] == "jumlah"].itertuples(index=False):
        total, bagian = _angka_klaim(k.nilai), _operan(k.operan)
        if total is None or not bagian or None in bagian:
            continue
        jumlah = float(sum(bagian))
        if cocok_dibulatkan(k.nilai, jumlah):
            continue
        hasil.append(_temuan(
            k.instansi, k.tahun, "rincian_tidak_sesuai", "galat", _sumber_klaim(k), k.indikator or k.lingkup or "", total, jumlah,
            Teks(f"Angka indikator tercetak {k.nilai.strip()}, tetapi {len(bagian)} rinciannya "
                 f"({' + '.join(x.strip() for x in k.operan.split(';'))}) berjumlah {_angka(jumlah)}.",
                 f"The indicator's printed figure is {k.nilai.strip()}, but its {len(bagian)} parts "
                 f"({' + '.join(x.strip() for x in k.operan.split(';'))}) add up to {_angka(jumlah)}."), _ids([k.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


_ARAH = {"meningkat": 1, "naik": 1, "menurun": -1, "turun": -1, "tetap": 0}


@pemeriksaan({"klaim_bertentangan": ("Klaim naratif bertentangan dengan tabel laporan",
                                     "Narrative claim contradicted by the report's tables")})
def cek_klaim_naratif(klaim: pd.DataFrame, ind: pd.DataFrame, ang: pd.DataFrame) -> pd.DataFrame:
    """klaim_bertentangan: 'meningkat/menurun' against the figures of the two years (arah), 'every indicator
    reached 100%' against the main table (semua_tercapai), and a number of programs / kegiatan / sub kegiatan
    against the lines of the table it refers to (hitungan; the largest count over the report's tables when
    no table is named)."""
    if klaim.empty:
        return _kosong()
    hasil = []
    for k in klaim[klaim["jenis"].isin(["arah", "semua_tercapai", "hitungan"])].itertuples(index=False):
        if k.jenis == "arah":
            pasangan, ids, sumber = _nilai_tahun(ind, k)
            arah = _ARAH.get(str(k.nilai).strip().lower())
            if len(pasangan) != 2 or arah is None:
                continue
            (t1, v1), (t2, v2) = pasangan
            nyata = int(np.sign(round(v2 - v1, 6)))
            if nyata == arah:
                continue
            kata = {1: "naik", -1: "turun", 0: "tetap"}[nyata]
            kata_en = {1: "rose", -1: "fell", 0: "stayed the same"}[nyata]
            klaim_en = {1: "rose", -1: "fell", 0: "stayed the same"}[arah]
            hasil.append(_temuan(
                k.instansi, k.tahun, "klaim_bertentangan", "galat", _sumber_klaim(k), k.indikator, None, None,
                Teks(f"Teks menyatakan {_besaran(k)} {k.nilai.strip()} dari {t1} ke {t2}, padahal {_tabel_saja(sumber)} mencetak "
                     f"{_angka(v1)} ({t1}) lalu {_angka(v2)} ({t2}): {kata}.",
                     f"The text says the {_besaran_en(k)} {klaim_en} ('{k.nilai.strip()}') from {t1} to {t2}, but {_tabel_saja(sumber)} "
                     f"prints {_angka(v1)} ({t1}) then {_angka(v2)} ({t2}): it {kata_en}."), _ids([k.id], ids)))
        elif k.jenis == "semua_tercapai":
            batas = _angka_klaim(k.nilai) or 100.0
            if ind is None or ind.empty:
                continue
            d = ind[(ind["instansi"] == k.instansi) & (ind["tahun"] == k.tahun) & ind["utama"].astype(bool)
                    & (ind["tingkat"] == "sasaran")]
            c = d["capaian_dilaporkan"].where(d["capaian_dilaporkan"].notna(), d["capaian"])
            kurang = d[c < batas - 1e-9]
            if d.empty or kurang.empty:
                continue
            daftar = "; ".join(f"{r.indikator} {_angka(v)}%" for r, v in zip(kurang.itertuples(index=False), c[c < batas - 1e-9]))
            hasil.append(_temuan(
                k.instansi, k.tahun, "klaim_bertentangan", "galat", _sumber_klaim(k), k.lingkup or "seluruh indikator",
                batas, float(c.min()),
                Teks(f"Teks menyatakan seluruh indikator mencapai {_angka(batas)}%, padahal {len(kurang)} dari {len(d)} indikator utama di "
                     f"{_tabel_saja(d['sumber'].unique())} di bawahnya: {daftar}.",
                     f"The text says every indicator reached {_angka(batas)}%, but {len(kurang)} of the {len(d)} main indicators in "
                     f"{_tabel_saja(d['sumber'].unique())} are below it: {daftar}."), _ids([k.id], kurang["id"])))
        else:
            level = str(k.lingkup or "").strip()
            klaim_n = _angka_klaim(k.nilai)
            if level not in _LEVEL_HITUNG or klaim_n is None or ang is None or ang.empty:
                continue
            a = ang[(ang["instansi"] == k.instansi) & (ang["tahun"] == k.tahun) & (ang["level"] == level)]
            if isinstance(k.acuan, str) and k.acuan.strip():
                a = a[a["sumber"].fillna("").str.endswith(k.acuan.strip())]
            if a.empty:
                continue
            per_tabel = a.groupby("sumber")["id"].size()  # lines, not names: one sub kegiatan may serve two kegiatan
            tabel = per_tabel.idxmax()
            n = int(per_tabel.max())
            if n == int(klaim_n):
                continue
            hasil.append(_temuan(
                k.instansi, k.tahun, "klaim_bertentangan", "galat", _sumber_klaim(k), f"jumlah {_LEVEL_HITUNG[level]}",
                klaim_n, n,
                Teks(f"Teks menyebut {int(klaim_n)} {_LEVEL_HITUNG[level]}, padahal {_tabel_saja([tabel])} memuat {n} {_LEVEL_HITUNG[level]}.",
                     f"The text names {int(klaim_n)} {_LEVEL_HITUNG_EN[level]}, but {_tabel_saja([tabel])} lists {n} "
                     f"{_LEVEL_HITUNG_EN[level]}."),
                _ids([k.id], a[a["sumber"] == tabel]["id"])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()

