"""The command line run in-process through ``lkjip.__main__.main(argv)``: exit code, stdout and stderr as a
user would see them, without the cost of starting Python for every call. Tests that need a real process
(kill, a lock held by another process) start one themselves."""
from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass


@dataclass
class Hasil:
    returncode: int
    stdout: str
    stderr: str


def jalankan(*args, env: dict | None = None, masukan: str | None = None) -> Hasil:
    """``python -m lkjip ARGS`` with $LKJIP_DB unset unless ``env`` sets it; ``masukan`` is standard input."""
    from lkjip.__main__ import main

    lingkungan, stdin = dict(os.environ), sys.stdin
    os.environ.pop("LKJIP_DB", None)
    os.environ.update(env or {})
    if masukan is not None:
        sys.stdin = io.StringIO(masukan)
    keluar, galat = _Aliran(), _Aliran()
    try:
        with redirect_stdout(keluar), redirect_stderr(galat):
            try:
                kode = main([str(a) for a in args])
            except SystemExit as e:  # argparse's --help
                kode = e.code if isinstance(e.code, int) else int(e.code is not None)
    finally:
        os.environ.clear()
        os.environ.update(lingkungan)
        sys.stdin = stdin
    return Hasil(kode, keluar.isi(), galat.isi())


class _Aliran(io.TextIOWrapper):
    """A text stream with a byte buffer underneath, like the real stdout (``sys.stdout.buffer.write``)."""

    def __init__(self):
        super().__init__(io.BytesIO(), encoding="utf-8", newline="\n", write_through=True)

    def isi(self) -> str:
        self.flush()
        return self.buffer.getvalue().decode("utf-8")


def satu_baris_galat(r: Hasil) -> str:
    """Exit 2 and exactly one line starting with 'galat: ', no traceback."""
    assert r.returncode == 2, (r.stdout, r.stderr)
    baris = [b for b in r.stderr.splitlines() if b.strip()]
    assert len(baris) == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert baris[0].startswith("galat: ")
    return baris[0]
