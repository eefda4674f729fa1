"""Log aktivitas (admins only): who imported, replaced, undid, gave a verdict or wrote a note, when, for
which agency-year; filtered by user, action, agency, year and date range, and downloaded as xlsx/CSV."""
import streamlit as st

from lkjip import akses, aktivitas, label, web
from lkjip.numbers import format_angka

BATAS = 5000  # lines shown and downloaded at most; narrower filters reach older lines

s = web.saringan()
st.title(s.t("nav.log"))
pengguna = web.pengguna_aktif(s)  # the sign-in form, or who is signed in
if not akses.boleh_lihat_log(pengguna):
    # the page is listed for admins only; anyone else reaching it by its link is refused here
    pesan = s.t("a.log_tolak_masuk") if pengguna.nama is None else s.t("a.log_tolak", peran=s.t(f"a.peran_{pengguna.peran}"))
    st.error(pesan, icon=":material/block:")
    st.stop()

st.caption(s.t("a.log_petunjuk"))
log = web.kunci_log()  # the log's version, read once for this run
ada = web.pilihan_log(log)
if not ada["hari"]:
    st.info(s.t("a.log_kosong"), icon=":material/info:")
    st.stop()

nama_aksi = lambda k: s.t(f"aksi.{k}") if k in aktivitas.AKSI else k  # noqa: E731  (an action added later reads as its code)
k1, k2, k3, k4 = st.columns([2, 2, 3, 2])
for kunci, pilihan in (("log_pengguna", ada["pengguna"]), ("log_aksi", ada["aksi"]), ("log_tahun", ada["tahun"]),
                       ("log_instansi", ada["instansi"])):
    web.pilihan_sah(kunci, pilihan)
siapa = k1.multiselect(s.t("a.log_pengguna"), ada["pengguna"], key="log_pengguna", placeholder=s.t("a.log_pengguna_semua"),
                       select_all=False)
aksi = k2.multiselect(s.t("a.log_aksi"), ada["aksi"], format_func=nama_aksi, key="log_aksi", placeholder=s.t("a.log_aksi_semua"),
                      select_all=False)
instansi = k3.selectbox(label.judul_kolom("instansi", s.bahasa), ada["instansi"], index=None, key="log_instansi",
                        placeholder=s.t("a.log_instansi_semua"))
tahun = k4.multiselect(s.t("a.log_tahun"), ada["tahun"], key="log_tahun", placeholder=s.t("a.log_tahun_semua"), select_all=False)
web.ikut_data("log_rentang", tuple(ada["hari"]))  # left as it was, the range reaches a line of a new day
rentang = st.date_input(s.t("a.log_rentang"), format="DD/MM/YYYY", key="log_rentang",
                        help=s.t("a.log_rentang_help"), width=260)
dari, sampai = (tuple(rentang) + (None, None))[:2] if isinstance(rentang, (tuple, list)) else (rentang, rentang)
sampai = sampai or dari  # one day picked so far: that day

df = web.daftar_log(log, instansi, siapa, aksi, tahun, dari, sampai, batas=BATAS + 1)
if not len(df):
    st.info(s.t("a.log_tidak_cocok"), icon=":material/filter_alt_off:")
    st.stop()
terpotong = len(df) > BATAS
df = df.head(BATAS).assign(aksi=lambda d: d["aksi"].map({k: nama_aksi(k) for k in d["aksi"].unique()}))  # each action named once
st.caption(s.t("a.log_batas", n=format_angka(BATAS, 0)) if terpotong else s.t("a.log_jumlah", n=format_angka(len(df), 0)))
judul = label.judul_kolom_semua(list(df.columns), s.bahasa)
config = {
    "id": st.column_config.NumberColumn(judul["id"], format="%d", width=55),
    "waktu": st.column_config.DatetimeColumn(judul["waktu"], format="DD-MM-YYYY HH:mm:ss", width=150),
    "pengguna": st.column_config.TextColumn(judul["pengguna"], width=110),
    "aksi": st.column_config.TextColumn(judul["aksi"], width=140),
    "instansi": st.column_config.TextColumn(judul["instansi"], width=190),
    "tahun": st.column_config.NumberColumn(judul["tahun"], format="%d", width=60),
    "rincian": st.column_config.TextColumn(judul["rincian"], width=200),  # wraps when longer (fits 1366 px)
}
# a page of 100 lines at a time, sorted over every line above the table; the downloads hold every line listed
halaman, _ = web.potong_halaman(df, s, "log_tabel", kolom_urut=["waktu", "pengguna", "aksi", "instansi", "tahun"])
baris_px = web.tinggi_baris(halaman, config)
st.dataframe(halaman, hide_index=True, width="stretch", height=min(38 + (baris_px or 35) * len(halaman), 640), key="log_tabel",
             placeholder=web.KOSONG, column_config=config, row_height=baris_px)
periode = f"{dari:%Y-%m-%d}_{sampai:%Y-%m-%d}" if dari else None
web.tombol_unduh(df, s, web.nama_unduhan("log-aktivitas", instansi, tahun or None, isi=periode),
                 konteks={"halaman": s.t("nav.log")})
