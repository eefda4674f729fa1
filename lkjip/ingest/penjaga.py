"""The guarded reader: an untrusted file is read in a separate worker process, never in the server.

``pratinjau_terjaga(data, nama_file, kemajuan=None, **kw)`` returns the same ``Pratinjau`` as
``lkjip.ingest.pratinjau`` (same keyword arguments) or raises ``GalatBerkas``; the upload page and
``python -m lkjip import`` both call it (``pratinjau_berkas_terjaga`` for a path). The worker:

- is a fresh process forked from a small fork server that has the importer loaded already (so a
  worker starts in tens of milliseconds, and nothing of the server's threads or sessions is in it);
- gets an address-space cap (``resource.setrlimit(RLIMIT_AS)``, ``BATAS_MEMORI_MB`` above what it
  holds when it starts) and a CPU-time cap, runs at a lower priority (``nice``), and is killed when
  it has used ``BATAS_DETIK`` of processor time (read from /proc while it runs), or after
  ``KALI_DINDING`` times that of wall-clock time (on a busy machine a low-priority worker mostly waits);
- sends back the preview (pickled through a pipe), the importer's own message, or progress.

Whatever a file does to the worker (a grid of billions of cells, a quadratic pattern, an abort in
native code, an out-of-memory kill), the server only sees a worker that ended without an answer and
shows one message: "berkas terlalu rumit / terlalu besar untuk dibaca". At most ``PEKERJA_SERENTAK``
workers run at once; the waiting thread sleeps on a pipe and holds no lock, so the server's other
sessions keep the processor. Templates in our own CSV layout take the bulk path (``cepat.py``).
"""
from __future__ import annotations

import io
import logging
import multiprocessing
import os
import threading
import time
import traceback
from pathlib import Path
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.context import ForkServerProcess, set_spawning_popen
from typing import Callable

from ..numbers import format_angka
from .berkas import BATAS_MB, BATAS_UKURAN, PESAN_RUMIT, GalatBerkas, baca_dari_disk

log = logging.getLogger("lkjip.penjaga")

BATAS_DETIK = float(os.environ.get("LKJIP_BATAS_DETIK", "180"))  # processor seconds the worker may use per file
# wall-clock seconds per file, as a multiple of BATAS_DETIK: the worker runs at a low priority, so on a busy
# machine it waits for the processor; that is not the file's fault, and is bounded only by this
KALI_DINDING = float(os.environ.get("LKJIP_KALI_DINDING", "5"))
BATAS_MEMORI_MB = int(os.environ.get("LKJIP_BATAS_MEMORI_MB", "2048"))  # MiB the worker may add to its start
PEKERJA_SERENTAK = 2  # workers at once in one server; further uploads wait their turn

Kemajuan = Callable[[float, str], None]
_giliran = threading.BoundedSemaphore(PEKERJA_SERENTAK)
_konteks_kunci = threading.Lock()
_konteks = None


def _ctx():
    """The fork server context, started once per process with the importer preloaded."""
    global _konteks
    with _konteks_kunci:
        if _konteks is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["lkjip.ingest", "lkjip.ingest.cepat", "lkjip.ingest.penjaga"])
            _konteks = ctx
        return _konteks


class _Popen(popen_forkserver.Popen):
    """A fork-server child that does not re-run the parent's main script (the ``streamlit`` or ``pytest``
    launcher, or a script given on stdin): the worker needs only the preloaded importer."""

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        prep_data.pop("init_main_from_path", None)
        prep_data.pop("init_main_from_name", None)
        buf = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        _parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (_parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _Proses(ForkServerProcess):
    @staticmethod
    def _Popen(process_obj):
        return _Popen(process_obj)


def _memori_sekarang() -> int:
    """Bytes of address space this process holds (VmSize)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _detik_prosesor(pid: int) -> float | None:
    """Processor seconds (user + system) a process has used so far, from /proc; None when unknown."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            bagian = f.read().rsplit(")", 1)[1].split()
        return (int(bagian[11]) + int(bagian[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _batasi(batas_memori_mb: int, batas_detik: float) -> None:
    import resource

    try:
        os.nice(10)
    except OSError:
        pass
    for jenis, batas in ((resource.RLIMIT_AS, _memori_sekarang() + batas_memori_mb * 1024 * 1024 if batas_memori_mb > 0 else None),
                         (resource.RLIMIT_CPU, int(batas_detik) + 2)):
        if batas is None:
            continue
        _, keras = resource.getrlimit(jenis)
        if keras != resource.RLIM_INFINITY:  # the system's own cap is lower: keep it
            batas = min(batas, keras)
        resource.setrlimit(jenis, (batas, keras))


def _kerja(conn, data: bytes, nama_file: str, kw: dict, batas_memori_mb: int, batas_detik: float) -> None:
    """The worker: limits first, then the importer; one answer through the pipe."""
    try:
        _batasi(batas_memori_mb, batas_detik)

        def kemajuan(bagian: float, teks: str) -> None:
            conn.send(("kemajuan", float(bagian), str(teks)))

        from . import cepat, pratinjau
        from .model import Masalah
        from .profil import pilih_profil

        kandidat, wajib = kw.pop("profil_kandidat", None), kw.pop("profil_wajib", False)
        pilihan = pilih_profil(kandidat, data, nama_file, wajib) if kandidat else None
        if pilihan:
            kw["profil"], kw["keputusan"], _ = pilihan
        from .keputusan import Keputusan

        k = kw.get("keputusan")
        polos = kw.get("profil") is None and (k is None or k.ke_json() == Keputusan().ke_json())
        umum = {n: v for n, v in kw.items() if n not in ("keputusan", "profil")}
        # the bulk path reads our template as it is: only when no correction or profile applies
        p = cepat.pratinjau_cepat(data, nama_file, kemajuan=kemajuan, **umum) if polos else None
        if p is None:
            kemajuan(0.1, "membaca")
            p = pratinjau(data, nama_file, **kw)
        if pilihan and not pilihan[2]:
            p.masalah.insert(0, Masalah("peringatan", "", None, None, None,
                                        f"judul kolom berkas ini tidak sama dengan bentuk profil '{pilihan[0]}'; profil tetap "
                                        "dipakai: periksa pemetaan kolom di pratinjau"))
        kemajuan(0.95, "mengirim pratinjau")
        conn.send(("hasil", p))
    except GalatBerkas as e:
        conn.send(("galat", str(e)))
    except (MemoryError, RecursionError) as e:
        conn.send(("rumit", type(e).__name__))
    except BaseException:  # anything else is a bug: reported to the server's log, a plain message to the user
        try:
            conn.send(("salah", traceback.format_exc()))
        except BaseException:
            pass
    finally:
        conn.close()


def pratinjau_terjaga(data: bytes, nama_file: str, kemajuan: Kemajuan | None = None, batas_detik: float | None = None,
                      batas_memori_mb: int | None = None, **kw):
    """``lkjip.ingest.pratinjau`` in a worker process with a memory cap and a time limit (see the module)."""
    batas_detik = BATAS_DETIK if batas_detik is None else batas_detik
    batas_memori_mb = BATAS_MEMORI_MB if batas_memori_mb is None else batas_memori_mb
    lapor = kemajuan or (lambda _b, _t: None)
    if len(data) > BATAS_UKURAN:  # before a worker is started: the cheapest refusal
        raise GalatBerkas(f"Berkas {nama_file} berukuran {format_angka(len(data) / 2**20, 2)} MB, melebihi batas "
                          f"{BATAS_MB} MB. Pecah menjadi beberapa berkas.")
    lapor(0.0, "menunggu giliran")
    with _giliran:
        ctx = _ctx()
        terima, kirim = ctx.Pipe(duplex=False)
        proses = _Proses(target=_kerja, args=(kirim, data, nama_file, kw, batas_memori_mb, batas_detik),
                             name="lkjip-pembaca", daemon=True)
        mulai = time.monotonic()
        try:
            proses.start()
        except OSError as e:
            log.error("pekerja pembaca tidak dapat dijalankan: %s", e)
            raise GalatBerkas(f"Berkas {nama_file} belum dapat diperiksa: pemeriksa berkas tidak dapat dijalankan di "
                              "server. Coba lagi sebentar lagi; bila berulang, hubungi pengelola aplikasi.") from None
        kirim.close()
        jawaban = None
        # the file's work is measured in the worker's processor time (a busy machine does not make a file
        # "too complex"); wall-clock time is bounded at KALI_DINDING times that, and is the measure where
        # /proc cannot tell the processor time
        dinding = batas_detik * max(1.0, KALI_DINDING) if _detik_prosesor(proses.pid) is not None else batas_detik
        try:
            while jawaban is None:
                sisa = dinding - (time.monotonic() - mulai)
                prosesor = _detik_prosesor(proses.pid)
                if sisa <= 0 or (prosesor is not None and prosesor > batas_detik):
                    lewat = format_angka(batas_detik if sisa > 0 else dinding, 1)
                    log.warning("berkas %r: pembacaan dihentikan (%.1f detik prosesor, %.0f detik berlalu)", nama_file,
                                prosesor or 0, time.monotonic() - mulai)
                    raise GalatBerkas(f"{PESAN_RUMIT.format(nama=nama_file)} Pembacaannya melebihi {lewat} detik"
                                      f"{' waktu prosesor' if sisa > 0 else ''} dan dihentikan. Pecah berkas menjadi beberapa "
                                      "bagian atau simpan ulang sebagai templat unggahan.")
                if not terima.poll(min(sisa, 0.2)):
                    if not proses.is_alive() and not terima.poll(0):
                        break
                    continue
                try:
                    pesan = terima.recv()
                except (EOFError, OSError):
                    break
                if pesan[0] == "kemajuan":
                    lapor(pesan[1], pesan[2])
                else:
                    jawaban = pesan
        finally:
            if proses.is_alive():
                proses.kill()
            proses.join(5)
            terima.close()
    if jawaban is None:
        log.warning("berkas %r: pekerja pembaca berhenti tanpa jawaban (kode keluar %s)", nama_file, proses.exitcode)
        raise GalatBerkas(f"{PESAN_RUMIT.format(nama=nama_file)} Pembacaannya melampaui batas memori atau waktu. "
                          "Pecah berkas menjadi beberapa bagian, hapus isi di luar tabel, atau pakai templat unggahan.")
    jenis, isi = jawaban
    if jenis == "hasil":
        lapor(1.0, "selesai")
        return isi
    if jenis == "galat":
        raise GalatBerkas(isi)
    if jenis == "rumit":
        log.warning("berkas %r: %s di pekerja pembaca", nama_file, isi)
        raise GalatBerkas(f"{PESAN_RUMIT.format(nama=nama_file)} Pembacaannya melampaui batas memori. "
                          "Pecah berkas menjadi beberapa bagian, hapus isi di luar tabel, atau pakai templat unggahan.")
    log.error("berkas %r: galat tak terduga di pekerja pembaca\n%s", nama_file, isi)
    raise GalatBerkas(f"Berkas {nama_file} tidak dapat dibaca karena galat di aplikasi (sudah dicatat di log server). "
                      "Coba simpan ulang dari Excel sebagai .xlsx atau .csv; bila berulang, hubungi pengelola aplikasi.")


def pratinjau_berkas_terjaga(path: str | Path, kemajuan: Kemajuan | None = None, **kw):
    """``pratinjau_terjaga`` of a file on disk; its size is checked before it is read into memory."""
    return pratinjau_terjaga(baca_dari_disk(path), Path(path).name, kemajuan=kemajuan, **kw)
