"""The draft as DOCX (python-docx): editable in Word and LibreOffice.

A4; wide tables on landscape pages; each table with its number and title above, a header row that
repeats on every page, figures in Indonesian format (right-aligned), the source and the generated
sentence below. Notes not yet recorded are shown as highlighted placeholders.
"""
from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .model import Laporan, Tabel
from .susun import BELUM_DICATAT
from .sumber import JENIS_CATATAN

_KANAN = ("persen", "rupiah", "angka", "bulat", "rasio", "nilai")
_HURUF = "Arial"


def _orientasi(section, lanskap: bool) -> None:
    lebar, tinggi = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if lanskap else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (tinggi, lebar) if lanskap else (lebar, tinggi)
    for sisi in ("left_margin", "right_margin"):
        setattr(section, sisi, Cm(2.0))
    section.top_margin = section.bottom_margin = Cm(2.0)


def _lebar_isi(section):
    return section.page_width - section.left_margin - section.right_margin


def _ulang_judul(baris) -> None:
    """Mark a table row as a header row repeated at the top of every page (w:tblHeader), unsplittable."""
    trPr = baris._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        trPr.append(el)


def _arsir(sel, warna: str = "DCE6F0") -> None:
    """Shade a header cell (w:shd)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    sel._tc.get_or_add_tcPr().append(shd)


def _nomor_halaman(section) -> None:
    """Centered page number in the footer (a PAGE field), inherited by the following sections."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    p._p.append(fld)


def _teks_sel(sel, teks: str, tebal: bool = False, kanan: bool = False, ukuran: float = 8.5) -> None:
    p = sel.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    if kanan:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = p.add_run(teks)
    run.bold = tebal
    run.font.size = Pt(ukuran)


def _tabel(doc, t: Tabel, lebar_isi) -> None:
    judul = doc.add_paragraph()
    judul.alignment = WD_ALIGN_PARAGRAPH.CENTER
    judul.paragraph_format.keep_with_next = True
    r = judul.add_run(f"Tabel {t.nomor}" if t.nomor else "")
    r.bold = True
    judul.add_run("\n" + t.judul).bold = True
    tampil = t.tampil()
    kolom = t.kolom
    a = doc.add_table(rows=1 + len(tampil), cols=len(kolom))
    a.style = "Table Grid"
    a.alignment = WD_TABLE_ALIGNMENT.CENTER
    a.autofit = False
    bobot = [k.lebar or 1.0 for k in kolom]
    lebar = [int(lebar_isi * b / sum(bobot)) for b in bobot]
    for i, k in enumerate(kolom):
        a.columns[i].width = lebar[i]
        sel = a.cell(0, i)
        sel.width = lebar[i]
        _teks_sel(sel, k.judul, tebal=True)
        _arsir(sel)
    _ulang_judul(a.rows[0])
    gabung = {i for i, k in enumerate(kolom) if k.nama in t.gabung}
    lanjut = [[False] * len(kolom) for _ in range(len(tampil))]
    for i in gabung:
        for r_ in range(1, len(tampil)):
            lanjut[r_][i] = tampil.iat[r_, i] == tampil.iat[r_ - 1, i] and all(
                tampil.iat[r_, j] == tampil.iat[r_ - 1, j] for j in gabung if j < i)
    for r_ in range(len(tampil)):
        for i, k in enumerate(kolom):
            sel = a.cell(r_ + 1, i)
            sel.width = lebar[i]
            if not lanjut[r_][i]:
                _teks_sel(sel, str(tampil.iat[r_, i]), kanan=k.jenis in _KANAN)
    for i in gabung:  # merge each run of equal values (after filling, so no text is duplicated)
        r_ = 0
        while r_ < len(tampil):
            akhir = r_
            while akhir + 1 < len(tampil) and lanjut[akhir + 1][i]:
                akhir += 1
            if akhir > r_:
                a.cell(r_ + 1, i).merge(a.cell(akhir + 1, i))
            r_ = akhir + 1
    for sel in a.rows[-1].cells:  # the last row stays with the source line and the sentence below it
        for p in sel.paragraphs:
            p.paragraph_format.keep_with_next = True
    if t.sumber:
        p = doc.add_paragraph()
        run = p.add_run(f"Sumber: {t.sumber}")
        run.italic = True
        run.font.size = Pt(8)
        p.paragraph_format.space_after = Pt(2)
        p.paragraph_format.keep_with_next = True
    p = doc.add_paragraph(t.kalimat)
    p.paragraph_format.space_after = Pt(10)


def ke_docx(lap: Laporan) -> bytes:
    """The report as DOCX bytes."""
    doc = Document()
    gaya = doc.styles["Normal"]
    gaya.font.name = _HURUF
    gaya.font.size = Pt(10.5)
    bahasa = OxmlElement("w:lang")  # Indonesian proofing in Word and LibreOffice
    bahasa.set(qn("w:val"), "id-ID")
    gaya.element.get_or_add_rPr().append(bahasa)
    doc.core_properties.title = f"{lap.judul} — {lap.subjudul}"
    doc.core_properties.author = "Dasbor LKjIP"
    doc.core_properties.language = "id-ID"
    bagian_pertama = doc.sections[0]
    _orientasi(bagian_pertama, False)
    _nomor_halaman(bagian_pertama)
    judul = doc.add_heading(lap.judul, level=0)
    judul.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub = doc.add_paragraph(lap.subjudul)
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for c in lap.catatan_umum:
        doc.add_paragraph(c)
    lanskap_kini = False
    for b in lap.bab:
        lanskap = any(t.lanskap for t in b.tabel)
        if lanskap != lanskap_kini:
            _orientasi(doc.add_section(WD_SECTION.NEW_PAGE), lanskap)
            lanskap_kini = lanskap
        elif b.halaman_baru:
            doc.add_page_break()
        doc.add_heading(b.judul, level=1)
        for p in b.paragraf:
            doc.add_paragraph(p).paragraph_format.keep_with_next = bool(b.tabel)  # never a heading without its table
        for t in b.tabel:
            _tabel(doc, t, _lebar_isi(doc.sections[-1]))
        for c in b.catatan:
            p = doc.add_paragraph()
            p.paragraph_format.keep_with_next = True
            p.add_run(c.indikator).bold = True
            doc.add_paragraph(c.fakta)
            for jenis, nama in JENIS_CATATAN.items():
                p = doc.add_paragraph(style="List Bullet")
                p.add_run(f"{nama}: ").bold = True
                if c.isi.get(jenis):
                    p.add_run(" ".join(c.isi[jenis]))
                else:
                    run = p.add_run(BELUM_DICATAT.format(jenis=nama.lower()))
                    run.italic = True
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
