"""The upload page's "what was understood" section: per table found, its header rows, which column became
which field, the unit, agency, year and period, the totals read; and the corrections a planner makes
(header rows, column fields, unit, tables and sheets included), recorded as ``Keputusan``.

``pemahaman`` draws and returns True when the planner changed a decision (the page then re-reads the
file with it); the decisions are plain data, so a profile can save and reuse them.
"""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from . import label, web
from .ingest import Keputusan, Pratinjau
from .ingest.indikator import AWAL_POLARITAS_SARAN
from .ingest.judul import NAMA_SKALA
from .ingest.keputusan import AturanTabel
from .ingest.ringkasan import teks_triwulan, total_dibaca, triwulan_dibaca
from .ingest.tabel import _BANTU, KOLOM
from .numbers import format_angka
from .vocab import LEVEL

_SKALA = [1.0, 1e3, 1e6, 1e9]
_ALASAN = {"tersembunyi": ("tersembunyi", "Hidden"), "grafik": ("grafik", "Chart"), "sampul": ("sampul", "Cover")}


def _rp(v) -> str:
    return "–" if v is None or v != v else "Rp " + format_angka(v, 0)


def _baris(teks: str) -> list[int] | None:
    angka = [int(x) for x in re.findall(r"\d+", teks or "")]
    return sorted(set(angka)) if angka and all(0 < x < 100_000 for x in angka) else None


def _nama_tingkat(kode: str, s) -> str:
    """A row of the totals read: a stored level, a table, or a level read but not stored (urusan, accounts)."""
    if kode in LEVEL:
        return label.level(kode, s.bahasa)
    if kode in ("indikator", "renstra"):
        return label.nama_tabel(kode, s.bahasa)
    return s.t("ug.pm_tidak_disimpan", nama=s.t(f"ug.pm_lv_{kode}"))


def _bidang(jenis: str) -> list[str]:
    return [""] + [b for b in KOLOM[jenis] if b not in ("instansi",)] + sorted(_BANTU.get(jenis, set()) - {"_persen"}) + ["instansi"]


def lupakan_koreksi() -> None:
    """Forget the correction widgets' state (a new file, or the profile dropped)."""
    for kunci in [kk for kk in st.session_state if str(kk).startswith("ug_")]:
        del st.session_state[kunci]


def pemahaman(s, p: Pratinjau, k: Keputusan, boleh_ubah: bool) -> bool:
    """Draw what the importer understood; True when a decision changed."""
    berubah = False
    st.subheader(s.t("ug.pm_judul"))
    if p.profil:
        c1, c2 = st.columns([4, 1])
        c1.info(s.t("ug.pm_profil", nama=web.md(p.profil)), icon=":material/bookmark:")
        if c2.button(s.t("ug.pm_tanpa_profil"), key="unggah_tanpa_profil"):
            st.session_state["unggah_keputusan"] = Keputusan()
            st.session_state["unggah_profil"] = None
            lupakan_koreksi()
            return True
    if p.format_asli:
        st.caption(s.t("ug.pm_format_asli", apa=web.md(p.format_asli)))
    for ll in p.lembar_lain:
        alasan = _ALASAN.get(ll.alasan, (ll.alasan, ll.alasan))[1 if s.bahasa == "en" else 0]
        if ll.alasan == "sampul":
            continue
        ikut = st.checkbox(s.t("ug.pm_sertakan", nama=web.md(ll.nama)) + f" ({alasan})", value=ll.disertakan,
                           key=f"ug_ikut_{ll.nama}", disabled=not boleh_ubah)
        if ikut != ll.disertakan:
            k.lembar_ikut = sorted(set(k.lembar_ikut) ^ {ll.nama})
            berubah = True
    n_beda = sum("capaian tercetak" in m.pesan and m.tingkat == "peringatan" and not m.pesan.startswith(AWAL_POLARITAS_SARAN)
                 for m in p.masalah)
    if n_beda:
        st.warning(s.t("ug.pm_capaian_beda", n=n_beda), icon=":material/difference:")
    saran = [m for m in p.masalah if m.tingkat == "peringatan" and m.pesan.startswith(AWAL_POLARITAS_SARAN)]
    if saran:
        daftar = "; ".join(f"{web.md(m.nilai)} ({s.t('ug.pm_letak', lembar=web.md(m.lembar), baris=m.baris)})" for m in saran)
        st.warning(s.t("ug.pm_polaritas_saran", n=len(saran), daftar=daftar), icon=":material/swap_vert:")
    for i, lb in enumerate(p.lembar):
        with st.container(border=True):
            if not lb.jenis:
                berubah |= _tanpa_tabel(s, lb, k, boleh_ubah, i)
            else:
                berubah |= _tabel(s, p, lb, k, boleh_ubah, i)
    return berubah


def _tanpa_tabel(s, lb, k: Keputusan, boleh_ubah: bool, i: int) -> bool:
    st.markdown(s.t("ug.pm_tak_dikenali", nama=web.md(lb.nama)))
    if lb.contoh:
        contoh = pd.DataFrame(lb.contoh, index=range(1, len(lb.contoh) + 1))
        contoh.columns = [chr(65 + c) for c in range(contoh.shape[1])]
        st.dataframe(contoh, width="stretch", height=min(36 * (len(contoh) + 1), 300))
    if not boleh_ubah:
        return False
    c1, c2, c3 = st.columns([1, 1, 1])
    baris = c1.number_input(s.t("ug.pm_header_satu"), min_value=1, max_value=100_000, value=1, step=1, key=f"ug_hdr_baru_{i}")
    jenis = c2.selectbox(s.t("ug.pm_jenis"), ["indikator", "anggaran", "renstra", "skor"], key=f"ug_jenis_baru_{i}",
                         format_func=lambda j: label.nama_tabel(j, s.bahasa))
    if c3.button(s.t("ug.pm_baca"), key=f"ug_baca_{i}", icon=":material/table_view:"):
        a = k.aturan(lb.kunci)
        a.baris_header, a.jenis = [int(baris)], jenis
        return True
    return False


def _tabel(s, p: Pratinjau, lb, k: Keputusan, boleh_ubah: bool, i: int) -> bool:
    berubah = False
    bentuk = f" ({lb.bentuk})" if lb.bentuk else ""
    st.markdown(s.t("ug.pm_tabel", nama=web.md(lb.nama), n=lb.kunci.rpartition("#")[2], jenis=label.nama_tabel(lb.jenis, s.bahasa), bentuk=web.md(bentuk),
                    header=", ".join(map(str, lb.baris_header)), akhir=lb.baris_akhir or "–"))
    satuan = s.t("ug.pm_satuan_rp") if lb.skala == 1 else NAMA_SKALA.get(lb.skala, f"×{format_angka(lb.skala, 0)}")
    if lb.skala_dari:
        satuan += f" — {lb.skala_dari}"
    periode = s.t("ug.pm_periode", periode=lb.periode) if lb.periode else ""
    konteks = s.t("ug.pm_konteks", instansi=web.md(lb.instansi or "–"), tahun=lb.tahun or "–", periode=periode,
                  satuan=web.md(satuan))
    st.markdown(konteks if lb.jenis == "anggaran" else konteks.rsplit(" · ", 1)[0])
    if lb.jenis == "indikator":
        _triwulan(s, p, lb)
    tot = total_dibaca(p, lb.kunci)
    if len(tot):
        st.caption(s.t("ug.pm_total"))
        st.dataframe(tot.assign(pagu=tot["pagu"].map(_rp), realisasi=tot["realisasi"].map(_rp),
                                tingkat=tot["kode"].map(lambda k: _nama_tingkat(k, s))).drop(columns="kode").rename(
            columns={"tingkat": s.t("ug.pm_tingkat"), "baris": s.t("ug.pm_baris"), "pagu": label.judul_kolom("pagu", s.bahasa),
                     "realisasi": label.judul_kolom("realisasi", s.bahasa)}), hide_index=True, width="stretch",
            placeholder=web.KOSONG)
    ang = p.tabel.get("anggaran")
    if lb.jenis == "anggaran" and ang is not None and len(ang) and "_tabel" in ang:
        baris = ang[ang["_tabel"] == lb.kunci]
        with st.expander(s.t("ug.pm_baris_anggaran", n=len(baris)), icon=":material/list:"):
            kolom = [c for c in ("_baris", "kode", "uraian", "level", "pagu_teks", "pagu", "realisasi_teks", "realisasi", "catatan")
                     if c in baris]
            tampil = baris[kolom].astype(object)
            for c in ("pagu", "realisasi"):
                if c in tampil:
                    tampil[c] = tampil[c].map(_rp)
            if "level" in tampil:
                tampil["level"] = tampil["level"].map(lambda v: label.level(v, s.bahasa) if isinstance(v, str) else v)
            st.dataframe(tampil.where(tampil.notna(), "–").rename(columns={
                "_baris": s.t("ug.masalah_baris"), **{c: label.judul_kolom(c, s.bahasa) for c in kolom if c != "_baris"}}),
                hide_index=True, width="stretch", placeholder=web.KOSONG)
    peta = {h: b for h, _, b, _ in lb.pemetaan}
    terbuka = not lb.jumlah_baris or lb.kunci in k.tabel or any(m.tingkat == "galat" and m.lembar == lb.nama for m in p.masalah)
    with st.expander(s.t("ug.pm_pemetaan"), expanded=terbuka, icon=":material/tune:"):
        peta_df = pd.DataFrame(lb.pemetaan, columns=["kolom", "judul", "bidang", "tahun"]).astype(object)
        peta_df["tahun"] = peta_df["tahun"].map(lambda t: "–" if t is None or t != t else str(int(t)))
        peta_df["bidang"] = peta_df["bidang"].map(lambda b: label.judul_kolom(b, s.bahasa) if b else "–")
        st.dataframe(peta_df.rename(columns={x: s.t(f"ug.peta_{x}") for x in peta_df.columns}), hide_index=True, width="stretch",
                     placeholder=web.KOSONG)
        if lb.diabaikan:
            st.caption(s.t("ug.diabaikan") + " " + "; ".join(
                f"{web.md(h)} '{web.md(j)}' ({web.md(a)})" for h, j, a in lb.diabaikan))
        if not boleh_ubah:
            return False
        v = _versi(i, lb)
        a = k.tabel.get(lb.kunci) or AturanTabel()
        c1, c2, c3 = st.columns(3)
        hdr = c1.text_input(s.t("ug.pm_header"), value=", ".join(map(str, lb.baris_header)), key=f"ug_hdr_{i}{v}")
        skala = c2.selectbox(s.t("ug.pm_skala"), _SKALA, index=_SKALA.index(lb.skala) if lb.skala in _SKALA else 0,
                             key=f"ug_skala_{i}{v}", format_func=lambda x: "rupiah" if x == 1 else NAMA_SKALA[x])
        ikut = c3.checkbox(s.t("ug.pm_ikut"), value=not lb.diabaikan_pengguna, key=f"ug_tabel_ikut_{i}{v}")
        # a widget differs from what was read and from what is already decided: a new decision
        baru = _baris(hdr)
        if baru and baru != lb.baris_header and baru != a.baris_header:
            k.aturan(lb.kunci).baris_header = baru
            berubah = True
        if skala != lb.skala and skala != a.skala:
            k.aturan(lb.kunci).skala = skala
            berubah = True
        if ikut == lb.diabaikan_pengguna and (not ikut) != a.abaikan:
            k.aturan(lb.kunci).abaikan = not ikut
            berubah = True
        pilihan = _bidang(lb.jenis)
        kolom = st.columns(3)
        for j, (huruf, judul) in enumerate(lb.kolom_judul):
            kini = peta.get(huruf, "")
            opsi = pilihan if kini in pilihan else pilihan + [kini]
            dipilih = kolom[j % 3].selectbox(
                s.t("ug.pm_kolom_jadi", huruf=huruf), opsi, index=opsi.index(kini),
                key=f"ug_kol_{i}_{huruf}{v}", format_func=lambda b: label.judul_kolom(b, s.bahasa) if b else s.t("ug.pm_abaikan"))
            if judul:
                kolom[j % 3].caption(f"«{web.md(judul[:60])}»")
            if dipilih != kini and dipilih != a.kolom.get(huruf):
                k.aturan(lb.kunci).kolom[huruf] = dipilih
                berubah = True
    return berubah


def _versi(i: int, lb) -> str:
    """A suffix for the keys of a table's correction widgets, new each time the table is read differently
    (a correction re-read it, or one of the Renja form's tables followed another's header rows): the widgets
    then start again from what is now read. A widget kept under the same key would keep showing, and send
    back, the previous reading, taken for a new decision."""
    tanda = (lb.kunci, lb.jenis, tuple(lb.baris_header), tuple(lb.pemetaan), lb.skala, lb.diabaikan_pengguna)
    lama = st.session_state.get(f"ug_tanda_{i}")
    versi = st.session_state.get(f"ug_versi_{i}", 0)
    if lama is not None and lama != tanda:
        versi += 1
    st.session_state[f"ug_tanda_{i}"], st.session_state[f"ug_versi_{i}"] = tanda, versi
    return f"_{versi}" if versi else ""


def _triwulan(s, p: Pratinjau, lb) -> None:
    """The quarters read for the indicators of one table, and whether the year is still in progress."""
    n, ada = triwulan_dibaca(p, lb.kunci)
    if not n:
        return
    tw = teks_triwulan(ada)
    periode = s.t("ug.pm_triwulan_berjalan", periode=lb.periode) if lb.periode else ""
    (st.warning if lb.periode else st.caption)(s.t("ug.pm_triwulan", n=n, tw=tw, periode=periode))


def simpan_profil(s, store, p: Pratinjau, pengguna: str | None, instansi: str | None = None) -> None:
    """The form that saves the preview's decisions as a named profile (with the agency chosen, if any)."""
    from .ingest.profil import GalatProfil
    from .ingest.profil import simpan_profil as simpan

    with st.expander(s.t("ug.pm_simpan_profil"), icon=":material/bookmark_add:", expanded=bool(p.keputusan and (
            p.keputusan.tabel or p.keputusan.lembar_ikut) and not p.profil)):
        c1, c2 = st.columns([3, 1])
        nama = c1.text_input(s.t("ug.pm_nama_profil"), value=p.profil or "", placeholder=s.t("ug.pm_nama_contoh"),
                             key="unggah_nama_profil")
        if c2.button(s.t("ug.pm_tombol_profil"), key="unggah_simpan_profil", icon=":material/bookmark_add:"):
            try:
                if instansi and isinstance(p.keputusan, Keputusan):
                    p.keputusan.instansi = instansi
                simpan(store, nama, p, pengguna=pengguna, ganti=bool(p.profil and nama.strip() == p.profil))
                st.success(s.t("ug.pm_profil_tersimpan", nama=web.md(nama.strip())), icon=":material/check_circle:")
            except GalatProfil as e:
                st.error(web.md(e), icon=":material/error:")


def daftar_profil(s, store, boleh_ubah: bool, pengguna: str | None) -> None:
    from .ingest.profil import daftar_profil as daftar
    from .ingest.profil import hapus_profil

    df = daftar(store)
    if not len(df):
        return
    with st.expander(s.t("ug.pm_daftar_profil") + f" ({len(df)})", icon=":material/bookmarks:"):
        st.dataframe(df[["nama", "tabel", "dibuat", "pengguna", "dipakai"]], hide_index=True, width="stretch", placeholder=web.KOSONG)
        if boleh_ubah:
            c1, c2 = st.columns([3, 1])
            nama = c1.selectbox(s.t("ug.pm_nama_profil"), list(df["nama"]), key="unggah_profil_hapus")
            if c2.button(s.t("ug.pm_hapus_profil"), key="unggah_hapus_profil", icon=":material/delete:"):
                hapus_profil(store, nama, pengguna)
                st.session_state["unggah_pesan"] = s.t("ug.pm_profil_dihapus", nama=nama)
                st.rerun()
