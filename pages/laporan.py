"""Laporan: the Bab III draft of one agency-year, or the comparison report — preview and DOCX/XLSX downloads."""
import streamlit as st

from lkjip import laporan, web
from lkjip.laporan import dokumen, lembar
from lkjip.laporan.susun import tahun_instansi

s = web.saringan()
st.title(s.t("nav.laporan"))
st.caption(s.t("lp.penjelasan"))
if web.kosong(s, len(web.daftar_instansi()) > 0):
    st.stop()
if s.bahasa == "en":
    st.info(s.t("lp.bahasa_dokumen"), icon=":material/translate:")


@st.cache_data(show_spinner=False, max_entries=16)
def _tahun(path: str, versi: int, instansi: str) -> list[int]:
    return tahun_instansi(web.store(), instansi)


@st.cache_data(show_spinner="Menyusun draf…", max_entries=8)
def _susun(path: str, versi: int, mode: str, instansi: tuple, tahun: tuple, batas: float):
    if mode == "bab3":
        return laporan.bab3(web.store(), instansi[0], tahun[0], batas)
    return laporan.perbandingan(web.store(), list(instansi) or None, list(tahun) or None, batas)


@st.cache_data(show_spinner=False, max_entries=8)
def _berkas(path: str, versi: int, mode: str, instansi: tuple, tahun: tuple, batas: float, jenis: str) -> bytes:
    lap = _susun(path, versi, mode, instansi, tahun, batas)
    return dokumen.ke_docx(lap) if jenis == "docx" else lembar.ke_xlsx(lap)


kunci = (str(web.store().path), web.store().versi_data)
if s.tema:
    st.caption(s.t("lp.tema_diabaikan"))
mode = st.segmented_control(s.t("lp.jenis"), ["bab3", "perbandingan"], default="bab3", key="laporan_mode",
                            format_func=lambda m: s.t(f"lp.{m}")) or "bab3"
if mode == "bab3":
    pilihan = list(s.instansi) or web.daftar_instansi()
    k1, k2 = st.columns([3, 1])
    instansi = k1.selectbox(s.t("lp.instansi"), pilihan, key="laporan_instansi")
    daftar_tahun = [t for t in _tahun(*kunci, instansi) if not s.tahun or t in s.tahun] or _tahun(*kunci, instansi)
    tahun = k2.selectbox(s.t("lp.tahun"), daftar_tahun[::-1], key="laporan_tahun")
    arg = (mode, (instansi,), (int(tahun),), s.batas)
    nama = f"LKjIP_Bab_III_{instansi.replace(' ', '_')}_{tahun}"
else:
    st.caption(s.t("lp.lingkup_perbandingan"))
    arg = (mode, tuple(s.instansi), tuple(s.tahun), s.batas)
    nama = "Laporan_perbandingan_LKjIP"

try:
    lap = _susun(*kunci, *arg)
except laporan.GalatLaporan as e:
    st.warning(str(e), icon=":material/warning:")
    st.stop()

u1, u2, _ = st.columns([1, 1, 3])
u1.download_button(s.t("lp.unduh_docx"), data=lambda: _berkas(*kunci, *arg, "docx"), file_name=f"{nama}.docx",
                   mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document", on_click="ignore",
                   icon=":material/description:", key="laporan_docx", type="primary")
u2.download_button(s.t("lp.unduh_xlsx"), data=lambda: _berkas(*kunci, *arg, "xlsx"), file_name=f"{nama}.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                   icon=":material/table:", key="laporan_xlsx")

st.header(f"{lap.judul}")
st.markdown(web.md(lap.subjudul))
for c in lap.catatan_umum:
    st.caption(c)
for b in lap.bab:
    st.subheader(b.judul)
    for p in b.paragraf:
        st.markdown(web.md(p))
    for t in b.tabel:
        st.markdown(f"**{web.md(t.label)}**")
        st.dataframe(t.tampil(), hide_index=True, width="stretch", key=f"laporan_tabel_{t.kunci}")
        if t.sumber:
            st.caption(f"{s.t('lp.sumber')}: {t.sumber}")
        st.markdown(web.md(t.kalimat))
    if b.catatan:
        belum = sum(1 for c in b.catatan for v in c.isi.values() if not v)
        if belum:
            st.warning(s.t("lp.belum_dicatat", n=belum), icon=":material/edit_note:")
        with st.expander(s.t("lp.catatan")):
            for c in b.catatan:
                st.markdown(f"**{web.md(c.indikator)}** — {web.md(c.fakta)}")
                for jenis, teks in c.isi.items():
                    st.markdown(f"- {web.md(laporan.sumber.JENIS_CATATAN[jenis])}: "
                                + (web.md(' '.join(teks)) if teks else f"*{web.md(laporan.susun.BELUM_DICATAT.format(jenis=laporan.sumber.JENIS_CATATAN[jenis].lower()))}*"))
