"""Checks on indicators: printed capaian, averages, one indicator in two tables, empty main indicators."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .. import measures
from .registri import pemeriksaan
from .toleransi import _tingkat_persen, cocok_seri, desimal_tercetak
from .umum import (KOLOM_TEMUAN, Teks, _angka, _ids, _kolom, _kosong, _nilai_teks, _pasangan_beda, _pct, _sasaran_baku,
                   _tabel_saja, _temuan, gabung_sumber)

# ---------------------------------------------------------------------------------------------------
# Indicators

def _rumus_singkat(polaritas: str) -> Teks:
    return {"positif": Teks("realisasi / target × 100", "actual / target × 100"),
            "negatif": Teks("(2 × target − realisasi) / target × 100", "(2 × target − actual) / target × 100"),
            "ordinal": Teks("ordinal: 100% bila realisasi memenuhi target", "ordinal: 100% when the actual meets the target"),
            }.get(polaritas, Teks(str(polaritas), str(polaritas)))


_POLARITAS = {"positif": Teks("positif", "positive"), "negatif": Teks("negatif", "negative")}



def _sisi_salah(df: pd.DataFrame) -> pd.Series:
    """Printed capaian on the other side of 100 from what target vs realisasi imply for the polarity."""
    t, r, p = df["target"], df["realisasi"], df["capaian_dilaporkan"]
    pos = df["polaritas"] == "positif"
    neg = df["polaritas"] == "negatif"
    lebih = p > 100
    kurang = p < 100
    return (t != 0) & ((pos & (((r < t) & lebih) | ((r > t) & kurang))) | (neg & (((r > t) & lebih) | ((r < t) & kurang))))


@pemeriksaan({"capaian_tidak_sesuai": ("Capaian tercetak tidak sesuai hitungan", "Printed achievement does not match the computation"),
              "salah_polaritas": ("Capaian berlawanan dengan polaritas indikator", "Achievement contradicts the indicator's polarity")})
def cek_capaian(ind: pd.DataFrame) -> pd.DataFrame:
    """capaian_tidak_sesuai and salah_polaritas: printed capaian against the recomputed one.

    A printed capaian on the other side of 100 than target and realisasi imply for the indicator's
    polarity that equals the other polarity's formula is salah_polaritas (the report, or the recorded
    polarity, has the direction reversed); any other mismatch is capaian_tidak_sesuai. Identical rows
    printed in several tables (same indicator, year and figures) give one finding.
    """
    if ind.empty:
        return _kosong()
    df = ind[ind["capaian_dilaporkan"].notna() & ind["capaian"].notna()].copy()
    if df.empty:
        return _kosong()
    ok = cocok_seri(df["capaian_dilaporkan_teks"], df["capaian_dilaporkan"], df["capaian"])
    df = df[~ok].copy()
    if df.empty:
        return _kosong()
    lengkap = df["target"].notna() & df["realisasi"].notna() & df["polaritas"].isin(["positif", "negatif"])
    df["_sisi"] = lengkap & _sisi_salah(df.assign(target=df["target"].fillna(0)))
    df["_lain"] = [measures.capaian(t, r, "negatif" if p == "positif" else "positif").nilai if s else None
                   for t, r, p, s in zip(df["target"], df["realisasi"], df["polaritas"], df["_sisi"])]
    df["_tertukar"] = df["_sisi"] & cocok_seri(df["capaian_dilaporkan_teks"], df["capaian_dilaporkan"], df["_lain"].astype(float))
    kunci = ["instansi", "tahun", "indikator", "polaritas", "target", "realisasi", "capaian_dilaporkan", "_sisi", "_tertukar"]
    hasil = []
    for _, g in df.sort_values("id").groupby(kunci, sort=False, dropna=False):
        r = g.iloc[0]
        cetak = _nilai_teks(r["capaian_dilaporkan_teks"], r["capaian_dilaporkan"])
        t = _nilai_teks(r["target_teks"], r["target"], r["target_predikat"])
        re_ = _nilai_teks(r["realisasi_teks"], r["realisasi"], r["realisasi_predikat"])
        sumber = gabung_sumber(g["sumber"])
        di = Teks(" di " + _tabel_saja(g["sumber"]), " in " + _tabel_saja(g["sumber"])) if len(g) > 1 else Teks("", "")
        rumus = _rumus_singkat(r["polaritas"]) + f" = {_pct(r['capaian'])}"
        if r["_sisi"]:
            belum = (r["realisasi"] < r["target"]) == (r["polaritas"] == "positif")
            atas = r["capaian_dilaporkan"] > 100
            sisi = Teks(f"berada {'di atas' if atas else 'di bawah'} 100% padahal realisasi {re_} "
                        f"{'belum mencapai' if belum else 'melampaui'} target {t}",
                        f"is {'above' if atas else 'below'} 100% although the actual {re_} "
                        f"{'falls short of' if belum else 'exceeds'} the target {t}")
        if r["_tertukar"]:
            pol = _POLARITAS[r["polaritas"]]
            lain = _POLARITAS["negatif" if r["polaritas"] == "positif" else "positif"]
            sifat = (Teks("semakin tinggi semakin baik", "higher is better") if r["polaritas"] == "positif"
                     else Teks("semakin rendah semakin baik", "lower is better"))
            hasil.append(_temuan(
                r["instansi"], r["tahun"], "salah_polaritas", "galat", sumber, r["indikator"], r["capaian_dilaporkan"], r["capaian"],
                Teks(f"Capaian tercetak {cetak}{di.id} {sisi.id} pada indikator {pol.id} ({sifat.id}) dan sama dengan rumus {lain.id} "
                     f"({_pct(r['_lain'])}), jadi arah polaritas tampaknya tertukar (rumus {pol.id}: {rumus.id}).",
                     f"Printed achievement {cetak}{di.en} {sisi.en} for a {pol.en} indicator ({sifat.en}) and equals the {lain.en} "
                     f"formula ({_pct(r['_lain'])}), so the polarity seems reversed ({pol.en} formula: {rumus.en})."), _ids(g["id"])))
            continue
        d = desimal_tercetak(r["capaian_dilaporkan_teks"] if isinstance(r["capaian_dilaporkan_teks"], str) else r["capaian_dilaporkan"],
                             r["capaian_dilaporkan"])
        selisih = r["capaian_dilaporkan"] - r["capaian"]
        hasil.append(_temuan(
            r["instansi"], r["tahun"], "capaian_tidak_sesuai", "galat" if r["_sisi"] else _tingkat_persen(selisih), sumber,
            r["indikator"], r["capaian_dilaporkan"], r["capaian"],
            Teks(f"Capaian tercetak {cetak}{di.id} tidak sama dengan hitungan ulang dari target {t} dan realisasi {re_} ({rumus.id}), "
                 f"juga setelah dibulatkan atau dipotong ke {d} desimal" + (f", dan {sisi.id}." if r["_sisi"] else "."),
                 f"Printed achievement {cetak}{di.en} does not match the recomputation from target {t} and actual {re_} ({rumus.en}), "
                 f"even rounded or truncated to {d} decimals" + (f", and {sisi.en}." if r["_sisi"] else ".")),
            _ids(g["id"])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


_VARIAN_RATA = [(sumber, batas) for sumber in ("tercetak", "dihitung") for batas in (None, 100.0, measures.BATAS_RATA_RATA_BAWAAN)]


def _statistik_capaian(rows: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    """Per group: how many rows, how many with a capaian, the mean a report would print (printed capaian,
    else recomputed; uncapped, as reports average) and the accepted variants of it: from the recomputed
    capaian instead, and with each capaian capped at 100 or 120 (measures.rata_rata_capaian)."""
    rows = rows.assign(_c=rows["capaian_dilaporkan"].where(rows["capaian_dilaporkan"].notna(), rows["capaian"]),
                       _h=rows["capaian"].where(rows["capaian"].notna(), rows["capaian_dilaporkan"]))
    g = rows.groupby(kunci, sort=False)
    st = g.agg(_n=("_c", "size"), _ada=("_c", "count"), _nilai=("_c", list), _hitung=("_h", list), _ids=("id", list),
               _sumber=("sumber", list)).reset_index()

    def rata(v, batas):
        return measures.rata_rata_capaian([float(x) for x in v if pd.notna(x)], batas=batas).nilai

    st["_rata"] = [rata(v, None) for v in st["_nilai"]]
    st["_varian"] = [[rata(c if s == "tercetak" else h, b) for s, b in _VARIAN_RATA] for c, h in zip(st["_nilai"], st["_hitung"])]
    return st


@pemeriksaan({"rata_rata_tidak_sesuai": ("Rata-rata capaian tidak sesuai baris-barisnya", "Average achievement does not match its rows")})
def cek_rata_rata(ind: pd.DataFrame, nilai: pd.DataFrame) -> pd.DataFrame:
    """rata_rata_tidak_sesuai: a printed average (nilai_dilaporkan jenis rata_capaian) against the mean of
    its rows: the indicator rows of the same table (those of the sasaran it names, or the whole table:
    either fits), else, for a figure in the running text, the sasaran's indicators in the main capaian
    table (utama, tingkat sasaran). The mean of the printed capaian is reported; the average is also
    accepted when it fits the recomputed capaian or a mean with each capaian capped at 100 or 120."""
    if nilai.empty or ind.empty:
        return _kosong()
    rata = nilai[(nilai["jenis"] == "rata_capaian") & nilai["nilai"].notna()]
    if rata.empty:
        return _kosong()
    lingkup = rata["lingkup"].fillna("").astype(str)
    rata = rata.assign(_sas=_sasaran_baku(lingkup).where(lingkup.str.match(r"^\s*sasaran\b", case=False), ""),
                       _lingkup=lingkup)
    ind = ind.assign(_sas=_sasaran_baku(ind["sasaran"]))
    kunci_tabel = ["instansi", "tahun", "sumber"]
    ind = ind.merge(rata[kunci_tabel].drop_duplicates(), on=kunci_tabel, how="left", indicator="_satu")
    satu = ind[ind["_satu"] == "both"]
    utama = ind[ind["utama"].astype(bool) & (ind["tingkat"] == "sasaran")]
    utama = utama.merge(rata[["instansi", "tahun", "_sas"]].drop_duplicates(), on=["instansi", "tahun", "_sas"])
    calon = {
        "A": (_statistik_capaian(satu, [*kunci_tabel, "_sas"]), [*kunci_tabel, "_sas"]),
        "B": (_statistik_capaian(satu, kunci_tabel), kunci_tabel),
        "C": (_statistik_capaian(utama, ["instansi", "tahun", "_sas"]), ["instansi", "tahun", "_sas"]),
    }
    r = rata
    for nama, (st, kunci) in calon.items():
        st = st.rename(columns={k: f"{k}{nama}" for k in st.columns if k.startswith("_") and k != "_sas"})
        r = r.merge(st, on=kunci, how="left")
    r = r.reset_index(drop=True)
    teks = r["nilai_teks"].where(r["nilai_teks"].notna(), None)
    ok, sah = {}, {}
    ada_tabel = r["_nB"].notna()
    for nama in "ABC":
        sah[nama] = r[f"_n{nama}"].notna() & (r[f"_n{nama}"] == r[f"_ada{nama}"]) & r[f"_rata{nama}"].notna()
    sah["A"] &= r["_sas"] != ""
    sah["C"] &= ~ada_tabel & (r["_sas"] != "")
    for nama in "ABC":
        ok[nama] = np.zeros(len(r), dtype=bool)
        for j in range(len(_VARIAN_RATA)):
            varian = r[f"_varian{nama}"].map(lambda v: v[j] if isinstance(v, list) and v[j] is not None else np.nan).astype(float)
            ok[nama] |= cocok_seri(teks, r["nilai"], varian)
        ok[nama] &= sah[nama].to_numpy()
    temuan = (sah["A"] | sah["B"] | sah["C"]) & ~(ok["A"] | ok["B"] | ok["C"])
    hasil = []
    for i in np.flatnonzero(temuan.to_numpy()):
        x = r.iloc[i]
        pilih = next(n for n in "ABC" if sah[n].iloc[i])
        m, v, sumber_baris = x[f"_rata{pilih}"], x[f"_nilai{pilih}"], x[f"_sumber{pilih}"]
        asal = (Teks("di tabel yang sama", "in the same table") if pilih != "C"
                else Teks(f"di tabel utama {_tabel_saja(sumber_baris)}", f"in the main table {_tabel_saja(sumber_baris)}"))
        selisih = x["nilai"] - m
        hasil.append(_temuan(
            x["instansi"], x["tahun"], "rata_rata_tidak_sesuai", _tingkat_persen(selisih), gabung_sumber([x["sumber"], *sumber_baris]),
            x["_lingkup"] or "rata-rata capaian", x["nilai"], m,
            Teks(f"Rata-rata capaian tercetak {_nilai_teks(x['nilai_teks'], x['nilai'])} tidak sama dengan rata-rata {len(v)} capaian "
                 f"indikatornya {asal.id} ({'; '.join(_angka(c) for c in v)}), yaitu {_angka(m)}.",
                 f"Printed average achievement {_nilai_teks(x['nilai_teks'], x['nilai'])} is not the mean of the {len(v)} achievements "
                 f"of its indicators {asal.en} ({'; '.join(_angka(c) for c in v)}), which is {_angka(m)}."),
            _ids([x["id"]], x[f"_ids{pilih}"])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()



@pemeriksaan({"beda_antar_tabel": ("Angka yang sama tercetak berbeda di dua tabel", "The same figure printed differently in two tables")})
def cek_beda_indikator(ind: pd.DataFrame) -> pd.DataFrame:
    """beda_antar_tabel for indicators: the same indicator and year printed with a different target,
    realisasi or capaian in another table. The main (utama) table's figure is the reference. A difference
    of precision only (95% vs 94,73%, one the rounding of the other) is 'info'."""
    if ind.empty:
        return _kosong()
    hasil = []
    for kol in ("target", "realisasi", "capaian_dilaporkan"):
        d = ind[["id", "instansi", "tahun", "indikator", "sumber", "utama", kol, f"{kol}_teks"]].assign(_nama=ind["indikator"])
        m = _pasangan_beda(d, ["instansi", "tahun", "indikator"], kol, f"{kol}_teks", ["utama", "id"], [False, True])
        if m is None:
            continue
        presisi = cocok_seri(m["teks_ref"], m["nilai_ref"], m["nilai"]) | cocok_seri(m["teks"], m["nilai"], m["nilai_ref"])
        for x, p in zip(m.itertuples(index=False), presisi):
            ekor = Teks(" (beda ketelitian pembulatan saja)", " (a difference of rounding precision only)") if p else Teks("", "")
            hasil.append(_temuan(
                x.instansi, x.tahun, "beda_antar_tabel", "info" if p else "peringatan", gabung_sumber([*x.sumber_ref, *x.sumber]),
                x.indikator, x.nilai_ref, x.nilai,
                _kolom(kol, True) + Teks(
                    f" indikator ini untuk tahun {x.tahun} tercetak {_nilai_teks(x.teks_ref, x.nilai_ref)} "
                    f"di {_tabel_saja(x.sumber_ref)} tetapi {_nilai_teks(x.teks, x.nilai)} di {_tabel_saja(x.sumber)}{ekor.id}.",
                    f" of this indicator for {x.tahun} is printed as {_nilai_teks(x.teks_ref, x.nilai_ref)} "
                    f"in {_tabel_saja(x.sumber_ref)} but {_nilai_teks(x.teks, x.nilai)} in {_tabel_saja(x.sumber)}{ekor.en}."),
                _ids(x.ids_ref, x.ids)))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


def _tahun_laporan(ind: pd.DataFrame) -> pd.Series:
    """The year of the report a row comes from: the year in 'LKjIP <Kota> <tahun>, ...', else the latest
    year of that agency in the same import."""
    dari_sumber = pd.to_numeric(ind["sumber"].fillna("").str.extract(r"^\s*LKI?j?IP\b[^,]*?\b((?:19|20)\d{2})\b", flags=re.I)[0],
                                errors="coerce")
    impor = ind["impor_id"].fillna(-1)
    terakhir = ind.groupby([ind["instansi"], impor])["tahun"].transform("max")
    return dari_sumber.fillna(terakhir)


@pemeriksaan({"target_realisasi_kosong": ("Target atau realisasi indikator utama kosong", "Target or actual of a main indicator is empty")})
def cek_target_realisasi_kosong(ind: pd.DataFrame) -> pd.DataFrame:
    """target_realisasi_kosong: a main (utama) IKU/PK indicator of the report year with no target or no
    realisasi (neither a number nor a grade; a printed but unreadable figure is angka_salah_cetak)."""
    if ind.empty:
        return _kosong()
    df = ind[ind["utama"].astype(bool) & (ind["tingkat"] == "sasaran")]
    df = df[df["tahun"] == _tahun_laporan(df)]

    def kosong(kol: str) -> pd.Series:
        teks = df[f"{kol}_teks"].fillna("").astype(str).str.strip()
        tercetak_rusak = (teks != "") & ~teks.str.lower().isin(["-", "–", "—", "n/a", "na", "nihil"])
        return df[kol].isna() & df[f"{kol}_predikat"].isna() & ~tercetak_rusak

    t_kosong, r_kosong = kosong("target"), kosong("realisasi")
    df = df.assign(t_kosong=t_kosong, r_kosong=r_kosong)[t_kosong | r_kosong]
    hasil = []
    for r in df.itertuples(index=False):
        apa = (Teks("target dan realisasi", "target and actual") if r.t_kosong and r.r_kosong
               else (Teks("target", "target") if r.t_kosong else Teks("realisasi", "actual")))
        hasil.append(_temuan(r.instansi, r.tahun, "target_realisasi_kosong", "peringatan", r.sumber, r.indikator, None, None,
                             Teks(f"Indikator utama tahun laporan {r.tahun} ini tidak mencantumkan {apa.id}, sehingga capaiannya "
                                  f"tidak dapat dihitung ulang.",
                                  f"This main indicator of the report year {r.tahun} gives no {apa.en}, so its achievement "
                                  f"cannot be recomputed."), _ids([r.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


