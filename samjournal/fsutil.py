"""Crash-safe, owner-only file writes: a temp file beside the target, fsync, rename, fsync the
folder; every file and folder the program makes is readable by its owner alone (0600 / 0700 on
POSIX; on Windows the per-user profile folders journals live in already keep other users out)."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import secrets
import stat
import struct
import time
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO, TextIO

from samjournal.errors import DiskFull, ReadOnlyFolder
from samjournal.messages import Said, invalid, keyed, said

NO_SPACE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})

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


FILE_MODE = 0o600
FOLDER_MODE = 0o700
_WIDER = stat.S_IRWXG | stat.S_IRWXO


# O_BINARY on Windows: the C runtime would otherwise turn every \n into \r\n under Python.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def create_private(path: Path) -> BinaryIO:
    """A new file (it must not exist, as "xb"), owner-only from its first byte."""
    return os.fdopen(_new_file(path), "wb")


def create_private_text(path: Path) -> TextIO:
    """As `create_private`, for UTF-8 text written as given (CSV writers choose line ends)."""
    return os.fdopen(_new_file(path), "w", encoding="utf-8", newline="")


def _new_file(path: Path) -> int:
    try:
        return os.open(path, _NEW_FILE, FILE_MODE)
    except FileNotFoundError as exc:  # with O_CREAT: the folder it goes in is not there
        raise invalid("folder", "folder_missing") from exc


def private_folder(path: Path) -> Path:
    """Make `path` (and missing parents) if needed, each folder made here owner-only (a journal's
    parent, the data folder, was left 0755 by `mkdir(parents=True)`: it named the journals in
    it to every account); the folder itself is tightened if it was there already."""
    for folder in reversed(new_folders(path)):
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
    tighten(path)
    return path


def new_folders(path: Path) -> list[Path]:
    """The folders of `path` that are not there yet, innermost first: what making it makes."""
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    return missing


def remove_new_folders(made: list[Path]) -> None:
    """Take away the folders a failed operation made (`new_folders`, asked before it began):
    each only while empty, so nothing put in one since is lost, and never one that was there.
    A failed export left an empty folder on the stick (reliability review)."""
    for folder in made:
        with contextlib.suppress(OSError):
            folder.rmdir()


def tighten(*paths: Path) -> None:
    """Take group and other access away from files and folders made wider (by an older version,
    or a copy). Never fails: on a share, a FAT stick or another owner's file chmod may not be
    possible, and that must not stop a journal from opening."""
    if os.name == "nt":
        return
    for path in paths:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(os.lstat(path).st_mode)
            if mode & _WIDER and not os.path.islink(path):
                os.chmod(path, mode & ~_WIDER)


def tighten_tree(folder: Path) -> None:
    """`tighten` the folder and everything in it (a journal or workspace: a handful of files)."""
    tighten(folder)
    for parent, folders, files in os.walk(folder):
        tighten(*(Path(parent, name) for name in (*folders, *files)))


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
        with create_private(tmp) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise storage_error(exc) from exc


_OS_REASONS: dict[int, Said] = {
    errno.ENOENT: said("os_missing"),
    errno.EISDIR: said("os_folder"),
    errno.ENOTDIR: said("os_not_folder"),
    errno.EACCES: said("os_denied"),
    errno.EPERM: said("os_denied"),
    errno.EROFS: said("os_read_only"),
    errno.ENOSPC: said("os_full"),
    errno.EIO: said("os_io"),
}


def os_reason(exc: OSError) -> Said | str:
    """Why the system refused, in the user's words where the reason is a common one (else the
    system's own text, which is English)."""
    return _OS_REASONS.get(exc.errno or 0) or str(exc.strerror or exc)


def storage_error(exc: OSError) -> Exception:
    if exc.errno in READ_ONLY_ERRNOS:
        return ReadOnlyFolder()
    if exc.errno in NO_SPACE_ERRNOS:
        return keyed(DiskFull, "no_space")
    return exc


# A temp file unchanged this long is no writer's any more: a backup's copy of the database is
# written, then only read (hashed, zipped) for seconds, minutes on a slow stick.
STALE_AFTER = 3600.0  # seconds


def remove_stale_partials(folder: Path, stem: str, *, older_than: float = STALE_AFTER) -> None:
    """Remove the temp files `temp_path` made beside a target named `stem` (and the journal
    SQLite keeps beside a copy of a database in one) not changed for `older_than` seconds: what
    a killed writer left where other sessions may be writing theirs. A backup killed while
    another window had the journal open left its copy of journal.db, and nothing removed it
    (reliability review)."""
    name = re.compile(rf"\.{re.escape(stem)}\.[0-9a-f]{{12}}\.partial(-journal|-wal|-shm)?")
    now = time.time()
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if not name.fullmatch(path.name):
                continue
            with contextlib.suppress(OSError):
                found = path.lstat()
                if stat.S_ISREG(found.st_mode) and now - found.st_mtime > older_than:
                    path.unlink()


def remove_partials(folder: Path, stem: str = "") -> None:
    """Remove temp files a crash left behind beside targets named `stem*`; they are never whole
    files. Only for a folder (or a stem) that no other writer can be using at the same time."""
    for leftover in folder.glob(f".{glob.escape(stem)}*.partial"):
        with contextlib.suppress(OSError):
            leftover.unlink()
