"""Checks on budget lines: serapan, parts against totals (in one table and across tables), one line in two
tables, spending above the ceiling, the same amount on two lines."""
from __future__ import annotations

import pandas as pd

from .. import measures
from .registri import pemeriksaan
from .toleransi import TOLERANSI_RUPIAH, _tingkat_persen, cocok_seri
from .umum import (KOLOM_TEMUAN, _KOLOM_JUMLAH, _PERINGKAT_LEVEL, Teks, _bukan_teks, _ids, _kolom, _kosong, _nilai_teks,
                   _pasangan_beda, _pct, _rp, _sasaran_baku, _tabel_saja, _temuan, gabung_sumber, nama_baku)

NILAI_KEMBAR_MIN = 1_000_000.0
NILAI_KEMBAR_DIGIT = 5

@pemeriksaan({"serapan_tidak_sesuai": ("Serapan tercetak tidak sesuai realisasi/pagu", "Printed absorption does not match actual/budget")})
def cek_serapan(ang: pd.DataFrame) -> pd.DataFrame:
    """serapan_tidak_sesuai on a budget line: the printed % against realisasi / pagu of the same line."""
    if ang.empty:
        return _kosong()
    df = ang[ang["serapan_dilaporkan"].notna() & ang["serapan"].notna()]
    if df.empty:
        return _kosong()
    ok = cocok_seri(df["serapan_dilaporkan_teks"], df["serapan_dilaporkan"], df["serapan"])
    hasil = []
    for r in df[~ok].itertuples(index=False):
        selisih = r.serapan_dilaporkan - r.serapan
        hasil.append(_temuan(
            r.instansi, r.tahun, "serapan_tidak_sesuai", _tingkat_persen(selisih), r.sumber, r.uraian, r.serapan_dilaporkan, r.serapan,
            Teks(f"Serapan tercetak {_nilai_teks(r.serapan_dilaporkan_teks, r.serapan_dilaporkan)} tidak sama dengan realisasi "
                 f"{_rp(r.realisasi)} dibagi pagu {_rp(r.pagu)} pada baris yang sama, yaitu {_pct(r.serapan)}.",
                 f"Printed absorption {_nilai_teks(r.serapan_dilaporkan_teks, r.serapan_dilaporkan)} is not actual spending "
                 f"{_rp(r.realisasi)} divided by budget {_rp(r.pagu)} on the same row, which gives {_pct(r.serapan)}."),
            _ids([r.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


def _program_per_sumber(ang: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    """Sums of program lines per group: n, pagu/realisasi sum, count and smallest, ids, tables."""
    g = ang.groupby(kunci, sort=False)
    return g.agg(n=("id", "size"), pagu=("pagu", "sum"), pagu_ada=("pagu", "count"), pagu_min=("pagu", "min"),
                 realisasi=("realisasi", "sum"), realisasi_ada=("realisasi", "count"), realisasi_min=("realisasi", "min"),
                 ids=("id", list), sumber_bagian=("sumber", "first")).reset_index()


@pemeriksaan({"serapan_tidak_sesuai": ("Serapan tercetak tidak sesuai realisasi/pagu", "Printed absorption does not match actual/budget")})
def cek_serapan_dilaporkan(ang: pd.DataFrame, nilai: pd.DataFrame) -> pd.DataFrame:
    """serapan_tidak_sesuai for a printed serapan without amounts (nilai_dilaporkan jenis serapan) where the
    report prints the amounts elsewhere: for a sasaran, a sasaran line with pagu and realisasi, or the
    programs of that sasaran in one table; for the agency ('instansi'), a total pagu with a total
    realisasi. The figure is accepted when it fits any of them."""
    if nilai.empty or ang.empty:
        return _kosong()
    ser = nilai[(nilai["jenis"] == "serapan") & nilai["nilai"].notna()].reset_index(drop=True)
    if ser.empty:
        return _kosong()
    lingkup = ser["lingkup"].fillna("").astype(str)
    lk = _sasaran_baku(lingkup).where(lingkup.str.match(r"^\s*sasaran\b", case=False), "")
    ser = ser.assign(_lk=lk.where(lingkup.str.strip().str.lower() != "instansi", "#instansi"), lingkup_teks=lingkup)
    ser = ser[ser["_lk"] != ""]
    if ser.empty:
        return _kosong()
    a = ang.merge(ser[["instansi", "tahun"]].drop_duplicates(), on=["instansi", "tahun"])
    kolom = ["instansi", "tahun", "_lk", "pagu", "realisasi", "asal", "asal_en", "ids", "urut"]
    calon = []
    s = a[(a["level"] == "sasaran") & a["pagu"].notna() & a["realisasi"].notna()]
    if len(s):
        s = s.assign(_lk=_sasaran_baku(s["sasaran"].where(s["sasaran"].notna(), s["uraian"])),
                     asal=s["sumber"].map(lambda x: _tabel_saja([x])), asal_en=s["sumber"].map(lambda x: _tabel_saja([x])),
                     ids=s["id"].map(lambda i: [i]), urut=0)
        calon.append(s[kolom])
    p = a[(a["level"] == "program") & a["sasaran"].notna()]
    if len(p):
        p = _program_per_sumber(p.assign(_lk=_sasaran_baku(p["sasaran"])), ["instansi", "tahun", "sumber", "_lk"])
        p = p[(p["pagu_ada"] == p["n"]) & (p["realisasi_ada"] == p["n"])]
        p = p.assign(asal=[f"{n} program sasaran ini di {_tabel_saja([x])}" for n, x in zip(p["n"], p["sumber"])],
                     asal_en=[f"{n} programmes of this objective in {_tabel_saja([x])}" for n, x in zip(p["n"], p["sumber"])], urut=1)
        calon.append(p[kolom])
    t = a[a["level"] == "total"]
    tp = t[t["pagu"].notna()].groupby(["instansi", "tahun", "pagu"], sort=False).agg(sp=("sumber", list), ip=("id", list)).reset_index()
    tr = t[t["realisasi"].notna()].groupby(["instansi", "tahun", "realisasi"], sort=False).agg(sr=("sumber", list), ir=("id", list)).reset_index()
    if len(tp) and len(tr):
        c = tp.merge(tr, on=["instansi", "tahun"])
        c = c.assign(_lk="#instansi", urut=2, ids=[x + y for x, y in zip(c["ip"], c["ir"])],
                     asal=[f"pagu total di {_tabel_saja(x)}, realisasi total di {_tabel_saja(y)}" for x, y in zip(c["sp"], c["sr"])],
                     asal_en=[f"total budget in {_tabel_saja(x)}, total actual spending in {_tabel_saja(y)}"
                              for x, y in zip(c["sp"], c["sr"])])
        calon.append(c[kolom])
    if not calon:
        return _kosong()
    calon = pd.concat(calon, ignore_index=True)
    calon = calon.rename(columns={"pagu": "pagu_c", "realisasi": "realisasi_c", "ids": "ids_c"})
    calon["serapan_c"] = [measures.serapan(pg, rl).nilai for pg, rl in zip(calon["pagu_c"], calon["realisasi_c"])]
    calon = calon[calon["serapan_c"].notna()]
    m = ser.merge(calon, on=["instansi", "tahun", "_lk"], suffixes=("", "_c"))
    if m.empty:
        return _kosong()
    teks = m["nilai_teks"].where(m["nilai_teks"].notna(), None)
    m = m.assign(_ok=cocok_seri(teks, m["nilai"], m["serapan_c"].astype(float)))
    cocok = m.groupby("id")["_ok"].transform("any")
    m = m[~cocok].sort_values(["id", "urut"], kind="mergesort").drop_duplicates("id")
    hasil = []
    for x in m.itertuples(index=False):
        selisih = x.nilai - x.serapan_c
        hasil.append(_temuan(
            x.instansi, x.tahun, "serapan_tidak_sesuai", _tingkat_persen(selisih), x.sumber, x.lingkup_teks, x.nilai, x.serapan_c,
            Teks(f"Serapan tercetak {_nilai_teks(x.nilai_teks, x.nilai)} tidak sesuai dengan angka anggaran yang dicetak laporan: "
                 f"realisasi {_rp(x.realisasi_c)} dibagi pagu {_rp(x.pagu_c)} ({x.asal}) = {_pct(x.serapan_c)}.",
                 f"Printed absorption {_nilai_teks(x.nilai_teks, x.nilai)} does not follow from the budget figures the report "
                 f"prints: actual spending {_rp(x.realisasi_c)} divided by budget {_rp(x.pagu_c)} ({x.asal_en}) = {_pct(x.serapan_c)}."),
            _ids([x.id], x.ids_c)))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


_URUTAN_CALON = {"anak": 0, "sebelum": 1, "sesudah": 2, "semua": 3}


def _pasangan_bagian(ang: pd.DataFrame) -> pd.DataFrame:
    """(id, total_id, calon): the parts a line should add up to.

    A line with children (induk_id) adds up its children. A total row with none (the importer never
    makes a total a parent: it summarises the top-level lines of its table, printed above or below them)
    has three candidate sets of parentless lines of its table, each at the highest level present: those
    between the previous total row and it ('sebelum', a total printed below), those after it up to the
    next total ('sesudah', a total printed on top), and all of them ('semua').
    """
    kolom = ["id", "total_id", "calon"]
    anak = ang[ang["induk_id"].notna()][["id", "induk_id"]].rename(columns={"induk_id": "total_id"})
    anak = anak.assign(total_id=anak["total_id"].astype("int64"), calon="anak")
    a = ang.sort_values(["instansi", "tahun", "sumber", "urutan"])
    is_total = a["level"] == "total"
    tabel = ["instansi", "tahun", "sumber"]
    a = a.assign(_c=is_total.astype(int).groupby([a["instansi"], a["tahun"], a["sumber"].fillna("")]).cumsum(),
                 _pk=a["level"].map(_PERINGKAT_LEVEL))
    punya_anak = set(anak["total_id"])
    totals = a[is_total & ~a["id"].isin(punya_anak)][[*tabel, "_c", "id"]].rename(columns={"id": "total_id"})
    bagian = a[~is_total & a["induk_id"].isna()][[*tabel, "_c", "_pk", "id"]]
    if totals.empty or bagian.empty:
        return anak[kolom].reset_index(drop=True)
    calon = [
        totals.assign(_c=totals["_c"] - 1, calon="sebelum").merge(bagian, on=[*tabel, "_c"]),
        totals.assign(calon="sesudah").merge(bagian, on=[*tabel, "_c"]),
        totals.drop(columns="_c").assign(calon="semua").merge(bagian.drop(columns="_c"), on=tabel),
    ]
    c = pd.concat(calon, ignore_index=True)
    c = c[c["_pk"] == c.groupby(["total_id", "calon"])["_pk"].transform("min")]
    return pd.concat([anak[kolom], c[kolom]], ignore_index=True)


@pemeriksaan({"jumlah_bagian_tidak_sesuai": ("Jumlah rincian tidak sama dengan totalnya", "Parts do not add up to their total")})
def cek_jumlah_bagian(ang: pd.DataFrame) -> pd.DataFrame:
    """jumlah_bagian_tidak_sesuai inside one table: each line's parts (its children by induk_id; for a total
    row, the top-level lines of its table) against it, for pagu awal, pagu, realisasi and each quarter;
    and a line's four quarters against its pagu / realisasi. Running text is not a table: a sentence may
    name only some sub kegiatan, so '(teks)' sources are left out. A part left blank or unreadable leaves
    that sum unknown, and an unknown sum is never reported."""
    if ang.empty:
        return _kosong()
    a = ang[_bukan_teks(ang["sumber"])]
    hasil = []
    pasangan = _pasangan_bagian(a)
    if len(pasangan):
        nilai = a.set_index("id")
        p = pasangan.join(nilai[_KOLOM_JUMLAH], on="id")
        g = p.groupby(["total_id", "calon"])
        jumlah, ada, n = g[_KOLOM_JUMLAH].sum(min_count=1), g[_KOLOM_JUMLAH].count(), g.size()
        total = nilai[_KOLOM_JUMLAH].reindex(jumlah.index.get_level_values(0))
        total.index = jumlah.index
        lengkap = ada.eq(n, axis=0) & total.notna()
        beda = (jumlah - total).abs() >= TOLERANSI_RUPIAH
        # reported only when every candidate set is complete and none of them adds up
        salah = (lengkap & beda).groupby(level=0).all() & lengkap.groupby(level=0).any()
        tumpuk = salah.stack()
        tumpuk = tumpuk[tumpuk]
        if len(tumpuk):
            tid = tumpuk.index.get_level_values(0).to_numpy()
            kol = tumpuk.index.get_level_values(1).to_numpy()
            calon = jumlah.index.to_frame(index=False)
            calon = calon.assign(_o=calon["calon"].map(_URUTAN_CALON)).sort_values(["total_id", "_o"]).drop_duplicates("total_id")
            pilih = pd.Series(calon["calon"].to_numpy(), index=calon["total_id"].to_numpy()).reindex(tid).to_numpy()
            kunci = pd.MultiIndex.from_arrays([tid, pilih])
            jv = jumlah.stack().reindex(pd.MultiIndex.from_arrays([tid, pilih, kol])).to_numpy()
            tv = total.stack().reindex(pd.MultiIndex.from_arrays([tid, pilih, kol])).to_numpy()
            nv = n.reindex(kunci).to_numpy()
            ids = pasangan.groupby(["total_id", "calon"])["id"].agg(list).reindex(kunci).to_numpy()
            info = nilai[["instansi", "tahun", "sumber", "uraian"]].reindex(tid)
            for (inst, th, sumber, uraian), t_id, k, t_v, j_v, n_v, i_v in zip(info.itertuples(index=False), tid, kol, tv, jv, nv, ids):
                hasil.append(_temuan(
                    inst, th, "jumlah_bagian_tidak_sesuai", "galat", sumber, uraian, t_v, j_v,
                    _kolom(k, True) + Teks(f" '{uraian}' tercetak {_rp(t_v)}, tetapi jumlah {int(n_v)} rinciannya "
                                           f"di tabel yang sama {_rp(j_v)} (selisih {_rp(abs(t_v - j_v))}).",
                                           f" of '{uraian}' is printed as {_rp(t_v)}, but its {int(n_v)} parts in the same table "
                                           f"add up to {_rp(j_v)} (difference {_rp(abs(t_v - j_v))})."),
                    _ids([t_id], i_v)))
    for awal, total_kol in (("rencana_tw", "pagu"), ("realisasi_tw", "realisasi")):
        kol = [f"{awal}{i}" for i in range(1, 5)]
        b = a[a[kol].notna().all(axis=1) & a[total_kol].notna()]
        jumlah_tw = b[kol].sum(axis=1)
        b = b.assign(jumlah_tw=jumlah_tw, nilai_total=b[total_kol])[(jumlah_tw - b[total_kol]).abs() >= TOLERANSI_RUPIAH]
        nama = Teks("rencana anggaran kas", "cash plan") if awal == "rencana_tw" else Teks("realisasi", "actual spending")
        for r in b.itertuples(index=False):
            hasil.append(_temuan(
                r.instansi, r.tahun, "jumlah_bagian_tidak_sesuai", "galat", r.sumber, r.uraian, r.nilai_total, r.jumlah_tw,
                Teks(f"Jumlah {nama.id} triwulan I–IV baris ini {_rp(r.jumlah_tw)} tidak sama dengan {_kolom(total_kol).id} "
                     f"{_rp(r.nilai_total)} (selisih {_rp(abs(r.nilai_total - r.jumlah_tw))}).",
                     f"The quarters I–IV of the {nama.en} on this row add up to {_rp(r.jumlah_tw)}, not the {_kolom(total_kol).en} "
                     f"{_rp(r.nilai_total)} (difference {_rp(abs(r.nilai_total - r.jumlah_tw))})."), _ids([r.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


@pemeriksaan({"jumlah_bagian_tidak_sesuai": ("Jumlah rincian tidak sama dengan totalnya", "Parts do not add up to their total")})
def cek_bagian_antar_tabel(ang: pd.DataFrame) -> pd.DataFrame:
    """jumlah_bagian_tidak_sesuai across tables: the programs one table (or the text) lists for a sasaran,
    or all of its programs, against the sasaran's or the agency's total printed elsewhere. A list of
    programs may leave some out, so a shortfall is reported only when it is smaller than the smallest
    listed program (it cannot be a missing line); parts above the total are always reported."""
    if ang.empty:
        return _kosong()
    # programs of a table with its own total are checked inside that table (cek_jumlah_bagian)
    tabel_bertotal = ang[(ang["level"] == "total") & _bukan_teks(ang["sumber"])][["instansi", "tahun", "sumber"]].drop_duplicates()
    prog = ang[(ang["level"] == "program") & ang["induk_id"].isna()]
    prog = prog.merge(tabel_bertotal, on=["instansi", "tahun", "sumber"], how="left", indicator="_bertotal")
    prog = prog[prog["_bertotal"] == "left_only"].drop(columns="_bertotal")
    if prog.empty:
        return _kosong()
    prog = prog.assign(_sas=_sasaran_baku(prog["sasaran"]))
    sas = ang[ang["level"] == "sasaran"]
    sas = sas.assign(_sas=_sasaran_baku(sas["sasaran"].where(sas["sasaran"].notna(), sas["uraian"])))
    total = ang[ang["level"] == "total"].assign(_sas="")
    pasangan = [
        (_program_per_sumber(prog, ["instansi", "tahun", "sumber"]).assign(_sas=""), total, Teks("program", "programmes"), "total"),
        (_program_per_sumber(prog[prog["_sas"] != ""], ["instansi", "tahun", "sumber", "_sas"]), sas,
         Teks("program pendukung sasaran ini", "programmes supporting this objective"), "sasaran"),
    ]
    hasil = []
    for bagian, pembanding, apa, jenis_total in pasangan:
        if bagian.empty or pembanding.empty:
            continue
        for kol in ("pagu", "realisasi"):
            b = bagian[bagian[f"{kol}_ada"] == bagian["n"]].drop(columns=["sumber"], errors="ignore")
            pb = pembanding[pembanding[kol].notna()][["instansi", "tahun", "_sas", "sumber", "id", "uraian", kol]]
            m = b.merge(pb.rename(columns={kol: "_total"}), on=["instansi", "tahun", "_sas"])
            if jenis_total == "sasaran":  # a sasaran line of the same table would be the programs' parent
                m = m[m["sumber"] != m["sumber_bagian"]]
            beda = m[kol] - m["_total"]
            m = m.assign(_beda=beda)[(beda.abs() >= TOLERANSI_RUPIAH) & ~((beda < 0) & (-beda >= m[f"{kol}_min"]))]
            if m.empty:
                continue
            g = m.groupby(["instansi", "tahun", "sumber_bagian", "_sas", "_total"], sort=False).agg(
                sumber_t=("sumber", list), ids_t=("id", list), uraian=("uraian", "first"), jumlah=(kol, "first"), beda=("_beda", "first"),
                n=("n", "first"), ids=("ids", "first")).reset_index().rename(columns={"_total": "total"})
            for x in g.itertuples(index=False):
                lebih = Teks("melebihi", "exceeds") if x.beda > 0 else Teks("kurang dari", "falls short of")
                k_ = _kolom(kol)
                nama_total = (Teks(f"{k_.id} total", f"the total {k_.en}") if jenis_total == "total"
                              else Teks(f"{k_.id} sasaran", f"the objective's {k_.en}"))
                hasil.append(_temuan(
                    x.instansi, x.tahun, "jumlah_bagian_tidak_sesuai", "galat" if x.beda > 0 else "peringatan",
                    gabung_sumber([*x.sumber_t, x.sumber_bagian]), x.uraian, x.total, x.jumlah,
                    Teks(f"Jumlah {k_.id} {x.n} {apa.id} menurut {_tabel_saja([x.sumber_bagian])}, {_rp(x.jumlah)}, {lebih.id} "
                         f"{nama_total.id} {_rp(x.total)} yang tercetak di {_tabel_saja(x.sumber_t)} (selisih {_rp(abs(x.beda))}).",
                         f"The {k_.en} of the {x.n} {apa.en} listed in {_tabel_saja([x.sumber_bagian])}, {_rp(x.jumlah)}, {lebih.en} "
                         f"{nama_total.en} {_rp(x.total)} printed in {_tabel_saja(x.sumber_t)} (difference {_rp(abs(x.beda))})."),
                    _ids(x.ids_t, x.ids)))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


def _kunci_baris(ang: pd.DataFrame) -> pd.Series:
    """What makes two budget lines of different tables the same line: the level with the name (sasaran
    lines by their sasaran), and for totals the level alone."""
    nama = nama_baku(ang["uraian"])
    sas = _sasaran_baku(ang["sasaran"].where(ang["sasaran"].notna(), ang["uraian"]))
    k = ang["level"].astype(str) + "|" + nama
    k = k.where(ang["level"] != "sasaran", "sasaran|" + sas)
    return k.where(ang["level"] != "total", "total|")


@pemeriksaan({"beda_antar_tabel": ("Angka yang sama tercetak berbeda di dua tabel", "The same figure printed differently in two tables")})
def cek_beda_anggaran(ang: pd.DataFrame) -> pd.DataFrame:
    """beda_antar_tabel for budget lines: the same program (kegiatan, sub kegiatan, sasaran, total) with a
    different pagu awal, pagu or realisasi in two tables. Names match case-insensitively, ignoring a
    'Program ' prefix and 'Kabupaten/Kota'; a name printed twice in one table is ambiguous and skipped.
    The main (utama) table's figure is the reference, else the one most tables print."""
    if ang.empty:
        return _kosong()
    a = ang.assign(_k=_kunci_baris(ang), _nama=ang["uraian"])
    a = a[(a["_k"].str.partition("|")[2] != "") | (a["level"] == "total")]
    ganda = a.duplicated(["instansi", "tahun", "sumber", "_k"], keep=False) & (a["level"] != "total")
    a = a[~ganda]
    hasil = []
    for kol in ("pagu_awal", "pagu", "realisasi"):
        teks = "realisasi_teks" if kol == "realisasi" else f"{kol}_teks"
        d = a[a[kol].notna()]
        d = d.assign(_frek=d.assign(_v=d[kol].round(2)).groupby(["instansi", "tahun", "_k", "_v"])["sumber"].transform("nunique"))
        m = _pasangan_beda(d, ["instansi", "tahun", "_k"], kol, teks, ["utama", "_frek", "id"], [False, False, True])
        if m is None:
            continue
        pagu_per_id = a.set_index("id")["pagu"]
        for x in m.rename(columns={"_k": "kunci"}).itertuples(index=False):
            if set(x.sumber) <= set(x.sumber_ref):
                continue  # two totals of one table disagree: not a difference between tables
            sebagai = (Teks(f" (sebagai '{x.nama}')", f" (as '{x.nama}')") if not x.kunci.startswith("total|")
                       and x.nama.strip().lower() != x.nama_ref.strip().lower() else Teks("", ""))
            # a 'pagu awal' (before the APBD change) that is in fact the reference line's pagu after the change
            ekor = Teks("", "")
            if kol == "pagu_awal" and any(abs(x.nilai - p) < TOLERANSI_RUPIAH for p in pagu_per_id.reindex(x.ids_ref).dropna()):
                ekor = Teks(f"; {_rp(x.nilai)} adalah pagu setelah perubahan APBD di {_tabel_saja(x.sumber_ref)}",
                            f"; {_rp(x.nilai)} is the budget after the APBD change in {_tabel_saja(x.sumber_ref)}")
            hasil.append(_temuan(
                x.instansi, x.tahun, "beda_antar_tabel", "peringatan", gabung_sumber([*x.sumber_ref, *x.sumber]), x.nama_ref,
                x.nilai_ref, x.nilai,
                _kolom(kol, True) + Teks(
                    f" '{x.nama_ref}' tercetak {_rp(x.nilai_ref)} di {_tabel_saja(x.sumber_ref)} tetapi "
                    f"{_rp(x.nilai)} di {_tabel_saja(x.sumber)}{sebagai.id}, selisih {_rp(abs(x.nilai_ref - x.nilai))}{ekor.id}.",
                    f" of '{x.nama_ref}' is printed as {_rp(x.nilai_ref)} in {_tabel_saja(x.sumber_ref)} but "
                    f"{_rp(x.nilai)} in {_tabel_saja(x.sumber)}{sebagai.en}, a difference of {_rp(abs(x.nilai_ref - x.nilai))}{ekor.en}."),
                _ids(x.ids_ref, x.ids)))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


@pemeriksaan({"realisasi_melebihi_pagu": ("Realisasi anggaran melebihi pagu", "Spending above budget")})
def cek_realisasi_melebihi_pagu(ang: pd.DataFrame) -> pd.DataFrame:
    """realisasi_melebihi_pagu: a budget line that spent more than its ceiling."""
    if ang.empty:
        return _kosong()
    df = ang[ang["pagu"].notna() & ang["realisasi"].notna() & (ang["realisasi"] - ang["pagu"] >= TOLERANSI_RUPIAH)]
    hasil = []
    for r in df.itertuples(index=False):
        s = measures.serapan(r.pagu, r.realisasi).nilai
        hasil.append(_temuan(
            r.instansi, r.tahun, "realisasi_melebihi_pagu", "peringatan", r.sumber, r.uraian, r.realisasi, r.pagu,
            Teks(f"Realisasi {_rp(r.realisasi)} melebihi pagu {_rp(r.pagu)} sebesar {_rp(r.realisasi - r.pagu)} "
                 f"(serapan {_pct(s)}), padahal belanja tidak boleh melampaui pagu.",
                 f"Actual spending {_rp(r.realisasi)} exceeds the budget {_rp(r.pagu)} by {_rp(r.realisasi - r.pagu)} "
                 f"(absorption {_pct(s)}), although spending may not exceed the budget."), _ids([r.id])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


def _digit_bermakna(v: pd.Series) -> pd.Series:
    return v.round().astype("int64").astype(str).str.rstrip("0").str.len()


@pemeriksaan({"nilai_kembar": ("Nilai kembar pada baris berbeda", "Identical amounts on different rows")})
def cek_nilai_kembar(ang: pd.DataFrame) -> pd.DataFrame:
    """nilai_kembar: one non-round amount printed for two different lines of the same level in one table
    (a copy-paste suspect, e.g. two programs with the same pagu). A total, a line and its only part, and
    lines with the same name are not twins."""
    if ang.empty:
        return _kosong()
    hasil = []
    a = ang[ang["level"] != "total"]
    for kol in ("pagu", "realisasi"):
        df = a[a[kol].notna() & (a[kol] >= NILAI_KEMBAR_MIN)]
        if df.empty:
            continue
        df = df[_digit_bermakna(df[kol]) >= NILAI_KEMBAR_DIGIT]
        df = df[df.duplicated(["instansi", "tahun", "sumber", kol], keep=False)]
        if df.empty:
            continue
        # climb to the highest ancestor carrying the same amount: a line and its single part are one figure
        nilai_semua = ang.set_index("id")[kol]
        induk_semua = ang.set_index("id")["induk_id"]
        akar = df["id"].copy()
        for _ in range(len(_PERINGKAT_LEVEL)):
            induk = akar.map(induk_semua)
            naik = induk.notna() & (induk.map(nilai_semua).round(2) == df[kol].round(2).values)
            if not naik.any():
                break
            akar = akar.where(~naik, induk.astype("Int64"))
        df = df.assign(_akar=akar.values, _nama=nama_baku(df["uraian"]).values)
        df = df.assign(_puncak=df["id"] != df["_akar"]).sort_values(["_puncak", "urutan"])  # keep the top line of a chain
        kunci = ["instansi", "tahun", "sumber", "level", kol]
        df = df.drop_duplicates("_akar").drop_duplicates([*kunci, "_nama"])
        df = df[df.duplicated(kunci, keep=False)]
        for (inst, th, sumber, _, v), g in df.sort_values("urutan").groupby(kunci, sort=False):
            nama = [str(u) for u in g["uraian"]]
            daftar = " dan ".join(f"'{n}'" for n in nama) if len(nama) == 2 else ", ".join(f"'{n}'" for n in nama)
            daftar_en = " and ".join(f"'{n}'" for n in nama) if len(nama) == 2 else ", ".join(f"'{n}'" for n in nama)
            hasil.append(_temuan(
                inst, th, "nilai_kembar", "peringatan", sumber, " / ".join(nama), v, None,
                Teks(f"{daftar} di {_tabel_saja([sumber])} tercetak dengan {_kolom(kol).id} yang persis sama, {_rp(v)}, "
                     f"sehingga perlu dicek apakah angka itu tersalin dari baris lain.",
                     f"{daftar_en} in {_tabel_saja([sumber])} are printed with exactly the same {_kolom(kol).en}, {_rp(v)}: "
                     f"check whether the figure was copied from another row."), _ids(g["id"])))
    return pd.DataFrame(hasil, columns=KOLOM_TEMUAN) if hasil else _kosong()


