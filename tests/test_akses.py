"""Write access in the library: roles, settings that fail closed, sign-in limits, client addresses,
and the importer's refusals and activity log."""
import threading
import time

import pandas as pd
import pytest

from conftest import DEPOK
from lkjip import akses, aktivitas
from lkjip.ingest import pratinjau
from lkjip.ingest.simpan import GalatImpor, batalkan, simpan

PAREPARE = "Dinas Sosial Kota Parepare"
BEKASI = "Dinas Sosial Kota Bekasi"
DEPOK_NAMA = "Dinas Sosial Kota Depok"


def csv_instansi(nama: str, tahun: int) -> bytes:
    return (f"{nama.upper()} TAHUN {tahun}\nNo;Indikator Kinerja;Satuan;Target;Realisasi\n"
            "1;Persentase lansia terlantar yang terlayani;%;80;84\n").encode()


def op(*instansi, nama="sari"):
    return akses.Pengguna(nama, "operator", frozenset(instansi), "sandi")


# --- roles ---------------------------------------------------------------------------------------
def test_peran_menentukan_siapa_boleh_menulis():
    admin, reviewer, pembaca = akses.Pengguna("a", "admin"), akses.Pengguna("r", "reviewer"), akses.Pengguna("v", "pembaca")
    o = op(PAREPARE)
    assert akses.boleh_impor(admin, BEKASI) and akses.boleh_impor(o, PAREPARE)
    assert not akses.boleh_impor(o, BEKASI) and not akses.boleh_impor(reviewer, PAREPARE) and not akses.boleh_impor(pembaca)
    assert akses.boleh_impor(o) and not akses.boleh_impor(op())  # an operator with no agency writes nothing
    assert [akses.boleh_mereviu(u) for u in (admin, reviewer, o, pembaca)] == [True, True, False, False]
    assert [akses.boleh_lihat_log(u) for u in (admin, reviewer, o, pembaca)] == [True, False, False, False]
    assert akses.boleh_impor(None, BEKASI) and akses.boleh_mereviu(None)  # the local command line is admin
    assert akses.pilihan_instansi(o, [BEKASI, PAREPARE]) == ([PAREPARE], False)
    assert akses.pilihan_instansi(admin, [BEKASI, PAREPARE]) == ([BEKASI, PAREPARE], True)
    assert akses.pilihan_instansi(reviewer, [BEKASI]) == ([], False)
    with pytest.raises(akses.AksesDitolak, match=f"sari \\(operator instansi: {PAREPARE}\\) tidak berhak mengganti data untuk {BEKASI}"):
        akses.pastikan_boleh_impor(o, [PAREPARE, BEKASI], "ganti")
    with pytest.raises(akses.AksesDitolak, match="hanya reviewer atau admin"):
        akses.pastikan_boleh_mereviu(o)
    with pytest.raises(akses.AksesDitolak, match="hanya dapat melihat data"):
        akses.pastikan_boleh_impor(reviewer, [PAREPARE])
    assert akses.pastikan_boleh_mereviu(reviewer, "catatan") is reviewer


# --- settings: fail closed -----------------------------------------------------------------------
def test_hash_dan_pengaturan_sah():
    h = akses.buat_hash("kantor-dinsos")
    assert akses.hash_sah(h) and akses.cocok("kantor-dinsos", h) and not akses.cocok("kantor-dinsoS", h)
    for rusak in ("scrypt$16384$8$1$abc", "bcrypt$x", h.replace("16384", "16383"), h[:-30], 42, None):
        assert not akses.hash_sah(rusak) and not akses.cocok("kantor-dinsos", rusak)
    rahasia = {"akses": {"proksi_tepercaya": ["127.0.0.1", "10.0.0.0/24"],
                         "pengguna": {"sari": {"password_hash": h, "peran": "operator", "instansi": [PAREPARE]},
                                      "ina": {"password_hash": h, "peran": "reviewer"}}}}
    p = akses.baca(rahasia, env={})
    assert p.mode == "sandi" and p.masalah == () and p.proksi == ("127.0.0.1/32", "10.0.0.0/24")
    assert p.pengguna_sandi("sari") == akses.Pengguna("sari", "operator", frozenset([PAREPARE]), "sandi")
    assert p.pengguna_sandi("ina").peran == "reviewer" and p.pengguna_sandi("tamu") is None and p.nama_wajib
    # OIDC: e-mail lists per role; several lists: agencies add up, otherwise the highest role wins
    oidc = {"auth": {"client_id": "x"}, "akses": {"oidc": {"admin": ["Kepala@Bappeda.go.id"], "reviewer": ["kepala@bappeda.go.id", "i@x.id"],
                                                          "operator": {PAREPARE: ["o@x.id"], BEKASI: ["O@x.id"]}}}}
    p = akses.baca(oidc, env={})
    assert p.mode == "oidc"
    assert p.pengguna_oidc("kepala@bappeda.go.id").peran == "admin" and p.pengguna_oidc("i@x.id").peran == "reviewer"
    assert p.pengguna_oidc("o@x.id").instansi == {PAREPARE, BEKASI} and p.pengguna_oidc("siapa@x.id").peran == "pembaca"
    # the environment replaces the file's [akses]
    env = {"LKJIP_AKSES": f'[pengguna.budi]\npassword_hash = "{h}"\nperan = "admin"\n'}
    assert akses.baca(rahasia, env=env).pengguna_sandi("budi").peran == "admin"


@pytest.mark.parametrize("rahasia, env, pesan", [
    ({"akses": {"pengguna": {"sari": {"password_hash": "scrypt$salah", "peran": "operator", "instansi": [PAREPARE]}}}}, {},
     "bukan hash scrypt yang sah"),
    ({"akses": {"pengguna": {"sari": {"password_hash": "H", "peran": "operatr", "instansi": [PAREPARE]}}}}, {}, "peran 'operatr' tidak dikenal"),
    ({"akses": {"pengguna": {"sari": {"password_hash": "H", "peran": "operator"}}}}, {}, "operator memerlukan daftar instansi"),
    ({"akses": {"pengguna": {"sari": {"password_hash": "H", "peran": "reviewer", "instansi": [PAREPARE]}}}}, {},
     "instansi hanya berlaku untuk peran operator"),
    ({"akses": {"pengguna": {"sari": {"password_hash": "H", "peran": "admin", "instnsi": []}}}}, {}, "kunci tidak dikenal instnsi"),
    ({"akses": {"penguna": {}}}, {}, "kunci tidak dikenal penguna"),
    ({"akses": {"proksi_tepercaya": ["nginx"]}, "auth": {"client_id": "x"}}, {}, "'nginx' bukan alamat IP"),
    ({"akses": {"mode": "terbuka"}}, {}, "mode akses 'terbuka' tidak dikenal"),
    ({"akses": {"mode": "lokal", "pengguna": {"sari": {"password_hash": "H", "peran": "admin"}}}}, {}, "pilih salah satu"),
    ({}, {"LKJIP_AKSES": "[pengguna.sari\npassword_hash = 1"}, "LKJIP_AKSES bukan TOML yang sah"),
    ({"unggah": {"password_hash": "bukan-hash"}}, {}, "kata sandi unggah bersama"),
    ({"akses": {"oidc": {"admin": ["a@x.id"]}}}, {}, "[auth]"),
    ({"unggha": {"password_hash": "H"}}, {}, "tidak mengatur perlindungan tulis"),  # a typo in the section name
])
def test_pengaturan_salah_hanya_baca(rahasia, env, pesan):
    import json

    h = akses.buat_hash("kantor-dinsos")
    rahasia = json.loads(json.dumps(rahasia).replace('"H"', json.dumps(h)))
    p = akses.baca(rahasia, env=env)
    assert p.mode == "tertutup", p
    assert any(pesan in m for m in p.masalah), p.masalah


def test_berkas_rahasia_rusak_atau_tak_terbaca_hanya_baca(tmp_path):
    folder = tmp_path / ".streamlit"
    folder.mkdir()
    berkas = folder / "secrets.toml"
    h = akses.buat_hash("kantor-dinsos")
    berkas.write_text(f'[akses.pengguna.sari]\npassword_hash = "{h}"\nperan = "admin"\n')
    isi, masalah = akses.periksa_berkas([berkas])
    assert masalah == [] and akses.baca(isi, env={}, masalah_berkas=masalah).mode == "sandi"
    berkas.write_text(f'[akses.pengguna.sari]\npassword_hash = "{h}\nperan = "admin"\n')  # an unclosed quote
    isi, masalah = akses.periksa_berkas([tmp_path / "tidak-ada.toml", berkas])
    p = akses.baca({}, env={}, masalah_berkas=masalah)  # Streamlit drops every secret of a broken file
    assert p.mode == "tertutup" and "bukan TOML yang sah" in p.masalah[0] and "line 2" in p.masalah[0]
    assert str(tmp_path) not in p.masalah[0]  # no server directories in the message
    berkas.unlink()
    berkas.mkdir()  # exists but cannot be read as a file
    _, masalah = akses.periksa_berkas([berkas])
    assert akses.baca({}, env={}, masalah_berkas=masalah).mode == "tertutup" and "tidak dapat dibaca" in masalah[0]


def test_mode_lokal_hanya_bila_dipilih_atau_tanpa_pengaturan():
    assert akses.baca({}, env={}).mode == "lokal"
    assert akses.baca({"akses": {"mode": "lokal"}}, env={}).mode == "lokal"
    assert akses.baca({}, env={"LKJIP_AKSES_MODE": "lokal"}).mode == "lokal"
    assert akses.baca({"lain": {"x": 1}}, env={}).mode == "tertutup"


# --- sign-in limits ------------------------------------------------------------------------------
class Jam:
    def __init__(self):
        self.t = 1_000_000.0

    def __call__(self):
        return self.t


@pytest.fixture
def pengaturan_sandi():
    h = akses.buat_hash("benar-sekali")
    return akses.baca({"akses": {"pengguna": {n: {"password_hash": h, "peran": "admin"} for n in ("sari", "budi", "ina")}}}, env={})


def test_batas_per_pengguna_dengan_jeda_bertambah(store, pengaturan_sandi):
    jam = Jam()
    b = akses.Pembatas(store, jam=jam)
    for i in range(5):
        assert akses.masuk_sandi(b, pengaturan_sandi, "sari", "salah", f"10.0.0.{i}").pengguna is None
    # the sixth attempt, from yet another address, waits: the limit is per user, not per address only
    h = akses.masuk_sandi(b, pengaturan_sandi, "sari", "benar-sekali", "10.0.0.99")
    assert h.pengguna is None and h.tunggu == pytest.approx(30)
    # another user from the same addresses is not affected
    assert akses.masuk_sandi(b, pengaturan_sandi, "budi", "benar-sekali", "10.0.0.1").pengguna.nama == "budi"
    # a new limiter on the same database (a new browser session, a restart) remembers
    assert akses.Pembatas(store, jam=jam).tunggu("sari", "10.0.0.50") == pytest.approx(30)
    jam.t += 31
    assert akses.masuk_sandi(b, pengaturan_sandi, "sari", "salah", "10.0.0.1").pengguna is None
    assert b.tunggu("sari", "10.0.0.1") == pytest.approx(60)  # doubled
    jam.t += 61
    assert akses.masuk_sandi(b, pengaturan_sandi, "sari", "benar-sekali", "10.0.0.1").pengguna.nama == "sari"
    assert b.tunggu("sari", "10.0.0.1") == 0  # success clears the user's failures
    jam.t += akses.batas.JENDELA + 1
    assert store.satu("SELECT count(*) FROM percobaan_masuk WHERE kunci LIKE 'pengguna:sari'") == 0


def test_batas_per_alamat_tidak_mengunci_alamat_lain(store, pengaturan_sandi):
    b = akses.Pembatas(store, jam=Jam())
    for i in range(10):  # guessing many names from one address
        assert akses.masuk_sandi(b, pengaturan_sandi, f"tebakan{i}", "salah", "203.0.113.9").tunggu == 0
    assert akses.masuk_sandi(b, pengaturan_sandi, "sari", "benar-sekali", "203.0.113.9").tunggu > 0
    # the same user from another client, and another client altogether, are not locked out
    assert akses.masuk_sandi(b, pengaturan_sandi, "sari", "benar-sekali", "198.51.100.7").pengguna.nama == "sari"
    assert akses.masuk_sandi(b, pengaturan_sandi, "ina", "salah", "198.51.100.8").tunggu == 0


@pytest.mark.parametrize("nama, alamat, diperiksa", [
    (lambda i: "sari", lambda i: "203.0.113.9", 5),  # one user, one address: the user limit
    (lambda i: "sari", lambda i: f"203.0.113.{i}", 5),  # one user from many addresses
    (lambda i: f"nama{i}", lambda i: "203.0.113.9", 10),  # many names from one address: the address limit
])
def test_percobaan_serentak_atomik(store, pengaturan_sandi, monkeypatch, nama, alamat, diperiksa):
    dicek = []
    asli = akses.batas.cocok

    def cocok_lambat(sandi, h):
        dicek.append(1)
        time.sleep(0.05)  # all threads are inside at once
        return asli(sandi, h)

    monkeypatch.setattr(akses.batas, "cocok", cocok_lambat)
    b = akses.Pembatas(store, jam=Jam())
    mulai = threading.Barrier(20)
    hasil = []

    def coba(i):
        mulai.wait()
        hasil.append(akses.masuk_sandi(b, pengaturan_sandi, nama(i), "salah", alamat(i)))

    benang = [threading.Thread(target=coba, args=(i,)) for i in range(20)]
    for t in benang:
        t.start()
    for t in benang:
        t.join()
    assert len(dicek) == diperiksa
    assert sum(h.tunggu > 0 for h in hasil) == 20 - diperiksa and not any(h.pengguna for h in hasil)


# --- client address ------------------------------------------------------------------------------
LOOPBACK = ["127.0.0.1", "::1"]


@pytest.mark.parametrize("soket, xff, proksi, klien", [
    ("203.0.113.9", "1.1.1.1", [], "203.0.113.9"),  # forged header from a remote untrusted client: ignored
    ("203.0.113.9", "1.1.1.1", LOOPBACK, "203.0.113.9"),
    ("1.1.1.1", "1.1.1.1", [], "127.0.0.1"),  # a local client forging: the server rewrote it, undone here
    ("5.5.5.5", "9.9.9.9, 5.5.5.5", [], "127.0.0.1"),
    (None, None, [], "127.0.0.1"),
    ("198.51.100.7", "6.6.6.6, 198.51.100.7", LOOPBACK, "198.51.100.7"),  # nginx appends: the forged left part is ignored
    ("10.0.0.5", "198.51.100.7", ["10.0.0.0/24"], "198.51.100.7"),  # a proxy on another machine, trusted
    ("10.0.0.5", "198.51.100.7", [], "10.0.0.5"),  # the same proxy, not trusted
    ("10.0.0.5", "6.6.6.6, 198.51.100.7, 10.0.0.4", ["10.0.0.0/24"], "198.51.100.7"),  # two proxies
])
def test_alamat_klien(soket, xff, proksi, klien):
    assert akses.alamat_klien(soket, xff, proksi, env={}) == klien


def test_header_palsu_tidak_memberi_penghitung_baru(store, pengaturan_sandi):
    # a local client sends a fresh X-Forwarded-For per attempt; the server (uvicorn) turns each into a new address
    b = akses.Pembatas(store, jam=Jam())
    tunggu = []
    for i in range(12):
        palsu = f"192.0.2.{i}"
        alamat = akses.alamat_klien(palsu, palsu, [], env={})
        tunggu.append(akses.masuk_sandi(b, pengaturan_sandi, f"nama{i}", "salah", alamat).tunggu)
    assert tunggu[:10] == [0] * 10 and all(t > 0 for t in tunggu[10:])


# --- the importer enforces roles and logs every write ---------------------------------------------
def _log(store):
    return aktivitas.daftar(store, batas=10_000).sort_values("id")


def test_operator_tidak_dapat_mengganti_instansi_lain(store):
    sari = op(PAREPARE)
    sebelum = store.satu("SELECT count(*) FROM indikator i JOIN instansi n ON n.id = i.instansi_id WHERE n.nama = ?", [BEKASI])
    log_awal = int(_log(store)["id"].max())
    p = pratinjau(csv_instansi(BEKASI, 2023), "parepare_2023.csv")  # a file named for Parepare that names Bekasi
    for ganti in (False, True):
        with pytest.raises(GalatImpor, match=f"tidak berhak (mengimpor|mengganti) data untuk {BEKASI}"):
            simpan(store, p, ganti=ganti, pengguna=sari)
    assert store.satu("SELECT count(*) FROM indikator i JOIN instansi n ON n.id = i.instansi_id WHERE n.nama = ?", [BEKASI]) == sebelum
    baru = _log(store)[lambda d: d["id"] > log_awal]
    assert list(baru["aksi"]) == ["ditolak", "ditolak"] and set(baru["pengguna"]) == {"sari"} and set(baru["instansi"]) == {BEKASI}
    # a file with both agencies: refused as a whole, not even Parepare's row is written
    dua = (f"Instansi;Tahun;Indikator;Satuan;Target;Realisasi\n{PAREPARE};2024;Persentase lansia terlayani;%;80;84\n"
           f"{BEKASI};2024;Persentase lansia terlayani;%;80;84\n").encode()
    p = pratinjau(dua, "dua.csv")
    assert {i for _, i, _ in p.kunci()} == {PAREPARE, BEKASI}
    with pytest.raises(GalatImpor, match=f"untuk {BEKASI}"):
        simpan(store, p, pengguna=sari)
    assert not store.satu("SELECT count(*) FROM indikator WHERE tahun = 2024")
    # their own agency: written
    assert simpan(store, pratinjau(csv_instansi(PAREPARE, 2024), "parepare_2024.csv"), pengguna=sari).ditulis == {"indikator": 1}


@pytest.mark.parametrize("peran", ["pembaca", "reviewer"])
def test_pembaca_dan_reviewer_tidak_dapat_mengimpor(store, peran):
    u = akses.Pengguna("ina", peran)
    with pytest.raises(GalatImpor, match="tidak berhak mengimpor data"):
        simpan(store, pratinjau(DEPOK, "depok.csv"), pengguna=u)
    assert not store.satu("SELECT count(*) FROM instansi WHERE nama = ?", [DEPOK_NAMA])


def test_log_mencatat_setiap_tulis(store):
    sari = op(DEPOK_NAMA)
    awal = int(_log(store)["id"].max())
    h1 = simpan(store, pratinjau(DEPOK, "depok.csv"), pengguna=sari)
    h2 = simpan(store, pratinjau(DEPOK, "depok.csv"), ganti=True, pengguna=sari)
    with pytest.raises(GalatImpor, match="tidak berhak membatalkan impor"):
        batalkan(store, h2.impor_id, pengguna=op(PAREPARE, nama="budi"))
    batalkan(store, h2.impor_id, pengguna=sari)
    batalkan(store, h1.impor_id)  # the command line: the local admin
    log = _log(store)[lambda d: d["id"] > awal]
    assert [(r.aksi, r.pengguna, r.instansi, None if pd.isna(r.tahun) else int(r.tahun)) for r in log.itertuples()] == [
        ("impor", "sari", DEPOK_NAMA, 2020), ("ganti", "sari", DEPOK_NAMA, 2020), ("ditolak", "budi", DEPOK_NAMA, None),
        ("batal", "sari", DEPOK_NAMA, 2020), ("batal", akses.pengguna_cli().nama, DEPOK_NAMA, 2020)]
    assert log["rincian"].iloc[0] == f"impor #{h1.impor_id} depok.csv"
    assert store.satu("SELECT pengguna FROM impor WHERE id = ?", [h1.impor_id]) == "sari"


def test_tulis_ditolak_tanpa_baris_impor_di_log(store):
    # a write and its log line land together: a refused import leaves no 'impor' line
    with pytest.raises(GalatImpor):
        simpan(store, pratinjau(DEPOK, "depok.csv"), pengguna=akses.Pengguna("v", "pembaca"))
    assert not len(_log(store)[lambda d: (d["aksi"] == "impor") & (d["instansi"] == DEPOK_NAMA)])
