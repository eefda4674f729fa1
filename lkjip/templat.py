"""The upload template: an xlsx with an instructions sheet and one sheet per kind of data.

``buat_templat()`` returns the workbook as bytes (the upload page offers it for download);
``python -m lkjip.templat [PATH]`` writes it to ``data/templat_unggah.xlsx`` (the committed copy,
which a test compares with a freshly generated one). The bytes are reproducible: fixed document
dates and fixed ZIP entry times.

Sheets: ``Petunjuk`` (how to fill it, in Bahasa Indonesia: every column, the allowed values of
polaritas / tema / tingkat / level / jenis, the number formats accepted), then ``Indikator``,
``Anggaran`` and ``Skor``, each with a bold header whose names are exactly the canonical columns of
``lkjip.ingest.tabel.KOLOM`` and ONE example row. The example row says ``CONTOH`` in its Catatan
column; the importer skips such rows (and says so), so the template can be uploaded as it is filled.
"""
from __future__ import annotations

import datetime as _dt
import io
import re
import sys
import zipfile
from pathlib import Path

from .ingest.tabel import KOLOM
from .measures import POLARITAS
from .vocab import LEVEL, TEMA, TINGKAT_INDIKATOR

LOKASI = Path(__file__).resolve().parent.parent / "data" / "templat_unggah.xlsx"
TANDA_CONTOH = "CONTOH — baris ini dilewati saat impor. Hapus atau timpa dengan data Anda."
_WAKTU = _dt.datetime(2024, 1, 1)

# Sheets of data: (sheet name, kind of table in KOLOM).
LEMBAR = (("Indikator", "indikator"), ("Anggaran", "anggaran"), ("Skor", "skor"))

_ANGKA = ("angka seperti tercetak: 1.250.000 | 98,5 | 98,5% | 4207 KPM | 70,10 (BB) | BB | - (nol/tidak ada) | n/a "
          "(tidak ada data); angka Excel biasa juga boleh")
_RUPIAH = "rupiah seperti tercetak: Rp 3.266.735.000,00 | Rp3.266.735.000,- | 3266735000; '-' berarti nol"
_INSTANSI = ("ya", "nama lengkap instansi, sama persis di semua baris dan semua tahun",
             "mis. Dinas Sosial Kota Parepare; Dinas Sosial Kabupaten Bogor")
_TAHUN = ("ya", "tahun anggaran/kinerja, empat digit", "2000 sampai 2100")
_UTAMA = ("tidak", "1 = baris tabel utama tahun itu (dipakai dalam analisis); 0 = angka yang sama diulang di tabel lain",
          "1 atau 0; kosong berarti 1")
_SUMBER = ("tidak", "asal angka: laporan dan nomor tabel", "mis. LKjIP Parepare 2023, Tabel 3.2; kosong = nama berkas unggahan")
_CATATAN = ("tidak", "catatan bebas. Baris yang catatannya diawali CONTOH dilewati saat impor", "teks")

# Per kind, per column: (wajib, isi, nilai yang diterima).
PENJELASAN: dict[str, dict[str, tuple[str, str, str]]] = {
    "indikator": {
        "instansi": _INSTANSI,
        "tahun": _TAHUN,
        "sasaran": ("tidak", "sasaran strategis tempat indikator berada; sel kosong berarti sasaran yang sama dengan baris di atasnya",
                    "teks"),
        "indikator": ("ya", "nama indikator kinerja, dengan ejaan yang sama setiap tahun agar tahun-tahun dapat dibandingkan", "teks"),
        "tingkat": ("tidak", "tingkat indikator: sasaran (IKU/PK, yang dirata-rata dan dibandingkan) atau indikator tujuan, "
                    "program, kegiatan, sub kegiatan", ", ".join(TINGKAT_INDIKATOR) + "; kosong berarti sasaran"),
        "satuan": ("tidak", "satuan ukur indikator", "mis. persen, orang, KPM, Nilai, Predikat"),
        "polaritas": ("tidak", "arah kinerja: positif = semakin tinggi semakin baik; negatif = semakin rendah semakin baik "
                      "(mis. angka kemiskinan); ordinal = predikat/nilai seperti SAKIP BB",
                      ", ".join(POLARITAS) + "; kosong = disarankan dari nama indikator (negatif untuk 'penurunan', "
                      "'menurun', 'turunnya', 'angka kemiskinan'; ordinal untuk predikat)"),
        "target": ("ya", "target tahun itu, seperti tercetak", _ANGKA),
        "realisasi": ("ya", "realisasi tahun itu, seperti tercetak", _ANGKA),
        "capaian_dilaporkan": ("tidak", "capaian seperti tercetak di laporan; aplikasi menghitung ulang capaian dan "
                               "menampilkan keduanya", "mis. 88% atau 88,24; kosong boleh"),
        "tema": ("tidak", "kelompok tema untuk perbandingan antarinstansi (lima layanan SPM Bidang Sosial dan tema umum)",
                 ", ".join(TEMA) + "; kosong = disarankan dari nama indikator"),
        "utama": _UTAMA,
        "sumber": _SUMBER,
        "catatan": _CATATAN,
        **{f"realisasi_tw{i}": ("tidak", f"realisasi kinerja triwulan {i} (kolom K TW {r} formulir Evaluasi Renja); tidak "
                                         "dijumlahkan menjadi realisasi setahun: isi kolom realisasi juga",
                                "angka seperti tercetak, mis. 18% atau 30; kosong = tidak ada")
           for i, r in zip(range(1, 5), ("I", "II", "III", "IV"))},
    },
    "anggaran": {
        "instansi": _INSTANSI,
        "tahun": _TAHUN,
        "level": ("tidak", "jenis baris anggaran; baris total tidak dijumlahkan dengan program",
                  ", ".join(LEVEL) + "; kosong = ditebak dari kode atau uraian"),
        "kode": ("tidak", "kode rekening/nomenklatur seperti tercetak", "mis. 1.06.02 (program), 1.06.02.2.01 (kegiatan)"),
        "uraian": ("ya", "nama program, kegiatan atau sub kegiatan; 'Jumlah' atau 'Total' untuk baris total",
                   "mis. Program Rehabilitasi Sosial"),
        "sasaran": ("tidak", "sasaran strategis yang didukung baris ini (untuk efisiensi)", "teks"),
        "pagu_awal": ("tidak", "pagu sebelum perubahan APBD, hanya bila laporan mencetak dua pagu", _RUPIAH),
        "pagu": ("ya", "pagu (anggaran) akhir; tidak boleh negatif", _RUPIAH),
        "realisasi": ("tidak", "realisasi anggaran; boleh melebihi pagu (diberi peringatan)", _RUPIAH),
        "serapan_dilaporkan": ("tidak", "serapan (realisasi/pagu) seperti tercetak; aplikasi menghitung ulang",
                               "mis. 85,62%"),
        **{f"rencana_tw{i}": ("tidak", f"anggaran kas (rencana) triwulan {i}", _RUPIAH) for i in range(1, 5)},
        **{f"realisasi_tw{i}": ("tidak", f"realisasi triwulan {i}", _RUPIAH) for i in range(1, 5)},
        "utama": _UTAMA,
        "sumber": _SUMBER,
        "catatan": _CATATAN,
    },
    "skor": {
        "instansi": _INSTANSI,
        "tahun": _TAHUN,
        "jenis": ("ya", "jenis nilai: evaluasi SAKIP/AKIP atau Indeks Kepuasan Masyarakat", "sakip atau ikm"),
        "nilai": ("tidak", "nilai angka 0–100 bila dicetak", "mis. 77,26"),
        "predikat": ("tidak", "predikat seperti tercetak", "SAKIP: AA, A, BB, B, CC, C, D; IKM: A, B, C, D"),
        "sumber": _SUMBER,
        "catatan": _CATATAN,
    },
}

# One example row per sheet, taken from the bundled reports (the cited table) and marked CONTOH.
CONTOH: dict[str, dict[str, object]] = {
    "indikator": {  # LKjIP Parepare 2023, Tabel 3.2
        "instansi": "Dinas Sosial Kota Parepare", "tahun": 2023,
        "sasaran": "Meningkatnya Rehabilitasi dan perlindungan jaminan sosial bagi PMKS",
        "indikator": "Persentase gelandangan dan pengemis di luar panti yang mendapatkan pelayanan",
        "tingkat": "sasaran", "satuan": "%", "polaritas": "positif", "target": "85%", "realisasi": "70%",
        "capaian_dilaporkan": "82%", "tema": "spm_gepeng", "utama": 1, "sumber": "LKjIP Parepare 2023, Tabel 3.2",
    },
    "anggaran": {  # LKjIP Bekasi 2023, Tabel 3.18
        "instansi": "Dinas Sosial Kota Bekasi", "tahun": 2023, "level": "program",
        "uraian": "Program Rehabilitasi Sosial", "pagu": "Rp 7.650.364.300", "realisasi": "Rp. 6.627.934.073",
        "serapan_dilaporkan": "87",
        "utama": 1, "sumber": "LKjIP Bekasi 2023, Tabel 3.18",
    },
    "skor": {  # LKjIP Bekasi 2023, Bab III (teks)
        "instansi": "Dinas Sosial Kota Bekasi", "tahun": 2022, "jenis": "sakip", "nilai": "77,26", "predikat": "BB",
        "sumber": "LKjIP Bekasi 2023, Bab III (teks)",
    },
}

_PILIHAN = {
    "polaritas": POLARITAS, "tema": tuple(TEMA), "tingkat": TINGKAT_INDIKATOR, "level": LEVEL, "jenis": ("sakip", "ikm"),
}

_UMUM = [
    "Isi satu lembar per jenis data: Indikator (target, realisasi, capaian), Anggaran (pagu dan realisasi per "
    "program/kegiatan), Skor (nilai SAKIP dan IKM). Lembar yang tidak dipakai boleh dibiarkan atau dihapus.",
    "Baris pertama setiap lembar adalah judul kolom: jangan diubah. Satu baris = satu indikator (atau satu baris anggaran, "
    "satu nilai) untuk satu instansi dan satu tahun.",
    "Baris kedua adalah CONTOH (dari laporan bawaan) dan dilewati saat impor karena kolom Catatan diawali kata CONTOH. "
    "Hapus atau timpa baris itu.",
    "Angka boleh ditulis gaya Indonesia seperti di laporan: titik untuk ribuan dan koma untuk desimal (1.250.000,50), "
    "dengan Rp, %, satuan (4207 KPM) atau predikat dalam kurung (70,10 (BB)). Tanda '-' berarti nol atau tidak ada; "
    "n/a berarti tidak ada data. Angka salah cetak (mis. Rp91-.160.954) ditolak dengan letak selnya.",
    "Rumus boleh dipakai bila berkas disimpan dengan Excel/LibreOffice (nilainya ikut tersimpan). Berkas yang dibuat "
    "program tanpa menghitung rumus ditolak: buka dan simpan dulu di Excel.",
    "Bila instansi dan tahun yang sama sudah ada, aplikasi menanyakan apakah data lama diganti. Data lama disimpan dan "
    "dapat dipulihkan dengan membatalkan impor.",
    "Tabel langsung dari laporan atau ekspor e-monev juga dapat diunggah tanpa templat ini: judul kolom seperti "
    "Indikator Kinerja, Target, Realisasi, Capaian, Program/Kegiatan, Pagu, Realisasi Anggaran dikenali.",
    "Juga dibaca: formulir Evaluasi Hasil Renja PD (Permendagri 86/2017, pasangan K/Rp dan TW I-IV), ekspor SIPD dengan "
    "kode bertingkat (urusan, bidang urusan dan rekening belanja tidak dihitung sebagai program), beberapa tabel dalam "
    "satu lembar, berkas .ods (LibreOffice) dan ekspor aplikasi web berupa tabel HTML bernama .xls.",
    "Satuan cukup ditulis sekali di judul atau judul kolom: '(dalam ribuan rupiah)', 'Rp 000' atau '(juta rupiah)' - "
    "semua angka rupiah tabel itu dikalikan dan pratinjau menyebutnya. Realisasi tahun berjalan ditandai 's.d. TW III'.",
    "Angka bertanda seperti '± 2.612' atau '> 75%' disimpan sebagai teks tanpa nilai (dengan peringatan): tulis angka "
    "pastinya bila ada. Catatan kaki (Sumber:, Keterangan:) dan blok tanda tangan di bawah tabel dilewati.",
    "Periksa pratinjau sebelum menyimpan: tabel yang ditemukan, kolom yang dipakai, satuan, instansi, tahun dan jumlah "
    "pagu/realisasi per tingkat. Koreksi di halaman dapat disimpan sebagai profil impor untuk berkas berbentuk sama.",
]


def _buku():
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    tebal = Font(bold=True)
    isian_judul = PatternFill("solid", fgColor="DDEBF7")
    miring = Font(italic=True, color="7F7F7F")
    bungkus = Alignment(wrap_text=True, vertical="top")

    wb = Workbook()
    ws = wb.active
    ws.title = "Petunjuk"
    ws["A1"] = "Petunjuk pengisian templat unggahan Dasbor LKjIP"
    ws["A1"].font = Font(bold=True, size=14)
    baris = 3
    for teks in _UMUM:
        ws.cell(baris, 1, teks).alignment = bungkus
        ws.merge_cells(start_row=baris, start_column=1, end_row=baris, end_column=4)
        ws.row_dimensions[baris].height = 45
        baris += 1
    for nama, jenis in LEMBAR:
        baris += 1
        ws.cell(baris, 1, f"Lembar {nama}").font = Font(bold=True, size=12)
        baris += 1
        for i, judul in enumerate(("Kolom", "Wajib", "Isi", "Nilai yang diterima"), start=1):
            c = ws.cell(baris, i, judul)
            c.font, c.fill = tebal, isian_judul
        baris += 1
        for kolom in KOLOM[jenis]:
            wajib, isi, nilai = PENJELASAN[jenis][kolom]
            for i, v in enumerate((kolom, wajib, isi, nilai), start=1):
                ws.cell(baris, i, v).alignment = bungkus
            baris += 1
    for huruf, lebar in zip("ABCD", (22, 8, 70, 70)):
        ws.column_dimensions[huruf].width = lebar

    for nama, jenis in LEMBAR:
        ws = wb.create_sheet(nama)
        kolom = KOLOM[jenis]
        for i, k in enumerate(kolom, start=1):
            c = ws.cell(1, i, k)
            c.font, c.fill = tebal, isian_judul
            ws.column_dimensions[get_column_letter(i)].width = max(12, min(45, len(k) + 4))
            isi = {**CONTOH[jenis], "catatan": TANDA_CONTOH}.get(k)
            c2 = ws.cell(2, i, isi)
            c2.font = miring
            if isinstance(isi, str) and isi.startswith(("=", "+", "-", "@")):
                c2.data_type = "s"
            if k in _PILIHAN:
                dv = DataValidation(type="list", formula1='"' + ",".join(_PILIHAN[k]) + '"', allow_blank=True,
                                    showErrorMessage=True, errorTitle="Nilai tidak dikenal",
                                    error="Pilih salah satu: " + ", ".join(_PILIHAN[k]))
                dv.add(f"{get_column_letter(i)}2:{get_column_letter(i)}5000")
                ws.add_data_validation(dv)
        for k in ("sasaran", "indikator", "uraian", "catatan"):
            if k in kolom:
                ws.column_dimensions[get_column_letter(kolom.index(k) + 1)].width = 50
        ws.freeze_panes = "A2"
    wb.properties.creator = "Dasbor LKjIP"
    wb.properties.title = "Templat unggahan Dasbor LKjIP"
    wb.properties.created = _WAKTU
    return wb


def tetapkan_zip(data: bytes) -> bytes:
    """The same workbook with fixed ZIP entry times and document dates: reproducible bytes."""
    masuk = zipfile.ZipFile(io.BytesIO(data))
    keluar = io.BytesIO()
    waktu = _WAKTU.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            isi = masuk.read(info.filename)
            if info.filename == "docProps/core.xml":
                isi = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + waktu + rb"\g<2>", isi)
            baru = zipfile.ZipInfo(info.filename, date_time=_WAKTU.timetuple()[:6])
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = 0o600 << 16
            z.writestr(baru, isi)
    return keluar.getvalue()


def buat_templat() -> bytes:
    """The upload template as xlsx bytes (reproducible)."""
    buf = io.BytesIO()
    _buku().save(buf)
    return tetapkan_zip(buf.getvalue())


def tulis(path: str | Path = LOKASI) -> Path:
    path = Path(path)
    path.write_bytes(buat_templat())
    return path


if __name__ == "__main__":
    print(f"Templat ditulis: {tulis(sys.argv[1] if len(sys.argv) > 1 else LOKASI)}")
