"""Crash-safe file writes: a temp file beside the target, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import struct
import zipfile
import zlib
from pathlib import Path

from samjournal.errors import StorageFull

_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}

# What zipfile can raise on a hostile or damaged archive: all mean "unreadable".
ZIP_READ_ERRORS: tuple[type[Exception], ...] = (
    OSError,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    KeyError,
    ValueError,
    EOFError,
    NotImplementedError,  # a forged "version needed to extract"
    OverflowError,  # a zip64 offset near 2**64, passed to seek()
    struct.error,
    RuntimeError,  # an encrypted member
    RecursionError,  # JSON nested too deep
    zlib.error,
)


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; rename is durable there.
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path(target: Path) -> Path:
    """A name beside `target` that says nothing about the content and is never taken for it."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.partial")


def atomic_write(target: Path, data: bytes) -> None:
    """Replace `target` with `data` so that a crash leaves either the old or the new file."""
    tmp = temp_path(target)
    try:
        with tmp.open("xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise storage_error(exc) from exc


def storage_error(exc: OSError) -> Exception:
    if exc.errno in _FULL:
        return StorageFull("Lagring feilet: disken er full eller mappen er skrivebeskyttet.")
    return exc


def remove_partials(folder: Path, stem: str = "") -> None:
    """Remove temp files a crash left behind beside targets named `stem*`; they are never whole
    files. Only for a folder (or a stem) that no other writer can be using at the same time."""
    for leftover in folder.glob(f".{glob.escape(stem)}*.partial"):
        with contextlib.suppress(OSError):
            leftover.unlink()
