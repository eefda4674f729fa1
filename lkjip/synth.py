"""Deterministic synthetic LKjIP data in our upload template, for load tests and benchmarks.

``buat(folder, jumlah_instansi=514, jumlah_tahun=10, seed=42, format="xlsx")`` writes upload files in
the template of ``data/seed/FORMAT.md`` (columns of ``lkjip.ingest.tabel.KOLOM``): one workbook per
province with the sheets ``instansi``, ``indikator``, ``anggaran`` and ``skor`` (or, with
``format="csv"``, four CSV files per province). They go through the real import path
(``pratinjau_berkas`` -> ``simpan``) without a single galat: the values are messy the way reports
are (``Rp 1.250.000``, ``98,5%``, ``-``, ``n/a``, a few realisasi above pagu, missing cells) but valid.

The agencies are the Dinas Sosial of the 514 real kabupaten/kota of Indonesia (416 kabupaten, 98
kota, 38 provinces; in DKI Jakarta the six administrative ones, served by a Suku Dinas Sosial). The figures are invented: every
``sumber`` says ``Sintetis``. The same seed gives byte-identical files (fixed xlsx timestamps), and an
agency's data does not depend on how many agencies are generated.

``buat_berkas_uji(folder, baris=10_000)`` writes one ~10.000-row anggaran table as xlsx and CSV for
the import benchmark.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import math
import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import measures
from .ingest.tabel import KOLOM
from .numbers import format_angka, format_persen, format_rupiah

# --- The 514 kabupaten/kota, by province ------------------------------------------------------------
# (province, kabupaten, kota). Names as in Permendagri on kode dan data wilayah administrasi.
_WILAYAH: list[tuple[str, str, str]] = [
    ("Aceh", "Aceh Barat, Aceh Barat Daya, Aceh Besar, Aceh Jaya, Aceh Selatan, Aceh Singkil, Aceh Tamiang, "
     "Aceh Tengah, Aceh Tenggara, Aceh Timur, Aceh Utara, Bener Meriah, Bireuen, Gayo Lues, Nagan Raya, Pidie, "
     "Pidie Jaya, Simeulue", "Banda Aceh, Langsa, Lhokseumawe, Sabang, Subulussalam"),
    ("Sumatera Utara", "Asahan, Batu Bara, Dairi, Deli Serdang, Humbang Hasundutan, Karo, Labuhanbatu, "
     "Labuhanbatu Selatan, Labuhanbatu Utara, Langkat, Mandailing Natal, Nias, Nias Barat, Nias Selatan, Nias Utara, "
     "Padang Lawas, Padang Lawas Utara, Pakpak Bharat, Samosir, Serdang Bedagai, Simalungun, Tapanuli Selatan, "
     "Tapanuli Tengah, Tapanuli Utara, Toba",
     "Binjai, Gunungsitoli, Medan, Padangsidimpuan, Pematangsiantar, Sibolga, Tanjungbalai, Tebing Tinggi"),
    ("Sumatera Barat", "Agam, Dharmasraya, Kepulauan Mentawai, Lima Puluh Kota, Padang Pariaman, Pasaman, "
     "Pasaman Barat, Pesisir Selatan, Sijunjung, Solok, Solok Selatan, Tanah Datar",
     "Bukittinggi, Padang, Padang Panjang, Pariaman, Payakumbuh, Sawahlunto, Solok"),
    ("Riau", "Bengkalis, Indragiri Hilir, Indragiri Hulu, Kampar, Kepulauan Meranti, Kuantan Singingi, Pelalawan, "
     "Rokan Hilir, Rokan Hulu, Siak", "Dumai, Pekanbaru"),
    ("Jambi", "Batanghari, Bungo, Kerinci, Merangin, Muaro Jambi, Sarolangun, Tanjung Jabung Barat, "
     "Tanjung Jabung Timur, Tebo", "Jambi, Sungai Penuh"),
    ("Sumatera Selatan", "Banyuasin, Empat Lawang, Lahat, Muara Enim, Musi Banyuasin, Musi Rawas, Musi Rawas Utara, "
     "Ogan Ilir, Ogan Komering Ilir, Ogan Komering Ulu, Ogan Komering Ulu Selatan, Ogan Komering Ulu Timur, "
     "Penukal Abab Lematang Ilir", "Lubuklinggau, Pagar Alam, Palembang, Prabumulih"),
    ("Bengkulu", "Bengkulu Selatan, Bengkulu Tengah, Bengkulu Utara, Kaur, Kepahiang, Lebong, Mukomuko, "
     "Rejang Lebong, Seluma", "Bengkulu"),
    ("Lampung", "Lampung Barat, Lampung Selatan, Lampung Tengah, Lampung Timur, Lampung Utara, Mesuji, Pesawaran, "
     "Pesisir Barat, Pringsewu, Tanggamus, Tulang Bawang, Tulang Bawang Barat, Way Kanan", "Bandar Lampung, Metro"),
    ("Kepulauan Bangka Belitung", "Bangka, Bangka Barat, Bangka Selatan, Bangka Tengah, Belitung, Belitung Timur",
     "Pangkalpinang"),
    ("Kepulauan Riau", "Bintan, Karimun, Kepulauan Anambas, Lingga, Natuna", "Batam, Tanjungpinang"),
    ("DKI Jakarta", "Administrasi Kepulauan Seribu", "Administrasi Jakarta Barat, Administrasi Jakarta Pusat, "
     "Administrasi Jakarta Selatan, Administrasi Jakarta Timur, Administrasi Jakarta Utara"),
    ("Jawa Barat", "Bandung, Bandung Barat, Bekasi, Bogor, Ciamis, Cianjur, Cirebon, Garut, Indramayu, Karawang, "
     "Kuningan, Majalengka, Pangandaran, Purwakarta, Subang, Sukabumi, Sumedang, Tasikmalaya",
     "Bandung, Banjar, Bekasi, Bogor, Cimahi, Cirebon, Depok, Sukabumi, Tasikmalaya"),
    ("Jawa Tengah", "Banjarnegara, Banyumas, Batang, Blora, Boyolali, Brebes, Cilacap, Demak, Grobogan, Jepara, "
     "Karanganyar, Kebumen, Kendal, Klaten, Kudus, Magelang, Pati, Pekalongan, Pemalang, Purbalingga, Purworejo, "
     "Rembang, Semarang, Sragen, Sukoharjo, Tegal, Temanggung, Wonogiri, Wonosobo",
     "Magelang, Pekalongan, Salatiga, Semarang, Surakarta, Tegal"),
    ("Daerah Istimewa Yogyakarta", "Bantul, Gunungkidul, Kulon Progo, Sleman", "Yogyakarta"),
    ("Jawa Timur", "Bangkalan, Banyuwangi, Blitar, Bojonegoro, Bondowoso, Gresik, Jember, Jombang, Kediri, Lamongan, "
     "Lumajang, Madiun, Magetan, Malang, Mojokerto, Nganjuk, Ngawi, Pacitan, Pamekasan, Pasuruan, Ponorogo, "
     "Probolinggo, Sampang, Sidoarjo, Situbondo, Sumenep, Trenggalek, Tuban, Tulungagung",
     "Batu, Blitar, Kediri, Madiun, Malang, Mojokerto, Pasuruan, Probolinggo, Surabaya"),
    ("Banten", "Lebak, Pandeglang, Serang, Tangerang", "Cilegon, Serang, Tangerang, Tangerang Selatan"),
    ("Bali", "Badung, Bangli, Buleleng, Gianyar, Jembrana, Karangasem, Klungkung, Tabanan", "Denpasar"),
    ("Nusa Tenggara Barat", "Bima, Dompu, Lombok Barat, Lombok Tengah, Lombok Timur, Lombok Utara, Sumbawa, "
     "Sumbawa Barat", "Bima, Mataram"),
    ("Nusa Tenggara Timur", "Alor, Belu, Ende, Flores Timur, Kupang, Lembata, Malaka, Manggarai, Manggarai Barat, "
     "Manggarai Timur, Nagekeo, Ngada, Rote Ndao, Sabu Raijua, Sikka, Sumba Barat, Sumba Barat Daya, Sumba Tengah, "
     "Sumba Timur, Timor Tengah Selatan, Timor Tengah Utara", "Kupang"),
    ("Kalimantan Barat", "Bengkayang, Kapuas Hulu, Kayong Utara, Ketapang, Kubu Raya, Landak, Melawi, Mempawah, "
     "Sambas, Sanggau, Sekadau, Sintang", "Pontianak, Singkawang"),
    ("Kalimantan Tengah", "Barito Selatan, Barito Timur, Barito Utara, Gunung Mas, Kapuas, Katingan, "
     "Kotawaringin Barat, Kotawaringin Timur, Lamandau, Murung Raya, Pulang Pisau, Seruyan, Sukamara", "Palangka Raya"),
    ("Kalimantan Selatan", "Balangan, Banjar, Barito Kuala, Hulu Sungai Selatan, Hulu Sungai Tengah, "
     "Hulu Sungai Utara, Kotabaru, Tabalong, Tanah Bumbu, Tanah Laut, Tapin", "Banjarbaru, Banjarmasin"),
    ("Kalimantan Timur", "Berau, Kutai Barat, Kutai Kartanegara, Kutai Timur, Mahakam Ulu, Paser, "
     "Penajam Paser Utara", "Balikpapan, Bontang, Samarinda"),
    ("Kalimantan Utara", "Bulungan, Malinau, Nunukan, Tana Tidung", "Tarakan"),
    ("Sulawesi Utara", "Bolaang Mongondow, Bolaang Mongondow Selatan, Bolaang Mongondow Timur, "
     "Bolaang Mongondow Utara, Kepulauan Sangihe, Kepulauan Siau Tagulandang Biaro, Kepulauan Talaud, Minahasa, "
     "Minahasa Selatan, Minahasa Tenggara, Minahasa Utara", "Bitung, Kotamobagu, Manado, Tomohon"),
    ("Sulawesi Tengah", "Banggai, Banggai Kepulauan, Banggai Laut, Buol, Donggala, Morowali, Morowali Utara, "
     "Parigi Moutong, Poso, Sigi, Tojo Una-Una, Tolitoli", "Palu"),
    ("Sulawesi Selatan", "Bantaeng, Barru, Bone, Bulukumba, Enrekang, Gowa, Jeneponto, Kepulauan Selayar, Luwu, "
     "Luwu Timur, Luwu Utara, Maros, Pangkajene dan Kepulauan, Pinrang, Sidenreng Rappang, Sinjai, Soppeng, Takalar, "
     "Tana Toraja, Toraja Utara, Wajo", "Makassar, Palopo, Parepare"),
    ("Sulawesi Tenggara", "Bombana, Buton, Buton Selatan, Buton Tengah, Buton Utara, Kolaka, Kolaka Timur, "
     "Kolaka Utara, Konawe, Konawe Kepulauan, Konawe Selatan, Konawe Utara, Muna, Muna Barat, Wakatobi",
     "Baubau, Kendari"),
    ("Gorontalo", "Boalemo, Bone Bolango, Gorontalo, Gorontalo Utara, Pohuwato", "Gorontalo"),
    ("Sulawesi Barat", "Majene, Mamasa, Mamuju, Mamuju Tengah, Pasangkayu, Polewali Mandar", ""),
    ("Maluku", "Buru, Buru Selatan, Kepulauan Aru, Kepulauan Tanimbar, Maluku Barat Daya, Maluku Tengah, "
     "Maluku Tenggara, Seram Bagian Barat, Seram Bagian Timur", "Ambon, Tual"),
    ("Maluku Utara", "Halmahera Barat, Halmahera Selatan, Halmahera Tengah, Halmahera Timur, Halmahera Utara, "
     "Kepulauan Sula, Pulau Morotai, Pulau Taliabu", "Ternate, Tidore Kepulauan"),
    ("Papua", "Biak Numfor, Jayapura, Keerom, Kepulauan Yapen, Mamberamo Raya, Sarmi, Supiori, Waropen", "Jayapura"),
    ("Papua Barat", "Fakfak, Kaimana, Manokwari, Manokwari Selatan, Pegunungan Arfak, Teluk Bintuni, Teluk Wondama", ""),
    ("Papua Barat Daya", "Maybrat, Raja Ampat, Sorong, Sorong Selatan, Tambrauw", "Sorong"),
    ("Papua Selatan", "Asmat, Boven Digoel, Mappi, Merauke", ""),
    ("Papua Tengah", "Deiyai, Dogiyai, Intan Jaya, Mimika, Nabire, Paniai, Puncak, Puncak Jaya", ""),
    ("Papua Pegunungan", "Jayawijaya, Lanny Jaya, Mamberamo Tengah, Nduga, Pegunungan Bintang, Tolikara, Yahukimo, "
     "Yalimo", ""),
]

JUMLAH_INSTANSI = 514
WAKTU_TETAP = _dt.datetime(2024, 1, 1, 0, 0, 0)  # xlsx docProps and ZIP entry times: same seed, same bytes


@dataclass(frozen=True)
class Instansi:
    nomor: int  # 0..513 in the national list (province order)
    nama: str  # "Dinas Sosial Kabupaten Bandung"
    jenis: str  # kabupaten | kota
    provinsi: str
    nomor_provinsi: int  # 1..38
    wilayah: str  # "Kabupaten Bandung"


def daftar_instansi() -> list[Instansi]:
    """The Dinas Sosial of all 514 kabupaten/kota, in province order (kabupaten first, then kota)."""
    hasil: list[Instansi] = []
    for np_, (prov, kab, kota) in enumerate(_WILAYAH, start=1):
        for jenis, daftar in (("kabupaten", kab), ("kota", kota)):
            for nama in (n.strip() for n in daftar.split(",") if n.strip()):
                wilayah = f"{'Kabupaten' if jenis == 'kabupaten' else 'Kota'} {nama}"
                dinas = "Suku Dinas Sosial" if nama.startswith("Administrasi ") else "Dinas Sosial"
                hasil.append(Instansi(len(hasil), f"{dinas} {wilayah}", jenis, prov, np_, wilayah))
    return hasil


def pilih_instansi(n: int) -> list[Instansi]:
    """n agencies spread evenly over the national list (so a small run still spans provinces)."""
    semua = daftar_instansi()
    if not 1 <= n <= len(semua):
        raise ValueError(f"jumlah instansi harus 1–{len(semua)}")
    return [semua[(i * len(semua)) // n] for i in range(n)]


# --- Indicators -------------------------------------------------------------------------------------
_SASARAN = {
    "akun": "Meningkatnya akuntabilitas kinerja dan kualitas pelayanan publik Dinas Sosial",
    "rehsos": "Meningkatnya rehabilitasi dan perlindungan jaminan sosial bagi Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)",
    "daya": "Meningkatnya pemberdayaan Penyandang Masalah Kesejahteraan Sosial (PMKS) serta Potensi dan Sumber "
            "Kesejahteraan Sosial (PSKS)",
    "miskin": "Menurunnya angka kemiskinan dan meningkatnya perlindungan sosial bagi fakir miskin",
    "bencana": "Meningkatnya perlindungan sosial korban bencana alam dan sosial",
    "pahlawan": "Terwujudnya pelestarian nilai-nilai kepahlawanan, keperintisan dan kesetiakawanan sosial",
}


@dataclass(frozen=True)
class _Ind:
    kunci: str
    indikator: str
    sasaran: str
    tema: str
    polaritas: str
    satuan: str
    jenis: str  # persen | persen_rendah | jumlah | ikm | sakip | kemiskinan | jumlah_negatif
    peluang: float  # share of agencies that use it


KATALOG: tuple[_Ind, ...] = (
    _Ind("sakip", "Predikat evaluasi SAKIP oleh APIP", "akun", "sakip", "ordinal", "Predikat", "sakip", 1.0),
    _Ind("ikm", "Nilai Indeks Kepuasan Masyarakat (IKM)", "akun", "ikm", "positif", "Nilai", "ikm", 0.85),
    _Ind("aduan", "Persentase pengaduan masyarakat yang ditindaklanjuti", "akun", "lainnya", "positif", "%", "persen", 0.25),
    _Ind("spm1", "Persentase penyandang disabilitas telantar di luar panti yang mendapatkan pelayanan", "rehsos",
         "spm_disabilitas", "positif", "%", "persen", 0.85),
    _Ind("spm2", "Persentase anak telantar di luar panti yang mendapatkan pelayanan", "rehsos", "spm_anak",
         "positif", "%", "persen", 0.85),
    _Ind("spm3", "Persentase penduduk lanjut usia telantar di luar panti yang mendapatkan pelayanan", "rehsos",
         "spm_lansia", "positif", "%", "persen", 0.85),
    _Ind("spm4", "Persentase gelandangan dan pengemis di luar panti yang mendapatkan pelayanan", "rehsos",
         "spm_gepeng", "positif", "%", "persen", 0.8),
    _Ind("spm5", "Persentase korban bencana yang mendapatkan perlindungan dan jaminan sosial pada saat dan setelah "
         "tanggap darurat bencana", "bencana", "spm_bencana", "positif", "%", "persen", 0.85),
    _Ind("alatbantu", "Jumlah penyandang disabilitas yang memperoleh alat bantu", "rehsos", "spm_disabilitas",
         "positif", "Orang", "jumlah", 0.2),
    _Ind("gepeng_jml", "Jumlah gelandangan dan pengemis di wilayah kabupaten/kota", "rehsos", "spm_gepeng",
         "negatif", "Jiwa", "jumlah_negatif", 0.15),
    _Ind("pkh", "Jumlah rumah tangga yang mendapatkan bantuan tunai bersyarat/Program Keluarga Harapan", "daya", "pkh",
         "positif", "KPM", "jumlah", 0.45),
    _Ind("graduasi", "Persentase KPM PKH yang graduasi mandiri", "daya", "pkh", "positif", "%", "persen_rendah", 0.25),
    _Ind("psks", "Persentase PSKS yang berfungsi", "daya", "psks", "positif", "%", "persen", 0.5),
    _Ind("psks_daya", "Persentase PSKS yang diberdayakan dalam penyelenggaraan kesejahteraan sosial", "daya", "psks",
         "positif", "%", "persen", 0.35),
    _Ind("tksk", "Jumlah Tenaga Kesejahteraan Sosial Kecamatan (TKSK) yang aktif", "daya", "psks", "positif", "Orang",
         "jumlah", 0.2),
    _Ind("pmks_bansos", "Persentase PMKS yang memperoleh bantuan sosial", "daya", "pmks", "positif", "%", "persen", 0.4),
    _Ind("ppks_mandiri", "Persentase PPKS binaan yang mandiri", "daya", "pmks", "positif", "%", "persen_rendah", 0.3),
    _Ind("pmks_tangani", "Persentase PMKS yang tertangani", "daya", "pmks", "positif", "%", "persen", 0.4),
    _Ind("kemiskinan", "Angka kemiskinan", "miskin", "kemiskinan", "negatif", "%", "kemiskinan", 0.45),
    _Ind("dtks", "Persentase penduduk miskin yang terdata dalam Data Terpadu Kesejahteraan Sosial (DTKS)", "miskin",
         "kemiskinan", "positif", "%", "persen", 0.35),
    _Ind("ksb", "Persentase Kampung Siaga Bencana (KSB) yang aktif", "bencana", "spm_bencana", "positif", "%",
         "persen", 0.2),
    _Ind("tmp", "Persentase Taman Makam Pahlawan dan monumen dengan kondisi baik", "pahlawan", "lainnya", "positif",
         "%", "persen", 0.35),
)

# --- Budget: urusan sosial 1.06, the national nomenclature for kabupaten/kota -------------------------
# (program code, program, [(kegiatan code, kegiatan, [(sub code, sub kegiatan, weight)])], chance)
NOMENKLATUR: tuple = (
    ("1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 1.0, [
        ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
            ("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 1.5),
            ("0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", 0.6),
            ("0007", "Evaluasi Kinerja Perangkat Daerah", 0.6)]),
        ("2.02", "Administrasi Keuangan Perangkat Daerah", [
            ("0001", "Penyediaan Gaji dan Tunjangan ASN", 60.0),
            ("0003", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", 1.5),
            ("0005", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", 0.6)]),
        ("2.06", "Administrasi Umum Perangkat Daerah", [
            ("0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", 0.8),
            ("0004", "Penyediaan Bahan Logistik Kantor", 2.0),
            ("0005", "Penyediaan Barang Cetakan dan Penggandaan", 1.0),
            ("0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 1.5)]),
        ("2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", [
            ("0006", "Pengadaan Peralatan dan Mesin Lainnya", 4.0)]),
        ("2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", [
            ("0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", 3.0),
            ("0004", "Penyediaan Jasa Pelayanan Umum Kantor", 12.0)]),
        ("2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", [
            ("0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas "
                     "Operasional atau Lapangan", 1.5),
            ("0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", 3.0)]),
    ]),
    ("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", 0.9, [
        ("2.01", "Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota", [
            ("0001", "Penerbitan Izin Pengumpulan Sumbangan Dalam Daerah Kabupaten/Kota", 0.5)]),
        ("2.02", "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota", [
            ("0001", "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat Kewenangan Kabupaten/Kota", 4.0),
            ("0002", "Peningkatan Kemampuan Potensi Tenaga Kesejahteraan Sosial Kecamatan Kewenangan Kabupaten/Kota", 1.5),
            ("0003", "Peningkatan Kemampuan Potensi Sumber Kesejahteraan Sosial Keluarga Kewenangan Kabupaten/Kota", 1.0),
            ("0004", "Peningkatan Kemampuan Potensi Sumber Kesejahteraan Sosial Kelembagaan Masyarakat Kewenangan "
                     "Kabupaten/Kota", 6.0)]),
    ]),
    ("1.06.03", "PROGRAM PENANGANAN WARGA NEGARA MIGRAN KORBAN TINDAK KEKERASAN", 0.15, [
        ("2.01", "Pemulangan Warga Negara Migran Korban Tindak Kekerasan dari Titik Debarkasi di Daerah "
                 "Kabupaten/Kota untuk Dipulangkan ke Desa/Kelurahan Asal", [
            ("0001", "Fasilitasi Pemulangan Warga Negara Migran Korban Tindak Kekerasan dari Titik Debarkasi di Daerah "
                     "Kabupaten/Kota untuk Dipulangkan ke Desa/Kelurahan Asal", 0.6)]),
    ]),
    ("1.06.04", "PROGRAM REHABILITASI SOSIAL", 1.0, [
        ("2.01", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, "
                 "serta Gelandangan Pengemis di Luar Panti Sosial", [
            ("0001", "Penyediaan Permakanan", 8.0),
            ("0003", "Penyediaan Alat Bantu", 3.0),
            ("0005", "Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial", 1.5),
            ("0006", "Pemberian Bimbingan Sosial kepada Keluarga Penyandang Disabilitas Terlantar, Anak Terlantar, "
                     "Lanjut Usia Terlantar, serta Gelandangan Pengemis dan Masyarakat", 5.0),
            ("0009", "Pemberian Layanan Data dan Pengaduan", 0.6),
            ("0010", "Pemberian Layanan Kedaruratan", 1.3),
            ("0012", "Pemberian Layanan Rujukan", 0.3)]),
        ("2.02", "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya Bukan Korban HIV/AIDS dan "
                 "NAPZA di Luar Panti Sosial", [
            ("0004", "Penyediaan Sandang", 1.0),
            ("0012", "Pemberian Pelayanan Reunifikasi Keluarga", 1.3)]),
    ]),
    ("1.06.05", "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL", 1.0, [
        ("2.01", "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota", [
            ("0001", "Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota", 3.0),
            ("0002", "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota", 8.0),
            ("0003", "Fasilitasi Bantuan Sosial Kesejahteraan Keluarga", 2.0),
            ("0004", "Fasilitasi Bantuan Pengembangan Ekonomi Masyarakat", 4.0)]),
    ]),
    ("1.06.06", "PROGRAM PENANGANAN BENCANA", 0.9, [
        ("2.01", "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota", [
            ("0001", "Penyediaan Makanan", 5.0),
            ("0002", "Penyediaan Sandang", 0.8),
            ("0004", "Penanganan Khusus bagi Kelompok Rentan", 0.9),
            ("0005", "Pelayanan Dukungan Psikososial", 0.6)]),
        ("2.02", "Penyelenggaraan Pemberdayaan Masyarakat terhadap Kesiapsiagaan Bencana Kabupaten/Kota", [
            ("0001", "Koordinasi, Sosialisasi dan Pelaksanaan Kampung Siaga Bencana", 0.9),
            ("0002", "Koordinasi, Sosialisasi dan Pelaksanaan Taruna Siaga Bencana", 0.5)]),
    ]),
    ("1.06.07", "PROGRAM PENGELOLAAN TAMAN MAKAM PAHLAWAN", 0.6, [
        ("2.01", "Pemeliharaan Taman Makam Pahlawan Nasional Kabupaten/Kota", [
            ("0001", "Pembangunan Taman Makam Pahlawan Nasional Kabupaten/Kota", 1.0),
            ("0002", "Pemeliharaan Taman Makam Pahlawan Nasional Kabupaten/Kota", 1.6)]),
    ]),
)

LEMBAR = ("instansi", "indikator", "anggaran", "skor")


# --- Printing values the way reports print them -------------------------------------------------------
class _Cetak:
    """Chooses how a value is printed: a plain number, Indonesian text, Rupiah, a percent sign, a dash."""

    def __init__(self, rng: random.Random, teks_saja: bool):
        self.rng = rng
        self.teks_saja = teks_saja  # CSV: every cell is text

    def _polos(self, x: float):
        if float(x).is_integer():
            return str(int(x)) if self.teks_saja else int(x)
        return format_angka(x, 2) if self.teks_saja else round(x, 2)

    def rupiah(self, x: float | None):
        if x is None:
            return None
        if x == 0 and self.rng.random() < 0.5:
            return "-"
        u = self.rng.random()
        if u < 0.12:
            return format_rupiah(x)
        if u < 0.18:
            return format_angka(x, 0) + ",00"
        if u < 0.24:
            return format_angka(x, 0)
        if u < 0.26:
            return "Rp" + format_angka(x, 0) + ",-"
        return self._polos(x)

    def persen(self, x: float | None, tanda: float = 0.5):
        """A percentage: '98,5%' or '98,5' or 98.5."""
        if x is None:
            return None
        if self.rng.random() < tanda:
            return format_persen(x, 2)
        return self._polos(round(x, 2))

    def angka(self, x: float | None, satuan: str | None = None):
        if x is None:
            return None
        if satuan and self.rng.random() < 0.3:
            return f"{format_angka(x, 2)} {satuan}"
        u = self.rng.random()
        if u < 0.3 or self.teks_saja:
            return format_angka(x, 2)
        return self._polos(x)

    def kosong(self):
        """A missing value as reports print it."""
        return self.rng.choice([None, "-", "n/a", ""])


# --- One agency ------------------------------------------------------------------------------------
def _rng(seed: int, *kunci: object) -> random.Random:
    return random.Random(":".join(str(k) for k in (seed, *kunci)))  # str seeds are hashed with sha512: stable


def _bagi(total: int, n: int, rng: random.Random) -> list[int]:
    """Split an integer amount into n integer parts (a quarterly plan), exactly summing to total."""
    w = [rng.gammavariate(1.5, 1.0) for _ in range(n)]
    s = sum(w)
    bagian = [int(total * x / s) for x in w]
    bagian[-1] += total - sum(bagian)
    return bagian


def _sumber(inst: Instansi, tahun: int, tabel: str) -> str:
    return f"Sintetis: LKjIP {inst.wilayah} {tahun}, {tabel}"


def _pilih_indikator(rng: random.Random) -> list[_Ind]:
    """8–15 indicators of one agency for one Renstra period."""
    wajib = [k for k in KATALOG if k.peluang >= 1.0]
    lain = [k for k in KATALOG if k.peluang < 1.0 and rng.random() < k.peluang]
    n = rng.randint(8, 15)
    sisa = [k for k in KATALOG if k not in wajib and k not in lain]
    rng.shuffle(sisa)
    pilihan = wajib + lain
    while len(pilihan) < n and sisa:
        pilihan.append(sisa.pop())
    if len(pilihan) > n:
        tengah = pilihan[len(wajib):]
        rng.shuffle(tengah)
        pilihan = wajib + tengah[: n - len(wajib)]
    urut = {k.kunci: i for i, k in enumerate(KATALOG)}
    return sorted(pilihan, key=lambda k: urut[k.kunci])


@dataclass
class _Profil:
    kinerja: float  # 1.0 = meets targets on average
    anggaran: float  # total pagu in the first year, Rupiah
    skala: float  # population proxy (KPM, TKSK ...)
    miskin: float  # poverty rate in the first year, %
    sakip: float  # SAKIP score in the first year
    struktur: list  # budget lines this agency uses


def _profil(inst: Instansi, seed: int) -> _Profil:
    rng = _rng(seed, "profil", inst.nomor)
    jawa = inst.provinsi.startswith(("Jawa", "Banten", "Daerah Istimewa"))
    besar = (1.6 if jawa else 1.0) * (0.8 if inst.jenis == "kota" else 1.0)
    struktur = []
    for kode_p, prog, peluang, kegiatan in NOMENKLATUR:
        if rng.random() >= peluang:
            continue
        keg_dipakai = []
        for kode_k, keg, subs in kegiatan:
            dipakai = [s for s in subs if s[2] >= 10 or rng.random() < 0.55]
            if not dipakai and rng.random() < 0.8:
                dipakai = [subs[0]]
            if dipakai:
                keg_dipakai.append((kode_k, keg, dipakai))
        if keg_dipakai:
            struktur.append((kode_p, prog, keg_dipakai))
    return _Profil(
        kinerja=rng.gauss(1.0, 0.07),
        anggaran=math.exp(rng.gauss(math.log(14e9), 0.45)) * besar,
        skala=math.exp(rng.gauss(0, 0.5)) * besar,
        miskin=rng.uniform(4.0, 19.0) * (0.7 if inst.jenis == "kota" else 1.0),
        sakip=rng.gauss(60.0, 6.0),
        struktur=struktur,
    )


def _nilai_indikator(ind: _Ind, p: _Profil, th0: int, tahun: int, rng: random.Random):
    """(target, realisasi, target_predikat, realisasi_predikat) as true values."""
    dt = tahun - th0
    k = p.kinerja
    if ind.jenis == "persen":
        t = float(rng.choice([70, 75, 80, 85, 90, 95, 100]))
        r = min(100.0, t * rng.gauss(k, 0.1)) if rng.random() > 0.2 else t
        return t, round(max(r, 0.0), 2), None, None
    if ind.jenis == "persen_rendah":
        t = float(rng.choice([5, 8, 10, 12, 14, 15, 20]))
        return t, round(max(0.0, t * rng.gauss(k, 0.2)), 2), None, None
    if ind.jenis == "jumlah":
        dasar = {"pkh": 6000, "tksk": 15, "alatbantu": 120}.get(ind.kunci, 100)
        t = float(max(5, round(dasar * p.skala * (1 + 0.03 * dt))))
        return t, float(max(0, round(t * rng.gauss(k, 0.08)))), None, None
    if ind.jenis == "jumlah_negatif":
        dasar = max(10.0, 150 * p.skala * (1 - 0.04 * dt))
        t = float(round(dasar * 0.9))
        return t, float(max(0, round(dasar * rng.gauss(0.9 / k, 0.12)))), None, None
    if ind.jenis == "kemiskinan":
        laju = max(1.5, p.miskin - 0.25 * dt)
        t = round(laju - 0.3, 2)
        return t, round(laju * rng.gauss(1.0, 0.04), 2), None, None
    if ind.jenis == "ikm":
        t = round(rng.uniform(76.0, 85.0), 2)
        return t, round(min(99.0, max(60.0, rng.gauss(t + 2, 4) * k)), 2), None, None
    if ind.jenis == "sakip":
        skor = _skor_sakip(p, tahun, rng)
        tp = rng.choice(["B", "BB", "BB", "BB", "A"] if tahun >= 2015 else ["B", "CC"])
        return None, skor, tp, measures.predikat_sakip(skor).nilai_teks
    raise ValueError(ind.jenis)


def _skor_sakip(p: _Profil, tahun: int, rng: random.Random) -> float:
    return round(min(92.0, max(40.0, p.sakip + 1.3 * (tahun - 2015) + rng.gauss(0, 2.0))), 2)


def _baris_indikator(inst: Instansi, p: _Profil, tahun_list: list[int], seed: int, cetak: _Cetak) -> tuple[list, dict]:
    rows, skor_sakip = [], {}
    for tahun in tahun_list:
        periode = (tahun - 2016) // 5  # Renstra 2016–2020, 2021–2025 ...
        daftar = _pilih_indikator(_rng(seed, "renstra", inst.nomor, periode))
        rng = _rng(seed, "ind", inst.nomor, tahun)
        if len(daftar) > 8 and rng.random() < 0.1:  # an indicator not reported this year
            daftar = [d for d in daftar if d is not daftar[rng.randrange(1, len(daftar))]]
        for ind in daftar:
            t, r, tp, rp = _nilai_indikator(ind, p, tahun_list[0], tahun, rng)
            if ind.jenis == "sakip":
                skor_sakip[tahun] = r
            hilang = rng.random()
            if hilang < 0.03:
                r, rp = None, None  # realisasi not (yet) known
            elif hilang < 0.04 and ind.jenis != "sakip":
                t = None
            elif hilang < 0.045 and ind.jenis in ("persen", "persen_rendah"):
                t = 0.0  # target 0: a flagged value, not an error
            hc = measures.capaian(t, r, ind.polaritas, tp, rp) if (t is not None or tp) else measures.Hasil(None)
            # printed cells
            if ind.jenis == "sakip":
                t_c = tp if rng.random() < 0.7 else f"{format_angka({'A': 80, 'BB': 70, 'B': 60, 'CC': 50}[tp], 0)} ({tp})"
                if r is None:
                    r_c = cetak.kosong()
                else:
                    u = rng.random()
                    r_c = f"{format_angka(r, 2)} ({rp})" if u < 0.5 else (rp if u < 0.8 else cetak.angka(r))
                    if u >= 0.8:  # score only: capaian from the score against the target grade
                        hc = measures.capaian(None, r, "ordinal", tp, None)
            else:
                pakai_persen = ind.satuan == "%"
                satuan = None if pakai_persen else ind.satuan
                def sel(x):
                    if x is None:
                        return cetak.kosong()
                    return cetak.persen(x, 0.6) if pakai_persen else cetak.angka(x, satuan)
                t_c, r_c = sel(t), sel(r)
            c = hc.nilai
            if c is None or rng.random() < 0.15:
                c_c = None  # not printed
            else:
                if rng.random() < 0.03:
                    c += rng.choice([-5, -2, -1, 1, 2, 5])  # the printed capaian disagrees with the figures
                c_c = cetak.persen(round(c) if rng.random() < 0.4 else round(c, 2), 0.7)
            rows.append([inst.nama, tahun, _SASARAN[ind.sasaran], ind.indikator, "sasaran", ind.satuan, ind.polaritas,
                         t_c, r_c, c_c, ind.tema, 1, _sumber(inst, tahun, "Tabel 3.1"), None])
    return rows, skor_sakip


def _baris_skor(inst: Instansi, p: _Profil, tahun_list: list[int], skor_sakip: dict, seed: int, cetak: _Cetak) -> list:
    rows = []
    for tahun in tahun_list:
        rng = _rng(seed, "skor", inst.nomor, tahun)
        skor = skor_sakip.get(tahun) or _skor_sakip(p, tahun, rng)
        if rng.random() < 0.92:
            pred = measures.predikat_sakip(skor).nilai_teks
            if tahun < 2015 and pred == "BB":
                pred = "B"  # no BB before about 2015
            tanpa_nilai = rng.random() < (0.4 if tahun < 2018 else 0.08)
            rows.append([inst.nama, tahun, "sakip", None if tanpa_nilai else cetak.angka(skor), pred,
                         _sumber(inst, tahun, "Bab III (teks)"), None])
        if tahun >= 2017 and rng.random() < 0.85:
            ikm = round(min(98.0, max(62.0, rng.gauss(82.0, 5.0))), 2)
            rows.append([inst.nama, tahun, "ikm", cetak.angka(ikm), measures.kategori_ikm(ikm).keterangan,
                         _sumber(inst, tahun, "Bab III (teks)"), None])
    return rows


# The sasaran each national program supports, as reports link them (e.g. LKjIP Bekasi 2023, Tabel 3.17: program
# per sasaran): printed on the program line when the agency-year has that sasaran (Efisiensi pairs them).
_SASARAN_PROGRAM = {"1.06.01": "akun", "1.06.02": "daya", "1.06.03": "rehsos", "1.06.04": "rehsos", "1.06.05": "miskin",
                    "1.06.06": "bencana", "1.06.07": "pahlawan"}


def _baris_anggaran_tahun(inst: Instansi, p: _Profil, th0: int, tahun: int, seed: int, cetak: _Cetak,
                          sasaran_ada: frozenset[str] = frozenset()) -> list:
    """``sasaran_ada``: the agency-year's sasaran (texts); a program line names the one it supports among them."""
    rng = _rng(seed, "anggaran", inst.nomor, tahun)
    total = p.anggaran * (1.05 ** (tahun - th0)) * rng.gauss(1.0, 0.06)
    bobot = sum(s[2] for _, _, kg in p.struktur for _, _, subs in kg for s in subs)
    ada_awal = rng.random() < 0.3  # APBD-P changed the pagu this year
    ada_rencana, ada_real_tw = rng.random() < 0.7, rng.random() < 0.5
    sumber = _sumber(inst, tahun, "Tabel 2.4")
    baris = []  # (level, kode, uraian, angka dict)

    def sub_angka(bobot_sub: float) -> dict:
        pagu = max(5_000_000, round(total * bobot_sub / bobot * math.exp(rng.gauss(0, 0.25)), -3))
        u = rng.random()
        if u < 0.02 and bobot_sub < 10:  # nothing spent (never the salaries)
            s = 0.0
        elif u < 0.035:
            s = rng.uniform(1.005, 1.12)  # realisasi above pagu
        else:
            s = min(1.0, 0.55 + 0.45 * rng.betavariate(6, 1.4))
        real = float(round(pagu * s))
        a = {"pagu": float(pagu), "realisasi": real,
             "pagu_awal": float(round(pagu * rng.uniform(0.85, 1.1), -3)) if ada_awal else None}
        a["rencana"] = [float(x) for x in _bagi(int(pagu), 4, rng)]
        a["real_tw"] = [float(x) for x in _bagi(int(real), 4, rng)]
        return a

    def jumlah(anak: list[dict]) -> dict:
        a = {"pagu": sum(x["pagu"] for x in anak), "realisasi": sum(x["realisasi"] for x in anak),
             "pagu_awal": sum(x["pagu_awal"] for x in anak) if ada_awal else None,
             "rencana": [sum(x["rencana"][i] for x in anak) for i in range(4)],
             "real_tw": [sum(x["real_tw"][i] for x in anak) for i in range(4)]}
        return a

    program_rows = []
    for kode_p, prog, kegiatan in p.struktur:
        keg_rows, keg_angka = [], []
        for kode_k, keg, subs in kegiatan:
            dipakai = [s for s in subs if s[2] >= 10 or rng.random() < 0.95] or [subs[0]]
            sub_rows = [("sub_kegiatan", f"{kode_p}.{kode_k}.{s[0]}", s[1], sub_angka(s[2])) for s in dipakai]
            a = jumlah([r[3] for r in sub_rows])
            keg_rows.append([("kegiatan", f"{kode_p}.{kode_k}", keg, a)] + sub_rows)
            keg_angka.append(a)
        a = jumlah(keg_angka)
        program_rows.append([("program", kode_p, prog, a)] + [r for kr in keg_rows for r in kr])
    semua = jumlah([pr[0][3] for pr in program_rows])
    baris.append(("total", None, "Jumlah", semua))
    for pr in program_rows:
        baris.extend(pr)

    rows = []
    for level, kode, uraian, a in baris:
        realisasi_cetak = a["realisasi"]
        if level == "sub_kegiatan" and rng.random() < 0.005:
            realisasi_cetak = None  # not printed: n/a
        serapan_c = None
        if level in ("program", "total") and rng.random() < 0.6:
            s = measures.serapan(a["pagu"], a["realisasi"]).nilai
            if s is not None:
                serapan_c = cetak.persen(round(s, 2) if rng.random() < 0.7 else round(s), 0.7)
        sasaran = _SASARAN.get(_SASARAN_PROGRAM.get(kode, "")) if level == "program" else None
        rows.append([
            inst.nama, tahun, level, kode, uraian, sasaran if sasaran in sasaran_ada else None,
            cetak.rupiah(a["pagu_awal"]), cetak.rupiah(a["pagu"]),
            cetak.rupiah(realisasi_cetak) if realisasi_cetak is not None else rng.choice(["n/a", None]),
            serapan_c,
            *([cetak.rupiah(x) for x in a["rencana"]] if ada_rencana else [None] * 4),
            *([cetak.rupiah(x) for x in a["real_tw"]] if ada_real_tw else [None] * 4),
            1, sumber, None,
        ])
    return rows


def data_instansi(inst: Instansi, tahun_list: list[int], seed: int = 42, teks_saja: bool = False) -> dict[str, list[list]]:
    """Rows (template columns of KOLOM) of one agency: instansi, indikator, anggaran, skor."""
    p = _profil(inst, seed)
    cetak = _Cetak(_rng(seed, "cetak", inst.nomor, teks_saja), teks_saja)
    indikator, skor_sakip = _baris_indikator(inst, p, tahun_list, seed, cetak)
    sasaran = {th: frozenset(r[2] for r in indikator if r[1] == th) for th in tahun_list}
    anggaran = [r for th in tahun_list for r in _baris_anggaran_tahun(inst, p, tahun_list[0], th, seed, cetak, sasaran[th])]
    return {
        "instansi": [[inst.nama, inst.jenis, inst.provinsi]],
        "indikator": indikator,
        "anggaran": anggaran,
        "skor": _baris_skor(inst, p, tahun_list, skor_sakip, seed, cetak),
    }


# --- Writing files -----------------------------------------------------------------------------------
def _slug(teks: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-")


def _xlsx_tetap(lembar: dict[str, list[list]]) -> bytes:
    """An xlsx with one sheet per table, byte-identical for identical content (fixed timestamps)."""
    from openpyxl import Workbook
    from openpyxl.xml.functions import tostring

    wb = Workbook(write_only=True)
    wb.properties.creator = "lkjip.synth"
    wb.properties.created = wb.properties.modified = WAKTU_TETAP
    for nama, rows in lembar.items():
        ws = wb.create_sheet(nama)
        ws.append(KOLOM[nama])
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)  # openpyxl stamps 'modified' with the current time and the ZIP entries with the clock
    wb.properties.modified = WAKTU_TETAP
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            isi = tostring(wb.properties.to_tree()) if info.filename == "docProps/core.xml" else zin.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=WAKTU_TETAP.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, isi)
    return keluar.getvalue()


def _csv(nama: str, rows: list[list], excel_id: bool) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if excel_id else ",", lineterminator="\r\n")
    w.writerow(KOLOM[nama])
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    teks = buf.getvalue()
    return (b"\xef\xbb\xbf" if excel_id else b"") + teks.encode("utf-8")


def tahun_tahun(jumlah_tahun: int, tahun_akhir: int = 2024) -> list[int]:
    return list(range(tahun_akhir - jumlah_tahun + 1, tahun_akhir + 1))


def buat(folder: str | Path, jumlah_instansi: int = JUMLAH_INSTANSI, jumlah_tahun: int = 10, seed: int = 42,
         format: str = "xlsx", tahun_akhir: int = 2024) -> dict:
    """Write the upload files of n agencies x years into folder; returns the summary (also ringkasan.json).

    xlsx: one workbook per province (sheets instansi, indikator, anggaran, skor); csv: four files per
    province (a third of the provinces in the Indonesian Excel dialect: semicolon, BOM).
    """
    if format not in ("xlsx", "csv"):
        raise ValueError("format harus xlsx atau csv")
    if not 1 <= jumlah_tahun <= 30:
        raise ValueError("jumlah tahun harus 1–30")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tahun_list = tahun_tahun(jumlah_tahun, tahun_akhir)
    instansi = pilih_instansi(jumlah_instansi)
    per_prov: dict[int, list[Instansi]] = {}
    for inst in instansi:
        per_prov.setdefault(inst.nomor_provinsi, []).append(inst)
    berkas, jumlah = [], {k: 0 for k in LEMBAR}
    for np_, daftar in per_prov.items():
        lembar: dict[str, list[list]] = {k: [] for k in LEMBAR}
        for inst in daftar:
            for k, rows in data_instansi(inst, tahun_list, seed, teks_saja=format == "csv").items():
                lembar[k].extend(rows)
        for k in LEMBAR:
            jumlah[k] += len(lembar[k])
        dasar = f"{np_:02d}-{_slug(daftar[0].provinsi)}"
        if format == "xlsx":
            (folder / f"{dasar}.xlsx").write_bytes(_xlsx_tetap(lembar))
            berkas.append(f"{dasar}.xlsx")
        else:
            excel_id = np_ % 3 == 0
            for k in LEMBAR:
                (folder / f"{dasar}-{k}.csv").write_bytes(_csv(k, lembar[k], excel_id))
                berkas.append(f"{dasar}-{k}.csv")
    ringkasan = {
        "seed": seed, "format": format, "instansi": len(instansi), "tahun": tahun_list,
        "baris": jumlah, "berkas": berkas,
        "catatan": "Data sintetis (lkjip.synth): nama instansi nyata, angka rekaan. Muat ke basis data kosong.",
    }
    (folder / "ringkasan.json").write_text(json.dumps(ringkasan, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return ringkasan


def daftar_berkas(folder: str | Path) -> list[Path]:
    """The upload files of a generated folder, in import order (agencies list first within a province)."""
    folder = Path(folder)
    info = folder / "ringkasan.json"
    if info.exists():
        return [folder / b for b in json.loads(info.read_text(encoding="utf-8"))["berkas"]]
    return sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".csv"))


def buat_berkas_uji(folder: str | Path, baris: int = 10_000, seed: int = 7, tahun_akhir: int = 2024) -> dict:
    """One anggaran table of about ``baris`` rows (whole agency-years), as impor_<n>.xlsx and impor_<n>.csv."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    semua = daftar_instansi()
    hasil = {}
    for fmt in ("xlsx", "csv"):
        rows: list[list] = []
        i = 0
        while len(rows) < baris:
            inst = semua[i % len(semua)]
            tahun = tahun_akhir - (i // len(semua))
            p = _profil(inst, seed)
            cetak = _Cetak(_rng(seed, "cetak-uji", inst.nomor, tahun, fmt), fmt == "csv")
            rows.extend(_baris_anggaran_tahun(inst, p, tahun, tahun, seed, cetak))
            i += 1
        path = folder / f"impor_{baris}.{fmt}"
        if fmt == "xlsx":
            path.write_bytes(_xlsx_tetap({"anggaran": rows}))
        else:
            path.write_bytes(_csv("anggaran", rows, excel_id=False))
        hasil[fmt] = {"path": str(path), "baris": len(rows), "instansi_tahun": i}
    return hasil
