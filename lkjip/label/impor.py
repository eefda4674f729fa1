"""Labels of the upload page and the importer: preview, corrections, profiles, hostile files. Each key: (Indonesian, English)."""

LABEL: dict[str, tuple[str, str]] = {
    # -- impor --
    **{f"kol.realisasi_tw{i}": (f"Realisasi TW {r}", f"Actual Q{i}") for i, r in zip(range(1, 5), ("I", "II", "III", "IV"))},
    "ug.pm_triwulan": ("Realisasi kinerja per triwulan terbaca untuk {n} indikator: {tw}{periode}. Lihat kolom Realisasi TW "
                       "di tabel indikator di bawah.",
                       "Quarterly performance read for {n} indicators: {tw}{periode}. See the Actual Q columns in the "
                       "indicator table below."),
    "ug.pm_letak": ("lembar '{lembar}' baris {baris}", "sheet '{lembar}' row {baris}"),
    "ug.pm_triwulan_berjalan": (" — tahun berjalan ({periode}), bukan hasil setahun", " — year in progress ({periode}), not the year's result"),
    "ug.pm_polaritas_saran": ("{n} indikator: polaritas belum ditetapkan dari bukti (hanya saran dari kata seperti 'penurunan', "
                              "tanpa capaian tercetak): {daftar}. Tetapkan di kolom **Polaritas** tabel indikator di bawah.",
                              "{n} indicators: polarity not decided from evidence (only suggested by a word such as "
                              "'penurunan', no printed capaian): {daftar}. Set it in the **Polarity** column of the indicator "
                              "table below."),
    "ug.pm_tidak_disimpan": ("{nama} (tidak disimpan)", "{nama} (not stored)"),
    "ug.pm_lv_urusan": ("Urusan", "Government affair (urusan)"),
    "ug.pm_lv_bidang_urusan": ("Bidang urusan", "Field of affairs (bidang urusan)"),
    "ug.pm_lv_rekening": ("Rekening belanja", "Expenditure account"),
    "ug.pm_lv_unit": ("Kode unit", "Unit code"),
    "ug.pm_format": ("Juga dibaca: .ods (LibreOffice), ekspor aplikasi web yang sebenarnya tabel HTML bernama .xls, formulir Evaluasi "
                     "Renja (Permendagri 86/2017), ekspor SIPD dengan kode bertingkat. Periksa **yang dipahami** di bawah terhadap kertasnya.",
                     "Also read: .ods (LibreOffice), web-app exports that are really HTML tables named .xls, the Renja evaluation form "
                     "(Permendagri 86/2017), SIPD exports with hierarchical codes. Check **what was understood** below against the paper."),
    "ug.pm_judul": ("Yang dipahami", "What was understood"),
    "ug.pm_profil": ("Profil impor **{nama}** cocok dengan bentuk berkas ini dan dipakai.",
                     "Import profile **{nama}** matches this file's shape and is applied."),
    "ug.pm_tanpa_profil": ("Baca tanpa profil", "Read without the profile"),
    "ug.pm_format_asli": ("Berkas ini sebenarnya {apa}.", "This file is really {apa}."),
    "ug.pm_lembar_lain": ("Lembar {alasan} '{nama}': tidak diimpor.", "{alasan} sheet '{nama}': not imported."),
    "ug.pm_sertakan": ("Sertakan lembar '{nama}'", "Include sheet '{nama}'"),
    "ug.pm_tabel": ("**Lembar '{nama}' · tabel {n}** — {jenis}{bentuk} · judul kolom baris {header} · data s.d. baris {akhir}",
                    "**Sheet '{nama}' · table {n}** — {jenis}{bentuk} · header rows {header} · data to row {akhir}"),
    "ug.pm_konteks": ("Instansi: **{instansi}** · tahun: **{tahun}**{periode} · satuan: **{satuan}**",
                      "Agency: **{instansi}** · year: **{tahun}**{periode} · unit: **{satuan}**"),
    "ug.pm_periode": (" · **{periode}** (tahun berjalan, bukan hasil setahun)", " · **{periode}** (year in progress, not the year's result)"),
    "ug.pm_satuan_rp": ("rupiah", "rupiah"),
    "ug.pm_baris_anggaran": ("Baris anggaran yang akan ditulis ({n}): tingkat, angka tercetak dan angka disimpan",
                             "Budget rows to be written ({n}): level, printed and stored figures"),
    "ug.pm_total": ("Jumlah terbaca (bandingkan dengan kertas)", "Totals read (compare with the paper)"),
    "ug.pm_tingkat": ("Tingkat", "Level"),
    "ug.pm_baris": ("Baris", "Rows"),
    "ug.pm_pemetaan": ("Koreksi: kolom, baris judul, satuan", "Correct: columns, header rows, unit"),
    "ug.pm_kolom_jadi": ("Kolom {huruf} dibaca sebagai", "Column {huruf} read as"),
    "ug.pm_abaikan": ("(abaikan)", "(ignore)"),
    "ug.pm_header": ("Baris judul kolom (mis. 5 atau 5, 6)", "Header rows (e.g. 5 or 5, 6)"),
    "ug.pm_skala": ("Satuan angka rupiah", "Unit of the amounts"),
    "ug.pm_ikut": ("Impor tabel ini", "Import this table"),
    "ug.pm_tak_dikenali": ("Lembar **{nama}**: tidak ada tabel yang dikenali. Pilih baris judul kolom dan jenis tabelnya, lalu tetapkan "
                           "kolomnya.", "Sheet **{nama}**: no table recognised. Choose its header row and the kind of table, then "
                           "assign its columns."),
    "ug.pm_jenis": ("Jenis tabel", "Kind of table"),
    "ug.pm_baca": ("Baca sebagai tabel", "Read as a table"),
    "ug.pm_header_satu": ("Baris judul kolom", "Header row"),
    "ug.pm_capaian_beda": ("{n} capaian yang akan disimpan berbeda dari capaian tercetak — lihat peringatan.",
                           "{n} capaian to be stored differ from the printed one — see the warnings."),
    "ug.pm_simpan_profil": ("Simpan koreksi ini sebagai profil impor", "Save these corrections as an import profile"),
    "ug.pm_nama_profil": ("Nama profil", "Profile name"),
    "ug.pm_nama_contoh": ("mis. Monev triwulan Kota Madiun", "e.g. Quarterly monitoring Kota Madiun"),
    "ug.pm_tombol_profil": ("Simpan profil", "Save profile"),
    "ug.pm_profil_tersimpan": ("Profil impor '{nama}' tersimpan; ditawarkan lagi untuk berkas berbentuk sama.",
                               "Import profile '{nama}' saved; offered again for files of the same shape."),
    "ug.pm_daftar_profil": ("Profil impor tersimpan", "Saved import profiles"),
    "ug.pm_hapus_profil": ("Hapus profil", "Delete profile"),
    "ug.pm_profil_dihapus": ("Profil impor '{nama}' dihapus.", "Import profile '{nama}' deleted."),

    # -- berkas asing & galat --
    "ug.membaca": ("Membaca berkas (di proses terpisah, dengan batas memori dan waktu)…",
                   "Reading the file (in a separate process, with memory and time limits)…"),
    "galat.halaman": ("Halaman ini tidak dapat ditampilkan karena galat di aplikasi. Rinciannya sudah dicatat di log server "
                      "(kode {kode}). Muat ulang halaman; bila berulang, sampaikan kode ini kepada pengelola aplikasi.",
                      "This page cannot be shown because of an error in the application. The details were written to the "
                      "server log (code {kode}). Reload the page; if it happens again, give this code to the administrator."),
    "galat.db": ("Basis data belum dapat dibuka: {pesan} Tutup proses lain yang memakainya (mis. perintah "
                 "`python -m lkjip ...` di terminal), lalu muat ulang halaman ini.",
                 "The database cannot be opened yet: {pesan} Close the other process using it (e.g. a "
                 "`python -m lkjip ...` command in a terminal), then reload this page."),
}
