"""Every label the pages show, in Bahasa Indonesia (default) and English — in one place.

``teks(kunci, bahasa)`` returns the label; a missing English label falls back to Indonesian, and a
missing key raises KeyError (tests catch it). Column headers of exported tables use ``judul_kolom``.
Keys are grouped by page: ``r.`` ringkasan, ``t.`` tren, ``p.`` perbandingan, ``s.`` serapan, ``e.`` efisiensi,
``k.`` kualitas, ``ug.`` unggah, ``a.`` write access (web.izin_menulis), ``c.`` chart text (lkjip.charts).

The Indonesian names of themes, levels, finding kinds and formulas stay where the domain defines them
(lkjip.vocab, lkjip.checks, lkjip.measures); this module adds their English and picks by language.
"""
from __future__ import annotations

from . import checks, measures, vocab

BAHASA = ("id", "en")

_LABEL: dict[str, tuple[str, str]] = {
    # navigation
    "app.judul": ("Dasbor LKjIP", "LKjIP Dashboard"),
    "app.sub": ("Kinerja Dinas Sosial kabupaten/kota dari Laporan Kinerja Instansi Pemerintah (LKjIP).",
                "Performance of city/regency social-service agencies from their annual performance reports (LKjIP)."),
    "nav.ringkasan": ("Ringkasan", "Overview"),
    "nav.tren": ("Tren per tahun", "Trends by year"),
    "nav.perbandingan": ("Perbandingan instansi", "Agency comparison"),
    "nav.serapan": ("Serapan anggaran", "Budget absorption"),
    "nav.efisiensi": ("Efisiensi", "Efficiency"),
    "nav.unggah": ("Unggah data", "Upload data"),
    "nav.kualitas": ("Kualitas data", "Data quality"),
    # sidebar filters
    "f.judul": ("Saring", "Filters"),
    "f.instansi": ("Instansi", "Agencies"),
    "f.instansi_semua": ("Semua instansi", "All agencies"),
    "f.tahun": ("Tahun", "Years"),
    "f.tahun_semua": ("Semua tahun", "All years"),
    "f.tema": ("Tema", "Theme"),
    "f.tema_semua": ("Semua tema", "All themes"),
    "f.bahasa": ("English", "English"),
    "f.batas": ("Batas capaian saat dirata-rata (%)", "Cap on capaian when averaging (%)"),
    "f.batas_help": ("Setiap capaian dibatasi pada nilai ini sebelum dirata-rata, agar satu capaian sangat tinggi "
                     "tidak menutupi kegagalan indikator lain. Nilai tanpa batas tetap ditampilkan di tabel.",
                     "Each capaian is capped at this value before averaging so that one over-achievement cannot hide "
                     "a failure; uncapped values stay in the tables."),
    "f.tautan": ("Tautan ke tampilan ini ada di bilah alamat peramban.", "The browser address bar links to this view."),
    # common
    "u.kosong": ("Belum ada data. Unggah berkas LKjIP di halaman **Unggah data**, atau jalankan "
                 "`python -m lkjip init --force` untuk memuat data bawaan.",
                 "No data yet. Upload an LKjIP file on the **Upload data** page, or run "
                 "`python -m lkjip init --force` to load the bundled data."),
    "u.kosong_saring": ("Tidak ada data untuk pilihan ini. Ubah saringan di bilah samping.",
                        "No data for this selection. Change the filters in the sidebar."),
    "u.unduh_xlsx": ("Unduh xlsx", "Download xlsx"),
    "u.unduh_csv": ("Unduh CSV", "Download CSV"),
    "u.halaman_tabel": ("Halaman tabel (dari {jumlah})", "Table page (of {jumlah})"),
    "u.baris_tabel": ("Baris {awal}–{akhir} dari {n}. Unduhan xlsx/CSV berisi semua baris.",
                      "Rows {awal}–{akhir} of {n}. The xlsx/CSV downloads hold every row."),
    "u.rumus": ("Rumus dan cara baca", "Formulas and how to read this"),
    "u.cari": ("Cari instansi", "Search agencies"),
    "u.teratas": ("Tampilkan", "Show"),
    "u.dari_laporan": ("† capaian tercetak (tidak dapat dihitung ulang)", "† printed capaian (cannot be recomputed)"),
    # measures
    "m.rata_capaian": ("Rata-rata capaian", "Average capaian"),
    "m.capaian": ("Capaian", "Achievement"),
    "m.serapan": ("Serapan", "Absorption"),
    "m.efisiensi": ("Efisiensi (poin)", "Efficiency (pts)"),
    "m.indikator": ("Indikator", "Indicators"),
    "m.temuan": ("Temuan kualitas data", "Data-quality findings"),
    "m.pagu": ("Pagu", "Budget"),
    "m.realisasi": ("Realisasi", "Actual"),
    "m.target": ("Target", "Target"),
    "m.peringkat": ("Peringkat", "Rank"),
    # pages
    "r.kartu": ("Kartu instansi", "Agency cards"),
    "r.peringkat": ("Peringkat instansi", "Agency ranking"),
    "r.kategori": ("Indikator per kategori", "Indicators per category"),
    "r.terlalu_banyak": ("{n} instansi dipilih: kartu ditampilkan untuk {k} teratas; semua ada di tabel peringkat.",
                         "{n} agencies selected: cards for the top {k}; all are in the ranking table."),
    "t.pilih_mode": ("Tampilkan", "Show"),
    "t.mode_indikator": ("Satu indikator", "One indicator"),
    "t.mode_tema": ("Rata-rata per tema", "Average per theme"),
    "t.mode_instansi": ("Rata-rata instansi", "Agency average"),
    "t.indikator": ("Indikator", "Indicator"),
    "t.target_realisasi": ("Target dan realisasi per tahun", "Target and actual per year"),
    "t.capaian_tahun": ("Capaian per tahun", "Achievement per year"),
    "t.serapan_tahun": ("Serapan anggaran per tahun", "Budget absorption per year"),
    "t.renstra": ("Target Renstra", "Renstra target"),
    "t.banyak": ("{n} instansi dipilih: grafik menampilkan median dan rentang kuartil (atau {k} instansi pertama); "
                 "pilih instansi di bilah samping untuk garis per instansi.",
                 "{n} agencies selected: the chart shows the median and quartile band (or the first {k}); pick agencies "
                 "in the sidebar for one line each."),
    "t.celah": ("Tahun tanpa data tampil sebagai celah, bukan nol.", "Years without data are gaps, not zeros."),
    "p.distribusi": ("Sebaran kategori capaian", "Distribution of achievement categories"),
    "p.heatmap": ("Rata-rata capaian per tema (instansi × tema)", "Average achievement by theme (agency × theme)"),
    "p.program": ("Serapan per program (nomenklatur nasional)", "Absorption by programme (national nomenclature)"),
    "p.tabel": ("Tabel perbandingan", "Comparison table"),
    "s.pilih_instansi": ("Instansi", "Agency"),
    "s.pilih_tahun": ("Tahun", "Year"),
    "s.sumber": ("Tabel anggaran", "Budget table"),
    "s.ambang": ("Ambang serapan rendah (%)", "Low-absorption threshold (%)"),
    "s.pohon": ("Program → kegiatan → sub kegiatan", "Programme → activity → sub-activity"),
    "s.rincian": ("Rincian", "Details"),
    "s.abu": ("Ukuran kotak = pagu; warna = serapan (jingga rendah, biru tinggi); abu-abu = tanpa realisasi di tabel ini.",
              "Box size = budget; colour = absorption (orange low, blue high); grey = no actual spending in this table."),
    "s.triwulan": ("Rencana kas vs realisasi per triwulan", "Quarterly cash plan vs actual"),
    "s.tanpa_triwulan": ("Laporan ini tidak memuat rencana kas per triwulan.", "This report has no quarterly cash plan."),
    "s.rendah": ("Serapan di bawah ambang", "Absorption below threshold"),
    "s.lebih": ("Realisasi melebihi pagu", "Spending above budget"),
    "e.scatter": ("Capaian vs serapan per sasaran", "Achievement vs absorption per objective"),
    "e.metode": ("Tiga metode efisiensi", "Three efficiency methods"),
    "e.tanpa_tautan": ("Sasaran berikut tidak memiliki tautan ke anggaran dalam laporannya; efisiensinya tidak dihitung.",
                       "These objectives have no link to budget lines in their report; their efficiency is not computed."),
    "r.help_rata": ("Rata-rata {n} indikator IKU/PK; tiap capaian dibatasi {batas}% ({d} indikator terkena batas). ",
                    "Average of {n} IKU/PK indicators; each capaian is capped at {batas}% ({d} indicators hit the cap). "),
    "r.help_serapan": ("{rumus} Pagu {pagu}, realisasi {realisasi}.", "{rumus} Budget {pagu}, actual {realisasi}."),
    "r.help_efisiensi": ("Rata-rata capaian − serapan, dalam poin persen (metode selisih); > 0 berarti efisien.",
                         "Average achievement − absorption, in percentage points (gap method); > 0 means efficient."),
    "t.pilihan_indikator": ("{indikator} ({n} instansi)", "{indikator} ({n} agencies)"),
    "p.cari_contoh": ("mis. Bekasi", "e.g. Bekasi"),
    "p.sel_kosong": ("Sel kosong: instansi tidak memiliki indikator IKU/PK dengan tema itu.",
                     "Empty cell: the agency has no IKU/PK indicator with that theme."),
    "s.sumber_help": ("Laporan sering memuat anggaran di beberapa tabel; tabel utama (program dengan pagu dan realisasi) tampil pertama.",
                      "Reports often print the budget in several tables; the main one (programmes with budget and actual) comes first."),
    "s.serapan_help": ("{rumus} Dihitung dari baris teratas tabel ini.", "{rumus} Computed from the top row of this table."),
    "s.status_lebih": ("melebihi pagu", "above budget"),
    "s.status_rendah": ("di bawah {ambang}%", "below {ambang}%"),
    "s.tanpa_pagu": ("{n} baris tanpa pagu yang terbaca (tidak tercetak atau angka salah cetak, mis. '{contoh}') tidak tampil di peta; "
                     "lihat halaman Kualitas data.",
                     "{n} rows without a readable budget (not printed, or a misprinted number such as '{contoh}') are not in the map; "
                     "see the Data quality page."),
    "s.hanya_rencana": ("Laporan hanya memuat rencana kas (anggaran kas) per triwulan, tanpa realisasi per triwulan.",
                        "The report has only the quarterly cash plan (anggaran kas), no quarterly actuals."),
    "k.penjelasan": ("Angka tercetak dibandingkan dengan hitungan ulang dan dengan tabel lain dari laporan yang sama. "
                     "Pembulatan yang wajar (mis. 94,73 untuk 94,7368) tidak dianggap temuan.",
                     "Printed figures are compared with a recomputation and with the other tables of the same report. "
                     "Ordinary rounding (e.g. 94,73 for 94,7368) is not a finding."),
    "k.jenis": ("Jenis temuan", "Kind of finding"),
    "k.jenis_semua": ("Semua jenis", "All kinds"),
    "k.tingkat": ("Tingkat", "Severity"),
    "k.tingkat_semua": ("Semua tingkat", "All severities"),
    "k.temuan": ("Temuan", "Findings"),
    "k.tidak_ada": ("Tidak ada temuan untuk pilihan ini.", "No findings for this selection."),
    "k.jumlah": ("Jumlah temuan", "Number of findings"),
    "k.terlibat": ("Baris yang terlibat", "Rows involved"),
    "k.bagian_indikator": ("Indikator", "Indicators"),
    "k.bagian_anggaran": ("Anggaran", "Budget"),
    "k.bagian_nilai": ("Nilai tercetak", "Printed values"),
    "k.pilih": ("Pilih satu temuan di tabel untuk melihat baris yang terlibat.", "Select a finding in the table to see the rows involved."),
    "ug.petunjuk": ("Unggah lembar kerja LKjIP (xlsx, xlsm, xls atau csv; paling besar **{batas_mb} MB**): templat kami, atau tabel yang "
                    "disalin dari laporan / e-monev. Judul kolom seperti *Indikator, Target, Realisasi, Capaian* atau *Program, Pagu, "
                    "Realisasi* dikenali. Tidak ada yang disimpan sebelum Anda menekan **Simpan**.",
                    "Upload an LKjIP worksheet (xlsx, xlsm, xls or csv; at most **{batas_mb} MB**): our template, or a table copied "
                    "from a report / e-monev. Column headers such as *Indikator, Target, Realisasi, Capaian* or *Program, Pagu, "
                    "Realisasi* are recognised. Nothing is stored before you press **Save**."),
    "ug.templat": ("Unduh templat unggah (xlsx)", "Download the upload template (xlsx)"),
    "ug.berkas": ("Berkas", "File"),
    "ug.instansi": ("Instansi (bila berkas tidak menyebutkannya)", "Agency (if the file does not name it)"),
    "ug.instansi_contoh": ("mis. Dinas Sosial Kota Depok", "e.g. Dinas Sosial Kota Depok"),
    "ug.tahun": ("Tahun (bila berkas tidak menyebutkannya)", "Year (if the file does not name it)"),
    "ug.tahun_contoh": ("mis. 2023", "e.g. 2023"),
    "ug.salah_cetak": ("Simpan angka salah cetak sebagai teks", "Keep misprinted numbers as text"),
    "ug.salah_cetak_help": ("Untuk menyalin laporan apa adanya: angka yang tidak dapat dibaca tanpa menebak (mis. Rp91-.160.954) "
                            "disimpan sebagai teks tanpa nilai dan muncul di halaman Kualitas data, bukan menghentikan impor.",
                            "To copy a report as printed: numbers that cannot be read without guessing (e.g. Rp91-.160.954) are "
                            "kept as text without a value and listed on the Data quality page, instead of stopping the import."),
    "ug.pratinjau": ("Pratinjau", "Preview"),
    "ug.akan_ditulis": ("Akan ditulis: {daftar}", "To be written: {daftar}"),
    "ug.baris": ("{n} baris {tabel}", "{n} {tabel} rows"),
    "ug.tanpa_baris": ("tidak ada baris", "no rows"),
    "ug.kolom_dikenali": ("Kolom yang dikenali", "Recognised columns"),
    "ug.lembar_kosong": ("Lembar '{nama}': tidak ada tabel yang dikenali.", "Sheet '{nama}': no table recognised."),
    "ug.lembar": ("**Lembar '{nama}'** — tabel {jenis}, baris judul {baris}", "**Sheet '{nama}'** — {jenis} table, header rows {baris}"),
    "ug.diabaikan": ("Kolom dikenali tetapi tidak dipakai:", "Columns recognised but not used:"),
    "ug.peta_kolom": ("Kolom", "Column"),
    "ug.peta_judul": ("Judul di berkas", "Header in the file"),
    "ug.peta_bidang": ("Dibaca sebagai", "Read as"),
    "ug.peta_tahun": ("Tahun", "Year"),
    "ug.ringkas_masalah": ("{galat} galat (harus diperbaiki), {peringatan} peringatan.",
                           "{galat} errors (must be fixed), {peringatan} warnings."),
    "ug.masalah_tingkat": ("Tingkat", "Severity"),
    "ug.masalah_lembar": ("Lembar", "Sheet"),
    "ug.masalah_baris": ("Baris", "Row"),
    "ug.masalah_kolom": ("Kolom", "Column"),
    "ug.masalah_nilai": ("Isi sel", "Cell content"),
    "ug.masalah_pesan": ("Masalah", "Problem"),
    "ug.indikator": ("**Indikator** — capaian dihitung ulang di samping capaian tercetak. Perbaiki polaritas dan tema bila perlu.",
                     "**Indicators** — capaian recomputed next to the printed capaian. Correct polarity and theme where needed."),
    "ug.cup_target": ("target", "target"),
    "ug.cup_realisasi": ("realisasi", "actual"),
    "ug.cup_tercetak": ("capaian tercetak", "printed capaian"),
    "ug.polaritas_help": ("negatif: semakin rendah semakin baik (mis. angka kemiskinan)", "negatif: lower is better (e.g. the poverty rate)"),
    "ug.sudah_ada": ("Data untuk {daftar} sudah ada.", "Data for {daftar} already exist."),
    "ug.ganti": ("Ganti data yang sudah ada (data lama disimpan dan dapat dipulihkan dengan membatalkan impor ini)",
                 "Replace the existing data (the old data are kept and come back if this import is undone)"),
    "ug.simpan": ("Simpan ke basis data", "Save to database"),
    "ug.batal": ("Batal", "Cancel"),
    "ug.tersimpan": ("Impor #{id} tersimpan: {ditulis}{diganti}.", "Import #{id} saved: {ditulis}{diganti}."),
    "ug.diganti": ("; diganti: {daftar}", "; replaced: {daftar}"),
    "ug.terakhir": ("Impor terakhir", "Recent imports"),
    "ug.belum": ("Belum ada impor.", "No imports yet."),
    "ug.waktu": ("Waktu", "Time"),
    "ug.pilih_batal": ("Batalkan impor", "Import to undo"),
    "ug.tombol_batal": ("Batalkan impor", "Undo import"),
    "ug.dibatalkan": ("Impor #{id} dibatalkan{pulih}.", "Import #{id} undone{pulih}."),
    "ug.dipulihkan": ("; dipulihkan: {daftar}", "; restored: {daftar}"),
    # write access (web.izin_menulis)
    "a.lokal": ("**Mode lokal satu pengguna**: belum ada kata sandi unggah atau sign-in yang diatur, jadi siapa pun yang "
                "membuka aplikasi ini dapat mengimpor, mengganti dan membatalkan data. Sebelum aplikasi dibagikan di "
                "jaringan kantor, aktifkan perlindungan (lihat README, bagian *Sebelum berbagi*).",
                "**Local single-user mode**: no upload password or sign-in is set up, so anyone who opens this app can "
                "import, replace and undo data. Before sharing the app on the office network, turn protection on (see the "
                "README, section *Sebelum berbagi*)."),
    "a.perlu_masuk": ("Mengimpor data memerlukan sign-in. Melihat data tidak.", "Importing data requires signing in. Viewing data does not."),
    "a.sign_in": ("Sign in", "Sign in"),
    "a.sign_out": ("Sign out", "Sign out"),
    "a.bukan_penulis": ("Akun {surel} tidak termasuk daftar penulis. Minta admin menambahkannya.",
                        "The account {surel} is not on the list of writers. Ask an admin to add it."),
    "a.masuk_sebagai": ("Masuk sebagai {surel}.", "Signed in as {surel}."),
    "a.sandi_perlu": ("Mengimpor data dilindungi kata sandi. Melihat data tidak.",
                      "Importing data is protected by a password. Viewing data is not."),
    "a.sandi": ("Kata sandi unggah", "Upload password"),
    "a.masuk": ("Masuk", "Sign in"),
    "a.terlalu_sering": ("Terlalu banyak percobaan gagal. Coba lagi dalam {menit} menit.",
                         "Too many failed attempts. Try again in {menit} minutes."),
    "a.sandi_salah": ("Kata sandi salah.", "Wrong password."),
    # chart text (lkjip.charts)
    "c.jumlah_indikator": ("Jumlah indikator", "Number of indicators"),
    "c.n_indikator": ("indikator", "indicators"),
    "c.target_renstra": ("Target Renstra", "Renstra target"),
    "c.target_renstra_hover": ("target Renstra", "Renstra target"),
    "c.kuartil": ("kuartil 1–3", "quartiles 1–3"),
    "c.median": ("median", "median"),
    "c.median_teks": ("median {m} · {n} instansi", "median {m} · {n} agencies"),
    "c.rencana_kas": ("Rencana kas", "Cash plan"),
    "c.target_tercapai": ("target tercapai (100%)", "target met (100%)"),
    "c.garis_sama": ("capaian = serapan (selisih 0)", "achievement = absorption (gap 0)"),
    "c.efisien": ("efisien: capaian > serapan", "efficient: achievement > absorption"),
    "c.kurang_efisien": ("kurang efisien", "less efficient"),
    "c.sumbu_serapan": ("Serapan anggaran", "Budget absorption"),
    "c.sumbu_capaian_sasaran": ("Rata-rata capaian sasaran", "Average achievement of the objective"),
    "db.sibuk": ("Basis data sedang dipakai proses lain (mis. impor lewat baris perintah); angka yang tampil "
                 "adalah yang terakhir dimuat dan diperbarui setelah proses itu selesai.",
                 "The database is in use by another process (e.g. an import from the command line); the figures "
                 "shown are the last ones loaded and update once it has finished."),
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

    # -- reviu --
    "rv.akun": ("Akun reviewer", "Reviewer account"),
    "rv.perlu_reviewer": ("Putusan dan catatan reviu hanya dapat ditulis oleh reviewer atau admin yang sudah masuk "
                          "(bagian **Akun reviewer** di atas).",
                          "Verdicts and review notes can only be written by a signed-in reviewer or admin "
                          "(the **Reviewer account** section above)."),
    "rv.putusan": ("Putusan reviu", "Review verdict"),
    "rv.putusan_pilih": ("Putusan", "Verdict"),
    "rv.catatan_putusan": ("Catatan (alasan, rujukan dokumen)", "Note (reason, document reference)"),
    "rv.simpan_putusan": ("Simpan putusan", "Save verdict"),
    "rv.cabut_putusan": ("Cabut putusan", "Withdraw verdict"),
    "rv.putusan_tersimpan": ("Putusan tersimpan.", "Verdict saved."),
    "rv.putusan_dicabut": ("Putusan dicabut.", "Verdict withdrawn."),
    "rv.putusan_kini": ("Putusan saat ini: **{putusan}** oleh {pengguna}, {waktu}.", "Current verdict: **{putusan}** by {pengguna}, {waktu}."),
    "rv.belum_diputus": ("Temuan ini belum diputus.", "No verdict yet on this finding."),
    "rv.selesai": ("Temuan yang sudah selesai", "Resolved findings"),
    "rv.selesai_info": ("Temuan yang tidak muncul lagi setelah data diperbarui (unggahan yang sudah dibetulkan), dengan putusannya bila ada.",
                        "Findings that no longer occur after the data was updated (a corrected upload), with their verdicts if any."),
    "rv.lembar": ("Lembar kerja reviu", "Review worksheet"),
    "rv.lembar_info": ("Satu berkas xlsx per instansi-tahun: ringkasan per jenis dan putusan, temuan dikelompokkan menurut putusan, "
                       "dan catatan per indikator.",
                       "One xlsx per agency-year: counts per kind and verdict, findings grouped by verdict, and the notes per indicator."),
    "rv.unduh_lembar": ("Unduh lembar kerja reviu", "Download review worksheet"),
    "rv.instansi": ("Instansi", "Agency"),
    "rv.tahun": ("Tahun", "Year"),
    "rv.catatan": ("Catatan indikator", "Indicator notes"),
    "rv.catatan_info": ("Faktor pendukung, faktor penghambat dan tindak lanjut / rekomendasi per indikator-tahun, dari reviewer "
                        "atau dari instansi.",
                        "Supporting and inhibiting factors and follow-up / recommendation per indicator-year, from the reviewer "
                        "or from the agency."),
    "rv.indikator": ("Indikator", "Indicator"),
    "rv.pihak": ("Ditulis sebagai", "Written as"),
    "rv.simpan_catatan": ("Simpan catatan", "Save notes"),
    "rv.catatan_tersimpan": ("Catatan tersimpan.", "Notes saved."),
    "rv.tanpa_nama": ("pengguna tanpa nama (mode lokal)", "an unnamed user (local mode)"),
    "rv.klaim": ("Klaim dalam teks laporan", "Claims in the report's text"),
    "rv.kutipan": ("Kutipan", "Quotation"),
    "kol.penjelasan_en": ("Penjelasan (bahasa Inggris)", "Explanation (English)"),
    # kinds of printed value (nilai_dilaporkan.jenis) in the rows behind a finding
    "rv.nd.rata_capaian": ("rata-rata capaian", "average achievement"), "rv.nd.serapan": ("serapan", "absorption"),
    "rv.nd.efisiensi": ("efisiensi", "efficiency"), "rv.nd.kemajuan_renstra": ("kemajuan Renstra", "Renstra progress"),
    "rv.nd.persentase_anggaran": ("persentase anggaran", "budget share"), "rv.nd.komponen_sakip": ("komponen SAKIP", "SAKIP component"),
    "rv.nd.capaian_kinerja": ("capaian kinerja", "performance achievement"), "rv.nd.capaian_iku": ("capaian IKU", "main indicator achievement"),
    "rv.nd.capaian_sasaran": ("capaian sasaran", "objective achievement"), "rv.nd.korban_bencana": ("korban bencana", "disaster victims"),
    "rv.nd.alokasi_anggaran": ("alokasi anggaran", "budget allocation"), "rv.nd.kategori_capaian": ("kategori capaian", "achievement category"),
    "rv.nd.perubahan_capaian": ("perubahan capaian", "change in achievement"), "rv.nd.realisasi_fisik": ("realisasi fisik", "physical progress"),
    "rv.nd.jumlah_program": ("jumlah program", "number of programmes"), "rv.nd.jumlah_kegiatan": ("jumlah kegiatan", "number of activities"),
    "rv.nd.jumlah_sub_kegiatan": ("jumlah sub kegiatan", "number of sub-activities"),
    "rv.nd.jumlah_sasaran": ("jumlah sasaran", "number of objectives"), "rv.nd.jumlah_kpm": ("jumlah KPM", "number of KPM families"),
    "rv.nd.capaian_banding_provinsi": ("capaian dibanding provinsi", "achievement against the province"),
    "rv.nd.realisasi_provinsi": ("realisasi provinsi", "province actual"),
    "rv.tidak_ada_indikator": ("Tidak ada indikator untuk instansi dan tahun ini.", "No indicators for this agency and year."),

    # -- akses & peran --
    "a.tertutup": ("**Hanya-baca**: pengaturan perlindungan tulis tidak dapat dimuat, jadi tidak ada yang dapat mengimpor, "
                   "mengganti atau membatalkan data sampai administrator memperbaikinya. Melihat data tetap bisa.",
                   "**Read-only**: the write-protection settings cannot be loaded, so nobody can import, replace or undo data "
                   "until an administrator fixes them. Viewing data still works."),
    "a.tertutup_admin": ("Untuk administrator (lihat README, bagian *Sebelum berbagi*):", "For the administrator (see the README, "
                         "section *Sebelum berbagi*):"),
    "a.nama_pengguna": ("Nama pengguna", "User name"),
    "a.nama_bersama": ("Nama pengguna (kosongkan untuk kata sandi unggah bersama)", "User name (empty for the shared upload password)"),
    "a.sandi_akun": ("Kata sandi", "Password"),
    "a.masuk_perlu_akun": ("Menulis data (impor, ganti, batal, reviu) memerlukan akun. Melihat data tidak.",
                           "Writing data (import, replace, undo, review) needs an account. Viewing data does not."),
    "a.sebagai": ("Masuk sebagai **{nama}** · peran: {peran}", "Signed in as **{nama}** · role: {peran}"),
    "a.sebagai_instansi": ("Masuk sebagai **{nama}** · peran: {peran} untuk {instansi}",
                           "Signed in as **{nama}** · role: {peran} for {instansi}"),
    "a.keluar": ("Keluar", "Sign out"),
    "a.tunggu_detik": ("Terlalu banyak percobaan gagal untuk akun atau alamat ini. Coba lagi dalam {detik} detik.",
                       "Too many failed attempts for this account or address. Try again in {detik} seconds."),
    "a.hanya_lihat": ("Peran Anda ({peran}) hanya dapat melihat data; impor tidak tersedia. Minta admin bila Anda perlu menulis.",
                      "Your role ({peran}) can only view data; importing is not available. Ask an admin if you need to write."),
    "a.reviewer_tanpa_impor": ("Peran reviewer memberi putusan dan catatan pada temuan; mengimpor data tidak termasuk peran ini.",
                               "The reviewer role gives verdicts and notes on findings; importing data is not part of it."),
    "a.peran_pembaca": ("pembaca", "viewer"),
    "a.peran_operator": ("operator instansi", "agency operator"),
    "a.peran_reviewer": ("reviewer", "reviewer"),
    "a.peran_admin": ("admin", "admin"),
    "a.log_judul": ("Log aktivitas", "Activity log"),
    "a.log_petunjuk": ("Siapa mengimpor, mengganti, membatalkan, memberi putusan atau menulis catatan, kapan, untuk instansi-tahun "
                       "mana; juga penulisan yang ditolak. Terbaru di atas.",
                       "Who imported, replaced, undid, gave a verdict or wrote a note, when, for which agency-year; refused writes "
                       "too. Newest first."),
    "a.log_kosong": ("Belum ada aktivitas tercatat.", "No activity recorded yet."),
    "nav.log": ("Log aktivitas", "Activity log"),
    "a.log_akun": ("Akun", "Account"),
    "a.log_tolak": ("Halaman ini hanya untuk admin. Peran Anda ({peran}) tidak mencakup log aktivitas; minta admin bila Anda "
                    "memerlukan catatan ini.",
                    "This page is for admins only. Your role ({peran}) does not include the activity log; ask an admin if you "
                    "need these records."),
    "a.log_tolak_masuk": ("Halaman ini hanya untuk admin. Masuk dengan akun admin di atas untuk melihat log aktivitas.",
                          "This page is for admins only. Sign in above with an admin account to see the activity log."),
    "a.log_pengguna": ("Pengguna", "User"),
    "a.log_pengguna_semua": ("Semua pengguna", "All users"),
    "a.log_aksi": ("Aksi", "Action"),
    "a.log_aksi_semua": ("Semua aksi", "All actions"),
    "a.log_instansi_semua": ("Semua instansi", "All agencies"),
    "a.log_tahun": ("Tahun data", "Data year"),
    "a.log_tahun_semua": ("Semua tahun", "All years"),
    "a.log_rentang": ("Rentang tanggal", "Date range"),
    "a.log_rentang_help": ("Tanggal pencatatan, kedua ujung termasuk (HH/BB/TTTT).",
                           "Day of recording, both ends included (DD/MM/YYYY)."),
    "a.log_jumlah": ("{n} baris sesuai saringan, terbaru di atas.", "{n} lines match the filters, newest first."),
    "a.log_batas": ("Hanya {n} baris terbaru yang ditampilkan dan diunduh; persempit saringan untuk melihat yang lebih lama.",
                    "Only the newest {n} lines are shown and downloaded; narrow the filters to see older ones."),
    "a.log_tidak_cocok": ("Tidak ada baris log yang sesuai saringan ini.", "No log lines match these filters."),
    "a.log_tautan": ("Buka log aktivitas", "Open the activity log"),
    "aksi.impor": ("Impor", "Import"),
    "aksi.ganti": ("Ganti data", "Replace data"),
    "aksi.batal": ("Batalkan impor", "Undo import"),
    "aksi.ulang": ("Ulangi impor", "Redo import"),
    "aksi.ditolak": ("Ditolak", "Refused"),
    "aksi.putusan": ("Putusan temuan", "Finding verdict"),
    "aksi.catatan": ("Catatan reviu", "Review note"),
    "aksi.klaim": ("Klaim laporan", "Report claims"),
    "aksi.indikator_standar": ("Tautan indikator standar", "Standard indicator link"),
    "aksi.profil": ("Profil impor", "Import profile"),
    "kol.waktu": ("Waktu", "Time"),
    "kol.pengguna": ("Pengguna", "User"),
    "kol.aksi": ("Aksi", "Action"),
    "kol.rincian": ("Rincian", "Details"),
    "kol.id": ("No.", "No."),

    # -- hari perencana --
    # short table headers (the full header and its meaning are in the column's tooltip and in the downloads)
    "kolp.rata_capaian": ("Rerata capaian", "Avg. achiev."),
    "kolh.rata_capaian": ("rata-rata capaian indikatornya, tiap capaian dibatasi pada batas perataan (lihat Rumus)",
                          "the mean of its indicators' achievement, each capped at the averaging cap (see Formulas)"),
    "kolp.jumlah_indikator": ("Indikator", "Indicators"),
    "kolh.jumlah_indikator": ("jumlah indikator yang dirata-rata", "number of indicators averaged"),
    "kolp.sedikit": ("Sedikit", "Few"),
    "kolh.sedikit": ("⚠ = kurang dari minimum indikator; tidak diberi peringkat",
                     "⚠ = fewer than the minimum number of indicators; not ranked"),
    "kolp.efisiensi_selisih": ("Ef. selisih", "Eff. gap"),
    "kolh.efisiensi_selisih": ("capaian − serapan, dalam poin persen; > 0 berarti efisien",
                               "achievement − absorption, in percentage points; > 0 means efficient"),
    "kolp.efisiensi_rasio": ("Ef. rasio", "Eff. ratio"),
    "kolh.efisiensi_rasio": ("capaian / serapan; > 1 berarti efisien", "achievement / absorption; > 1 means efficient"),
    "kolp.nilai_nka": ("Nilai NKA", "NKA score"),
    "kolh.nilai_nka": ("nilai efisiensi gaya NKA Kemenkeu, 0–100", "Ministry of Finance NKA-style efficiency score, 0–100"),
    "kolp.capaian_dilaporkan": ("Tercetak (%)", "Printed (%)"),
    "kolh.capaian_dilaporkan": ("capaian sebagaimana dicetak laporan", "achievement as the report printed it"),
    "kolp.dari_laporan": ("Tercetak", "Printed"),
    "kolp.dihitung": ("Dihitung", "Recomputed"),
    "kolh.dihitung": ("nilai yang dihitung ulang dari angka laporan itu sendiri", "the value recomputed from the report's own figures"),
    "kolh.dilaporkan": ("nilai sebagaimana dicetak laporan", "the value as the report printed it"),
    "kolh.selisih": ("tercetak − dihitung ulang", "printed − recomputed"),
    "ug.dz_tombol": ("Pilih berkas", "Choose a file"),
    "ug.dz_batas": ("Maks. {mb} MB per berkas • {jenis}", "Max. {mb} MB per file • {jenis}"),
    "ug.dz_seret": ("Lepaskan berkas di sini", "Drop the file here"),
    "p.standar": ("Satu indikator standar antar instansi", "One standard indicator across agencies"),
    "p.standar_pilih": ("Pilih indikator standar", "Choose a standard indicator"),
    "p.standar_tahun": ("Tiap instansi dengan tahun terakhir yang memuat indikator ini.",
                        "Each agency on its latest year that has this indicator."),
    "ug.status_aktif": ("aktif", "active"),
    "ug.status_dibatalkan": ("dibatalkan", "undone"),
    "ug.kol_id": ("Impor", "Import"),
    "ug.kol_waktu": ("Waktu", "Time"),
    "ug.kol_nama_file": ("Berkas", "File"),
    "ug.kol_pengguna": ("Pengguna", "User"),
    "ug.kol_status": ("Status", "Status"),
    "ug.kol_ditulis": ("Baris ditulis", "Rows written"),
    "ug.kol_instansi_tahun": ("Instansi dan tahun", "Agency and year"),
    "ug.kol_diganti": ("Baris diganti", "Rows replaced"),
    "ug.izinkan_bawaan": ("Izinkan membatalkan data bawaan", "Allow undoing the bundled data"),
    "ug.izinkan_bawaan_help": ("Data bawaan (tiga laporan contoh) dilindungi dari pembatalan yang tidak disengaja.",
                               "The bundled data (three sample reports) is protected from an accidental undo."),
    "ug.tak_ada_batal": ("Tidak ada impor yang dapat dibatalkan (data bawaan dilindungi).",
                         "No import can be undone (the bundled data is protected)."),
    "ug.konfirmasi": ("Batalkan impor #{id} ({berkas})? Akan **dihapus**: {hapus}. Akan **dipulihkan**: {pulih}. "
                      "Impor ini dapat diulang dari riwayat.",
                      "Undo import #{id} ({berkas})? To be **removed**: {hapus}. To be **put back**: {pulih}. "
                      "The import can be redone from the history."),
    "ug.tanpa_pulih": ("tidak ada", "nothing"),
    "ug.konfirmasi_bawaan": ("Ini data bawaan (laporan contoh). Membatalkannya menghapus data laporan itu dari dasbor.",
                             "This is bundled data (a sample report). Undoing it removes that report's data from the dashboard."),
    "ug.ya_batal": ("Ya, batalkan", "Yes, undo"),
    "ug.jangan": ("Jangan", "Keep it"),
    "ug.pilih_ulang": ("Ulangi impor yang dibatalkan", "Undone import to redo"),
    "ug.tombol_ulang": ("Ulangi impor", "Redo import"),
    "ug.diulang": ("Impor #{id} dipulihkan: {daftar}.", "Import #{id} restored: {daftar}."),
    "s.asal": ("Pagu dari {pagu}; realisasi dari {realisasi}.", "Budget from {pagu}; actual from {realisasi}."),
    "s.fokus": ("Hanya {nama} dan rinciannya (klik kotak lain di peta, atau klik lagi untuk semua baris).",
                "Only {nama} and the lines below it (click another box in the map, or click again for all lines)."),
    "s.tanpa_triwulan_tabel": ("Tabel ini tidak memuat rencana kas per triwulan; laporan yang sama memuatnya di: {daftar}.",
                               "This table has no quarterly cash plan; the same report has one in: {daftar}."),
    "t.mode_standar": ("Indikator standar", "Standard indicator"),
    "t.standar": ("Indikator standar", "Standard indicator"),
    "t.standar_kosong": ("Belum ada indikator yang tertaut ke indikator standar untuk pilihan ini.",
                         "No indicator of this selection is linked to a standard indicator yet."),
    "t.standar_cara": ("Tiap instansi menulis indikator ini dengan kata-katanya sendiri (kolom Indikator). Tautan 'otomatis' "
                       "disarankan dari kata dan satuan; 'dikonfirmasi' telah diperiksa perencana.",
                       "Each agency words this indicator its own way (Indicator column). 'automatic' links are suggested from "
                       "the words and unit; 'confirmed' ones were checked by a planner."),
    "t.cara_otomatis": ("otomatis", "automatic"),
    "t.cara_dikonfirmasi": ("dikonfirmasi", "confirmed"),
    "t.standar_atur": ("Periksa dan koreksi tautan indikator standar", "Check and correct the standard-indicator links"),
    "t.standar_atur_help": ("Ubah kolom Indikator standar bila saran keliru ('–' = bukan indikator standar), lalu simpan: "
                            "semua tautan yang tampil menjadi 'dikonfirmasi'.",
                            "Change the Standard indicator column where a suggestion is wrong ('–' = not a standard indicator), "
                            "then save: every link shown becomes 'confirmed'."),
    "t.standar_simpan": ("Simpan dan konfirmasi {n} tautan", "Save and confirm {n} links"),
    "f.periode": ("Tahun yang dibandingkan", "Years compared"),
    "f.periode_terakhir": ("Tahun laporan terakhir tiap instansi", "Each agency's latest report year"),
    "f.periode_semua": ("Semua tahun terpilih digabung", "All chosen years together"),
    "f.periode_help": ("Instansi melaporkan tahun yang berbeda. Bawaan: tiap instansi dengan tahun laporan terakhirnya "
                       "(tahunnya tertulis di kartu dan tabel). 'Digabung' merata-rata semua tahun terpilih.",
                       "Agencies report different years. Default: each agency on its latest report year (the year is shown on "
                       "cards and tables). 'Together' averages every chosen year."),
    "f.min": ("Minimum indikator untuk peringkat", "Minimum indicators for ranking"),
    "f.min_help": ("Rata-rata dari lebih sedikit indikator ditandai dan tidak diberi peringkat.",
                   "An average of fewer indicators is marked and gets no rank."),
    "f.salin": ("Salin tautan", "Copy link"),
    "f.disalin": ("Tautan disalin", "Link copied"),
    "r.tahun_kartu": ("Tahun {tahun}", "Year {tahun}"),
    "r.tahun_gabung": ("Tahun {tahun} (digabung)", "Years {tahun} (together)"),
    "r.sedikit": ("hanya {n} indikator (kurang dari {min}): tidak diberi peringkat", "only {n} indicators (fewer than {min}): not ranked"),
    "r.tanpa_peringkat": ("tanpa peringkat", "not ranked"),
    "r.periode_terakhir": ("Dibandingkan: tahun laporan terakhir tiap instansi. Instansi dengan kurang dari {min} indikator ditandai ⚠ dan tidak diberi peringkat.",
                           "Compared: each agency's latest report year. Agencies with fewer than {min} indicators are marked ⚠ and not ranked."),
    "r.periode_semua": ("Dibandingkan: semua tahun terpilih digabung. Instansi dengan kurang dari {min} indikator ditandai ⚠ dan tidak diberi peringkat.",
                        "Compared: all chosen years together. Agencies with fewer than {min} indicators are marked ⚠ and not ranked."),
    "kol.sedikit": ("Indikator sedikit", "Few indicators"),
    "kol.kedalaman": ("Tingkat", "Depth"),
    "kol.halaman": ("Halaman", "Page"),
    "kol.periode": ("Periode", "Period"),
    "kol.standar": ("Indikator standar", "Standard indicator"),
    "kol.cara": ("Cara tautan", "How linked"),

    # -- laporan Bab III --
    "nav.laporan": ("Laporan", "Report"),
    "lp.penjelasan": ("Draf Bab III LKjIP (Akuntabilitas Kinerja) dari data: tabel pengukuran kinerja, perbandingan dengan "
                      "tahun sebelumnya, Renstra dan instansi lain, efisiensi, realisasi anggaran, dan lampiran catatan "
                      "kecocokan angka. Atau laporan perbandingan antarinstansi. Unduh sebagai DOCX (dapat disunting) atau XLSX.",
                      "A draft of the LKjIP's Chapter III (performance accountability) from the data: performance measurement, "
                      "comparison with earlier years, the Renstra and other agencies, efficiency, budget realisation, and an "
                      "annex on figures that do not match. Or a comparison report across agencies. Download as DOCX (editable) "
                      "or XLSX."),
    "lp.jenis": ("Jenis laporan", "Kind of report"),
    "lp.bab3": ("Bab III satu instansi", "Chapter III of one agency"),
    "lp.perbandingan": ("Perbandingan antarinstansi", "Comparison across agencies"),
    "lp.instansi": ("Instansi", "Agency"),
    "lp.tahun": ("Tahun laporan", "Report year"),
    "lp.unduh_docx": ("Unduh DOCX", "Download DOCX"),
    "lp.unduh_xlsx": ("Unduh XLSX", "Download XLSX"),
    "lp.bahasa_dokumen": ("Draf ditulis dalam Bahasa Indonesia, seperti LKjIP.", "The draft itself is written in Bahasa Indonesia, as the LKjIP is."),
    "lp.lingkup_perbandingan": ("Instansi dan tahun mengikuti saringan di bilah samping (kosong = semua).",
                                "Agencies and years follow the sidebar filters (empty = all)."),
    "lp.catatan": ("Faktor pendukung, penghambat dan tindak lanjut", "Supporting and limiting factors, follow-up"),
    "lp.belum_dicatat": ("{n} isian belum dicatat; draf menampilkan tempat isian yang ditandai.",
                         "{n} entries not recorded yet; the draft shows highlighted placeholders."),
    "lp.sumber": ("Sumber", "Source"),
    "lp.tema_diabaikan": ("Saringan tema tidak berlaku untuk draf: Bab III memuat semua indikator.",
                          "The theme filter does not apply to the draft: Chapter III covers every indicator."),

}

# Column headers for tables and exports.
_KOLOM: dict[str, tuple[str, str]] = {
    "instansi": ("Instansi", "Agency"), "tahun": ("Tahun", "Year"), "sasaran": ("Sasaran", "Objective"),
    "indikator": ("Indikator", "Indicator"), "satuan": ("Satuan", "Unit"), "polaritas": ("Polaritas", "Polarity"),
    "target": ("Target", "Target"), "realisasi": ("Realisasi", "Actual"), "capaian": ("Capaian (%)", "Achievement (%)"),
    "capaian_dilaporkan": ("Capaian tercetak (%)", "Printed achievement (%)"), "kategori": ("Kategori", "Category"),
    "tema": ("Tema", "Theme"), "sumber": ("Sumber", "Source"), "level": ("Level", "Level"), "kode": ("Kode", "Code"),
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
