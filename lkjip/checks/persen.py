"""Printed percentages and totals that do not follow from the report's own figures: efficiency next to its
capaian and serapan, a share of the budget, and one budget total printed differently in two tables when
no parent/child link between them is declared (the APBD total against the sasaran budgets)."""
from __future__ import annotations

import pandas as pd

from .registri import pemeriksaan
from .toleransi import TOLERANSI_RUPIAH, _tingkat_persen, cocok_dibulatkan, satu_satuan_terakhir
from .umum import KOLOM_TEMUAN, Teks, _angka, _ids, _kosong, _pct, _rp, _sasaran_baku, _tabel_saja, _temuan, gabung_sumber, nama_baku


@pemeriksaan({"efisiensi_tidak_sesuai": ("Efisiensi tercetak tidak dapat diturunkan dari capaian dan serapannya",
                                         "Printed efficiency does not follow from its achievement and absorption")})
def cek_efisiensi(nilai: pd.DataFrame) -> pd.DataFrame:
    """efisiensi_tidak_sesuai: a printed efficiency beside a printed capaian (average or capaian kinerja) and a
    printed serapan of the same scope and table, that fits none of the methods in use: selisih (capaian −
    serapan, the Bekasi report's) or rasio (capaian / serapan, as a ratio or ×100)."""
    if nilai.empty:
        return _kosong()
    n = nilai[nilai["nilai"].notna()]
    kunci = ["instansi", "tahun", "lingkup", "sumber"]
    ef = n[n["jenis"] == "efisiensi"]
    cap = n[n["jenis"].isin(["rata_capaian", "capaian_kinerja"])].drop_duplicates(kunci)
    ser = n[n["jenis"] == "serapan"].drop_duplicates(kunci)
    m = ef.merge(cap[[*kunci, "nilai", "nilai_teks", "id"]], on=kunci, suffixes=("", "_c")).merge(
        ser[[*kunci, "nilai", "nilai_teks", "id"]].rename(columns={"nilai": "nilai_s", "nilai_teks": "nilai_teks_s", "id": "id_s"}), on=kunci)
    hasil = []
    for x in m.itertuples(index=False):
        c, s = float(x.nilai_c), float(x.nilai_s)
        calon = [c - s] + ([c / s, c / s * 100] if s else [])
        teks = x.nilai_teks if isinstance(x.nilai_teks, str) else x.nilai
        if any(cocok_dibulatkan(teks, v) for v in calon):
            continue
        hasil.append(_temuan(
            x.instansi, x.tahun, "efisiensi_tidak_sesuai", "peringatan", x.sumber, x.lingkup, x.nilai, c - s,
            Teks(f"Efisiensi tercetak {str(teks).strip()} tidak sesuai dengan capaian {str(x.nilai_teks_c or _angka(c)).strip()} dan "
                 f"serapan {str(x.nilai_teks_s or _angka(s)).strip()} yang tercetak bersamanya: capaian − serapan = {_angka(c - s)}, "
                 f"capaian / serapan = {_angka(c / s if s else None)}.",
                 f"Printed efficiency {str(teks).strip()} does not follow from the achievement {str(x.nilai_teks_c or _angka(c)).strip()} "
                 f"and absorption {str(x.nilai_teks_s or _angka(s)).strip()} printed with it: achievement − absorption = "
                 f"{_angka(c - s)}, achievement / absorption = {_angka(c / s if s else None)}."), _ids([x.id, x.id_c, x.id_s])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


@pemeriksaan({"persen_tidak_sesuai": ("Persentase atau selisih tercetak tidak sesuai masukannya",
                                      "Printed percentage or difference does not follow from its inputs"),
              "porsi_sasaran_tertukar": ("Porsi anggaran disebut untuk sasaran yang salah",
                                         "Budget share given to the wrong objective")})
def cek_persentase_anggaran(nilai: pd.DataFrame, ang: pd.DataFrame) -> pd.DataFrame:
    """persen_tidak_sesuai for a printed share of the budget (nilai_dilaporkan jenis persentase_anggaran): the
    pagu of the line it names (a sasaran, or a budget line by name; 'instansi' is the whole) over a total pagu
    printed in the report. Accepted when it fits any printed total (rounded or truncated).

    porsi_sasaran_tertukar: a share printed for one sasaran that is not its own but fits another sasaran's
    pagu over the same total (the text gives a share to the wrong sasaran)."""
    if nilai.empty or ang.empty:
        return _kosong()
    pers = nilai[(nilai["jenis"] == "persentase_anggaran") & nilai["nilai"].notna()]
    if pers.empty:
        return _kosong()
    hasil = []
    kosong = ang.iloc[0:0]
    per_tahun = {k: g for k, g in ang.merge(pers[["instansi", "tahun"]].drop_duplicates(), on=["instansi", "tahun"])
                 .groupby(["instansi", "tahun"], sort=False)}
    for x in pers.itertuples(index=False):
        a = per_tahun.get((x.instansi, x.tahun), kosong)
        total = a[(a["level"] == "total") & a["pagu"].notna()]
        if total.empty:
            continue
        lingkup = str(x.lingkup or "").strip()
        lain = a.iloc[0:0]
        if lingkup.lower() == "instansi":
            bagian = total
        elif lingkup.lower().startswith("sasaran"):
            s = a[(a["level"] == "sasaran") & a["pagu"].notna()]
            kunci = _sasaran_baku(s["sasaran"].where(s["sasaran"].notna(), s["uraian"]))
            sama = kunci == _sasaran_baku(pd.Series([lingkup])).iloc[0]
            bagian, lain = s[sama], s[~sama]
        else:
            bagian = a[(nama_baku(a["uraian"]) == nama_baku(pd.Series([lingkup])).iloc[0]) & a["pagu"].notna()
                       & (a["level"] != "total")]
        if bagian.empty:
            continue
        teks = x.nilai_teks if isinstance(x.nilai_teks, str) else x.nilai
        calon = [(b.pagu / t.pagu * 100, b, t) for b in bagian.itertuples(index=False) for t in total.itertuples(index=False) if t.pagu]
        if not calon or any(cocok_dibulatkan(teks, v) for v, _, _ in calon):
            continue
        v, b, t = sorted(calon, key=lambda z: (z[1].sumber != x.sumber, z[2].sumber != x.sumber))[0]
        # the printed share fits another sasaran of the same table over the same total: given to the wrong sasaran
        tertukar = [(c.pagu / t.pagu * 100, c) for c in lain[lain["sumber"] == b.sumber].itertuples(index=False)
                    if cocok_dibulatkan(teks, c.pagu / t.pagu * 100)]
        if tertukar:
            vl, c = tertukar[0]
            t = next((z for z in total.itertuples(index=False) if z.sumber == b.sumber and z.pagu == t.pagu), t)
            nama_lain = c.sasaran if isinstance(c.sasaran, str) and c.sasaran.strip() else c.uraian
            hasil.append(_temuan(
                x.instansi, x.tahun, "porsi_sasaran_tertukar", "galat", gabung_sumber([x.sumber, b.sumber, t.sumber]), lingkup,
                x.nilai, v,
                Teks(f"Porsi anggaran {str(teks).strip()} disebut untuk sasaran ini, padahal pagunya {_rp(b.pagu)} dibagi pagu total "
                     f"{_rp(t.pagu)} ({_tabel_saja([b.sumber, t.sumber])}) adalah {_pct(v)}; {str(teks).strip()} adalah porsi sasaran "
                     f"'{nama_lain}' ({_rp(c.pagu)} / {_rp(t.pagu)} = {_pct(vl)}).",
                     f"Budget share {str(teks).strip()} is given to this objective, but its budget {_rp(b.pagu)} divided by the total "
                     f"budget {_rp(t.pagu)} ({_tabel_saja([b.sumber, t.sumber])}) is {_pct(v)}; {str(teks).strip()} is the share of "
                     f"objective '{nama_lain}' ({_rp(c.pagu)} / {_rp(t.pagu)} = {_pct(vl)})."),
                _ids([x.id, b.id, t.id, c.id])))
            continue
        dekat = satu_satuan_terakhir(teks, v)
        hasil.append(_temuan(
            x.instansi, x.tahun, "persen_tidak_sesuai", "info" if dekat else _tingkat_persen(x.nilai - v),
            gabung_sumber([x.sumber, b.sumber, t.sumber]), lingkup, x.nilai, v,
            Teks(f"Porsi anggaran tercetak {str(teks).strip()} tidak sama dengan pagu {_rp(b.pagu)} ({_tabel_saja([b.sumber])}) dibagi "
                 f"pagu total {_rp(t.pagu)} ({_tabel_saja([t.sumber])}), yaitu {_pct(v)}"
                 + (" (beda satu satuan desimal terakhir, misalnya agar porsi-porsinya berjumlah 100%)." if dekat else "."),
                 f"Printed budget share {str(teks).strip()} is not the budget {_rp(b.pagu)} ({_tabel_saja([b.sumber])}) divided by "
                 f"the total budget {_rp(t.pagu)} ({_tabel_saja([t.sumber])}), which is {_pct(v)}"
                 + (" (one unit of the last decimal apart, e.g. so that the shares add up to 100%)." if dekat else ".")),
            _ids([x.id, b.id, t.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


@pemeriksaan({"total_beda_antar_tabel": ("Total anggaran tercetak berbeda antar tabel",
                                         "One budget total printed differently in two tables")})
def cek_total_antar_tabel(ang: pd.DataFrame, ind: pd.DataFrame) -> pd.DataFrame:
    """total_beda_antar_tabel: the sasaran budgets of one table, when they cover every sasaran of the
    agency-year's main indicators, against each agency total printed in another table (no parent/child link is
    declared between them). Above the total is a galat; below it a peringatan (spending outside the sasaran)."""
    if ang.empty or ind.empty:
        return _kosong()
    utama = ind[ind["utama"].astype(bool) & (ind["tingkat"] == "sasaran") & ind["sasaran"].notna()]
    n_sasaran = utama.assign(_s=_sasaran_baku(utama["sasaran"])).groupby(["instansi", "tahun"])["_s"].nunique()
    sas = ang[ang["level"] == "sasaran"]
    tot = ang[ang["level"] == "total"]
    hasil = []
    kosong = tot.iloc[0:0]
    tot_per = {k: g for k, g in tot.groupby(["instansi", "tahun"], sort=False)}
    for (inst, th, sumber), g in sas.groupby(["instansi", "tahun", "sumber"], sort=False):
        if len(g) != n_sasaran.get((inst, th), -1):
            continue
        lain = tot_per.get((inst, th), kosong)
        lain = lain[lain["sumber"] != sumber]
        for kol in ("pagu", "realisasi"):
            if g[kol].isna().any():
                continue
            jumlah = float(g[kol].sum())
            for t in lain[lain[kol].notna()].itertuples(index=False):
                total = float(getattr(t, kol))
                beda = jumlah - total
                if abs(beda) < TOLERANSI_RUPIAH:
                    continue
                nama = Teks("pagu", "budget") if kol == "pagu" else Teks("realisasi", "actual spending")
                apa = (Teks(f"{len(g)} sasaran", f"the {len(g)} objectives") if len(g) > 1
                       else Teks("satu-satunya sasaran", "the only objective"))
                hasil.append(_temuan(
                    inst, th, "total_beda_antar_tabel", "galat" if beda > 0 else "peringatan", gabung_sumber([t.sumber, sumber]),
                    t.uraian, total, jumlah,
                    Teks(f"Total {nama.id} instansi tercetak {_rp(total)} di {_tabel_saja([t.sumber])}, tetapi {nama.id} {apa.id} di "
                         f"{_tabel_saja([sumber])} berjumlah {_rp(jumlah)} ({'lebih' if beda > 0 else 'kurang'} {_rp(abs(beda))}).",
                         f"The agency's total {nama.en} is printed as {_rp(total)} in {_tabel_saja([t.sumber])}, but the {nama.en} of "
                         f"{apa.en} in {_tabel_saja([sumber])} adds up to {_rp(jumlah)} ({_rp(abs(beda))} "
                         f"{'more' if beda > 0 else 'less'})."),
                    _ids([t.id], g["id"])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()
