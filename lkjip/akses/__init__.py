"""Write access: who may sign in (``pengaturan``), with which role and what each role may do
(``peran``), passwords as scrypt hashes (``sandi``) and sign-in attempt limits (``batas``).
Pure library code: the Streamlit side is ``lkjip.akses.tampilan``, reached through ``lkjip.web``.

The permission checks every writer calls:

- ``pastikan_boleh_impor(pengguna, instansi, aksi)``: import / replace / undo (``lkjip.ingest.simpan``);
- ``boleh_mereviu(pengguna)`` / ``pastikan_boleh_mereviu(pengguna, aksi)``: verdicts and review notes
  (reviewer or admin);
- ``boleh_lihat_log(pengguna)``: the activity log (admin).
"""
from .batas import BATAS_ALAMAT, BATAS_PENGGUNA, Batas, HasilMasuk, Pembatas, alamat_klien, masuk_sandi
from .pengaturan import NAMA_BERSAMA, Akun, Pengaturan, baca, berkas_rahasia, cari_pengguna, periksa_berkas
from .peran import (LOKAL, NAMA_PERAN, PERAN, AksesDitolak, Pengguna, boleh_impor, boleh_lihat_log, boleh_mereviu, instansi_boleh,
                    nama_log, pastikan_boleh_impor, pastikan_boleh_mereviu, pengguna_cli, pesan_tolak, pilihan_instansi)
from .sandi import buat_hash, cocok, hash_sah

__all__ = ["AksesDitolak", "Akun", "BATAS_ALAMAT", "BATAS_PENGGUNA", "Batas", "HasilMasuk", "LOKAL", "NAMA_BERSAMA", "NAMA_PERAN",
           "PERAN", "Pembatas", "Pengaturan", "Pengguna", "alamat_klien", "baca", "berkas_rahasia", "boleh_impor", "boleh_lihat_log",
           "boleh_mereviu", "buat_hash", "cari_pengguna", "cocok", "hash_sah", "instansi_boleh", "masuk_sandi", "nama_log",
           "pastikan_boleh_impor", "pastikan_boleh_mereviu", "pengguna_cli", "periksa_berkas", "pesan_tolak", "pilihan_instansi"]
