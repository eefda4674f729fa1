"""The review parts of the Kualitas data page: verdict on the selected finding, notes per indicator-year,
resolved findings and the Lembar kerja reviu download. Drawing only; the work is in lkjip.reviu, and who
may write is asked of web.izin_reviu for the user the page signed in (lkjip.akses decides)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import akses, checks, label, reviu, web, web_data
from .numbers import format_angka


def _nama(kamus: dict[str, tuple[str, str]], kode, bahasa: str) -> str:
    if not isinstance(kode, str) or kode not in kamus:
        return "–"
    idn, eng = kamus[kode]
    return eng if bahasa == "en" else idn


@web_data.bersama()
def _daftar_reviu(path: str, versi: int, instansi: tuple, tahun: tuple) -> pd.DataFrame:
    return reviu.daftar_reviu(web.store(), list(instansi) or None, list(tahun) or None)


@web_data.bersama()
def _indikator_dan_catatan(path: str, versi: int, instansi: str, tahun: int) -> tuple[list[str], pd.DataFrame]:
    """One agency-year's indicator wordings (main ones first) and its notes; every note bumps the data version."""
    ind = web.store().indikator([instansi], [tahun])
    daftar = list(dict.fromkeys(ind.sort_values(["utama", "id"], ascending=[False, True])["indikator"]))
    return daftar, reviu.catatan_indikator(web.store(), instansi, tahun)


def temuan(s: web.Saringan) -> pd.DataFrame:
    """The chosen agencies' and years' findings with verdicts (current and resolved); cached by data version,
    which every verdict and note bumps."""
    return _daftar_reviu(*web.kunci(), s.instansi, s.tahun)


def kolom_putusan(df: pd.DataFrame, s: web.Saringan) -> pd.Series:
    """The verdict label per finding (for the findings table)."""
    return df["putusan"].map(lambda p: _nama(reviu.PUTUSAN, p, s.bahasa) if isinstance(p, str) else "–")


def _waktu(w) -> str:
    return pd.Timestamp(w).strftime("%d-%m-%Y %H:%M") if w is not None and not pd.isna(w) else "–"


def bagian_putusan(s: web.Saringan, t: pd.Series, pengguna) -> None:
    """The claims behind the finding (if any), then the verdict form for it (a row of temuan())."""
    ids = [int(x) for x in str(t.get("ids") or "").split(",") if x.strip().isdigit()]
    if ids:
        kl = reviu.klaim_terlibat(web.store(), ids, s.bahasa)
        if len(kl):
            st.markdown(f"*{s.t('rv.klaim')}*")
            st.dataframe(kl, hide_index=True, width="stretch",
                         column_config={"kutipan": st.column_config.TextColumn(s.t("rv.kutipan"), width="large"),
                                        **{k: label.judul_kolom(k, s.bahasa) for k in kl.columns if k != "kutipan"}})
    st.subheader(s.t("rv.putusan"))
    if isinstance(t.get("putusan"), str):
        st.markdown(s.t("rv.putusan_kini", putusan=_nama(reviu.PUTUSAN, t["putusan"], s.bahasa),
                        pengguna=web.md(t["pengguna_putusan"] or s.t("rv.tanpa_nama")), waktu=_waktu(t["waktu_putusan"])))
        if t.get("catatan_putusan"):
            st.caption(web.md(t["catatan_putusan"]))
    else:
        st.caption(s.t("rv.belum_diputus"))
    boleh, _ = web.izin_reviu(pengguna)
    if not boleh:
        st.caption(s.t("rv.perlu_reviewer"))
        return
    kunci = t["kunci"]
    pilihan = list(reviu.PUTUSAN)
    with st.form(f"form_putusan_{kunci}"):
        putusan = st.radio(s.t("rv.putusan_pilih"), pilihan, horizontal=True, key=f"putusan_{kunci}",
                           index=pilihan.index(t["putusan"]) if isinstance(t.get("putusan"), str) else None,
                           format_func=lambda k: f"{_nama(reviu.PUTUSAN, k, s.bahasa)}")
        catatan = st.text_area(s.t("rv.catatan_putusan"), value=t.get("catatan_putusan") or "", key=f"catatan_putusan_{kunci}",
                               max_chars=reviu.BATAS_CATATAN, height=80)
        kirim = st.form_submit_button(s.t("rv.simpan_putusan"), icon=":material/gavel:", type="primary")
    if kirim and putusan:
        try:
            reviu.beri_putusan(web.store(), kunci, putusan, catatan, pengguna)
        except (reviu.ReviuError, akses.AksesDitolak) as e:
            st.error(str(e), icon=":material/error:")
        else:
            st.toast(s.t("rv.putusan_tersimpan"), icon=":material/check:")
            st.rerun()
    if isinstance(t.get("putusan"), str) and st.button(s.t("rv.cabut_putusan"), key=f"cabut_{kunci}", icon=":material/undo:"):
        reviu.hapus_putusan(web.store(), kunci, pengguna)  # allowed: checked above, and again in lkjip.reviu
        st.toast(s.t("rv.putusan_dicabut"), icon=":material/undo:")
        st.rerun()


def bagian_selesai(s: web.Saringan, df: pd.DataFrame) -> None:
    """Findings that no longer occur (resolved), with their verdicts."""
    selesai = df[df["status"] == "selesai"]
    if selesai.empty:
        return
    with st.expander(f"{s.t('rv.selesai')} ({len(selesai)})", icon=":material/task_alt:"):
        st.caption(s.t("rv.selesai_info"))
        tampil = selesai[["instansi", "tahun", "jenis", "sumber", "baris", "penjelasan", "putusan", "catatan_putusan"]].assign(
            jenis=selesai["jenis"].map(lambda k: label.jenis_temuan(k, s.bahasa)), putusan=kolom_putusan(selesai, s),
            penjelasan=checks.penjelasan_bahasa(selesai, s.bahasa))
        st.dataframe(tampil, hide_index=True, width="stretch",
                     column_config={**label.judul_kolom_semua(list(tampil.columns), s.bahasa),
                                    "tahun": st.column_config.NumberColumn(label.judul_kolom("tahun", s.bahasa), format="%d")})


def _jenis_nilai(kode, bahasa: str) -> str:
    """A kind of printed value (nilai_dilaporkan.jenis) named in the language; an unknown code as words."""
    kunci = f"rv.nd.{kode}"
    try:
        return label.teks(kunci, bahasa)
    except KeyError:
        return str(kode).replace("_", " ") if isinstance(kode, str) else "–"


def bagian_terlibat(s: web.Saringan, t: pd.Series, penjelasan: str) -> None:
    """The selected finding (kind and explanation in the language) and the stored rows behind it: indicators, budget
    lines and printed values, named in the language, data as printed."""
    st.subheader(s.t("k.terlibat"))
    st.markdown(f"**{label.jenis_temuan(t['jenis'], s.bahasa)}** — {web.md(penjelasan)}")
    ids = [int(x) for x in str(t["ids"] or "").split(",") if x.strip().isdigit()]
    ind, ang, nil = web_data.baris_terlibat(*web.kunci(), tuple(ids))
    if len(ang):
        ang = ang.assign(level=ang["level"].map(lambda k: label.level(k, s.bahasa)))
    if len(nil):
        nil = nil.assign(jenis=nil["jenis"].map(lambda k: _jenis_nilai(k, s.bahasa)))
    for nama, data, kolom in (
        (s.t("k.bagian_indikator"), ind, ["instansi", "tahun", "indikator", "target_teks", "realisasi_teks", "capaian",
                                          "capaian_dilaporkan_teks", "sumber"]),
        (s.t("k.bagian_anggaran"), ang, ["instansi", "tahun", "level", "kode", "uraian", "pagu_teks", "realisasi_teks", "serapan",
                                         "serapan_dilaporkan_teks", "sumber"]),
        (s.t("k.bagian_nilai"), nil, ["instansi", "tahun", "lingkup", "jenis", "nilai_teks", "sumber"]),
    ):
        bagian = data[data["id"].isin(ids)] if len(data) else data
        if len(bagian):
            st.markdown(f"*{nama}*")
            st.dataframe(bagian[kolom], hide_index=True, width="stretch", column_config=label.judul_kolom_semua(kolom, s.bahasa))


def _pilih_instansi_tahun(s: web.Saringan, awalan: str) -> tuple[str | None, int | None]:
    semua = web.daftar_instansi()
    daftar = [i for i in semua if not s.instansi or i in s.instansi]
    k1, k2 = st.columns(2)
    instansi = k1.selectbox(s.t("rv.instansi"), daftar, key=f"{awalan}_instansi") if daftar else None
    tahun_ada = sorted({int(t) for t in web.daftar_tahun() if not s.tahun or t in s.tahun}, reverse=True)
    tahun = k2.selectbox(s.t("rv.tahun"), tahun_ada, key=f"{awalan}_tahun") if tahun_ada else None
    return instansi, tahun


def bagian_lembar_kerja(s: web.Saringan) -> None:
    """Choose an agency-year and download its Lembar kerja reviu."""
    st.caption(s.t("rv.lembar_info"))
    instansi, tahun = _pilih_instansi_tahun(s, "lembar")
    if not instansi or not tahun:
        return
    nama = f"lembar_kerja_reviu_{instansi.replace(' ', '_')}_{tahun}.xlsx"
    st.download_button(s.t("rv.unduh_lembar"), data=lambda: reviu.lembar_kerja(web.store(), instansi, int(tahun)),
                       file_name=nama, mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       on_click="ignore", icon=":material/download:", key="unduh_lembar_kerja", type="primary")


def bagian_catatan(s: web.Saringan, pengguna) -> None:
    """Notes per indicator-year: read them, and write them when allowed."""
    st.caption(s.t("rv.catatan_info"))
    instansi, tahun = _pilih_instansi_tahun(s, "catatan")
    if not instansi or not tahun:
        return
    daftar, ada = _indikator_dan_catatan(*web.kunci(), instansi, int(tahun))
    if not daftar:
        st.info(s.t("rv.tidak_ada_indikator"), icon=":material/info:")
        return
    indikator = st.selectbox(s.t("rv.indikator"), daftar, key="catatan_indikator")
    ada = ada[ada["indikator"] == indikator]
    if len(ada):
        tampil = ada.assign(jenis=ada["jenis"].map(lambda k: _nama(reviu.JENIS_CATATAN, k, s.bahasa)),
                            pihak=ada["pihak"].map(lambda k: _nama(reviu.PIHAK, k, s.bahasa)),
                            waktu=ada["waktu"].map(_waktu))[["jenis", "pihak", "isi", "pengguna", "waktu"]]
        st.dataframe(tampil, hide_index=True, width="stretch",
                     column_config={"jenis": label.judul_kolom("jenis", s.bahasa), "pihak": s.t("rv.pihak"),
                                    "isi": st.column_config.TextColumn(s.t("rv.catatan"), width="large")})
    boleh, _ = web.izin_reviu(pengguna)
    if not boleh:
        st.caption(s.t("rv.perlu_reviewer"))
        return
    pihak = st.radio(s.t("rv.pihak"), list(reviu.PIHAK), horizontal=True, key="catatan_pihak",
                     format_func=lambda k: _nama(reviu.PIHAK, k, s.bahasa))
    with st.form("form_catatan"):
        isi = {}
        for jenis in reviu.JENIS_CATATAN:
            lama = ada[(ada["jenis"] == jenis) & (ada["pihak"] == pihak)]["isi"]
            isi[jenis] = st.text_area(_nama(reviu.JENIS_CATATAN, jenis, s.bahasa), value=lama.iloc[0] if len(lama) else "",
                                      key=f"catatan_{jenis}_{pihak}_{indikator}_{instansi}_{tahun}", height=80,
                                      max_chars=reviu.BATAS_CATATAN)
        kirim = st.form_submit_button(s.t("rv.simpan_catatan"), icon=":material/save:", type="primary")
    if kirim:
        try:
            for jenis, teks in isi.items():
                lama = ada[(ada["jenis"] == jenis) & (ada["pihak"] == pihak)]["isi"]
                if (teks or "").strip() != (lama.iloc[0] if len(lama) else ""):
                    reviu.tulis_catatan(web.store(), instansi, int(tahun), indikator, jenis, teks, pihak, pengguna)
        except (reviu.ReviuError, akses.AksesDitolak) as e:
            st.error(str(e), icon=":material/error:")
        else:
            st.toast(s.t("rv.catatan_tersimpan"), icon=":material/check:")
            st.rerun()


def angka(v) -> str:
    return format_angka(v) if isinstance(v, (int, float)) and pd.notna(v) else "–"
