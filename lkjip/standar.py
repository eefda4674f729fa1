"""Standard indicators: the same measure, worded differently by every agency, followed across agencies.

A catalogue (``STANDAR``) of the SPM social-service indicators (PP 2/2018, Permensos 9/2018) and the
common IKU families of Dinas Sosial (PPKS/PMKS handled, PSKS active, PKH, IKM, SAKIP, poverty...).
Each stored indicator gets a suggestion from its words and unit (``sarankan``: *otomatis*); a planner
confirms or corrects it (``tetapkan``: *dikonfirmasi*, kept in table ``indikator_standar`` by agency and
normalised wording, so it survives a re-import). ``nilai_standar`` gives each agency-year's value of
one standard indicator.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import aktivitas
from .analisis import indikator_analisis
from .store import Store, agregat


@dataclass(frozen=True)
class Standar:
    nama: str  # Indonesian
    nama_en: str
    satuan: str  # persen | jumlah | nilai (a score or grade: any unit)
    pola: str  # regex on the lower-cased wording (all of it must match)


STANDAR: dict[str, Standar] = {
    "spm1_disabilitas": Standar("SPM 1 · Penyandang disabilitas telantar di luar panti yang terlayani (%)",
                                "SPM 1 · Neglected persons with disabilities outside institutions served (%)", "persen",
                                r"disabilitas|difabel|penyandang cacat"),
    "spm2_anak": Standar("SPM 2 · Anak telantar di luar panti yang terlayani (%)",
                         "SPM 2 · Neglected children outside institutions served (%)", "persen", r"\banak\b.*(telantar|terlantar)"),
    "spm3_lansia": Standar("SPM 3 · Lanjut usia telantar di luar panti yang terlayani (%)",
                           "SPM 3 · Neglected elderly outside institutions served (%)", "persen", r"(lanjut usia|lansia).*(telantar|terlantar)"),
    "spm4_gepeng": Standar("SPM 4 · Gelandangan dan pengemis di luar panti yang terlayani (%)",
                           "SPM 4 · Homeless people and beggars outside institutions served (%)", "persen",
                           r"gelandangan|pengemis|tuna sosial|gepeng"),
    "spm5_bencana": Standar("SPM 5 · Korban bencana yang mendapat perlindungan dan jaminan sosial (%)",
                            "SPM 5 · Disaster victims given social protection (%)", "persen", r"korban bencana|bencana.*(perlindungan|jaminan)"),
    "ppks_tertangani": Standar("PPKS/PMKS yang tertangani atau memperoleh layanan (%)",
                               "PPKS/PMKS handled or served (%)", "persen",
                               r"(pmks|ppks|penyandang masalah kesejahteraan|pemerlu pelayanan).*(tertangani|ditangani|terlayani|terakses|mendapat|memperoleh|memeroleh|bantuan|layanan)"),
    "ppks_mandiri": Standar("PPKS binaan yang mandiri / berfungsi sosial (%)", "PPKS clients who became self-reliant (%)", "persen",
                            r"(pmks|ppks).*(mandiri|keberfungsian|berfungsi)"),
    "psks_aktif": Standar("PSKS yang aktif / berfungsi / diberdayakan (%)", "PSKS (social welfare resources) active (%)", "persen",
                          r"(psks|potensi (dan )?sumber kesejahteraan).*(aktif|berfungsi|diberdayakan|berperan)"),
    "pkh_kpm": Standar("Keluarga penerima manfaat PKH (jumlah)", "PKH beneficiary families (number)", "jumlah",
                       r"keluarga harapan|\bpkh\b|bantuan tunai bersyarat"),
    "pkh_graduasi": Standar("Graduasi KPM PKH (%)", "PKH beneficiaries graduating (%)", "persen", r"graduasi"),
    "ikm": Standar("Indeks Kepuasan Masyarakat (IKM)", "Public satisfaction index (IKM)", "nilai", r"kepuasan masyarakat|\bikm\b"),
    "sakip": Standar("Nilai / predikat SAKIP (AKIP)", "SAKIP / AKIP score or grade", "nilai",
                     r"\bsakip\b|\bakip\b|akuntabilitas kinerja"),
    "kemiskinan": Standar("Persentase penduduk miskin (angka kemiskinan)", "Poverty rate (%)", "persen",
                          r"kemiskinan|penduduk miskin"),
    "dtks": Standar("Data Terpadu Kesejahteraan Sosial yang dimutakhirkan (%)", "Integrated social welfare data updated (%)",
                    "persen", r"\bdtks\b|data terpadu"),
    "tmp_baik": Standar("Taman Makam Pahlawan dalam kondisi baik (%)", "Heroes' cemeteries in good condition (%)", "persen",
                        r"taman makam pahlawan"),
}
# More specific first: a PKH graduation indicator is not "PKH families"; a PPKS self-reliance one is not "PPKS handled".
_URUTAN = ["pkh_graduasi", "ppks_mandiri", "spm1_disabilitas", "spm2_anak", "spm3_lansia", "spm4_gepeng", "spm5_bencana",
           "ppks_tertangani", "psks_aktif", "pkh_kpm", "ikm", "sakip", "kemiskinan", "dtks", "tmp_baik"]
CARA = ("otomatis", "dikonfirmasi")

_SATUAN_PERSEN = re.compile(r"^\s*(%|persen|prosen|percent)\s*$", re.I)
_SATUAN_JUMLAH = re.compile(r"\b(kpm|orang|jiwa|rt|ruta|kk|keluarga|unit|lembaga|anak|lansia|buah|jumlah)\b", re.I)


def kunci_teks(teks: object) -> str:
    """The normalised wording an agency's link is kept under (case, punctuation and spacing ignored)."""
    return re.sub(r"[^a-z0-9%]+", " ", str(teks or "").lower()).strip()


def nama(kode: str | None, bahasa: str = "id") -> str:
    if not kode or kode not in STANDAR:
        return "–"
    return STANDAR[kode].nama_en if bahasa == "en" else STANDAR[kode].nama


def _jenis_satuan(satuan: object) -> str | None:
    t = str(satuan or "").strip()
    if not t or t.lower() in ("nan", "none"):
        return None
    if _SATUAN_PERSEN.match(t):
        return "persen"
    if _SATUAN_JUMLAH.search(t):
        return "jumlah"
    return None


def sarankan(indikator: object, satuan: object = None) -> str | None:
    """The standard indicator an indicator's words and unit point to, or None.

    The words must match the standard's pattern; a unit that is clearly of another kind (a count
    where a percentage is meant, or the reverse) rules the standard out rather than forcing it.
    """
    t = " ".join(str(indikator or "").lower().split())
    if not t:
        return None
    kata = "persen" if t.startswith(("persentase", "%", "prosentase")) else ("jumlah" if t.startswith(("jumlah", "banyaknya")) else None)
    jenis = _jenis_satuan(satuan)
    if kata and jenis and kata != jenis:
        return None  # the words say one kind of figure and the unit another: the planner decides
    jenis = jenis or kata
    for kode in _URUTAN:
        st_ = STANDAR[kode]
        if not re.search(st_.pola, t):
            continue
        if st_.satuan != "nilai" and jenis is not None and jenis != st_.satuan:
            continue
        return kode
    return None


def daftar_tetap(store: Store) -> pd.DataFrame:
    """The planner's links (columns instansi, indikator_kunci, standar, pengguna, waktu)."""
    return store.baca("SELECT instansi, indikator_kunci, standar, pengguna, waktu FROM indikator_standar")


def tautkan(ind: pd.DataFrame, tetap: pd.DataFrame | None) -> pd.DataFrame:
    """Indicator rows with ``standar`` (code or None) and ``cara`` (otomatis | dikonfirmasi) added."""
    df = ind.copy()
    if not len(df):
        return df.assign(standar=pd.Series(dtype=object), cara=pd.Series(dtype=object))
    # plain lists: iterating an Arrow-backed column yields one element at a time, several times slower
    pasangan = [(i, s if isinstance(s, str) else None) for i, s in zip(df["indikator"].tolist(), df["satuan"].tolist())]
    saran = {p: sarankan(*p) for p in set(pasangan)}  # agencies share wordings: each (wording, unit) once
    df["standar"] = [saran[p] for p in pasangan]
    df["cara"] = ["otomatis" if s else None for s in df["standar"]]
    if tetap is not None and len(tetap):
        kunci = df["indikator"].map({t: kunci_teks(t) for t in df["indikator"].unique()})
        peta = {(r.instansi, r.indikator_kunci): r.standar for r in tetap.itertuples(index=False)}
        for pos, (inst, k) in enumerate(zip(df["instansi"].tolist(), kunci.tolist())):
            if (inst, k) in peta:
                v = peta[(inst, k)]
                df.iat[pos, df.columns.get_loc("standar")] = v if isinstance(v, str) and v else None
                df.iat[pos, df.columns.get_loc("cara")] = "dikonfirmasi"
    return df


def tetapkan(store: Store, instansi: str, indikator: str, standar: str | None, pengguna: str | None = None) -> None:
    """Confirm or correct the standard indicator of an agency's indicator wording (None = no standard)."""
    if standar is not None and standar not in STANDAR:
        raise ValueError(f"indikator standar '{standar}' tidak dikenal")
    with store.transaksi() as cur:
        cur.execute("INSERT OR REPLACE INTO indikator_standar (instansi, indikator_kunci, standar, pengguna) VALUES (?, ?, ?, ?)",
                    [instansi, kunci_teks(indikator), standar, pengguna])
        aktivitas.catat(cur, pengguna, "indikator_standar", instansi, None, f"{indikator} -> {standar or 'tanpa standar'}")


def nilai_standar(store: Store, standar: str, instansi: list[str] | None = None, tahun: list[int] | None = None) -> pd.DataFrame:
    """Each agency-year's value of one standard indicator.

    One row per agency and year with columns instansi, tahun, standar, indikator (the agency's own
    wording), satuan, target, realisasi, capaian (recomputed, or as printed where it cannot be:
    ``dari_laporan``), capaian_dilaporkan, cara (otomatis | dikonfirmasi), jumlah (indicators of that
    agency-year linked to this standard; the IKU/PK level, first row in the report, is the one shown),
    sumber (the report table). Rows of the report's main tables only; only the rows
    whose wording links to this standard (for some agency and unit) are read.
    """
    if standar not in STANDAR:
        raise ValueError(f"indikator standar '{standar}' tidak dikenal")
    kolom = ["instansi", "tahun", "standar", "indikator", "satuan", "target", "realisasi", "capaian", "dari_laporan",
             "capaian_dilaporkan", "cara", "jumlah", "sumber"]
    tertaut = tautkan(agregat.pasangan_indikator(store, instansi, tahun), daftar_tetap(store))
    rumusan = sorted(set(tertaut.loc[tertaut["standar"] == standar, "indikator"])) if len(tertaut) else []
    ind = store.indikator(instansi, tahun, hanya_utama=True, indikator=rumusan)
    ind = ind[ind["utama"]] if len(ind) else ind
    if not len(ind):
        return pd.DataFrame(columns=kolom)
    # indikator_analisis keeps only the IKU/PK level: take every level here, IKU/PK first
    df = pd.concat([indikator_analisis(ind), indikator_analisis(ind.assign(tingkat="sasaran"))[lambda d: ~d["id"].isin(
        ind.loc[ind["tingkat"] == "sasaran", "id"])]])
    df = tautkan(df, daftar_tetap(store))
    df = df[df["standar"] == standar]
    if not len(df):
        return pd.DataFrame(columns=kolom)
    df = df.assign(_utama=(df["tingkat"] == "sasaran"))
    jumlah = df.groupby(["instansi", "tahun"])["id"].transform("size")
    df = df.assign(jumlah=jumlah).sort_values(["instansi", "tahun", "_utama", "id"], ascending=[True, True, False, True])
    df = df.drop_duplicates(["instansi", "tahun"], keep="first")
    return df[kolom].reset_index(drop=True)
