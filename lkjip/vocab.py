"""Domain vocabulary: themes, levels, polarity suggestions, labels shared by importer and pages."""
from __future__ import annotations

import functools
import re

# Themes: the five SPM services of PP 2/2018 art. 10 / Permensos 9/2018, then common themes.
TEMA: dict[str, str] = {
    "spm_disabilitas": "SPM 1 · Penyandang disabilitas telantar",
    "spm_anak": "SPM 2 · Anak telantar",
    "spm_lansia": "SPM 3 · Lanjut usia telantar",
    "spm_gepeng": "SPM 4 · Gelandangan dan pengemis",
    "spm_bencana": "SPM 5 · Korban bencana",
    "pkh": "PKH",
    "psks": "PSKS",
    "pmks": "PMKS / PPKS",
    "kemiskinan": "Kemiskinan",
    "sakip": "SAKIP / AKIP",
    "ikm": "IKM",
    "lainnya": "Lainnya",
}

# Level of an indicator: IKU/PK indicators of a sasaran (used in averages), or those of a
# tujuan, program, kegiatan or sub kegiatan (kept, shown, not averaged with the IKU).
TINGKAT_INDIKATOR = ("sasaran", "tujuan", "program", "kegiatan", "sub_kegiatan")

# National programs of urusan sosial (1.06), Permendagri 90/2019 nomenclature: code -> (name, pattern).
PROGRAM_NASIONAL: dict[str, tuple[str, str]] = {
    "1.06.01": ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", r"penunjang|penujang"),
    "1.06.02": ("Program Pemberdayaan Sosial", r"pemberdayaan sosial"),
    "1.06.03": ("Program Penanganan Warga Negara Migran Korban Tindak Kekerasan", r"migran"),
    "1.06.04": ("Program Rehabilitasi Sosial", r"rehabilitasi sosial"),
    "1.06.05": ("Program Perlindungan dan Jaminan Sosial", r"perlindungan dan jaminan sosial"),
    "1.06.06": ("Program Penanganan Bencana", r"penanganan bencana"),
    "1.06.07": ("Program Pengelolaan Taman Makam Pahlawan", r"taman makam pahlawan"),
}

LEVEL = ("total", "sasaran", "jenis_belanja", "program", "kegiatan", "sub_kegiatan")
LABEL_LEVEL = {
    "total": "Total",
    "sasaran": "Sasaran",
    "jenis_belanja": "Jenis belanja",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub kegiatan",
}

_ATURAN_TEMA: list[tuple[str, str]] = [
    (r"disabilitas|difabel|penyandang cacat", "spm_disabilitas"),
    (r"\banak\b", "spm_anak"),
    (r"lanjut usia|lansia", "spm_lansia"),
    (r"gelandangan|pengemis|tuna sosial|gepeng", "spm_gepeng"),
    (r"bencana", "spm_bencana"),
    (r"keluarga harapan|\bpkh\b|bantuan tunai bersyarat", "pkh"),
    (r"\bpsks\b|potensi (dan )?sumber kesejahteraan|tksk|pekerja sosial masyarakat|tagana|karang taruna", "psks"),
    (r"kepuasan masyarakat|\bikm\b", "ikm"),
    (r"sakip|akip|akuntabilitas", "sakip"),
    (r"kemiskinan|fakir miskin|miskin", "kemiskinan"),
    (r"\bpmks\b|\bppks\b|penyandang masalah kesejahteraan|pemerlu pelayanan", "pmks"),
]

_NEGATIF = re.compile(r"penurunan|menurun|turunnya|berkurang|angka kemiskinan|tingkat kemiskinan|jumlah penduduk miskin", re.I)
_ORDINAL = re.compile(r"predikat|nilai (evaluasi )?(sakip|akip)|nilai akuntabilitas|evaluasi sa[kp]", re.I)


@functools.lru_cache(maxsize=1 << 14)  # asked once per indicator row: once per distinct name
def sarankan_tema(teks: str | None) -> str:
    """A theme for an indicator text, by keywords; 'lainnya' when nothing matches."""
    t = (teks or "").lower()
    for pola, tema in _ATURAN_TEMA:
        if re.search(pola, t):
            return tema
    return "lainnya"


def sarankan_polaritas(teks: str | None, ada_predikat: bool = False) -> str:
    """negatif for indicators about decreasing something, ordinal for grades, else positif."""
    if ada_predikat or _ORDINAL.search(teks or ""):
        return "ordinal"
    if _NEGATIF.search(teks or ""):
        return "negatif"
    return "positif"


def baku_polaritas(teks: object) -> str | None:
    t = str(teks or "").strip().lower()
    if t in ("positif", "positive", "+", "naik", "maximize", "max", "semakin tinggi semakin baik"):
        return "positif"
    if t in ("negatif", "negative", "-", "turun", "minimize", "min", "semakin rendah semakin baik"):
        return "negatif"
    if t in ("ordinal", "predikat", "grade"):
        return "ordinal"
    return None


def baku_level(teks: object) -> str | None:
    t = re.sub(r"[\s_-]+", " ", str(teks or "").strip().lower())
    peta = {
        "total": "total", "jumlah": "total", "sasaran": "sasaran", "jenis belanja": "jenis_belanja",
        "belanja": "jenis_belanja", "program": "program", "kegiatan": "kegiatan",
        "sub kegiatan": "sub_kegiatan", "subkegiatan": "sub_kegiatan",
    }
    return peta.get(t)


def jenis_instansi(nama: str) -> str | None:
    t = nama.lower()
    if "kabupaten" in t or re.search(r"\bkab\.?\s", t):
        return "kabupaten"
    if "kota" in t:
        return "kota"
    if "provinsi" in t:
        return "provinsi"
    return None
