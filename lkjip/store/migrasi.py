"""The database schema as numbered migrations, the same on both backends.

Written in DuckDB's dialect and translated for PostgreSQL by ``dialek``; each backend applies the ones a
database has not had yet (``Store.migrasi``), each in its own transaction.
"""

# Each migration is (version, name, SQL). Never edit a released one: add a new one.
MIGRASI: list[tuple[int, str, str]] = [
    (
        1,
        "skema awal",
        """
        CREATE SEQUENCE seq_instansi;
        CREATE SEQUENCE seq_baris;
        CREATE SEQUENCE seq_impor;
        CREATE TABLE meta (kunci VARCHAR PRIMARY KEY, nilai VARCHAR);
        CREATE TABLE impor (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_impor'),
            waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
            nama_file VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL,
            pengguna VARCHAR,
            status VARCHAR NOT NULL DEFAULT 'aktif',   -- aktif | dibatalkan
            jumlah_baris VARCHAR,                      -- JSON: rows written per table
            diganti VARCHAR,                           -- JSON: rows replaced per table
            keterangan VARCHAR
        );
        CREATE TABLE instansi (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_instansi'),
            nama VARCHAR NOT NULL UNIQUE,
            jenis VARCHAR,          -- kota | kabupaten | provinsi
            provinsi VARCHAR
        );
        CREATE TABLE indikator (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),
            instansi_id BIGINT NOT NULL REFERENCES instansi(id),
            tahun INTEGER NOT NULL,
            sasaran VARCHAR,
            indikator VARCHAR NOT NULL,
            tingkat VARCHAR NOT NULL DEFAULT 'sasaran',  -- sasaran | tujuan | program | kegiatan | sub_kegiatan
            satuan VARCHAR,
            polaritas VARCHAR NOT NULL,
            target DOUBLE, target_teks VARCHAR, target_predikat VARCHAR,
            realisasi DOUBLE, realisasi_teks VARCHAR, realisasi_predikat VARCHAR,
            capaian DOUBLE, capaian_alasan VARCHAR,
            capaian_dilaporkan DOUBLE, capaian_dilaporkan_teks VARCHAR,
            tema VARCHAR,
            utama BOOLEAN NOT NULL DEFAULT TRUE,
            sumber VARCHAR,
            catatan VARCHAR,
            impor_id BIGINT
        );
        CREATE TABLE renstra (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),
            instansi_id BIGINT NOT NULL REFERENCES instansi(id),
            sasaran VARCHAR, indikator VARCHAR NOT NULL, satuan VARCHAR,
            tahun INTEGER, jenis VARCHAR NOT NULL DEFAULT 'target',
            target DOUBLE, target_teks VARCHAR, target_predikat VARCHAR,
            sumber VARCHAR, catatan VARCHAR, impor_id BIGINT
        );
        CREATE TABLE anggaran (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),
            instansi_id BIGINT NOT NULL REFERENCES instansi(id),
            tahun INTEGER NOT NULL,
            urutan INTEGER NOT NULL,
            level VARCHAR NOT NULL,
            kode VARCHAR, uraian VARCHAR NOT NULL,
            induk_id BIGINT,
            sasaran VARCHAR,
            pagu_awal DOUBLE, pagu_awal_teks VARCHAR,
            pagu DOUBLE, pagu_teks VARCHAR,
            realisasi DOUBLE, realisasi_teks VARCHAR,
            serapan DOUBLE,
            serapan_dilaporkan DOUBLE, serapan_dilaporkan_teks VARCHAR,
            rencana_tw1 DOUBLE, rencana_tw2 DOUBLE, rencana_tw3 DOUBLE, rencana_tw4 DOUBLE,
            realisasi_tw1 DOUBLE, realisasi_tw2 DOUBLE, realisasi_tw3 DOUBLE, realisasi_tw4 DOUBLE,
            utama BOOLEAN NOT NULL DEFAULT TRUE,
            sumber VARCHAR, catatan VARCHAR, impor_id BIGINT
        );
        CREATE TABLE skor (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),
            instansi_id BIGINT NOT NULL REFERENCES instansi(id),
            tahun INTEGER NOT NULL,
            jenis VARCHAR NOT NULL,      -- sakip | ikm
            nilai DOUBLE, nilai_teks VARCHAR, predikat VARCHAR,
            sumber VARCHAR, catatan VARCHAR, impor_id BIGINT
        );
        CREATE TABLE nilai_dilaporkan (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),
            instansi_id BIGINT NOT NULL REFERENCES instansi(id),
            tahun INTEGER,
            lingkup VARCHAR, jenis VARCHAR NOT NULL,
            nilai DOUBLE, nilai_teks VARCHAR,
            sumber VARCHAR, catatan VARCHAR, impor_id BIGINT
        );
        CREATE TABLE masalah_impor (
            impor_id BIGINT NOT NULL,
            tingkat VARCHAR NOT NULL,     -- galat | peringatan | info
            lembar VARCHAR, baris INTEGER, kolom VARCHAR,
            nilai VARCHAR, pesan VARCHAR NOT NULL
        );
        CREATE TABLE cadangan_impor (        -- rows replaced by an import, to undo it
            impor_id BIGINT NOT NULL,
            tabel VARCHAR NOT NULL,
            baris VARCHAR NOT NULL            -- JSON of one row
        );
        CREATE INDEX idx_indikator ON indikator(instansi_id, tahun);
        CREATE INDEX idx_anggaran ON anggaran(instansi_id, tahun);
        INSERT INTO meta VALUES ('versi_data', '0');
        """,
    ),
    (
        2,
        "temuan rekonsiliasi tersimpan",
        """
        -- reconciliation findings (lkjip.checks), kept so pages read them instead of recomputing;
        -- agencies written since their findings were computed are listed in temuan_kotor
        CREATE TABLE temuan (
            instansi VARCHAR NOT NULL, tahun INTEGER, jenis VARCHAR NOT NULL, tingkat VARCHAR NOT NULL,
            sumber VARCHAR, baris VARCHAR, dilaporkan DOUBLE, dihitung DOUBLE, selisih DOUBLE,
            penjelasan VARCHAR, ids VARCHAR
        );
        CREATE TABLE temuan_kotor (instansi VARCHAR PRIMARY KEY);
        INSERT INTO temuan_kotor SELECT nama FROM instansi;
        """,
    ),
    # -- migrasi 3: profil impor --
    (
        3,
        "profil impor",
        """
        -- a person's decisions on how to read a form (header rows, column fields, unit, sheets, polarity),
        -- saved under a name and offered again when a file with the same header shape arrives
        CREATE SEQUENCE seq_profil_impor;
        CREATE TABLE profil_impor (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_profil_impor'),
            nama VARCHAR NOT NULL UNIQUE,
            keputusan VARCHAR NOT NULL,      -- JSON (lkjip.ingest.keputusan.Keputusan)
            dibuat TIMESTAMP NOT NULL DEFAULT current_timestamp,
            pengguna VARCHAR,
            dipakai INTEGER NOT NULL DEFAULT 0,
            terakhir_dipakai TIMESTAMP
        );
        """,
    ),

    # -- migrasi 4: pemeriksaan & reviu: versi pemeriksaan, putusan temuan, catatan indikator --
    (
        4,
        "reviu: klaim tercetak, putusan temuan, catatan indikator",
        """
        -- claims a report prints in its running text, transcribed as structured values (lkjip.checks.klaim)
        CREATE TABLE klaim (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_baris'),  -- same sequence as the data rows: ids stay unique
            instansi VARCHAR NOT NULL, tahun INTEGER,
            jenis VARCHAR NOT NULL,      -- rumus | rata_rata | jumlah | arah | selisih | semua_tercapai | hitungan | skor | kategori
            lingkup VARCHAR, indikator VARCHAR,
            nilai VARCHAR,               -- the claimed figure or word, as printed
            operan VARCHAR,              -- the printed inputs, ';'-separated, as printed
            tahun_acuan VARCHAR,         -- years the claim compares or averages, ';'-separated
            besaran VARCHAR,             -- capaian | realisasi | target
            acuan VARCHAR,               -- the table a count refers to
            sumber VARCHAR, baris VARCHAR, kutipan VARCHAR
        );
        -- every finding ever stored, by its stable key (lkjip.checks.umum.kunci_temuan): when it was first
        -- seen and when it stopped occurring (a corrected upload), so a disappeared finding shows as resolved
        CREATE TABLE temuan_dikenal (
            kunci VARCHAR PRIMARY KEY,
            instansi VARCHAR NOT NULL, tahun INTEGER, jenis VARCHAR, tingkat VARCHAR, sumber VARCHAR, baris VARCHAR,
            dilaporkan DOUBLE, dihitung DOUBLE, penjelasan VARCHAR,
            pertama TIMESTAMP NOT NULL DEFAULT current_timestamp,
            hilang TIMESTAMP
        );
        -- a reviewer's verdict on a finding, by the finding's stable key (lkjip.reviu); the finding's
        -- text is kept so a finding that no longer occurs can be shown as resolved
        CREATE TABLE putusan_temuan (
            kunci VARCHAR PRIMARY KEY,
            instansi VARCHAR NOT NULL, tahun INTEGER, jenis VARCHAR, tingkat VARCHAR, sumber VARCHAR, baris VARCHAR,
            penjelasan VARCHAR,
            putusan VARCHAR NOT NULL,    -- dikonfirmasi | dapat_dijelaskan | diperbaiki | bukan_masalah
            catatan VARCHAR, pengguna VARCHAR,
            waktu TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        -- notes per indicator-year in the LKjIP vocabulary, from the reviewer and from the agency
        CREATE TABLE catatan_indikator (
            instansi VARCHAR NOT NULL, tahun INTEGER NOT NULL, indikator VARCHAR NOT NULL,
            jenis VARCHAR NOT NULL,      -- faktor_pendukung | faktor_penghambat | tindak_lanjut
            pihak VARCHAR NOT NULL,      -- reviewer | instansi
            isi VARCHAR, pengguna VARCHAR,
            waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
            PRIMARY KEY (instansi, tahun, indikator, jenis, pihak)
        );
        """,
    ),

    (
        5,
        "log aktivitas",
        """
        -- who wrote what, when, for which agency-year (lkjip.aktivitas)
        CREATE SEQUENCE seq_aktivitas;
        CREATE TABLE log_aktivitas (
            id BIGINT PRIMARY KEY DEFAULT nextval('seq_aktivitas'),
            waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
            pengguna VARCHAR,
            aksi VARCHAR NOT NULL,       -- impor | ganti | batal | ulang | putusan | catatan | ...
            instansi VARCHAR, tahun INTEGER,
            rincian VARCHAR
        );
        """,
    ),
    # -- migrasi 6: indikator standar --
    (
        6,
        "indikator standar",
        """
        -- the planner's link of an agency's indicator wording to a standard indicator (lkjip.standar);
        -- keyed by the normalised wording so it survives a re-import; standar NULL = "no standard"
        CREATE TABLE indikator_standar (
            instansi VARCHAR NOT NULL,
            indikator_kunci VARCHAR NOT NULL,
            standar VARCHAR,
            pengguna VARCHAR,
            waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
            PRIMARY KEY (instansi, indikator_kunci)
        );
        """,
    ),

    # -- migrasi 7: akses: percobaan masuk --
    (
        7,
        "percobaan masuk",
        """
        -- sign-in attempts, per user and per client address (lkjip.akses.batas): kept in the database so
        -- that a new browser session or a restart does not reset the limit
        CREATE SEQUENCE seq_percobaan;
        CREATE TABLE percobaan_masuk (
            tiket BIGINT NOT NULL,            -- one attempt: one row per key it counts against
            kunci VARCHAR NOT NULL,           -- 'pengguna:<nama>' | 'alamat:<ip>'
            waktu DOUBLE NOT NULL,            -- seconds since the epoch
            hasil VARCHAR NOT NULL            -- berjalan (being checked) | gagal
        );
        """,
    ),
    # -- migrasi 8: realisasi indikator per triwulan --
    (
        8,
        "realisasi indikator per triwulan",
        """
        -- an indicator's realisation per quarter (the K columns TW I-IV of the Renja evaluation form of
        -- Permendagri 86/2017, or TW columns of the template): empty where the file prints none
        ALTER TABLE indikator ADD COLUMN realisasi_tw1 DOUBLE;
        ALTER TABLE indikator ADD COLUMN realisasi_tw2 DOUBLE;
        ALTER TABLE indikator ADD COLUMN realisasi_tw3 DOUBLE;
        ALTER TABLE indikator ADD COLUMN realisasi_tw4 DOUBLE;
        """,
    ),
    # -- migrasi 9: penjelasan temuan dalam bahasa Inggris --
    (
        9,
        "penjelasan temuan dalam bahasa Inggris",
        """
        -- each finding's explanation in English beside the Indonesian one (lkjip.checks writes both)
        ALTER TABLE temuan ADD COLUMN penjelasan_en VARCHAR;
        ALTER TABLE temuan_dikenal ADD COLUMN penjelasan_en VARCHAR;
        ALTER TABLE putusan_temuan ADD COLUMN penjelasan_en VARCHAR;
        """,
    ),
    # -- migrasi 10: tabel ringkasan untuk angka halaman --
    (
        10,
        "tabel ringkasan untuk angka halaman",
        """
        -- derived from indikator and anggaran, rebuilt by lkjip.store.ringkasan in every write that changes them
        CREATE TABLE ringkas_capaian (id BIGINT PRIMARY KEY, instansi_id BIGINT NOT NULL, tahun INTEGER, tema VARCHAR,
                                      sasaran VARCHAR, kunci_sasaran VARCHAR, capaian DOUBLE);
        CREATE TABLE ringkas_anggaran (instansi_id BIGINT NOT NULL, tahun INTEGER, level VARCHAR, utama BOOLEAN,
                                       pagu DOUBLE, realisasi DOUBLE, n BIGINT, lengkap BIGINT);
        CREATE TABLE ringkas_program (instansi_id BIGINT NOT NULL, tahun INTEGER, uraian VARCHAR, kode VARCHAR,
                                      pagu DOUBLE, realisasi DOUBLE);
        CREATE TABLE ringkas_sasaran_anggaran (instansi_id BIGINT NOT NULL, tahun INTEGER, kunci_sasaran VARCHAR,
                                               sumber VARCHAR, pagu DOUBLE, realisasi DOUBLE);
        CREATE TABLE ringkas_rumusan (instansi_id BIGINT NOT NULL, tahun INTEGER, indikator VARCHAR, satuan VARCHAR,
                                      iku BOOLEAN, tema VARCHAR, id_pertama BIGINT);
        CREATE TABLE ringkas_tahun (instansi_id BIGINT NOT NULL, tahun INTEGER, tabel VARCHAR, impor_id BIGINT);
        CREATE TABLE ringkas_sidik (sidik VARCHAR);
        """,
    ),
]
