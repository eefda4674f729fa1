"""Every label the pages show, in Bahasa Indonesia (default) and English — in one place.

``teks(kunci, bahasa)`` returns the label; a missing English label falls back to Indonesian, and a
missing key raises KeyError (tests catch it). Column headers of exported tables use ``judul_kolom``.
Keys are grouped by page: ``r.`` ringkasan, ``t.`` tren, ``p.`` perbandingan, ``s.`` serapan, ``e.`` efisiensi,
``k.`` kualitas, ``ug.`` unggah, ``a.`` write access (web.izin_menulis), ``c.`` chart text (lkjip.charts).

The Indonesian names of themes, levels, finding kinds and formulas stay where the domain defines them
(lkjip.vocab, lkjip.checks, lkjip.measures); this module adds their English and picks by language.
The page labels live in one module per area (umum, impor, reviu, perencana), joined here.
"""
from __future__ import annotations

from .. import checks, measures, vocab
from . import impor, perencana, reviu, umum

BAHASA = ("id", "en")

_LABEL: dict[str, tuple[str, str]] = {**umum.LABEL, **impor.LABEL, **reviu.LABEL, **perencana.LABEL}

# Column headers for tables and exports.
_KOLOM: dict[str, tuple[str, str]] = {
    "instansi": ("Instansi", "Agency"), "tahun": ("Tahun", "Year"), "sasaran": ("Sasaran", "Objective"),
    "indikator": ("Indikator", "Indicator"), "satuan": ("Satuan", "Unit"), "polaritas": ("Polaritas", "Polarity"),
    "target": ("Target", "Target"), "realisasi": ("Realisasi", "Actual"), "capaian": ("Capaian (%)", "Achievement (%)"),
    "capaian_dilaporkan": ("Capaian tercetak (%)", "Printed achievement (%)"), "kategori": ("Kategori", "Category"),
    "tema": ("Tema", "Theme"), "sumber": ("Sumber", "Source"), "catatan": ("Catatan", "Note"), "level": ("Level", "Level"), "kode": ("Kode", "Code"),
    "uraian": ("Uraian", "Description"), "pagu": ("Pagu (Rp)", "Budget (Rp)"), "serapan": ("Serapan (%)", "Absorption (%)"),
    "rata_capaian": ("Rata-rata capaian (%)", "Average achievement (%)"), "jumlah_indikator": ("Jumlah indikator", "Indicators"),
    "dibatasi": ("Dibatasi", "Capped"), "efisiensi_selisih": ("Efisiensi selisih (poin)", "Efficiency gap (points)"),
    "efisiensi_rasio": ("Efisiensi rasio", "Efficiency ratio"), "nilai_nka": ("Nilai efisiensi NKA", "NKA efficiency score"),
    "tahun_data": ("Tahun data", "Data years"), "peringkat": ("Peringkat", "Rank"), "program": ("Program", "Programme"),
    "sumber_anggaran": ("Sumber anggaran", "Budget source"), "tautan": ("Tertaut ke anggaran", "Linked to budget"),
    "temuan": ("Temuan", "Findings"), "dari_laporan": ("Capaian tercetak", "Printed achievement"),
    "Sangat Tinggi": ("Sangat Tinggi", "Very high"), "Tinggi": ("Tinggi", "High"), "Sedang": ("Sedang", "Medium"),
    "Rendah": ("Rendah", "Low"), "Sangat Rendah": ("Sangat Rendah", "Very low"),
    # findings (lkjip.checks) and the rows behind them
    "jenis": ("Jenis", "Kind"), "tingkat": ("Tingkat", "Severity"), "baris": ("Baris", "Row"),
    "dilaporkan": ("Tercetak", "Printed"), "dihitung": ("Dihitung ulang", "Recomputed"), "selisih": ("Selisih", "Difference"),
    "penjelasan": ("Penjelasan", "Explanation"), "status": ("Status", "Status"), "lingkup": ("Lingkup", "Scope"),
    "putusan": ("Putusan", "Verdict"), "nilai": ("Nilai tercetak", "Printed value"), "operan": ("Masukan tercetak", "Printed inputs"),
    "catatan_putusan": ("Catatan putusan", "Verdict note"),
    "pengguna_putusan": ("Reviewer", "Reviewer"), "waktu_putusan": ("Waktu putusan", "Verdict time"),
    "target_teks": ("Target tercetak", "Printed target"), "realisasi_teks": ("Realisasi tercetak", "Printed actual"),
    "capaian_dilaporkan_teks": ("Capaian tercetak", "Printed achievement"), "pagu_teks": ("Pagu tercetak", "Printed budget"),
    "serapan_dilaporkan_teks": ("Serapan tercetak", "Printed absorption"), "nilai_teks": ("Nilai tercetak", "Printed value"),
}

# English names of the domain vocabulary; the Indonesian names stay in lkjip.vocab and lkjip.checks.
_TEMA_EN = {
    "spm_disabilitas": "SPM 1 · Neglected persons with disabilities", "spm_anak": "SPM 2 · Neglected children",
    "spm_lansia": "SPM 3 · Neglected elderly people", "spm_gepeng": "SPM 4 · Homeless people and beggars",
    "spm_bencana": "SPM 5 · Disaster victims", "pkh": "PKH (Family Hope Programme)",
    "psks": "PSKS (social-welfare resources)", "pmks": "PMKS / PPKS (people with social-welfare problems)",
    "kemiskinan": "Poverty", "sakip": "SAKIP / AKIP (accountability)", "ikm": "IKM (public satisfaction index)",
    "lainnya": "Other",
}
_LEVEL_EN = {"total": "Total", "sasaran": "Objective", "jenis_belanja": "Type of spending", "program": "Programme",
             "kegiatan": "Activity", "sub_kegiatan": "Sub-activity"}
_JENIS_EN = {
    "capaian_tidak_sesuai": "Printed achievement does not match the computation",
    "rata_rata_tidak_sesuai": "Average achievement does not match its rows",
    "serapan_tidak_sesuai": "Printed absorption does not match actual/budget",
    "jumlah_bagian_tidak_sesuai": "Parts do not add up to their total",
    "beda_antar_tabel": "The same figure printed differently in two tables",
    "realisasi_melebihi_pagu": "Spending above budget",
    "nilai_kembar": "Identical amounts on different rows",
    "salah_polaritas": "Achievement contradicts the indicator's polarity",
    "angka_salah_cetak": "Misprinted number (unreadable)",
    "target_realisasi_kosong": "Target or actual of a main indicator is empty",
}
_TINGKAT_EN = {"galat": "Error", "peringatan": "Warning", "info": "Info"}
# Short category names on the overview cards (Permendagri 86/2017 scale).
_KATEGORI_SINGKAT = {"Sangat Tinggi": ("ST", "VH"), "Tinggi": ("T", "H"), "Sedang": ("S", "M"), "Rendah": ("R", "L"),
                     "Sangat Rendah": ("SR", "VL")}
# Tables an upload writes (lkjip.ingest), as named in messages.
_TABEL = {"indikator": ("indikator", "indicator"), "anggaran": ("anggaran", "budget"), "renstra": ("renstra", "Renstra"),
          "nilai_dilaporkan": ("nilai tercetak", "printed value"), "skor": ("skor", "score"),
          "instansi": ("instansi", "agency")}

# English of the formula texts of lkjip.measures (the Indonesian ones, the reference, stay there).
_RUMUS_CAPAIAN_EN = {
    "positif": "Capaian (achievement) = actual / target × 100 (higher is better).",
    "negatif": "Capaian (achievement) = (2 × target − actual) / target × 100 (lower is better).",
    "ordinal": "Ordinal indicators (grades): 100 when the actual grade/score meets the target; otherwise actual score / "
               "target score × 100, or rank of the actual grade / rank of the target × 100.",
}
_METODE_EFISIENSI_EN = {
    "selisih": ("Efficiency (gap)", "Achievement − absorption, in percentage points; > 0 means efficient. Used by the "
                                    "LKjIP of Kota Bekasi."),
    "rasio": ("Efficiency (ratio)", "Achievement / absorption; > 1 means efficient."),
    "nka": ("Efficiency score in the style of the Ministry of Finance's NKA",
            "PMK 214/2017 & PMK 22/2021: E = (Σ budget × achievement − Σ actual) / Σ budget × achievement, achievement "
            "as a ratio; score = 50% + (E / 20%) × 50%, E capped at −20%..+20% so the score is 0–100."),
}

def _efisiensi(metode: dict[str, tuple[str, str]], penutup: str) -> str:
    return "\n\n".join(f"**{judul}** — {penjelasan}" for judul, penjelasan in metode.values()) + "\n\n" + penutup


# The "Formulas and how to read this" texts, (Indonesian, English).
RUMUS: dict[str, tuple[str, str]] = {
    "capaian": (
        f"{measures.RUMUS_CAPAIAN['positif']}\n\n{measures.RUMUS_CAPAIAN['negatif']}\n\n{measures.RUMUS_CAPAIAN['ordinal']}\n\n"
        "Target 0 atau kosong: capaian tidak dihitung dan alasannya ditampilkan.",
        f"{_RUMUS_CAPAIAN_EN['positif']}\n\n{_RUMUS_CAPAIAN_EN['negatif']}\n\n{_RUMUS_CAPAIAN_EN['ordinal']}\n\n"
        "Target 0 or empty: capaian is not computed and the reason is shown.",
    ),
    "kategori": (
        measures.RUMUS_KATEGORI,
        "Permendagri 86/2017 scale on capaian: Sangat Tinggi (very high) > 90; Tinggi (high) > 75–90; Sedang (medium) > 65–75; "
        "Rendah (low) > 50–65; Sangat Rendah (very low) ≤ 50.",
    ),
    "serapan": (measures.RUMUS_SERAPAN, "Serapan (budget absorption) = actual spending (realisasi) / budget (pagu) × 100."),
    "rata": (
        "Rata-rata capaian = rata-rata capaian indikator IKU/PK, masing-masing dibatasi pada batas yang dipilih "
        "(bawaan 120%) agar satu capaian sangat tinggi tidak menutupi kegagalan indikator lain.",
        "Average capaian = mean of the capaian of the IKU/PK indicators, each capped at the chosen cap (default 120%) "
        "so that one very high achievement cannot hide the failure of another indicator.",
    ),
    "efisiensi": (
        _efisiensi(measures.METODE_EFISIENSI, "Tidak ada rumus efisiensi LKjIP yang tunggal dan resmi; ketiganya ditampilkan berdampingan."),
        _efisiensi(_METODE_EFISIENSI_EN, "There is no single official LKjIP efficiency formula; all three are shown side by side."),
    ),
}

def teks(kunci: str, bahasa: str = "id", **isi) -> str:
    idn, eng = _LABEL[kunci]
    hasil = eng if bahasa == "en" and eng else idn
    return hasil.format(**isi) if isi else hasil


def judul_kolom(kolom: str, bahasa: str = "id") -> str:
    if kolom not in _KOLOM:
        return teks(f"kol.{kolom}", bahasa) if f"kol.{kolom}" in _LABEL else kolom
    idn, eng = _KOLOM[kolom]
    return eng if bahasa == "en" else idn


def judul_kolom_semua(kolom: list[str], bahasa: str = "id") -> dict[str, str]:
    return {k: judul_kolom(k, bahasa) for k in kolom}


def _pilih(idn: str, eng: str | None, bahasa: str) -> str:
    return eng if bahasa == "en" and eng else idn


def rumus(kunci: str, bahasa: str = "id") -> str:
    """A formula text of RUMUS in the language."""
    return _pilih(*RUMUS[kunci], bahasa)


def rumus_capaian(polaritas: str, bahasa: str = "id") -> str:
    """The capaian formula for one polarity (positif, negatif, ordinal)."""
    return _pilih(measures.RUMUS_CAPAIAN[polaritas], _RUMUS_CAPAIAN_EN.get(polaritas), bahasa)


def metode_efisiensi(bahasa: str = "id") -> dict[str, tuple[str, str]]:
    """measures.METODE_EFISIENSI (code -> (title, explanation)) in the language."""
    return {k: _METODE_EFISIENSI_EN.get(k, v) if bahasa == "en" else v for k, v in measures.METODE_EFISIENSI.items()}


def tema(kode: str, bahasa: str = "id") -> str:
    """The name of a theme of lkjip.vocab.TEMA."""
    return _pilih(vocab.TEMA.get(kode, kode), _TEMA_EN.get(kode), bahasa)


def tema_semua(bahasa: str = "id") -> dict[str, str]:
    return {k: tema(k, bahasa) for k in vocab.TEMA}


def level(kode: str, bahasa: str = "id") -> str:
    """The name of a budget-row level of lkjip.vocab.LABEL_LEVEL."""
    return _pilih(vocab.LABEL_LEVEL.get(kode, kode), _LEVEL_EN.get(kode), bahasa)


def jenis_temuan(kode: str, bahasa: str = "id") -> str:
    """The name of a kind of finding of lkjip.checks.JENIS."""
    return _pilih(checks.JENIS.get(kode, kode), _JENIS_EN.get(kode) or checks.JENIS_EN.get(kode), bahasa)


def tingkat_temuan(kode: str, bahasa: str = "id") -> str:
    """The name of a severity of lkjip.checks.TINGKAT."""
    return _pilih(checks.TINGKAT.get(kode, kode), _TINGKAT_EN.get(kode), bahasa)


def kategori_singkat(kategori: str, bahasa: str = "id") -> str:
    """The short name of a capaian category (ST, T, S, R, SR)."""
    return _pilih(*_KATEGORI_SINGKAT[kategori], bahasa)


def nama_tabel(nama: str, bahasa: str = "id") -> str:
    """A data table's name in messages ("2 baris indikator" / "2 indicator rows")."""
    return _pilih(*_TABEL.get(nama, (nama, None)), bahasa)
